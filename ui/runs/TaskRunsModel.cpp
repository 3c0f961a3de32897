#include "TaskRunsModel.h"

#include "RunStateColours.h"
#include "store/RunStore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>
#include <climits>

namespace flowdeck {

TaskRunsModel::TaskRunsModel(QObject *parent) : QAbstractTableModel(parent) {}

void TaskRunsModel::load(const RunStore &store, const QString &runId) {
    std::vector<Row> rows;
    QHash<QPair<QString, int>, size_t> at;
    for (TaskRunRecord &t : store.taskRuns(runId)) {
        at.insert({t.task, t.mapIndex}, rows.size());
        rows.push_back(Row{std::move(t)});
    }
    for (const AttemptRecord &a : store.attempts(runId)) {
        const auto found = at.constFind({a.task, a.mapIndex});
        if (found == at.constEnd()) continue;
        Row &row = rows[found.value()];
        row.exitCode = a.exitCode;  // attempts come in order: the last one wins
        row.peakRssBytes = std::max(row.peakRssBytes, a.peakRssBytes);
        row.cpuSeconds += a.cpuSeconds;
    }
    QHash<QString, int> rank;
    for (int i = 0; i < m_order.size(); ++i) rank.insert(m_order[i], i);
    std::stable_sort(rows.begin(), rows.end(), [&rank](const Row &a, const Row &b) {
        const int ra = rank.value(a.run.task, INT_MAX), rb = rank.value(b.run.task, INT_MAX);
        if (ra != rb) return ra < rb;
        if (ra == INT_MAX && a.run.task != b.run.task) return a.run.startMs < b.run.startMs;
        return a.run.mapIndex < b.run.mapIndex;
    });
    bool same = rows.size() == m_rows.size();
    for (size_t i = 0; same && i < rows.size(); ++i)
        same = rows[i].run.task == m_rows[i].run.task && rows[i].run.mapIndex == m_rows[i].run.mapIndex;
    if (!same) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty()) emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

const TaskRunsModel::Row *TaskRunsModel::rowAt(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int TaskRunsModel::rowOfTask(const QString &task, int mapIndex) const {
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].run.task == task && (mapIndex < 0 || m_rows[i].run.mapIndex == mapIndex)) return int(i);
    return -1;
}

int TaskRunsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskRunsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskRunsModel::data(const QModelIndex &index, int role) const {
    const Row *row = rowAt(index.row());
    if (!row) return {};
    const TaskRunRecord &t = row->run;
    if (role == TaskNameRole) return t.task;
    if (role == Qt::ForegroundRole && index.column() == StateColumn) return stateColour(t.state);
    if (role == Qt::ToolTipRole && (index.column() == StateColumn || index.column() == TaskColumn) &&
        !t.message.isEmpty())
        return t.message;
    if (role == Qt::TextAlignmentRole && index.column() != TaskColumn && index.column() != StateColumn &&
        index.column() != ResultColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
        case TaskColumn: return t.task;
        case MapIndexColumn: return t.mapIndex >= 0 ? QVariant(t.mapIndex) : QVariant(QString());
        case StateColumn:
            return stateText(t.state);
        case AttemptsColumn: return t.attempts;
        case ExitColumn: return row->exitCode >= 0 ? QVariant(row->exitCode) : QVariant(QString());
        case DurationColumn: {
            if (t.startMs <= 0) return QString();
            const qint64 end = t.endMs > 0 ? t.endMs : QDateTime::currentMSecsSinceEpoch();
            return durationText(end - t.startMs);
        }
        case MemoryColumn:
            return row->peakRssBytes > 0 ? tr("%1 MB").arg(numberText(bytesToMb(row->peakRssBytes), 1))
                                         : QString();
        case CpuColumn:
            return row->cpuSeconds > 0 ? tr("%1 s").arg(numberText(row->cpuSeconds, 2)) : QString();
        case ResultColumn:
            if (!t.result.isValid() || t.result.isNull()) return QString();
            if (t.result.typeId() == QMetaType::QVariantMap || t.result.typeId() == QMetaType::QVariantList)
                return QString::fromUtf8(QJsonDocument::fromVariant(t.result).toJson(QJsonDocument::Compact));
            return t.result.toString();
    }
    return {};
}

QVariant TaskRunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TaskColumn: return tr("Task");
        case MapIndexColumn: return tr("Item");
        case StateColumn: return tr("State");
        case AttemptsColumn: return tr("Attempts");
        case ExitColumn: return tr("Exit");
        case DurationColumn: return tr("Duration");
        case MemoryColumn: return tr("Peak memory");
        case CpuColumn: return tr("CPU");
        case ResultColumn: return tr("Result");
    }
    return {};
}

}  // namespace flowdeck
