#include "FlowSourcePatch.h"

#include "FlowFile.h"
#include "yaml/YamlPatcher.h"
#include "yaml/YamlText.h"

#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

namespace flowdeck {

namespace {

using namespace yaml::patch;

/// The canonical text of @p flow and its YAML tree.
struct Canonical {
    Text text;
    YAML::Node root;
    explicit Canonical(const Flow &flow) : text(Text::of(FlowFile::serialize(flow))) {
        root = YAML::Load(text.join().toStdString());
    }
    /// The mapping under root key @p key, with the lines its entries may own.
    Canon section(const QString &key) const {
        const std::vector<Entry> entries = entriesOf(root, text.lastLine(), text);
        const Entry *e = find(entries, key);
        if (!e) return {&text, YAML::Node(), -1};
        return {&text, e->value, e->last};
    }
    Canon whole() const { return {&text, root, text.lastLine()}; }
};

Flow headOf(const Flow &flow) {
    Flow head = flow;
    head.tasks.clear();
    head.layout.clear();
    return head;
}

bool sameTaskButName(const Task &a, const Task &b) {
    Task copy = a;
    copy.name = b.name;
    return copy == b;
}

class FlowPatch {
public:
    FlowPatch(Text &source, const YAML::Node &root, const Flow &before, const Flow &after,
              const QHash<QString, QString> &renamed)
        : m_source(source), m_root(root), m_before(before), m_after(after), m_renamed(renamed), m_patcher(source) {
        for (auto it = renamed.constBegin(); it != renamed.constEnd(); ++it) m_back.insert(it.value(), it.key());
        m_sourceLast = source.lastLine();
    }

    bool run() {
        const Canonical oldHead(headOf(m_before)), newHead(headOf(m_after));
        m_patcher.patchMap(m_root, m_sourceLast, oldHead.whole(), newHead.whole(), {"tasks", "layout"}, rootOrder, {});
        tasks();
        layout();
        return m_patcher.apply();
    }

private:
    const Text &m_source;
    const YAML::Node &m_root;
    const Flow &m_before;
    const Flow &m_after;
    const QHash<QString, QString> &m_renamed;
    QHash<QString, QString> m_back;
    Patcher m_patcher;
    int m_sourceLast = 0;

    void tasks() {
        QHash<QString, const Task *> old;
        for (const Task &t : m_before.tasks)
            if (!old.contains(t.name)) old.insert(t.name, &t);
        Flow was, now;
        QSet<QString> kept;
        QStringList order;
        for (const Task &t : m_after.tasks) {
            order << t.name;
            const QString oldName = m_back.value(t.name, t.name);
            kept.insert(oldName);
            const Task *o = old.value(oldName);
            if (o && oldName == t.name && sameTaskButName(*o, t)) continue;
            now.tasks.push_back(t);
            if (o) was.tasks.push_back(*o);
        }
        for (const Task &t : m_before.tasks)
            if (!kept.contains(t.name)) was.tasks.push_back(t);
        if (was.tasks.empty() && now.tasks.empty()) return;
        const YAML::Node section = m_root["tasks"];
        if (m_after.tasks.empty() || !isBlockMap(section)) {
            Flow all;
            all.tasks = m_after.tasks;
            const Canonical whole(all);
            m_patcher.putRootEntry(m_root, QStringLiteral("tasks"), whole.text, whole.root);
            return;
        }
        const Canonical oldTasks(was), newTasks(now);
        m_patcher.patchMap(section, sectionLast("tasks"), oldTasks.section("tasks"), newTasks.section("tasks"), {}, order,
                           m_renamed);
    }

    void layout() {
        Flow was, now;
        for (auto it = m_after.layout.constBegin(); it != m_after.layout.constEnd(); ++it) {
            const QString oldName = m_back.value(it.key(), it.key());
            const auto o = m_before.layout.constFind(oldName);
            if (o != m_before.layout.constEnd() && oldName == it.key() && *o == it.value()) continue;
            now.layout.insert(it.key(), it.value());
            if (o != m_before.layout.constEnd()) was.layout.insert(oldName, *o);
        }
        for (auto it = m_before.layout.constBegin(); it != m_before.layout.constEnd(); ++it)
            if (!m_after.layout.contains(m_renamed.value(it.key(), it.key()))) was.layout.insert(it.key(), it.value());
        if (was.layout.isEmpty() && now.layout.isEmpty()) return;
        const YAML::Node section = m_root["layout"];
        if (m_after.layout.isEmpty()) {
            m_patcher.removeRootEntry(m_root, QStringLiteral("layout"));
            return;
        }
        if (!isBlockMap(section)) {
            Flow all;
            all.tasks = m_after.tasks;
            all.layout = m_after.layout;
            Canonical whole(all);
            m_patcher.putRootEntry(m_root, QStringLiteral("layout"), whole.text, whole.root);
            return;
        }
        // The writer's order: task order first, then positions of unknown names sorted.
        QStringList order, rest;
        for (const Task &t : m_after.tasks)
            if (m_after.layout.contains(t.name)) order << t.name;
        for (auto it = m_after.layout.constBegin(); it != m_after.layout.constEnd(); ++it)
            if (!order.contains(it.key())) rest << it.key();
        rest.sort();
        const Canonical oldLayout(was), newLayout(now);
        m_patcher.patchMap(section, sectionLast("layout"), oldLayout.section("layout"), newLayout.section("layout"), {},
                           order + rest, m_renamed);
    }

    /// The last line the entries of root section @p key may own in the source.
    int sectionLast(const char *key) const {
        const std::vector<Entry> entries = entriesOf(m_root, m_sourceLast, m_source);
        const Entry *e = find(entries, QString::fromLatin1(key));
        return e ? e->last : m_sourceLast;
    }
};

}  // namespace

QByteArray patchFlowSource(const QByteArray &input, const Flow &before, const Flow &after,
                           const QHash<QString, QString> &renamed) {
    const bool bom = input.startsWith("\xEF\xBB\xBF");
    const QByteArray source = bom ? input.mid(3) : input;
    YAML::Node root;
    try {
        root = YAML::Load(source.toStdString());
    } catch (const YAML::Exception &) {
        return FlowFile::serialize(after);
    }
    if (!isBlockMap(root)) return FlowFile::serialize(after);
    Text text = Text::of(source);
    try {
        FlowPatch patch(text, root, before, after, renamed);
        if (!patch.run()) return FlowFile::serialize(after);
    } catch (const YAML::Exception &) {
        return FlowFile::serialize(after);
    }
    const QByteArray out = text.join();
    return bom ? QByteArray("\xEF\xBB\xBF") + out : out;
}

}  // namespace flowdeck
