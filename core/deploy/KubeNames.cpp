#include "KubeNames.h"

#include <QRegularExpression>

namespace flowdeck {

std::optional<QString> dnsLabelProblem(const QString &name, KubeNameLimit limit) {
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    const int max = int(limit);
    if (name.isEmpty()) return QStringLiteral("is empty: expected a name of lowercase letters, digits and '-'");
    if (name.size() > max)
        return QStringLiteral("'%1' is %2 characters: Kubernetes allows at most %3 here")
            .arg(name).arg(name.size()).arg(max);
    if (!label.match(name).hasMatch())
        return QStringLiteral("'%1' is not a valid Kubernetes name (RFC 1123): expected lowercase letters, digits "
                              "and '-', starting and ending with a letter or digit, like '%2'")
            .arg(name, toDnsLabel(name, max));
    return std::nullopt;
}

QString toDnsLabel(const QString &text, int limit) {
    QString out;
    for (const QChar c : text.toLower()) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        if (ok) out += c;
        else if (!out.endsWith(QLatin1Char('-'))) out += QLatin1Char('-');
    }
    out = out.left(limit);
    while (out.startsWith(QLatin1Char('-'))) out.remove(0, 1);
    while (out.endsWith(QLatin1Char('-'))) out.chop(1);
    return out.isEmpty() ? QStringLiteral("flow") : out;
}

std::optional<QString> labelValueProblem(const QString &value) {
    static const QRegularExpression pattern(QStringLiteral("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"));
    if (value.size() > 63)
        return QStringLiteral("'%1' is %2 characters: a Kubernetes label value has at most 63").arg(value).arg(value.size());
    if (!pattern.match(value).hasMatch())
        return QStringLiteral("'%1' is not a valid Kubernetes label value: expected letters, digits, '-', '_' and '.', "
                              "starting and ending with a letter or digit").arg(value);
    return std::nullopt;
}

QString toLabelValue(const QString &text) {
    static const QRegularExpression bad(QStringLiteral("[^-A-Za-z0-9_.]+"));
    QString out = QString(text).replace(bad, QStringLiteral("-")).left(63);
    static const QRegularExpression ends(QStringLiteral("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$"));
    return out.replace(ends, QString());
}

std::optional<QString> environmentNameProblem(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (pattern.match(name).hasMatch()) return std::nullopt;
    return QStringLiteral("'%1' is not a valid environment variable name: expected letters, digits and '_', not "
                          "starting with a digit").arg(name);
}

std::optional<QString> imageReferenceProblem(const QString &image) {
    // The grammar of distribution/reference: lowercase path components separated by '.', '_',
    // '__' or '-' runs, an optional registry host with a port, a tag and a digest.
    static const QRegularExpression reference(QStringLiteral(
        "^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
        "(?::[0-9]+)?)/)?"
        "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
        "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
        "(?:@sha256:[a-f0-9]{64})?$"));
    if (image.isEmpty()) return QStringLiteral("is empty: expected an image like 'registry.example.com/team/flow:1.0'");
    if (image.size() > 255) return QStringLiteral("'%1...' is longer than 255 characters").arg(image.left(40));
    if (!reference.match(image).hasMatch())
        return QStringLiteral("'%1' is not a valid image reference: expected [REGISTRY[:PORT]/]NAME[:TAG][@sha256:DIGEST] "
                              "with a lowercase name, like 'registry.example.com/team/flow:1.0'").arg(image);
    return std::nullopt;
}

}  // namespace flowdeck
