// flowdeck-cli schedule add|list|pause|resume|remove|upcoming|backfill: schedules kept in the run
// database, which `serve` and `worker` fire.

#include "Commands.h"
#include "Console.h"
#include "FlowInput.h"
#include "ScheduleInput.h"
#include "Workspace.h"
#include "flow/Diagnostic.h"
#include "flow/FlowValidator.h"
#include "schedule/FireTimes.h"
#include "schedule/ScheduleConfig.h"
#include "schedule/StoredSchedule.h"
#include "store/ScheduleStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace flowdeck::cli {

namespace {

const QStringList adminSubcommands = {
    QStringLiteral("add"),    QStringLiteral("list"),     QStringLiteral("pause"),   QStringLiteral("resume"),
    QStringLiteral("remove"), QStringLiteral("upcoming"), QStringLiteral("backfill")};

bool readCount(const Invocation &inv, const QString &name, int min, int &target, QString &error) {
    if (!inv.isSet(name)) return true;
    bool ok = false;
    const int value = inv.value(name).toInt(&ok);
    if (!ok || value < min) {
        error = QStringLiteral("--%1: '%2' is not a whole number >= %3").arg(name, inv.value(name)).arg(min);
        return false;
    }
    target = value;
    return true;
}

const Parameter *findParameter(const Flow &flow, const QString &name) {
    for (const Parameter &p : flow.parameters)
        if (p.name == name) return &p;
    return nullptr;
}

/// --param NAME=VALUE pairs, checked against the flow's parameters as a run checks them, so
/// that a value the run would refuse is refused now rather than at every fire time.
bool readParameters(const Invocation &inv, const Flow &flow, QVariantMap &target, QString &error) {
    QStringList known;
    for (const auto &p : flow.parameters) known << p.name;
    for (const QString &pair : inv.values(QStringLiteral("param"))) {
        const int equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            error = QStringLiteral("--param needs NAME=VALUE, got '%1'").arg(pair);
            return false;
        }
        const QString name = pair.left(equals);
        const Parameter *parameter = findParameter(flow, name);
        if (!parameter) {
            error = QStringLiteral("--param: flow '%1' has no parameter '%2'%3")
                        .arg(flow.name, name, didYouMean(name, known));
            return false;
        }
        QString why;
        if (!FlowValidator::valueFromText(*parameter, pair.mid(equals + 1), &why).isValid()) {
            error = QStringLiteral("--param: ") + why;
            return false;
        }
        target.insert(name, pair.mid(equals + 1));  // as text: the run types it, as `run --param` does
    }
    for (const Parameter &p : flow.parameters)
        if (!p.hasDefault() && !target.contains(p.name)) {
            error = QStringLiteral(
                        "--param: flow '%1' needs parameter '%2' (%3, no default): give --param %2=VALUE")
                        .arg(flow.name, p.name, toString(p.type));
            return false;
        }
    return true;
}

/// A name option or argument that nameProblem() accepts; false with @p error.
bool checkName(const QString &what, const QString &name, QString &error) {
    error = nameProblem(what, name);
    return error.isEmpty();
}

/// The policies and placement options of `schedule add`.
bool readPolicies(const Invocation &inv, ScheduleRecord &s, QString &error) {
    if (inv.isSet(QStringLiteral("catchup"))) {
        const auto policy = catchUpFromString(inv.value(QStringLiteral("catchup")));
        if (!policy) {
            error =
                QStringLiteral("--catchup: expected skip, latest or all, got '%1'").arg(inv.value("catchup"));
            return false;
        }
        s.catchUp = *policy;
    }
    if (!readCount(inv, QStringLiteral("catchup-cap"), 1, s.catchUpCap, error)) return false;
    if (!readCount(inv, QStringLiteral("max-active"), 1, s.maxActiveRuns, error)) return false;
    if (inv.isSet(QStringLiteral("collision"))) {
        const auto policy = collisionFromString(inv.value(QStringLiteral("collision")));
        if (!policy) {
            error = QStringLiteral("--collision: expected enqueue or cancel-new, got '%1'")
                        .arg(inv.value("collision"));
            return false;
        }
        if (!inv.isSet(QStringLiteral("max-active"))) {
            error = QStringLiteral("--collision needs --max-active N (what it collides with)");
            return false;
        }
        s.collision = *policy;
    }
    s.pool = inv.value(QStringLiteral("pool"), QStringLiteral("default"));
    s.queue = inv.value(QStringLiteral("queue"), QStringLiteral("default"));
    return checkName(QStringLiteral("--pool: work pool name"), s.pool, error) &&
           checkName(QStringLiteral("--queue: queue name"), s.queue, error);
}

/// Pools and queues named by a schedule are created with it (docs/schedules.md), but a new one
/// is often a typo whose runs would only turn Late: say so.
void warnAboutNewPlacement(const ScheduleRecord &s, bool poolExisted, bool queueExisted,
                           const QStringList &pools) {
    const QString serveHint =
        QStringLiteral("its runs wait until `%1 serve --pool %2` or `%1 worker --pool %2` runs")
            .arg(QLatin1String(programName()), s.pool);
    if (!poolExisted)
        printError(QStringLiteral("warning: work pool '%1' did not exist, so it was created%2; %3")
                       .arg(s.pool, didYouMean(s.pool, pools), serveHint));
    else if (!queueExisted)
        printError(QStringLiteral("warning: queue '%1' of work pool '%2' did not exist, so it was created")
                       .arg(s.queue, s.pool));
}

/// --start and --end bound the fire times (they are the config's start_date and end_date).
bool readWindow(const Invocation &inv, const ScheduleZone &zone, ScheduleConfig &config, QString &error) {
    if (inv.isSet(QStringLiteral("once")) && inv.isSet(QStringLiteral("start"))) {
        error = QStringLiteral("--start is not for --once (the one fire time is its start)");
        return false;
    }
    return readScheduleTime(inv, "start", zone, config.startDate, error) &&
           readScheduleTime(inv, "end", zone, config.endDate, error);
}

std::shared_ptr<const Schedule> buildSchedule(const ScheduleRecord &s) {
    return scheduleOf(s);
}

std::optional<qint64> nextFire(const ScheduleRecord &s) {
    return nextFireOf(s, QDateTime::currentSecsSinceEpoch());
}

int add(const Invocation &inv) {
    if (inv.arguments.size() != 2)
        return usageError(*inv.command, QStringLiteral("schedule add takes one NAME"));
    if (!inv.isSet(QStringLiteral("flow")))
        return usageError(*inv.command, QStringLiteral("schedule add needs --flow FILE"));
    const FlowInput input = loadFlowInput(inv.value(QStringLiteral("flow")));
    if (!input.isValid()) {
        printProblems(input);
        printError(QStringLiteral("not scheduling %1: the flow has problems").arg(input.path));
        return ExitUsage;
    }
    QString error;
    const auto zone = scheduleZoneFrom(inv, error);
    if (!zone) return usageError(*inv.command, error);
    ScheduleConfig config;
    ScheduleRecord s;
    s.name = inv.arguments.at(1);
    s.flowPath = QFileInfo(input.path).absoluteFilePath();
    s.flowName = input.result.flow.name;
    if (!checkName(QStringLiteral("schedule name"), s.name, error) ||
        !scheduleConfigFrom(inv, *zone, config, error) || !readWindow(inv, *zone, config, error) ||
        !readParameters(inv, input.result.flow, s.parameters, error) || !readPolicies(inv, s, error))
        return usageError(*inv.command, error);
    const ScheduleConfig::BuildResult built = config.build();
    if (!built.schedule) {
        for (const ScheduleProblem &problem : built.problems) printError(scheduleProblemText(problem, inv));
        return ExitUsage;
    }
    s.config = config.toVariantMap();
    auto stores = openStores(inv);
    if (!stores) return ExitFailure;
    const bool poolExisted = stores->schedules->hasPool(s.pool);
    const bool queueExisted = stores->schedules->hasQueue(s.pool, s.queue);
    const QStringList pools = stores->schedules->poolNames();
    if (!stores->schedules->addSchedule(s, &error)) {
        printError(QStringLiteral("cannot add schedule %1: %2").arg(s.name, error));
        return ExitFailure;
    }
    stores->schedules->notify();
    warnAboutNewPlacement(s, poolExisted, queueExisted, pools);
    const auto next = built.schedule->nextAfter(QDateTime::currentSecsSinceEpoch());
    printOut(QStringLiteral("Added schedule %1: %2 runs %3 (pool %4, queue %5); next fire %6\n")
                 .arg(s.name, built.schedule->describe(), QDir::toNativeSeparators(s.flowPath), s.pool,
                      s.queue, next ? isoUtc(*next) : QStringLiteral("none (the schedule has ended)")));
    return ExitOk;
}

QJsonObject scheduleJson(const ScheduleRecord &s) {
    const auto next = s.active ? nextFire(s) : std::nullopt;
    const auto schedule = buildSchedule(s);
    return QJsonObject{
        {QStringLiteral("name"), s.name},
        {QStringLiteral("active"), s.active},
        {QStringLiteral("flow"), s.flowPath},
        {QStringLiteral("flow_name"), s.flowName},
        {QStringLiteral("description"), schedule ? schedule->describe() : QStringLiteral("invalid")},
        {QStringLiteral("schedule"), QJsonObject::fromVariantMap(s.config)},
        {QStringLiteral("parameters"), QJsonObject::fromVariantMap(s.parameters)},
        {QStringLiteral("catchup"), toString(s.catchUp)},
        {QStringLiteral("catchup_cap"), s.catchUpCap},
        {QStringLiteral("max_active_runs"), s.maxActiveRuns},
        {QStringLiteral("collision"), toString(s.collision)},
        {QStringLiteral("pool"), s.pool},
        {QStringLiteral("queue"), s.queue},
        {QStringLiteral("source"), s.source},
        {QStringLiteral("next_fire"), next ? QJsonValue(isoUtc(*next)) : QJsonValue()},
        {QStringLiteral("last_fire_ms"), s.lastFireMs}};
}


int list(const Invocation &inv) {
    auto stores = openStores(inv);
    if (!stores) return ExitFailure;
    const auto all = stores->schedules->schedules();
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ScheduleRecord &s : all) array.append(scheduleJson(s));
        printOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        return ExitOk;
    }
    if (all.empty()) {
        printOut(
            QStringLiteral("No schedules. Add one with '%1 schedule add NAME --flow FILE --cron EXPR'.\n")
                .arg(QLatin1String(programName())));
        return ExitOk;
    }
    QList<QStringList> rows{{"NAME", "STATE", "NEXT FIRE", "POOL/QUEUE", "CATCH-UP", "FLOW", "SCHEDULE"}};
    for (const ScheduleRecord &s : all) {
        const auto next = s.active ? nextFire(s) : std::nullopt;
        const auto schedule = buildSchedule(s);
        rows << QStringList{s.name,
                            s.active ? QStringLiteral("active") : QStringLiteral("paused"),
                            next ? isoUtc(*next) : QStringLiteral("-"),
                            s.pool + QLatin1Char('/') + s.queue,
                            toString(s.catchUp),
                            QFileInfo(s.flowPath).fileName(),
                            schedule ? schedule->describe() : QStringLiteral("invalid")};
    }
    printOut(table(rows));
    return ExitOk;
}

QStringList scheduleNames(const ScheduleStore &store) {
    QStringList names;
    for (const ScheduleRecord &s : store.schedules()) names << s.name;
    return names;
}

int setActive(const Invocation &inv, bool active, const char *verb) {
    if (inv.arguments.size() != 2)
        return usageError(*inv.command,
                          QStringLiteral("schedule %1 takes one NAME").arg(QLatin1String(verb)));
    auto stores = openStores(inv);
    if (!stores) return ExitFailure;
    QString error;
    const QString name = inv.arguments.at(1);
    bool changed = false;
    if (!stores->schedules->setActive(name, active, &error, &changed)) {
        printError(error + didYouMean(name, scheduleNames(*stores->schedules)));
        return ExitFailure;
    }
    if (!changed) {
        printOut(QStringLiteral("Schedule %1 is already %2; nothing changed\n")
                     .arg(name, active ? QStringLiteral("active") : QStringLiteral("paused")));
        return ExitOk;
    }
    stores->schedules->notify();
    printOut(QStringLiteral("%1 schedule %2\n")
                 .arg(active ? QStringLiteral("Resumed") : QStringLiteral("Paused"), name));
    return ExitOk;
}

int remove(const Invocation &inv) {
    if (inv.arguments.size() != 2)
        return usageError(*inv.command, QStringLiteral("schedule remove takes one NAME"));
    auto stores = openStores(inv);
    if (!stores) return ExitFailure;
    QString error;
    if (!stores->schedules->removeSchedule(inv.arguments.at(1), &error)) {
        printError(error + didYouMean(inv.arguments.at(1), scheduleNames(*stores->schedules)));
        return ExitFailure;
    }
    stores->schedules->notify();
    printOut(QStringLiteral("Removed schedule %1 (its finished runs stay in the history)\n")
                 .arg(inv.arguments.at(1)));
    return ExitOk;
}

int upcoming(const Invocation &inv) {
    int limit = 20;
    QString error;
    if (!readCount(inv, QStringLiteral("limit"), 1, limit, error)) return usageError(*inv.command, error);
    auto stores = openStores(inv);
    if (!stores) return ExitFailure;
    const auto items = upcomingRuns(*stores->schedules, QDateTime::currentSecsSinceEpoch(),
                                    std::numeric_limits<qint64>::max() / 2000, limit);
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const UpcomingRun &u : items)
            array.append(
                QJsonObject{{QStringLiteral("time"), isoUtc(u.atMs / 1000)},
                            {QStringLiteral("schedule"), u.schedule},
                            {QStringLiteral("flow"), u.flow},
                            {QStringLiteral("state"), u.state},
                            {QStringLiteral("run"), u.runId.isEmpty() ? QJsonValue() : QJsonValue(u.runId)},
                            {QStringLiteral("pool"), u.pool}});
        printOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        return ExitOk;
    }
    QList<QStringList> rows{{"TIME", "SCHEDULE", "FLOW", "STATE", "POOL", "RUN"}};
    for (const UpcomingRun &u : items)
        rows << QStringList{isoUtc(u.atMs / 1000),
                            u.schedule,
                            u.flow,
                            u.state,
                            u.pool,
                            u.runId.isEmpty() ? QStringLiteral("-") : u.runId.left(8)};
    printOut(items.empty() ? QStringLiteral("Nothing upcoming.\n") : table(rows));
    return ExitOk;
}

void printBackfill(const Invocation &inv, const ScheduleRecord &s, const BackfillPlan &window, int created) {
    const bool dryRun = inv.isSet(QStringLiteral("dry-run"));
    const std::vector<qint64> &times = window.fireTimes;
    auto hasRun = [&](qint64 t) { return window.hasRun(t); };
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray fireTimes;
        for (const qint64 t : times)
            fireTimes.append(
                QJsonObject{{QStringLiteral("time"), isoUtc(t)}, {QStringLiteral("had_run"), hasRun(t)}});
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("schedule"), s.name},
                                                             {QStringLiteral("from"), isoUtc(window.from)},
                                                             {QStringLiteral("to"), isoUtc(window.to)},
                                                             {QStringLiteral("cut_at_now"), window.cutAtNow},
                                                             {QStringLiteral("dry_run"), dryRun},
                                                             {QStringLiteral("fire_times"), fireTimes},
                                                             {QStringLiteral("created"), created},
                                                             {QStringLiteral("pool"), s.pool}})
                                       .toJson()));
        return;
    }
    if (dryRun) {
        QString text;
        for (const qint64 t : times)
            text += isoUtc(t) +
                    (hasRun(t) ? QStringLiteral("  has a run\n") : QStringLiteral("  would be created\n"));
        printOut(
            text +
            QStringLiteral("%1 fire times of %2 (dry run: nothing created)\n").arg(times.size()).arg(s.name));
        return;
    }
    printOut(
        QStringLiteral("Created %1 runs of %2 for %3 fire times (%4 had a run already); pool %5 runs them\n")
            .arg(created)
            .arg(s.name)
            .arg(times.size())
            .arg(int(times.size()) - created)
            .arg(s.pool));
}

int backfill(const Invocation &inv) {
    if (inv.arguments.size() != 2)
        return usageError(*inv.command, QStringLiteral("schedule backfill takes one NAME"));
    if (!inv.isSet(QStringLiteral("from")) || !inv.isSet(QStringLiteral("to")))
        return usageError(*inv.command, QStringLiteral("schedule backfill needs --from T and --to T"));
    auto stores = openStores(inv);
    if (!stores) return ExitFailure;
    const auto s = stores->schedules->schedule(inv.arguments.at(1));
    if (!s) {
        printError(QStringLiteral("no schedule named '%1'%2")
                       .arg(inv.arguments.at(1),
                            didYouMean(inv.arguments.at(1), scheduleNames(*stores->schedules))));
        return ExitFailure;
    }
    const ScheduleZone zone = zoneOf(*s);
    QString why;
    const auto from = parseScheduleTime(inv.value(QStringLiteral("from")), zone, &why);
    if (!from) return usageError(*inv.command, QStringLiteral("--from: ") + why);
    const auto to = parseScheduleEnd(inv.value(QStringLiteral("to")), zone, &why);
    if (!to) return usageError(*inv.command, QStringLiteral("--to: ") + why);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const BackfillPlan window = planBackfill(*stores->schedules, *s, *from, *to, now);
    switch (window.refusal) {
    case BackfillRefusal::FromInFuture:
        return usageError(*inv.command,
                          QStringLiteral("--from %1 is in the future (now is %2): backfill makes the runs of past fire "
                                         "times; serve makes the future ones")
                              .arg(isoUtc(*from), isoUtc(now)));
    case BackfillRefusal::ToBeforeFrom: return usageError(*inv.command, QStringLiteral("--to is before --from"));
    case BackfillRefusal::TooMany:
        printError(QStringLiteral("more than %1 fire times between %2 and %3; backfill a shorter window")
                       .arg(kMaxBackfillFires)
                       .arg(isoUtc(window.from), isoUtc(window.to)));
        return ExitFailure;
    case BackfillRefusal::None: break;
    }
    if (window.cutAtNow)
        printErr(
            QStringLiteral("%1: note: --to is after now; backfilling up to now (%2); later fire times are "
                           "made by serve\n")
                .arg(QLatin1String(programName()), isoUtc(window.to)));
    if (inv.isSet(QStringLiteral("dry-run"))) {
        printBackfill(inv, *s, window, 0);
        return ExitOk;
    }
    // Due now (the fire time is the logical date); each fire time keeps its one run.
    const int created = runBackfill(*stores->schedules, *s, window, QDateTime::currentMSecsSinceEpoch());
    if (created < 0) {
        printError(QStringLiteral("cannot create the backfill runs"));
        return ExitFailure;
    }
    printBackfill(inv, *s, window, created);
    return ExitOk;
}

}  // namespace

bool isScheduleAdminSubcommand(const QString &name) {
    return adminSubcommands.contains(name);
}

QString scheduleAdminSynopsis() {
    return QStringLiteral(
               "       %1 schedule add NAME --flow FILE (--cron EXPR [--day-and] | --interval SECONDS "
               "[--anchor T] |\n"
               "              --rrule RULE --dtstart T | --once T) [--tz ZONE] [--param K=V]...\n"
               "              [--catchup skip|latest|all] [--catchup-cap N] [--max-active N "
               "[--collision enqueue|cancel-new]]\n"
               "              [--pool P] [--queue Q] [--start T] [--end T]\n"
               "       %1 schedule list [--json]\n"
               "       %1 schedule pause|resume|remove NAME\n"
               "       %1 schedule upcoming [--limit N] [--json]\n"
               "       %1 schedule backfill NAME --from T --to T [--dry-run] [--json]")
        .arg(QLatin1String(programName()));
}

std::vector<Option> scheduleAdminOptions() {
    std::vector<Option> options{
        {QStringLiteral("flow"), QStringLiteral("FILE"), QStringLiteral("add: the flow the schedule runs")},
        {QStringLiteral("param"), QStringLiteral("NAME=VALUE"),
         QStringLiteral("add: a parameter value (repeatable)")},
        {QStringLiteral("catchup"), QStringLiteral("POLICY"),
         QStringLiteral("add: fire times missed while nothing ran: skip (default), latest, all")},
        {QStringLiteral("catchup-cap"), QStringLiteral("N"),
         QStringLiteral("add: --catchup all runs at most N (default 100)")},
        {QStringLiteral("max-active"), QStringLiteral("N"),
         QStringLiteral("add: at most N runs of this schedule at once")},
        {QStringLiteral("collision"), QStringLiteral("STRATEGY"),
         QStringLiteral("add: a run due at --max-active: enqueue (wait, default) or cancel-new")},
        {QStringLiteral("pool"), QStringLiteral("POOL"),
         QStringLiteral("add: the work pool that runs it (default 'default')")},
        {QStringLiteral("queue"), QStringLiteral("QUEUE"),
         QStringLiteral("add: the pool's queue (default 'default')")},
        {QStringLiteral("start"), QStringLiteral("T"), QStringLiteral("add: no fire time before T")},
        {QStringLiteral("end"), QStringLiteral("T"), QStringLiteral("add: no fire time after T")},
        {QStringLiteral("to"), QStringLiteral("T"),
         QStringLiteral(
             "backfill: the end of the window (inclusive; a date alone is that whole day; at most now)")},
        {QStringLiteral("dry-run"), {}, QStringLiteral("backfill: list the fire times, create nothing")},
        {QStringLiteral("limit"), QStringLiteral("N"),
         QStringLiteral("upcoming: how many to list (default 20)")},
    };
    for (const Option &o : settingOptions()) options.push_back(o);
    return options;
}

int runScheduleAdmin(const Invocation &inv) {
    const QString sub = inv.arguments.first();
    if (sub == QLatin1String("add")) return add(inv);
    if (sub == QLatin1String("list")) return list(inv);
    if (sub == QLatin1String("pause")) return setActive(inv, false, "pause");
    if (sub == QLatin1String("resume")) return setActive(inv, true, "resume");
    if (sub == QLatin1String("remove")) return remove(inv);
    if (sub == QLatin1String("upcoming")) return upcoming(inv);
    return backfill(inv);
}

}  // namespace flowdeck::cli
