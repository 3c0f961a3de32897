#include "WorkspaceTrust.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <sys/stat.h>

namespace flowdeck {

WorkspaceTrust::WorkspaceTrust(QString file) : m_file(std::move(file)) {
    QFile in(m_file);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text)) return;
    for (const QByteArray &line : in.readAll().split('\n')) {
        const QString path = QString::fromUtf8(line).trimmed();
        if (QDir::isAbsolutePath(path) && !m_folders.contains(path)) m_folders << path;
    }
}

QString WorkspaceTrust::defaultFile() {
    const QString fromEnv = qEnvironmentVariable("FLOWDECK_TRUST_FILE");
    if (!fromEnv.isEmpty()) return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/flowdeck/trusted-workspaces");
}

QString WorkspaceTrust::realPath(const QString &folder) {
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(QFileInfo(folder).absoluteFilePath()) : canonical;
}

bool WorkspaceTrust::isTrusted(const QString &folder) const {
    if (folder.isEmpty()) return false;
    const QString path = realPath(folder);
    for (const QString &trusted : m_folders) {
        // "/home/a/work" trusts "/home/a/work/x", not "/home/a/workshop".
        if (path == trusted || path.startsWith(trusted.endsWith(QLatin1Char('/')) ? trusted : trusted + QLatin1Char('/')))
            return true;
    }
    return false;
}

bool WorkspaceTrust::trust(const QString &folder, QString *error) {
    const QString path = realPath(folder);
    if (m_folders.contains(path)) return true;
    m_folders << path;
    return save(error);
}

bool WorkspaceTrust::revoke(const QString &folder, QString *error) {
    if (m_folders.removeAll(realPath(folder)) == 0) return true;
    return save(error);
}

bool WorkspaceTrust::save(QString *error) const {
    const QString dir = QFileInfo(m_file).absolutePath();
    if (!QDir().mkpath(dir)) {
        if (error) *error = QStringLiteral("cannot create the folder %1").arg(dir);
        return false;
    }
    QSaveFile out(m_file);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(m_file, out.errorString());
        return false;
    }
    // Which folders a user trusts is theirs alone to see (and to change), whatever the umask.
    ::fchmod(out.handle(), S_IRUSR | S_IWUSR);
    out.write(m_folders.join(QLatin1Char('\n')).toUtf8() + '\n');
    if (!out.commit()) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(m_file, out.errorString());
        return false;
    }
    return true;
}

}  // namespace flowdeck
