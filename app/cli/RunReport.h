#pragma once
/// @file How runs read on a terminal and in JSON: live progress, summaries, run tables.

#include "engine/RunServices.h"
#include "flow/Flow.h"
#include "run/RunEvent.h"
#include "store/RunStore.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>

#include <string>

namespace flowdeck::cli {

/// Prints one line per task state change worth seeing, with the time since the run started. A
/// listener of the run on its own thread (the CLI runs it there); subflow runs are not printed.
class ProgressPrinter : public RunEventSink {
public:
    explicit ProgressPrinter(bool enabled) : m_enabled(enabled) { m_clock.start(); }
    /// The run whose events it prints.
    void follow(const QString &runId) { m_runId = runId; }
    void post(const RunEvent &event) override;
    void post(const LogLine &) override {}
    void post(const MetricSample &) override {}

private:
    bool m_enabled;
    QString m_runId;
    QElapsedTimer m_clock;
};

/// How much of a run's task table a summary shows, and in which order.
struct SummaryOptions {
    /// The flow's tasks, upstreams first, then as written (flowTaskOrder()); tasks it does not
    /// name (an older version of the file) follow in the store's order.
    QStringList taskOrder;
    bool all = false;  ///< every task, not a screenful
};

/// The rows a summary shows without --all: failed and retried tasks first, then the rest.
constexpr int kSummaryRows = 20;

/// The run's state and counts, then its task table (failed and retried tasks first, each with
/// its attempts; then the others in flow order; at most kSummaryRows unless options.all), as
/// `run` and `runs show` print them.
QString runSummary(const RunStore &store, const QString &runId, const SummaryOptions &options = {});
/// The task names of @p flow upstreams first, ties in file order (file order if it has a cycle).
QStringList flowTaskOrder(const Flow &flow);
/// The same for the flow file a run came from, when it can still be read; else empty.
QStringList flowTaskOrder(const FlowRunRecord &run);
/// The same as JSON: {"run": the record, "status": FlowRunStatus fields, "tasks": [every task
/// in flow order, each with its "attempts"], "metrics": FlowMetrics fields}.
/// The run, its status, metrics and every task run with its attempts, as indented JSON text.
std::string runJson(const RunStore &store, const QString &runId, const QStringList &taskOrder = {});
QJsonObject toJson(const FlowRunRecord &run);
QJsonObject toJson(const FlowMetrics &metrics);
QString metricsText(const FlowMetrics &metrics);
/// Seconds between a start and an end in ms since the epoch; 0 while either is missing.
double durationSeconds(qint64 startMs, qint64 endMs);
/// "extract", or "extract[2]" for item 2 of a mapped task.
QString taskLabel(const QString &task, int mapIndex);
/// "12345678-aaaa…" shortened to the first 8 characters, as `runs list` shows ids.
QString shortId(const QString &id);

}  // namespace flowdeck::cli
