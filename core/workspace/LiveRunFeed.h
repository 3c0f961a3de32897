#pragma once
/// @file A queued, coalescing listener of runs for a thread with an event loop (the GUI's):
/// engine threads post events, logs and samples; it hands them on at most once per interval,
/// as one update per changed run and task, and never asks the database.

#include "engine/RunServices.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <optional>
#include <vector>

namespace flowdeck {

/// What a view shows of one task while a run goes: the task as a whole (a mapped task's items
/// are folded into its counts).
struct LiveTask {
    QString runId;
    QString task;
    RunState state = RunState::Pending;
    int attempt = 0;        ///< the latest attempt (of the task, or of any of its items)
    qint64 startMs = 0;     ///< when it first ran (0: not yet)
    qint64 endMs = 0;       ///< when it ended (0: not yet)
    QString message;        ///< the latest event's
    int itemsTotal = 0;     ///< mapped tasks: items seen so far
    int itemsDone = 0;      ///< mapped tasks: items in a final state
    int itemsFailed = 0;    ///< mapped tasks: items Failed, TimedOut or Crashed
    qint64 rssBytes = 0;    ///< the latest resource sample of the task (any item)
    double cpuSeconds = 0;
};

/// A run's own state (flow-level events) and how far its tasks are.
struct LiveRun {
    QString runId;
    RunState state = RunState::Pending;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString message;
    int tasksSeen = 0;      ///< tasks with at least one event
    int tasksDone = 0;      ///< tasks in a final state
    int tasksFailed = 0;    ///< tasks Failed, TimedOut or Crashed
};

/// Everything that changed since the previous update.
struct LiveUpdate {
    std::vector<LiveRun> runs;    ///< each changed run once, in the order it first changed
    std::vector<LiveTask> tasks;  ///< each changed task once, in the order it first changed
    std::vector<LogLine> logs;    ///< new lines in the order they were posted (at most logLimit())
    std::vector<MetricSample> samples;  ///< new samples in order
    int droppedLogs = 0;  ///< lines past logLimit() since the last update (they are in the store)
};

class LiveRunFeed : public QObject, public RunEventSink {
    Q_OBJECT
public:
    /// Lives in the calling thread; updates are emitted there, at most once per @p intervalMs.
    explicit LiveRunFeed(int intervalMs = 16, QObject *parent = nullptr);
    ~LiveRunFeed() override;

    // RunEventSink, callable from any thread.
    void post(const RunEvent &event) override;
    void post(const LogLine &line) override;
    void post(const MetricSample &sample) override;

    int intervalMs() const { return m_intervalMs; }
    /// At most this many log lines per update (default 10,000): a flood reaches a view as a
    /// count it can read from the store, not as a million rows to insert in one frame.
    int logLimit() const { return m_logLimit; }
    void setLogLimit(int lines) { m_logLimit = lines; }

    /// The latest state of a run and of every task of it seen so far, for a view that opens
    /// while the run goes. Thread-safe.
    std::optional<LiveRun> run(const QString &runId) const;
    std::vector<LiveTask> tasks(const QString &runId) const;
    /// Drops what the feed keeps of a run (a view closed it).
    void forget(const QString &runId);

    /// Emits what is pending now, without waiting for the interval (a view about to close).
    void drainNow();
    /// True while an update is due: the feed arms its timer only when something was posted.
    bool isUpdatePending() const;

signals:
    void updated(const flowdeck::LiveUpdate &update);

private:
    struct TaskState {
        LiveTask live;
        QHash<int, RunState> items;  ///< mapped items by index
        bool seen = false;           ///< has had an event (a sample may come first)
    };
    struct RunTasks {
        LiveRun live;
        QHash<QString, TaskState> tasks;
    };

    void apply(const RunEvent &event);
    void applyToItem(TaskState &task, const RunEvent &event);
    void markRun(const QString &runId);
    void markTask(const QString &runId, const QString &task);
    void arm();
    void onTimer();
    LiveUpdate take();

    const int m_intervalMs;
    int m_logLimit = 10000;
    QTimer m_timer;  ///< single shot, started only when something is pending
    QElapsedTimer m_sinceDrain;
    std::atomic<bool> m_armed{false};

    mutable QMutex m_mutex;  // guards everything below
    QHash<QString, RunTasks> m_runs;
    std::vector<QString> m_changedRuns;
    QHash<QString, bool> m_runMarked;
    std::vector<std::pair<QString, QString>> m_changedTasks;
    QHash<QString, bool> m_taskMarked;  ///< "run\x1ftask"
    std::vector<LogLine> m_logs;
    int m_droppedLogs = 0;
    std::vector<MetricSample> m_samples;
};

}  // namespace flowdeck

Q_DECLARE_METATYPE(flowdeck::LiveUpdate)
