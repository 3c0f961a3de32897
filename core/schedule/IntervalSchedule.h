#pragma once
/// @file Every N seconds from an anchor.

#include "Schedule.h"
#include "ScheduleZone.h"

#include <optional>

namespace flowdeck {

/// Fires at anchor + k * interval for every integer k. Intervals under 24 hours are absolute
/// (every 3600 s is every real hour, through daylight-saving changes); intervals of 24 hours or
/// more step the zone's wall clock, so a daily interval keeps its local time of day (a step that
/// lands in a gap fires at the end of the gap, one in an overlap at its first occurrence).
class IntervalSchedule : public Schedule {
public:
    /// @p intervalSeconds must be positive. @p anchorWall is the anchor as written on the zone's
    /// clock when it differs from the instant's (an anchor in a gap: 02:30 written, 03:00 the
    /// instant); intervals of 24 hours or more step from it. Default: @p anchor's wall time.
    IntervalSchedule(qint64 intervalSeconds, qint64 anchor, ScheduleZone zone,
                     std::optional<qint64> anchorWall = std::nullopt);

    std::optional<qint64> nextAfter(qint64 after) const override;
    QString describe() const override;

    qint64 intervalSeconds() const { return interval_; }
    qint64 anchor() const { return anchor_; }
    bool keepsWallClock() const { return interval_ >= 86400; }

private:
    qint64 interval_;
    qint64 anchor_;
    qint64 anchorWall_;
    ScheduleZone zone_;
};

/// "3 days", "90 minutes", "1 hour 30 seconds".
QString describeSeconds(qint64 seconds);

}  // namespace flowdeck
