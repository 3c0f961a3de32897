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
    const SettingsLoad load = Settings::load(workspace);
    if (!load.ok()) {
        *error = load.errorText();
        setStatus(tr("Scheduler off: bad settings"));
        return false;
    }
    m_store = RunStore::open(load.settings.databasePath(), error);
    if (!m_store) {
        setStatus(tr("Scheduler off: no database"));
        return false;
    }
    m_store->recoverCrashedRuns();  // runs of a process that died are Crashed, as at any start
    ScheduleStore schedules(*m_store);
    const QString file = load.settings.workspaceFile();
    if (!file.isEmpty()) syncSchedules(WorkspaceSchedules::read(file), file, schedules);

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

void WorkspaceScheduler::setStatus(const QString &status) {
    m_status = status;
    emit statusChanged(status);
}

}  // namespace flowdeck
