#pragma once
/// @file Test helper: running flowdeck-cli in a folder of its own.

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

/// What a finished flowdeck-cli printed and how it exited.
struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

/// The flowdeck-cli under test: $FLOWDECK_CLI, which the test registration sets.
inline QString cliPath() {
    const QString fromEnv = qEnvironmentVariable("FLOWDECK_CLI");
    return fromEnv.isEmpty() ? QStringLiteral(FLOWDECK_BINARY_DIR "/app/flowdeck-cli") : fromEnv;
}

/// This process's environment with the run database, app log and data folder inside @p dir,
/// so that tests never touch the user's.
inline QProcessEnvironment isolatedEnvironment(const QTemporaryDir &dir) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FLOWDECK_DB"), dir.filePath(QStringLiteral("runs.db")));
    env.insert(QStringLiteral("FLOWDECK_LOG_DIR"), dir.filePath(QStringLiteral("logs")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    return env;
}

#include <QProcess>
#include <QStringList>

/// Runs flowdeck-cli with @p args in @p folder under @p env to its end (killed after
/// @p timeoutMs); the exit code is -1 when it did not exit normally.
inline CliResult runCliIn(const QString &folder, const QProcessEnvironment &env, const QStringList &args,
                          int timeoutMs = 120000) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(folder);
    p.start(cliPath(), args);
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs)) p.kill();
    p.waitForFinished(5000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}
