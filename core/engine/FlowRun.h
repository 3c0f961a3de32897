#pragma once
/// @file One run of a flow: orchestrates its tasks on one thread, runs them on a thread pool,
/// and reports every state change as a RunEvent to its recorder and to listeners.

#include "RunServices.h"
#include "flow/Diagnostic.h"
#include "flow/Flow.h"
#include "run/RunEvent.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QVariant>

#include <memory>

namespace flowdeck {

class CancelToken;
class SecretResolver;

/// Which tasks a run runs. The tasks chosen run fresh; the tasks they need (their upstream, at
/// any depth) take their results from the run RunOptions::retryOf names when it has them, and
/// run too when it has not; every other task is recorded Skipped ("not selected").
struct RunSelection {
    enum class Mode {
        All,        ///< every task (the default)
        FromTasks,  ///< run from here: these tasks and everything downstream of them
        OnlyTasks,  ///< run selection: these tasks
    };
    Mode mode = Mode::All;
    QStringList tasks;

    bool isAll() const { return mode == Mode::All; }
    static RunSelection from(const QStringList &tasks) { return {Mode::FromTasks, tasks}; }
    static RunSelection only(const QStringList &tasks) { return {Mode::OnlyTasks, tasks}; }
};

struct RunOptions {
    QHash<QString, QString> parameterText;  ///< values as typed on a command line (--param k=v)
    QVariantMap parameterValues;            ///< typed values (GUI, subflows); win over text
    int maxParallel = 0;                    ///< 0: the flow's runner setting, else the core count
    qint64 memoryLimitBytes = -1;           ///< -1: the flow's runner setting; 0: none
    /// The whole run's limit, after which its tasks are stopped and it ends TimedOut.
    /// -1: the flow's `runner: timeout`; 0: none.
    double flowTimeoutSeconds = -1;
    /// The caller has just validated this very flow and found no errors (flowdeck-cli run
    /// after FlowFile::load): prepare() does not validate it a second time (10% of a
    /// 10,000-task run). Parameters, the selection and secrets are still checked.
    bool flowValidated = false;
    QString python = QStringLiteral("python3");
    QString shell = QStringLiteral("bash");
    double killGraceSeconds = 5;
    QString runsDirectory;  ///< parent of per-run scratch folders; empty: <data dir>/flowdeck/runs
    /// A previous run whose completed task results are reused: by every task (a retry from
    /// failure), or by the tasks a selection needs but does not name.
    QString retryOf;
    RunSelection selection;
    QString parentRunId;    ///< subflow runs: the parent run and task
    QString parentTask;
    QString deployment;
    /// What started it, recorded with the run (manual, retry, deployment...); empty: the store
    /// tells from the other options.
    QString trigger;
    QString runId;  ///< a run row the scheduler claimed: reused (its id, moved to Running), not created
    QHash<QString, int> concurrencyLimits;  ///< tag limits to apply to the store before running
    const CancelToken *parentCancel = nullptr;  ///< subflows: cancelled with the parent
    /// Finds the values of `{secret: NAME}` env vars; null: standardSecretResolver().
    std::shared_ptr<const SecretResolver> secrets;
};

/// Runs one flow once. Create it on the thread that will call execute(); cancel() may be
/// called from any thread. The flow is copied, so editing the original meanwhile is safe.
class FlowRun : public QObject {
    Q_OBJECT
public:
    /// The services (a RunStore gives them all) may be null (nothing persisted, no shared
    /// slots); those given must outlive the run.
    FlowRun(const Flow &flow, const QString &flowPath, RunServices services, RunOptions options = {});
    ~FlowRun() override;

    /// Validates the flow and resolves the parameters. A non-empty result (errors) means the
    /// run is refused; execute() then does nothing and returns Failed.
    Diagnostics prepare();

    /// Runs to the end on the calling thread, with a local event loop. Returns the final state.
    RunState execute();
    /// Stops the run: running tasks' process trees are killed, nothing new starts.
    void cancel();

    QString id() const;
    RunState state() const;
    QString message() const;           ///< why the run failed, if it did
    QString runDirectory() const;      ///< the per-run scratch folder (FLOWDECK_RUN_DIR)
    QVariantMap parameters() const;    ///< the resolved parameter values
    QVariantMap results() const;       ///< task name -> result of every completed task
    QHash<QString, RunState> taskStates() const;

signals:
    /// Every transition of this run and its tasks, in order. Emitted on the run's thread, and
    /// for logs and samples on pool threads: connect with Qt::QueuedConnection from other
    /// objects' threads. Subflow runs are runs of their own: their events reach the listeners
    /// of RunServices, not these signals.
    void event(const flowdeck::RunEvent &event);
    void log(const flowdeck::LogLine &line);
    void sample(const flowdeck::MetricSample &sample);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// The directory holding the Python helper module (`from flowdeck import params, ...`).
QString pythonHelperDirectory();

/// The default parent of per-run scratch folders: <data dir>/flowdeck/runs.
QString defaultRunsDirectory();

}  // namespace flowdeck
