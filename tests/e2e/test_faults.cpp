// Faults end to end: real flowdeck-cli processes killed with SIGKILL at pseudo-random moments,
// and four processes on one database. The delays come from fixed seeds, so every run of the test
// tries the same sequence; the assertions hold wherever a kill lands. FLOWDECK_FAULT_REPEATS
// (kills) and FLOWDECK_FAULT_SECONDS (the four processes) choose the size: the normal suite runs
// a short form, `ctest -L long` the long one.
#include "../common/CliProcess.h"
#include "../common/ProcessProbe.h"
#include "../common/ServiceProcess.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include <csignal>
#include <random>

namespace {

int envInt(const char *name, int fallback) {
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

/// A workspace folder with its own database, and queries on that database from the test.
class Workspace {
public:
    Workspace() {
        env = isolatedEnvironment(dir);
        env.remove("FLOWDECK_LOG_LEVEL");
    }

    QString path(const QString &name) const { return dir.filePath(name); }
    QString db() const { return path("runs.db"); }

    QString write(const QString &name, const QByteArray &text) const {
        QFile file(path(name));
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return file.fileName();
    }

    QString flow(const QString &name, const QByteArray &body) const {
        return write(name + ".flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: " + name.toUtf8() + "\n" + body);
    }

    void start(QProcess &p, const QStringList &args) const {
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir.path());
        p.start(cliPath(), args);
        QVERIFY(p.waitForStarted());
    }

    CliResult run(const QStringList &args, int timeoutMs = 120000) const {
        QProcess p;
        start(p, args);
        if (!p.waitForFinished(timeoutMs)) p.kill();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    /// The rows of a query on the run database, each a list of its columns (its own
    /// connection, closed again, so the test holds nothing open between queries).
    QList<QVariantList> rows(const QString &sql) const {
        const QString name = QStringLiteral("check-%1").arg(++serial);
        QList<QVariantList> result;
        if (!QFileInfo::exists(this->db())) return result;  // opening it would create it
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
            db.setDatabaseName(this->db());
            if (db.open()) {
                QSqlQuery q(db);
                q.exec("PRAGMA busy_timeout = 20000");
                if (!q.exec(sql)) qWarning("query failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
                while (q.next()) {
                    QVariantList row;
                    for (int i = 0; i < q.record().count(); ++i) row << q.value(i);
                    result << row;
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    }
    QVariant value(const QString &sql) const {
        const QList<QVariantList> all = rows(sql);
        return all.isEmpty() ? QVariant() : all.first().value(0);
    }
    int count(const QString &where) const { return value("SELECT count(*) FROM flow_runs WHERE " + where).toInt(); }

    QString integrity() const { return value("PRAGMA integrity_check").toString(); }

    /// Everything the processes wrote to the application log folder.
    QString logs() const {
        QString text;
        QDirIterator it(path("logs"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly)) text += QString::fromUtf8(file.readAll());
        }
        return text;
    }

    QTemporaryDir dir;
    QProcessEnvironment env;
    mutable int serial = 0;
};


QList<qint64> pidsIn(const QString &path) {
    QFile file(path);
    QList<qint64> pids;
    if (!file.open(QIODevice::ReadOnly)) return pids;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (const qint64 pid = line.trimmed().toLongLong(); pid > 0) pids << pid;
    return pids;
}

QStringList linesOf(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
}

/// A shell task that records its pids and that it ran, sleeps, and writes its result.
QByteArray mixTask(const Workspace &w, const QString &name, const QString &after, const QString &sleep) {
    QString text = QStringLiteral("  %1:\n    kind: shell\n").arg(name);
    if (!after.isEmpty()) text += QStringLiteral("    after: [%1]\n").arg(after);
    text += QStringLiteral("    script: |\n      echo $$ >> %1\n      echo %2 >> %3\n"
                           "      %4 & echo $! >> %1; wait $!\n      printf '\"r-%2\"' > \"$FLOWDECK_RESULT\"\n")
                .arg(w.path("pids"), name, w.path("ran"), sleep);
    return text.toUtf8();
}

/// Chained and parallel short tasks, and one that waits 30 s unless the gate file exists: the
/// run cannot end before it is killed, and that task is running at every kill.
QByteArray mixFlow(const Workspace &w) {
    const QString gated = QStringLiteral("test -e %1 || sleep 30").arg(w.path("gate"));
    QByteArray body = "runner:\n  max_parallel: 4\ntasks:\n";
    body += mixTask(w, "a", {}, "sleep 0.1");
    body += mixTask(w, "b1", "a", "sleep 0.2");
    body += mixTask(w, "b2", "a", "sleep 0.1");
    body += mixTask(w, "b3", "a", "sleep 0.3");
    body += mixTask(w, "c", "b1, b2", "sleep 0.1");
    body += mixTask(w, "d", "c, b3", "sleep 0.2");
    body += mixTask(w, "e", "d", "sleep 0.1");
    body += mixTask(w, "slow", {}, QStringLiteral("{ %1; }").arg(gated));
    body += mixTask(w, "end", "e, slow", "true");
    return body;
}
const QStringList kMixTasks = {"a", "b1", "b2", "b3", "c", "d", "e", "slow", "end"};

/// The task runs of @p runId in state @p state, with their results as JSON text.
QMap<QString, QString> tasksIn(const Workspace &w, const QString &runId, const QString &state) {
    QMap<QString, QString> tasks;
    for (const QVariantList &row :
         w.rows(QStringLiteral("SELECT task, result FROM task_runs WHERE run_id = '%1' AND state = '%2'").arg(runId, state)))
        tasks.insert(row[0].toString(), row[1].toString());
    return tasks;
}

/// The most intervals of @p intervals (start, end; ms) open at one instant. Touching ends do not overlap.
int mostAtOnce(QList<QPair<qint64, qint64>> intervals) {
    QList<QPair<qint64, int>> edges;
    for (const auto &[start, end] : intervals) edges << qMakePair(start, 1) << qMakePair(end, -1);
    std::sort(edges.begin(), edges.end());  // at one instant, an end (-1) sorts before a start (+1)
    int open = 0, most = 0;
    for (const auto &edge : edges) most = std::max(most, open += edge.second);
    return most;
}

}  // namespace

class TestFaults : public QObject {
    Q_OBJECT
private slots:
    void killedRunsKeepWhatCompletedAndRetryToCompleted() {
        Workspace w;
        const int repeats = envInt("FLOWDECK_FAULT_REPEATS", 10);
        const QString flow = w.flow("mix", mixFlow(w));
        std::mt19937 random(42);
        std::uniform_int_distribution<int> delays(0, 1500);
        int crashed = 0, beforeTheRun = 0, keptTasks = 0;
        for (int i = 0; i < repeats; ++i) {
            QFile::remove(w.path("gate"));
            QFile::remove(w.path("pids"));
            const int runsBefore = w.count("retry_of = ''");
            const int delay = delays(random);
            QProcess p;
            w.start(p, {"run", flow, "--quiet"});
            QTest::qWait(delay);  // the fault: where it lands is what varies, not what is checked
            const qint64 killed = p.processId();
            ::kill(pid_t(killed), SIGKILL);
            QVERIFY(p.waitForFinished(30000));
            const QString what = QStringLiteral("kill %1 after %2 ms").arg(i + 1).arg(delay);

            // No task process outlives the run (the gated task would sleep 30 s).
            for (const qint64 pid : pidsIn(w.path("pids")))
                QVERIFY2(QTest::qWaitFor([&] { return !processAlive(pid); }, 20000),
                         qPrintable(QStringLiteral("%1: task process %2 still runs").arg(what).arg(pid)));
            if (!QFileInfo::exists(w.db())) {
                ++beforeTheRun;
                continue;
            }
            QCOMPARE(w.integrity(), QStringLiteral("ok"));
            if (w.count("retry_of = ''") == runsBefore) {  // killed before the run was recorded
                ++beforeTheRun;
                continue;
            }
            const QString id = w.value("SELECT id FROM flow_runs WHERE retry_of = '' ORDER BY created_ms DESC LIMIT 1").toString();
            const QMap<QString, QString> completed = tasksIn(w, id, "Completed");
            for (auto it = completed.begin(); it != completed.end(); ++it)
                QVERIFY2(it.value() == "\"r-" + it.key() + "\"", qPrintable(what + ": " + it.key() + " = " + it.value()));

            // The next start of any command finds it Crashed; what had completed stays.
            const CliResult list = w.run({"runs", "list", "--json"});
            QCOMPARE(list.exitCode, 0);
            QCOMPARE(w.value(QStringLiteral("SELECT state FROM flow_runs WHERE id = '%1'").arg(id)).toString(),
                     QStringLiteral("Crashed"));
            QCOMPARE(tasksIn(w, id, "Completed"), completed);
            QCOMPARE(w.integrity(), QStringLiteral("ok"));
            ++crashed;
            keptTasks += completed.size();

            // The retry runs the rest only, and ends Completed with every result.
            w.write("gate", "open");
            QFile::remove(w.path("ran"));
            const CliResult retry = w.run({"runs", "retry", id, "--json"});
            QVERIFY2(retry.exitCode == 0, qPrintable(what + ": " + retry.out + retry.err));
            const QJsonObject doc = QJsonDocument::fromJson(retry.out.toUtf8()).object();
            QCOMPARE(doc["status"].toObject()["state"].toString(), QStringLiteral("Completed"));
            const QString retryId = doc["run"].toObject()["id"].toString();
            const QStringList ranAgain = linesOf(w.path("ran"));
            for (const QString &task : completed.keys()) QVERIFY2(!ranAgain.contains(task), qPrintable(what + ": " + task));
            const QMap<QString, QString> cached = tasksIn(w, retryId, "Cached");
            QCOMPARE(QStringList(cached.keys()), QStringList(completed.keys()));
            for (const QString &task : kMixTasks) {
                const QString result = w.value(QStringLiteral("SELECT result FROM task_runs WHERE run_id = '%1' AND task = '%2'")
                                                   .arg(retryId, task))
                                           .toString();
                QCOMPARE(result, "\"r-" + task + "\"");
            }
        }
        qInfo("%d kills: %d runs found Crashed and retried to Completed, %d killed before their run was recorded;"
              " %d completed task runs kept",
              repeats, crashed, beforeTheRun, keptTasks);
        QCOMPARE(w.integrity(), QStringLiteral("ok"));
        QVERIFY(crashed > 0);
    }

    void killedServesLoseNoFireTimeBeyondTheirPolicyAndDoubleNone() {
        Workspace w;
        const QString flow = w.flow("tick", "tasks:\n  go:\n    kind: shell\n    script: true\n");
        const QStringList policies = {"skip", "latest", "all"};
        for (const QString &policy : policies)
            QCOMPARE(w.run({"schedule", "add", policy, "--flow", flow, "--interval", "1", "--catchup", policy}).exitCode, 0);
        auto scheduleId = [&](const QString &name) {
            return w.value(QStringLiteral("SELECT id FROM schedules WHERE name = '%1'").arg(name)).toLongLong();
        };
        // A gap: from the last fire time a killed serve had claimed to when its successor had
        // surely caught up (it claims only after its catch-up). Only fire times in a gap may be missing.
        struct Gap {
            QHash<QString, qint64> lastClaimed;
            qint64 up = 0;
        };
        QList<Gap> gaps;
        const int cycles = std::max(3, envInt("FLOWDECK_FAULT_REPEATS", 10) / 2);
        std::mt19937 random(42);
        std::uniform_int_distribution<int> uptimes(0, 3000), downtimes(2000, 4000);
        QString outputs;
        for (int cycle = 0; cycle <= cycles; ++cycle) {
            Service serve(w, {"serve"});
            const QString claimedHere = QStringLiteral("claimed_by LIKE '%:%1:%'").arg(serve.pid());
            QVERIFY2(QTest::qWaitFor([&] { return w.count(claimedHere) > 0; }, 30000), qPrintable(serve.output()));
            if (!gaps.isEmpty()) gaps.last().up = nowMs();
            if (cycle == cycles) {
                // The last one runs until every schedule has run a time after its catch-up.
                const qint64 caughtUp = nowMs();
                for (const QString &policy : policies)
                    QVERIFY2(QTest::qWaitFor([&] {
                                 return w.count(QStringLiteral("schedule_id = %1 AND state = 'Completed' AND fire_ms > %2")
                                                    .arg(scheduleId(policy))
                                                    .arg(caughtUp)) > 0;
                             }, 30000),
                             qPrintable(serve.output()));
                QCOMPARE(serve.terminate(), 0);
                outputs += serve.output() + serve.errors;
                break;
            }
            QTest::qWait(uptimes(random));
            serve.killHard();
            outputs += serve.output() + serve.errors;
            Gap gap;
            for (const QString &policy : policies)
                gap.lastClaimed[policy] =
                    w.value(QStringLiteral("SELECT coalesce(max(fire_ms), 0) FROM flow_runs WHERE schedule_id = %1 AND claimed_by <> ''")
                                .arg(scheduleId(policy)))
                        .toLongLong();
            gaps << gap;
            QCOMPARE(w.integrity(), QStringLiteral("ok"));
            QTest::qWait(downtimes(random));  // fire times pass with no serve
        }

        // None doubled: one row per fire time, and no run started twice.
        QCOMPARE(w.value("SELECT count(*) FROM flow_runs").toInt(),
                 w.value("SELECT count(*) FROM (SELECT DISTINCT schedule_id, fire_ms FROM flow_runs)").toInt());
        QCOMPARE(w.value("SELECT count(*) FROM (SELECT run_id FROM events WHERE task = '' AND state = 'Running'"
                         " GROUP BY run_id HAVING count(*) > 1)")
                     .toInt(),
                 0);
        QCOMPARE(w.count("state IN ('Pending', 'Running', 'Cancelling')"), 0);
        QVERIFY(!outputs.contains("database is locked"));

        const qint64 lastUp = gaps.last().up;
        for (const QString &policy : policies) {
            const qint64 id = scheduleId(policy);
            QList<qint64> fires;
            for (const QVariantList &row : w.rows(QStringLiteral("SELECT fire_ms FROM flow_runs WHERE schedule_id = %1"
                                                                 " AND fire_ms <= %2 ORDER BY fire_ms")
                                                      .arg(id)
                                                      .arg(lastUp)))
                fires << row[0].toLongLong();
            QVERIFY(fires.size() > 2);
            // Every missing time lies in a gap; 'all' keeps every one of them (its cap is 100).
            int missing = 0;
            for (int i = 1; i < fires.size(); ++i) {
                for (qint64 t = fires[i - 1] + 1000; t < fires[i]; t += 1000) {
                    ++missing;
                    const bool inAGap = std::any_of(gaps.begin(), gaps.end(), [&](const Gap &g) {
                        return t > g.lastClaimed.value(policy) && t <= g.up;
                    });
                    QVERIFY2(policy != "all" && inAGap,
                             qPrintable(QStringLiteral("%1: fire time %2 has no run").arg(policy).arg(t)));
                }
            }
            // The policy's catch-up runs: none for skip, at most one per restart for latest.
            const int caughtUp = w.count(QStringLiteral("schedule_id = %1 AND origin = 'catch-up'").arg(id));
            if (policy == "skip") QCOMPARE(caughtUp, 0);
            if (policy == "latest") QVERIFY2(caughtUp <= cycles, qPrintable(QString::number(caughtUp)));
            qInfo("%s: %lld fire times up to the last restart, %d missing (in the gaps), %d run by catch-up",
                  qPrintable(policy), qint64(fires.size()), missing, caughtUp);
        }
        QCOMPARE(w.integrity(), QStringLiteral("ok"));
    }

    void fourProcessesShareOneDatabaseWithinEveryLimit() {
        Workspace w;
        const int seconds = envInt("FLOWDECK_FAULT_SECONDS", 30);
        w.write("flowdeck.yaml", "concurrency_limits:\n  db: 2\n");
        // Many short tasks, a third of them tagged db, in layers of five.
        QByteArray many = "runner:\n  max_parallel: 3\ntasks:\n";
        for (int i = 0; i < 40; ++i) {
            const QString name = (i % 3 == 0 ? QStringLiteral("db_%1") : QStringLiteral("t_%1")).arg(i);
            many += QStringLiteral("  %1:\n    kind: shell\n").arg(name).toUtf8();
            if (i % 3 == 0) many += "    tags: [db]\n";
            if (i >= 5) {
                const int up = i - 5;
                many += QStringLiteral("    after: [%1]\n").arg((up % 3 == 0 ? QStringLiteral("db_%1") : QStringLiteral("t_%1")).arg(up)).toUtf8();
            }
            many += QStringLiteral("    script: sleep 0.0%1\n").arg(5 + i % 5).toUtf8();
        }
        const QString manyFlow = w.flow("many", many);
        const QByteArray beat = "tasks:\n  db_a:\n    kind: shell\n    tags: [db]\n    script: sleep 0.2\n"
                                "  db_b:\n    kind: shell\n    tags: [db]\n    script: sleep 0.1\n"
                                "  tail:\n    kind: shell\n    after: [db_a, db_b]\n    script: true\n";
        const QByteArray train = "tasks:\n  db_t:\n    kind: shell\n    tags: [db]\n    script: sleep 0.5\n";
        QCOMPARE(w.run({"schedule", "add", "beat", "--flow", w.flow("beat", beat), "--interval", "1"}).exitCode, 0);
        QCOMPARE(w.run({"pool", "create", "gpu", "--concurrency", "1"}).exitCode, 0);
        QCOMPARE(w.run({"schedule", "add", "train", "--flow", w.flow("train", train), "--interval", "1", "--pool", "gpu"})
                     .exitCode,
                 0);
        const QHash<QString, int> taskCounts = {{"many", 40}, {"beat", 3}, {"train", 1}};

        Service serve(w, {"serve", "--grace", "60s"});
        Service worker(w, {"worker", "--pool", "gpu", "--grace", "60s"});
        QProcess runs[2];
        QString outputs;
        int manyRuns = 0;
        bool allExitedZero = true;
        for (QProcess &p : runs) w.start(p, {"run", manyFlow, "--quiet"});
        const qint64 deadline = nowMs() + seconds * 1000;
        // Each run starts again as soon as it ends, until the time is up.
        const bool ended = QTest::qWaitFor([&] {
            bool allDone = true;
            for (QProcess &p : runs) {
                if (p.state() != QProcess::NotRunning) {
                    allDone = false;
                    continue;
                }
                if (p.property("done").toBool()) continue;
                outputs += QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
                allExitedZero = allExitedZero && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
                ++manyRuns;
                if (nowMs() < deadline) {
                    w.start(p, {"run", manyFlow, "--quiet"});
                    allDone = false;
                } else {
                    p.setProperty("done", true);
                }
            }
            return allDone;
        }, seconds * 1000 + 180000);
        QVERIFY2(ended, "the runs did not end");
        QVERIFY2(allExitedZero, qPrintable(outputs));
        QCOMPARE(serve.terminate(), 0);
        QCOMPARE(worker.terminate(), 0);
        outputs += serve.output() + serve.errors + worker.output() + worker.errors + w.logs();

        QVERIFY2(!outputs.contains("database is locked", Qt::CaseInsensitive), qPrintable(outputs));
        QVERIFY2(!outputs.contains("database table is locked", Qt::CaseInsensitive), qPrintable(outputs));
        QCOMPARE(w.integrity(), QStringLiteral("ok"));
        QCOMPARE(w.count("flow_name = 'many'"), manyRuns);

        // Nothing lost: every run that started ended Completed with all its task runs, each
        // Completed, with its attempt and the events of its start and its end.
        QCOMPARE(w.count("start_ms > 0 AND state <> 'Completed'"), 0);
        for (const QVariantList &row : w.rows("SELECT id, flow_name FROM flow_runs WHERE start_ms > 0")) {
            const QString id = row[0].toString();
            const QString where = QStringLiteral("run_id = '%1'").arg(id);
            QCOMPARE(w.value("SELECT count(*) FROM task_runs WHERE " + where + " AND state = 'Completed'").toInt(),
                     taskCounts.value(row[1].toString()));
            QCOMPARE(w.value("SELECT count(*) FROM task_runs WHERE " + where).toInt(), taskCounts.value(row[1].toString()));
            QCOMPARE(w.value("SELECT count(DISTINCT task) FROM attempts WHERE " + where + " AND state = 'Completed'").toInt(),
                     taskCounts.value(row[1].toString()));
            for (const char *state : {"Running", "Completed"})
                QCOMPARE(w.value(QStringLiteral("SELECT count(DISTINCT task) FROM events WHERE %1 AND task <> '' AND state = '%2'")
                                     .arg(where, state))
                             .toInt(),
                         taskCounts.value(row[1].toString()));
        }
        const int scheduled = w.count("flow_name = 'beat' AND state = 'Completed'");
        const int trained = w.count("flow_name = 'train' AND state = 'Completed'");
        QVERIFY2(scheduled > 0 && trained > 0, qPrintable(outputs));

        // The limits, from the recorded intervals: tag db at most 2 across every process,
        // at most 3 tasks of one run at once, one run of pool gpu at a time.
        auto intervals = [&](const QString &sql) {
            QList<QPair<qint64, qint64>> list;
            for (const QVariantList &r : w.rows(sql)) list << qMakePair(r[0].toLongLong(), r[1].toLongLong());
            return list;
        };
        const auto tagged = intervals("SELECT start_ms, end_ms FROM attempts WHERE task LIKE 'db\\_%' ESCAPE '\\' AND start_ms > 0");
        const int mostTagged = mostAtOnce(tagged);
        QVERIFY2(mostTagged <= 2, qPrintable(QString::number(mostTagged)));
        int mostInARun = 0;
        for (const QVariantList &row : w.rows("SELECT id FROM flow_runs WHERE flow_name = 'many'"))
            mostInARun = std::max(mostInARun, mostAtOnce(intervals(
                QStringLiteral("SELECT start_ms, end_ms FROM attempts WHERE run_id = '%1'").arg(row[0].toString()))));
        QVERIFY2(mostInARun <= 3, qPrintable(QString::number(mostInARun)));
        const int mostInPool = mostAtOnce(intervals("SELECT start_ms, end_ms FROM flow_runs WHERE pool = 'gpu' AND start_ms > 0"));
        QCOMPARE(mostInPool, 1);
        qInfo("%d s: %d runs of 'many' (%d tasks each) by two processes, %d scheduled by serve, %d by the worker;"
              " %lld db-tagged task runs, at most %d at once (limit 2); at most %d tasks of a run at once (limit 3)",
              seconds, manyRuns, 40, scheduled, trained, qint64(tagged.size()), mostTagged, mostInARun);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "test_faults.moc"
