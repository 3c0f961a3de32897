// Reliability of flowdeck-cli run end to end: private files under a permissive umask, the flow
// timeout, the kernel-enforced memory limit. Real processes, a real database, real files.
#include "../common/CliProcess.h"
#include "../common/ProcessProbe.h"

#include <QtTest>

#include <sys/stat.h>

namespace {

/// A workspace folder with its own database, so tests never touch the user's.
class Workspace {
public:
    Workspace() { env = isolatedEnvironment(dir); }

    QString write(const QString &name, const QByteArray &text) const {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return file.fileName();
    }

    QString flow(const QString &name, const QByteArray &body) const {
        return write(name + ".flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: " + name.toUtf8() + "\n" + body);
    }

    CliResult run(const QStringList &args, int timeoutMs = 120000) const {
        return runCliIn(dir.path(), env, args, timeoutMs);
    }

    QTemporaryDir dir;
    QProcessEnvironment env;
};

/// The permission bits of @p path, or -1 when it does not exist.
int modeOf(const QString &path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) return -1;
    return int(info.st_mode & 07777);
}

QString octal(int mode) {
    return mode < 0 ? QStringLiteral("missing") : QString::number(mode, 8);
}

/// Sets the umask for the scope (children started meanwhile inherit it).
class ScopedUmask {
public:
    explicit ScopedUmask(mode_t mask) : m_previous(::umask(mask)) {}
    ~ScopedUmask() { ::umask(m_previous); }

private:
    mode_t m_previous;
};

QJsonObject taskOf(const QJsonObject &doc, const QString &task) {
    for (const QJsonValue &t : doc["tasks"].toArray())
        if (t["task"].toString() == task) return t.toObject();
    return {};
}


/// Two tasks that each start a `sleep 60` child (recording its pid) and wait for it, and one
/// that waits for them: a run that can only end by being stopped.
QByteArray sleepingTasks(const QString &pids) {
    return QStringLiteral("tasks:\n"
                          "  a:\n    kind: shell\n    script: sleep 60 & echo $! >> %1; wait\n"
                          "  b:\n    kind: shell\n    script: sleep 60 & echo $! >> %1; wait\n"
                          "  c:\n    kind: shell\n    after: [a, b]\n    script: echo never\n")
        .arg(pids)
        .toUtf8();
}

QList<qint64> pidsIn(const QString &path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QList<qint64> pids;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.trimmed().isEmpty()) pids << line.trimmed().toLongLong();
    return pids;
}

bool anyAlive(const QList<qint64> &pids) {
    for (qint64 pid : pids)
        if (processAlive(pid)) return true;
    return false;
}

/// Checks a run stopped by its flow timeout: TimedOut, the running tasks TimedOut, the waiting
/// one Cancelled, and not one `sleep` left.
void verifyTimedOut(const CliResult &r, const QString &pids, const QString &limit) {
    QVERIFY2(r.exitCode == 1, qPrintable(QString::number(r.exitCode) + r.out + r.err));
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject status = doc["status"].toObject();
    QCOMPARE(status["state"].toString(), QStringLiteral("TimedOut"));
    QCOMPARE(status["error_message"].toString(), QStringLiteral("the run timed out after %1").arg(limit));
    for (const char *task : {"a", "b"}) {
        QCOMPARE(taskOf(doc, task)["state"].toString(), QStringLiteral("TimedOut"));
        QCOMPARE(taskOf(doc, task)["message"].toString(), QStringLiteral("stopped: the run timed out after %1").arg(limit));
    }
    QCOMPARE(taskOf(doc, "c")["state"].toString(), QStringLiteral("Cancelled"));
    QCOMPARE(pidsIn(pids).size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!anyAlive(pidsIn(pids)), 10000);
}

}  // namespace

class TestCliReliability : public QObject {
    Q_OBJECT
private slots:
    void filesTheStoreWritesArePrivateUnderAPermissiveUmask() {
        const ScopedUmask permissive(0002);
        Workspace w;
        // 'look' runs while the run is live: it sees the database's -wal and -shm, the run folder,
        // the scratch folder and the inputs and result files of 'produce'.
        const QString flow = w.flow("private", R"(tasks:
  produce:
    kind: python
    script: |
      from flowdeck import set_result
      set_result({'secret': 'value'})
  look:
    kind: python
    after: [produce]
    script: |
      import glob, json, os, stat
      from flowdeck import set_result
      db = os.environ['FLOWDECK_DB']
      scratch = os.path.dirname(os.environ['FLOWDECK_INPUTS'])
      paths = {'wal': db + '-wal', 'shm': db + '-shm', 'run_dir': os.environ['FLOWDECK_RUN_DIR'], 'scratch': scratch}
      for p in glob.glob(scratch + '/produce.*'):
          paths[os.path.basename(p).split('.', 2)[2]] = p
      set_result({k: oct(stat.S_IMODE(os.stat(v).st_mode)) for k, v in paths.items()})
)");
        const CliResult r = w.run({"run", flow, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QVariantMap seen = taskOf(doc, "look")["result"].toObject().toVariantMap();
        const QVariantMap expected{{"wal", "0o600"},     {"shm", "0o600"},         {"run_dir", "0o700"},
                                   {"scratch", "0o700"}, {"inputs.json", "0o600"}, {"result.json", "0o600"}};
        QCOMPARE(seen, expected);

        const QString data = w.dir.filePath("data/flowdeck");
        const QString runDir = data + "/runs/" + doc["status"].toObject()["run_id"].toString();
        QVERIFY2(QFileInfo(runDir).isDir(), qPrintable(runDir + "\n" + r.out));
        const QList<std::pair<QString, int>> files{
            {w.dir.filePath("runs.db"), 0600},         {w.dir.filePath("runs.db.runs"), 0600},
            {w.dir.filePath("runs.db.slots"), 0600},   {w.dir.filePath("runs.db.cancel"), 0600},
            {w.dir.filePath("runs.db.approvals"), 0600}, {w.dir.filePath("logs"), 0700},
            {w.dir.filePath("logs/flowdeck-cli.log"), 0600}, {data + "/runs", 0700}, {runDir, 0700}};
        for (const auto &[path, mode] : files)
            QVERIFY2(modeOf(path) == mode, qPrintable(path + ": " + octal(modeOf(path))));
    }

    void anExistingDatabaseOthersCouldReadIsNarrowed() {
        Workspace w;
        QVERIFY(w.run({"run", w.flow("one", "tasks:\n  a:\n    kind: noop\n")}).exitCode == 0);
        const QString db = w.dir.filePath("runs.db");
        QVERIFY(::chmod(QFile::encodeName(db).constData(), 0644) == 0);
        QVERIFY(w.run({"runs", "list"}).exitCode == 0);
        QCOMPARE(octal(modeOf(db)), octal(0600));
    }

    void aFlowTimeoutStopsEveryTaskTreeAndTheRunEndsTimedOut() {
        Workspace w;
        const QString pids = w.dir.filePath("pids");
        const QString flow = w.flow("slow", "runner:\n  timeout: 2s\n" + sleepingTasks(pids));
        QElapsedTimer elapsed;
        elapsed.start();
        const CliResult r = w.run({"run", flow, "--json"});
        QVERIFY(elapsed.elapsed() < 50000);  // well before the sleeps could end by themselves
        verifyTimedOut(r, pids, "2s");
    }

    void theWorkspaceDefaultAppliesToFlowsWithoutTheirOwnTimeout() {
        Workspace w;
        w.write("flowdeck.yaml", "settings:\n  flow_timeout: 2s\n");
        const QString pids = w.dir.filePath("pids");
        verifyTimedOut(w.run({"run", w.flow("slow", sleepingTasks(pids)), "--json"}), pids, "2s");
        // A flow's own timeout wins over the workspace's; it is long enough for this flow.
        const CliResult own = w.run({"run", w.flow("quick", "runner:\n  timeout: 1h\ntasks:\n  a:\n    kind: shell\n"
                                                            "    script: sleep 3\n"),
                                     "--json"});
        QVERIFY2(own.exitCode == 0, qPrintable(own.out + own.err));
    }

    void badTimeoutsAreRefusedWithTheirPlace() {
        Workspace w;
        const QString flow = w.flow("bad", "runner:\n  timeout: soon\ntasks:\n  a:\n    kind: noop\n");
        const CliResult bad = w.run({"run", flow});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(flow + ":5:12: bad duration 'soon' for 'timeout': expected seconds or a number with a "
                                         "unit ms, s, m, h or d, like '30s' or '1m30s'"),
                 qPrintable(bad.err));
        const QString zero = w.flow("zero", "runner:\n  timeout: 0s\ntasks:\n  a:\n    kind: noop\n");
        const CliResult z = w.run({"run", zero});
        QCOMPARE(z.exitCode, 2);
        QVERIFY2(z.err.contains(zero + ":5:12: 'timeout' in 'runner' must be greater than 0"), qPrintable(z.err));

        w.write("flowdeck.yaml", "settings:\n  flow_timeout: never\n");
        const CliResult setting = w.run({"run", w.flow("ok", "tasks:\n  a:\n    kind: noop\n")});
        QCOMPARE(setting.exitCode, 2);
        QVERIFY2(setting.err.contains(w.dir.filePath("flowdeck.yaml") +
                                      ":2:17: flow_timeout: expected a duration greater than 0 like 30m or 1h, or "
                                      "'none', got 'never'"),
                 qPrintable(setting.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReliability)
#include "test_cli_reliability.moc"
