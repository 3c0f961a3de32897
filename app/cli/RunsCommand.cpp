// flowdeck-cli runs list|show|logs|metrics|retry|cancel|prune: the run history in the database.

#include "Commands.h"
#include "Console.h"
#include "RunReport.h"
#include "Workspace.h"
#include "engine/FlowRun.h"
#include "workspace/RunFolders.h"
#include "flow/FlowFile.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <spdlog/spdlog.h>

#include <csignal>

namespace flowdeck::cli {

namespace {

const QStringList subcommands = {"list", "show", "logs", "metrics", "retry", "cancel", "prune"};

std::optional<FlowRunRecord> findRun(const RunStore &store, const QString &id) {
    auto run = store.run(id);
    if (!run) printError(QStringLiteral("no run '%1' (give a full id or a unique prefix of at least 4 characters)").arg(id));
    return run;
}

int list(const Invocation &inv, RunStore &store) {
    RunFilter filter;
    filter.flowName = inv.value(QStringLiteral("flow"));
    if (inv.isSet(QStringLiteral("state"))) {
        filter.state = runStateFromString(inv.value(QStringLiteral("state")));
        if (!filter.state) return usageError(*inv.command, QStringLiteral("unknown state '%1'").arg(inv.value("state")));
    }
    if (inv.isSet(QStringLiteral("since"))) {
        const auto since = parseSince(inv.value(QStringLiteral("since")));
        if (!since) return usageError(*inv.command, QStringLiteral("--since needs a date-time (2026-11-26T10:00) or a duration (2h, 7d)"));
        filter.sinceMs = *since;
    }
    bool ok = true;
    filter.limit = inv.value(QStringLiteral("limit"), QStringLiteral("50")).toInt(&ok);
    if (!ok || filter.limit < 1) return usageError(*inv.command, QStringLiteral("--limit needs a number >= 1"));
    const auto runs = store.listRuns(filter);
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const FlowRunRecord &r : runs) array.append(toJson(r));
        printOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        return ExitOk;
    }
    if (runs.empty()) {
        printOut(QStringLiteral("no runs\n"));
        return ExitOk;
    }
    QList<QStringList> rows{{"RUN", "FLOW", "STATE", "STARTED", "DURATION"}};
    for (const FlowRunRecord &r : runs)
        rows << QStringList{shortId(r.id), r.flowName.left(24), toString(r.state),
                            formatTime(r.startMs ? r.startMs : r.createdMs), formatSeconds(durationSeconds(r.startMs, r.endMs))};
    const QString out = table(rows);
    printOut(out);
    return ExitOk;
}

int show(const Invocation &inv, RunStore &store, const QString &id) {
    const auto run = findRun(store, id);
    if (!run) return ExitFailure;
    if (inv.isSet(QStringLiteral("json"))) printOut(QString::fromUtf8(QJsonDocument(runJson(store, run->id)).toJson()));
    else printOut(runSummary(store, run->id));
    return ExitOk;
}

QString streamName(LogLine::Stream stream) {
    switch (stream) {
    case LogLine::Stream::Stderr: return QStringLiteral("stderr");
    case LogLine::Stream::Engine: return QStringLiteral("engine");
    case LogLine::Stream::Stdout: break;
    }
    return QStringLiteral("stdout");
}

QString logText(const LogLine &l) {
    return QStringLiteral("%1 %2 #%3 %4 %5: %6\n")
        .arg(QDateTime::fromMSecsSinceEpoch(l.timeMs).toString(QStringLiteral("HH:mm:ss.zzz")), taskLabel(l.task, l.mapIndex))
        .arg(l.attempt).arg(streamName(l.stream), toString(l.level), l.text);
}

/// One JSON object per line, so a reader (or `--follow`) can take lines as they come.
QString logJsonLine(qint64 id, const LogLine &l) {
    QJsonObject line{{"id", id},
                     {"time", isoTime(l.timeMs)},
                     {"task", l.task},
                     {"attempt", l.attempt},
                     {"level", toString(l.level)},
                     {"stream", streamName(l.stream)},
                     {"message", l.text}};
    if (l.mapIndex >= 0) line.insert(QStringLiteral("map_index"), l.mapIndex);
    return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
}

int logs(const Invocation &inv, RunStore &store, const QString &id) {
    const auto run = findRun(store, id);
    if (!run) return ExitFailure;
    LogQuery query;
    query.task = inv.value(QStringLiteral("task"));
    if (inv.isSet(QStringLiteral("level"))) {
        const auto level = logLevelFromString(inv.value(QStringLiteral("level")));
        if (!level) return usageError(*inv.command, QStringLiteral("--level needs debug, info, warning or error"));
        query.minLevel = *level;
    }
    const bool follow = inv.isSet(QStringLiteral("follow"));
    const bool json = inv.isSet(QStringLiteral("json"));
    for (;;) {
        for (const StoredLogLine &stored : store.logs(run->id, query)) {
            printOut(json ? logJsonLine(stored.id, stored.line) : logText(stored.line));
            query.afterId = stored.id;
        }
        if (!follow) break;
        const auto now = store.run(run->id);
        if (!now || isFinal(now->state)) break;
        QThread::msleep(200);  // another process writes; the file is the only channel we share
    }
    return ExitOk;
}

int metrics(const Invocation &inv, RunStore &store, const QString &id) {
    const auto run = findRun(store, id);
    if (!run) return ExitFailure;
    const FlowMetrics m = store.metrics(run->id);
    if (inv.isSet(QStringLiteral("json"))) {
        printOut(QString::fromUtf8(QJsonDocument(toJson(m)).toJson()));
        return ExitOk;
    }
    printOut(QStringLiteral("flow_name               %1\nrun_id                  %2\n").arg(m.flowName, m.runId) +
             QStringLiteral("total_tasks             %1\ncompleted_tasks         %2\nfailed_tasks            %3\n"
                            "cached_tasks            %4\nskipped_tasks           %5\ntotal_duration_seconds  %6\n"
                            "average_task_duration   %7\npeak_memory_mb          %8\ncpu_usage_percent       %9\n")
                 .arg(m.totalTasks).arg(m.completedTasks).arg(m.failedTasks).arg(m.cachedTasks).arg(m.skippedTasks)
                 .arg(m.totalDurationSeconds, 0, 'f', 3).arg(m.averageTaskDuration, 0, 'f', 3)
                 .arg(m.peakMemoryMb, 0, 'f', 1).arg(m.cpuUsagePercent, 0, 'f', 1) +
             QStringLiteral("retry_count             %1\ncache_hit_rate          %2\n").arg(m.retryCount).arg(m.cacheHitRate, 0, 'f', 3));
    return ExitOk;
}

/// The flow as it was run; secret values, stored masked, come back from the flow file if it still has them.
std::optional<Flow> flowOfRun(const FlowRunRecord &run) {
    const LoadResult snapshot = FlowFile::parse(run.flowSnapshot, run.flowPath);
    if (!snapshot.readable) return std::nullopt;
    Flow flow = snapshot.flow;
    const LoadResult current = FlowFile::load(run.flowPath);
    for (Task &task : flow.tasks) {
        const Task *now = current.readable ? current.flow.task(task.name) : nullptr;
        for (EnvVar &var : task.env) {
            if (!var.secret || !now) continue;
            for (const EnvVar &v : now->env)
                if (v.name == var.name) var.value = v.value;
        }
    }
    return flow;
}

int retry(const Invocation &inv, WorkspaceSession &session, const QString &id) {
    RunStore &store = session.store();
    const auto run = findRun(store, id);
    if (!run) return ExitFailure;
    static const QList<RunState> retryable{RunState::Failed, RunState::Crashed, RunState::TimedOut, RunState::Cancelled};
    if (!retryable.contains(run->state)) {
        printError(QStringLiteral("run %1 is %2: only Failed, Crashed, TimedOut or Cancelled runs can be retried")
                       .arg(shortId(run->id), toString(run->state)));
        return ExitFailure;
    }
    const auto flow = flowOfRun(*run);
    if (!flow) {
        printError(QStringLiteral("the flow snapshot of run %1 cannot be read").arg(shortId(run->id)));
        return ExitFailure;
    }
    LaunchRequest request;
    request.flow = *flow;
    request.flowPath = run->flowPath;
    request.options = session.runOptionsFor(*flow);
    request.options.parameterValues = run->parameters;
    request.options.retryOf = run->id;
    return executeRun(inv, session, request);
}

int cancel(RunStore &store, const QString &id) {
    const auto run = findRun(store, id);
    if (!run) return ExitFailure;
    if (isFinal(run->state)) {
        printError(QStringLiteral("run %1 already ended %2").arg(shortId(run->id), toString(run->state)));
        return ExitFailure;
    }
    store.requestCancel(run->id);
    printOut(QStringLiteral("cancel requested for run %1\n").arg(shortId(run->id)));
    return ExitOk;
}

int prune(const Invocation &inv, RunStore &store, const Settings &settings) {
    const bool byHand = inv.isSet(QStringLiteral("older-than"));
    if (!byHand && settings.retentionDays() == 0) {
        printOut(QStringLiteral("retention is off (retention_days is 0): nothing to prune; "
                                "use --older-than DAYS to prune by hand\n"));
        return ExitOk;
    }
    bool ok = true;
    const int days = byHand ? inv.value(QStringLiteral("older-than")).toInt(&ok) : settings.retentionDays();
    if (!ok || days < 1) return usageError(*inv.command, QStringLiteral("--older-than needs a number of days >= 1"));
    const int runs = store.pruneOlderThan(days);
    const int folders = pruneRunDirectories(store, days);
    spdlog::info("runs prune: removed {} runs and {} run folders older than {} days", runs, folders, days);
    printOut(QStringLiteral("removed %1 runs and %2 run folders older than %3 days\n").arg(runs).arg(folders).arg(days));
    return ExitOk;
}

}  // namespace

CommandHelp runsHelp() {
    std::vector<Option> options{
        {QStringLiteral("flow"), QStringLiteral("NAME"), QStringLiteral("list: only runs of this flow")},
        {QStringLiteral("state"), QStringLiteral("STATE"), QStringLiteral("list: only runs in this state (Completed, Failed, ...)")},
        {QStringLiteral("since"), QStringLiteral("TIME"), QStringLiteral("list: only runs created after TIME (ISO date-time, or 2h, 7d back)")},
        {QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("list: at most N runs (default 50)")},
        {QStringLiteral("task"), QStringLiteral("TASK"), QStringLiteral("logs: only this task's lines")},
        {QStringLiteral("level"), QStringLiteral("LEVEL"), QStringLiteral("logs: only lines at LEVEL or above (debug, info, warning, error)")},
        {QStringLiteral("follow"), {}, QStringLiteral("logs: keep printing new lines until the run ends")},
        {QStringLiteral("older-than"), QStringLiteral("DAYS"), QStringLiteral("prune: remove runs that ended more than DAYS ago (default: retention_days)")},
        {QStringLiteral("json"), {}, QStringLiteral("Print JSON (logs: one JSON object per line)")},
        {QStringLiteral("quiet"), {}, QStringLiteral("retry: no live progress")},
    };
    for (const Option &o : settingOptions()) options.push_back(o);
    return {QStringLiteral("runs list|show RUN|logs RUN|metrics RUN|retry RUN|cancel RUN|prune [OPTIONS]"), options,
            QStringLiteral("RUN is a run id or a unique prefix of one (as 'runs list' prints).\n"
                           "  list     recent runs, newest first\n"
                           "  show     a run's state, tasks (with the attempts of retried or failed ones) and\n"
                           "           metrics\n"
                           "  logs     a run's task output and engine messages\n"
                           "  metrics  FlowMetrics of a run\n"
                           "  retry    run a Failed, Crashed, TimedOut or Cancelled run again from the point of\n"
                           "           failure: tasks that completed keep their results; a new run, linked to the old\n"
                           "  cancel   ask the process running a run to cancel it\n"
                           "  prune    delete finished runs older than the retention period")};
}

int runRuns(const Invocation &inv) {
    if (inv.arguments.isEmpty()) return usageError(*inv.command, QStringLiteral("runs needs a subcommand: %1").arg(subcommands.join(", ")));
    const QString sub = inv.arguments.first();
    if (!subcommands.contains(sub))
        return usageError(*inv.command, QStringLiteral("unknown subcommand '%1'%2").arg(sub, didYouMean(sub, subcommands)));
    const bool needsRun = sub != QLatin1String("list") && sub != QLatin1String("prune");
    if (needsRun && inv.arguments.size() != 2) return usageError(*inv.command, QStringLiteral("runs %1 needs one RUN id").arg(sub));
    if (!needsRun && inv.arguments.size() != 1) return usageError(*inv.command, QStringLiteral("runs %1 takes no arguments").arg(sub));
    const auto settings = loadSettings(inv, QString());
    if (!settings) return ExitUsage;
    const auto session = openSession(*settings);
    if (!session) return ExitFailure;
    RunStore *store = &session->store();
    const QString id = needsRun ? inv.arguments.at(1) : QString();
    if (sub == QLatin1String("list")) return list(inv, *store);
    if (sub == QLatin1String("show")) return show(inv, *store, id);
    if (sub == QLatin1String("logs")) return logs(inv, *store, id);
    if (sub == QLatin1String("metrics")) return metrics(inv, *store, id);
    if (sub == QLatin1String("retry")) return retry(inv, *session, id);
    if (sub == QLatin1String("cancel")) return cancel(*store, id);
    return prune(inv, *store, *settings);
}

}  // namespace flowdeck::cli
