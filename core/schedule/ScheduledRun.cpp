#include "ScheduledRun.h"

#include "flow/FlowFile.h"
#include "workspace/RunLauncher.h"

#include <QFileInfo>

namespace flowdeck {

namespace {

/// Reads the flow file on the run's thread: its content now, not when the schedule was made,
/// so editing a flow changes its next runs.
bool loadScheduledFlow(const QString &path, Flow &flow, QString *error) {
    if (path.isEmpty()) {
        *error = QStringLiteral("its schedule was removed before it started");
        return false;
    }
    const LoadResult loaded = FlowFile::load(path);
    if (!loaded.isValid()) {
        QStringList problems;
        for (const Diagnostic &p : loaded.diagnostics)
            if (p.severity == Severity::Error) problems << p.toString();
        *error = QStringLiteral("cannot run %1: %2")
                     .arg(path, problems.isEmpty() ? QStringLiteral("the file cannot be read")
                                                   : problems.join(QStringLiteral("; ")));
        return false;
    }
    flow = loaded.flow;
    return true;
}

}  // namespace

ScheduledRun::ScheduledRun(RunLauncher &launcher, WaitingRun run, ScheduleRecord schedule, OptionsFactory optionsFor,
                           QObject *parent)
    : QObject(parent),
      m_launcher(launcher),
      m_run(std::move(run)),
      m_schedule(std::move(schedule)),
      m_optionsFor(std::move(optionsFor)) {}

ScheduledRun::~ScheduledRun() {
    if (m_started) m_launcher.wait(m_run.id);
}

void ScheduledRun::start() {
    if (m_started) return;
    m_started = true;
    connect(&m_launcher, &RunLauncher::finished, this,
            [this](const QString &runId, RunState state, const QString &message) {
                if (runId == m_run.id) emit finished(runId, state, message);
            });
    LaunchRequest request;
    request.flowPath = m_schedule.flowPath.isEmpty() ? QString() : QFileInfo(m_schedule.flowPath).absoluteFilePath();
    request.options.runId = m_run.id;
    const ScheduleRecord schedule = m_schedule;
    const OptionsFactory optionsFor = m_optionsFor;
    request.loader = [schedule, optionsFor](Flow &flow, RunOptions &options, QString *error) {
        if (!loadScheduledFlow(schedule.flowPath, flow, error)) return false;
        const QString runId = options.runId;
        options = optionsFor ? optionsFor(flow) : RunOptions{};
        options.runId = runId;
        options.deployment = schedule.name;
        for (auto it = schedule.parameters.constBegin(); it != schedule.parameters.constEnd(); ++it)
            options.parameterText.insert(it.key(), it.value().toString());
        return true;
    };
    const LaunchResult launched = m_launcher.start(request);
    if (launched.isRefused()) {
        // Only a request without a run id is refused here; a claimed run always has one.
        const QString why = launched.problemText();
        QMetaObject::invokeMethod(
            this, [this, why] { emit finished(m_run.id, RunState::Failed, why); }, Qt::QueuedConnection);
    }
}

void ScheduledRun::cancel() {
    m_launcher.cancel(m_run.id);
}

}  // namespace flowdeck
