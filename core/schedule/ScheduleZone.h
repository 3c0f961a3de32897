#pragma once
/// @file The time zone a schedule reads its wall-clock times in: an IANA zone or a fixed UTC offset.

#include <QString>
#include <QTimeZone>

#include <memory>
#include <optional>
#include <vector>

namespace flowdeck {

/// A time zone for schedules. Offsets come from QTimeZone (never assumed to be whole hours) and
/// are cached per zone as a table of periods, so converting an instant costs a binary search.
/// Instants are UTC seconds since the epoch; "wall" values are seconds since 1970-01-01 00:00 as
/// read on the zone's clock (see CivilTime.h). Copies are cheap and safe to use from any thread.
class ScheduleZone {
public:
    /// A span [start, end) of UTC instants with one UTC offset.
    struct Period {
        qint64 start = 0;
        qint64 end = 0;
        int offset = 0;  ///< seconds east of UTC
    };

    /// The instants that show a given wall-clock time: none (in a gap), one, or two (in an overlap).
    struct Resolution {
        int count = 0;
        qint64 first = 0;
        qint64 second = 0;
        qint64 gapEnd = 0;  ///< when count is 0: the instant the gap ends (the clock jumps forward)
    };

    /// UTC.
    ScheduleZone();
    static ScheduleZone utc();
    static ScheduleZone system();
    static ScheduleZone fixedOffset(int offsetSeconds);
    /// Parses "UTC", an IANA id ("Europe/Berlin"), or a fixed offset ("+05:30", "-0500",
    /// "UTC+02:00"). An empty text is the system zone. Returns nullopt and sets @p error otherwise.
    static std::optional<ScheduleZone> fromText(const QString &text, QString *error = nullptr);

    /// The IANA id, "UTC", or the offset as "+05:30".
    QString id() const;
    bool isFixedOffset() const;
    /// The same zone under either name: equal ids, or tz database names linked to one zone file
    /// (US/Eastern and America/New_York).
    bool sameZoneAs(const ScheduleZone &other) const;
    QTimeZone timeZone() const;

    int offsetAt(qint64 utc) const;
    Period periodAt(qint64 utc) const;
    qint64 toWall(qint64 utc) const { return utc + offsetAt(utc); }
    Resolution resolve(qint64 wall) const;
    /// Where a wall-clock fire time lands: its first occurrence, or the end of the gap it falls in.
    qint64 fireInstant(qint64 wall) const;
    /// "CET", "EDT", "+0530"..., for display.
    QString abbreviation(qint64 utc) const;

    struct Table;

private:
    explicit ScheduleZone(std::shared_ptr<const Table> table);
    std::shared_ptr<const Table> table_;
};

}  // namespace flowdeck
