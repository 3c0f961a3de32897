#pragma once
/// @file What the run store's files share: the store's private state, SQL value helpers, the
/// state lists the queries name, and the runs this process created. Not a public header.

#include "store/RunStore.h"
#include "store/EventWriter.h"
#include "store/StoreSql.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <initializer_list>
#include <memory>
#include <vector>

namespace flowdeck {

inline const std::initializer_list<RunState> kUnfinishedRunStates = {
    RunState::Pending,    RunState::Running, RunState::Retrying, RunState::AwaitingRetry,
    RunState::Cancelling, RunState::Paused};
inline const std::initializer_list<RunState> kFinalStates = {
    RunState::Completed, RunState::Cached,  RunState::Failed, RunState::TimedOut,
    RunState::Cancelled, RunState::Crashed, RunState::Skipped};
inline const std::initializer_list<RunState> kSuccessStates = {RunState::Completed, RunState::Cached};
inline const std::initializer_list<RunState> kFailureStates = {RunState::Failed, RunState::TimedOut,
                                                               RunState::Crashed};

/// "('Completed','Cached')": state names are plain words, safe to inline in SQL.
QString stateList(std::initializer_list<RunState> states);
RunState stateFrom(const QVariant &value);
/// Qt binds a null QString as NULL; the text columns are NOT NULL with '' for "none".
QVariant textParam(const QString &text);
QVariant jsonColumn(const QVariant &value);
QVariant jsonParam(const QVariant &value);
bool execPrepared(QSqlQuery &q, QSqlError &error);
void warnFailed(const char *what, const QSqlQuery &q);

/// The columns readRun() reads, in its order (RunQueries.cpp); a query may add more after them.
extern const QLatin1String kRunColumns;
constexpr int kRunColumnCount = 20;
FlowRunRecord readRun(const QSqlQuery &q, bool withSnapshot);
/// The columns readLogLine() reads, in its order.
inline const QLatin1String kLogColumns("id, task, map_index, attempt, time_ms, stream, level, text, seq");
StoredLogLine readLogLine(const QSqlQuery &q, const QString &runId);

/// Runs created by this process (RunLiveness.cpp). Any other unfinished run that carries our
/// pid was left by an earlier process that had the same pid (every container's first process
/// is pid 1).
bool wasCreatedHere(const QString &runId);
/// Remembers @p runId as created here; false when it was already.
bool rememberCreatedHere(const QString &runId);
void forgetCreatedHere(const QString &runId);
/// Whether the process that created run @p runId (on this host) still runs it.
bool isOwnerAlive(const QString &runId, qint64 pid, qint64 runStartMs);

/// What the status and the metrics need from a run's flow snapshot.
struct SnapshotFacts {
    QStringList tasks;  ///< the flow's task names
    QStringList tags;   ///< the flow's tags
};

/// The tasks of one run, each counted once.
struct TaskTally {
    int total = 0;
    int completed = 0;  ///< Completed + Cached
    int failed = 0;     ///< Failed + TimedOut + Crashed
    int cached = 0;
    int skipped = 0;

    void count(RunState state, int tasks = 1) {
        if (isSuccess(state)) completed += tasks;
        if (isFailure(state)) failed += tasks;
        if (state == RunState::Cached) cached += tasks;
        if (state == RunState::Skipped) skipped += tasks;
    }
};

struct RunStore::Private {
    QString path;
    std::unique_ptr<ThreadConnections> connections;  ///< set by open()
    QMutex mutex;
    std::unique_ptr<EventWriter> writer;
    QFileSystemWatcher *watcher = nullptr;
    QString slotsFile;   ///< written when slots free up
    QString cancelFile;  ///< written when a run is asked to cancel
    QString runsFile;    ///< written when runs are created, change or go
    QString approvalsFile;  ///< written when a task is approved
    qint64 lastProgressNoticeMs = 0;  ///< the writer thread's, for announceCommit()
    static constexpr qint64 kProgressNoticeMs = 250;
    QSet<QString> cancelsSignalled;
    int schemaVersion = 0;
    std::vector<int> appliedMigrations;  ///< by this open, for the application log
    QHash<QString, SnapshotFacts> snapshotFacts;  ///< by run id; guarded by mutex

    /// This thread's connection, opened on first use.
    QSqlDatabase connection(QString *error = nullptr) {
        QString why;
        QSqlDatabase db = connections->get(&why);
        if (db.isValid()) return db;
        if (error) *error = why;
        else qCWarning(lcRunStore).noquote() << "run store: cannot open" << path << ":" << why;
        return db;
    }

    bool prepareSchema(QString *why);
    bool freeDeadSlots(QSqlDatabase &db, const QStringList &tags, int *freed, QSqlError &error);
    bool endRun(QSqlDatabase &db, const QString &runId, RunState state, const QString &message, qint64 now,
                bool *ended, QSqlError &error);
    void notifySlotsReleased() { touch(slotsFile); }
    void touch(const QString &file);
    void nameNotificationFiles();
    void watchNotificationFiles(RunStore *owner);
    /// On the writer thread, after a commit: tells other processes when runs changed.
    void announceCommit(CommittedChanges changes);
    void notifyRunsChanged() { touch(runsFile); }
    void signalCancelRequests(RunStore *owner);
    void compact(QSqlDatabase &db);
    void logOpened() const;
    SnapshotFacts factsOf(const QString &runId);
    TaskTally tally(QSqlDatabase &db, const QString &runId, int storedTaskCount);
    FlowRunStatus readStatus(const QString &runId, TaskTally *tasks);
};

}  // namespace flowdeck
