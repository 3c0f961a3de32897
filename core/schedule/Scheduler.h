#pragma once
/// @file The scheduler service: creates scheduled runs ahead, catches up on start, marks late
/// runs, and claims and runs the due runs of its work pools. Used by `serve`, `worker` and the GUI.

#include "WallClockTimer.h"
#include "engine/FlowRun.h"
#include "store/ScheduleStore.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

class QFileSystemWatcher;

namespace flowdeck {

class RunLauncher;
class RunStore;
class Schedule;
class ScheduledRun;

struct SchedulerOptions {
    QStringList pools = {QStringLiteral("default")};  ///< whose due runs it claims and runs
    QString queue;                                    ///< only this queue of them; empty: every queue
    bool planAllSchedules = true;  ///< create runs for every schedule (serve), else only its pools' (worker)
    int maxConcurrentRuns = 0;     ///< runs of this scheduler at once (worker --limit); 0: no limit
    qint64 lookaheadMs = 120000;   ///< runs are created this far ahead...
    int maxRunsAhead = 10;         ///< ...but at most this many per schedule, and always the next one
    qint64 lateAfterMs = 60000;    ///< a run not started this long after its expected start is Late
    QString claimer;               ///< recorded in claimed_by; default "host:pid:serial"
    /// The engine options for a flow about to run (settings, interpreters, limits).
    std::function<RunOptions(const Flow &)> runOptionsFor;
    /// Runs its runs (a workspace's, so that its listeners see them); empty: a launcher of its
    /// own on the store. Must outlive the scheduler.
    RunLauncher *launcher = nullptr;
    /// What "now" is (ms since the epoch); empty: the system clock. Tests pin it so that what
    /// counts as missed or due does not depend on where the wall clock happens to fall.
    std::function<qint64()> clock;
};

/// Waits on one timer set to the next wall-clock instant it has work (a run due, a run turning
/// Late, more runs to create), and on a watched file other processes touch when they change
/// schedules, pools or finish runs; it never polls. Several schedulers, in one process or many,
/// may share a database: every fire time has one run row, and one claim wins it.
class Scheduler : public QObject {
    Q_OBJECT
public:
    /// @p store must outlive the scheduler. Nothing happens before start().
    Scheduler(RunStore &store, SchedulerOptions options, QObject *parent = nullptr);
    /// Cancels what still runs and waits for it; call stop() first for a graceful end.
    ~Scheduler() override;

    /// Catches up on missed fire times (each schedule's policy), creates runs ahead, starts the due ones.
    void start();
    /// Stops claiming; lets running runs finish for up to @p graceMs, then cancels them.
    /// Emits stopped() once nothing runs (the store is flushed by then).
    void stop(qint64 graceMs);

    /// Cancels every running run now (a second Ctrl-C); stop() still ends the scheduler.
    void cancelRunning();

    int runningCount() const { return int(m_running.size()); }
    bool isStopping() const { return m_stopping; }
    QString claimer() const { return m_options.claimer; }
    const SchedulerOptions &options() const { return m_options; }
    /// When the timer will next wake it (ms since the epoch); 0 when it is not armed.
    qint64 nextWakeMs() const { return m_nextWakeMs; }

signals:
    /// A claimed run was handed to the engine.
    void runStarted(const QString &runId, const QString &scheduleName, qint64 expectedStartMs);
    void runFinished(const QString &runId, const QString &scheduleName, flowdeck::RunState state,
                     const QString &message);
    /// A due run was cancelled because its schedule had max_active_runs going (cancel-new).
    void runCancelled(const QString &runId, const QString &scheduleName);
    /// Catch-up on start: how many missed fire times get a run, and how many runs left by a
    /// dead process were dropped.
    void caughtUp(const QString &scheduleName, int created, int dropped);
    void stopped();

private:
    struct Planned {
        ScheduleRecord record;
        std::shared_ptr<const Schedule> schedule;
        qint64 planAtMs = 0;  ///< when more runs must be created; 0: never (ended)
    };

    void requestWake(bool reload);
    void wake();
    void reloadSchedules();
    bool plans(const ScheduleRecord &schedule) const;
    void catchUp(Planned &planned, qint64 now);
    void plan(Planned &planned, qint64 now);
    void claimDue(qint64 now);
    void startRun(const WaitingRun &run);
    void onRunFinished(const QString &runId, RunState state, const QString &message);
    void armTimer(qint64 now);
    bool stalledSince(qint64 passStartMs);
    bool creatorIsGone(const WaitingRun &run, qint64 now) const;
    void finishStop();
    qint64 now() const;

    RunStore &m_store;
    std::unique_ptr<RunLauncher> m_ownLauncher;
    RunLauncher *m_launcher = nullptr;
    std::unique_ptr<ScheduleStore> m_schedules;
    SchedulerOptions m_options;
    WallClockTimer m_timer;  ///< the one wake-up, at a wall-clock instant
    QTimer m_wakeSoon;       ///< coalesces notifications into one pass
    QTimer m_graceTimer;
    QFileSystemWatcher *m_watcher = nullptr;
    std::map<qint64, Planned> m_planned;  ///< by schedule id
    QSet<qint64> m_seen;                  ///< schedule ids already caught up
    std::map<QString, std::unique_ptr<ScheduledRun>> m_running;
    bool m_reload = true;
    bool m_started = false;
    bool m_stopping = false;
    qint64 m_nextWakeMs = 0;
    qint64 m_sleptSinceMs = 0;  ///< woken far too late: nothing ran since then (suspend, SIGSTOP)
};

}  // namespace flowdeck
