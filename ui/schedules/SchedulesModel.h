#pragma once
/// @file The Schedules panel's table: every schedule of the workspace's database (those synced
/// from flowdeck.yaml and those added with the CLI or the form), with its next fire and last run.

#include "store/ScheduleStore.h"

#include <QAbstractTableModel>

#include <functional>
#include <optional>
#include <vector>

namespace flowdeck {

/// UTC seconds now; tests give a fixed clock.
using ScheduleClock = std::function<qint64()>;

class SchedulesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Flow, Type, Expression, Zone, NextFire, Active, LastRun, Source, ColumnCount };

    /// One row as shown.
    struct Row {
        ScheduleRecord record;
        QString type;         ///< "cron", "interval", "once", "rrule"
        QString description;  ///< plain language (describeSchedule)
        QString zone;
        std::optional<qint64> nextFire;  ///< UTC seconds; none when paused, ended or invalid
        std::optional<ScheduleLastRun> lastRun;
    };

    explicit SchedulesModel(QObject *parent = nullptr);

    void setClock(ScheduleClock clock) { m_clock = std::move(clock); }
    /// Reads every schedule of @p store again (null: no rows).
    void reload(const ScheduleStore *store);

    const Row *rowAt(int row) const;
    /// Every schedule shown, in the table's order.
    std::vector<ScheduleRecord> records() const;
    /// The row of schedule @p name, or -1.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Row &row, int column) const;

    std::vector<Row> m_rows;
    ScheduleClock m_clock;
};

/// "2026-03-29 03:00 CEST" on @p zoneId's clock (UTC when it is not a zone).
QString zonedTimeText(qint64 utc, const QString &zoneId);

}  // namespace flowdeck
