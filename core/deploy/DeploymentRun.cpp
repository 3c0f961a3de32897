#include "DeploymentRun.h"

#include "Exporter.h"

namespace flowdeck {

namespace {

void addDeploymentEnv(Task &task, const std::vector<DeploymentEnvVar> &vars) {
    for (const DeploymentEnvVar &var : vars) {
        const bool own = std::any_of(task.env.begin(), task.env.end(),
                                     [&](const EnvVar &e) { return e.name == var.name; });
        if (own) continue;
        EnvVar env;
        env.name = var.name;
        env.value = var.value;
        env.secret = var.isSecret();
        env.secretName = var.secretName;
        task.env.push_back(env);
    }
}

}  // namespace

DeploymentRunPlan planDeploymentRun(const DeploymentConfig &deployment) {
    DeploymentRunPlan plan;
    plan.problems = validateDeployment(deployment);
    if (hasErrors(plan.problems)) return plan;
    ExportRequest request;
    prepareExport(deployment, &request);
    plan.flow = request.flow;
    plan.flowPath = request.flowPath;
    plan.parameters = request.parameters;
    for (Task &task : plan.flow.tasks) addDeploymentEnv(task, deployment.envVars);
    return plan;
}

}  // namespace flowdeck
