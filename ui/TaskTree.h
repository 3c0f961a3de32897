#pragma once
/// @file A read-only tree of a flow's tasks in run order, with their settings as child rows.

#include "flow/Diagnostic.h"
#include "flow/Flow.h"

#include <QTreeWidget>

#include <vector>

namespace flowdeck {

/// Shows one flow's tasks, upstreams first; each task row has a child row per setting it sets.
class TaskTree : public QTreeWidget {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KindColumn,
        AfterColumn,
        TriggerColumn,
        RetriesColumn,
        TimeoutColumn,
        TagsColumn,
        ColumnCount
    };
    /// On task rows: the task name. On setting rows: the setting key ("script", "env", ...).
    static constexpr int TaskNameRole = Qt::UserRole;
    static constexpr int SettingRole = Qt::UserRole + 1;

    explicit TaskTree(QWidget *parent = nullptr);

    /// Replaces the tree with @p flow's tasks; tasks named by @p diagnostics get a problem icon.
    void showFlow(const Flow &flow, const Diagnostics &diagnostics);
    /// The top-level row of task @p name, or nullptr.
    QTreeWidgetItem *taskItem(const QString &name) const;
    /// Selects, expands and scrolls to task @p name. Returns false when there is no such row.
    bool selectTask(const QString &name);

    /// The tasks in display order: topological, or file order when the graph has a cycle.
    static std::vector<const Task *> displayOrder(const Flow &flow);

private:
    QTreeWidgetItem *createTaskItem(const Task &task, const Diagnostics &diagnostics) const;
    void addSettingRows(QTreeWidgetItem *item, const Task &task) const;
    void addSettingRow(QTreeWidgetItem *item, const QString &key, const QString &value) const;
    void fitColumns();
    QBrush dimmedText() const;
};

}  // namespace flowdeck
