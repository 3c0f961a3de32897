// Reading `deployments:` from flowdeck.yaml into DeploymentConfig, with where each field was
// written, so that validate() can point at it.

#include "DeploymentConfig.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace flowdeck {

namespace {

const std::pair<DeploymentType, const char *> typeNames[] = {
    {DeploymentType::Process, "process"}, {DeploymentType::Docker, "docker"}, {DeploymentType::Kubernetes, "kubernetes"},
    {DeploymentType::Argo, "argo"},       {DeploymentType::Prefect, "prefect"}, {DeploymentType::Custom, "custom"},
};

const QStringList scheduleOwnKeys = {"name", "active", "collision"};

QString qs(const std::string &text) { return QString::fromStdString(text); }

SourceLocation locationOf(const YAML::Node &node) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0) return {};
    return {mark.line + 1, mark.column + 1};
}

QString describe(const YAML::Node &node) {
    switch (node.Type()) {
    case YAML::NodeType::Map: return QStringLiteral("a mapping");
    case YAML::NodeType::Sequence: return QStringLiteral("a list");
    case YAML::NodeType::Scalar: return QStringLiteral("'%1'").arg(qs(node.Scalar()));
    default: return QStringLiteral("nothing");
    }
}

/// Values one parse may expand to: aliases can make a tiny file billions of values.
constexpr int maxValues = 100000;
thread_local int valuesLeft = maxValues;

/// Scalars as text, the way ScheduleConfig and parameter checks read them.
QVariant toVariant(const YAML::Node &node, int depth = 0) {
    if (depth > 64 || --valuesLeft < 0) return {};
    if (node.IsMap()) {
        QVariantMap map;
        for (auto it = node.begin(); it != node.end(); ++it)
            if (it->first.IsScalar()) map.insert(qs(it->first.Scalar()), toVariant(it->second, depth + 1));
        return map;
    }
    if (node.IsSequence()) {
        QVariantList list;
        for (const YAML::Node &item : node) list << toVariant(item, depth + 1);
        return list;
    }
    return node.IsScalar() ? QVariant(qs(node.Scalar())) : QVariant();
}

/// Reads one list entry, reporting every problem it finds.
class EntryReader {
public:
    EntryReader(const QString &file, Diagnostics &out) : m_file(file), m_out(out) {}

    DeploymentConfig read(const YAML::Node &entry, int index) {
        m_config = DeploymentConfig();
        m_config.file = m_file;
        m_config.locations.insert(QStringLiteral("(entry)"), locationOf(entry));
        const YAML::Node name = entry["name"];
        m_config.name = name.IsDefined() && name.IsScalar() ? qs(name.Scalar()) : QString();
        m_where = m_config.name.isEmpty() ? QStringLiteral("deployment %1").arg(index + 1)
                                          : QStringLiteral("deployment '%1'").arg(m_config.name);
        QSet<QString> seen;
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            const QString key = it->first.IsScalar() ? qs(it->first.Scalar()) : QString();
            if (seen.contains(key)) {
                problem(it->first, key, QStringLiteral("is given twice in %1").arg(m_where));
                continue;
            }
            seen.insert(key);
            if (!deploymentKeys().contains(key)) {
                problem(it->first, key,
                        QStringLiteral("unknown key in %1%2").arg(m_where, didYouMean(key, deploymentKeys())));
                continue;
            }
            m_config.locations.insert(key, locationOf(it->second.IsNull() ? it->first : it->second));
            readKey(key, it->first, it->second);
        }
        if (!seen.contains(QStringLiteral("name")))
            problem(entry, QStringLiteral("name"), QStringLiteral("%1 needs a name").arg(m_where));
        if (!seen.contains(QStringLiteral("deployment_type")))
            problem(entry, QStringLiteral("deployment_type"),
                    QStringLiteral("%1 needs a deployment_type: one of %2").arg(m_where, deploymentTypeNames().join(", ")));
        if (!seen.contains(QStringLiteral("entrypoint")) && !seen.contains(QStringLiteral("flow_name")))
            problem(entry, QStringLiteral("entrypoint"),
                    QStringLiteral("%1 needs an entrypoint (a .flow.yaml file) or a flow_name").arg(m_where));
        return m_config;
    }

private:
    QString m_file;
    Diagnostics &m_out;
    DeploymentConfig m_config;
    QString m_where;

    void problem(const YAML::Node &at, const QString &field, const QString &message,
                 Severity severity = Severity::Error) {
        problemAt(locationOf(at), field, message, severity);
    }

    void problemAt(SourceLocation at, const QString &field, const QString &message, Severity severity = Severity::Error) {
        Diagnostic d;
        d.severity = severity;
        d.file = m_file;
        d.location = at;
        d.field = field;
        d.message = field + QLatin1String(": ") + message;
        m_out.push_back(d);
    }

    std::optional<QString> text(const QString &key, const YAML::Node &v) {
        if (v.IsScalar()) return qs(v.Scalar());
        if (v.IsNull()) return QString();
        problem(v, key, QStringLiteral("expected text, got %1").arg(describe(v)));
        return std::nullopt;
    }

    QStringList textList(const QString &key, const YAML::Node &v) {
        if (v.IsScalar()) return {qs(v.Scalar())};
        QStringList items;
        if (v.IsNull()) return items;
        if (!v.IsSequence()) {
            problem(v, key, QStringLiteral("expected a list of text, got %1").arg(describe(v)));
            return items;
        }
        for (const YAML::Node &item : v) {
            if (item.IsScalar()) items << qs(item.Scalar());
            else problem(item, key, QStringLiteral("expected text in the list, got %1").arg(describe(item)));
        }
        return items;
    }

    QVariantMap map(const QString &key, const YAML::Node &v) {
        if (v.IsNull()) return {};
        if (!v.IsMap()) {
            problem(v, key, QStringLiteral("expected a mapping, got %1").arg(describe(v)));
            return {};
        }
        return toVariant(v).toMap();
    }

    void readKey(const QString &key, const YAML::Node &keyNode, const YAML::Node &v) {
        DeploymentConfig &c = m_config;
        const std::pair<const char *, QString *> texts[] = {
            {"name", &c.name},           {"flow_name", &c.flowName},       {"entrypoint", &c.entrypoint},
            {"description", &c.description}, {"version", &c.version},      {"pool_name", &c.poolName},
            {"work_queue_name", &c.workQueueName}, {"image_name", &c.imageName}, {"dockerfile", &c.dockerfile},
            {"kube_namespace", &c.kubeNamespace}, {"cpu_request", &c.cpuRequest}, {"cpu_limit", &c.cpuLimit},
            {"memory_request", &c.memoryRequest}, {"memory_limit", &c.memoryLimit}, {"template", &c.templatePath},
        };
        for (const auto &[name, target] : texts)
            if (key == QLatin1String(name)) {
                *target = text(key, v).value_or(QString());
                return;
            }
        if (key == QLatin1String("deployment_type")) readType(v);
        else if (key == QLatin1String("tags")) c.tags = textList(key, v);
        else if (key == QLatin1String("parameter_files")) c.parameterFiles = textList(key, v);
        else if (key == QLatin1String("parameters")) readParameters(v);
        else if (key == QLatin1String("storage_config")) c.storageConfig = map(key, v);
        else if (key == QLatin1String("env_vars")) readEnv(keyNode, v);
        else if (key == QLatin1String("schedules")) readSchedules(v);
    }

    void readType(const YAML::Node &v) {
        const QString type = v.IsScalar() ? qs(v.Scalar()) : QString();
        if (const auto parsed = deploymentTypeFromString(type)) {
            m_config.deploymentType = *parsed;
            m_config.typeKnown = true;
            return;
        }
        problem(v, QStringLiteral("deployment_type"),
                QStringLiteral("unknown type %1: expected one of %2%3")
                    .arg(describe(v), deploymentTypeNames().join(", "), didYouMean(type, deploymentTypeNames())));
    }

    void readParameters(const YAML::Node &v) {
        m_config.parameters = map(QStringLiteral("parameters"), v);
        if (!v.IsMap()) return;
        for (auto it = v.begin(); it != v.end(); ++it)
            if (it->first.IsScalar())
                m_config.locations.insert(QStringLiteral("parameters.") + qs(it->first.Scalar()), locationOf(it->first));
    }

    void readEnv(const YAML::Node &keyNode, const YAML::Node &v) {
        if (v.IsNull()) return;
        if (!v.IsMap()) {
            problem(v.IsDefined() ? v : keyNode, QStringLiteral("env_vars"),
                    QStringLiteral("expected a mapping of NAME to a value or {secret: NAME}, got %1").arg(describe(v)));
            return;
        }
        for (auto it = v.begin(); it != v.end(); ++it) {
            DeploymentEnvVar var;
            var.name = it->first.IsScalar() ? qs(it->first.Scalar()) : QString();
            const QString field = QStringLiteral("env_vars.") + var.name;
            m_config.locations.insert(field, locationOf(it->first));
            const YAML::Node body = it->second;
            if (body.IsScalar() || body.IsNull()) {
                var.value = body.IsScalar() ? qs(body.Scalar()) : QString();
            } else if (body.IsMap() && body.size() == 1 && body["secret"].IsDefined() && body["secret"].IsScalar()) {
                var.secretName = qs(body["secret"].Scalar());
                if (!isValidSecretName(var.secretName)) {
                    problem(body["secret"], field,
                            QStringLiteral("'%1' is not a secret name: expected lowercase letters, digits and '-', "
                                           "like 'warehouse-token'").arg(var.secretName));
                    continue;
                }
            } else {
                problem(body, field, QStringLiteral("expected a value or {secret: NAME}, got %1").arg(describe(body)));
                continue;
            }
            m_config.envVars.push_back(var);
        }
    }

    void readSchedules(const YAML::Node &v) {
        if (v.IsNull()) return;
        if (!v.IsSequence()) {
            problem(v, QStringLiteral("schedules"),
                    QStringLiteral("expected a list of schedules (cron_expression, interval_seconds, rrule...), got %1")
                        .arg(describe(v)));
            return;
        }
        for (size_t i = 0; i < v.size(); ++i) readSchedule(v[i], int(i));
    }

    void readSchedule(const YAML::Node &node, int index) {
        const QString field = QStringLiteral("schedules[%1]").arg(index + 1);
        if (!node.IsMap()) {
            problem(node, field, QStringLiteral("expected a mapping, got %1").arg(describe(node)));
            return;
        }
        DeploymentSchedule s;
        s.location = locationOf(node);
        QVariantMap map = toVariant(node).toMap();
        s.name = map.value(QStringLiteral("name")).toString();
        s.active = map.value(QStringLiteral("active"), QStringLiteral("true")).toString().toLower() != QLatin1String("false");
        s.collision = map.value(QStringLiteral("collision"), QStringLiteral("enqueue")).toString();
        if (s.collision != QLatin1String("enqueue") && s.collision != QLatin1String("cancel-new"))
            problem(node["collision"], field + QStringLiteral(".collision"),
                    QStringLiteral("expected enqueue or cancel-new, got '%1'").arg(s.collision));
        for (const QString &key : scheduleOwnKeys) map.remove(key);
        const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(map);
        for (const ScheduleProblem &p : parsed.problems) {
            const YAML::Node at = p.field.isEmpty() ? node : node[p.field.toStdString()];
            QString message = p.message;
            if (message.startsWith(p.field + QLatin1String(": "))) message = message.mid(p.field.size() + 2);
            problem(at.IsDefined() ? at : node, p.field.isEmpty() ? field : field + QLatin1Char('.') + p.field, message);
        }
        if (!parsed.ok()) return;
        s.config = parsed.config;
        m_config.locations.insert(field, s.location);
        m_config.schedules.push_back(s);
    }
};

}  // namespace

QString toString(DeploymentType type) {
    for (const auto &[value, name] : typeNames)
        if (value == type) return QString::fromLatin1(name);
    return {};
}

std::optional<DeploymentType> deploymentTypeFromString(const QString &text) {
    for (const auto &[value, name] : typeNames)
        if (text == QLatin1String(name)) return value;
    return std::nullopt;
}

QStringList deploymentTypeNames() {
    QStringList names;
    for (const auto &entry : typeNames) names << QString::fromLatin1(entry.second);
    return names;
}

QStringList deploymentKeys() {
    return {"name",         "deployment_type", "flow_name",       "entrypoint",     "description",  "version",
            "tags",         "parameters",      "parameter_files", "env_vars",       "schedules",    "pool_name",
            "work_queue_name", "image_name",   "dockerfile",      "kube_namespace", "cpu_request",  "cpu_limit",
            "memory_request", "memory_limit",  "storage_config",  "template"};
}

SourceLocation DeploymentConfig::locationOf(const QString &field) const {
    if (locations.contains(field)) return locations.value(field);
    return locations.value(QStringLiteral("(entry)"));
}

QString DeploymentConfig::workspaceDir() const { return file.isEmpty() ? QDir::currentPath() : QFileInfo(file).absolutePath(); }

QString DeploymentConfig::flowPath() const {
    const QDir dir(workspaceDir());
    if (!entrypoint.isEmpty()) return QDir::cleanPath(dir.absoluteFilePath(entrypoint));
    if (flowName.isEmpty()) return {};
    return QDir::cleanPath(dir.absoluteFilePath(flowName + QStringLiteral(".flow.yaml")));
}

WorkspaceDeployments WorkspaceDeployments::read(const QString &workspaceFile) {
    QFile file(workspaceFile);
    if (workspaceFile.isEmpty() || !file.exists()) return {};
    if (!file.open(QIODevice::ReadOnly)) {
        WorkspaceDeployments result;
        result.problems.push_back({Severity::Error, workspaceFile, {}, QStringLiteral("cannot read: %1").arg(file.errorString()), {}, {}});
        return result;
    }
    return parse(file.readAll(), QFileInfo(workspaceFile).absoluteFilePath());
}

WorkspaceDeployments WorkspaceDeployments::parse(const QByteArray &text, const QString &fileName) {
    WorkspaceDeployments result;
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        const SourceLocation at = e.mark.is_null() ? SourceLocation{} : SourceLocation{e.mark.line + 1, e.mark.column + 1};
        result.problems.push_back({Severity::Error, fileName, at, QStringLiteral("not valid YAML: %1").arg(qs(e.msg)), {}, {}});
        return result;
    }
    if (!root.IsMap()) return result;
    const YAML::Node list = root["deployments"];
    if (!list || list.IsNull()) return result;
    if (!list.IsSequence()) {
        result.problems.push_back({Severity::Error, fileName, locationOf(list),
                                   QStringLiteral("deployments: expected a list of deployments"), {}, QStringLiteral("deployments")});
        return result;
    }
    EntryReader reader(fileName, result.problems);
    QSet<QString> names;
    valuesLeft = maxValues;
    for (size_t i = 0; i < list.size(); ++i) {
        const YAML::Node entry = list[i];
        if (!entry.IsMap()) {
            result.problems.push_back({Severity::Error, fileName, locationOf(entry),
                                       QStringLiteral("deployments: each entry must be a mapping, got %1").arg(describe(entry)),
                                       {}, QStringLiteral("deployments")});
            continue;
        }
        DeploymentConfig config;
        try {
            config = reader.read(entry, int(i));
        } catch (const YAML::Exception &e) {  // an accessor refusing an odd node: report it, never crash
            result.problems.push_back({Severity::Error, fileName, locationOf(entry),
                                       QStringLiteral("deployments: cannot read this entry: %1").arg(qs(e.msg)), {}, {}});
            continue;
        }
        if (valuesLeft < 0) {
            result.problems.push_back({Severity::Error, fileName, locationOf(entry),
                                       QStringLiteral("deployments: too many values (over %1): aliases expand to more "
                                                      "than a deployment can hold").arg(maxValues), {}, {}});
            return result;
        }
        if (!config.name.isEmpty() && names.contains(config.name)) {
            result.problems.push_back({Severity::Error, fileName, config.locationOf(QStringLiteral("name")),
                                       QStringLiteral("name: deployment '%1' is declared twice").arg(config.name), {},
                                       QStringLiteral("name")});
            continue;
        }
        names.insert(config.name);
        result.deployments.push_back(config);
    }
    return result;
}

const DeploymentConfig *WorkspaceDeployments::find(const QString &name) const {
    for (const DeploymentConfig &d : deployments)
        if (d.name == name) return &d;
    return nullptr;
}

QStringList WorkspaceDeployments::names() const {
    QStringList list;
    for (const DeploymentConfig &d : deployments) list << d.name;
    return list;
}

}  // namespace flowdeck
