#include "FlowEdit.h"

#include <algorithm>

namespace flowdeck {

void TaskIndex::rebuild(const Flow &flow) {
    m_index.clear();
    m_index.reserve(qsizetype(flow.tasks.size()));
    for (size_t i = 0; i < flow.tasks.size(); ++i)
        if (!m_index.contains(flow.tasks[i].name)) m_index.insert(flow.tasks[i].name, int(i));
}

void TaskIndex::insert(const QString &name, int index) {
    if (!m_index.contains(name)) m_index.insert(name, index);
}

bool FlowEdit::isEmpty() const {
    if (!removed.empty() || !added.empty()) return false;
    for (const auto &[before, after] : changed)
        if (before != after) return false;
    for (auto it = layoutBefore.constBegin(); it != layoutBefore.constEnd(); ++it)
        if (!(it.value() == layoutAfter.value(it.key()))) return false;
    return notesBefore == notesAfter && groupsBefore == groupsAfter;
}

FlowEdit FlowEdit::inverted() const {
    FlowEdit back;
    back.removed = added;
    back.added = removed;
    back.changed.reserve(changed.size());
    for (const auto &[before, after] : changed) back.changed.emplace_back(after, before);
    back.layoutBefore = layoutAfter;
    back.layoutAfter = layoutBefore;
    back.notesBefore = notesAfter;
    back.notesAfter = notesBefore;
    back.groupsBefore = groupsAfter;
    back.groupsAfter = groupsBefore;
    back.renamedFrom = renamedTo;
    back.renamedTo = renamedFrom;
    return back;
}

void FlowEdit::setPosition(const QString &name, std::optional<NodePosition> before, std::optional<NodePosition> after) {
    if (!layoutBefore.contains(name)) layoutBefore.insert(name, before);
    layoutAfter.insert(name, after);
}

void FlowEdit::apply(Flow &flow, TaskIndex &index) const {
    // Changed tasks first, found by name: removing and adding below shifts indexes, not names.
    for (const auto &[before, after] : changed) {
        const int i = index.find(before.name);
        if (i < 0) continue;  // cannot happen for an edit made against this flow
        flow.tasks[size_t(i)] = after;
        if (before.name != after.name) {
            index.remove(before.name);
            index.insert(after.name, i);
        }
    }
    // Out from the back, so each index is still the one it was taken at; in from the front.
    for (auto it = removed.rbegin(); it != removed.rend(); ++it)
        flow.tasks.erase(flow.tasks.begin() + it->index);
    bool appendedOnly = removed.empty();
    for (const Slot &slot : added) {
        appendedOnly = appendedOnly && slot.index == int(flow.tasks.size());
        flow.tasks.insert(flow.tasks.begin() + slot.index, slot.task);
    }
    if (appendedOnly) {
        for (const Slot &slot : added) index.insert(slot.task.name, slot.index);
    } else {
        index.rebuild(flow);
    }
    for (auto it = layoutAfter.constBegin(); it != layoutAfter.constEnd(); ++it) {
        if (it.value()) flow.layout.insert(it.key(), *it.value());
        else flow.layout.remove(it.key());
    }
    if (notesAfter) flow.notes = *notesAfter;
    if (groupsAfter) flow.groups = *groupsAfter;
}

QStringList changedKeys(const Task &a, const Task &b) {
    QStringList keys;
    const auto check = [&keys](bool differs, const char *key) {
        if (differs) keys << QLatin1String(key);
    };
    check(a.kind != b.kind, "kind");
    check(a.description != b.description, "description");
    check(a.script != b.script, "script");
    check(a.language != b.language, "language");
    check(a.subflow != b.subflow, "flow");
    check(a.subflowParameters != b.subflowParameters, "parameters");
    check(a.sleepSeconds != b.sleepSeconds, "seconds");
    check(a.after != b.after, "after");
    check(a.trigger != b.trigger, "trigger");
    check(a.retries != b.retries, "retries");
    check(!(a.retryDelay == b.retryDelay), "retry_delay");
    check(a.retryJitter != b.retryJitter, "retry_jitter");
    check(a.timeoutSeconds != b.timeoutSeconds, "timeout");
    check(!(a.cache == b.cache), "cache");
    check(a.tags != b.tags, "tags");
    check(a.env != b.env, "env");
    check(a.mapOver != b.mapOver, "map");
    check(a.workdir != b.workdir, "workdir");
    check(a.inputs != b.inputs, "inputs");
    return keys;
}

}  // namespace flowdeck
