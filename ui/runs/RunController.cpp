#include "runs/RunController.h"

#include "flow/FlowValidator.h"
#include "settings/Settings.h"
#include "store/RunStore.h"
#include "workspace/RunRequests.h"
#include "workspace/WorkspaceSession.h"

#include <QDateTime>

#include <spdlog/spdlog.h>

namespace flowdeck {

RunController::RunController(QObject *parent) : QObject(parent), m_feed(16) {
    connect(&m_feed, &LiveRunFeed::updated, this, [this](const LiveUpdate &update) {
        // Only the window's run reaches its canvas (scheduled runs share the launcher's store).
        LiveUpdate mine;
        for (const LiveRun &r : update.runs)
            if (r.runId == m_current.runId) mine.runs.push_back(r);
        for (const LiveTask &t : update.tasks)
            if (t.runId == m_current.runId) mine.tasks.push_back(t);
        if (!mine.runs.empty() || !mine.tasks.empty()) emit liveUpdated(mine);
    });
}

RunController::~RunController() { closeSession(); }

void RunController::closeSession() {
    if (!m_session) return;
    m_session->launcher().cancelAll();
    m_session->close();  // waits for the runs; they post to the feed until they end
    m_session->launcher().removeListener(&m_feed);
    m_session.reset();
    m_running = false;
    m_cancelling = false;
}

void RunController::setWorkspace(const QString &folder) {
    const QString workspace = folder.isEmpty() ? QString() : Settings::findWorkspace(folder);
    if (workspace == m_folder) return;
    closeSession();
    m_folder = workspace;
}

WorkspaceSession *RunController::session(QString *error) {
    if (m_session) return m_session.get();
    if (m_folder.isEmpty()) {
        if (error) *error = tr("no workspace is open");
        return nullptr;
    }
    SessionLoad load = WorkspaceSession::open(m_folder);
    if (!load.session) {
        if (error) *error = load.error;
        return nullptr;
    }
    m_session = std::move(load.session);
    m_session->applyRetention();  // as `flowdeck-cli run` does
    RunLauncher &launcher = m_session->launcher();
    launcher.addListener(&m_feed);
    // finished() comes from the launcher's thread (this one) once the run is in the store.
    connect(&launcher, &RunLauncher::finished, this, &RunController::onFinished);
    spdlog::info("GUI runs use {}", m_session->settings().databasePath().toStdString());
    return m_session.get();
}

namespace {

LaunchResult refusal(const QString &text) {
    LaunchResult refused;
    Diagnostic d;
    d.message = text;
    refused.problems.push_back(d);
    return refused;
}

}  // namespace

WorkspaceSession *RunController::sessionToStart(LaunchResult *refused) {
    if (isRunning()) {
        *refused = refusal(tr("a run of this window is going; stop it first"));
        return nullptr;
    }
    QString error;
    WorkspaceSession *s = session(&error);
    if (!s) *refused = refusal(tr("cannot open the run database: %1").arg(error));
    return s;
}

LaunchResult RunController::start(const Flow &flow, const QString &flowPath, const QVariantMap &values, bool validated) {
    LaunchResult refused;
    WorkspaceSession *s = sessionToStart(&refused);
    if (!s) return refused;
    LaunchRequest request;
    request.flow = flow;
    request.flowPath = flowPath;
    request.options = s->runOptionsFor(flow);
    request.options.parameterValues = values;
    request.options.trigger = QStringLiteral("manual");
    request.options.flowValidated = validated;
    return launch(*s, request);
}

RequestBuild RunController::partialRequest(const Flow &flow, const QString &flowPath, const RunSelection &selection) {
    LaunchResult refused;
    WorkspaceSession *s = sessionToStart(&refused);
    if (!s) return {{}, refused.problems.front().message};
    return flowdeck::partialRequest(*s, flow, flowPath, selection);
}

LaunchResult RunController::start(const LaunchRequest &request) {
    LaunchResult refused;
    WorkspaceSession *s = sessionToStart(&refused);
    if (!s) return refused;
    return launch(*s, request);
}

LaunchResult RunController::launch(WorkspaceSession &session, const LaunchRequest &request) {
    WindowRun next;
    next.flow = request.flow;
    next.flowPath = request.flowPath;
    next.parameters = request.options.parameterValues;
    next.startMs = QDateTime::currentMSecsSinceEpoch();
    const LaunchResult result = session.launcher().start(request);
    if (result.isRefused()) return result;
    next.runId = result.runId;
    if (!m_current.runId.isEmpty()) m_feed.forget(m_current.runId);
    m_current = std::move(next);
    m_running = true;
    m_cancelling = false;
    // The feed hands on from this thread's event loop, so nothing of the run was emitted (and
    // filtered out) before m_current knew its id.
    emit runStarted(m_current.runId);
    return result;
}

bool RunController::cancel() {
    if (!isRunning() || !m_session) return false;
    m_cancelling = true;
    return m_session->launcher().cancel(m_current.runId);
}

void RunController::onFinished(const QString &runId, RunState state, const QString &message) {
    if (runId != m_current.runId) return;
    m_feed.drainNow();  // the last task states before the end
    m_running = false;
    m_cancelling = false;
    emit runFinished(runId, state, message);
}

std::optional<QVariantMap> RunController::lastParameters(const Flow &flow) {
    WorkspaceSession *s = session();
    if (!s) return std::nullopt;
    const std::optional<FlowRunRecord> last = lastFinishedRun(s->store(), flow.name);
    if (!last) return std::nullopt;
    QVariantMap values;
    for (const Parameter &p : flow.parameters) {
        const QVariant v = last->parameters.value(p.name);
        if (v.isValid() && FlowValidator::checkValue(p, v).isEmpty()) values.insert(p.name, v);
    }
    return values;
}

}  // namespace flowdeck
