#include "workspace/WorkspaceSession.h"

#include "settings/EngineOptions.h"
#include "store/RunStore.h"
#include "workspace/RunFolders.h"
#include "workspace/RunLauncher.h"

#include <spdlog/spdlog.h>

namespace flowdeck {

SessionLoad WorkspaceSession::open(const QString &folder, const SessionOptions &options) {
    SessionLoad result;
    const SettingsLoad load = Settings::load(Settings::findWorkspace(folder), options.environment, options.flags);
    result.problems = load.problems;
    if (!load.ok()) {
        result.error = load.errorText();
        return result;
    }
    result.session = open(load.settings, &result.error, options.recoverCrashedRuns);
    return result;
}

std::unique_ptr<RunStore> WorkspaceSession::openStore(const Settings &settings, QString *error,
                                                      bool recoverCrashedRuns, QStringList *crashed) {
    QString why;
    auto store = RunStore::open(settings.databasePath(), &why);
    if (!store) {
        if (error) *error = why;  // it names the database already
        return nullptr;
    }
    const QStringList found = recoverCrashedRuns ? store->recoverCrashedRuns() : QStringList();
    if (crashed) *crashed = found;
    // Limits come only from flowdeck.yaml: one removed there must not keep serialising tasks.
    store->replaceConcurrencyLimits(settings.concurrencyLimits());
    return store;
}

std::unique_ptr<WorkspaceSession> WorkspaceSession::open(const Settings &settings, QString *error,
                                                         bool recoverCrashedRuns) {
    QStringList crashed;
    auto store = openStore(settings, error, recoverCrashedRuns, &crashed);
    if (!store) return nullptr;
    std::unique_ptr<WorkspaceSession> session(new WorkspaceSession(settings, std::move(store)));
    session->m_crashed = crashed;
    return session;
}

WorkspaceSession::WorkspaceSession(Settings settings, std::unique_ptr<RunStore> store)
    : m_settings(std::move(settings)), m_store(std::move(store)) {
    m_launcher = std::make_unique<RunLauncher>(m_store.get());
}

WorkspaceSession::~WorkspaceSession() {
    close();
    m_launcher.reset();  // before the store its runs write to
    m_store.reset();
}

RunOptions WorkspaceSession::runOptionsFor(const Flow &flow) const {
    return runOptionsFrom(m_settings, flow);
}

RetentionResult WorkspaceSession::applyRetention(int days) {
    RetentionResult result;
    const int keep = days < 0 ? m_settings.retentionDays() : days;
    if (keep <= 0) return result;
    result.runs = m_store->pruneOlderThan(keep);  // logs what it removed
    result.folders = pruneRunDirectories(*m_store, keep);
    if (result.folders > 0) spdlog::info("removed {} run folders older than {} days", result.folders, keep);
    return result;
}

void WorkspaceSession::close() {
    if (m_closed) return;
    m_closed = true;
    emit closing();
    m_launcher->cancelAll();
    m_launcher->waitForAll();
    m_store->flush();
}

}  // namespace flowdeck
