#include "Scheduler.h"

#include "FireTimes.h"
#include "ScheduleConfig.h"
#include "ScheduledRun.h"
#include "store/RunStore.h"
#include "store/StoreSql.h"
#include "workspace/RunLauncher.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileSystemWatcher>
#include <QSysInfo>

#include <algorithm>
#include <atomic>
#include <climits>
#include <set>

namespace flowdeck {

namespace {

std::atomic<int> g_nextScheduler{1};

/// Even with nothing to do, wake up this often (a belt to the timer's braces).
constexpr qint64 kMaxSleepMs = 5 * 60 * 1000;

qint64 floorSecs(qint64 ms) {
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

}  // namespace

Scheduler::Scheduler(RunStore &store, SchedulerOptions options, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_schedules(std::make_unique<ScheduleStore>(store)),
      m_options(std::move(options)) {
    if (!m_options.launcher) m_ownLauncher = std::make_unique<RunLauncher>(&store);
    m_launcher = m_options.launcher ? m_options.launcher : m_ownLauncher.get();
    if (m_options.pools.isEmpty()) m_options.pools << QStringLiteral("default");
    m_options.pools.removeDuplicates();
    if (m_options.claimer.isEmpty())
        m_options.claimer = QStringLiteral("%1:%2:%3")
                                .arg(QSysInfo::machineHostName())
                                .arg(QCoreApplication::applicationPid())
                                .arg(g_nextScheduler++);
    // Children, so that moveToThread() takes the timers along.
    m_timer.setParent(this);
    m_wakeSoon.setParent(this);
    m_graceTimer.setParent(this);
    connect(&m_timer, &WallClockTimer::timeout, this, &Scheduler::wake);
    m_wakeSoon.setSingleShot(true);
    m_wakeSoon.setInterval(0);
    connect(&m_wakeSoon, &QTimer::timeout, this, [this] { wake(); });
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, &Scheduler::cancelRunning);
}

Scheduler::~Scheduler() {
    for (auto &[id, run] : m_running) run->cancel();
    m_running.clear();  // each waits for its run
}

void Scheduler::start() {
    if (m_started) return;
    m_started = true;
    const QString file = m_schedules->notificationFile();
    if (!QFile::exists(file)) m_schedules->notify();
    m_watcher = new QFileSystemWatcher(this);
    if (!m_watcher->addPath(file))
        qCWarning(lcRunStore).noquote() << "scheduler: cannot watch" << file
                                        << "; changes made by other processes are seen at the next wake-up";
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &changed) {
        // A tool that replaces the file drops the watch; take it again.
        if (!m_watcher->files().contains(changed) && QFile::exists(changed)) m_watcher->addPath(changed);
        requestWake(true);
    });
    wake();
}

void Scheduler::stop(qint64 graceMs) {
    if (m_stopping) return;
    m_stopping = true;
    m_timer.stop();
    m_wakeSoon.stop();
    m_nextWakeMs = 0;
    if (m_watcher && !m_watcher->files().isEmpty()) m_watcher->removePaths(m_watcher->files());
    if (m_running.empty()) {
        // Let the caller connect to stopped() first.
        QMetaObject::invokeMethod(
            this, [this] { finishStop(); }, Qt::QueuedConnection);
        return;
    }
    m_graceTimer.start(int(std::clamp<qint64>(graceMs, 0, INT_MAX)));
}

void Scheduler::cancelRunning() {
    for (auto &[id, run] : m_running) run->cancel();
}

void Scheduler::finishStop() {
    m_graceTimer.stop();
    m_store.flush();
    emit stopped();
}

void Scheduler::requestWake(bool reload) {
    if (m_stopping) return;
    m_reload = m_reload || reload;
    if (!m_wakeSoon.isActive()) m_wakeSoon.start();
}

// One pass: everything due now, then sleep until the next instant with work.
void Scheduler::wake() {
    if (m_stopping || !m_started) return;
    qint64 now = this->now();
    // Awake later than a run may wait after the wake-up we asked for: the machine slept or this
    // process was stopped, so the runs that came due meanwhile were missed, and the catch-up
    // policies decide about them. Checked on every pass, not only the timer's: after a resume,
    // a queued notification (a run that ended, another process's change) may come first.
    if (m_nextWakeMs > 0 && now - m_nextWakeMs > m_options.lateAfterMs) {
        m_sleptSinceMs = m_nextWakeMs;
        m_reload = true;
    }
    bool planDue = false;
    for (const auto &[id, p] : m_planned) planDue = planDue || (p.planAtMs > 0 && p.planAtMs <= now);
    if (m_reload || planDue) {
        m_reload = false;
        reloadSchedules();
        for (auto &[id, p] : m_planned) {
            if (!m_seen.contains(id) || m_sleptSinceMs > 0) catchUp(p, now);
            m_seen.insert(id);
            plan(p, now);
        }
        m_sleptSinceMs = 0;
        if (stalledSince(now)) return;
        now = this->now();
    }
    claimDue(now);
    m_schedules->markLate(
        m_options.pools, now - m_options.lateAfterMs,
        QStringLiteral("not started within %1 s of its expected start").arg(m_options.lateAfterMs / 1000.0));
    if (stalledSince(now)) return;
    armTimer(this->now());
}

// The process can be stopped or the machine suspended in the middle of a pass, too. Then the
// rest of the pass must not treat the missed times as due on time: the next pass takes the
// pause for a sleep that began at this pass's start, like one between passes.
bool Scheduler::stalledSince(qint64 passStartMs) {
    if (this->now() - passStartMs <= m_options.lateAfterMs) return false;
    m_nextWakeMs = passStartMs;
    requestWake(true);
    return true;
}

qint64 Scheduler::now() const { return m_options.clock ? m_options.clock() : nowMs(); }

bool Scheduler::plans(const ScheduleRecord &schedule) const {
    return schedule.active && (m_options.planAllSchedules || m_options.pools.contains(schedule.pool));
}

void Scheduler::reloadSchedules() {
    std::map<qint64, Planned> fresh;
    for (ScheduleRecord &record : m_schedules->schedules(true)) {
        if (!plans(record)) continue;
        Planned p;
        const auto old = m_planned.find(record.id);
        const bool sameConfig = old != m_planned.end() && old->second.record.config == record.config;
        if (sameConfig) {
            p.schedule = old->second.schedule;
        } else {
            const auto parsed = ScheduleConfig::fromVariantMap(record.config);
            const auto built = parsed.ok() ? parsed.config.build() : ScheduleConfig::BuildResult{};
            if (!built.schedule) {
                qCWarning(lcRunStore).noquote()
                    << "scheduler: schedule" << record.name << "is invalid; skipped";
                continue;
            }
            p.schedule = built.schedule;
        }
        p.record = std::move(record);
        fresh.emplace(p.record.id, std::move(p));
    }
    m_planned = std::move(fresh);
}

/// Whether the run's creator is gone, so that nobody was there to start it on time.
bool Scheduler::creatorIsGone(const WaitingRun &run, qint64 now) const {
    if (run.host != QSysInfo::machineHostName()) return run.expectedStartMs < now - m_options.lateAfterMs;
    if (m_sleptSinceMs > 0 && run.expectedStartMs >= m_sleptSinceMs) return true;  // due while we slept
    if (run.pid == QCoreApplication::applicationPid()) return false;  // another scheduler of ours
    return !isProcessAlive(run.pid);
}

// Fire times missed while nothing ran: those with no run after lastFireMs, and runs created
// ahead by a process that died before they were due. The policy keeps none, the latest, or
// the latest catchUpCap of them; the others are dropped (their rows deleted).
void Scheduler::catchUp(Planned &p, qint64 now) {
    const ScheduleRecord &s = p.record;
    // A fire time of the last second is not missed, only a little late: it runs as usual.
    const qint64 cutoff = floorSecs(now - 1000);
    std::vector<WaitingRun> orphans;
    for (const WaitingRun &run : m_schedules->overdueRuns(s.id, cutoff * 1000 + 1))
        if (creatorIsGone(run, now)) orphans.push_back(run);
    const qint64 last = floorSecs(s.lastFireMs);
    if (orphans.empty() && last >= cutoff) return;

    const int keepCount = s.catchUp == CatchUp::Skip     ? 0
                          : s.catchUp == CatchUp::Latest ? 1
                                                         : std::max(1, s.catchUpCap);
    std::set<qint64> missed;
    for (const qint64 t : latestFireTimes(*p.schedule, last, cutoff, keepCount)) missed.insert(t);
    for (const WaitingRun &run : orphans) missed.insert(run.fireMs / 1000);
    std::set<qint64> keep;
    for (auto it = missed.rbegin(); it != missed.rend() && int(keep.size()) < keepCount; ++it)
        keep.insert(*it);

    QStringList dropped, kept;
    for (const WaitingRun &run : orphans) (keep.count(run.fireMs / 1000) ? kept : dropped) << run.id;
    m_schedules->deleteWaitingRuns(dropped);
    m_schedules->markCaughtUp(kept);
    const std::vector<qint64> toCreate(keep.begin(), keep.end());
    m_schedules->createRuns(s, toCreate, QStringLiteral("catch-up"), 0, cutoff * 1000);
    p.record.lastFireMs = std::max(s.lastFireMs, cutoff * 1000);
    emit caughtUp(s.name, int(keep.size()), int(dropped.size()));
}

// Creates the runs of the next lookahead (at most maxRunsAhead), and always the next one, so
// that every process sees what is coming and `schedule upcoming` can list it.
void Scheduler::plan(Planned &p, qint64 now) {
    const ScheduleRecord &s = p.record;
    const qint64 last = floorSecs(s.lastFireMs);
    const qint64 horizon = floorSecs(now + m_options.lookaheadMs);
    std::vector<qint64> times =
        fireTimesAfter(*p.schedule, last, horizon, std::max(1, m_options.maxRunsAhead));
    if (times.empty() && s.lastFireMs <= now) {
        if (const auto next = p.schedule->nextAfter(last)) times.push_back(*next);
    }
    if (!times.empty()) {
        const int created =
            m_schedules->createRuns(s, times, QStringLiteral("schedule"), 0, times.back() * 1000);
        p.record.lastFireMs = std::max(s.lastFireMs, times.back() * 1000);
        if (created > 0) m_schedules->notify();  // other pools' workers learn of new runs
    }
    const auto next = p.schedule->nextAfter(floorSecs(p.record.lastFireMs));
    if (!next) {
        p.planAtMs = 0;
        return;
    }
    // Top up when half the lookahead is left, or half-way to the last run created when capped.
    const qint64 nextMs = *next * 1000;
    p.planAtMs = std::max(nextMs - m_options.lookaheadMs / 2,
                          now + std::max<qint64>(1000, (p.record.lastFireMs - now) / 2));
    p.planAtMs = std::min(p.planAtMs, nextMs);
    // Once the last run created is due, the next one must exist (the "always the next one" rule).
    if (p.record.lastFireMs > now) p.planAtMs = std::min(p.planAtMs, p.record.lastFireMs);
}

void Scheduler::claimDue(qint64 now) {
    if (m_stopping) return;
    const int room = m_options.maxConcurrentRuns > 0 ? m_options.maxConcurrentRuns - runningCount() : INT_MAX;
    if (room <= 0) return;
    int started = 0;
    QSet<qint64> blocked;  // a schedule at its max_active_runs blocks its later runs too
    for (const WaitingRun &run : m_schedules->waitingRuns(m_options.pools, now)) {
        if (started >= room) break;
        if (!m_options.queue.isEmpty() && run.queue != m_options.queue) continue;
        if (blocked.contains(run.scheduleId)) continue;
        switch (m_schedules->claim(run.id, m_options.claimer, now)) {
            case ClaimOutcome::Claimed:
                startRun(run);
                ++started;
                break;
            case ClaimOutcome::Cancelled:
                emit runCancelled(run.id, run.scheduleName);
                break;
            case ClaimOutcome::Blocked:
                blocked.insert(run.scheduleId);
                break;  // retried when something finishes or changes (the notification file)
            case ClaimOutcome::Taken:
                break;
        }
    }
}

void Scheduler::startRun(const WaitingRun &run) {
    ScheduleRecord schedule;
    if (const auto it = m_planned.find(run.scheduleId); it != m_planned.end())
        schedule = it->second.record;
    else if (const auto found = m_schedules->schedule(run.scheduleId))
        schedule = *found;
    auto scheduled = std::make_unique<ScheduledRun>(*m_launcher, run, schedule, m_options.runOptionsFor);
    connect(scheduled.get(), &ScheduledRun::finished, this, &Scheduler::onRunFinished, Qt::QueuedConnection);
    scheduled->start();
    m_running.emplace(run.id, std::move(scheduled));
    emit runStarted(run.id, run.scheduleName, run.expectedStartMs);
}

void Scheduler::onRunFinished(const QString &runId, RunState state, const QString &message) {
    const auto it = m_running.find(runId);
    if (it == m_running.end()) return;
    const QString scheduleName = it->second->run().scheduleName;
    m_running.erase(it);  // joins the finished thread
    emit runFinished(runId, scheduleName, state, message);
    m_schedules->notify();  // a slot freed: every scheduler on the database may claim again
    if (m_stopping) {
        if (m_running.empty()) finishStop();
        return;
    }
    requestWake(false);
}

void Scheduler::armTimer(qint64 now) {
    if (m_stopping) return;
    qint64 target = now + kMaxSleepMs;
    if (const qint64 due = m_schedules->nextExpectedStart(m_options.pools, now); due > 0)
        target = std::min(target, due);
    // The first waiting run that is not Late yet turns Late at its expected start + lateAfterMs.
    const qint64 lateFrom = now - m_options.lateAfterMs;
    if (const qint64 waiting = m_schedules->nextExpectedStart(m_options.pools, lateFrom);
        waiting > 0 && waiting <= now)
        target = std::min(target, waiting + m_options.lateAfterMs + 1);
    for (const auto &[id, p] : m_planned)
        if (p.planAtMs > 0) target = std::min(target, p.planAtMs);
    m_nextWakeMs = std::max(target, now);
    // The timer reads the system clock; an injected clock is honoured as a delay from now.
    m_timer.startAt(m_options.clock ? nowMs() + (m_nextWakeMs - now) : m_nextWakeMs);
}

}  // namespace flowdeck
