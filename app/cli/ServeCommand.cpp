// flowdeck-cli serve and worker: the scheduler service without the GUI. serve creates the runs of
// every schedule and runs those of the `default` pool (and any --pool); worker runs one pool's.

#include "Commands.h"
#include "Console.h"
#include "StopSignals.h"
#include "Workspace.h"
#include "flow/Diagnostic.h"
#include "flow/Units.h"
#include "schedule/Scheduler.h"
#include "schedule/WorkspaceSchedules.h"

#include <QCoreApplication>
#include <QDateTime>

#include <memory>
#include <QSet>

#include <cstdio>

namespace flowdeck::cli {

namespace {

void say(const QString &line) {
    printOut(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz ")) + line +
             QLatin1Char('\n'));
    std::fflush(stdout);
}

QString isoUtcMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

/// Adds, updates and removes the schedules flowdeck.yaml declares; false (printed) on problems.
bool syncWorkspaceSchedules(const Settings &settings, ScheduleStore &store) {
    const WorkspaceSchedules declared = WorkspaceSchedules::read(settings.workspaceFile());
    for (const Diagnostic &d : declared.problems) printErr(d.toString() + QLatin1Char('\n'));
    if (!declared.problems.empty()) return false;
    const ScheduleSync sync = syncSchedules(declared, settings.workspaceFile(), store);
    if (sync.added + sync.updated + sync.removed > 0)
        say(QStringLiteral("%1: %2 schedule(s) added, %3 updated, %4 removed")
                .arg(settings.workspaceFile())
                .arg(sync.added)
                .arg(sync.updated)
                .arg(sync.removed));
    if (sync.poolsSaved > 0)
        say(QStringLiteral("%1: %2 work pool(s) or queue(s) created or changed")
                .arg(settings.workspaceFile())
                .arg(sync.poolsSaved));
    return true;
}

/// A duration option in ms (`30s`, `1m`, `500ms`, or plain seconds); false with @p error.
bool readDurationMs(const Invocation &inv, const QString &name, qint64 &target, QString &error) {
    if (!inv.isSet(name)) return true;
    const auto seconds = parseDuration(inv.value(name));
    if (!seconds || *seconds < 0) {
        error =
            QStringLiteral("--%1: '%2' is not a duration like 30s, 1m or 500ms").arg(name, inv.value(name));
        return false;
    }
    target = qint64(*seconds * 1000);
    return true;
}

std::vector<Option> serviceOptions() {
    std::vector<Option> options{
        {QStringLiteral("grace"), QStringLiteral("DURATION"),
         QStringLiteral(
             "On SIGTERM/SIGINT, how long running runs may finish before they are cancelled (default 30s)")},
        {QStringLiteral("late-after"), QStringLiteral("DURATION"),
         QStringLiteral("A run not started this long after its expected start is Late (default 60s)")},
        {QStringLiteral("lookahead"), QStringLiteral("DURATION"),
         QStringLiteral("How far ahead runs are created as Scheduled (default 2m; always the next one)")},
    };
    for (const Option &o : settingOptions()) options.push_back(o);
    return options;
}

/// After each run, says so when the database could not record all of it (a full disk).
void reportLostWrites(Scheduler &scheduler, RunStore &store) {
    auto reported = std::make_shared<quint64>(0);
    QObject::connect(&scheduler, &Scheduler::runFinished, &scheduler, [&store, reported](const QString &id) {
        store.flush();
        QString reason;
        const quint64 lost = store.lostWrites(&reason);
        if (lost == *reported) return;
        printError(QStringLiteral("the run database could not record %1 change(s) so far (%2); what it reports "
                                  "of run %3 and the runs before it may be incomplete")
                       .arg(lost)
                       .arg(reason, id));
        *reported = lost;
    });
}

void report(Scheduler &scheduler) {
    QObject::connect(&scheduler, &Scheduler::runStarted, &scheduler,
                     [](const QString &id, const QString &schedule, qint64 expectedMs) {
                         const qint64 late = QDateTime::currentMSecsSinceEpoch() - expectedMs;
                         say(QStringLiteral("started run %1 of %2 (due %3, %4 ms after)")
                                 .arg(id, schedule, isoUtcMs(expectedMs))
                                 .arg(late));
                     });
    QObject::connect(&scheduler, &Scheduler::runFinished, &scheduler,
                     [](const QString &id, const QString &schedule, RunState state, const QString &message) {
                         say(QStringLiteral("run %1 of %2 ended %3%4")
                                 .arg(id, schedule, toString(state),
                                      message.isEmpty() ? QString() : QStringLiteral(": ") + message));
                     });
    QObject::connect(
        &scheduler, &Scheduler::runCancelled, &scheduler, [](const QString &id, const QString &schedule) {
            say(QStringLiteral("cancelled run %1 of %2: max_active_runs reached (collision cancel-new)")
                    .arg(id, schedule));
        });
    QObject::connect(
        &scheduler, &Scheduler::caughtUp, &scheduler, [](const QString &schedule, int kept, int dropped) {
            say(QStringLiteral(
                    "catch-up of %1: %2 missed fire time(s) run, %3 run(s) of a dead process dropped")
                    .arg(schedule)
                    .arg(kept)
                    .arg(dropped));
        });
}

/// A pool or queue no schedule names is most often a typo: the process would serve nothing.
void warnAboutUnusedPools(const ScheduleStore &store, const SchedulerOptions &options) {
    QSet<QString> usedPools, usedQueues;
    QStringList poolNames;
    for (const ScheduleRecord &s : store.schedules()) {
        usedPools.insert(s.pool);
        usedQueues.insert(s.pool + QLatin1Char('/') + s.queue);
        if (!poolNames.contains(s.pool)) poolNames << s.pool;
    }
    for (const QString &pool : options.pools) {
        if (pool == QLatin1String("default") || usedPools.contains(pool)) continue;
        printError(
            QStringLiteral("warning: no schedule uses work pool '%1' yet%2; nothing runs here until one does")
                .arg(pool, didYouMean(pool, poolNames)));
    }
    const QString pool = options.pools.value(0);
    if (!options.queue.isEmpty() && usedPools.contains(pool) &&
        !usedQueues.contains(pool + QLatin1Char('/') + options.queue))
        printError(QStringLiteral("warning: no schedule uses queue '%1' of work pool '%2' yet")
                       .arg(options.queue, pool));
}

/// Refuses a --pool or --queue that nameProblem() refuses; -1 when all are fine, else the status.
int checkNames(const Invocation &inv) {
    for (const QString &pool : inv.values(QStringLiteral("pool")))
        if (const QString problem = nameProblem(QStringLiteral("--pool: work pool name"), pool);
            !problem.isEmpty())
            return usageError(*inv.command, problem);
    if (inv.isSet(QStringLiteral("queue")))
        if (const QString problem =
                nameProblem(QStringLiteral("--queue: queue name"), inv.value(QStringLiteral("queue")));
            !problem.isEmpty())
            return usageError(*inv.command, problem);
    return -1;
}

/// Runs @p options until SIGTERM or SIGINT, then stops gracefully; returns the exit status.
int serveUntilStopped(const Invocation &inv, SchedulerOptions options, bool syncWorkspace) {
    QString error;
    qint64 graceMs = 30000;
    if (!readDurationMs(inv, QStringLiteral("grace"), graceMs, error) ||
        !readDurationMs(inv, QStringLiteral("late-after"), options.lateAfterMs, error) ||
        !readDurationMs(inv, QStringLiteral("lookahead"), options.lookaheadMs, error))
        return usageError(*inv.command, error);
    const auto settings = loadSettings(inv, QString());
    if (!settings) return ExitUsage;
    const auto session = openSession(*settings);
    if (!session) return ExitFailure;
    RunStore *store = &session->store();
    ScheduleStore schedules(*store);
    if (syncWorkspace && !syncWorkspaceSchedules(*settings, schedules)) return ExitUsage;
    warnAboutUnusedPools(schedules, options);
    for (const QString &pool : options.pools) schedules.savePool(pool, std::nullopt, std::nullopt);
    if (!options.queue.isEmpty())
        schedules.saveQueue(options.pools.first(), options.queue, std::nullopt, std::nullopt, std::nullopt);
    WorkspaceSession *workspace = session.get();
    options.runOptionsFor = [workspace](const Flow &flow) { return workspace->runOptionsFor(flow); };
    options.launcher = &workspace->launcher();

    Scheduler scheduler(*store, options);
    report(scheduler);
    reportLostWrites(scheduler, *store);
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::received, &scheduler, [&scheduler, graceMs](int number) {
        if (scheduler.isStopping()) {
            say(QStringLiteral("signal %1 again: cancelling %2 running run(s) now")
                    .arg(number)
                    .arg(scheduler.runningCount()));
            scheduler.cancelRunning();
            return;
        }
        say(QStringLiteral("signal %1: no new runs; waiting up to %2 for %3 running run(s)")
                .arg(number)
                .arg(formatDuration(graceMs / 1000.0))
                .arg(scheduler.runningCount()));
        scheduler.stop(graceMs);
    });
    QObject::connect(&scheduler, &Scheduler::stopped, QCoreApplication::instance(), [] {
        say(QStringLiteral("stopped"));
        QCoreApplication::exit(ExitOk);
    });
    say(QStringLiteral("serving pool(s) %1%2 on %3 as %4")
            .arg(options.pools.join(QStringLiteral(", ")),
                 options.queue.isEmpty() ? QString() : QStringLiteral(" (queue %1)").arg(options.queue),
                 store->path(), scheduler.claimer()));
    scheduler.start();
    const int status = QCoreApplication::exec();
    store->flush();
    // A serve that could not record everything it ran did not do its job: say so in the status.
    return status == ExitOk && store->lostWrites() > 0 ? int(ExitFailure) : status;
}

}  // namespace

CommandHelp serveHelp() {
    std::vector<Option> options{
        {QStringLiteral("pool"), QStringLiteral("NAME"),
         QStringLiteral("Also run this work pool's runs (repeatable)")},
    };
    for (const Option &o : serviceOptions()) options.push_back(o);
    return {
        QStringLiteral("serve [--workspace DIR] [--pool NAME]... [--grace DURATION] [--db PATH]"), options,
        QStringLiteral(
            "Runs the scheduler until SIGTERM or Ctrl-C: creates the runs of every active schedule ahead\n"
            "as Scheduled, catches up on fire times missed while nothing ran (each schedule's --catchup),\n"
            "marks runs not started in time Late, and runs the due runs of pool 'default' and of each\n"
            "--pool. Schedules declared in the workspace's flowdeck.yaml (schedules:) are added or\n"
            "updated first. Several serve and worker processes may share a database: each fire time\n"
            "gets exactly one run. On SIGTERM it starts nothing new, lets running runs finish for\n"
            "--grace, cancels the rest, and exits 0.")};
}

int runServe(const Invocation &inv) {
    if (!inv.arguments.isEmpty()) return usageError(*inv.command, QStringLiteral("serve takes no arguments"));
    if (const int refused = checkNames(inv); refused >= 0) return refused;
    SchedulerOptions options;
    options.pools = QStringList{QStringLiteral("default")} + inv.values(QStringLiteral("pool"));
    options.planAllSchedules = true;
    return serveUntilStopped(inv, options, true);
}

CommandHelp workerHelp() {
    std::vector<Option> options{
        {QStringLiteral("pool"), QStringLiteral("NAME"),
         QStringLiteral("The work pool whose runs it runs (required)")},
        {QStringLiteral("queue"), QStringLiteral("NAME"), QStringLiteral("Only this queue of the pool")},
        {QStringLiteral("limit"), QStringLiteral("N"),
         QStringLiteral("At most N runs at once (default: no limit)")},
    };
    for (const Option &o : serviceOptions()) options.push_back(o);
    return {QStringLiteral("worker --pool NAME [--queue Q] [--limit N] [--grace DURATION] [--db PATH]"),
            options,
            QStringLiteral(
                "Claims and runs the due runs of one work pool (highest-priority queue first) until\n"
                "SIGTERM or Ctrl-C, and creates the runs of that pool's schedules ahead. Stops like serve.")};
}

int runWorker(const Invocation &inv) {
    if (!inv.arguments.isEmpty())
        return usageError(*inv.command, QStringLiteral("worker takes no arguments"));
    const QString pool = inv.value(QStringLiteral("pool"));
    if (pool.isEmpty()) return usageError(*inv.command, QStringLiteral("worker needs --pool NAME"));
    if (const int refused = checkNames(inv); refused >= 0) return refused;
    SchedulerOptions options;
    options.pools = {pool};
    options.queue = inv.value(QStringLiteral("queue"));
    options.planAllSchedules = false;
    if (inv.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        options.maxConcurrentRuns = inv.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || options.maxConcurrentRuns < 1)
            return usageError(
                *inv.command,
                QStringLiteral("--limit: '%1' is not a number >= 1").arg(inv.value(QStringLiteral("limit"))));
    }
    return serveUntilStopped(inv, options, false);
}

}  // namespace flowdeck::cli
