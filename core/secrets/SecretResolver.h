#pragma once
/// @file Finding the value of a secret that a flow or deployment names (`{secret: NAME}`) when a
/// run starts: the environment, systemd credentials, then the desktop keyring.

#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <optional>

namespace flowdeck {

/// The outcome of looking a secret up.
struct SecretLookup {
    std::optional<QString> value;
    QString source;  ///< where it was found, e.g. "environment FLOWDECK_SECRET_WAREHOUSE_TOKEN"
    QString error;   ///< when not found: names the secret and every way to provide it
};

/// Answers "what is the value of secret NAME"; the engine asks once per reference and run.
class SecretResolver {
public:
    virtual ~SecretResolver() = default;
    virtual SecretLookup resolve(const QString &name) const = 0;
};

/// FLOWDECK_SECRET_<NAME> ('-' as '_', upper case): FLOWDECK_SECRET_WAREHOUSE_TOKEN.
QString secretEnvironmentName(const QString &name);

/// The resolution order of docs/deployments.md: `FLOWDECK_SECRET_<NAME>` in @p env (containers,
/// CI), then `$CREDENTIALS_DIRECTORY/<name>` (a systemd unit's `LoadCredential=`), then the
/// desktop keyring where a session bus exists; else an error saying how to provide it.
class StandardSecretResolver : public SecretResolver {
public:
    explicit StandardSecretResolver(QProcessEnvironment env = QProcessEnvironment::systemEnvironment(),
                                    bool useKeyring = true);
    SecretLookup resolve(const QString &name) const override;

private:
    QProcessEnvironment m_env;
    bool m_useKeyring;
};

/// The resolver runs use unless they are given another one.
std::shared_ptr<const SecretResolver> standardSecretResolver();

}  // namespace flowdeck
