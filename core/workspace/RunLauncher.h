#pragma once
/// @file Starts flow runs for every caller (the CLI, the scheduler, the GUI): each on a thread of
/// its own or on the caller's, with the store's services and the caller's listeners, and a cancel
/// that stops their tasks' process trees.

#include "engine/FlowRun.h"
#include "engine/RunServices.h"
#include "flow/Diagnostic.h"
#include "flow/Flow.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace flowdeck {

/// What to run. Either the flow itself (a snapshot: later edits of the caller's copy do not
/// reach the run), or a loader that reads it on the run's thread, for callers that must not
/// block on a large file (the scheduler loads the file as it is when the run starts).
struct LaunchRequest {
    Flow flow;
    QString flowPath;
    RunOptions options;
    /// Loads the flow on the run's thread; returns false with an error to refuse the run.
    /// May change the options (the workspace's settings for the flow). Used only with
    /// options.runId set (a run row claimed beforehand), whose id is then known at once.
    std::function<bool(Flow &flow, RunOptions &options, QString *error)> loader;
};

/// How a launch went.
struct LaunchResult {
    QString runId;          ///< empty when it was refused
    Diagnostics problems;   ///< why it was refused (bad parameters, an invalid flow): nothing ran
    RunState state = RunState::Pending;  ///< runHere(): how it ended; start(): Pending
    QString message;        ///< runHere(): why it failed, if it did

    bool isRefused() const { return hasErrors(problems); }
    /// The problems as one line each, for a message box or stderr.
    QString problemText() const;
};

class RunLauncher : public QObject {
    Q_OBJECT
public:
    /// @p services (usually the workspace's RunStore) must outlive the launcher.
    explicit RunLauncher(RunServices services, QObject *parent = nullptr);
    /// Cancels what still runs and waits for it.
    ~RunLauncher() override;

    /// Listeners get every event, log line and sample of the runs started after this call, on
    /// engine threads (see RunEventSink); they must outlive those runs. LiveRunFeed is one.
    void addListener(RunEventSink *listener);
    void removeListener(RunEventSink *listener);

    /// Checks the flow and its parameters on the calling thread (a refusal comes back at once,
    /// with nothing recorded), then runs it on a thread of its own. started() is emitted before
    /// this returns; finished() later, in the launcher's thread (which needs an event loop).
    /// With a loader, everything happens on the run's thread and a refusal ends the claimed run
    /// Failed, reported by finished().
    LaunchResult start(const LaunchRequest &request);
    /// The same run on the calling thread, to its end (flowdeck-cli run). started() and
    /// finished() are emitted on the calling thread, around the run.
    LaunchResult runHere(const LaunchRequest &request);

    /// Cancels a run of this launcher: its tasks' process trees get SIGTERM, then SIGKILL after
    /// the kill grace, nothing new starts, and it ends Cancelled. Safe from any thread and
    /// before the run has begun. False when no run of this launcher has that id.
    bool cancel(const QString &runId);
    void cancelAll();
    /// Blocks until every run of this launcher ended (without pumping events); false on timeout.
    bool waitForAll(int timeoutMs = -1);
    /// Blocks until run @p runId ended (true at once for one it does not know).
    bool wait(const QString &runId, int timeoutMs = -1);

    QStringList runningIds() const;
    int runningCount() const;

signals:
    void started(const QString &runId, const QString &flowName);
    void finished(const QString &runId, flowdeck::RunState state, const QString &message);

private:
    struct Active;

    RunServices servicesForRun() const;
    void runOnThread(const std::shared_ptr<Active> &active, LaunchRequest request);
    void finishOnThread(const std::shared_ptr<Active> &active, RunState state, const QString &message);
    void failClaimedRun(const QString &runId, const QString &message);
    void onThreadFinished(const std::shared_ptr<Active> &active);

    RunServices m_services;
    mutable QMutex m_mutex;  // guards m_active and the listeners
    QWaitCondition m_idle;
    QHash<QString, std::shared_ptr<Active>> m_active;
};

}  // namespace flowdeck
