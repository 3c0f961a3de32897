#include "AutosaveStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>

#include <signal.h>

namespace flowdeck {

namespace {

const QString textSuffix = QStringLiteral(".flow.yaml");
const QString sidecarSuffix = QStringLiteral(".json");

// Sessions of this process that are still open; a window's autosaves stay its own while it lives.
QSet<int> &liveSessions() {
    static QSet<int> sessions;
    return sessions;
}

int nextSession() {
    static int last = 0;
    return ++last;
}

bool processExists(qint64 pid) {
    // Signal 0 only checks: EPERM still means a process of that id exists.
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

bool writeAtomically(const QString &path, const QByteArray &bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    file.write(bytes);
    return file.commit();
}

}  // namespace

QString AutosaveStore::defaultFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

AutosaveStore::AutosaveStore(const QString &folder) : m_folder(folder), m_session(nextSession()) {
    liveSessions().insert(m_session);
}

AutosaveStore::~AutosaveStore() {
    endSession();
}

void AutosaveStore::endSession() {
    liveSessions().remove(m_session);
}

QString AutosaveStore::keyFor(const QString &path, int untitledNumber) {
    if (path.isEmpty()) return QStringLiteral("untitled-%1").arg(untitledNumber);
    const QByteArray hash = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QString::fromLatin1(hash.left(16));
}

QString AutosaveStore::sidecarPath(const QString &key) const {
    return m_folder + QLatin1Char('/') + key + sidecarSuffix;
}

bool AutosaveStore::write(const QString &key, const QByteArray &text, const QString &originalPath,
                          const QString &title) const {
    if (!QDir().mkpath(m_folder)) return false;
    QJsonObject sidecar;
    sidecar.insert(QStringLiteral("path"), originalPath);
    sidecar.insert(QStringLiteral("title"), title);
    sidecar.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    sidecar.insert(QStringLiteral("pid"), QCoreApplication::applicationPid());
    sidecar.insert(QStringLiteral("session"), m_session);
    return writeAtomically(m_folder + QLatin1Char('/') + key + textSuffix, text) &&
           writeAtomically(sidecarPath(key), QJsonDocument(sidecar).toJson());
}

void AutosaveStore::remove(const QString &key) const {
    QFile::remove(sidecarPath(key));
    QFile::remove(m_folder + QLatin1Char('/') + key + textSuffix);
}

QByteArray AutosaveStore::read(const AutosaveEntry &entry) const {
    QFile file(entry.textPath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool AutosaveStore::isLive(qint64 pid, int session) const {
    if (pid != QCoreApplication::applicationPid()) return processExists(pid);
    return liveSessions().contains(session);
}

std::vector<AutosaveEntry> AutosaveStore::orphans() const {
    std::vector<AutosaveEntry> entries;
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList({QStringLiteral("*") + sidecarSuffix}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        if (isLive(qint64(json.value(QStringLiteral("pid")).toDouble()),
                   json.value(QStringLiteral("session")).toInt()))
            continue;
        AutosaveEntry entry;
        entry.key = name.chopped(sidecarSuffix.size());
        entry.textPath = dir.filePath(entry.key + textSuffix);
        entry.originalPath = json.value(QStringLiteral("path")).toString();
        entry.title = json.value(QStringLiteral("title")).toString();
        entry.time = QDateTime::fromString(json.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        if (QFile::exists(entry.textPath)) entries.push_back(entry);
    }
    std::sort(entries.begin(), entries.end(),
              [](const AutosaveEntry &a, const AutosaveEntry &b) { return a.time > b.time; });
    return entries;
}

}  // namespace flowdeck
