// flowdeck-cli run and runs end to end: real processes, a real database file, real signals.
#include "../common/CliProcess.h"
#include "../common/ProcessProbe.h"

#include <QtTest>

#include <csignal>

namespace {



using Result = CliResult;

/// A workspace folder with its own database, so tests never touch the user's.
class Workspace {
public:
    Workspace() {
        env = isolatedEnvironment(dir);
    }

    QString write(const QString &name, const QByteArray &text) const {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return file.fileName();
    }

    QString flow(const QString &name, const QByteArray &tasks) const {
        return write(name + ".flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: " + name.toUtf8() + "\n" + tasks);
    }

    void start(QProcess &p, const QStringList &args) const {
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir.path());
        p.start(cliPath(), args);
        QVERIFY(p.waitForStarted());
    }

    Result run(const QStringList &args, int timeoutMs = 120000) const {
        QProcess p;
        start(p, args);
        if (!p.waitForFinished(timeoutMs)) p.kill();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QJsonDocument json(const QStringList &args) const {
        const Result r = run(args);
        return QJsonDocument::fromJson(r.out.toUtf8());
    }

    QTemporaryDir dir;
    QProcessEnvironment env;
};

QString firstRunId(const Workspace &w) {
    return w.json({"runs", "list", "--json"}).array().at(0).toObject().value("id").toString();
}

QString appLog(const Workspace &w) {
    QFile file(w.dir.filePath("logs/flowdeck-cli.log"));
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

QJsonObject taskJson(const QJsonObject &run, const QString &task, int mapIndex = -1) {
    for (const QJsonValue &t : run["tasks"].toArray())
        if (t["task"].toString() == task && t["map_index"].toInt() == mapIndex) return t.toObject();
    return {};
}

// Four tasks; 'each' maps over three items, and item 2 fails.
const QByteArray mappedFlow = "tags: [nightly, etl]\n"
                              "parameters:\n  items:\n    type: list\n    default: [1, 2, 3]\n"
                              "tasks:\n  first:\n    kind: shell\n    script: echo first\n"
                              "  each:\n    kind: shell\n    after: [first]\n    map: items\n"
                              "    script: echo \"item $FLOWDECK_MAP_ITEM\"; test $FLOWDECK_MAP_ITEM != 2\n"
                              "  after_each:\n    kind: shell\n    after: [each]\n    script: echo after\n"
                              "  other:\n    kind: shell\n    script: echo other\n";

}  // namespace

class TestCliRun : public QObject {
    Q_OBJECT
private slots:
    void exitCodesFollowTheRunsState() {
        Workspace w;
        const Result ok = w.run({"run", w.flow("ok", "tasks:\n  a:\n    kind: shell\n    script: echo hi\n")});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY2(ok.out.contains("Completed"), qPrintable(ok.out + ok.err));
        const Result failed = w.run({"run", w.flow("bad", "tasks:\n  a:\n    kind: shell\n    script: exit 7\n")});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY(failed.out.contains("exited with status 7"));
        const Result invalid = w.run({"run", w.flow("broken", "tasks:\n  a:\n    kind: noop\n    after: [ghost]\n")});
        QCOMPARE(invalid.exitCode, 2);
        QVERIFY(invalid.err.contains("unknown task 'ghost'"));
        const Result badParam = w.run({"run", w.flow("p", "parameters:\n  n:\n    type: int\ntasks:\n  a:\n    kind: noop\n"),
                                       "--param", "n=abc"});
        QCOMPARE(badParam.exitCode, 2);
        QVERIFY(badParam.err.contains("parameter 'n' expects int, got 'abc'"));
    }

    void jsonOutputHasStatusTasksAndMetrics() {
        Workspace w;
        const QString flow = w.flow("j", "parameters:\n  who:\n    type: string\ntasks:\n  a:\n    kind: python\n    script: |\n"
                                         "      from flowdeck import params, set_result\n      set_result('hi ' + params['who'])\n");
        const Result r = w.run({"run", flow, "--param", "who=you", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc["status"].toObject()["state"].toString(), QStringLiteral("Completed"));
        QCOMPARE(doc["tasks"].toArray().at(0).toObject()["result"].toString(), QStringLiteral("hi you"));
        QCOMPARE(doc["metrics"].toObject()["total_tasks"].toInt(), 1);
    }

    void runsListShowLogsAndMetrics() {
        Workspace w;
        w.run({"run", w.flow("listed", "tasks:\n  say:\n    kind: shell\n    script: echo 'line one'; echo oops >&2\n")});
        const QString id = firstRunId(w);
        QVERIFY(!id.isEmpty());
        const Result list = w.run({"runs", "list"});
        QVERIFY(list.out.contains(id.left(8)) && list.out.contains("listed"));
        QVERIFY(w.run({"runs", "list", "--state", "Failed"}).out.contains("no runs"));
        const Result show = w.run({"runs", "show", id.left(8)});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("say"));
        const Result logs = w.run({"runs", "logs", id.left(8)});
        QVERIFY(logs.out.contains("line one"));
        QVERIFY(logs.out.contains("oops"));
        QVERIFY(!w.run({"runs", "logs", id, "--level", "warning"}).out.contains("line one"));
        QCOMPARE(w.json({"runs", "metrics", id, "--json"}).object()["completed_tasks"].toInt(), 1);
        QCOMPARE(w.run({"runs", "show", "zzzzzzzz"}).exitCode, 1);
        QCOMPARE(w.run({"runs", "frobnicate"}).exitCode, 2);
    }

    void runsShowListsTheAttemptsOfRetriedAndFailedTasks() {
        Workspace w;
        const QString marker = w.dir.filePath("tried");
        const QString flow = w.flow("flaky", QStringLiteral(
            "tasks:\n  flaky:\n    kind: shell\n    retries: 1\n    retry_delay: 0s\n"
            "    script: test -e %1 || { touch %1; exit 3; }\n"
            "  solid:\n    kind: shell\n    script: echo solid\n"
            "  broken:\n    kind: shell\n    script: exit 5\n").arg(marker).toUtf8());
        QCOMPARE(w.run({"run", flow, "--quiet"}).exitCode, 1);
        const QString id = firstRunId(w);

        const QStringList lines = w.run({"runs", "show", id}).out.split('\n');
        const auto row = [&](const QString &task) {
            for (int i = 0; i < lines.size(); ++i)
                if (lines[i].startsWith("  " + task + " ")) return i;
            return -1;
        };
        const int flaky = row("flaky");
        QVERIFY2(flaky >= 0, qPrintable(lines.join('\n')));
        QVERIFY2(lines[flaky + 1].startsWith("      attempt 1  Failed") && lines[flaky + 1].contains("exit 3"),
                 qPrintable(lines.join('\n')));
        QVERIFY(lines[flaky + 2].startsWith("      attempt 2  Completed") && lines[flaky + 2].contains("exit 0"));
        QVERIFY(lines[flaky + 2].contains(QRegularExpression("peak \\d+\\.\\d MB")));
        const int broken = row("broken");
        QVERIFY(lines[broken + 1].startsWith("      attempt 1  Failed") && lines[broken + 1].contains("exit 5"));
        QVERIFY(!lines[row("solid") + 1].contains("attempt"));  // one attempt that worked: nothing to add

        const QJsonObject doc = w.json({"runs", "show", id, "--json"}).object();
        const QJsonArray attempts = taskJson(doc, "flaky")["attempts"].toArray();
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts[0]["attempt"].toInt(), 1);
        QCOMPARE(attempts[0]["state"].toString(), QStringLiteral("Failed"));
        QCOMPARE(attempts[0]["exit_code"].toInt(), 3);
        QCOMPARE(attempts[1]["exit_code"].toInt(), 0);
        QVERIFY(attempts[1]["peak_memory_mb"].toDouble() > 0);
        QVERIFY(attempts[1]["cpu_seconds"].isDouble());
        QVERIFY(attempts[1]["end_time"].toString().endsWith('Z'));
        QCOMPARE(taskJson(doc, "flaky")["attempt_count"].toInt(), 2);
        QCOMPARE(taskJson(doc, "solid")["attempts"].toArray().size(), 1);
    }

    void theSummaryShowsFailuresFirstThenAScreenfulInFlowOrder() {
        Workspace w;
        // Written out of name order: t10 comes before t9 in the file and in the summary, and
        // 'last' (downstream of all) after everything, although it sorts before 't' by name.
        QByteArray tasks = "tasks:\n  root:\n    kind: noop\n  last:\n    kind: noop\n    after: [t10, broken]\n";
        for (int i = 10; i >= 0; --i) tasks += QStringLiteral("  t%1:\n    kind: noop\n    after: [root]\n").arg(i).toUtf8();
        for (int i = 11; i < 30; ++i) tasks += QStringLiteral("  t%1:\n    kind: noop\n").arg(i).toUtf8();
        tasks += "  broken:\n    kind: shell\n    script: exit 3\n    retries: 1\n    retry_delay: 0s\n";
        const QString flow = w.flow("many", tasks);
        const Result r = w.run({"run", flow});
        QCOMPARE(r.exitCode, 1);
        const QStringList rows = r.out.split('\n').filter(QRegularExpression("^  \\S"));
        // The header, then at most 20 task rows, the failed one first.
        QCOMPARE(rows.size(), 21);
        QVERIFY2(rows.at(1).startsWith("  broken"), qPrintable(r.out));
        QVERIFY2(rows.at(2).startsWith("  root"), qPrintable(r.out));
        QVERIFY2(rows.at(3).startsWith("  t10"), qPrintable(r.out));
        QVERIFY2(rows.at(4).startsWith("  t9 "), qPrintable(r.out));
        QVERIFY2(r.out.contains("Tasks: 33 total, 31 completed, 1 failed"), qPrintable(r.out));
        QVERIFY2(r.out.contains("... and 13 more task runs: 12 Completed, 1 Skipped (all of them: --all)"),
                 qPrintable(r.out));
        // --all: every task, in flow order after the failure; 'last' after its upstreams.
        const Result all = w.run({"runs", "show", firstRunId(w), "--all"});
        QCOMPARE(all.exitCode, 0);
        const QStringList allRows = all.out.split('\n').filter(QRegularExpression("^  \\S"));
        QCOMPARE(allRows.size(), 34);
        QVERIFY(!all.out.contains("more task runs"));
        QVERIFY2(allRows.indexOf(QRegularExpression("^  last .*")) > allRows.indexOf(QRegularExpression("^  t0 .*")),
                 qPrintable(all.out));
        // JSON lists every task, in the same order.
        const QJsonArray json = w.json({"runs", "show", firstRunId(w), "--json"}).object()["tasks"].toArray();
        QCOMPARE(json.size(), 33);
        QCOMPARE(json.at(0)["task"].toString(), QStringLiteral("root"));
        QCOMPARE(json.at(1)["task"].toString(), QStringLiteral("t10"));
    }

    void runsLogsJsonPrintsOneObjectPerLine() {
        Workspace w;
        QCOMPARE(w.run({"run", w.flow("mapped", mappedFlow), "--quiet"}).exitCode, 1);
        const Result r = w.run({"runs", "logs", firstRunId(w), "--json"});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 5);
        const QRegularExpression utcMs("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$");
        qint64 lastId = 0;
        bool sawItem = false;
        for (const QString &line : lines) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8(), &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
            QVERIFY(o["id"].toInteger() > lastId);
            lastId = o["id"].toInteger();
            QVERIFY2(utcMs.match(o["time"].toString()).hasMatch(), qPrintable(line));
            for (const char *key : {"task", "attempt", "level", "stream", "message"}) QVERIFY2(o.contains(key), key);
            if (o["message"].toString() == "item 3") {
                sawItem = true;
                QCOMPARE(o["task"].toString(), QStringLiteral("each"));
                QCOMPARE(o["map_index"].toInt(), 2);
                QCOMPARE(o["stream"].toString(), QStringLiteral("stdout"));
                QCOMPARE(o["level"].toString(), QStringLiteral("info"));
                QCOMPARE(o["attempt"].toInt(), 1);
            }
            if (o["message"].toString() == "first") QVERIFY(!o.contains("map_index"));  // not mapped
        }
        QVERIFY(sawItem);
    }

    void statusAndMetricsCountEachTaskOfTheFlowOnce() {
        Workspace w;
        QCOMPARE(w.run({"run", w.flow("mapped", mappedFlow), "--quiet", "--param", "items=[1, 2, 3]"}).exitCode, 1);
        const QString id = firstRunId(w);
        const QJsonObject doc = w.json({"runs", "show", id, "--json"}).object();
        const QJsonObject status = doc["status"].toObject();
        QCOMPARE(status["task_count"].toInt(), 4);  // not 6: the mapped task once, not its items
        QCOMPARE(status["completed_tasks"].toInt(), 2);
        QCOMPARE(status["failed_tasks"].toInt(), 1);  // the failed item is the mapped task's failure
        QCOMPARE(status["parameters"].toObject()["items"].toArray(), (QJsonArray{1, 2, 3}));
        QCOMPARE(status["tags"].toArray(), (QJsonArray{"nightly", "etl"}));
        const QJsonObject metrics = w.json({"runs", "metrics", id, "--json"}).object();
        QCOMPARE(metrics["flow_name"].toString(), QStringLiteral("mapped"));
        QCOMPARE(metrics["run_id"].toString(), id);
        QCOMPARE(metrics["total_tasks"].toInt(), 4);
        QCOMPARE(metrics["failed_tasks"].toInt(), 1);
        QCOMPARE(metrics["skipped_tasks"].toInt(), 1);
        QVERIFY(w.run({"runs", "show", id}).out.contains("Tasks: 4 total, 2 completed, 1 failed"));
    }

    void aRelativeDatabaseFolderIsMadeWhenMissing() {
        Workspace w;
        w.env.remove("FLOWDECK_DB");
        w.write("flowdeck.yaml", "settings:\n  database: state/runs.db\n");
        const Result r = w.run({"run", w.flow("ok", "tasks:\n  a:\n    kind: noop\n")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(QFileInfo(w.dir.filePath("state/runs.db")).isFile());

        // A file where the folder should be: one clear message.
        w.write("blocker", "");
        w.write("flowdeck.yaml", "settings:\n  database: blocker/state/runs.db\n");
        const Result blocked = w.run({"runs", "list"});
        QCOMPARE(blocked.exitCode, 1);
        QCOMPARE(blocked.err.count("cannot open the run database"), 1);
        QVERIFY2(blocked.err.contains("cannot create the folder " + w.dir.filePath("blocker/state")), qPrintable(blocked.err));
    }

    void theAppLogTellsWhatFlowdeckDid() {
        Workspace w;
        const Result r = w.run({"run", w.flow("logged", "tasks:\n  a:\n    kind: shell\n    script: echo task-output-line\n")});
        QCOMPARE(r.exitCode, 0);
        const QString id = firstRunId(w);
        QVERIFY(w.run({"runs", "prune", "--older-than", "5"}).out.contains("removed 0 runs"));
        const QString log = appLog(w);
        QVERIFY2(log.contains(QStringLiteral("run store: opened %1 (schema version 6; applied migrations 1, 2, 3, 4, 5, 6)")
                                  .arg(w.dir.filePath("runs.db"))),
                 qPrintable(log));
        QVERIFY(log.contains("(schema version 6; no migrations needed)"));  // the later commands
        QVERIFY(log.contains(QStringLiteral("info: run %1 of flow logged started").arg(id)));
        QVERIFY(log.contains(QRegularExpression(QStringLiteral("info: run %1 of flow logged ended Completed after \\d+\\.\\d{3} s").arg(id))));
        QVERIFY(log.contains("info: runs prune: removed 0 runs and 0 run folders older than 5 days"));
        QVERIFY(!log.contains("task-output-line"));  // task output goes to the run store only
    }

    void concurrencyLimitsFollowTheWorkspaceFile() {
        Workspace w;
        w.write("flowdeck.yaml", "concurrency_limits:\n  db: 1\n");
        QCOMPARE(w.run({"run", w.flow("warmup", "tasks:\n  a:\n    kind: noop\n    tags: [db]\n")}).exitCode, 0);
        // The limit is gone from the file: two `db` tasks now run side by side.
        w.write("flowdeck.yaml", "settings:\n  max_parallel: 2\n");
        // 'one' waits (up to 30 s) for 'two' to have started: it can only succeed if both run at
        // once, without depending on how quickly a loaded machine starts them.
        const QString marker = w.dir.filePath("two-started");
        const QString flow = w.flow(
            "pair", QStringLiteral("tasks:\n  one:\n    kind: shell\n    tags: [db]\n    script: |\n"
                                   "      for i in $(seq 300); do [ -e %1 ] && exit 0; sleep 0.1; done; exit 1\n"
                                   "  two:\n    kind: shell\n    tags: [db]\n    script: |\n"
                                   "      touch %1; sleep 0.5\n")
                        .arg(marker)
                        .toUtf8());
        QCOMPARE(w.run({"run", flow}).exitCode, 0);
        QVERIFY(appLog(w).contains("concurrency limits set: none; removed: db"));
    }

    void smallCommandsSayWhatTheyDid() {
        Workspace w;
        // Pruning with retention off is not an error of a flag that was never given.
        const Result prune = w.run({"runs", "prune", "--retention-days", "0"});
        QCOMPARE(prune.exitCode, 0);
        QVERIFY2(prune.out.contains("retention is off") && !prune.err.contains("--older-than"), qPrintable(prune.out + prune.err));
        QCOMPARE(w.run({"runs", "prune", "--older-than", "0"}).exitCode, 2);  // given, and wrong

        // A database folder that cannot exist: free space of the nearest folder that does.
        w.write("blocker", "");
        const Result health = w.run({"health", "--db", w.dir.filePath("blocker/sub/runs.db")});
        QCOMPARE(health.exitCode, 1);
        const QString disk = health.out.split('\n').filter("disk").value(0);
        QVERIFY2(!disk.contains("-0.0") && disk.contains("GB free at " + w.dir.path()), qPrintable(health.out));

        // A parameter given twice is refused rather than silently taking the last value.
        const QString flow = w.flow("p", "parameters:\n  n:\n    type: int\ntasks:\n  a:\n    kind: noop\n");
        const Result twice = w.run({"run", flow, "--param", "n=1", "--param", "n=2"});
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.err.contains("--param 'n' is given more than once"), qPrintable(twice.err));
        QVERIFY(w.run({"runs", "list"}).out.contains("no runs"));  // nothing ran
    }

    void ctrlCCancelsTheRunAndKillsItsTasks() {
        Workspace w;
        const QString pidFile = w.dir.filePath("pid");
        QProcess p;
        w.start(p, {"run", w.flow("long", QStringLiteral("tasks:\n  wait:\n    kind: shell\n    script: echo $$ > %1; sleep 60\n")
                                              .arg(pidFile).toUtf8())});
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 10000);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 130, qPrintable(QStringLiteral("exit %1: %2%3").arg(p.exitCode())
                                                    .arg(QString::fromUtf8(p.readAllStandardOutput()),
                                                         QString::fromUtf8(p.readAllStandardError()))));
        QFile file(pidFile);
        file.open(QIODevice::ReadOnly);
        QVERIFY(!processAlive(file.readAll().trimmed().toLongLong()));  // the task is gone
        QCOMPARE(w.json({"runs", "list", "--json"}).array().at(0).toObject()["state"].toString(), QStringLiteral("Cancelled"));
    }

    void aKilledRunIsFoundCrashedAndRetriedFromThePointOfFailure() {
        Workspace w;
        const QString marker = w.dir.filePath("first-ran");
        const QString gate = w.dir.filePath("gate");
        const QString flow = w.flow("crashy", QStringLiteral("tasks:\n  first:\n    kind: shell\n"
                                                              "    script: echo 1 > \"$FLOWDECK_RESULT\"; touch %1\n"
                                                              "  second:\n    kind: shell\n    after: [first]\n"
                                                              "    script: test -e %2 || sleep 60\n")
                                                  .arg(marker, gate).toUtf8());
        QProcess p;
        w.start(p, {"run", flow});
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(marker), 10000);
        // Killed once 'first' is committed as Completed and 'second' runs, however slow the machine.
        auto committed = [&] {
            const QJsonArray runs = w.json({"runs", "list", "--json"}).array();
            if (runs.isEmpty()) return false;
            QMap<QString, QString> states;
            for (const QJsonValue &t : w.json({"runs", "show", runs.at(0)["id"].toString(), "--json"})["tasks"].toArray())
                states.insert(t["task"].toString(), t["state"].toString());
            return states.value("first") == "Completed" && states.value("second") == "Running";
        };
        QTRY_VERIFY_WITH_TIMEOUT(committed(), 20000);
        const qint64 pid = p.processId();
        ::kill(pid_t(pid), SIGKILL);
        p.waitForFinished(5000);

        // The next start of any command finds the dead run and marks it Crashed.
        const QJsonObject crashed = w.json({"runs", "list", "--json"}).array().at(0).toObject();
        QCOMPARE(crashed["state"].toString(), QStringLiteral("Crashed"));
        QVERIFY2(appLog(w).contains(QStringLiteral("run store: marked run %1 Crashed: the process running it (pid %2) died")
                                        .arg(crashed["id"].toString())
                                        .arg(pid)),
                 qPrintable(appLog(w)));
        QFile::remove(marker);
        w.write("gate", "open");
        const Result retry = w.run({"runs", "retry", crashed["id"].toString(), "--json"});
        QVERIFY2(retry.exitCode == 0, qPrintable(retry.out + retry.err));
        QVERIFY(!QFileInfo::exists(marker));  // 'first' was not run again: its result was reused
        const QJsonObject doc = QJsonDocument::fromJson(retry.out.toUtf8()).object();
        QCOMPARE(doc["run"].toObject()["retry_of"].toString(), crashed["id"].toString());
    }

    void retryOfAFailedRunReusesCompletedTasks() {
        Workspace w;
        const QString gate = w.dir.filePath("gate");
        const QString flow = w.flow("gated", QStringLiteral("tasks:\n  prepare:\n    kind: shell\n    script: echo prepared\n"
                                                             "  check:\n    kind: shell\n    after: [prepare]\n    script: test -e %1\n")
                                                 .arg(gate).toUtf8());
        QCOMPARE(w.run({"run", flow}).exitCode, 1);
        const QString failed = firstRunId(w);
        w.write("gate", "open");
        const Result retry = w.run({"runs", "retry", failed.left(8), "--json"});
        QCOMPARE(retry.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(retry.out.toUtf8()).object();
        QCOMPARE(doc["run"].toObject()["retry_of"].toString(), failed);
        QHash<QString, QString> states;
        for (const QJsonValue &t : doc["tasks"].toArray()) states.insert(t["task"].toString(), t["state"].toString());
        QCOMPARE(states.value("prepare"), QStringLiteral("Cached"));
        QCOMPARE(states.value("check"), QStringLiteral("Completed"));
        QCOMPARE(w.run({"runs", "retry", doc["run"].toObject()["id"].toString()}).exitCode, 1);  // Completed: refused
    }

    void concurrencyLimitsHoldAcrossTwoProcesses() {
        Workspace w;
        w.write("flowdeck.yaml", "concurrency_limits:\n  db: 1\n");
        const QString log = w.dir.filePath("intervals");
        const QByteArray tasks = QStringLiteral("tasks:\n  use_db:\n    kind: shell\n    tags: [db]\n    script: |\n"
                                                "      echo \"start $(date +%s%N)\" >> %1\n      sleep 0.5\n"
                                                "      echo \"end $(date +%s%N)\" >> %1\n").arg(log).toUtf8();
        const QString a = w.flow("a", tasks);
        const QString b = w.flow("b", tasks);
        QProcess pa, pb;
        w.start(pa, {"run", a});
        w.start(pb, {"run", b});
        QVERIFY(pa.waitForFinished(30000) && pb.waitForFinished(30000));
        QCOMPARE(pa.exitCode(), 0);
        QCOMPARE(pb.exitCode(), 0);
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        // With one slot the intervals never overlap: start, end, start, end.
        QVERIFY(lines[0].startsWith("start") && lines[1].startsWith("end"));
        QVERIFY(lines[2].startsWith("start") && lines[3].startsWith("end"));
        // And the second starts after the first ends, woken by the release rather than a timer
        // (nothing polls slots); the loose bound only tolerates a loaded machine.
        const qint64 gapMs = (lines[2].split(' ')[1].toLongLong() - lines[1].split(' ')[1].toLongLong()) / 1000000;
        qInfo("slot freed in one process -> task started in the other: %lld ms", gapMs);
        QVERIFY2(gapMs >= 0 && gapMs < 5000, qPrintable(QString::number(gapMs)));
    }

    void cacheListAndClear() {
        Workspace w;
        const QString flow = w.flow("cached", "tasks:\n  c:\n    kind: shell\n    cache: {}\n    script: echo 5 > \"$FLOWDECK_RESULT\"\n");
        w.run({"run", flow});
        QCOMPARE(w.json({"cache", "list", "--json"}).array().size(), 1);
        QVERIFY(w.run({"cache", "clear"}).out.contains("removed 1"));
        QCOMPARE(w.json({"cache", "list", "--json"}).array().size(), 0);
    }

    void configShowNamesWhereValuesComeFrom() {
        Workspace w;
        w.write("flowdeck.yaml", "settings:\n  max_parallel: 3\n");
        const Result r = w.run({"config", "show", "--workspace", w.dir.path()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("flowdeck.yaml:2:"), qPrintable(r.out));
        QVERIFY(r.out.contains("environment FLOWDECK_DB"));
        w.write("flowdeck.yaml", "settings:\n  max_paralel: 3\n");
        const Result bad = w.run({"config", "show", "--workspace", w.dir.path()});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("did you mean 'max_parallel'"));
    }

    void healthChecksTheDatabaseAndInterpreters() {
        Workspace w;
        const Result r = w.run({"health"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("database") && r.out.contains("python"));
    }

    void everyExampleFlowRunsToCompleted_data() {
        QTest::addColumn<QString>("path");
        const QDir examples(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples"));
        for (const QString &name : examples.entryList({"*.flow.yaml"}, QDir::Files))
            QTest::newRow(qPrintable(name)) << examples.filePath(name);
    }
    void everyExampleFlowRunsToCompleted() {
        QFETCH(QString, path);
        Workspace w;
        w.env.insert("FLOWDECK_SECRET_DEPLOY_TOKEN", "example-deploy-token");  // ci-cd-pipeline's secret
        const Result r = w.run({"run", path, "--workspace", QStringLiteral(FLOWDECK_SOURCE_DIR "/examples")}, 300000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "test_cli_run.moc"
