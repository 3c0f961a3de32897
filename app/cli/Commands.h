#pragma once
/// @file The command table of flowdeck-cli and the entry point that dispatches to it.

#include "CommandLine.h"

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
CommandHelp helpHelp();
int runHelp(const Invocation &invocation);

}  // namespace flowdeck::cli
