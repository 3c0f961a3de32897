#pragma once
/// @file The window's runs: the workspace's session (its store and launcher, opened when the
/// first run needs it), the coalesced live feed of its runs, and the one run the window started
/// last. Holds no widgets; RunControls draws what it says.

#include "flow/Flow.h"
#include "workspace/LiveRunFeed.h"
#include "workspace/RunLauncher.h"
#include "workspace/RunRequests.h"

#include <QObject>
#include <QVariantMap>

#include <memory>
#include <optional>

namespace flowdeck {

class WorkspaceSession;

/// What the window knows of the run it started: the flow as it ran (a snapshot) and its file.
struct WindowRun {
    QString runId;
    Flow flow;
    QString flowPath;
    QVariantMap parameters;
    qint64 startMs = 0;  ///< wall clock when started (the status bar's elapsed time)
};

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject *parent = nullptr);
    /// Cancels what still runs and waits for it (the session's close()).
    ~RunController() override;

    /// The workspace whose store and settings runs use. A different folder closes the previous
    /// session (cancelling its runs: ask before calling this while isRunning()).
    void setWorkspace(const QString &folder);
    QString workspace() const { return m_folder; }
    /// The open session, opening it on first use (settings, store, crash recovery, limits: as
    /// every CLI command does). Null with @p error when the settings or database are unusable.
    WorkspaceSession *session(QString *error = nullptr);

    /// Starts @p flow (copied: editing the document meanwhile changes nothing for the run) with
    /// @p values as its parameters, trigger manual, on a thread of its own. A refusal (bad
    /// parameters, an invalid flow, a run already going) comes back at once with its problems.
    /// @p validated: the caller has just validated this very flow (RunOptions::flowValidated).
    LaunchResult start(const Flow &flow, const QString &flowPath, const QVariantMap &values, bool validated = false);
    /// The request for part of @p flow: run from here (RunSelection::Mode::FromTasks) or run
    /// selection (OnlyTasks), built by core's partialRequest as `flowdeck-cli run --from/--only`
    /// builds it: the tasks the selection needs but does not name reuse the results of the flow's
    /// last finished run (options.retryOf; empty when there is none, and then they run too), with
    /// that run's parameter values. An error when the database cannot be opened or a run goes.
    RequestBuild partialRequest(const Flow &flow, const QString &flowPath, const RunSelection &selection);
    /// Starts @p request (from partialRequest(), its values perhaps completed) as start() does.
    LaunchResult start(const LaunchRequest &request);
    /// Cancels the window's run (process trees stopped; it ends Cancelled). False when none.
    bool cancel();
    bool isRunning() const { return !m_current.runId.isEmpty() && m_running; }
    bool isCancelling() const { return m_cancelling; }
    /// The window's latest run (going or ended), if any.
    const WindowRun *current() const { return m_current.runId.isEmpty() ? nullptr : &m_current; }

    /// The parameter values of the newest finished run of @p flow, those the flow still declares
    /// with a value it accepts (re-run with the last parameters). Empty when there is none.
    std::optional<QVariantMap> lastParameters(const Flow &flow);

    LiveRunFeed &feed() { return m_feed; }

signals:
    void runStarted(const QString &runId);
    /// Every change of the window's run, coalesced (at most once a frame, one entry per task).
    void liveUpdated(const flowdeck::LiveUpdate &update);
    void runFinished(const QString &runId, flowdeck::RunState state, const QString &message);

private:
    void closeSession();
    /// The session, or a refusal saying why there is none or why no run may start now.
    WorkspaceSession *sessionToStart(LaunchResult *refused);
    LaunchResult launch(WorkspaceSession &session, const LaunchRequest &request);
    void onFinished(const QString &runId, RunState state, const QString &message);

    // The feed outlives the session: the session's launcher waits for its runs on closing,
    // and the runs post to the feed until they end.
    LiveRunFeed m_feed;
    std::unique_ptr<WorkspaceSession> m_session;
    QString m_folder;
    WindowRun m_current;
    bool m_running = false;
    bool m_cancelling = false;
};

}  // namespace flowdeck
