#include "CronExpression.h"

#include "CivilTime.h"

#include <QRegularExpression>
#include <QStringList>

namespace flowdeck {

namespace {

/// How one of the five fields is read.
struct FieldSpec {
    const char *name;
    int min;
    int max;
    const char *const *names;  ///< three-letter names for min..max, or nullptr
    bool allowsQuestionMark;   ///< `?` means `*` in the day fields, as in Quartz and cron-parser
};

const char *const monthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char *const weekdayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

const FieldSpec fieldSpecs[5] = {
    {"minute", 0, 59, nullptr, false},         {"hour", 0, 23, nullptr, false},
    {"day-of-month", 1, 31, nullptr, true},    {"month", 1, 12, monthNames, false},
    {"day-of-week", 0, 7, weekdayNames, true},
};

/// The last distinct value of a field: day-of-week allows 7, but 7 is Sunday again.
int lastValue(const FieldSpec &spec) {
    return spec.max == 7 ? 6 : spec.max;
}

QString fieldMessage(const FieldSpec &spec, const QString &message) {
    return QStringLiteral("%1: %2").arg(QLatin1String(spec.name), message);
}

bool isNumber(const QString &text) {
    if (text.isEmpty() || text.size() > 9) return false;
    for (const QChar c : text)
        if (!c.isDigit() || c.unicode() > '9') return false;
    return true;
}

int parseValue(const FieldSpec &spec, const QString &text, QString &error) {
    int value = -1;
    if (isNumber(text)) {
        value = text.toInt();
    } else if (spec.names) {
        for (int v = spec.min; v <= spec.max; ++v)
            if (text.compare(QLatin1String(spec.names[v - spec.min]), Qt::CaseInsensitive) == 0) return v;
        error = spec.names == monthNames
                    ? QStringLiteral("'%1' is not a month (1-12 or JAN-DEC)").arg(text)
                    : QStringLiteral("'%1' is not a day of the week (0-7 or SUN-SAT)").arg(text);
        return -1;
    } else {
        error = QStringLiteral("'%1' is not a number").arg(text);
        return -1;
    }
    if (value < spec.min || value > spec.max) {
        error = QStringLiteral("%1 is out of range %2-%3").arg(text).arg(spec.min).arg(spec.max);
        return -1;
    }
    return value;
}

/// Parses one list item (`*`, `5`, `1-5`, `*/15`, `1-30/5`) into @p bits.
bool parseItem(const FieldSpec &spec, const QString &item, quint64 &bits, QString &error) {
    const QStringList stepParts = item.split(QLatin1Char('/'));
    if (stepParts.size() > 2) {
        error = QStringLiteral("'%1' has more than one step").arg(item);
        return false;
    }
    int step = 1;
    if (stepParts.size() == 2) {
        const QString &stepText = stepParts[1];
        if (!isNumber(stepText)) {
            error = QStringLiteral("step '%1' in '%2' is not a number").arg(stepText, item);
            return false;
        }
        step = stepText.toInt();
        if (step == 0) {
            error = QStringLiteral("'%1' has a zero step").arg(item);
            return false;
        }
        if (step > lastValue(spec) - spec.min) {
            error = QStringLiteral("step %1 in '%2' is too large for the range %3-%4 (it would match once)")
                        .arg(step)
                        .arg(item)
                        .arg(spec.min)
                        .arg(lastValue(spec));
            return false;
        }
    }
    const QString &base = stepParts[0];
    int low = spec.min;
    int high = lastValue(spec);
    if (base == QLatin1String("?") && !spec.allowsQuestionMark) {
        error = QStringLiteral("'?' is only allowed in day-of-month and day-of-week");
        return false;
    }
    if (base != QLatin1String("*") && base != QLatin1String("?")) {
        const QStringList rangeParts = base.split(QLatin1Char('-'));
        if (rangeParts.size() > 2) {
            error = QStringLiteral("'%1' is not a value or a range").arg(base);
            return false;
        }
        if (rangeParts.contains(QString())) {
            error = QStringLiteral("'%1' is missing a value").arg(item);
            return false;
        }
        low = parseValue(spec, rangeParts[0], error);
        if (low < 0) return false;
        if (rangeParts.size() == 2) {
            high = parseValue(spec, rangeParts[1], error);
            if (high < 0) return false;
            if (high < low) {
                error = QStringLiteral("range '%1' goes backwards").arg(base);
                return false;
            }
        } else if (stepParts.size() == 1) {
            high = low;
        } else {
            // Implementations disagree on `5/15` (5-59/15 or just 5), so ask for the range.
            const QString last = spec.names && !isNumber(rangeParts[0])
                                     ? QLatin1String(spec.names[lastValue(spec) - spec.min])
                                     : QString::number(lastValue(spec));
            error = QStringLiteral("'%1' has a step without a range (write %2-%3/%4)")
                        .arg(item, rangeParts[0].toUpper(), last)
                        .arg(step);
            return false;
        }
    }
    for (int v = low; v <= high; v += step) bits |= quint64(1) << (spec.max == 7 && v == 7 ? 0 : v);
    return true;
}

/// Quartz's L, W and # (which cron-parser and croner read too), named so that the user learns
/// what is missing rather than that 'L' is not a number; empty when @p item is none of them.
QString unsupportedSpecial(const FieldSpec &spec, const QString &item) {
    static const QRegularExpression lastDay(QStringLiteral("^L(-\\d+)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression nearestWeekday(QStringLiteral("^\\d+W$"),
                                                   QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression lastWeekday(QStringLiteral("^(\\d|[A-Z]{3})L$"),
                                                QRegularExpression::CaseInsensitiveOption);
    QString what;
    if (spec.allowsQuestionMark && item.contains(QLatin1Char('#')))
        what = QStringLiteral("nth weekday of the month");
    else if (spec.max == 31 && item.compare(QLatin1String("LW"), Qt::CaseInsensitive) == 0)
        what = QStringLiteral("last weekday of the month");
    else if (spec.max == 31 && nearestWeekday.match(item).hasMatch())
        what = QStringLiteral("nearest weekday");
    else if (spec.max == 31 && lastDay.match(item).hasMatch())
        what = QStringLiteral("last day");
    else if (spec.max == 7 && (item.compare(QLatin1String("L"), Qt::CaseInsensitive) == 0 ||
                               lastWeekday.match(item).hasMatch()))
        what = QStringLiteral("last weekday of the month");
    if (what.isEmpty()) return QString();
    return QStringLiteral("'%1' (%2) is not supported; see docs/schedules.md").arg(item, what);
}

bool parseField(const FieldSpec &spec, const QString &text, quint64 &bits, QString &error) {
    const QStringList items = text.split(QLatin1Char(','));
    for (const QString &item : items) {
        if (item.isEmpty()) {
            error = QStringLiteral("empty item in list '%1'").arg(text);
            return false;
        }
        error = unsupportedSpecial(spec, item);
        if (!error.isEmpty()) return false;
        if (!parseItem(spec, item, bits, error)) {
            // Name the value at fault when the item alone does not show it.
            if (items.size() > 1 && !error.contains(item)) error += QStringLiteral(" (in '%1')").arg(item);
            return false;
        }
    }
    return true;
}

QString expandMacro(const QString &text, QString &error) {
    static const struct {
        const char *name;
        const char *fields;
    } macros[] = {
        {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
        {"@weekly", "0 0 * * 0"}, {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
        {"@hourly", "0 * * * *"},
    };
    for (const auto &macro : macros)
        if (text.compare(QLatin1String(macro.name), Qt::CaseInsensitive) == 0)
            return QLatin1String(macro.fields);
    error = text.compare(QLatin1String("@reboot"), Qt::CaseInsensitive) == 0
                ? QStringLiteral("@reboot is not a time schedule")
                : QStringLiteral(
                      "unknown shorthand '%1' (expected @yearly, @annually, @monthly, "
                      "@weekly, @daily, @midnight or @hourly)")
                      .arg(text);
    return QString();
}

int nextBit(quint64 bits, int from) {
    if (from >= 64) return -1;
    const quint64 rest = bits >> from;
    return rest ? from + __builtin_ctzll(rest) : -1;
}

int lowestBit(quint64 bits) {
    return bits ? __builtin_ctzll(bits) : -1;
}

/// The longest each month can be (February 29 in leap years).
constexpr int longestMonth[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

}  // namespace

CronParseResult CronExpression::parse(const QString &text, bool dayOr) {
    CronParseResult result;
    QString fieldsText = text.trimmed();
    if (fieldsText.startsWith(QLatin1Char('@'))) {
        fieldsText = expandMacro(fieldsText, result.message);
        if (fieldsText.isEmpty()) return result;
    }
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList fields = fieldsText.split(spaces, Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        result.message = QStringLiteral("expected 5 fields, got %1").arg(fields.size());
        return result;
    }
    quint64 bits[5] = {};
    for (int i = 0; i < 5; ++i) {
        QString error;
        if (!parseField(fieldSpecs[i], fields[i], bits[i], error)) {
            result.field = QLatin1String(fieldSpecs[i].name);
            result.message = fieldMessage(fieldSpecs[i], error);
            return result;
        }
    }
    CronExpression cron;
    cron.text_ = text.trimmed();
    cron.dayOr_ = dayOr;
    cron.minutes_ = bits[0];
    cron.hours_ = quint32(bits[1]);
    cron.daysOfMonth_ = quint32(bits[2]);
    cron.months_ = quint32(bits[3]);
    cron.daysOfWeek_ = quint32(bits[4]);
    // Only a bare `*` or `?` leaves a day field out of the either-or rule: `*/2` restricts, as in
    // croniter (Prefect), cron-parser and croner (Vixie cron would treat it as a star).
    const auto isStar = [](const QString &f) { return f == QLatin1String("*") || f == QLatin1String("?"); };
    cron.dayOfMonthStar_ = isStar(fields[2]);
    cron.dayOfWeekStar_ = isStar(fields[4]);
    const auto isWild = [](const QString &f) { return f.contains(QLatin1Char('*')) || f.contains(QLatin1Char('?')); };
    cron.minuteOrHourWild_ = isWild(fields[0]) || isWild(fields[1]);
    for (int first = 0; first < 7; ++first)
        for (int day = 1; day <= 31; ++day)
            if (cron.daysOfWeek_ & (1u << ((first + day - 1) % 7))) cron.weekdayDays_[first] |= 1u << day;

    // Refuse what can never fire, such as February 30, instead of searching 400 years for it.
    const bool onlyDayOfMonth = cron.dayOfWeekStar_ || !dayOr;
    bool possible = !onlyDayOfMonth;
    for (int month = 1; month <= 12 && !possible; ++month)
        if ((cron.months_ >> month) & 1) possible = lowestBit(cron.daysOfMonth_) <= longestMonth[month];
    if (!possible) {
        result.field = QStringLiteral("day-of-month");
        result.message = QStringLiteral("day-of-month: %1 never occurs in the months given ('%2')")
                             .arg(fields[2], fields[3]);
        return result;
    }
    result.expression = cron;
    return result;
}

quint32 CronExpression::matchingDays(int year, int month) const {
    const int length = daysInMonth(year, month);
    const quint32 valid = quint32((quint64(1) << (length + 1)) - 2);  // bits 1..length
    const int first = weekdayOfDays(daysFromCivil(year, month, 1));
    const quint32 byWeekday = weekdayDays_[first];
    if (dayOr_ && !dayOfMonthStar_ && !dayOfWeekStar_) return (daysOfMonth_ | byWeekday) & valid;
    return daysOfMonth_ & byWeekday & valid;
}

std::optional<qint64> CronExpression::nextMatch(qint64 wall) const {
    const qint64 minute = floorDiv(wall + 59, 60) * 60;
    const CivilTime start = civilFromWall(minute);
    int year = start.year, month = start.month, day = start.day, hour = start.hour, min = start.minute;
    const int lastYear = std::min(start.year + 400, 9999);
    while (year <= lastYear) {
        const int m = nextBit(months_, month);
        if (m < 0) {
            ++year, month = 1, day = 1, hour = 0, min = 0;
            continue;
        }
        if (m != month) month = m, day = 1, hour = 0, min = 0;
        const int d = nextBit(matchingDays(year, month), day);
        if (d < 0) {
            ++month, day = 1, hour = 0, min = 0;
            continue;
        }
        if (d != day) day = d, hour = 0, min = 0;
        const int h = nextBit(hours_, hour);
        if (h < 0) {
            ++day, hour = 0, min = 0;
            continue;
        }
        if (h != hour) hour = h, min = 0;
        const int mi = nextBit(minutes_, min);
        if (mi < 0) {
            ++hour, min = 0;
            continue;
        }
        return daysFromCivil(year, month, day) * 86400 + hour * 3600 + mi * 60;
    }
    return std::nullopt;
}

bool CronExpression::matches(const CivilTime &time) const {
    return ((minutes_ >> time.minute) & 1) && ((hours_ >> time.hour) & 1) && ((months_ >> time.month) & 1) &&
           ((matchingDays(time.year, time.month) >> time.day) & 1);
}


}  // namespace flowdeck
