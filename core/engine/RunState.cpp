#include "RunState.h"

#include <iterator>

namespace flowdeck {

namespace {

// Indexed by the enum's value; the names are what the store, the CLI and exports write.
const char *const runStateNames[] = {
    "Scheduled", "Late",     "Pending",    "Running",   "Retrying", "AwaitingRetry", "Completed", "Cached",
    "Failed",    "TimedOut", "Cancelling", "Cancelled", "Paused",   "Crashed",       "Skipped",
};
static_assert(std::size(runStateNames) == int(RunState::Skipped) + 1, "one name per RunState");

const char *const logLevelNames[] = {"debug", "info", "warning", "error"};
static_assert(std::size(logLevelNames) == int(LogLine::Level::Error) + 1, "one name per level");

/// Index of @p text in @p names, ignoring case (so "COMPLETED" from Prefect's API reads too).
template <std::size_t N>
int indexOf(const char *const (&names)[N], const QString &text) {
    for (std::size_t i = 0; i < N; ++i)
        if (text.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0) return int(i);
    return -1;
}

}  // namespace

QString toString(RunState state) {
    return QLatin1String(runStateNames[int(state)]);
}

std::optional<RunState> runStateFromString(const QString &text) {
    const int index = indexOf(runStateNames, text);
    if (index < 0) return std::nullopt;
    return RunState(index);
}

bool isFinal(RunState state) {
    switch (state) {
        case RunState::Completed:
        case RunState::Cached:
        case RunState::Failed:
        case RunState::TimedOut:
        case RunState::Cancelled:
        case RunState::Crashed:
        case RunState::Skipped:
            return true;
        default:
            return false;
    }
}

bool isSuccess(RunState state) {
    return state == RunState::Completed || state == RunState::Cached;
}

bool isFailure(RunState state) {
    return state == RunState::Failed || state == RunState::TimedOut || state == RunState::Crashed;
}

QString toString(LogLine::Level level) {
    return QLatin1String(logLevelNames[int(level)]);
}

std::optional<LogLine::Level> logLevelFromString(const QString &text) {
    const int index = indexOf(logLevelNames, text);
    if (index < 0) return std::nullopt;
    return LogLine::Level(index);
}

}  // namespace flowdeck
