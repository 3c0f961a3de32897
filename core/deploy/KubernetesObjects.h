#pragma once
/// @file The pieces the Kubernetes and Argo exporters share: object names, labels from tags,
/// the ConfigMap of flow files, the Secret with placeholders, and the runner container's
/// environment (secrets as secretKeyRef), resources and volumes.

#include "Exporter.h"
#include "yaml/YamlDocument.h"

namespace flowdeck::kube {

/// Where the runner container finds the flows and keeps its (throwaway) run database.
inline constexpr const char *flowsMount = "/flows";
inline constexpr const char *dataMount = "/var/lib/flowdeck";

QString flowsConfigMapName(const ExportRequest &r);
QString secretName(const ExportRequest &r);
/// metadata: name, namespace (when set), labels.
yaml::Node metadata(const ExportRequest &r, const QString &name);
/// flowdeck.dev/flow, flowdeck.dev/deployment and one `tags.flowdeck.dev/TAG: "true"` per tag.
yaml::Node labels(const ExportRequest &r);
/// The ConfigMap holding every flow file of the request.
yaml::Node flowsConfigMap(const ExportRequest &r);
/// The Secret with one placeholder per secret name, or a null node when there are none.
yaml::Node secretPlaceholders(const ExportRequest &r);
/// The Namespace object when kube_namespace is set, else a null node.
yaml::Node namespaceObject(const ExportRequest &r);
/// The container's env: env_vars (secrets as secretKeyRef), FLOWDECK_SECRET_* for the flows'
/// secret references, and where the run database goes.
yaml::Node environment(const ExportRequest &r);
/// requests and limits from cpu_* and memory_*, canonical; a null node when none is set.
yaml::Node resources(const ExportRequest &r);
/// The flows ConfigMap volume and the data volume (a PVC from storage_config, else emptyDir).
yaml::Node volumes(const ExportRequest &r);
yaml::Node volumeMounts();
/// Runs as an unprivileged user, as the Docker image does.
yaml::Node podSecurityContext();
/// The flow file's path inside the container.
QString flowPathInContainer(const ExportRequest &r);
/// `--param NAME=VALUE` for each parameter the deployment sets (text as it is, others as JSON);
/// the flow's defaults stay in the flow file.
QStringList parameterArguments(const ExportRequest &r);
/// A value as text: strings as they are, everything else as compact JSON.
QString valueText(const QVariant &value);
/// The object names of a deployment's schedules: NAME-SCHEDULE or NAME-1, NAME-2...
QString scheduleObjectName(const ExportRequest &r, size_t index);

}  // namespace flowdeck::kube
