#pragma once
/// @file The desktop keyring (Secret Service or KWallet, through QtKeychain): where
/// `flowdeck-cli secret set` puts secret values so that no file ever holds them.

#include <QString>
#include <QStringList>

#include <optional>

namespace flowdeck {

/// What a keyring call did: a value (for reads), or why it failed.
struct KeyringResult {
    bool ok = false;
    bool notFound = false;  ///< the keyring answered, and has no entry of that name
    QString value;
    QString error;
};

/// Secret values by name, in the keyring under the service "flowdeck". Every call blocks until
/// the keyring answers (it runs a local event loop, so a QCoreApplication must exist).
class Keyring {
public:
    static constexpr const char *service = "flowdeck";

    /// Why the keyring cannot be used here (no application object, no session bus), or nothing.
    static std::optional<QString> unavailableReason();

    static KeyringResult read(const QString &name);
    static KeyringResult write(const QString &name, const QString &value);
    static KeyringResult remove(const QString &name);
    /// The names `write` stored and `remove` has not removed (keyrings cannot be listed, so
    /// Flowdeck keeps their names, never their values, in an entry of its own).
    static KeyringResult names(QStringList *out);
};

}  // namespace flowdeck
