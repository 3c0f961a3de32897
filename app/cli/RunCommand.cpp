// flowdeck-cli run: runs a flow to its end, with live progress and a summary.

#include "Commands.h"
#include "Console.h"
#include "FlowInput.h"
#include "RunReport.h"
#include "Workspace.h"
#include "engine/FlowRun.h"
#include "workspace/RunLauncher.h"

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

/// Info even for a failed run: a task failing is the run's business, not a problem of Flowdeck
/// (and a warning would be printed on stderr as well). Messages stay out: they may quote output.
void logRunEnd(const RunStore &store, const QString &runId, const QString &flowName) {
    const FlowRunStatus status = store.status(runId);
    spdlog::info("run {} of flow {} ended {} after {:.3f} s", runId.toStdString(), flowName.toStdString(),
                 toString(status.state).toStdString(), status.durationSeconds);
}

int exitCodeFor(RunState state) {
    switch (state) {
    case RunState::Completed: return ExitOk;
    case RunState::Cancelled: return ExitCancelled;
    default: return ExitFailure;
    }
}

}  // namespace

CommandHelp runHelp() {
    std::vector<Option> options{
        {QStringLiteral("param"), QStringLiteral("NAME=VALUE"), QStringLiteral("A parameter value (repeatable); lists and maps as JSON (a list may also be words separated by commas)")},
        {QStringLiteral("json"), {}, QStringLiteral("Print the outcome as JSON instead of progress and a summary")},
        {QStringLiteral("quiet"), {}, QStringLiteral("No live progress, only the summary")},
    };
    for (const Option &o : settingOptions()) options.push_back(o);
    return {QStringLiteral("run FLOW [--param NAME=VALUE]... [--db PATH] [--max-parallel N] [--json]"), options,
            QStringLiteral("Runs FLOW once and records it in the run database. On a terminal it shows each task's\n"
                           "progress as it happens, then a summary. Ctrl-C cancels the run: running tasks' process\n"
                           "trees are stopped and the run is recorded as Cancelled.\n"
                           "Exit status: 0 Completed, 1 Failed, TimedOut or Crashed, 2 usage error or invalid flow\n"
                           "or parameters, 130 Cancelled.")};
}

int runRun(const Invocation &invocation) {
    if (invocation.arguments.size() != 1)
        return usageError(*invocation.command, QStringLiteral("run takes exactly one flow file"));
    QHash<QString, QString> parameterText;
    QString error;
    if (!parseParameters(invocation, &parameterText, &error)) return usageError(*invocation.command, error);

    const FlowInput input = loadFlowInput(invocation.arguments.first());
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

    LaunchRequest request;
    request.flow = input.result.flow;
    request.flowPath = input.path;
    request.options = session->runOptionsFor(input.result.flow);
    request.options.parameterText = parameterText;
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
    if (json) printOut(QString::fromUtf8(QJsonDocument(runJson(store, result.runId)).toJson()));
    else printOut(runSummary(store, result.runId));
    return exitCodeFor(result.state);
}

}  // namespace flowdeck::cli
