#pragma once
/// @file One claimed scheduled run, handed to the run launcher, which loads the flow file on the
/// run's own thread so that a long run (or a large file) never delays the scheduler.

#include "engine/FlowRun.h"
#include "store/ScheduleStore.h"

#include <QObject>

#include <functional>

namespace flowdeck {

class RunLauncher;

/// Loads the flow file as it is now and runs it, reusing the claimed run row, then reports the
/// end. Lives in the scheduler's thread.
class ScheduledRun : public QObject {
    Q_OBJECT
public:
    using OptionsFactory = std::function<RunOptions(const Flow &)>;

    /// @p launcher must outlive this object.
    ScheduledRun(RunLauncher &launcher, WaitingRun run, ScheduleRecord schedule, OptionsFactory optionsFor,
                 QObject *parent = nullptr);
    /// Waits until the run has ended (cancel() first to make that quick).
    ~ScheduledRun() override;

    void start();
    /// Cancels the run (its tasks' process trees are stopped); safe before it has begun.
    void cancel();

    const WaitingRun &run() const { return m_run; }
    const ScheduleRecord &schedule() const { return m_schedule; }

signals:
    void finished(const QString &runId, flowdeck::RunState state, const QString &message);

private:
    RunLauncher &m_launcher;
    const WaitingRun m_run;
    const ScheduleRecord m_schedule;
    const OptionsFactory m_optionsFor;
    bool m_started = false;
};

}  // namespace flowdeck
