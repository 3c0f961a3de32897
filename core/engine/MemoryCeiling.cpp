#include "MemoryCeiling.h"

#include <QByteArray>
#include <QStringList>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <thread>

namespace flowdeck {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How long a dying task's processes get to leave its cgroup before we stop waiting.
constexpr milliseconds kEmptyWait{2000};

std::string readText(const std::string &path) {
    std::string text;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return text;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buf, std::size_t(n));
    }
    ::close(fd);
    return text;
}

/// Writes @p text to an existing cgroup file; 0 or an errno value.
int writeText(const std::string &path, const std::string &text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    const ssize_t n = ::write(fd, text.data(), text.size());
    const int error = n == ssize_t(text.size()) ? 0 : (n < 0 ? errno : EIO);
    ::close(fd);
    return error;
}

bool exists(const std::string &path) { return ::access(path.c_str(), F_OK) == 0; }

QString errnoText(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

QString q(const std::string &text) { return QString::fromStdString(text); }

std::vector<std::string> split(const std::string &text, char by) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, by)) parts.push_back(part);
    return parts;
}

bool hasToken(const std::string &list, const std::string &token, char by) {
    for (const std::string &part : split(list, by))
        if (part == token) return true;
    return false;
}

/// mountinfo escapes space, tab, newline and backslash as \ooo.
std::string unescapeMountField(const std::string &field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            const std::string octal = field.substr(i + 1, 3);
            if (octal.find_first_not_of("01234567") == std::string::npos) {
                out += char(std::strtol(octal.c_str(), nullptr, 8));
                i += 3;
                continue;
            }
        }
        out += field[i];
    }
    return out;
}

struct Mount {
    std::string root;
    std::string point;
    std::string type;
    std::string superOptions;
};

std::vector<Mount> cgroupMounts(const std::string &mountInfo) {
    std::vector<Mount> mounts;
    for (const std::string &line : split(mountInfo, '\n')) {
        const std::size_t dash = line.find(" - ");
        if (dash == std::string::npos) continue;
        const std::vector<std::string> before = split(line.substr(0, dash), ' ');
        const std::vector<std::string> after = split(line.substr(dash + 3), ' ');
        if (before.size() < 5 || after.size() < 3) continue;
        if (after[0] != "cgroup" && after[0] != "cgroup2") continue;
        mounts.push_back({unescapeMountField(before[3]), unescapeMountField(before[4]), after[0], after[2]});
    }
    return mounts;
}

/// The folder of cgroup @p path in a mount of its hierarchy whose root holds it; empty if none.
std::string folderIn(const Mount &mount, const std::string &path) {
    std::string relative;
    if (mount.root == "/") relative = path;
    else if (path == mount.root) relative = "/";
    else if (path.compare(0, mount.root.size() + 1, mount.root + "/") == 0) relative = path.substr(mount.root.size());
    else return {};
    if (relative == "/") return mount.point;
    return mount.point + relative;
}

/// The cgroup path of the first /proc/self/cgroup line that @p matches.
template <typename Match>
std::string cgroupPath(const std::string &procSelfCgroup, Match matches) {
    for (const std::string &line : split(procSelfCgroup, '\n')) {
        const std::size_t first = line.find(':');
        const std::size_t second = first == std::string::npos ? first : line.find(':', first + 1);
        if (second == std::string::npos) continue;
        if (matches(line.substr(0, first), line.substr(first + 1, second - first - 1))) return line.substr(second + 1);
    }
    return {};
}

CgroupPlace none(const QString &problem) {
    CgroupPlace place;
    place.problem = problem;
    return place;
}

/// Makes and removes a child cgroup: proof that task cgroups can be made here.
QString probe(const std::string &directory, const char *limitFile) {
    const std::string child = directory + "/flowdeck-probe-" + std::to_string(::getpid());
    if (::mkdir(child.c_str(), 0755) != 0 && errno != EEXIST)
        return QStringLiteral("cannot make a cgroup in %1: %2").arg(q(directory), errnoText(errno));
    const bool limitable = exists(child + "/" + limitFile);
    ::rmdir(child.c_str());
    if (!limitable) return QStringLiteral("a cgroup made in %1 has no %2").arg(q(directory), QLatin1String(limitFile));
    return {};
}

CgroupPlace usableV2(const std::string &procSelfCgroup, const std::string &mountInfo) {
    CgroupPlace place = memoryCgroupV2(procSelfCgroup, mountInfo);
    if (place.version == CgroupPlace::Version::None) return place;
    const std::string &dir = place.directory;
    std::string controllers = readText(dir + "/cgroup.controllers");
    if (!controllers.empty() && controllers.back() == '\n') controllers.pop_back();
    if (!hasToken(controllers, "memory", ' '))
        return none(QStringLiteral("cgroup v2 %1 has no memory controller").arg(q(dir)));
    std::string subtree = readText(dir + "/cgroup.subtree_control");
    if (!subtree.empty() && subtree.back() == '\n') subtree.pop_back();
    if (!hasToken(subtree, "memory", ' ')) {
        // Refused (EBUSY) while this cgroup holds processes, ours included: only a delegated
        // cgroup that we do not live in works, e.g. one systemd made with Delegate=yes.
        if (const int error = writeText(dir + "/cgroup.subtree_control", "+memory"))
            return none(QStringLiteral("cgroup v2 %1: cannot enable memory for child cgroups (%2)").arg(q(dir), errnoText(error)));
    }
    if (const QString problem = probe(dir, "memory.max"); !problem.isEmpty()) return none(problem);
    return place;
}

CgroupPlace usableV1(const std::string &procSelfCgroup, const std::string &mountInfo) {
    CgroupPlace place = memoryCgroupV1(procSelfCgroup, mountInfo);
    if (place.version == CgroupPlace::Version::None) return place;
    if (const QString problem = probe(place.directory, "memory.limit_in_bytes"); !problem.isEmpty()) return none(problem);
    return place;
}

bool processExists(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

/// Sends SIGKILL to what is in @p directory until it is empty (or the wait runs out), then
/// removes it. Used on task cgroups only.
void killAndRemove(const std::string &directory) {
    const Clock::time_point giveUp = Clock::now() + kEmptyWait;
    for (;;) {
        bool any = false;
        for (const std::string &word : split(readText(directory + "/cgroup.procs"), '\n')) {
            const pid_t pid = pid_t(std::atol(word.c_str()));
            if (pid <= 0) continue;
            any = true;
            ::kill(pid, SIGKILL);
        }
        if (!any && (::rmdir(directory.c_str()) == 0 || errno == ENOENT)) return;
        if (Clock::now() >= giveUp) return;  // an unkillable process (D state); leave the folder
        std::this_thread::sleep_for(milliseconds(2));
    }
}

/// Task cgroups of runners that are gone (killed before they could remove them).
void removeStaleTaskCgroups(const std::string &directory) {
    DIR *dir = ::opendir(directory.c_str());
    if (!dir) return;
    std::vector<std::string> stale;
    while (const dirent *entry = ::readdir(dir)) {
        const char *name = entry->d_name;
        if (std::strncmp(name, "flowdeck-", 9) != 0) continue;
        char *end = nullptr;
        const long owner = std::strtol(name + 9, &end, 10);
        if (end == name + 9 || *end != '-' || owner <= 0 || owner == ::getpid()) continue;
        if (!processExists(pid_t(owner))) stale.push_back(directory + "/" + name);
    }
    ::closedir(dir);
    for (const std::string &path : stale) killAndRemove(path);
}

MemoryEnforcement detect() {
    MemoryEnforcement e;
    const QByteArray wanted = qgetenv("FLOWDECK_MEMORY_CEILING").trimmed().toLower();
    QStringList problems;
    if (wanted == "rlimit") {
        problems << QStringLiteral("FLOWDECK_MEMORY_CEILING=rlimit asks for no cgroup");
    } else {
        const std::string cgroups = readText("/proc/self/cgroup");
        const std::string mounts = readText("/proc/self/mountinfo");
        e.cgroup = usableV2(cgroups, mounts);
        if (e.cgroup.version == CgroupPlace::Version::None) {
            problems << e.cgroup.problem;
            e.cgroup = usableV1(cgroups, mounts);
            if (e.cgroup.version == CgroupPlace::Version::None) problems << e.cgroup.problem;
        }
    }
    switch (e.cgroup.version) {
    case CgroupPlace::Version::V2:
        e.mechanism = QStringLiteral("the cgroup v2 memory controller");
        e.detail = QStringLiteral("task cgroups under %1").arg(q(e.cgroup.directory));
        break;
    case CgroupPlace::Version::V1:
        e.mechanism = QStringLiteral("the cgroup v1 memory controller");
        e.detail = QStringLiteral("task cgroups under %1").arg(q(e.cgroup.directory));
        break;
    case CgroupPlace::Version::None:
        e.mechanism = QStringLiteral("RLIMIT_DATA per process, the whole tree sampled every 100 ms");
        e.detail = QStringLiteral("no usable cgroup: %1").arg(problems.join(QStringLiteral("; ")));
        break;
    }
    if (e.cgroup.version != CgroupPlace::Version::None) removeStaleTaskCgroups(e.cgroup.directory);
    return e;
}

}  // namespace

CgroupPlace memoryCgroupV1(const std::string &procSelfCgroup, const std::string &mountInfo) {
    const std::string path = cgroupPath(procSelfCgroup, [](const std::string &id, const std::string &controllers) {
        return id != "0" && hasToken(controllers, "memory", ',');
    });
    if (path.empty()) return none(QStringLiteral("no cgroup v1 memory controller"));
    for (const Mount &mount : cgroupMounts(mountInfo)) {
        if (mount.type != "cgroup" || !hasToken(mount.superOptions, "memory", ',')) continue;
        const std::string folder = folderIn(mount, path);
        if (folder.empty()) continue;
        CgroupPlace place;
        place.version = CgroupPlace::Version::V1;
        place.directory = folder;
        return place;
    }
    return none(QStringLiteral("the cgroup v1 memory controller is not mounted where our cgroup %1 is visible").arg(q(path)));
}

CgroupPlace memoryCgroupV2(const std::string &procSelfCgroup, const std::string &mountInfo) {
    const std::string path = cgroupPath(procSelfCgroup, [](const std::string &id, const std::string &controllers) {
        return id == "0" && controllers.empty();
    });
    if (path.empty()) return none(QStringLiteral("no cgroup v2"));
    for (const Mount &mount : cgroupMounts(mountInfo)) {
        if (mount.type != "cgroup2") continue;
        const std::string folder = folderIn(mount, path);
        if (folder.empty()) continue;
        CgroupPlace place;
        place.version = CgroupPlace::Version::V2;
        place.directory = folder;
        return place;
    }
    return none(QStringLiteral("cgroup v2 is not mounted where our cgroup %1 is visible").arg(q(path)));
}

const MemoryEnforcement &memoryEnforcement() {
    static const MemoryEnforcement detected = detect();
    return detected;
}

TaskCgroup::TaskCgroup(CgroupPlace::Version version, std::string directory)
    : m_version(version), m_directory(std::move(directory)) {}

std::unique_ptr<TaskCgroup> TaskCgroup::create(const CgroupPlace &place, qint64 limitBytes, QString *problem) {
    static std::atomic<unsigned> counter{0};
    if (place.version == CgroupPlace::Version::None) {
        *problem = place.problem;
        return nullptr;
    }
    std::string directory;
    for (int tries = 0;; ++tries) {
        directory = place.directory + "/flowdeck-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
        if (::mkdir(directory.c_str(), 0755) == 0) break;
        if (errno != EEXIST || tries > 100) {
            *problem = QStringLiteral("cannot make a cgroup in %1: %2").arg(q(place.directory), errnoText(errno));
            return nullptr;
        }
    }
    std::unique_ptr<TaskCgroup> cgroup(new TaskCgroup(place.version, directory));
    const std::string limit = std::to_string(limitBytes);
    const bool v1 = place.version == CgroupPlace::Version::V1;
    const std::string limitFile = directory + (v1 ? "/memory.limit_in_bytes" : "/memory.max");
    int error = writeText(limitFile, limit);
    // Without a swap limit, swap would hide memory over the limit (memsw must be >= the limit,
    // so it is written second).
    if (!error && v1 && exists(directory + "/memory.memsw.limit_in_bytes"))
        error = writeText(directory + "/memory.memsw.limit_in_bytes", limit);
    if (!error && !v1 && exists(directory + "/memory.swap.max")) error = writeText(directory + "/memory.swap.max", "0");
    if (!error && !v1 && exists(directory + "/memory.oom.group")) writeText(directory + "/memory.oom.group", "1");
    if (error) {
        *problem = QStringLiteral("cannot set the limit of cgroup %1: %2").arg(q(directory), errnoText(error));
        return nullptr;  // the destructor removes the folder
    }
    cgroup->m_procsFd = ::open((directory + "/cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC);
    if (cgroup->m_procsFd < 0) {
        *problem = QStringLiteral("cannot open %1/cgroup.procs: %2").arg(q(directory), errnoText(errno));
        return nullptr;
    }
    return cgroup;
}

TaskCgroup::~TaskCgroup() {
    if (m_procsFd >= 0) ::close(m_procsFd);
    killAndRemove(m_directory);
}

std::vector<pid_t> TaskCgroup::pids() const {
    std::vector<pid_t> pids;
    for (const std::string &word : split(readText(m_directory + "/cgroup.procs"), '\n')) {
        const long pid = std::atol(word.c_str());
        if (pid > 0) pids.push_back(pid_t(pid));
    }
    return pids;
}

qint64 TaskCgroup::peakBytes() const {
    const bool v1 = m_version == CgroupPlace::Version::V1;
    return std::atoll(readText(m_directory + (v1 ? "/memory.max_usage_in_bytes" : "/memory.peak")).c_str());
}

qint64 TaskCgroup::oomKills() const {
    const bool v1 = m_version == CgroupPlace::Version::V1;
    for (const std::string &line : split(readText(m_directory + (v1 ? "/memory.oom_control" : "/memory.events")), '\n'))
        if (line.compare(0, 9, "oom_kill ") == 0) return std::atoll(line.c_str() + 9);
    return 0;
}

QString TaskCgroup::versionName() const {
    return m_version == CgroupPlace::Version::V1 ? QStringLiteral("cgroup v1") : QStringLiteral("cgroup v2");
}

}  // namespace flowdeck
