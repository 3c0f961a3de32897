#include "Units.h"

#include <QRegularExpression>
#include <cmath>

namespace flowdeck {

namespace {

double unitSeconds(const QString &unit) {
    if (unit == QLatin1String("ms")) return 0.001;
    if (unit == QLatin1String("s")) return 1;
    if (unit == QLatin1String("m")) return 60;
    if (unit == QLatin1String("h")) return 3600;
    if (unit == QLatin1String("d")) return 86400;
    return -1;
}

QString formatNumber(double value) { return QString::number(value, 'g', 15); }

}  // namespace

std::optional<double> parseDuration(const QString &input) {
    const QString text = input.trimmed();
    bool ok = false;
    const double plain = text.toDouble(&ok);
    if (ok) return plain >= 0 && std::isfinite(plain) ? std::optional<double>(plain) : std::nullopt;

    static const QRegularExpression whole(QStringLiteral("^(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+$"));
    if (!whole.match(text).hasMatch()) return std::nullopt;
    static const QRegularExpression group(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)"));
    double total = 0;
    for (auto it = group.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        total += match.captured(1).toDouble() * unitSeconds(match.captured(2));
    }
    return total;
}

QString formatDuration(double seconds) {
    if (seconds <= 0) return QStringLiteral("0s");
    const double rounded = std::round(seconds);
    if (std::abs(seconds - rounded) > 1e-9) {
        if (seconds < 1 && std::abs(seconds * 1000 - std::round(seconds * 1000)) < 1e-9)
            return formatNumber(std::round(seconds * 1000)) + QLatin1String("ms");
        return formatNumber(seconds) + QLatin1String("s");
    }
    qint64 rest = qint64(rounded);
    QString text;
    const std::pair<qint64, const char *> units[] = {{86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}};
    for (const auto &[size, name] : units) {
        if (rest >= size) {
            text += QString::number(rest / size) + QLatin1String(name);
            rest %= size;
        }
    }
    return text;
}

namespace {

const std::pair<const char *, qint64> sizeUnits[] = {
    {"TiB", 1LL << 40}, {"GiB", 1LL << 30}, {"MiB", 1LL << 20}, {"KiB", 1LL << 10},
    {"TB", 1000000000000LL}, {"GB", 1000000000LL}, {"MB", 1000000LL}, {"KB", 1000LL}, {"B", 1},
};

}  // namespace

std::optional<qint64> parseSize(const QString &input) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B|B)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(input.trimmed());
    if (!match.hasMatch()) return std::nullopt;
    const double number = match.captured(1).toDouble();
    qint64 factor = 1;
    const QString unit = match.captured(2);
    for (const auto &[name, size] : sizeUnits)
        if (unit.compare(QLatin1String(name), Qt::CaseInsensitive) == 0 &&
            unit.contains(QLatin1Char('i'), Qt::CaseInsensitive) == QString::fromLatin1(name).contains('i'))
            factor = size;
    const double bytes = number * double(factor);
    if (bytes > 9.0e18) return std::nullopt;
    return qint64(std::llround(bytes));
}

QString formatSize(qint64 bytes) {
    // The shortest exact form: 2000000000 is "2GB", 1073741824 is "1GiB".
    QString best = QString::number(bytes);
    for (const auto &[name, size] : sizeUnits) {
        if (bytes < size || bytes % size != 0) continue;
        const QString text = QString::number(bytes / size) + QLatin1String(name);
        if (text.size() < best.size()) best = text;
    }
    return best;
}

}  // namespace flowdeck
