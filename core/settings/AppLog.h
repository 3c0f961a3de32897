#pragma once
/// @file The application's own log (spdlog): what Flowdeck itself does and what went wrong in it.
///
/// Task output never goes here: a task's stdout, stderr and engine messages go to the run's logs
/// in the run store, where `flowdeck-cli runs logs` and the GUI's log dock read them. This log is
/// for Flowdeck's own diagnostics (startup, database, scheduler, Qt warnings).
///
/// Each program writes its own file, `<log_dir>/<appName>.log`, rotated at 5 MB with 3 files in
/// all. spdlog's rotation is not coordinated between processes: two `flowdeck-cli` processes
/// logging at once may interleave lines in one file, and a rotation may lose a few of them.

#include <QString>

namespace flowdeck {

class Settings;

/// Sends the default spdlog logger to the rotating file and to stderr (warning and above), at
/// the settings' log level, and forwards qDebug/qInfo/qWarning/qCritical/qFatal to it.
/// Safe to call again (e.g. with new settings): the previous setup is replaced. Call it when no
/// other thread is logging through spdlog's free functions (spdlog::info...), as spdlog requires.
/// @return false when the log file cannot be opened; the log then goes to stderr only, and
///         @p error (if given) says why.
bool setupAppLog(const Settings &settings, const QString &appName, QString *error = nullptr);

/// `<log_dir>/<appName>.log`.
QString appLogPath(const Settings &settings, const QString &appName);

/// Writes buffered lines to the file now (they are otherwise flushed every second and at once
/// for warnings and errors).
void flushAppLog();

/// Restores Qt's previous message handler and a plain stderr logger, closing the file.
void shutdownAppLog();

}  // namespace flowdeck
