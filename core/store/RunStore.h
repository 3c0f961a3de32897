#pragma once
/// @file The SQLite run store: every flow run, task run, attempt, log line, metric sample,
/// cache entry and concurrency slot. Safe for several processes on one database file.

#include "engine/RunServices.h"
#include "run/RunEvent.h"
#include "run/RunRecords.h"
#include "store/RunQueries.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>
#include <vector>

namespace flowdeck {


/// Opens one database file; one instance per process is enough and is thread-safe:
/// writes posted from any thread go through one writer thread in batched transactions,
/// queries use a connection of the calling thread. It is every service a flow run needs
/// (recorder, result cache, slot broker, cancel source): pass it where RunServices is asked.
class RunStore : public QObject,
                 public RunRecorder,
                 public ResultCache,
                 public SlotBroker,
                 public CancelSource,
                 public ApprovalInbox {
    Q_OBJECT
public:
    ~RunStore() override;

    /// Opens (creating and migrating as needed) the database at @p path. Returns null and sets
    /// @p error when it cannot (not a database, newer schema than this build, no permission).
    static std::unique_ptr<RunStore> open(const QString &path, QString *error);
    /// The default path: FLOWDECK_DB if set, else <user data dir>/flowdeck/runs.db.
    static QString defaultPath();
    static int latestSchemaVersion();
    int schemaVersion() const;
    QString path() const;

    // ----- writing ---------------------------------------------------------------------------
    /// Synchronous: the run row exists when this returns (so other processes can see it).
    /// Fills in what is left zero or empty: createdMs (now), pid (this process), host (this
    /// machine), heartbeatMs (createdMs). Records the state it is created in as its first event.
    bool createRun(const FlowRunRecord &run, QString *error = nullptr) override;
    /// Takes over a run this process claimed rather than created (a scheduled run, claimed by
    /// the scheduler): fills in what is known only now (flow name, path, snapshot, parameters,
    /// retry_of, deployment) and makes it this process's run (pid, host, heartbeat), as
    /// createRun() would. The row keeps its id, creation and expected start. False when the run
    /// is unknown or no longer Pending (cancelled meanwhile).
    bool startClaimedRun(const FlowRunRecord &run, QString *error = nullptr) override;
    /// Counts @p runId as created here (before claiming it), so liveness checks and cancel
    /// requests treat it as this process's own; with @p adopt false, forgets it (claim lost).
    void adoptRun(const QString &runId, bool adopt = true);
    /// Asynchronous and batched; applied in order. Flow events update the run row, task events
    /// upsert the task run and attempt rows.
    void post(const RunEvent &event) override;
    void post(const LogLine &line) override;
    void post(const MetricSample &sample) override;
    /// Asynchronous like post(): records the cache key of a task run (for the cache hit rate).
    void setCacheKey(const QString &runId, const QString &task, int mapIndex, const QString &key) override;
    /// Blocks until everything posted before this call is committed.
    void flush() override;
    /// How many posted changes could not be written since this store was opened (a full disk,
    /// a file made read-only or damaged meanwhile), and the first reason; 0 when none. Callers
    /// flush() first and must tell the user: the runs' records are then incomplete.
    quint64 lostWrites(QString *reason = nullptr) const;
    /// Asynchronous like post(): the run's process is alive (recoverCrashedRuns reads it for
    /// runs of other hosts, so a long run should beat well within its staleMs).
    void heartbeat(const QString &runId) override;

    // ----- reading ---------------------------------------------------------------------------
    /// Newest first. flowSnapshot is left empty (it can be large): run() loads it.
    std::vector<FlowRunRecord> listRuns(const RunFilter &filter = {}) const;
    /// Accepts a full id or a unique prefix (as printed by `runs list`).
    std::optional<FlowRunRecord> run(const QString &idOrPrefix) const;
    std::vector<TaskRunRecord> taskRuns(const QString &runId) const override;
    std::vector<AttemptRecord> attempts(const QString &runId, const QString &task = {}) const;
    std::vector<StoredLogLine> logs(const QString &runId, const LogQuery &query = {}) const;

    // ----- reading for lazy views (a runs browser, a million-line log) ----------------------
    /// One page of runs in the query's order, after @p after (the start when empty).
    /// flowSnapshot is left empty.
    RunPage runsPage(const RunQuery &query, const RunCursor &after = {}) const;
    /// How many runs match (the query's sort and limit do not matter).
    int countRuns(const RunQuery &query) const;
    /// The same, by state (the query's own states are ignored), for a filter's counts.
    QMap<RunState, int> countRunsByState(const RunQuery &query) const;
    /// Every flow name that has a run, sorted, for a filter's choices.
    QStringList flowNames() const;
    /// Lines @p first .. @p first + @p count - 1 of a run's log by line number (StoredLogLine::seq,
    /// from 1), whatever their task: row N of a log view is one index lookup.
    std::vector<StoredLogLine> logLines(const QString &runId, qint64 first, int count) const;
    /// The number of the run's last log line (0: none).
    qint64 logLineCount(const QString &runId) const;
    /// How many lines match the query's task and level.
    qint64 countLogs(const QString &runId, const LogQuery &query) const;
    /// Full-text search of a run's whole log, with context lines around each hit.
    LogSearchResult searchLogs(const QString &runId, const LogSearch &search) const;
    /// The run's state transitions stored after row @p afterId, oldest first.
    std::vector<StoredRunEvent> events(const QString &runId, qint64 afterId = 0, int limit = 10000) const;
    /// The run's resource samples stored after row @p afterId (of one task, if given).
    std::vector<StoredSample> metricSamples(const QString &runId, qint64 afterId = 0, int limit = 100000,
                                            const QString &task = {}) const;
    /// An unknown run gives a status with an empty runId. errorMessage is the run's message, or
    /// for a failed run without one, "task: message" of its first failed task.
    FlowRunStatus status(const QString &runId) const;
    /// All zero for an unknown run.
    /// @p status, when given, gets the run's status read on the way (one read for both).
    FlowMetrics metrics(const QString &runId, FlowRunStatus *status = nullptr) const;

    // ----- liveness --------------------------------------------------------------------------
    /// Marks Crashed every Pending/Running/Retrying/AwaitingRetry/Cancelling run on this host whose
    /// pid is gone (or whose heartbeat is older than @p staleMs for other hosts), and their
    /// unfinished task runs and attempts, with an event each; frees the run's slots.
    /// Returns the ids of the runs it marked.
    QStringList recoverCrashedRuns(qint64 staleMs = 60000);

    // ----- cancel requests (`flowdeck-cli runs cancel`) ------------------------------------
    /// Asks the process running @p runId (an exact id) to cancel it: records the request and
    /// wakes every process on this database; the one running the run gets cancelRequested().
    /// A run no process would act on (Scheduled, Late, or its process on this host is gone)
    /// becomes Cancelled here and now. Returns false for an unknown or finished run.
    bool requestCancel(const QString &runId);
    bool isCancelRequested(const QString &runId) const override;
    QMetaObject::Connection onCancelRequested(QObject *context,
                                              std::function<void(const QString &runId)> cancel) override;

    // ----- approvals (`flowdeck-cli runs resume`) ------------------------------------------
    /// The approval tasks of @p runId that wait for someone (task runs in Paused).
    QStringList waitingApprovals(const QString &runId) const;
    /// Approves task @p task of a Paused run with @p values (checked by the caller against the
    /// task's inputs, see approvalValues()): records them and wakes every process on this
    /// database; the one running the run completes the task with them. False, with @p error,
    /// when the run or the task does not wait for an approval.
    bool approve(const QString &runId, const QString &task, const QVariantMap &values, QString *error);
    std::optional<QVariantMap> takeApproval(const QString &runId, const QString &task) override;
    QMetaObject::Connection onApprovalGiven(QObject *context, std::function<void()> check) override;

    // ----- cache -----------------------------------------------------------------------------
    std::optional<CacheEntry> cacheLookup(const QString &key, qint64 nowMs) const override;
    /// Asynchronous like post() (flush() to wait): inserts or replaces the entry of its key.
    void cacheStore(const CacheEntry &entry) override;
    std::vector<CacheEntry> cacheEntries(const QString &flowName = {}) const;
    /// Removes entries (all, or of one flow / task); returns how many.
    int cacheClear(const QString &flowName = {}, const QString &task = {});

    // ----- concurrency limits shared by every process on this database --------------------
    void setConcurrencyLimit(const QString &tag, int limit) override;  ///< limit < 0 removes it
    /// Makes @p limits the whole set, in one transaction: other tags lose their limit. Limits
    /// come only from the workspace file, so a start with its set drops limits it no longer has.
    /// Returns false when the database could not be written.
    bool replaceConcurrencyLimits(const QHash<QString, int> &limits);
    QHash<QString, int> concurrencyLimits() const override;
    /// Atomically takes one slot of each tag (all or nothing); false when any is full.
    /// Slots of holders whose process is dead are freed first.
    bool tryAcquireSlots(const QStringList &tags, const SlotHolder &holder) override;
    void releaseSlots(const SlotHolder &holder) override;
    QMetaObject::Connection onSlotsReleased(QObject *context, std::function<void()> wake) override;
    int slotsInUse(const QString &tag) const;

    // ----- retention -------------------------------------------------------------------------
    /// Deletes finished runs that ended more than @p days ago, with everything they own (task
    /// runs, attempts, logs, samples, events, the cache entries they produced), in one
    /// transaction, then gives the space back to the file system. Returns how many runs.
    int pruneOlderThan(int days);
    /// Deletes finished runs by id, with their subflow runs and everything they own, in one
    /// transaction. Unfinished runs are left alone. Returns how many runs went.
    int deleteRuns(const QStringList &runIds);

    // ----- changes seen by other processes ---------------------------------------------------
    /// Wakes every process on this database with runsChanged() (the writer does it after runs
    /// change, at most a few times a second; the scheduler after it creates runs).
    void notifyRunsChanged();

signals:
    /// Emitted (from the writer thread) after a batch commits; for live views in this process.
    void committed();
    /// Emitted when any process released concurrency slots on this database (cross-process,
    /// through a watched notification file `<database>.slots`), so waiters retry at once.
    /// Delivered in the thread that called open(), which needs a running event loop.
    void slotsReleased();
    /// Emitted, like slotsReleased(), when any process asked to cancel a run that this process
    /// created and still runs (once per run). The engine then cancels it.
    void cancelRequested(const QString &runId);
    /// Runs were created, changed state, made progress or went, in any process on this
    /// database (cross-process, through a watched file `<database>.runs`, touched at most about
    /// four times a second while runs go): a runs browser reloads what it shows. Delivered in
    /// the thread that called open(), which needs a running event loop.
    void runsChanged();
    /// Emitted, like slotsReleased(), when any process approved a task (`runs resume`): the
    /// engine of the run takes the values.
    void approvalGiven();

private:
    RunStore();
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace flowdeck
