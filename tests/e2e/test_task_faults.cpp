// Tasks that misbehave, run by the real flowdeck-cli: children that ignore SIGTERM or leave
// their session, a task over its memory limit, a task that floods its output with 1 GB.
// The timeout, the memory limit and the log limit hold, and nothing is left running.
#include "../common/CliProcess.h"
#include "../common/ProcessProbe.h"

#include <QtTest>

#include <signal.h>

namespace {

class Workspace {
public:
    Workspace() { env = isolatedEnvironment(dir); }

    QString flow(const QString &name, const QByteArray &body) const {
        QFile file(dir.filePath(name + ".flow.yaml"));
        file.open(QIODevice::WriteOnly);
        file.write("apiVersion: flowdeck/v1\nkind: Flow\nname: " + name.toUtf8() + "\n" + body);
        return file.fileName();
    }

    CliResult run(const QStringList &args, int timeoutMs = 120000) const {
        return runCliIn(dir.path(), env, args, timeoutMs);
    }

    QTemporaryDir dir;
    QProcessEnvironment env;
};

QJsonObject taskOf(const QJsonObject &doc, const QString &task) {
    for (const QJsonValue &t : doc["tasks"].toArray())
        if (t["task"].toString() == task) return t.toObject();
    return {};
}

QList<qint64> pidsIn(const QString &path) {
    QFile file(path);
    QList<qint64> pids;
    if (!file.open(QIODevice::ReadOnly)) return pids;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.trimmed().isEmpty()) pids << line.trimmed().toLongLong();
    return pids;
}

bool anyAlive(const QList<qint64> &pids) {
    for (qint64 pid : pids)
        if (processAlive(pid)) return true;
    return false;
}

/// Kills what a failed test left running.
struct Leftovers {
    ~Leftovers() {
        for (const char *task : {".stubborn", ".escapee", ".orphan"})
            for (qint64 pid : pidsIn(file + task))
                if (processAlive(pid)) ::kill(pid_t(pid), SIGKILL);
    }
    QString file;
};

/// Tasks whose children outlive a SIGTERM: three that ignore it, one in a session of its own
/// (its parent waits for it), and, for @p orphan, one in a new session whose parent is gone
/// (found only through the task's cgroup). Each child writes its pid to `PIDS.TASK`; each task
/// waits until its pids are written before it waits for its children, so the 5 s timeout
/// always finds them all running.
QByteArray stubbornTasks(const QString &pids, bool orphan) {
    QString body = QStringLiteral(
        "tasks:\n"
        "  stubborn:\n    kind: shell\n    timeout: 5s\n    script: |\n"
        "      trap '' TERM\n"
        "      for i in 1 2 3; do (trap '' TERM; echo $BASHPID >> %1.stubborn; exec sleep 100) & done\n"
        "      until [ \"$(wc -l < %1.stubborn)\" -ge 3 ] 2>/dev/null; do sleep 0.01; done\n"
        "      wait\n"
        "  escapee:\n    kind: shell\n    timeout: 5s\n    script: |\n"
        "      setsid bash -c 'trap \"\" TERM; echo $$ >> %1.escapee; exec sleep 100' &\n"
        "      wait\n");
    if (orphan)
        body += QStringLiteral(
            "  orphan:\n    kind: shell\n    timeout: 5s\n    script: |\n"
            "      (setsid bash -c 'trap \"\" TERM; echo $$ >> %1.orphan; exec sleep 100' &)\n"
            "      sleep 100\n");
    return body.arg(pids).toUtf8();
}

QList<qint64> allPids(const QString &pids) {
    QList<qint64> all;
    for (const char *task : {".stubborn", ".escapee", ".orphan"}) all += pidsIn(pids + task);
    return all;
}

void verifyEveryTaskTimedOutAndNothingRuns(const CliResult &r, const QStringList &tasks, const QString &pids, int count) {
    QVERIFY2(r.exitCode == 1, qPrintable(QString::number(r.exitCode) + r.out + r.err));
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const QString &task : tasks) {
        QCOMPARE(taskOf(doc, task)["state"].toString(), QStringLiteral("TimedOut"));
        QCOMPARE(taskOf(doc, task)["message"].toString(), QStringLiteral("timed out after 5s"));
    }
    QCOMPARE(allPids(pids).size(), count);
    QTRY_VERIFY_WITH_TIMEOUT(!anyAlive(allPids(pids)), 20000);
}

}  // namespace

class TestTaskFaults : public QObject {
    Q_OBJECT
private slots:
    void aTimeoutStopsChildrenThatIgnoreTermOrLeaveTheirSession() {
        Workspace w;
        const QString pids = w.dir.filePath("pids");
        Leftovers leftovers{pids};
        const CliResult r = w.run({"run", w.flow("stubborn", stubbornTasks(pids, false)), "--json"});
        verifyEveryTaskTimedOutAndNothingRuns(r, {"stubborn", "escapee"}, pids, 4);
    }

    void withAMemoryLimitEvenAnOrphanInItsOwnSessionIsStopped() {
        Workspace w;
        const QString pids = w.dir.filePath("pids");
        Leftovers leftovers{pids};
        const CliResult health = w.run({"health", "--json"});
        const QString memory = QJsonDocument::fromJson(health.out.toUtf8()).object()["memory"].toObject()["detail"].toString();
        if (!memory.contains(QLatin1String("cgroup v")))
            QSKIP(qPrintable("no task cgroups here, and without one an orphan in its own session escapes: " + memory));
        const CliResult r = w.run({"run", w.flow("orphans", "runner:\n  memory_limit: 1GB\n" + stubbornTasks(pids, true)), "--json"});
        verifyEveryTaskTimedOutAndNothingRuns(r, {"stubborn", "escapee", "orphan"}, pids, 5);
    }

    void aTaskOverItsMemoryLimitFailsAndItsPeakStaysNearTheLimit() {
        Workspace w;
        const QString flow = w.flow("grow", "runner:\n  memory_limit: 100MB\ntasks:\n"
                                            "  grow:\n    kind: python\n    script: |\n"
                                            "      import time\n      chunks = []\n      while True:\n"
                                            "          chunks.append(bytearray(10 * 1000 * 1000))\n"
                                            "          time.sleep(0.01)\n"
                                            "  small:\n    kind: python\n    script: |\n"
                                            "      b = bytearray(20 * 1000 * 1000)\n      print('fits', len(b))\n");
        const CliResult r = w.run({"run", flow, "--json"});
        QVERIFY2(r.exitCode == 1, qPrintable(QString::number(r.exitCode) + r.out + r.err));
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject grow = taskOf(doc, "grow");
        QCOMPARE(grow["state"].toString(), QStringLiteral("Failed"));
        QVERIFY2(grow["message"].toString().startsWith(QStringLiteral("exceeded its memory limit of 100MB")),
                 qPrintable(grow["message"].toString()));
        const double peakMb = grow["attempts"].toArray().first()["peak_memory_mb"].toDouble();
        QVERIFY2(peakMb > 0 && peakMb <= 110, qPrintable(QString::number(peakMb)));
        QCOMPARE(taskOf(doc, "small")["state"].toString(), QStringLiteral("Completed"));

        const CliResult logs = w.run({"runs", "logs", doc["run"].toObject()["id"].toString()});
        QVERIFY2(logs.out.contains(QStringLiteral("grow #1 engine info: memory limit 100MB enforced by ")), qPrintable(logs.out));
        QVERIFY2(logs.out.contains(QStringLiteral("small #1 stdout info: fits 20000000")), qPrintable(logs.out));
    }

    void aTaskThatFloodsItsOutputKeepsTheLogLimitAndTheRunnerSmall() {
        Workspace w;
        // 512 MiB of "y" lines and "done": 268,435,457 lines, of which 100,000 are stored, then the last 50.
        const QString flow = w.flow("flood", "tasks:\n"
                                             "  zeros:\n    kind: shell\n    script: head -c 1G /dev/zero | tr '\\0' 'x'\n"
                                             "  lines:\n    kind: shell\n    script: yes | head -c 512M; echo done\n");
        // The runner's own peak: python waits for it and reads its children's largest resident set.
        const QString measure = QStringLiteral(
            "import resource, subprocess, sys\n"
            "code = subprocess.run(sys.argv[1:]).returncode\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(code)\n");
        QProcess p;
        p.setProcessEnvironment(w.env);
        p.setWorkingDirectory(w.dir.path());
        QElapsedTimer elapsed;
        elapsed.start();
        p.start(QStringLiteral("python3"), {"-c", measure, cliPath(), "run", flow, "--json"});
        QVERIFY(p.waitForFinished(120000));
        const qint64 seconds = elapsed.elapsed() / 1000;
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        const qint64 peakKb = err.trimmed().section('\n', -1).toLongLong();
        QVERIFY2(peakKb > 0 && peakKb < 200 * 1024, qPrintable(err));
        qInfo("1 GiB and 512 MiB of output in %lld s; the runner's peak resident set %lld MB", seconds, peakKb / 1024);

        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(taskOf(doc, "zeros")["state"].toString(), QStringLiteral("Completed"));
        QCOMPARE(taskOf(doc, "lines")["state"].toString(), QStringLiteral("Completed"));

        qint64 stored = 0;
        for (const QString &name : QDir(w.dir.path()).entryList({"runs.db*"}, QDir::Files))
            stored += QFileInfo(w.dir.filePath(name)).size();
        QVERIFY2(stored < 64 * 1024 * 1024, qPrintable(QString::number(stored)));  // two 8 MiB logs and their index

        const QString run = doc["run"].toObject()["id"].toString();
        const CliResult logs = w.run({"runs", "logs", run, "--level", "warning"});
        QVERIFY2(logs.exitCode == 0, qPrintable(logs.err));
        QStringList notices;
        for (const QString &line : logs.out.split('\n'))
            if (line.contains(QLatin1String("engine warning"))) notices << line.section(' ', 1);
        QCOMPARE(notices.size(), 2);
        QVERIFY2(notices.contains(QStringLiteral("zeros #1 engine warning: log limit of this attempt reached (8MiB or "
                                                 "100000 lines): 1.1GB of stdout in 0 lines not stored")),
                 qPrintable(notices.join('\n')));
        QVERIFY2(notices.contains(QStringLiteral("lines #1 engine warning: log limit of this attempt reached (8MiB or "
                                                 "100000 lines): 536.7MB of stdout in 268335407 lines not stored; its "
                                                 "last 50 lines follow")),
                 qPrintable(notices.join('\n')));
        const CliResult tail = w.run({"runs", "logs", run, "--task", "lines"});
        QVERIFY2(tail.out.endsWith(QStringLiteral("lines #1 stdout info: done\n")), qPrintable(tail.out.right(200)));
    }
};

QTEST_GUILESS_MAIN(TestTaskFaults)
#include "test_task_faults.moc"
