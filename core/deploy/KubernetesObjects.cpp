#include "KubernetesObjects.h"

#include "KubeNames.h"
#include "Quantity.h"
#include "secrets/SecretResolver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace flowdeck::kube {

using yaml::Node;

QString flowsConfigMapName(const ExportRequest &r) { return toDnsLabel(r.deployment.name, 57) + QStringLiteral("-flows"); }
QString secretName(const ExportRequest &r) { return toDnsLabel(r.deployment.name, 55) + QStringLiteral("-secrets"); }

Node labels(const ExportRequest &r) {
    Node l = Node::map();
    l.set("app.kubernetes.io/managed-by", "flowdeck");
    l.set("flowdeck.dev/flow", toLabelValue(r.flow.name));
    l.set("flowdeck.dev/deployment", toLabelValue(r.deployment.name));
    if (!r.deployment.version.isEmpty() && toLabelValue(r.deployment.version) == r.deployment.version)
        l.set("flowdeck.dev/version", r.deployment.version);
    for (const QString &tag : r.deployment.tags)
        if (const QString value = toLabelValue(tag); !value.isEmpty()) l.set(QStringLiteral("tags.flowdeck.dev/") + value, "true");
    return l;
}

Node metadata(const ExportRequest &r, const QString &name) {
    Node m = Node::map();
    m.set("name", name);
    if (!r.deployment.kubeNamespace.isEmpty()) m.set("namespace", r.deployment.kubeNamespace);
    m.set("labels", labels(r));
    if (!r.deployment.description.isEmpty())
        m.set("annotations", Node::map()).set("flowdeck.dev/description", r.deployment.description);
    return m;
}

namespace {

/// ConfigMap keys may not hold '/', so a subflow in a folder gets its path with '__'.
QString configMapKey(const QString &relativePath) { return QString(relativePath).replace(QLatin1Char('/'), QStringLiteral("__")); }

}  // namespace

Node flowsConfigMap(const ExportRequest &r) {
    Node cm = Node::map();
    cm.set("apiVersion", "v1");
    cm.set("kind", "ConfigMap");
    cm.set("metadata", metadata(r, flowsConfigMapName(r)));
    Node &data = cm.set("data", Node::map());
    for (const FlowSource &f : r.flowFiles) data.set(configMapKey(f.relativePath), QString::fromUtf8(f.text));
    return cm;
}

Node secretPlaceholders(const ExportRequest &r) {
    const QStringList names = r.secretNames();
    if (names.isEmpty()) return {};
    Node s = Node::map();
    s.set("apiVersion", "v1");
    s.set("kind", "Secret");
    s.set("metadata", metadata(r, secretName(r)));
    s.set("type", "Opaque");
    Node &data = s.set("stringData", Node::map());
    data.withComment("Placeholders only: Flowdeck never writes a secret's value. Fill them in outside git, e.g.\n"
                     "  kubectl create secret generic " + secretName(r) + " --from-literal=NAME=VALUE ...\n"
                     "or edit this file locally and do not commit it.");
    for (const QString &name : names) data.set(name, "REPLACE-ME");
    return s;
}

Node namespaceObject(const ExportRequest &r) {
    if (r.deployment.kubeNamespace.isEmpty()) return {};
    Node ns = Node::map();
    ns.set("apiVersion", "v1");
    ns.set("kind", "Namespace");
    Node &m = ns.set("metadata", Node::map());
    m.set("name", r.deployment.kubeNamespace);
    m.set("labels", Node::map()).set("app.kubernetes.io/managed-by", "flowdeck");
    return ns;
}

namespace {

Node secretRef(const ExportRequest &r, const QString &variable, const QString &secret) {
    Node e = Node::map();
    e.set("name", variable);
    Node &ref = e.set("valueFrom", Node::map()).set("secretKeyRef", Node::map());
    ref.set("name", secretName(r));
    ref.set("key", secret);
    return e;
}

Node plain(const QString &name, const QString &value) {
    Node e = Node::map();
    e.set("name", name);
    e.set("value", value);
    return e;
}

}  // namespace

Node environment(const ExportRequest &r) {
    Node env = Node::list();
    env.append(plain("FLOWDECK_DB", QLatin1String(dataMount) + QStringLiteral("/runs.db")));
    env.append(plain("XDG_DATA_HOME", QLatin1String(dataMount)));
    env.append(plain("FLOWDECK_LOG_DIR", QLatin1String(dataMount) + QStringLiteral("/logs")));
    for (const DeploymentEnvVar &var : r.deployment.envVars)
        env.append(var.isSecret() ? secretRef(r, var.name, var.secretName) : plain(var.name, var.value));
    QStringList flowSecrets;
    for (const FlowSource &f : r.flowFiles)
        for (const Task &t : f.flow.tasks)
            for (const EnvVar &v : t.env)
                if (v.isReference()) flowSecrets << v.secretName;
    flowSecrets.removeDuplicates();
    flowSecrets.sort();
    for (const QString &name : flowSecrets) env.append(secretRef(r, secretEnvironmentName(name), name));
    return env;
}

Node resources(const ExportRequest &r) {
    const DeploymentConfig &d = r.deployment;
    Node requests = Node::map();
    Node limits = Node::map();
    if (const auto v = parseCpuMillis(d.cpuRequest)) requests.set("cpu", formatCpu(*v));
    if (const auto v = parseMemoryBytes(d.memoryRequest)) requests.set("memory", formatMemory(*v));
    if (const auto v = parseCpuMillis(d.cpuLimit)) limits.set("cpu", formatCpu(*v));
    if (const auto v = parseMemoryBytes(d.memoryLimit)) limits.set("memory", formatMemory(*v));
    Node res = Node::map();
    res.setIfNotEmpty("requests", requests);
    res.setIfNotEmpty("limits", limits);
    return res.isEmpty() ? Node() : res;
}

Node volumes(const ExportRequest &r) {
    Node list = Node::list();
    Node &flows = list.append(Node::map());
    flows.set("name", "flows");
    Node &cm = flows.set("configMap", Node::map());
    cm.set("name", flowsConfigMapName(r));
    Node &items = cm.set("items", Node::list());
    for (const FlowSource &f : r.flowFiles) {
        Node &item = items.append(Node::map());
        item.set("key", configMapKey(f.relativePath));
        item.set("path", f.relativePath);
    }
    Node &data = list.append(Node::map());
    data.set("name", "data");
    const QString claim = r.deployment.storageConfig.value(QStringLiteral("persistent_volume_claim")).toString();
    if (claim.isEmpty()) data.set("emptyDir", Node::map());
    else data.set("persistentVolumeClaim", Node::map()).set("claimName", claim);
    return list;
}

Node volumeMounts() {
    Node list = Node::list();
    Node &flows = list.append(Node::map());
    flows.set("name", "flows");
    flows.set("mountPath", flowsMount);
    flows.set("readOnly", true);
    Node &data = list.append(Node::map());
    data.set("name", "data");
    data.set("mountPath", dataMount);
    return list;
}

Node podSecurityContext() {
    Node s = Node::map();
    s.set("runAsNonRoot", true);
    s.set("runAsUser", 10001);
    s.set("runAsGroup", 10001);
    s.set("fsGroup", 10001);
    return s;
}

QString flowPathInContainer(const ExportRequest &r) {
    return QLatin1String(flowsMount) + QLatin1Char('/') + r.flowFiles.front().relativePath;
}

QString valueText(const QVariant &value) {
    if (value.typeId() == QMetaType::QString) return value.toString();
    const QJsonValue json = QJsonValue::fromVariant(value);
    if (json.isObject()) return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    if (json.isArray()) return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    const QByteArray wrapped = QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QStringList parameterArguments(const ExportRequest &r) {
    QStringList args;
    for (auto it = r.overrides.constBegin(); it != r.overrides.constEnd(); ++it)
        args << QStringLiteral("--param") << it.key() + QLatin1Char('=') + valueText(it.value());
    return args;
}

QString scheduleObjectName(const ExportRequest &r, size_t index) {
    const DeploymentSchedule &s = r.deployment.schedules[index];
    const QString suffix = s.name.isEmpty() ? QString::number(index + 1) : toDnsLabel(s.name, 20);
    return toDnsLabel(r.deployment.name, 51 - int(suffix.size())) + QLatin1Char('-') + suffix;
}

}  // namespace flowdeck::kube
