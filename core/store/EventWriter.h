#pragma once
/// @file The run store's writer thread: takes posted events, logs and samples off the caller's
/// hot path and commits them in batched transactions on its own connection.

#include "run/RunEvent.h"
#include "store/RunStore.h"

#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

namespace flowdeck {

struct HeartbeatItem {
    QString runId;
    qint64 timeMs = 0;
};

struct CacheKeyItem {
    QString runId;
    QString task;
    int mapIndex = -1;
    QString key;
};

using WriteItem = std::variant<RunEvent, LogLine, MetricSample, HeartbeatItem, CacheKeyItem, CacheEntry>;

/// What committed batches changed, for the notification other processes watch.
struct CommittedChanges {
    bool runStates = false;  ///< a run changed state
    bool progress = false;   ///< task runs changed or lines were logged
};

/// One thread, one connection. post() only appends to a queue under a mutex; the thread takes
/// everything queued and commits it in transactions of at most kMaxBatch items, retrying a
/// batch when another process holds the lock, so nothing posted is lost.
class EventWriter {
public:
    static constexpr size_t kMaxBatch = 5000;
    /// How long the writer gathers items after the first one before committing, unless a batch
    /// fills up or flush() asks: fewer, larger transactions cost the engine's CPU much less.
    static constexpr std::chrono::milliseconds kGather{15};

    /// @p onCommit runs on the writer thread after each committed batch.
    EventWriter(QString path, QString connectionName, std::function<void(CommittedChanges)> onCommit);
    /// Commits everything still queued, then stops the thread.
    ~EventWriter();
    EventWriter(const EventWriter &) = delete;
    EventWriter &operator=(const EventWriter &) = delete;

    /// Starts the thread and waits until its connection is open and its statements prepared.
    bool start(QString *error);
    void post(WriteItem item);
    /// Returns once everything posted before the call is committed (or, after an error that
    /// is not a lock, reported and dropped).
    void flush();

    /// What could not be written since start: items dropped (a full disk, a read-only or
    /// damaged file) and the first reason. Zero items when nothing was lost.
    struct Loss {
        quint64 items = 0;
        QString reason;
    };
    Loss loss() const;

private:
    class Batch;
    void threadMain();
    void drainLoop(Batch &batch);
    void commitWithRetry(Batch &batch, const WriteItem *begin, const WriteItem *end);
    void reportReady(bool ok, const QString &error);
    void noteLoss(quint64 items, const QString &reason);

    const QString m_path;
    const QString m_connectionName;
    const std::function<void(CommittedChanges)> m_onCommit;
    std::thread m_thread;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;      ///< writer: work arrived or stop
    std::condition_variable m_progress;  ///< flush(): items committed, or start() finished
    std::vector<WriteItem> m_queue;
    quint64 m_posted = 0;
    quint64 m_done = 0;
    bool m_idle = false;
    bool m_stop = false;
    bool m_flushWanted = false;  ///< a flush() waits: commit now instead of gathering more
    int m_startState = 0;  ///< 0 starting, 1 ready, -1 failed
    QString m_startError;
    Loss m_loss;
};

}  // namespace flowdeck
