// flowdeck-cli runs: the run history in the database, and what can be done with a run.

#include "Commands.h"
#include "Console.h"
#include "RunReport.h"
#include "RunsSubcommands.h"
#include "Workspace.h"
#include "workspace/RunFolders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <spdlog/spdlog.h>

namespace flowdeck::cli {

namespace runs {

std::optional<FlowRunRecord> findRun(const RunStore &store, const QString &id) {
    auto run = store.run(id);
    if (!run) printError(QStringLiteral("no run '%1' (give a full id or a unique prefix of at least 4 characters)").arg(id));
    return run;
}

}  // namespace runs

namespace {

/// The subcommands that take no run, one run, or one run or more.
const QStringList noRun = {"list", "prune"};
const QStringList oneRun = {"show", "logs", "metrics", "retry", "rerun", "resume", "trace", "cancel"};
const QStringList manyRuns = {"delete"};
const QStringList twoRuns = {"compare"};

std::optional<RunSort> sortFrom(const QString &text) {
    static const QHash<QString, RunSort> sorts{{"created", RunSort::Created}, {"started", RunSort::Started},
                                               {"ended", RunSort::Ended},     {"duration", RunSort::Duration},
                                               {"flow", RunSort::Flow},       {"state", RunSort::State}};
    const auto found = sorts.constFind(text);
    if (found == sorts.constEnd()) return std::nullopt;
    return *found;
}

/// The list options as a query; prints why and returns nothing for a bad one.
std::optional<RunQuery> queryFrom(const Invocation &inv) {
    RunQuery query;
    const auto bad = [&](const QString &message) {
        usageError(*inv.command, message);
        return std::optional<RunQuery>();
    };
    query.flows = inv.values(QStringLiteral("flow"));
    for (const QString &name : inv.values(QStringLiteral("state"))) {
        const auto state = runStateFromString(name);
        if (!state) return bad(QStringLiteral("unknown state '%1'").arg(name));
        query.states << *state;
    }
    static const QStringList triggers{"manual", "schedule", "backfill", "retry", "deployment", "subflow"};
    for (const QString &trigger : inv.values(QStringLiteral("trigger"))) {
        if (!triggers.contains(trigger))
            return bad(QStringLiteral("unknown trigger '%1': expected one of %2%3")
                           .arg(trigger, triggers.join(QStringLiteral(", ")), didYouMean(trigger, triggers)));
        query.triggers << trigger;
    }
    for (const auto &[option, target] : {std::pair{QStringLiteral("since"), &query.fromMs},
                                         std::pair{QStringLiteral("until"), &query.toMs}}) {
        if (!inv.isSet(option)) continue;
        const auto at = parseSince(inv.value(option));
        if (!at) return bad(QStringLiteral("--%1 needs a date-time (2026-11-26T10:00) or a duration (2h, 7d)").arg(option));
        *target = *at;
    }
    query.text = inv.value(QStringLiteral("search"));
    if (inv.isSet(QStringLiteral("sort"))) {
        const auto sort = sortFrom(inv.value(QStringLiteral("sort")));
        if (!sort) return bad(QStringLiteral("--sort needs created, started, ended, duration, flow or state"));
        query.sort = *sort;
    }
    query.descending = !inv.isSet(QStringLiteral("asc"));
    bool ok = true;
    query.limit = inv.value(QStringLiteral("limit"), QStringLiteral("50")).toInt(&ok);
    if (!ok || query.limit < 1) return bad(QStringLiteral("--limit needs a number >= 1"));
    return query;
}

int list(const Invocation &inv, RunStore &store) {
    const auto query = queryFrom(inv);
    if (!query) return ExitUsage;
    RunCursor after;
    if (inv.isSet(QStringLiteral("after"))) {
        const auto cursor = RunCursor::fromText(inv.value(QStringLiteral("after")));
        if (!cursor) return usageError(*inv.command, QStringLiteral("--after needs the cursor a previous page printed"));
        after = *cursor;
    }
    const RunPage page = store.runsPage(*query, after);
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const FlowRunRecord &r : page.runs) array.append(toJson(r));
        printOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        if (!page.atEnd) printErr(QStringLiteral("more: --after %1\n").arg(page.next.toText()));
        return ExitOk;
    }
    if (page.runs.empty()) {
        printOut(QStringLiteral("no runs\n"));
        return ExitOk;
    }
    QList<QStringList> rows{{"RUN", "FLOW", "STATE", "TRIGGER", "STARTED", "DURATION"}};
    for (const FlowRunRecord &r : page.runs)
        rows << QStringList{shortId(r.id), r.flowName.left(24), toString(r.state), r.trigger,
                            formatTime(r.startMs ? r.startMs : r.createdMs), formatSeconds(durationSeconds(r.startMs, r.endMs))};
    QString out = table(rows);
    if (!page.atEnd)
        out += QStringLiteral("%1 of %2 runs; the next page: --after %3\n")
                   .arg(page.runs.size())
                   .arg(store.countRuns(*query))
                   .arg(page.next.toText());
    printOut(out);
    return ExitOk;
}

int show(const Invocation &inv, RunStore &store, const QString &id) {
    const auto run = runs::findRun(store, id);
    if (!run) return ExitFailure;
    const QStringList order = flowTaskOrder(*run);
    if (inv.isSet(QStringLiteral("json")))
        printOut(runJson(store, run->id, order));
    else printOut(runSummary(store, run->id, {order, inv.isSet(QStringLiteral("all"))}));
    return ExitOk;
}
int metrics(const Invocation &inv, RunStore &store, const QString &id) {
    const auto run = runs::findRun(store, id);
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
int cancel(RunStore &store, const QString &id) {
    const auto run = runs::findRun(store, id);
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

int remove(RunStore &store, const QStringList &ids) {
    QStringList found;
    for (const QString &id : ids) {
        const auto run = runs::findRun(store, id);
        if (!run) return ExitFailure;
        if (!isFinal(run->state)) {
            printError(QStringLiteral("run %1 is %2: cancel it first, only finished runs are deleted")
                           .arg(shortId(run->id), toString(run->state)));
            return ExitFailure;
        }
        found << run->id;
    }
    const int removed = store.deleteRuns(found);
    spdlog::info("runs delete: removed {} runs", removed);
    printOut(QStringLiteral("deleted %1 run(s), with their subflow runs\n").arg(removed));
    return ExitOk;
}

}  // namespace

CommandHelp runsHelp() {
    std::vector<Option> options{
        {QStringLiteral("flow"), QStringLiteral("NAME"), QStringLiteral("list: only runs of this flow (repeatable)")},
        {QStringLiteral("state"), QStringLiteral("STATE"), QStringLiteral("list: only runs in this state (Completed, Failed, ...; repeatable)")},
        {QStringLiteral("trigger"), QStringLiteral("TRIGGER"), QStringLiteral("list: only runs started so: manual, schedule, backfill, retry, deployment, subflow (repeatable)")},
        {QStringLiteral("since"), QStringLiteral("TIME"), QStringLiteral("list: only runs created after TIME (ISO date-time, or 2h, 7d back)")},
        {QStringLiteral("until"), QStringLiteral("TIME"), QStringLiteral("list: only runs created before TIME")},
        {QStringLiteral("search"), QStringLiteral("WORDS"), QStringLiteral("list: runs whose flow, id, tags, parameters or message have every word; logs: search the whole log")},
        {QStringLiteral("sort"), QStringLiteral("KEY"), QStringLiteral("list: created (default), started, ended, duration, flow or state, newest or largest first")},
        {QStringLiteral("asc"), {}, QStringLiteral("list: oldest or smallest first")},
        {QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("list: at most N runs a page (default 50)")},
        {QStringLiteral("after"), QStringLiteral("CURSOR"), QStringLiteral("list: the page after the one that printed CURSOR")},
        {QStringLiteral("task"), QStringLiteral("TASK"), QStringLiteral("logs: only this task's lines; resume: the approval task to resume")},
        {QStringLiteral("level"), QStringLiteral("LEVEL"), QStringLiteral("logs: only lines at LEVEL or above (debug, info, warning, error)")},
        {QStringLiteral("follow"), {}, QStringLiteral("logs: keep printing new lines until the run ends")},
        {QStringLiteral("context"), QStringLiteral("N"), QStringLiteral("logs --search: lines shown before and after each hit (default 2)")},
        {QStringLiteral("param"), QStringLiteral("NAME=VALUE"), QStringLiteral("rerun: a parameter value instead of the run's (repeatable)")},
        {QStringLiteral("input"), QStringLiteral("NAME=VALUE"), QStringLiteral("resume: a value the approval asks for (repeatable)")},
        {QStringLiteral("format"), QStringLiteral("FORMAT"), QStringLiteral("trace: chrome (trace-event JSON for Perfetto, the default) or otlp (OpenTelemetry OTLP JSON)")},
        {QStringLiteral("output"), QStringLiteral("FILE"), QStringLiteral("trace: write to FILE instead of stdout")},
        {QStringLiteral("older-than"), QStringLiteral("DAYS"), QStringLiteral("prune: remove runs that ended more than DAYS ago (default: retention_days)")},
        {QStringLiteral("json"), {}, QStringLiteral("Print JSON (logs: one JSON object per line)")},
        {QStringLiteral("quiet"), {}, QStringLiteral("retry, rerun: no live progress")},
        {QStringLiteral("all"), {}, QStringLiteral("show, retry, rerun, resume: every task in the summary, not a screenful")},
    };
    for (const Option &o : settingOptions()) options.push_back(o);
    return {QStringLiteral("runs list|show|logs|metrics|retry|rerun|resume|trace|compare|cancel|delete|prune [RUN] [OPTIONS]"),
            options,
            QStringLiteral("RUN is a run id or a unique prefix of one (as 'runs list' prints).\n"
                           "  list     runs, newest first (filters, sorts and pages: see the options)\n"
                           "  show     a run's state and counts, then its tasks in flow order: failed and retried\n"
                           "           ones first (with their attempts), at most 20 rows unless --all\n"
                           "  logs     a run's task output and engine messages; --search WORDS finds lines in the\n"
                           "           whole log, with --context lines around each\n"
                           "  metrics  FlowMetrics of a run\n"
                           "  retry    run a Failed, Crashed, TimedOut or Cancelled run again from the point of\n"
                           "           failure: tasks that completed keep their results; a new run, linked to the old\n"
                           "  rerun    run the flow again (the file as it is now) with the run's parameter values\n"
                           "  resume   approve a Paused run's approval task, with the --input values it asks for\n"
                           "  trace    the run as a trace: --format chrome (Perfetto, chrome://tracing) or otlp\n"
                           "  compare  two runs (RUN RUN): parameters side by side, the tasks that changed first,\n"
                           "           and each task's first log line that differs\n"
                           "  cancel   ask the process running a run to cancel it\n"
                           "  delete   delete finished runs (RUN...) with their subflow runs, logs and results\n"
                           "  prune    delete finished runs older than the retention period")};
}

int runRuns(const Invocation &inv) {
    const QStringList all = noRun + oneRun + manyRuns + twoRuns;
    if (inv.arguments.isEmpty()) return usageError(*inv.command, QStringLiteral("runs needs a subcommand: %1").arg(all.join(", ")));
    const QString sub = inv.arguments.first();
    if (!all.contains(sub))
        return usageError(*inv.command, QStringLiteral("unknown subcommand '%1'%2").arg(sub, didYouMean(sub, all)));
    const qsizetype given = inv.arguments.size() - 1;
    if (noRun.contains(sub) && given != 0) return usageError(*inv.command, QStringLiteral("runs %1 takes no arguments").arg(sub));
    if (oneRun.contains(sub) && given != 1) return usageError(*inv.command, QStringLiteral("runs %1 needs one RUN id").arg(sub));
    if (manyRuns.contains(sub) && given < 1) return usageError(*inv.command, QStringLiteral("runs %1 needs at least one RUN id").arg(sub));
    if (twoRuns.contains(sub) && given != 2) return usageError(*inv.command, QStringLiteral("runs %1 needs two RUN ids").arg(sub));
    const auto settings = loadSettings(inv, QString());
    if (!settings) return ExitUsage;
    const auto session = openSession(*settings);
    if (!session) return ExitFailure;
    RunStore &store = session->store();
    const QString id = given == 1 ? inv.arguments.at(1) : QString();
    if (sub == QLatin1String("list")) return list(inv, store);
    if (sub == QLatin1String("show")) return show(inv, store, id);
    if (sub == QLatin1String("logs")) return runs::logs(inv, store, id);
    if (sub == QLatin1String("metrics")) return metrics(inv, store, id);
    if (sub == QLatin1String("retry")) return runs::retry(inv, *session, id);
    if (sub == QLatin1String("rerun")) return runs::rerun(inv, *session, id);
    if (sub == QLatin1String("resume")) return runs::resume(inv, *session, id);
    if (sub == QLatin1String("trace")) return runs::trace(inv, store, id);
    if (sub == QLatin1String("cancel")) return cancel(store, id);
    if (sub == QLatin1String("delete")) return remove(store, inv.arguments.mid(1));
    if (sub == QLatin1String("compare")) return runs::compare(inv, store, inv.arguments.at(1), inv.arguments.at(2));
    return prune(inv, store, session->settings());
}

}  // namespace flowdeck::cli
