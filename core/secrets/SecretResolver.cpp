#include "SecretResolver.h"

#include "Keyring.h"

#include <QDir>
#include <QFile>

namespace flowdeck {

QString secretEnvironmentName(const QString &name) {
    QString upper = name.toUpper();
    upper.replace(QLatin1Char('-'), QLatin1Char('_'));
    return QStringLiteral("FLOWDECK_SECRET_") + upper;
}

StandardSecretResolver::StandardSecretResolver(QProcessEnvironment env, bool useKeyring)
    : m_env(std::move(env)), m_useKeyring(useKeyring) {}

SecretLookup StandardSecretResolver::resolve(const QString &name) const {
    SecretLookup lookup;
    const QString variable = secretEnvironmentName(name);
    if (m_env.contains(variable)) {
        lookup.value = m_env.value(variable);
        lookup.source = QStringLiteral("environment ") + variable;
        return lookup;
    }
    // systemd puts LoadCredential= files here, readable only by the unit (not in the environment).
    const QString credentials = m_env.value(QStringLiteral("CREDENTIALS_DIRECTORY"));
    if (!credentials.isEmpty()) {
        QFile file(QDir(credentials).filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            QString value = QString::fromUtf8(file.readAll());
            if (value.endsWith(QLatin1Char('\n'))) value.chop(1);  // `echo x > file` adds one
            lookup.value = value;
            lookup.source = QStringLiteral("systemd credential ") + name;
            return lookup;
        }
    }
    QString keyringNote;
    if (m_useKeyring) {
        const KeyringResult stored = Keyring::read(name);
        if (stored.ok) {
            lookup.value = stored.value;
            lookup.source = QStringLiteral("keyring");
            return lookup;
        }
        keyringNote = stored.notFound ? QStringLiteral("the keyring has no entry '%1'").arg(name) : stored.error;
    } else {
        keyringNote = QStringLiteral("the keyring is not used here");
    }
    lookup.error = QStringLiteral("secret '%1' is not set: set %2 in the environment, or store it in the keyring with "
                                  "'flowdeck-cli secret set %1' (%3)")
                       .arg(name, variable, keyringNote);
    return lookup;
}

std::shared_ptr<const SecretResolver> standardSecretResolver() {
    return std::make_shared<StandardSecretResolver>();
}

}  // namespace flowdeck
