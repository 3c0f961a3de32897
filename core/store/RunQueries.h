#pragma once
/// @file What the run store can be asked: runs by filter (newest first, or a page of any sort
/// with a cursor, for a lazy table model), log lines by number or id, full-text log search,
/// and the events and samples of a run after an id (for live views).

#include "run/RunEvent.h"
#include "run/RunRecords.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

namespace flowdeck {

/// The simple list of `runs list`: newest first, at most limit.
struct RunFilter {
    QString flowName;
    std::optional<RunState> state;
    qint64 sinceMs = 0;
    int limit = 50;
    QString parentRunId;  ///< only children of this run
};

/// What a runs browser sorts by. Ties are broken by the run's creation, then its row.
enum class RunSort { Created, Started, Ended, Duration, Flow, State };

/// The runs browser's filter and order. Every field left empty filters nothing.
struct RunQuery {
    QStringList flows;          ///< any of these flow names
    QList<RunState> states;     ///< any of these states
    QStringList triggers;       ///< any of: manual, schedule, backfill, retry, deployment, subflow
    qint64 fromMs = 0;          ///< created at or after (ms since the epoch)
    qint64 toMs = 0;            ///< created before
    /// Words that must each appear in the flow name, the id, the tags, the parameters, the
    /// deployment or the message (case-insensitive).
    QString text;
    bool topLevelOnly = false;  ///< leave out subflow runs
    QString parentRunId;        ///< only children of this run
    RunSort sort = RunSort::Created;
    bool descending = true;
    int limit = 100;            ///< rows per page
};

/// Where a page ended: pass it back to get the next page (keyset paging: a page costs the same
/// at row 100 as at row 99,900, and rows inserted meanwhile neither repeat nor go missing).
struct RunCursor {
    QVariantList key;  ///< the sort values of the last row
    qint64 row = 0;    ///< its row id; 0: the start
    bool isStart() const { return row == 0; }
    /// As text, for a command line (`runs list --after`); fromText() reads it back.
    QString toText() const;
    static std::optional<RunCursor> fromText(const QString &text);
};

struct RunPage {
    std::vector<FlowRunRecord> runs;  ///< without flowSnapshot
    RunCursor next;                   ///< after the last row of this page
    bool atEnd = true;                ///< no row after this page
};

struct LogQuery {
    QString task;  ///< empty: all tasks
    LogLine::Level minLevel = LogLine::Level::Debug;
    qint64 afterId = 0;  ///< for --follow: only lines stored after this row id
    int limit = 100000;
};

/// A full-text search in one run's logs (SQLite FTS5 over every line stored, not only those a
/// view loaded). Words match whole words, case-insensitively; a word ending in `*` matches as a
/// prefix; "a phrase in quotes" matches those words in a row. All of them must be in a line.
struct LogSearch {
    QString text;
    QString task;  ///< empty: all tasks
    LogLine::Level minLevel = LogLine::Level::Debug;
    int context = 2;      ///< lines before and after each hit (of the same run)
    int limit = 200;      ///< hits per page
    qint64 afterId = 0;   ///< the next page: hits after this line id
};

struct LogHit {
    StoredLogLine line;
    std::vector<StoredLogLine> before;  ///< oldest first
    std::vector<StoredLogLine> after;
};

struct LogSearchResult {
    std::vector<LogHit> hits;  ///< in the order of the log
    bool more = false;         ///< more hits after the last one (search again with afterId)
    QString error;             ///< a query FTS5 cannot read (unbalanced quotes), else empty
};

/// One stored state transition, with its row id (ascending in the order they happened).
struct StoredRunEvent {
    qint64 id = 0;
    RunEvent event;  ///< without result and resources: the task run and attempt rows hold those
};

struct StoredSample {
    qint64 id = 0;
    MetricSample sample;
};

}  // namespace flowdeck
