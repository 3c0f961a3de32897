// The workspace's services: a session opens a workspace's store once (recovery, limits,
// retention); its launcher runs flows on threads of their own with listeners and cancels them,
// process trees included. Real processes, a real SQLite file.
#include "flow/FlowFile.h"
#include "store/RunStore.h"
#include "workspace/LiveRunFeed.h"
#include "workspace/RunLauncher.h"
#include "workspace/WorkspaceSession.h"

#include "../common/ProcessProbe.h"

#include <QMutex>
#include <QSignalSpy>
#include <QtTest>

using namespace flowdeck;

namespace {

/// A listener that keeps everything it is given, from any thread.
class RecordingSink : public RunEventSink {
public:
    void post(const RunEvent &e) override {
        QMutexLocker lock(&mutex);
        events.push_back(e);
    }
    void post(const LogLine &l) override {
        QMutexLocker lock(&mutex);
        logs.push_back(l);
    }
    void post(const MetricSample &s) override {
        QMutexLocker lock(&mutex);
        samples.push_back(s);
    }
    QSet<QString> runIds() {
        QMutexLocker lock(&mutex);
        QSet<QString> ids;
        for (const RunEvent &e : events) ids.insert(e.runId);
        return ids;
    }
    int sampleCount() {
        QMutexLocker lock(&mutex);
        return int(samples.size());
    }
    QStringList logTexts() {
        QMutexLocker lock(&mutex);
        QStringList texts;
        for (const LogLine &l : logs) texts << l.text;
        return texts;
    }

    QMutex mutex;
    std::vector<RunEvent> events;
    std::vector<LogLine> logs;
    std::vector<MetricSample> samples;
};

/// A workspace folder with its own database, and flows written into it.
class Workspace {
public:
    Workspace() {
        write("flowdeck.yaml", "settings:\n  database: runs.db\n  retention_days: 0\n  kill_grace: 500ms\n");
        SessionLoad load = WorkspaceSession::open(dir.path());
        if (!load.session) qFatal("cannot open the workspace: %s", qPrintable(load.error));
        session = std::move(load.session);
    }

    void write(const QString &name, const QByteArray &text) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(name));
        file.write(text);
    }

    LaunchRequest request(const QByteArray &body, const QString &name = QStringLiteral("t.flow.yaml")) {
        write(name, "apiVersion: flowdeck/v1\nkind: Flow\nname: t\n" + body);
        const LoadResult loaded = FlowFile::load(dir.filePath(name));
        if (!loaded.isValid()) qFatal("invalid test flow");
        LaunchRequest r;
        r.flow = loaded.flow;
        r.flowPath = dir.filePath(name);
        r.options = session->runOptionsFor(loaded.flow);
        r.options.runsDirectory = dir.filePath("runs");
        return r;
    }

    QTemporaryDir dir;
    std::unique_ptr<WorkspaceSession> session;
};

QString stateName(RunState s) { return toString(s); }

}  // namespace

class TestRunLauncher : public QObject {
    Q_OBJECT
private slots:
    void aRunOnItsOwnThreadReachesItsListenersAndTheStore() {
        Workspace w;
        RunLauncher &launcher = w.session->launcher();
        LiveRunFeed feed(10);
        launcher.addListener(&feed);
        QSignalSpy started(&launcher, &RunLauncher::started);
        QSignalSpy finished(&launcher, &RunLauncher::finished);
        QSignalSpy updates(&feed, &LiveRunFeed::updated);
        const LaunchResult launched = launcher.start(
            w.request("tasks:\n  a:\n    kind: shell\n    script: echo hello\n  b:\n    kind: noop\n    after: [a]\n"));
        QVERIFY(!launched.isRefused());
        QCOMPARE(started.size(), 1);  // before start() returned
        QCOMPARE(started.at(0).at(0).toString(), launched.runId);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(stateName(finished.at(0).at(1).value<RunState>()), stateName(RunState::Completed));
        QCOMPARE(stateName(w.session->store().run(launched.runId)->state), stateName(RunState::Completed));
        QTRY_VERIFY_WITH_TIMEOUT(!feed.isUpdatePending(), 30000);
        QCOMPARE(int(feed.tasks(launched.runId).size()), 2);
        QCOMPARE(stateName(feed.run(launched.runId)->state), stateName(RunState::Completed));
        QVERIFY(!updates.isEmpty());
        QCOMPARE(launcher.runningCount(), 0);
    }

    void badParametersAreRefusedAtOnceAndNothingIsRecorded() {
        Workspace w;
        LaunchRequest r = w.request("parameters:\n  n:\n    type: int\ntasks:\n  a:\n    kind: noop\n");
        r.options.parameterText.insert("n", "many");
        const LaunchResult launched = w.session->launcher().start(r);
        QVERIFY(launched.isRefused());
        QVERIFY(launched.runId.isEmpty());
        QVERIFY2(launched.problemText().contains("parameter 'n' expects int, got 'many'"), qPrintable(launched.problemText()));
        QVERIFY(w.session->store().listRuns().empty());
    }

    void cancelStopsTheProcessTreeAndTheRunEndsCancelled() {
        Workspace w;
        const QString pids = w.dir.filePath("pids");
        RunLauncher &launcher = w.session->launcher();
        QSignalSpy finished(&launcher, &RunLauncher::finished);
        const LaunchResult launched = launcher.start(w.request(
            QStringLiteral("tasks:\n  long:\n    kind: shell\n    script: |\n"
                           "      sleep 60 & echo $! >> %1\n      (trap '' TERM; sleep 60) & echo $! >> %1\n"
                           "      echo $$ >> %1\n      wait\n  later:\n    kind: noop\n    after: [long]\n")
                .arg(pids).toUtf8()));
        QVERIFY(!launched.isRefused());
        const auto pidList = [&pids] {
            QFile file(pids);
            if (!file.open(QIODevice::ReadOnly)) return QList<QByteArray>();
            return file.readAll().trimmed().split('\n');
        };
        QTRY_COMPARE_WITH_TIMEOUT(pidList().size(), 3, 60000);
        QVERIFY(launcher.cancel(launched.runId));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(stateName(finished.at(0).at(1).value<RunState>()), stateName(RunState::Cancelled));
        for (const QByteArray &pid : pidList()) QTRY_VERIFY2_WITH_TIMEOUT(!processAlive(pid.toLongLong()), pid, 30000);
        const auto tasks = w.session->store().taskRuns(launched.runId);
        QHash<QString, RunState> states;
        for (const TaskRunRecord &t : tasks) states.insert(t.task, t.state);
        QCOMPARE(stateName(states.value("long")), stateName(RunState::Cancelled));
        QVERIFY(states.value("later") != RunState::Completed);
        QVERIFY(!launcher.cancel(launched.runId));  // it is over
    }

    void subflowRunsReachTheListenersToo() {
        Workspace w;
        w.write("child.flow.yaml",
                "apiVersion: flowdeck/v1\nkind: Flow\nname: child\ntasks:\n  inner:\n    kind: shell\n"
                "    script: echo from the child\n");
        RecordingSink sink;
        RunLauncher &launcher = w.session->launcher();
        launcher.addListener(&sink);
        QSignalSpy finished(&launcher, &RunLauncher::finished);
        const LaunchResult launched =
            launcher.start(w.request("tasks:\n  sub:\n    kind: subflow\n    flow: child.flow.yaml\n"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const QSet<QString> runs = sink.runIds();
        QCOMPARE(runs.size(), 2);  // the parent and its subflow run
        QVERIFY(runs.contains(launched.runId));
        QVERIFY(sink.logTexts().contains("from the child"));
    }

    void metricSamplesReachTheListeners() {
        Workspace w;
        const QString seen = w.dir.filePath("seen");
        RecordingSink sink;
        RunLauncher &launcher = w.session->launcher();
        launcher.addListener(&sink);
        QSignalSpy finished(&launcher, &RunLauncher::finished);
        // The task runs until the test has seen a sample of it: no guess at how long sampling takes.
        launcher.start(w.request(QStringLiteral("tasks:\n  busy:\n    kind: shell\n    script: |\n"
                                                "      while [ ! -e %1 ]; do sleep 0.05; done\n").arg(seen).toUtf8()));
        QTRY_VERIFY_WITH_TIMEOUT(sink.sampleCount() > 0, 60000);
        QFile(seen).open(QIODevice::WriteOnly);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QMutexLocker lock(&sink.mutex);
        QCOMPARE(sink.samples.front().task, QStringLiteral("busy"));
        QVERIFY(sink.samples.front().rssBytes > 0);
    }

    void aLoaderThatFailsEndsTheClaimedRunFailed() {
        Workspace w;
        RunStore &store = w.session->store();
        FlowRunRecord row;
        row.id = QStringLiteral("00000000-0000-4000-8000-000000000001");
        row.flowName = "scheduled";
        row.state = RunState::Pending;
        QVERIFY(store.createRun(row));
        LaunchRequest r;
        r.options.runId = row.id;
        r.loader = [](Flow &, RunOptions &, QString *error) {
            *error = QStringLiteral("cannot run x.flow.yaml: it is gone");
            return false;
        };
        RunLauncher &launcher = w.session->launcher();
        QSignalSpy finished(&launcher, &RunLauncher::finished);
        const LaunchResult launched = launcher.start(r);
        QCOMPARE(launched.runId, row.id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(stateName(finished.at(0).at(1).value<RunState>()), stateName(RunState::Failed));
        const auto stored = store.run(row.id);
        QCOMPARE(stateName(stored->state), stateName(RunState::Failed));
        QCOMPARE(stored->message, QStringLiteral("cannot run x.flow.yaml: it is gone"));
    }

    void runHereRunsOnTheCallingThread() {
        Workspace w;
        RunLauncher &launcher = w.session->launcher();
        QSignalSpy started(&launcher, &RunLauncher::started);
        QSignalSpy finished(&launcher, &RunLauncher::finished);
        const LaunchResult result = launcher.runHere(w.request("tasks:\n  a:\n    kind: shell\n    script: exit 3\n"));
        QCOMPARE(stateName(result.state), stateName(RunState::Failed));
        QVERIFY(result.message.contains("task 'a' failed"));
        QCOMPARE(started.size(), 1);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(stateName(w.session->store().run(result.runId)->state), stateName(RunState::Failed));
    }

    void closingTheSessionCancelsItsRunsAndSaysSoFirst() {
        Workspace w;
        const QString pidFile = w.dir.filePath("pid");
        RunLauncher &launcher = w.session->launcher();
        const LaunchResult launched = launcher.start(
            w.request(QStringLiteral("tasks:\n  long:\n    kind: shell\n    script: echo $$ > %1; sleep 60\n").arg(pidFile).toUtf8()));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 60000);
        bool toldFirst = false;
        connect(w.session.get(), &WorkspaceSession::closing, this,
                [&] { toldFirst = launcher.runningCount() == 1; });
        w.session->close();
        QVERIFY(toldFirst);
        QCOMPARE(launcher.runningCount(), 0);
        QFile file(pidFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!processAlive(file.readAll().trimmed().toLongLong()));
        QCOMPARE(stateName(w.session->store().run(launched.runId)->state), stateName(RunState::Cancelled));
    }

    void aSessionOpensTheStoreAsEveryCommandDoes() {
        QTemporaryDir dir;
        QFile yaml(dir.filePath("flowdeck.yaml"));
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("settings:\n  database: state/runs.db\n  retention_days: 7\nconcurrency_limits:\n  db: 2\n");
        yaml.close();
        {
            QString error;
            auto store = RunStore::open(dir.filePath("state/runs.db"), &error);
            QVERIFY2(store, qPrintable(error));
            FlowRunRecord dead;  // left Running by a process that is gone
            dead.id = QStringLiteral("00000000-0000-4000-8000-00000000dead");
            dead.flowName = "t";
            dead.state = RunState::Running;
            dead.pid = 999999999;
            QVERIFY(store->createRun(dead));
            store->adoptRun(dead.id, false);
            FlowRunRecord old;  // finished long ago
            old.id = QStringLiteral("00000000-0000-4000-8000-0000000000a1");
            old.flowName = "t";
            old.state = RunState::Completed;
            old.createdMs = 1000;
            old.startMs = 1000;
            old.endMs = 2000;
            QVERIFY(store->createRun(old));
            store->setConcurrencyLimit("gone", 1);
        }
        SessionLoad load = WorkspaceSession::open(dir.path());
        QVERIFY2(load.session, qPrintable(load.error));
        WorkspaceSession &session = *load.session;
        QCOMPARE(session.crashedOnOpen(), QStringList{"00000000-0000-4000-8000-00000000dead"});
        QCOMPARE(session.store().concurrencyLimits(), (QHash<QString, int>{{"db", 2}}));
        QCOMPARE(session.applyRetention().runs, 1);
        QVERIFY(!session.store().run("00000000-0000-4000-8000-0000000000a1"));
    }

    void aWorkspaceWithBadSettingsSaysWhereAndOpensNothing() {
        QTemporaryDir dir;
        QFile yaml(dir.filePath("flowdeck.yaml"));
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("settings:\n  max_parallel: lots\n");
        yaml.close();
        const SessionLoad load = WorkspaceSession::open(dir.path());
        QVERIFY(!load.session);
        QVERIFY2(load.error.contains("flowdeck.yaml:2:"), qPrintable(load.error));
    }
};

QTEST_GUILESS_MAIN(TestRunLauncher)
#include "test_run_launcher.moc"
