#include "TaskKinds.h"

namespace flowdeck {

const std::vector<TaskKindTraits> &taskKinds() {
    // clang-format off
    static const std::vector<TaskKindTraits> table{
        {TaskKind::Shell,   "shell",   TaskExecution::Process, false, false, "shell",  "box",
         "Runs a bash script"},
        {TaskKind::Python,  "python",  TaskExecution::Process, false, false, "python", "box",
         "Runs a Python 3 script"},
        {TaskKind::Branch,  "branch",  TaskExecution::Process, true,  true,  "shell",  "diamond",
         "Chooses a path: exit status 0 takes 'true', any other 'false'"},
        {TaskKind::Subflow, "subflow", TaskExecution::Subflow, false, false, "shell",  "box3d",
         "Runs another flow file as one task"},
        {TaskKind::Sleep,   "sleep",   TaskExecution::Sleep,   false, false, "shell",  "ellipse",
         "Waits for a while"},
        {TaskKind::Noop,    "noop",    TaskExecution::Nothing, false, false, "shell",  "ellipse",
         "Does nothing; joins or groups dependencies"},
        {TaskKind::Approval, "approval", TaskExecution::Approval, false, false, "shell", "octagon",
         "Waits, with the run Paused, until someone approves it with the values it asks for"},
    };
    // clang-format on
    return table;
}

const TaskKindTraits &traitsOf(TaskKind kind) {
    for (const TaskKindTraits &traits : taskKinds())
        if (traits.kind == kind) return traits;
    return taskKinds().front();  // unreachable: every enumerator has a row (test_task_kinds checks)
}

QStringList TaskKindTraits::ownFields() const {
    QStringList fields;
    if (runsScript()) fields << QStringLiteral("script");
    if (usesLanguage) fields << QStringLiteral("language");
    if (runsSubflow()) fields << QStringLiteral("flow") << QStringLiteral("parameters");
    if (sleeps()) fields << QStringLiteral("seconds");
    if (waitsForApproval()) fields << QStringLiteral("inputs");
    return fields;
}

QStringList kindSpecificFields() {
    return {QStringLiteral("script"), QStringLiteral("language"), QStringLiteral("flow"), QStringLiteral("parameters"),
            QStringLiteral("seconds"), QStringLiteral("inputs")};
}

ScriptLanguage scriptLanguageOf(const Task &task) {
    const TaskKindTraits &traits = traitsOf(task.kind);
    if (traits.usesLanguage) return task.language;
    return QLatin1String(traits.defaultLanguage) == QLatin1String("python") ? ScriptLanguage::Python
                                                                            : ScriptLanguage::Shell;
}

// The names and predicates declared in Flow.h, answered from the table.

QString toString(TaskKind kind) { return QString::fromLatin1(traitsOf(kind).name); }

std::optional<TaskKind> taskKindFromString(const QString &text) {
    for (const TaskKindTraits &traits : taskKinds())
        if (text == QLatin1String(traits.name)) return traits.kind;
    return std::nullopt;
}

QStringList taskKindNames() {
    QStringList names;
    for (const TaskKindTraits &traits : taskKinds()) names << QString::fromLatin1(traits.name);
    return names;
}

bool hasScript(TaskKind kind) { return traitsOf(kind).runsScript(); }

}  // namespace flowdeck
