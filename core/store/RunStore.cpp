#include "store/RunStore.h"

#include "flow/FlowFile.h"
#include "store/EventWriter.h"
#include "store/Migrations.h"
#include "store/StoreSql.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>

#include <sqlite3.h>

#include <atomic>
#include <initializer_list>

namespace flowdeck {

namespace {


/// Runs created by this process. Any other unfinished run that carries our pid was left by an
/// earlier process that had the same pid (every container's first process is pid 1).
QMutex g_createdMutex;
QSet<QString> &createdHere() {
    static QSet<QString> ids;
    return ids;
}

bool wasCreatedHere(const QString &runId) {
    QMutexLocker lock(&g_createdMutex);
    return createdHere().contains(runId);
}

/// Whether the process that created run @p runId (on this host) still runs it. A process that
/// started after the run did only has its pid: the pid was reused (after a reboot, say).
bool isOwnerAlive(const QString &runId, qint64 pid, qint64 runStartMs) {
    if (pid == QCoreApplication::applicationPid()) return wasCreatedHere(runId);
    if (!isProcessAlive(pid)) return false;
    const qint64 started = processStartMs(pid);
    const qint64 toleranceMs = 2000;  // clock ticks and boot time are coarse
    return runStartMs <= 0 || started <= 0 || started <= runStartMs + toleranceMs;
}

const std::initializer_list<RunState> kUnfinishedRunStates = {
    RunState::Pending, RunState::Running, RunState::Retrying, RunState::AwaitingRetry, RunState::Cancelling};
const std::initializer_list<RunState> kFinalStates = {
    RunState::Completed, RunState::Cached,  RunState::Failed, RunState::TimedOut,
    RunState::Cancelled, RunState::Crashed, RunState::Skipped};
const std::initializer_list<RunState> kSuccessStates = {RunState::Completed, RunState::Cached};
const std::initializer_list<RunState> kFailureStates = {RunState::Failed, RunState::TimedOut,
                                                        RunState::Crashed};

/// "('Completed','Cached')": state names are plain words, safe to inline in SQL.
QString stateList(std::initializer_list<RunState> states) {
    QStringList quoted;
    for (RunState state : states) quoted << QLatin1Char('\'') + toString(state) + QLatin1Char('\'');
    return QLatin1Char('(') + quoted.join(QLatin1Char(',')) + QLatin1Char(')');
}

RunState stateFrom(const QVariant &value) {
    return runStateFromString(value.toString()).value_or(RunState::Pending);
}

/// Qt binds a null QString as NULL; the text columns are NOT NULL with '' for "none".
QVariant textParam(const QString &text) {
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QVariant jsonColumn(const QVariant &value) {
    return value.isNull() ? QVariant() : jsonToVariant(value.toString().toUtf8());
}

QVariant jsonParam(const QVariant &value) {
    const QByteArray json = variantToJson(value);
    return json.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromUtf8(json));
}

const QLatin1String kRunColumns(
    "id, flow_name, flow_path, parameters, state, parent_run_id, parent_task, retry_of, deployment,"
    " created_ms, expected_start_ms, start_ms, end_ms, message, pid, host, heartbeat_ms, tags");

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
    if (withSnapshot) r.flowSnapshot = q.value(18).toByteArray();
    return r;
}

double durationSeconds(RunState state, qint64 startMs, qint64 endMs) {
    if (startMs <= 0) return 0;
    const qint64 end = endMs > 0 ? endMs : (isFinal(state) ? startMs : nowMs());
    return std::max<qint64>(0, end - startMs) / 1000.0;
}

bool execPrepared(QSqlQuery &q, QSqlError &error) {
    if (q.exec()) return true;
    error = q.lastError();
    return false;
}

void warnFailed(const char *what, const QSqlQuery &q) {
    qCWarning(lcRunStore).noquote() << "run store:" << what << "failed:" << q.lastError().text();
}

/// A new database may be named in a folder that does not exist yet (`database: state/runs.db`).
bool makeParentFolder(const QString &path, QString *why) {
    const QFileInfo info(path);
    if (path.isEmpty() || info.exists() || QFileInfo(info.absolutePath()).isDir()) return true;
    if (QDir().mkpath(info.absolutePath())) {
        qCInfo(lcRunStore).noquote() << "run store: created the folder" << info.absolutePath();
        return true;
    }
    *why = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
    return false;
}

/// Checks what can be checked before SQLite touches the file, for clear messages.
bool checkDatabaseFile(const QString &path, QString *why) {
    const QFileInfo info(path);
    if (path.isEmpty()) {
        *why = QStringLiteral("no path given");
    } else if (info.isDir()) {
        *why = QStringLiteral("it is a folder, not a file");
    } else if (!info.exists()) {
        const QFileInfo folder(info.absolutePath());
        if (!folder.isDir())
            *why = QStringLiteral("the folder %1 does not exist").arg(folder.filePath());
        else if (!folder.isWritable())
            *why = QStringLiteral("no permission to create files in %1").arg(folder.filePath());
    } else if (!info.isReadable() || !info.isWritable()) {
        *why = QStringLiteral("no permission to read and write it");
    } else if (info.size() > 0) {
        QFile file(path);
        const bool isSqlite =
            file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3", 16);
        if (!isSqlite)
            *why = QStringLiteral(
                "it is not an SQLite database (the file does not start with \"SQLite format 3\")");
    }
    return why->isEmpty();
}

bool hasTables(QSqlDatabase &db) {
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) && q.next() &&
           q.value(0).toInt() > 0;
}

/// The run row and its first event: the state it was created in.
bool insertRun(QSqlDatabase &db, const FlowRunRecord &r, QSqlError &error) {
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO flow_runs(id, flow_name, flow_path, flow_snapshot, parameters, state,"
                       " parent_run_id, parent_task, retry_of, deployment, created_ms, expected_start_ms,"
                       " start_ms, end_ms, message, pid, host, heartbeat_ms, tags)"
                       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {textParam(r.id), textParam(r.flowName), textParam(r.flowPath), QVariant(r.flowSnapshot),
          jsonParam(r.parameters), QVariant(toString(r.state)), textParam(r.parentRunId),
          textParam(r.parentTask), textParam(r.retryOf), textParam(r.deployment), QVariant(r.createdMs),
          QVariant(r.expectedStartMs), QVariant(r.startMs), QVariant(r.endMs), textParam(r.message),
          QVariant(r.pid), textParam(r.host), QVariant(r.heartbeatMs), jsonParam(r.tags)}) {
        q.addBindValue(v);
    }
    if (!execPrepared(q, error)) return false;
    q.prepare(QStringLiteral("INSERT INTO events(run_id, state, time_ms, message) VALUES(?, ?, ?, ?)"));
    q.addBindValue(r.id);
    q.addBindValue(toString(r.state));
    q.addBindValue(r.createdMs);
    q.addBindValue(textParam(r.message));
    return execPrepared(q, error);
}

/// Runs whose snapshot facts are kept; parsing again after a clear only costs time.
constexpr qsizetype kMaxSnapshotFacts = 1000;

/// What the status and the metrics need from a run's flow snapshot.
struct SnapshotFacts {
    QStringList tasks;  ///< the flow's task names
    QStringList tags;   ///< the flow's tags
};

SnapshotFacts readSnapshot(const QByteArray &snapshot) {
    SnapshotFacts facts;
    if (snapshot.isEmpty()) return facts;
    const LoadResult loaded = FlowFile::parse(snapshot, QStringLiteral("<run snapshot>"));
    if (!loaded.readable) return facts;
    for (const Task &task : loaded.flow.tasks) facts.tasks << task.name;
    facts.tags = loaded.flow.tags;
    return facts;
}

/// The tasks of one run, each counted once.
struct TaskTally {
    int total = 0;
    int completed = 0;  ///< Completed + Cached
    int failed = 0;     ///< Failed + TimedOut + Crashed
    int cached = 0;
    int skipped = 0;

    void count(RunState state) {
        if (isSuccess(state)) ++completed;
        if (isFailure(state)) ++failed;
        if (state == RunState::Cached) ++cached;
        if (state == RunState::Skipped) ++skipped;
    }
};

}  // namespace

struct RunStore::Private {
    QString path;
    std::unique_ptr<ThreadConnections> connections;  ///< set by open()
    QMutex mutex;
    std::unique_ptr<EventWriter> writer;
    QFileSystemWatcher *watcher = nullptr;
    QString slotsFile;   ///< written when slots free up
    QString cancelFile;  ///< written when a run is asked to cancel
    QSet<QString> cancelsSignalled;
    int schemaVersion = 0;
    std::vector<int> appliedMigrations;  ///< by this open, for the application log
    QHash<QString, SnapshotFacts> snapshotFacts;  ///< by run id; guarded by mutex

    /// This thread's connection, opened on first use.
    QSqlDatabase connection(QString *error = nullptr) {
        QString why;
        QSqlDatabase db = connections->get(&why);
        if (db.isValid()) return db;
        if (error) *error = why;
        else qCWarning(lcRunStore).noquote() << "run store: cannot open" << path << ":" << why;
        return db;
    }

    bool prepareSchema(QString *why);
    bool freeDeadSlots(QSqlDatabase &db, const QStringList &tags, int *freed, QSqlError &error);
    bool endRun(QSqlDatabase &db, const QString &runId, RunState state, const QString &message, qint64 now,
                bool *ended, QSqlError &error);
    void notifySlotsReleased() { touch(slotsFile); }
    void touch(const QString &file);
    void watchNotificationFiles(RunStore *owner);
    void signalCancelRequests(RunStore *owner);
    void compact(QSqlDatabase &db);
    void logOpened() const;
    SnapshotFacts factsOf(const QString &runId);
    TaskTally tally(QSqlDatabase &db, const QString &runId);
    FlowRunStatus readStatus(const QString &runId, TaskTally *tasks);
};

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

TaskTally RunStore::Private::tally(QSqlDatabase &db, const QString &runId) {
    const QStringList flowTasks = factsOf(runId).tasks;
    QSet<QString> tasks(flowTasks.begin(), flowTasks.end());
    TaskTally tally;
    // A mapped task's own row (map_index -1) holds the state of the task as a whole; its items'
    // rows are not tasks of the flow.
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

void RunStore::Private::logOpened() const {
    QStringList applied;
    for (int version : appliedMigrations) applied << QString::number(version);
    qCInfo(lcRunStore).noquote() << QStringLiteral("run store: opened %1 (schema version %2; %3)")
                                        .arg(path)
                                        .arg(schemaVersion)
                                        .arg(applied.isEmpty()
                                                 ? QStringLiteral("no migrations needed")
                                                 : QStringLiteral("applied migrations ") +
                                                       applied.join(QStringLiteral(", ")));
}

bool RunStore::Private::prepareSchema(QString *why) {
    QSqlDatabase db = connection(why);
    if (!db.isValid()) {
        *why = QStringLiteral("it is not a usable SQLite database (%1)").arg(*why);
        return false;
    }
    const int latest = latestSchemaVersionKnown();
    const int version = readSchemaVersion(db, why);
    if (version < 0) {
        *why = QStringLiteral("it is not a readable SQLite database (%1)").arg(*why);
        return false;
    }
    if (version > latest) {
        *why = QStringLiteral(
                   "it was written by a newer Flowdeck (schema version %1; this build knows up "
                   "to %2). Use a newer Flowdeck, or another database with --db or FLOWDECK_DB")
                   .arg(version)
                   .arg(latest);
        return false;
    }
    if (version == 0 && hasTables(db)) {
        *why = QStringLiteral(
            "it is an SQLite database of another program (it has tables but no "
            "Flowdeck schema version)");
        return false;
    }
    QSqlError error;
    // Only takes effect before the first table exists; lets prune give pages back cheaply.
    if (version == 0) execSql(db, QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"), error);
    QSqlQuery wal(db);
    if (!wal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !wal.next() ||
        wal.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        *why = QStringLiteral("cannot switch it to WAL mode: %1").arg(wal.lastError().text());
        return false;
    }
    wal.finish();
    if (!migrateSchema(db, why, -1, &appliedMigrations)) return false;
    schemaVersion = latest;
    return true;
}

RunStore::RunStore() : d(std::make_unique<Private>()) {}

RunStore::~RunStore() {
    d->writer.reset();  // commits whatever is still queued
    d->connections.reset();
}

std::unique_ptr<RunStore> RunStore::open(const QString &path, QString *error) {
    QString why;
    std::unique_ptr<RunStore> store(new RunStore);
    Private &p = *store->d;
    p.path = QFileInfo(path).absoluteFilePath();
    p.connections = std::make_unique<ThreadConnections>(QStringLiteral("store"), p.path);
    if (makeParentFolder(path, &why) && checkDatabaseFile(path, &why) && p.prepareSchema(&why)) {
        RunStore *self = store.get();
        p.writer = std::make_unique<EventWriter>(p.path, p.connections->prefix() + QStringLiteral("writer"),
                                                 [self] { emit self->committed(); });
        if (p.writer->start(&why)) {
            p.watchNotificationFiles(store.get());
            p.logOpened();
            return store;
        }
        p.writer.reset();
    }
    if (error) *error = QStringLiteral("cannot open the run database %1: %2").arg(path, why);
    return nullptr;
}

QString RunStore::defaultPath() {
    const QString fromEnv = qEnvironmentVariable("FLOWDECK_DB");
    if (!fromEnv.isEmpty()) return fromEnv;
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/flowdeck");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/runs.db");
}

int RunStore::latestSchemaVersion() {
    return latestSchemaVersionKnown();
}

int RunStore::schemaVersion() const {
    return d->schemaVersion;
}

QString RunStore::path() const {
    return d->path;
}

// ----- writing -------------------------------------------------------------------------------

bool RunStore::createRun(const FlowRunRecord &run, QString *error) {
    if (run.id.isEmpty()) {
        if (error) *error = QStringLiteral("cannot record a run without an id");
        return false;
    }
    FlowRunRecord r = run;
    if (r.createdMs == 0) r.createdMs = nowMs();
    if (r.pid == 0) r.pid = QCoreApplication::applicationPid();
    if (r.host.isEmpty()) r.host = QSysInfo::machineHostName();
    if (r.heartbeatMs == 0) r.heartbeatMs = r.createdMs;
    bool added = false;
    {
        QMutexLocker lock(&g_createdMutex);
        added = !createdHere().contains(r.id);
        createdHere().insert(r.id);  // before the row is visible to recoverCrashedRuns
    }
    QSqlDatabase db = d->connection();
    QString why;
    const bool ok = runWriteTransaction(
        db, [&](QSqlError &e) { return insertRun(db, r, e); }, &why);
    if (!ok) {
        QMutexLocker lock(&g_createdMutex);
        if (added) createdHere().remove(r.id);  // a duplicate id must not forget the first run
        if (error) *error = QStringLiteral("cannot record run %1: %2").arg(r.id, why);
    }
    return ok;
}

bool RunStore::startClaimedRun(const FlowRunRecord &run, QString *error) {
    adoptRun(run.id);
    QSqlDatabase db = d->connection();
    bool updated = false;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &e) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "UPDATE flow_runs SET flow_name = ?, flow_path = ?, flow_snapshot = ?, parameters = ?,"
                " retry_of = ?, deployment = ?, tags = ?, pid = ?, host = ?, heartbeat_ms = ?"
                " WHERE id = ? AND state = 'Pending'"));
            for (const QVariant &v :
                 {textParam(run.flowName), textParam(run.flowPath), QVariant(run.flowSnapshot),
                  jsonParam(run.parameters), textParam(run.retryOf), textParam(run.deployment),
                  jsonParam(run.tags),
                  QVariant(QCoreApplication::applicationPid()), QVariant(QSysInfo::machineHostName()),
                  QVariant(nowMs()), QVariant(run.id)}) {
                q.addBindValue(v);
            }
            if (!execPrepared(q, e)) return false;
            updated = q.numRowsAffected() == 1;
            return true;
        },
        &why);
    if (ok && updated) return true;
    if (error)
        *error = ok ? QStringLiteral("run %1 is no longer waiting to start").arg(run.id)
                    : QStringLiteral("cannot start run %1: %2").arg(run.id, why);
    return false;
}

void RunStore::adoptRun(const QString &runId, bool adopt) {
    QMutexLocker lock(&g_createdMutex);
    if (adopt)
        createdHere().insert(runId);
    else
        createdHere().remove(runId);
}

void RunStore::post(const RunEvent &event) {
    d->writer->post(event);
}

void RunStore::post(const LogLine &line) {
    d->writer->post(line);
}

void RunStore::post(const MetricSample &sample) {
    d->writer->post(sample);
}

void RunStore::setCacheKey(const QString &runId, const QString &task, int mapIndex, const QString &key) {
    d->writer->post(CacheKeyItem{runId, task, mapIndex, key});
}

void RunStore::flush() {
    d->writer->flush();
}

void RunStore::heartbeat(const QString &runId) {
    d->writer->post(HeartbeatItem{runId, nowMs()});
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
    QSqlQuery q(d->connection());
    q.prepare(
        QStringLiteral("SELECT task, map_index, state, attempts, start_ms, end_ms, message, result, cache_key"
                       " FROM task_runs WHERE run_id = ? ORDER BY task, map_index"));
    q.addBindValue(runId);
    std::vector<TaskRunRecord> rows;
    if (!q.exec()) warnFailed("reading task runs", q);
    while (q.next()) {
        TaskRunRecord t;
        t.runId = runId;
        t.task = q.value(0).toString();
        t.mapIndex = q.value(1).toInt();
        t.state = stateFrom(q.value(2));
        t.attempts = q.value(3).toInt();
        t.startMs = q.value(4).toLongLong();
        t.endMs = q.value(5).toLongLong();
        t.message = q.value(6).toString();
        t.result = jsonColumn(q.value(7));
        t.cacheKey = q.value(8).toString();
        rows.push_back(std::move(t));
    }
    return rows;
}

std::vector<AttemptRecord> RunStore::attempts(const QString &runId, const QString &task) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral(
                  "SELECT task, map_index, attempt, state, start_ms, end_ms, exit_code, message, peak_rss,"
                  " cpu_seconds FROM attempts WHERE run_id = ?%1 ORDER BY task, map_index, attempt")
                  .arg(task.isEmpty() ? QString() : QStringLiteral(" AND task = ?")));
    q.addBindValue(runId);
    if (!task.isEmpty()) q.addBindValue(task);
    std::vector<AttemptRecord> rows;
    if (!q.exec()) warnFailed("reading attempts", q);
    while (q.next()) {
        AttemptRecord a;
        a.runId = runId;
        a.task = q.value(0).toString();
        a.mapIndex = q.value(1).toInt();
        a.attempt = q.value(2).toInt();
        a.state = stateFrom(q.value(3));
        a.startMs = q.value(4).toLongLong();
        a.endMs = q.value(5).toLongLong();
        a.exitCode = q.value(6).toInt();
        a.message = q.value(7).toString();
        a.peakRssBytes = q.value(8).toLongLong();
        a.cpuSeconds = q.value(9).toDouble();
        rows.push_back(std::move(a));
    }
    return rows;
}

std::vector<StoredLogLine> RunStore::logs(const QString &runId, const LogQuery &query) const {
    QString sql = QStringLiteral(
        "SELECT id, task, map_index, attempt, time_ms, stream, level, text FROM logs"
        " WHERE run_id = :run AND id > :after AND level >= :level");
    if (!query.task.isEmpty()) sql += QStringLiteral(" AND task = :task");
    sql += QStringLiteral(" ORDER BY id LIMIT :limit");
    QSqlQuery q(d->connection());
    q.prepare(sql);
    q.bindValue(QStringLiteral(":run"), runId);
    q.bindValue(QStringLiteral(":after"), query.afterId);
    q.bindValue(QStringLiteral(":level"), int(query.minLevel));
    if (!query.task.isEmpty()) q.bindValue(QStringLiteral(":task"), query.task);
    q.bindValue(QStringLiteral(":limit"), query.limit > 0 ? query.limit : -1);
    std::vector<StoredLogLine> rows;
    if (!q.exec()) warnFailed("reading logs", q);
    while (q.next()) {
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
        rows.push_back(std::move(s));
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
                             "   AND t.state IN %1 AND t.message <> '' ORDER BY t.end_ms LIMIT 1)"
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
    q.finish();
    // Runs recorded before the tags column, or by an engine that does not fill it, still have
    // their tags in the flow snapshot.
    if (s.tags.isEmpty()) s.tags = factsOf(runId).tags;
    *tasks = tally(db, runId);
    s.taskCount = tasks->total;
    s.completedTasks = tasks->completed;
    s.failedTasks = tasks->failed;
    return s;
}

FlowMetrics RunStore::metrics(const QString &runId) const {
    FlowMetrics m;
    TaskTally tasks;
    const FlowRunStatus run = d->readStatus(runId, &tasks);
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

// ----- liveness ------------------------------------------------------------------------------

/// Ends a run that has no process any more (Crashed, or Cancelled on request) with its
/// unfinished task runs and attempts, an event each, and frees its slots.
bool RunStore::Private::endRun(QSqlDatabase &db, const QString &runId, RunState state, const QString &message,
                               qint64 now, bool *ended, QSqlError &error) {
    const QString finals = stateList(kFinalStates);
    const QString stateName = toString(state);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
                  "UPDATE flow_runs SET state = ?, end_ms = ?, message = ? WHERE id = ? AND state NOT IN %1")
                  .arg(finals));
    for (const QVariant &v : {QVariant(stateName), QVariant(now), textParam(message), QVariant(runId)})
        q.addBindValue(v);
    if (!execPrepared(q, error)) return false;
    *ended = q.numRowsAffected() == 1;  // 0: it finished after all, meanwhile
    if (!*ended) return true;
    const QString statements[] = {
        QStringLiteral("INSERT INTO events(run_id, task, map_index, attempt, state, time_ms, message)"
                       " SELECT run_id, task, map_index, attempts, :state, :now, :message FROM task_runs"
                       " WHERE run_id = :run AND state NOT IN %1")
            .arg(finals),
        QStringLiteral("UPDATE task_runs SET state = :state, end_ms = :now, message = :message"
                       " WHERE run_id = :run AND state NOT IN %1")
            .arg(finals),
        // An attempt waiting for its retry has ended already.
        QStringLiteral("UPDATE attempts SET state = :state, end_ms = :now, message = :message"
                       " WHERE run_id = :run AND state NOT IN %1 AND state <> 'AwaitingRetry'")
            .arg(finals),
        QStringLiteral(
            "INSERT INTO events(run_id, state, time_ms, message) VALUES(:run, :state, :now, :message)"),
        QStringLiteral("DELETE FROM concurrency_slots WHERE run_id = :run"),
    };
    for (const QString &sql : statements) {
        q.prepare(sql);
        const std::pair<QString, QVariant> values[] = {{QStringLiteral(":state"), stateName},
                                                       {QStringLiteral(":now"), now},
                                                       {QStringLiteral(":message"), textParam(message)},
                                                       {QStringLiteral(":run"), runId}};
        for (const auto &[name, value] : values) {
            if (sql.contains(name)) q.bindValue(name, value);
        }
        if (!execPrepared(q, error)) return false;
    }
    return true;
}

QStringList RunStore::recoverCrashedRuns(qint64 staleMs) {
    const QString thisHost = QSysInfo::machineHostName();
    const qint64 now = nowMs();
    QSqlDatabase db = d->connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, pid, host, max(heartbeat_ms, start_ms, created_ms), start_ms FROM flow_runs"
                               " WHERE state IN %1")
                    .arg(stateList(kUnfinishedRunStates)))) {
        warnFailed("looking for crashed runs", q);
        return {};
    }
    QList<QPair<QString, QString>> crashed;  // run id, message
    while (q.next()) {
        const QString id = q.value(0).toString();
        const qint64 pid = q.value(1).toLongLong();
        const QString host = q.value(2).toString();
        if (host == thisHost) {
            if (!isOwnerAlive(id, pid, q.value(4).toLongLong()))
                crashed.append({id, QStringLiteral("the process running it (pid %1) died").arg(pid)});
        } else if (q.value(3).toLongLong() < now - staleMs) {
            crashed.append(
                {id, QStringLiteral("the process running it (pid %1 on %2) sent no heartbeat for %3 s")
                         .arg(pid)
                         .arg(host)
                         .arg((now - q.value(3).toLongLong()) / 1000)});
        }
    }
    q.finish();
    if (crashed.isEmpty()) return {};

    QStringList marked;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &error) {
            marked.clear();
            for (const auto &[id, message] : crashed) {
                bool changed = false;
                if (!d->endRun(db, id, RunState::Crashed, message, now, &changed, error)) return false;
                if (changed) marked << id;
            }
            return true;
        },
        &why);
    if (!ok) {
        qCWarning(lcRunStore).noquote() << "run store: marking crashed runs failed:" << why;
        return {};
    }
    for (const auto &[id, message] : crashed) {
        if (marked.contains(id))
            qCInfo(lcRunStore).noquote() << QStringLiteral("run store: marked run %1 Crashed: %2").arg(id, message);
    }
    if (!marked.isEmpty()) d->notifySlotsReleased();
    return marked;
}

// ----- cache ---------------------------------------------------------------------------------

namespace {

const QLatin1String kCacheColumns("key, flow_name, task, result, created_ms, expires_ms, run_id");

CacheEntry readCacheEntry(const QSqlQuery &q) {
    CacheEntry e;
    e.key = q.value(0).toString();
    e.flowName = q.value(1).toString();
    e.task = q.value(2).toString();
    e.result = jsonColumn(q.value(3));
    e.createdMs = q.value(4).toLongLong();
    e.expiresMs = q.value(5).toLongLong();
    e.runId = q.value(6).toString();
    return e;
}

}  // namespace

std::optional<CacheEntry> RunStore::cacheLookup(const QString &key, qint64 nowMs) const {
    QSqlQuery q(d->connection());
    q.prepare(
        QStringLiteral("SELECT %1 FROM cache_entries WHERE key = ? AND (expires_ms = 0 OR expires_ms > ?)")
            .arg(kCacheColumns));
    q.addBindValue(key);
    q.addBindValue(nowMs);
    if (!q.exec()) warnFailed("looking up the cache", q);
    if (!q.next()) return std::nullopt;
    return readCacheEntry(q);
}

void RunStore::cacheStore(const CacheEntry &entry) {
    d->writer->post(entry);
}

std::vector<CacheEntry> RunStore::cacheEntries(const QString &flowName) const {
    QSqlQuery q(d->connection());
    q.prepare(
        QStringLiteral("SELECT %1 FROM cache_entries%2 ORDER BY created_ms DESC, key")
            .arg(kCacheColumns, flowName.isEmpty() ? QString() : QStringLiteral(" WHERE flow_name = ?")));
    if (!flowName.isEmpty()) q.addBindValue(flowName);
    std::vector<CacheEntry> entries;
    if (!q.exec()) warnFailed("listing the cache", q);
    while (q.next()) entries.push_back(readCacheEntry(q));
    return entries;
}

int RunStore::cacheClear(const QString &flowName, const QString &task) {
    flush();  // an entry still queued would come back after the clear
    QString sql = QStringLiteral("DELETE FROM cache_entries WHERE 1 = 1");
    if (!flowName.isEmpty()) sql += QStringLiteral(" AND flow_name = :flow");
    if (!task.isEmpty()) sql += QStringLiteral(" AND task = :task");
    QSqlDatabase db = d->connection();
    int removed = 0;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &error) {
            QSqlQuery q(db);
            q.prepare(sql);
            if (!flowName.isEmpty()) q.bindValue(QStringLiteral(":flow"), flowName);
            if (!task.isEmpty()) q.bindValue(QStringLiteral(":task"), task);
            if (!execPrepared(q, error)) return false;
            removed = q.numRowsAffected();
            return true;
        },
        &why);
    if (!ok) qCWarning(lcRunStore).noquote() << "run store: clearing the cache failed:" << why;
    return ok ? removed : 0;
}

// ----- concurrency limits --------------------------------------------------------------------

void RunStore::setConcurrencyLimit(const QString &tag, int limit) {
    QSqlDatabase db = d->connection();
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &error) {
            QSqlQuery q(db);
            if (limit < 0) {
                q.prepare(QStringLiteral("DELETE FROM concurrency_limits WHERE tag = ?"));
                q.addBindValue(tag);
            } else {
                q.prepare(
                    QStringLiteral("INSERT INTO concurrency_limits(tag, slot_limit) VALUES(?, ?)"
                                   " ON CONFLICT(tag) DO UPDATE SET slot_limit = excluded.slot_limit"));
                q.addBindValue(tag);
                q.addBindValue(limit);
            }
            return execPrepared(q, error);
        },
        &why);
    if (!ok) qCWarning(lcRunStore).noquote() << "run store: setting the limit of" << tag << "failed:" << why;
    if (ok) d->notifySlotsReleased();  // a raised limit lets waiters in
}

bool RunStore::replaceConcurrencyLimits(const QHash<QString, int> &limits) {
    QSqlDatabase db = d->connection();
    QStringList removed, set;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &error) {
            removed.clear();
            set.clear();
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT tag, slot_limit FROM concurrency_limits"))) {
                error = q.lastError();
                return false;
            }
            QHash<QString, int> old;
            while (q.next()) old.insert(q.value(0).toString(), q.value(1).toInt());
            q.finish();
            q.prepare(QStringLiteral("DELETE FROM concurrency_limits WHERE tag = ?"));
            for (auto it = old.constBegin(); it != old.constEnd(); ++it) {
                if (limits.contains(it.key())) continue;
                q.addBindValue(it.key());
                if (!execPrepared(q, error)) return false;
                removed << it.key();
            }
            q.prepare(QStringLiteral("INSERT INTO concurrency_limits(tag, slot_limit) VALUES(?, ?)"
                                     " ON CONFLICT(tag) DO UPDATE SET slot_limit = excluded.slot_limit"));
            for (auto it = limits.constBegin(); it != limits.constEnd(); ++it) {
                if (old.value(it.key(), -1) == it.value()) continue;
                q.addBindValue(it.key());
                q.addBindValue(it.value());
                if (!execPrepared(q, error)) return false;
                set << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
            }
            return true;
        },
        &why);
    if (!ok) {
        qCWarning(lcRunStore).noquote() << "run store: replacing the concurrency limits failed:" << why;
        return false;
    }
    if (removed.isEmpty() && set.isEmpty()) return true;
    removed.sort();
    set.sort();
    qCInfo(lcRunStore).noquote() << QStringLiteral("run store: concurrency limits set: %1; removed: %2")
                                        .arg(set.isEmpty() ? QStringLiteral("none") : set.join(QStringLiteral(", ")),
                                             removed.isEmpty() ? QStringLiteral("none")
                                                               : removed.join(QStringLiteral(", ")));
    d->notifySlotsReleased();  // a removed or raised limit lets waiters in
    return true;
}

QHash<QString, int> RunStore::concurrencyLimits() const {
    QSqlQuery q(d->connection());
    QHash<QString, int> limits;
    if (!q.exec(QStringLiteral("SELECT tag, slot_limit FROM concurrency_limits")))
        warnFailed("reading limits", q);
    while (q.next()) limits.insert(q.value(0).toString(), q.value(1).toInt());
    return limits;
}

bool RunStore::Private::freeDeadSlots(QSqlDatabase &db, const QStringList &tags, int *freed,
                                      QSqlError &error) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, pid FROM concurrency_slots WHERE host = ? AND tag IN (%1)")
                  .arg(QStringList(tags.size(), QStringLiteral("?")).join(QLatin1Char(','))));
    q.addBindValue(QSysInfo::machineHostName());
    for (const QString &tag : tags) q.addBindValue(tag);
    if (!execPrepared(q, error)) return false;
    QList<qint64> dead;
    while (q.next()) {
        if (!isProcessAlive(q.value(1).toLongLong())) dead << q.value(0).toLongLong();
    }
    q.finish();
    q.prepare(QStringLiteral("DELETE FROM concurrency_slots WHERE id = ?"));
    for (qint64 id : dead) {
        q.addBindValue(id);
        if (!execPrepared(q, error)) return false;
    }
    *freed = int(dead.size());
    return true;
}

bool RunStore::tryAcquireSlots(const QStringList &tags, const SlotHolder &holder) {
    QStringList wanted = tags;
    wanted.removeAll(QString());
    wanted.removeDuplicates();
    if (wanted.isEmpty()) return true;
    const qint64 pid = holder.pid > 0 ? holder.pid : QCoreApplication::applicationPid();
    QSqlDatabase db = d->connection();
    bool acquired = false;
    int freed = 0;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &error) {
            acquired = false;
            if (!d->freeDeadSlots(db, wanted, &freed, error)) return false;
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "SELECT l.slot_limit, (SELECT count(*) FROM concurrency_slots s WHERE s.tag = l.tag)"
                " FROM concurrency_limits l WHERE l.tag = ?"));
            for (const QString &tag : wanted) {
                q.addBindValue(tag);
                if (!execPrepared(q, error)) return false;
                if (q.next() && q.value(1).toInt() >= q.value(0).toInt())
                    return true;  // full: keep the cleanup
            }
            q.prepare(QStringLiteral(
                "INSERT INTO concurrency_slots(tag, run_id, task, map_index, pid, host, acquired_ms)"
                " VALUES(?, ?, ?, ?, ?, ?, ?)"));
            for (const QString &tag : wanted) {
                for (const QVariant &v : {QVariant(tag), textParam(holder.runId), textParam(holder.task),
                                          QVariant(holder.mapIndex), QVariant(pid),
                                          QVariant(QSysInfo::machineHostName()), QVariant(nowMs())}) {
                    q.addBindValue(v);
                }
                if (!execPrepared(q, error)) return false;
            }
            acquired = true;
            return true;
        },
        &why);
    if (!ok) qCWarning(lcRunStore).noquote() << "run store: acquiring slots failed:" << why;
    if (ok && freed > 0) d->notifySlotsReleased();
    return ok && acquired;
}

void RunStore::releaseSlots(const SlotHolder &holder) {
    QSqlDatabase db = d->connection();
    int released = 0;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &error) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "DELETE FROM concurrency_slots WHERE run_id = ? AND task = ? AND map_index = ?"));
            q.addBindValue(textParam(holder.runId));
            q.addBindValue(textParam(holder.task));
            q.addBindValue(holder.mapIndex);
            if (!execPrepared(q, error)) return false;
            released = q.numRowsAffected();
            return true;
        },
        &why);
    if (!ok) qCWarning(lcRunStore).noquote() << "run store: releasing slots failed:" << why;
    if (released > 0) d->notifySlotsReleased();
}

int RunStore::slotsInUse(const QString &tag) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM concurrency_slots WHERE tag = ?"));
    q.addBindValue(tag);
    if (!q.exec() || !q.next()) {
        warnFailed("counting slots", q);
        return 0;
    }
    return q.value(0).toInt();
}

void RunStore::Private::touch(const QString &file) {
    // Every process on this database watches the file; a write wakes it at once.
    QFile notification(file);
    if (!notification.open(QIODevice::WriteOnly | QIODevice::Append)) {
        qCWarning(lcRunStore).noquote()
            << "run store: cannot write" << file << ":" << notification.errorString();
        return;
    }
    if (notification.size() > 4096) notification.resize(0);  // the content does not matter, only the change
    notification.write("changed\n");
}

void RunStore::Private::watchNotificationFiles(RunStore *owner) {
    slotsFile = path + QStringLiteral(".slots");
    cancelFile = path + QStringLiteral(".cancel");
    watcher = new QFileSystemWatcher(owner);
    for (const QString &name : {slotsFile, cancelFile}) {
        QFile file(name);
        if (!file.exists()) file.open(QIODevice::WriteOnly | QIODevice::Append);
        file.close();
        if (!watcher->addPath(name)) {
            qCWarning(lcRunStore).noquote()
                << "run store: cannot watch" << name
                << "; other processes' releases and cancels will not wake this one";
        }
    }
    QObject::connect(watcher, &QFileSystemWatcher::fileChanged, owner, [this, owner](const QString &changed) {
        // A tool that replaces the file drops the watch; take it again.
        if (!watcher->files().contains(changed) && QFile::exists(changed)) watcher->addPath(changed);
        if (changed == slotsFile) emit owner->slotsReleased();
        if (changed == cancelFile) signalCancelRequests(owner);
    });
}

// ----- cancel requests -----------------------------------------------------------------------

void RunStore::Private::signalCancelRequests(RunStore *owner) {
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT id FROM flow_runs WHERE cancel_requested_ms > 0 AND state NOT IN %1"
                             " AND pid = ? AND host = ?")
                  .arg(stateList(kFinalStates)));
    q.addBindValue(QCoreApplication::applicationPid());
    q.addBindValue(QSysInfo::machineHostName());
    if (!q.exec()) warnFailed("reading cancel requests", q);
    QStringList runs;
    while (q.next()) {
        const QString id = q.value(0).toString();
        if (wasCreatedHere(id) && !cancelsSignalled.contains(id)) runs << id;
    }
    q.finish();
    for (const QString &id : runs) {
        cancelsSignalled.insert(id);
        emit owner->cancelRequested(id);
    }
}

bool RunStore::requestCancel(const QString &runId) {
    const auto run = this->run(runId);
    if (!run || run->id != runId || isFinal(run->state)) return false;
    // Nobody would act on the request: end the run here.
    const bool ownerless = run->state == RunState::Scheduled || run->state == RunState::Late ||
                           (run->host == QSysInfo::machineHostName() && !isOwnerAlive(run->id, run->pid, run->startMs));
    QSqlDatabase db = d->connection();
    const qint64 now = nowMs();
    bool requested = false;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &error) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                          "UPDATE flow_runs SET cancel_requested_ms = ? WHERE id = ? AND state NOT IN %1")
                          .arg(stateList(kFinalStates)));
            q.addBindValue(now);
            q.addBindValue(runId);
            if (!execPrepared(q, error)) return false;
            requested = q.numRowsAffected() == 1;
            if (!requested || !ownerless) return true;
            return d->endRun(db, runId, RunState::Cancelled, QStringLiteral("cancelled on request"), now,
                             &requested, error);
        },
        &why);
    if (!ok)
        qCWarning(lcRunStore).noquote() << "run store: requesting the cancel of" << runId << "failed:" << why;
    if (!ok || !requested) return false;
    d->touch(ownerless ? d->slotsFile : d->cancelFile);
    return true;
}

QMetaObject::Connection RunStore::onCancelRequested(QObject *context,
                                                   std::function<void(const QString &runId)> cancel) {
    return connect(this, &RunStore::cancelRequested, context, std::move(cancel));
}

QMetaObject::Connection RunStore::onSlotsReleased(QObject *context, std::function<void()> wake) {
    return connect(this, &RunStore::slotsReleased, context, std::move(wake));
}

bool RunStore::isCancelRequested(const QString &runId) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT cancel_requested_ms > 0 FROM flow_runs WHERE id = ?"));
    q.addBindValue(runId);
    return q.exec() && q.next() && q.value(0).toBool();
}

// ----- retention -----------------------------------------------------------------------------

void RunStore::Private::compact(QSqlDatabase &db) {
    QSqlQuery q(db);
    const bool incremental =
        q.exec(QStringLiteral("PRAGMA auto_vacuum")) && q.next() && q.value(0).toInt() == 2;
    if (incremental) {
        // Frees one page per step, and QSqlQuery steps a statement without result columns only
        // once: sqlite3_exec steps it to the end.
        q.finish();
        if (sqlite3 *handle = sqliteHandle(db))
            sqlite3_exec(handle, "PRAGMA incremental_vacuum", nullptr, nullptr, nullptr);
    } else if (q.exec(QStringLiteral("SELECT (SELECT freelist_count FROM pragma_freelist_count),"
                                     " (SELECT page_count FROM pragma_page_count)")) &&
               q.next()) {
        const qint64 free = q.value(0).toLongLong();
        if (free > 256 && free * 4 > q.value(1).toLongLong()) q.exec(QStringLiteral("VACUUM"));
    }
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))) warnFailed("checkpointing", q);
    q.finish();
}

int RunStore::pruneOlderThan(int days) {
    if (days < 0) return 0;
    flush();  // queued events of an old run must not arrive after its rows are gone
    const qint64 cutoff = nowMs() - qint64(days) * 24 * 3600 * 1000;
    const QString doomed = QStringLiteral(
                               "SELECT id FROM flow_runs WHERE end_ms > 0 AND end_ms < :cutoff"
                               " AND state IN %1")
                               .arg(stateList(kFinalStates));
    QSqlDatabase db = d->connection();
    int removed = 0;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &error) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("DELETE FROM cache_entries WHERE run_id IN (%1)").arg(doomed));
            q.bindValue(QStringLiteral(":cutoff"), cutoff);
            if (!execPrepared(q, error)) return false;
            // Task runs, attempts, logs, samples and events go with their run (ON DELETE CASCADE).
            q.prepare(QStringLiteral("DELETE FROM flow_runs WHERE id IN (%1)").arg(doomed));
            q.bindValue(QStringLiteral(":cutoff"), cutoff);
            if (!execPrepared(q, error)) return false;
            removed = q.numRowsAffected();
            return true;
        },
        &why);
    if (!ok) {
        qCWarning(lcRunStore).noquote() << "run store: pruning failed:" << why;
        return 0;
    }
    if (removed > 0) {
        qCInfo(lcRunStore).noquote()
            << QStringLiteral("run store: pruned %1 finished run(s) that ended more than %2 day(s) ago")
                   .arg(removed)
                   .arg(days);
        d->compact(db);
    }
    return removed;
}

}  // namespace flowdeck
