#include "IntervalSchedule.h"

#include "CivilTime.h"

#include <QStringList>

namespace flowdeck {

IntervalSchedule::IntervalSchedule(qint64 intervalSeconds, qint64 anchor, ScheduleZone zone,
                                   std::optional<qint64> anchorWall)
    : interval_(intervalSeconds),
      anchor_(anchor),
      anchorWall_(anchorWall.value_or(zone.toWall(anchor))),
      zone_(std::move(zone)) {}

std::optional<qint64> IntervalSchedule::nextAfter(qint64 after) const {
    if (!keepsWallClock()) return anchor_ + (floorDiv(after - anchor_, interval_) + 1) * interval_;
    // Step the wall clock: start one step early (the wall clock may be behind after a fall-back)
    // and move forward to the first step that lands after `after`.
    qint64 k = floorDiv(zone_.toWall(after) - anchorWall_, interval_) - 1;
    for (;; ++k) {
        const qint64 instant = zone_.fireInstant(anchorWall_ + k * interval_);
        if (instant > after) return instant;
    }
}

QString IntervalSchedule::describe() const {
    QString text = QStringLiteral("Every %1 from %2")
                       .arg(describeSeconds(interval_), utcFromSecs(anchor_).toString(Qt::ISODate));
    if (keepsWallClock()) text += QStringLiteral(", at the same wall-clock time (%1)").arg(zone_.id());
    return text;
}

QString describeSeconds(qint64 seconds) {
    static const struct {
        qint64 size;
        const char *name;
    } units[] = {{604800, "week"}, {86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}};
    QStringList parts;
    for (const auto &unit : units) {
        const qint64 count = seconds / unit.size;
        seconds %= unit.size;
        if (count == 0) continue;
        if (count == 1 && parts.isEmpty() && seconds == 0) return QLatin1String(unit.name);
        parts << QStringLiteral("%1 %2%3").arg(count).arg(QLatin1String(unit.name),
                                                          count == 1 ? QString() : QStringLiteral("s"));
    }
    return parts.join(QLatin1Char(' '));
}

}  // namespace flowdeck
