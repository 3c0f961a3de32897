#include "DeploymentLaunch.h"

#include "deploy/DeploymentRun.h"
#include "deploy/ExportWriter.h"
#include "deploy/Exporter.h"
#include "runs/RunController.h"
#include "workspace/WorkspaceSession.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include <algorithm>

namespace flowdeck {

LaunchResult refusedLaunch(const QString &workspaceFile, const QString &message) {
    Diagnostic d;
    d.file = workspaceFile;
    d.message = message;
    LaunchResult refused;
    refused.problems.push_back(d);
    return refused;
}

LaunchResult launchDeployment(RunController &runs, const QString &workspaceFile,
                              const DeploymentConfig &deployment) {
    const DeploymentRunPlan plan = planDeploymentRun(deployment);
    if (!plan.ok()) {
        LaunchResult refused;
        refused.problems = plan.problems;
        return refused;
    }
    const QString folder = QFileInfo(workspaceFile).absolutePath();
    if (runs.workspace() != folder) {
        if (runs.isRunning()) return refusedLaunch(workspaceFile, QObject::tr("a run of another workspace is going"));
        runs.setWorkspace(folder);
    }
    QString error;
    WorkspaceSession *session = runs.session(&error);
    if (!session) return refusedLaunch(workspaceFile, error);
    LaunchRequest request;
    request.flow = plan.flow;
    request.flowPath = plan.flowPath;
    request.options = session->runOptionsFor(plan.flow);
    request.options.parameterValues = plan.parameters;
    request.options.deployment = deployment.name;
    request.options.trigger = QStringLiteral("deployment");
    return runs.start(request);
}

QString exportDeploymentInteractively(QWidget *parent, const QString &workspaceFile,
                                      const DeploymentConfig &deployment, bool *failed) {
    *failed = false;
    const ExportResult result = exportDeployment(deployment);
    if (!result.ok()) {
        *failed = true;
        const auto first = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                        [](const Diagnostic &d) { return d.severity == Severity::Error; });
        return QObject::tr("Not exported: %1").arg(first->message);
    }
    const QString chosen = QFileDialog::getExistingDirectory(parent, QObject::tr("Export Into Folder"),
                                                             QFileInfo(workspaceFile).absolutePath());
    if (chosen.isEmpty()) return {};
    const QString out = QDir(chosen).filePath(deployment.name);
    bool force = false;
    if (QFileInfo::exists(out)) {
        if (QMessageBox::question(parent, QObject::tr("Replace Folder"),
                                  QObject::tr("%1 exists. Replace it with the export?").arg(out)) != QMessageBox::Yes)
            return {};
        force = true;
    }
    const QString error = writeExport(result.files, out, force);
    *failed = !error.isEmpty();
    return error.isEmpty()
               ? QObject::tr("Exported %1 files to %2").arg(result.files.size()).arg(QDir::toNativeSeparators(out))
               : error;
}

}  // namespace flowdeck
