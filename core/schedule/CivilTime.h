#pragma once
/// @file Calendar arithmetic on wall-clock seconds (no time zone), fast enough for hot loops.

#include <QChar>
#include <QString>
#include <QtGlobal>

namespace flowdeck {

/// A proleptic Gregorian date and time of day, as read on a wall clock.
struct CivilTime {
    int year = 1970;
    int month = 1;  ///< 1-12
    int day = 1;    ///< 1-31
    int hour = 0;
    int minute = 0;
    int second = 0;
};

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
qint64 daysFromCivil(int year, int month, int day);
/// Seconds since 1970-01-01 00:00 on the wall clock: a "wall instant", which ignores time zones.
qint64 wallSeconds(const CivilTime &time);
/// The calendar date and time of @p wall (seconds since 1970-01-01 00:00 on the wall clock).
CivilTime civilFromWall(qint64 wall);
/// "2026-03-08T02:30:00" (ISO 8601 without an offset); @p between separates date and time.
QString civilText(const CivilTime &time, QChar between = QLatin1Char('T'));
/// 0 = Sunday ... 6 = Saturday.
int weekdayOfDays(qint64 days);
bool isLeapYear(int year);
int daysInMonth(int year, int month);

/// Integer division rounding towards minus infinity (for instants before 1970).
inline qint64 floorDiv(qint64 a, qint64 b) {
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace flowdeck
