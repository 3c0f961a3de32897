// Workspace trust: which folders the GUI may run code from on its own, remembered in a file.
#include "workspace/WorkspaceTrust.h"

#include <QtTest>

#include <sys/stat.h>

using namespace flowdeck;

class TestWorkspaceTrust : public QObject {
    Q_OBJECT
private slots:
    void aFolderIsTrustedOnlyOnceTrustedAndWithItsSubfolders() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("work/flows"));
        QVERIFY(QDir(dir.path()).mkpath("workshop"));
        const QString file = dir.filePath("config/trusted");
        WorkspaceTrust trust(file);
        QVERIFY(!trust.isTrusted(dir.filePath("work")));
        QVERIFY(trust.trust(dir.filePath("work")));
        QVERIFY(trust.isTrusted(dir.filePath("work")));
        QVERIFY(trust.isTrusted(dir.filePath("work/flows")));
        QVERIFY(trust.isTrusted(dir.filePath("work/flows/../flows/")));
        QVERIFY(!trust.isTrusted(dir.filePath("workshop")));  // a longer name is another folder
        QVERIFY(!trust.isTrusted(dir.path()));
        QVERIFY(!trust.isTrusted(QString()));
        // Remembered: a new reader of the file agrees.
        QVERIFY(WorkspaceTrust(file).isTrusted(dir.filePath("work/flows")));
        QVERIFY(trust.revoke(dir.filePath("work")));
        QVERIFY(!WorkspaceTrust(file).isTrusted(dir.filePath("work")));
    }

    void aLinkIsJudgedByTheFolderItPointsTo() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("real"));
        QVERIFY(QDir(dir.path()).mkpath("other"));
        QVERIFY(QFile::link(dir.filePath("real"), dir.filePath("alias")));
        QVERIFY(QFile::link(dir.filePath("other"), dir.filePath("looks-trusted")));
        WorkspaceTrust trust(dir.filePath("trusted"));
        QVERIFY(trust.trust(dir.filePath("real")));
        QVERIFY(trust.isTrusted(dir.filePath("alias")));
        QVERIFY(!trust.isTrusted(dir.filePath("looks-trusted")));
    }

    void theFileIsPrivateWhateverTheUmask() {
        QTemporaryDir dir;
        const mode_t old = ::umask(0);
        WorkspaceTrust trust(dir.filePath("config/trusted"));
        const bool ok = trust.trust(dir.path());
        ::umask(old);
        QVERIFY(ok);
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(dir.filePath("config/trusted")).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
    }

    void anUnwritableFileIsAnErrorThatSaysWhere() {
        QTemporaryDir dir;
        QVERIFY(QFile(dir.filePath("blocker")).open(QIODevice::WriteOnly));
        WorkspaceTrust trust(dir.filePath("blocker/trusted"));  // a file where a folder must be
        QString error;
        QVERIFY(!trust.trust(dir.path(), &error));
        QVERIFY2(error.contains(dir.filePath("blocker")), qPrintable(error));
    }

    void theEnvironmentChoosesTheFile() {
        qputenv("FLOWDECK_TRUST_FILE", "/somewhere/trusted");
        QCOMPARE(WorkspaceTrust::defaultFile(), QStringLiteral("/somewhere/trusted"));
        qunsetenv("FLOWDECK_TRUST_FILE");
        QVERIFY(WorkspaceTrust::defaultFile().endsWith("/flowdeck/trusted-workspaces"));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceTrust)
#include "test_workspace_trust.moc"
