#pragma once
/// @file A schedule as a deployment or the CLI writes it: the guide's ScheduleConfig fields.

#include "Schedule.h"
#include "ScheduleZone.h"

#include <QDateTime>
#include <QVariantMap>

#include <memory>
#include <optional>
#include <vector>

namespace flowdeck {

/// The guide's ScheduleType; RECURRING is an iCalendar RRULE.
enum class ScheduleType { Cron, Interval, Once, Recurring };

/// "cron", "interval", "once", "recurring".
QString toString(ScheduleType type);
/// Case-insensitive; also accepts "rrule" for Recurring.
std::optional<ScheduleType> scheduleTypeFromString(const QString &text);

struct ScheduleConfigParseResult;

/// One problem in a schedule configuration: the key it concerns and what is wrong.
struct ScheduleProblem {
    QString field;    ///< the map key, e.g. "cron_expression"
    QString message;  ///< starts with the field, e.g. "cron_expression: minute: '*/0' has a zero step"
};

/// The guide's ScheduleConfig, read from and written to a QVariantMap with its snake_case keys
/// (schedule_type, cron_expression, interval_seconds, start_date, end_date, timezone,
/// timezone_offset) plus Prefect's day_or, rrule and anchor. Dates are UTC instants here; in the
/// map, a date without an offset is read on the schedule's wall clock.
struct ScheduleConfig {
    ScheduleType scheduleType = ScheduleType::Cron;
    QString cronExpression;
    std::optional<qint64> intervalSeconds;
    std::optional<QDateTime> startDate;  ///< inclusive; the instant of a ONCE schedule
    std::optional<QDateTime> endDate;    ///< inclusive
    QString timezone;                    ///< IANA id or "UTC"; empty: timezone_offset or the system zone
    std::optional<int> timezoneOffset;   ///< minutes east of UTC (the guide's -300 for New York)
    bool dayOr = true;                   ///< cron: either restricted day field matches (classic cron)
    QString rrule;                       ///< RECURRING: "FREQ=...", DTSTART from anchor or start_date
    std::optional<QDateTime> anchor;     ///< INTERVAL: the first step (default start_date, else
                                         ///< 2000-01-01 00:00 on the zone's clock); RECURRING: DTSTART
    /// The anchor as written on the zone's clock (wall seconds, CivilTime.h), set with anchor
    /// when it was given without an offset. Steps of 24 hours or more and an rrule follow this
    /// time of day: an anchor of 02:30 on a day that skips 02:30 is the instant 03:00, yet the
    /// other days fire at 02:30. Written to the map as a time without an offset.
    std::optional<qint64> anchorWall;

    /// Reads a map (as YAML gives it: strings, numbers, booleans, dates) and validates it. When
    /// schedule_type is missing it follows from the keys given (cron_expression, rrule,
    /// interval_seconds, else start_date alone for ONCE).
    static ScheduleConfigParseResult fromVariantMap(const QVariantMap &map);
    QVariantMap toVariantMap() const;

    /// Every problem: a missing or invalid field for the type, fields another type uses, an
    /// unknown zone, an offset the zone never uses, a zone or DTSTART that contradicts the
    /// rrule's DTSTART line, an end before the start.
    std::vector<ScheduleProblem> validate() const;
    /// The zone: timezone, else the rrule's DTSTART;TZID, else timezone_offset, else the system zone.
    std::optional<ScheduleZone> zone(QString *error = nullptr) const;

    struct BuildResult {
        std::shared_ptr<const Schedule> schedule;
        std::vector<ScheduleProblem> problems;
    };
    /// The schedule, or the problems validate() finds.
    BuildResult build() const;
};

/// What ScheduleConfig::fromVariantMap() returns: the config and every problem found.
struct ScheduleConfigParseResult {
    ScheduleConfig config;
    std::vector<ScheduleProblem> problems;
    bool ok() const { return problems.empty(); }
};

/// Reads a time as the CLI and the map take it: ISO 8601 with "Z" or an offset (an instant),
/// without one ("2026-03-08T02:30", "2026-03-08 02:30:00", "2026-03-08") on @p zone's wall clock
/// (a wall time in a gap becomes the end of the gap), or "now". Returns UTC seconds; @p wall,
/// when given, gets the wall-clock seconds of a time without an offset (else nullopt).
std::optional<qint64> parseScheduleTime(const QString &text, const ScheduleZone &zone,
                                        QString *error = nullptr, std::optional<qint64> *wall = nullptr);
/// The end of a window, inclusive: like parseScheduleTime(), except that a date alone
/// ("2026-01-31") means the whole day, so its last second on @p zone's clock.
std::optional<qint64> parseScheduleEnd(const QString &text, const ScheduleZone &zone,
                                       QString *error = nullptr);

}  // namespace flowdeck
