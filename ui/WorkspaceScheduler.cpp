#include "WorkspaceScheduler.h"

#include "schedule/Scheduler.h"
#include "schedule/WorkspaceSchedules.h"
#include "settings/EngineOptions.h"
#include "settings/Settings.h"
#include "store/RunStore.h"
#include "store/ScheduleStore.h"

#include <spdlog/spdlog.h>

namespace flowdeck {

WorkspaceScheduler::WorkspaceScheduler(QObject *parent) : QObject(parent) {}

WorkspaceScheduler::~WorkspaceScheduler() { stop(); }

void WorkspaceScheduler::stop() {
    m_workspace.clear();
    m_scheduler.reset();  // cancels and waits for what still runs; those runs end Cancelled
    m_store.reset();
}

bool WorkspaceScheduler::setWorkspace(const QString &folder, QString *error) {
    const QString workspace = Settings::findWorkspace(folder);
    if (m_scheduler && workspace == m_workspace) return true;  // the same workspace keeps its runs
    stop();
    m_workspace = workspace;
    m_problem.clear();
    const SettingsLoad load = Settings::load(workspace);
    if (!load.ok()) return fail(tr("Scheduler off: bad settings"), load.errorText(), error);
    QString openError;
    m_store = RunStore::open(load.settings.databasePath(), &openError);
    if (!m_store) return fail(tr("Scheduler off: no database"), openError, error);
    m_store->replaceConcurrencyLimits(load.settings.concurrencyLimits());  // the file's set, as the CLI does
    m_store->recoverCrashedRuns();  // runs of a process that died are Crashed, as at any start
    const QString file = load.settings.workspaceFile();
    const WorkspaceSchedules declared = WorkspaceSchedules::read(file);
    if (!declared.problems.empty()) {
        // As serve does: nothing of a declaration with mistakes is applied.
        QStringList lines;
        for (const Diagnostic &d : declared.problems) lines << d.toString();
        m_store.reset();
        return fail(tr("Scheduler off: problems in flowdeck.yaml"), lines.join(QLatin1Char('\n')), error);
    }
    ScheduleStore schedules(*m_store);
    syncSchedules(declared, file, schedules);

    SchedulerOptions options;
    const Settings settings = load.settings;
    options.runOptionsFor = [settings](const Flow &flow) { return runOptionsFrom(settings, flow); };
    m_scheduler = std::make_unique<Scheduler>(*m_store, options);
    connect(m_scheduler.get(), &Scheduler::runStarted, this, [this](const QString &, const QString &schedule, qint64) {
        setStatus(tr("Scheduler: %1 started, %2 running").arg(schedule).arg(m_scheduler->runningCount()));
    });
    connect(m_scheduler.get(), &Scheduler::runFinished, this,
            [this](const QString &, const QString &schedule, RunState state, const QString &) {
                setStatus(tr("Scheduler: %1 %2, %3 running").arg(schedule, toString(state)).arg(m_scheduler->runningCount()));
            });
    m_scheduler->start();
    spdlog::info("scheduler started for {} on {}", folder.toStdString(), load.settings.databasePath().toStdString());
    setStatus(tr("Scheduler on"));
    return true;
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
