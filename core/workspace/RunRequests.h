#pragma once
/// @file The run actions of the runs browser and the CLI, as launch requests built from what the
/// store knows: retry from failure, run again with the same parameters, run from a task, run a
/// selection. One place decides what each reuses, so the GUI and `flowdeck-cli` agree.

#include "workspace/RunLauncher.h"

#include <QString>

#include <optional>

namespace flowdeck {

class RunStore;
class WorkspaceSession;
struct FlowRunRecord;

/// A request, or why there is none (the message names the run and says what is wrong).
struct RequestBuild {
    LaunchRequest request;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

/// The flow as @p run ran it (its snapshot). Secret values, which the store keeps masked, come
/// back from its flow file when that still has them. Empty when the snapshot cannot be read.
std::optional<Flow> flowOfRun(const FlowRunRecord &run);

/// The newest top-level run of @p flowName that has ended, if any: whose results "run from
/// here" reuses by default.
std::optional<FlowRunRecord> lastFinishedRun(const RunStore &store, const QString &flowName);

/// Retry from failure (`runs retry`, the browser's Retry): a Failed, Crashed, TimedOut or
/// Cancelled run again as it ran (its snapshot and parameters), reusing the results of every
/// task that completed; a new run linked to the old one.
RequestBuild retryRequest(const WorkspaceSession &session, const QString &runIdOrPrefix);

/// Run again with the same parameters (`runs rerun`, "run again with these parameters"): the
/// flow file as it is now (its snapshot when the file is gone or no longer valid), the run's
/// parameter values (those the flow still declares), every task fresh.
RequestBuild rerunRequest(const WorkspaceSession &session, const QString &runIdOrPrefix);

/// Part of @p flow (run from here: RunSelection::Mode::FromTasks; run selection: OnlyTasks),
/// reusing the results of @p sourceRunId (empty: lastFinishedRun() of the flow) for the tasks
/// the selection needs but does not name, with that run's parameter values unless the caller
/// sets others. Without any earlier run, the needed tasks simply run too.
RequestBuild partialRequest(const WorkspaceSession &session, const Flow &flow, const QString &flowPath,
                            const RunSelection &selection, const QString &sourceRunId = {});

}  // namespace flowdeck
