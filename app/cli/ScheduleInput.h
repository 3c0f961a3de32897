#pragma once
/// @file The schedule options `schedule next` reads (--cron, --interval, --rrule, --once, --tz,
/// times), shared with the commands that store schedules.

#include "CommandLine.h"
#include "schedule/ScheduleConfig.h"

#include <optional>

namespace flowdeck::cli {

/// The zone of --tz, else of an --rrule's DTSTART;TZID=..., else the system zone.
std::optional<ScheduleZone> scheduleZoneFrom(const Invocation &invocation, QString &error);
/// The schedule the options describe, validated like a deployment's; false with @p error.
bool scheduleConfigFrom(const Invocation &invocation, const ScheduleZone &zone, ScheduleConfig &config,
                        QString &error);
/// Reads time option --@p name on @p zone's clock; false with @p error when it is not a time.
bool readScheduleTime(const Invocation &invocation, const char *name, const ScheduleZone &zone,
                      std::optional<QDateTime> &target, QString &error);
/// A config problem as the user typed it: "--cron: minute: '*/0' has a zero step".
QString scheduleProblemText(const ScheduleProblem &problem, const Invocation &invocation);
/// "2026-03-30T09:00:00+02:00".
QString isoLocalTime(qint64 utc, const ScheduleZone &zone);

// The subcommands that keep schedules in the run database (ScheduleAdminCommand.cpp).
bool isScheduleAdminSubcommand(const QString &name);
std::vector<Option> scheduleAdminOptions();
QString scheduleAdminSynopsis();
int runScheduleAdmin(const Invocation &invocation);

}  // namespace flowdeck::cli
