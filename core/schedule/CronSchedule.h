#pragma once
/// @file A cron expression read on a time zone's wall clock, with the daylight-saving rules.

#include "CronExpression.h"
#include "Schedule.h"
#include "ScheduleZone.h"

namespace flowdeck {

/// Fires when the zone's wall clock matches a cron expression. Across daylight-saving changes
/// (docs/schedules.md), Vixie cron's rule: a wildcard expression (`*` in its minute or hour
/// field) fires at each real instant whose wall time matches, so skipped times do not fire and
/// repeated ones fire twice; a fixed-time one fires once per matching wall time, at its first
/// occurrence, and the times the clock skips fire once, at the end of the gap.
class CronSchedule : public Schedule {
public:
    CronSchedule(CronExpression expression, ScheduleZone zone);

    std::optional<qint64> nextAfter(qint64 after) const override;
    QString describe() const override;

    const CronExpression &expression() const { return expression_; }
    const ScheduleZone &zone() const { return zone_; }

private:
    std::optional<qint64> nextRealInstant(qint64 after) const;
    std::optional<qint64> nextWallTime(qint64 after) const;

    CronExpression expression_;
    ScheduleZone zone_;
};

}  // namespace flowdeck
