#pragma once
/// @file Run and task states: Prefect's, plus Skipped for tasks a branch or trigger rule did not take.

#include <QString>

#include <optional>

namespace flowdeck {

enum class RunState {
    Scheduled,      ///< created ahead of time, waiting for its start time
    Late,           ///< scheduled but not started within the grace period
    Pending,        ///< about to run: waiting for upstreams or a concurrency slot
    Running,
    Retrying,       ///< running again after a failed attempt
    AwaitingRetry,  ///< failed an attempt, waiting for the retry delay
    Completed,
    Cached,         ///< completed from a cache hit, without running
    Failed,
    TimedOut,
    Cancelling,
    Cancelled,
    Paused,
    Crashed,        ///< the process running it died
    Skipped,        ///< not taken by a branch or a trigger rule
};

QString toString(RunState state);
std::optional<RunState> runStateFromString(const QString &text);
/// Completed, Cached, Failed, TimedOut, Cancelled, Crashed, Skipped.
bool isFinal(RunState state);
/// Completed and Cached.
bool isSuccess(RunState state);
/// Failed, TimedOut, Crashed (what trigger rules count as "failed"; Cancelled is not).
bool isFailure(RunState state);

}  // namespace flowdeck
