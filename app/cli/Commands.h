#pragma once
/// @file The command table of flowdeck-cli and the entry point that dispatches to it.

#include "CommandLine.h"
#include "engine/FlowRun.h"
#include "settings/EngineOptions.h"
#include "settings/Settings.h"
#include "store/RunStore.h"
#include "workspace/RunLauncher.h"
#include "workspace/WorkspaceSession.h"

#include <QStringList>
#include <vector>

namespace flowdeck::cli {

/// Every command, in the order `flowdeck-cli --help` lists them.
const std::vector<Command> &commands();
/// The command called @p name, or nullptr.
const Command *findCommand(const QString &name);

/// Runs a whole command line (argv[0] first) and returns the exit status.
int run(const QStringList &argv);

// One pair per command: its help (synopsis, options, details) and its body.
CommandHelp validateHelp();
int runValidate(const Invocation &invocation);
CommandHelp graphHelp();
int runGraph(const Invocation &invocation);
CommandHelp runHelp();
int runRun(const Invocation &invocation);
CommandHelp runsHelp();
int runRuns(const Invocation &invocation);
CommandHelp cacheHelp();
int runCache(const Invocation &invocation);
CommandHelp configHelp();
int runConfig(const Invocation &invocation);
CommandHelp healthHelp();
int runHealth(const Invocation &invocation);
CommandHelp scheduleHelp();
int runSchedule(const Invocation &invocation);
CommandHelp serveHelp();
int runServe(const Invocation &invocation);
CommandHelp workerHelp();
int runWorker(const Invocation &invocation);
CommandHelp poolHelp();
int runPool(const Invocation &invocation);
CommandHelp queueHelp();
int runQueue(const Invocation &invocation);
CommandHelp deployHelp();
int runDeploy(const Invocation &invocation);
CommandHelp taskHelp();
int runTask(const Invocation &invocation);
CommandHelp secretHelp();
int runSecret(const Invocation &invocation);
CommandHelp helpHelp();
int runHelp(const Invocation &invocation);

// Shared by `run` and the `runs` commands that start a run (retry, rerun).
/// Runs a flow on this thread with live progress and a summary (or JSON); returns the exit status.
int executeRun(const Invocation &invocation, WorkspaceSession &session, const LaunchRequest &request);
/// --param values given on the command line win over values a request took from an earlier run.
void overrideParameters(RunOptions &options, const QHash<QString, QString> &parameterText);
/// Reads --param NAME=VALUE options; false with @p error for a malformed or repeated one.
bool parseParameters(const Invocation &invocation, QHash<QString, QString> *out, QString *error);

}  // namespace flowdeck::cli
