#include "store/EventWriter.h"

#include "store/StoreSql.h"

#include <QHash>
#include <QSqlDatabase>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <utility>

namespace flowdeck {

namespace {

// The hot path binds through the sqlite3 C API on the Qt connection's handle: QSqlQuery's
// QVariant binding costs more than the insert itself at this rate.
class Statement {
public:
    Statement() = default;
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool prepare(sqlite3 *db, const char *sql) {
        return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) == SQLITE_OK;
    }
    // The database is UTF-8: binding UTF-16 would make SQLite convert each value with its own
    // (mutex-guarded) allocator. Each parameter keeps its last conversion instead, so a run id
    // shared by thousands of events is converted once.
    Statement &text(int index, const QString &value) {
        if (value.isEmpty()) {
            sqlite3_bind_text(m_stmt, index, "", 0, SQLITE_STATIC);
            return *this;
        }
        Utf8Cache &cache = m_cache[size_t(index)];
        if (cache.source.constData() != value.constData() || cache.source.size() != value.size()) {
            cache.source = value;  // holding it pins the characters: their address cannot be reused
            cache.utf8 = value.toUtf8();
        }
        sqlite3_bind_text(m_stmt, index, cache.utf8.constData(), int(cache.utf8.size()), SQLITE_STATIC);
        return *this;
    }
    Statement &utf8(int index, const QByteArray &value) {
        sqlite3_bind_text(m_stmt, index, value.constData(), int(value.size()), SQLITE_STATIC);
        return *this;
    }
    Statement &json(int index, const QVariant &value) {
        const QByteArray text = variantToJson(value);
        if (text.isNull()) {
            sqlite3_bind_null(m_stmt, index);
        } else {
            sqlite3_bind_text(m_stmt, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
        return *this;
    }
    Statement &integer(int index, qint64 value) {
        sqlite3_bind_int64(m_stmt, index, value);
        return *this;
    }
    Statement &real(int index, double value) {
        sqlite3_bind_double(m_stmt, index, value);
        return *this;
    }
    /// Steps once, reads the first column of the row as an integer and resets; -1 on error.
    qint64 queryInteger() {
        const int rc = sqlite3_step(m_stmt);
        const qint64 value = rc == SQLITE_ROW ? sqlite3_column_int64(m_stmt, 0) : -1;
        sqlite3_reset(m_stmt);
        return value;
    }
    /// Steps once and resets; SQLITE_OK when the statement completed.
    int run() {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
    }

private:
    struct Utf8Cache {
        QString source;
        QByteArray utf8;
    };
    sqlite3_stmt *m_stmt = nullptr;
    std::array<Utf8Cache, 16> m_cache;  ///< by parameter index; no statement has more than 12
};

const QByteArray &stateName(RunState state) {
    constexpr size_t count = size_t(RunState::Skipped) + 1;
    static const std::array<QByteArray, count> names = [] {
        std::array<QByteArray, count> all;
        for (size_t i = 0; i < count; ++i) all[i] = toString(RunState(i)).toUtf8();
        return all;
    }();
    return names[size_t(state)];
}

bool isRunning(RunState state) {
    return state == RunState::Running || state == RunState::Retrying;
}

/// Task events that say something about an attempt's process; Pending, Cached, Skipped and
/// the scheduling states never started one.
bool describesAttempt(const RunEvent &event) {
    switch (event.state) {
        case RunState::Scheduled:
        case RunState::Late:
        case RunState::Pending:
        case RunState::Cached:
        case RunState::Skipped:
            return false;
        default:
            return event.attempt >= 1;
    }
}

bool isBusyCode(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

struct TaskKey {
    QString runId;
    QString task;
    int mapIndex = -1;
    int attempt = 0;  ///< 0 for task runs
    bool operator==(const TaskKey &other) const {
        return mapIndex == other.mapIndex && attempt == other.attempt && task == other.task &&
               runId == other.runId;
    }
};

size_t qHash(const TaskKey &key, size_t seed = 0) {
    return qHashMulti(seed, key.runId, key.task, key.mapIndex, key.attempt);
}

/// What a batch changes in one row of flow_runs, task_runs or attempts: the events of a batch
/// are folded first, so a task going Pending -> Running -> Completed in one batch costs one
/// upsert instead of three (the events table still gets every transition).
struct RowDelta {
    bool hasState = false;
    RunState state = RunState::Pending;
    int attempts = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;
    int exitCode = -1;
    QString message;
    QVariant result;
    QString cacheKey;
    qint64 heartbeatMs = 0;
    qint64 peakRss = 0;
    double cpuSeconds = 0;
    bool failedAwaitingRetry = false;  ///< state is Failed only because the task awaits a retry

    void apply(const RunEvent &event) {
        hasState = true;
        state = event.state;
        failedAwaitingRetry = false;
        if (isRunning(event.state) && startMs == 0) startMs = event.timeMs;
        endMs = isFinal(event.state) ? event.timeMs : 0;
        message = event.message;
        if (event.exitCode != -1) exitCode = event.exitCode;
        if (event.result.isValid() && isSuccess(event.state)) result = event.result;
        attempts = std::max(attempts, event.attempt);
        heartbeatMs = std::max(heartbeatMs, event.timeMs);
        // A finished attempt reports its own peak and CPU time: an attempt shorter than the
        // sampling interval has no sample at all.
        peakRss = std::max(peakRss, event.peakRssBytes);
        cpuSeconds = std::max(cpuSeconds, event.cpuSeconds);
    }

    /// It is the task that awaits the retry; the attempt itself is over and failed (or timed
    /// out, if an earlier event said so: that stays).
    void applyToAttempt(const RunEvent &event) {
        const bool knownFailure = hasState && isFailure(state);
        const RunState before = state;
        apply(event);
        if (event.state != RunState::AwaitingRetry) return;
        state = knownFailure ? before : RunState::Failed;
        failedAwaitingRetry = !knownFailure;
        endMs = event.timeMs;
    }
};

/// Rows touched by one batch, in first-touched order.
class DeltaTable {
public:
    RowDelta &at(const TaskKey &key) {
        const auto found = m_index.constFind(key);
        if (found != m_index.constEnd()) return m_rows[*found].second;
        m_index.insert(key, m_rows.size());
        m_rows.emplace_back(key, RowDelta());
        return m_rows.back().second;
    }
    const std::vector<std::pair<TaskKey, RowDelta>> &rows() const { return m_rows; }
    void clear() {
        m_rows.clear();
        m_index.clear();
    }

private:
    std::vector<std::pair<TaskKey, RowDelta>> m_rows;
    QHash<TaskKey, size_t> m_index;
};

const char *const kInsertEvent =
    "INSERT INTO events(run_id, task, map_index, attempt, state, time_ms, message)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";

const char *const kUpsertTaskRun =
    "INSERT INTO task_runs(run_id, task, map_index, state, attempts, start_ms, end_ms, message,"
    " result, cache_key) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT(run_id, task, map_index) DO UPDATE SET"
    " state = CASE WHEN ?11 THEN excluded.state ELSE task_runs.state END,"
    " attempts = max(task_runs.attempts, excluded.attempts),"
    " start_ms = CASE WHEN task_runs.start_ms = 0 THEN excluded.start_ms ELSE task_runs.start_ms END,"
    " end_ms = CASE WHEN ?11 THEN excluded.end_ms ELSE task_runs.end_ms END,"
    " message = CASE WHEN ?11 THEN excluded.message ELSE task_runs.message END,"
    " result = coalesce(excluded.result, task_runs.result),"
    " cache_key = CASE WHEN excluded.cache_key = '' THEN task_runs.cache_key"
    " ELSE excluded.cache_key END";

const char *const kUpsertAttempt =
    "INSERT INTO attempts(run_id, task, map_index, attempt, state, start_ms, end_ms, exit_code,"
    " message, peak_rss, cpu_seconds) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    " ON CONFLICT(run_id, task, map_index, attempt) DO UPDATE SET"
    " state = CASE WHEN NOT ?12 THEN attempts.state"
    " WHEN ?13 AND attempts.state IN ('Failed', 'TimedOut', 'Crashed') THEN attempts.state"
    " ELSE excluded.state END,"
    " start_ms = CASE WHEN attempts.start_ms = 0 THEN excluded.start_ms ELSE attempts.start_ms END,"
    " end_ms = CASE WHEN ?12 THEN excluded.end_ms ELSE attempts.end_ms END,"
    " exit_code = CASE WHEN excluded.exit_code <> -1 THEN excluded.exit_code"
    " ELSE attempts.exit_code END,"
    " message = CASE WHEN ?12 THEN excluded.message ELSE attempts.message END,"
    " peak_rss = max(attempts.peak_rss, excluded.peak_rss),"
    " cpu_seconds = max(attempts.cpu_seconds, excluded.cpu_seconds)";

const char *const kUpdateFlowRun =
    "UPDATE flow_runs SET"
    " state = CASE WHEN ?2 THEN ?3 ELSE state END,"
    " start_ms = CASE WHEN start_ms = 0 THEN ?4 ELSE start_ms END,"
    " end_ms = CASE WHEN ?2 THEN ?5 ELSE end_ms END,"
    " message = CASE WHEN ?2 THEN ?6 ELSE message END,"
    " heartbeat_ms = max(heartbeat_ms, ?7)"
    " WHERE id = ?1";

// The full-text index (logs_fts) follows by a trigger.
const char *const kInsertLog =
    "INSERT INTO logs(run_id, task, map_index, attempt, time_ms, stream, level, text, seq)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

const char *const kLastLogSeq = "SELECT coalesce(max(seq), 0) FROM logs WHERE run_id = ?1";

/// Runs whose last log line number the writer remembers; more are looked up again.
constexpr int kMaxRemembered = 10000;

const char *const kInsertSample =
    "INSERT INTO metric_samples(run_id, task, map_index, attempt, time_ms, rss_bytes, cpu_seconds)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";

const char *const kUpsertCacheEntry =
    "INSERT INTO cache_entries(key, flow_name, task, result, created_ms, expires_ms, run_id)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT(key) DO UPDATE SET flow_name = excluded.flow_name, task = excluded.task,"
    " result = excluded.result, created_ms = excluded.created_ms,"
    " expires_ms = excluded.expires_ms, run_id = excluded.run_id";

}  // namespace

/// The writer's prepared statements (kept for the connection's life) and one batch's deltas.
class EventWriter::Batch {
public:
    explicit Batch(sqlite3 *db) : m_db(db) {}

    bool prepare(QString *error) {
        const std::pair<Statement *, const char *> all[] = {
            {&m_event, kInsertEvent},      {&m_taskRun, kUpsertTaskRun}, {&m_attempt, kUpsertAttempt},
            {&m_flowRun, kUpdateFlowRun},  {&m_log, kInsertLog},         {&m_sample, kInsertSample},
            {&m_cache, kUpsertCacheEntry}, {&m_lastSeq, kLastLogSeq},
        };
        for (const auto &[statement, sql] : all) {
            if (!statement->prepare(m_db, sql)) {
                if (error) *error = QString::fromUtf8(sqlite3_errmsg(m_db));
                return false;
            }
        }
        return true;
    }

    int exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr); }
    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

    /// Writes the items inside the caller's open transaction.
    int apply(const WriteItem *begin, const WriteItem *end) {
        const QHash<QString, qint64> seqBefore = m_seq;
        const int rc = applyItems(begin, end);
        if (rc != SQLITE_OK) m_seq = seqBefore;  // those lines were not written
        return rc;
    }

    /// What the writer's transaction may take back: line numbers are handed out again then.
    void keepCounters() { m_seqAtBegin = m_seq; }
    void restoreCounters() { m_seq = m_seqAtBegin; }

    /// What the committed batches held since the last call, for the change notification.
    CommittedChanges takeChanges() { return std::exchange(m_changes, {}); }
    void noteCommitted() {
        m_changes.runStates = m_changes.runStates || m_pending.runStates;
        m_changes.progress = m_changes.progress || m_pending.progress;
        m_pending = {};
    }
    void forgetUncommitted() { m_pending = {}; }

private:
    int applyItems(const WriteItem *begin, const WriteItem *end) {
        m_tasks.clear();
        m_attempts.clear();
        m_flows.clear();
        for (const WriteItem *item = begin; item != end; ++item) {
            const int rc = std::visit([this](const auto &value) { return write(value); }, *item);
            if (rc != SQLITE_OK) return rc;
        }
        return writeDeltas();
    }

    int write(const RunEvent &e) {
        const int rc = m_event.text(1, e.runId)
                           .text(2, e.task)
                           .integer(3, e.mapIndex)
                           .integer(4, e.attempt)
                           .utf8(5, stateName(e.state))
                           .integer(6, e.timeMs)
                           .text(7, e.message)
                           .run();
        if (rc != SQLITE_OK) return rc;
        if (e.task.isEmpty()) {
            m_flows.at({e.runId, {}, -1, 0}).apply(e);
            m_pending.runStates = true;
            if (isFinal(e.state)) m_seq.remove(e.runId);  // it logs no more
            return SQLITE_OK;
        }
        m_pending.progress = true;
        m_tasks.at({e.runId, e.task, e.mapIndex, 0}).apply(e);
        if (describesAttempt(e)) m_attempts.at({e.runId, e.task, e.mapIndex, e.attempt}).applyToAttempt(e);
        return SQLITE_OK;
    }

    /// The next line number of the run's log: counted here, looked up once per run.
    qint64 nextSeq(const QString &runId) {
        auto found = m_seq.find(runId);
        if (found == m_seq.end()) {
            if (m_seq.size() >= kMaxRemembered) m_seq.clear();
            const qint64 last = m_lastSeq.text(1, runId).queryInteger();
            found = m_seq.insert(runId, std::max<qint64>(0, last));
        }
        return ++found.value();
    }

    int write(const LogLine &l) {
        m_pending.progress = true;
        return m_log.text(1, l.runId)
            .text(2, l.task)
            .integer(3, l.mapIndex)
            .integer(4, l.attempt)
            .integer(5, l.timeMs)
            .integer(6, int(l.stream))
            .integer(7, int(l.level))
            .text(8, l.text)
            .integer(9, nextSeq(l.runId))
            .run();
    }

    int write(const MetricSample &s) {
        const int rc = m_sample.text(1, s.runId)
                           .text(2, s.task)
                           .integer(3, s.mapIndex)
                           .integer(4, s.attempt)
                           .integer(5, s.timeMs)
                           .integer(6, s.rssBytes)
                           .real(7, s.cpuSeconds)
                           .run();
        if (rc != SQLITE_OK || s.attempt < 1 || s.task.isEmpty()) return rc;
        RowDelta &attempt = m_attempts.at({s.runId, s.task, s.mapIndex, s.attempt});
        attempt.peakRss = std::max(attempt.peakRss, s.rssBytes);
        attempt.cpuSeconds = std::max(attempt.cpuSeconds, s.cpuSeconds);
        return SQLITE_OK;
    }

    int write(const HeartbeatItem &h) {
        RowDelta &flow = m_flows.at({h.runId, {}, -1, 0});
        flow.heartbeatMs = std::max(flow.heartbeatMs, h.timeMs);
        return SQLITE_OK;
    }

    int write(const CacheKeyItem &k) {
        m_tasks.at({k.runId, k.task, k.mapIndex, 0}).cacheKey = k.key;
        return SQLITE_OK;
    }

    int write(const CacheEntry &c) {
        return m_cache.text(1, c.key)
            .text(2, c.flowName)
            .text(3, c.task)
            .json(4, c.result)
            .integer(5, c.createdMs)
            .integer(6, c.expiresMs)
            .text(7, c.runId)
            .run();
    }

    int writeDeltas() {
        for (const auto &[key, d] : m_flows.rows()) {
            const int rc = m_flowRun.text(1, key.runId)
                               .integer(2, d.hasState)
                               .utf8(3, stateName(d.state))
                               .integer(4, d.startMs)
                               .integer(5, d.endMs)
                               .text(6, d.message)
                               .integer(7, d.heartbeatMs)
                               .run();
            if (rc != SQLITE_OK) return rc;
        }
        for (const auto &[key, d] : m_tasks.rows()) {
            const int rc = m_taskRun.text(1, key.runId)
                               .text(2, key.task)
                               .integer(3, key.mapIndex)
                               .utf8(4, stateName(d.state))
                               .integer(5, d.attempts)
                               .integer(6, d.startMs)
                               .integer(7, d.endMs)
                               .text(8, d.message)
                               .json(9, d.result)
                               .text(10, d.cacheKey)
                               .integer(11, d.hasState)
                               .run();
            if (rc != SQLITE_OK) return rc;
        }
        for (const auto &[key, d] : m_attempts.rows()) {
            const RunState state = d.hasState ? d.state : RunState::Running;
            const int rc = m_attempt.text(1, key.runId)
                               .text(2, key.task)
                               .integer(3, key.mapIndex)
                               .integer(4, key.attempt)
                               .utf8(5, stateName(state))
                               .integer(6, d.startMs)
                               .integer(7, d.endMs)
                               .integer(8, d.exitCode)
                               .text(9, d.message)
                               .integer(10, d.peakRss)
                               .real(11, d.cpuSeconds)
                               .integer(12, d.hasState)
                               .integer(13, d.failedAwaitingRetry)
                               .run();
            if (rc != SQLITE_OK) return rc;
        }
        return SQLITE_OK;
    }

    sqlite3 *m_db;
    Statement m_event, m_taskRun, m_attempt, m_flowRun, m_log, m_sample, m_cache, m_lastSeq;
    DeltaTable m_tasks, m_attempts, m_flows;
    QHash<QString, qint64> m_seq;  ///< run id -> the number of its last line written
    QHash<QString, qint64> m_seqAtBegin;
    CommittedChanges m_pending;  ///< of the open transaction
    CommittedChanges m_changes;  ///< committed, not yet reported
};

EventWriter::EventWriter(QString path, QString connectionName, std::function<void(CommittedChanges)> onCommit)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_onCommit(std::move(onCommit)) {}

EventWriter::~EventWriter() {
    if (!m_thread.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

bool EventWriter::start(QString *error) {
    m_thread = std::thread([this] { threadMain(); });
    std::unique_lock<std::mutex> lock(m_mutex);
    m_progress.wait(lock, [this] { return m_startState != 0; });
    if (m_startState > 0) return true;
    if (error) *error = m_startError;
    lock.unlock();
    m_thread.join();
    return false;
}

void EventWriter::post(WriteItem item) {
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(std::move(item));
        ++m_posted;
        wake = m_idle || m_queue.size() == kMaxBatch;  // a full batch ends the gathering
        m_idle = false;  // one wake-up is enough until the writer waits again
    }
    if (wake) m_wake.notify_one();
}

void EventWriter::flush() {
    if (!m_thread.joinable() || std::this_thread::get_id() == m_thread.get_id()) return;
    std::unique_lock<std::mutex> lock(m_mutex);
    const quint64 target = m_posted;
    m_flushWanted = true;
    m_wake.notify_one();
    m_progress.wait(lock, [&] { return m_done >= target; });
}

void EventWriter::reportReady(bool ok, const QString &error) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_startState = ok ? 1 : -1;
        m_startError = error;
    }
    m_progress.notify_all();
}

void EventWriter::threadMain() {
    {
        QString error;
        QSqlDatabase db = openStoreConnection(m_connectionName, m_path, &error);
        sqlite3 *handle = db.isValid() ? sqliteHandle(db) : nullptr;
        if (db.isValid() && !handle) error = QStringLiteral("the QSQLITE driver gave no sqlite3 handle");
        {
            Batch batch(handle);  // finalized before the connection closes
            if (handle && batch.prepare(&error)) {
                reportReady(true, {});
                drainLoop(batch);
            } else {
                reportReady(false, error);
            }
        }
        if (db.isValid()) db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void EventWriter::drainLoop(Batch &batch) {
    std::vector<WriteItem> work;
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_idle = true;
            m_wake.wait(lock, [this] { return !m_queue.empty() || m_stop; });
            m_idle = false;
            m_wake.wait_for(lock, kGather, [this] { return m_stop || m_flushWanted || m_queue.size() >= kMaxBatch; });
            m_flushWanted = false;
            if (m_queue.empty()) return;  // stopping, and everything is written
            work.swap(m_queue);
        }
        for (size_t first = 0; first < work.size(); first += kMaxBatch) {
            const size_t count = std::min(kMaxBatch, work.size() - first);
            commitWithRetry(batch, work.data() + first, work.data() + first + count);
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_done += count;
            }
            m_progress.notify_all();
            if (m_onCommit) m_onCommit(batch.takeChanges());
        }
        work.clear();
    }
}

void EventWriter::noteLoss(quint64 items, const QString &reason) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_loss.items == 0) m_loss.reason = reason;
    m_loss.items += items;
}

EventWriter::Loss EventWriter::loss() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_loss;
}

void EventWriter::commitWithRetry(Batch &batch, const WriteItem *begin, const WriteItem *end) {
    // A single pass when all is well; on a lock held by another process (beyond the busy
    // timeout) the batch is tried again; on any other error each item gets its own savepoint,
    // so one bad item (an event of a run that was never created) costs only itself.
    bool oneByOne = false;
    for (int round = 1;; ++round) {
        int rc = batch.exec("BEGIN IMMEDIATE");
        batch.keepCounters();
        int dropped = 0;
        QString firstError;
        if (rc == SQLITE_OK && !oneByOne) {
            rc = batch.apply(begin, end);
        } else if (rc == SQLITE_OK) {
            for (const WriteItem *item = begin; item != end && !isBusyCode(rc); ++item) {
                batch.exec("SAVEPOINT item");
                rc = batch.apply(item, item + 1);
                if (rc != SQLITE_OK && !isBusyCode(rc)) {
                    if (firstError.isEmpty()) firstError = batch.lastError();
                    ++dropped;
                    batch.exec("ROLLBACK TO item");
                    rc = SQLITE_OK;
                }
                batch.exec("RELEASE item");
            }
        }
        if (rc == SQLITE_OK) rc = batch.exec("COMMIT");
        if (rc == SQLITE_OK) {
            batch.noteCommitted();
            if (dropped > 0) {
                qCWarning(lcRunStore).noquote()
                    << "run store: dropped" << dropped << "item(s) that could not be written:" << firstError;
                noteLoss(quint64(dropped), firstError);
            }
            return;
        }
        const QString error = batch.lastError();
        batch.exec("ROLLBACK");
        batch.restoreCounters();
        batch.forgetUncommitted();
        if (isBusyCode(rc)) {
            if (round % 5 == 0) {
                qCWarning(lcRunStore).noquote() << "run store: database busy, still retrying:" << error;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5 * round, 100)));
        } else if (!oneByOne) {
            oneByOne = true;
        } else {
            qCWarning(lcRunStore).noquote()
                << "run store: could not write" << (end - begin) << "item(s):" << error;
            noteLoss(quint64(end - begin), error);
            return;
        }
    }
}

}  // namespace flowdeck
