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
    qint64 memoryLimitBytes = 0;        ///< RSS of the whole tree; 0: none
    int sampleIntervalMs = 100;         ///< how often memory and CPU are sampled
};

struct ProcessOutcome {
    enum class End { Exited, Signalled, TimedOut, MemoryExceeded, Cancelled, FailedToStart };
    End end = End::FailedToStart;
    int exitCode = -1;       ///< for Exited
    int signal = 0;          ///< for Signalled
    QString error;           ///< human text for anything but a clean exit 0
    qint64 peakRssBytes = 0;
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
    /// Handlers are called on the calling thread. Many runs may go on at once on different
    /// threads: nothing process-wide (signal handlers, masks, cwd, environment) is touched.
    static ProcessOutcome run(const ProcessSpec &spec, const LineHandler &onLine,
                              const SampleHandler &onSample = {}, const CancelToken *cancel = nullptr);
};

}  // namespace flowdeck
