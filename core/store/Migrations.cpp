#include "store/Migrations.h"

#include "store/StoreSql.h"

#include <QSqlQuery>

namespace flowdeck {

namespace {

// Version 1: the whole store. Times are ms since the Unix epoch (0: not yet), states are
// RunState names, JSON columns are TEXT (a JSON affinity would turn "42" into a number),
// map_index is -1 for unmapped task runs (not NULL, so it can be part of a key).
Migration version1() {
    return {1,
            QStringLiteral("run store"),
            {
                QStringLiteral("CREATE TABLE flow_runs ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " flow_name TEXT NOT NULL,"
                               " flow_path TEXT NOT NULL DEFAULT '',"
                               " flow_snapshot BLOB,"
                               " parameters TEXT NOT NULL DEFAULT '{}',"
                               " state TEXT NOT NULL,"
                               " parent_run_id TEXT NOT NULL DEFAULT '',"
                               " parent_task TEXT NOT NULL DEFAULT '',"
                               " retry_of TEXT NOT NULL DEFAULT '',"
                               " created_ms INTEGER NOT NULL,"
                               " expected_start_ms INTEGER NOT NULL DEFAULT 0,"
                               " start_ms INTEGER NOT NULL DEFAULT 0,"
                               " end_ms INTEGER NOT NULL DEFAULT 0,"
                               " message TEXT NOT NULL DEFAULT '',"
                               " pid INTEGER NOT NULL DEFAULT 0,"
                               " host TEXT NOT NULL DEFAULT '',"
                               " heartbeat_ms INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX flow_runs_by_flow ON flow_runs(flow_name, created_ms)"),
                QStringLiteral("CREATE INDEX flow_runs_by_state ON flow_runs(state, created_ms)"),
                QStringLiteral("CREATE INDEX flow_runs_by_created ON flow_runs(created_ms)"),
                QStringLiteral("CREATE INDEX flow_runs_by_parent ON flow_runs(parent_run_id)"),
                // WITHOUT ROWID: the upsert key is the table's only B-tree, one lookup per write.
                QStringLiteral("CREATE TABLE task_runs ("
                               " run_id TEXT NOT NULL REFERENCES flow_runs(id) ON DELETE CASCADE,"
                               " task TEXT NOT NULL,"
                               " map_index INTEGER NOT NULL DEFAULT -1,"
                               " state TEXT NOT NULL,"
                               " attempts INTEGER NOT NULL DEFAULT 0,"
                               " start_ms INTEGER NOT NULL DEFAULT 0,"
                               " end_ms INTEGER NOT NULL DEFAULT 0,"
                               " message TEXT NOT NULL DEFAULT '',"
                               " result TEXT,"
                               " cache_key TEXT NOT NULL DEFAULT '',"
                               " PRIMARY KEY (run_id, task, map_index)) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE attempts ("
                               " run_id TEXT NOT NULL REFERENCES flow_runs(id) ON DELETE CASCADE,"
                               " task TEXT NOT NULL,"
                               " map_index INTEGER NOT NULL DEFAULT -1,"
                               " attempt INTEGER NOT NULL,"
                               " state TEXT NOT NULL,"
                               " start_ms INTEGER NOT NULL DEFAULT 0,"
                               " end_ms INTEGER NOT NULL DEFAULT 0,"
                               " exit_code INTEGER NOT NULL DEFAULT -1,"
                               " message TEXT NOT NULL DEFAULT '',"
                               " peak_rss INTEGER NOT NULL DEFAULT 0,"
                               " cpu_seconds REAL NOT NULL DEFAULT 0,"
                               " PRIMARY KEY (run_id, task, map_index, attempt)) WITHOUT ROWID"),
                // AUTOINCREMENT: ids never come back after a prune, so `runs logs --follow` can page
                // by id. stream and level are the enum values (level >= ? filters).
                QStringLiteral("CREATE TABLE logs ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " run_id TEXT NOT NULL REFERENCES flow_runs(id) ON DELETE CASCADE,"
                               " task TEXT NOT NULL DEFAULT '',"
                               " map_index INTEGER NOT NULL DEFAULT -1,"
                               " attempt INTEGER NOT NULL DEFAULT 0,"
                               " time_ms INTEGER NOT NULL,"
                               " stream INTEGER NOT NULL,"
                               " level INTEGER NOT NULL,"
                               " text TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX logs_by_run ON logs(run_id)"),
                QStringLiteral("CREATE INDEX logs_by_run_task ON logs(run_id, task)"),
                QStringLiteral("CREATE TABLE metric_samples ("
                               " id INTEGER PRIMARY KEY,"
                               " run_id TEXT NOT NULL REFERENCES flow_runs(id) ON DELETE CASCADE,"
                               " task TEXT NOT NULL DEFAULT '',"
                               " map_index INTEGER NOT NULL DEFAULT -1,"
                               " attempt INTEGER NOT NULL DEFAULT 0,"
                               " time_ms INTEGER NOT NULL,"
                               " rss_bytes INTEGER NOT NULL,"
                               " cpu_seconds REAL NOT NULL)"),
                QStringLiteral("CREATE INDEX metric_samples_by_run ON metric_samples(run_id, task)"),
                // No foreign key to flow_runs: an entry outlives the run that produced it.
                QStringLiteral("CREATE TABLE cache_entries ("
                               " key TEXT PRIMARY KEY NOT NULL,"
                               " flow_name TEXT NOT NULL DEFAULT '',"
                               " task TEXT NOT NULL DEFAULT '',"
                               " result TEXT,"
                               " created_ms INTEGER NOT NULL,"
                               " expires_ms INTEGER NOT NULL DEFAULT 0,"
                               " run_id TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE INDEX cache_entries_by_flow ON cache_entries(flow_name, task)"),
                QStringLiteral("CREATE INDEX cache_entries_by_run ON cache_entries(run_id)"),
                QStringLiteral("CREATE TABLE concurrency_limits ("
                               " tag TEXT PRIMARY KEY NOT NULL,"
                               " slot_limit INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE concurrency_slots ("
                               " id INTEGER PRIMARY KEY,"
                               " tag TEXT NOT NULL,"
                               " run_id TEXT NOT NULL,"
                               " task TEXT NOT NULL DEFAULT '',"
                               " map_index INTEGER NOT NULL DEFAULT -1,"
                               " pid INTEGER NOT NULL,"
                               " host TEXT NOT NULL,"
                               " acquired_ms INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX concurrency_slots_by_tag ON concurrency_slots(tag)"),
                QStringLiteral(
                    "CREATE INDEX concurrency_slots_by_holder ON concurrency_slots(run_id, task, map_index)"),
                // Every state transition, in the order it happened (rowid order).
                QStringLiteral("CREATE TABLE events ("
                               " id INTEGER PRIMARY KEY,"
                               " run_id TEXT NOT NULL REFERENCES flow_runs(id) ON DELETE CASCADE,"
                               " task TEXT NOT NULL DEFAULT '',"
                               " map_index INTEGER NOT NULL DEFAULT -1,"
                               " attempt INTEGER NOT NULL DEFAULT 0,"
                               " state TEXT NOT NULL,"
                               " time_ms INTEGER NOT NULL,"
                               " message TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE INDEX events_by_run ON events(run_id)"),
            }};
}

// Version 2: runs remember the deployment that made them, and `runs cancel` requests.
Migration version2() {
    return {
        2,
        QStringLiteral("flow_runs.deployment, flow_runs.cancel_requested_ms"),
        {
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN deployment TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN cancel_requested_ms INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX flow_runs_by_deployment ON flow_runs(deployment, created_ms)"),
        }};
}

// Version 3: the scheduler service. Schedules, work pools and queues; runs remember the
// schedule and fire time that made them (unique together: however many processes race to
// create a fire time's run, one row wins), their pool and queue, and who claimed them.
Migration version3() {
    return {
        3,
        QStringLiteral("schedules, work_pools, work_queues, flow_runs scheduling columns"),
        {
            // AUTOINCREMENT: a removed schedule's id never comes back, so its old runs never
            // count against a new schedule of the same name.
            QStringLiteral("CREATE TABLE schedules ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " name TEXT NOT NULL UNIQUE,"
                           " flow_path TEXT NOT NULL,"
                           " flow_name TEXT NOT NULL DEFAULT '',"
                           " parameters TEXT NOT NULL DEFAULT '{}',"
                           " config TEXT NOT NULL,"
                           " active INTEGER NOT NULL DEFAULT 1,"
                           " catchup TEXT NOT NULL DEFAULT 'skip',"
                           " catchup_cap INTEGER NOT NULL DEFAULT 100,"
                           " max_active_runs INTEGER NOT NULL DEFAULT 0,"
                           " collision TEXT NOT NULL DEFAULT 'enqueue',"
                           " pool TEXT NOT NULL DEFAULT 'default',"
                           " queue TEXT NOT NULL DEFAULT 'default',"
                           " source TEXT NOT NULL DEFAULT '',"
                           " created_ms INTEGER NOT NULL,"
                           " last_fire_ms INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE work_pools ("
                           " name TEXT PRIMARY KEY NOT NULL,"
                           " paused INTEGER NOT NULL DEFAULT 0,"
                           " concurrency_limit INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE work_queues ("
                           " pool TEXT NOT NULL,"
                           " name TEXT NOT NULL,"
                           " priority INTEGER NOT NULL DEFAULT 1,"
                           " concurrency_limit INTEGER NOT NULL DEFAULT 0,"
                           " paused INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (pool, name)) WITHOUT ROWID"),
            QStringLiteral("INSERT INTO work_pools(name) VALUES('default')"),
            QStringLiteral("INSERT INTO work_queues(pool, name) VALUES('default', 'default')"),
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN schedule_id INTEGER"),
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN fire_ms INTEGER"),
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN origin TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN pool TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN queue TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN claimed_by TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN claimed_ms INTEGER NOT NULL DEFAULT 0"),
            // NULLs are distinct in a unique index: runs without a schedule never collide.
            QStringLiteral("CREATE UNIQUE INDEX flow_runs_by_fire ON flow_runs(schedule_id, fire_ms)"),
            QStringLiteral("CREATE INDEX flow_runs_by_pool ON flow_runs(pool, state, expected_start_ms)"),
            QStringLiteral("CREATE INDEX flow_runs_by_schedule ON flow_runs(schedule_id, state)"),
        }};
}

// Version 4: runs remember their flow's tags (a JSON list), for FlowRunStatus.tags.
Migration version4() {
    return {4,
            QStringLiteral("flow_runs.tags"),
            {QStringLiteral("ALTER TABLE flow_runs ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'")}};
}

// Version 5: what a lazy runs browser and a million-line log view need. Runs keep their
// task count (no snapshot parsing per row) and what started them; indexes serve the browser's
// filters and sorts with keyset paging; log lines get a number within their run (row N of a
// log view is one index lookup) and a full-text index (FTS5, kept by triggers; external
// content, so the text is stored once).
Migration version5() {
    return {
        5,
        QStringLiteral("flow_runs.task_count, flow_runs.run_trigger, browser indexes, logs.seq, logs_fts"),
        {
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN task_count INTEGER NOT NULL DEFAULT -1"),
            QStringLiteral("ALTER TABLE flow_runs ADD COLUMN run_trigger TEXT NOT NULL DEFAULT 'manual'"),
            QStringLiteral("UPDATE flow_runs SET run_trigger = CASE"
                           " WHEN origin IN ('schedule', 'catch-up') THEN 'schedule'"
                           " WHEN origin = 'backfill' THEN 'backfill'"
                           " WHEN retry_of <> '' THEN 'retry'"
                           " WHEN parent_run_id <> '' THEN 'subflow'"
                           " WHEN deployment <> '' THEN 'deployment'"
                           " ELSE 'manual' END"),
            QStringLiteral("CREATE INDEX flow_runs_by_flow_state ON flow_runs(flow_name, state, created_ms)"),
            QStringLiteral("CREATE INDEX flow_runs_by_trigger ON flow_runs(run_trigger, created_ms)"),
            QStringLiteral("CREATE INDEX flow_runs_by_start ON flow_runs(start_ms)"),
            QStringLiteral("CREATE INDEX flow_runs_by_end ON flow_runs(end_ms)"),
            QStringLiteral("CREATE INDEX flow_runs_by_duration ON flow_runs((end_ms - start_ms))"),
            QStringLiteral("ALTER TABLE logs ADD COLUMN seq INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE logs SET seq = numbered.n FROM"
                           " (SELECT id, row_number() OVER (PARTITION BY run_id ORDER BY id) AS n FROM logs) AS numbered"
                           " WHERE logs.id = numbered.id"),
            QStringLiteral("CREATE INDEX logs_by_run_seq ON logs(run_id, seq)"),
            QStringLiteral("CREATE INDEX metric_samples_by_run_id ON metric_samples(run_id)"),
            QStringLiteral("CREATE VIRTUAL TABLE logs_fts USING fts5(text, content='logs', content_rowid='id')"),
            QStringLiteral("INSERT INTO logs_fts(logs_fts) VALUES('rebuild')"),
            QStringLiteral("CREATE TRIGGER logs_fts_insert AFTER INSERT ON logs BEGIN"
                           " INSERT INTO logs_fts(rowid, text) VALUES (new.id, new.text); END"),
            QStringLiteral("CREATE TRIGGER logs_fts_delete AFTER DELETE ON logs BEGIN"
                           " INSERT INTO logs_fts(logs_fts, rowid, text) VALUES ('delete', old.id, old.text); END"),
        }};
}

// Version 6: approvals given to approval tasks (`runs resume`), until the engine takes them.
Migration version6() {
    return {6,
            QStringLiteral("approvals"),
            {QStringLiteral("CREATE TABLE approvals ("
                            " run_id TEXT NOT NULL REFERENCES flow_runs(id) ON DELETE CASCADE,"
                            " task TEXT NOT NULL,"
                            " inputs TEXT NOT NULL DEFAULT '{}',"
                            " given_ms INTEGER NOT NULL,"
                            " taken_ms INTEGER NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (run_id, task)) WITHOUT ROWID")}};
}

bool applyStatements(QSqlDatabase &db, const Migration &step, QSqlError &error) {
    for (const QString &sql : step.statements) {
        if (!execSql(db, sql, error)) return false;
    }
    return execSql(db, QStringLiteral("PRAGMA user_version = %1").arg(step.version), error);
}

/// Applies @p step unless another process was first; @p applied says which happened.
bool applyStep(QSqlDatabase &db, const Migration &step, bool *applied, QString *error) {
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &sqlError) {
            *applied = false;  // a busy retry starts over
            QString readError;
            const int current = readSchemaVersion(db, &readError);
            if (current < 0) {
                sqlError = QSqlError(readError, {}, QSqlError::StatementError);
                return false;
            }
            if (current >= step.version) return true;  // another process was first
            *applied = applyStatements(db, step, sqlError);
            return *applied;
        },
        &why);
    if (!ok && error) {
        *error = QStringLiteral("migrating the run database to schema version %1 (%2) failed: %3")
                     .arg(step.version)
                     .arg(step.description, why);
    }
    return ok;
}

}  // namespace

const std::vector<Migration> &schemaMigrations() {
    static const std::vector<Migration> steps = {version1(), version2(), version3(), version4(),
                                                  version5(), version6()};
    return steps;
}

int latestSchemaVersionKnown() {
    return schemaMigrations().back().version;
}

int readSchemaVersion(QSqlDatabase &db, QString *error) {
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    if (error) *error = query.lastError().text();
    return -1;
}

bool migrateSchema(QSqlDatabase &db, QString *error, int targetVersion, std::vector<int> *applied) {
    const int latest = latestSchemaVersionKnown();
    const int target = targetVersion < 0 ? latest : qMin(targetVersion, latest);
    const int current = readSchemaVersion(db, error);
    if (current < 0) return false;
    if (current > latest) {
        if (error) {
            *error = QStringLiteral(
                         "the run database has schema version %1, newer than this "
                         "Flowdeck knows (%2)")
                         .arg(current)
                         .arg(latest);
        }
        return false;
    }
    for (const Migration &step : schemaMigrations()) {
        if (step.version <= current || step.version > target) continue;
        bool appliedHere = false;
        if (!applyStep(db, step, &appliedHere, error)) return false;
        if (appliedHere && applied) applied->push_back(step.version);
    }
    return true;
}

}  // namespace flowdeck
