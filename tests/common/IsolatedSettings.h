#pragma once
// GUI tests never read or write the real user's settings (recent files, window state,
// sessions): QStandardPaths' test mode, and QSettings kept in a folder of the test's own under
// an organisation and application name of its own.

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

namespace flowdeck::test {

inline void isolateSettings(const QString &folder, const QString &testName) {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
    QCoreApplication::setOrganizationName(QStringLiteral("FlowdeckTest"));
    QCoreApplication::setApplicationName(testName);
}

}  // namespace flowdeck::test

namespace flowdeck::test {

/// A run-side GUI test's own data, log and trust folders under @p home, and no FLOWDECK_DB (each
/// workspace then uses the database its flowdeck.yaml names).
inline void isolateRunFolders(const QTemporaryDir &home) {
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("FLOWDECK_LOG_DIR", home.filePath(QStringLiteral("logs")).toUtf8());
    qputenv("FLOWDECK_TRUST_FILE", home.filePath(QStringLiteral("trusted")).toUtf8());
    qunsetenv("FLOWDECK_DB");
}

/// The trusted-folders file and the run database (FLOWDECK_DB) a GUI test's windows use.
inline void useRunDatabase(const QString &trustFile, const QString &database) {
    QStandardPaths::setTestModeEnabled(true);
    qputenv("FLOWDECK_TRUST_FILE", trustFile.toUtf8());
    qputenv("FLOWDECK_DB", database.toUtf8());
}

inline void forgetRunDatabase() {
    qunsetenv("FLOWDECK_DB");
    qunsetenv("FLOWDECK_TRUST_FILE");
}

}  // namespace flowdeck::test
