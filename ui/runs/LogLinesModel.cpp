#include "LogLinesModel.h"

#include "RunStateColours.h"
#include "store/RunStore.h"

#include <QColor>
#include <QDateTime>
#include <QFontDatabase>

#include <algorithm>

namespace flowdeck {

namespace {

QColor levelColour(LogLine::Level level) {
    switch (level) {
        case LogLine::Level::Debug: return QColor(0x8c, 0x8c, 0x8c);
        case LogLine::Level::Info: return {};
        case LogLine::Level::Warning: return QColor(0xc0, 0x7a, 0x00);
        case LogLine::Level::Error: return QColor(0xd0, 0x36, 0x2f);
    }
    return {};
}

}  // namespace

LogLinesModel::LogLinesModel(QObject *parent) : QAbstractTableModel(parent) {}

void LogLinesModel::show(const RunStore *store, const QString &runId, const LogQuery &filter) {
    beginResetModel();
    m_store = store;
    m_runId = runId;
    m_filter = filter;
    m_lines.clear();
    m_more = false;
    endResetModel();
    append(pageSize);
}

int LogLinesModel::append(int limit) {
    if (!m_store || m_runId.isEmpty()) return 0;
    LogQuery q = m_filter;
    q.afterId = m_lines.empty() ? 0 : m_lines.back().id;
    q.limit = limit;
    std::vector<StoredLogLine> lines = m_store->logs(m_runId, q);
    m_more = int(lines.size()) == limit;
    if (lines.empty()) return 0;
    beginInsertRows({}, int(m_lines.size()), int(m_lines.size() + lines.size()) - 1);
    for (StoredLogLine &line : lines) m_lines.push_back(std::move(line));
    endInsertRows();
    return int(lines.size());
}

int LogLinesModel::readNew() {
    return append(pageSize);
}

int LogLinesModel::loadThrough(qint64 id) {
    while (!m_lines.empty() ? m_lines.back().id < id : true) {
        if (append(pageSize) == 0) break;
    }
    const auto found = std::lower_bound(m_lines.begin(), m_lines.end(), id,
                                        [](const StoredLogLine &l, qint64 value) { return l.id < value; });
    return found != m_lines.end() && found->id == id ? int(found - m_lines.begin()) : -1;
}

const StoredLogLine *LogLinesModel::lineAt(int row) const {
    return row >= 0 && row < int(m_lines.size()) ? &m_lines[size_t(row)] : nullptr;
}

int LogLinesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogLinesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogLinesModel::data(const QModelIndex &index, int role) const {
    const StoredLogLine *stored = lineAt(index.row());
    if (!stored) return {};
    const LogLine &l = stored->line;
    if (role == Qt::ForegroundRole) {
        const QColor c = levelColour(l.level);
        return c.isValid() && (index.column() == LevelColumn || index.column() == TextColumn ||
                               l.level == LogLine::Level::Error)
                   ? QVariant(c)
                   : QVariant();
    }
    if (role == Qt::FontRole && index.column() == TextColumn) return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::TextAlignmentRole && index.column() == LineColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
        case LineColumn: return stored->seq;
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(l.timeMs).toString(logClockFormat());
        case TaskColumn: {
            QString task = l.task;
            if (l.mapIndex >= 0) task += QStringLiteral("[%1]").arg(l.mapIndex);
            return task;
        }
        case LevelColumn:
            return levelText(l.level);
        case TextColumn: return l.text;
    }
    return {};
}

QVariant LogLinesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case LineColumn: return tr("Line");
        case TimeColumn: return tr("Time");
        case TaskColumn: return tr("Task");
        case LevelColumn: return tr("Level");
        case TextColumn: return tr("Message");
    }
    return {};
}

bool LogLinesModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_more;
}

void LogLinesModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent)) append(pageSize);
}

QString LogLinesModel::levelText(LogLine::Level level) {
    switch (level) {
        case LogLine::Level::Debug:
            return tr("debug");
        case LogLine::Level::Info:
            return tr("info");
        case LogLine::Level::Warning:
            return tr("warning");
        case LogLine::Level::Error:
            return tr("error");
    }
    return toString(level);
}

}  // namespace flowdeck
