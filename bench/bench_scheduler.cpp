// Scheduler benchmark: how late runs start after their due time (median and p95 over ~20 fires of
// an every-second schedule; goal: median < 50 ms), and the CPU an idle scheduler with 100
// schedules due far in the future uses over 10 s (from /proc/self/stat; goal: ~0).
// Usage: bench_scheduler [FIRES] [IDLE_SECONDS]   (default 20 and 10)

#include "schedule/Scheduler.h"
#include "store/RunStore.h"
#include "store/ScheduleStore.h"
#include "store/StoreSql.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace flowdeck;

namespace {

void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void stop(Scheduler &scheduler) {
    QEventLoop loop;
    QObject::connect(&scheduler, &Scheduler::stopped, &loop, &QEventLoop::quit);
    scheduler.stop(10000);
    loop.exec();
}

/// User + system CPU time of this process so far, in ms.
double cpuMs() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly)) return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (1-based, man 5 proc).
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<qint64> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return double(values[size_t(p * double(values.size() - 1) + 0.5)]);
}

ScheduleRecord schedule(const QString &name, const QString &flow, const QVariantMap &config) {
    ScheduleRecord s;
    s.name = name;
    s.flowPath = flow;
    s.flowName = QStringLiteral("quick");
    s.config = config;
    return s;
}

SchedulerOptions options(const QString &runsDir) {
    SchedulerOptions o;
    o.runOptionsFor = [runsDir](const Flow &) {
        RunOptions r;
        r.runsDirectory = runsDir;
        return r;
    };
    return o;
}

/// Start minus due time of each run (the Running event), and of each claim (runStarted).
void lateness(const QTemporaryDir &dir, int fires) {
    QString error;
    auto store = RunStore::open(dir.filePath(QStringLiteral("late.db")), &error);
    ScheduleStore schedules(*store);
    ScheduleRecord s =
        schedule(QStringLiteral("every-second"), dir.filePath(QStringLiteral("quick.flow.yaml")),
                 {{"schedule_type", "interval"}, {"interval_seconds", 1}, {"timezone", "UTC"}});
    schedules.addSchedule(s, &error);
    Scheduler scheduler(*store, options(dir.filePath(QStringLiteral("runs"))));
    std::vector<qint64> claimLate;
    QObject::connect(
        &scheduler, &Scheduler::runStarted,
        [&](const QString &, const QString &, qint64 expected) { claimLate.push_back(nowMs() - expected); });
    scheduler.start();
    spin(fires * 1000 + 300);
    stop(scheduler);
    store->flush();

    std::vector<qint64> startLate;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
        db.setDatabaseName(store->path());
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT start_ms - expected_start_ms FROM flow_runs WHERE start_ms > 0"));
        while (q.next()) startLate.push_back(q.value(0).toLongLong());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    std::printf("wake-up lateness over %zu fires (start of the run minus its due time):\n", startLate.size());
    std::printf(
        "  run started (Running):  median %6.1f ms   p95 %6.1f ms   max %6.1f ms   goal: median < 50 ms, all "
        "< 1000 ms\n",
        percentile(startLate, 0.5), percentile(startLate, 0.95), percentile(startLate, 1.0));
    std::printf("  run claimed:            median %6.1f ms   p95 %6.1f ms   max %6.1f ms\n",
                percentile(claimLate, 0.5), percentile(claimLate, 0.95), percentile(claimLate, 1.0));
}

/// CPU of an idle scheduler holding 100 schedules that fire next year.
void idleCpu(const QTemporaryDir &dir, int seconds) {
    QString error;
    auto store = RunStore::open(dir.filePath(QStringLiteral("idle.db")), &error);
    ScheduleStore schedules(*store);
    for (int i = 0; i < 100; ++i) {
        ScheduleRecord s =
            schedule(QStringLiteral("yearly-%1").arg(i), dir.filePath(QStringLiteral("quick.flow.yaml")),
                     {{"schedule_type", "cron"},
                      {"cron_expression", QStringLiteral("%1 0 1 1 *").arg(i % 60)},
                      {"timezone", "UTC"}});
        schedules.addSchedule(s, &error);
    }
    Scheduler scheduler(*store, options(dir.filePath(QStringLiteral("runs"))));
    scheduler.start();  // plans the 100 next fire times: not part of the idle figure
    spin(200);
    const double before = cpuMs();
    spin(seconds * 1000);
    const double used = cpuMs() - before;
    std::printf(
        "idle scheduler, 100 schedules due next year, %d s: CPU %.0f ms (%.3f%% of one core)   goal: ~0 "
        "(clock tick %ld/s)\n",
        seconds, used, used / (seconds * 10.0), sysconf(_SC_CLK_TCK));
    stop(scheduler);
}

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int fires = argc > 1 ? std::max(3, atoi(argv[1])) : 20;
    const int idleSeconds = argc > 2 ? std::max(1, atoi(argv[2])) : 10;
    QTemporaryDir dir;
    QFile flow(dir.filePath(QStringLiteral("quick.flow.yaml")));
    flow.open(QIODevice::WriteOnly);
    flow.write(
        "apiVersion: flowdeck/v1\nkind: Flow\nname: quick\ntasks:\n  go:\n    kind: shell\n    script: "
        "\"true\"\n");
    flow.close();
    qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toUtf8());
    lateness(dir, fires);
    idleCpu(dir, idleSeconds);
    return 0;
}
