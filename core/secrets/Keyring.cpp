#include "Keyring.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace flowdeck {

namespace {

/// The entry holding the stored names; '.' cannot occur in a secret name, so it never clashes.
const QString indexKey = QStringLiteral(".flowdeck-secret-names");

/// Runs @p job to its end and fills a result from its outcome.
KeyringResult finish(QKeychain::Job &job) {
    KeyringResult result;
    if (const auto why = Keyring::unavailableReason()) {
        result.error = *why;
        return result;
    }
    job.setAutoDelete(false);
    job.setInsecureFallback(false);  // never a plain-text file instead of the keyring
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    result.ok = job.error() == QKeychain::NoError;
    result.notFound = job.error() == QKeychain::EntryNotFound;
    if (!result.ok && !result.notFound) result.error = QStringLiteral("the keyring refused: %1").arg(job.errorString());
    return result;
}

QStringList parseNames(const QString &text) {
    QStringList names;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array()) names << v.toString();
    return names;
}

KeyringResult saveNames(QStringList names) {
    names.removeDuplicates();
    names.sort();
    QKeychain::WritePasswordJob job(QString::fromLatin1(Keyring::service));
    job.setKey(indexKey);
    job.setTextData(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact)));
    return finish(job);
}

}  // namespace

std::optional<QString> Keyring::unavailableReason() {
    if (!QCoreApplication::instance()) return QStringLiteral("the keyring needs a running application");
    // Without a session bus libsecret would try to start one through X11 and fail slowly.
    const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (address.isEmpty() && (runtimeDir.isEmpty() || !QFileInfo::exists(runtimeDir + QStringLiteral("/bus"))))
        return QStringLiteral("no desktop keyring here (no D-Bus session bus)");
    return std::nullopt;
}

KeyringResult Keyring::read(const QString &name) {
    QKeychain::ReadPasswordJob job(QString::fromLatin1(service));
    job.setKey(name);
    KeyringResult result = finish(job);
    if (result.ok) result.value = job.textData();
    return result;
}

KeyringResult Keyring::write(const QString &name, const QString &value) {
    QKeychain::WritePasswordJob job(QString::fromLatin1(service));
    job.setKey(name);
    job.setTextData(value);
    KeyringResult result = finish(job);
    if (!result.ok) return result;
    QStringList stored;
    names(&stored);
    stored << name;
    return saveNames(stored);
}

KeyringResult Keyring::remove(const QString &name) {
    // Secret Service deletes a missing entry without complaint; ask first, so the user hears of a typo.
    const KeyringResult existing = read(name);
    if (!existing.ok) return {false, existing.notFound, {}, existing.error};
    QKeychain::DeletePasswordJob job(QString::fromLatin1(service));
    job.setKey(name);
    KeyringResult result = finish(job);
    if (!result.ok && !result.notFound) return result;
    QStringList stored;
    if (names(&stored).ok && stored.removeAll(name) > 0) saveNames(stored);
    return result;
}

KeyringResult Keyring::names(QStringList *out) {
    out->clear();
    QKeychain::ReadPasswordJob job(QString::fromLatin1(service));
    job.setKey(indexKey);
    KeyringResult result = finish(job);
    if (result.ok) *out = parseNames(job.textData());
    if (result.notFound) result = {true, false, {}, {}};  // nothing stored yet
    return result;
}

}  // namespace flowdeck
