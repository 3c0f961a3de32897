// The engine end to end on real processes and a real SQLite file: every state path.
#include "engine/Approval.h"
#include "engine/FlowRun.h"
#include "engine/RetryJitter.h"
#include "engine/TaskAttempt.h"
#include "flow/FlowFile.h"
#include "store/RunStore.h"
#include "workspace/RunFolders.h"

#include "../common/ProcessProbe.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <csignal>
#include <ctime>
#include <utime.h>

using namespace flowdeck;

namespace {

const char *header = "apiVersion: flowdeck/v1\nkind: Flow\nname: t\n";

/// A flow file in the test's folder, a store, and helpers to run and inspect.
class Bench {
public:
    Bench() {
        QString error;
        store = RunStore::open(dir.filePath("runs.db"), &error);
        if (!store) qFatal("cannot open store: %s", qPrintable(error));
    }

    Flow flow(const QByteArray &body) {
        const QString path = dir.filePath("t.flow.yaml");
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(QByteArray(header) + body);
        file.close();
        const LoadResult r = FlowFile::load(path);
        if (!r.isValid()) {
            for (const Diagnostic &d : r.diagnostics) qWarning("%s", qPrintable(d.toString()));
            qFatal("test flow invalid");
        }
        flowPath = path;
        return r.flow;
    }

    RunState run(const QByteArray &body, RunOptions options = {}) {
        options.runsDirectory = dir.filePath("runs");
        options.killGraceSeconds = 0.5;
        last = std::make_unique<FlowRun>(flow(body), flowPath, store.get(), options);
        events.clear();
        QObject::connect(last.get(), &FlowRun::event, [this](const RunEvent &e) { events.push_back(e); });
        const RunState state = last->execute();
        store->flush();
        return state;
    }

    /// Every byte of the database and its write-ahead log, after closing the store.
    QByteArray storedBytes() {
        store->flush();
        store.reset();
        QByteArray bytes;
        for (const QString &name : {QStringLiteral("runs.db"), QStringLiteral("runs.db-wal")}) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly)) bytes += file.readAll();
        }
        return bytes;
    }

    RunState taskState(const QString &task, int mapIndex = -1) const { return taskRun(task, mapIndex).state; }

    TaskRunRecord taskRun(const QString &task, int mapIndex = -1) const {
        for (const TaskRunRecord &t : store->taskRuns(last->id()))
            if (t.task == task && t.mapIndex == mapIndex) return t;
        return {};
    }

    QStringList logText(const QString &task = {}) const {
        LogQuery q;
        q.task = task;
        QStringList lines;
        for (const StoredLogLine &l : store->logs(last->id(), q)) lines << l.line.text;
        return lines;
    }

    QList<RunState> statesOf(const QString &task, int mapIndex = -1) const {
        QList<RunState> states;
        for (const RunEvent &e : events)
            if (e.task == task && e.mapIndex == mapIndex) states << e.state;
        return states;
    }

    QTemporaryDir dir;
    std::unique_ptr<RunStore> store;
    std::unique_ptr<FlowRun> last;
    std::vector<RunEvent> events;
    QString flowPath;
};


QString stateName(RunState s) { return toString(s); }

/// Writes a flow file next to the test's main flow.
void writeFlowFile(const QString &path, const QByteArray &text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    file.write(text);
}

/// @p count shell tasks of 200 ms that record, in @p counter.max, how many of them ran at once.
QByteArray overlappingTasks(int count, const QString &counter) {
    QByteArray tasks = "tasks:\n";
    for (int i = 0; i < count; ++i)
        tasks += QStringLiteral("  t%1:\n    kind: shell\n    script: |\n"
                                "      exec 9>>%2.lock; flock 9; n=$(( $(cat %2 2>/dev/null || echo 0) + 1 )); echo $n > %2;"
                                " echo $n >> %2.max; flock -u 9\n      sleep 0.2\n"
                                "      flock 9; echo $(( $(cat %2) - 1 )) > %2; flock -u 9\n").arg(i).arg(counter).toUtf8();
    return tasks;
}

int peakOverlap(const QString &counter) {
    QFile max(counter + QStringLiteral(".max"));
    if (!max.open(QIODevice::ReadOnly)) return 0;
    int peak = 0;
    for (const QByteArray &line : max.readAll().split('\n'))
        if (!line.isEmpty()) peak = std::max(peak, line.toInt());
    return peak;
}

/// Sets an environment variable for one scope, then puts back what was there.
class ScopedEnv {
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name), m_wasSet(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name)) {
        qputenv(name, value);
    }
    ~ScopedEnv() {
        if (m_wasSet)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_old;
};

}  // namespace

#define COMPARE_STATE(actual, expected) QCOMPARE(stateName(actual), stateName(expected))

class TestEngine : public QObject {
    Q_OBJECT
private slots:
    void successPassesResultsDownstream() {
        Bench b;
        const RunState s = b.run(
            "parameters:\n  who:\n    type: string\n    default: world\n"
            "tasks:\n"
            "  hello:\n    kind: shell\n    script: |\n      echo \"hello $FLOWDECK_PARAM_WHO\"\n"
            "      echo '{\"n\": 41}' > \"$FLOWDECK_RESULT\"\n"
            "  plus:\n    kind: python\n    after: [hello]\n    script: |\n"
            "      from flowdeck import upstream, set_result, params\n"
            "      set_result({'n': upstream['hello']['n'] + 1, 'who': params['who']})\n");
        COMPARE_STATE(s, RunState::Completed);
        COMPARE_STATE(b.taskState("hello"), RunState::Completed);
        QVERIFY(b.logText("hello").contains("hello world"));
        QCOMPARE(b.last->results().value("plus").toMap().value("n").toInt(), 42);
        QCOMPARE(b.taskRun("plus").result.toMap().value("who").toString(), QStringLiteral("world"));
        const auto run = b.store->run(b.last->id());
        QVERIFY(run.has_value());
        COMPARE_STATE(run->state, RunState::Completed);
        QVERIFY(run->endMs >= run->startMs && run->startMs > 0);
        QVERIFY(b.statesOf("hello") == (QList<RunState>{RunState::Pending, RunState::Running, RunState::Completed}));
    }

    void failureFailsTheRunAndSkipsDownstream() {
        Bench b;
        const RunState s = b.run("tasks:\n  bad:\n    kind: shell\n    script: echo oops >&2; exit 3\n"
                                 "  next:\n    kind: noop\n    after: [bad]\n");
        COMPARE_STATE(s, RunState::Failed);
        COMPARE_STATE(b.taskState("bad"), RunState::Failed);
        QVERIFY(b.taskRun("bad").message.contains("exited with status 3: oops"));
        COMPARE_STATE(b.taskState("next"), RunState::Skipped);
        QVERIFY(b.taskRun("next").message.contains("upstream 'bad' failed"));
        QVERIFY(b.last->message().contains("task 'bad' failed"));
    }

    void retryThenSuccessKeepsEveryAttempt() {
        Bench b;
        const QString marker = b.dir.filePath("marker");
        const RunState s = b.run(QStringLiteral("tasks:\n  flaky:\n    kind: shell\n    retries: 2\n    retry_delay: 100ms\n"
                                                "    script: |\n      echo \"attempt $FLOWDECK_ATTEMPT\"\n"
                                                "      if [ ! -e %1 ]; then touch %1; exit 1; fi\n").arg(marker).toUtf8());
        COMPARE_STATE(s, RunState::Completed);
        const auto attempts = b.store->attempts(b.last->id(), "flaky");
        QCOMPARE(int(attempts.size()), 2);
        COMPARE_STATE(attempts[0].state, RunState::Failed);
        QCOMPARE(attempts[0].exitCode, 1);
        COMPARE_STATE(attempts[1].state, RunState::Completed);
        QVERIFY(b.statesOf("flaky").contains(RunState::AwaitingRetry));
        QVERIFY(b.statesOf("flaky").contains(RunState::Retrying));
        QVERIFY(b.logText("flaky").contains("attempt 1"));
        QVERIFY(b.logText("flaky").contains("attempt 2"));
        QCOMPARE(b.store->metrics(b.last->id()).retryCount, 1);
    }

    void jitterKeepsPrefectsBoundsAndMean() {
        QCOMPARE(jitteredDelay(10, 0, 0.7), 10.0);
        const JitterBounds b = jitterBounds(10, 0.3);
        QCOMPARE(b.upper, 13.0);
        QVERIFY2(b.lower > 7.4 && b.lower < 7.6, qPrintable(QString::number(b.lower)));  // Prefect: 7.52
        double sum = 0;
        const int n = 10000;
        for (int i = 0; i < n; ++i) {
            const double d = jitteredDelay(10, 0.3, (i + 0.5) / n);  // evenly spread draws
            QVERIFY(d >= b.lower - 1e-9 && d <= b.upper + 1e-9);
            sum += d;
        }
        QVERIFY2(std::abs(sum / n - 10) < 0.05, qPrintable(QString::number(sum / n)));  // the mean stays the base
        QCOMPARE(jitteredDelay(10, 0.3, 0.0), b.lower);
    }

    void aQueuedTaskDoesNotHoldItsConcurrencySlot() {
        // With one task at a time, 'quick' waits behind 'long'; meanwhile its 'db' slot must stay
        // free for other runs and processes, and the wait is said once.
        Bench b;
        RunOptions options;
        options.maxParallel = 1;
        options.concurrencyLimits.insert("db", 1);
        int slotsWhileLongRuns = -1;
        QTimer probe;
        probe.setSingleShot(true);
        QObject::connect(&probe, &QTimer::timeout, [&] { slotsWhileLongRuns = b.store->slotsInUse("db"); });
        probe.start(700);
        const RunState s = b.run("tasks:\n  long:\n    kind: shell\n    script: sleep 1.5\n"
                                 "  quick:\n    kind: shell\n    tags: [db]\n    script: \"true\"\n", options);
        COMPARE_STATE(s, RunState::Completed);
        QCOMPARE(slotsWhileLongRuns, 0);
        QCOMPARE(b.store->slotsInUse("db"), 0);
        QVERIFY(b.logText("quick").filter("waiting for a concurrency slot").size() <= 1);
    }

    void retriesExhausted() {
        Bench b;
        QElapsedTimer clock;
        clock.start();
        const RunState s = b.run("tasks:\n  never:\n    kind: shell\n    retries: 2\n    retry_delay: [100ms, 200ms]\n"
                                 "    script: exit 1\n");
        COMPARE_STATE(s, RunState::Failed);
        QCOMPARE(int(b.store->attempts(b.last->id(), "never").size()), 3);
        QVERIFY(clock.elapsed() >= 300);  // both delays were waited for
    }

    void timeoutKillsTheWholeTree() {
        Bench b;
        const QString pids = b.dir.filePath("pids");
        QElapsedTimer clock;
        clock.start();
        const RunState s = b.run(QStringLiteral("tasks:\n  slow:\n    kind: shell\n    timeout: 500ms\n    script: |\n"
                                                "      sleep 60 & echo $! >> %1\n      sleep 60 & echo $! >> %1\n      wait\n")
                                     .arg(pids).toUtf8());
        COMPARE_STATE(s, RunState::Failed);
        COMPARE_STATE(b.taskState("slow"), RunState::TimedOut);
        QVERIFY(clock.elapsed() < 5000);
        QFile file(pids);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (const QByteArray &pid : lines) QVERIFY2(!processAlive(pid.toLongLong()), pid.constData());
    }

    void cancelStopsRunningTasksAndStartsNothing() {
        Bench b;
        const QString pidFile = b.dir.filePath("pid");
        const Flow flow = b.flow(QStringLiteral("tasks:\n  long:\n    kind: shell\n    script: echo $$ > %1; sleep 60\n"
                                                "  after_long:\n    kind: noop\n    after: [long]\n").arg(pidFile).toUtf8());
        RunOptions options;
        options.runsDirectory = b.dir.filePath("runs");
        options.killGraceSeconds = 0.5;
        FlowRun run(flow, b.flowPath, b.store.get(), options);
        QTimer::singleShot(500, &run, [&run] { run.cancel(); });
        QElapsedTimer clock;
        clock.start();
        COMPARE_STATE(run.execute(), RunState::Cancelled);
        QVERIFY(clock.elapsed() < 5000);
        b.store->flush();
        const auto tasks = b.store->taskRuns(run.id());
        QHash<QString, RunState> states;
        for (const TaskRunRecord &t : tasks) states.insert(t.task, t.state);
        COMPARE_STATE(states.value("long"), RunState::Cancelled);
        QVERIFY(states.value("after_long") != RunState::Completed);
        QFile file(pidFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!processAlive(file.readAll().trimmed().toLongLong()));
        COMPARE_STATE(b.store->run(run.id())->state, RunState::Cancelled);
    }

    void cacheHitAndExpiry() {
        Bench b;
        const QByteArray body = "tasks:\n  compute:\n    kind: shell\n    cache:\n      expiration: 1h\n"
                                "    script: echo ran; echo 7 > \"$FLOWDECK_RESULT\"\n";
        COMPARE_STATE(b.run(body), RunState::Completed);
        COMPARE_STATE(b.taskState("compute"), RunState::Completed);
        COMPARE_STATE(b.run(body), RunState::Completed);
        COMPARE_STATE(b.taskState("compute"), RunState::Cached);
        QCOMPARE(b.taskRun("compute").result.toInt(), 7);
        QVERIFY(b.logText("compute").isEmpty());  // it did not run
        QCOMPARE(b.store->metrics(b.last->id()).cacheHitRate, 1.0);
        // An hour later, without waiting one: the entry is moved back an hour in the real file.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "age-cache");
            db.setDatabaseName(b.dir.filePath("runs.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("SELECT expires_ms - created_ms FROM cache_entries") && q.next());
            QCOMPARE(q.value(0).toLongLong(), 3600 * 1000);
            QVERIFY(q.exec("UPDATE cache_entries SET created_ms = created_ms - 3600001,"
                           " expires_ms = expires_ms - 3600001"));
        }
        QSqlDatabase::removeDatabase("age-cache");
        COMPARE_STATE(b.run(body), RunState::Completed);
        COMPARE_STATE(b.taskState("compute"), RunState::Completed);  // expired: ran again
    }

    void mappedItemsThatAreCacheHitsFinishTheTaskOnce() {
        // Items that hit the cache finish as they are created; the mapped task must still wait
        // for all of them, finish once, and only then let its downstream run.
        Bench b;
        const QByteArray body = "parameters:\n  items:\n    type: list\n    default: [1, 2, 3]\n"
                                "tasks:\n  each:\n    kind: shell\n    map: items\n    cache: {}\n"
                                "    script: echo $((FLOWDECK_MAP_ITEM * 2)) > \"$FLOWDECK_RESULT\"\n"
                                "  total:\n    kind: python\n    after: [each]\n    script: |\n"
                                "      from flowdeck import upstream, set_result\n      set_result(sum(upstream['each']))\n";
        COMPARE_STATE(b.run(body), RunState::Completed);
        COMPARE_STATE(b.run(body), RunState::Completed);
        for (int i = 0; i < 3; ++i) COMPARE_STATE(b.taskState("each", i), RunState::Cached);
        int finishes = 0;
        for (const RunEvent &e : b.events)
            if (e.task == QLatin1String("each") && e.mapIndex == -1 && isFinal(e.state)) ++finishes;
        QCOMPARE(finishes, 1);
        QCOMPARE(b.last->results().value("total").toInt(), 12);
    }

    void cacheKeyFollowsInputsAndSource() {
        Bench b;
        const QByteArray body = "parameters:\n  x:\n    type: int\n    default: 1\n"
                                "tasks:\n  c:\n    kind: shell\n    cache: {}\n    script: echo $FLOWDECK_PARAM_X\n";
        RunOptions one;
        one.parameterText.insert("x", "1");
        RunOptions two;
        two.parameterText.insert("x", "2");
        b.run(body, one);
        b.run(body, one);
        COMPARE_STATE(b.taskState("c"), RunState::Cached);
        b.run(body, two);
        COMPARE_STATE(b.taskState("c"), RunState::Completed);
        b.run(QByteArray(body).replace("echo $FLOWDECK_PARAM_X", "echo changed $FLOWDECK_PARAM_X"), two);
        COMPARE_STATE(b.taskState("c"), RunState::Completed);  // new source, new key
    }

    void branchTakesOneSideAndSkipsTheOther() {
        Bench b;
        const RunState s = b.run("tasks:\n  check:\n    kind: branch\n    script: test 1 -eq 2\n"
                                 "  yes:\n    kind: noop\n    after: [check.true]\n"
                                 "  no:\n    kind: noop\n    after: [check.false]\n"
                                 "  after_yes:\n    kind: noop\n    after: [yes]\n"
                                 "  join:\n    kind: noop\n    after: [yes, no]\n    trigger: none_failed\n");
        COMPARE_STATE(s, RunState::Completed);
        COMPARE_STATE(b.taskState("check"), RunState::Completed);
        QCOMPARE(b.taskRun("check").result, QVariant(false));
        COMPARE_STATE(b.taskState("yes"), RunState::Skipped);
        COMPARE_STATE(b.taskState("no"), RunState::Completed);
        COMPARE_STATE(b.taskState("after_yes"), RunState::Skipped);
        COMPARE_STATE(b.taskState("join"), RunState::Completed);
    }

    void triggerRules() {
        Bench b;
        const RunState s = b.run("tasks:\n  ok:\n    kind: noop\n  bad:\n    kind: shell\n    script: exit 1\n"
                                 "  on_done:\n    kind: noop\n    after: [ok, bad]\n    trigger: all_done\n"
                                 "  on_fail:\n    kind: noop\n    after: [bad]\n    trigger: all_failed\n"
                                 "  any_ok:\n    kind: noop\n    after: [ok, bad]\n    trigger: any_success\n"
                                 "  any_bad:\n    kind: noop\n    after: [ok, bad]\n    trigger: any_failed\n"
                                 "  none_bad:\n    kind: noop\n    after: [ok, bad]\n    trigger: none_failed\n"
                                 "  all_ok:\n    kind: noop\n    after: [ok, bad]\n"
                                 "  only_ok_failed:\n    kind: noop\n    after: [ok]\n    trigger: all_failed\n");
        COMPARE_STATE(s, RunState::Failed);
        COMPARE_STATE(b.taskState("on_done"), RunState::Completed);
        COMPARE_STATE(b.taskState("on_fail"), RunState::Completed);
        COMPARE_STATE(b.taskState("any_ok"), RunState::Completed);
        COMPARE_STATE(b.taskState("any_bad"), RunState::Completed);
        COMPARE_STATE(b.taskState("none_bad"), RunState::Skipped);
        COMPARE_STATE(b.taskState("all_ok"), RunState::Skipped);
        COMPARE_STATE(b.taskState("only_ok_failed"), RunState::Skipped);
    }

    void mapFansOutWithAFailingItem() {
        Bench b;
        const RunState s = b.run("parameters:\n  items:\n    type: list\n    default: [1, 2, 3]\n"
                                 "tasks:\n  each:\n    kind: shell\n    map: items\n"
                                 "    script: |\n      echo \"item $FLOWDECK_MAP_ITEM\"\n"
                                 "      [ \"$FLOWDECK_MAP_ITEM\" != 2 ] || exit 5\n"
                                 "      echo $((FLOWDECK_MAP_ITEM * 10)) > \"$FLOWDECK_RESULT\"\n"
                                 "  total:\n    kind: noop\n    after: [each]\n");
        COMPARE_STATE(s, RunState::Failed);
        COMPARE_STATE(b.taskState("each", 0), RunState::Completed);
        COMPARE_STATE(b.taskState("each", 1), RunState::Failed);
        COMPARE_STATE(b.taskState("each", 2), RunState::Completed);
        COMPARE_STATE(b.taskState("each"), RunState::Failed);
        QVERIFY(b.taskRun("each").message.contains("1 of 3 items failed"));
        QCOMPARE(b.taskRun("each", 2).result.toInt(), 30);
        COMPARE_STATE(b.taskState("total"), RunState::Skipped);
    }

    void mapOverAnUpstreamResultGivesAListDownstream() {
        Bench b;
        const RunState s = b.run("tasks:\n  list:\n    kind: python\n    script: |\n"
                                 "      from flowdeck import set_result\n      set_result(['a', 'b'])\n"
                                 "  upper:\n    kind: python\n    after: [list]\n    map: list\n    script: |\n"
                                 "      from flowdeck import item, set_result\n      set_result(item.upper())\n"
                                 "  join:\n    kind: python\n    after: [upper]\n    script: |\n"
                                 "      from flowdeck import upstream, set_result\n      set_result('-'.join(upstream['upper']))\n");
        COMPARE_STATE(s, RunState::Completed);
        QCOMPARE(b.last->results().value("join").toString(), QStringLiteral("A-B"));
    }

    void subflowFailureFailsTheParent() {
        Bench b;
        QFile child(b.dir.filePath("child.flow.yaml"));
        QVERIFY(child.open(QIODevice::WriteOnly));
        child.write("apiVersion: flowdeck/v1\nkind: Flow\nname: child\nparameters:\n  code:\n    type: int\n"
                    "tasks:\n  inner:\n    kind: shell\n    script: exit $FLOWDECK_PARAM_CODE\n");
        child.close();
        const QByteArray body = "parameters:\n  code:\n    type: int\n    default: 0\n"
                                "tasks:\n  sub:\n    kind: subflow\n    flow: child.flow.yaml\n"
                                "    parameters:\n      code: ${params.code}\n";
        COMPARE_STATE(b.run(body), RunState::Completed);
        RunOptions failing;
        failing.parameterText.insert("code", "4");
        COMPARE_STATE(b.run(body, failing), RunState::Failed);
        COMPARE_STATE(b.taskState("sub"), RunState::Failed);
        RunFilter children;
        children.parentRunId = b.last->id();
        const auto runs = b.store->listRuns(children);
        QCOMPARE(int(runs.size()), 1);
        COMPARE_STATE(runs[0].state, RunState::Failed);
        QCOMPARE(runs[0].parentTask, QStringLiteral("sub"));
    }

    void subflowTasksKeepTheParentsMemoryLimit() {
        Bench b;
        // The child's own, looser limit must not let the hog through.
        writeFlowFile(b.dir.filePath("child.flow.yaml"),
                      "apiVersion: flowdeck/v1\nkind: Flow\nname: child\nrunner:\n  memory_limit: 1GB\n"
                      "tasks:\n  hog:\n    kind: python\n    script: |\n"
                      "      import time\n      b = bytearray(300 * 1024 * 1024)\n      time.sleep(10)\n");
        RunOptions options;
        options.memoryLimitBytes = 100 * 1000 * 1000;  // --memory-limit 100MB
        COMPARE_STATE(b.run("tasks:\n  sub:\n    kind: subflow\n    flow: child.flow.yaml\n", options), RunState::Failed);
        RunFilter children;
        children.parentRunId = b.last->id();
        const auto runs = b.store->listRuns(children);
        QCOMPARE(int(runs.size()), 1);
        const auto tasks = b.store->taskRuns(runs[0].id);
        QCOMPARE(int(tasks.size()), 1);
        QVERIFY2(tasks[0].message.startsWith("exceeded its memory limit of 100MB"), qPrintable(tasks[0].message));
    }

    void subflowRunsNoMoreAtOnceThanItsParent() {
        Bench b;
        const QString counter = b.dir.filePath("overlap");
        writeFlowFile(b.dir.filePath("child.flow.yaml"),
                      "apiVersion: flowdeck/v1\nkind: Flow\nname: child\nrunner:\n  max_parallel: 3\n" +
                          overlappingTasks(3, counter));
        AttemptInput in;  // what the parent run, at max_parallel 1, hands its subflow task
        in.task.name = "sub";
        in.task.kind = TaskKind::Subflow;
        in.task.subflow = "child.flow.yaml";
        in.flowName = "t";
        in.flowDirectory = b.dir.path();
        in.runId = "parent";
        in.runDirectory = b.dir.filePath("runs/parent");
        in.python = "python3";
        in.shell = "bash";
        in.maxParallel = 1;
        const AttemptResult r = runAttempt(in, [](const LogLine &) {});
        COMPARE_STATE(r.state, RunState::Completed);
        QCOMPARE(peakOverlap(counter), 1);
    }

    void pythonLogLevelsReachTheStore() {
        Bench b;
        // The application log's level: it must not quiet what tasks log.
        const ScopedEnv appLogLevel("FLOWDECK_LOG_LEVEL", "error");
        const QByteArray logging = "      import sys\n      from flowdeck import logger\n"
                                   "      logger.debug('details')\n      logger.info('loading')\n"
                                   "      logger.warning('slow disk')\n      logger.error('bad row\\nsecond line')\n"
                                   "      logger.critical('giving up')\n"
                                   "      print('plain out')\n      print('plain err', file=sys.stderr)\n";
        const RunState s = b.run("tasks:\n  talk:\n    kind: python\n    script: |\n" + logging +
                                 "  chatty:\n    kind: python\n    env:\n      FLOWDECK_TASK_LOG_LEVEL: debug\n"
                                 "    script: |\n" + logging);
        COMPARE_STATE(s, RunState::Completed);

        const auto levelsOf = [&b](const QString &task, LogLine::Level minLevel) {
            LogQuery q;
            q.task = task;
            q.minLevel = minLevel;
            QStringList lines;
            for (const StoredLogLine &l : b.store->logs(b.last->id(), q))
                if (l.line.stream != LogLine::Stream::Engine) lines << toString(l.line.level) + ' ' + l.line.text;
            return lines;
        };
        const QStringList fromInfo{"info loading",       "warning slow disk", "error bad row",
                                   "error second line", "error giving up",   "info plain out",
                                   "warning plain err"};
        QStringList talk = levelsOf("talk", LogLine::Level::Debug);
        QStringList expected = fromInfo;
        talk.sort();
        expected.sort();
        QCOMPARE(talk, expected);
        QStringList chatty = levelsOf("chatty", LogLine::Level::Debug);
        expected << "debug details";
        chatty.sort();
        expected.sort();
        QCOMPARE(chatty, expected);
        // What `runs logs --level error` shows.
        QStringList errors = levelsOf("talk", LogLine::Level::Error);
        errors.sort();
        QCOMPARE(errors, (QStringList{"error bad row", "error giving up", "error second line"}));
    }

    void secretsAreMaskedInLogsAndNeverStored() {
        Bench b;
        const RunState s = b.run("tasks:\n  leak:\n    kind: shell\n    env:\n      TOKEN:\n        value: hunter2-secret\n"
                                 "        secret: true\n    script: echo \"token is $TOKEN\"; echo \"$TOKEN\" >&2; exit 1\n");
        COMPARE_STATE(s, RunState::Failed);
        QVERIFY(b.logText("leak").contains("token is ***"));
        QVERIFY(b.taskRun("leak").message.contains("***"));
        QVERIFY(!b.storedBytes().contains("hunter2-secret"));
    }

    void aSecretInAResultIsMaskedInTheStoreButReachesDownstream() {
        Bench b;
        const QByteArray body = "tasks:\n  fetch:\n    kind: shell\n    cache: {}\n    env:\n      TOKEN:\n"
                                "        value: hunter2-secret\n        secret: true\n"
                                "    script: |\n      printf '{\"auth\": \"%s\"}' \"$TOKEN\" > \"$FLOWDECK_RESULT\"\n"
                                "  use:\n    kind: python\n    after: [fetch]\n    script: |\n"
                                "      from flowdeck import upstream, set_result\n"
                                "      set_result(len(upstream['fetch']['auth']))\n";  // not the secret itself: scripts are stored
        COMPARE_STATE(b.run(body), RunState::Completed);
        QCOMPARE(b.last->results().value("use").toInt(), 14);  // the real value went downstream, not ***
        QCOMPARE(b.taskRun("fetch").result.toMap().value("auth").toString(), QStringLiteral("***"));
        QVERIFY(b.store->cacheEntries().empty());  // a masked result is not cached
        QVERIFY(b.logText("fetch").join('\n').contains("not cached: it contains a secret value"));
        QVERIFY(!b.storedBytes().contains("hunter2-secret"));
    }

    void parametersAreCheckedBeforeAnythingRuns() {
        Bench b;
        const Flow flow = b.flow("parameters:\n  n:\n    type: int\n    min: 1\n  mode:\n    type: string\n"
                                 "    default: a\n    allowed: [a, b]\ntasks:\n  t:\n    kind: noop\n");
        RunOptions options;
        options.parameterText = {{"n", "zero"}, {"mode", "c"}, {"extra", "1"}};
        FlowRun run(flow, b.flowPath, b.store.get(), options);
        QStringList messages;
        for (const Diagnostic &d : run.prepare()) messages << d.message;
        QVERIFY2(messages.contains("parameter 'n' expects int, got 'zero'"), qPrintable(messages.join('\n')));
        QVERIFY(messages.contains("parameter 'mode': 'c' is not one of the allowed values: a, b"));
        QVERIFY(messages.join('\n').contains("unknown parameter 'extra'"));
        COMPARE_STATE(run.execute(), RunState::Failed);
        QVERIFY(b.store->listRuns().empty());  // nothing was recorded or run

        FlowRun missing(flow, b.flowPath, b.store.get(), {});
        QVERIFY(missing.prepare().front().message.contains("parameter 'n' (int) is required"));
    }

    void memoryLimitFailsTheTaskWithAClearMessage() {
        Bench b;
        const RunState s = b.run("runner:\n  memory_limit: 100MB\ntasks:\n  hog:\n    kind: python\n    script: |\n"
                                 "      import time\n      b = bytearray(400 * 1024 * 1024)\n      time.sleep(10)\n");
        COMPARE_STATE(s, RunState::Failed);
        QVERIFY2(b.taskRun("hog").message.contains("memory limit"), qPrintable(b.taskRun("hog").message));
    }

    void maxParallelIsRespected() {
        Bench b;
        const QString log = b.dir.filePath("overlap");
        // Each task records how many are running at once through a shared counter file lock.
        QByteArray body = "runner:\n  max_parallel: 2\ntasks:\n";
        for (int i = 0; i < 6; ++i)
            body += QStringLiteral("  t%1:\n    kind: shell\n    script: |\n"
                                   "      exec 9>>%2.lock; flock 9; n=$(( $(cat %2 2>/dev/null || echo 0) + 1 )); echo $n > %2;"
                                   " echo $n >> %2.max; flock -u 9\n      sleep 0.2\n"
                                   "      flock 9; echo $(( $(cat %2) - 1 )) > %2; flock -u 9\n").arg(i).arg(log).toUtf8();
        COMPARE_STATE(b.run(body), RunState::Completed);
        QFile max(log + ".max");
        QVERIFY(max.open(QIODevice::ReadOnly));
        int peak = 0;
        for (const QByteArray &line : max.readAll().split('\n'))
            if (!line.isEmpty()) peak = std::max(peak, line.toInt());
        QCOMPARE(peak, 2);
    }

    void retryFromFailureReusesCompletedResults() {
        Bench b;
        const QString marker = b.dir.filePath("fixed");
        const QByteArray body = QStringLiteral("tasks:\n  first:\n    kind: shell\n    script: echo first-ran; echo 1 > \"$FLOWDECK_RESULT\"\n"
                                               "  second:\n    kind: shell\n    after: [first]\n    script: test -e %1\n").arg(marker).toUtf8();
        COMPARE_STATE(b.run(body), RunState::Failed);
        const QString failedRun = b.last->id();
        QFile(marker).open(QIODevice::WriteOnly);
        RunOptions retry;
        retry.retryOf = failedRun;
        COMPARE_STATE(b.run(body, retry), RunState::Completed);
        COMPARE_STATE(b.taskState("first"), RunState::Cached);
        QVERIFY(b.taskRun("first").message.contains(failedRun));
        QCOMPARE(b.taskRun("first").result.toInt(), 1);
        COMPARE_STATE(b.taskState("second"), RunState::Completed);
        QVERIFY(b.logText("first").isEmpty());
        QCOMPARE(b.store->run(b.last->id())->retryOf, failedRun);
    }

    void runFromHereRunsTheTaskAndItsDownstreamReusingWhatItNeeds() {
        Bench b;
        const QByteArray body =
            "tasks:\n"
            "  extract:\n    kind: shell\n    script: echo extract-ran; echo 5 > \"$FLOWDECK_RESULT\"\n"
            "  transform:\n    kind: shell\n    after: [extract]\n"
            "    script: echo transform-ran; echo $((FLOWDECK_UPSTREAM_EXTRACT * 2)) > \"$FLOWDECK_RESULT\"\n"
            "  load:\n    kind: shell\n    after: [transform]\n    script: echo load-ran $FLOWDECK_UPSTREAM_TRANSFORM\n"
            "  report:\n    kind: shell\n    after: [extract]\n    script: echo report-ran\n"
            "  other:\n    kind: shell\n    script: echo other-ran\n";
        COMPARE_STATE(b.run(body), RunState::Completed);
        const QString first = b.last->id();
        RunOptions fromHere;
        fromHere.retryOf = first;
        fromHere.selection = RunSelection::from({"transform"});
        COMPARE_STATE(b.run(body, fromHere), RunState::Completed);
        COMPARE_STATE(b.taskState("extract"), RunState::Cached);  // upstream: the last run's result
        QVERIFY(b.taskRun("extract").message.contains(first));
        QVERIFY(b.logText("extract").isEmpty());
        COMPARE_STATE(b.taskState("transform"), RunState::Completed);  // the task and its downstream ran
        QCOMPARE(b.taskRun("transform").result.toInt(), 10);
        QVERIFY(b.logText("load").contains("load-ran 10"));
        for (const char *left : {"report", "other"}) {  // neither downstream nor needed
            COMPARE_STATE(b.taskState(left), RunState::Skipped);
            QCOMPARE(b.taskRun(left).message, QStringLiteral("not selected for this run"));
            QVERIFY(b.logText(left).isEmpty());
        }
        QCOMPARE(b.store->status(b.last->id()).taskCount, 5);
    }

    void runSelectionRunsTheChosenTasksAndWhatTheyNeed() {
        Bench b;
        const QString marker = b.dir.filePath("fixed");
        const QByteArray body = QStringLiteral(
                                    "tasks:\n"
                                    "  extract:\n    kind: shell\n    script: echo extract-ran\n"
                                    "  transform:\n    kind: shell\n    after: [extract]\n"
                                    "    script: echo transform-ran; test -e %1\n"
                                    "  load:\n    kind: shell\n    after: [transform]\n    script: echo load-ran\n"
                                    "  other:\n    kind: shell\n    script: echo other-ran\n")
                                    .arg(marker)
                                    .toUtf8();
        COMPARE_STATE(b.run(body), RunState::Failed);  // transform failed, load was skipped
        QFile(marker).open(QIODevice::WriteOnly);
        RunOptions only;
        only.retryOf = b.last->id();
        only.selection = RunSelection::only({"load"});
        COMPARE_STATE(b.run(body, only), RunState::Completed);
        COMPARE_STATE(b.taskState("extract"), RunState::Cached);        // needed, and it had a result
        COMPARE_STATE(b.taskState("transform"), RunState::Completed);   // needed, had none: ran again
        QVERIFY(b.logText("transform").contains("transform-ran"));
        COMPARE_STATE(b.taskState("load"), RunState::Completed);
        COMPARE_STATE(b.taskState("other"), RunState::Skipped);

        RunOptions withoutEarlierRun;  // nothing to reuse: what the choice needs runs too
        withoutEarlierRun.selection = RunSelection::only({"transform"});
        COMPARE_STATE(b.run(body, withoutEarlierRun), RunState::Completed);
        COMPARE_STATE(b.taskState("extract"), RunState::Completed);
        COMPARE_STATE(b.taskState("load"), RunState::Skipped);
    }

    void aSelectionOfAnUnknownTaskIsRefusedBeforeAnythingRuns() {
        Bench b;
        const Flow flow = b.flow("tasks:\n  extract:\n    kind: noop\n");
        RunOptions options;
        options.selection = RunSelection::from({"extrct"});
        FlowRun run(flow, b.flowPath, b.store.get(), options);
        const Diagnostics problems = run.prepare();
        QCOMPARE(int(problems.size()), 1);
        QCOMPARE(problems.front().message, QStringLiteral("unknown task 'extrct' in the selection (did you mean 'extract'?)"));
        QVERIFY(b.store->listRuns().empty());
    }

    void anApprovalPausesTheRunAndItsValuesReachDownstream() {
        Bench b;
        const QByteArray body =
            "tasks:\n"
            "  build:\n    kind: shell\n    script: echo built\n"
            "  approve:\n    kind: approval\n    description: Ship it?\n    after: [build]\n    inputs:\n"
            "      reviewer:\n        type: string\n      copies:\n        type: int\n        default: 2\n"
            "  ship:\n    kind: python\n    after: [approve]\n    script: |\n"
            "      from flowdeck import upstream, set_result\n"
            "      set_result('%s x%d' % (upstream['approve']['reviewer'], upstream['approve']['copies']))\n";
        RunState whilePaused = RunState::Pending;
        QStringList waiting;
        // When the run says it is Paused, someone approves it, as `runs resume` would.
        const auto approveWhenPaused = [&](const RunEvent &e) {
            if (!e.task.isEmpty() || e.state != RunState::Paused) return;
            b.store->flush();
            whilePaused = b.store->run(e.runId)->state;
            waiting = b.store->waitingApprovals(e.runId);
            QString error;
            QVERIFY2(b.store->approve(e.runId, "approve", {{"reviewer", "ana"}}, &error), qPrintable(error));
        };
        Flow flow = b.flow(body);
        RunOptions options;
        options.runsDirectory = b.dir.filePath("runs");
        FlowRun run(flow, b.flowPath, b.store.get(), options);
        QList<RunState> flowStates;
        QObject::connect(&run, &FlowRun::event, [&](const RunEvent &e) {
            if (e.task.isEmpty()) flowStates << e.state;
            approveWhenPaused(e);
        });
        COMPARE_STATE(run.execute(), RunState::Completed);
        b.store->flush();
        COMPARE_STATE(whilePaused, RunState::Paused);
        QCOMPARE(waiting, QStringList{"approve"});
        QVERIFY(flowStates == (QList<RunState>{RunState::Running, RunState::Paused, RunState::Running, RunState::Completed}));
        TaskRunRecord approved;
        for (const TaskRunRecord &t : b.store->taskRuns(run.id()))
            if (t.task == "approve") approved = t;
        COMPARE_STATE(approved.state, RunState::Completed);
        QCOMPARE(approved.result.toMap(), (QVariantMap{{"reviewer", "ana"}, {"copies", 2}}));  // with its default
        QCOMPARE(run.results().value("ship").toString(), QStringLiteral("ana x2"));
        QVERIFY(!b.store->approve(run.id(), "approve", {}, nullptr));  // nothing waits any more
    }

    void anApprovalNotGivenInTimeFailsTheRun() {
        Bench b;
        const RunState s = b.run("tasks:\n  approve:\n    kind: approval\n    timeout: 300ms\n"
                                 "  ship:\n    kind: noop\n    after: [approve]\n");
        COMPARE_STATE(s, RunState::Failed);
        COMPARE_STATE(b.taskState("approve"), RunState::Failed);
        QCOMPARE(b.taskRun("approve").message, QStringLiteral("not approved within 300ms"));
        COMPARE_STATE(b.taskState("ship"), RunState::Skipped);
        QVERIFY(b.statesOf("approve").contains(RunState::Paused));
    }

    void cancellingAPausedRunEndsItCancelled() {
        Bench b;
        const Flow flow = b.flow("tasks:\n  approve:\n    kind: approval\n");
        RunOptions options;
        options.runsDirectory = b.dir.filePath("runs");
        FlowRun run(flow, b.flowPath, b.store.get(), options);
        QObject::connect(&run, &FlowRun::event, [&run](const RunEvent &e) {
            if (e.task.isEmpty() && e.state == RunState::Paused) run.cancel();
        });
        COMPARE_STATE(run.execute(), RunState::Cancelled);
        b.store->flush();
        COMPARE_STATE(b.store->taskRuns(run.id()).front().state, RunState::Cancelled);
    }

    void approvalValuesAreCheckedAgainstTheInputs() {
        Task task;
        task.name = "approve";
        task.kind = TaskKind::Approval;
        Parameter reviewer;
        reviewer.name = "reviewer";
        Parameter copies;
        copies.name = "copies";
        copies.type = ParameterType::Int;
        copies.defaultValue = 2;
        copies.maximum = 5;
        task.inputs = {reviewer, copies};
        QStringList problems;
        QCOMPARE(approvalValues(task, {{"reviewer", "ana"}, {"copies", "3"}}, {}, &problems),
                 (QVariantMap{{"reviewer", "ana"}, {"copies", 3}}));
        QVERIFY(problems.isEmpty());
        QVERIFY(approvalValues(task, {{"copies", "9"}, {"reviewr", "x"}}, {}, &problems).isEmpty());
        QCOMPARE(problems, (QStringList{"approval 'approve' has no input 'reviewr' (did you mean 'reviewer'?)",
                                        "input 'reviewer' (string) is required: give it with --input reviewer=VALUE",
                                        "input 'copies': 9 is above the maximum 5"}));
        problems.clear();
        approvalValues(task, {{"reviewer", "ana"}, {"copies", "many"}}, {}, &problems);
        QCOMPARE(problems, QStringList{"input 'copies' expects int, got 'many'"});
    }

    void pruningRemovesFoldersOfForgottenRunsOnly() {
        Bench b;
        b.run("tasks:\n  a:\n    kind: noop\n");
        const QString runs = b.dir.filePath("runs");
        const QString known = runs + "/" + b.last->id();
        const QString forgotten = runs + "/" + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString mine = runs + "/my-notes";
        QVERIFY(QDir().mkpath(forgotten) && QDir().mkpath(mine));
        const utimbuf old{std::time(nullptr) - 10 * 86400, std::time(nullptr) - 10 * 86400};
        for (const QString &folder : {known, forgotten, mine}) QCOMPARE(::utime(qPrintable(folder), &old), 0);
        QCOMPARE(pruneRunDirectories(*b.store, 7, runs), 1);
        QVERIFY(!QFileInfo::exists(forgotten));
        QVERIFY(QFileInfo::exists(known));  // the store still has this run
        QVERIFY(QFileInfo::exists(mine));   // not a run folder
    }

    void editingTheFlowDuringARunDoesNotAffectIt() {
        Bench b;
        Flow flow = b.flow("tasks:\n  a:\n    kind: sleep\n    seconds: 300ms\n  b:\n    kind: noop\n    after: [a]\n");
        RunOptions options;
        options.runsDirectory = b.dir.filePath("runs");
        FlowRun run(flow, b.flowPath, b.store.get(), options);
        QTimer::singleShot(50, [&flow] {
            flow.tasks.clear();  // the editor deletes everything meanwhile
            flow.name = "changed";
        });
        COMPARE_STATE(run.execute(), RunState::Completed);
        QCOMPARE(run.taskStates().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "test_engine.moc"
