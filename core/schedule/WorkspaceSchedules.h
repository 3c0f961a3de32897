#pragma once
/// @file Schedules declared in a workspace's flowdeck.yaml (`schedules:`), kept in step with the
/// run database by `serve`.

#include "flow/Diagnostic.h"
#include "store/ScheduleStore.h"

#include <vector>

namespace flowdeck {

/// The `schedules:` list of @p workspaceFile: each entry has `name`, `flow` (relative to the
/// workspace), optional `parameters`, `catchup`, `catchup_cap`, `max_active_runs`, `collision`,
/// `pool`, `queue`, `active`, and the ScheduleConfig keys (`cron_expression`, `timezone`...).
struct WorkspaceSchedules {
    std::vector<ScheduleRecord> schedules;
    Diagnostics problems;

    static WorkspaceSchedules read(const QString &workspaceFile);
};

/// What a sync changed.
struct ScheduleSync {
    int added = 0;
    int updated = 0;
    int removed = 0;
};

/// Adds the declared schedules that are new, replaces those whose definition changed, and
/// removes those this file declared before but no longer does. Schedules made with the CLI,
/// and the active flag of an unchanged schedule (`schedule pause` survives a restart), are left alone.
ScheduleSync syncSchedules(const WorkspaceSchedules &declared, const QString &workspaceFile,
                           ScheduleStore &store);

}  // namespace flowdeck
