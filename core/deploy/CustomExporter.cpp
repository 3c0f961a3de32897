// custom: the user's Mustache template rendered with the deployment and its flow. A variable
// the data does not have is an error naming it, not an empty string in a production file.

#include "ExportFiles.h"
#include "Exporter.h"
#include "KubernetesObjects.h"
#include "ScheduleTranslation.h"
#include "flow/FlowGraph.h"
#include "flow/TaskKinds.h"

#include <kainjow/mustache.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace flowdeck {

namespace {

/// What the template sees (documented in docs/deployments.md), as a QVariant tree.
QVariantMap templateData(const ExportRequest &r) {
    const DeploymentConfig &d = r.deployment;
    QVariantMap deployment{{"name", d.name},           {"type", toString(d.deploymentType)}, {"description", d.description},
                           {"version", d.version},     {"tags", QVariant(d.tags).toList()},  {"pool_name", d.poolName},
                           {"work_queue_name", d.workQueueName}, {"image_name", d.imageName}, {"kube_namespace", d.kubeNamespace},
                           {"cpu_request", d.cpuRequest}, {"cpu_limit", d.cpuLimit},       {"memory_request", d.memoryRequest},
                           {"memory_limit", d.memoryLimit}, {"storage_config", d.storageConfig}};
    QVariantList env, secrets, schedules, parameters, tasks;
    for (const DeploymentEnvVar &v : d.envVars)
        env << QVariantMap{{"name", v.name}, {"value", v.value}, {"secret", v.secretName}, {"is_secret", v.isSecret()}};
    for (const QString &s : r.secretNames()) secrets << QVariantMap{{"name", s}};
    for (size_t i = 0; i < d.schedules.size(); ++i) {
        const DeploymentSchedule &s = d.schedules[i];
        const TranslatedSchedule cron = toKubernetesCron(s);
        schedules << QVariantMap{{"name", kube::scheduleObjectName(r, i)}, {"type", toString(s.config.scheduleType)},
                                 {"cron", cron.lines.value(0)}, {"timezone", exportZone(s)},
                                 {"description", describeSchedule(s)}, {"active", s.active}};
    }
    for (auto it = r.parameters.constBegin(); it != r.parameters.constEnd(); ++it)
        parameters << QVariantMap{{"name", it.key()}, {"value", kube::valueText(it.value())}};
    for (const QString &name : FlowGraph(r.flow).topologicalOrder().value_or(QStringList())) {
        const Task &t = *r.flow.task(name);
        QVariantList after;
        for (const Dependency &dep : t.after) after << QVariantMap{{"name", dep.upstream}, {"ref", dep.toString()}};
        tasks << QVariantMap{{"name", t.name}, {"kind", toString(t.kind)}, {"description", t.description},
                             {"script", t.script}, {"after", after}, {"retries", QString::number(t.retries)},
                             {"timeout_seconds", t.timeoutSeconds ? QString::number(*t.timeoutSeconds) : QString()}};
    }
    deployment.insert("env_vars", env);
    deployment.insert("secrets", secrets);
    deployment.insert("schedules", schedules);
    deployment.insert("parameters", parameters);
    QVariantMap flow{{"name", r.flow.name}, {"description", r.flow.description}, {"version", r.flow.version},
                     {"file", r.flowFiles.front().relativePath}, {"tasks", tasks}};
    return {{"deployment", deployment}, {"flow", flow}, {"header", r.header()},
            {"header_comment", exportfiles::hashComment(r.header()).chopped(1)}, {"flowdeck_version", r.flowdeckVersion}};
}

kainjow::mustache::data toMustache(const QVariant &v) {
    using kainjow::mustache::data;
    if (v.typeId() == QMetaType::QVariantMap) {
        data object{data::type::object};
        const QVariantMap map = v.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) object.set(it.key().toStdString(), toMustache(it.value()));
        return object;
    }
    if (v.typeId() == QMetaType::QVariantList) {
        data list{data::type::list};
        for (const QVariant &item : v.toList()) list.push_back(toMustache(item));
        return list;
    }
    if (v.typeId() == QMetaType::Bool) return data(v.toBool());
    return data(v.toString().toStdString());
}

/// The keys every item of the list @p section has, so a variable in a section that happens to
/// be empty is still checked.
QVariantMap itemKeys(const QString &section) {
    static const QHash<QString, QStringList> keys{
        {"env_vars", {"name", "value", "secret", "is_secret"}},
        {"secrets", {"name"}},
        {"schedules", {"name", "type", "cron", "timezone", "description", "active"}},
        {"parameters", {"name", "value"}},
        {"tasks", {"name", "kind", "description", "script", "after", "retries", "timeout_seconds"}},
        {"after", {"name", "ref"}}};
    QVariantMap map;
    for (const QString &key : keys.value(section.split(QLatin1Char('.')).last())) map.insert(key, QString());
    return map;
}

/// The keys a name can resolve to inside the section @p name of @p value: a map's keys, a
/// list's items' keys.
QVariantMap scopeOf(const QString &name, const QVariant &value) {
    if (value.typeId() == QMetaType::QVariantMap) return value.toMap();
    QVariantMap merged = itemKeys(name);
    if (value.typeId() == QMetaType::QVariantList)
        for (const QVariant &item : value.toList()) merged.insert(item.toMap());
    return merged;
}

std::optional<QVariant> lookup(const QString &name, const std::vector<QVariantMap> &scopes) {
    if (name == QLatin1String(".")) return QVariant(QString());
    const QStringList parts = name.split(QLatin1Char('.'));
    for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope) {
        if (!scope->contains(parts.front())) continue;
        QVariant value = scope->value(parts.front());
        for (int i = 1; i < parts.size(); ++i) {
            const QVariantMap map = value.toMap();
            if (!map.contains(parts[i])) return std::nullopt;
            value = map.value(parts[i]);
        }
        return value;
    }
    return std::nullopt;
}

/// Every tag of @p text whose name the data does not have, as "LINE: 'name'".
QStringList missingVariables(const QString &text, const QVariantMap &data) {
    static const QRegularExpression tag(QStringLiteral("\\{\\{\\s*([#^/&{!>]?)\\s*([^}\\s]+)\\s*\\}?\\}\\}"));
    std::vector<QVariantMap> scopes{data};
    QStringList missing;
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString kind = m.captured(1), name = m.captured(2);
        const int line = int(text.left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
        if (kind == QLatin1String("!") || kind == QLatin1String(">")) continue;
        if (kind == QLatin1String("/")) {
            if (scopes.size() > 1) scopes.pop_back();
            continue;
        }
        const auto value = lookup(name, scopes);
        if (!value) missing << QStringLiteral("%1: '%2'").arg(line).arg(name);
        if (kind == QLatin1String("#") || kind == QLatin1String("^")) scopes.push_back(value ? scopeOf(name, *value) : QVariantMap());
    }
    return missing;
}

class CustomExporter : public Exporter {
public:
    DeploymentType type() const override { return DeploymentType::Custom; }
    QString summary() const override { return QStringLiteral("Your Mustache template, rendered with the deployment and its flow"); }
    QStringList fields() const override {
        return {"template", "pool_name", "work_queue_name", "image_name", "dockerfile", "kube_namespace", "cpu_request",
                "cpu_limit", "memory_request", "memory_limit", "storage_config"};
    }

    Diagnostics check(const ExportRequest &r) const override {
        Diagnostics out;
        const DeploymentConfig &d = r.deployment;
        const auto add = [&](const QString &message) {
            Diagnostic diag;
            diag.file = d.file;
            diag.field = QStringLiteral("template");
            diag.location = d.locationOf(diag.field);
            diag.message = QStringLiteral("template: ") + message;
            out.push_back(diag);
        };
        if (d.templatePath.isEmpty()) {
            add(QStringLiteral("a custom deployment needs a Mustache template file, like 'deploy/job.yaml.mustache'"));
            return out;
        }
        const QString path = QDir(d.workspaceDir()).absoluteFilePath(d.templatePath);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            add(QStringLiteral("cannot read '%1': %2").arg(d.templatePath, file.errorString()));
            return out;
        }
        const QString text = QString::fromUtf8(file.readAll());
        kainjow::mustache::mustache tmpl(text.toStdString());
        if (!tmpl.is_valid()) {
            add(QStringLiteral("'%1' is not a valid Mustache template: %2").arg(d.templatePath, QString::fromStdString(tmpl.error_message())));
            return out;
        }
        for (const QString &missing : missingVariables(text, templateData(r)))
            add(QStringLiteral("%1 line %2 has no value (see docs/deployments.md for the variables)").arg(d.templatePath, missing));
        return out;
    }

    ExportResult exportFlow(const ExportRequest &r) const override {
        ExportResult result;
        const QString path = QDir(r.deployment.workspaceDir()).absoluteFilePath(r.deployment.templatePath);
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        kainjow::mustache::mustache tmpl(file.readAll().toStdString());
        tmpl.set_custom_escape([](const std::string &s) { return s; });  // YAML and shell, not HTML
        const std::string rendered = tmpl.render(toMustache(templateData(r)));
        QString name = QFileInfo(path).fileName();
        if (name.endsWith(QLatin1String(".mustache"))) name.chop(9);
        result.files.push_back({name, QByteArray::fromStdString(rendered), false, false});
        exportfiles::addFlowFiles(r, QStringLiteral("flows"), result);
        return result;
    }
};

}  // namespace

std::unique_ptr<Exporter> makeCustomExporter() { return std::make_unique<CustomExporter>(); }

}  // namespace flowdeck
