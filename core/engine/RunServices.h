#pragma once
/// @file What a flow run needs from outside, as small interfaces the engine owns: where its
/// events go, where it is recorded, a result cache, concurrency slots and cancel requests.
/// The run store implements them all; a run without a store uses none of them.

#include "run/RunEvent.h"
#include "run/RunRecords.h"

#include <QHash>
#include <QMetaObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstddef>
#include <functional>
#include <optional>
#include <type_traits>
#include <vector>

class QObject;

namespace flowdeck {

/// Takes a run's events, log lines and resource samples as they happen. Called on the run's
/// thread and, for logs and samples, on pool threads at the same time: implementations are
/// thread-safe and return quickly (queue, do not work).
class RunEventSink {
public:
    virtual ~RunEventSink() = default;
    virtual void post(const RunEvent &event) = 0;
    virtual void post(const LogLine &line) = 0;
    virtual void post(const MetricSample &sample) = 0;
};

/// Keeps the record of runs: takes their events as a sink, and the rows around them.
class RunRecorder : public RunEventSink {
public:
    using RunEventSink::post;
    /// The run row exists when this returns (other processes can see it); false, with
    /// @p error, when it cannot be recorded.
    virtual bool createRun(const FlowRunRecord &run, QString *error) = 0;
    /// Takes over a run row made ahead of time (a claimed scheduled run) instead of creating
    /// one; false when it is unknown or no longer waiting.
    virtual bool startClaimedRun(const FlowRunRecord &run, QString *error) = 0;
    /// The run's process is alive (for crash detection by other processes).
    virtual void heartbeat(const QString &runId) = 0;
    /// The cache key a task run used (for the cache hit rate).
    virtual void setCacheKey(const QString &runId, const QString &task, int mapIndex, const QString &key) = 0;
    /// The task runs of an earlier run, whose results a retry or a partial run reuses.
    virtual std::vector<TaskRunRecord> taskRuns(const QString &runId) const = 0;
    /// Blocks until everything posted before the call is recorded.
    virtual void flush() = 0;
};

/// Results of earlier task runs, by cache key.
class ResultCache {
public:
    virtual ~ResultCache() = default;
    /// The entry of @p key unless it expired before @p nowMs.
    virtual std::optional<CacheEntry> cacheLookup(const QString &key, qint64 nowMs) const = 0;
    virtual void cacheStore(const CacheEntry &entry) = 0;
};

/// Concurrency slots by tag, shared by every run and process that uses the same broker.
class SlotBroker {
public:
    virtual ~SlotBroker() = default;
    virtual void setConcurrencyLimit(const QString &tag, int limit) = 0;
    virtual QHash<QString, int> concurrencyLimits() const = 0;
    /// Takes one slot of each tag, all or none; false when any is full.
    virtual bool tryAcquireSlots(const QStringList &tags, const SlotHolder &holder) = 0;
    virtual void releaseSlots(const SlotHolder &holder) = 0;
    /// Calls @p wake, in @p context's thread, whenever slots may have been freed (by anyone).
    /// The connection ends with @p context.
    virtual QMetaObject::Connection onSlotsReleased(QObject *context, std::function<void()> wake) = 0;
};

/// Requests, from anywhere (another process, another window), to cancel a run.
class CancelSource {
public:
    virtual ~CancelSource() = default;
    virtual bool isCancelRequested(const QString &runId) const = 0;
    /// Calls @p cancel with the run's id, in @p context's thread, when a run of this process is
    /// asked to cancel. The connection ends with @p context.
    virtual QMetaObject::Connection onCancelRequested(QObject *context,
                                                      std::function<void(const QString &runId)> cancel) = 0;
};

/// Values people give to resume approval tasks (`flowdeck-cli runs resume`, a GUI form), from
/// anywhere.
class ApprovalInbox {
public:
    virtual ~ApprovalInbox() = default;
    /// The values given for waiting approval task @p task of @p runId, if any; each approval is
    /// taken once.
    virtual std::optional<QVariantMap> takeApproval(const QString &runId, const QString &task) = 0;
    /// Calls @p check, in @p context's thread, whenever approvals may have been given (by anyone).
    /// The connection ends with @p context.
    virtual QMetaObject::Connection onApprovalGiven(QObject *context, std::function<void()> check) = 0;
};

/// The services one run uses; any may be null (a run without a store persists nothing, shares
/// no slots and hears no cancel requests from elsewhere).
struct RunServices {
    RunRecorder *recorder = nullptr;
    ResultCache *cache = nullptr;
    SlotBroker *slotBroker = nullptr;
    CancelSource *cancels = nullptr;
    ApprovalInbox *approvals = nullptr;
    /// Live listeners besides the recorder (a GUI's queued sink, a progress printer). They get
    /// the events, logs and samples of the run and of its subflow runs.
    std::vector<RunEventSink *> listeners;

    RunServices() = default;
    RunServices(std::nullptr_t) {}
    /// Every service from one object that provides them all (the run store does).
    template <typename All, typename = std::enable_if_t<std::is_base_of_v<RunRecorder, All> &&
                                                        std::is_base_of_v<ResultCache, All> &&
                                                        std::is_base_of_v<SlotBroker, All> &&
                                                        std::is_base_of_v<CancelSource, All> &&
                                                        std::is_base_of_v<ApprovalInbox, All>>>
    RunServices(All *all) : recorder(all), cache(all), slotBroker(all), cancels(all), approvals(all) {}
};

}  // namespace flowdeck
