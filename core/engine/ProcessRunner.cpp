// Linux only: posix_spawn, poll, pidfd and /proc. The start path is kept to a handful of
// syscalls because the engine's per-task overhead is measured against `make -j`.
#include "ProcessRunner.h"

#include "MemoryCeiling.h"
#include "flow/Units.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace flowdeck {

CancelToken::CancelToken() : m_fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

CancelToken::~CancelToken() {
    if (m_fd >= 0) ::close(m_fd);
}

void CancelToken::cancel() {
    m_cancelled.store(true, std::memory_order_release);
    // Never read back: the eventfd stays readable, so every run sharing the token wakes up.
    const std::uint64_t one = 1;
    if (m_fd >= 0) {
        [[maybe_unused]] const ssize_t written = ::write(m_fd, &one, sizeof one);
    }
}

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr std::size_t kMaxLineBytes = 64 * 1024;
constexpr std::size_t kReadChunk = 64 * 1024;
// After the main child exits, read at most this much more before killing leftover writers.
constexpr int kMaxDrainReads = 64;
// How long SIGKILLed processes get to disappear before we stop waiting (D state, NFS...).
constexpr milliseconds kKillWait{2000};
constexpr milliseconds kSurvivorPoll{20};

// ---------------------------------------------------------------------------------------------
// /proc

/// Reads a small /proc file into @p buf (NUL-terminated); false if it is gone.
bool readSmallFile(const char *path, char *buf, std::size_t cap, std::size_t &len) {
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    len = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buf + len, cap - 1 - len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        len += std::size_t(n);
        if (len == cap - 1) break;
    }
    ::close(fd);
    buf[len] = '\0';
    return len > 0;
}

struct ProcStat {
    pid_t pid = 0;
    pid_t ppid = 0;
    pid_t pgrp = 0;
    char state = '?';
    unsigned long long cpuTicks = 0;   ///< utime + stime + cutime + cstime
    unsigned long long startTime = 0;  ///< in ticks since boot: tells a reused pid apart
    long long rssPages = 0;

    bool alive() const { return state != 'Z' && state != 'X' && state != 'x'; }
};

/// Parses /proc/<pid>/stat. The command name is in parentheses and may hold anything,
/// so the fields are counted from the last ')'.
bool parseProcStat(pid_t pid, const char *text, ProcStat &out) {
    const char *p = std::strrchr(text, ')');
    if (!p || p[1] != ' ') return false;
    p += 2;
    out.pid = pid;
    out.state = *p++;
    unsigned long long field[22] = {};  // field[i] is stat field i + 4 (ppid is field 4)
    for (unsigned long long &value : field) {
        char *end = nullptr;
        value = std::strtoull(p, &end, 10);
        if (end == p) return false;
        p = end;
    }
    out.ppid = pid_t(field[0]);
    out.pgrp = pid_t(field[1]);
    out.cpuTicks = field[10] + field[11] + field[12] + field[13];  // utime stime cutime cstime
    out.startTime = field[18];
    out.rssPages = (long long)field[20];
    return true;
}

bool readProcStat(pid_t pid, ProcStat &out) {
    char path[48];
    std::snprintf(path, sizeof path, "/proc/%d/stat", int(pid));
    char buf[1024];
    std::size_t len = 0;
    return readSmallFile(path, buf, sizeof buf, len) && parseProcStat(pid, buf, out);
}

pid_t parsePid(const char *name) {
    char *end = nullptr;
    const long value = std::strtol(name, &end, 10);
    return (end != name && *end == '\0' && value > 0) ? pid_t(value) : 0;
}

/// Every process on the system. Costly (a few ms), so only used when killing a tree.
std::vector<ProcStat> scanAllProcesses() {
    std::vector<ProcStat> all;
    DIR *dir = ::opendir("/proc");
    if (!dir) return all;
    while (const dirent *entry = ::readdir(dir)) {
        ProcStat stat;
        const pid_t pid = parsePid(entry->d_name);
        if (pid && readProcStat(pid, stat)) all.push_back(stat);
    }
    ::closedir(dir);
    return all;
}

/// The children of every thread of @p pid (CONFIG_PROC_CHILDREN), appended to @p out.
void appendChildren(pid_t pid, std::vector<pid_t> &out) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/task", int(pid));
    DIR *dir = ::opendir(path);
    if (!dir) return;
    while (const dirent *entry = ::readdir(dir)) {
        const pid_t tid = parsePid(entry->d_name);
        if (!tid) continue;
        char childrenPath[96];
        std::snprintf(childrenPath, sizeof childrenPath, "/proc/%d/task/%d/children", int(pid), int(tid));
        char buf[4096];
        std::size_t len = 0;
        if (!readSmallFile(childrenPath, buf, sizeof buf, len)) continue;
        for (char *p = buf;;) {
            char *end = nullptr;
            const long child = std::strtol(p, &end, 10);
            if (end == p) break;
            out.push_back(pid_t(child));
            p = end;
        }
    }
    ::closedir(dir);
}

bool haveChildrenFiles() {
    static const bool have = ::access("/proc/thread-self/children", R_OK) == 0;
    return have;
}

/// The root and its descendants found through ppid links in @p all.
std::vector<const ProcStat *> descendantsIn(const std::vector<ProcStat> &all, std::vector<pid_t> roots) {
    std::unordered_multimap<pid_t, const ProcStat *> childrenOf;
    std::unordered_map<pid_t, const ProcStat *> byPid;
    for (const ProcStat &stat : all) {
        childrenOf.emplace(stat.ppid, &stat);
        byPid.emplace(stat.pid, &stat);
    }
    std::vector<const ProcStat *> found;
    for (std::size_t i = 0; i < roots.size(); ++i) {
        const auto self = byPid.find(roots[i]);
        if (self == byPid.end()) continue;
        found.push_back(self->second);
        byPid.erase(self);  // visit each process once even if links change under us
        const auto range = childrenOf.equal_range(roots[i]);
        for (auto it = range.first; it != range.second; ++it) roots.push_back(it->second->pid);
    }
    return found;
}

struct TreeUsage {
    qint64 rssBytes = 0;
    double cpuSeconds = 0;
    int processes = 0;
};

/// Resident memory and CPU time of @p root and everything below it.
TreeUsage measureTree(pid_t root) {
    static const long pageSize = ::sysconf(_SC_PAGESIZE);
    static const double ticksPerSecond = double(::sysconf(_SC_CLK_TCK));
    std::vector<ProcStat> stats;
    if (haveChildrenFiles()) {
        std::vector<pid_t> queue{root};
        for (std::size_t i = 0; i < queue.size() && i < 100000; ++i) {
            ProcStat stat;
            if (!readProcStat(queue[i], stat)) continue;
            stats.push_back(stat);
            appendChildren(queue[i], queue);
        }
    } else {
        const std::vector<ProcStat> all = scanAllProcesses();
        for (const ProcStat *stat : descendantsIn(all, {root})) stats.push_back(*stat);
    }
    TreeUsage usage;
    unsigned long long ticks = 0;
    for (const ProcStat &stat : stats) {
        usage.rssBytes += stat.rssPages * pageSize;
        ticks += stat.cpuTicks;
    }
    usage.cpuSeconds = double(ticks) / ticksPerSecond;
    usage.processes = int(stats.size());
    return usage;
}

// ---------------------------------------------------------------------------------------------
// Killing a tree

/// Signals one task's processes: its process group plus descendants that left the group
/// (setsid, setpgid). Remembers every process it has seen, with its start time, so an escapee
/// is still found after its parent died, and a reused pid is never signalled.
class TreeKiller {
public:
    explicit TreeKiller(pid_t leader) : m_leader(leader) {}

    /// Sends @p sig (0: none) to the group and to every known escapee; returns how many of the
    /// task's processes are still alive (the unreaped leader's zombie does not count).
    int signalAll(int sig) {
        const std::vector<ProcStat> live = refresh();
        if (sig) {
            ::kill(-m_leader, sig);  // safe: the leader is not reaped yet, so the group id is ours
            for (const ProcStat &stat : live)
                if (stat.pgrp != m_leader) ::kill(stat.pid, sig);
        }
        return int(live.size());
    }

private:
    struct Known {
        pid_t pid;
        unsigned long long startTime;
    };

    /// Rescans /proc, learns new descendants and group members, returns the live ones.
    std::vector<ProcStat> refresh() {
        const std::vector<ProcStat> all = scanAllProcesses();
        // Walk only from processes that are still the ones we met: a reused pid is a stranger.
        // The leader cannot be reused: we have not reaped it.
        std::vector<pid_t> roots{m_leader};
        for (const ProcStat &stat : all)
            if (stat.pid != m_leader && isKnown(stat)) roots.push_back(stat.pid);
        for (const ProcStat *stat : descendantsIn(all, roots)) remember(*stat);
        for (const ProcStat &stat : all)
            if (stat.pgrp == m_leader) remember(stat);  // e.g. orphans of a dead subshell

        std::vector<ProcStat> live;
        for (const ProcStat &stat : all)
            if (stat.alive() && isKnown(stat)) live.push_back(stat);
        return live;
    }

    bool isKnown(const ProcStat &stat) const {
        return std::any_of(m_known.begin(), m_known.end(), [&](const Known &known) {
            return known.pid == stat.pid && known.startTime == stat.startTime;
        });
    }

    void remember(const ProcStat &stat) {
        if (!isKnown(stat)) m_known.push_back({stat.pid, stat.startTime});
    }

    pid_t m_leader;
    std::vector<Known> m_known;
};

// ---------------------------------------------------------------------------------------------
// Output

/// What may still be delivered of one run's output, both streams together.
struct OutputBudget {
    qint64 bytes = 0;
    qint64 lines = 0;
};

/// Cuts one stream into lines: '\n' ends a line, a trailing '\r' is dropped, a line longer
/// than 64 KiB is delivered in pieces so a binary blob cannot grow the buffer without bound.
/// Once the budget is spent it only counts what comes and keeps the last bytes, so a task that
/// floods its output costs a read and a count per 64 KiB, not a line each.
class LineSplitter {
public:
    LineSplitter(LogLine::Stream stream, const ProcessRunner::LineHandler &onLine, OutputBudget &budget)
        : m_stream(stream), m_onLine(onLine), m_budget(budget) {}

    void feed(const char *data, std::size_t size) {
        if (m_dropping) {
            drop(data, size);
            return;
        }
        m_buffer.append(data, size);
        std::size_t start = 0;
        for (;;) {
            const std::size_t newline = m_buffer.find('\n', m_scanned);
            const std::size_t end = newline == std::string::npos ? m_buffer.size() : newline;
            start = deliverLongPieces(start, end);
            if (newline == std::string::npos) break;
            deliver(start, newline, true);
            start = m_scanned = newline + 1;
        }
        m_buffer.erase(0, start);
        m_scanned = m_buffer.size();
        if (m_dropping) {  // the budget ran out in this chunk: what is left is dropped too
            drop(m_buffer.data(), m_buffer.size());
            m_buffer.clear();
            m_scanned = 0;
        }
    }

    /// Delivers what is left as a final, unterminated line.
    void finish() {
        if (!m_buffer.empty()) deliver(0, m_buffer.size(), true);
        m_buffer.clear();
        m_scanned = 0;
    }

    qint64 droppedBytes() const { return m_droppedBytes; }
    qint64 droppedLines() const { return m_droppedLines; }

    /// The last complete lines of what was dropped (at most kTailLines), taken out of the counts.
    std::vector<std::string> takeTail() {
        std::vector<std::string> lines;
        std::size_t begin = 0;
        if (m_tailCut) {  // the first line of the tail lost its beginning
            const std::size_t newline = m_tail.find('\n');
            begin = newline == std::string::npos ? m_tail.size() : newline + 1;
        }
        while (begin < m_tail.size()) {
            std::size_t end = m_tail.find('\n', begin);
            const bool terminated = end != std::string::npos;
            if (!terminated) end = m_tail.size();
            std::string line = m_tail.substr(begin, end - begin);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            lines.push_back(std::move(line));
            m_droppedBytes -= qint64(end - begin) + (terminated ? 1 : 0);
            if (terminated) --m_droppedLines;
            begin = end + 1;
        }
        if (lines.size() > kTailLines) {
            for (std::size_t i = 0; i < lines.size() - kTailLines; ++i) {
                m_droppedBytes += qint64(lines[i].size()) + 1;
                ++m_droppedLines;
            }
            lines.erase(lines.begin(), lines.end() - kTailLines);
        }
        m_tail.clear();
        return lines;
    }

private:
    static constexpr std::size_t kTailBytes = 64 * 1024;
    static constexpr std::size_t kTailLines = 50;

    void drop(const char *data, std::size_t size) {
        m_droppedBytes += qint64(size);
        m_droppedLines += std::count(data, data + size, '\n');
        if (size >= kTailBytes) {
            m_tail.assign(data + size - kTailBytes, kTailBytes);
            m_tailCut = true;
            return;
        }
        m_tail.append(data, size);
        if (m_tail.size() > 2 * kTailBytes) {
            m_tail.erase(0, m_tail.size() - kTailBytes);
            m_tailCut = true;
        }
    }

    /// While more than a whole line's worth lies in [start, end), delivers 64 KiB pieces,
    /// cut on a UTF-8 character boundary. Returns where the rest begins.
    std::size_t deliverLongPieces(std::size_t start, std::size_t end) {
        while (end - start > kMaxLineBytes) {
            const std::size_t cut = utf8Boundary(start, start + kMaxLineBytes);
            deliver(start, cut, false);
            start = cut;
        }
        return start;
    }

    /// Moves @p cut back over at most 3 continuation bytes so a character is not split.
    std::size_t utf8Boundary(std::size_t start, std::size_t cut) const {
        std::size_t at = cut;
        while (at > start && cut - at < 3 && (static_cast<unsigned char>(m_buffer[at]) & 0xC0) == 0x80) --at;
        return (static_cast<unsigned char>(m_buffer[at]) & 0xC0) == 0x80 || at == start ? cut : at;
    }

    void deliver(std::size_t begin, std::size_t end, bool newlineEnded) {
        const qint64 size = qint64(end - begin) + 1;
        if (m_dropping || m_budget.lines <= 0 || m_budget.bytes < size) {
            m_dropping = true;
            std::string line = m_buffer.substr(begin, end - begin);
            if (newlineEnded) line += '\n';
            drop(line.data(), line.size());
            return;
        }
        --m_budget.lines;
        m_budget.bytes -= size;
        if (newlineEnded && end > begin && m_buffer[end - 1] == '\r') --end;
        if (m_onLine) m_onLine(m_stream, QString::fromUtf8(m_buffer.data() + begin, qsizetype(end - begin)));
    }

    LogLine::Stream m_stream;
    const ProcessRunner::LineHandler &m_onLine;
    OutputBudget &m_budget;
    std::string m_buffer;
    std::size_t m_scanned = 0;  ///< m_buffer holds no '\n' before this
    bool m_dropping = false;
    qint64 m_droppedBytes = 0;
    qint64 m_droppedLines = 0;
    std::string m_tail;  ///< the last bytes dropped
    bool m_tailCut = false;
};

// ---------------------------------------------------------------------------------------------
// Starting

QString quoted(const QString &text) {
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

/// Where @p path is not an executable file, says why; empty if it is one.
QString executableProblem(const std::string &path, const QString &program) {
    struct stat info;
    if (::stat(path.c_str(), &info) != 0)
        return QStringLiteral("program %1 does not exist").arg(quoted(program));
    if (S_ISDIR(info.st_mode)) return QStringLiteral("program %1 is a directory").arg(quoted(program));
    if (!S_ISREG(info.st_mode) || ::access(path.c_str(), X_OK) != 0)
        return QStringLiteral("program %1 is not executable").arg(quoted(program));
    return {};
}

/// Finds the file to execute: a path as given (relative to the working directory), or a bare
/// name looked up in the child's PATH, else in ours. Returns an error text, empty on success.
QString resolveProgram(const ProcessSpec &spec, const std::string &workDir, std::string &path) {
    if (spec.program.isEmpty()) return QStringLiteral("no program given");
    const std::string program = spec.program.toStdString();
    if (program.find('/') != std::string::npos) {
        path = (program[0] == '/' || workDir.empty()) ? program : workDir + '/' + program;
        return executableProblem(path, spec.program);
    }
    const auto childPath = spec.environment.constFind(QStringLiteral("PATH"));
    std::string searchPath =
        childPath != spec.environment.cend() ? childPath->toStdString() : qgetenv("PATH").toStdString();
    if (searchPath.empty()) searchPath = "/usr/local/bin:/usr/bin:/bin";
    QString firstProblem;
    for (std::size_t begin = 0; begin <= searchPath.size();) {
        std::size_t end = searchPath.find(':', begin);
        if (end == std::string::npos) end = searchPath.size();
        std::string dir = searchPath.substr(begin, end - begin);
        if (dir.empty()) dir = ".";
        if (dir[0] != '/' && !workDir.empty()) dir = workDir + '/' + dir;
        path = dir + '/' + program;
        const QString problem = executableProblem(path, spec.program);
        if (problem.isEmpty()) return {};
        if (firstProblem.isEmpty() && !problem.endsWith(QLatin1String("does not exist")))
            firstProblem = problem + QStringLiteral(" (found at %1)").arg(QString::fromStdString(path));
        begin = end + 1;
    }
    return !firstProblem.isEmpty() ? firstProblem
                                   : QStringLiteral("program %1 not found in PATH").arg(quoted(spec.program));
}

QString workDirProblem(const std::string &dir) {
    struct stat info;
    const QString name = QString::fromStdString(dir);
    if (::stat(dir.c_str(), &info) != 0)
        return QStringLiteral("working directory %1 does not exist").arg(name);
    if (!S_ISDIR(info.st_mode)) return QStringLiteral("working directory %1 is not a directory").arg(name);
    return {};
}

/// NUL-separated strings in one block plus the char* array over them (argv, envp).
class CStringArray {
public:
    void add(const QByteArray &text) {
        m_offsets.push_back(m_block.size());
        m_block.append(text).append('\0');
    }
    char **pointers() {
        m_pointers.clear();
        for (qsizetype offset : m_offsets) m_pointers.push_back(m_block.data() + offset);
        m_pointers.push_back(nullptr);
        return m_pointers.data();
    }

private:
    QByteArray m_block;
    std::vector<qsizetype> m_offsets;
    std::vector<char *> m_pointers;
};

struct Child {
    pid_t pid = -1;
    int outFd = -1;
    int errFd = -1;
};

void closeFd(int &fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

/// The program and its arguments, and the environment as NAME=value, for exec.
void commandLineOf(const ProcessSpec &spec, CStringArray &argv, CStringArray &envp) {
    argv.add(spec.program.toUtf8());
    for (const QString &argument : spec.arguments) argv.add(argument.toUtf8());
    for (auto it = spec.environment.cbegin(); it != spec.environment.cend(); ++it)
        if (!it.key().isEmpty()) envp.add(it.key().toUtf8() + '=' + it.value().toUtf8());
}

/// posix_spawn with the child in its own process group, default signals, stdin from
/// /dev/null and stdout/stderr into two pipes. Returns 0 or an errno value.
int spawnChild(const ProcessSpec &spec, const std::string &path, const std::string &workDir, Child &child) {
    CStringArray argv, envp;
    commandLineOf(spec, argv, envp);

    int outPipe[2] = {-1, -1};
    int errPipe[2] = {-1, -1};
    if (::pipe2(outPipe, O_CLOEXEC) != 0 || ::pipe2(errPipe, O_CLOEXEC) != 0) {
        const int error = errno;
        for (int *fd : {&outPipe[0], &outPipe[1], &errPipe[0], &errPipe[1]}) closeFd(*fd);
        return error;
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
    if (!workDir.empty()) posix_spawn_file_actions_addchdir_np(&actions, workDir.c_str());
#if __GLIBC_PREREQ(2, 34)
    // Descriptors some library opened without O_CLOEXEC must not leak into (and be held by) tasks.
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t signalSet;
    sigemptyset(&signalSet);
    posix_spawnattr_setsigmask(&attr, &signalSet);
    sigfillset(&signalSet);  // also resets what we ignore (SIGPIPE is often ignored in servers)
    sigdelset(&signalSet, SIGKILL);
    sigdelset(&signalSet, SIGSTOP);
    posix_spawnattr_setsigdefault(&attr, &signalSet);

    const int error =
        ::posix_spawn(&child.pid, path.c_str(), &actions, &attr, argv.pointers(), envp.pointers());
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    closeFd(outPipe[1]);
    closeFd(errPipe[1]);
    if (error != 0) {
        closeFd(outPipe[0]);
        closeFd(errPipe[0]);
        return error;
    }
    // Only our read ends are non-blocking; the child's write ends stay blocking as it expects.
    ::fcntl(outPipe[0], F_SETFL, O_NONBLOCK);
    ::fcntl(errPipe[0], F_SETFL, O_NONBLOCK);
    child.outFd = outPipe[0];
    child.errFd = errPipe[0];
    return 0;
}

pid_t forkProcess();

/// What a forked child does to itself before it execs.
struct ChildSetup {
    int cgroupProcsFd = -1;  ///< joins this cgroup first, so all it allocates is charged there
    qint64 dataLimitBytes = 0;  ///< RLIMIT_DATA; 0: none
};

/// Closes every descriptor from 3 up except @p keep (after fork: async-signal-safe).
void closeFromThreeBut(int keep) {
#ifdef SYS_close_range
    const auto closeRange = [](unsigned first, unsigned last) { return ::syscall(SYS_close_range, first, last, 0); };
    const bool below = keep <= 3 || closeRange(3, unsigned(keep) - 1) == 0;
    if (below && closeRange(unsigned(std::max(keep, 2)) + 1, ~0U) == 0) return;
#endif
    for (int fd = 3; fd < 1024; ++fd)
        if (fd != keep) ::close(fd);
}

/// The child half of forkChild: only async-signal-safe calls (we may have many threads).
[[noreturn]] void childMain(const ChildSetup &setup, const char *path, const char *workDir, char **argv, char **envp,
                            int outFd, int errFd, int reportFd) {
    const auto fail = [reportFd](int error) {
        [[maybe_unused]] const ssize_t n = ::write(reportFd, &error, sizeof error);
        ::_exit(127);
    };
    ::setpgid(0, 0);
    if (setup.cgroupProcsFd >= 0 && ::write(setup.cgroupProcsFd, "0", 1) != 1) fail(errno);
    if (setup.dataLimitBytes > 0) {
        const rlimit limit{rlim_t(setup.dataLimitBytes), rlim_t(setup.dataLimitBytes)};
        if (::setrlimit(RLIMIT_DATA, &limit) != 0) fail(errno);
    }
    struct sigaction byDefault {};
    byDefault.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP) ::sigaction(sig, &byDefault, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (devNull < 0 || ::dup2(devNull, 0) < 0 || ::dup2(outFd, 1) < 0 || ::dup2(errFd, 2) < 0) fail(errno);
    if (*workDir && ::chdir(workDir) != 0) fail(errno);
    closeFromThreeBut(reportFd);
    ::execve(path, argv, envp);
    fail(errno);
    ::_exit(127);  // not reached: fail() exits
}

/// Like spawnChild, with a fork so that the child can join a cgroup and set its own limits
/// before it execs (posix_spawn cannot run code in between). A little slower, so only tasks
/// with a memory limit start this way. Returns 0 or an errno value.
int forkChild(const ProcessSpec &spec, const std::string &path, const std::string &workDir, const ChildSetup &setup,
              Child &child) {
    CStringArray argv, envp;
    commandLineOf(spec, argv, envp);
    char **argvPointers = argv.pointers();  // allocations happen here, not after the fork
    char **envpPointers = envp.pointers();

    int outPipe[2] = {-1, -1};
    int errPipe[2] = {-1, -1};
    int report[2] = {-1, -1};  // close-on-exec: end of file means the exec worked
    if (::pipe2(outPipe, O_CLOEXEC) != 0 || ::pipe2(errPipe, O_CLOEXEC) != 0 || ::pipe2(report, O_CLOEXEC) != 0) {
        const int error = errno;
        for (int *fd : {&outPipe[0], &outPipe[1], &errPipe[0], &errPipe[1], &report[0], &report[1]}) closeFd(*fd);
        return error;
    }
    const pid_t pid = forkProcess();
    if (pid == 0) childMain(setup, path.c_str(), workDir.c_str(), argvPointers, envpPointers, outPipe[1], errPipe[1], report[1]);
    const int forkError = pid < 0 ? errno : 0;
    for (int *fd : {&outPipe[1], &errPipe[1], &report[1]}) closeFd(*fd);
    int childError = 0;
    if (pid > 0) {
        ssize_t n;
        while ((n = ::read(report[0], &childError, sizeof childError)) < 0 && errno == EINTR) {
        }
        if (n != ssize_t(sizeof childError)) childError = 0;
        if (childError) while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
            }
    }
    closeFd(report[0]);
    if (forkError || childError) {
        closeFd(outPipe[0]);
        closeFd(errPipe[0]);
        return forkError ? forkError : childError;
    }
    ::fcntl(outPipe[0], F_SETFL, O_NONBLOCK);
    ::fcntl(errPipe[0], F_SETFL, O_NONBLOCK);
    child.pid = pid;
    child.outFd = outPipe[0];
    child.errFd = errPipe[0];
    return 0;
}

int openPidFd(pid_t pid) {
#ifdef SYS_pidfd_open
    return int(::syscall(SYS_pidfd_open, pid, 0));
#else
    (void)pid;
    return -1;
#endif
}

// ---------------------------------------------------------------------------------------------
// Dying with the runner
//
// When this process dies without cleaning up (kill -9, the OOM killer, a crash), no destructor
// runs, and a task's process group would live on under init. A watchdog process kills it then.
//
// Why not PR_SET_PDEATHSIG in each task: it fires when the *thread* that spawned dies, and it
// reaches only the direct child: the task's bash would die, the `sleep` it started would not.
// Why not a record on disk for the next start to clean up: the tasks would keep running (writing
// files, holding locks, using memory) until then, which may be never.
//
// The watchdog is forked once per process, on the first start of a task, and holds one end of a
// socket pair; we hold the other, close-on-exec so that no task inherits it. Each task's process
// group is announced when it starts and withdrawn once it is gone. However we die, the kernel
// closes our end; the watchdog reads end of file, SIGKILLs every group still announced, and
// exits. It is a grandchild (double fork), so it is never an unreaped child of ours, and it has
// a session of its own, so Ctrl-C in a terminal or a signal to our process group misses it.
// Not covered: processes that left their task's group (setsid); the runner finds those while it
// lives, the watchdog does not. Nor a death in the microseconds between posix_spawn returning and
// the group's announcement (one send) — the watchdog itself is started before the first spawn.

struct WatchMessage {
    std::int32_t watch;       ///< 1: watch the group, 0: stop watching it
    std::int32_t pgid;        ///< the task's process group, which is its leader's pid
    std::uint64_t startTime;  ///< of the leader: tells it apart from a later process with its pid
};

/// Start time of @p pid (field 22 of /proc/PID/stat), 0 if there is no such process.
/// Async-signal-safe (open, read, close and plain loops): the watchdog calls it after fork.
unsigned long long startTimeOf(pid_t pid) {
    char path[32] = "/proc/";
    char digits[16];
    int count = 0;
    for (unsigned value = unsigned(pid); count == 0 || value > 0; value /= 10) digits[count++] = char('0' + value % 10);
    std::size_t at = 6;
    while (count > 0) path[at++] = digits[--count];
    std::memcpy(path + at, "/stat", 6);

    char buf[1024];
    std::size_t len = 0;
    if (!readSmallFile(path, buf, sizeof buf, len)) return 0;
    const char *p = std::strrchr(buf, ')');
    if (!p) return 0;
    // After ") " come the state (field 3) and then numbers: field 22 begins after the 20th space.
    for (int spaces = 0; *p && spaces < 20; ++p)
        if (*p == ' ') ++spaces;
    unsigned long long value = 0;
    for (; *p >= '0' && *p <= '9'; ++p) value = value * 10 + unsigned(*p - '0');
    return value;
}

/// The watchdog's list of announced groups. Fixed size: it lives in a fork, which must not
/// allocate. A group announced while it is full goes unguarded, but thousands of tasks at once
/// in one process is far beyond any pool.
class WatchedGroups {
public:
    void apply(const WatchMessage &message) {
        if (message.watch) {
            if (m_count < kCapacity) m_groups[m_count++] = {pid_t(message.pgid), message.startTime};
            return;
        }
        // By both fields: the number may already be a new task's, announced before this withdrawal.
        for (int i = 0; i < m_count; ++i)
            if (m_groups[i].pgid == message.pgid && m_groups[i].startTime == message.startTime) {
                m_groups[i] = m_groups[--m_count];
                return;
            }
    }

    /// SIGKILLs each group unless its number now belongs to someone else. A group id is not
    /// reused while any member lives, so with the leader gone, a group that still exists is ours.
    void killAll() const {
        for (int i = 0; i < m_count; ++i) {
            const unsigned long long now = startTimeOf(m_groups[i].pgid);
            if (now == 0 || now == m_groups[i].startTime) ::kill(-m_groups[i].pgid, SIGKILL);
        }
    }

private:
    struct Group {
        pid_t pgid;
        unsigned long long startTime;
    };
    static constexpr int kCapacity = 4096;
    Group m_groups[kCapacity] = {};
    int m_count = 0;
};

void closeAllBut(int keep) {
#ifdef SYS_close_range
    const auto closeRange = [](unsigned first, unsigned last) { return ::syscall(SYS_close_range, first, last, 0); };
    const bool below = keep == 0 || closeRange(0, unsigned(keep) - 1) == 0;
    if (below && closeRange(unsigned(keep) + 1, ~0U) == 0) return;
#endif
    for (int fd = 0; fd < 1024; ++fd)  // kernels before 5.9
        if (fd != keep) ::close(fd);
}

/// The watchdog process: waits for end of file on @p socket, then kills what is still announced.
/// It runs in a fork of a multithreaded process, so it makes async-signal-safe calls only.
[[noreturn]] void watchdogMain(int socket) {
    ::setsid();
    [[maybe_unused]] const int atRoot = ::chdir("/");  // keep no folder in use (unmount, rmdir)
    closeAllBut(socket);  // above all our copy of the runner's end, or end of file never comes
    struct sigaction byDefault {};
    byDefault.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; ++sig) ::sigaction(sig, &byDefault, nullptr);  // not the runner's handlers
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::prctl(PR_SET_NAME, "flowdeck-watch");  // in ps and top; the command line stays the runner's

    static WatchedGroups groups;  // 64 KiB: not on the stack of whatever thread forked us
    WatchMessage message;
    for (;;) {
        const ssize_t n = ::recv(socket, &message, sizeof message, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // end of file: the runner is gone
        if (n == sizeof message) groups.apply(message);
    }
    groups.killAll();
    ::_exit(0);
}

pid_t forkProcess() {
#if __GLIBC_PREREQ(2, 34)
    return ::_Fork();  // no atfork handlers: the child never returns into any library
#else
    return ::fork();
#endif
}

/// Starts the watchdog; returns our end of its socket, or -1 (tasks then run unguarded).
int startWatchdog() {
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends) != 0) return -1;
    const pid_t middle = forkProcess();
    if (middle == 0) {
        if (forkProcess() == 0) watchdogMain(ends[1]);
        ::_exit(0);
    }
    ::close(ends[1]);
    if (middle < 0) {
        ::close(ends[0]);
        return -1;
    }
    while (::waitpid(middle, nullptr, 0) < 0 && errno == EINTR) {
    }
    // A watchdog that stopped reading (SIGSTOP) must not stall task starts for long.
    const timeval patience{2, 0};
    ::setsockopt(ends[0], SOL_SOCKET, SO_SNDTIMEO, &patience, sizeof patience);
    return ends[0];
}

int watchdogSocket() {
    static const int socket = startWatchdog();
    return socket;
}

/// A task's process group, announced to the watchdog for as long as this object lives.
class WatchdogEntry {
public:
    explicit WatchdogEntry(pid_t leader) : m_pgid(leader), m_startTime(startTimeOf(leader)) { send(1); }
    ~WatchdogEntry() { send(0); }
    WatchdogEntry(const WatchdogEntry &) = delete;
    WatchdogEntry &operator=(const WatchdogEntry &) = delete;

private:
    void send(int watch) const {
        const int socket = watchdogSocket();
        if (socket < 0) return;
        const WatchMessage message{watch, m_pgid, m_startTime};
        // One message per call, so threads never interleave; no SIGPIPE if the watchdog is gone.
        while (::send(socket, &message, sizeof message, MSG_NOSIGNAL) < 0 && errno == EINTR) {
        }
    }

    pid_t m_pgid;
    unsigned long long m_startTime;
};

// ---------------------------------------------------------------------------------------------
// Texts

QString humanSize(qint64 bytes) {
    static const char *const units[] = {"B", "KB", "MB", "GB", "TB", "PB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1000 && unit < 5) {
        value /= 1000;
        ++unit;
    }
    QString number = unit == 0 ? QString::number(bytes) : QString::number(value, 'f', 1);
    if (number.endsWith(QLatin1String(".0"))) number.chop(2);
    return number + QLatin1String(units[unit]);
}

/// The limit as the user probably wrote it ("2GB", "512MiB"), else rounded.
QString limitText(qint64 bytes) {
    const QString exact = formatSize(bytes);
    return exact.endsWith(QLatin1Char('B')) ? exact : humanSize(bytes);
}

QString signalText(int signal) {
    const char *name = ::sigabbrev_np(signal);
    if (!name) return QStringLiteral("killed by signal %1").arg(signal);
    return QStringLiteral("killed by signal %1 (SIG%2)").arg(signal).arg(QLatin1String(name));
}

// ---------------------------------------------------------------------------------------------
// One run

enum class KillReason { None, TimedOut, MemoryExceeded, Cancelled };

class Session {
public:
    Session(const ProcessSpec &spec, const ProcessRunner::LineHandler &onLine,
            const ProcessRunner::SampleHandler &onSample, const CancelToken *cancel)
        : m_spec(spec),
          m_onLine(onLine),
          m_onSample(onSample),
          m_cancel(cancel),
          m_budget{spec.logLimitBytes, spec.logLimitLines},
          m_deliver([this](LogLine::Stream stream, const QString &line) { deliverLine(stream, line); }),
          m_out(LogLine::Stream::Stdout, m_deliver, m_budget),
          m_err(LogLine::Stream::Stderr, m_deliver, m_budget),
          m_start(Clock::now()) {}

    ~Session() {
        // Only when a handler threw: the task must still not outlive its run.
        if (m_child.pid > 0 && !m_reaped) {
            ::kill(-m_child.pid, SIGKILL);
            ::waitpid(m_child.pid, nullptr, 0);
        }
        closeFd(m_child.outFd);
        closeFd(m_child.errFd);
        closeFd(m_pidFd);
    }

    ProcessOutcome run() {
        if (m_cancel && m_cancel->isCancelled())
            return finished(ProcessOutcome::End::Cancelled, QStringLiteral("cancelled"));
        if (!start()) return m_outcome;
        watch();
        drainPipes();
        if (m_reason != KillReason::None)
            finishKilling();
        else
            ::kill(-m_child.pid, SIGKILL);  // leftover background jobs die with their task
        reap();
        if (m_reason == KillReason::None) waitForEmptyGroup();
        closeCgroup();
        drainPipes();
        m_out.finish();
        m_err.finish();
        reportDropped(m_out, QStringLiteral("stdout"));
        reportDropped(m_err, QStringLiteral("stderr"));
        return outcome();
    }

private:
    bool start() {
        const std::string workDir = m_spec.workingDirectory.toStdString();
        QString problem = workDir.empty() ? QString() : workDirProblem(workDir);
        std::string path;
        if (problem.isEmpty()) problem = resolveProgram(m_spec, workDir, path);
        if (problem.isEmpty()) {
            // The watchdog exists before the first task does: started on the first
            // announcement, after the spawn, it took a double fork during which a runner killed
            // with SIGKILL left that task running (test_faults found a `sleep 30` that lived on).
            watchdogSocket();
            if (const int error = spawn(path, workDir))
                problem = QStringLiteral("could not start %1: %2")
                              .arg(quoted(m_spec.program), QString::fromLocal8Bit(std::strerror(error)));
        }
        if (!problem.isEmpty()) {
            finished(ProcessOutcome::End::FailedToStart, problem);
            return false;
        }
        m_watched.emplace(m_child.pid);
        m_pidFd = openPidFd(m_child.pid);
        m_killer = TreeKiller(m_child.pid);
        if (m_spec.timeoutSeconds > 0)
            m_timeoutAt = m_start + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(m_spec.timeoutSeconds));
        m_sampling = bool(m_onSample) || m_spec.memoryLimitBytes > 0;
        m_sampleInterval = milliseconds(std::max(1, m_spec.sampleIntervalMs));
        // Sample early once so that even a short task gets a peak.
        m_nextSample = Clock::now() + std::min(m_sampleInterval, milliseconds(20));
        return true;
    }

    /// Starts the child; with a memory limit, under a ceiling the kernel holds, and says which.
    int spawn(const std::string &path, const std::string &workDir) {
        const qint64 limit = m_spec.memoryLimitBytes;
        if (limit <= 0) return spawnChild(m_spec, path, workDir, m_child);
        const MemoryEnforcement &enforcement = memoryEnforcement();
        QString noCgroup;
        if (!m_spec.memoryCgroup) noCgroup = QStringLiteral("this task asked for RLIMIT_DATA");
        else if (enforcement.cgroup.version == CgroupPlace::Version::None) noCgroup = enforcement.detail;
        else m_cgroup = TaskCgroup::create(enforcement.cgroup, limit, &noCgroup);
        ChildSetup setup;
        QString how;
        if (m_cgroup) {
            setup.cgroupProcsFd = m_cgroup->procsFd();
            m_mechanism = QStringLiteral("the %1 memory controller").arg(m_cgroup->versionName());
            how = m_mechanism;
        } else {
            setup.dataLimitBytes = limit;
            m_mechanism = QStringLiteral("RLIMIT_DATA");
            how = QStringLiteral("RLIMIT_DATA per process, the whole tree sampled every %1 ms (%2)")
                      .arg(std::max(1, m_spec.sampleIntervalMs))
                      .arg(noCgroup);
        }
        const int error = forkChild(m_spec, path, workDir, setup, m_child);
        if (error == 0 && m_onLine)
            m_onLine(LogLine::Stream::Engine,
                     QStringLiteral("INFO: memory limit %1 enforced by %2").arg(limitText(limit), how));
        return error;
    }

    /// Every line on its way out: under RLIMIT_DATA, a refused allocation is recognised by
    /// what the program says about it (there is no other trace of it).
    void deliverLine(LogLine::Stream stream, const QString &line) {
        if (!m_cgroup && m_spec.memoryLimitBytes > 0 && stream == LogLine::Stream::Stderr && !m_allocationRefused) {
            static const QLatin1String signs[] = {QLatin1String("MemoryError"), QLatin1String("Cannot allocate memory"),
                                                  QLatin1String("out of memory"), QLatin1String("Out of memory"),
                                                  QLatin1String("bad_alloc")};
            for (const QLatin1String &sign : signs)
                if (line.contains(sign)) m_allocationRefused = true;
        }
        if (m_onLine) m_onLine(stream, line);
    }

    /// Kills what is left in the task's cgroup (processes that left its group and session too),
    /// keeps its peak and OOM kills, and removes it.
    void closeCgroup() {
        if (!m_cgroup) return;
        const Clock::time_point giveUp = Clock::now() + kKillWait;
        while (signalCgroup(SIGKILL) > 0 && Clock::now() < giveUp) std::this_thread::sleep_for(milliseconds(1));
        m_cgroupPeak = m_cgroup->peakBytes();
        m_oomKills = m_cgroup->oomKills();
        m_cgroup.reset();
    }

    /// Sends @p sig (0: none) to the live processes in the cgroup but the leader (the TreeKiller
    /// has it); returns how many there are.
    int signalCgroup(int sig) {
        if (!m_cgroup) return 0;
        int alive = 0;
        for (const pid_t pid : m_cgroup->pids()) {
            ProcStat stat;
            if (pid == m_child.pid || !readProcStat(pid, stat) || !stat.alive()) continue;
            ++alive;
            if (sig) ::kill(pid, sig);
        }
        return alive;
    }

    int signalTask(int sig) { return m_killer.signalAll(sig) + signalCgroup(sig); }

    void reportDropped(LineSplitter &splitter, const QString &stream) {
        if (splitter.droppedBytes() <= 0 && splitter.droppedLines() <= 0) return;
        const std::vector<std::string> tail = splitter.takeTail();
        m_outcome.droppedOutputBytes += splitter.droppedBytes();
        m_outcome.droppedOutputLines += splitter.droppedLines();
        if (!m_onLine) return;
        const LogLine::Stream kind = stream == QLatin1String("stdout") ? LogLine::Stream::Stdout : LogLine::Stream::Stderr;
        const auto deliverTail = [&] {
            for (const std::string &line : tail) m_onLine(kind, QString::fromUtf8(line.data(), qsizetype(line.size())));
        };
        if (splitter.droppedBytes() <= 0 && splitter.droppedLines() <= 0) return deliverTail();  // nothing lost
        QString text = QStringLiteral("WARNING: log limit of this attempt reached (%1 or %2 lines): %3 of %4 in %5 lines not stored")
                           .arg(limitText(m_spec.logLimitBytes))
                           .arg(m_spec.logLimitLines)
                           .arg(humanSize(splitter.droppedBytes()), stream)
                           .arg(splitter.droppedLines());
        if (!tail.empty()) text += QStringLiteral("; its last %1 lines follow").arg(tail.size());
        m_onLine(LogLine::Stream::Engine, text);
        deliverTail();
    }

    /// Runs until the main child has exited, delivering output and acting on deadlines.
    void watch() {
        while (!m_exited) {
            const bool watchCancel = m_cancel && m_reason == KillReason::None;
            pollfd fds[4] = {{m_child.outFd, POLLIN, 0},
                             {m_child.errFd, POLLIN, 0},
                             {watchCancel ? m_cancel->fd() : -1, POLLIN, 0},
                             {m_pidFd, POLLIN, 0}};
            const int ready = ::poll(fds, 4, pollTimeoutMs());
            if (ready > 0) {
                if (fds[0].revents) readOnce(m_child.outFd, m_out);
                if (fds[1].revents) readOnce(m_child.errFd, m_err);
                if (fds[3].revents) m_exited = true;
            }
            if (m_pidFd < 0) m_exited = m_exited || hasExited();
            if (!m_exited) actOnTime();
        }
    }

    int pollTimeoutMs() const {
        std::optional<Clock::time_point> next;
        const auto consider = [&next](Clock::time_point when) {
            if (!next || when < *next) next = when;
        };
        const Clock::time_point now = Clock::now();
        if (m_reason == KillReason::None) {
            if (m_timeoutAt) consider(*m_timeoutAt);
            if (m_sampling) consider(m_nextSample);
            if (m_cancel && m_cancel->fd() < 0) consider(now + kSurvivorPoll);  // no eventfd: look
        } else if (!m_killSent) {
            consider(m_killDeadline);
        }
        if (m_pidFd < 0) consider(now + kSurvivorPoll);  // no pidfd: check for exit by waitid
        if (!next) return -1;
        const auto wait = std::chrono::ceil<milliseconds>(*next - now).count();
        return int(std::clamp<decltype(wait)>(wait, 0, 24 * 3600 * 1000));
    }

    void actOnTime() {
        const Clock::time_point now = Clock::now();
        if (m_reason != KillReason::None) {
            if (!m_killSent && now >= m_killDeadline) sendKill();
        } else if (m_cancel && m_cancel->isCancelled()) {
            beginKill(KillReason::Cancelled);
        } else if (m_timeoutAt && now >= *m_timeoutAt) {
            beginKill(KillReason::TimedOut);
        } else if (m_sampling && now >= m_nextSample) {
            sample();
            m_nextSample = now + m_sampleInterval;
        }
    }

    void sample() {
        const TreeUsage usage = measureTree(m_child.pid);
        m_peakRss = std::max(m_peakRss, usage.rssBytes);
        m_sampledCpu = std::max(m_sampledCpu, usage.cpuSeconds);  // orphans may take theirs away
        if (m_onSample) m_onSample(usage.rssBytes, m_sampledCpu);
        if (m_cgroup) {
            // The kernel holds the limit; once its OOM killer has struck, the task is over.
            if (m_cgroup->oomKills() > 0) beginKill(KillReason::MemoryExceeded);
            return;
        }
        // Under RLIMIT_DATA each process has the limit; the sum of a tree is caught here. A lone
        // process is left to its ceiling: its resident pages include shared files the limit
        // rightly leaves out, so sampling would stop it early, and by chance.
        if (m_spec.memoryLimitBytes > 0 && usage.processes > 1 && usage.rssBytes > m_spec.memoryLimitBytes) {
            m_memoryUsed = usage.rssBytes;
            beginKill(KillReason::MemoryExceeded);
        }
    }

    void beginKill(KillReason reason) {
        m_reason = reason;
        signalTask(SIGTERM);
        const auto grace = std::chrono::duration<double>(std::max(0.0, m_spec.killGraceSeconds));
        m_killDeadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(grace);
        if (m_spec.killGraceSeconds <= 0) sendKill();
    }

    void sendKill() {
        signalTask(SIGKILL);
        m_killSent = true;
        m_killSentAt = Clock::now();
    }

    /// The main child is gone; waits for the rest of the tree to follow the SIGTERM, sends
    /// SIGKILL at the deadline, and keeps reading output meanwhile (cleanup messages).
    void finishKilling() {
        for (;;) {
            const Clock::time_point now = Clock::now();
            if (!m_killSent && now >= m_killDeadline) sendKill();
            // Keep killing after SIGKILL too: a process may have forked just before it died.
            if (signalTask(m_killSent ? SIGKILL : 0) == 0) return;
            if (m_killSent && now - m_killSentAt > kKillWait) return;  // unkillable; give up
            auto wait = kSurvivorPoll;
            if (!m_killSent) wait = std::min(wait, std::chrono::ceil<milliseconds>(m_killDeadline - now));
            waitForOutput(std::max(milliseconds(1), wait));
        }
    }

    void waitForOutput(milliseconds timeout) {
        pollfd fds[2] = {{m_child.outFd, POLLIN, 0}, {m_child.errFd, POLLIN, 0}};
        if (::poll(fds, 2, int(timeout.count())) <= 0) return;
        if (fds[0].revents) readOnce(m_child.outFd, m_out);
        if (fds[1].revents) readOnce(m_child.errFd, m_err);
    }

    /// After a normal exit, the leftovers got SIGKILL; returns once they are gone.
    void waitForEmptyGroup() {
        // The group id cannot be reused while any member lives, and signal 0 does nothing,
        // so probing after the leader was reaped is harmless.
        const Clock::time_point giveUp = Clock::now() + kKillWait;
        while (::kill(-m_child.pid, 0) == 0 && Clock::now() < giveUp)
            std::this_thread::sleep_for(milliseconds(1));
    }

    /// Without a pidfd: has the child exited? (WNOWAIT: it stays a zombie, keeping its group id.)
    bool hasExited() const {
        siginfo_t info;
        info.si_pid = 0;
        return ::waitid(P_PID, id_t(m_child.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
               info.si_pid != 0;
    }

    /// One read of up to 64 KiB; closes the pipe at end of file.
    void readOnce(int &fd, LineSplitter &splitter) {
        if (fd < 0) return;
        if (!m_readBuffer) m_readBuffer = std::make_unique<char[]>(kReadChunk);
        const ssize_t n = ::read(fd, m_readBuffer.get(), kReadChunk);
        if (n > 0) {
            splitter.feed(m_readBuffer.get(), std::size_t(n));
        } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
            closeFd(fd);
        }
    }

    /// Reads what is already in the pipes without waiting for writers that may never close them.
    void drainPipes() {
        for (auto [fd, splitter] :
             {std::make_pair(&m_child.outFd, &m_out), std::make_pair(&m_child.errFd, &m_err)})
            for (int i = 0; i < kMaxDrainReads && *fd >= 0; ++i) {
                pollfd one = {*fd, POLLIN, 0};
                if (::poll(&one, 1, 0) <= 0) break;
                readOnce(*fd, *splitter);
            }
    }

    void reap() {
        rusage usage{};
        int status = 0;
        pid_t result;
        do {
            result = ::wait4(m_child.pid, &status, 0, &usage);
        } while (result < 0 && errno == EINTR);
        m_reaped = true;
        m_status = result == m_child.pid ? status : -1;
        const auto seconds = [](const timeval &tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; };
        m_reapedCpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
        m_peakRss = std::max(m_peakRss, qint64(usage.ru_maxrss) * 1024);  // largest single process
    }

    ProcessOutcome outcome() {
        using End = ProcessOutcome::End;
        m_outcome.cpuSeconds = std::max(m_sampledCpu, m_reapedCpu);
        m_outcome.peakRssBytes = m_peakRss;
        if (m_status >= 0 && WIFEXITED(m_status)) m_outcome.exitCode = WEXITSTATUS(m_status);
        if (m_status >= 0 && WIFSIGNALED(m_status)) m_outcome.signal = WTERMSIG(m_status);
        m_outcome.cgroupPeakBytes = m_cgroupPeak;
        // The kernel may have killed the leader itself, before any sample saw it.
        if (m_oomKills > 0 && m_reason == KillReason::None) m_reason = KillReason::MemoryExceeded;
        if (m_reason == KillReason::None && m_allocationRefused && !(m_status >= 0 && WIFEXITED(m_status) && m_outcome.exitCode == 0))
            return finished(End::MemoryExceeded,
                            QStringLiteral("exceeded its memory limit of %1: an allocation was refused by its per-process "
                                           "ceiling (RLIMIT_DATA); sampled peak of the tree %2")
                                .arg(limitText(m_spec.memoryLimitBytes), humanSize(m_peakRss)));
        switch (m_reason) {
            case KillReason::TimedOut:
                return finished(End::TimedOut,
                                QStringLiteral("timed out after ") + formatDuration(m_spec.timeoutSeconds));
            case KillReason::MemoryExceeded:
                if (m_oomKills > 0)
                    return finished(End::MemoryExceeded,
                                    QStringLiteral("exceeded its memory limit of %1 (peak %2); stopped by the kernel (%3)")
                                        .arg(limitText(m_spec.memoryLimitBytes), humanSize(m_cgroupPeak), m_mechanism));
                return finished(End::MemoryExceeded,
                                QStringLiteral("exceeded its memory limit of %1 (used %2); stopped by sampling, "
                                               "the tree's total over the limit")
                                    .arg(limitText(m_spec.memoryLimitBytes), humanSize(m_memoryUsed)));
            case KillReason::Cancelled:
                return finished(End::Cancelled, QStringLiteral("cancelled"));
            case KillReason::None:
                break;
        }
        if (m_outcome.signal) return finished(End::Signalled, signalText(m_outcome.signal));
        if (m_status < 0)  // SIGCHLD set to SIG_IGN, or someone else's waitpid(-1)
            return finished(End::Exited, QStringLiteral("its exit status was lost (reaped elsewhere)"));
        return finished(End::Exited, m_outcome.exitCode == 0
                                         ? QString()
                                         : QStringLiteral("exited with code %1").arg(m_outcome.exitCode));
    }

    ProcessOutcome finished(ProcessOutcome::End end, const QString &error) {
        m_outcome.end = end;
        m_outcome.error = error;
        m_outcome.durationMs = std::chrono::duration_cast<milliseconds>(Clock::now() - m_start).count();
        return m_outcome;
    }

    const ProcessSpec &m_spec;
    const ProcessRunner::LineHandler &m_onLine;
    const ProcessRunner::SampleHandler &m_onSample;
    const CancelToken *m_cancel;
    OutputBudget m_budget;
    const ProcessRunner::LineHandler m_deliver;
    LineSplitter m_out;
    LineSplitter m_err;
    const Clock::time_point m_start;
    ProcessOutcome m_outcome;

    Child m_child;
    std::optional<WatchdogEntry> m_watched;  ///< withdrawn when the session ends: the group is gone
    int m_pidFd = -1;
    bool m_exited = false;
    bool m_reaped = false;
    int m_status = -1;
    std::unique_ptr<char[]> m_readBuffer;

    std::optional<Clock::time_point> m_timeoutAt;
    bool m_sampling = false;
    milliseconds m_sampleInterval{100};
    Clock::time_point m_nextSample;
    qint64 m_peakRss = 0;
    qint64 m_memoryUsed = 0;
    double m_sampledCpu = 0;
    double m_reapedCpu = 0;

    std::unique_ptr<TaskCgroup> m_cgroup;  ///< the task's own, while it runs
    QString m_mechanism;                   ///< what holds the memory limit
    qint64 m_cgroupPeak = 0;
    qint64 m_oomKills = 0;
    bool m_allocationRefused = false;      ///< under RLIMIT_DATA: the task said so on stderr

    KillReason m_reason = KillReason::None;
    TreeKiller m_killer{0};
    Clock::time_point m_killDeadline;
    bool m_killSent = false;
    Clock::time_point m_killSentAt;
};

}  // namespace

ProcessOutcome ProcessRunner::run(const ProcessSpec &spec, const LineHandler &onLine,
                                  const SampleHandler &onSample, const CancelToken *cancel) {
    Session session(spec, onLine, onSample, cancel);
    return session.run();
}

}  // namespace flowdeck
