// Finding our memory cgroup from /proc/self/cgroup and /proc/self/mountinfo, as they read on
// hosts, in containers and on hybrid systems; and a task cgroup's life on this machine.
#include "engine/MemoryCeiling.h"

#include <QDir>
#include <QtTest>

#include <unistd.h>

using namespace flowdeck;

namespace {

// Lines as a hybrid host shows them (this machine's shape: v1 memory, v2 without it).
const std::string kHybridCgroup = "9:name=systemd:/\n4:memory:/process_api/4435bb\n2:cpuacct:/\n0::/\n";
const std::string kHybridMounts =
    "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
    "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
    "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
    "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";

}  // namespace

class TestMemoryCeiling : public QObject {
    Q_OBJECT
private slots:
    void findsTheV1MemoryCgroupBelowItsMount() {
        const CgroupPlace place = memoryCgroupV1(kHybridCgroup, kHybridMounts);
        QCOMPARE(place.version, CgroupPlace::Version::V1);
        QCOMPARE(QString::fromStdString(place.directory), QStringLiteral("/sys/fs/cgroup/memory/process_api/4435bb"));
        const CgroupPlace v2 = memoryCgroupV2(kHybridCgroup, kHybridMounts);
        QCOMPARE(v2.version, CgroupPlace::Version::V2);
        QCOMPARE(QString::fromStdString(v2.directory), QStringLiteral("/sys/fs/cgroup/unified"));
    }

    void findsAUnifiedCgroupAndItsPlaceInAContainer() {
        // A systemd user service on a v2-only host.
        const CgroupPlace host = memoryCgroupV2("0::/user.slice/user-1000.slice/app.scope\n",
                                                "29 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate\n");
        QCOMPARE(QString::fromStdString(host.directory), QStringLiteral("/sys/fs/cgroup/user.slice/user-1000.slice/app.scope"));
        // A container without a cgroup namespace: the mount's root is our cgroup.
        const CgroupPlace bound = memoryCgroupV2("0::/docker/abc\n", "50 40 0:26 /docker/abc /sys/fs/cgroup ro - cgroup2 cgroup2 rw\n");
        QCOMPARE(QString::fromStdString(bound.directory), QStringLiteral("/sys/fs/cgroup"));
        const CgroupPlace below = memoryCgroupV1("5:memory:/docker/abc/job\n",
                                                 "50 40 0:30 /docker/abc /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n");
        QCOMPARE(QString::fromStdString(below.directory), QStringLiteral("/sys/fs/cgroup/memory/job"));
        // A mount point with a space in it is escaped in mountinfo.
        const CgroupPlace spaced = memoryCgroupV2("0::/a\n", "1 1 0:1 / /mnt/my\\040cgroups rw - cgroup2 cgroup2 rw\n");
        QCOMPARE(QString::fromStdString(spaced.directory), QStringLiteral("/mnt/my cgroups/a"));
    }

    void saysWhyThereIsNone() {
        const CgroupPlace noV1 = memoryCgroupV1("0::/\n", kHybridMounts);
        QCOMPARE(noV1.version, CgroupPlace::Version::None);
        QCOMPARE(noV1.problem, QStringLiteral("no cgroup v1 memory controller"));
        const CgroupPlace elsewhere = memoryCgroupV1("4:memory:/other\n",
                                                     "50 40 0:30 /docker/abc /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n");
        QCOMPARE(elsewhere.problem,
                 QStringLiteral("the cgroup v1 memory controller is not mounted where our cgroup /other is visible"));
        QCOMPARE(memoryCgroupV2("4:memory:/x\n", kHybridMounts).problem, QStringLiteral("no cgroup v2"));
    }

    void aTaskCgroupHasItsLimitAndIsRemoved() {
        const MemoryEnforcement &enforcement = memoryEnforcement();
        if (enforcement.cgroup.version == CgroupPlace::Version::None)
            QSKIP(qPrintable(QStringLiteral("no cgroup here: ") + enforcement.detail));
        QString problem;
        std::unique_ptr<TaskCgroup> cgroup = TaskCgroup::create(enforcement.cgroup, 64 * 1024 * 1024, &problem);
        QVERIFY2(cgroup, qPrintable(problem));
        const QDir parent(QString::fromStdString(enforcement.cgroup.directory));
        const QStringList made = parent.entryList({QStringLiteral("flowdeck-%1-*").arg(::getpid())}, QDir::Dirs);
        QCOMPARE(made.size(), 1);
        const bool v1 = enforcement.cgroup.version == CgroupPlace::Version::V1;
        QFile limit(parent.filePath(made[0] + (v1 ? "/memory.limit_in_bytes" : "/memory.max")));
        QVERIFY(limit.open(QIODevice::ReadOnly));
        QCOMPARE(limit.readAll().trimmed(), QByteArray("67108864"));
        QVERIFY(cgroup->pids().empty());
        QCOMPARE(cgroup->oomKills(), qint64(0));
        cgroup.reset();
        QVERIFY(parent.entryList({QStringLiteral("flowdeck-%1-*").arg(::getpid())}, QDir::Dirs).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMemoryCeiling)
#include "test_memory_ceiling.moc"
