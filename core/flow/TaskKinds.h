#pragma once
/// @file What each task kind is and does, in one table: its file name, whether it runs a script
/// in a child process, which kind-specific settings it uses. Code that treats kinds differently
/// asks this table instead of switching on TaskKind, so a new kind is one new row.

#include "Flow.h"

#include <QStringList>

#include <vector>

namespace flowdeck {

/// How the engine carries out a task of a kind.
enum class TaskExecution {
    Process,  ///< a script in a child process (shell, python, branch)
    Sleep,    ///< waits in the engine
    Subflow,  ///< runs another flow file as a child run
    Nothing,  ///< completes at once (noop)
    Approval, ///< waits, with its run Paused, until someone resumes it with its inputs' values
};

/// The traits of one task kind.
struct TaskKindTraits {
    TaskKind kind;
    const char *name;         ///< as written in flow files
    TaskExecution execution;
    bool choosesBranch;       ///< its exit status picks the `.true` or `.false` downstream side
    bool usesLanguage;        ///< `language:` selects the interpreter of its script
    const char *defaultLanguage;  ///< "shell" or "python": the interpreter when `language` is not used
    const char *dotShape;     ///< Graphviz node shape in `graph --format dot`
    const char *summary;      ///< one line saying what the kind does

    bool runsScript() const { return execution == TaskExecution::Process; }
    bool runsSubflow() const { return execution == TaskExecution::Subflow; }
    bool sleeps() const { return execution == TaskExecution::Sleep; }
    bool waitsForApproval() const { return execution == TaskExecution::Approval; }
    /// Whether its task needs a process, a container or a pod of its own when exported.
    bool needsRunner() const { return execution == TaskExecution::Process || execution == TaskExecution::Subflow; }
    /// The task fields (file keys) only this kind uses: "script", "language", "flow", "parameters",
    /// "seconds", "inputs".
    QStringList ownFields() const;
};

/// Every kind, in the order flow files, the palette and `--help` list them.
const std::vector<TaskKindTraits> &taskKinds();
/// The traits of @p kind.
const TaskKindTraits &traitsOf(TaskKind kind);
/// The language @p task's script runs in: python for python tasks and python branches, else shell.
ScriptLanguage scriptLanguageOf(const Task &task);
/// Every kind-specific field a kind may use ("script", "language", "flow", "parameters", "seconds",
/// "inputs").
QStringList kindSpecificFields();

}  // namespace flowdeck
