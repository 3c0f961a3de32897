// docker: a Dockerfile for a small runner image (Debian slim, only what flowdeck-cli needs,
// a non-root user, a HEALTHCHECK), .dockerignore, and a compose file that serves the schedules.

#include "ExportFiles.h"
#include "Exporter.h"
#include "KubeNames.h"
#include "KubernetesObjects.h"
#include "Quantity.h"
#include "secrets/SecretResolver.h"
#include "yaml/YamlDocument.h"

namespace flowdeck {

namespace {

using exportfiles::hashComment;
using yaml::Node;

/// Runtime libraries of flowdeck-cli on Debian 12 (what `ldd flowdeck-cli` resolves to), plus
/// the interpreters tasks run with and tini to reap their children.
const QStringList runtimePackages = {
    "bash",         "ca-certificates", "libfmt9",         "libical3",        "libqt6concurrent6",
    "libqt6core6",  "libqt6dbus6",     "libqt6keychain1", "libqt6sql6",      "libqt6sql6-sqlite",
    "libspdlog1.10", "libsqlite3-0",   "libyaml-0-2",     "libyaml-cpp0.7",  "python3",
    "tini"};

QString imageName(const ExportRequest &r) {
    if (!r.deployment.imageName.isEmpty()) return r.deployment.imageName;
    return QStringLiteral("flowdeck-%1:%2")
        .arg(toDnsLabel(r.deployment.name), r.deployment.version.isEmpty() ? QStringLiteral("latest") : toLabelValue(r.deployment.version));
}

class DockerExporter : public Exporter {
public:
    DeploymentType type() const override { return DeploymentType::Docker; }
    QString summary() const override {
        return QStringLiteral("Docker: a Dockerfile for a small runner image, .dockerignore, and a compose file serving the schedules");
    }
    QStringList fields() const override {
        return {"image_name", "dockerfile", "cpu_limit", "memory_request", "memory_limit", "storage_config", "pool_name",
                "work_queue_name"};
    }
    Diagnostics check(const ExportRequest &) const override { return {}; }

    ExportResult exportFlow(const ExportRequest &r) const override {
        ExportResult result;
        exportfiles::addFlowFiles(r, QStringLiteral("flows"), result);
        std::vector<size_t> all;
        for (size_t i = 0; i < r.deployment.schedules.size(); ++i) all.push_back(i);
        exportfiles::addServeWorkspace(r, QStringLiteral("flows"), all, result);
        exportfiles::addPythonHelper(QStringLiteral("python"), result);
        const QString dockerfile = r.deployment.dockerfile.isEmpty() ? QStringLiteral("Dockerfile") : r.deployment.dockerfile;
        result.files.push_back({dockerfile, dockerfileText(r, !all.empty()).toUtf8(), false, false});
        result.files.push_back({".dockerignore", (hashComment(r.header()) + QStringLiteral(
            "# Secrets never go into the image; the run database is a volume.\nsecrets.env\n*.db\n*.db-wal\n*.db-shm\n.git\n")).toUtf8(), false, false});
        result.files.push_back({"compose.yaml", compose(r, dockerfile, !all.empty()).toUtf8(), false, false});
        const QStringList secrets = secretLines(r);
        if (!secrets.isEmpty()) {
            result.files.push_back({"secrets.env", (hashComment(QStringLiteral(
                "Fill in the values here, on the machine that runs compose. This file is git-ignored,\n"
                "private to you (mode 600) and never copied into the image.")) + secrets.join('\n') + '\n').toUtf8(), true, false});
            result.files.push_back({".gitignore", "secrets.env\n", false, false});
        }
        return result;
    }

private:
    /// One `NAME=` line per secret: the deployment's own variables and FLOWDECK_SECRET_* for the flows'.
    static QStringList secretLines(const ExportRequest &r) {
        QStringList lines;
        for (const DeploymentEnvVar &var : r.deployment.envVars)
            if (var.isSecret()) lines << var.name + QLatin1Char('=');
        for (const FlowSource &f : r.flowFiles)
            for (const Task &t : f.flow.tasks)
                for (const EnvVar &v : t.env)
                    if (v.isReference()) lines << secretEnvironmentName(v.secretName) + QLatin1Char('=');
        lines.removeDuplicates();
        lines.sort();
        return lines;
    }

    static QString dockerfileText(const ExportRequest &r, bool serves) {
        QString out = hashComment(r.header() + QStringLiteral(
            "\nBuild context: this folder, with the flowdeck-cli binary copied next to this file\n"
            "(cp \"$(command -v flowdeck-cli)\" .), built on Debian 12 like this image."));
        out += QStringLiteral("FROM debian:12-slim\n\n");
        out += QStringLiteral("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n");
        for (const QString &p : runtimePackages) out += QStringLiteral("        %1 \\\n").arg(p);
        out += QStringLiteral("    && rm -rf /var/lib/apt/lists/*\n\n");
        out += QStringLiteral("RUN groupadd --system --gid 10001 flowdeck \\\n"
                              "    && useradd --system --uid 10001 --gid flowdeck --home-dir /var/lib/flowdeck --create-home flowdeck\n\n");
        out += QStringLiteral("COPY flowdeck-cli /usr/local/bin/flowdeck-cli\n");
        out += QStringLiteral("COPY python/ /usr/local/share/flowdeck/python/\n");
        out += QStringLiteral("COPY flows/ /flows/\n\n");
        out += QStringLiteral("ENV FLOWDECK_DB=/var/lib/flowdeck/runs.db \\\n    XDG_DATA_HOME=/var/lib/flowdeck \\\n"
                              "    FLOWDECK_LOG_DIR=/var/lib/flowdeck/logs\n");
        out += QStringLiteral("VOLUME [\"/var/lib/flowdeck\"]\nWORKDIR /flows\nUSER flowdeck\n\n");
        out += QStringLiteral("HEALTHCHECK --interval=1m --timeout=20s --start-period=10s --retries=3 CMD [\"flowdeck-cli\", \"health\"]\n\n");
        out += QStringLiteral("ENTRYPOINT [\"tini\", \"--\", \"flowdeck-cli\"]\n");
        if (serves) {
            out += QStringLiteral("CMD [\"serve\", \"--workspace\", \"/flows\"]\n");
        } else {
            QStringList args{QStringLiteral("\"run\""), QStringLiteral("\"/flows/%1\"").arg(r.flowFiles.front().relativePath)};
            for (const QString &a : kube::parameterArguments(r))
                args << QLatin1Char('"') + QString(a).replace("\\", "\\\\").replace("\"", "\\\"") + QLatin1Char('"');
            out += QStringLiteral("CMD [%1]\n").arg(args.join(QStringLiteral(", ")));
        }
        return out;
    }

    static QString compose(const ExportRequest &r, const QString &dockerfile, bool serves) {
        const DeploymentConfig &d = r.deployment;
        Node root = Node::map();
        root.set("name", toDnsLabel(d.name));
        Node &service = root.set("services", Node::map()).set("flow", Node::map());
        Node &build = service.set("build", Node::map());
        build.set("context", ".");
        build.set("dockerfile", dockerfile);
        service.set("image", imageName(r));
        Node environment = Node::map();
        for (const DeploymentEnvVar &var : d.envVars)
            if (!var.isSecret()) environment.set(var.name, var.value);
        service.setIfNotEmpty("environment", environment);
        if (!secretLines(r).isEmpty()) service.set("env_file", Node::list()).append("secrets.env");
        Node labels = Node::map();
        labels.set("dev.flowdeck.flow", r.flow.name);
        labels.set("dev.flowdeck.deployment", d.name);
        if (!d.version.isEmpty()) labels.set("dev.flowdeck.version", d.version);
        for (const QString &tag : d.tags) labels.set(QStringLiteral("dev.flowdeck.tag.") + toLabelValue(tag), "true");
        service.set("labels", labels);
        const QString volume = d.storageConfig.value(QStringLiteral("volume"), QStringLiteral("runs")).toString();
        service.set("volumes", Node::list()).append(volume + QStringLiteral(":/var/lib/flowdeck"));
        if (serves) service.set("restart", "unless-stopped");
        Node limits = Node::map();
        if (const auto cpu = parseCpuMillis(d.cpuLimit)) limits.set("cpus", QString::number(double(*cpu) / 1000.0));
        if (const auto mem = parseMemoryBytes(d.memoryLimit)) limits.set("memory", qint64(*mem));
        Node reservations = Node::map();
        if (const auto mem = parseMemoryBytes(d.memoryRequest)) reservations.set("memory", qint64(*mem));
        Node resources = Node::map();
        resources.setIfNotEmpty("limits", limits);
        resources.setIfNotEmpty("reservations", reservations);
        if (!resources.isEmpty()) service.set("deploy", Node::map()).set("resources", resources);
        root.set("volumes", Node::map()).set(volume, Node::map());
        return hashComment(r.header() + QStringLiteral("\nStart with: docker compose up -d --build")) + root.toYaml();
    }
};

}  // namespace

std::unique_ptr<Exporter> makeDockerExporter() { return std::make_unique<DockerExporter>(); }

}  // namespace flowdeck
