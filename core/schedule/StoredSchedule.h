#pragma once
/// @file What the CLI and the GUI both ask of a stored schedule: its Schedule and zone, its next
/// fire, and the plan of a backfill (the fire times of a past window and which have a run).

#include "FireTimes.h"
#include "Schedule.h"
#include "ScheduleZone.h"
#include "store/ScheduleStore.h"

#include <memory>
#include <optional>
#include <vector>

namespace flowdeck {

/// The schedule of @p record's config, or null when the config no longer builds.
std::shared_ptr<const Schedule> scheduleOf(const ScheduleRecord &record);
/// The zone of @p record's config (UTC when it has none that resolves).
ScheduleZone zoneOf(const ScheduleRecord &record);
/// The first fire time after @p now, or nullopt (ended, or an invalid config).
std::optional<qint64> nextFireOf(const ScheduleRecord &record, qint64 now);

/// Why a backfill window is refused.
enum class BackfillRefusal {
    None,
    FromInFuture,  ///< backfill makes past runs; the scheduler makes the future ones
    ToBeforeFrom,
    TooMany,  ///< more than kMaxBackfillFires fire times
};

/// At most this many fire times in one backfill.
constexpr int kMaxBackfillFires = 10000;

/// A backfill's window in UTC seconds (both ends inclusive) and what it would create.
struct BackfillPlan {
    BackfillRefusal refusal = BackfillRefusal::None;
    qint64 from = 0;
    qint64 to = 0;
    bool cutAtNow = false;           ///< the window asked for reached past now: it ends now
    std::vector<qint64> fireTimes;   ///< in the window, in order
    std::vector<qint64> existingMs;  ///< fire times (ms, sorted) that have a run already
    bool ok() const { return refusal == BackfillRefusal::None; }
    bool hasRun(qint64 fireSecs) const;
    int toCreate() const;
};

/// Plans a backfill of @p record over [@p from, @p to] (UTC seconds; read them on zoneOf()'s
/// clock with parseScheduleTime() and parseScheduleEnd()). The window ends at @p now at the
/// latest: a backfill run is due at once, so a future fire time given one would run early and
/// its real fire would get no run.
BackfillPlan planBackfill(const ScheduleStore &store, const ScheduleRecord &record, qint64 from, qint64 to,
                          qint64 now);
/// Creates the plan's runs (due at @p nowMs, each fire time keeps its one run) and wakes the
/// schedulers; returns how many were created, -1 on a database error.
int runBackfill(ScheduleStore &store, const ScheduleRecord &record, const BackfillPlan &plan, qint64 nowMs);

/// Creates one run of @p record due at once (fire time @p nowSecs, origin "backfill") for its
/// pool's scheduler to claim; false with @p error when the database refuses.
bool runScheduleNow(ScheduleStore &store, const ScheduleRecord &record, qint64 nowSecs, QString *error);

/// One run to come: a run a scheduler created ahead (Scheduled or Late), or a fire time of an
/// active schedule that no run exists for yet ("planned").
struct UpcomingRun {
    qint64 atMs = 0;  ///< the expected start
    QString schedule;
    QString flow;
    QString state;  ///< "Scheduled", "Late" or "planned"
    QString runId;  ///< empty when planned
    QString pool;
};

/// What `schedule upcoming` lists and the GUI's strip draws: the waiting runs and the planned fire
/// times after @p now up to @p upTo (UTC seconds), the earliest @p limit of them, in time order.
std::vector<UpcomingRun> upcomingRuns(const ScheduleStore &store, qint64 now, qint64 upTo, int limit);

}  // namespace flowdeck
