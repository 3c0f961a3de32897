#include "ScheduleFilePatch.h"

#include "ScheduleConfig.h"
#include "yaml/YamlText.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <optional>

namespace flowdeck {

namespace {

/// The keys of an entry that are not the schedule's own (ScheduleConfig's) keys.
const QStringList kEntryKeys = {
    "name",      "flow", "parameters", "catchup", "catchup_cap", "max_active_runs",
    "collision", "pool", "queue",      "active",  "deployment"};

QVariant toVariant(const YAML::Node &node) {
    if (node.IsMap()) {
        QVariantMap map;
        for (auto it = node.begin(); it != node.end(); ++it)
            map.insert(QString::fromStdString(it->first.Scalar()), toVariant(it->second));
        return map;
    }
    if (node.IsSequence()) {
        QVariantList list;
        for (const YAML::Node &item : node) list << toVariant(item);
        return list;
    }
    return node.IsNull() ? QVariant() : QVariant(QString::fromStdString(node.Scalar()));
}

/// Values compared as the file reads them: scalars as text, maps and lists item by item.
bool sameValue(const QVariant &a, const QVariant &b) {
    const bool aMap = a.typeId() == QMetaType::QVariantMap, bMap = b.typeId() == QMetaType::QVariantMap;
    if (aMap || bMap) {
        const QVariantMap x = a.toMap(), y = b.toMap();
        if (!aMap || !bMap || x.keys() != y.keys()) return false;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it)
            if (!sameValue(it.value(), y.value(it.key()))) return false;
        return true;
    }
    const bool aList = a.typeId() == QMetaType::QVariantList, bList = b.typeId() == QMetaType::QVariantList;
    if (aList || bList) {
        const QVariantList x = a.toList(), y = b.toList();
        if (!aList || !bList || x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); ++i)
            if (!sameValue(x.at(i), y.at(i))) return false;
        return true;
    }
    return a.toString() == b.toString();
}

int indentOf(const QString &line) {
    int n = 0;
    while (n < line.size() && line.at(n) == QLatin1Char(' ')) ++n;
    return n;
}

bool isBlankOrComment(const QString &line) {
    const QString t = line.trimmed();
    return t.isEmpty() || t.startsWith(QLatin1Char('#'));
}

bool isDash(const QString &line, int indent) {
    return indentOf(line) == indent &&
           (line.mid(indent) == QLatin1String("-") || line.mid(indent).startsWith(QLatin1String("- ")));
}

/// The lines of a text, each without its newline.
QStringList linesOf(const QByteArray &source) {
    QStringList lines = QString::fromUtf8(source).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

/// Where the `schedules:` list is in the lines of the file.
struct ListPlace {
    int header = -1;           ///< the `schedules:` line, -1 when there is none
    bool inlineEmpty = false;  ///< `schedules: []`
    int dashIndent = 2;
    int end = 0;                             ///< one past the last line of the list's items
    std::vector<std::pair<int, int>> items;  ///< [first, last] line of each item
};

std::optional<ListPlace> findList(const QStringList &lines, QString *error) {
    static const QRegularExpression header(QStringLiteral("^schedules\\s*:\\s*(\\[\\s*\\])?\\s*(#.*)?$"));
    ListPlace place;
    place.end = int(lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        const auto m = header.match(lines.at(i));
        if (!m.hasMatch()) continue;
        place.header = i;
        place.inlineEmpty = m.capturedLength(1) > 0;
        break;
    }
    if (place.header < 0 || place.inlineEmpty) {
        place.end = place.header < 0 ? int(lines.size()) : place.header + 1;
        return place;
    }
    int i = place.header + 1;
    while (i < lines.size() && isBlankOrComment(lines.at(i))) ++i;
    if (i < lines.size() && lines.at(i).trimmed().startsWith(QLatin1Char('-')))
        place.dashIndent = indentOf(lines.at(i));
    else if (i < lines.size() && indentOf(lines.at(i)) > 0) {
        if (error)
            *error = QStringLiteral("flowdeck.yaml:%1: schedules must be a list of entries (- name: ...)")
                         .arg(i + 1);
        return std::nullopt;
    }
    // The list ends at the first content line that is neither an item nor inside one.
    int lastContent = place.header;
    for (int j = place.header + 1; j < lines.size(); ++j) {
        const QString &line = lines.at(j);
        if (isBlankOrComment(line)) continue;
        if (isDash(line, place.dashIndent)) {
            if (!place.items.empty()) place.items.back().second = lastContent;
            place.items.push_back({j, j});
        } else if (indentOf(line) <= place.dashIndent) {
            break;  // the next top-level key
        }
        lastContent = j;
    }
    if (!place.items.empty()) place.items.back().second = lastContent;
    place.end = lastContent + 1;
    return place;
}

/// The item's lines as a mapping at indent dashIndent + 2 (its `- ` made spaces).
QStringList asMapping(const QStringList &lines, std::pair<int, int> item, int dashIndent) {
    QStringList out = lines.mid(item.first, item.second - item.first + 1);
    out[0] = QString(dashIndent + 2, QLatin1Char(' ')) + out[0].mid(dashIndent + 2);
    return out;
}

QString nameOfItem(const QStringList &mapping) {
    try {
        const YAML::Node node = YAML::Load(mapping.join(QLatin1Char('\n')).toStdString());
        if (node.IsMap() && node["name"] && node["name"].IsScalar())
            return QString::fromStdString(node["name"].Scalar());
    } catch (const YAML::Exception &) {
    }
    return QString();
}

/// One key of an item and its lines (relative to the mapping), continuation lines included.
struct KeyChunk {
    QString key;
    int first = 0;
    int last = 0;
    QVariant value;
};

std::vector<KeyChunk> chunksOf(const QStringList &mapping, int keyIndent) {
    static const QRegularExpression keyLine(QStringLiteral("^([A-Za-z0-9_\"'.-]+)\\s*:(\\s|$)"));
    std::vector<KeyChunk> chunks;
    for (int i = 0; i < mapping.size(); ++i) {
        const QString &line = mapping.at(i);
        if (isBlankOrComment(line)) continue;
        if (indentOf(line) == keyIndent) {
            const auto m = keyLine.match(line.mid(keyIndent));
            if (!m.hasMatch()) continue;
            QString key = m.captured(1);
            key.remove(QLatin1Char('"')).remove(QLatin1Char('\''));
            chunks.push_back({key, i, i, {}});
        } else if (!chunks.empty()) {
            chunks.back().last = i;  // deeper: the value goes on
        }
    }
    for (KeyChunk &c : chunks) {
        try {
            const YAML::Node node =
                YAML::Load(mapping.mid(c.first, c.last - c.first + 1).join(QLatin1Char('\n')).toStdString());
            if (node.IsMap()) c.value = toVariant(node[c.key.toStdString()]);
        } catch (const YAML::Exception &) {
        }
    }
    return chunks;
}

/// The schedule keys of an item as ScheduleConfig writes them, so `start_date: 2026-01-01` and
/// its UTC form compare equal and a date the user did not touch keeps the user's spelling.
QVariantMap normalisedConfig(const std::vector<KeyChunk> &chunks) {
    QVariantMap map;
    for (const KeyChunk &c : chunks)
        if (!kEntryKeys.contains(c.key)) map.insert(c.key, c.value);
    const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(map);
    return parsed.ok() ? parsed.config.toVariantMap() : QVariantMap();
}

QString entryLines(const ScheduleEntryKey &k, int indent) {
    return yaml::valueEntry(indent, k.key, k.value);
}

/// The new item's lines: the old item patched key by key, or (with no old item) written afresh.
QStringList patchedItem(const QStringList &oldMapping, const ScheduleEntry &entry, int dashIndent) {
    const int keyIndent = dashIndent + 2;
    QStringList out;
    if (oldMapping.isEmpty()) {
        for (const ScheduleEntryKey &k : entry)
            if (!k.onlyIfPresent)
                out += entryLines(k, keyIndent).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    } else {
        const std::vector<KeyChunk> chunks = chunksOf(oldMapping, keyIndent);
        const QVariantMap normalised = normalisedConfig(chunks);
        auto find = [&entry](const QString &key) -> const ScheduleEntryKey * {
            for (const ScheduleEntryKey &k : entry)
                if (k.key == key) return &k;
            return nullptr;
        };
        int next = 0;  // the next old line to copy
        QStringList seen;
        for (const KeyChunk &c : chunks) {
            out += oldMapping.mid(next, c.first - next);  // comments and blank lines between keys
            next = c.last + 1;
            seen << c.key;
            const ScheduleEntryKey *k = find(c.key);
            if (!k) continue;  // the key went: its lines go
            const bool same = sameValue(c.value, k->value) ||
                              (normalised.contains(c.key) && sameValue(normalised.value(c.key), k->value));
            if (same)
                out += oldMapping.mid(c.first, c.last - c.first + 1);
            else
                out += entryLines(*k, keyIndent).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        }
        const QStringList tail = oldMapping.mid(next);
        for (const ScheduleEntryKey &k : entry)
            if (!seen.contains(k.key) && !k.onlyIfPresent)
                out += entryLines(k, keyIndent).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        out += tail;
    }
    // The first key line carries the item's dash.
    for (QString &line : out)
        if (!isBlankOrComment(line)) {
            line = QString(dashIndent, QLatin1Char(' ')) + QLatin1String("- ") + line.mid(keyIndent);
            break;
        }
    return out;
}

QString entryName(const ScheduleEntry &entry) {
    for (const ScheduleEntryKey &k : entry)
        if (k.key == QLatin1String("name")) return k.value.toString();
    return QString();
}

QByteArray joined(const QStringList &lines) {
    return lines.isEmpty() ? QByteArray() : (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

bool checkYaml(const QByteArray &source, QString *error) {
    try {
        const YAML::Node root = YAML::Load(source.toStdString());
        if (root && !root.IsNull() && !root.IsMap()) {
            if (error) *error = QStringLiteral("flowdeck.yaml is not a mapping of settings");
            return false;
        }
        if (root && root.IsMap() && root["schedules"] && !root["schedules"].IsNull() &&
            !root["schedules"].IsSequence()) {
            if (error)
                *error = QStringLiteral("flowdeck.yaml: schedules must be a list of entries (- name: ...)");
            return false;
        }
    } catch (const YAML::Exception &e) {
        if (error)
            *error =
                QStringLiteral("flowdeck.yaml is not valid YAML: %1").arg(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

bool writeAtomically(const QString &path, const QByteArray &text, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        if (error)
            *error =
                QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

QByteArray readAll(const QString &path, bool *ok, QString *error) {
    QFile file(path);
    *ok = true;
    if (!file.exists()) return QByteArray();
    if (!file.open(QIODevice::ReadOnly)) {
        *ok = false;
        if (error)
            *error =
                QStringLiteral("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return QByteArray();
    }
    return file.readAll();
}

}  // namespace

ScheduleEntry scheduleEntryOf(const ScheduleRecord &record, const QString &workspaceFile,
                              const QVariantMap &typedParameters) {
    ScheduleEntry entry;
    entry.push_back({QStringLiteral("name"), record.name});
    entry.push_back({QStringLiteral("flow"),
                     QDir(QFileInfo(workspaceFile).absolutePath()).relativeFilePath(record.flowPath)});
    const QVariantMap &config = record.config;
    const QStringList order = {"schedule_type", "cron_expression", "day_or",     "interval_seconds",
                               "anchor",        "rrule",           "start_date", "end_date",
                               "timezone",      "timezone_offset"};
    for (const QString &key : order)
        if (config.contains(key))
            // The type follows from the keys given: written only where the user wrote it.
            entry.push_back({key, config.value(key), key == QLatin1String("schedule_type")});
    const QVariantMap parameters = typedParameters.isEmpty() ? record.parameters : typedParameters;
    entry.push_back({QStringLiteral("parameters"), parameters, parameters.isEmpty()});
    entry.push_back({QStringLiteral("catchup"), toString(record.catchUp), record.catchUp == CatchUp::Skip});
    entry.push_back({QStringLiteral("catchup_cap"), qint64(record.catchUpCap), record.catchUpCap == 100});
    entry.push_back(
        {QStringLiteral("max_active_runs"), qint64(record.maxActiveRuns), record.maxActiveRuns == 0});
    entry.push_back(
        {QStringLiteral("collision"), toString(record.collision), record.collision == Collision::Enqueue});
    entry.push_back({QStringLiteral("pool"), record.pool, record.pool == QLatin1String("default")});
    entry.push_back({QStringLiteral("queue"), record.queue, record.queue == QLatin1String("default")});
    entry.push_back({QStringLiteral("active"), record.active, record.active});
    return entry;
}

QByteArray patchScheduleEntry(const QByteArray &source, const ScheduleEntry &entry, QString *error) {
    if (!checkYaml(source, error)) return QByteArray();
    QStringList lines = linesOf(source);
    const auto place = findList(lines, error);
    if (!place) return QByteArray();
    const QString name = entryName(entry);
    for (const auto &item : place->items) {
        const QStringList mapping = asMapping(lines, item, place->dashIndent);
        if (nameOfItem(mapping) != name) continue;
        const QStringList patched = patchedItem(mapping, entry, place->dashIndent);
        lines = lines.mid(0, item.first) + patched + lines.mid(item.second + 1);
        return joined(lines);
    }
    const QStringList fresh = patchedItem({}, entry, place->dashIndent);
    if (place->header < 0) {
        if (!lines.isEmpty() && !lines.last().trimmed().isEmpty()) lines << QString();
        lines << QStringLiteral("schedules:");
        lines += fresh;
        return joined(lines);
    }
    if (place->inlineEmpty) {
        // `schedules: []  # note` becomes a block list; its comment stays on the header.
        QString header = lines.at(place->header);
        header.replace(QRegularExpression(QStringLiteral("\\[\\s*\\]")), QString());
        lines[place->header] =
            header.trimmed().replace(QRegularExpression(QStringLiteral(":\\s+#")), QStringLiteral(":  #"));
    }
    lines = lines.mid(0, place->end) + fresh + lines.mid(place->end);
    return joined(lines);
}

QByteArray removeScheduleEntry(const QByteArray &source, const QString &name, bool *found, QString *error) {
    *found = false;
    if (!checkYaml(source, error)) return QByteArray();
    QStringList lines = linesOf(source);
    const auto place = findList(lines, error);
    if (!place) return QByteArray();
    for (const auto &item : place->items) {
        if (nameOfItem(asMapping(lines, item, place->dashIndent)) != name) continue;
        *found = true;
        lines = lines.mid(0, item.first) + lines.mid(item.second + 1);
        if (place->items.size() == 1) lines[place->header] = QStringLiteral("schedules: []");
        break;
    }
    return joined(lines);
}

bool saveScheduleEntry(const QString &workspaceFile, const ScheduleEntry &entry, QString *error) {
    bool ok = false;
    const QByteArray source = readAll(workspaceFile, &ok, error);
    if (!ok) return false;
    const QByteArray patched = patchScheduleEntry(source, entry, error);
    if (patched.isEmpty()) return false;
    return writeAtomically(workspaceFile, patched, error);
}

bool removeScheduleFromFile(const QString &workspaceFile, const QString &name, QString *error) {
    bool ok = false;
    const QByteArray source = readAll(workspaceFile, &ok, error);
    if (!ok) return false;
    bool found = false;
    const QByteArray patched = removeScheduleEntry(source, name, &found, error);
    if (!found) {
        if (error && error->isEmpty())
            *error = QStringLiteral("%1 declares no schedule '%2'").arg(workspaceFile, name);
        return false;
    }
    return writeAtomically(workspaceFile, patched, error);
}

}  // namespace flowdeck
