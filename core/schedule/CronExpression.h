#pragma once
/// @file A parsed five-field cron expression and the search for its next matching wall-clock minute.

#include <QString>

#include <optional>

namespace flowdeck {

struct CivilTime;
struct CronParseResult;

/// A cron expression: minute hour day-of-month month day-of-week, with lists, ranges, steps,
/// month and weekday names, 0 and 7 for Sunday, and the @yearly ... @hourly shorthands.
/// Each field is a bitset, so the search skips whole months, days and hours at a time.
/// It knows nothing of time zones: it matches wall-clock times (see CronSchedule for instants).
class CronExpression {
public:
    /// Parses @p text. With @p dayOr (classic cron, Prefect's `day_or: true`) a time matches when
    /// either restricted day field matches; with false, both must.
    static CronParseResult parse(const QString &text, bool dayOr = true);

    QString text() const { return text_; }
    bool dayOr() const { return dayOr_; }

    /// The first minute at or after @p wall (wall-clock seconds, CivilTime.h) that matches, or
    /// nullopt when none does in the next 400 years (a full Gregorian cycle) or before year 9999.
    std::optional<qint64> nextMatch(qint64 wall) const;
    bool matches(const CivilTime &time) const;

    /// Vixie cron's rule (also cronie's, and croner's `fixedTimeRule: 'no-wildcard'`): fixed-time
    /// when neither the minute nor the hour field contains `*` (so `*/2` is a wildcard, `10,40`
    /// and `1-3` are not). Fixed-time expressions keep the wall clock across daylight-saving
    /// changes, the others follow real instants (see docs/schedules.md).
    bool isFixedTime() const { return !minuteOrHourWild_; }

    // The fields as bitsets (bit n set when value n matches), for descriptions and tests.
    quint64 minutes() const { return minutes_; }          ///< bits 0-59
    quint32 hours() const { return hours_; }              ///< bits 0-23
    quint32 daysOfMonth() const { return daysOfMonth_; }  ///< bits 1-31
    quint32 months() const { return months_; }            ///< bits 1-12
    quint32 daysOfWeek() const { return daysOfWeek_; }    ///< bits 0-6, 0 = Sunday
    /// False when the field is `*` or `?` (then it does not take part in the either-or rule).
    bool dayOfMonthRestricted() const { return !dayOfMonthStar_; }
    bool dayOfWeekRestricted() const { return !dayOfWeekStar_; }

private:
    CronExpression() = default;
    quint32 matchingDays(int year, int month) const;

    QString text_;
    bool dayOr_ = true;
    quint64 minutes_ = 0;
    quint32 hours_ = 0;
    quint32 daysOfMonth_ = 0;
    quint32 months_ = 0;
    quint32 daysOfWeek_ = 0;
    bool dayOfMonthStar_ = false;
    bool dayOfWeekStar_ = false;
    bool minuteOrHourWild_ = false;
    /// For a month whose day 1 falls on weekday w: the days (bits 1-31) that match day-of-week.
    quint32 weekdayDays_[7] = {};
};

/// What CronExpression::parse() returns: the expression, or the field at fault and a message
/// naming it (field "day-of-week", message "day-of-week: 8 is out of range 0-7").
struct CronParseResult {
    std::optional<CronExpression> expression;
    QString field;  ///< empty when the problem is not one field's (e.g. the field count)
    QString message;
    bool ok() const { return expression.has_value(); }
};

}  // namespace flowdeck
