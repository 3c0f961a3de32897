#pragma once
/// @file The names other systems accept: Kubernetes object names and labels (RFC 1123),
/// environment variable names and container image references. Each check returns what is
/// wrong in words a user can act on, or nothing.

#include <QString>

#include <optional>

namespace flowdeck {

/// Kubernetes's longest name for an object of each kind the exporters write.
enum class KubeNameLimit {
    Label = 63,    ///< RFC 1123 DNS label: Namespace, Service, container and DAG task names
    CronJob = 52,  ///< a CronJob's Jobs get an 11-character suffix, so 63 - 11
};

/// Why @p name is not an RFC 1123 label of at most @p limit characters, or nothing.
std::optional<QString> dnsLabelProblem(const QString &name, KubeNameLimit limit = KubeNameLimit::Label);
/// @p text made into a DNS label: lower case, runs of other characters as '-', trimmed to @p limit.
QString toDnsLabel(const QString &text, int limit = 63);
/// Why @p value cannot be a Kubernetes label value (63 characters of [A-Za-z0-9._-], alphanumeric
/// at both ends), or nothing.
std::optional<QString> labelValueProblem(const QString &value);
/// @p text made into a label value (invalid characters as '-', trimmed); may be empty.
QString toLabelValue(const QString &text);
/// Why @p name is not a portable environment variable name ([A-Za-z_][A-Za-z0-9_]*), or nothing.
std::optional<QString> environmentNameProblem(const QString &name);
/// Why @p image is not a container image reference ([registry[:port]/]path[:tag][@sha256:...]), or nothing.
std::optional<QString> imageReferenceProblem(const QString &image);

}  // namespace flowdeck
