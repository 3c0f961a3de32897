#pragma once
/// @file One edit of a flow as what it changes (tasks out, tasks in, tasks changed, positions,
/// notes, groups), so that it can be applied and reversed in time proportional to its size, not
/// to the flow's: the editor's undo steps for structural edits are made of these.

#include "Flow.h"

#include <QHash>
#include <optional>
#include <utility>
#include <vector>

namespace flowdeck {

/// Task name -> index in Flow::tasks (the first task of a name, as Flow::task() finds).
class TaskIndex {
public:
    void rebuild(const Flow &flow);
    /// -1 when there is no such task.
    int find(const QString &name) const { return m_index.value(name, -1); }
    void insert(const QString &name, int index);
    void remove(const QString &name) { m_index.remove(name); }

private:
    QHash<QString, int> m_index;
};

struct FlowEdit {
    /// A task and where it is in Flow::tasks.
    struct Slot {
        int index = -1;
        Task task;
    };
    std::vector<Slot> removed;  ///< ascending indexes in the flow before the edit
    std::vector<Slot> added;    ///< ascending indexes in the flow after the edit
    /// Tasks that stay, as they were and as they become (a rename changes the name). None of
    /// them is among the removed or added ones.
    std::vector<std::pair<Task, Task>> changed;
    /// Layout entries before and after; nullopt is "no entry". The same keys in both.
    QHash<QString, std::optional<NodePosition>> layoutBefore;
    QHash<QString, std::optional<NodePosition>> layoutAfter;
    std::optional<std::vector<Note>> notesBefore, notesAfter;
    std::optional<std::vector<Group>> groupsBefore, groupsAfter;
    QString renamedFrom, renamedTo;

    bool isEmpty() const;
    /// The edit that undoes this one.
    FlowEdit inverted() const;
    /// Applies the edit to @p flow (which must be as the edit found it), keeping @p index up to date.
    void apply(Flow &flow, TaskIndex &index) const;
    /// Sets the layout entry of @p name from @p before to @p after (nullopt: none).
    void setPosition(const QString &name, std::optional<NodePosition> before, std::optional<NodePosition> after);
};

/// The file keys (`retries`, `after`, `timeout`, ...) whose values differ between @p a and @p b.
QStringList changedKeys(const Task &a, const Task &b);

}  // namespace flowdeck
