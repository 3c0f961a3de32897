#pragma once
/// @file The schedules attached to a deployment (its `schedules:` list) as a table: name, kind,
/// the expression of that kind, zone and active, each row read back through ScheduleConfig so a
/// bad expression shows the core's message.

#include "deploy/DeploymentConfig.h"

#include <QTableWidget>

#include <vector>

namespace flowdeck {

class DeploymentSchedules : public QTableWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, ExpressionColumn, ZoneColumn, ActiveColumn };

    explicit DeploymentSchedules(QWidget *parent = nullptr);

    void setSchedules(const std::vector<DeploymentSchedule> &schedules);
    /// The rows that read as schedules; a row with problems keeps its last good value.
    std::vector<DeploymentSchedule> schedules() const { return m_schedules; }
    /// Every row's problems as `schedules[N].field: message`, as flowdeck.yaml would report them.
    Diagnostics problems() const { return m_problems; }

    /// A new cron schedule (daily at 02:00 UTC) at the end.
    void addCron();
    void removeSelected();

signals:
    void edited();

private:
    void fill();
    void onItemChanged(QTableWidgetItem *item);
    /// Rereads @p row from its cells into m_schedules; records its problems.
    void readRow(int row);
    void readAll();
    void collectProblems();

    std::vector<DeploymentSchedule> m_schedules;
    Diagnostics m_problems;
    std::vector<Diagnostics> m_rowProblems;
    bool m_filling = false;
};

}  // namespace flowdeck
