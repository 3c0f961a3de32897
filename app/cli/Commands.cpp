#include "Commands.h"

#include "Console.h"
#include "flow/Diagnostic.h"

#include <algorithm>
#include <exception>

namespace flowdeck::cli {

const std::vector<Command> &commands() {
    // To add a command: a row here, its help and run functions in Commands.h, a NameCommand.cpp.
    // clang-format off
    static const std::vector<Command> table{
        {QStringLiteral("validate"), QStringLiteral("Check flow files and list every problem as FILE:LINE:COLUMN"),
         validateHelp, runValidate},
        {QStringLiteral("graph"),    QStringLiteral("Print the task graph of a flow as Graphviz DOT, JSON or text"),
         graphHelp, runGraph},
        {QStringLiteral("run"),      QStringLiteral("Run a flow and record the run"),
         runHelp, runRun},
        {QStringLiteral("runs"),     QStringLiteral("List, show, follow, retry, cancel and prune recorded runs"),
         runsHelp, runRuns},
        {QStringLiteral("cache"),    QStringLiteral("List or clear cached task results"),
         cacheHelp, runCache},
        {QStringLiteral("config"),   QStringLiteral("Show the effective settings and where each comes from"),
         configHelp, runConfig},
        {QStringLiteral("health"),   QStringLiteral("Check the database, interpreters and disk"),
         healthHelp, runHealth},
        {QStringLiteral("schedule"), QStringLiteral("Add, list, pause, backfill stored schedules; next fire times; describe cron"),
         scheduleHelp, runSchedule},
        {QStringLiteral("serve"),    QStringLiteral("Run the scheduler: fire schedules and run pool 'default' until stopped"),
         serveHelp, runServe},
        {QStringLiteral("worker"),   QStringLiteral("Claim and run the due runs of one work pool until stopped"),
         workerHelp, runWorker},
        {QStringLiteral("pool"),     QStringLiteral("List, create, pause and resume work pools"),
         poolHelp, runPool},
        {QStringLiteral("queue"),    QStringLiteral("List, create, pause and resume the queues of a work pool"),
         queueHelp, runQueue},
        {QStringLiteral("deploy"),   QStringLiteral("List, show, validate and export the deployments of flowdeck.yaml"),
         deployHelp, runDeploy},
        {QStringLiteral("task"),     QStringLiteral("Run one task of a flow on its own, as an exported step does"),
         taskHelp, runTask},
        {QStringLiteral("secret"),   QStringLiteral("Store, list and delete secret values in the desktop keyring"),
         secretHelp, runSecret},
        {QStringLiteral("help"),     QStringLiteral("Show the help of a command"),
         helpHelp, runHelp},
    };
    // clang-format on
    return table;
}

const Command *findCommand(const QString &name) {
    for (const Command &command : commands())
        if (command.name == name) return &command;
    return nullptr;
}

namespace {

QString mainUsage() {
    return QStringLiteral("Usage: %1 COMMAND [OPTIONS] [ARGUMENTS]\n       %1 --help | --version\n")
        .arg(QLatin1String(programName()));
}

QString mainHelp() {
    int width = 0;
    for (const Command &command : commands()) width = std::max(width, int(command.name.size()));
    QString text =
        mainUsage() + QLatin1String("\nCheck, run and inspect Flowdeck flows without a display.\n\nCommands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n").arg(command.name, -width).arg(command.summary);
    return text + QStringLiteral(
                      "\nOptions:\n"
                      "  -h, --help  Show this help\n"
                      "  --version   Print the version\n"
                      "\n"
                      "Run '%1 help COMMAND' or '%1 COMMAND --help' for the options of a command.\n"
                      "Exit status: 0 on success, 1 when a command fails (for example an invalid or\n"
                      "unreadable flow), 2 on usage errors.\n")
                      .arg(QLatin1String(programName()));
}

int mainUsageError(const QString &message) {
    printError(message);
    printErr(mainUsage() +
             QStringLiteral("Run '%1 --help' for the list of commands.\n").arg(QLatin1String(programName())));
    return ExitUsage;
}

QStringList commandNames() {
    QStringList names;
    for (const Command &command : commands()) names << command.name;
    return names;
}

int runCommand(const Command &command, const QStringList &args) {
    Invocation invocation;
    QString error;
    if (!parseArguments(command, args, invocation, error)) return usageError(command, error);
    if (invocation.isSet(QStringLiteral("help"))) {
        printOut(helpText(command));
        return ExitOk;
    }
    return command.run(invocation);
}

}  // namespace

int run(const QStringList &argv) {
    const QStringList args = argv.mid(1);
    if (args.isEmpty()) return mainUsageError(QStringLiteral("no command given"));
    const QString &first = args.first();
    if (first == QLatin1String("-h") || first == QLatin1String("--help")) {
        printOut(mainHelp());
        return ExitOk;
    }
    if (first == QLatin1String("--version")) {
        printOut(
            QStringLiteral("%1 %2\n").arg(QLatin1String(programName()), QStringLiteral(FLOWDECK_VERSION)));
        return ExitOk;
    }
    if (first.startsWith(QLatin1Char('-')))
        return mainUsageError(QStringLiteral("unknown option '%1'").arg(first));
    const Command *command = findCommand(first);
    if (!command)
        return mainUsageError(
            QStringLiteral("unknown command '%1'%2").arg(first, didYouMean(first, commandNames())));
    try {
        return runCommand(*command, args.mid(1));
    } catch (const std::exception &e) {
        // Core reports expected failures as values; reaching here is a bug, but say so and exit cleanly.
        printError(
            QStringLiteral("internal error in '%1': %2").arg(command->name, QString::fromUtf8(e.what())));
        return ExitFailure;
    }
}

CommandHelp helpHelp() {
    return {QStringLiteral("help [COMMAND]"),
            {},
            QStringLiteral("With COMMAND, the same as '%1 COMMAND --help'; without, the list of commands.")
                .arg(QLatin1String(programName()))};
}

int runHelp(const Invocation &invocation) {
    if (invocation.arguments.isEmpty()) {
        printOut(mainHelp());
        return ExitOk;
    }
    if (invocation.arguments.size() > 1)
        return usageError(*invocation.command, QStringLiteral("help takes one command name"));
    const QString &name = invocation.arguments.first();
    const Command *command = findCommand(name);
    if (!command)
        return usageError(
            *invocation.command,
            QStringLiteral("unknown command '%1'%2").arg(name, didYouMean(name, commandNames())));
    printOut(helpText(*command));
    return ExitOk;
}

}  // namespace flowdeck::cli
