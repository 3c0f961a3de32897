#pragma once
/// @file Any schedule configuration in one plain sentence, for the Schedules panel and form:
/// cron through describeCron(), intervals, one-time schedules and the common RRULEs.

#include "ScheduleConfig.h"

#include <QString>

namespace flowdeck {

/// "At 09:00, Monday through Friday", "Every 2 hours", "Once, on 2026-03-08 at 02:30",
/// "Weekly on Monday and Wednesday at 09:00". Empty when the config does not describe a schedule
/// (an invalid cron expression, no interval).
QString describeSchedule(const ScheduleConfig &config);

/// An RRULE ("FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9") as a sentence; rules with parts it does not
/// know read "Repeats by the rule ...".
QString describeRRule(const QString &rule);

}  // namespace flowdeck
