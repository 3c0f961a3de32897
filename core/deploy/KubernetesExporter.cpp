// kubernetes: a ConfigMap of the flow files, a Job for one-off runs, a CronJob per schedule,
// the namespace, a Secret with placeholders and a kustomization.yaml to apply them together.

#include "Exporter.h"
#include "KubeNames.h"
#include "KubernetesObjects.h"
#include "ScheduleTranslation.h"

namespace flowdeck {

namespace kube {

/// Problems the Kubernetes and Argo targets share: names, namespace, image, schedules.
Diagnostics checkCluster(const ExportRequest &r, const QString &target) {
    const DeploymentConfig &d = r.deployment;
    Diagnostics out;
    const auto add = [&](const QString &field, const QString &message) {
        Diagnostic diag;
        diag.file = d.file;
        diag.location = d.locationOf(field);
        diag.field = field;
        diag.message = field + QLatin1String(": ") + message;
        out.push_back(diag);
    };
    if (const auto p = dnsLabelProblem(d.name, KubeNameLimit::Label)) add(QStringLiteral("name"), *p);
    if (!d.kubeNamespace.isEmpty())
        if (const auto p = dnsLabelProblem(d.kubeNamespace, KubeNameLimit::Label)) add(QStringLiteral("kube_namespace"), *p);
    if (d.imageName.isEmpty())
        add(QStringLiteral("image_name"), QStringLiteral("a %1 deployment needs the image that holds flowdeck-cli (the runner "
                                                          "image: docker build -f packaging/docker/Dockerfile), like "
                                                          "'registry.example.com/flowdeck/runner:0.1'").arg(target));
    for (size_t i = 0; i < d.schedules.size(); ++i) {
        const QString field = QStringLiteral("schedules[%1]").arg(i + 1);
        const TranslatedSchedule cron = toKubernetesCron(d.schedules[i]);
        if (!cron.ok()) add(field, QStringLiteral("%1 cannot express %2: %3").arg(target, describeSchedule(d.schedules[i]), cron.problem));
        if (d.schedules[i].name.isEmpty() || dnsLabelProblem(d.name).has_value()) continue;
        const QString objectName = toDnsLabel(d.name) + QLatin1Char('-') + d.schedules[i].name;
        if (const auto p = dnsLabelProblem(objectName, KubeNameLimit::CronJob))
            add(field, QStringLiteral("the object name %1").arg(*p));
    }
    if (dnsLabelProblem(d.name).has_value()) return out;
    for (size_t i = 0; i < d.schedules.size(); ++i)
        if (d.schedules[i].name.isEmpty() && d.name.size() + 2 > int(KubeNameLimit::CronJob))
            add(QStringLiteral("name"), QStringLiteral("'%1' is %2 characters: a scheduled deployment's name may have at most "
                                                       "50, since '-%3' is added for its CronJob and Kubernetes allows 52")
                                            .arg(d.name).arg(d.name.size()).arg(i + 1));
    return out;
}

}  // namespace kube

namespace {

using yaml::Node;

class KubernetesExporter : public Exporter {
public:
    DeploymentType type() const override { return DeploymentType::Kubernetes; }
    QString summary() const override {
        return QStringLiteral("Kubernetes: a ConfigMap of the flows, a Job, a CronJob per schedule, secrets as secretKeyRef");
    }
    QStringList fields() const override {
        return {"image_name", "kube_namespace", "cpu_request", "cpu_limit", "memory_request", "memory_limit", "storage_config"};
    }
    Diagnostics check(const ExportRequest &r) const override { return kube::checkCluster(r, QStringLiteral("Kubernetes")); }

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
        add("job.yaml", job(r));
        for (size_t i = 0; i < r.deployment.schedules.size(); ++i)
            add(QStringLiteral("cronjob-%1.yaml").arg(kube::scheduleObjectName(r, i)), cronJob(r, i));
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
    static Node container(const ExportRequest &r) {
        Node c = Node::map();
        c.set("name", "flow");
        c.set("image", r.deployment.imageName);
        Node &command = c.set("command", Node::list());
        for (const QString &arg : QStringList{"flowdeck-cli", "run", kube::flowPathInContainer(r)} + kube::parameterArguments(r))
            command.append(arg);
        c.set("workingDir", kube::flowsMount);
        c.set("env", kube::environment(r));
        c.setIfNotEmpty("resources", kube::resources(r));
        c.set("volumeMounts", kube::volumeMounts());
        Node &security = c.set("securityContext", Node::map());
        security.set("allowPrivilegeEscalation", false);
        security.set("capabilities", Node::map()).set("drop", Node::list()).append("ALL");
        return c;
    }

    /// The Job spec; retries belong to the flow's tasks, so Kubernetes does not rerun the pod.
    static Node jobSpec(const ExportRequest &r) {
        Node spec = Node::map();
        spec.set("backoffLimit", 0);
        Node &tmpl = spec.set("template", Node::map());
        tmpl.set("metadata", Node::map()).set("labels", kube::labels(r));
        Node &pod = tmpl.set("spec", Node::map());
        pod.set("restartPolicy", "Never");
        pod.set("securityContext", kube::podSecurityContext());
        pod.set("containers", Node::list()).append(container(r));
        pod.set("volumes", kube::volumes(r));
        return spec;
    }

    static Node job(const ExportRequest &r) {
        Node j = Node::map();
        j.set("apiVersion", "batch/v1");
        j.set("kind", "Job");
        j.set("metadata", kube::metadata(r, toDnsLabel(r.deployment.name)));
        j.set("spec", jobSpec(r));
        return j;
    }

    static Node cronJob(const ExportRequest &r, size_t index) {
        const DeploymentSchedule &s = r.deployment.schedules[index];
        const TranslatedSchedule cron = toKubernetesCron(s);
        Node j = Node::map();
        j.set("apiVersion", "batch/v1");
        j.set("kind", "CronJob");
        j.set("metadata", kube::metadata(r, kube::scheduleObjectName(r, index)));
        Node &spec = j.set("spec", Node::map());
        spec.set("schedule", cron.lines.value(0)).withComment(describeSchedule(s));
        spec.set("timeZone", cron.zone);
        // enqueue starts every fire time (Kubernetes has no queue); cancel-new skips a fire while a run is going.
        spec.set("concurrencyPolicy", s.collision == QLatin1String("cancel-new") ? "Forbid" : "Allow");
        spec.set("suspend", !s.active);
        spec.set("jobTemplate", Node::map()).set("spec", jobSpec(r));
        return j;
    }
};

}  // namespace

std::unique_ptr<Exporter> makeKubernetesExporter() { return std::make_unique<KubernetesExporter>(); }

}  // namespace flowdeck
