#pragma once
/// @file The subcommands of `flowdeck-cli runs`, one function each, split by what they do: the
/// history (RunsCommand.cpp), logs and traces (RunsOutput.cpp), and the actions that start or
/// resume runs (RunsActions.cpp).

#include "CommandLine.h"
#include "store/RunStore.h"
#include "workspace/WorkspaceSession.h"

#include <optional>

namespace flowdeck::cli::runs {

/// The run @p id names (a full id or a unique prefix); prints why when there is none.
std::optional<FlowRunRecord> findRun(const RunStore &store, const QString &id);

int logs(const Invocation &inv, RunStore &store, const QString &id);
int trace(const Invocation &inv, RunStore &store, const QString &id);
int compare(const Invocation &inv, RunStore &store, const QString &left, const QString &right);
int retry(const Invocation &inv, WorkspaceSession &session, const QString &id);
int rerun(const Invocation &inv, WorkspaceSession &session, const QString &id);
int resume(const Invocation &inv, WorkspaceSession &session, const QString &id);

}  // namespace flowdeck::cli::runs
