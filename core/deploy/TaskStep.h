#pragma once
/// @file One task of a flow run on its own, as an exported step does it (`flowdeck-cli task run`
/// in an Argo or Kubernetes pod): parameters and upstream results come in, the result goes out,
/// retries and the timeout are those of the task. It needs no database.

#include "engine/RunState.h"
#include "flow/Diagnostic.h"
#include "flow/Flow.h"

#include <QHash>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

namespace flowdeck {

class CancelToken;
class SecretResolver;

struct TaskStepRequest {
    Flow flow;
    QString flowPath;  ///< absolute; its folder is the task's working directory
    QString task;
    /// {"params": {...}, "upstream": {TASK: result}, "item": ..., "index": N}: the inputs file's shape.
    QVariantMap inputs;
    QHash<QString, QString> parameterText;  ///< `--param NAME=VALUE`, over inputs.params
    std::optional<int> retries;             ///< overrides the task's (Argo retries the pod itself)
    QString python = QStringLiteral("python3");
    QString shell = QStringLiteral("bash");
    double killGraceSeconds = 5;
    qint64 memoryLimitBytes = 0;
    QString runDirectory;      ///< FLOWDECK_RUN_DIR (may be shared by the steps of one run)
    QString scratchDirectory;  ///< this step's own inputs and result files; empty: RUN_DIR/.scratch
    std::shared_ptr<const SecretResolver> secrets;  ///< null: standardSecretResolver()
    const CancelToken *cancel = nullptr;
};

struct TaskStepResult {
    RunState state = RunState::Failed;  ///< Completed, Failed, TimedOut or Cancelled
    QString message;
    QVariant result;
    int attempts = 0;
    Diagnostics problems;  ///< why the step could not start (unknown task, bad parameter, missing secret)
};

/// Every state change of the step: attempt number, state, message.
using StepStateSink = std::function<void(int attempt, RunState state, const QString &message)>;

/// Runs @p request's task to its end on the calling thread: attempts, retry delays with jitter,
/// the timeout of each attempt. Logs are masked before they reach @p log.
TaskStepResult runTaskStep(const TaskStepRequest &request, const std::function<void(const LogLine &)> &log,
                           const StepStateSink &onState);

}  // namespace flowdeck
