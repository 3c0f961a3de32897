#include "Quantity.h"

#include <QRegularExpression>

#include <limits>
#include <utility>

namespace flowdeck {

namespace {

__extension__ typedef __int128 Wide;  // products of 18 digits and 2^60 need more than 64 bits

/// Splits "1.5Gi" into its number and suffix; nothing for anything else.
std::optional<std::pair<QString, QString>> splitQuantity(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)([A-Za-z]*)$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch()) return std::nullopt;
    return std::make_pair(m.captured(1), m.captured(2));
}

/// @p number (digits with an optional fraction) times @p scale, when that is a whole number that
/// fits in qint64; exact integer arithmetic, so "1.0000001Ki" is refused rather than rounded.
std::optional<qint64> exactProduct(const QString &number, qint64 scale) {
    const qsizetype dot = number.indexOf(QLatin1Char('.'));
    const QString digits = dot < 0 ? number : number.left(dot) + number.mid(dot + 1);
    const int fraction = dot < 0 ? 0 : int(number.size() - dot - 1);
    if (digits.size() > 18 || fraction > 18) return std::nullopt;
    bool ok = false;
    const Wide mantissa = digits.toLongLong(&ok);
    if (!ok) return std::nullopt;
    Wide divisor = 1;
    for (int i = 0; i < fraction; ++i) divisor *= 10;
    const Wide product = mantissa * scale;
    if (product % divisor != 0) return std::nullopt;
    const Wide value = product / divisor;
    if (value > std::numeric_limits<qint64>::max()) return std::nullopt;
    return qint64(value);
}

}  // namespace

std::optional<qint64> parseCpuMillis(const QString &text) {
    const auto parts = splitQuantity(text);
    if (!parts) return std::nullopt;
    if (parts->second.isEmpty()) return exactProduct(parts->first, 1000);
    if (parts->second == QLatin1String("m") && !parts->first.contains(QLatin1Char('.')))
        return exactProduct(parts->first, 1);
    return std::nullopt;
}

QString formatCpu(qint64 millis) {
    if (millis % 1000 == 0) return QString::number(millis / 1000);
    return QString::number(millis) + QLatin1Char('m');
}

std::optional<qint64> parseMemoryBytes(const QString &text) {
    const auto parts = splitQuantity(text);
    if (!parts) return std::nullopt;
    // clang-format off
    static const std::pair<const char *, qint64> suffixes[] = {
        {"", 1},
        {"k", 1000LL}, {"M", 1000000LL}, {"G", 1000000000LL}, {"T", 1000000000000LL},
        {"P", 1000000000000000LL}, {"E", 1000000000000000000LL},
        {"Ki", 1LL << 10}, {"Mi", 1LL << 20}, {"Gi", 1LL << 30}, {"Ti", 1LL << 40}, {"Pi", 1LL << 50}, {"Ei", 1LL << 60},
        {"KB", 1000LL}, {"MB", 1000000LL}, {"GB", 1000000000LL}, {"TB", 1000000000000LL},
        {"KiB", 1LL << 10}, {"MiB", 1LL << 20}, {"GiB", 1LL << 30}, {"TiB", 1LL << 40},
    };
    // clang-format on
    for (const auto &[suffix, scale] : suffixes)
        if (parts->second == QLatin1String(suffix)) return exactProduct(parts->first, scale);
    return std::nullopt;
}

QString formatMemory(qint64 bytes) {
    if (bytes <= 0) return QString::number(bytes);
    static const std::pair<const char *, qint64> units[] = {
        {"Ei", qint64(1) << 60}, {"Pi", qint64(1) << 50}, {"Ti", qint64(1) << 40}, {"Gi", qint64(1) << 30},
        {"Mi", qint64(1) << 20}, {"Ki", qint64(1) << 10}, {"E", 1000000000000000000LL}, {"P", 1000000000000000LL},
        {"T", 1000000000000LL},  {"G", 1000000000LL},     {"M", 1000000LL},           {"k", 1000LL},
    };
    QString best = QString::number(bytes);  // the shortest form; binary first on a tie
    for (const auto &[suffix, size] : units)
        if (bytes % size == 0 && QString::number(bytes / size).size() + 2 <= best.size())
            if (const QString text = QString::number(bytes / size) + QLatin1String(suffix); text.size() < best.size()) best = text;
    return best;
}

}  // namespace flowdeck
