#pragma once
/// @file Schedules and work pools declared in a workspace's flowdeck.yaml (`schedules:`,
/// `work_pools:`), kept in step with the run database by `serve`, `worker` and the GUI.

#include "flow/Diagnostic.h"
#include "flow/Flow.h"
#include "store/ScheduleStore.h"

#include <vector>

namespace flowdeck {

/// The `schedules:` list of @p workspaceFile: each entry has `name`, `flow` (relative to the
/// workspace), optional `parameters`, `catchup`, `catchup_cap`, `max_active_runs`, `collision`,
/// `pool`, `queue`, `active`, and the ScheduleConfig keys (`cron_expression`, `timezone`...).
struct DeclaredQueue {
    QString name;
    int priority = 1;          ///< lower is claimed first
    int concurrencyLimit = 0;  ///< 0: no limit
};

/// One entry of `work_pools:`: `concurrency_limit` and `queues` (each `priority`, `concurrency_limit`).
struct DeclaredPool {
    QString name;
    int concurrencyLimit = 0;
    std::vector<DeclaredQueue> queues;
};

struct WorkspaceSchedules {
    std::vector<ScheduleRecord> schedules;
    std::vector<DeclaredPool> pools;
    Diagnostics problems;

    static WorkspaceSchedules read(const QString &workspaceFile);
};

/// What a run of @p flow would refuse in @p parameters (text values, as the run gets them): an
/// unknown name, a value of the wrong type, a parameter without a default left out. Empty if none;
/// else "parameters: ..." in the words `schedule add --param` uses.
QString scheduleParameterProblem(const Flow &flow, const QVariantMap &parameters);

/// What a sync changed.
struct ScheduleSync {
    int added = 0;
    int updated = 0;
    int removed = 0;
    int poolsSaved = 0;  ///< pools and queues created or changed by the file
};

/// Adds the declared schedules that are new, replaces those whose definition changed, and
/// removes those this file declared before but no longer does. Schedules made with the CLI,
/// and the active flag of an unchanged schedule (`schedule pause` survives a restart), are left alone.
/// Declared pools and queues are created or given the file's limits and priorities; their paused
/// flag is left alone, and pools the file no longer names are kept (runs may still name them).
ScheduleSync syncSchedules(const WorkspaceSchedules &declared, const QString &workspaceFile,
                           ScheduleStore &store);

}  // namespace flowdeck
