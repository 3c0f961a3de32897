#include "Settings.h"

#include "flow/Units.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace flowdeck {

namespace {

/// How a setting's text is read; each kind has one parser and one "expected" phrase.
enum class Kind { Count, Days, Size, Level, Path, Program, Duration, Limit };

struct Spec {
    QString key;
    QString env;
    QString flag;
    QString valueName;
    QString meaning;
    Kind kind;
};

const std::vector<Spec> &specs() {
    static const std::vector<Spec> list = {
        {"max_parallel", "FLOWDECK_MAX_PARALLEL", "max-parallel", "N",
         "Most tasks of one run running at once", Kind::Count},
        {"memory_limit", "FLOWDECK_MEMORY_LIMIT", "memory-limit", "SIZE",
         "Memory limit of each task's process tree (e.g. 2GB), or none", Kind::Size},
        {"log_level", "FLOWDECK_LOG_LEVEL", "log-level", "LEVEL",
         "Level of the application log: trace, debug, info, warning, error or off", Kind::Level},
        {"database", "FLOWDECK_DB", "db", "PATH", "The SQLite run store", Kind::Path},
        {"retention_days", "FLOWDECK_RETENTION_DAYS", "retention-days", "DAYS",
         "Runs older than this are pruned; 0 keeps them forever", Kind::Days},
        {"python", "FLOWDECK_PYTHON", "python", "PROGRAM", "Interpreter of python tasks", Kind::Program},
        {"shell", "FLOWDECK_SHELL", "shell", "PROGRAM", "Interpreter of shell tasks", Kind::Program},
        {"kill_grace", "FLOWDECK_KILL_GRACE", "kill-grace", "DURATION",
         "Time between SIGTERM and SIGKILL when a task is stopped", Kind::Duration},
        {"log_dir", "FLOWDECK_LOG_DIR", "log-dir", "DIR", "Folder of the application log files", Kind::Path},
        // The guide's flow_timeout_seconds, written like every other duration (3600 or 1h).
        {"flow_timeout", "FLOWDECK_FLOW_TIMEOUT", "flow-timeout", "DURATION",
         "Longest a run may take before its tasks are stopped and it ends TimedOut, or none", Kind::Limit},
    };
    return list;
}

int indexOf(const QString &key) {
    const auto &list = specs();
    for (size_t i = 0; i < list.size(); ++i)
        if (list[i].key == key) return int(i);
    return -1;
}

const Spec *specFor(const QString &key) {
    const int index = indexOf(key);
    return index < 0 ? nullptr : &specs()[size_t(index)];
}

QString expected(Kind kind) {
    switch (kind) {
        case Kind::Count:
            return QStringLiteral("an integer >= 1");
        case Kind::Days:
            return QStringLiteral("an integer >= 0");
        case Kind::Size:
            return QStringLiteral("a size like 512MB or 2GB, or 'none'");
        case Kind::Level:
            return QStringLiteral("one of trace, debug, info, warning, error, off");
        case Kind::Path:
            return QStringLiteral("a path");
        case Kind::Program:
            return QStringLiteral("a program name or path");
        case Kind::Duration:
            return QStringLiteral("a duration like 5s or 1m30s");
        case Kind::Limit:
            return QStringLiteral("a duration greater than 0 like 30m or 1h, or 'none'");
    }
    return {};
}

/// A setting's value and its canonical text, as stored in a SettingValue.
struct Parsed {
    QVariant value;
    QString text;
};

std::optional<int> parseInteger(const QString &raw, int minimum) {
    static const QRegularExpression digits(QStringLiteral("^\\+?[0-9]+$"));
    const QString text = raw.trimmed();
    if (!digits.match(text).hasMatch()) return std::nullopt;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum) return std::nullopt;
    return value;
}

QString expandHome(const QString &path) {
    if (path == QLatin1String("~")) return QDir::homePath();
    if (path.startsWith(QLatin1String("~/"))) return QDir::homePath() + path.mid(1);
    return path;
}

/// Relative paths are relative to @p baseDir: the workspace for flowdeck.yaml, else the
/// current directory (where the person typing the flag or variable is).
std::optional<Parsed> parsePath(const QString &raw, const QString &baseDir) {
    if (raw.trimmed().isEmpty()) return std::nullopt;
    const QString path = QDir::cleanPath(QDir(baseDir).absoluteFilePath(expandHome(raw)));
    return Parsed{path, path};
}

/// A bare name ("python3") is looked up on PATH when the task starts; anything with a slash
/// is a path, resolved like other paths so `.venv/bin/python` works from any folder.
std::optional<Parsed> parseProgram(const QString &raw, const QString &baseDir) {
    const QString text = raw.trimmed();
    if (text.isEmpty()) return std::nullopt;
    if (!text.contains(QLatin1Char('/')) && !text.startsWith(QLatin1Char('~'))) return Parsed{text, text};
    return parsePath(text, baseDir);
}

std::optional<Parsed> parseMemory(const QString &raw) {
    if (raw.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return Parsed{QVariant(), QStringLiteral("none")};
    const auto bytes = parseSize(raw.trimmed());
    if (!bytes || *bytes <= 0) return std::nullopt;
    return Parsed{QVariant::fromValue(*bytes), formatSize(*bytes)};
}

std::optional<Parsed> parseLimit(const QString &raw) {
    if (raw.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) return Parsed{0.0, QStringLiteral("none")};
    const auto seconds = parseDuration(raw);
    if (!seconds || *seconds <= 0) return std::nullopt;
    return Parsed{*seconds, formatDuration(*seconds)};
}

std::optional<Parsed> parseValue(Kind kind, const QString &raw, const QString &baseDir) {
    switch (kind) {
        case Kind::Count:
        case Kind::Days: {
            const auto value = parseInteger(raw, kind == Kind::Count ? 1 : 0);
            if (!value) return std::nullopt;
            return Parsed{*value, QString::number(*value)};
        }
        case Kind::Size:
            return parseMemory(raw);
        case Kind::Level: {
            const auto level = parseLogLevel(raw);
            if (!level) return std::nullopt;
            return Parsed{toString(*level), toString(*level)};
        }
        case Kind::Path:
            return parsePath(raw, baseDir);
        case Kind::Program:
            return parseProgram(raw, baseDir);
        case Kind::Duration: {
            const auto seconds = parseDuration(raw);
            if (!seconds) return std::nullopt;
            return Parsed{*seconds, formatDuration(*seconds)};
        }
        case Kind::Limit:
            return parseLimit(raw);
    }
    return std::nullopt;
}

QString dataDir() {
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty()) base = QDir::tempPath();  // no HOME (some containers): still start
    return base + QStringLiteral("/flowdeck");
}

std::vector<SettingValue> defaults() {
    const QString data = dataDir();
    const int cores = std::max(1, QThread::idealThreadCount());
    const QString source = QStringLiteral("default");
    return {
        {"max_parallel", cores, QString::number(cores), source},
        {"memory_limit", QVariant(), "none", source},
        {"log_level", "info", "info", source},
        {"database", data + "/runs.db", data + "/runs.db", source},
        {"retention_days", 30, "30", source},
        {"python", "python3", "python3", source},
        {"shell", "bash", "bash", source},
        {"kill_grace", 5.0, "5s", source},
        {"log_dir", data + "/logs", data + "/logs", source},
        {"flow_timeout", 0.0, "none", source},
    };
}

const QStringList sections = {"settings", "concurrency_limits", "deployments", "schedules", "work_pools"};

QString qs(const std::string &text) {
    return QString::fromStdString(text);
}

SourceLocation locationOf(const YAML::Mark &mark) {
    if (mark.is_null() || mark.line < 0) return {};
    return {mark.line + 1, mark.column + 1};
}

SourceLocation locationOf(const YAML::Node &node) {
    return locationOf(node.Mark());
}

QString kindName(const YAML::Node &node) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            return QStringLiteral("a mapping");
        case YAML::NodeType::Sequence:
            return QStringLiteral("a list");
        case YAML::NodeType::Scalar:
            return QStringLiteral("'%1'").arg(qs(node.Scalar()));
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            break;
    }
    return QStringLiteral("nothing");
}

}  // namespace

// ----- the three layers ---------------------------------------------------------------------------

/// Applies flowdeck.yaml, the environment and the flags, in that order, to a Settings.
class SettingsReader {
public:
    SettingsReader(Settings &settings, Diagnostics &problems) : m_settings(settings), m_problems(problems) {}

    void readFile(const QString &workspaceDir) {
        if (workspaceDir.isEmpty()) return;
        const QString path = QDir(workspaceDir).absoluteFilePath(QString::fromLatin1(Settings::fileName));
        m_path = QDir::cleanPath(path);
        const QFileInfo info(m_path);
        if (!info.exists()) return;
        QFile file(m_path);
        if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
            fileError(
                {}, QStringLiteral("cannot read: %1").arg(info.isDir() ? "is a folder" : file.errorString()));
            return;
        }
        m_settings.m_workspaceFile = m_path;
        parseFile(file.readAll());
    }

    void readEnvironment(const QProcessEnvironment &env) {
        const QString here = QDir::currentPath();
        for (const Spec &spec : specs()) {
            const QString raw = env.value(spec.env);
            if (!raw.isEmpty()) apply(spec, raw, here, QStringLiteral("environment ") + spec.env);
        }
    }

    void readFlags(const QHash<QString, QString> &flags) {
        const QString here = QDir::currentPath();
        for (const Spec &spec : specs()) {
            const auto it = flags.constFind(spec.flag);
            if (it != flags.constEnd())
                apply(spec, it.value(), here, QStringLiteral("command line --") + spec.flag);
        }
    }

private:
    Settings &m_settings;
    Diagnostics &m_problems;
    QString m_path;

    /// Environment and flags: the source is the "file" of the diagnostic, so it prints as
    /// "environment FLOWDECK_X: expected ..., got '...'".
    void apply(const Spec &spec, const QString &raw, const QString &baseDir, const QString &source) {
        const auto parsed = parseValue(spec.kind, raw, baseDir);
        if (!parsed) {
            Diagnostic d;
            d.file = source;
            d.field = spec.key;
            d.message = QStringLiteral("expected %1, got '%2'").arg(expected(spec.kind), raw);
            m_problems.push_back(d);
            return;
        }
        set(spec, *parsed, source);
    }

    void set(const Spec &spec, const Parsed &parsed, const QString &source) {
        m_settings.m_values[size_t(indexOf(spec.key))] = {spec.key, parsed.value, parsed.text, source};
    }

    void fileError(SourceLocation at, const QString &message, const QString &field = {}) {
        Diagnostic d;
        d.file = m_path;
        d.location = at;
        d.message = message;
        d.field = field;
        m_problems.push_back(d);
    }

    QString sourceAt(const YAML::Node &node) const {
        const SourceLocation at = locationOf(node);
        return QStringLiteral("%1:%2:%3")
            .arg(QString::fromLatin1(Settings::fileName))
            .arg(at.line)
            .arg(at.column);
    }

    void parseFile(const QByteArray &text) {
        YAML::Node root;
        try {
            root = YAML::Load(text.toStdString());
        } catch (const YAML::Exception &e) {
            const SourceLocation at = locationOf(e.mark);
            fileError(at.isKnown() ? at : SourceLocation{1, 1},
                      QStringLiteral("not valid YAML: %1").arg(qs(e.msg)));
            return;
        }
        try {
            readRoot(root);
        } catch (const YAML::Exception &e) {  // an accessor refusing an odd node: report, never crash
            fileError(locationOf(e.mark), QStringLiteral("could not read the settings: %1").arg(qs(e.msg)));
        }
    }

    /// Calls @p handle(name, key, value) for each plain, first-seen key of @p map.
    template <typename Handler>
    void forEachKey(const YAML::Node &map, const QString &what, Handler handle) {
        QSet<QString> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const YAML::Node key = it->first;
            if (!key.IsScalar()) {
                fileError(locationOf(key),
                          QStringLiteral("%1 names must be plain text, got %2").arg(what, kindName(key)));
                continue;
            }
            const QString name = qs(key.Scalar());
            if (seen.contains(name)) {
                fileError(locationOf(key), QStringLiteral("%1 '%2' is given twice").arg(what, name), name);
                continue;
            }
            seen.insert(name);
            handle(name, key, it->second);
        }
    }

    void readRoot(const YAML::Node &root) {
        if (root.IsNull()) return;  // an empty flowdeck.yaml is a workspace with defaults
        if (!root.IsMap()) {
            fileError(locationOf(root).isKnown() ? locationOf(root) : SourceLocation{1, 1},
                      QStringLiteral("expected a mapping of sections (%1), got %2")
                          .arg(sections.join(QLatin1String(", ")), kindName(root)));
            return;
        }
        forEachKey(root, QStringLiteral("section"),
                   [this](const QString &name, const YAML::Node &key, const YAML::Node &value) {
                       if (name == QLatin1String("settings"))
                           readSettings(value);
                       else if (name == QLatin1String("concurrency_limits"))
                           readLimits(value);
                       else if (!sections.contains(name))
                           unknownSection(name, key);
                       // deployments, schedules and work_pools belong to other features, read elsewhere.
                   });
    }

    void unknownSection(const QString &name, const YAML::Node &key) {
        if (indexOf(name) >= 0) {
            fileError(locationOf(key),
                      QStringLiteral("'%1' is a setting: put it under 'settings:'").arg(name), name);
            return;
        }
        fileError(locationOf(key),
                  QStringLiteral("unknown section '%1'%2").arg(name, didYouMean(name, sections)), name);
    }

    void readSettings(const YAML::Node &node) {
        if (node.IsNull()) return;
        if (!node.IsMap()) {
            fileError(
                locationOf(node),
                QStringLiteral("'settings' must be a mapping of setting: value, got %1").arg(kindName(node)));
            return;
        }
        forEachKey(node, QStringLiteral("setting"),
                   [this](const QString &name, const YAML::Node &key, const YAML::Node &value) {
                       const Spec *spec = specFor(name);
                       if (spec)
                           readSetting(*spec, key, value);
                       else
                           unknownSetting(name, key);
                   });
    }

    void unknownSetting(const QString &name, const YAML::Node &key) {
        if (sections.contains(name)) {
            fileError(locationOf(key), QStringLiteral("'%1' is a section: put it at the top level").arg(name),
                      name);
            return;
        }
        const QString hint = didYouMean(name, Settings::keys());
        fileError(locationOf(key), QStringLiteral("unknown setting '%1'%2").arg(name, hint), name);
    }

    void readSetting(const Spec &spec, const YAML::Node &key, const YAML::Node &value) {
        const QString workspace = QFileInfo(m_path).absolutePath();
        const auto parsed =
            value.IsScalar() ? parseValue(spec.kind, qs(value.Scalar()), workspace) : std::nullopt;
        if (!parsed) {
            const SourceLocation at = locationOf(value).isKnown() ? locationOf(value) : locationOf(key);
            fileError(
                at,
                QStringLiteral("%1: expected %2, got %3").arg(spec.key, expected(spec.kind), kindName(value)),
                spec.key);
            return;
        }
        set(spec, *parsed, sourceAt(key));
    }

    void readLimits(const YAML::Node &node) {
        if (node.IsNull()) return;
        if (!node.IsMap()) {
            fileError(locationOf(node),
                      QStringLiteral("'concurrency_limits' must be a mapping of tag: limit, got %1")
                          .arg(kindName(node)));
            return;
        }
        forEachKey(node, QStringLiteral("concurrency limit"),
                   [this](const QString &tag, const YAML::Node &key, const YAML::Node &value) {
                       readLimit(tag, key, value);
                   });
    }

    /// A limit of 0 would leave every task with that tag waiting forever, so limits start at 1.
    void readLimit(const QString &tag, const YAML::Node &key, const YAML::Node &value) {
        if (tag.trimmed().isEmpty()) {
            fileError(locationOf(key), QStringLiteral("a concurrency limit needs a tag name"));
            return;
        }
        const auto limit = value.IsScalar() ? parseInteger(qs(value.Scalar()), 1) : std::nullopt;
        if (!limit) {
            fileError(locationOf(value).isKnown() ? locationOf(value) : locationOf(key),
                      QStringLiteral("concurrency limit '%1': expected an integer >= 1, got %2")
                          .arg(tag, kindName(value)),
                      tag);
            return;
        }
        m_settings.m_limits.insert(tag, *limit);
        m_settings.m_limitValues.push_back(
            {QStringLiteral("concurrency_limits.") + tag, *limit, QString::number(*limit), sourceAt(key)});
    }
};

// ----- LogLevel -----------------------------------------------------------------------------------

QString toString(LogLevel level) {
    switch (level) {
        case LogLevel::Trace:
            return QStringLiteral("trace");
        case LogLevel::Debug:
            return QStringLiteral("debug");
        case LogLevel::Info:
            return QStringLiteral("info");
        case LogLevel::Warning:
            return QStringLiteral("warning");
        case LogLevel::Error:
            return QStringLiteral("error");
        case LogLevel::Off:
            return QStringLiteral("off");
    }
    return QStringLiteral("info");
}

std::optional<LogLevel> parseLogLevel(const QString &text) {
    const QString name = text.trimmed().toLower();
    if (name == QLatin1String("warn")) return LogLevel::Warning;  // spdlog's spelling
    for (LogLevel level : {LogLevel::Trace, LogLevel::Debug, LogLevel::Info, LogLevel::Warning,
                           LogLevel::Error, LogLevel::Off})
        if (toString(level) == name) return level;
    return std::nullopt;
}

// ----- Settings -----------------------------------------------------------------------------------

Settings::Settings() : m_values(defaults()) {}

SettingsLoad Settings::load(const QString &workspaceDir, const QProcessEnvironment &env,
                            const QHash<QString, QString> &flags) {
    SettingsLoad result;
    if (!workspaceDir.isEmpty())
        result.settings.m_workspaceDir = QDir::cleanPath(QDir(workspaceDir).absolutePath());
    SettingsReader reader(result.settings, result.problems);
    reader.readFile(result.settings.m_workspaceDir);
    reader.readEnvironment(env);
    reader.readFlags(flags);
    return result;
}

QString Settings::findWorkspace(const QString &startDir) {
    const QFileInfo start(startDir.isEmpty() ? QStringLiteral(".") : startDir);
    const QString first =
        QDir::cleanPath(start.isDir() || !start.exists() ? start.absoluteFilePath() : start.absolutePath());
    for (QDir dir(first);;) {
        if (QFileInfo(dir.filePath(QString::fromLatin1(fileName))).isFile()) return dir.absolutePath();
        if (!dir.cdUp()) break;
    }
    return first;
}

QStringList Settings::keys() {
    QStringList list;
    for (const Spec &spec : specs()) list << spec.key;
    return list;
}

QString Settings::flagFor(const QString &key) {
    const Spec *spec = specFor(key);
    return spec ? spec->flag : QString();
}

QString Settings::envFor(const QString &key) {
    const Spec *spec = specFor(key);
    return spec ? spec->env : QString();
}

QString Settings::valueNameFor(const QString &key) {
    const Spec *spec = specFor(key);
    return spec ? spec->valueName : QString();
}

QString Settings::meaningOf(const QString &key) {
    const Spec *spec = specFor(key);
    return spec ? spec->meaning : QString();
}

SettingValue Settings::value(const QString &key) const {
    const int index = indexOf(key);
    return index < 0 ? SettingValue{} : m_values[size_t(index)];
}

int Settings::maxParallel() const {
    return value(QStringLiteral("max_parallel")).value.toInt();
}
qint64 Settings::memoryLimitBytes() const {
    return value(QStringLiteral("memory_limit")).value.toLongLong();
}
LogLevel Settings::logLevel() const {
    return parseLogLevel(value(QStringLiteral("log_level")).value.toString()).value_or(LogLevel::Info);
}
QString Settings::databasePath() const {
    return value(QStringLiteral("database")).value.toString();
}
int Settings::retentionDays() const {
    return value(QStringLiteral("retention_days")).value.toInt();
}
QString Settings::python() const {
    return value(QStringLiteral("python")).value.toString();
}
QString Settings::shell() const {
    return value(QStringLiteral("shell")).value.toString();
}
double Settings::flowTimeoutSeconds() const {
    return value(QStringLiteral("flow_timeout")).value.toDouble();
}

double Settings::killGraceSeconds() const {
    return value(QStringLiteral("kill_grace")).value.toDouble();
}
QString Settings::logDir() const {
    return value(QStringLiteral("log_dir")).value.toString();
}

QString Settings::describe() const {
    std::vector<SettingValue> rows = m_values;
    rows.insert(rows.end(), m_limitValues.begin(), m_limitValues.end());
    int keyWidth = 3, valueWidth = 5;
    for (const SettingValue &row : rows) {
        keyWidth = std::max(keyWidth, int(row.key.size()));
        valueWidth = std::max(valueWidth, int(row.text.size()));
    }
    const auto line = [&](const QString &key, const QString &text, const QString &source) {
        return key.leftJustified(keyWidth) + QLatin1String("  ") + text.leftJustified(valueWidth) +
               QLatin1String("  ") + source + QLatin1Char('\n');
    };
    QString table = line(QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("source"));
    for (const SettingValue &row : rows) table += line(row.key, row.text, row.source);
    return table;
}

QJsonObject Settings::toJson() const {
    QJsonObject settings;
    for (const SettingValue &v : m_values)
        settings.insert(
            v.key,
            QJsonObject{{"value", QJsonValue::fromVariant(v.value)}, {"text", v.text}, {"source", v.source}});
    QJsonObject limits;
    for (const SettingValue &v : m_limitValues)
        limits.insert(v.key.mid(int(qstrlen("concurrency_limits."))),
                      QJsonObject{{"value", v.value.toInt()}, {"source", v.source}});
    return {{"workspace", m_workspaceDir.isEmpty() ? QJsonValue() : QJsonValue(m_workspaceDir)},
            {"file", m_workspaceFile.isEmpty() ? QJsonValue() : QJsonValue(m_workspaceFile)},
            {"settings", settings},
            {"concurrency_limits", limits}};
}

QString SettingsLoad::errorText() const {
    QStringList lines;
    for (const Diagnostic &d : problems) lines << d.toString();
    return lines.join(QLatin1Char('\n'));
}

}  // namespace flowdeck
