#pragma once
/// @file Run now and Export for one deployment, shared by the deployment form and the
/// Deployments dock: a local run with the deployment's parameters and environment, and the
/// export's files written into a folder the user picks.

#include "deploy/DeploymentConfig.h"
#include "workspace/RunLauncher.h"

class QWidget;

namespace flowdeck {

class RunController;

/// A launch refused before it started, for @p message about @p workspaceFile.
LaunchResult refusedLaunch(const QString &workspaceFile, const QString &message);

/// Starts a local run of @p deployment (read from @p workspaceFile) on @p runs, trigger
/// "deployment". Refused, with the reason, when the flow does not plan or another workspace's
/// run is going.
LaunchResult launchDeployment(RunController &runs, const QString &workspaceFile,
                              const DeploymentConfig &deployment);

/// Asks for a parent folder (starting beside @p workspaceFile) and writes @p deployment's export
/// into PARENT/NAME, asking before replacing it. Returns what happened in a sentence, or an
/// empty string when the user cancelled; @p failed says whether it is an error.
QString exportDeploymentInteractively(QWidget *parent, const QString &workspaceFile,
                                      const DeploymentConfig &deployment, bool *failed);

}  // namespace flowdeck
