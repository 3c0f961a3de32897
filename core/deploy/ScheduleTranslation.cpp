#include "ScheduleTranslation.h"

#include "flow/Units.h"
#include "schedule/CivilTime.h"
#include "schedule/CronExpression.h"

#include <QDateTime>
#include "schedule/ScheduleZone.h"

namespace flowdeck {

namespace {

/// The set bits of @p bits from @p lo to @p hi as "*" or comma-separated values and ranges.
QString fieldText(quint64 bits, int lo, int hi, const QString &rangeSep, int width = 1,
                  const QStringList &names = {}) {
    bool all = true;
    for (int v = lo; v <= hi; ++v) all = all && (bits >> v & 1);
    if (all) return QStringLiteral("*");
    const auto name = [&](int v) { return names.isEmpty() ? QStringLiteral("%1").arg(v, width, 10, QLatin1Char('0')) : names[v]; };
    QStringList parts;
    for (int v = lo; v <= hi; ++v) {
        if (!(bits >> v & 1)) continue;
        int end = v;
        while (end + 1 <= hi && (bits >> (end + 1) & 1)) ++end;
        if (end - v >= 2) parts << name(v) + rangeSep + name(end);
        else for (int x = v; x <= end; ++x) parts << name(x);
        v = end;
    }
    return parts.join(QLatin1Char(','));
}

/// The cron an interval stands for when it divides an hour or a day and its anchor is on the
/// zone's clock; empty when cron cannot express it.
QString intervalAsCron(const ScheduleConfig &c) {
    const qint64 seconds = c.intervalSeconds.value_or(0);
    if (seconds <= 0 || seconds % 60 != 0) return {};
    if (c.anchor && !c.anchorWall) return {};
    const qint64 wall = c.anchorWall.value_or(0);
    const int anchorMinute = int((wall / 60) % 60 + 60) % 60;
    const int anchorHour = int((wall / 3600) % 24 + 24) % 24;
    const qint64 minutes = seconds / 60;
    if (minutes < 60 && 60 % minutes == 0) {
        const int first = anchorMinute % int(minutes);
        return minutes == 1 ? QStringLiteral("* * * * *")
                            : QStringLiteral("%1-59/%2 * * * *").arg(first).arg(minutes);
    }
    if (minutes % 60 != 0) return {};
    const qint64 hours = minutes / 60;
    if (hours < 24 && 24 % hours == 0)
        return QStringLiteral("%1 %2-23/%3 * * *").arg(anchorMinute).arg(anchorHour % hours).arg(hours);
    if (hours == 24) return QStringLiteral("%1 %2 * * *").arg(anchorMinute).arg(anchorHour);
    return {};
}

/// The cron text of a cron or cron-expressible interval schedule, or why there is none.
QString cronOf(const DeploymentSchedule &s, QString *problem) {
    const ScheduleConfig &c = s.config;
    if (c.scheduleType == ScheduleType::Cron) return c.cronExpression;
    if (c.scheduleType == ScheduleType::Interval) {
        const QString cron = intervalAsCron(c);
        if (cron.isEmpty())
            *problem = QStringLiteral("an interval of %1 does not divide an hour or a day evenly from its anchor, so no cron "
                                      "expression can express it").arg(formatDuration(double(c.intervalSeconds.value_or(0))));
        return cron;
    }
    *problem = c.scheduleType == ScheduleType::Once ? QStringLiteral("a one-time schedule has no cron expression")
                                                    : QStringLiteral("an RRULE schedule has no cron expression");
    return {};
}

const QStringList weekdayNames = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

}  // namespace

QString exportZone(const DeploymentSchedule &schedule) {
    if (!schedule.config.timezone.isEmpty()) return schedule.config.timezone;
    if (const auto zone = schedule.config.zone(); zone && !schedule.config.rrule.isEmpty()) return zone->id();
    return QStringLiteral("UTC");
}

TranslatedSchedule toKubernetesCron(const DeploymentSchedule &schedule) {
    TranslatedSchedule t;
    t.zone = exportZone(schedule);
    const QString text = cronOf(schedule, &t.problem);
    if (!t.ok()) return t;
    const CronParseResult parsed = CronExpression::parse(text, schedule.config.dayOr);
    if (!parsed.ok()) {
        t.problem = parsed.message;
        return t;
    }
    const CronExpression &e = *parsed.expression;
    if (!schedule.config.dayOr && e.dayOfMonthRestricted() && e.dayOfWeekRestricted()) {
        t.problem = QStringLiteral("day_or: false (both day fields must match) cannot be expressed: Kubernetes and Argo "
                                   "cron match either day field");
        return t;
    }
    // Rebuilt from the parsed fields: names, 7 for Sunday, '?' and @daily become plain numbers.
    const QString dom = e.dayOfMonthRestricted() ? fieldText(e.daysOfMonth(), 1, 31, "-") : QStringLiteral("*");
    const QString dow = e.dayOfWeekRestricted() ? fieldText(e.daysOfWeek(), 0, 6, "-") : QStringLiteral("*");
    t.lines << QStringLiteral("%1 %2 %3 %4 %5")
                   .arg(fieldText(e.minutes(), 0, 59, "-"), fieldText(e.hours(), 0, 23, "-"), dom,
                        fieldText(e.months(), 1, 12, "-"), dow);
    return t;
}

TranslatedSchedule toCrontab(const DeploymentSchedule &schedule) { return toKubernetesCron(schedule); }

TranslatedSchedule toOnCalendar(const DeploymentSchedule &schedule) {
    TranslatedSchedule t;
    t.zone = exportZone(schedule);
    const ScheduleConfig &c = schedule.config;
    if (c.scheduleType == ScheduleType::Once) {
        const auto zone = ScheduleZone::fromText(t.zone);
        if (!c.startDate || !zone) {
            t.problem = QStringLiteral("a one-time schedule needs a start_date");
            return t;
        }
        const CivilTime wall = civilFromWall(zone->toWall(c.startDate->toSecsSinceEpoch()));
        t.lines << QStringLiteral("%1-%2-%3 %4:%5:%6 %7")
                       .arg(wall.year, 4, 10, QLatin1Char('0')).arg(wall.month, 2, 10, QLatin1Char('0'))
                       .arg(wall.day, 2, 10, QLatin1Char('0')).arg(wall.hour, 2, 10, QLatin1Char('0'))
                       .arg(wall.minute, 2, 10, QLatin1Char('0')).arg(wall.second, 2, 10, QLatin1Char('0')).arg(t.zone);
        return t;
    }
    const QString text = cronOf(schedule, &t.problem);
    if (!t.ok()) return t;
    const CronParseResult parsed = CronExpression::parse(text, c.dayOr);
    if (!parsed.ok()) {
        t.problem = parsed.message;
        return t;
    }
    const CronExpression &e = *parsed.expression;
    const QString time = fieldText(e.hours(), 0, 23, "..", 2) + QLatin1Char(':') + fieldText(e.minutes(), 0, 59, "..", 2) +
                         QStringLiteral(":00");
    const QString months = fieldText(e.months(), 1, 12, "..", 2);
    const QString days = fieldText(e.daysOfMonth(), 1, 31, "..", 2);
    const QString weekdays = fieldText(e.daysOfWeek(), 0, 6, "..", 1, weekdayNames);
    const auto line = [&](bool withWeekdays, bool withDays) {
        QString out = withWeekdays ? weekdays + QLatin1Char(' ') : QString();
        return out + QStringLiteral("*-%1-%2 %3 %4").arg(months, withDays ? days : QStringLiteral("*"), time, t.zone);
    };
    const bool dom = e.dayOfMonthRestricted(), dow = e.dayOfWeekRestricted();
    if (dom && dow && c.dayOr) t.lines << line(true, false) << line(false, true);  // cron ORs, systemd ANDs
    else t.lines << line(dow, dom);
    return t;
}

QString describeSchedule(const DeploymentSchedule &schedule) {
    const ScheduleConfig &c = schedule.config;
    const QString zone = exportZone(schedule);
    switch (c.scheduleType) {
    case ScheduleType::Cron: return QStringLiteral("cron '%1' in %2").arg(c.cronExpression, zone);
    case ScheduleType::Interval:
        return QStringLiteral("every %1 in %2").arg(formatDuration(double(c.intervalSeconds.value_or(0))), zone);
    case ScheduleType::Once: return QStringLiteral("once at %1").arg(c.startDate ? c.startDate->toString(Qt::ISODate) : QString());
    case ScheduleType::Recurring: return QStringLiteral("RRULE '%1' in %2").arg(c.rrule, zone);
    }
    return {};
}

}  // namespace flowdeck
