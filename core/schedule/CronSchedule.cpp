#include "CronSchedule.h"

#include "CronDescription.h"

namespace flowdeck {

namespace {
// Each step of a search moves past at least one offset change or one matching time; a cron that
// fires at all fires within 400 years, which holds well under this many changes.
constexpr int MaxSteps = 4000;
}  // namespace

CronSchedule::CronSchedule(CronExpression expression, ScheduleZone zone)
    : expression_(std::move(expression)), zone_(std::move(zone)) {}

std::optional<qint64> CronSchedule::nextAfter(qint64 after) const {
    return expression_.isFixedTime() ? nextWallTime(after) : nextRealInstant(after);
}

std::optional<qint64> CronSchedule::nextRealInstant(qint64 after) const {
    // Walk the zone's constant-offset periods: inside one, wall time and real time move together.
    qint64 from = after + 1;
    for (int step = 0; step < MaxSteps; ++step) {
        const ScheduleZone::Period period = zone_.periodAt(from);
        const std::optional<qint64> wall = expression_.nextMatch(from + period.offset);
        if (!wall) return std::nullopt;
        const qint64 instant = *wall - period.offset;
        if (instant < period.end) return instant;
        from = period.end;
    }
    return std::nullopt;
}

std::optional<qint64> CronSchedule::nextWallTime(qint64 after) const {
    // Walk wall-clock matches; each lands on its first occurrence or the end of its gap. After a
    // fall-back the wall clock repeats, so a match may land at or before `after`: skip it.
    qint64 from = zone_.toWall(after) + 1;
    for (int step = 0; step < MaxSteps; ++step) {
        const std::optional<qint64> wall = expression_.nextMatch(from);
        if (!wall) return std::nullopt;
        const qint64 instant = zone_.fireInstant(*wall);
        if (instant > after) return instant;
        from = *wall + 1;
    }
    return std::nullopt;
}

QString CronSchedule::describe() const {
    return QStringLiteral("%1 (%2)").arg(describeCron(expression_), zone_.id());
}

}  // namespace flowdeck
