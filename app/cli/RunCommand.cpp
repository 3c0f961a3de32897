// flowdeck-cli run: runs a flow to its end, with live progress and a summary.

#include "Commands.h"
#include "Console.h"
#include "FlowInput.h"
#include "RunReport.h"
#include "Workspace.h"
#include "engine/FlowRun.h"
#include "workspace/RunLauncher.h"
#include "workspace/RunRequests.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <spdlog/spdlog.h>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace flowdeck::cli {

namespace {

constexpr int ExitCancelled = 130;

int signalPipe[2] = {-1, -1};

void onSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

/// Ctrl-C and SIGTERM cancel the run (its tasks' process trees are killed) instead of killing us.
std::unique_ptr<QSocketNotifier> cancelOnSignals(const std::function<void()> &cancel) {
    if (signalPipe[0] < 0 && ::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) return nullptr;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    auto notifier = std::make_unique<QSocketNotifier>(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(), [cancel] {
        char buffer[16];
        while (::read(signalPipe[0], buffer, sizeof buffer) > 0) {
        }
        printErr(QStringLiteral("\nflowdeck-cli: cancelling the run…\n"));
        cancel();
    });
    return notifier;
}

/// Info even for a failed run: a task failing is the run's business, not a problem of Flowdeck
/// (and a warning would be printed on stderr as well). Messages stay out: they may quote output.
void logRunEnd(const RunStore &store, const QString &runId, const QString &flowName) {
    // The run's own row: a status would count its task runs too, which the summary does anyway.
    const auto run = store.run(runId);
    if (!run) return;
    spdlog::info("run {} of flow {} ended {} after {:.3f} s", runId.toStdString(), flowName.toStdString(),
                 toString(run->state).toStdString(), durationSeconds(run->startMs, run->endMs));
}

/// --from / --only as a selection; prints why and returns nothing when they are misused.
std::optional<RunSelection> selectionOf(const Invocation &invocation) {
    const auto names = [&](const QString &option) {
        QStringList tasks;
        for (const QString &value : invocation.values(option))
            for (const QString &task : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) tasks << task.trimmed();
        return tasks;
    };
    const QStringList from = names(QStringLiteral("from"));
    const QStringList only = names(QStringLiteral("only"));
    if (!from.isEmpty() && !only.isEmpty()) {
        usageError(*invocation.command, QStringLiteral("--from and --only do not go together: choose one"));
        return std::nullopt;
    }
    if (invocation.isSet(QStringLiteral("reuse")) && from.isEmpty() && only.isEmpty()) {
        usageError(*invocation.command, QStringLiteral("--reuse goes with --from or --only (to retry a whole run, use 'runs retry')"));
        return std::nullopt;
    }
    if (!from.isEmpty()) return RunSelection::from(from);
    if (!only.isEmpty()) return RunSelection::only(only);
    return RunSelection{};
}

int exitCodeFor(RunState state) {
    switch (state) {
    case RunState::Completed: return ExitOk;
    case RunState::Cancelled: return ExitCancelled;
    default: return ExitFailure;
    }
}

/// Says so when the run database could not record all of the run (a full disk): the run's
/// record is then incomplete, and a run that went well must not look as if it had.
bool lostWrites(RunStore &store, RunState state) {
    store.flush();
    QString reason;
    const quint64 lost = store.lostWrites(&reason);
    if (lost == 0) return false;
    printError(QStringLiteral("the run database could not record %1 change(s) of this run (%2); the run "
                              "ended %3, but what 'runs show' and 'runs logs' report of it is incomplete")
                   .arg(lost)
                   .arg(reason, toString(state)));
    return true;
}

}  // namespace

bool parseParameters(const Invocation &invocation, QHash<QString, QString> *out, QString *error) {
    for (const QString &pair : invocation.values(QStringLiteral("param"))) {
        const int equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            *error = QStringLiteral("--param needs NAME=VALUE, got '%1'").arg(pair);
            return false;
        }
        const QString name = pair.left(equals);
        // Taking the last of two values would run with a value the person may not have meant.
        if (out->contains(name)) {
            *error = QStringLiteral("--param '%1' is given more than once").arg(name);
            return false;
        }
        out->insert(name, pair.mid(equals + 1));
    }
    return true;
}

void overrideParameters(RunOptions &options, const QHash<QString, QString> &parameterText) {
    for (auto it = parameterText.constBegin(); it != parameterText.constEnd(); ++it)
        options.parameterValues.remove(it.key());  // typed values would win over the text
    options.parameterText.insert(parameterText);
}

CommandHelp runHelp() {
    std::vector<Option> options{
        {QStringLiteral("param"), QStringLiteral("NAME=VALUE"), QStringLiteral("A parameter value (repeatable); lists and maps as JSON (a list may also be words separated by commas)")},
        {QStringLiteral("from"), QStringLiteral("TASK"), QStringLiteral("Run from here: only TASK and everything downstream of it (repeatable); the tasks they need keep the results of an earlier run")},
        {QStringLiteral("only"), QStringLiteral("TASK"), QStringLiteral("Run selection: only TASK (repeatable, or a comma list) and, where an earlier run has no result for them, the tasks it needs")},
        {QStringLiteral("reuse"), QStringLiteral("RUN"), QStringLiteral("With --from or --only: the run whose results and parameters are reused (default: the flow's last finished run)")},
        {QStringLiteral("json"), {}, QStringLiteral("Print the outcome as JSON instead of progress and a summary")},
        {QStringLiteral("quiet"), {}, QStringLiteral("No live progress, only the summary")},
        {QStringLiteral("all"), {}, QStringLiteral("Every task in the summary (default: failed and retried tasks first, then the others in flow order, at most 20 rows)")},
    };
    for (const Option &o : settingOptions()) options.push_back(o);
    return {QStringLiteral("run FLOW [--param NAME=VALUE]... [--from TASK | --only TASK]... [--reuse RUN] [--db PATH] [--json]"),
            options,
            QStringLiteral("Runs FLOW once and records it in the run database. On a terminal it shows each task's\n"
                           "progress as it happens, then a summary. Ctrl-C cancels the run: running tasks' process\n"
                           "trees are stopped and the run is recorded as Cancelled.\n"
                           "With --from or --only it runs part of the flow: the tasks chosen run, the tasks they need\n"
                           "take their results from the earlier run (--reuse, else the flow's last finished run) and\n"
                           "run only where it has none, and every other task is Skipped. The earlier run's parameter\n"
                           "values are used unless --param gives others.\n"
                           "Exit status: 0 Completed, 1 Failed, TimedOut or Crashed, 2 usage error or invalid flow\n"
                           "or parameters, 130 Cancelled.")};
}

int runRun(const Invocation &invocation) {
    if (invocation.arguments.size() != 1)
        return usageError(*invocation.command, QStringLiteral("run takes exactly one flow file"));
    QHash<QString, QString> parameterText;
    QString error;
    if (!parseParameters(invocation, &parameterText, &error)) return usageError(*invocation.command, error);

    FlowInput input = loadFlowInput(invocation.arguments.first());
    if (!input.isValid()) {
        printProblems(input);
        printError(QStringLiteral("not running %1: the flow has problems").arg(input.path));
        return ExitUsage;
    }
    const auto settings = loadSettings(invocation, input.path);
    if (!settings) return ExitUsage;
    const auto session = openSession(*settings);
    if (!session) return ExitFailure;
    session->applyRetention();

    const std::optional<RunSelection> selection = selectionOf(invocation);
    if (!selection) return ExitUsage;
    LaunchRequest request;
    if (selection->isAll()) {
        request.options = session->runOptionsFor(input.result.flow);
        request.flow = std::move(input.result.flow);  // one copy fewer of a 100,000-task flow
        request.flowPath = input.path;
        request.options.flowValidated = true;  // loadFlowInput did, and found no errors
    } else {
        RequestBuild build = partialRequest(*session, input.result.flow, input.path, *selection,
                                            invocation.value(QStringLiteral("reuse")));
        if (!build.ok()) {
            printError(build.error);
            return ExitFailure;
        }
        request = build.request;
        if (request.options.retryOf.isEmpty())
            printErr(QStringLiteral("flowdeck-cli: no earlier run of %1 to reuse: the tasks the selection needs run too\n")
                         .arg(input.result.flow.name));
    }
    overrideParameters(request.options, parameterText);
    return executeRun(invocation, *session, request);
}

int executeRun(const Invocation &invocation, WorkspaceSession &session, const LaunchRequest &request) {
    RunLauncher &launcher = session.launcher();
    const bool json = invocation.isSet(QStringLiteral("json"));
    const bool live = !json && !invocation.isSet(QStringLiteral("quiet")) && ::isatty(STDOUT_FILENO);
    ProgressPrinter progress(live);
    QString runId;
    const auto startedConnection =
        QObject::connect(&launcher, &RunLauncher::started, [&](const QString &id, const QString &flowName) {
            runId = id;
            progress.follow(id);
            if (!json) printOut(QStringLiteral("Run %1 of %2 started\n").arg(id, flowName));
            spdlog::info("run {} of flow {} started", id.toStdString(), flowName.toStdString());
        });
    const auto signalNotifier = cancelOnSignals([&launcher, &runId] { launcher.cancel(runId); });
    launcher.addListener(&progress);
    const LaunchResult result = launcher.runHere(request);
    launcher.removeListener(&progress);
    QObject::disconnect(startedConnection);
    if (result.isRefused()) {
        for (const Diagnostic &d : result.problems) printError(d.message);
        return ExitUsage;
    }
    RunStore &store = session.store();
    logRunEnd(store, result.runId, request.flow.name);
    QStringList order = flowTaskOrder(request.flow);
    if (order.isEmpty())  // the flow was loaded on the run's thread
        if (const auto run = store.run(result.runId)) order = flowTaskOrder(*run);
    if (json) printOut(runJson(store, result.runId, order));
    else printOut(runSummary(store, result.runId, {order, invocation.isSet(QStringLiteral("all"))}));
    if (lostWrites(store, result.state)) return ExitFailure;
    return exitCodeFor(result.state);
}

}  // namespace flowdeck::cli
