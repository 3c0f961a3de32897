#include "ExportFiles.h"

#include "KubernetesObjects.h"
#include "ScheduleTranslation.h"
#include "engine/FlowRun.h"
#include "yaml/YamlDocument.h"

#include <QFile>

namespace flowdeck::exportfiles {

QString hashComment(const QString &text) { return yaml::commentLines(0, text); }

void addFlowFiles(const ExportRequest &r, const QString &folder, ExportResult &out) {
    for (const FlowSource &f : r.flowFiles) out.files.push_back({folder + QLatin1Char('/') + f.relativePath, f.text, false, false});
}

void addServeWorkspace(const ExportRequest &r, const QString &folder, const std::vector<size_t> &indexes,
                       ExportResult &out) {
    if (indexes.empty()) return;
    yaml::Node root = yaml::Node::map();
    yaml::Node &list = root.set("schedules", yaml::Node::list());
    for (size_t i : indexes) {
        const DeploymentSchedule &s = r.deployment.schedules[i];
        yaml::Node &entry = list.append(yaml::Node::map());
        entry.set("name", kube::scheduleObjectName(r, i));
        entry.set("flow", r.flowFiles.front().relativePath);
        yaml::Node params = yaml::Node::map();
        for (auto it = r.overrides.constBegin(); it != r.overrides.constEnd(); ++it)
            params.set(it.key(), kube::valueText(it.value()));
        entry.setIfNotEmpty("parameters", params);
        if (!s.active) entry.set("active", false);
        if (s.collision != QLatin1String("enqueue")) entry.set("collision", s.collision);
        if (!r.deployment.poolName.isEmpty()) entry.set("pool", r.deployment.poolName);
        if (!r.deployment.workQueueName.isEmpty()) entry.set("queue", r.deployment.workQueueName);
        QVariantMap config = s.config.toVariantMap();
        if (!config.contains(QStringLiteral("timezone")) || config.value(QStringLiteral("timezone")).toString().isEmpty())
            config.insert(QStringLiteral("timezone"), exportZone(s));
        for (auto it = config.constBegin(); it != config.constEnd(); ++it) entry.set(it.key(), yaml::Node::fromVariant(it.value()));
    }
    out.files.push_back({folder + QStringLiteral("/flowdeck.yaml"), (hashComment(r.header()) + root.toYaml()).toUtf8(), false, false});
}

void addPythonHelper(const QString &folder, ExportResult &out) {
    QFile helper(pythonHelperDirectory() + QStringLiteral("/flowdeck/__init__.py"));
    if (!helper.open(QIODevice::ReadOnly)) {
        out.diagnostics.push_back({Severity::Error, helper.fileName(), {},
                                   QStringLiteral("cannot read Flowdeck's Python helper: %1").arg(helper.errorString()), {}, {}});
        return;
    }
    const QString prefix = folder.isEmpty() ? QString() : folder + QLatin1Char('/');
    out.files.push_back({prefix + QStringLiteral("flowdeck/__init__.py"), helper.readAll(), false, false});
}

QString shellQuote(const QString &text) {
    static const QString safe = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,@+");
    bool plain = !text.isEmpty();
    for (const QChar c : text) plain = plain && safe.contains(c);
    if (plain) return text;
    return QLatin1Char('\'') + QString(text).replace(QLatin1String("'"), QLatin1String("'\\''")) + QLatin1Char('\'');
}

}  // namespace flowdeck::exportfiles
