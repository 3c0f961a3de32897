// The scheduler service on a real database file: claims exactly once across threads and
// processes, catch-up policies, pause, collision strategies, Late marking, backfill.
// "Another process" is this binary re-run with a --child-... role.

#include "schedule/Scheduler.h"
#include "schedule/WorkspaceSchedules.h"
#include "store/RunStore.h"
#include "store/ScheduleStore.h"
#include "store/StoreSql.h"
#include "workspace/LiveRunFeed.h"
#include "workspace/RunLauncher.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <atomic>
#include <cstdio>
#include <memory>
#include <set>

using namespace flowdeck;

namespace {

const QByteArray kQuickFlow =
    "apiVersion: flowdeck/v1\nkind: Flow\nname: quick\ntasks:\n  go:\n    kind: shell\n    script: "
    "\"true\"\n";
const QByteArray kSlowFlow =
    "apiVersion: flowdeck/v1\nkind: Flow\nname: slow\ntasks:\n  nap:\n    kind: shell\n    script: sleep 2\n";

std::unique_ptr<RunStore> openStore(const QString &path) {
    QString error;
    auto store = RunStore::open(path, &error);
    if (!store) qWarning("%s", qPrintable(error));
    return store;
}

ScheduleRecord intervalSchedule(const QString &name, const QString &flowPath, qint64 seconds) {
    ScheduleRecord s;
    s.name = name;
    s.flowPath = flowPath;
    s.flowName = QFileInfo(flowPath).baseName();
    s.config = {{"schedule_type", "interval"}, {"interval_seconds", seconds}, {"timezone", "UTC"}};
    return s;
}

SchedulerOptions optionsIn(const QString &runsDir) {
    SchedulerOptions o;
    o.runOptionsFor = [runsDir](const Flow &) {
        RunOptions r;
        r.runsDirectory = runsDir;
        r.maxParallel = 1;
        return r;
    };
    return o;
}

/// A "now" half-way between two fire times of a 10 s interval, a few seconds ago, for a
/// scheduler whose clock is pinned there: what it counts as missed or due is then exact,
/// however the wall clock falls and however slow the machine is.
qint64 midIntervalNow() {
    return (QDateTime::currentMSecsSinceEpoch() / 10000 - 1) * 10000 + 5000;
}

SchedulerOptions pinnedAt(const QString &runsDir, qint64 nowMs) {
    SchedulerOptions o = optionsIn(runsDir);
    o.clock = [nowMs] { return nowMs; };
    return o;
}

/// Runs the event loop for @p ms.
void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Stops @p scheduler gracefully and waits for it.
void stopAndWait(Scheduler &scheduler, qint64 graceMs = 10000) {
    QEventLoop loop;
    QObject::connect(&scheduler, &Scheduler::stopped, &loop, &QEventLoop::quit);
    scheduler.stop(graceMs);
    loop.exec();
}

/// A read-only view of the database for assertions, on its own connection.
class Db {
public:
    explicit Db(const QString &path) : m_name(QStringLiteral("test-db-%1").arg(++s_serial)) {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", m_name);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery(db).exec("PRAGMA busy_timeout = 10000");
    }
    ~Db() { QSqlDatabase::removeDatabase(m_name); }
    QVariant value(const QString &sql) const {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next()) return {};
        return q.value(0);
    }
    QStringList column(const QString &sql) const {
        QSqlQuery q(QSqlDatabase::database(m_name));
        QStringList values;
        q.exec(sql);
        while (q.next()) values << q.value(0).toString();
        return values;
    }
    bool exec(const QString &sql) const { return QSqlQuery(QSqlDatabase::database(m_name)).exec(sql); }

private:
    static inline int s_serial = 0;
    QString m_name;
};

/// The pid of a process that has exited (what a killed scheduler leaves in its rows).
qint64 deadPid() {
    QProcess p;
    p.start("sh", {"-c", "echo $$"});
    p.waitForFinished();
    return p.readAllStandardOutput().trimmed().toLongLong();
}

// ----- child roles -------------------------------------------------------------------------------

void say(const QString &line) {
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

/// --child-claim DB: after a line on stdin, claims every waiting run it can; prints the ids.
int childClaim(const QString &path) {
    auto store = openStore(path);
    if (!store) return 1;
    ScheduleStore schedules(*store);
    say("ready");
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    in.readLine();
    const QString me = QStringLiteral("child-%1").arg(QCoreApplication::applicationPid());
    for (const WaitingRun &run : schedules.waitingRuns({}, nowMs()))
        if (schedules.claim(run.id, me, nowMs()) == ClaimOutcome::Claimed) say("claimed " + run.id);
    say("done");
    return 0;
}

/// --child-scheduler DB RUNSDIR MS: a scheduler of pool default for MS ms.
int childScheduler(const QString &path, const QString &runsDir, int ms) {
    auto store = openStore(path);
    if (!store) return 1;
    Scheduler scheduler(*store, optionsIn(runsDir));
    QObject::connect(&scheduler, &Scheduler::runStarted, [](const QString &id) { say("started " + id); });
    scheduler.start();
    spin(ms);
    stopAndWait(scheduler);
    say("done");
    return 0;
}

}  // namespace

class TestScheduler : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newDb() { return m_dir.filePath(QStringLiteral("runs-%1.db").arg(++m_files)); }
    QString runsDir() const { return m_dir.filePath("rundirs"); }
    QString flow(const QByteArray &text) {
        const QString path = m_dir.filePath(QStringLiteral("f%1.flow.yaml").arg(++m_files));
        writeText(path, text);
        return path;
    }
    static void writeText(const QString &path, const QByteArray &text) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    /// Adds @p s with its last fire time @p missedMs before @p now, as if nothing had run since.
    void addMissed(ScheduleStore &store, const QString &db, ScheduleRecord &s, qint64 missedMs,
                   qint64 now = nowMs()) {
        QString error;
        QVERIFY2(store.addSchedule(s, &error), qPrintable(error));
        Db(db).exec(QStringLiteral("UPDATE schedules SET last_fire_ms = %1 WHERE id = %2")
                        .arg(now - missedMs)
                        .arg(s.id));
    }
    /// Waiting runs, due now, that a test claims by hand.
    QStringList dueRuns(ScheduleStore &store, const ScheduleRecord &s, int count) {
        std::vector<qint64> times;
        const qint64 first = nowMs() / 1000 - count - 10;
        for (int i = 0; i < count; ++i) times.push_back(first + i);
        store.createRuns(s, times, "backfill", nowMs() - 1, 0);
        QStringList ids;
        for (const WaitingRun &w : store.waitingRuns({}, nowMs())) ids << w.id;
        return ids;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aRunIsClaimedOnceByRacingThreads() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("race", flow(kQuickFlow), 60);
        QVERIFY(schedules.addSchedule(s, nullptr));
        const QStringList ids = dueRuns(schedules, s, 100);
        QCOMPARE(ids.size(), 100);
        QMutex mutex;
        QStringList claimed;
        auto claimer = [&](const QString &name) {
            ScheduleStore own(*store);  // a connection of this thread
            for (const QString &id : ids)
                if (own.claim(id, name, nowMs()) == ClaimOutcome::Claimed) {
                    QMutexLocker lock(&mutex);
                    claimed << id;
                }
        };
        std::unique_ptr<QThread> a(QThread::create(claimer, QStringLiteral("a")));
        std::unique_ptr<QThread> b(QThread::create(claimer, QStringLiteral("b")));
        a->start();
        b->start();
        QVERIFY(a->wait(60000) && b->wait(60000));
        QCOMPARE(claimed.size(), 100);
        QCOMPARE(QSet<QString>(claimed.begin(), claimed.end()).size(), 100);
        QCOMPARE(Db(db).value("SELECT count(*) FROM events WHERE state = 'Pending'").toInt(), 100);
        for (const QString &id : ids) store->adoptRun(id, false);
    }

    void aRunIsClaimedOnceByRacingProcesses() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("race", flow(kQuickFlow), 60);
        QVERIFY(schedules.addSchedule(s, nullptr));
        const QStringList ids = dueRuns(schedules, s, 200);
        QProcess a, b;
        for (QProcess *p : {&a, &b}) {
            p->start(QCoreApplication::applicationFilePath(), {"--child-claim", db});
            QVERIFY(p->waitForReadyRead(20000));
            QCOMPARE(p->readLine().trimmed(), QByteArray("ready"));
        }
        a.write("go\n");
        b.write("go\n");
        QVERIFY(a.waitForFinished(60000) && b.waitForFinished(60000));
        QSet<QString> byA, byB;
        for (const QByteArray &line : a.readAllStandardOutput().split('\n'))
            if (line.startsWith("claimed ")) byA << QString::fromUtf8(line.mid(8));
        for (const QByteArray &line : b.readAllStandardOutput().split('\n'))
            if (line.startsWith("claimed ")) byB << QString::fromUtf8(line.mid(8));
        QCOMPARE(byA.size() + byB.size(), 200);
        QVERIFY(!byA.intersects(byB));
        QCOMPARE((byA + byB), QSet<QString>(ids.begin(), ids.end()));
    }

    void twoSchedulersInTwoThreadsRunEachFireTimeOnce() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("every-second", flow(kQuickFlow), 1);
        QVERIFY(schedules.addSchedule(s, nullptr));
        const QString dir = runsDir();
        auto serve = [&store, dir] {
            Scheduler scheduler(*store, optionsIn(dir));
            scheduler.start();
            spin(4500);
            stopAndWait(scheduler);
        };
        std::unique_ptr<QThread> a(QThread::create(serve));
        std::unique_ptr<QThread> b(QThread::create(serve));
        a->start();
        b->start();
        QVERIFY(a->wait(60000) && b->wait(60000));
        Db check(db);
        const int ran = check.value("SELECT count(*) FROM flow_runs WHERE state = 'Completed'").toInt();
        QVERIFY2(ran >= 3 && ran <= 6, qPrintable(QString::number(ran)));
        QCOMPARE(
            check.value("SELECT count(DISTINCT fire_ms) FROM flow_runs WHERE state = 'Completed'").toInt(),
            ran);
        QCOMPARE(check.value("SELECT count(*) FROM events WHERE state = 'Running' AND task = ''").toInt(),
                 ran);
        // Both started late by less than a second on an idle machine.
        QVERIFY(
            check.value("SELECT max(start_ms - expected_start_ms) FROM flow_runs WHERE state = 'Completed'")
                .toLongLong() < 1000);
    }

    void twoSchedulerProcessesRunEachFireTimeOnce() {
        const QString db = newDb();
        {
            auto store = openStore(db);
            ScheduleStore schedules(*store);
            ScheduleRecord s = intervalSchedule("every-second", flow(kQuickFlow), 1);
            QVERIFY(schedules.addSchedule(s, nullptr));
        }
        QProcess a, b;
        for (QProcess *p : {&a, &b})
            p->start(QCoreApplication::applicationFilePath(), {"--child-scheduler", db, runsDir(), "4500"});
        QVERIFY(a.waitForFinished(60000) && b.waitForFinished(60000));
        QSet<QString> byA, byB;
        for (const QByteArray &line : a.readAllStandardOutput().split('\n'))
            if (line.startsWith("started ")) byA << QString::fromUtf8(line.mid(8));
        for (const QByteArray &line : b.readAllStandardOutput().split('\n'))
            if (line.startsWith("started ")) byB << QString::fromUtf8(line.mid(8));
        QVERIFY(!byA.intersects(byB));
        Db check(db);
        const int ran = check.value("SELECT count(*) FROM flow_runs WHERE state = 'Completed'").toInt();
        QCOMPARE(byA.size() + byB.size(), ran);
        QVERIFY2(ran >= 3 && ran <= 6, qPrintable(QString::number(ran)));
        QCOMPARE(
            check.value("SELECT count(DISTINCT fire_ms) FROM flow_runs WHERE state = 'Completed'").toInt(),
            ran);
    }

    void catchUpSkipRunsNothingMissed() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("skip", flow(kQuickFlow), 10);
        s.pool = "nobody";  // planned here, run by no one: only creation is observed
        const qint64 now = midIntervalNow();
        addMissed(schedules, db, s, 95000, now);
        Scheduler scheduler(*store, pinnedAt(runsDir(), now));
        scheduler.start();
        Db check(db);
        QCOMPARE(check.value(QStringLiteral("SELECT count(*) FROM flow_runs WHERE fire_ms < %1").arg(now)).toInt(),
                 0);
        QCOMPARE(check.value("SELECT count(*) FROM flow_runs WHERE origin = 'schedule'").toInt(), 10);
        // A runs browser filters them by what started them.
        QCOMPARE(check.value("SELECT count(*) FROM flow_runs WHERE run_trigger = 'schedule'").toInt(), 10);
        stopAndWait(scheduler);
    }

    void catchUpLatestRunsTheLastMissedTimeOnce() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("latest", flow(kQuickFlow), 10);
        s.pool = "nobody";
        s.catchUp = CatchUp::Latest;
        const qint64 now = midIntervalNow();
        addMissed(schedules, db, s, 95000, now);
        Scheduler scheduler(*store, pinnedAt(runsDir(), now));
        QSignalSpy caught(&scheduler, &Scheduler::caughtUp);
        scheduler.start();
        QCOMPARE(caught.size(), 1);
        QCOMPARE(caught.first().at(1).toInt(), 1);
        Db check(db);
        QCOMPARE(check.value("SELECT count(*) FROM flow_runs WHERE origin = 'catch-up'").toInt(), 1);
        // The latest of the nine missed: the fire time half an interval before now.
        QCOMPARE(check.value("SELECT fire_ms FROM flow_runs WHERE origin = 'catch-up'").toLongLong(), now - 5000);
        stopAndWait(scheduler);
    }

    void aWakeLongAfterTheOneAskedForCatchesUpWhateverWokeIt() {
        // After a suspend, a queued notification may wake the scheduler before its own timer
        // does; that pass must see the sleep too, or the missed times run as if on time.
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("sleeper", flow(kQuickFlow), 3600);
        s.pool = "nobody";
        QString error;
        QVERIFY2(schedules.addSchedule(s, &error), qPrintable(error));
        auto clock = std::make_shared<std::atomic<qint64>>(midIntervalNow());
        SchedulerOptions options = optionsIn(runsDir());
        options.clock = [clock] { return clock->load(); };
        options.lateAfterMs = 2000;
        Scheduler scheduler(*store, options);
        QSignalSpy caught(&scheduler, &Scheduler::caughtUp);
        scheduler.start();
        caught.clear();
        *clock += 3 * 3600 * 1000;  // slept three hours; its own timer is still minutes away
        schedules.notify();         // another process's change wakes it first
        QTRY_VERIFY_WITH_TIMEOUT(caught.size() == 1, 20000);
        QCOMPARE(caught.first().at(0).toString(), QStringLiteral("sleeper"));
        QCOMPARE(caught.first().at(1).toInt(), 0);  // skip, the default: nothing missed is run
        stopAndWait(scheduler);
    }

    void aSuspendInTheMiddleOfAPassCatchesUpToo() {
        // Stopped between the pass's first clock reading and its next one (as SIGSTOP or a
        // suspend can land anywhere): the pass must not go on as if the missed times were due.
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("sleeper", flow(kQuickFlow), 3600);
        s.pool = "nobody";
        QString error;
        QVERIFY2(schedules.addSchedule(s, &error), qPrintable(error));
        auto clock = std::make_shared<std::atomic<qint64>>(midIntervalNow());
        auto readingsUntilJump = std::make_shared<std::atomic<int>>(-1);  // -1: no jump armed
        SchedulerOptions options = optionsIn(runsDir());
        options.clock = [clock, readingsUntilJump] {
            // The reading after the armed one sees three hours later: the pause fell in between.
            if (readingsUntilJump->load() >= 0 && readingsUntilJump->fetch_sub(1) == 0)
                *clock += 3 * 3600 * 1000;
            return clock->load();
        };
        options.lateAfterMs = 2000;
        Scheduler scheduler(*store, options);
        QSignalSpy caught(&scheduler, &Scheduler::caughtUp);
        scheduler.start();
        caught.clear();
        *readingsUntilJump = 1;  // the pass's first reading is on time, its second is not
        schedules.notify();
        QTRY_VERIFY_WITH_TIMEOUT(caught.size() == 1, 20000);
        QCOMPARE(caught.first().at(0).toString(), QStringLiteral("sleeper"));
        stopAndWait(scheduler);
    }

    void catchUpAllRunsEachMissedTimeUpToTheCap() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord all = intervalSchedule("all", flow(kQuickFlow), 10);
        all.pool = "nobody";
        all.catchUp = CatchUp::All;
        const qint64 now = midIntervalNow();
        addMissed(schedules, db, all, 95000, now);
        ScheduleRecord capped = intervalSchedule("capped", flow(kQuickFlow), 10);
        capped.pool = "nobody";
        capped.catchUp = CatchUp::All;
        capped.catchUpCap = 3;
        addMissed(schedules, db, capped, 95000, now);
        Scheduler scheduler(*store, pinnedAt(runsDir(), now));
        scheduler.start();
        Db check(db);
        const int missed =
            check
                .value(QStringLiteral("SELECT count(*) FROM flow_runs WHERE origin = 'catch-up'"
                                      " AND schedule_id = %1")
                           .arg(all.id))
                .toInt();
        QCOMPARE(missed, 9);  // every 10 s from 90 s before now - 5 s to now - 5 s
        QCOMPARE(check
                     .value(QStringLiteral("SELECT count(*) FROM flow_runs WHERE origin = 'catch-up'"
                                           " AND schedule_id = %1")
                                .arg(capped.id))
                     .toInt(),
                 3);
        // The cap keeps the latest ones.
        QCOMPARE(check.value(QStringLiteral("SELECT max(fire_ms) FROM flow_runs WHERE origin = 'catch-up'"
                                            " AND schedule_id = %1")
                                 .arg(capped.id)),
                 check.value(QStringLiteral("SELECT max(fire_ms) FROM flow_runs WHERE origin = 'catch-up'"
                                            " AND schedule_id = %1")
                                 .arg(all.id)));
        stopAndWait(scheduler);
    }

    void runsLeftByADeadSchedulerFollowTheCatchUpPolicy() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord skip = intervalSchedule("skip", flow(kQuickFlow), 10);
        skip.pool = "nobody";
        ScheduleRecord latest = intervalSchedule("latest", flow(kQuickFlow), 10);
        latest.pool = "nobody";
        latest.catchUp = CatchUp::Latest;
        const qint64 now = midIntervalNow();
        for (ScheduleRecord *s : {&skip, &latest}) {
            QVERIFY(schedules.addSchedule(*s, nullptr));
            // Created ahead by a scheduler that died: three past fire times, one future.
            const qint64 t = (now - 5000) / 1000;
            schedules.createRuns(*s, {t - 30, t - 20, t - 10, t + 600}, "schedule", 0, (t + 600) * 1000);
        }
        Db(db).exec(QStringLiteral("UPDATE flow_runs SET pid = %1").arg(deadPid()));
        Scheduler scheduler(*store, pinnedAt(runsDir(), now));
        scheduler.start();
        Db check(db);
        QCOMPARE(check
                     .value(QStringLiteral(
                                "SELECT count(*) FROM flow_runs WHERE schedule_id = %1 AND fire_ms < %2")
                                .arg(skip.id)
                                .arg(now))
                     .toInt(),
                 0);
        QCOMPARE(check
                     .value(QStringLiteral(
                                "SELECT count(*) FROM flow_runs WHERE schedule_id = %1 AND fire_ms < %2")
                                .arg(latest.id)
                                .arg(now))
                     .toInt(),
                 1);
        // The future run stays: it was not missed.
        QCOMPARE(
            check.value(QStringLiteral("SELECT count(*) FROM flow_runs WHERE fire_ms > %1").arg(now + 500000))
                .toInt(),
            2);
        // The one catch-up kept says so, like a run catch-up creates (docs/schedules.md, Catch-up).
        QCOMPARE(
            check
                .value(QStringLiteral("SELECT origin FROM flow_runs WHERE schedule_id = %1 AND fire_ms < %2")
                           .arg(latest.id)
                           .arg(now))
                .toString(),
            QStringLiteral("catch-up"));
        QCOMPARE(
            check.value(QStringLiteral("SELECT origin FROM flow_runs WHERE fire_ms > %1").arg(now + 500000))
                .toString(),
            QStringLiteral("schedule"));
        stopAndWait(scheduler);
    }

    void resumingAnActiveScheduleKeepsItsPendingCatchUp() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("active", flow(kQuickFlow), 10);
        s.catchUp = CatchUp::All;
        addMissed(schedules, db, s, 95000);  // nine fire times missed, to be caught up by the next start
        const qint64 lastFire = schedules.schedule("active")->lastFireMs;
        bool changed = true;
        QVERIFY(schedules.setActive("active", true, nullptr, &changed));
        QVERIFY(!changed);
        QCOMPARE(schedules.schedule("active")->lastFireMs, lastFire);
        // Pausing a paused schedule changes nothing either; a real pause and resume do.
        QVERIFY(schedules.setActive("active", false, nullptr, &changed));
        QVERIFY(changed);
        QVERIFY(schedules.setActive("active", false, nullptr, &changed));
        QVERIFY(!changed);
        QVERIFY(schedules.setActive("active", true, nullptr, &changed));
        QVERIFY(changed);
        QVERIFY(schedules.schedule("active")->lastFireMs > lastFire);
    }

    void namesAreLettersDigitsAndPunctuationThatReadTheSameEverywhere() {
        for (const char *good : {"nightly-etl", "a", "v1.2_beta", "9lives"})
            QVERIFY2(nameProblem("schedule name", QLatin1String(good)).isEmpty(), good);
        QCOMPARE(
            nameProblem("work pool name", ""),
            QStringLiteral("work pool name is empty (use letters, digits, '_', '-' and '.', starting with a "
                           "letter or digit)"));
        for (const char *bad : {"bad name!", "-dash", ".hidden", "a/b", "tab\there", "ünï"})
            QVERIFY2(nameProblem("queue name", QString::fromUtf8(bad))
                         .startsWith(QStringLiteral("queue name '%1' is not valid: use letters, digits")
                                         .arg(QString::fromUtf8(bad))),
                     bad);
        auto store = openStore(newDb());
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("bad name!", flow(kQuickFlow), 60);
        QString error;
        QVERIFY(!schedules.addSchedule(s, &error));
        QVERIFY2(error.startsWith("schedule name 'bad name!' is not valid"), qPrintable(error));
        s.name = "good";
        s.pool = "";
        QVERIFY(!schedules.addSchedule(s, &error));
        QVERIFY2(error.startsWith("work pool name is empty"), qPrintable(error));
        QVERIFY(!schedules.savePool("no pool", std::nullopt, std::nullopt));
        QVERIFY(!schedules.saveQueue("default", "", std::nullopt, std::nullopt, std::nullopt));
        QVERIFY(schedules.schedules().empty());
        QCOMPARE(schedules.poolNames(), QStringList{"default"});
    }

    void workspaceSchedulesAreRefusedForBadNamesAndParameters() {
        const QString dir = m_dir.filePath("params");
        QVERIFY(QDir().mkpath(dir));
        writeText(dir + "/typed.flow.yaml",
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: typed\nparameters:\n  n:\n    type: int\n"
                  "  label:\n    type: string\n    default: x\ntasks:\n  go:\n    kind: shell\n    script: "
                  "\"true\"\n");
        const QString file = dir + "/flowdeck.yaml";
        auto problemsOf = [&](const QByteArray &entry) {
            writeText(file,
                      "schedules:\n  - flow: typed.flow.yaml\n    cron_expression: \"0 2 * * *\"\n" + entry);
            QStringList problems;
            for (const Diagnostic &d : WorkspaceSchedules::read(file).problems) problems << d.message;
            return problems.join('\n');
        };
        QCOMPARE(problemsOf("    name: ok\n    parameters: {n: '3'}\n"), QString());
        QVERIFY2(problemsOf("    name: ok\n    parameters: {n: abc}\n")
                     .contains("parameters: parameter 'n' expects int, got 'abc'"),
                 qPrintable(problemsOf("    name: ok\n    parameters: {n: abc}\n")));
        QVERIFY(problemsOf("    name: ok\n    parameters: {m: 1, n: 1}\n")
                    .contains("flow 'typed' has no parameter 'm' (did you mean 'n'?)"));
        QVERIFY(problemsOf("    name: ok\n").contains("flow 'typed' needs parameter 'n' (int, no default)"));
        QVERIFY(problemsOf("    name: bad name\n    parameters: {n: 1}\n")
                    .contains("schedule name 'bad name' is not valid"));
        QVERIFY(problemsOf("    name: ok\n    parameters: {n: 1}\n    pool: 'a b'\n")
                    .contains("pool 'a b' is not valid"));
    }

    void aPausedScheduleFiresNothingAndResumes() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("paused", flow(kQuickFlow), 1);
        QVERIFY(schedules.addSchedule(s, nullptr));
        Scheduler scheduler(*store, optionsIn(runsDir()));
        scheduler.start();
        QVERIFY(Db(db).value("SELECT count(*) FROM flow_runs WHERE state = 'Scheduled'").toInt() > 0);
        QVERIFY(schedules.setActive("paused", false, nullptr));
        schedules.notify();
        spin(2500);
        Db check(db);
        QCOMPARE(
            check.value("SELECT count(*) FROM flow_runs").toInt() -
                check.value("SELECT count(*) FROM flow_runs WHERE state IN ('Completed','Running','Pending')")
                    .toInt(),
            0);  // nothing waits: the runs made ahead were deleted
        const int before = check.value("SELECT count(*) FROM flow_runs").toInt();
        QVERIFY(before <= 1);  // at most one fire time slipped in before the pause
        QVERIFY(schedules.setActive("paused", true, nullptr));
        schedules.notify();
        QTRY_VERIFY_WITH_TIMEOUT(
            check.value("SELECT count(*) FROM flow_runs WHERE state = 'Completed'").toInt() > before, 4000);
        stopAndWait(scheduler);
    }

    void enqueueWaitsForTheActiveRun() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("one-at-a-time", flow(kSlowFlow), 1);
        s.maxActiveRuns = 1;
        s.collision = Collision::Enqueue;
        QVERIFY(schedules.addSchedule(s, nullptr));
        SchedulerOptions options = optionsIn(runsDir());
        options.lateAfterMs = 1500;
        Scheduler scheduler(*store, options);
        scheduler.start();
        spin(5000);
        Db check(db);
        QCOMPARE(check.value("SELECT count(*) FROM flow_runs WHERE state = 'Cancelled'").toInt(), 0);
        // Never two at once: each run started after the one before it ended.
        QCOMPARE(check
                     .value("SELECT count(*) FROM flow_runs a JOIN flow_runs b ON a.id < b.id"
                            " WHERE a.start_ms > 0 AND b.start_ms > 0 AND a.start_ms < "
                            "coalesce(nullif(b.end_ms, 0), 1e15)"
                            " AND b.start_ms < coalesce(nullif(a.end_ms, 0), 1e15)")
                     .toInt(),
                 0);
        QVERIFY(check.value("SELECT count(*) FROM flow_runs WHERE start_ms > 0").toInt() >= 2);
        QVERIFY(check.value("SELECT count(*) FROM events WHERE state = 'Late'").toInt() >=
                1);  // the queue waited
        stopAndWait(scheduler, 0);
    }

    void cancelNewCancelsRunsDueWhileOneIsActive() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("no-overlap", flow(kSlowFlow), 1);
        s.maxActiveRuns = 1;
        s.collision = Collision::CancelNew;
        QVERIFY(schedules.addSchedule(s, nullptr));
        Scheduler scheduler(*store, optionsIn(runsDir()));
        QSignalSpy cancelled(&scheduler, &Scheduler::runCancelled);
        scheduler.start();
        QTRY_VERIFY_WITH_TIMEOUT(cancelled.size() >= 1, 5000);
        Db check(db);
        QCOMPARE(check.value("SELECT count(*) FROM flow_runs WHERE state = 'Cancelled'").toInt(),
                 cancelled.size());
        QVERIFY(check.value("SELECT message FROM flow_runs WHERE state = 'Cancelled'")
                    .toString()
                    .contains("cancel-new"));
        // It collided with a run that had started and not ended.
        QCOMPARE(check.value("SELECT count(*) FROM flow_runs WHERE start_ms > 0").toInt(), 1);
        stopAndWait(scheduler, 0);
    }

    void runsNotStartedInTimeBecomeLate() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        QVERIFY(schedules.savePool("default", true, std::nullopt));  // paused: nothing starts
        ScheduleRecord s = intervalSchedule("late", flow(kQuickFlow), 1);
        QVERIFY(schedules.addSchedule(s, nullptr));
        SchedulerOptions options = optionsIn(runsDir());
        options.lateAfterMs = 500;
        Scheduler scheduler(*store, options);
        scheduler.start();
        spin(2600);
        Db check(db);
        QVERIFY(check.value("SELECT count(*) FROM flow_runs WHERE state = 'Late'").toInt() >= 1);
        QCOMPARE(check.value("SELECT count(*) FROM flow_runs WHERE start_ms > 0").toInt(), 0);
        // Late on time: the first one turned Late within a few hundred ms of its deadline.
        QVERIFY(check
                    .value("SELECT min(e.time_ms - r.expected_start_ms) FROM events e JOIN flow_runs r ON "
                           "r.id = e.run_id"
                           " WHERE e.state = 'Late'")
                    .toLongLong() < 1500);
        // Resuming the pool runs them.
        QVERIFY(schedules.savePool("default", false, std::nullopt));
        schedules.notify();
        QTRY_VERIFY_WITH_TIMEOUT(
            check.value("SELECT count(*) FROM flow_runs WHERE state = 'Completed'").toInt() >= 1, 3000);
        stopAndWait(scheduler);
    }

    void higherPriorityQueuesAreClaimedFirst() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        QVERIFY(schedules.saveQueue("default", "urgent", std::nullopt, 0, std::nullopt));
        ScheduleRecord normal = intervalSchedule("normal", flow(kQuickFlow), 3600);
        ScheduleRecord urgent = intervalSchedule("urgent", flow(kQuickFlow), 3600);
        urgent.queue = "urgent";
        QVERIFY(schedules.addSchedule(normal, nullptr) && schedules.addSchedule(urgent, nullptr));
        const qint64 t = nowMs() / 1000;
        schedules.createRuns(normal, {t - 20}, "backfill", nowMs() - 2000, 0);  // older...
        schedules.createRuns(urgent, {t - 10}, "backfill", nowMs() - 1000, 0);  // ...but less urgent
        const auto waiting = schedules.waitingRuns({"default"}, nowMs());
        QCOMPARE(waiting.size(), size_t(2));
        QCOMPARE(waiting.front().scheduleName, QString("urgent"));
    }

    void backfillCreatesEachFireTimeOnce() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("hourly", flow(kQuickFlow), 3600);
        s.pool = "nobody";
        QVERIFY(schedules.addSchedule(s, nullptr));
        const std::vector<qint64> day = {1767225600, 1767229200, 1767232800};
        QCOMPARE(schedules.createRuns(s, day, "backfill", nowMs(), 0), 3);
        QCOMPARE(schedules.createRuns(s, day, "backfill", nowMs(), 0), 0);
        // A second process racing the same backfill creates nothing either.
        auto other = openStore(db);
        ScheduleStore again(*other);
        QCOMPARE(again.createRuns(s, {1767225600, 1767236400}, "backfill", nowMs(), 0), 1);
        QCOMPARE(schedules.fireTimesWithRuns(s.id, 0, 1767236400000).size(), size_t(4));
    }

    void aRunUsesTheFlowFileAsItIsWhenItStarts() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        const QString path = flow(kQuickFlow);
        ScheduleRecord s = intervalSchedule("edited", path, 1);
        QVERIFY(schedules.addSchedule(s, nullptr));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(kQuickFlow).replace("name: quick", "name: edited"));
        file.close();
        Scheduler scheduler(*store, optionsIn(runsDir()));
        scheduler.start();
        Db check(db);
        QTRY_VERIFY_WITH_TIMEOUT(
            check.value("SELECT count(*) FROM flow_runs WHERE state = 'Completed'").toInt() >= 1, 3000);
        QCOMPARE(check.value("SELECT flow_name FROM flow_runs WHERE state = 'Completed'").toString(),
                 QString("edited"));
        QVERIFY(check.value("SELECT flow_snapshot FROM flow_runs WHERE state = 'Completed'")
                    .toByteArray()
                    .contains("edited"));
        // The claimed row was reused: no run without its fire time.
        QCOMPARE(check.value("SELECT count(*) FROM flow_runs WHERE fire_ms IS NULL").toInt(), 0);
        stopAndWait(scheduler);
    }

    void scheduledRunsReachTheListenersOfTheLauncherTheSchedulerIsGiven() {
        // The GUI gives the scheduler its workspace's launcher: its live feed sees scheduled runs.
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("watched",
                                            flow("apiVersion: flowdeck/v1\nkind: Flow\nname: echo\n"
                                                 "tasks:\n  say:\n    kind: shell\n    script: echo scheduled\n"),
                                            1);
        QVERIFY(schedules.addSchedule(s, nullptr));
        RunLauncher launcher(store.get());
        LiveRunFeed feed(10);
        launcher.addListener(&feed);
        QStringList lines;
        connect(&feed, &LiveRunFeed::updated, this, [&lines](const LiveUpdate &u) {
            for (const LogLine &l : u.logs) lines << l.text;
        });
        SchedulerOptions options = optionsIn(runsDir());
        options.launcher = &launcher;
        Scheduler scheduler(*store, options);
        QSignalSpy finished(&scheduler, &Scheduler::runFinished);
        scheduler.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        const QString runId = finished.first().at(0).toString();
        QTRY_VERIFY_WITH_TIMEOUT(feed.run(runId) && feed.run(runId)->state == RunState::Completed, 60000);
        QCOMPARE(int(feed.tasks(runId).size()), 1);
        QTRY_VERIFY_WITH_TIMEOUT(lines.contains("scheduled"), 60000);
        stopAndWait(scheduler);
    }

    void aFlowFileBrokenAtFireTimeFailsItsRunWithTheReason() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        const QString path = flow(kQuickFlow);
        ScheduleRecord s = intervalSchedule("broken", path, 1);
        QVERIFY(schedules.addSchedule(s, nullptr));
        QVERIFY(QFile::remove(path));
        Scheduler scheduler(*store, optionsIn(runsDir()));
        QSignalSpy finished(&scheduler, &Scheduler::runFinished);
        scheduler.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 3000);
        QVERIFY(finished.first().at(2).value<RunState>() == RunState::Failed);
        Db check(db);
        QTRY_COMPARE_WITH_TIMEOUT(check.value("SELECT state FROM flow_runs WHERE end_ms > 0").toString(),
                                  QString("Failed"), 2000);
        QVERIFY(
            check.value("SELECT message FROM flow_runs WHERE state = 'Failed'").toString().contains(path));
        stopAndWait(scheduler);
    }

    void removingAScheduleDeletesItsWaitingRunsOnly() {
        const QString db = newDb();
        auto store = openStore(db);
        ScheduleStore schedules(*store);
        ScheduleRecord s = intervalSchedule("gone", flow(kQuickFlow), 3600);
        QVERIFY(schedules.addSchedule(s, nullptr));
        schedules.createRuns(s, {nowMs() / 1000 + 3600}, "schedule", 0, 0);
        Db(db).exec(
            "INSERT INTO flow_runs(id, flow_name, state, created_ms, schedule_id, fire_ms)"
            " VALUES('finished', 'quick', 'Completed', 1, " +
            QString::number(s.id) + ", 1000)");
        QVERIFY(schedules.removeSchedule("gone", nullptr));
        Db check(db);
        QCOMPARE(check.column("SELECT id FROM flow_runs"), QStringList{"finished"});
        QVERIFY(!schedules.schedule("gone"));
    }

    void workPoolsDeclaredInTheWorkspaceReachTheDatabase() {
        const QString file = m_dir.filePath("pools/flowdeck.yaml");
        QVERIFY(QDir().mkpath(QFileInfo(file).path()));
        writeText(file, "work_pools:\n  gpu:\n    concurrency_limit: 2\n    queues:\n"
                        "      urgent: {priority: 1, concurrency_limit: 1}\n      bulk: {priority: 20}\n"
                        "  plain:\n");
        const WorkspaceSchedules declared = WorkspaceSchedules::read(file);
        QVERIFY(declared.problems.empty());
        auto store = openStore(newDb());
        ScheduleStore schedules(*store);
        QVERIFY(schedules.savePool("gpu", true, 9));  // paused from the CLI earlier
        QCOMPARE(syncSchedules(declared, file, schedules).poolsSaved, 4);  // gpu (its limit), plain, urgent, bulk
        QCOMPARE(syncSchedules(declared, file, schedules).poolsSaved, 0);  // nothing changed since
        QHash<QString, WorkPoolRecord> pools;
        for (const WorkPoolRecord &p : schedules.pools()) pools.insert(p.name, p);
        QVERIFY(pools.contains("plain"));
        QCOMPARE(pools["gpu"].concurrencyLimit, 2);  // the file's limit wins
        QVERIFY(pools["gpu"].paused);                // pausing is left to the CLI
        QHash<QString, WorkQueueRecord> queues;
        for (const WorkQueueRecord &q : schedules.queues("gpu")) queues.insert(q.name, q);
        QCOMPARE(queues["urgent"].priority, 1);
        QCOMPARE(queues["urgent"].concurrencyLimit, 1);
        QCOMPARE(queues["bulk"].priority, 20);
        QCOMPARE(queues["bulk"].concurrencyLimit, 0);
    }

    void badWorkPoolDeclarationsAreRefusedWithTheirPlace() {
        const QString file = m_dir.filePath("badpools/flowdeck.yaml");
        QVERIFY(QDir().mkpath(QFileInfo(file).path()));
        writeText(file, "work_pools:\n  gpu:\n    concurency_limit: 2\n    queues:\n      fast: {priority: -1}\n"
                        "  cpu: 3\n");
        const WorkspaceSchedules declared = WorkspaceSchedules::read(file);
        QStringList problems;
        for (const Diagnostic &d : declared.problems) problems << d.toString();
        QCOMPARE(problems.size(), 3);
        QVERIFY2(problems[0].endsWith("flowdeck.yaml:3:5: work pool 'gpu': unknown key 'concurency_limit' "
                                      "(did you mean 'concurrency_limit'?)"), qPrintable(problems[0]));
        QVERIFY2(problems[1].endsWith("flowdeck.yaml:5:24: queue 'fast' of work pool 'gpu': priority must be a "
                                      "whole number >= 0"), qPrintable(problems[1]));
        QVERIFY2(problems[2].endsWith("flowdeck.yaml:6:8: work pool 'cpu': expected a mapping (concurrency_limit, "
                                      "queues)"), qPrintable(problems[2]));
        QVERIFY(declared.pools.empty());  // nothing half-applied
    }
};

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == "--child-claim") return childClaim(args.value(2));
    if (args.value(1) == "--child-scheduler")
        return childScheduler(args.value(2), args.value(3), args.value(4).toInt());
    TestScheduler test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_scheduler.moc"
