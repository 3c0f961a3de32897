#pragma once
/// @file Two runs side by side (the Runs dock's Compare): their parameters, differences
/// highlighted; per task the state and duration in each, the tasks that changed most first; and
/// the first log line in which each task's logs differ. All of it from core's compareRuns(), as
/// `flowdeck-cli runs compare` prints it.

#include "workspace/RunComparison.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace flowdeck {

class RunStore;

class RunCompareView : public QWidget {
    Q_OBJECT
public:
    /// The parameters table's columns.
    enum ParameterColumn { ParameterName, ParameterLeft, ParameterRight };
    /// The tasks table's columns.
    enum TaskColumn {
        TaskName,
        LeftState,
        RightState,
        LeftDuration,
        RightDuration,
        DurationChange,
        FirstLogDifference
    };
    /// Set on the rows that differ (Qt::UserRole of their first cell: true).
    static constexpr int DiffersRole = Qt::UserRole + 1;

    explicit RunCompareView(QWidget *parent = nullptr);

    /// Compares run @p left with run @p right (ids or unique prefixes) and shows the result;
    /// false, with the error shown in place of the tables, when one of them does not exist.
    bool compare(const RunStore &store, const QString &left, const QString &right);
    const RunComparison &comparison() const { return m_comparison; }

    QLabel *summary() const { return m_summary; }
    QTableWidget *parametersTable() const { return m_parameters; }
    QTableWidget *tasksTable() const { return m_tasks; }

private:
    void showSummary();
    void showParameters();
    void showTasks();

    RunComparison m_comparison;
    QLabel *m_summary = nullptr;
    QTableWidget *m_parameters = nullptr;
    QTableWidget *m_tasks = nullptr;
};

}  // namespace flowdeck
