#pragma once
/// @file A recorded run as trace JSON, read from the store: what `flowdeck-cli runs trace` and
/// the run detail's Export Trace write (Chrome trace events for Perfetto, or OTLP JSON).

#include "run/RunRecords.h"

#include <QByteArray>
#include <QString>

namespace flowdeck {

class RunStore;

enum class TraceFormat { Chrome, Otlp };

/// @p run's attempts, task runs and samples from @p store, as one line of compact JSON in
/// @p format. @p attempts (optional) gets how many attempts the trace holds.
QByteArray runTraceJson(RunStore &store, const FlowRunRecord &run, TraceFormat format, int *attempts = nullptr);

/// Writes @p bytes to @p path atomically (a reader never sees half a trace); false, with
/// @p error, when it cannot.
bool writeTraceFile(const QString &path, const QByteArray &bytes, QString *error);

}  // namespace flowdeck
