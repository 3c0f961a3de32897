#include "FlowValidator.h"

#include "TaskKinds.h"

#include "FlowGraph.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace flowdeck {

namespace {

/// Collects diagnostics for one flow, locating each through the flow's source map.
class Checker {
public:
    Checker(const Flow &flow, const QString &fileName) : m_flow(flow), m_file(fileName) {
        m_tasks.reserve(qsizetype(flow.tasks.size()));
        m_names.reserve(qsizetype(flow.tasks.size()));
        for (const Task &t : flow.tasks) {
            if (!m_tasks.contains(t.name)) m_tasks.insert(t.name, &t);
            m_names << t.name;
        }
    }

    Diagnostics run() {
        checkFlow();
        checkParameters();
        checkTasks();
        checkCycle();
        checkLayout();
        sortByLocation(m_out);
        return m_out;
    }

private:
    const Flow &m_flow;
    QString m_file;
    Diagnostics m_out;
    QHash<QString, const Task *> m_tasks;  // an index, so big flows validate in linear time
    QStringList m_names;

    const Task *taskNamed(const QString &name) const { return m_tasks.value(name); }

    void add(const QString &path, const QString &message, const QString &task = {},
             const QString &field = {}, Severity severity = Severity::Error) {
        Diagnostic d;
        d.severity = severity;
        d.file = m_file;
        d.location = locate(path);
        d.message = message;
        d.task = task;
        d.field = field;
        m_out.push_back(d);
    }

    // The most specific known location: the path itself, else its nearest known parent.
    SourceLocation locate(QString path) const {
        while (!path.isEmpty()) {
            const SourceLocation at = m_flow.locationOf(path);
            if (at.isKnown()) return at;
            const int dot = path.lastIndexOf(QLatin1Char('.'));
            path = dot < 0 ? QString() : path.left(dot);
        }
        return m_flow.locationOf(QStringLiteral("(root)"));
    }

    void checkFlow() {
        if (m_flow.name.isEmpty())
            add(QStringLiteral("name"), QStringLiteral("the flow has no 'name'"), {}, QStringLiteral("name"));
        else if (!isValidName(m_flow.name))
            add(QStringLiteral("name"),
                QStringLiteral("flow name '%1' may only use letters, digits, '_' and '-'").arg(m_flow.name),
                {}, QStringLiteral("name"));
        if (m_flow.runner.maxParallel < 0)
            add(QStringLiteral("runner.max_parallel"), QStringLiteral("'max_parallel' must be at least 1"));
        if (m_flow.tasks.empty())
            add(QStringLiteral("tasks"), QStringLiteral("the flow has no tasks"), {}, {}, Severity::Warning);
    }

    void checkParameters() { checkDeclarations(m_flow.parameters, QStringLiteral("parameters."), {}); }

    /// Flow parameters, or the inputs of approval task @p task: the same rules.
    void checkDeclarations(const std::vector<Parameter> &declared, const QString &prefix, const QString &task) {
        QSet<QString> seen;
        for (const Parameter &p : declared) {
            const QString path = prefix + p.name;
            if (!isValidName(p.name) || p.name.contains(QLatin1Char('-')))
                add(path, QStringLiteral("parameter name '%1' may only use letters, digits and '_'").arg(p.name), task);
            if (seen.contains(p.name)) add(path, QStringLiteral("duplicate parameter name '%1'").arg(p.name), task);
            seen.insert(p.name);
            checkParameterLimits(p, path);
            if (p.hasDefault()) {
                const QString problem = FlowValidator::checkValue(p, p.defaultValue);
                if (!problem.isEmpty())
                    add(path + QLatin1String(".default"),
                        QStringLiteral("default of parameter '%1': %2").arg(p.name, problem), task);
            }
        }
    }

    void checkParameterLimits(const Parameter &p, const QString &path) {
        const bool numeric = p.type == ParameterType::Int || p.type == ParameterType::Float;
        if ((p.minimum || p.maximum) && !numeric)
            add(path, QStringLiteral("'min' and 'max' only apply to int and float parameters, not %1")
                          .arg(toString(p.type)));
        if (p.minimum && p.maximum && *p.minimum > *p.maximum)
            add(path + QLatin1String(".min"),
                QStringLiteral("parameter '%1': min %2 is greater than max %3")
                    .arg(p.name, QString::number(*p.minimum), QString::number(*p.maximum)));
        if (!p.allowed.isEmpty() && (p.type == ParameterType::List || p.type == ParameterType::Map ||
                                     p.type == ParameterType::Bool))
            add(path + QLatin1String(".allowed"),
                QStringLiteral("'allowed' only applies to string, int and float parameters"));
    }

    void checkTasks() {
        for (size_t i = 0; i < m_flow.tasks.size(); ++i) {
            const Task &task = m_flow.tasks[i];
            // Paths are made only for a problem: per task they were a good part of validating 10,000.
            const auto at = [i] { return QStringLiteral("taskAt.%1").arg(i); };
            if (!isValidName(task.name))
                add(at(), QStringLiteral("task name '%1' may only use letters, digits, '_' and '-', "
                                       "starting with a letter or digit").arg(task.name), task.name);
            if (taskNamed(task.name) != &task)  // the index holds the first task of each name
                add(at(), QStringLiteral("duplicate task name '%1'").arg(task.name), task.name);
            checkTask(task, QStringLiteral("tasks.") + task.name);
        }
    }

    void checkTask(const Task &task, const QString &path) {
        if (hasScript(task.kind) && task.script.trimmed().isEmpty())
            add(path, QStringLiteral("task '%1' (%2) has no script").arg(task.name, toString(task.kind)),
                task.name, QStringLiteral("script"));
        if (traitsOf(task.kind).runsSubflow() && task.subflow.isEmpty())
            add(path, QStringLiteral("subflow task '%1' names no 'flow' file").arg(task.name), task.name,
                QStringLiteral("flow"));
        if (task.retries < 0)
            add(path + QLatin1String(".retries"),
                QStringLiteral("'retries' must be an integer >= 0, got '%1'").arg(task.retries), task.name,
                QStringLiteral("retries"));
        if (task.retryJitter < 0)
            add(path + QLatin1String(".retry_jitter"), QStringLiteral("'retry_jitter' must be >= 0"), task.name,
                QStringLiteral("retry_jitter"));
        if (task.timeoutSeconds && *task.timeoutSeconds <= 0)
            add(path + QLatin1String(".timeout"), QStringLiteral("'timeout' must be greater than 0"), task.name,
                QStringLiteral("timeout"));
        if (traitsOf(task.kind).waitsForApproval()) checkApproval(task, path);
        checkKeysFitKind(task, path);
        checkDependencies(task, path);
        checkUpstreamReads(task, path);
        checkMap(task, path);
        checkEnv(task, path);
    }

    // Settings that the task's kind ignores. Here rather than in the loader, so the editor shows
    // the same problems after an edit as after opening the file.
    void checkKeysFitKind(const Task &task, const QString &path) {
        const std::pair<const char *, bool> set[] = {
            {"script", !task.script.isEmpty()},       {"flow", !task.subflow.isEmpty()},
            {"parameters", !task.subflowParameters.isEmpty()}, {"seconds", task.sleepSeconds > 0},
            {"language", task.language != ScriptLanguage::Shell}, {"inputs", !task.inputs.empty()}};
        QStringList unused;
        QStringList own;  // asked for only when a kind-specific key is set
        for (const auto &[key, isSet] : set) {
            if (!isSet) continue;
            if (own.isEmpty()) own = traitsOf(task.kind).ownFields();
            if (!own.contains(QLatin1String(key))) unused << QLatin1String(key);
        }
        // A person approves once per run: a retry or a cached approval would not ask again.
        if (traitsOf(task.kind).waitsForApproval()) {
            if (task.retries != 0) unused << QStringLiteral("retries");
            if (task.cache.enabled) unused << QStringLiteral("cache");
        }
        for (const QString &key : unused)
            add(path + QLatin1Char('.') + key, QStringLiteral("'%1' has no effect on a %2 task").arg(key, toString(task.kind)),
                task.name, key, Severity::Warning);
    }

    /// An approval waits for a person once per run: there is nothing to map over.
    void checkApproval(const Task &task, const QString &path) {
        checkDeclarations(task.inputs, path + QLatin1String(".inputs."), task.name);
        if (task.isMapped())
            add(path + QLatin1String(".map"), QStringLiteral("approval task '%1' cannot be mapped").arg(task.name),
                task.name, QStringLiteral("map"));
    }

    void checkDependencies(const Task &task, const QString &path) {
        QSet<QString> seen;
        for (size_t i = 0; i < task.after.size(); ++i) {
            const Dependency &d = task.after[i];
            // Made only for a problem: a path per dependency was a good part of validating after
            // every edit of a 5,000-task flow.
            const auto at = [&path, i] { return path + QLatin1String(".after.") + QString::number(i); };
            const QString field = QStringLiteral("after");
            if (task.after.size() > 1) {  // one upstream cannot be listed twice
                const QString written = d.toString();
                if (seen.contains(written))
                    add(at(), QStringLiteral("task '%1' lists '%2' twice in 'after'").arg(task.name, written),
                        task.name, field, Severity::Warning);
                seen.insert(written);
            }
            if (d.upstream == task.name) {
                add(at(), QStringLiteral("task '%1' depends on itself").arg(task.name), task.name, field);
                continue;
            }
            const Task *upstream = taskNamed(d.upstream);
            if (upstream && d.outcome == BranchOutcome::Any) continue;  // the common case, checked
            const QString branchName = upstream ? QString() : d.upstream.section(QLatin1Char('.'), 0, 0);
            if (!upstream && d.upstream.contains(QLatin1Char('.')) && taskNamed(branchName)) {
                add(at(), QStringLiteral("'%1': an outcome of branch '%2' is written '%2.true' or '%2.false'")
                            .arg(d.toString(), branchName),
                    task.name, field);
            } else if (!upstream) {
                add(at(), QStringLiteral("task '%1' depends on unknown task '%2'%3")
                            .arg(task.name, d.upstream, didYouMean(d.upstream, namesBut(task.name))),
                    task.name, field);
                m_out.back().found = d.upstream;
                m_out.back().suggestion = closestMatch(d.upstream, namesBut(task.name));
            } else if (d.outcome != BranchOutcome::Any && !traitsOf(upstream->kind).choosesBranch) {
                add(at(), QStringLiteral("'%1' follows an outcome of '%2', which is a %3 task, not a branch")
                            .arg(d.toString(), d.upstream, toString(upstream->kind)),
                    task.name, field);
            }
        }
    }

    /// A script that reads upstream["x"] (Python) or a subflow parameter with ${upstream.x} gets
    /// only its own upstreams' results: a name that is not among them reads nothing at run
    /// time. Renaming an upstream task is the usual way to get there, so say it before the run.
    void checkUpstreamReads(const Task &task, const QString &path) {
        static const QRegularExpression pythonRead(
            QStringLiteral(R"(\bupstream(?:\[\s*|\.get\(\s*)(['"])([A-Za-z0-9][A-Za-z0-9_-]*)\1)"));
        static const QRegularExpression templateRead(QStringLiteral(R"(\$\{upstream\.([A-Za-z0-9][A-Za-z0-9_-]*)\})"));
        QStringList read;
        if (task.script.contains(QLatin1String("upstream")))
            for (auto it = pythonRead.globalMatch(task.script); it.hasNext();) read << it.next().captured(2);
        for (auto value = task.subflowParameters.constBegin(); value != task.subflowParameters.constEnd(); ++value)
            if (value->typeId() == QMetaType::QString)
                for (auto it = templateRead.globalMatch(value->toString()); it.hasNext();) read << it.next().captured(1);
        if (read.isEmpty()) return;
        const QStringList upstreams = task.upstreamNames();
        read.removeDuplicates();
        for (const QString &name : read) {
            if (upstreams.contains(name)) continue;
            const QString field = task.script.isEmpty() ? QStringLiteral("parameters") : QStringLiteral("script");
            add(path + QLatin1Char('.') + field,
                QStringLiteral("task '%1' reads the result of '%2', which is not one of its upstream tasks "
                               "(after: %3): it will read nothing%4")
                    .arg(task.name, name, upstreams.isEmpty() ? QStringLiteral("none") : upstreams.join(QLatin1String(", ")),
                         didYouMean(name, upstreams)),
                task.name, field, Severity::Warning);
        }
    }

    /// Task names other than @p name: a task is never the suggestion for its own upstream.
    QStringList namesBut(const QString &name) const {
        QStringList names = m_names;
        names.removeAll(name);
        return names;
    }

    void checkMap(const Task &task, const QString &path) {
        if (!task.isMapped()) return;
        const QString at = path + QLatin1String(".map");
        const Parameter *parameter = m_flow.parameter(task.mapOver);
        const bool isUpstream = task.upstreamNames().contains(task.mapOver);
        if (parameter && isUpstream) {
            add(at, QStringLiteral("'map: %1' is ambiguous: both a parameter and an upstream task have that name")
                        .arg(task.mapOver), task.name, QStringLiteral("map"));
        } else if (parameter) {
            if (parameter->type != ParameterType::List)
                add(at, QStringLiteral("task '%1' maps over parameter '%2', which is a %3, not a list")
                            .arg(task.name, task.mapOver, toString(parameter->type)),
                    task.name, QStringLiteral("map"));
        } else if (!isUpstream) {
            add(at, unknownMapSource(task), task.name, QStringLiteral("map"));
        }
    }

    QString unknownMapSource(const Task &task) const {
        if (taskNamed(task.mapOver))
            return QStringLiteral("task '%1' maps over '%2', which is not in its 'after' list")
                .arg(task.name, task.mapOver);
        QStringList candidates = task.upstreamNames();
        for (const Parameter &p : m_flow.parameters) candidates << p.name;
        return QStringLiteral("task '%1' maps over '%2', which is neither a list parameter nor an upstream task%3")
            .arg(task.name, task.mapOver, didYouMean(task.mapOver, candidates));
    }

    void checkEnv(const Task &task, const QString &path) {
        static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        QSet<QString> seen;
        for (const EnvVar &var : task.env) {
            const QString at = path + QLatin1String(".env.") + var.name;
            if (!envName.match(var.name).hasMatch())
                add(at, QStringLiteral("environment variable name '%1' is not valid: use letters, digits and '_'")
                            .arg(var.name), task.name, QStringLiteral("env"));
            if (seen.contains(var.name))
                add(at, QStringLiteral("environment variable '%1' is set twice").arg(var.name), task.name,
                    QStringLiteral("env"));
            seen.insert(var.name);
            if (var.secret && !var.isReference())
                add(at, QStringLiteral("env '%1' of task '%2' keeps a secret value in the flow file: store it with "
                                       "'flowdeck-cli secret set NAME' and write %1: {secret: NAME}")
                            .arg(var.name, task.name), task.name, QStringLiteral("env"), Severity::Warning);
        }
    }

    void checkCycle() {
        const QStringList cycle = FlowGraph(m_flow).findCycle();
        if (cycle.size() < 3) return;  // empty, or a task after itself: reported as such already
        add(QStringLiteral("tasks.") + cycle.first(),
            QStringLiteral("cycle: %1").arg(cycle.join(QLatin1String(" -> "))), cycle.first(),
            QStringLiteral("after"));
    }

    void checkLayout() {
        for (auto it = m_flow.layout.constBegin(); it != m_flow.layout.constEnd(); ++it)
            if (!taskNamed(it.key()))
                add(QStringLiteral("layout.") + it.key(),
                    QStringLiteral("layout names unknown task '%1'").arg(it.key()), {}, {}, Severity::Warning);
    }
};

bool isIntegral(const QVariant &value) {
    const int id = value.typeId();
    return id == QMetaType::Int || id == QMetaType::LongLong || id == QMetaType::UInt ||
           id == QMetaType::ULongLong;
}

bool isNumber(const QVariant &value) { return isIntegral(value) || value.typeId() == QMetaType::Double; }

QString shown(const QVariant &value) {
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QVariantMap)
        return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    return value.toString();
}

QString typeProblem(ParameterType type, const QVariant &value) {
    bool fits = false;
    switch (type) {
    case ParameterType::String: fits = value.typeId() == QMetaType::QString; break;
    case ParameterType::Int: fits = isIntegral(value); break;
    case ParameterType::Float: fits = isNumber(value); break;
    case ParameterType::Bool: fits = value.typeId() == QMetaType::Bool; break;
    case ParameterType::List: fits = value.typeId() == QMetaType::QVariantList; break;
    case ParameterType::Map: fits = value.typeId() == QMetaType::QVariantMap; break;
    }
    return fits ? QString() : QStringLiteral("expected %1, got '%2'").arg(toString(type), shown(value));
}

}  // namespace

Diagnostics FlowValidator::validate(const Flow &flow, const QString &fileName) {
    return Checker(flow, fileName).run();
}

QString FlowValidator::checkValue(const Parameter &parameter, const QVariant &value) {
    if (!value.isValid() || value.isNull()) return QStringLiteral("expected %1, got nothing").arg(toString(parameter.type));
    const QString problem = typeProblem(parameter.type, value);
    if (!problem.isEmpty()) return problem;
    if (isNumber(value) && (parameter.type == ParameterType::Int || parameter.type == ParameterType::Float)) {
        const double number = value.toDouble();
        if (parameter.minimum && number < *parameter.minimum)
            return QStringLiteral("%1 is below the minimum %2").arg(shown(value), QString::number(*parameter.minimum));
        if (parameter.maximum && number > *parameter.maximum)
            return QStringLiteral("%1 is above the maximum %2").arg(shown(value), QString::number(*parameter.maximum));
    }
    if (!parameter.allowed.isEmpty() && !parameter.allowed.contains(value)) {
        QStringList allowed;
        for (const QVariant &v : parameter.allowed) allowed << shown(v);
        return QStringLiteral("'%1' is not one of the allowed values: %2").arg(shown(value), allowed.join(", "));
    }
    return {};
}

QVariant FlowValidator::valueFromText(const Parameter &parameter, const QString &text, QString *error) {
    bool ok = true;
    QVariant value;
    switch (parameter.type) {
    case ParameterType::String: value = text; break;
    case ParameterType::Int: value = text.trimmed().toLongLong(&ok); break;
    case ParameterType::Float: {
        const double number = text.trimmed().toDouble(&ok);
        ok = ok && std::isfinite(number);
        value = number;
        break;
    }
    case ParameterType::Bool: {
        const QString lower = text.trimmed().toLower();
        ok = lower == QLatin1String("true") || lower == QLatin1String("false");
        value = lower == QLatin1String("true");
        break;
    }
    case ParameterType::List:
    case ParameterType::Map: {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        if (parameter.type == ParameterType::List && doc.isArray()) value = doc.array().toVariantList();
        else if (parameter.type == ParameterType::Map && doc.isObject()) value = doc.object().toVariantMap();
        else if (parameter.type == ParameterType::List && !text.trimmed().startsWith(QLatin1Char('[')) &&
                 !text.trimmed().startsWith(QLatin1Char('{')))  // JSON that is not a list is a mistake
            value = [&] { QVariantList items; for (const QString &s : text.split(QLatin1Char(','))) items << s.trimmed(); return items; }();
        else ok = false;
        break;
    }
    }
    if (!ok) {
        if (error)
            *error = QStringLiteral("parameter '%1' expects %2, got '%3'")
                         .arg(parameter.name, parameter.type == ParameterType::List || parameter.type == ParameterType::Map
                                                  ? toString(parameter.type) + QLatin1String(" (JSON)")
                                                  : toString(parameter.type),
                              text);
        return {};
    }
    const QString problem = checkValue(parameter, value);
    if (!problem.isEmpty()) {
        if (error) *error = QStringLiteral("parameter '%1': %2").arg(parameter.name, problem);
        return {};
    }
    return value;
}

}  // namespace flowdeck
