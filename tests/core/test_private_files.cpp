// Files and folders that hold run data are the user's alone, whatever the umask.
#include "run/PrivateFiles.h"

#include <QtTest>

#include <sys/stat.h>

using namespace flowdeck;

namespace {

int modeOf(const QString &path) {
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

/// Sets the umask for the scope.
class ScopedUmask {
public:
    explicit ScopedUmask(mode_t mask) : m_previous(::umask(mask)) {}
    ~ScopedUmask() { ::umask(m_previous); }

private:
    mode_t m_previous;
};

}  // namespace

class TestPrivateFiles : public QObject {
    Q_OBJECT
private slots:
    void foldersItCreatesAre0700AndThoseThatExistedAreLeftAlone() {
        const ScopedUmask permissive(0002);
        QTemporaryDir dir;
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
        QVERIFY(makePrivateFolder(dir.filePath("a/b/c")));
        for (const char *folder : {"a", "a/b", "a/b/c"}) QCOMPARE(modeOf(dir.filePath(folder)), 0700);
        QCOMPARE(modeOf(dir.path()), 0755);  // the user's own folder
        QVERIFY(makePrivateFolder(dir.filePath("a/b/c")));  // again: nothing to do, still true
        QVERIFY(!makePrivateFolder({}));
    }

    void aFolderCannotBeMadeWhereAFileIs() {
        QTemporaryDir dir;
        QVERIFY(makePrivateFile(dir.filePath("file")));
        QVERIFY(!makePrivateFolder(dir.filePath("file/below")));
    }

    void filesItCreatesAre0600AndLooserOnesAreNarrowed() {
        const ScopedUmask permissive(0002);
        QTemporaryDir dir;
        const QString fresh = dir.filePath("fresh");
        QVERIFY(makePrivateFile(fresh));
        QCOMPARE(modeOf(fresh), 0600);
        QFile loose(dir.filePath("loose"));
        QVERIFY(loose.open(QIODevice::WriteOnly));
        loose.write("kept");
        loose.close();
        QCOMPARE(modeOf(loose.fileName()), 0664);
        QVERIFY(makePrivateFile(loose.fileName()));
        QCOMPARE(modeOf(loose.fileName()), 0600);
        QVERIFY(loose.open(QIODevice::ReadOnly));
        QCOMPARE(loose.readAll(), QByteArray("kept"));  // narrowed, not emptied
    }

    void narrowingNeverAddsAccess() {
        QTemporaryDir dir;
        const QString readOnly = dir.filePath("read-only");
        QVERIFY(makePrivateFile(readOnly));
        QVERIFY(::chmod(QFile::encodeName(readOnly).constData(), 0444) == 0);
        narrowToOwner(readOnly);
        QCOMPARE(modeOf(readOnly), 0400);
        narrowToOwner(dir.filePath("missing"));  // nothing to do, no crash
        QCOMPARE(modeOf(dir.filePath("missing")), -1);
    }
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "test_private_files.moc"
