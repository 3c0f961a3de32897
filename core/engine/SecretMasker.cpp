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

QVariant SecretMasker::mask(const QVariant &value) const {
    if (m_secrets.isEmpty()) return value;
    switch (value.typeId()) {
    case QMetaType::QString:
        return mask(value.toString());
    case QMetaType::QVariantList: {
        QVariantList list = value.toList();
        for (QVariant &item : list) item = mask(item);
        return list;
    }
    case QMetaType::QVariantMap: {
        QVariantMap out;
        const QVariantMap map = value.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) out.insert(mask(it.key()), mask(it.value()));
        return out;
    }
    default:
        return value;  // numbers and booleans: a secret is text
    }
}

}  // namespace flowdeck
