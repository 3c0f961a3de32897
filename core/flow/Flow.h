#pragma once
/// @file The flow model: a flow, its parameters, runner settings and tasks (no GUI, no I/O).

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

namespace flowdeck {

/// A position in a source file; line and column are 1-based, 0 means unknown.
struct SourceLocation {
    int line = 0;
    int column = 0;
    bool isKnown() const { return line > 0; }
    bool operator==(const SourceLocation &o) const { return line == o.line && column == o.column; }
};

enum class ParameterType { String, Int, Float, Bool, List, Map };

QString toString(ParameterType type);
std::optional<ParameterType> parameterTypeFromString(const QString &text);

/// A typed flow parameter with its default and constraints.
struct Parameter {
    QString name;
    ParameterType type = ParameterType::String;
    QVariant defaultValue;  ///< invalid QVariant when there is no default
    QString description;
    bool required = false;
    std::optional<double> minimum;
    std::optional<double> maximum;
    QVariantList allowed;

    bool hasDefault() const { return defaultValue.isValid(); }
    bool operator==(const Parameter &o) const;
};

/// Approval: waits, with the run Paused, until someone resumes it with the values of its inputs.
enum class TaskKind { Shell, Python, Branch, Subflow, Sleep, Noop, Approval };

QString toString(TaskKind kind);
std::optional<TaskKind> taskKindFromString(const QString &text);
QStringList taskKindNames();
/// True for kinds that run a script (shell, python, branch).
bool hasScript(TaskKind kind);

enum class TriggerRule { AllSuccess, AllDone, AllFailed, AnySuccess, AnyFailed, NoneFailed };

QString toString(TriggerRule rule);
std::optional<TriggerRule> triggerRuleFromString(const QString &text);
QStringList triggerRuleNames();

/// Which outcome of an upstream task a dependency follows: any (plain task), or a branch's side.
enum class BranchOutcome { Any, True, False };

/// One `after:` entry: an upstream task, and for a branch upstream which side is followed.
struct Dependency {
    QString upstream;
    BranchOutcome outcome = BranchOutcome::Any;

    /// The file form: `name`, `name.true` or `name.false`.
    QString toString() const;
    static Dependency fromString(const QString &text);
    bool operator==(const Dependency &o) const { return upstream == o.upstream && outcome == o.outcome; }
};

/// Delay before each retry: one fixed value, a list (the last repeats), or exponential backoff.
struct RetryDelay {
    enum class Mode { Fixed, List, Exponential };
    Mode mode = Mode::Fixed;
    std::vector<double> seconds{0.0};  ///< Fixed: one value; List: one per retry; Exponential: the base

    /// Delay in seconds before retry number @p retry (1-based), without jitter.
    double delayBefore(int retry) const;
    bool isDefault() const { return mode == Mode::Fixed && seconds.size() == 1 && seconds[0] == 0.0; }
    bool operator==(const RetryDelay &o) const { return mode == o.mode && seconds == o.seconds; }
};

enum class CachePolicy { None, Inputs, InputsAndSource, PerRun };

QString toString(CachePolicy policy);
std::optional<CachePolicy> cachePolicyFromString(const QString &text);

struct CacheSettings {
    bool enabled = false;  ///< true when the task has a `cache:` section
    CachePolicy policy = CachePolicy::InputsAndSource;
    std::optional<double> expirationSeconds;
    bool refresh = false;
    bool operator==(const CacheSettings &o) const;
};

/// A task's environment variable: a plain value, an inline secret (`{value: V, secret: true}`,
/// masked in logs but kept in the file), or a reference to a secret kept outside the flow
/// (`{secret: NAME}`), resolved when the task runs (core/secrets).
struct EnvVar {
    QString name;
    QString value;       ///< empty for a reference; the engine fills it in on its own copy
    bool secret = false;  ///< true for inline secrets and references: masked wherever it is logged
    QString secretName;   ///< the referenced secret; empty for plain values and inline secrets

    bool isReference() const { return !secretName.isEmpty(); }
    bool operator==(const EnvVar &o) const {
        return name == o.name && value == o.value && secret == o.secret && secretName == o.secretName;
    }
};

/// True for secret names Flowdeck and every export target accept: lowercase letters, digits and
/// '-', starting and ending with a letter or digit, at most 63 characters (a Prefect block name,
/// a Kubernetes Secret key, a systemd credential and FLOWDECK_SECRET_<NAME> all fit).
bool isValidSecretName(const QString &name);

enum class ScriptLanguage { Shell, Python };

/// One node of the flow graph.
struct Task {
    QString name;
    TaskKind kind = TaskKind::Shell;
    QString description;
    QString script;
    ScriptLanguage language = ScriptLanguage::Shell;  ///< branch tasks only
    QString subflow;                                  ///< subflow tasks: path of the child flow file
    QVariantMap subflowParameters;
    double sleepSeconds = 0;  ///< sleep tasks only
    std::vector<Dependency> after;
    TriggerRule trigger = TriggerRule::AllSuccess;
    int retries = 0;
    RetryDelay retryDelay;
    double retryJitter = 0;
    std::optional<double> timeoutSeconds;
    CacheSettings cache;
    QStringList tags;
    std::vector<EnvVar> env;
    QString mapOver;  ///< a list parameter or upstream task; empty when not mapped
    QString workdir;
    std::vector<Parameter> inputs;  ///< approval tasks: the values a person gives to resume the run

    bool isMapped() const { return !mapOver.isEmpty(); }
    /// The names of the upstream tasks, in `after:` order, without duplicates.
    QStringList upstreamNames() const;
    bool operator==(const Task &o) const;
    bool operator!=(const Task &o) const { return !(*this == o); }
};

struct RunnerSettings {
    int maxParallel = 0;        ///< 0: the machine's core count
    qint64 memoryLimitBytes = 0;  ///< per task; 0: no limit
    /// The whole run's limit (`runner: timeout`); unset: the workspace's flow_timeout, if any.
    std::optional<double> timeoutSeconds;
    bool operator==(const RunnerSettings &o) const {
        return maxParallel == o.maxParallel && memoryLimitBytes == o.memoryLimitBytes && timeoutSeconds == o.timeoutSeconds;
    }
};

struct NodePosition {
    double x = 0;
    double y = 0;
    bool operator==(const NodePosition &o) const { return x == o.x && y == o.y; }
};

/// A sticky note on the canvas: free text in a rectangle (editor only, not part of the logic).
struct Note {
    QString text;
    double x = 0;
    double y = 0;
    double width = 200;
    double height = 100;
    bool operator==(const Note &o) const {
        return text == o.text && x == o.x && y == o.y && width == o.width && height == o.height;
    }
};

/// A titled frame drawn behind tasks; moving it in the editor moves the tasks inside it.
struct Group {
    QString title;
    double x = 0;
    double y = 0;
    double width = 400;
    double height = 200;
    bool operator==(const Group &o) const {
        return title == o.title && x == o.x && y == o.y && width == o.width && height == o.height;
    }
};

/// A whole flow. Tasks keep the order the user wrote them in.
struct Flow {
    QString name;
    QString description;
    QString version;
    QStringList tags;
    std::vector<Parameter> parameters;
    RunnerSettings runner;
    std::vector<Task> tasks;
    /// Editor layout, keyed by task name; kept apart from the logic and out of equality of logic.
    QHash<QString, NodePosition> layout;
    /// Sticky notes and group frames, in file order; editor-only like the layout.
    std::vector<Note> notes;
    std::vector<Group> groups;

    /// Where each element came from, keyed by path ("tasks.load.retries", "tasks.load.after.1").
    /// Filled by the loader; not part of equality.
    QHash<QString, SourceLocation> sourceMap;

    const Task *task(const QString &name) const;
    Task *task(const QString &name);
    int taskIndex(const QString &name) const;
    const Parameter *parameter(const QString &name) const;
    SourceLocation locationOf(const QString &path) const { return sourceMap.value(path); }

    /// Equal logic and layout (the source map is ignored).
    bool operator==(const Flow &o) const;
    bool operator!=(const Flow &o) const { return !(*this == o); }
};

/// True for names made of letters, digits, '_' and '-', starting with a letter or digit.
bool isValidName(const QString &name);

}  // namespace flowdeck
