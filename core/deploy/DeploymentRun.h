#pragma once
/// @file Running a deployment on this machine now: its flow with the deployment's parameters and
/// environment, as the exported targets run it (the GUI's Run now).

#include "DeploymentConfig.h"
#include "flow/Flow.h"

#include <QVariantMap>

namespace flowdeck {

/// What a local run of a deployment starts: the flow (its tasks carrying the deployment's env
/// vars), its file and the typed parameter values; or why it cannot start.
struct DeploymentRunPlan {
    Flow flow;
    QString flowPath;
    QVariantMap parameters;
    Diagnostics problems;
    bool ok() const { return !hasErrors(problems); }
};

/// The deployment's env vars go to every task that does not set the same name itself (a task's
/// own env wins, as it does inside an exported container); secrets stay references, resolved
/// when the task starts. Refused when validateDeployment() finds an error.
DeploymentRunPlan planDeploymentRun(const DeploymentConfig &deployment);

}  // namespace flowdeck
