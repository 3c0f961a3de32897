#pragma once
/// @file How runs read on a terminal and in JSON: live progress, summaries, run tables.

#include "engine/RunServices.h"
#include "run/RunEvent.h"
#include "store/RunStore.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>

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

/// The run's state, its task table (with the attempts of tasks that were retried or failed) and
/// its metrics, as `run` and `runs show` print them.
QString runSummary(const RunStore &store, const QString &runId);
/// The same as JSON: {"run": the record, "status": FlowRunStatus fields, "tasks": [... each with
/// its "attempts"], "metrics": FlowMetrics fields}.
QJsonObject runJson(const RunStore &store, const QString &runId);
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
