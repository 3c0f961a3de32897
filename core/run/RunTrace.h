#pragma once
/// @file A run as an execution trace: Chrome's trace-event JSON (Perfetto and chrome://tracing
/// open it) and OpenTelemetry spans as OTLP JSON (what an OTLP/HTTP collector accepts), one span
/// per task attempt with its state, exit status and resources.

#include "run/RunRecords.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace flowdeck {

/// What a trace is made of: the run, its attempts (each a slice, or a span), its task runs
/// (those that never had an attempt, cached or skipped, are marks) and its resource samples.
struct RunTraceInput {
    FlowRunRecord run;
    std::vector<AttemptRecord> attempts;
    std::vector<TaskRunRecord> taskRuns;
    std::vector<MetricSample> samples;
};

/// {"traceEvents": [...], "displayTimeUnit": "ms"}: the run on the first row, attempts as
/// complete ("X") events on rows by concurrency (a row per task running at the same time),
/// cached and skipped tasks as instant events, the summed memory of running tasks as a counter.
/// Times are µs since the epoch.
QJsonObject chromeTrace(const RunTraceInput &input);

/// An ExportTraceServiceRequest in OTLP JSON (opentelemetry-proto's JSON mapping: lowerCamelCase
/// keys, hex trace and span ids, enums as integers, 64-bit integers as decimal strings): one
/// trace per run (its id is the run's), a root span for the run and a child span per attempt.
/// @p version is the service.version and the instrumentation scope's version.
QJsonObject otlpTrace(const RunTraceInput &input, const QString &version);

}  // namespace flowdeck
