// flowdeck-cli pool and queue: the work pools and queues that scheduled runs go through.

#include "Commands.h"
#include "Console.h"
#include "Workspace.h"
#include "flow/Diagnostic.h"
#include "store/ScheduleStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace flowdeck::cli {

namespace {

/// --NAME N as a whole number >= 0 (0: no limit); nullopt when not given; false on a bad value.
bool readNumber(const Invocation &inv, const QString &name, std::optional<int> &target, QString &error) {
    if (!inv.isSet(name)) return true;
    bool ok = false;
    const int value = inv.value(name).toInt(&ok);
    if (!ok || value < 0) {
        error = QStringLiteral("--%1: '%2' is not a whole number >= 0").arg(name, inv.value(name));
        return false;
    }
    target = value;
    return true;
}

/// A pool or queue name that nameProblem() accepts; false with @p error.
bool checkName(const QString &what, const QString &name, QString &error) {
    error = nameProblem(what, name);
    return error.isEmpty();
}

QString limitText(int limit) {
    return limit > 0 ? QString::number(limit) : QStringLiteral("-");
}


int listPools(const Invocation &inv, ScheduleStore &store) {
    const auto pools = store.pools();
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const WorkPoolRecord &p : pools)
            array.append(QJsonObject{{"name", p.name},
                                     {"paused", p.paused},
                                     {"concurrency_limit", p.concurrencyLimit},
                                     {"active_runs", p.activeRuns},
                                     {"waiting_runs", p.waitingRuns}});
        printOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        return ExitOk;
    }
    QList<QStringList> rows{{"POOL", "STATE", "CONCURRENCY", "RUNNING", "WAITING"}};
    for (const WorkPoolRecord &p : pools)
        rows << QStringList{p.name, p.paused ? "paused" : "active", limitText(p.concurrencyLimit),
                            QString::number(p.activeRuns), QString::number(p.waitingRuns)};
    printOut(table(rows));
    return ExitOk;
}

int listQueues(const Invocation &inv, ScheduleStore &store, const QString &pool) {
    const auto queues = store.queues(pool);
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const WorkQueueRecord &q : queues)
            array.append(QJsonObject{{"pool", q.pool},
                                     {"name", q.name},
                                     {"priority", q.priority},
                                     {"paused", q.paused},
                                     {"concurrency_limit", q.concurrencyLimit},
                                     {"active_runs", q.activeRuns},
                                     {"waiting_runs", q.waitingRuns}});
        printOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        return ExitOk;
    }
    QList<QStringList> rows{{"POOL", "QUEUE", "PRIORITY", "STATE", "CONCURRENCY", "RUNNING", "WAITING"}};
    for (const WorkQueueRecord &q : queues)
        rows << QStringList{q.pool,
                            q.name,
                            QString::number(q.priority),
                            q.paused ? "paused" : "active",
                            limitText(q.concurrencyLimit),
                            QString::number(q.activeRuns),
                            QString::number(q.waitingRuns)};
    printOut(table(rows));
    return ExitOk;
}

const QStringList subcommands = {QStringLiteral("list"), QStringLiteral("create"), QStringLiteral("pause"),
                                 QStringLiteral("resume")};

/// What a subcommand wants changed: pause/resume flip `paused`, create applies the numbers.
std::optional<bool> pausedFor(const QString &sub) {
    if (sub == QLatin1String("pause")) return true;
    if (sub == QLatin1String("resume")) return false;
    return std::nullopt;
}

int checkSubcommand(const Invocation &inv, const char *what) {
    if (inv.arguments.isEmpty())
        return usageError(*inv.command,
                          QStringLiteral("%1 needs a subcommand: %2")
                              .arg(QLatin1String(what), subcommands.join(QStringLiteral(", "))));
    const QString sub = inv.arguments.first();
    if (!subcommands.contains(sub))
        return usageError(*inv.command,
                          QStringLiteral("unknown subcommand '%1'%2").arg(sub, didYouMean(sub, subcommands)));
    return -1;
}

}  // namespace

CommandHelp poolHelp() {
    std::vector<Option> options{
        {QStringLiteral("concurrency"), QStringLiteral("N"),
         QStringLiteral("create: at most N runs of the pool at once (0: no limit)")},
        {QStringLiteral("json"), {}, QStringLiteral("list: print JSON")},
    };
    for (const Option &o : settingOptions()) options.push_back(o);
    return {
        QStringLiteral("pool list [--json] | pool create NAME [--concurrency N] | pool pause|resume NAME"),
        options,
        QStringLiteral(
            "A work pool groups scheduled runs for the processes that run them: `serve` runs pool\n"
            "'default' (and any --pool), `worker --pool NAME` runs one pool. A paused pool starts no\n"
            "runs; its due runs wait (and turn Late). create on an existing pool changes its limit.\n"
            "Names are letters, digits, '_', '-' and '.', starting with a letter or digit.")};
}

int runPool(const Invocation &inv) {
    if (const int bad = checkSubcommand(inv, "pool"); bad >= 0) return bad;
    const QString sub = inv.arguments.first();
    const bool isList = sub == QLatin1String("list");
    if (inv.arguments.size() != (isList ? 1 : 2))
        return usageError(*inv.command, isList ? QStringLiteral("pool list takes no NAME")
                                               : QStringLiteral("pool %1 takes one NAME").arg(sub));
    std::optional<int> limit;
    QString error;
    if (!readNumber(inv, QStringLiteral("concurrency"), limit, error)) return usageError(*inv.command, error);
    if (sub == QLatin1String("create") &&
        !checkName(QStringLiteral("work pool name"), inv.arguments.at(1), error))
        return usageError(*inv.command, error);
    auto stores = openStores(inv);
    if (!stores) return ExitFailure;
    if (isList) return listPools(inv, *stores->schedules);
    const QString name = inv.arguments.at(1);
    if (sub != QLatin1String("create") && !stores->schedules->hasPool(name)) {
        printError(QStringLiteral("no work pool named '%1'%2")
                       .arg(name, didYouMean(name, stores->schedules->poolNames())));
        return ExitFailure;
    }
    bool created = false;
    if (!stores->schedules->savePool(name, pausedFor(sub), limit, &created)) return ExitFailure;
    stores->schedules->notify();
    const QString done = sub == QLatin1String("create")  ? (created ? "Created" : "Updated")
                         : sub == QLatin1String("pause") ? "Paused"
                                                         : "Resumed";
    printOut(QStringLiteral("%1 work pool %2\n").arg(done, name));
    return ExitOk;
}

CommandHelp queueHelp() {
    std::vector<Option> options{
        {QStringLiteral("priority"), QStringLiteral("N"),
         QStringLiteral("create: lower runs first (default 1)")},
        {QStringLiteral("concurrency"), QStringLiteral("N"),
         QStringLiteral("create: at most N runs of the queue at once (0: no limit)")},
        {QStringLiteral("json"), {}, QStringLiteral("list: print JSON")},
    };
    for (const Option &o : settingOptions()) options.push_back(o);
    return {QStringLiteral(
                "queue list [POOL] [--json] | queue create POOL NAME [--priority N] [--concurrency N] | "
                "queue pause|resume POOL NAME"),
            options,
            QStringLiteral(
                "A pool's queues order its due runs: a lower priority number is claimed first. Each has\n"
                "its own concurrency limit and can be paused. Every pool has a queue 'default'. create\n"
                "needs an existing pool (pool create makes one).")};
}

int runQueue(const Invocation &inv) {
    if (const int bad = checkSubcommand(inv, "queue"); bad >= 0) return bad;
    const QString sub = inv.arguments.first();
    const bool isList = sub == QLatin1String("list");
    if (isList ? inv.arguments.size() > 2 : inv.arguments.size() != 3)
        return usageError(*inv.command, isList ? QStringLiteral("queue list takes at most a POOL")
                                               : QStringLiteral("queue %1 takes POOL NAME").arg(sub));
    std::optional<int> priority, limit;
    QString error;
    if (!readNumber(inv, QStringLiteral("priority"), priority, error) ||
        !readNumber(inv, QStringLiteral("concurrency"), limit, error))
        return usageError(*inv.command, error);
    if (sub == QLatin1String("create") &&
        (!checkName(QStringLiteral("work pool name"), inv.arguments.at(1), error) ||
         !checkName(QStringLiteral("queue name"), inv.arguments.at(2), error)))
        return usageError(*inv.command, error);
    auto stores = openStores(inv);
    if (!stores) return ExitFailure;
    if (isList) return listQueues(inv, *stores->schedules, inv.arguments.value(1));
    const QString pool = inv.arguments.at(1);
    const QString name = inv.arguments.at(2);
    // A queue does not make its pool: a typo would make a pool no worker serves.
    if (!stores->schedules->hasPool(pool)) {
        printError(
            QStringLiteral("no work pool '%1' (create it with `%2 pool create %1`)%3")
                .arg(pool, QLatin1String(programName()), didYouMean(pool, stores->schedules->poolNames())));
        return ExitFailure;
    }
    if (sub != QLatin1String("create") && !stores->schedules->hasQueue(pool, name)) {
        QStringList queues;
        for (const WorkQueueRecord &q : stores->schedules->queues(pool)) queues << q.name;
        printError(
            QStringLiteral("no queue '%1' in work pool '%2'%3").arg(name, pool, didYouMean(name, queues)));
        return ExitFailure;
    }
    bool created = false;
    if (!stores->schedules->saveQueue(pool, name, pausedFor(sub), priority, limit, &created))
        return ExitFailure;
    stores->schedules->notify();
    const QString done = sub == QLatin1String("create")  ? (created ? "Created" : "Updated")
                         : sub == QLatin1String("pause") ? "Paused"
                                                         : "Resumed";
    printOut(QStringLiteral("%1 queue %2 of work pool %3\n").arg(done, name, pool));
    return ExitOk;
}

}  // namespace flowdeck::cli
