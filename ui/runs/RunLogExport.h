#pragma once
/// @file Writes a run's whole log to a text file, a page of lines at a time (a million-line log
/// is never held at once), whole or not at all.

#include <QString>

namespace flowdeck {

class RunStore;

/// One line per log line: "2026-11-26 14:03:07.170 task[2] #1 INFO stdout: text". Returns the
/// number of lines written, or -1 with @p error when the file cannot be written.
qint64 exportRunLog(const RunStore &store, const QString &runId, const QString &path, QString *error);

/// The text of one stored line, as the export and the log view's copy write it.
QString logLineText(const struct StoredLogLine &line);

}  // namespace flowdeck
