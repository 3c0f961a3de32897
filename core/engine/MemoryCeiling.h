#pragma once
/// @file Puts a task's process tree under a memory ceiling the kernel holds: a cgroup of its own
/// (v2 memory.max, or the v1 memory controller) when this process may make one, else a
/// per-process RLIMIT_DATA. Linux only.

#include <QString>

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace flowdeck {

/// Where task cgroups can be made, as read from /proc/self/cgroup and /proc/self/mountinfo.
struct CgroupPlace {
    enum class Version { None, V1, V2 };
    Version version = Version::None;
    std::string directory;  ///< our own memory cgroup; task cgroups go below it
    QString problem;        ///< why there is none (Version::None)
};

/// Our memory cgroup from the two /proc texts (pure: tests feed it text). For v2 it only says
/// where the cgroup is; whether its memory controller may be used is checked on the files.
CgroupPlace memoryCgroupV1(const std::string &procSelfCgroup, const std::string &mountInfo);
CgroupPlace memoryCgroupV2(const std::string &procSelfCgroup, const std::string &mountInfo);

/// How this process enforces memory limits, detected once (the first call) and then cached.
struct MemoryEnforcement {
    CgroupPlace cgroup;  ///< Version::None: RLIMIT_DATA plus sampling
    /// "the cgroup v1 memory controller", or "RLIMIT_DATA per process, the whole tree sampled …"
    QString mechanism;
    QString detail;  ///< the cgroup's folder, or why there is no usable cgroup
};
const MemoryEnforcement &memoryEnforcement();

/// One task's cgroup, with its limit set; removed (after killing what is left in it) when
/// destroyed.
class TaskCgroup {
public:
    /// Makes a cgroup below @p place limited to @p limitBytes (swap included where the kernel
    /// counts it). Null with @p problem set when it cannot.
    static std::unique_ptr<TaskCgroup> create(const CgroupPlace &place, qint64 limitBytes, QString *problem);
    ~TaskCgroup();
    TaskCgroup(const TaskCgroup &) = delete;
    TaskCgroup &operator=(const TaskCgroup &) = delete;

    /// Its cgroup.procs opened for writing: a child writes "0" to it to join before it execs.
    int procsFd() const { return m_procsFd; }
    /// The pids in the cgroup now (processes that left their group or session are here too).
    std::vector<pid_t> pids() const;
    /// The most memory charged to it at once, in bytes (0 if the kernel does not say).
    qint64 peakBytes() const;
    /// How many processes the kernel's OOM killer killed in it.
    qint64 oomKills() const;
    QString versionName() const;  ///< "cgroup v1" or "cgroup v2"

private:
    TaskCgroup(CgroupPlace::Version version, std::string directory);

    CgroupPlace::Version m_version;
    std::string m_directory;
    int m_procsFd = -1;
};

}  // namespace flowdeck
