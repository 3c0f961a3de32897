#include "RunReport.h"

#include "Console.h"
#include "Workspace.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>

namespace flowdeck::cli {

double durationSeconds(qint64 startMs, qint64 endMs) {
    return startMs > 0 && endMs > startMs ? (endMs - startMs) / 1000.0 : 0;
}

QString taskLabel(const QString &task, int mapIndex) {
    return mapIndex < 0 ? task : QStringLiteral("%1[%2]").arg(task).arg(mapIndex);
}

void ProgressPrinter::print(const RunEvent &e) {
    if (!m_enabled || e.task.isEmpty()) return;
    // Pending is noise on a terminal; everything else is a step a person wants to see.
    if (e.state == RunState::Pending) return;
    QString line = QStringLiteral("[%1s] %2 %3")
                       .arg(m_clock.elapsed() / 1000.0, 7, 'f', 2)
                       .arg(taskLabel(e.task, e.mapIndex), -24)
                       .arg(toString(e.state));
    if (e.attempt > 1 && (e.state == RunState::Retrying || isFinal(e.state)))
        line += QStringLiteral(" (attempt %1)").arg(e.attempt);
    if (!e.message.isEmpty() && e.state != RunState::Running) line += QLatin1String(": ") + e.message.section('\n', 0, 0);
    printOut(line + QLatin1Char('\n'));
}

QString shortId(const QString &id) { return id.left(8); }

QString metricsText(const FlowMetrics &m) {
    return QStringLiteral("Tasks: %1 total, %2 completed, %3 failed, %4 cached, %5 skipped; retries %6; "
                          "average task %7; peak memory %8 MB; CPU %9%")
        .arg(m.totalTasks).arg(m.completedTasks).arg(m.failedTasks).arg(m.cachedTasks).arg(m.skippedTasks)
        .arg(m.retryCount).arg(formatSeconds(m.averageTaskDuration))
        .arg(m.peakMemoryMb, 0, 'f', 1).arg(m.cpuUsagePercent, 0, 'f', 0);
}

QString runSummary(const RunStore &store, const QString &runId) {
    const auto run = store.run(runId);
    if (!run) return QStringLiteral("run %1 not found\n").arg(runId);
    const FlowRunStatus status = store.status(runId);
    QString out = QStringLiteral("\nRun %1  %2  %3 in %4\n")
                      .arg(run->id, run->flowName, toString(run->state), formatSeconds(status.durationSeconds));
    if (!run->retryOf.isEmpty()) out += QStringLiteral("Retry of run %1\n").arg(run->retryOf);
    if (!run->message.isEmpty()) out += QStringLiteral("Why: %1\n").arg(run->message);
    QList<QStringList> rows{{"TASK", "STATE", "ATTEMPTS", "DURATION", "MESSAGE"}};
    for (const TaskRunRecord &t : store.taskRuns(runId)) {
        rows << QStringList{taskLabel(t.task, t.mapIndex), toString(t.state), QString::number(t.attempts),
                            formatSeconds(durationSeconds(t.startMs, t.endMs)), t.message.section('\n', 0, 0).left(100)};
    }
    out += table(rows, QStringLiteral("  "));
    out += metricsText(store.metrics(runId)) + QLatin1Char('\n');
    out += QStringLiteral("Logs: flowdeck-cli runs logs %1\n").arg(shortId(run->id));
    return out;
}

QJsonObject toJson(const FlowRunRecord &r) {
    return {{"id", r.id},
            {"flow", r.flowName},
            {"flow_path", r.flowPath},
            {"state", toString(r.state)},
            {"parameters", QJsonObject::fromVariantMap(r.parameters)},
            {"parent_run_id", r.parentRunId},
            {"parent_task", r.parentTask},
            {"retry_of", r.retryOf},
            {"created", formatTime(r.createdMs)},
            {"start_ms", r.startMs},
            {"end_ms", r.endMs},
            {"duration_seconds", durationSeconds(r.startMs, r.endMs)},
            {"message", r.message},
            {"pid", r.pid},
            {"host", r.host}};
}

QJsonObject toJson(const FlowMetrics &m) {
    return {{"total_tasks", m.totalTasks},         {"completed_tasks", m.completedTasks},
            {"failed_tasks", m.failedTasks},       {"cached_tasks", m.cachedTasks},
            {"skipped_tasks", m.skippedTasks},     {"total_duration_seconds", m.totalDurationSeconds},
            {"average_task_duration", m.averageTaskDuration}, {"peak_memory_mb", m.peakMemoryMb},
            {"cpu_usage_percent", m.cpuUsagePercent}, {"retry_count", m.retryCount},
            {"cache_hit_rate", m.cacheHitRate}};
}

QJsonObject runJson(const RunStore &store, const QString &runId) {
    const auto run = store.run(runId);
    if (!run) return {{"error", QStringLiteral("run %1 not found").arg(runId)}};
    const FlowRunStatus s = store.status(run->id);
    QJsonObject status{{"run_id", s.runId},
                       {"flow_name", s.flowName},
                       {"state", toString(s.state)},
                       {"start_time", formatTime(s.startMs)},
                       {"end_time", formatTime(s.endMs)},
                       {"duration_seconds", s.durationSeconds},
                       {"task_count", s.taskCount},
                       {"completed_tasks", s.completedTasks},
                       {"failed_tasks", s.failedTasks},
                       {"error_message", s.errorMessage}};
    QJsonArray tasks;
    for (const TaskRunRecord &t : store.taskRuns(run->id))
        tasks.append(QJsonObject{{"task", t.task},
                                 {"map_index", t.mapIndex},
                                 {"state", toString(t.state)},
                                 {"attempts", t.attempts},
                                 {"start_ms", t.startMs},
                                 {"end_ms", t.endMs},
                                 {"message", t.message},
                                 {"result", QJsonValue::fromVariant(t.result)}});
    return {{"run", toJson(*run)}, {"status", status}, {"tasks", tasks}, {"metrics", toJson(store.metrics(run->id))}};
}

}  // namespace flowdeck::cli
