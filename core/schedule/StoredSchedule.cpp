#include "StoredSchedule.h"

#include "ScheduleConfig.h"

#include <algorithm>

namespace flowdeck {

std::shared_ptr<const Schedule> scheduleOf(const ScheduleRecord &record) {
    const auto parsed = ScheduleConfig::fromVariantMap(record.config);
    return parsed.ok() ? parsed.config.build().schedule : nullptr;
}

ScheduleZone zoneOf(const ScheduleRecord &record) {
    const auto parsed = ScheduleConfig::fromVariantMap(record.config);
    const auto zone = parsed.config.zone();
    return zone ? *zone : ScheduleZone::utc();
}

std::optional<qint64> nextFireOf(const ScheduleRecord &record, qint64 now) {
    const auto schedule = scheduleOf(record);
    return schedule ? schedule->nextAfter(now) : std::nullopt;
}

bool BackfillPlan::hasRun(qint64 fireSecs) const {
    return std::binary_search(existingMs.begin(), existingMs.end(), fireSecs * 1000);
}

int BackfillPlan::toCreate() const {
    return int(std::count_if(fireTimes.begin(), fireTimes.end(), [this](qint64 t) { return !hasRun(t); }));
}

BackfillPlan planBackfill(const ScheduleStore &store, const ScheduleRecord &record, qint64 from, qint64 to,
                          qint64 now) {
    BackfillPlan plan;
    plan.from = from;
    plan.to = std::min(to, now);
    plan.cutAtNow = to > now;
    if (from > now) {
        plan.refusal = BackfillRefusal::FromInFuture;
        return plan;
    }
    if (to < from) {
        plan.refusal = BackfillRefusal::ToBeforeFrom;
        return plan;
    }
    if (const auto schedule = scheduleOf(record))
        plan.fireTimes = schedule->occurrencesBetween(plan.from, plan.to + 1, kMaxBackfillFires + 1);
    if (int(plan.fireTimes.size()) > kMaxBackfillFires) {
        plan.refusal = BackfillRefusal::TooMany;
        return plan;
    }
    plan.existingMs = store.fireTimesWithRuns(record.id, plan.from * 1000, plan.to * 1000 + 999);
    return plan;
}

int runBackfill(ScheduleStore &store, const ScheduleRecord &record, const BackfillPlan &plan, qint64 nowMs) {
    const int created =
        store.createRuns(record, plan.fireTimes, QStringLiteral("backfill"), nowMs, record.lastFireMs);
    if (created >= 0) store.notify();
    return created;
}

bool runScheduleNow(ScheduleStore &store, const ScheduleRecord &record, qint64 nowSecs, QString *error) {
    // A backfill of this one second: catch-up and pausing leave backfills alone, so a scheduler
    // starting meanwhile does not drop it as a missed fire time.
    const int created = store.createRuns(record, {nowSecs}, QStringLiteral("backfill"), nowSecs * 1000,
                                         record.lastFireMs, error);
    if (created < 0) return false;
    if (created == 0) {
        if (error)
            *error = QStringLiteral("schedule %1 has a run for %2 already").arg(record.name, isoUtc(nowSecs));
        return false;
    }
    store.notify();
    return true;
}

std::vector<UpcomingRun> upcomingRuns(const ScheduleStore &store, qint64 now, qint64 upTo, int limit) {
    std::vector<UpcomingRun> items;
    for (const WaitingRun &w : store.waitingRuns({}, 0, limit))
        if (w.expectedStartMs <= upTo * 1000)
            items.push_back({w.expectedStartMs, w.scheduleName, w.flowName, toString(w.state), w.id, w.pool});
    // Fire times no scheduler has created a run for yet (none is running, or they are far ahead).
    for (const ScheduleRecord &s : store.schedules(true)) {
        const auto schedule = scheduleOf(s);
        if (!schedule) continue;
        const qint64 after = std::max(s.lastFireMs / 1000, now);
        for (const qint64 t : fireTimesAfter(*schedule, after, upTo, limit))
            items.push_back({t * 1000, s.name, s.flowName, QStringLiteral("planned"), QString(), s.pool});
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const UpcomingRun &a, const UpcomingRun &b) { return a.atMs < b.atMs; });
    if (int(items.size()) > limit) items.resize(size_t(limit));
    return items;
}

}  // namespace flowdeck
