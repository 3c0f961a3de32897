// ProcessRunner against real processes: output, exit, failures to start, and killing whole trees.
#include "engine/MemoryCeiling.h"
#include "engine/ProcessRunner.h"
#include "run/RunEvent.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace flowdeck;

namespace {

struct Captured {
    QStringList out;
    QStringList err;
    ProcessOutcome outcome;
};

QHash<QString, QString> systemEnvironment() {
    QHash<QString, QString> env;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &key : system.keys()) env.insert(key, system.value(key));
    return env;
}

ProcessSpec bash(const QString &script) {
    ProcessSpec spec;
    spec.program = QStringLiteral("bash");
    spec.arguments = QStringList{QStringLiteral("-c"), script};
    spec.environment = systemEnvironment();
    return spec;
}

Captured run(const ProcessSpec &spec, const ProcessRunner::SampleHandler &onSample = {},
             const CancelToken *cancel = nullptr) {
    Captured captured;
    captured.outcome = ProcessRunner::run(
        spec,
        [&captured](LogLine::Stream stream, const QString &line) {
            (stream == LogLine::Stream::Stdout ? captured.out : captured.err).append(line);
        },
        onSample, cancel);
    return captured;
}

/// State letter of a process from /proc, or 0 if there is no such process.
char processState(pid_t pid) {
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) return 0;
    const QByteArray text = file.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren > 0 && paren + 2 < text.size() ? text.at(paren + 2) : 0;
}

/// Running means it exists and is not a zombie waiting for init to reap it.
bool isRunning(pid_t pid) {
    const char state = processState(pid);
    return state != 0 && state != 'Z' && state != 'X';
}

/// Live processes whose process group is @p pgid.
QList<pid_t> groupMembers(pid_t pgid) {
    QList<pid_t> members;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const pid_t pid = entry.toInt(&ok);
        if (!ok || !isRunning(pid)) continue;
        if (::getpgid(pid) == pgid) members.append(pid);
    }
    return members;
}

/// Asserts that none of the pids printed by a task (and none of its group) still runs.
void verifyNoSurvivors(const QStringList &pidLines, pid_t group) {
    for (const QString &line : pidLines) {
        bool ok = false;
        const pid_t pid = line.toInt(&ok);
        if (ok) QVERIFY2(!isRunning(pid), qPrintable(QStringLiteral("pid %1 survived").arg(pid)));
    }
    if (group > 0) QVERIFY2(groupMembers(group).isEmpty(), "a member of the task's process group survived");
}

int openFdCount() {
    return QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::System).size();
}

bool haveUnreapedChildren() {
    errno = 0;
    return !(::waitpid(-1, nullptr, WNOHANG) < 0 && errno == ECHILD);
}

/// Child role `--child-task PIDFILE`: runs a task whose bash starts `sleep 600`, writes
/// "BASHPID SLEEPPID" to PIDFILE once both run, and waits for the test to SIGKILL us.
constexpr const char *kChildTask = "--child-task";

int runTaskUntilKilled(const QString &pidFile) {
    ProcessSpec spec = bash(QStringLiteral("sleep 600 & echo \"$$ $!\" > \"$1.tmp\"; mv \"$1.tmp\" \"$1\"; wait"));
    spec.arguments << QStringLiteral("flowdeck-task") << pidFile;
    ProcessRunner::run(spec, [](LogLine::Stream, const QString &) {});
    return 1;  // only if the task ended by itself
}

/// A python that grows 10 MB at a time (each chunk written, so resident) under a 100 MB limit.
ProcessSpec growingPython() {
    ProcessSpec spec;
    spec.program = QStringLiteral("python3");
    spec.arguments = QStringList{QStringLiteral("-c"), QStringLiteral("import time\nchunks = []\nwhile True:\n"
                                                                      "    chunks.append(bytearray(10 * 1000 * 1000))\n"
                                                                      "    time.sleep(0.01)\n")};
    spec.environment = systemEnvironment();
    spec.memoryLimitBytes = 100 * 1000 * 1000;
    spec.killGraceSeconds = 0.5;
    return spec;
}

/// Task cgroups of this process still there (each must go when its task ends).
QStringList taskCgroupsLeft() {
    const CgroupPlace &place = memoryEnforcement().cgroup;
    if (place.version == CgroupPlace::Version::None) return {};
    return QDir(QString::fromStdString(place.directory))
        .entryList({QStringLiteral("flowdeck-%1-*").arg(::getpid())}, QDir::Dirs | QDir::NoDotAndDotDot);
}

/// SIGKILLs the listed processes that still run when it goes out of scope (a failed test's).
struct SurvivorCleanup {
    ~SurvivorCleanup() {
        for (const pid_t pid : pids)
            if (isRunning(pid)) ::kill(pid, SIGKILL);
    }
    QList<pid_t> pids;
};

}  // namespace

class TestProcessRunner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // The first run of a process starts the watchdog and keeps its socket open: start it
        // here, so that tests counting our descriptors see the same number before and after.
        QVERIFY(run(bash(QStringLiteral("true"))).outcome.succeeded());
    }

    void namesRunStatesAndLevels() {
        for (int i = 0; i <= int(RunState::Skipped); ++i)
            QCOMPARE(runStateFromString(toString(RunState(i))), std::optional<RunState>(RunState(i)));
        QCOMPARE(toString(RunState::AwaitingRetry), QStringLiteral("AwaitingRetry"));
        QCOMPARE(toString(RunState::TimedOut), QStringLiteral("TimedOut"));
        QVERIFY(!runStateFromString(QStringLiteral("Done")).has_value());
        QVERIFY(isFinal(RunState::Skipped) && !isFinal(RunState::Cancelling) && !isFinal(RunState::Paused));
        QVERIFY(isSuccess(RunState::Cached) && !isSuccess(RunState::Skipped));
        QVERIFY(isFailure(RunState::Crashed) && !isFailure(RunState::Cancelled));
        QCOMPARE(toString(LogLine::Level::Warning), QStringLiteral("warning"));
        QCOMPARE(logLevelFromString(QStringLiteral("error")),
                 std::optional<LogLine::Level>(LogLine::Level::Error));
        QVERIFY(!logLevelFromString(QStringLiteral("loud")).has_value());
    }

    void reportsExitCodes() {
        const Captured ok = run(bash(QStringLiteral("exit 0")));
        QVERIFY(ok.outcome.succeeded());
        QVERIFY(ok.outcome.error.isEmpty());
        QVERIFY2(ok.outcome.peakRssBytes > 0, "the reaped child's max RSS fills the peak even unsampled");

        const Captured three = run(bash(QStringLiteral("exit 3")));
        QCOMPARE(three.outcome.end, ProcessOutcome::End::Exited);
        QCOMPARE(three.outcome.exitCode, 3);
        QCOMPARE(three.outcome.error, QStringLiteral("exited with code 3"));
    }

    void reportsDeathBySignal() {
        const Captured killed = run(bash(QStringLiteral("kill -9 $$")));
        QCOMPARE(killed.outcome.end, ProcessOutcome::End::Signalled);
        QCOMPARE(killed.outcome.signal, 9);
        QCOMPARE(killed.outcome.error, QStringLiteral("killed by signal 9 (SIGKILL)"));
    }

    void deliversLinesInOrderPerStream() {
        const Captured c =
            run(bash(QStringLiteral("printf 'one\\ntwo\\r\\nthree'; printf 'e1\\ne2\\n\\ne4' >&2")));
        QVERIFY(c.outcome.succeeded());
        QCOMPARE(c.out, (QStringList{"one", "two", "three"}));
        QCOMPARE(c.err, (QStringList{"e1", "e2", "", "e4"}));

        const Captured many =
            run(bash(QStringLiteral("for i in $(seq 1 3000); do echo $i; echo e$i >&2; done")));
        QCOMPARE(many.out.size(), 3000);
        QCOMPARE(many.err.size(), 3000);
        for (int i = 0; i < 3000; ++i) {
            QCOMPARE(many.out[i], QString::number(i + 1));
            QCOMPARE(many.err[i], QStringLiteral("e%1").arg(i + 1));
        }
    }

    void decodesUtf8() {
        const Captured c = run(bash(QStringLiteral("echo 'größe €'")));
        QCOMPARE(c.out, QStringList{QStringLiteral("größe €")});
    }

    void splitsLinesLongerThan64KiB() {
        const Captured c = run(bash(QStringLiteral("head -c 200000 /dev/zero | tr '\\0' x")));
        QCOMPARE(c.out.size(), 4);
        QCOMPARE(c.out[0].size(), 65536);
        QCOMPARE(c.out[1].size(), 65536);
        QCOMPARE(c.out[2].size(), 65536);
        QCOMPARE(c.out[3].size(), 200000 - 3 * 65536);
        QCOMPARE(c.out.join(QString()), QString(200000, QLatin1Char('x')));
    }

    void neverCutsACharacterInTwo() {
        // 30000 three-byte characters: 65536 is not a multiple of 3.
        const Captured c = run(bash(QStringLiteral("for i in $(seq 1 30000); do printf '€'; done")));
        QCOMPARE(c.out.size(), 2);
        QVERIFY(!c.out.join(QString()).contains(QChar::ReplacementCharacter));
        QCOMPARE(c.out.join(QString()), QString(30000, QChar(0x20AC)));
    }

    void survivesABinaryBlob() {
        const Captured c = run(bash(QStringLiteral("head -c 400000 /dev/urandom; echo; echo after")));
        QVERIFY(c.outcome.succeeded());
        QVERIFY(c.out.size() >= 2);
        QCOMPARE(c.out.last(), QStringLiteral("after"));
        for (const QString &line : c.out) QVERIFY(line.size() <= 65536);
    }

    void givesTheChildExactlyItsEnvironment() {
        ProcessSpec spec;
        spec.program = QStringLiteral("env");  // found through our PATH: the spec sets none
        spec.environment = {{QStringLiteral("FLOWDECK_A"), QStringLiteral("1")},
                            {QStringLiteral("B"), QStringLiteral("two words = ü")}};
        Captured c = run(spec);
        QVERIFY2(c.outcome.succeeded(), qPrintable(c.outcome.error));
        c.out.sort();
        QCOMPARE(c.out, (QStringList{QStringLiteral("B=two words = ü"), QStringLiteral("FLOWDECK_A=1")}));
    }

    void runsInTheWorkingDirectory() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ProcessSpec spec = bash(QStringLiteral("pwd"));
        spec.workingDirectory = dir.path();
        const Captured c = run(spec);
        QCOMPARE(c.out, QStringList{QDir(dir.path()).canonicalPath()});

        // A relative program path is relative to the working directory, as in a shell there.
        QFile script(dir.filePath(QStringLiteral("hello.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho hello from \"$(basename \"$PWD\")\"\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        spec.program = QStringLiteral("./hello.sh");
        spec.arguments.clear();
        const Captured relative = run(spec);
        QVERIFY2(relative.outcome.succeeded(), qPrintable(relative.outcome.error));
        QCOMPARE(relative.out.size(), 1);
        QVERIFY(relative.out[0].startsWith(QStringLiteral("hello from ")));
    }

    void givesTheChildNullStdinAndDefaultSignals() {
        // A task must not inherit our ignored signals (a server often ignores SIGPIPE/SIGINT).
        ::signal(SIGINT, SIG_IGN);
        ProcessSpec spec = bash(QStringLiteral("cat; grep SigIgn /proc/self/status | cut -f2; echo done"));
        const Captured c = run(spec);
        ::signal(SIGINT, SIG_DFL);
        QCOMPARE(c.out.size(), 2);
        QCOMPARE(c.out[1], QStringLiteral("done"));
        bool ok = false;
        const quint64 ignored = c.out[0].toULongLong(&ok, 16);
        QVERIFY(ok);
        // glibc's posix_spawn leaves its own internal signals 32 and 33 ignored (bits 31, 32);
        // every signal a task could care about must be at its default.
        QCOMPARE(ignored & ~quint64(0x180000000), quint64(0));
    }

    void failsToStartWithAReason() {
        const int fdsBefore = openFdCount();
        ProcessSpec missing = bash(QString());
        missing.program = QStringLiteral("pythonx");
        Captured c = run(missing);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::FailedToStart);
        QCOMPARE(c.outcome.error, QStringLiteral("program 'pythonx' not found in PATH"));

        ProcessSpec noDir = bash(QStringLiteral("true"));
        noDir.workingDirectory = QStringLiteral("/nonexistent/flowdeck");
        c = run(noDir);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::FailedToStart);
        QCOMPARE(c.outcome.error, QStringLiteral("working directory /nonexistent/flowdeck does not exist"));

        QTemporaryDir dir;
        const QString plain = dir.filePath(QStringLiteral("plain.sh"));
        QFile file(plain);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("echo hi\n");
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        ProcessSpec notExecutable = bash(QString());
        notExecutable.program = plain;
        c = run(notExecutable);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::FailedToStart);
        QCOMPARE(c.outcome.error, QStringLiteral("program '%1' is not executable").arg(plain));
        QCOMPARE(openFdCount(), fdsBefore);
    }

    void killsLeftoverBackgroundJobsOfAFinishedTask() {
        // The sleep keeps stdout open; the run must not wait for it, and must not leave it behind.
        const auto started = std::chrono::steady_clock::now();
        const Captured c = run(bash(QStringLiteral("sleep 100 & echo $!; echo $$")));
        // Far below the sleep: the run did not wait for it (loose, for a loaded machine).
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
        QVERIFY2(c.outcome.succeeded(), qPrintable(c.outcome.error));
        QCOMPARE(c.out.size(), 2);
        verifyNoSurvivors(c.out, c.out[1].toInt());
    }

    void timeoutKillsTheWholeTree() {
        ProcessSpec spec = bash(QStringLiteral("echo $$; sleep 100 & echo $!; sleep 100 & echo $!; wait"));
        spec.timeoutSeconds = 0.5;
        const Captured c = run(spec);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::TimedOut);
        QCOMPARE(c.outcome.error, QStringLiteral("timed out after 500ms"));
        QVERIFY2(c.outcome.durationMs >= 480 && c.outcome.durationMs < 1500,
                 qPrintable(QString::number(c.outcome.durationMs)));
        QCOMPARE(c.out.size(), 3);
        verifyNoSurvivors(c.out, c.out[0].toInt());
    }

    void escalatesToSigkillAfterTheGrace() {
        // Ignoring TERM is inherited by the sleeps: only SIGKILL ends this tree.
        ProcessSpec spec =
            bash(QStringLiteral("trap '' TERM; echo $$; sleep 100 & echo $!; sleep 100 & echo $!; wait"));
        spec.timeoutSeconds = 0.5;
        spec.killGraceSeconds = 0.5;
        const Captured c = run(spec);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::TimedOut);
        QVERIFY2(c.outcome.durationMs >= 950 && c.outcome.durationMs < 2000,
                 qPrintable(QString::number(c.outcome.durationMs)));
        QCOMPARE(c.out.size(), 3);
        verifyNoSurvivors(c.out, c.out[0].toInt());
    }

    void killsAProcessThatLeftTheGroup() {
        // setsid puts the sleep in its own session and group; it ignores TERM and outlives bash.
        ProcessSpec spec =
            bash(QStringLiteral("trap '' TERM; echo $$; setsid sleep 100 & echo $!; sleep 0.2; cut -d' ' -f5 "
                                "/proc/$!/stat; wait"));
        spec.timeoutSeconds = 0.6;
        spec.killGraceSeconds = 0.3;
        const Captured c = run(spec);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::TimedOut);
        QCOMPARE(c.out.size(), 3);
        QVERIFY2(c.out[2] != c.out[0], "the sleep was meant to be in a group of its own");
        verifyNoSurvivors(c.out, c.out[0].toInt());
    }

    void cancelFromAnotherThreadEndsPromptly() {
        CancelToken token;
        std::thread canceller([&token] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            token.cancel();
        });
        const Captured c =
            run(bash(QStringLiteral("echo $$; sleep 100 & echo $!; setsid sleep 100 & echo $!; wait")), {},
                &token);
        canceller.join();
        QCOMPARE(c.outcome.end, ProcessOutcome::End::Cancelled);
        QCOMPARE(c.outcome.error, QStringLiteral("cancelled"));
        QVERIFY2(c.outcome.durationMs >= 190 && c.outcome.durationMs < 1000,
                 qPrintable(QString::number(c.outcome.durationMs)));
        QCOMPARE(c.out.size(), 3);
        verifyNoSurvivors(c.out, c.out[0].toInt());
    }

    void aCancelledTokenStartsNothing() {
        CancelToken token;
        token.cancel();
        QVERIFY(token.isCancelled());
        const Captured c = run(bash(QStringLiteral("echo should not run")), {}, &token);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::Cancelled);
        QVERIFY(c.out.isEmpty());
    }

    void theKernelHoldsTheMemoryLimit() {
        const MemoryEnforcement &enforcement = memoryEnforcement();
        if (enforcement.cgroup.version == CgroupPlace::Version::None)
            QSKIP(qPrintable(QStringLiteral("no cgroup here: ") + enforcement.detail));
        ProcessSpec spec = growingPython();
        const Captured c = run(spec);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::MemoryExceeded);
        const QString version = enforcement.cgroup.version == CgroupPlace::Version::V1 ? "v1" : "v2";
        QVERIFY2(c.err.contains(QStringLiteral("INFO: memory limit 100MB enforced by the cgroup %1 memory controller").arg(version)),
                 qPrintable(c.err.join('\n')));
        QVERIFY2(QRegularExpression(QStringLiteral("^exceeded its memory limit of 100MB \\(peak [0-9.]+MB\\); stopped by "
                                                   "the kernel \\(the cgroup %1 memory controller\\)$").arg(version))
                     .match(c.outcome.error).hasMatch(),
                 qPrintable(c.outcome.error));
        // The kernel's count never passes the limit; resident pages also hold the program's
        // shared files, charged elsewhere, so they may pass it by a few MB.
        QVERIFY2(c.outcome.cgroupPeakBytes > 0 && c.outcome.cgroupPeakBytes <= 100 * 1000 * 1000,
                 qPrintable(QString::number(c.outcome.cgroupPeakBytes)));
        QVERIFY2(c.outcome.peakRssBytes > 0 && c.outcome.peakRssBytes <= 110 * 1000 * 1000,
                 qPrintable(QString::number(c.outcome.peakRssBytes)));
        QVERIFY2(taskCgroupsLeft().isEmpty(), qPrintable(taskCgroupsLeft().join(' ')));
    }

    void withoutACgroupRlimitDataHoldsTheMemoryLimit() {
        ProcessSpec spec = growingPython();
        spec.memoryCgroup = false;
        const Captured c = run(spec);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::MemoryExceeded);
        QVERIFY2(c.err.contains(QStringLiteral("INFO: memory limit 100MB enforced by RLIMIT_DATA per process, the whole "
                                               "tree sampled every 100 ms (this task asked for RLIMIT_DATA)")),
                 qPrintable(c.err.join('\n')));
        QVERIFY2(c.err.contains(QStringLiteral("MemoryError")), qPrintable(c.err.join('\n')));
        QVERIFY2(c.outcome.error.startsWith(QStringLiteral("exceeded its memory limit of 100MB: an allocation was refused "
                                                           "by its per-process ceiling (RLIMIT_DATA); sampled peak of the tree ")),
                 qPrintable(c.outcome.error));
        QVERIFY2(c.outcome.peakRssBytes > 0 && c.outcome.peakRssBytes <= 110 * 1000 * 1000,
                 qPrintable(QString::number(c.outcome.peakRssBytes)));
    }

    void samplingStopsATreeWhoseProcessesAreEachUnderTheirLimit() {
        // Three pythons of 50 MB: each under RLIMIT_DATA's 100 MB, the tree over it. Sampling
        // catches it (after the fact: this is the gap a cgroup closes).
        ProcessSpec spec = bash(QStringLiteral(
            "for i in 1 2 3; do python3 -c 'import time; b = bytearray(50 * 1000 * 1000); time.sleep(100)' & done; wait"));
        spec.memoryLimitBytes = 100 * 1000 * 1000;
        spec.memoryCgroup = false;
        spec.killGraceSeconds = 0.2;
        const Captured c = run(spec);
        QCOMPARE(c.outcome.end, ProcessOutcome::End::MemoryExceeded);
        QVERIFY2(c.outcome.error.startsWith(QStringLiteral("exceeded its memory limit of 100MB (used ")) &&
                     c.outcome.error.endsWith(QStringLiteral("); stopped by sampling, the tree's total over the limit")),
                 qPrintable(c.outcome.error));
    }

    void aTaskUnderItsLimitIsUnaffected() {
        for (const bool cgroup : {true, false}) {
            ProcessSpec spec = bash(QStringLiteral("python3 -c 'b = bytearray(30 * 1000 * 1000); print(len(b))'; echo done"));
            spec.memoryLimitBytes = 100 * 1000 * 1000;
            spec.memoryCgroup = cgroup;
            const Captured c = run(spec);
            QVERIFY2(c.outcome.succeeded(), qPrintable(c.outcome.error + c.err.join('\n')));
            QCOMPARE(c.out, (QStringList{QStringLiteral("30000000"), QStringLiteral("done")}));
        }
        QVERIFY(taskCgroupsLeft().isEmpty());
    }

    void aTaskWithoutALimitGetsNoCgroupAndNoCeiling() {
        QFile ours(QStringLiteral("/proc/self/cgroup"));
        QVERIFY(ours.open(QIODevice::ReadOnly));
        const QStringList ourCgroups = QString::fromUtf8(ours.readAll()).trimmed().split('\n');
        const Captured c = run(bash(QStringLiteral("cat /proc/self/cgroup; ulimit -d")));
        QVERIFY(c.outcome.succeeded());
        QCOMPARE(c.out.mid(0, c.out.size() - 1), ourCgroups);
        QCOMPARE(c.out.last(), QStringLiteral("unlimited"));
        QVERIFY(c.err.isEmpty());  // no "memory limit …" line either
    }

    void aCgroupFindsAnOrphanThatLeftItsSession() {
        if (memoryEnforcement().cgroup.version == CgroupPlace::Version::None)
            QSKIP(qPrintable(QStringLiteral("no cgroup here: ") + memoryEnforcement().detail));
        // The subshell starts a new session's sleep that ignores TERM and exits at once: the sleep
        // is an orphan of init, in no group or tree of the task. Only its cgroup still holds it.
        QTemporaryDir dir;
        const QString pidFile = dir.filePath(QStringLiteral("orphan.pid"));
        ProcessSpec spec = bash(QStringLiteral(
            "(setsid bash -c 'trap \"\" TERM; echo $$ > \"$0.tmp\"; mv \"$0.tmp\" \"$0\"; exec sleep 100' \"$1\" &); "
            "while [ ! -s \"$1\" ]; do sleep 0.01; done; echo started; sleep 100"));
        spec.arguments << QStringLiteral("flowdeck-task") << pidFile;
        spec.memoryLimitBytes = 500 * 1000 * 1000;
        spec.timeoutSeconds = 5;  // generous: the orphan must exist before it passes
        spec.killGraceSeconds = 0.2;
        const Captured c = run(spec);
        SurvivorCleanup cleanup;
        QCOMPARE(c.outcome.end, ProcessOutcome::End::TimedOut);
        QCOMPARE(c.out, QStringList{QStringLiteral("started")});
        QFile file(pidFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const pid_t orphan = pid_t(file.readAll().trimmed().toInt());
        QVERIFY(orphan > 0);
        cleanup.pids << orphan;
        QTRY_VERIFY_WITH_TIMEOUT(!isRunning(orphan), 20000);  // gone, or a zombie init has yet to reap
        QVERIFY(taskCgroupsLeft().isEmpty());
    }

    void theLogLimitHoldsWhenATaskFloodsItsOutput() {
        // 1 GiB without a newline: 64 KiB pieces until the limit, then only counted.
        std::size_t delivered = 0;
        int lines = 0;
        QStringList engine;
        ProcessSpec spec = bash(QStringLiteral("head -c 1G /dev/zero | tr '\\0' 'x'; echo; echo last words >&2"));
        const ProcessOutcome outcome = ProcessRunner::run(spec, [&](LogLine::Stream stream, const QString &line) {
            if (stream == LogLine::Stream::Engine) engine << line;
            if (stream != LogLine::Stream::Stdout) return;
            delivered += std::size_t(line.size());
            ++lines;
        });
        QVERIFY2(outcome.succeeded(), qPrintable(outcome.error));
        QVERIFY2(delivered <= std::size_t(spec.logLimitBytes), qPrintable(QString::number(delivered)));
        QVERIFY(delivered >= std::size_t(spec.logLimitBytes) - 64 * 1024);
        QCOMPARE(qint64(delivered) + outcome.droppedOutputBytes, qint64(1) << 30 | 1);  // + the newline, counted
        QCOMPARE(engine.size(), 1);
        QVERIFY2(engine[0].startsWith(QStringLiteral("WARNING: log limit of this attempt reached (8MiB or 100000 lines): "
                                                     "1.1GB of stdout in ")),
                 qPrintable(engine[0]));
    }

    void theLogLimitCountsWhatItLeavesOutAndKeepsTheLastLines() {
        QStringList out;
        QStringList engine;
        QStringList err;
        ProcessSpec spec = bash(QStringLiteral("seq 1 300000; echo failed at the end >&2; exit 3"));
        spec.logLimitLines = 1000;
        const ProcessOutcome outcome = ProcessRunner::run(spec, [&](LogLine::Stream stream, const QString &line) {
            (stream == LogLine::Stream::Stdout ? out : stream == LogLine::Stream::Engine ? engine : err) << line;
        });
        QCOMPARE(outcome.exitCode, 3);
        // 1000 lines, then the stderr line (it came last, past the limit), then stdout's tail.
        QCOMPARE(out.size(), 1000 + 50);
        QCOMPARE(out[999], QStringLiteral("1000"));
        QCOMPARE(out[1000], QStringLiteral("299951"));
        QCOMPARE(out.last(), QStringLiteral("300000"));
        QCOMPARE(err, QStringList{QStringLiteral("failed at the end")});
        QCOMPARE(outcome.droppedOutputLines, 300000 - 1050);
        QCOMPARE(engine, QStringList{QStringLiteral("WARNING: log limit of this attempt reached (8MiB or 1000 lines): "
                                                    "2MB of stdout in 298950 lines not stored; its last 50 lines follow")});
    }

    void samplesRisingCpuOfABusyTree() {
        ProcessSpec spec = bash(QStringLiteral("while :; do :; done"));
        spec.timeoutSeconds = 1.0;
        spec.killGraceSeconds = 0.2;
        spec.sampleIntervalMs = 100;
        std::vector<std::pair<qint64, double>> samples;
        const Captured c = run(spec, [&samples](qint64 rss, double cpu) { samples.emplace_back(rss, cpu); });
        QCOMPARE(c.outcome.end, ProcessOutcome::End::TimedOut);
        QVERIFY2(samples.size() >= 5, qPrintable(QString::number(samples.size())));
        for (std::size_t i = 1; i < samples.size(); ++i) QVERIFY(samples[i].second >= samples[i - 1].second);
        QVERIFY(samples.back().second > samples.front().second);
        QVERIFY(samples.front().first > 0);
        QVERIFY(c.outcome.cpuSeconds >= samples.back().second);
        QVERIFY(c.outcome.peakRssBytes >= samples.front().first);
    }

    void aThrowingHandlerLeavesNoProcessBehind() {
        pid_t pid = 0;
        bool thrown = false;
        try {
            ProcessRunner::run(bash(QStringLiteral("echo $$; exec sleep 100")),
                               [&pid](LogLine::Stream, const QString &line) {
                                   pid = line.toInt();
                                   throw std::runtime_error("handler failed");
                               });
        } catch (const std::runtime_error &) {
            thrown = true;
        }
        QVERIFY(thrown);
        QVERIFY(pid > 0);
        QVERIFY(!isRunning(pid));
        QVERIFY(!haveUnreapedChildren());
    }

    void aTaskDiesWithItsRunner() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pidFile = dir.filePath(QStringLiteral("pids"));
        QProcess runner;
        runner.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kChildTask), pidFile});
        QVERIFY(runner.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(pidFile), 10000);
        QFile file(pidFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> pids = file.readAll().trimmed().split(' ');
        QCOMPARE(pids.size(), 2);
        const pid_t shell = pid_t(pids[0].toInt());
        const pid_t sleeper = pid_t(pids[1].toInt());
        SurvivorCleanup cleanup{{shell, sleeper}};
        QVERIFY(isRunning(shell) && isRunning(sleeper));

        runner.kill();  // SIGKILL: no destructor or handler of the runner runs
        QVERIFY(runner.waitForFinished(5000));
        QTRY_VERIFY2_WITH_TIMEOUT(!isRunning(sleeper), "the task's sleep outlived its runner", 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(!isRunning(shell), "the task's bash outlived its runner", 1000);
    }

    void runsConcurrentlyWithoutLeaks() {
        const int fdsBefore = openFdCount();
        std::atomic<int> succeeded{0};
        std::mutex failuresMutex;
        QStringList failures;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 50; ++i) {
                    const Captured c = run(bash(QStringLiteral("echo out %1; echo err >&2").arg(t)));
                    if (c.outcome.succeeded() && c.out == QStringList{QStringLiteral("out %1").arg(t)} &&
                        c.err == QStringList{QStringLiteral("err")}) {
                        ++succeeded;
                    } else {
                        const std::lock_guard<std::mutex> lock(failuresMutex);
                        failures.append(c.outcome.error + QLatin1Char('|') + c.out.join(QLatin1Char(',')));
                    }
                }
            });
        }
        for (std::thread &thread : threads) thread.join();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(succeeded.load(), 200);
        QCOMPARE(openFdCount(), fdsBefore);
        QVERIFY2(!haveUnreapedChildren(), "a child was left unreaped");
    }
};

int main(int argc, char **argv) {
    if (argc == 3 && std::strcmp(argv[1], kChildTask) == 0) return runTaskUntilKilled(QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    TestProcessRunner test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_process_runner.moc"
