#pragma once
/// @file What a run reports as it goes: state transitions, log lines and resource samples.
/// The engine produces them; the store, the GUI and the CLI consume the same stream.

#include "run/RunState.h"

#include <QString>
#include <QVariant>

#include <optional>

namespace flowdeck {

/// One state transition of a flow run (task empty) or of one task run attempt.
/// Every consumer (store, GUI, CLI progress) sees the same stream.
struct RunEvent {
    QString runId;
    QString task;        ///< empty for flow-level events
    int mapIndex = -1;   ///< item index for mapped task runs, -1 otherwise
    int attempt = 0;     ///< 1-based attempt number for task events, 0 for the flow
    RunState state = RunState::Pending;
    qint64 timeMs = 0;   ///< ms since the Unix epoch (UTC)
    QString message;     ///< why (error text, "cache hit", "skipped: branch check took false")
    QVariant result;     ///< the task result on Completed/Cached (JSON-compatible), else invalid
    int exitCode = -1;   ///< process exit status for finished script attempts
    qint64 peakRssBytes = 0;  ///< finished attempts: peak memory of the task's process tree
    double cpuSeconds = 0;    ///< finished attempts: CPU time of the task's process tree
};

/// One line of task output (or of the engine about a task).
struct LogLine {
    QString runId;
    QString task;
    int mapIndex = -1;
    int attempt = 0;
    qint64 timeMs = 0;
    enum class Stream { Stdout, Stderr, Engine } stream = Stream::Stdout;
    enum class Level { Debug, Info, Warning, Error } level = Level::Info;
    QString text;  ///< already masked: secret values never reach a LogLine
};

QString toString(LogLine::Level level);
std::optional<LogLine::Level> logLevelFromString(const QString &text);

/// A resource sample of one task's process tree.
struct MetricSample {
    QString runId;
    QString task;
    int mapIndex = -1;
    int attempt = 0;
    qint64 timeMs = 0;
    qint64 rssBytes = 0;     ///< resident memory of the whole process tree
    double cpuSeconds = 0;   ///< user+system CPU time of the tree so far
};

}  // namespace flowdeck
