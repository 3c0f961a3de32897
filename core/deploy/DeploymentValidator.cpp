// The checks every deployment type shares, the exporter registry, and exportDeployment().

#include "Exporter.h"

#include "KubeNames.h"
#include "Quantity.h"
#include "flow/FlowFile.h"
#include "flow/FlowValidator.h"
#include "flow/TaskKinds.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace flowdeck {

std::unique_ptr<Exporter> makeProcessExporter();
std::unique_ptr<Exporter> makeDockerExporter();
std::unique_ptr<Exporter> makeKubernetesExporter();
std::unique_ptr<Exporter> makeArgoExporter();
std::unique_ptr<Exporter> makePrefectExporter();
std::unique_ptr<Exporter> makeCustomExporter();

namespace {

/// The fields every type uses; the others belong to some types only (Exporter::fields()).
const QStringList sharedFields = {"name",       "deployment_type", "flow_name", "entrypoint", "description",
                                  "version",    "tags",            "parameters", "parameter_files", "env_vars",
                                  "schedules"};

/// Collects problems of one deployment as `field: message` at the field's place.
class Problems {
public:
    explicit Problems(const DeploymentConfig &d) : m_d(d) {}

    void add(const QString &field, const QString &message, Severity severity = Severity::Error,
             const QString &locationKey = {}) {
        Diagnostic diag;
        diag.severity = severity;
        diag.file = m_d.file;
        diag.location = m_d.locationOf(locationKey.isEmpty() ? field : locationKey);
        diag.field = field;
        diag.message = field + QLatin1String(": ") + message;
        m_list.push_back(diag);
    }
    void warn(const QString &field, const QString &message) { add(field, message, Severity::Warning); }
    void append(const Diagnostics &more) { m_list.insert(m_list.end(), more.begin(), more.end()); }
    Diagnostics take() { return std::move(m_list); }

private:
    const DeploymentConfig &m_d;
    Diagnostics m_list;
};

bool readBytes(const QString &path, QByteArray *out) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return false;
    *out = f.readAll();
    return true;
}

/// The flow and, depth first, every subflow it runs (each file once), relative to its folder.
void loadFlows(const QString &path, const QDir &root, std::vector<FlowSource> &out, QSet<QString> &seen,
               Problems &problems) {
    const QString clean = QDir::cleanPath(path);
    if (seen.contains(clean)) return;
    seen.insert(clean);
    FlowSource source;
    source.relativePath = root.relativeFilePath(clean);
    const LoadResult loaded = FlowFile::load(clean);
    if (!loaded.isValid()) {
        problems.add(QStringLiteral("entrypoint"),
                     QStringLiteral("flow %1 is not valid (its problems follow)").arg(source.relativePath));
        Diagnostics own;
        for (const Diagnostic &d : loaded.diagnostics)
            if (d.severity == Severity::Error) own.push_back(d);
        problems.append(own);
        return;
    }
    readBytes(clean, &source.text);
    source.flow = loaded.flow;
    out.push_back(source);
    for (const Task &task : loaded.flow.tasks)
        if (traitsOf(task.kind).runsSubflow())
            loadFlows(QFileInfo(clean).absoluteDir().filePath(task.subflow), root, out, seen, problems);
}

/// A JSON or YAML file holding a mapping of parameter values.
std::optional<QVariantMap> readParameterFile(const QString &path, QString *error) {
    QByteArray bytes;
    if (!readBytes(path, &bytes)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return std::nullopt;
    }
    QJsonParseError jsonError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &jsonError);
    if (jsonError.error == QJsonParseError::NoError) {
        if (json.isObject()) return json.object().toVariantMap();
        *error = QStringLiteral("%1 holds JSON that is not an object of parameter values").arg(path);
        return std::nullopt;
    }
    try {
        const YAML::Node node = YAML::Load(bytes.toStdString());
        if (!node.IsMap()) throw YAML::Exception(YAML::Mark(), "not a mapping");
        QVariantMap map;
        for (auto it = node.begin(); it != node.end(); ++it)
            map.insert(QString::fromStdString(it->first.Scalar()),
                       it->second.IsScalar() ? QVariant(QString::fromStdString(it->second.Scalar())) : QVariant());
        return map;
    } catch (const YAML::Exception &) {
        *error = QStringLiteral("%1 is neither a JSON object nor a YAML mapping of parameter values").arg(path);
        return std::nullopt;
    }
}

/// A value as the deployment gives it, converted to the parameter's type; text goes through
/// the same reading as `--param NAME=VALUE`.
QVariant typedValue(const Parameter &p, const QVariant &given, QString *error) {
    if (given.typeId() == QMetaType::QString) return FlowValidator::valueFromText(p, given.toString(), error);  // names p
    QVariant value = given;
    if (p.type == ParameterType::List && given.typeId() != QMetaType::QVariantList) value = QVariant();
    if (p.type == ParameterType::Map && given.typeId() != QMetaType::QVariantMap) value = QVariant();
    const QString problem = value.isValid() ? FlowValidator::checkValue(p, value) : QStringLiteral("expected %1").arg(toString(p.type));
    if (!problem.isEmpty()) {
        *error = QStringLiteral("parameter '%1': %2").arg(p.name, problem);
        return {};
    }
    return value;
}

void resolveParameters(const DeploymentConfig &d, const Flow &flow, QVariantMap *out, QVariantMap *overrides,
                       Problems &problems) {
    QVariantMap given;
    for (const QString &file : d.parameterFiles) {
        QString error;
        const auto values = readParameterFile(QDir(d.workspaceDir()).absoluteFilePath(file), &error);
        if (!values) problems.add(QStringLiteral("parameter_files"), error);
        else given.insert(*values);
    }
    given.insert(d.parameters);
    QStringList names;
    for (const Parameter &p : flow.parameters) names << p.name;
    for (auto it = given.constBegin(); it != given.constEnd(); ++it)
        if (!names.contains(it.key()))
            problems.add(QStringLiteral("parameters.") + it.key(),
                         QStringLiteral("flow '%1' has no parameter '%2'%3").arg(flow.name, it.key(), didYouMean(it.key(), names)));
    for (const Parameter &p : flow.parameters) {
        if (!given.contains(p.name)) {
            if (p.hasDefault()) out->insert(p.name, p.defaultValue);
            else if (p.required)
                problems.add(QStringLiteral("parameters"),
                             QStringLiteral("flow '%1' needs parameter '%2' (%3, no default)").arg(flow.name, p.name, toString(p.type)));
            continue;
        }
        QString error;
        const QVariant value = typedValue(p, given.value(p.name), &error);
        if (value.isValid()) out->insert(p.name, value), overrides->insert(p.name, value);
        else problems.add(QStringLiteral("parameters.") + p.name, error);
    }
}

void checkResources(const DeploymentConfig &d, Problems &problems) {
    const auto cpu = [&](const char *field, const QString &text) -> std::optional<qint64> {
        if (text.isEmpty()) return std::nullopt;
        const auto millis = parseCpuMillis(text);
        if (!millis || *millis == 0)
            problems.add(QLatin1String(field), QStringLiteral("'%1' is not a CPU quantity: expected cores like '2' or '0.5', "
                                                              "or millicores like '500m'").arg(text));
        return millis;
    };
    const auto memory = [&](const char *field, const QString &text) -> std::optional<qint64> {
        if (text.isEmpty()) return std::nullopt;
        const auto bytes = parseMemoryBytes(text);
        if (!bytes || *bytes == 0)
            problems.add(QLatin1String(field), QStringLiteral("'%1' is not a memory quantity: expected a number with Ki, Mi, "
                                                              "Gi, Ti, k, M, G, T, KB, MB or GB, like '512Mi' or '2Gi'").arg(text));
        return bytes;
    };
    const auto cpuRequest = cpu("cpu_request", d.cpuRequest);
    const auto cpuLimit = cpu("cpu_limit", d.cpuLimit);
    const auto memRequest = memory("memory_request", d.memoryRequest);
    const auto memLimit = memory("memory_limit", d.memoryLimit);
    if (cpuRequest && cpuLimit && *cpuRequest > *cpuLimit)
        problems.add(QStringLiteral("cpu_request"), QStringLiteral("'%1' is more than cpu_limit '%2': a request may not "
                                                                   "exceed its limit").arg(d.cpuRequest, d.cpuLimit));
    if (memRequest && memLimit && *memRequest > *memLimit)
        problems.add(QStringLiteral("memory_request"), QStringLiteral("'%1' is more than memory_limit '%2': a request may "
                                                                      "not exceed its limit").arg(d.memoryRequest, d.memoryLimit));
}

/// An approval task waits in Flowdeck's engine for `runs resume`. Argo and Prefect run each task
/// as a step of their own, with no such wait: exported, the approval would pass at once.
void checkApprovals(const DeploymentConfig &d, const ExportRequest &request, const QString &field, Problems &problems) {
    if (!d.typeKnown || (d.deploymentType != DeploymentType::Argo && d.deploymentType != DeploymentType::Prefect)) return;
    for (const FlowSource &source : request.flowFiles)
        for (const Task &task : source.flow.tasks)
            if (traitsOf(task.kind).waitsForApproval())
                problems.add(field, QStringLiteral("flow %1 has approval task '%2': a %3 deployment runs each task as a "
                                                   "step of its own and cannot wait for an approval; deploy it as "
                                                   "process, docker or kubernetes (they run Flowdeck's engine)")
                                        .arg(source.relativePath, task.name, toString(d.deploymentType)));
}

void checkShared(const DeploymentConfig &d, const Exporter *exporter, Problems &problems) {
    if (!d.name.isEmpty() && !isValidName(d.name))
        problems.add(QStringLiteral("name"), QStringLiteral("'%1' may only use letters, digits, '_' and '-', starting "
                                                            "with a letter or digit").arg(d.name));
    QSet<QString> seen;
    for (const DeploymentEnvVar &var : d.envVars) {
        const QString field = QStringLiteral("env_vars.") + var.name;
        if (const auto problem = environmentNameProblem(var.name)) problems.add(field, *problem);
        if (var.name.startsWith(QLatin1String("FLOWDECK_")))
            problems.add(field, QStringLiteral("names starting with FLOWDECK_ are Flowdeck's own: choose another name"));
        seen.insert(var.name);
    }
    if (!d.imageName.isEmpty())
        if (const auto problem = imageReferenceProblem(d.imageName)) problems.add(QStringLiteral("image_name"), *problem);
    checkResources(d, problems);
    if (!exporter) return;
    const QStringList own = exporter->fields();
    const std::pair<const char *, bool> set[] = {
        {"pool_name", !d.poolName.isEmpty()},         {"work_queue_name", !d.workQueueName.isEmpty()},
        {"image_name", !d.imageName.isEmpty()},       {"dockerfile", !d.dockerfile.isEmpty()},
        {"kube_namespace", !d.kubeNamespace.isEmpty()}, {"cpu_request", !d.cpuRequest.isEmpty()},
        {"cpu_limit", !d.cpuLimit.isEmpty()},         {"memory_request", !d.memoryRequest.isEmpty()},
        {"memory_limit", !d.memoryLimit.isEmpty()},   {"storage_config", !d.storageConfig.isEmpty()},
        {"template", !d.templatePath.isEmpty()}};
    for (const auto &[field, isSet] : set)
        if (isSet && !own.contains(QLatin1String(field)))
            problems.warn(QLatin1String(field), QStringLiteral("has no effect on a %1 deployment").arg(toString(d.deploymentType)));
}

}  // namespace

QStringList ExportRequest::secretNames() const {
    QStringList names;
    for (const FlowSource &source : flowFiles)
        for (const Task &task : source.flow.tasks)
            for (const EnvVar &var : task.env)
                if (var.isReference()) names << var.secretName;
    for (const DeploymentEnvVar &var : deployment.envVars)
        if (var.isSecret()) names << var.secretName;
    names.removeDuplicates();
    names.sort();
    return names;
}

QString ExportRequest::header() const {
    return QStringLiteral("Generated by Flowdeck %1 from flow '%2' (%3), deployment '%4'.\n"
                          "Do not edit: change the deployment in flowdeck.yaml and run 'flowdeck-cli deploy export %4'.")
        .arg(flowdeckVersion, flow.name, flowFiles.empty() ? QFileInfo(flowPath).fileName() : flowFiles.front().relativePath,
             deployment.name);
}

const ExportedFile *ExportResult::file(const QString &path) const {
    for (const ExportedFile &f : files)
        if (f.path == path) return &f;
    return nullptr;
}

ExporterRegistry::ExporterRegistry() {
    m_exporters.push_back(makeProcessExporter());
    m_exporters.push_back(makeDockerExporter());
    m_exporters.push_back(makeKubernetesExporter());
    m_exporters.push_back(makeArgoExporter());
    m_exporters.push_back(makePrefectExporter());
    m_exporters.push_back(makeCustomExporter());
}

const ExporterRegistry &ExporterRegistry::instance() {
    static const ExporterRegistry registry;
    return registry;
}

const Exporter *ExporterRegistry::find(DeploymentType type) const {
    for (const auto &e : m_exporters)
        if (e->type() == type) return e.get();
    return nullptr;
}

std::vector<const Exporter *> ExporterRegistry::all() const {
    std::vector<const Exporter *> list;
    for (const auto &e : m_exporters) list.push_back(e.get());
    return list;
}

Diagnostics prepareExport(const DeploymentConfig &d, ExportRequest *request) {
    Problems problems(d);
    request->deployment = d;
    // An unknown deployment_type was reported; no target's own checks then.
    const Exporter *exporter = d.typeKnown ? ExporterRegistry::instance().find(d.deploymentType) : nullptr;
    checkShared(d, exporter, problems);
    request->flowPath = d.flowPath();
    if (request->flowPath.isEmpty()) return problems.take();  // the reader reported the missing entrypoint
    const QString field = d.entrypoint.isEmpty() ? QStringLiteral("flow_name") : QStringLiteral("entrypoint");
    if (!QFileInfo(request->flowPath).isFile()) {
        problems.add(field, QStringLiteral("flow file '%1' not found in %2")
                                .arg(QDir(d.workspaceDir()).relativeFilePath(request->flowPath), d.workspaceDir()));
        return problems.take();
    }
    QSet<QString> seen;
    loadFlows(request->flowPath, QFileInfo(request->flowPath).absoluteDir(), request->flowFiles, seen, problems);
    if (request->flowFiles.empty() || request->flowFiles.front().relativePath != QFileInfo(request->flowPath).fileName())
        return problems.take();
    request->flow = request->flowFiles.front().flow;
    checkApprovals(d, *request, field, problems);
    if (!d.flowName.isEmpty() && d.flowName != request->flow.name)
        problems.add(QStringLiteral("flow_name"), QStringLiteral("'%1' does not match the name '%2' of %3")
                                                      .arg(d.flowName, request->flow.name, request->flowFiles.front().relativePath));
    resolveParameters(d, request->flow, &request->parameters, &request->overrides, problems);
    return problems.take();
}

Diagnostics validateDeployment(const DeploymentConfig &deployment) {
    ExportRequest request;
    Diagnostics problems = prepareExport(deployment, &request);
    const Exporter *exporter = deployment.typeKnown ? ExporterRegistry::instance().find(deployment.deploymentType) : nullptr;
    if (exporter && !request.flowFiles.empty()) {
        const Diagnostics own = exporter->check(request);
        problems.insert(problems.end(), own.begin(), own.end());
    }
    std::stable_sort(problems.begin(), problems.end(), [&](const Diagnostic &a, const Diagnostic &b) {
        // The deployment's own problems first, in file order; then the flow's, as the flow lists them.
        const bool aOwn = a.file == deployment.file, bOwn = b.file == deployment.file;
        if (aOwn != bOwn) return aOwn;
        if (!aOwn) return false;
        return std::make_pair(a.location.line, a.location.column) < std::make_pair(b.location.line, b.location.column);
    });
    return problems;
}

ExportResult exportDeployment(const DeploymentConfig &deployment) {
    ExportResult result;
    result.diagnostics = validateDeployment(deployment);
    if (hasErrors(result.diagnostics)) return result;
    ExportRequest request;
    prepareExport(deployment, &request);
    const Diagnostics warnings = result.diagnostics;
    result = ExporterRegistry::instance().find(deployment.deploymentType)->exportFlow(request);
    result.diagnostics.insert(result.diagnostics.begin(), warnings.begin(), warnings.end());
    std::sort(result.files.begin(), result.files.end(),
              [](const ExportedFile &a, const ExportedFile &b) { return a.path < b.path; });
    return result;
}

}  // namespace flowdeck
