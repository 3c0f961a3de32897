// flowdeck-cli's run actions end to end, as the GUI's run side will use them through the same
// core: run from here, run selection, retry, rerun, approval and resume, traces (the OTLP JSON
// checked against the OpenTelemetry protos by node), log search, the runs list's filters and
// pages, delete. Real processes and a real database file.
#include "../common/CliProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

class Workspace {
public:
    Workspace() { env = isolatedEnvironment(dir); }

    QString flow(const QString &name, const QByteArray &tasks) const {
        QFile file(dir.filePath(name + ".flow.yaml"));
        file.open(QIODevice::WriteOnly);
        file.write("apiVersion: flowdeck/v1\nkind: Flow\nname: " + name.toUtf8() + "\n" + tasks);
        return file.fileName();
    }

    void start(QProcess &p, const QStringList &args) const {
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir.path());
        p.start(cliPath(), args);
    }

    CliResult run(const QStringList &args) const {
        QProcess p;
        start(p, args);
        if (!p.waitForFinished(180000)) p.kill();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QJsonObject json(const QStringList &args) const {
        return QJsonDocument::fromJson(run(args).out.toUtf8()).object();
    }
    QJsonArray list(const QStringList &args = {}) const {
        return QJsonDocument::fromJson(run(QStringList{"runs", "list", "--json"} + args).out.toUtf8()).array();
    }

    QTemporaryDir dir;
    QProcessEnvironment env;
};

QString newestRun(const Workspace &w) { return w.list().at(0).toObject().value("id").toString(); }

/// Task name -> state of a run, from `runs show --json`.
QHash<QString, QString> states(const Workspace &w, const QString &run) {
    QHash<QString, QString> states;
    for (const QJsonValue &t : w.json({"runs", "show", run, "--json"})["tasks"].toArray())
        if (t["map_index"].toInt(-1) < 0) states.insert(t["task"].toString(), t["state"].toString());
    return states;
}

const QByteArray pipeline =
    "parameters:\n  day:\n    type: string\n    default: monday\n"
    "tasks:\n"
    "  extract:\n    kind: shell\n    script: echo \"extract $FLOWDECK_PARAM_DAY\"; echo 5 > \"$FLOWDECK_RESULT\"\n"
    "  transform:\n    kind: shell\n    after: [extract]\n    script: echo transform; test ! -e broken\n"
    "  load:\n    kind: shell\n    after: [transform]\n    script: echo load\n"
    "  report:\n    kind: shell\n    after: [extract]\n    script: echo report\n";

}  // namespace

class TestCliRunActions : public QObject {
    Q_OBJECT
private slots:
    void runFromHereReusesTheLastRunAndRunsTheRest() {
        Workspace w;
        const QString flow = w.flow("pipeline", pipeline);
        QCOMPARE(w.run({"run", flow, "--quiet", "--param", "day=friday"}).exitCode, 0);
        const QString first = newestRun(w);
        const CliResult fromHere = w.run({"run", flow, "--from", "transform", "--json"});
        QCOMPARE(fromHere.exitCode, 0);
        const QString second = newestRun(w);
        const QHash<QString, QString> s = states(w, second);
        QCOMPARE(s.value("extract"), QStringLiteral("Cached"));
        QCOMPARE(s.value("transform"), QStringLiteral("Completed"));
        QCOMPARE(s.value("load"), QStringLiteral("Completed"));
        QCOMPARE(s.value("report"), QStringLiteral("Skipped"));
        const QJsonObject run = w.json({"runs", "show", second, "--json"})["run"].toObject();
        QCOMPARE(run["retry_of"].toString(), first);
        QCOMPARE(run["trigger"].toString(), QStringLiteral("manual"));
        QCOMPARE(run["parameters"].toObject()["day"].toString(), QStringLiteral("friday"));  // the last run's
    }

    void aSelectionRunsWhatItNeedsWhereTheRunItReusesHasNothing() {
        Workspace w;
        const QString flow = w.flow("pipeline", pipeline);
        QFile(w.dir.filePath("broken")).open(QIODevice::WriteOnly);
        QCOMPARE(w.run({"run", flow, "--quiet"}).exitCode, 1);  // transform fails
        const QString failed = newestRun(w);
        QFile::remove(w.dir.filePath("broken"));
        QCOMPARE(w.run({"run", flow, "--quiet", "--only", "load", "--reuse", failed.left(8), "--param", "day=sunday"})
                     .exitCode,
                 0);
        const QString selected = newestRun(w);
        const QHash<QString, QString> s = states(w, selected);
        QCOMPARE(s.value("extract"), QStringLiteral("Cached"));
        QCOMPARE(s.value("transform"), QStringLiteral("Completed"));
        QCOMPARE(s.value("report"), QStringLiteral("Skipped"));
        QCOMPARE(w.json({"runs", "show", selected, "--json"})["run"].toObject()["parameters"].toObject()["day"].toString(),
                 QStringLiteral("sunday"));  // --param wins over the reused run's value

        const CliResult typo = w.run({"run", flow, "--from", "transfrom"});
        QCOMPARE(typo.exitCode, 2);
        QVERIFY2(typo.err.contains("unknown task 'transfrom' in the selection (did you mean 'transform'?)"), qPrintable(typo.err));
        const CliResult both = w.run({"run", flow, "--from", "load", "--only", "load"});
        QCOMPARE(both.exitCode, 2);
        QVERIFY(both.err.contains("--from and --only do not go together"));
        const CliResult lone = w.run({"run", flow, "--reuse", failed});
        QCOMPARE(lone.exitCode, 2);
        QVERIFY(lone.err.contains("--reuse goes with --from or --only"));
    }

    void retryAndRerunTakeTheRunsParameters() {
        Workspace w;
        const QString flow = w.flow("pipeline", pipeline);
        QFile(w.dir.filePath("broken")).open(QIODevice::WriteOnly);
        QCOMPARE(w.run({"run", flow, "--quiet", "--param", "day=tuesday"}).exitCode, 1);
        const QString failed = newestRun(w);
        QFile::remove(w.dir.filePath("broken"));
        QCOMPARE(w.run({"runs", "retry", failed, "--quiet"}).exitCode, 0);
        const QString retried = newestRun(w);
        QCOMPARE(states(w, retried).value("extract"), QStringLiteral("Cached"));
        QCOMPARE(w.json({"runs", "show", retried, "--json"})["run"].toObject()["trigger"].toString(), QStringLiteral("retry"));
        QCOMPARE(w.run({"runs", "retry", retried}).exitCode, 1);  // a Completed run is not retried

        QCOMPARE(w.run({"runs", "rerun", failed, "--quiet"}).exitCode, 0);
        const QString rerun = newestRun(w);
        const QJsonObject shown = w.json({"runs", "show", rerun, "--json"});
        QCOMPARE(shown["run"].toObject()["parameters"].toObject()["day"].toString(), QStringLiteral("tuesday"));
        QCOMPARE(shown["run"].toObject()["retry_of"].toString(), QString());
        QCOMPARE(states(w, rerun).value("extract"), QStringLiteral("Completed"));  // fresh, not reused
        QCOMPARE(w.run({"runs", "rerun", failed, "--quiet", "--param", "day=monday"}).exitCode, 0);
        QCOMPARE(w.json({"runs", "show", newestRun(w), "--json"})["run"].toObject()["parameters"].toObject()["day"].toString(),
                 QStringLiteral("monday"));
    }

    void anApprovalWaitsUntilItIsResumedFromAnotherProcess() {
        Workspace w;
        const QString flow = w.flow(
            "release",
            "tasks:\n  build:\n    kind: shell\n    script: echo built\n"
            "  approve:\n    kind: approval\n    after: [build]\n    inputs:\n"
            "      reviewer:\n        type: string\n      copies:\n        type: int\n        default: 1\n        max: 3\n"
            "  ship:\n    kind: shell\n    after: [approve]\n    script: echo \"shipping for $FLOWDECK_UPSTREAM_APPROVE\"\n");
        QProcess running;
        w.start(running, {"run", flow, "--quiet"});
        QVERIFY(running.waitForStarted());
        QString id;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray runs = w.list();
                if (runs.isEmpty() || runs.at(0)["state"].toString() != QLatin1String("Paused")) return false;
                id = runs.at(0)["id"].toString();
                return true;
            }(),
            120000);
        const CliResult bad = w.run({"runs", "resume", id, "--input", "copies=7"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("input 'reviewer' (string) is required"), qPrintable(bad.err));
        QVERIFY(bad.err.contains("input 'copies': 7 is above the maximum 3"));
        const CliResult resumed = w.run({"runs", "resume", id.left(8), "--input", "reviewer=ana", "--input", "copies=2"});
        QCOMPARE(resumed.exitCode, 0);
        QVERIFY2(resumed.out.contains("approved task approve of run"), qPrintable(resumed.out));
        QVERIFY(running.waitForFinished(120000));
        QCOMPARE(running.exitCode(), 0);
        QCOMPARE(states(w, id).value("ship"), QStringLiteral("Completed"));
        const CliResult logs = w.run({"runs", "logs", id, "--task", "ship"});
        QVERIFY2(logs.out.contains("shipping for {\"copies\":2,\"reviewer\":\"ana\"}"), qPrintable(logs.out));
        const CliResult again = w.run({"runs", "resume", id});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("is Completed: only a Paused run waiting for an approval can be resumed"));
    }

    void traceWritesPerfettosAndOpenTelemetrysFormats() {
        Workspace w;
        const QString flow = w.flow(
            "traced", "tasks:\n  a:\n    kind: shell\n    script: sleep 0.2\n"
                      "  b:\n    kind: shell\n    retries: 1\n    script: test -e \"$FLOWDECK_RUN_DIR/again\" || "
                      "{ touch \"$FLOWDECK_RUN_DIR/again\"; exit 4; }\n"
                      "  c:\n    kind: shell\n    after: [a, b]\n    script: echo done\n");
        QCOMPARE(w.run({"run", flow, "--quiet"}).exitCode, 0);
        const QString id = newestRun(w);
        const QString chromeFile = w.dir.filePath("trace.json");
        const CliResult written = w.run({"runs", "trace", id, "--output", chromeFile});
        QCOMPARE(written.exitCode, 0);
        QFile chromeIn(chromeFile);
        QVERIFY(chromeIn.open(QIODevice::ReadOnly));
        const QJsonArray events = QJsonDocument::fromJson(chromeIn.readAll()).object()["traceEvents"].toArray();
        int slices = 0;
        for (const QJsonValue &e : events) {
            if (e["ph"] != QLatin1String("X") || e["tid"].toInt() == 0) continue;  // row 0 is the run's
            ++slices;
            QVERIFY(e["ts"].isDouble() && e["dur"].toDouble() >= 0 && e["pid"].isDouble() && e["tid"].toInt() > 0);
        }
        QCOMPARE(slices, 4);  // a, c, and b's two attempts

        const QString otlpFile = w.dir.filePath("trace.otlp.json");
        QCOMPARE(w.run({"runs", "trace", id, "--format", "otlp", "--output", otlpFile}).exitCode, 0);
        QFile otlpIn(otlpFile);
        QVERIFY(otlpIn.open(QIODevice::ReadOnly));
        const QJsonObject otlp = QJsonDocument::fromJson(otlpIn.readAll()).object();
        const QJsonArray spans = otlp["resourceSpans"][0]["scopeSpans"][0]["spans"].toArray();
        QCOMPARE(spans.size(), 5);  // the run, and one span per attempt
        QString id32 = id;
        id32.remove('-');
        for (const QJsonValue &span : spans) QCOMPARE(span["traceId"].toString(), id32);
        int failedAttempts = 0;
        for (const QJsonValue &span : spans) {
            QJsonObject attributes;
            for (const QJsonValue &a : span["attributes"].toArray()) attributes.insert(a["key"].toString(), a["value"]);
            const auto valueOf = [&attributes](const char *key, const char *kind) {
                return attributes.value(QLatin1String(key)).toObject().value(QLatin1String(kind));
            };
            if (valueOf("flowdeck.state", "stringValue") == QLatin1String("Failed")) {
                ++failedAttempts;
                QCOMPARE(span["status"]["code"].toInt(), 2);
                QCOMPARE(valueOf("process.exit.code", "intValue").toString(), QStringLiteral("4"));
            }
        }
        QCOMPARE(failedAttempts, 1);

        // The real protos' JSON mapping, checked by protobufjs (tests/otlp).
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("NODE_PATH", QStringLiteral(FLOWDECK_BINARY_DIR "/tests/otlp/node_modules"));
        node.setProcessEnvironment(env);
        node.start("node", {QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/otlp/validate-otlp.js"), otlpFile});
        QVERIFY2(node.waitForFinished(120000), "node did not finish");
        const QString said = QString::fromUtf8(node.readAllStandardOutput() + node.readAllStandardError());
        QVERIFY2(node.exitCode() == 0, qPrintable(said));
        QVERIFY(said.contains("ok: 5 spans"));

        QCOMPARE(w.run({"runs", "trace", id, "--format", "svg"}).exitCode, 2);
    }

    void logSearchFindsALineWithItsContext() {
        Workspace w;
        const QString flow = w.flow("chatty", "tasks:\n  talk:\n    kind: shell\n    script: |\n"
                                              "      for i in $(seq 1 3000); do echo \"row $i copied\"; done\n"
                                              "      echo 'checksum mismatch in partition-7'\n"
                                              "      for i in $(seq 3001 3005); do echo \"row $i copied\"; done\n");
        QCOMPARE(w.run({"run", flow, "--quiet"}).exitCode, 0);
        const QString id = newestRun(w);
        const CliResult found = w.run({"runs", "logs", id, "--search", "mismatch partition-7", "--context", "1"});
        QCOMPARE(found.exitCode, 0);
        QVERIFY2(found.out.contains("--- line 3001"), qPrintable(found.out));
        QVERIFY(found.out.contains("row 3000 copied"));
        QVERIFY(found.out.contains("> 3001"));
        QVERIFY(found.out.contains("row 3001 copied"));
        QVERIFY(!found.out.contains("row 2999 copied"));
        const CliResult json = w.run({"runs", "logs", id, "--search", "checksum", "--json"});
        const QJsonObject hit = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(hit["hit"]["line"].toInt(), 3001);
        QCOMPARE(hit["before"].toArray().size(), 2);
        QCOMPARE(w.run({"runs", "logs", id, "--search", "nowhere"}).exitCode, 1);
    }

    void theRunsListFiltersSortsAndPages() {
        Workspace w;
        const QString ok = w.flow("good", "tasks:\n  a:\n    kind: noop\n");
        const QString bad = w.flow("bad", "tasks:\n  a:\n    kind: shell\n    script: exit 1\n");
        for (int i = 0; i < 3; ++i) QCOMPARE(w.run({"run", ok, "--quiet"}).exitCode, 0);
        QCOMPARE(w.run({"run", bad, "--quiet"}).exitCode, 1);
        QCOMPARE(w.list({"--flow", "good"}).size(), 3);
        QCOMPARE(w.list({"--state", "Failed"}).size(), 1);
        QCOMPARE(w.list({"--state", "Failed", "--state", "Completed"}).size(), 4);
        QCOMPARE(w.list({"--search", "bad"}).size(), 1);
        QCOMPARE(w.list({"--trigger", "manual"}).size(), 4);
        QCOMPARE(w.list({"--trigger", "schedule"}).size(), 0);
        QCOMPARE(w.list({"--sort", "flow", "--asc"}).at(0)["flow"].toString(), QStringLiteral("bad"));
        const CliResult page = w.run({"runs", "list", "--limit", "3"});
        QVERIFY2(page.out.contains("3 of 4 runs; the next page: --after "), qPrintable(page.out));
        const QString cursor = page.out.section("--after ", 1).trimmed();
        QCOMPARE(w.list({"--limit", "3", "--after", cursor}).size(), 1);
        QCOMPARE(w.run({"runs", "list", "--trigger", "cron"}).exitCode, 2);
        QCOMPARE(w.run({"runs", "list", "--sort", "size"}).exitCode, 2);
    }

    void compareListsTheChangedTaskFirst() {
        Workspace w;
        const QString flow = w.flow("pipeline", pipeline);
        QCOMPARE(w.run({"run", flow, "--quiet"}).exitCode, 0);
        const QString good = newestRun(w);
        QFile(w.dir.filePath("broken")).open(QIODevice::WriteOnly);
        QCOMPARE(w.run({"run", flow, "--quiet", "--param", "day=friday"}).exitCode, 1);
        const QString bad = newestRun(w);
        const QJsonObject c = w.json({"runs", "compare", good, bad, "--json"});
        const QJsonArray tasks = c["tasks"].toArray();
        // transform failed and load was skipped: the two whose state changed come first.
        QStringList firstTwo{tasks.at(0)["task"].toString(), tasks.at(1)["task"].toString()};
        firstTwo.sort();
        QCOMPARE(firstTwo, (QStringList{"load", "transform"}));
        QVERIFY(tasks.at(0)["state_changed"].toBool() && tasks.at(1)["state_changed"].toBool());
        QVERIFY(!tasks.at(2)["state_changed"].toBool());
        for (const QJsonValue &t : tasks)
            if (t["task"] == QLatin1String("transform")) QCOMPARE(t["right_state"].toString(), QStringLiteral("Failed"));
        QJsonObject extract;
        for (const QJsonValue &t : tasks)
            if (t["task"] == QLatin1String("extract")) extract = t.toObject();
        QCOMPARE(extract["first_different_line"].toObject()["right"].toString(), QStringLiteral("extract friday"));
        QCOMPARE(c["parameters"].toArray().at(0)["differs"].toBool(), true);
        const CliResult text = w.run({"runs", "compare", good, bad});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("1: extract monday | extract friday"), qPrintable(text.out));
        QCOMPARE(w.run({"runs", "compare", good}).exitCode, 2);
    }

    void deleteRemovesFinishedRunsOnly() {
        Workspace w;
        const QString ok = w.flow("good", "tasks:\n  a:\n    kind: shell\n    script: echo hello\n");
        QCOMPARE(w.run({"run", ok, "--quiet"}).exitCode, 0);
        const QString id = newestRun(w);
        const CliResult deleted = w.run({"runs", "delete", id});
        QCOMPARE(deleted.exitCode, 0);
        QVERIFY(deleted.out.contains("deleted 1 run(s)"));
        QVERIFY(w.list().isEmpty());
        QCOMPARE(w.run({"runs", "delete", id}).exitCode, 1);  // no such run any more
    }
};

QTEST_GUILESS_MAIN(TestCliRunActions)
#include "test_cli_run_actions.moc"
