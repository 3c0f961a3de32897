#include "RRuleSchedule.h"

#include "CivilTime.h"
#include "flow/Diagnostic.h"

#include <QRegularExpression>
#include <QStringList>

#include <libical/ical.h>

namespace flowdeck {

struct RRuleSchedule::Rule {
    icalrecurrencetype recurrence;
    bool hasCount = false;
};

namespace {

// An rrule that produces no occurrence for this many steps is given up on (e.g. an impossible
// BYMONTHDAY=31;BYMONTH=2), so a search always ends.
constexpr int MaxSteps = 500000;

const QStringList knownParts = {
    QStringLiteral("FREQ"),      QStringLiteral("UNTIL"),    QStringLiteral("COUNT"),
    QStringLiteral("INTERVAL"),  QStringLiteral("BYSECOND"), QStringLiteral("BYMINUTE"),
    QStringLiteral("BYHOUR"),    QStringLiteral("BYDAY"),    QStringLiteral("BYMONTHDAY"),
    QStringLiteral("BYYEARDAY"), QStringLiteral("BYWEEKNO"), QStringLiteral("BYMONTH"),
    QStringLiteral("BYSETPOS"),  QStringLiteral("WKST"),
};

const QStringList frequencies = {
    QStringLiteral("SECONDLY"), QStringLiteral("MINUTELY"), QStringLiteral("HOURLY"), QStringLiteral("DAILY"),
    QStringLiteral("WEEKLY"),   QStringLiteral("MONTHLY"),  QStringLiteral("YEARLY")};
const QStringList weekdays = {QStringLiteral("MO"), QStringLiteral("TU"), QStringLiteral("WE"),
                              QStringLiteral("TH"), QStringLiteral("FR"), QStringLiteral("SA"),
                              QStringLiteral("SU")};

/// "" when @p text is a whole number >= @p min, else why not.
QString checkCount(const QString &text, int min) {
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok) return QStringLiteral("'%1' is not a whole number (expected %2 or more)").arg(text).arg(min);
    if (n < min || n > 1000000000)
        return QStringLiteral("%1 is out of range (expected a whole number from %2 to 1000000000)")
            .arg(text)
            .arg(min);
    return QString();
}

/// "" when every item of the list @p text is an integer in [min, max] (or [-max, -min] too
/// when @p signedValues, as BYMONTHDAY=-1 is the last day); else what is wrong.
QString checkNumbers(const QString &text, int min, int max, bool signedValues) {
    for (const QString &item : text.split(QLatin1Char(','))) {
        if (item.isEmpty()) return QStringLiteral("empty item in '%1'").arg(text);
        bool ok = false;
        const int n = item.toInt(&ok);
        if (!ok) return QStringLiteral("'%1' is not a number").arg(item);
        const bool inRange = (n >= min && n <= max) || (signedValues && n <= -min && n >= -max);
        if (!inRange)
            return signedValues
                       ? QStringLiteral("%1 is out of range %2-%3 or -%3 to -%2").arg(item).arg(min).arg(max)
                       : QStringLiteral("%1 is out of range %2-%3").arg(item).arg(min).arg(max);
    }
    return QString();
}

/// BYDAY: MO, 1MO, -1FR, +2TU (a position only counts with MONTHLY or YEARLY, RFC 5545 3.3.10).
QString checkWeekdays(const QString &text) {
    static const QRegularExpression day(QStringLiteral("^([+-]?)(\\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$"),
                                        QRegularExpression::CaseInsensitiveOption);
    for (const QString &item : text.split(QLatin1Char(','))) {
        if (item.isEmpty()) return QStringLiteral("empty item in '%1'").arg(text);
        const QRegularExpressionMatch m = day.match(item);
        if (!m.hasMatch())
            return QStringLiteral(
                       "'%1' is not a weekday (expected MO, TU, WE, TH, FR, SA or SU, optionally with a "
                       "position such as 1MO or -1FR)")
                .arg(item);
        const int position = m.captured(2).toInt();
        if (!m.captured(2).isEmpty() && (position < 1 || position > 53))
            return QStringLiteral("position %1 in '%2' is out of range 1-53").arg(m.captured(2), item);
    }
    return QString();
}

/// UNTIL: a date (20261231) or a date and time (20261231T235959, with Z for UTC).
QString checkUntil(const QString &text) {
    static const QRegularExpression until(
        QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})Z?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = until.match(text);
    const int month = m.captured(2).toInt(), day = m.captured(3).toInt();
    const bool valid = m.hasMatch() && month >= 1 && month <= 12 && day >= 1 &&
                       day <= daysInMonth(m.captured(1).toInt(), month) && m.captured(4).toInt() < 24 &&
                       m.captured(5).toInt() < 60 && m.captured(6).toInt() < 60;
    if (valid) return QString();
    return QStringLiteral(
               "'%1' is not a date or time (expected 20261231, 20261231T235959 or 20261231T235959Z)")
        .arg(text);
}

/// "" when @p text suits the part @p name, else what is wrong with it (quoting @p text as given).
QString checkValue(const QString &name, const QString &text) {
    const QString value = text.toUpper();  // libical reads the rule upper-cased
    if (name == QLatin1String("FREQ"))
        return frequencies.contains(value)
                   ? QString()
                   : QStringLiteral("'%1' is not one of %2%3")
                         .arg(text, frequencies.join(QStringLiteral(", ")), didYouMean(value, frequencies));
    if (name == QLatin1String("INTERVAL") || name == QLatin1String("COUNT")) return checkCount(text, 1);
    if (name == QLatin1String("UNTIL")) return checkUntil(text);
    if (name == QLatin1String("BYSECOND")) return checkNumbers(text, 0, 60, false);
    if (name == QLatin1String("BYMINUTE")) return checkNumbers(text, 0, 59, false);
    if (name == QLatin1String("BYHOUR")) return checkNumbers(text, 0, 23, false);
    if (name == QLatin1String("BYMONTH")) return checkNumbers(text, 1, 12, false);
    if (name == QLatin1String("BYMONTHDAY")) return checkNumbers(text, 1, 31, true);
    if (name == QLatin1String("BYYEARDAY")) return checkNumbers(text, 1, 366, true);
    if (name == QLatin1String("BYWEEKNO")) return checkNumbers(text, 1, 53, true);
    if (name == QLatin1String("BYSETPOS")) return checkNumbers(text, 1, 366, true);
    if (name == QLatin1String("BYDAY")) return checkWeekdays(text);
    if (name == QLatin1String("WKST"))
        return weekdays.contains(value) ? QString()
                                        : QStringLiteral(
                                              "'%1' is not a weekday (expected MO, TU, WE, TH, FR, SA "
                                              "or SU)")
                                              .arg(text);
    return QString();
}

/// libical says only "malformed"; name the part and the value at fault before it reads the rule.
QString checkParts(const QString &rule) {
    QStringList seen;
    for (const QString &part : rule.split(QLatin1Char(';'))) {
        const int equals = part.indexOf(QLatin1Char('='));
        const QString name = part.left(equals).trimmed().toUpper();
        if (equals <= 0 || equals == part.size() - 1)
            return QStringLiteral("rrule: '%1' is not NAME=VALUE").arg(part);
        if (!knownParts.contains(name)) {
            const QString suggestion = didYouMean(name, knownParts);
            return QStringLiteral("rrule: unknown part '%1'%2")
                .arg(name,
                     suggestion.isEmpty()
                         ? QStringLiteral(" (expected one of %1)").arg(knownParts.join(QStringLiteral(", ")))
                         : suggestion);
        }
        if (seen.contains(name)) return QStringLiteral("rrule: %1 is given twice").arg(name);
        seen << name;
        const QString problem = checkValue(name, part.mid(equals + 1).trimmed());
        if (!problem.isEmpty()) return QStringLiteral("rrule: %1: %2").arg(name, problem);
    }
    if (!seen.contains(QLatin1String("FREQ")))
        return QStringLiteral("rrule: FREQ is missing (e.g. FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9)");
    if (seen.contains(QLatin1String("COUNT")) && seen.contains(QLatin1String("UNTIL")))
        return QStringLiteral("rrule: COUNT and UNTIL cannot both be given");
    return QString();
}

icaltimetype floatingTime(qint64 wall) {
    const CivilTime c = civilFromWall(wall);
    icaltimetype t = icaltime_null_time();
    t.year = c.year;
    t.month = c.month;
    t.day = c.day;
    t.hour = c.hour;
    t.minute = c.minute;
    t.second = c.second;
    t.is_date = 0;
    return t;
}

qint64 wallOf(const icaltimetype &t) {
    return wallSeconds(CivilTime{t.year, t.month, t.day, t.hour, t.minute, t.second});
}

struct IteratorDeleter {
    void operator()(icalrecur_iterator *it) const { icalrecur_iterator_free(it); }
};
using Iterator = std::unique_ptr<icalrecur_iterator, IteratorDeleter>;

}  // namespace

RRuleSchedule::Parts RRuleSchedule::split(const QString &text) {
    static const QRegularExpression dtstartPattern(
        QStringLiteral(
            "^DTSTART(?:;TZID=([^:;]+))?:(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})(Z?))?$"),
        QRegularExpression::CaseInsensitiveOption);
    Parts parts;
    for (const QString &raw :
         text.split(QRegularExpression(QStringLiteral("[\\r\\n]+")), Qt::SkipEmptyParts)) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("DTSTART"), Qt::CaseInsensitive)) {
            const QRegularExpressionMatch m = dtstartPattern.match(line);
            if (!m.hasMatch()) {
                parts.error =
                    QStringLiteral(
                        "rrule: cannot read '%1' (expected e.g. DTSTART;TZID=Europe/Berlin:20260316T090000)")
                        .arg(line);
                return parts;
            }
            parts.tzid = m.captured(1);
            parts.dtstart = QStringLiteral("%1-%2-%3T%4:%5:%6%7")
                                .arg(m.captured(2), m.captured(3), m.captured(4),
                                     m.captured(5).isEmpty() ? QStringLiteral("00") : m.captured(5),
                                     m.captured(6).isEmpty() ? QStringLiteral("00") : m.captured(6),
                                     m.captured(7).isEmpty() ? QStringLiteral("00") : m.captured(7),
                                     m.captured(8).toUpper());
        } else if (parts.rule.isEmpty()) {
            parts.rule = line.startsWith(QLatin1String("RRULE:"), Qt::CaseInsensitive) ? line.mid(6) : line;
        } else {
            parts.error =
                QStringLiteral("rrule: only one RRULE line is supported, '%1' is another").arg(line);
            return parts;
        }
    }
    return parts;
}

RRuleSchedule::CreateResult RRuleSchedule::create(const QString &rule, qint64 dtstartWall,
                                                  const ScheduleZone &zone) {
    CreateResult result;
    const Parts parts = split(rule);
    if (!parts.error.isEmpty()) {
        result.message = parts.error;
        return result;
    }
    const QString text = parts.rule;
    result.message = checkParts(text);
    if (!result.message.isEmpty()) return result;
    auto parsed = std::make_shared<Rule>();
    icalerror_clear_errno();
    parsed->recurrence = icalrecurrencetype_from_string(text.toUpper().toUtf8().constData());
    if (parsed->recurrence.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
        result.message = QStringLiteral("rrule: cannot read '%1': %2")
                             .arg(text, QLatin1String(icalerror_strerror(icalerrno)));
        icalerror_clear_errno();
        return result;
    }
    parsed->hasCount = parsed->recurrence.count > 0;
    // libical compares UNTIL with the floating occurrences: give it UNTIL on the same wall clock.
    icaltimetype &until = parsed->recurrence.until;
    if (!icaltime_is_null_time(until) && icaltime_is_utc(until)) {
        const qint64 utc = wallOf(until);
        until = floatingTime(zone.toWall(utc));
    }
    Iterator probe(icalrecur_iterator_new(parsed->recurrence, floatingTime(dtstartWall)));
    if (!probe) {
        result.message = QStringLiteral("rrule: libical refuses '%1' with this DTSTART").arg(text);
        return result;
    }
    std::shared_ptr<RRuleSchedule> schedule(new RRuleSchedule());
    schedule->rule_ = text;
    schedule->dtstartWall_ = dtstartWall;
    schedule->zone_ = zone;
    schedule->parsed_ = parsed;
    result.schedule = schedule;
    result.message.clear();
    return result;
}

std::optional<qint64> RRuleSchedule::nextAfter(qint64 after) const {
    Iterator it(icalrecur_iterator_new(parsed_->recurrence, floatingTime(dtstartWall_)));
    if (!it) return std::nullopt;
    // Without COUNT, libical can start the expansion near `after` instead of at DTSTART.
    // (A day early: the wall clock may be behind `after` after a fall-back.)
    const qint64 skipTo = zone_.toWall(after) - 86400;
    // Only for INTERVAL=1: with a larger interval the phase must come from DTSTART.
    if (!parsed_->hasCount && parsed_->recurrence.interval <= 1 && skipTo > dtstartWall_)
        icalrecur_iterator_set_start(it.get(), floatingTime(skipTo));
    for (int step = 0; step < MaxSteps; ++step) {
        const icaltimetype next = icalrecur_iterator_next(it.get());
        if (icaltime_is_null_time(next)) return std::nullopt;
        const qint64 instant = zone_.fireInstant(wallOf(next));
        if (instant > after) return instant;
    }
    return std::nullopt;
}

QString RRuleSchedule::describe() const {
    const CivilTime start = civilFromWall(dtstartWall_);
    return QStringLiteral("RRULE %1 from %2-%3-%4 %5:%6 (%7)")
        .arg(rule_)
        .arg(start.year, 4, 10, QLatin1Char('0'))
        .arg(start.month, 2, 10, QLatin1Char('0'))
        .arg(start.day, 2, 10, QLatin1Char('0'))
        .arg(start.hour, 2, 10, QLatin1Char('0'))
        .arg(start.minute, 2, 10, QLatin1Char('0'))
        .arg(zone_.id());
}

}  // namespace flowdeck
