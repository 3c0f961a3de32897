#pragma once
/// @file One claimed scheduled run, executed by the engine on a thread of its own.

#include "engine/FlowRun.h"
#include "store/ScheduleStore.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace flowdeck {

class RunStore;

/// Loads the flow file as it is now, runs it with FlowRun reusing the claimed run row, and
/// reports the end. Lives in the scheduler's thread; the run itself has its own QThread so a
/// long run never delays the scheduler's next wake-up.
class ScheduledRun : public QObject {
    Q_OBJECT
public:
    using OptionsFactory = std::function<RunOptions(const Flow &)>;

    ScheduledRun(RunStore &store, WaitingRun run, ScheduleRecord schedule, OptionsFactory optionsFor,
                 QObject *parent = nullptr);
    /// Waits for the run's thread (cancel() first to make that quick).
    ~ScheduledRun() override;

    void start();
    /// Cancels the run (its tasks' process trees are stopped); safe before it has begun.
    void cancel();

    const WaitingRun &run() const { return m_run; }
    const ScheduleRecord &schedule() const { return m_schedule; }

signals:
    void finished(const QString &runId, flowdeck::RunState state, const QString &message);

private:
    /// On the run's thread.
    void execute();
    void fail(const QString &message);

    RunStore &m_store;
    const WaitingRun m_run;
    const ScheduleRecord m_schedule;
    const OptionsFactory m_optionsFor;
    std::unique_ptr<QThread> m_thread;

    QMutex m_mutex;  // guards what both threads touch
    FlowRun *m_flowRun = nullptr;
    bool m_cancelRequested = false;
    RunState m_state = RunState::Pending;
    QString m_message;
};

}  // namespace flowdeck
