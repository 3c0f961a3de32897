#pragma once
/// @file One run's log lines (of one task or all, at a level or above), read from the store a
/// page at a time in the order they were stored; new lines of a live run are appended.

#include "run/RunRecords.h"
#include "store/RunQueries.h"

#include <QAbstractTableModel>

#include <vector>

namespace flowdeck {

class RunStore;

class LogLinesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LineColumn, TimeColumn, TaskColumn, LevelColumn, TextColumn, ColumnCount };
    static constexpr int pageSize = 5000;
    /// A log level as the GUI shows it, translated ("Warnung"); in English core's name ("warning").
    static QString levelText(LogLine::Level level);

    explicit LogLinesModel(QObject *parent = nullptr);

    /// Shows @p runId's lines that match @p filter's task and level, from the start.
    void show(const RunStore *store, const QString &runId, const LogQuery &filter);
    LogQuery filter() const { return m_filter; }
    /// Appends the lines stored since the last read (at most a page); the live tail.
    /// Returns how many came.
    int readNew();
    /// Reads on until the line with store id @p id is loaded (a search hit); its row or -1.
    int loadThrough(qint64 id);

    const StoredLogLine *lineAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    int append(int limit);

    const RunStore *m_store = nullptr;
    QString m_runId;
    LogQuery m_filter;
    std::vector<StoredLogLine> m_lines;
    bool m_more = false;  // the last read filled its page: there may be more
};

}  // namespace flowdeck
