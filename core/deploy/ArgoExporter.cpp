// argo: a WorkflowTemplate whose DAG has one task per flow task, each running
// `flowdeck-cli task run` in its own pod, and a CronWorkflow per schedule that refers to it.

#include "Exporter.h"
#include "KubeNames.h"
#include "KubernetesObjects.h"
#include "ScheduleTranslation.h"
#include "flow/FlowGraph.h"
#include "flow/TaskKinds.h"
#include "flow/Units.h"

#include <QHash>

#include <algorithm>

#include <cmath>

namespace flowdeck {

namespace kube {
Diagnostics checkCluster(const ExportRequest &r, const QString &target);
}

namespace {

using yaml::Node;

/// DAG task names: DNS labels made from the task names (checked to stay distinct).
QString dagName(const QString &task) { return toDnsLabel(task, 63); }

QString seconds(double s) { return formatDuration(s); }

/// `a.Succeeded && b.Succeeded` and the like: Argo's `depends` for a task's trigger rule.
QString dependsExpression(const Task &task) {
    QStringList terms;
    const QStringList upstream = task.upstreamNames();
    const auto each = [&](const QString &form, const QString &join) {
        QStringList parts;
        for (const QString &u : upstream) parts << QString(form).replace(QLatin1String("%T"), dagName(u));
        return parts.join(join);
    };
    switch (task.trigger) {
    case TriggerRule::AllSuccess: return each(QStringLiteral("%T.Succeeded"), QStringLiteral(" && "));
    case TriggerRule::AllDone:
        return each(QStringLiteral("(%T.Succeeded || %T.Failed || %T.Errored || %T.Skipped || %T.Omitted)"), QStringLiteral(" && "));
    case TriggerRule::AllFailed: return each(QStringLiteral("(%T.Failed || %T.Errored)"), QStringLiteral(" && "));
    case TriggerRule::AnySuccess: return each(QStringLiteral("%T.Succeeded"), QStringLiteral(" || "));
    case TriggerRule::AnyFailed: return each(QStringLiteral("%T.Failed || %T.Errored"), QStringLiteral(" || "));
    case TriggerRule::NoneFailed: return each(QStringLiteral("(%T.Succeeded || %T.Skipped || %T.Omitted)"), QStringLiteral(" && "));
    }
    return {};
}

/// `when` from branch outcomes: `.true` follows a branch whose result is true. In Flowdeck the
/// side not taken makes that dependency "skipped" and the trigger rule decides; with all_success
/// that is exactly "the side was taken", and all_done, none_failed, all_failed and any_failed
/// are not changed by it (a skip is neither a failure nor needed), so only all_success gets a
/// `when`; any_success over a branch side is refused in check().
QString whenExpression(const Task &task) {
    if (task.trigger != TriggerRule::AllSuccess) return {};
    QStringList parts;
    for (const Dependency &d : task.after) {
        if (d.outcome == BranchOutcome::Any) continue;
        parts << QStringLiteral("{{tasks.%1.outputs.parameters.result}} == %2")
                     .arg(dagName(d.upstream), d.outcome == BranchOutcome::True ? "true" : "false");
    }
    return parts.join(QLatin1String(" && "));
}

/// The inputs document `task run --inputs-json` reads: the workflow's parameters, the upstream
/// results (output parameters, substituted by Argo as JSON) and, for mapped tasks, the item.
QString inputsTemplate(const Task &task) {
    QStringList upstream;
    for (const QString &u : task.upstreamNames())
        upstream << QStringLiteral("\"%1\": {{tasks.%2.outputs.parameters.result}}").arg(u, dagName(u));
    return QStringLiteral("{\"params\": {{workflow.parameters.params}}, \"upstream\": {%1}}").arg(upstream.join(", "));
}

Node parameter(const QString &name, const QString &value) {
    Node p = Node::map();
    p.set("name", name);
    p.set("value", value);
    return p;
}

class ArgoExporter : public Exporter {
public:
    DeploymentType type() const override { return DeploymentType::Argo; }
    QString summary() const override {
        return QStringLiteral("Argo Workflows 3.6+/4.x: a WorkflowTemplate with one DAG task per flow task, a CronWorkflow per schedule");
    }
    QStringList fields() const override {
        return {"image_name", "kube_namespace", "cpu_request", "cpu_limit", "memory_request", "memory_limit", "storage_config"};
    }

    Diagnostics check(const ExportRequest &r) const override {
        Diagnostics out = kube::checkCluster(r, QStringLiteral("Argo"));
        QHash<QString, QString> names;
        for (const Task &t : r.flow.tasks) {
            const QString dag = dagName(t.name);
            if (names.contains(dag)) {
                Diagnostic d;
                d.file = r.deployment.file;
                d.location = r.deployment.locationOf(QStringLiteral("entrypoint"));
                d.field = QStringLiteral("entrypoint");
                d.message = QStringLiteral("entrypoint: tasks '%1' and '%2' both become the Argo task name '%3': rename one")
                                .arg(names.value(dag), t.name, dag);
                out.push_back(d);
            }
            names.insert(dag, t.name);
            const bool followsASide = std::any_of(t.after.begin(), t.after.end(),
                                                  [](const Dependency &d) { return d.outcome != BranchOutcome::Any; });
            if (t.trigger == TriggerRule::AnySuccess && followsASide) {
                Diagnostic d;
                d.file = r.deployment.file;
                d.location = r.deployment.locationOf(QStringLiteral("entrypoint"));
                d.field = QStringLiteral("entrypoint");
                d.message = QStringLiteral("entrypoint: task '%1' has trigger any_success over a branch side, which Argo "
                                           "cannot express (its depends cannot read a branch's result): use all_success")
                                .arg(t.name);
                out.push_back(d);
            }
        }
        return out;
    }

    ExportResult exportFlow(const ExportRequest &r) const override {
        ExportResult result;
        const QString header = r.header();
        QStringList resources;
        const auto add = [&](const QString &path, const Node &root) {
            result.files.push_back({path, yaml::documents(header, {root}).toUtf8(), false, false});
            resources << path;
        };
        if (const Node ns = kube::namespaceObject(r); !ns.isEmpty()) add("namespace.yaml", ns);
        add("configmap-flows.yaml", kube::flowsConfigMap(r));
        // Not in the kustomization: applying placeholders would overwrite the real Secret.
        if (const Node secret = kube::secretPlaceholders(r); !secret.isEmpty())
            result.files.push_back({"secret.yaml", yaml::documents(header, {secret}).toUtf8(), false, false});
        add("workflowtemplate.yaml", workflowTemplate(r));
        for (size_t i = 0; i < r.deployment.schedules.size(); ++i)
            add(QStringLiteral("cronworkflow-%1.yaml").arg(kube::scheduleObjectName(r, i)), cronWorkflow(r, i));
        Node kustomization = Node::map();
        kustomization.set("apiVersion", "kustomize.config.k8s.io/v1beta1");
        kustomization.set("kind", "Kustomization");
        Node &list = kustomization.set("resources", Node::list());
        for (const QString &path : resources) list.append(path);
        QString note = header;
        if (!kube::secretPlaceholders(r).isEmpty())
            note += QStringLiteral("\nsecret.yaml is not listed: create the Secret %1 with its real values first (see that file).")
                        .arg(kube::secretName(r));
        result.files.push_back({"kustomization.yaml", (yaml::commentLines(0, note) + kustomization.toYaml()).toUtf8(), false, false});
        return result;
    }

private:
    static Node workflowTemplate(const ExportRequest &r) {
        Node wt = Node::map();
        wt.set("apiVersion", "argoproj.io/v1alpha1");
        wt.set("kind", "WorkflowTemplate");
        wt.set("metadata", kube::metadata(r, toDnsLabel(r.deployment.name)));
        Node &spec = wt.set("spec", Node::map());
        spec.set("entrypoint", "flow");
        Node &params = spec.set("arguments", Node::map()).set("parameters", Node::list());
        params.append(parameter("params", kube::valueText(r.overrides)))
            .withComment("The parameters the deployment sets, as one JSON object (the flow file has the defaults);\noverride with -p params='{...}'.");
        spec.set("securityContext", kube::podSecurityContext());
        // Steps are pods of their own: files one task leaves in FLOWDECK_RUN_DIR reach the next
        // through a volume the whole workflow shares (unless storage_config names a claim).
        Node volumes = kube::volumes(r);
        if (r.deployment.storageConfig.value(QStringLiteral("persistent_volume_claim")).toString().isEmpty()) {
            Node onlyFlows = Node::list();
            onlyFlows.append(volumes.items().front());
            volumes = onlyFlows;
            Node &claim = spec.set("volumeClaimTemplates", Node::list()).append(Node::map());
            claim.set("apiVersion", "v1");
            claim.set("kind", "PersistentVolumeClaim");
            claim.set("metadata", Node::map()).set("name", "data");
            Node &claimSpec = claim.set("spec", Node::map());
            claimSpec.set("accessModes", Node::list()).append("ReadWriteOnce");
            claimSpec.set("resources", Node::map()).set("requests", Node::map())
                .set("storage", r.deployment.storageConfig.value(QStringLiteral("run_volume_size"), QStringLiteral("1Gi")).toString());
        }
        spec.set("volumes", volumes);
        if (r.flow.runner.maxParallel > 0) spec.set("parallelism", r.flow.runner.maxParallel);
        Node &templates = spec.set("templates", Node::list());
        templates.append(dag(r));
        for (const Task &t : r.flow.tasks) templates.append(taskTemplate(r, t));
        return wt;
    }

    static Node dag(const ExportRequest &r) {
        Node d = Node::map();
        d.set("name", "flow");
        Node &tasks = d.set("dag", Node::map()).set("tasks", Node::list());
        for (const QString &name : FlowGraph(r.flow).topologicalOrder().value_or(QStringList())) {
            const Task &t = *r.flow.task(name);
            Node &task = tasks.append(Node::map());
            task.set("name", dagName(t.name));
            task.set("template", QStringLiteral("task-") + dagName(t.name));
            if (!t.after.empty()) task.set("depends", dependsExpression(t));
            if (const QString when = whenExpression(t); !when.isEmpty()) task.set("when", when);
            if (t.isMapped()) {
                const bool overParameter = r.flow.parameter(t.mapOver) != nullptr;
                // A list parameter's items are fixed when the template is exported (Argo cannot pick a
                // key out of the params JSON); an upstream's result list is read when it has run.
                task.set("withParam", overParameter ? kube::valueText(r.parameters.value(t.mapOver))
                                                    : QStringLiteral("{{tasks.%1.outputs.parameters.result}}").arg(dagName(t.mapOver)));
            }
            Node &args = task.set("arguments", Node::map()).set("parameters", Node::list());
            args.append(parameter("inputs", inputsTemplate(t)));
            if (t.isMapped()) args.append(parameter("item", "{{item}}"));
        }
        return d;
    }

    static Node retryStrategy(const Task &t) {
        Node s = Node::map();
        s.set("limit", QString::number(t.retries));
        s.set("retryPolicy", "Always");
        Node backoff = Node::map();
        const RetryDelay &delay = t.retryDelay;
        double total = 0;
        for (int i = 1; i <= t.retries; ++i) total += delay.delayBefore(i);
        if (delay.seconds.front() > 0) backoff.set("duration", seconds(delay.seconds.front()));
        if (delay.mode == RetryDelay::Mode::Exponential) backoff.set("factor", "2");
        if (delay.mode == RetryDelay::Mode::List && delay.seconds.size() > 1 && delay.seconds[0] > 0) {
            const double factor = delay.seconds[1] / delay.seconds[0];
            if (factor > 1 && std::floor(factor) == factor) backoff.set("factor", QString::number(qint64(factor)));
        }
        if (t.timeoutSeconds) backoff.set("maxDuration", seconds(total + *t.timeoutSeconds * (t.retries + 1)));
        s.setIfNotEmpty("backoff", backoff);
        return s;
    }

    static Node taskTemplate(const ExportRequest &r, const Task &t) {
        Node tmpl = Node::map();
        tmpl.set("name", QStringLiteral("task-") + dagName(t.name));
        if (!t.description.isEmpty()) tmpl.withComment(t.description);
        Node &inputs = tmpl.set("inputs", Node::map()).set("parameters", Node::list());
        Node in = Node::map();
        in.set("name", "inputs");
        inputs.append(in);
        if (t.isMapped()) {
            Node item = Node::map();
            item.set("name", "item");
            inputs.append(item);
        }
        if (t.retries > 0) tmpl.set("retryStrategy", retryStrategy(t));
        if (t.timeoutSeconds) tmpl.set("activeDeadlineSeconds", qint64(std::ceil(*t.timeoutSeconds)));
        Node &c = tmpl.set("container", Node::map());
        c.set("name", "main");
        c.set("image", r.deployment.imageName);
        Node &command = c.set("command", Node::list());
        // Argo retries the pod (retryStrategy), so the step itself makes one attempt.
        QStringList args{"flowdeck-cli", "task", "run", kube::flowPathInContainer(r), t.name, "--retries", "0",
                         "--inputs-json", "{{inputs.parameters.inputs}}", "--result", "/tmp/result.json",
                         "--run-dir", QLatin1String(kube::dataMount) + QStringLiteral("/run")};
        if (t.isMapped()) args << "--map-item" << "{{inputs.parameters.item}}";
        for (const QString &arg : args) command.append(arg);
        c.set("workingDir", kube::flowsMount);
        c.set("env", kube::environment(r));
        c.setIfNotEmpty("resources", kube::resources(r));
        c.set("volumeMounts", kube::volumeMounts());
        Node &outputs = tmpl.set("outputs", Node::map()).set("parameters", Node::list());
        Node &result = outputs.append(Node::map());
        result.set("name", "result");
        Node &from = result.set("valueFrom", Node::map());
        from.set("path", "/tmp/result.json");
        from.set("default", "null");  // a task that writes no result hands on JSON null
        return tmpl;
    }

    static Node cronWorkflow(const ExportRequest &r, size_t index) {
        const DeploymentSchedule &s = r.deployment.schedules[index];
        const TranslatedSchedule cron = toKubernetesCron(s);
        Node cw = Node::map();
        cw.set("apiVersion", "argoproj.io/v1alpha1");
        cw.set("kind", "CronWorkflow");
        cw.set("metadata", kube::metadata(r, kube::scheduleObjectName(r, index)));
        Node &spec = cw.set("spec", Node::map());
        spec.set("schedules", Node::list()).append(cron.lines.value(0)).withComment(describeSchedule(s));
        spec.set("timezone", cron.zone);
        spec.set("concurrencyPolicy", s.collision == QLatin1String("cancel-new") ? "Forbid" : "Allow");
        spec.set("suspend", !s.active);
        spec.set("workflowSpec", Node::map()).set("workflowTemplateRef", Node::map()).set("name", toDnsLabel(r.deployment.name));
        return cw;
    }
};

}  // namespace

std::unique_ptr<Exporter> makeArgoExporter() { return std::make_unique<ArgoExporter>(); }

}  // namespace flowdeck
