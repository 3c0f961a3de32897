#pragma once
/// @file Replaces secret values with *** in text before it is logged or stored anywhere.

#include <QString>
#include <QStringList>
#include <QVariant>

namespace flowdeck {

class SecretMasker {
public:
    SecretMasker() = default;
    explicit SecretMasker(QStringList secrets);

    void add(const QString &secret);
    /// @p text with every occurrence of every secret replaced by "***".
    QString mask(const QString &text) const;
    /// @p value (a JSON-like result) with every string in it masked, keys included.
    QVariant mask(const QVariant &value) const;
    bool isEmpty() const { return m_secrets.isEmpty(); }

private:
    QStringList m_secrets;  // longest first, so a secret containing another is masked whole
};

}  // namespace flowdeck
