// flowdeck-cli serve, worker, schedule and pool end to end: real processes on a real database file,
// real signals (SIGTERM, SIGKILL). Only the first test waits for a minute boundary.
#include "../common/CliProcess.h"
#include "../common/ServiceProcess.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <csignal>

namespace {

using Result = CliResult;

/// A workspace folder with its own database, so tests never touch the user's.
class Workspace {
public:
    Workspace() {
        env = isolatedEnvironment(dir);
        env.remove("FLOWDECK_LOG_LEVEL");
    }

    QString write(const QString &name, const QByteArray &text) const {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return file.fileName();
    }

    QString flow(const QString &name, const QByteArray &script = "true") const {
        return write(name + ".flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: " + name.toUtf8() +
                                              "\ntasks:\n  go:\n    kind: shell\n    script: " + script +
                                              "\n");
    }

    void start(QProcess &p, const QStringList &args) const {
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir.path());
        p.start(cliPath(), args);
        QVERIFY(p.waitForStarted());
    }

    Result run(const QStringList &args) const {
        QProcess p;
        start(p, args);
        if (!p.waitForFinished(60000)) p.kill();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    /// A query on the run database (its own connection, closed again).
    QVariant value(const QString &sql) const {
        const QString name = QStringLiteral("check-%1").arg(++serial);
        QVariant result;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
            db.setDatabaseName(dir.filePath("runs.db"));
            db.open();
            QSqlQuery q(db);
            q.exec("PRAGMA busy_timeout = 10000");
            if (q.exec(sql) && q.next()) result = q.value(0);
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    }
    int count(const QString &where) const {
        return value("SELECT count(*) FROM flow_runs WHERE " + where).toInt();
    }

    QTemporaryDir dir;
    QProcessEnvironment env;
    mutable int serial = 0;
};


qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace

class TestServe : public QObject {
    Q_OBJECT
private slots:
    void everyMinuteCronFiresOnTime() {
        Workspace w;
        QCOMPARE(
            w.run({"schedule", "add", "minutely", "--flow", w.flow("tick"), "--cron", "* * * * *"}).exitCode,
            0);
        Service serve(w, {"serve"});
        // The next minute boundary is at most 60 s away.
        QVERIFY2(QTest::qWaitFor([&] { return w.count("state = 'Completed'") >= 1; }, 66000),
                 qPrintable(serve.output()));
        const qint64 expected =
            w.value("SELECT expected_start_ms FROM flow_runs WHERE state = 'Completed'").toLongLong();
        const qint64 started =
            w.value("SELECT start_ms FROM flow_runs WHERE state = 'Completed'").toLongLong();
        QCOMPARE(expected % 60000, 0);
        // On time, not early. The within-1-s goal is bench_scheduler's to measure: a loaded CI
        // machine may be late by more without anything being wrong in serve.
        QVERIFY2(started >= expected && started - expected < 10000,
                 qPrintable(QString::number(started - expected)));
        QCOMPARE(serve.terminate(), 0);
    }

    void twoServesNeverDoubleARun() {
        Workspace w;
        QCOMPARE(w.run({"schedule", "add", "often", "--flow", w.flow("often"), "--interval", "1"}).exitCode,
                 0);
        Service a(w, {"serve"});
        Service b(w, {"serve"});
        // Four runs at least, however long the two processes take to start on a loaded machine.
        QVERIFY2(QTest::qWaitFor([&] { return w.count("state = 'Completed'") >= 4; }, 30000),
                 qPrintable(a.output() + b.output()));
        QCOMPARE(a.terminate(), 0);
        QCOMPARE(b.terminate(), 0);
        const QSet<QString> byA = a.startedRuns(), byB = b.startedRuns();
        QVERIFY2(!byA.intersects(byB), qPrintable(a.output() + b.output()));
        const int ran = w.count("state = 'Completed'");
        QVERIFY2(ran >= 4, qPrintable(QString::number(ran)));
        QCOMPARE(byA.size() + byB.size(), ran);
        QCOMPARE(w.value("SELECT count(DISTINCT fire_ms) FROM flow_runs WHERE state = 'Completed'").toInt(),
                 ran);
    }

    void killedServeRestartedAppliesTheCatchUpPolicy() {
        Workspace w;
        const QString flow = w.flow("tick");
        for (const char *policy : {"skip", "latest", "all"})
            QCOMPARE(
                w.run({"schedule", "add", policy, "--flow", flow, "--interval", "2", "--catchup", policy})
                    .exitCode,
                0);
        qint64 down = 0;
        {
            Service first(w, {"serve"});
            QVERIFY(QTest::qWaitFor([&] { return w.count("state = 'Completed'") >= 3; }, 30000));
            first.killHard();
            down = nowMs();
        }
        QTest::qWait(8500);  // four fire times of each schedule pass with nothing running
        Service second(w, {"serve"});
        QVERIFY2(QTest::qWaitFor([&] { return second.output().count("catch-up of") >= 3; }, 20000),
                 qPrintable(second.output()));
        static const QRegularExpression serving("(\\S+ \\S+) serving pool");
        const qint64 up =
            QDateTime::fromString(serving.match(second.output()).captured(1), "yyyy-MM-dd HH:mm:ss.zzz")
                .toMSecsSinceEpoch();
        // Every missed time that was kept runs to the end before serve is stopped.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return w.count(QStringLiteral("fire_ms > %1 AND fire_ms <= %2 AND state <> 'Completed'")
                                            .arg(down)
                                            .arg(up - 1000)) == 0;
                     },
                     20000),
                 qPrintable(second.output()));
        QCOMPARE(second.terminate(), 0);
        // Fire times more than a second before the second start were missed.
        QVERIFY(up > down);
        auto missedRuns = [&](const QString &schedule) {
            return w
                .value(
                    QStringLiteral("SELECT count(*) FROM flow_runs r JOIN schedules s ON s.id = r.schedule_id"
                                   " WHERE s.name = '%1' AND r.fire_ms > %2 AND r.fire_ms <= %3")
                        .arg(schedule)
                        .arg(down)
                        .arg(up - 1000))
                .toInt();
        };
        const QString out = second.output();
        QCOMPARE(missedRuns("skip"), 0);
        QVERIFY2(out.contains("catch-up of skip: 0 missed"), qPrintable(out));
        QVERIFY(missedRuns("latest") <= 1);
        QVERIFY2(out.contains("catch-up of latest: 1 missed"), qPrintable(out));
        QVERIFY2(missedRuns("all") >= 3, qPrintable(out));
    }

    void aServeThatSleptDoesNotBurstTheRunsItMissed() {
        Workspace w;
        QCOMPARE(w.run({"schedule", "add", "tick", "--flow", w.flow("tick"), "--interval", "1"}).exitCode, 0);
        Service serve(w, {"serve", "--late-after", "2s"});
        QVERIFY(QTest::qWaitFor([&] { return w.count("state = 'Completed'") >= 1; }, 20000));
        // SIGSTOP stands in for a laptop's suspend: the process runs nothing, then wakes far too late.
        const qint64 stopped = nowMs();
        ::kill(pid_t(serve.process.processId()), SIGSTOP);
        QTest::qWait(5000);
        const qint64 resumed = nowMs();
        ::kill(pid_t(serve.process.processId()), SIGCONT);
        QVERIFY2(QTest::qWaitFor([&] { return serve.output().contains("catch-up of tick"); }, 20000),
                 qPrintable(serve.output()));
        QVERIFY(QTest::qWaitFor(
            [&] { return w.count(QStringLiteral("state = 'Completed' AND fire_ms > %1").arg(resumed)) >= 1; },
            20000));
        QCOMPARE(serve.terminate(), 0);
        // Skip (the default): the fire times it slept through did not run when it woke.
        QCOMPARE(
            w.count(QStringLiteral("fire_ms > %1 AND fire_ms < %2").arg(stopped + 1000).arg(resumed - 1000)),
            0);
    }

    void aPausedScheduleFiresNothing() {
        Workspace w;
        QCOMPARE(w.run({"schedule", "add", "quiet", "--flow", w.flow("quiet"), "--interval", "1"}).exitCode,
                 0);
        const Result paused = w.run({"schedule", "pause", "quiet"});
        QCOMPARE(paused.exitCode, 0);
        Service serve(w, {"serve"});
        QTest::qWait(3500);
        QCOMPARE(serve.terminate(), 0);
        QCOMPARE(w.count("1"), 0);
        QVERIFY(w.run({"schedule", "list"}).out.contains("paused"));
        QVERIFY(!w.run({"schedule", "upcoming"}).out.contains("quiet"));
    }

    void sigtermLetsRunsFinishWithinTheGraceThenCancels() {
        Workspace w;
        QCOMPARE(w.run({"schedule", "add", "short", "--flow", w.flow("short", "sleep 1"), "--interval", "2"})
                     .exitCode,
                 0);
        QCOMPARE(w.run({"schedule", "add", "long", "--flow", w.flow("long", "sleep 60"), "--interval", "2"})
                     .exitCode,
                 0);
        Service serve(w, {"serve", "--grace", "3s"});
        QVERIFY(QTest::qWaitFor([&] { return w.count("state = 'Running'") >= 2; }, 5000));
        const qint64 signalled = nowMs();
        QCOMPARE(serve.terminate(), 0);
        QVERIFY(nowMs() - signalled < 15000);
        QVERIFY(w.count("flow_name = 'short' AND state = 'Completed'") >= 1);
        QVERIFY(w.count("flow_name = 'long' AND state = 'Cancelled'") >= 1);
        // Nothing is left half-done: no run claimed and unfinished.
        QCOMPARE(w.count("state IN ('Pending','Running','Cancelling')"), 0);
        QVERIFY(serve.output().contains("stopped"));
    }

    void backfillListsFirstThenCreatesEachFireTimeOnce() {
        Workspace w;
        QCOMPARE(w.run({"schedule", "add", "daily", "--flow", w.flow("daily"), "--cron", "0 6 * * *", "--tz",
                        "UTC", "--pool", "nobody"})
                     .exitCode,
                 0);
        const QStringList window = {"--from", "2026-01-01", "--to", "2026-01-03T23:00:00Z"};
        const Result dry = w.run(QStringList{"schedule", "backfill", "daily", "--dry-run"} + window);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.contains("2026-01-01T06:00:00Z  would be created"));
        QVERIFY(dry.out.contains("2026-01-03T06:00:00Z"));
        QCOMPARE(w.count("1"), 0);
        const Result first = w.run(QStringList{"schedule", "backfill", "daily"} + window);
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("Created 3 runs"), qPrintable(first.out));
        const Result again = w.run(QStringList{"schedule", "backfill", "daily"} + window);
        QVERIFY2(again.out.contains("Created 0 runs") && again.out.contains("3 had a run already"),
                 qPrintable(again.out));
        QCOMPARE(w.count("origin = 'backfill'"), 3);
        QVERIFY(w.run(QStringList{"schedule", "backfill", "daily", "--dry-run"} + window)
                    .out.contains("has a run"));
    }

    void workerRunsOnlyItsPoolWithinItsLimit() {
        Workspace w;
        QCOMPARE(w.run({"pool", "create", "gpu", "--concurrency", "1"}).exitCode, 0);
        QCOMPARE(w.run({"queue", "create", "gpu", "fast", "--priority", "0"}).exitCode, 0);
        QCOMPARE(w.run({"schedule", "add", "train", "--flow", w.flow("train", "sleep 1.5"), "--interval", "1",
                        "--pool", "gpu", "--queue", "fast"})
                     .exitCode,
                 0);
        Service worker(w, {"worker", "--pool", "gpu", "--limit", "1"});
        // Two runs that wanted to overlap (each takes 1.5 s, one is due every second).
        QVERIFY2(QTest::qWaitFor([&] { return w.count("pool = 'gpu' AND state = 'Completed'") >= 2; }, 30000),
                 qPrintable(worker.output()));
        const Result pools = w.run({"pool", "list", "--json"});
        QCOMPARE(worker.terminate(), 0);
        // One at a time: no two runs of the pool overlapped.
        QCOMPARE(
            w.value("SELECT count(*) FROM flow_runs a JOIN flow_runs b ON a.id < b.id WHERE a.start_ms > 0"
                    " AND b.start_ms > 0 AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms")
                .toInt(),
            0);
        QVERIFY(pools.out.contains("\"gpu\""));
        QVERIFY(w.run({"queue", "list", "gpu"}).out.contains("fast"));
        QCOMPARE(w.run({"pool", "pause", "nosuch"}).exitCode, 1);
    }

    void aWorkerOfAPoolNoScheduleUsesSaysSo() {
        Workspace w;
        QCOMPARE(w.run({"pool", "create", "gpu"}).exitCode, 0);
        QCOMPARE(w.run({"schedule", "add", "train", "--flow", w.flow("train"), "--cron", "0 0 1 1 *",
                        "--pool", "gpu"})
                     .exitCode,
                 0);
        auto warningOf = [&](const QStringList &args) {
            QProcess p;
            w.start(p, args);
            QString out;
            const bool serving = QTest::qWaitFor(
                [&] {
                    out += QString::fromUtf8(p.readAllStandardOutput());
                    return out.contains("serving pool");
                },
                20000);
            if (!serving) return QStringLiteral("(never served) ") + out;
            ::kill(pid_t(p.processId()), SIGTERM);
            p.waitForFinished(30000);
            return QString::fromUtf8(p.readAllStandardError());
        };
        const QString typo = warningOf({"worker", "--pool", "gpv"});
        QVERIFY2(typo.contains("warning: no schedule uses work pool 'gpv' yet (did you mean 'gpu'?)"),
                 qPrintable(typo));
        QVERIFY2(warningOf({"worker", "--pool", "gpu"}).isEmpty(), "a used pool is no surprise");
        const QString queue = warningOf({"worker", "--pool", "gpu", "--queue", "fast"});
        QVERIFY2(queue.contains("warning: no schedule uses queue 'fast' of work pool 'gpu' yet"),
                 qPrintable(queue));
        const Result bad = w.run({"worker", "--pool", "no pool"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--pool: work pool name 'no pool' is not valid"), qPrintable(bad.err));
    }

    void serveAddsTheWorkspaceSchedules() {
        Workspace w;
        w.flow("nightly");
        w.write("flowdeck.yaml",
                "schedules:\n"
                "  - name: nightly\n"
                "    flow: nightly.flow.yaml\n"
                "    cron_expression: \"0 2 * * *\"\n"
                "    timezone: Europe/Berlin\n"
                "    catchup: latest\n"
                "work_pools:\n"
                "  gpu:\n"
                "    concurrency_limit: 2\n"
                "    queues:\n"
                "      urgent: {priority: 1}\n");
        Service serve(w, {"serve", "--workspace", w.dir.path()});
        QCOMPARE(serve.terminate(), 0);
        const QJsonArray pools = QJsonDocument::fromJson(w.run({"pool", "list", "--json"}).out.toUtf8()).array();
        QJsonObject gpu;
        for (const QJsonValue &p : pools)
            if (p["name"].toString() == "gpu") gpu = p.toObject();
        QCOMPARE(gpu["concurrency_limit"].toInt(), 2);
        QVERIFY(w.run({"queue", "list", "gpu"}).out.contains("urgent"));
        const Result list = w.run({"schedule", "list", "--json"});
        const QJsonObject s = QJsonDocument::fromJson(list.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(s["name"].toString(), QString("nightly"));
        QCOMPARE(s["catchup"].toString(), QString("latest"));
        QCOMPARE(s["schedule"].toObject()["timezone"].toString(), QString("Europe/Berlin"));
        QCOMPARE(w.count("state = 'Scheduled'"), 1);  // the next fire time, created ahead
    }

    void serveRefusesABadWorkPoolDeclaration() {
        Workspace w;
        w.write("flowdeck.yaml", "work_pools:\n  gpu:\n    concurency_limit: 2\n");
        const Result r = w.run({"serve", "--workspace", w.dir.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("flowdeck.yaml:3:5: work pool 'gpu': unknown key 'concurency_limit' (did you mean "
                                "'concurrency_limit'?)"),
                 qPrintable(r.err));
    }

    void scheduleAddRefusesBadInput() {
        Workspace w;
        const QString flow = w.flow("x");
        QCOMPARE(w.run({"schedule", "add", "a", "--flow", flow, "--cron", "0 0 * * 8"}).exitCode, 2);
        QCOMPARE(w.run({"schedule", "add", "a", "--flow", flow, "--cron", "* * * * *", "--catchup", "some"})
                     .exitCode,
                 2);
        QCOMPARE(
            w.run({"schedule", "add", "a", "--flow", flow, "--cron", "* * * * *", "--collision", "enqueue"})
                .exitCode,
            2);
        QCOMPARE(w.run({"schedule", "add", "a", "--flow", flow, "--cron", "* * * * *", "--param", "nope=1"})
                     .exitCode,
                 2);
        QCOMPARE(w.run({"schedule", "add", "a", "--flow", w.dir.filePath("missing.flow.yaml"), "--cron",
                        "* * * * *"})
                     .exitCode,
                 2);
        QCOMPARE(w.run({"schedule", "add", "a", "--flow", flow, "--cron", "* * * * *"}).exitCode, 0);
        QCOMPARE(w.run({"schedule", "add", "a", "--flow", flow, "--cron", "* * * * *"}).exitCode,
                 1);  // exists
        QCOMPARE(w.run({"schedule", "remove", "a"}).exitCode, 0);
        QCOMPARE(w.run({"schedule", "remove", "a"}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "test_serve.moc"
