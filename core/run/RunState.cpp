#include "run/RunState.h"

#include "run/NameTable.h"

namespace flowdeck {

namespace {

// Indexed by the enum's value; the names are what the store, the CLI and exports write.
const char *const runStateNames[] = {
    "Scheduled", "Late",     "Pending",    "Running",   "Retrying", "AwaitingRetry", "Completed", "Cached",
    "Failed",    "TimedOut", "Cancelling", "Cancelled", "Paused",   "Crashed",       "Skipped",
};
static_assert(std::size(runStateNames) == int(RunState::Skipped) + 1, "one name per RunState");

}  // namespace

QString toString(RunState state) {
    return QLatin1String(runStateNames[int(state)]);
}

std::optional<RunState> runStateFromString(const QString &text) {
    const int index = indexOfName(runStateNames, text);
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

}  // namespace flowdeck
