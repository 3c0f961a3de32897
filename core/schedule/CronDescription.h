#pragma once
/// @file A cron expression in plain English, for `schedule describe` and the schedule forms.

#include <QString>

namespace flowdeck {

class CronExpression;

/// "At 09:00, Monday through Friday", "Every 15 minutes", "At 00:00 on day 1 of the month".
QString describeCron(const CronExpression &expression);

}  // namespace flowdeck
