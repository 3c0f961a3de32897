#pragma once
/// @file A deployment's schedules in the terms of each target: standard five-field cron for
/// Kubernetes and Argo, OnCalendar= lines for systemd timers, and the zone they run in. What a
/// target cannot express comes back as a reason, so the validator can say so.

#include "DeploymentConfig.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace flowdeck {

/// A schedule as one target sees it: the text, or why there is none.
struct TranslatedSchedule {
    QStringList lines;  ///< cron: one expression; OnCalendar: one or two lines
    QString zone;       ///< IANA zone or "UTC"
    QString problem;    ///< set when the target cannot express the schedule
    bool ok() const { return problem.isEmpty(); }
};

/// The zone a schedule runs in when exported: its timezone, else UTC (exports must not depend
/// on the zone of the machine that wrote them).
QString exportZone(const DeploymentSchedule &schedule);
/// A cron expression Kubernetes CronJobs and Argo CronWorkflows accept (five fields, ranges and
/// lists only), from a cron or an interval that divides an hour or a day evenly.
TranslatedSchedule toKubernetesCron(const DeploymentSchedule &schedule);
/// OnCalendar= values: a cron (two lines when both day fields are restricted, since systemd
/// ANDs them where cron ORs), a one-time schedule, or an interval that cron can express.
TranslatedSchedule toOnCalendar(const DeploymentSchedule &schedule);
/// A crontab line's time fields and its CRON_TZ, for crons and cron-expressible intervals.
TranslatedSchedule toCrontab(const DeploymentSchedule &schedule);
/// The schedule in words for comments: "cron '0 2 * * *' in Europe/Berlin", "every 15m".
QString describeSchedule(const DeploymentSchedule &schedule);

}  // namespace flowdeck
