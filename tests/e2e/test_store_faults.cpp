// The run database in a bad state, end to end: a full disk, garbage, a truncated file, a file or
// a file system that may not be written. Each must give a clear error and a non-zero exit, and
// leave what is on disk as it was.
#include "../common/CliProcess.h"

#include <QCryptographicHash>
#include <QtTest>

namespace {

/// flowdeck-cli in @p dir; its app log and data folder in @p home (default: @p dir), so the
/// test never touches the user's.
CliResult runCli(const QString &dir, const QStringList &args, const QString &home = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("FLOWDECK_LOG_DIR", (home.isEmpty() ? dir : home) + "/logs");
    env.insert("XDG_DATA_HOME", (home.isEmpty() ? dir : home) + "/data");
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(dir);
    p.start(cliPath(), args);
    if (!p.waitForFinished(120000)) p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray sha(const QString &path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Every file under @p dir with its hash: what a refused command must leave as it was.
QMap<QString, QByteArray> filesIn(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(path, sha(path));
    }
    return files;
}

bool succeeds(const QString &program, const QStringList &args, QString *why = nullptr) {
    QProcess p;
    p.start(program, args);
    const bool ok = p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (why) *why = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return ok;
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QByteArray kLoudFlow = "apiVersion: flowdeck/v1\nkind: Flow\nname: loud\ntasks:\n  talk:\n    kind: shell\n"
                             "    script: for i in $(seq 1 20000); do echo \"line $i of output that fills a small disk\"; done\n";
const QByteArray kQuietFlow = "apiVersion: flowdeck/v1\nkind: Flow\nname: quiet\ntasks:\n  a:\n    kind: noop\n";

/// A 1.5 MB tmpfs mounted on a fresh folder while it lives, where the test may mount one.
class SmallDisk {
public:
    SmallDisk() {
        if (!m_dir.isValid()) return;
        QProcess mount;
        mount.start("mount", {"-t", "tmpfs", "-o", "size=1500k,mode=0700", "tmpfs", m_dir.path()});
        m_mounted = mount.waitForFinished(10000) && mount.exitStatus() == QProcess::NormalExit && mount.exitCode() == 0;
        m_why = QString::fromUtf8(mount.readAllStandardError()).trimmed();
    }
    ~SmallDisk() {
        if (m_mounted) QProcess::execute("umount", {m_dir.path()});
    }
    /// Remounts it read-only, as a disk that went read-only after an error would be.
    bool makeReadOnly(QString *why) { return succeeds("mount", {"-o", "remount,ro", m_dir.path()}, why); }
    bool mounted() const { return m_mounted; }
    QString why() const { return m_why; }
    QString path(const QString &name = {}) const { return name.isEmpty() ? m_dir.path() : m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_why;
};

}  // namespace

class TestStoreFaults : public QObject {
    Q_OBJECT
private slots:
    void aFullDiskFailsTheRunLoudlyAndKeepsTheDatabaseIntact() {
        SmallDisk disk;
        if (!disk.mounted())
            QSKIP(qPrintable("cannot mount a small tmpfs here (needs root): " + disk.why()));
        writeFile(disk.path("loud.flow.yaml"), kLoudFlow);
        const QString db = disk.path("runs.db");
        const CliResult r = runCli(disk.path(), {"run", disk.path("loud.flow.yaml"), "--db", db});
        // The task itself went well; the database could not keep its log: that is no success.
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QRegularExpression(
                     "the run database could not record \\d+ change\\(s\\) of this run \\(database or disk is full\\)")),
                 qPrintable(r.err));
        // What was written is intact and still readable.
        const CliResult list = runCli(disk.path(), {"runs", "list", "--db", db});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains("loud"), qPrintable(list.out + list.err));
        QProcess check;
        check.start("sqlite3", {db, "PRAGMA integrity_check"});
        QVERIFY(check.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(check.readAllStandardOutput()).trimmed(), QStringLiteral("ok"));
    }

    void aFileThatIsNotADatabaseIsRefusedAndLeftAsItWas() {
        QTemporaryDir dir;
        writeFile(dir.filePath("quiet.flow.yaml"), kQuietFlow);
        const QString db = dir.filePath("runs.db");
        QByteArray garbage;
        for (int i = 0; i < 5000; ++i) garbage += char((i * 7919) % 251);
        writeFile(db, garbage);
        const QByteArray before = sha(db);
        for (const QStringList &args : {QStringList{"run", dir.filePath("quiet.flow.yaml"), "--db", db},
                                        QStringList{"runs", "list", "--db", db}}) {
            const CliResult r = runCli(dir.path(), args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("cannot open the run database " + db +
                                    ": it is not an SQLite database (the file does not start with \"SQLite format 3\")"),
                     qPrintable(r.err));
        }
        QCOMPARE(sha(db), before);
    }

    void aTruncatedDatabaseIsRefusedAndLeftAsItWas() {
        QTemporaryDir dir;
        writeFile(dir.filePath("quiet.flow.yaml"), kQuietFlow);
        const QString db = dir.filePath("runs.db");
        QCOMPARE(runCli(dir.path(), {"run", dir.filePath("quiet.flow.yaml"), "--db", db}).exitCode, 0);
        QFile::remove(db + "-wal");
        QFile::remove(db + "-shm");
        QVERIFY(QFile::resize(db, 3000));
        const QByteArray before = sha(db);
        for (const QStringList &args : {QStringList{"run", dir.filePath("quiet.flow.yaml"), "--db", db},
                                        QStringList{"runs", "list", "--db", db}}) {
            const CliResult r = runCli(dir.path(), args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("cannot open the run database " + db + ": it is not a usable SQLite database"),
                     qPrintable(r.err));
        }
        QCOMPARE(sha(db), before);
    }

    // Root may write a 0400 file, so the test makes the file system or the file itself
    // unwritable (a read-only mount, the immutable attribute), which binds root too.
    void aDatabaseOnAReadOnlyFileSystemIsRefusedAndLeftAsItWas() {
        SmallDisk disk;
        if (!disk.mounted()) QSKIP(qPrintable("cannot mount a small tmpfs here (needs root): " + disk.why()));
        QTemporaryDir home;
        writeFile(disk.path("quiet.flow.yaml"), kQuietFlow);
        const QString db = disk.path("runs.db");
        QCOMPARE(runCli(disk.path(), {"run", disk.path("quiet.flow.yaml"), "--db", db}, home.path()).exitCode, 0);
        QString why;
        if (!disk.makeReadOnly(&why)) QSKIP(qPrintable("cannot remount the tmpfs read-only: " + why));
        const QMap<QString, QByteArray> before = filesIn(disk.path());
        for (const QStringList &args : {QStringList{"run", disk.path("quiet.flow.yaml"), "--db", db},
                                        QStringList{"runs", "list", "--db", db}}) {
            const CliResult r = runCli(home.path(), args, home.path());
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("cannot open the run database " + db +
                                    ": it is on a read-only file system (mount it read-write, or copy it elsewhere"
                                    " and use --db or FLOWDECK_DB)"),
                     qPrintable(r.err));
        }
        QCOMPARE(filesIn(disk.path()), before);
    }

    void anImmutableDatabaseIsRefusedAndLeftAsItWas() {
        QTemporaryDir dir, home;
        writeFile(dir.filePath("quiet.flow.yaml"), kQuietFlow);
        const QString db = dir.filePath("runs.db");
        QCOMPARE(runCli(dir.path(), {"run", dir.filePath("quiet.flow.yaml"), "--db", db}, home.path()).exitCode, 0);
        QString why;
        if (!succeeds("chattr", {"+i", db}, &why))
            QSKIP(qPrintable("cannot set the immutable attribute here (needs root and a file system with it): " + why));
        struct Thaw {  // however the test ends, or the temporary folder cannot be removed
            QString path;
            ~Thaw() { QProcess::execute("chattr", {"-i", path}); }
        } thaw{db};
        const QMap<QString, QByteArray> before = filesIn(dir.path());
        for (const QStringList &args : {QStringList{"run", dir.filePath("quiet.flow.yaml"), "--db", db},
                                        QStringList{"runs", "list", "--db", db}}) {
            const CliResult r = runCli(dir.path(), args, home.path());
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("cannot open the run database " + db +
                                    ": it may not be written: the file is immutable (lsattr shows it, chattr -i removes it)"),
                     qPrintable(r.err));
        }
        QCOMPARE(filesIn(dir.path()), before);
    }
};

QTEST_GUILESS_MAIN(TestStoreFaults)
#include "test_store_faults.moc"
