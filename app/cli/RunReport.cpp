#include "RunReport.h"

#include "Console.h"
#include "JsonStream.h"
#include "Workspace.h"

#include "flow/FlowFile.h"
#include "flow/FlowGraph.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <map>

namespace flowdeck::cli {

double durationSeconds(qint64 startMs, qint64 endMs) {
    return startMs > 0 && endMs > startMs ? (endMs - startMs) / 1000.0 : 0;
}

QString taskLabel(const QString &task, int mapIndex) {
    return mapIndex < 0 ? task : QStringLiteral("%1[%2]").arg(task).arg(mapIndex);
}

void ProgressPrinter::post(const RunEvent &e) {
    if (!m_enabled || e.task.isEmpty() || e.runId != m_runId) return;
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

namespace {

using AttemptsByTask = QHash<QString, std::vector<AttemptRecord>>;

QString attemptKey(const QString &task, int mapIndex) {
    return taskLabel(task, mapIndex);
}

AttemptsByTask attemptsByTask(const RunStore &store, const QString &runId) {
    AttemptsByTask grouped;
    for (AttemptRecord &a : store.attempts(runId)) grouped[attemptKey(a.task, a.mapIndex)].push_back(std::move(a));
    return grouped;
}

QString clockTime(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss.zzz")) : QStringLiteral("-");
}

QString firstLine(const QString &text) {
    return text.section(QLatin1Char('\n'), 0, 0).left(100);
}

/// One indented line per attempt: what a retried or failed task went through.
QString attemptLines(const std::vector<AttemptRecord> &attempts) {
    QList<QStringList> rows;
    for (const AttemptRecord &a : attempts) {
        rows << QStringList{QStringLiteral("attempt %1").arg(a.attempt), toString(a.state),
                            clockTime(a.startMs) + QStringLiteral(" - ") + clockTime(a.endMs),
                            a.exitCode < 0 ? QStringLiteral("exit -") : QStringLiteral("exit %1").arg(a.exitCode),
                            QStringLiteral("peak %1 MB").arg(bytesToMb(a.peakRssBytes), 0, 'f', 1),
                            QStringLiteral("CPU %1s").arg(a.cpuSeconds, 0, 'f', 2), firstLine(a.message)};
    }
    return table(rows, QStringLiteral("      "));
}

bool showsAttempts(const TaskRunRecord &task, const std::vector<AttemptRecord> &attempts) {
    return !attempts.empty() && (attempts.size() > 1 || isFailure(task.state));
}

void writeAttempt(JsonStream &json, const AttemptRecord &a) {
    json.beginObject()
        .key("attempt").value(a.attempt)
        .key("cpu_seconds").value(a.cpuSeconds)
        .key("duration_seconds").value(durationSeconds(a.startMs, a.endMs))
        .key("end_time").time(a.endMs)
        .key("exit_code");
    if (a.exitCode < 0) json.null();
    else json.value(a.exitCode);
    json.key("message").value(a.message)
        .key("peak_memory_mb").value(bytesToMb(a.peakRssBytes))
        .key("start_time").time(a.startMs)
        .key("state").value(toString(a.state))
        .endObject();
}

}  // namespace

QStringList flowTaskOrder(const Flow &flow) {
    if (auto order = FlowGraph(flow).topologicalOrder()) return *order;
    QStringList names;
    for (const Task &t : flow.tasks) names << t.name;
    return names;
}

QStringList flowTaskOrder(const FlowRunRecord &run) {
    if (run.flowPath.isEmpty() || !QFileInfo::exists(run.flowPath)) return {};
    const LoadResult loaded = FlowFile::load(run.flowPath);
    return loaded.readable ? flowTaskOrder(loaded.flow) : QStringList();
}

namespace {

/// @p tasks (the store's order: by name, then map index) in @p order; the map items of a task
/// stay together in index order. Each row's position is looked up once, not in the comparator
/// (string hashing there was 8% of a 10,000-task `flowdeck-cli run`, perf).
std::vector<size_t> flowOrder(const std::vector<TaskRunRecord> &tasks, const QStringList &order) {
    std::vector<std::pair<int, size_t>> keys;
    keys.reserve(tasks.size());
    QHash<QString, int> position;
    position.reserve(order.size());
    for (int i = 0; i < order.size(); ++i) position.insert(order[i], i);
    for (size_t i = 0; i < tasks.size(); ++i) keys.emplace_back(position.value(tasks[i].task, INT_MAX), i);
    std::stable_sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<size_t> indexes;
    indexes.reserve(keys.size());
    for (const auto &key : keys) indexes.push_back(key.second);
    return indexes;
}

void sortInFlowOrder(std::vector<TaskRunRecord> &tasks, const QStringList &order) {
    if (order.isEmpty()) return;
    std::vector<TaskRunRecord> sorted;
    sorted.reserve(tasks.size());
    for (const size_t i : flowOrder(tasks, order)) sorted.push_back(std::move(tasks[i]));
    tasks = std::move(sorted);
}

/// The attempts of each of @p tasks, by index. Both lists come from the store in the same order
/// (task, then map index), so one walk pairs them; hashing 10,000 task labels was 6% of
/// `flowdeck-cli run --json` (perf). An attempt without its task run falls back to the hash.
std::vector<std::vector<AttemptRecord>> attemptsOf(const std::vector<TaskRunRecord> &tasks,
                                                   std::vector<AttemptRecord> attempts) {
    std::vector<std::vector<AttemptRecord>> paired(tasks.size());
    size_t next = 0;
    for (size_t i = 0; i < tasks.size(); ++i)
        while (next < attempts.size() && attempts[next].task == tasks[i].task &&
               attempts[next].mapIndex == tasks[i].mapIndex)
            paired[i].push_back(std::move(attempts[next++]));
    if (next == attempts.size()) return paired;
    AttemptsByTask grouped;
    for (auto &ofTask : paired)
        for (AttemptRecord &a : ofTask) grouped[attemptKey(a.task, a.mapIndex)].push_back(std::move(a));
    for (size_t j = next; j < attempts.size(); ++j)
        grouped[attemptKey(attempts[j].task, attempts[j].mapIndex)].push_back(std::move(attempts[j]));
    for (size_t i = 0; i < tasks.size(); ++i) paired[i] = grouped.take(attemptKey(tasks[i].task, tasks[i].mapIndex));
    return paired;
}

bool isNotable(const TaskRunRecord &t) { return isFailure(t.state) || t.attempts > 1; }

/// "… and 9,980 more: 9,980 Completed (all of them: --all)".
QString moreLine(const std::vector<TaskRunRecord> &hidden) {
    std::map<QString, int> byState;
    for (const TaskRunRecord &t : hidden) ++byState[toString(t.state)];
    QStringList counts;
    for (const auto &[state, count] : byState) counts << QStringLiteral("%1 %2").arg(count).arg(state);
    return QStringLiteral("... and %1 more task runs: %2 (all of them: --all)\n")
        .arg(hidden.size())
        .arg(counts.join(QStringLiteral(", ")));
}

QString taskTable(const std::vector<TaskRunRecord> &tasks, const AttemptsByTask &attempts) {
    QList<QStringList> rows{{"TASK", "STATE", "ATTEMPTS", "DURATION", "MESSAGE"}};
    for (const TaskRunRecord &t : tasks) {
        rows << QStringList{taskLabel(t.task, t.mapIndex), toString(t.state), QString::number(t.attempts),
                            formatSeconds(durationSeconds(t.startMs, t.endMs)), firstLine(t.message)};
    }
    // The table's columns are sized over every row shown; the attempts go between its lines.
    const QStringList lines = table(rows, QStringLiteral("  ")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QString out = lines.value(0) + QLatin1Char('\n');
    for (size_t i = 0; i < tasks.size(); ++i) {
        out += lines.value(int(i) + 1) + QLatin1Char('\n');
        const auto &ofTask = attempts.value(attemptKey(tasks[i].task, tasks[i].mapIndex));
        if (showsAttempts(tasks[i], ofTask)) out += attemptLines(ofTask);
    }
    return out;
}

}  // namespace

QString runSummary(const RunStore &store, const QString &runId, const SummaryOptions &options) {
    const auto run = store.run(runId);
    if (!run) return QStringLiteral("run %1 not found\n").arg(runId);
    const FlowMetrics metrics = store.metrics(runId);
    QString out = QStringLiteral("\nRun %1  %2  %3 in %4\n")
                      .arg(run->id, run->flowName, toString(run->state), formatSeconds(metrics.totalDurationSeconds));
    if (!run->retryOf.isEmpty()) out += QStringLiteral("Retry of run %1\n").arg(run->retryOf);
    if (!run->message.isEmpty()) out += QStringLiteral("Why: %1\n").arg(run->message);
    out += metricsText(metrics) + QLatin1Char('\n');
    std::vector<TaskRunRecord> tasks = store.taskRuns(runId);
    sortInFlowOrder(tasks, options.taskOrder);
    // What went wrong first, so that a screenful of a 10,000-task run still shows it.
    std::stable_partition(tasks.begin(), tasks.end(), isNotable);
    std::vector<TaskRunRecord> hidden;
    if (!options.all && tasks.size() > size_t(kSummaryRows)) {
        hidden.assign(std::make_move_iterator(tasks.begin() + kSummaryRows), std::make_move_iterator(tasks.end()));
        tasks.resize(kSummaryRows);
    }
    // Attempt lines are shown only under notable tasks, which the partition put first.
    const bool anyNotable = !tasks.empty() && isNotable(tasks.front());
    if (!tasks.empty()) out += taskTable(tasks, anyNotable ? attemptsByTask(store, runId) : AttemptsByTask());
    if (!hidden.empty()) out += moreLine(hidden);
    out += QStringLiteral("Logs: flowdeck-cli runs logs %1\n").arg(shortId(run->id));
    return out;
}

QJsonObject toJson(const FlowRunRecord &r) {
    return {{"id", r.id},
            {"flow", r.flowName},
            {"flow_path", r.flowPath},
            {"state", toString(r.state)},
            {"parameters", QJsonObject::fromVariantMap(r.parameters)},
            {"tags", QJsonArray::fromStringList(r.tags)},
            {"parent_run_id", r.parentRunId},
            {"parent_task", r.parentTask},
            {"retry_of", r.retryOf},
            {"trigger", r.trigger},
            {"task_count", r.taskCount < 0 ? QJsonValue() : QJsonValue(r.taskCount)},
            {"created", formatTime(r.createdMs)},
            {"start_ms", r.startMs},
            {"end_ms", r.endMs},
            {"duration_seconds", durationSeconds(r.startMs, r.endMs)},
            {"message", r.message},
            {"pid", r.pid},
            {"host", r.host}};
}

QJsonObject toJson(const FlowMetrics &m) {
    return {{"flow_name", m.flowName},                {"run_id", m.runId},
            {"total_tasks", m.totalTasks},         {"completed_tasks", m.completedTasks},
            {"failed_tasks", m.failedTasks},       {"cached_tasks", m.cachedTasks},
            {"skipped_tasks", m.skippedTasks},     {"total_duration_seconds", m.totalDurationSeconds},
            {"average_task_duration", m.averageTaskDuration}, {"peak_memory_mb", m.peakMemoryMb},
            {"cpu_usage_percent", m.cpuUsagePercent}, {"retry_count", m.retryCount},
            {"cache_hit_rate", m.cacheHitRate}};
}

std::string runJson(const RunStore &store, const QString &runId, const QStringList &taskOrder) {
    JsonStream json;
    const auto run = store.run(runId);
    if (!run) {
        json.beginObject().key("error").value(QStringLiteral("run %1 not found").arg(runId)).endObject();
        return json.take();
    }
    FlowRunStatus s;
    const FlowMetrics metrics = store.metrics(run->id, &s);
    const QJsonObject status{{"run_id", s.runId},
                             {"flow_name", s.flowName},
                             {"state", toString(s.state)},
                             {"start_time", formatTime(s.startMs)},
                             {"end_time", formatTime(s.endMs)},
                             {"duration_seconds", s.durationSeconds},
                             {"task_count", s.taskCount},
                             {"completed_tasks", s.completedTasks},
                             {"failed_tasks", s.failedTasks},
                             {"error_message", s.errorMessage},
                             {"parameters", QJsonObject::fromVariantMap(s.parameters)},
                             {"tags", QJsonArray::fromStringList(s.tags)}};
    // Keys in QJsonDocument's (alphabetical) order, so the output reads as it always has.
    json.beginObject()
        .key("metrics").value(QJsonValue(toJson(metrics)))
        .key("run").value(QJsonValue(toJson(*run)))
        .key("status").value(QJsonValue(status))
        .key("tasks").beginArray();
    const std::vector<TaskRunRecord> taskRuns = store.taskRuns(run->id);
    const std::vector<std::vector<AttemptRecord>> attempts = attemptsOf(taskRuns, store.attempts(run->id));
    for (const size_t i : flowOrder(taskRuns, taskOrder)) {
        const TaskRunRecord &t = taskRuns[i];
        json.beginObject().key("attempt_count").value(t.attempts).key("attempts").beginArray();
        for (const AttemptRecord &a : attempts[i]) writeAttempt(json, a);
        json.endArray()
            .key("end_ms").value(t.endMs)
            .key("map_index").value(t.mapIndex)
            .key("message").value(t.message)
            .key("result").value(QJsonValue::fromVariant(t.result))
            .key("start_ms").value(t.startMs)
            .key("state").value(toString(t.state))
            .key("task").value(t.task)
            .endObject();
    }
    json.endArray().endObject();
    return json.take();
}

}  // namespace flowdeck::cli
