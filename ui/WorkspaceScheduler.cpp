#include "WorkspaceScheduler.h"

#include "runs/RunStateColours.h"
#include "schedule/Scheduler.h"
#include "schedule/WorkspaceSchedules.h"
#include "store/RunStore.h"
#include "store/ScheduleStore.h"
#include "workspace/WorkspaceSession.h"
#include "workspace/WorkspaceTrust.h"

#include <spdlog/spdlog.h>

namespace flowdeck {

WorkspaceScheduler::WorkspaceScheduler(QObject *parent) : QObject(parent) {}

WorkspaceScheduler::~WorkspaceScheduler() { stop(); }

RunStore *WorkspaceScheduler::store() const {
    return m_session ? &m_session->store() : nullptr;
}

void WorkspaceScheduler::stop() {
    m_workspace.clear();
    m_scheduler.reset();  // cancels and waits for what still runs; those runs end Cancelled
    const bool had = m_session != nullptr;
    m_session.reset();
    if (had) emit sessionChanged(nullptr);
}

bool WorkspaceScheduler::setWorkspace(const QString &folder, QString *error) {
    const QString workspace = Settings::findWorkspace(folder);
    if (m_scheduler && workspace == m_workspace) return true;  // the same workspace keeps its runs
    stop();
    m_workspace = workspace;
    m_problem.clear();
    m_trusted = WorkspaceTrust().isTrusted(workspace);
    if (!m_trusted)
        return fail(tr("Scheduler off: workspace not trusted"),
                    tr("The schedules of %1 fire only once you trust this folder (the bar over the editor, or File \u2192 Trust This "
                       "Workspace): they run its scripts.")
                        .arg(workspace),
                    error);
    // The same opening as the CLI's: crash recovery and the file's concurrency limits.
    SessionLoad load = WorkspaceSession::open(workspace);
    if (!load.session)
        return fail(hasErrors(load.problems) ? tr("Scheduler off: bad settings") : tr("Scheduler off: no database"),
                    load.error, error);
    m_session = std::move(load.session);
    const QString file = m_session->settings().workspaceFile();
    const WorkspaceSchedules declared = WorkspaceSchedules::read(file);
    if (!declared.problems.empty()) {
        // As serve does: nothing of a declaration with mistakes is applied.
        QStringList lines;
        for (const Diagnostic &d : declared.problems) lines << d.toString();
        m_session.reset();
        return fail(tr("Scheduler off: problems in flowdeck.yaml"), lines.join(QLatin1Char('\n')), error);
    }
    ScheduleStore schedules(m_session->store());
    syncSchedules(declared, file, schedules);

    SchedulerOptions options;
    WorkspaceSession *session = m_session.get();
    options.runOptionsFor = [session](const Flow &flow) { return session->runOptionsFor(flow); };
    options.launcher = &m_session->launcher();
    m_scheduler = std::make_unique<Scheduler>(m_session->store(), options);
    connect(m_scheduler.get(), &Scheduler::runStarted, this, [this](const QString &, const QString &schedule, qint64) {
        setStatus(tr("Scheduler: %1 started, %2 running").arg(schedule).arg(m_scheduler->runningCount()));
    });
    connect(m_scheduler.get(), &Scheduler::runFinished, this,
            [this](const QString &, const QString &schedule, RunState state, const QString &) {
                setStatus(tr("Scheduler: %1 %2, %3 running")
                              .arg(schedule, stateText(state))
                              .arg(m_scheduler->runningCount()));
            });
    m_scheduler->start();
    spdlog::info("scheduler started for {} on {}", folder.toStdString(),
                 m_session->settings().databasePath().toStdString());
    setStatus(tr("Scheduler on"));
    emit sessionChanged(m_session.get());
    return true;
}

bool WorkspaceScheduler::trustWorkspace(QString *error) {
    if (m_workspace.isEmpty()) return false;
    WorkspaceTrust trust;
    if (!trust.trust(m_workspace, error)) return false;
    const QString workspace = m_workspace;
    m_workspace.clear();  // start afresh
    return setWorkspace(workspace, error);
}

bool WorkspaceScheduler::fail(const QString &status, const QString &problem, QString *error) {
    m_problem = problem;
    if (error) *error = problem;
    setStatus(status);
    return false;
}

void WorkspaceScheduler::setStatus(const QString &status) {
    m_status = status;
    emit statusChanged(status);
}

}  // namespace flowdeck
