#pragma once
/// @file What the run store keeps of a run, as plain values: the run, its task runs and
/// attempts, its status and metrics (the reference guide's FlowRunStatus and FlowMetrics),
/// stored log lines, cache entries and concurrency slot holders.

#include "run/RunEvent.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace flowdeck {

struct FlowRunRecord {
    QString id;  ///< UUID text without braces
    QString flowName;
    QString flowPath;         ///< absolute path of the flow file, if it came from one
    QByteArray flowSnapshot;  ///< the flow's canonical YAML as it was run (for retry)
    QVariantMap parameters;   ///< resolved values
    QStringList tags;         ///< the flow's tags
    RunState state = RunState::Pending;
    QString parentRunId;  ///< subflow runs: the parent run
    QString parentTask;   ///< subflow runs: the parent's task
    QString retryOf;      ///< the run whose results it reused (`runs retry`, run from here, a selection)
    QString deployment;   ///< the deployment (or schedule) that made it
    /// What started it: manual, schedule, backfill, retry, deployment or subflow.
    QString trigger;
    int taskCount = -1;   ///< the tasks of its flow; -1: unknown (recorded by an older version)
    qint64 createdMs = 0;
    qint64 expectedStartMs = 0;  ///< scheduled runs
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString message;  ///< error text of a failed run
    qint64 pid = 0;   ///< the process running it
    QString host;
    qint64 heartbeatMs = 0;
};

struct TaskRunRecord {
    QString runId;
    QString task;
    int mapIndex = -1;
    RunState state = RunState::Pending;
    int attempts = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString message;
    QVariant result;  ///< JSON-compatible result of a completed task run
    QString cacheKey;
};

struct AttemptRecord {
    QString runId;
    QString task;
    int mapIndex = -1;
    int attempt = 1;
    RunState state = RunState::Running;
    qint64 startMs = 0;
    qint64 endMs = 0;
    int exitCode = -1;
    QString message;
    qint64 peakRssBytes = 0;
    double cpuSeconds = 0;
};

/// The reference guide's FlowRunStatus. Task counts are per task of the flow: a mapped task
/// counts once, in the state of the task as a whole (not of its items), and a task that never
/// started (a crashed run) counts in taskCount only.
struct FlowRunStatus {
    QString runId;
    QString flowName;
    RunState state = RunState::Pending;
    qint64 startMs = 0;
    qint64 endMs = 0;
    double durationSeconds = 0;
    int taskCount = 0;       ///< the tasks of the run's flow snapshot
    int completedTasks = 0;  ///< Completed + Cached
    int failedTasks = 0;     ///< Failed + TimedOut + Crashed
    QString errorMessage;
    QVariantMap parameters;  ///< the resolved values the run used
    QStringList tags;        ///< the flow's tags
};

/// The reference guide's FlowMetrics. The task counts follow FlowRunStatus's rules.
struct FlowMetrics {
    QString flowName;
    QString runId;
    int totalTasks = 0;      ///< the tasks of the run's flow snapshot
    int completedTasks = 0;  ///< Completed + Cached
    int failedTasks = 0;     ///< Failed + TimedOut + Crashed
    int cachedTasks = 0;
    int skippedTasks = 0;
    double totalDurationSeconds = 0;
    double averageTaskDuration = 0;  ///< seconds, over tasks that ran (a mapped task as a whole)
    double peakMemoryMb = 0;         ///< max RSS of any task's process tree, in MB (10^6 bytes)
    double cpuUsagePercent = 0;      ///< task CPU seconds / run wall seconds * 100
    int retryCount = 0;              ///< attempts after the first, of every task run and map item
    double cacheHitRate = 0;  ///< cached / task runs with caching on (map items one each), 0..1
};

/// Bytes as the MB (10^6 bytes) of FlowMetrics::peakMemoryMb and of the engine's memory messages.
inline double bytesToMb(qint64 bytes) {
    return double(bytes) / 1e6;
}

struct StoredLogLine {
    qint64 id = 0;   ///< unique in the database, ascending in the order lines were stored
    qint64 seq = 0;  ///< the line's number within its run's log, from 1
    LogLine line;
};

struct CacheEntry {
    QString key;
    QString flowName;
    QString task;
    QVariant result;
    qint64 createdMs = 0;
    qint64 expiresMs = 0;  ///< 0: never
    QString runId;         ///< the run that produced it
};

/// A holder of a concurrency slot: who to release it for, and a pid to detect crashed holders.
struct SlotHolder {
    QString runId;
    QString task;
    int mapIndex = -1;
    qint64 pid = 0;
};

}  // namespace flowdeck
