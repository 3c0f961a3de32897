#pragma once
/// @file The next fire times of a schedule as `schedule next` lists them and the schedule form
/// previews them, each with the zone's offset and whether a daylight-saving change moved it.

#include "Schedule.h"
#include "ScheduleZone.h"

#include <QString>

#include <vector>

namespace flowdeck {

/// One previewed fire time.
struct PreviewedFire {
    qint64 utc = 0;
    int offset = 0;         ///< seconds east of UTC at the fire time
    bool dstMoved = false;  ///< the zone's offset changed since the fire before (or since @p after)
    QString note;           ///< why it moved, e.g. "clock moved from +01:00 to +02:00", else empty
};

/// The next @p count fire times strictly after @p after (UTC seconds), in order; fewer when the
/// schedule ends. The loop `schedule next` prints, so the GUI and the CLI agree.
std::vector<qint64> nextFireTimes(const Schedule &schedule, qint64 after, int count);

/// nextFireTimes() with each time's offset in @p zone and a mark on those a daylight-saving
/// change moved: the offset differs from the one before, so the same wall time is another
/// instant (or a wall time the clock skipped fired at the end of the gap).
std::vector<PreviewedFire> previewFireTimes(const Schedule &schedule, const ScheduleZone &zone, qint64 after,
                                            int count);

/// "+05:30", "-04:00", "+00:00".
QString offsetText(int offsetSeconds);

}  // namespace flowdeck
