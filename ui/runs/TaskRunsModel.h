#pragma once
/// @file The task runs of one run, in flow order: state, attempts, exit status, duration, peak
/// memory, CPU and result (the run detail's table).

#include "run/RunRecords.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace flowdeck {

class RunStore;

class TaskRunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TaskColumn, MapIndexColumn, StateColumn, AttemptsColumn, ExitColumn, DurationColumn,
                  MemoryColumn, CpuColumn, ResultColumn, ColumnCount };
    static constexpr int TaskNameRole = Qt::UserRole;

    explicit TaskRunsModel(QObject *parent = nullptr);

    /// The order to show tasks in (the flow's topological order); tasks not in it come after.
    void setTaskOrder(const QStringList &order) { m_order = order; }
    /// Reads the run's task runs and attempts again. Rows in place only change their cells.
    void load(const RunStore &store, const QString &runId);

    struct Row {
        TaskRunRecord run;
        int exitCode = -1;        ///< of the latest attempt
        qint64 peakRssBytes = 0;  ///< the largest of its attempts
        double cpuSeconds = 0;    ///< all its attempts together
    };
    const Row *rowAt(int row) const;
    int rowOfTask(const QString &task, int mapIndex = -1) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QStringList m_order;
    std::vector<Row> m_rows;
};

}  // namespace flowdeck
