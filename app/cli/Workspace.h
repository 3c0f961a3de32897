#pragma once
/// @file What the engine commands share: settings for a workspace, the run store, setting flags.

#include "CommandLine.h"
#include "settings/Settings.h"
#include "store/RunStore.h"
#include "store/ScheduleStore.h"
#include "workspace/WorkspaceSession.h"

#include <QJsonValue>

#include <memory>
#include <optional>

namespace flowdeck::cli {

/// The options every command that touches runs accepts: --workspace and each setting's flag.
std::vector<Option> settingOptions();

/// Loads the settings of the workspace holding @p startPath (or --workspace), with FLOWDECK_*
/// variables and the invocation's flags; prints the problems and returns nothing when bad.
std::optional<Settings> loadSettings(const Invocation &invocation, const QString &startPath);

/// Opens the run store of @p settings, marks runs whose process died as Crashed and makes the
/// database's tag concurrency limits those of the settings (WorkspaceSession::openStore);
/// prints why and returns null when it cannot.
std::unique_ptr<RunStore> openStore(const Settings &settings);
/// The workspace of @p settings with its store and run launcher, opened the same way; prints
/// why and returns null when it cannot.
std::unique_ptr<WorkspaceSession> openSession(const Settings &settings);

/// What a command needs to touch stored schedules, pools and queues.
struct Stores {
    std::unique_ptr<RunStore> runs;
    std::unique_ptr<ScheduleStore> schedules;
};
/// openStore() for the settings of the invocation, with a ScheduleStore on it.
std::optional<Stores> openStores(const Invocation &invocation);

/// "12.3s", "1m05s", "-" for zero.
QString formatSeconds(double seconds);
/// Local "2026-11-26 14:03:07" of ms since the epoch, "-" for 0.
QString formatTime(qint64 ms);
/// ISO-8601 UTC with milliseconds ("2026-11-26T13:03:07.123Z") of ms since the epoch; null for 0.
QJsonValue isoTime(qint64 ms);
/// The same text (24 characters, no terminating NUL) for @p ms > 0, into @p text.
void isoTimeText(qint64 ms, char (&text)[24]);
/// Parses --since: an ISO date-time, or a duration back from now ("2h", "7d").
std::optional<qint64> parseSince(const QString &text);

}  // namespace flowdeck::cli
