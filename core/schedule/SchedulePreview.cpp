#include "SchedulePreview.h"

#include <cstdlib>

namespace flowdeck {

std::vector<qint64> nextFireTimes(const Schedule &schedule, qint64 after, int count) {
    std::vector<qint64> times;
    for (std::optional<qint64> t = schedule.nextAfter(after); t && int(times.size()) < count;
         t = schedule.nextAfter(*t))
        times.push_back(*t);
    return times;
}

QString offsetText(int offsetSeconds) {
    const int minutes = std::abs(offsetSeconds) / 60;
    return QStringLiteral("%1%2:%3")
        .arg(offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

std::vector<PreviewedFire> previewFireTimes(const Schedule &schedule, const ScheduleZone &zone, qint64 after,
                                            int count) {
    std::vector<PreviewedFire> fires;
    int previous = zone.offsetAt(after);
    for (const qint64 t : nextFireTimes(schedule, after, count)) {
        PreviewedFire fire;
        fire.utc = t;
        fire.offset = zone.offsetAt(t);
        // A fixed offset never moves; in a real zone a changed offset is a daylight-saving change.
        fire.dstMoved = fire.offset != previous;
        if (fire.dstMoved)
            fire.note = QStringLiteral("clock moved from %1 to %2")
                            .arg(offsetText(previous), offsetText(fire.offset));
        previous = fire.offset;
        fires.push_back(fire);
    }
    return fires;
}

}  // namespace flowdeck
