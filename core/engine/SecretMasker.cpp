#include "SecretMasker.h"

#include <algorithm>

namespace flowdeck {

SecretMasker::SecretMasker(QStringList secrets) {
    for (const QString &s : secrets) add(s);
}

void SecretMasker::add(const QString &secret) {
    // Very short values (a single character) would mask half of every line; skip them.
    if (secret.size() < 2 || m_secrets.contains(secret)) return;
    m_secrets << secret;
    std::sort(m_secrets.begin(), m_secrets.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString SecretMasker::mask(const QString &text) const {
    if (m_secrets.isEmpty()) return text;
    QString out = text;
    for (const QString &s : m_secrets) out.replace(s, QLatin1String("***"));
    return out;
}

}  // namespace flowdeck
