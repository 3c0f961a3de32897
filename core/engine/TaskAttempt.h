#pragma once
/// @file One attempt of one task run, executed on a pool thread: a script, a built-in or a
/// subflow. It reads nothing of the orchestrator's state; everything it needs is copied in.

#include "RunServices.h"
#include "SecretMasker.h"
#include "flow/Flow.h"
#include "run/RunEvent.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace flowdeck {

class CancelToken;
class SecretResolver;

/// Everything one attempt needs, prepared by the orchestrator.
struct AttemptInput {
    Task task;  ///< a copy: the run works on a snapshot of the flow
    QString flowName;
    QString flowDirectory;
    QString runId;
    QString runDirectory;
    QString scratchDirectory;  ///< where inputs and result files go (in memory when possible)
    int mapIndex = -1;
    int attempt = 1;
    QVariant mapItem;
    QVariantMap parameters;
    QVariantMap upstream;  ///< upstream task -> result
    QHash<QString, QString> baseEnvironment;
    QString python;
    QString shell;
    double killGraceSeconds = 5;
    qint64 memoryLimitBytes = 0;
    int maxParallel = 0;         ///< the run's; a subflow runs no more at once (0: not set)
    SecretMasker masker;
    RunServices services;  ///< the parent run's, for subflow runs
    std::shared_ptr<const SecretResolver> secrets;  ///< handed to subflow runs
    const CancelToken *cancel = nullptr;
};

struct AttemptResult {
    RunState state = RunState::Failed;  ///< Completed, Failed, TimedOut or Cancelled
    QString message;
    QVariant result;
    int exitCode = -1;
    qint64 peakRssBytes = 0;
    double cpuSeconds = 0;
};

using LogSink = std::function<void(LogLine)>;
using SampleSink = std::function<void(const MetricSample &)>;

/// Runs the attempt to its end on the calling thread. Its output lines go to @p log, the
/// resource samples of its process tree to @p sample (when given).
AttemptResult runAttempt(const AttemptInput &input, const LogSink &log, const SampleSink &sample = {});

/// Environment variable name of a parameter or upstream: FLOWDECK_PARAM_MY_NAME.
QString environmentName(const QString &prefix, const QString &name);
/// A value as environment text: strings as they are, everything else as compact JSON.
QString environmentText(const QVariant &value);

}  // namespace flowdeck
