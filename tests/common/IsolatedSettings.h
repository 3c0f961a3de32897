#pragma once
// GUI tests never read or write the real user's settings (recent files, window state,
// sessions): QStandardPaths' test mode, and QSettings kept in a folder of the test's own under
// an organisation and application name of its own.

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

namespace flowdeck::test {

inline void isolateSettings(const QString &folder, const QString &testName) {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
    QCoreApplication::setOrganizationName(QStringLiteral("FlowdeckTest"));
    QCoreApplication::setApplicationName(testName);
}

}  // namespace flowdeck::test
