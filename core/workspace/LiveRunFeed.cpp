#include "workspace/LiveRunFeed.h"

#include <QMetaObject>

namespace flowdeck {

namespace {

QString taskKey(const QString &runId, const QString &task) {
    return runId + QChar(0x1f) + task;
}

/// Samples are the GUI's charts: a few per task and second. A flood is cut like the logs.
constexpr size_t kMaxSamplesPerUpdate = 20000;

}  // namespace

LiveRunFeed::LiveRunFeed(int intervalMs, QObject *parent) : QObject(parent), m_intervalMs(std::max(0, intervalMs)) {
    qRegisterMetaType<LiveUpdate>();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LiveRunFeed::onTimer);
    m_sinceDrain.start();
}

LiveRunFeed::~LiveRunFeed() = default;

void LiveRunFeed::post(const RunEvent &event) {
    {
        QMutexLocker lock(&m_mutex);
        apply(event);
    }
    arm();
}

void LiveRunFeed::post(const LogLine &line) {
    {
        QMutexLocker lock(&m_mutex);
        if (int(m_logs.size()) < m_logLimit) m_logs.push_back(line);
        else ++m_droppedLogs;
    }
    arm();
}

void LiveRunFeed::post(const MetricSample &sample) {
    {
        QMutexLocker lock(&m_mutex);
        if (m_samples.size() < kMaxSamplesPerUpdate) m_samples.push_back(sample);
        RunTasks &run = m_runs[sample.runId];
        run.live.runId = sample.runId;
        TaskState &task = run.tasks[sample.task];
        task.live.runId = sample.runId;
        task.live.task = sample.task;
        task.live.rssBytes = sample.rssBytes;
        task.live.cpuSeconds = sample.cpuSeconds;
        markTask(sample.runId, sample.task);
    }
    arm();
}

// ----- folding events (under the mutex) -------------------------------------------------------

void LiveRunFeed::apply(const RunEvent &e) {
    RunTasks &run = m_runs[e.runId];
    run.live.runId = e.runId;
    if (e.task.isEmpty()) {
        run.live.state = e.state;
        run.live.message = e.message;
        if (e.state == RunState::Running && run.live.startMs == 0) run.live.startMs = e.timeMs;
        if (isFinal(e.state)) run.live.endMs = e.timeMs;
        markRun(e.runId);
        return;
    }
    TaskState &task = run.tasks[e.task];
    const bool known = task.seen;
    task.seen = true;
    const RunState before = task.live.state;
    task.live.runId = e.runId;
    task.live.task = e.task;
    task.live.attempt = std::max(task.live.attempt, e.attempt);
    if (e.mapIndex >= 0) {
        applyToItem(task, e);
    } else {
        task.live.state = e.state;
        task.live.message = e.message;
        if ((e.state == RunState::Running || e.state == RunState::Retrying) && task.live.startMs == 0)
            task.live.startMs = e.timeMs;
        task.live.endMs = isFinal(e.state) ? e.timeMs : 0;
    }
    // The run's counts follow each task's change, without walking every task.
    if (!known) ++run.live.tasksSeen;
    if (isFinal(before) != isFinal(task.live.state)) run.live.tasksDone += isFinal(task.live.state) ? 1 : -1;
    if (isFailure(before) != isFailure(task.live.state))
        run.live.tasksFailed += isFailure(task.live.state) ? 1 : -1;
    markTask(e.runId, e.task);
    if (!known || isFinal(before) != isFinal(task.live.state)) markRun(e.runId);
}

void LiveRunFeed::applyToItem(TaskState &task, const RunEvent &e) {
    const auto found = task.items.constFind(e.mapIndex);
    const RunState before = found == task.items.constEnd() ? RunState::Pending : *found;
    if (found == task.items.constEnd()) ++task.live.itemsTotal;
    task.items.insert(e.mapIndex, e.state);
    if (isFinal(before) != isFinal(e.state)) task.live.itemsDone += isFinal(e.state) ? 1 : -1;
    if (isFailure(before) != isFailure(e.state)) task.live.itemsFailed += isFailure(e.state) ? 1 : -1;
    if ((e.state == RunState::Running || e.state == RunState::Retrying) && task.live.startMs == 0)
        task.live.startMs = e.timeMs;
    // The task's own events say when it is Running and how it ended; an item's only say more
    // when the task has none yet (a task whose items are all cache hits).
    if (task.live.state == RunState::Pending && e.state != RunState::Pending) task.live.state = RunState::Running;
}

void LiveRunFeed::markRun(const QString &runId) {
    bool &marked = m_runMarked[runId];
    if (marked) return;
    marked = true;
    m_changedRuns.push_back(runId);
}

void LiveRunFeed::markTask(const QString &runId, const QString &task) {
    bool &marked = m_taskMarked[taskKey(runId, task)];
    if (marked) return;
    marked = true;
    m_changedTasks.emplace_back(runId, task);
}

// ----- handing on ------------------------------------------------------------------------------

void LiveRunFeed::arm() {
    // One queued call per quiet period: the first post after an update arms the timer.
    if (m_armed.exchange(true, std::memory_order_acq_rel)) return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            const qint64 wait = std::max<qint64>(0, m_intervalMs - m_sinceDrain.elapsed());
            m_timer.start(int(wait));
        },
        Qt::QueuedConnection);
}

void LiveRunFeed::onTimer() {
    // Never sooner than the interval after the last update, however the timer was started.
    const qint64 early = m_intervalMs - m_sinceDrain.elapsed();
    if (early > 0) {
        m_timer.start(int(early));
        return;
    }
    drainNow();
}

void LiveRunFeed::drainNow() {
    m_timer.stop();
    // Cleared before taking: a post that comes during the update arms the next one.
    m_armed.store(false, std::memory_order_release);
    LiveUpdate update = take();
    m_sinceDrain.restart();
    if (update.runs.empty() && update.tasks.empty() && update.logs.empty() && update.samples.empty() &&
        update.droppedLogs == 0)
        return;
    emit updated(update);
}

LiveUpdate LiveRunFeed::take() {
    LiveUpdate update;
    QMutexLocker lock(&m_mutex);
    update.runs.reserve(m_changedRuns.size());
    for (const QString &id : m_changedRuns) {
        const auto run = m_runs.constFind(id);
        if (run != m_runs.constEnd()) update.runs.push_back(run->live);
    }
    update.tasks.reserve(m_changedTasks.size());
    for (const auto &[runId, task] : m_changedTasks) {
        const auto run = m_runs.constFind(runId);
        if (run == m_runs.constEnd()) continue;
        const auto found = run->tasks.constFind(task);
        if (found != run->tasks.constEnd()) update.tasks.push_back(found->live);
    }
    update.logs.swap(m_logs);
    update.samples.swap(m_samples);
    update.droppedLogs = m_droppedLogs;
    m_droppedLogs = 0;
    m_changedRuns.clear();
    m_runMarked.clear();
    m_changedTasks.clear();
    m_taskMarked.clear();
    return update;
}

bool LiveRunFeed::isUpdatePending() const {
    return m_armed.load(std::memory_order_acquire);
}

// ----- reading ---------------------------------------------------------------------------------

std::optional<LiveRun> LiveRunFeed::run(const QString &runId) const {
    QMutexLocker lock(&m_mutex);
    const auto found = m_runs.constFind(runId);
    if (found == m_runs.constEnd()) return std::nullopt;
    return found->live;
}

std::vector<LiveTask> LiveRunFeed::tasks(const QString &runId) const {
    QMutexLocker lock(&m_mutex);
    std::vector<LiveTask> tasks;
    const auto found = m_runs.constFind(runId);
    if (found == m_runs.constEnd()) return tasks;
    tasks.reserve(size_t(found->tasks.size()));
    for (const TaskState &task : found->tasks) tasks.push_back(task.live);
    return tasks;
}

void LiveRunFeed::forget(const QString &runId) {
    QMutexLocker lock(&m_mutex);
    m_runs.remove(runId);
}

}  // namespace flowdeck
