// prefect: a prefect.yaml with the deployment and a Python module in which each task is a
// Prefect 3 @task with the same retries, delays, jitter, timeout and cache settings, wired with
// the same dependencies, trigger rules and branches, and running the same scripts.

#include "ExportFiles.h"
#include "Exporter.h"
#include "KubeNames.h"
#include "KubernetesObjects.h"
#include "ScheduleTranslation.h"
#include "flow/FlowGraph.h"
#include "flow/TaskKinds.h"
#include "schedule/CivilTime.h"
#include "schedule/ScheduleZone.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace flowdeck {

namespace {

using exportfiles::hashComment;
using yaml::Node;

const QStringList pythonKeywords = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
                                    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                                    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
                                    "pass", "raise", "return", "try", "while", "with", "yield"};

QString identifier(const QString &text) {
    QString id = toDnsLabel(text, 60).replace(QLatin1Char('-'), QLatin1Char('_'));
    if (id.front().isDigit() || pythonKeywords.contains(id)) id.prepend(QStringLiteral("t_"));
    return id;
}

QString moduleName(const ExportRequest &r) { return identifier(r.flow.name) + QStringLiteral("_flow"); }

/// A Python string literal (JSON's escapes are Python's too).
QString pyString(const QString &text) {
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString pyNumber(double v) { return yaml::number(v); }

/// A Python literal of a parameter value or result (None, True, numbers, strings, lists, dicts).
QString pyLiteral(const QVariant &v) {
    switch (v.typeId()) {
    case QMetaType::Bool: return v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QMetaType::Int:
    case QMetaType::LongLong: return QString::number(v.toLongLong());
    case QMetaType::Double: {
        const QString n = pyNumber(v.toDouble());
        return n.contains(QLatin1Char('.')) || n.contains(QLatin1Char('e')) ? n : n + QStringLiteral(".0");
    }
    case QMetaType::QString: return pyString(v.toString());
    case QMetaType::QVariantList: {
        QStringList items;
        for (const QVariant &item : v.toList()) items << pyLiteral(item);
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case QMetaType::QVariantMap: {
        QStringList items;
        const QVariantMap map = v.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) items << pyString(it.key()) + QStringLiteral(": ") + pyLiteral(it.value());
        return QLatin1Char('{') + items.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    default: return v.isValid() && !v.isNull() ? pyString(v.toString()) : QStringLiteral("None");
    }
}

QString pyType(ParameterType type) {
    const std::pair<ParameterType, const char *> names[] = {{ParameterType::String, "str"}, {ParameterType::Int, "int"},
                                                            {ParameterType::Float, "float"}, {ParameterType::Bool, "bool"},
                                                            {ParameterType::List, "list"}, {ParameterType::Map, "dict"}};
    for (const auto &[t, name] : names)
        if (t == type) return QString::fromLatin1(name);
    return QStringLiteral("str");
}

/// The Prefect cache policy of a Flowdeck cache policy (prefect.cache_policies).
QString cachePolicy(CachePolicy policy) {
    const std::pair<CachePolicy, const char *> names[] = {{CachePolicy::None, "NO_CACHE"},
                                                          {CachePolicy::Inputs, "INPUTS"},
                                                          {CachePolicy::InputsAndSource, "INPUTS + TASK_SOURCE"},
                                                          {CachePolicy::PerRun, "INPUTS + RUN_ID"}};
    for (const auto &[p, name] : names)
        if (p == policy) return QString::fromLatin1(name);
    return QStringLiteral("NO_CACHE");
}

/// The keyword arguments of a task's @task decorator; only parameters of Prefect 3's task().
QStringList decoratorArguments(const Task &t) {
    QStringList args{QStringLiteral("name=%1").arg(pyString(t.name))};
    if (!t.description.isEmpty()) args << QStringLiteral("description=%1").arg(pyString(t.description));
    if (!t.tags.isEmpty()) args << QStringLiteral("tags=%1").arg(pyLiteral(QVariant(t.tags).toList()));
    if (t.retries > 0) {
        args << QStringLiteral("retries=%1").arg(t.retries);
        const RetryDelay &d = t.retryDelay;
        if (d.mode == RetryDelay::Mode::Exponential) {
            args << QStringLiteral("retry_delay_seconds=exponential_backoff(backoff_factor=%1)").arg(pyNumber(d.seconds.front()));
        } else if (d.mode == RetryDelay::Mode::List) {
            QStringList items;
            for (double s : d.seconds) items << pyNumber(s);
            args << QStringLiteral("retry_delay_seconds=[%1]").arg(items.join(QStringLiteral(", ")));
        } else if (!d.isDefault()) {
            args << QStringLiteral("retry_delay_seconds=%1").arg(pyNumber(d.seconds.front()));
        }
        if (t.retryJitter > 0) args << QStringLiteral("retry_jitter_factor=%1").arg(pyNumber(t.retryJitter));
    }
    if (t.timeoutSeconds) args << QStringLiteral("timeout_seconds=%1").arg(pyNumber(*t.timeoutSeconds));
    if (t.cache.enabled) {
        args << QStringLiteral("cache_policy=%1").arg(cachePolicy(t.cache.policy));
        if (t.cache.expirationSeconds)
            args << QStringLiteral("cache_expiration=datetime.timedelta(seconds=%1)").arg(pyNumber(*t.cache.expirationSeconds));
        if (t.cache.refresh) args << QStringLiteral("refresh_cache=True");
    } else {
        args << QStringLiteral("cache_policy=NO_CACHE");  // Flowdeck caches only what asks for it
    }
    return args;
}

const char *runtime = R"PY(
HERE = os.path.dirname(os.path.abspath(__file__))
FLOW_DIR = os.path.join(HERE, "flows")


def _env_name(prefix, name):
    return prefix + name.upper().replace("-", "_")


def _text(value):
    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))


def _run_script(name, language, script, params, upstream, env, secrets, workdir, branch=False, item=None, index=None):
    """Runs a task's script as Flowdeck does: same variables, inputs file and result file."""
    with tempfile.TemporaryDirectory(prefix="flowdeck-") as scratch:
        inputs = {"params": params, "upstream": upstream, "task": name, "attempt": 1}
        if index is not None:
            inputs.update(item=item, index=index)
        inputs_path = os.path.join(scratch, "inputs.json")
        result_path = os.path.join(scratch, "result.json")
        with open(inputs_path, "w", encoding="utf-8") as handle:
            json.dump(inputs, handle)
        environment = dict(os.environ)
        environment.update(FLOWDECK_TASK=name, FLOWDECK_FLOW=FLOW_NAME, FLOWDECK_FLOW_DIR=FLOW_DIR,
                           FLOWDECK_RUN_DIR=os.environ.get("FLOWDECK_RUN_DIR") or scratch,
                           FLOWDECK_INPUTS=inputs_path, FLOWDECK_RESULT=result_path,
                           PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1")
        environment["PYTHONPATH"] = os.pathsep.join(p for p in (HERE, os.environ.get("PYTHONPATH")) if p)
        for key, value in params.items():
            environment[_env_name("FLOWDECK_PARAM_", key)] = _text(value)
        for key, value in upstream.items():
            environment[_env_name("FLOWDECK_UPSTREAM_", key)] = _text(value)
        if index is not None:
            environment.update(FLOWDECK_MAP_ITEM=_text(item), FLOWDECK_MAP_INDEX=str(index))
        environment.update(env)
        for variable, secret in secrets.items():
            environment[variable] = Secret.load(secret).get()
        if language == "python":
            argv = [sys.executable, "-c", script]
        else:
            argv = ["bash", "-c", script, "flowdeck-task"]
        completed = subprocess.run(argv, cwd=os.path.join(FLOW_DIR, workdir), env=environment, check=False)
        if branch:
            return completed.returncode == 0
        if completed.returncode != 0:
            raise RuntimeError(f"task {name!r} exited with status {completed.returncode}")
        if not os.path.exists(result_path):
            return None
        with open(result_path, encoding="utf-8") as handle:
            return json.load(handle)


def _outcome(future):
    """completed or failed for a submitted task (a list of futures for a mapped one)."""
    futures = future if isinstance(future, list) else [future]
    for one in futures:
        one.wait()
    return "completed" if all(one.state.is_completed() for one in futures) else "failed"


def _result(future):
    if isinstance(future, list):
        return [one.result() for one in future]
    return future.result()


def _decide(trigger, outcomes):
    """Flowdeck's trigger rules: None to run, else the outcome the skipped task passes on
    (a task not run because an upstream failed passes the failure on)."""
    s, f, n = outcomes.count("completed"), outcomes.count("failed"), len(outcomes)
    if n == 0 or trigger == "all_done":
        return None
    if trigger == "all_success":
        return None if s == n else "failed" if f else "skipped"
    if trigger == "all_failed":
        return None if f == n else "skipped"
    if trigger == "any_success":
        return None if s else "failed" if f else "skipped"
    if trigger == "any_failed":
        return None if f else "skipped"
    return None if f == 0 else "failed"  # none_failed


def _orchestrate(params):
    """Submits each task when its upstreams are done and its trigger rule allows, as Flowdeck does."""
    # One folder for the run's files, as Flowdeck's FLOWDECK_RUN_DIR (tasks run in this process).
    os.environ["FLOWDECK_RUN_DIR"] = tempfile.mkdtemp(prefix="flowdeck-run-")
    futures, carried = {}, {}

    def outcome_of(name):  # waits for that task only, so independent tasks run side by side
        return carried[name] if name in carried else _outcome(futures[name])

    for name, (function, after, trigger, map_over) in TASKS.items():
        seen = []
        for upstream, side in after:
            outcome = outcome_of(upstream)
            if outcome == "completed" and side is not None and _result(futures[upstream]) is not side:
                outcome = "skipped"  # the branch took the other side
            seen.append(outcome)
        decision = _decide(trigger, seen)
        if decision is not None:
            carried[name] = decision
            continue
        upstream = {u: _result(futures[u]) for u, _ in after if outcome_of(u) == "completed"}
        waits = [f for u, _ in after if u in futures for f in (futures[u] if isinstance(futures[u], list) else [futures[u]])]
        if map_over is None:
            futures[name] = function.submit(params, upstream, wait_for=waits)
        else:
            items = params[map_over] if map_over in params else upstream.get(map_over) or []
            futures[name] = [function.submit(params, upstream, item=item, index=index, wait_for=waits)
                             for index, item in enumerate(items)]
    failed = [name for name in futures if _outcome(futures[name]) == "failed"]
    if failed:
        raise RuntimeError("tasks failed: " + ", ".join(failed))
    return {name: _result(futures[name]) for name in futures}
)PY";

class PrefectExporter : public Exporter {
public:
    DeploymentType type() const override { return DeploymentType::Prefect; }
    QString summary() const override {
        return QStringLiteral("Prefect 3: prefect.yaml and a flow module of @task functions running the same scripts");
    }
    QStringList fields() const override { return {"pool_name", "work_queue_name"}; }

    Diagnostics check(const ExportRequest &r) const override {
        Diagnostics out;
        const DeploymentConfig &d = r.deployment;
        if (d.poolName.isEmpty()) {
            Diagnostic diag;
            diag.severity = Severity::Warning;
            diag.file = d.file;
            diag.field = QStringLiteral("pool_name");
            diag.location = d.locationOf(QStringLiteral("(entry)"));
            diag.message = QStringLiteral("pool_name: not set: 'prefect deploy' will ask for a work pool");
            out.push_back(diag);
        }
        for (const Task &t : r.flow.tasks) {
            if (!traitsOf(t.kind).runsSubflow()) continue;
            Diagnostic diag;
            diag.file = d.file;
            diag.field = QStringLiteral("entrypoint");
            diag.location = d.locationOf(diag.field);
            diag.message = QStringLiteral("entrypoint: task '%1' runs a subflow, which the Prefect export cannot run yet: "
                                          "use a kubernetes, argo, docker or process deployment").arg(t.name);
            out.push_back(diag);
        }
        return out;
    }

    ExportResult exportFlow(const ExportRequest &r) const override {
        ExportResult result;
        exportfiles::addFlowFiles(r, QStringLiteral("flows"), result);
        exportfiles::addPythonHelper(QString(), result);
        result.files.push_back({moduleName(r) + QStringLiteral(".py"), module(r).toUtf8(), false, false});
        result.files.push_back({"prefect.yaml", prefectYaml(r).toUtf8(), false, false});
        return result;
    }

private:
    static QString taskFunction(const Task &t) {
        const TaskKindTraits &traits = traitsOf(t.kind);
        QString out = QStringLiteral("\n\n@task(%1)\n").arg(decoratorArguments(t).join(QStringLiteral(", ")));
        out += QStringLiteral("def %1(params, upstream, item=None, index=None):\n").arg(identifier(t.name));
        if (traits.execution == TaskExecution::Nothing) return out + QStringLiteral("    return None\n");
        if (traits.sleeps()) return out + QStringLiteral("    time.sleep(%1)\n    return None\n").arg(pyNumber(t.sleepSeconds));
        QStringList env, secrets;
        for (const EnvVar &v : t.env) {
            if (v.isReference()) secrets << pyString(v.name) + QStringLiteral(": ") + pyString(v.secretName);
            else env << pyString(v.name) + QStringLiteral(": ") + pyString(v.value);
        }
        const QString language = scriptLanguageOf(t) == ScriptLanguage::Python ? QStringLiteral("python") : QStringLiteral("shell");
        out += QStringLiteral("    return _run_script(%1, %2, %3, params, upstream, {%4}, {%5}, %6, branch=%7, item=item, index=index)\n")
                   .arg(pyString(t.name), pyString(language), pyString(t.script), env.join(", "), secrets.join(", "),
                        pyString(t.workdir.isEmpty() ? QStringLiteral(".") : t.workdir),
                        traits.choosesBranch ? QStringLiteral("True") : QStringLiteral("False"));
        return out;
    }

    static QString module(const ExportRequest &r) {
        const Flow &flow = r.flow;
        QString out = hashComment(r.header() + QStringLiteral("\nDeploy with: prefect deploy --name %1").arg(r.deployment.name));
        out += QStringLiteral("\"\"\"Flow %1 for Prefect 3: each task runs its script as Flowdeck does.\"\"\"\n\n").arg(pyString(flow.name));
        out += QStringLiteral("import datetime  # noqa: F401 (cache expirations)\nimport json\nimport os\nimport subprocess\n"
                              "import sys\nimport tempfile\nimport time  # noqa: F401 (sleep tasks)\n\n");
        out += QStringLiteral("from prefect import flow, task\nfrom prefect.blocks.system import Secret\n"
                              "from prefect.cache_policies import INPUTS, NO_CACHE, RUN_ID, TASK_SOURCE  # noqa: F401\n"
                              "from prefect.tasks import exponential_backoff  # noqa: F401\n\n");
        out += QStringLiteral("FLOW_NAME = %1\n").arg(pyString(flow.name));
        out += QString::fromUtf8(runtime);
        for (const Task &t : flow.tasks) out += taskFunction(t);
        out += QStringLiteral("\n\n# name -> (task, [(upstream, branch side or None)], trigger rule, map over), in run order.\nTASKS = {\n");
        for (const QString &name : FlowGraph(flow).topologicalOrder().value_or(QStringList())) {
            const Task &t = *flow.task(name);
            QStringList after;
            for (const Dependency &d : t.after)
                after << QStringLiteral("(%1, %2)").arg(pyString(d.upstream), d.outcome == BranchOutcome::Any ? "None"
                                                                              : d.outcome == BranchOutcome::True ? "True" : "False");
            out += QStringLiteral("    %1: (%2, [%3], %4, %5),\n")
                       .arg(pyString(t.name), identifier(t.name), after.join(", "), pyString(toString(t.trigger)),
                            t.isMapped() ? pyString(t.mapOver) : QStringLiteral("None"));
        }
        out += QStringLiteral("}\n");
        QStringList flowArgs{QStringLiteral("name=%1").arg(pyString(flow.name))};
        if (!flow.description.isEmpty()) flowArgs << QStringLiteral("description=%1").arg(pyString(flow.description));
        if (!flow.version.isEmpty()) flowArgs << QStringLiteral("version=%1").arg(pyString(flow.version));
        QStringList signature, names;
        for (const Parameter &p : flow.parameters) {
            const QString id = identifier(p.name);
            const QVariant value = r.parameters.value(p.name, p.defaultValue);
            signature << QStringLiteral("%1: %2 = %3").arg(id, pyType(p.type), pyLiteral(value));
            names << pyString(p.name) + QStringLiteral(": ") + id;
        }
        out += QStringLiteral("\n\n@flow(%1)\ndef %2(%3):\n").arg(flowArgs.join(", "), identifier(flow.name), signature.join(", "));
        for (const DeploymentEnvVar &var : r.deployment.envVars)
            if (var.isSecret()) out += QStringLiteral("    os.environ[%1] = Secret.load(%2).get()\n").arg(pyString(var.name), pyString(var.secretName));
        out += QStringLiteral("    return _orchestrate({%1})\n").arg(names.join(", "));
        out += QStringLiteral("\n\nif __name__ == \"__main__\":\n    %1()\n").arg(identifier(flow.name));
        return out;
    }

    static Node schedule(const DeploymentSchedule &s) {
        Node n = Node::map();
        const ScheduleConfig &c = s.config;
        const QString zone = exportZone(s);
        if (c.scheduleType == ScheduleType::Cron) {
            n.set("cron", c.cronExpression);
            n.set("timezone", zone);
            n.set("day_or", c.dayOr);
        } else if (c.scheduleType == ScheduleType::Interval) {
            n.set("interval", qint64(c.intervalSeconds.value_or(0)));
            if (c.anchor) n.set("anchor_date", c.anchor->toUTC().toString(Qt::ISODate));
            n.set("timezone", zone);
        } else if (c.scheduleType == ScheduleType::Recurring) {
            // Prefect anchors an RRULE at its DTSTART line; without one it would start from now.
            const QDateTime *start = c.anchor ? &*c.anchor : c.startDate ? &*c.startDate : nullptr;
            const auto z = ScheduleZone::fromText(zone);
            if (start && z && !c.rrule.contains(QLatin1String("DTSTART"))) {
                const CivilTime w = civilFromWall(z->toWall(start->toSecsSinceEpoch()));
                n.set("rrule", QStringLiteral("DTSTART:%1%2%3T%4%5%6\nRRULE:%7")
                                   .arg(w.year, 4, 10, QLatin1Char('0')).arg(w.month, 2, 10, QLatin1Char('0'))
                                   .arg(w.day, 2, 10, QLatin1Char('0')).arg(w.hour, 2, 10, QLatin1Char('0'))
                                   .arg(w.minute, 2, 10, QLatin1Char('0')).arg(w.second, 2, 10, QLatin1Char('0')).arg(c.rrule));
            } else {
                n.set("rrule", c.rrule);
            }
            n.set("timezone", zone);
        } else {
            // Prefect has no one-time schedule: an RRULE that fires once at the start date.
            const auto z = ScheduleZone::fromText(zone);
            const CivilTime w = civilFromWall(z ? z->toWall(c.startDate->toSecsSinceEpoch()) : c.startDate->toSecsSinceEpoch());
            n.set("rrule", QStringLiteral("DTSTART:%1%2%3T%4%5%6\nRRULE:FREQ=DAILY;COUNT=1")
                               .arg(w.year, 4, 10, QLatin1Char('0')).arg(w.month, 2, 10, QLatin1Char('0'))
                               .arg(w.day, 2, 10, QLatin1Char('0')).arg(w.hour, 2, 10, QLatin1Char('0'))
                               .arg(w.minute, 2, 10, QLatin1Char('0')).arg(w.second, 2, 10, QLatin1Char('0')));
            n.set("timezone", zone);
        }
        n.set("active", s.active);
        if (!s.name.isEmpty()) n.set("slug", s.name);
        return n;
    }

    static QString prefectYaml(const ExportRequest &r) {
        const DeploymentConfig &d = r.deployment;
        Node root = Node::map();
        root.set("name", d.name);
        root.set("prefect-version", "3.0.0");
        Node &deployment = root.set("deployments", Node::list()).append(Node::map());
        deployment.set("name", d.name);
        if (!d.version.isEmpty()) deployment.set("version", d.version);
        deployment.set("tags", Node::fromVariant(QVariant(d.tags).toList()));
        if (!d.description.isEmpty()) deployment.set("description", d.description);
        deployment.set("flow_name", r.flow.name);
        deployment.set("entrypoint", QStringLiteral("%1.py:%2").arg(moduleName(r), identifier(r.flow.name)));
        Node parameters = Node::map();
        for (const Parameter &p : r.flow.parameters)
            if (r.overrides.contains(p.name)) parameters.set(identifier(p.name), Node::fromVariant(r.overrides.value(p.name)));
        deployment.set("parameters", parameters);
        Node &schedules = deployment.set("schedules", Node::list());
        for (const DeploymentSchedule &s : d.schedules) schedules.append(schedule(s)).withComment(describeSchedule(s));
        Node workPool = Node::map();
        if (!d.poolName.isEmpty()) workPool.set("name", d.poolName);
        if (!d.workQueueName.isEmpty()) workPool.set("work_queue_name", d.workQueueName);
        Node env = Node::map();
        for (const DeploymentEnvVar &var : d.envVars)
            if (!var.isSecret()) env.set(var.name, var.value);
        if (!env.isEmpty()) workPool.set("job_variables", Node::map()).set("env", env);
        deployment.setIfNotEmpty("work_pool", workPool);
        return hashComment(r.header() + QStringLiteral("\nDeploy with: prefect deploy --name %1").arg(d.name)) + root.toYaml();
    }
};

}  // namespace

std::unique_ptr<Exporter> makePrefectExporter() { return std::make_unique<PrefectExporter>(); }

}  // namespace flowdeck
