#include "RunsTableModel.h"

#include "RunStateColours.h"
#include "store/RunStore.h"

#include <QDateTime>

#include <algorithm>

namespace flowdeck {

namespace {

/// A refresh reads at most this many rows again: deeper ones come back as the view scrolls.
constexpr int kMaxRefreshRows = 5000;

}  // namespace

RunsTableModel::RunsTableModel(QObject *parent) : QAbstractTableModel(parent) {
    m_query.limit = defaultPageSize;
}

void RunsTableModel::setStore(const RunStore *store) {
    m_store = store;
    reload(m_query.limit);
}

void RunsTableModel::setQuery(const RunQuery &query) {
    const RunSort sort = m_query.sort;
    const bool descending = m_query.descending;
    const int limit = m_query.limit;
    m_query = query;
    m_query.sort = sort;
    m_query.descending = descending;
    m_query.limit = limit;
    reload(limit);
}

void RunsTableModel::setPageSize(int rows) {
    m_query.limit = std::max(1, rows);
}

void RunsTableModel::reload(int rows) {
    beginResetModel();
    m_runs.clear();
    m_next = {};
    m_atEnd = true;
    if (m_store) {
        RunQuery q = m_query;
        q.limit = rows;
        RunPage page = m_store->runsPage(q);
        m_runs = std::move(page.runs);
        m_next = page.next;
        m_atEnd = page.atEnd;
    }
    endResetModel();
}

void RunsTableModel::refresh() {
    if (!m_store) return;
    RunQuery q = m_query;
    q.limit = std::clamp(int(m_runs.size()), m_query.limit, kMaxRefreshRows);
    RunPage page = m_store->runsPage(q);
    bool sameRows = page.runs.size() == m_runs.size();
    for (size_t i = 0; sameRows && i < m_runs.size(); ++i) sameRows = page.runs[i].id == m_runs[i].id;
    if (!sameRows) {
        beginResetModel();
        m_runs = std::move(page.runs);
        m_next = page.next;
        m_atEnd = page.atEnd;
        endResetModel();
        return;
    }
    m_runs = std::move(page.runs);
    m_next = page.next;
    m_atEnd = page.atEnd;
    if (!m_runs.empty()) emit dataChanged(index(0, 0), index(int(m_runs.size()) - 1, ColumnCount - 1));
}

void RunsTableModel::tickDurations() {
    for (size_t i = 0; i < m_runs.size(); ++i) {
        if (m_runs[i].startMs > 0 && m_runs[i].endMs <= 0) {
            emit dataChanged(index(0, DurationColumn), index(int(m_runs.size()) - 1, DurationColumn),
                             {Qt::DisplayRole});
            return;
        }
    }
}

const FlowRunRecord *RunsTableModel::runAt(int row) const {
    return row >= 0 && row < int(m_runs.size()) ? &m_runs[size_t(row)] : nullptr;
}

int RunsTableModel::rowOfRun(const QString &runId) const {
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == runId) return int(i);
    return -1;
}

int RunsTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const {
    const FlowRunRecord *run = runAt(index.row());
    if (!run) return {};
    if (role == RunIdRole) return run->id;
    if (role == RunStateRole) return int(run->state);
    if (role == Qt::ForegroundRole && index.column() == StateColumn) return stateColour(run->state);
    if (role == Qt::ToolTipRole && index.column() == StateColumn && !run->message.isEmpty()) return run->message;
    if (role == Qt::ToolTipRole && index.column() == ParametersColumn) return parametersText(run->parameters);
    if (role == Qt::TextAlignmentRole && index.column() == DurationColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
        case FlowColumn: return run->flowName;
        case StateColumn:
            return stateText(run->state);
        case TriggerColumn:
            return triggerText(run->trigger);
        case StartColumn: return timeText(run->startMs > 0 ? run->startMs : run->createdMs);
        case DurationColumn: {
            if (run->startMs <= 0) return QString();
            const qint64 end = run->endMs > 0 ? run->endMs : QDateTime::currentMSecsSinceEpoch();
            return durationText(end - run->startMs);
        }
        case ParametersColumn: return parametersText(run->parameters);
        case TagsColumn: return run->tags.join(QStringLiteral(", "));
        case IdColumn: return run->id.left(8);
    }
    return {};
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case FlowColumn: return tr("Flow");
        case StateColumn: return tr("State");
        case TriggerColumn: return tr("Trigger");
        case StartColumn: return tr("Start");
        case DurationColumn: return tr("Duration");
        case ParametersColumn: return tr("Parameters");
        case TagsColumn: return tr("Tags");
        case IdColumn: return tr("Run");
    }
    return {};
}

bool RunsTableModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_store && !m_atEnd;
}

void RunsTableModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent)) return;
    RunPage page = m_store->runsPage(m_query, m_next);
    m_next = page.next;
    m_atEnd = page.atEnd;
    if (page.runs.empty()) return;
    beginInsertRows({}, int(m_runs.size()), int(m_runs.size() + page.runs.size()) - 1);
    for (FlowRunRecord &run : page.runs) m_runs.push_back(std::move(run));
    endInsertRows();
}

void RunsTableModel::sort(int column, Qt::SortOrder order) {
    RunSort sort = RunSort::Created;  // the start column: runs are created as they start
    if (column == FlowColumn) sort = RunSort::Flow;
    else if (column == StateColumn) sort = RunSort::State;
    else if (column == DurationColumn) sort = RunSort::Duration;
    else if (column != StartColumn) return;  // no index for it: keep the order
    const bool descending = order == Qt::DescendingOrder;
    if (sort == m_query.sort && descending == m_query.descending) return;
    m_query.sort = sort;
    m_query.descending = descending;
    reload(m_query.limit);
}

}  // namespace flowdeck
