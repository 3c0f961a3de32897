#pragma once
/// @file A deployment: how a flow leaves the desktop (the reference guide's DeploymentConfig),
/// as declared under `deployments:` in a workspace's flowdeck.yaml.

#include "flow/Diagnostic.h"
#include "schedule/ScheduleConfig.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>
#include <vector>

namespace flowdeck {

/// The guide's DeploymentType plus Argo Workflows; the guide's CLOUD is `prefect`.
enum class DeploymentType { Process, Docker, Kubernetes, Argo, Prefect, Custom };

QString toString(DeploymentType type);
std::optional<DeploymentType> deploymentTypeFromString(const QString &text);
QStringList deploymentTypeNames();

/// One variable of `env_vars`: a plain value, or a reference to a secret (`{secret: NAME}`).
struct DeploymentEnvVar {
    QString name;
    QString value;
    QString secretName;  ///< empty for a plain value
    bool isSecret() const { return !secretName.isEmpty(); }
    bool operator==(const DeploymentEnvVar &o) const {
        return name == o.name && value == o.value && secretName == o.secretName;
    }
};

/// One schedule of a deployment: the ScheduleConfig keys plus a name, whether it is active and
/// what to do when a run is still going at the next fire time.
struct DeploymentSchedule {
    QString name;  ///< optional; exporters name unnamed ones by position ("1", "2")
    ScheduleConfig config;
    bool active = true;
    QString collision = QStringLiteral("enqueue");  ///< "enqueue" or "cancel-new", as local schedules
    SourceLocation location;
};

struct DeploymentConfig {
    DeploymentType deploymentType = DeploymentType::Process;
    bool typeKnown = false;  ///< deployment_type was given and is one of the types
    QString name;
    QString flowName;     ///< the flow's `name`; found as NAME.flow.yaml when there is no entrypoint
    QString entrypoint;   ///< the flow file, relative to the workspace
    QString description;
    QString version;
    QStringList tags;
    QVariantMap parameters;
    QStringList parameterFiles;  ///< JSON or YAML maps, relative to the workspace; `parameters` wins
    std::vector<DeploymentEnvVar> envVars;
    std::vector<DeploymentSchedule> schedules;
    QString poolName;
    QString workQueueName;
    QString imageName;
    QString dockerfile;
    QString kubeNamespace;
    QString cpuRequest;
    QString cpuLimit;
    QString memoryRequest;
    QString memoryLimit;
    QVariantMap storageConfig;
    QString templatePath;  ///< custom: a Mustache template, relative to the workspace

    QString file;  ///< the flowdeck.yaml it came from (absolute)
    /// Where each field was written: "name", "cpu_limit", "env_vars.API_TOKEN", "schedules.0",
    /// "parameters.limit"; "(entry)" is the list item itself.
    QHash<QString, SourceLocation> locations;

    SourceLocation locationOf(const QString &field) const;
    /// The workspace folder: where relative paths start.
    QString workspaceDir() const;
    /// The flow file: the entrypoint, else `<flow_name>.flow.yaml` in the workspace (absolute).
    QString flowPath() const;
};

/// What reading `deployments:` found: every entry it could read and every problem.
struct WorkspaceDeployments {
    std::vector<DeploymentConfig> deployments;
    Diagnostics problems;

    /// Reads @p workspaceFile (flowdeck.yaml); no file or no `deployments:` is an empty list.
    static WorkspaceDeployments read(const QString &workspaceFile);
    /// The same from text, as if it came from @p fileName (tests, the GUI's live form).
    static WorkspaceDeployments parse(const QByteArray &text, const QString &fileName);

    const DeploymentConfig *find(const QString &name) const;
    QStringList names() const;
};

/// The keys a deployment entry may have, in the order docs/deployments.md lists them.
QStringList deploymentKeys();

}  // namespace flowdeck
