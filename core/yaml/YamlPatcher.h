#pragma once
/// @file Patching a YAML file's text instead of rewriting it (internal to core): a mapping's
/// entries as the lines they own, and a Patcher that replaces, inserts and removes entries whose
/// value changed against a canonical text, keeping every other byte. FlowSourcePatch and
/// DeploymentPatch share it.

#include "yaml/YamlText.h"

#include <yaml-cpp/yaml.h>

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace flowdeck::yaml::patch {

const QStringList rootOrder = {"apiVersion", "kind",   "name",  "description", "version", "tags",
                               "parameters", "runner", "tasks", "layout",      "notes",   "groups"};

/// A text as lines without their line breaks (yaml-cpp's marks count lines the same way).
struct Text {
    std::vector<QByteArray> lines;
    QByteArray eol = "\n";
    bool finalNewline = true;

    static Text of(const QByteArray &bytes) {
        Text t;
        t.finalNewline = bytes.isEmpty() || bytes.endsWith('\n');
        const QByteArray body = bytes.endsWith('\n') ? bytes.chopped(1) : bytes;
        for (const QByteArray &l : body.split('\n')) t.lines.push_back(l);
        if (!t.lines.empty() && t.lines.front().endsWith('\r')) t.eol = "\r\n";
        if (t.eol == "\r\n")
            for (QByteArray &l : t.lines)
                if (l.endsWith('\r')) l.chop(1);
        return t;
    }

    QByteArray join() const {
        QByteArray out;
        for (size_t i = 0; i < lines.size(); ++i) {
            out += lines[i];
            if (i + 1 < lines.size() || finalNewline) out += eol;
        }
        return out;
    }

    int lastLine() const { return int(lines.size()) - 1; }
};

inline int indentOf(const QByteArray &line) {
    int i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    return i;
}

inline bool isBlank(const QByteArray &line) { return line.trimmed().isEmpty(); }
inline bool isComment(const QByteArray &line) { return line.trimmed().startsWith('#'); }
inline bool isDocumentMarker(const QByteArray &line) { return line.startsWith("...") || line.startsWith("---"); }
inline QByteArray pad(int indent) { return QByteArray(indent, ' '); }
inline QString qs(const std::string &s) { return QString::fromStdString(s); }

/// One `key: value` of a mapping, with the lines it owns in its text (block style only).
struct Entry {
    QString key;
    YAML::Node value;
    int keyLine = -1;
    int keyColumn = 0;
    int last = -1;  ///< last line of the entry itself: trailing blank lines and outer comments excluded
};

inline bool isBlockMap(const YAML::Node &node) {
    return node.IsDefined() && node.IsMap() && node.Style() == YAML::EmitterStyle::Block && node.size() > 0;
}

/// Whether the value starting at @p node is a block scalar whose header keeps trailing lines (`|+`).
inline bool keepsTrailingLines(const Text &text, const YAML::Node &node) {
    if (!node.IsScalar() || node.Mark().line < 0 || node.Mark().line > text.lastLine()) return false;
    const QByteArray rest = text.lines[size_t(node.Mark().line)].mid(node.Mark().column);
    return (rest.startsWith('|') || rest.startsWith('>')) && rest.split(' ').front().contains('+');
}

/// The entries of @p map; a block map's entries own the lines up to the next key or @p windowLast.
inline std::vector<Entry> entriesOf(const YAML::Node &map, int windowLast, const Text &text) {
    std::vector<Entry> entries;
    if (!map.IsDefined() || !map.IsMap()) return entries;
    for (auto it = map.begin(); it != map.end(); ++it) {
        Entry e;
        e.key = it->first.IsScalar() ? qs(it->first.Scalar()) : QStringLiteral("\x01");  // bounds spans only
        e.value = it->second;
        e.keyLine = it->first.Mark().line;
        e.keyColumn = it->first.Mark().column;
        entries.push_back(e);
    }
    if (map.Style() != YAML::EmitterStyle::Block) {
        for (Entry &e : entries) e.last = -1;
        return entries;
    }
    for (size_t i = 0; i < entries.size(); ++i) {
        Entry &e = entries[i];
        int last = i + 1 < entries.size() ? entries[i + 1].keyLine - 1 : windowLast;
        const bool keep = keepsTrailingLines(text, e.value);
        while (last > e.keyLine) {
            const QByteArray &l = text.lines[size_t(last)];
            const bool outerComment = isComment(l) && indentOf(l) <= e.keyColumn;
            if ((isBlank(l) && !keep) || outerComment || isDocumentMarker(l)) --last;
            else break;
        }
        e.last = std::max(last, e.keyLine);
    }
    return entries;
}

inline const Entry *find(const std::vector<Entry> &entries, const QString &key) {
    for (const Entry &e : entries)
        if (e.key == key) return &e;
    return nullptr;
}

inline bool sameNode(const YAML::Node &a, const YAML::Node &b) {
    if (a.Type() != b.Type()) return false;
    switch (a.Type()) {
    case YAML::NodeType::Scalar: return a.Scalar() == b.Scalar() && a.Tag() == b.Tag();
    case YAML::NodeType::Sequence:
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (!sameNode(a[i], b[i])) return false;
        return true;
    case YAML::NodeType::Map: {
        if (a.size() != b.size()) return false;
        for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
            if (!sameNode(i->first, j->first) || !sameNode(i->second, j->second)) return false;
        return true;
    }
    default: return true;
    }
}

/// A node of a canonical flow collection written back in flow style (canonical scalars there
/// are flow-safe or double-quoted already).
inline QByteArray flowText(const YAML::Node &node) {
    if (node.IsNull()) return "null";
    if (node.IsScalar()) {
        const QString text = qs(node.Scalar());
        return (node.Tag() == "!" ? yaml::doubleQuoted(text) : text).toUtf8();
    }
    QByteArrayList parts;
    if (node.IsSequence()) {
        for (const YAML::Node &item : node) parts << flowText(item);
        return '[' + parts.join(", ") + ']';
    }
    for (auto it = node.begin(); it != node.end(); ++it) parts << flowText(it->first) + ": " + flowText(it->second);
    return '{' + parts.join(", ") + '}';
}

/// Where the scalar or one-line flow collection at @p from ends, or -1 when it does not end on
/// this line or is followed by anything but a comment.
inline int valueEnd(const QByteArray &line, int from) {
    if (from >= line.size()) return -1;
    const char first = line[from];
    int end = -1;
    if (first == '"' || first == '\'') {
        for (int i = from + 1; i < line.size(); ++i) {
            if (first == '"' && line[i] == '\\') { ++i; continue; }
            if (line[i] != first) continue;
            if (first == '\'' && i + 1 < line.size() && line[i + 1] == '\'') { ++i; continue; }
            end = i + 1;
            break;
        }
    } else if (first == '[' || first == '{') {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < line.size() && end < 0; ++i) {
            const char c = line[i];
            if (quote) {
                if (quote == '"' && c == '\\') ++i;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (c == '[' || c == '{') ++depth;
            else if ((c == ']' || c == '}') && --depth == 0) end = i + 1;
        }
    } else if (!QByteArray("|>&*!").contains(first)) {
        const int comment = line.indexOf(" #", from);
        end = comment < 0 ? int(line.size()) : comment;
        while (end > from && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    }
    if (end < 0) return -1;
    const QByteArray rest = line.mid(end).trimmed();
    return rest.isEmpty() || rest.startsWith('#') ? end : -1;
}

/// A canonical mapping: its node, its text and the last line its entries may own.
struct Canon {
    const Text *text = nullptr;
    YAML::Node node;
    int last = -1;
};

/// Collects line edits against the source and applies them at the end, bottom up, so every
/// edit can be computed from the original line numbers.
class Patcher {
public:
    explicit Patcher(Text &source) : m_src(source) {}

    void patchMap(const YAML::Node &srcMap, int srcLast, const Canon &oldC, const Canon &newC,
                  const QSet<QString> &skip, const QStringList &order, const QHash<QString, QString> &renamed) {
        const std::vector<Entry> s = entriesOf(srcMap, srcLast, m_src);
        const std::vector<Entry> o = entriesOf(oldC.node, oldC.last, *oldC.text);
        const std::vector<Entry> n = entriesOf(newC.node, newC.last, *newC.text);
        QHash<QString, QString> back;  // new name -> old name
        for (auto it = renamed.constBegin(); it != renamed.constEnd(); ++it) back.insert(it.value(), it.key());
        QSet<QString> stillThere;
        for (const Entry &e : n) stillThere.insert(back.value(e.key, e.key));
        for (const Entry &e : o) {
            if (skip.contains(e.key) || stillThere.contains(e.key)) continue;
            if (const Entry *gone = find(s, e.key)) replaceLines(gone->keyLine, gone->last, {});
        }
        QStringList keys = order;
        if (keys.isEmpty())
            for (const Entry &e : n) keys << e.key;
        for (const Entry &e : n) {
            if (skip.contains(e.key)) continue;
            const QString oldKey = back.value(e.key, e.key);
            const Entry *was = find(o, oldKey);
            const Entry *src = find(s, oldKey);
            if (!src && oldKey != e.key) src = find(s, e.key);
            if (src && src->key != e.key) renameKey(*src, e.key);
            if (was && sameNode(was->value, e.value)) continue;
            if (!src) {
                insertEntry(e, newC, s, keys, back);
            } else if (was && isBlockMap(src->value) && was->value.IsMap() && e.value.IsMap()) {
                patchMap(src->value, src->last, {oldC.text, was->value, was->last}, {newC.text, e.value, e.last}, {}, {}, {});
            } else {
                replaceEntry(*src, e, newC);
            }
        }
    }

    /// A whole root section (tasks, layout) from @p canon: replaced where it is, else inserted.
    void putRootEntry(const YAML::Node &root, const QString &key, const Text &canon, const YAML::Node &canonRoot) {
        const std::vector<Entry> s = entriesOf(root, m_src.lastLine(), m_src);
        const std::vector<Entry> c = entriesOf(canonRoot, canon.lastLine(), canon);
        const Entry *entry = find(c, key);
        if (!entry) return;
        const Canon from{&canon, canonRoot, canon.lastLine()};
        if (const Entry *src = find(s, key)) replaceEntry(*src, *entry, from);
        else insertEntry(*entry, from, s, rootOrder, {});
    }

    void removeRootEntry(const YAML::Node &root, const QString &key) {
        const std::vector<Entry> s = entriesOf(root, m_src.lastLine(), m_src);
        if (const Entry *src = find(s, key)) replaceLines(src->keyLine, src->last, {});
    }

    /// False when two edits overlap (a bug, never a guess): the caller then writes canonically.
    bool apply() {
        std::sort(m_edits.begin(), m_edits.end(), [](const Edit &a, const Edit &b) {
            if (a.first != b.first) return a.first > b.first;
            return a.last >= a.first && b.last < b.first;  // replace before inserting at the same line
        });
        for (size_t i = 1; i < m_edits.size(); ++i)
            if (m_edits[i].last >= m_edits[i - 1].first && m_edits[i - 1].last >= m_edits[i - 1].first) return false;
        std::sort(m_splices.begin(), m_splices.end(), [](const Splice &a, const Splice &b) {
            return a.line != b.line ? a.line > b.line : a.from > b.from;
        });
        for (const Splice &sp : m_splices) {
            const bool covered = std::any_of(m_edits.begin(), m_edits.end(), [&](const Edit &e) {
                return sp.line >= e.first && sp.line <= e.last;
            });
            if (!covered) m_src.lines[size_t(sp.line)].replace(sp.from, sp.to - sp.from, sp.text);
        }
        for (const Edit &e : m_edits) {
            auto at = m_src.lines.begin() + e.first;
            if (e.last >= e.first) at = m_src.lines.erase(at, m_src.lines.begin() + e.last + 1);
            m_src.lines.insert(at, e.lines.begin(), e.lines.end());
        }
        return true;
    }

private:
    struct Edit {
        int first;
        int last;  ///< first - 1 for an insertion before @c first
        std::vector<QByteArray> lines;
    };
    /// A change inside one line: bytes [from, to) become @c text.
    struct Splice {
        int line, from, to;
        QByteArray text;
    };

    Text &m_src;
    std::vector<Edit> m_edits;
    std::vector<Splice> m_splices;

    void replaceLines(int first, int last, std::vector<QByteArray> lines) {
        m_edits.push_back({first, last, std::move(lines)});
    }

    void insertLines(int before, const std::vector<QByteArray> &lines) {
        for (Edit &e : m_edits)
            if (e.first == before && e.last == before - 1) {  // several new entries at one place keep their order
                e.lines.insert(e.lines.end(), lines.begin(), lines.end());
                return;
            }
        m_edits.push_back({before, before - 1, lines});
    }

    void renameKey(const Entry &src, const QString &to) {
        const QByteArray &line = m_src.lines[size_t(src.keyLine)];
        int end = -1;
        if (line[src.keyColumn] == '"' || line[src.keyColumn] == '\'') {
            const int close = line.indexOf(line[src.keyColumn], src.keyColumn + 1);
            end = close < 0 ? -1 : close + 1;
        } else {
            for (int i = src.keyColumn; i < line.size() && end < 0; ++i)
                if (line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ')) end = i;
        }
        if (end > src.keyColumn) m_splices.push_back({src.keyLine, src.keyColumn, end, yaml::scalar(to).toUtf8()});
    }

    /// @p entry of canonical text, re-indented to @p indent.
    std::vector<QByteArray> render(const Entry &entry, const Canon &canon, int indent) const {
        if (entry.last < entry.keyLine)
            return {pad(indent) + yaml::scalar(entry.key).toUtf8() + ": " + flowText(entry.value)};
        std::vector<QByteArray> lines;
        const int shift = indent - entry.keyColumn;
        for (int i = entry.keyLine; i <= entry.last; ++i) {
            const QByteArray &l = canon.text->lines[size_t(i)];
            if (l.isEmpty()) lines.push_back(l);
            else if (shift >= 0) lines.push_back(pad(shift) + l);
            else lines.push_back(l.mid(std::min(-shift, indentOf(l))));
        }
        return lines;
    }

    /// The value of a one-line canonical entry as written, or empty when it takes several lines.
    QByteArray oneLineValue(const Entry &entry, const Canon &canon) const {
        if (entry.last < entry.keyLine) return flowText(entry.value);
        if (entry.last != entry.keyLine || entry.value.Mark().line != entry.keyLine) return {};
        const QByteArray value = canon.text->lines[size_t(entry.keyLine)].mid(entry.value.Mark().column);
        return value.startsWith('|') || value.startsWith('>') ? QByteArray() : value;
    }

    void replaceEntry(const Entry &src, const Entry &entry, const Canon &canon) {
        // One line for one line: only the value's bytes change, a trailing comment stays.
        const QByteArray value = oneLineValue(entry, canon);
        const YAML::Mark at = src.value.Mark();
        if (!value.isEmpty() && src.last == src.keyLine && at.line == src.keyLine && !src.value.IsMap() &&
            !src.value.IsNull()) {
            const int end = valueEnd(m_src.lines[size_t(src.keyLine)], at.column);
            if (end > at.column) {
                m_splices.push_back({src.keyLine, at.column, end, value});
                return;
            }
        }
        if (keepBlockList(src, entry)) return;
        replaceLines(src.keyLine, src.last, render(entry, canon, src.keyColumn));
    }

    /// A block-style list of names (`after:` one per line) stays a block list.
    bool keepBlockList(const Entry &src, const Entry &entry) {
        const YAML::Node &was = src.value;
        const YAML::Node &now = entry.value;
        if (!was.IsSequence() || was.Style() != YAML::EmitterStyle::Block || was.size() == 0 || !now.IsSequence() ||
            now.size() == 0)
            return false;
        for (const YAML::Node &item : now)
            if (!item.IsScalar()) return false;
        const int dash = indentOf(m_src.lines[size_t(was[0].Mark().line)]);
        if (was[0].Mark().line == src.keyLine) return false;
        std::vector<QByteArray> lines{m_src.lines[size_t(src.keyLine)]};  // `after:` and its comment as they were
        for (const YAML::Node &item : now) lines.push_back(pad(dash) + "- " + flowText(item));
        replaceLines(src.keyLine, src.last, lines);
        return true;
    }

    void insertEntry(const Entry &entry, const Canon &canon, const std::vector<Entry> &src, const QStringList &order,
                     const QHash<QString, QString> &back) {
        if (src.empty()) return;
        const int indent = src.front().keyColumn;
        const int at = order.indexOf(entry.key);
        for (int i = at - 1; i >= 0; --i)
            if (const Entry *before = find(src, back.value(order[i], order[i]))) {
                insertLines(before->last + 1, render(entry, canon, indent));
                return;
            }
        const Entry *next = nullptr;
        for (int i = at + 1; i < order.size() && !next; ++i) next = find(src, back.value(order[i], order[i]));
        if (!next) next = &src.front();
        int line = next->keyLine;  // above the comment lines that introduce the next entry
        while (line > 0 && isComment(m_src.lines[size_t(line - 1)]) && indentOf(m_src.lines[size_t(line - 1)]) == indent)
            --line;
        insertLines(line, render(entry, canon, indent));
    }
};

}  // namespace flowdeck::yaml::patch
