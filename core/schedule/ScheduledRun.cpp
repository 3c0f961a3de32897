#include "ScheduledRun.h"

#include "flow/FlowFile.h"
#include "store/RunStore.h"
#include "store/StoreSql.h"

#include <QFileInfo>

namespace flowdeck {

ScheduledRun::ScheduledRun(RunStore &store, WaitingRun run, ScheduleRecord schedule,
                           OptionsFactory optionsFor, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_run(std::move(run)),
      m_schedule(std::move(schedule)),
      m_optionsFor(std::move(optionsFor)) {}

ScheduledRun::~ScheduledRun() {
    if (m_thread) m_thread->wait();
}

void ScheduledRun::start() {
    m_thread.reset(QThread::create([this] { execute(); }));
    m_thread->setObjectName(QStringLiteral("run-") + m_run.id.left(8));
    connect(m_thread.get(), &QThread::finished, this, [this] {
        QMutexLocker lock(&m_mutex);
        const RunState state = m_state;
        const QString message = m_message;
        lock.unlock();
        emit finished(m_run.id, state, message);
    });
    m_thread->start();
}

void ScheduledRun::cancel() {
    QMutexLocker lock(&m_mutex);
    m_cancelRequested = true;
    if (m_flowRun) m_flowRun->cancel();
}

void ScheduledRun::fail(const QString &message) {
    // The claimed row is Pending; a flow-level event ends it like the engine would.
    RunEvent e;
    e.runId = m_run.id;
    e.state = RunState::Failed;
    e.timeMs = nowMs();
    e.message = message;
    m_store.post(e);
    m_store.flush();
    QMutexLocker lock(&m_mutex);
    m_state = RunState::Failed;
    m_message = message;
}

void ScheduledRun::execute() {
    // The file's content now, not when the schedule was made: editing a flow changes its next runs.
    const QString path = m_schedule.flowPath;
    if (path.isEmpty()) return fail(QStringLiteral("its schedule was removed before it started"));
    const LoadResult loaded = FlowFile::load(path);
    if (!loaded.isValid()) {
        QStringList problems;
        for (const Diagnostic &p : loaded.diagnostics)
            if (p.severity == Severity::Error) problems << p.toString();
        return fail(QStringLiteral("cannot run %1: %2")
                        .arg(path, problems.isEmpty() ? QStringLiteral("the file cannot be read")
                                                      : problems.join(QStringLiteral("; "))));
    }
    RunOptions options = m_optionsFor ? m_optionsFor(loaded.flow) : RunOptions{};
    options.runId = m_run.id;
    options.deployment = m_schedule.name;
    for (auto it = m_schedule.parameters.constBegin(); it != m_schedule.parameters.constEnd(); ++it)
        options.parameterText.insert(it.key(), it.value().toString());
    FlowRun flowRun(loaded.flow, QFileInfo(path).absoluteFilePath(), &m_store, options);
    const Diagnostics refused = flowRun.prepare();
    if (hasErrors(refused)) {
        QStringList texts;
        for (const Diagnostic &p : refused) texts << p.message;
        return fail(texts.join(QStringLiteral("; ")));
    }
    {
        QMutexLocker lock(&m_mutex);
        m_flowRun = &flowRun;
        // A `runs cancel` between the claim and now was signalled before the engine listened.
        if (m_cancelRequested || m_store.isCancelRequested(m_run.id)) flowRun.cancel();
    }
    const RunState state = flowRun.execute();
    m_store.flush();  // other processes count active runs from the database
    QMutexLocker lock(&m_mutex);
    m_flowRun = nullptr;
    m_state = state;
    m_message = flowRun.message();
}

}  // namespace flowdeck
