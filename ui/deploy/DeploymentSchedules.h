#pragma once
/// @file The schedules attached to a deployment (its `schedules:` list) as a table: name, kind,
/// the expression of that kind, zone, active and the schedule in plain language (its next fire
/// times in the tooltip), each row read back through ScheduleConfig so a bad expression shows
/// the core's message.

#include "deploy/DeploymentConfig.h"
#include "store/ScheduleStore.h"

#include <QTableWidget>

#include <functional>
#include <vector>

namespace flowdeck {

/// The workspace's schedules as the Schedules panel lists them (those a deployment can attach).
using ScheduleSource = std::function<std::vector<ScheduleRecord>()>;

class DeploymentSchedules : public QTableWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, ExpressionColumn, ZoneColumn, ActiveColumn, WhenColumn };

    explicit DeploymentSchedules(QWidget *parent = nullptr);

    void setSchedules(const std::vector<DeploymentSchedule> &schedules);
    /// The rows that read as schedules; a row with problems keeps its last good value.
    std::vector<DeploymentSchedule> schedules() const { return m_schedules; }
    /// Every row's problems as `schedules[N].field: message`, as flowdeck.yaml would report them.
    Diagnostics problems() const { return m_problems; }

    /// UTC seconds now: the next fire times start after it (tests give a fixed clock).
    void setClock(std::function<qint64()> clock);

    /// A new cron schedule (daily at 02:00 UTC) at the end.
    void addCron();
    /// A copy of workspace schedule @p record at the end: its timing, zone, active and collision
    /// (catch-up, pool, queue and parameters are the local scheduler's and stay with it).
    void attach(const ScheduleRecord &record);
    void removeSelected();

signals:
    void edited();

private:
    void fill();
    void onItemChanged(QTableWidgetItem *item);
    /// Rereads @p row from its cells into m_schedules; records its problems.
    void readRow(int row);
    /// The plain-language cell of @p row and its tooltip of next fire times.
    void describeRow(int row);
    void readAll();
    void collectProblems();

    std::vector<DeploymentSchedule> m_schedules;
    Diagnostics m_problems;
    std::vector<Diagnostics> m_rowProblems;
    bool m_filling = false;
    std::function<qint64()> m_clock;
};

}  // namespace flowdeck
