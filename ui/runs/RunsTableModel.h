#pragma once
/// @file The runs browser's table: the runs of a run store, a page at a time (keyset paging on
/// RunStore::runsPage), filtered and sorted by the store's own queries.

#include "store/RunQueries.h"

#include <QAbstractTableModel>

#include <vector>

namespace flowdeck {

class RunStore;

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FlowColumn, StateColumn, TriggerColumn, StartColumn, DurationColumn, ParametersColumn,
                  TagsColumn, IdColumn, ColumnCount };
    /// Qt::UserRole: the run's full id; RunStateRole: its RunState as an int.
    static constexpr int RunIdRole = Qt::UserRole;
    static constexpr int RunStateRole = Qt::UserRole + 1;
    static constexpr int defaultPageSize = 200;

    explicit RunsTableModel(QObject *parent = nullptr);

    /// The store to show (null: nothing). The model never outlives what it is given: the
    /// browser sets null when the workspace session closes.
    void setStore(const RunStore *store);
    const RunStore *store() const { return m_store; }
    /// Filters (flows, states, text ...) with the model's current sort; reloads from the start.
    void setQuery(const RunQuery &query);
    RunQuery query() const { return m_query; }
    void setPageSize(int rows);

    /// Reads the rows shown again (at least the first page), after runsChanged(). Rows whose ids
    /// stay in place only change their cells, so selection and scrolling are kept; otherwise the
    /// model resets and the view selects its runs again by id.
    void refresh();

    /// Repaints the durations of runs still going (they grow with the clock, not the database).
    void tickDurations();

    const FlowRunRecord *runAt(int row) const;
    int rowOfRun(const QString &runId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    /// Flow, state, start and duration sort in the store (the others keep the order they have).
    void sort(int column, Qt::SortOrder order) override;

private:
    void reload(int rows);

    const RunStore *m_store = nullptr;
    RunQuery m_query;
    std::vector<FlowRunRecord> m_runs;
    RunCursor m_next;
    bool m_atEnd = true;
};

}  // namespace flowdeck
