// flowdeck-cli runs retry|rerun|resume: the actions that start a run again or let one go on.

#include "Commands.h"
#include "Console.h"
#include "RunReport.h"
#include "RunsSubcommands.h"
#include "workspace/ApprovalResume.h"
#include "workspace/RunRequests.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace flowdeck::cli::runs {

int retry(const Invocation &inv, WorkspaceSession &session, const QString &id) {
    RequestBuild build = retryRequest(session, id);
    if (!build.ok()) {
        printError(build.error);
        return ExitFailure;
    }
    return executeRun(inv, session, build.request);
}

int rerun(const Invocation &inv, WorkspaceSession &session, const QString &id) {
    QHash<QString, QString> parameterText;
    QString error;
    if (!parseParameters(inv, &parameterText, &error)) return usageError(*inv.command, error);
    RequestBuild build = rerunRequest(session, id);
    if (!build.ok()) {
        printError(build.error);
        return ExitFailure;
    }
    overrideParameters(build.request.options, parameterText);
    return executeRun(inv, session, build.request);
}

namespace {

/// --input NAME=VALUE options; false with @p error for a malformed or repeated one.
bool parseInputs(const Invocation &inv, QHash<QString, QString> *out, QString *error) {
    for (const QString &pair : inv.values(QStringLiteral("input"))) {
        const int equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            *error = QStringLiteral("--input needs NAME=VALUE, got '%1'").arg(pair);
            return false;
        }
        const QString name = pair.left(equals);
        if (out->contains(name)) {
            *error = QStringLiteral("--input '%1' is given more than once").arg(name);
            return false;
        }
        out->insert(name, pair.mid(equals + 1));
    }
    return true;
}

/// The approval task to resume: --task, or the only one waiting.
QString waitingTask(const Invocation &inv, const RunStore &store, const FlowRunRecord &run) {
    const QStringList waiting = store.waitingApprovals(run.id);
    if (run.state != RunState::Paused || waiting.isEmpty()) {
        printError(QStringLiteral("run %1 is %2: only a Paused run waiting for an approval can be resumed")
                       .arg(shortId(run.id), toString(run.state)));
        return {};
    }
    const QString asked = inv.value(QStringLiteral("task"));
    if (asked.isEmpty() && waiting.size() > 1) {
        printError(QStringLiteral("run %1 waits for %2 approvals (%3): say which with --task")
                       .arg(shortId(run.id))
                       .arg(waiting.size())
                       .arg(waiting.join(QStringLiteral(", "))));
        return {};
    }
    if (!asked.isEmpty() && !waiting.contains(asked)) {
        printError(QStringLiteral("task '%1' of run %2 is not waiting for an approval; waiting: %3%4")
                       .arg(asked, shortId(run.id), waiting.join(QStringLiteral(", ")), didYouMean(asked, waiting)));
        return {};
    }
    return asked.isEmpty() ? waiting.front() : asked;
}

}  // namespace

int resume(const Invocation &inv, WorkspaceSession &session, const QString &id) {
    QHash<QString, QString> inputs;
    QString error;
    if (!parseInputs(inv, &inputs, &error)) return usageError(*inv.command, error);
    RunStore &store = session.store();
    const auto run = findRun(store, id);
    if (!run) return ExitFailure;
    const QString taskName = waitingTask(inv, store, *run);
    if (taskName.isEmpty()) return ExitFailure;
    const ApprovalResume resumed = resumeApproval(store, *run, taskName, inputs, {});
    if (!resumed.resumed()) {
        for (const QString &problem : resumed.problems) printError(problem);
        return resumed.outcome == ApprovalResume::Outcome::BadValues ? ExitUsage : ExitFailure;
    }
    const QVariantMap &values = resumed.values;
    printOut(QStringLiteral("approved task %1 of run %2%3\n")
                 .arg(taskName, shortId(run->id),
                      values.isEmpty() ? QString()
                                       : QStringLiteral(" with ") + QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(values))
                                                                                        .toJson(QJsonDocument::Compact))));
    return ExitOk;
}

}  // namespace flowdeck::cli::runs
