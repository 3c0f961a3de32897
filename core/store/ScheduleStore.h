#pragma once
/// @file The scheduler's tables in the run database: schedules, work pools and queues, and the
/// scheduled runs (created ahead, claimed exactly once by whichever process gets there first).

#include "run/RunEvent.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>
#include <optional>
#include <vector>

namespace flowdeck {

class RunStore;

/// What a scheduler does on start with fire times missed while nothing ran.
enum class CatchUp { Skip, Latest, All };
/// What happens to a run due while its schedule already has max_active_runs runs going.
enum class Collision { Enqueue, CancelNew };

QString toString(CatchUp policy);    ///< "skip", "latest", "all"
QString toString(Collision policy);  ///< "enqueue", "cancel-new"
std::optional<CatchUp> catchUpFromString(const QString &text);
std::optional<Collision> collisionFromString(const QString &text);

/// Empty when @p name can name a schedule, work pool or queue; else why not, naming @p what
/// ("schedule name", "work pool name"...): letters, digits, '_', '-' and '.', starting with a
/// letter or digit, so that names read the same in a shell, a table and a YAML key.
QString nameProblem(const QString &what, const QString &name);

/// One row of `schedules`: a flow file fired by a ScheduleConfig.
struct ScheduleRecord {
    qint64 id = 0;
    QString name;
    QString flowPath;  ///< absolute; the file's content at fire time is what runs
    QString flowName;
    QVariantMap parameters;  ///< name -> value as text (like --param NAME=VALUE)
    QVariantMap config;      ///< ScheduleConfig::toVariantMap()
    bool active = true;
    CatchUp catchUp = CatchUp::Skip;
    int catchUpCap = 100;
    int maxActiveRuns = 0;  ///< 0: no limit
    Collision collision = Collision::Enqueue;
    QString pool = QStringLiteral("default");
    QString queue = QStringLiteral("default");
    QString source;  ///< "" made by the CLI, else the flowdeck.yaml it was synced from
    qint64 createdMs = 0;
    qint64 lastFireMs = 0;  ///< the latest fire time handled (run created, or skipped by catch-up)
};

struct WorkPoolRecord {
    QString name;
    bool paused = false;
    int concurrencyLimit = 0;  ///< 0: no limit
    int activeRuns = 0;        ///< claimed and not finished
    int waitingRuns = 0;       ///< Scheduled or Late
};

struct WorkQueueRecord {
    QString pool;
    QString name;
    int priority = 1;  ///< lower runs first (Prefect's convention)
    int concurrencyLimit = 0;
    bool paused = false;
    int activeRuns = 0;
    int waitingRuns = 0;
};

/// A run that waits to be claimed (Scheduled or Late).
struct WaitingRun {
    QString id;
    qint64 scheduleId = 0;  ///< 0: not from a schedule
    QString scheduleName;
    QString flowName;
    qint64 fireMs = 0;  ///< the schedule's fire time (the logical date of a backfill)
    qint64 expectedStartMs = 0;
    RunState state = RunState::Scheduled;
    QString pool;
    QString queue;
    QString origin;  ///< "schedule", "catch-up" or "backfill"
    qint64 pid = 0;  ///< of the process that created it
    QString host;
};

/// The latest run of a schedule that is no longer waiting (claimed, running or finished).
struct ScheduleLastRun {
    QString id;
    qint64 fireMs = 0;
    RunState state = RunState::Pending;
};

/// The outcome of one claim attempt.
enum class ClaimOutcome {
    Claimed,    ///< this caller owns the run: it is Pending, with our pid
    Taken,      ///< another claimer was first, or it is not waiting any more
    Blocked,    ///< paused pool, queue or schedule, or a concurrency limit: it keeps waiting
    Cancelled,  ///< its schedule was at max_active_runs with collision cancel-new
};

/// Opens its own connections (one per thread) to a database that RunStore::open() created and
/// migrated. Thread-safe. Every change other processes must notice ends with notify().
class ScheduleStore {
public:
    /// @p runs must outlive this object.
    explicit ScheduleStore(RunStore &runs);
    ~ScheduleStore();
    ScheduleStore(const ScheduleStore &) = delete;
    ScheduleStore &operator=(const ScheduleStore &) = delete;

    /// `<database>.schedules`, the file every scheduler on the database watches.
    static QString notificationFile(const QString &databasePath);
    QString notificationFile() const;
    /// Wakes every scheduler on this database (all processes).
    void notify() const;

    // ----- schedules ---------------------------------------------------------------------
    /// Inserts @p schedule (id, createdMs and lastFireMs are filled in; lastFireMs = now, so
    /// nothing before its creation counts as missed) and its pool and queue if they are new.
    /// Refuses names nameProblem() refuses.
    bool addSchedule(ScheduleRecord &schedule, QString *error);
    /// Adds or, for an existing name, replaces the definition, keeping its id and finished runs;
    /// its waiting runs (except backfills) are deleted and lastFireMs starts again from now.
    bool upsertSchedule(ScheduleRecord &schedule, QString *error);
    std::vector<ScheduleRecord> schedules(bool activeOnly = false) const;
    std::optional<ScheduleRecord> schedule(const QString &name) const;
    std::optional<ScheduleRecord> schedule(qint64 id) const;
    /// Pausing deletes the schedule's runs still waiting (except backfills, which wait for the
    /// resume); resuming sets lastFireMs to now, so the paused stretch is not caught up and
    /// the deleted runs ahead are made again. A schedule already in that state is left as it
    /// is (@p changed false): resuming an active one must not drop its pending catch-up.
    bool setActive(const QString &name, bool active, QString *error, bool *changed = nullptr);
    /// Deletes the schedule and its waiting runs; its finished runs stay in the history.
    bool removeSchedule(const QString &name, QString *error);

    // ----- scheduled runs ----------------------------------------------------------------
    /// Creates one Scheduled run per fire time (UTC seconds) unless that fire time has one
    /// already (INSERT OR IGNORE on schedule_id, fire_ms), in one transaction. The expected
    /// start is the fire time, or @p expectedStartMs when it is not 0. Raises lastFireMs to
    /// @p lastFireMs (if larger). Returns how many runs were created, -1 on error.
    int createRuns(const ScheduleRecord &schedule, const std::vector<qint64> &fireSecs, const QString &origin,
                   qint64 expectedStartMs, qint64 lastFireMs, QString *error = nullptr);
    /// Fire times (ms) of the schedule's runs in [fromMs, toMs], whatever their state.
    std::vector<qint64> fireTimesWithRuns(qint64 scheduleId, qint64 fromMs, qint64 toMs) const;
    /// Scheduled and Late runs of @p pools (all pools if empty), the most urgent first: queue
    /// priority, then expected start. @p dueBy > 0: only those expected by then whose pool,
    /// queue and schedule are not paused (the candidates of a claim).
    std::vector<WaitingRun> waitingRuns(const QStringList &pools = {}, qint64 dueBy = 0,
                                        int limit = -1) const;
    /// Waiting runs of one schedule made by the scheduler (not backfills) with a fire time before @p
    /// beforeMs.
    std::vector<WaitingRun> overdueRuns(qint64 scheduleId, qint64 beforeMs) const;
    /// Deletes runs that are still waiting (a claim meanwhile wins); returns how many.
    int deleteWaitingRuns(const QStringList &runIds);
    /// Gives runs that are still waiting the origin "catch-up": runs a dead process created ahead
    /// that the catch-up policy keeps, so that every run catch-up keeps says so. Returns how many.
    int markCaughtUp(const QStringList &runIds);
    /// The earliest expected start after @p afterMs of a Scheduled run in @p pools; 0 if none.
    qint64 nextExpectedStart(const QStringList &pools, qint64 afterMs) const;
    /// Marks Late the Scheduled runs of @p pools expected before @p cutoffMs; returns how many.
    int markLate(const QStringList &pools, qint64 cutoffMs, const QString &message);

    /// One atomic UPDATE: the run becomes Pending and ours if it is still waiting, due, its
    /// pool, queue and schedule are not paused, and no concurrency limit (pool, queue,
    /// schedule max_active_runs) is reached. @p claimer is recorded in claimed_by.
    ClaimOutcome claim(const QString &runId, const QString &claimer, qint64 nowMs);
    /// Runs of the schedule that are claimed and not finished.
    int activeRuns(qint64 scheduleId) const;
    /// The run with the latest fire time that has left Scheduled and Late, or nullopt.
    std::optional<ScheduleLastRun> lastRun(qint64 scheduleId) const;

    // ----- work pools and queues ---------------------------------------------------------
    /// Creates the pool if needed, then applies what is given. False on a database error or a
    /// name nameProblem() refuses.
    bool savePool(const QString &name, std::optional<bool> paused, std::optional<int> concurrencyLimit,
                  bool *created = nullptr);
    bool saveQueue(const QString &pool, const QString &name, std::optional<bool> paused,
                   std::optional<int> priority, std::optional<int> concurrencyLimit, bool *created = nullptr);
    std::vector<WorkPoolRecord> pools() const;
    std::vector<WorkQueueRecord> queues(const QString &pool = {}) const;
    bool hasPool(const QString &name) const;
    /// Names of pools and queues (what a did-you-mean picks from).
    QStringList poolNames() const;
    bool hasQueue(const QString &pool, const QString &name) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace flowdeck
