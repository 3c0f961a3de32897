#include "store/RunStorePrivate.h"

#include "store/Migrations.h"

#include "run/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSysInfo>

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace flowdeck {

namespace {

/// A new database may be named in a folder that does not exist yet (`database: state/runs.db`).
bool makeParentFolder(const QString &path, QString *why) {
    const QFileInfo info(path);
    if (path.isEmpty() || info.exists() || QFileInfo(info.absolutePath()).isDir()) return true;
    if (makePrivateFolder(info.absolutePath())) {
        qCInfo(lcRunStore).noquote() << "run store: created the folder" << info.absolutePath();
        return true;
    }
    *why = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
    return false;
}

/// Why a database file that exists cannot be read and written, or empty if it can. access()
/// rather than the mode bits: root may write a 0400 file, but not an immutable one or one on a
/// read-only mount, and those need their own advice.
QString whyNotReadWrite(const QString &path) {
    const QByteArray native = QFile::encodeName(path);
    if (::access(native.constData(), R_OK | W_OK) == 0) return {};
    switch (errno) {
        case EROFS:
            return QStringLiteral("it is on a read-only file system (mount it read-write, or copy it elsewhere "
                                  "and use --db or FLOWDECK_DB)");
        case EPERM:
            return QStringLiteral("it may not be written: the file is immutable (lsattr shows it, chattr -i "
                                  "removes it)");
        default:
            return QStringLiteral("no permission to read and write it");
    }
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
    } else if (const QString denied = whyNotReadWrite(path); !denied.isEmpty()) {
        *why = denied;
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

/// Task results and logs can hold private data: the database is created 0600 before SQLite
/// touches it (SQLite gives its -wal and -shm the database's mode), and a database that others
/// could read, from before or from a permissive umask, is narrowed to 0600 with them.
bool makeDatabasePrivate(const QString &path, QString *why) {
    if (!QFileInfo::exists(path) && !makePrivateFile(path)) {
        *why = QStringLiteral("cannot create the file: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    for (const QString &file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) narrowToOwner(file);
    return true;
}

bool hasTables(QSqlDatabase &db) {
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) && q.next() &&
           q.value(0).toInt() > 0;
}

/// What started a run, when its record does not say: a retry, a subflow, a deployment's, or a
/// person's.
QString triggerOf(const FlowRunRecord &r) {
    if (!r.trigger.isEmpty()) return r.trigger;
    if (!r.retryOf.isEmpty()) return QStringLiteral("retry");
    if (!r.parentRunId.isEmpty()) return QStringLiteral("subflow");
    if (!r.deployment.isEmpty()) return QStringLiteral("deployment");
    return QStringLiteral("manual");
}

/// The run row and its first event: the state it was created in.
bool insertRun(QSqlDatabase &db, const FlowRunRecord &r, QSqlError &error) {
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO flow_runs(id, flow_name, flow_path, flow_snapshot, parameters, state,"
                       " parent_run_id, parent_task, retry_of, deployment, created_ms, expected_start_ms,"
                       " start_ms, end_ms, message, pid, host, heartbeat_ms, tags, task_count, run_trigger)"
                       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {textParam(r.id), textParam(r.flowName), textParam(r.flowPath), QVariant(r.flowSnapshot),
          jsonParam(r.parameters), QVariant(toString(r.state)), textParam(r.parentRunId),
          textParam(r.parentTask), textParam(r.retryOf), textParam(r.deployment), QVariant(r.createdMs),
          QVariant(r.expectedStartMs), QVariant(r.startMs), QVariant(r.endMs), textParam(r.message),
          QVariant(r.pid), textParam(r.host), QVariant(r.heartbeatMs), jsonParam(r.tags),
          QVariant(r.taskCount), QVariant(triggerOf(r))}) {
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

}  // namespace

// ----- what the store's files share ----------------------------------------------------------

QString stateList(std::initializer_list<RunState> states) {
    QStringList quoted;
    for (RunState state : states) quoted << QLatin1Char('\'') + toString(state) + QLatin1Char('\'');
    return QLatin1Char('(') + quoted.join(QLatin1Char(',')) + QLatin1Char(')');
}

RunState stateFrom(const QVariant &value) {
    return runStateFromString(value.toString()).value_or(RunState::Pending);
}

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

bool execPrepared(QSqlQuery &q, QSqlError &error) {
    if (q.exec()) return true;
    error = q.lastError();
    return false;
}

void warnFailed(const char *what, const QSqlQuery &q) {
    qCWarning(lcRunStore).noquote() << "run store:" << what << "failed:" << q.lastError().text();
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
    if (makeParentFolder(path, &why) && checkDatabaseFile(path, &why) && makeDatabasePrivate(path, &why) &&
        p.prepareSchema(&why)) {
        RunStore *self = store.get();
        p.nameNotificationFiles();
        p.writer = std::make_unique<EventWriter>(p.path, p.connections->prefix() + QStringLiteral("writer"),
                                                 [self](CommittedChanges changes) {
                                                     self->d->announceCommit(changes);
                                                     emit self->committed();
                                                 });
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
    makePrivateFolder(dir);
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
    const bool added = rememberCreatedHere(r.id);  // before the row is visible to recoverCrashedRuns
    QSqlDatabase db = d->connection();
    QString why;
    const bool ok = runWriteTransaction(
        db, [&](QSqlError &e) { return insertRun(db, r, e); }, &why);
    if (!ok) {
        if (added) forgetCreatedHere(r.id);  // a duplicate id must not forget the first run
        if (error) *error = QStringLiteral("cannot record run %1: %2").arg(r.id, why);
        return false;
    }
    d->notifyRunsChanged();
    return true;
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
                " retry_of = ?, deployment = ?, tags = ?, task_count = ?, pid = ?, host = ?, heartbeat_ms = ?"
                " WHERE id = ? AND state = 'Pending'"));
            for (const QVariant &v :
                 {textParam(run.flowName), textParam(run.flowPath), QVariant(run.flowSnapshot),
                  jsonParam(run.parameters), textParam(run.retryOf), textParam(run.deployment),
                  jsonParam(run.tags), QVariant(run.taskCount),
                  QVariant(QCoreApplication::applicationPid()), QVariant(QSysInfo::machineHostName()),
                  QVariant(nowMs()), QVariant(run.id)}) {
                q.addBindValue(v);
            }
            if (!execPrepared(q, e)) return false;
            updated = q.numRowsAffected() == 1;
            return true;
        },
        &why);
    if (ok && updated) {
        d->notifyRunsChanged();
        return true;
    }
    if (error)
        *error = ok ? QStringLiteral("run %1 is no longer waiting to start").arg(run.id)
                    : QStringLiteral("cannot start run %1: %2").arg(run.id, why);
    return false;
}

void RunStore::adoptRun(const QString &runId, bool adopt) {
    if (adopt)
        rememberCreatedHere(runId);
    else
        forgetCreatedHere(runId);
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

quint64 RunStore::lostWrites(QString *reason) const {
    const EventWriter::Loss loss = d->writer->loss();
    if (reason) *reason = loss.reason;
    return loss.items;
}

void RunStore::heartbeat(const QString &runId) {
    d->writer->post(HeartbeatItem{runId, nowMs()});
}

void RunStore::Private::touch(const QString &file) {
    // Every process on this database watches the file; a write wakes it at once.
    makePrivateFile(file);  // opened by QFile, a new file would get the umask's mode
    QFile notification(file);
    if (!notification.open(QIODevice::WriteOnly | QIODevice::Append)) {
        qCWarning(lcRunStore).noquote()
            << "run store: cannot write" << file << ":" << notification.errorString();
        return;
    }
    if (notification.size() > 4096) notification.resize(0);  // the content does not matter, only the change
    notification.write("changed\n");
}

void RunStore::Private::nameNotificationFiles() {
    slotsFile = path + QStringLiteral(".slots");
    cancelFile = path + QStringLiteral(".cancel");
    runsFile = path + QStringLiteral(".runs");
    approvalsFile = path + QStringLiteral(".approvals");
}

void RunStore::Private::announceCommit(CommittedChanges changes) {
    // A state change is news at once; progress (task events, log lines) at most four times a
    // second, so a busy run does not wake every other process on the database all the time.
    const qint64 now = nowMs();
    if (changes.runStates || (changes.progress && now - lastProgressNoticeMs >= kProgressNoticeMs)) {
        lastProgressNoticeMs = now;
        touch(runsFile);
    }
}

void RunStore::notifyRunsChanged() {
    d->touch(d->runsFile);
}

void RunStore::Private::watchNotificationFiles(RunStore *owner) {
    watcher = new QFileSystemWatcher(owner);
    for (const QString &name : {slotsFile, cancelFile, runsFile, approvalsFile}) {
        makePrivateFile(name);
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
        if (changed == runsFile) emit owner->runsChanged();
        if (changed == approvalsFile) emit owner->approvalGiven();
    });
}

}  // namespace flowdeck
