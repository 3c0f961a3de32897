#include "workspace/RunLauncher.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QThread>

#include <algorithm>

namespace flowdeck {

QString LaunchResult::problemText() const {
    QStringList lines;
    for (const Diagnostic &d : problems) lines << d.message;
    return lines.join(QLatin1Char('\n'));
}

/// One run of the launcher, from start() until its thread has ended.
struct RunLauncher::Active {
    QString runId;
    QString flowName;
    FlowRun *run = nullptr;  ///< while the engine runs it; guarded by the launcher's mutex
    bool cancelRequested = false;
    bool done = false;  ///< the run is over (its thread may still be winding down)
    RunState state = RunState::Pending;
    QString message;
    std::unique_ptr<QThread> thread;  ///< null for runHere()
};

RunLauncher::RunLauncher(RunServices services, QObject *parent) : QObject(parent), m_services(std::move(services)) {}

RunLauncher::~RunLauncher() {
    cancelAll();
    waitForAll();
    QMutexLocker lock(&m_mutex);
    for (const auto &active : std::as_const(m_active)) {
        if (!active->thread) continue;
        active->thread->wait();  // past its run, only returning
        active->thread.reset();  // its function and finished() connection hold the Active
    }
    m_active.clear();
}

void RunLauncher::addListener(RunEventSink *listener) {
    QMutexLocker lock(&m_mutex);
    if (std::find(m_services.listeners.begin(), m_services.listeners.end(), listener) == m_services.listeners.end())
        m_services.listeners.push_back(listener);
}

void RunLauncher::removeListener(RunEventSink *listener) {
    QMutexLocker lock(&m_mutex);
    auto &all = m_services.listeners;
    all.erase(std::remove(all.begin(), all.end(), listener), all.end());
}

RunServices RunLauncher::servicesForRun() const {
    QMutexLocker lock(&m_mutex);
    return m_services;
}

LaunchResult RunLauncher::start(const LaunchRequest &request) {
    LaunchResult result;
    auto active = std::make_shared<Active>();
    if (request.loader) {
        if (request.options.runId.isEmpty()) {
            Diagnostic d;
            d.message = QStringLiteral("a run whose flow is loaded on its thread needs the id of a claimed run");
            result.problems.push_back(d);
            return result;
        }
        active->runId = request.options.runId;
    } else {
        // Created here to check the flow and parameters at once; it runs on its own thread.
        auto run = std::make_unique<FlowRun>(request.flow, request.flowPath, servicesForRun(), request.options);
        result.problems = run->prepare();
        if (result.isRefused()) return result;
        active->runId = run->id();
        active->flowName = request.flow.name;
        active->run = run.release();
    }
    result.runId = active->runId;
    // Only a loader needs the request on the thread; the engine has its own copy of the flow.
    LaunchRequest forThread;
    if (request.loader) forThread = request;
    auto *thread = QThread::create([this, active, forThread = std::move(forThread)]() mutable {
        runOnThread(active, std::move(forThread));
    });
    thread->setObjectName(QStringLiteral("run-") + active->runId.left(8));
    if (active->run) active->run->moveToThread(thread);
    active->thread.reset(thread);
    connect(thread, &QThread::finished, this, [this, active] { onThreadFinished(active); }, Qt::QueuedConnection);
    {
        QMutexLocker lock(&m_mutex);
        m_active.insert(active->runId, active);
    }
    if (!request.loader) emit started(active->runId, active->flowName);
    thread->start();
    return result;
}

void RunLauncher::runOnThread(const std::shared_ptr<Active> &active, LaunchRequest request) {
    FlowRun *run = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        run = active->run;
    }
    if (!run) {
        // A loaded flow: read it here, so a large file never blocks the caller.
        QString error;
        if (!request.loader(request.flow, request.options, &error)) {
            failClaimedRun(active->runId, error);
            return finishOnThread(active, RunState::Failed, error);
        }
        auto created = std::make_unique<FlowRun>(request.flow, request.flowPath, servicesForRun(), request.options);
        const Diagnostics refused = created->prepare();
        if (hasErrors(refused)) {
            QStringList texts;
            for (const Diagnostic &p : refused) texts << p.message;
            failClaimedRun(active->runId, texts.join(QStringLiteral("; ")));
            return finishOnThread(active, RunState::Failed, texts.join(QStringLiteral("; ")));
        }
        run = created.release();
        const QString name = request.flow.name;
        QMetaObject::invokeMethod(this, [this, id = active->runId, name] { emit started(id, name); },
                                  Qt::QueuedConnection);
        bool cancelled = false;
        {
            QMutexLocker lock(&m_mutex);
            active->run = run;
            active->flowName = name;
            cancelled = active->cancelRequested;
        }
        // A `runs cancel` between the claim and now was signalled before the engine listened.
        const RunServices services = servicesForRun();
        if (cancelled || (services.cancels && services.cancels->isCancelRequested(active->runId))) run->cancel();
    }
    const RunState state = run->execute();
    const QString message = run->message();
    {
        QMutexLocker lock(&m_mutex);
        active->run = nullptr;
    }
    delete run;
    finishOnThread(active, state, message);
}

void RunLauncher::finishOnThread(const std::shared_ptr<Active> &active, RunState state, const QString &message) {
    // Other processes (schedulers counting active runs, a GUI's runs browser) read the database.
    if (RunRecorder *recorder = servicesForRun().recorder) recorder->flush();
    QMutexLocker lock(&m_mutex);
    active->state = state;
    active->message = message;
    active->done = true;
    m_idle.wakeAll();
}

void RunLauncher::failClaimedRun(const QString &runId, const QString &message) {
    RunRecorder *recorder = servicesForRun().recorder;
    if (!recorder) return;
    // The claimed row is Pending; a flow-level event ends it as the engine would.
    RunEvent e;
    e.runId = runId;
    e.state = RunState::Failed;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.message = message;
    recorder->post(e);
}

void RunLauncher::onThreadFinished(const std::shared_ptr<Active> &active) {
    active->thread->wait();
    RunState state;
    QString message;
    {
        QMutexLocker lock(&m_mutex);
        state = active->state;
        message = active->message;
        m_active.remove(active->runId);
    }
    active->thread.reset();
    emit finished(active->runId, state, message);
}

LaunchResult RunLauncher::runHere(const LaunchRequest &request) {
    LaunchResult result;
    FlowRun run(request.flow, request.flowPath, servicesForRun(), request.options);
    result.problems = run.prepare();
    if (result.isRefused()) return result;
    auto active = std::make_shared<Active>();
    active->runId = run.id();
    active->flowName = request.flow.name;
    active->run = &run;
    result.runId = active->runId;
    {
        QMutexLocker lock(&m_mutex);
        m_active.insert(active->runId, active);
    }
    emit started(active->runId, active->flowName);
    result.state = run.execute();
    result.message = run.message();
    {
        QMutexLocker lock(&m_mutex);
        active->run = nullptr;
    }
    finishOnThread(active, result.state, result.message);
    {
        QMutexLocker lock(&m_mutex);
        m_active.remove(active->runId);
    }
    emit finished(active->runId, result.state, result.message);
    return result;
}

bool RunLauncher::cancel(const QString &runId) {
    QMutexLocker lock(&m_mutex);
    const auto found = m_active.constFind(runId);
    if (found == m_active.constEnd() || (*found)->done) return false;
    (*found)->cancelRequested = true;
    if ((*found)->run) (*found)->run->cancel();  // thread-safe; the run cannot go while we hold the lock
    return true;
}

void RunLauncher::cancelAll() {
    QMutexLocker lock(&m_mutex);
    for (const auto &active : std::as_const(m_active)) {
        active->cancelRequested = true;
        if (active->run) active->run->cancel();
    }
}

bool RunLauncher::waitForAll(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    QMutexLocker lock(&m_mutex);
    const auto anyRunning = [this] {
        return std::any_of(m_active.cbegin(), m_active.cend(), [](const auto &a) { return !a->done; });
    };
    while (anyRunning())
        if (!m_idle.wait(&m_mutex, deadline)) return false;
    return true;
}

bool RunLauncher::wait(const QString &runId, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    QMutexLocker lock(&m_mutex);
    for (;;) {
        const auto found = m_active.constFind(runId);
        if (found == m_active.constEnd() || (*found)->done) return true;
        if (!m_idle.wait(&m_mutex, deadline)) return false;
    }
}

QStringList RunLauncher::runningIds() const {
    QMutexLocker lock(&m_mutex);
    QStringList ids;
    for (const auto &active : m_active)
        if (!active->done) ids << active->runId;
    ids.sort();
    return ids;
}

int RunLauncher::runningCount() const {
    return int(runningIds().size());
}

}  // namespace flowdeck
