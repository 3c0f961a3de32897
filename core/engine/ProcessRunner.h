#pragma once
/// @file Runs one child process in its own process group: captures lines, enforces timeout and
/// memory limit, samples the process tree's memory and CPU, kills the whole tree on demand.

#include "run/RunEvent.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace flowdeck {

/// A cancellation flag that also wakes a ProcessRunner blocked in poll() (eventfd inside).
class CancelToken {
public:
    CancelToken();
    ~CancelToken();
    CancelToken(const CancelToken &) = delete;
    CancelToken &operator=(const CancelToken &) = delete;

    void cancel();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    int fd() const { return m_fd; }  ///< readable once cancelled

private:
    std::atomic<bool> m_cancelled{false};
    int m_fd = -1;
};

struct ProcessSpec {
    /// An absolute path, a path relative to workingDirectory, or a bare name looked up in
    /// environment["PATH"] (in this process's PATH when the spec sets none).
    QString program;
    QStringList arguments;
    QString workingDirectory;           ///< empty: the current directory
    QHash<QString, QString> environment;  ///< the complete environment of the child
    double timeoutSeconds = 0;          ///< 0: none
    double killGraceSeconds = 5;        ///< SIGTERM, then SIGKILL after this long
    qint64 memoryLimitBytes = 0;        ///< of the whole tree; 0: none
    /// false: a per-process RLIMIT_DATA even where a cgroup could be made (what runs where no
    /// cgroup can be made; tests use it)
    bool memoryCgroup = true;
    int sampleIntervalMs = 100;         ///< how often memory and CPU are sampled
    /// Output past these (both streams together) is counted, not delivered; the last lines of
    /// each stream still are, after a line that says how much was left out.
    qint64 logLimitBytes = 8 * 1024 * 1024;
    qint64 logLimitLines = 100000;
};

struct ProcessOutcome {
    enum class End { Exited, Signalled, TimedOut, MemoryExceeded, Cancelled, FailedToStart };
    End end = End::FailedToStart;
    int exitCode = -1;       ///< for Exited
    int signal = 0;          ///< for Signalled
    QString error;           ///< human text for anything but a clean exit 0
    qint64 peakRssBytes = 0; ///< sampled resident memory of the tree, or its largest process
    qint64 cgroupPeakBytes = 0;  ///< the most memory charged to the task's cgroup (when it had one)
    qint64 droppedOutputBytes = 0;  ///< past the log limit
    qint64 droppedOutputLines = 0;
    double cpuSeconds = 0;   ///< user+system of the child and its waited-for descendants
    qint64 durationMs = 0;

    bool succeeded() const { return end == End::Exited && exitCode == 0; }
};

class ProcessRunner {
public:
    using LineHandler = std::function<void(LogLine::Stream stream, const QString &line)>;
    using SampleHandler = std::function<void(qint64 rssBytes, double cpuSeconds)>;

    /// Runs the process to its end on the calling thread (blocking; call it from a pool thread).
    /// Every complete line of stdout and stderr goes to @p onLine (a final unterminated line too).
    /// When @p cancel fires, or the timeout or memory limit is passed, the whole process tree
    /// gets SIGTERM, then SIGKILL after the grace period; no descendant is left running.
    /// With a memory limit the tree runs in a cgroup of its own where one can be made (the kernel
    /// holds the limit, and processes that left the tree are still found), else under a
    /// per-process RLIMIT_DATA; which one is said in an engine-stream line ("INFO: memory
    /// limit …") before the first output.
    /// Handlers are called on the calling thread. Many runs may go on at once on different
    /// threads: nothing process-wide (signal handlers, masks, cwd, environment) is touched.
    static ProcessOutcome run(const ProcessSpec &spec, const LineHandler &onLine,
                              const SampleHandler &onSample = {}, const CancelToken *cancel = nullptr);
};

}  // namespace flowdeck
