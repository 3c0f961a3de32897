// The run store's readers: runs, task runs, attempts, logs, status and metrics.

#include "store/RunStorePrivate.h"
#include "store/SqliteRows.h"

#include "flow/FlowFile.h"

#include <QRegularExpression>

namespace flowdeck {

const QLatin1String kRunColumns(
    "id, flow_name, flow_path, parameters, state, parent_run_id, parent_task, retry_of, deployment,"
    " created_ms, expected_start_ms, start_ms, end_ms, message, pid, host, heartbeat_ms, tags, task_count,"
    " run_trigger");

FlowRunRecord readRun(const QSqlQuery &q, bool withSnapshot) {
    FlowRunRecord r;
    r.id = q.value(0).toString();
    r.flowName = q.value(1).toString();
    r.flowPath = q.value(2).toString();
    r.parameters = jsonColumn(q.value(3)).toMap();
    r.state = stateFrom(q.value(4));
    r.parentRunId = q.value(5).toString();
    r.parentTask = q.value(6).toString();
    r.retryOf = q.value(7).toString();
    r.deployment = q.value(8).toString();
    r.createdMs = q.value(9).toLongLong();
    r.expectedStartMs = q.value(10).toLongLong();
    r.startMs = q.value(11).toLongLong();
    r.endMs = q.value(12).toLongLong();
    r.message = q.value(13).toString();
    r.pid = q.value(14).toLongLong();
    r.host = q.value(15).toString();
    r.heartbeatMs = q.value(16).toLongLong();
    r.tags = jsonColumn(q.value(17)).toStringList();
    r.taskCount = q.value(18).toInt();
    r.trigger = q.value(19).toString();
    if (withSnapshot) r.flowSnapshot = q.value(kRunColumnCount).toByteArray();
    return r;
}

StoredLogLine readLogLine(const QSqlQuery &q, const QString &runId) {
    StoredLogLine s;
    s.id = q.value(0).toLongLong();
    s.line.runId = runId;
    s.line.task = q.value(1).toString();
    s.line.mapIndex = q.value(2).toInt();
    s.line.attempt = q.value(3).toInt();
    s.line.timeMs = q.value(4).toLongLong();
    s.line.stream = LogLine::Stream(qBound(0, q.value(5).toInt(), 2));
    s.line.level = LogLine::Level(qBound(0, q.value(6).toInt(), 3));
    s.line.text = q.value(7).toString();
    s.seq = q.value(8).toLongLong();
    return s;
}

namespace {

double durationSeconds(RunState state, qint64 startMs, qint64 endMs) {
    if (startMs <= 0) return 0;
    const qint64 end = endMs > 0 ? endMs : (isFinal(state) ? startMs : nowMs());
    return std::max<qint64>(0, end - startMs) / 1000.0;
}

/// Runs whose snapshot facts are kept; parsing again after a clear only costs time.
constexpr qsizetype kMaxSnapshotFacts = 1000;

SnapshotFacts readSnapshot(const QByteArray &snapshot) {
    SnapshotFacts facts;
    if (snapshot.isEmpty()) return facts;
    const LoadResult loaded = FlowFile::parse(snapshot, QStringLiteral("<run snapshot>"));
    if (!loaded.readable) return facts;
    for (const Task &task : loaded.flow.tasks) facts.tasks << task.name;
    facts.tags = loaded.flow.tags;
    return facts;
}


}  // namespace

SnapshotFacts RunStore::Private::factsOf(const QString &runId) {
    {
        QMutexLocker lock(&mutex);
        const auto known = snapshotFacts.constFind(runId);
        if (known != snapshotFacts.constEnd()) return *known;
    }
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT flow_snapshot FROM flow_runs WHERE id = ?"));
    q.addBindValue(runId);
    if (!q.exec() || !q.next()) return {};
    const QByteArray snapshot = q.value(0).toByteArray();
    const SnapshotFacts facts = readSnapshot(snapshot);
    // A scheduled run gets its snapshot only when it starts; until then there is nothing to keep.
    if (!snapshot.isEmpty()) {
        QMutexLocker lock(&mutex);
        if (snapshotFacts.size() >= kMaxSnapshotFacts) snapshotFacts.clear();  // a long-lived process
        snapshotFacts.insert(runId, facts);
    }
    return facts;
}

TaskTally RunStore::Private::tally(QSqlDatabase &db, const QString &runId, int stored) {
    // A mapped task's own row (map_index -1) holds the state of the task as a whole; its items'
    // rows are not tasks of the flow.
    TaskTally tally;
    if (stored >= 0) {
        // Runs recorded since version 5 know their task count: only the states are counted
        // (grouping 10,000 rows by task name was 7% of a 10,000-task `flowdeck-cli run`).
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT state, count(*) FROM task_runs WHERE run_id = ? AND map_index = -1"
                                 " GROUP BY state"));
        q.addBindValue(runId);
        if (!q.exec()) warnFailed("counting task runs", q);
        int rows = 0;
        while (q.next()) {
            const int count = q.value(1).toInt();
            tally.count(stateFrom(q.value(0)), count);
            rows += count;
        }
        tally.total = std::max(stored, rows);
        return tally;
    }
    // Older runs: the tasks are the snapshot's and those with a row.
    const QStringList flowTasks = factsOf(runId).tasks;
    QSet<QString> tasks(flowTasks.begin(), flowTasks.end());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT task, max(CASE WHEN map_index = -1 THEN state END) FROM task_runs"
                             " WHERE run_id = ? GROUP BY task"));
    q.addBindValue(runId);
    if (!q.exec()) warnFailed("counting task runs", q);
    while (q.next()) {
        tasks.insert(q.value(0).toString());
        if (!q.value(1).isNull()) tally.count(stateFrom(q.value(1)));
    }
    // Tasks without a row never started (their run crashed or was cancelled first).
    tally.total = int(tasks.size());
    return tally;
}

// ----- reading -------------------------------------------------------------------------------

std::vector<FlowRunRecord> RunStore::listRuns(const RunFilter &filter) const {
    QString sql = QStringLiteral("SELECT %1 FROM flow_runs WHERE created_ms >= :since").arg(kRunColumns);
    if (!filter.flowName.isEmpty()) sql += QStringLiteral(" AND flow_name = :flow");
    if (filter.state) sql += QStringLiteral(" AND state = :state");
    if (!filter.parentRunId.isEmpty()) sql += QStringLiteral(" AND parent_run_id = :parent");
    sql += QStringLiteral(" ORDER BY created_ms DESC, id DESC LIMIT :limit");
    QSqlQuery q(d->connection());
    q.prepare(sql);
    q.bindValue(QStringLiteral(":since"), filter.sinceMs);
    if (!filter.flowName.isEmpty()) q.bindValue(QStringLiteral(":flow"), filter.flowName);
    if (filter.state) q.bindValue(QStringLiteral(":state"), toString(*filter.state));
    if (!filter.parentRunId.isEmpty()) q.bindValue(QStringLiteral(":parent"), filter.parentRunId);
    q.bindValue(QStringLiteral(":limit"), filter.limit > 0 ? filter.limit : -1);
    std::vector<FlowRunRecord> runs;
    if (!q.exec()) warnFailed("listing runs", q);
    while (q.next()) runs.push_back(readRun(q, false));
    return runs;
}

std::optional<FlowRunRecord> RunStore::run(const QString &idOrPrefix) const {
    if (idOrPrefix.isEmpty()) return std::nullopt;
    const QString select = QStringLiteral("SELECT %1, flow_snapshot FROM flow_runs ").arg(kRunColumns);
    QSqlQuery q(d->connection());
    q.prepare(select + QStringLiteral("WHERE id = ?"));
    q.addBindValue(idOrPrefix);
    if (q.exec() && q.next()) return readRun(q, true);

    // A prefix as printed by `runs list`; GLOB uses the primary key index for a prefix pattern.
    static const QRegularExpression plain(QStringLiteral("^[0-9A-Za-z_-]{4,}$"));
    if (!plain.match(idOrPrefix).hasMatch()) return std::nullopt;
    q.prepare(select + QStringLiteral("WHERE id GLOB ? LIMIT 2"));
    q.addBindValue(idOrPrefix + QLatin1Char('*'));
    if (!q.exec() || !q.next()) return std::nullopt;
    FlowRunRecord found = readRun(q, true);
    if (q.next()) return std::nullopt;  // ambiguous
    return found;
}

std::vector<TaskRunRecord> RunStore::taskRuns(const QString &runId) const {
    SqliteRows q(d->connection(),
                 "SELECT task, map_index, state, attempts, start_ms, end_ms, message, result, cache_key"
                 " FROM task_runs WHERE run_id = ?1 ORDER BY task, map_index",
                 "reading task runs");
    q.bind(1, runId);
    std::vector<TaskRunRecord> rows;
    while (q.next()) {
        TaskRunRecord t;
        t.runId = runId;
        t.task = q.text(0);
        t.mapIndex = int(q.integer(1));
        t.state = stateFrom(q.text(2));
        t.attempts = int(q.integer(3));
        t.startMs = q.integer(4);
        t.endMs = q.integer(5);
        t.message = q.text(6);
        if (!q.isNull(7)) t.result = jsonColumn(q.text(7));
        t.cacheKey = q.text(8);
        rows.push_back(std::move(t));
    }
    return rows;
}

std::vector<AttemptRecord> RunStore::attempts(const QString &runId, const QString &task) const {
    SqliteRows q(d->connection(),
                 task.isEmpty() ? "SELECT task, map_index, attempt, state, start_ms, end_ms, exit_code, message, peak_rss,"
                                  " cpu_seconds FROM attempts WHERE run_id = ?1 ORDER BY task, map_index, attempt"
                                : "SELECT task, map_index, attempt, state, start_ms, end_ms, exit_code, message, peak_rss,"
                                  " cpu_seconds FROM attempts WHERE run_id = ?1 AND task = ?2"
                                  " ORDER BY task, map_index, attempt",
                 "reading attempts");
    q.bind(1, runId);
    if (!task.isEmpty()) q.bind(2, task);
    std::vector<AttemptRecord> rows;
    while (q.next()) {
        AttemptRecord a;
        a.runId = runId;
        a.task = q.text(0);
        a.mapIndex = int(q.integer(1));
        a.attempt = int(q.integer(2));
        a.state = stateFrom(q.text(3));
        a.startMs = q.integer(4);
        a.endMs = q.integer(5);
        a.exitCode = int(q.integer(6));
        a.message = q.text(7);
        a.peakRssBytes = q.integer(8);
        a.cpuSeconds = q.real(9);
        rows.push_back(std::move(a));
    }
    return rows;
}

FlowRunStatus RunStore::status(const QString &runId) const {
    TaskTally tasks;
    return d->readStatus(runId, &tasks);
}

FlowRunStatus RunStore::Private::readStatus(const QString &runId, TaskTally *tasks) {
    FlowRunStatus s;
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT r.flow_name, r.state, r.start_ms, r.end_ms, r.message, r.parameters, r.tags,"
                             " (SELECT t.task || ': ' || t.message FROM task_runs t WHERE t.run_id = r.id"
                             "   AND t.state IN %1 AND t.message <> '' ORDER BY t.end_ms LIMIT 1), r.task_count"
                             " FROM flow_runs r WHERE r.id = ?")
                  .arg(stateList(kFailureStates)));
    q.addBindValue(runId);
    if (!q.exec()) warnFailed("reading run status", q);
    if (!q.next()) return s;
    s.runId = runId;
    s.flowName = q.value(0).toString();
    s.state = stateFrom(q.value(1));
    s.startMs = q.value(2).toLongLong();
    s.endMs = q.value(3).toLongLong();
    s.durationSeconds = durationSeconds(s.state, s.startMs, s.endMs);
    s.parameters = jsonColumn(q.value(5)).toMap();
    s.tags = jsonColumn(q.value(6)).toStringList();
    // A run that failed because a task did says which task and why.
    s.errorMessage = q.value(4).toString();
    if (s.errorMessage.isEmpty() && isFailure(s.state)) s.errorMessage = q.value(7).toString();
    const int storedTaskCount = q.value(8).toInt();
    q.finish();
    // Runs recorded before version 5 (no task count) may have their tags only in the flow
    // snapshot. Newer runs wrote their tags: parsing a 10,000-task snapshot again to find none
    // was a third of `flowdeck-cli run`'s time (perf, noop-10000).
    if (s.tags.isEmpty() && storedTaskCount < 0) s.tags = factsOf(runId).tags;
    *tasks = tally(db, runId, storedTaskCount);
    s.taskCount = tasks->total;
    s.completedTasks = tasks->completed;
    s.failedTasks = tasks->failed;
    return s;
}

FlowMetrics RunStore::metrics(const QString &runId, FlowRunStatus *status) const {
    FlowMetrics m;
    TaskTally tasks;
    const FlowRunStatus run = d->readStatus(runId, &tasks);
    if (status) *status = run;
    if (run.runId.isEmpty()) return m;
    m.runId = run.runId;
    m.flowName = run.flowName;
    m.totalDurationSeconds = run.durationSeconds;
    m.totalTasks = tasks.total;
    m.completedTasks = tasks.completed;
    m.failedTasks = tasks.failed;
    m.cachedTasks = tasks.cached;
    m.skippedTasks = tasks.skipped;
    QSqlDatabase db = d->connection();
    QSqlQuery q(db);
    // Durations are the tasks' own rows; retries and cache use happen per item of a mapped task.
    q.prepare(QStringLiteral(
        "SELECT avg(CASE WHEN map_index = -1 AND start_ms > 0 AND end_ms >= start_ms THEN end_ms - start_ms END),"
        " coalesce(sum(max(attempts - 1, 0)), 0), coalesce(sum(cache_key <> ''), 0),"
        " coalesce(sum(cache_key <> '' AND state = 'Cached'), 0)"
        " FROM task_runs WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec() || !q.next()) {
        warnFailed("reading run metrics", q);
        return m;
    }
    m.averageTaskDuration = q.value(0).toDouble() / 1000.0;
    m.retryCount = q.value(1).toInt();
    const int withCacheKey = q.value(2).toInt();
    m.cacheHitRate = withCacheKey > 0 ? double(q.value(3).toInt()) / withCacheKey : 0.0;

    q.prepare(
        QStringLiteral("SELECT max(coalesce((SELECT max(peak_rss) FROM attempts WHERE run_id = ?), 0),"
                       " coalesce((SELECT max(rss_bytes) FROM metric_samples WHERE run_id = ?), 0)),"
                       " (SELECT total(cpu_seconds) FROM attempts WHERE run_id = ?)"));
    for (int i = 0; i < 3; ++i) q.addBindValue(runId);
    if (q.exec() && q.next()) {
        m.peakMemoryMb = bytesToMb(q.value(0).toLongLong());
        const double cpu = q.value(1).toDouble();
        m.cpuUsagePercent = m.totalDurationSeconds > 0 ? cpu / m.totalDurationSeconds * 100.0 : 0.0;
    } else {
        warnFailed("reading run resource use", q);
    }
    return m;
}

}  // namespace flowdeck
