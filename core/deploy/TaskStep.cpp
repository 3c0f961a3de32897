#include "TaskStep.h"

#include "engine/ProcessRunner.h"
#include "engine/RetryJitter.h"
#include "engine/TaskAttempt.h"
#include "flow/FlowValidator.h"
#include "secrets/SecretResolver.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <poll.h>

namespace flowdeck {

namespace {

Diagnostic problem(const QString &file, const QString &message) {
    return {Severity::Error, file, {}, message, {}, {}};
}

/// Flow defaults < inputs.params < --param text, each checked against the parameter's type.
QVariantMap resolveParameters(const TaskStepRequest &r, Diagnostics &problems) {
    const QVariantMap given = r.inputs.value(QStringLiteral("params")).toMap();
    QStringList names;
    for (const Parameter &p : r.flow.parameters) names << p.name;
    for (const QString &name : given.keys() + r.parameterText.keys())
        if (!names.contains(name))
            problems.push_back(problem(r.flowPath, QStringLiteral("unknown parameter '%1'%2").arg(name, didYouMean(name, names))));
    QVariantMap values;
    for (const Parameter &p : r.flow.parameters) {
        QVariant value = p.defaultValue;
        if (given.contains(p.name)) value = given.value(p.name);
        QString error;
        if (r.parameterText.contains(p.name)) value = FlowValidator::valueFromText(p, r.parameterText.value(p.name), &error);
        if (!error.isEmpty()) {
            problems.push_back(problem(r.flowPath, QStringLiteral("parameter '%1': %2").arg(p.name, error)));
            continue;
        }
        if (!value.isValid()) {
            if (p.required) problems.push_back(problem(r.flowPath, QStringLiteral("parameter '%1' (%2) is required").arg(p.name, toString(p.type))));
            continue;
        }
        if (p.type == ParameterType::Float && value.typeId() != QMetaType::QString && value.canConvert<double>()) value = value.toDouble();
        if (const QString bad = FlowValidator::checkValue(p, value); !bad.isEmpty())
            problems.push_back(problem(r.flowPath, QStringLiteral("parameter '%1': %2").arg(p.name, bad)));
        else values.insert(p.name, value);
    }
    return values;
}

/// Fills in `{secret: NAME}` values on the task's copy; the masker learns every secret value.
void resolveSecrets(const TaskStepRequest &r, Task &task, SecretMasker &masker, Diagnostics &problems) {
    const auto resolver = r.secrets ? r.secrets : standardSecretResolver();
    for (EnvVar &v : task.env) {
        if (v.isReference()) {
            const SecretLookup lookup = resolver->resolve(v.secretName);
            if (!lookup.value) {
                problems.push_back(problem(r.flowPath, QStringLiteral("task '%1', env %2: %3").arg(task.name, v.name, lookup.error)));
                continue;
            }
            v.value = *lookup.value;
        }
        if (v.secret) masker.add(v.value);
    }
}

/// Waits @p seconds, or less when the step is cancelled meanwhile.
void waitUnlessCancelled(double seconds, const CancelToken *cancel) {
    pollfd fd{cancel ? cancel->fd() : -1, POLLIN, 0};
    poll(&fd, 1, int(seconds * 1000));
}

}  // namespace

TaskStepResult runTaskStep(const TaskStepRequest &r, const std::function<void(const LogLine &)> &log,
                           const StepStateSink &onState) {
    TaskStepResult result;
    const Task *found = r.flow.task(r.task);
    if (!found) {
        QStringList names;
        for (const Task &t : r.flow.tasks) names << t.name;
        result.problems.push_back(problem(r.flowPath, QStringLiteral("flow '%1' has no task '%2'%3").arg(r.flow.name, r.task, didYouMean(r.task, names))));
        return result;
    }
    AttemptInput in;
    in.task = *found;
    in.parameters = resolveParameters(r, result.problems);
    resolveSecrets(r, in.task, in.masker, result.problems);
    const QVariantMap upstream = r.inputs.value(QStringLiteral("upstream")).toMap();
    for (const QString &name : in.task.upstreamNames())
        if (upstream.contains(name)) in.upstream.insert(name, upstream.value(name));
    if (!result.problems.empty()) return result;

    in.flowName = r.flow.name;
    in.flowDirectory = QFileInfo(r.flowPath).absolutePath();
    in.runId = QStringLiteral("step-") + r.task;
    in.runDirectory = r.runDirectory;
    in.scratchDirectory = r.scratchDirectory.isEmpty() ? QDir(r.runDirectory).filePath(QStringLiteral(".scratch"))
                                                       : r.scratchDirectory;
    QDir().mkpath(in.scratchDirectory);
    if (r.inputs.contains(QStringLiteral("item"))) {
        in.mapItem = r.inputs.value(QStringLiteral("item"));
        in.mapIndex = r.inputs.value(QStringLiteral("index"), 0).toInt();
    }
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) in.baseEnvironment.insert(key, env.value(key));
    in.python = r.python;
    in.shell = r.shell;
    in.killGraceSeconds = r.killGraceSeconds;
    in.memoryLimitBytes = r.memoryLimitBytes;
    in.secrets = r.secrets ? r.secrets : standardSecretResolver();
    in.cancel = r.cancel;

    const int retries = r.retries.value_or(in.task.retries);
    for (int attempt = 1;; ++attempt) {
        in.attempt = attempt;
        result.attempts = attempt;
        onState(attempt, attempt == 1 ? RunState::Running : RunState::Retrying, {});
        const AttemptResult a = runAttempt(in, log);
        result.state = a.state;
        result.message = a.message;
        result.result = a.result;
        const bool retryable = a.state == RunState::Failed || a.state == RunState::TimedOut;
        if (!retryable || attempt > retries || (r.cancel && r.cancel->isCancelled())) break;
        const double delay = jitteredDelay(in.task.retryDelay.delayBefore(attempt), in.task.retryJitter,
                                           QRandomGenerator::global()->generateDouble());
        onState(attempt, RunState::AwaitingRetry,
                QStringLiteral("attempt %1 of %2 %3: %4; retrying in %5s").arg(attempt).arg(retries + 1)
                    .arg(toString(a.state).toLower(), a.message).arg(delay, 0, 'f', 2));
        waitUnlessCancelled(delay, r.cancel);
        if (r.cancel && r.cancel->isCancelled()) {
            result.state = RunState::Cancelled;
            result.message = QStringLiteral("cancelled");
            break;
        }
    }
    result.result = in.masker.mask(result.result);
    onState(result.attempts, result.state, result.message);
    return result;
}

}  // namespace flowdeck
