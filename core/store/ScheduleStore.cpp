#include "store/ScheduleStore.h"

#include "store/RunStore.h"
#include "store/StoreSql.h"
#include "run/PrivateFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUuid>

#include <atomic>

namespace flowdeck {

namespace {

/// Claimed and not finished: what counts against a concurrency limit.
const QLatin1String kActiveStates("('Pending','Running','Retrying','AwaitingRetry','Cancelling','Paused')");
const QLatin1String kWaitingStates("('Scheduled','Late')");

QVariant text(const QString &value) {
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString json(const QVariant &value) {
    return QString::fromUtf8(variantToJson(value));
}

QVariantMap mapFromJson(const QVariant &column) {
    return jsonToVariant(column.toString().toUtf8()).toMap();
}

bool exec(QSqlQuery &q, QSqlError &error) {
    if (q.exec()) return true;
    error = q.lastError();
    return false;
}

void warnFailed(const char *what, const QSqlQuery &q) {
    qCWarning(lcRunStore).noquote() << "schedule store:" << what << "failed:" << q.lastError().text();
}

/// "?,?,?" for binding a list.
QString placeholders(qsizetype count) {
    return QStringList(count, QStringLiteral("?")).join(QLatin1Char(','));
}

/// " AND r.pool IN (?,?)" or nothing for all pools.
QString poolFilter(const QStringList &pools) {
    return pools.isEmpty() ? QString()
                           : QStringLiteral(" AND r.pool IN (%1)").arg(placeholders(pools.size()));
}

void bindAll(QSqlQuery &q, const QStringList &values) {
    for (const QString &v : values) q.addBindValue(v);
}

const QLatin1String kScheduleColumns(
    "id, name, flow_path, flow_name, parameters, config, active, catchup, catchup_cap, max_active_runs,"
    " collision, pool, queue, source, created_ms, last_fire_ms");

ScheduleRecord readSchedule(const QSqlQuery &q) {
    ScheduleRecord s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.flowPath = q.value(2).toString();
    s.flowName = q.value(3).toString();
    s.parameters = mapFromJson(q.value(4));
    s.config = mapFromJson(q.value(5));
    s.active = q.value(6).toBool();
    s.catchUp = catchUpFromString(q.value(7).toString()).value_or(CatchUp::Skip);
    s.catchUpCap = q.value(8).toInt();
    s.maxActiveRuns = q.value(9).toInt();
    s.collision = collisionFromString(q.value(10).toString()).value_or(Collision::Enqueue);
    s.pool = q.value(11).toString();
    s.queue = q.value(12).toString();
    s.source = q.value(13).toString();
    s.createdMs = q.value(14).toLongLong();
    s.lastFireMs = q.value(15).toLongLong();
    return s;
}

const QLatin1String kWaitingColumns(
    "r.id, coalesce(r.schedule_id, 0), coalesce(s.name, ''), r.flow_name, coalesce(r.fire_ms, 0),"
    " r.expected_start_ms, r.state, r.pool, r.queue, r.origin, r.pid, r.host");

WaitingRun readWaiting(const QSqlQuery &q) {
    WaitingRun w;
    w.id = q.value(0).toString();
    w.scheduleId = q.value(1).toLongLong();
    w.scheduleName = q.value(2).toString();
    w.flowName = q.value(3).toString();
    w.fireMs = q.value(4).toLongLong();
    w.expectedStartMs = q.value(5).toLongLong();
    w.state = runStateFromString(q.value(6).toString()).value_or(RunState::Scheduled);
    w.pool = q.value(7).toString();
    w.queue = q.value(8).toString();
    w.origin = q.value(9).toString();
    w.pid = q.value(10).toLongLong();
    w.host = q.value(11).toString();
    return w;
}

// The claim's conditions, on the row being claimed (flow_runs without an alias).
const QLatin1String kClaimable(
    " AND NOT EXISTS (SELECT 1 FROM work_pools p WHERE p.name = flow_runs.pool AND (p.paused"
    "   OR (p.concurrency_limit > 0 AND (SELECT count(*) FROM flow_runs a WHERE a.pool = p.name"
    "   AND a.state IN ('Pending','Running','Retrying','AwaitingRetry','Cancelling','Paused'))"
    "   >= p.concurrency_limit)))"
    " AND NOT EXISTS (SELECT 1 FROM work_queues w WHERE w.pool = flow_runs.pool AND w.name = flow_runs.queue"
    "   AND (w.paused OR (w.concurrency_limit > 0 AND (SELECT count(*) FROM flow_runs a"
    "   WHERE a.pool = w.pool AND a.queue = w.name"
    "   AND a.state IN ('Pending','Running','Retrying','AwaitingRetry','Cancelling','Paused'))"
    "   >= w.concurrency_limit)))"
    " AND (flow_runs.schedule_id IS NULL OR EXISTS (SELECT 1 FROM schedules s"
    "   WHERE s.id = flow_runs.schedule_id AND s.active AND (s.max_active_runs <= 0"
    "   OR (SELECT count(*) FROM flow_runs a WHERE a.schedule_id = s.id"
    "   AND a.state IN ('Pending','Running','Retrying','AwaitingRetry','Cancelling','Paused'))"
    "   < s.max_active_runs)))");

// Candidates for a claim: due, and nothing paused in the way (the claim checks the limits).
const QLatin1String kDueAndNotPaused(
    " AND r.expected_start_ms <= ?"
    " AND NOT EXISTS (SELECT 1 FROM work_pools p WHERE p.name = r.pool AND p.paused)"
    " AND coalesce(w.paused, 0) = 0 AND (r.schedule_id IS NULL OR s.active)");

}  // namespace

QString toString(CatchUp policy) {
    switch (policy) {
        case CatchUp::Skip:
            return QStringLiteral("skip");
        case CatchUp::Latest:
            return QStringLiteral("latest");
        case CatchUp::All:
            return QStringLiteral("all");
    }
    return {};
}

QString toString(Collision policy) {
    return policy == Collision::Enqueue ? QStringLiteral("enqueue") : QStringLiteral("cancel-new");
}

QString nameProblem(const QString &what, const QString &name) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    if (name.isEmpty())
        return QStringLiteral(
                   "%1 is empty (use letters, digits, '_', '-' and '.', starting with a letter or "
                   "digit)")
            .arg(what);
    if (name.size() > 200) return QStringLiteral("%1 is longer than 200 characters").arg(what);
    if (!valid.match(name).hasMatch())
        return QStringLiteral(
                   "%1 '%2' is not valid: use letters, digits, '_', '-' and '.', starting with a letter or "
                   "digit")
            .arg(what, name);
    return QString();
}

std::optional<CatchUp> catchUpFromString(const QString &text) {
    for (CatchUp p : {CatchUp::Skip, CatchUp::Latest, CatchUp::All})
        if (text.compare(toString(p), Qt::CaseInsensitive) == 0) return p;
    return std::nullopt;
}

std::optional<Collision> collisionFromString(const QString &text) {
    for (Collision p : {Collision::Enqueue, Collision::CancelNew})
        if (text.compare(toString(p), Qt::CaseInsensitive) == 0) return p;
    return std::nullopt;
}

struct ScheduleStore::Private {
    RunStore *runs = nullptr;
    QString path;
    std::unique_ptr<ThreadConnections> connections;

    QSqlDatabase connection() {
        QString why;
        QSqlDatabase db = connections->get(&why);
        if (!db.isValid()) qCWarning(lcRunStore).noquote() << "schedule store: cannot open" << path << ":" << why;
        return db;
    }

    /// Runs @p body in a write transaction; logs and returns false when it fails.
    bool write(const char *what, const TransactionBody &body, QString *error = nullptr) {
        QSqlDatabase db = connection();
        QString why;
        if (runWriteTransaction(db, body, &why)) return true;
        qCWarning(lcRunStore).noquote() << "schedule store:" << what << "failed:" << why;
        if (error) *error = why;
        return false;
    }

    bool ensurePoolAndQueue(QSqlDatabase &db, const QString &pool, const QString &queue, QSqlError &error) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO work_pools(name) VALUES(?)"));
        q.addBindValue(pool);
        if (!exec(q, error)) return false;
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO work_queues(pool, name) VALUES(?, ?)"));
        q.addBindValue(pool);
        q.addBindValue(queue);
        return exec(q, error);
    }

    bool insertSchedule(QSqlDatabase &db, ScheduleRecord &s, bool replace, QSqlError &error);
    bool deleteWaitingOf(QSqlDatabase &db, qint64 scheduleId, bool keepBackfills, QSqlError &error);
    bool insertRun(QSqlDatabase &db, const ScheduleRecord &s, qint64 fireSecs, const QString &origin,
                   qint64 expectedStartMs, bool *inserted, QSqlError &error);
    ClaimOutcome whyNotClaimed(QSqlDatabase &db, const QString &runId, qint64 now, QSqlError &error);

    /// Whether the run was claimed by this process (by any of its schedulers).
    bool claimedHere(const QString &runId) {
        QSqlQuery q(connection());
        q.prepare(
            QStringLiteral("SELECT claimed_by <> '' AND pid = ? AND host = ? FROM flow_runs WHERE id = ?"));
        q.addBindValue(QCoreApplication::applicationPid());
        q.addBindValue(QSysInfo::machineHostName());
        q.addBindValue(runId);
        return q.exec() && q.next() && q.value(0).toBool();
    }
};

ScheduleStore::ScheduleStore(RunStore &runs) : d(std::make_unique<Private>()) {
    d->runs = &runs;
    d->path = runs.path();
    d->connections = std::make_unique<ThreadConnections>(QStringLiteral("schedules"), d->path);
}

ScheduleStore::~ScheduleStore() = default;

QString ScheduleStore::notificationFile(const QString &databasePath) {
    return databasePath + QStringLiteral(".schedules");
}

QString ScheduleStore::notificationFile() const {
    return notificationFile(d->path);
}

void ScheduleStore::notify() const {
    // Same pattern as the run store's .slots file: the content does not matter, only the change.
    makePrivateFile(notificationFile());  // QFile would create it with the umask's mode
    QFile file(notificationFile());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        qCWarning(lcRunStore).noquote()
            << "schedule store: cannot write" << file.fileName() << ":" << file.errorString();
        return;
    }
    if (file.size() > 4096) file.resize(0);
    file.write("changed\n");
}

// ----- schedules -----------------------------------------------------------------------------

bool ScheduleStore::Private::insertSchedule(QSqlDatabase &db, ScheduleRecord &s, bool replace,
                                            QSqlError &error) {
    if (!ensurePoolAndQueue(db, s.pool, s.queue, error)) return false;
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO schedules(name, flow_path, flow_name, parameters, config, active, "
                       "catchup, catchup_cap,"
                       " max_active_runs, collision, pool, queue, source, created_ms, last_fire_ms)"
                       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)%1")
            .arg(replace ? QStringLiteral(
                               " ON CONFLICT(name) DO UPDATE SET flow_path = excluded.flow_path,"
                               " flow_name = excluded.flow_name, parameters = excluded.parameters,"
                               " config = excluded.config, catchup = excluded.catchup,"
                               " catchup_cap = excluded.catchup_cap,"
                               " max_active_runs = excluded.max_active_runs, collision = excluded.collision,"
                               " pool = excluded.pool, queue = excluded.queue, source = excluded.source,"
                               " active = excluded.active, last_fire_ms = excluded.last_fire_ms")
                         : QString()));
    for (const QVariant &v :
         {QVariant(s.name), QVariant(s.flowPath), text(s.flowName), QVariant(json(s.parameters)),
          QVariant(json(s.config)), QVariant(s.active), QVariant(toString(s.catchUp)), QVariant(s.catchUpCap),
          QVariant(s.maxActiveRuns), QVariant(toString(s.collision)), QVariant(s.pool), QVariant(s.queue),
          text(s.source), QVariant(s.createdMs), QVariant(s.lastFireMs)})
        q.addBindValue(v);
    if (!exec(q, error)) return false;
    q.prepare(QStringLiteral("SELECT id FROM schedules WHERE name = ?"));
    q.addBindValue(s.name);
    if (!exec(q, error)) return false;
    if (q.next()) s.id = q.value(0).toLongLong();
    return true;
}

namespace {

/// The first name of @p s that nameProblem() refuses, as its message.
QString namesProblem(const ScheduleRecord &s) {
    QString problem = nameProblem(QStringLiteral("schedule name"), s.name);
    if (problem.isEmpty()) problem = nameProblem(QStringLiteral("work pool name"), s.pool);
    if (problem.isEmpty()) problem = nameProblem(QStringLiteral("queue name"), s.queue);
    return problem;
}

}  // namespace

bool ScheduleStore::addSchedule(ScheduleRecord &schedule, QString *error) {
    if (const QString problem = namesProblem(schedule); !problem.isEmpty()) {
        if (error) *error = problem;
        return false;
    }
    if (this->schedule(schedule.name)) {
        if (error) *error = QStringLiteral("a schedule named '%1' exists already").arg(schedule.name);
        return false;
    }
    schedule.createdMs = nowMs();
    schedule.lastFireMs = schedule.createdMs;
    QSqlDatabase db = d->connection();
    return d->write(
        "adding a schedule", [&](QSqlError &e) { return d->insertSchedule(db, schedule, false, e); }, error);
}

bool ScheduleStore::upsertSchedule(ScheduleRecord &schedule, QString *error) {
    if (const QString problem = namesProblem(schedule); !problem.isEmpty()) {
        if (error) *error = problem;
        return false;
    }
    schedule.createdMs = nowMs();
    schedule.lastFireMs = schedule.createdMs;
    QSqlDatabase db = d->connection();
    // Runs made ahead from the old definition go; the new one starts from now.
    return d->write(
        "saving a schedule",
        [&](QSqlError &e) {
            return d->insertSchedule(db, schedule, true, e) && d->deleteWaitingOf(db, schedule.id, true, e);
        },
        error);
}

std::vector<ScheduleRecord> ScheduleStore::schedules(bool activeOnly) const {
    QSqlQuery q(d->connection());
    std::vector<ScheduleRecord> rows;
    if (!q.exec(QStringLiteral("SELECT %1 FROM schedules%2 ORDER BY name")
                    .arg(kScheduleColumns, activeOnly ? QStringLiteral(" WHERE active") : QString())))
        warnFailed("listing schedules", q);
    while (q.next()) rows.push_back(readSchedule(q));
    return rows;
}

std::optional<ScheduleRecord> ScheduleStore::schedule(const QString &name) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM schedules WHERE name = ?").arg(kScheduleColumns));
    q.addBindValue(name);
    if (!q.exec()) warnFailed("reading a schedule", q);
    if (!q.next()) return std::nullopt;
    return readSchedule(q);
}

std::optional<ScheduleRecord> ScheduleStore::schedule(qint64 id) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM schedules WHERE id = ?").arg(kScheduleColumns));
    q.addBindValue(id);
    if (!q.exec()) warnFailed("reading a schedule", q);
    if (!q.next()) return std::nullopt;
    return readSchedule(q);
}

bool ScheduleStore::Private::deleteWaitingOf(QSqlDatabase &db, qint64 scheduleId, bool keepBackfills,
                                             QSqlError &error) {
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("DELETE FROM flow_runs WHERE schedule_id = ? AND state IN %1%2")
            .arg(kWaitingStates, keepBackfills ? QStringLiteral(" AND origin <> 'backfill'") : QString()));
    q.addBindValue(scheduleId);
    return exec(q, error);
}

bool ScheduleStore::setActive(const QString &name, bool active, QString *error, bool *changed) {
    const auto found = schedule(name);
    if (changed) *changed = false;
    if (!found) {
        if (error) *error = QStringLiteral("no schedule named '%1'").arg(name);
        return false;
    }
    if (found->active == active) return true;
    if (changed) *changed = true;
    QSqlDatabase db = d->connection();
    return d->write(
        "pausing or resuming a schedule",
        [&](QSqlError &e) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE schedules SET active = ?%1 WHERE id = ?")
                          .arg(active ? QStringLiteral(", last_fire_ms = ?") : QString()));
            q.addBindValue(active);
            if (active) q.addBindValue(nowMs());
            q.addBindValue(found->id);
            if (!exec(q, e)) return false;
            return active || d->deleteWaitingOf(db, found->id, true, e);
        },
        error);
}

bool ScheduleStore::removeSchedule(const QString &name, QString *error) {
    const auto found = schedule(name);
    if (!found) {
        if (error) *error = QStringLiteral("no schedule named '%1'").arg(name);
        return false;
    }
    QSqlDatabase db = d->connection();
    return d->write(
        "removing a schedule",
        [&](QSqlError &e) {
            if (!d->deleteWaitingOf(db, found->id, false, e)) return false;
            QSqlQuery q(db);
            q.prepare(QStringLiteral("DELETE FROM schedules WHERE id = ?"));
            q.addBindValue(found->id);
            return exec(q, e);
        },
        error);
}

// ----- scheduled runs ------------------------------------------------------------------------

bool ScheduleStore::Private::insertRun(QSqlDatabase &db, const ScheduleRecord &s, qint64 fireSecs,
                                       const QString &origin, qint64 expectedStartMs, bool *inserted,
                                       QSqlError &error) {
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = nowMs();
    const qint64 fireMs = fireSecs * 1000;
    QSqlQuery q(db);
    // The creator's pid and host tell a later scheduler whether it was left by a dead process.
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO flow_runs(id, flow_name, flow_path, parameters, state, deployment, created_ms,"
        " expected_start_ms, pid, host, heartbeat_ms, schedule_id, fire_ms, origin, pool, queue, run_trigger)"
        " VALUES(?, ?, ?, ?, 'Scheduled', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString trigger = origin == QLatin1String("backfill") ? QStringLiteral("backfill") : QStringLiteral("schedule");
    for (const QVariant &v :
         {QVariant(id), text(s.flowName), QVariant(s.flowPath), QVariant(json(s.parameters)),
          QVariant(s.name), QVariant(now), QVariant(expectedStartMs > 0 ? expectedStartMs : fireMs),
          QVariant(QCoreApplication::applicationPid()), QVariant(QSysInfo::machineHostName()), QVariant(now),
          QVariant(s.id), QVariant(fireMs), QVariant(origin), QVariant(s.pool), QVariant(s.queue), QVariant(trigger)})
        q.addBindValue(v);
    if (!exec(q, error)) return false;
    *inserted = q.numRowsAffected() == 1;
    if (!*inserted) return true;  // that fire time has its run already
    q.prepare(
        QStringLiteral("INSERT INTO events(run_id, state, time_ms, message) VALUES(?, 'Scheduled', ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(now);
    q.addBindValue(QStringLiteral("%1 of schedule %2").arg(origin, s.name));
    return exec(q, error);
}

int ScheduleStore::createRuns(const ScheduleRecord &schedule, const std::vector<qint64> &fireSecs,
                              const QString &origin, qint64 expectedStartMs, qint64 lastFireMs,
                              QString *error) {
    QSqlDatabase db = d->connection();
    int created = 0;
    const bool ok = d->write(
        "creating scheduled runs",
        [&](QSqlError &e) {
            created = 0;
            for (const qint64 t : fireSecs) {
                bool inserted = false;
                if (!d->insertRun(db, schedule, t, origin, expectedStartMs, &inserted, e)) return false;
                created += inserted ? 1 : 0;
            }
            QSqlQuery q(db);
            q.prepare(
                QStringLiteral("UPDATE schedules SET last_fire_ms = max(last_fire_ms, ?) WHERE id = ?"));
            q.addBindValue(lastFireMs);
            q.addBindValue(schedule.id);
            return exec(q, e);
        },
        error);
    if (ok && created > 0) d->runs->notifyRunsChanged();  // runs browsers show what is coming
    return ok ? created : -1;
}

std::vector<qint64> ScheduleStore::fireTimesWithRuns(qint64 scheduleId, qint64 fromMs, qint64 toMs) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral(
        "SELECT fire_ms FROM flow_runs WHERE schedule_id = ? AND fire_ms BETWEEN ? AND ? ORDER BY fire_ms"));
    q.addBindValue(scheduleId);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    std::vector<qint64> times;
    if (!q.exec()) warnFailed("reading fire times", q);
    while (q.next()) times.push_back(q.value(0).toLongLong());
    return times;
}

std::vector<WaitingRun> ScheduleStore::waitingRuns(const QStringList &pools, qint64 dueBy, int limit) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM flow_runs r LEFT JOIN schedules s ON s.id = r.schedule_id"
                             " LEFT JOIN work_queues w ON w.pool = r.pool AND w.name = r.queue"
                             " WHERE r.state IN %2%3%4"
                             " ORDER BY coalesce(w.priority, 1), r.expected_start_ms, r.fire_ms LIMIT ?")
                  .arg(kWaitingColumns, kWaitingStates, poolFilter(pools),
                       dueBy > 0 ? kDueAndNotPaused : QString()));
    bindAll(q, pools);
    if (dueBy > 0) q.addBindValue(dueBy);
    q.addBindValue(limit);
    std::vector<WaitingRun> rows;
    if (!q.exec()) warnFailed("listing waiting runs", q);
    while (q.next()) rows.push_back(readWaiting(q));
    return rows;
}

std::vector<WaitingRun> ScheduleStore::overdueRuns(qint64 scheduleId, qint64 beforeMs) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM flow_runs r LEFT JOIN schedules s ON s.id = r.schedule_id"
                             " WHERE r.schedule_id = ? AND r.state IN %2 AND r.origin <> 'backfill'"
                             " AND r.fire_ms < ? ORDER BY r.fire_ms")
                  .arg(kWaitingColumns, kWaitingStates));
    q.addBindValue(scheduleId);
    q.addBindValue(beforeMs);
    std::vector<WaitingRun> rows;
    if (!q.exec()) warnFailed("listing overdue runs", q);
    while (q.next()) rows.push_back(readWaiting(q));
    return rows;
}

int ScheduleStore::deleteWaitingRuns(const QStringList &runIds) {
    if (runIds.isEmpty()) return 0;
    QSqlDatabase db = d->connection();
    int deleted = 0;
    d->write("deleting waiting runs", [&](QSqlError &e) {
        deleted = 0;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM flow_runs WHERE id = ? AND state IN %1").arg(kWaitingStates));
        for (const QString &id : runIds) {
            q.addBindValue(id);
            if (!exec(q, e)) return false;
            deleted += q.numRowsAffected();
        }
        return true;
    });
    if (deleted > 0) d->runs->notifyRunsChanged();
    return deleted;
}

int ScheduleStore::markCaughtUp(const QStringList &runIds) {
    if (runIds.isEmpty()) return 0;
    QSqlDatabase db = d->connection();
    int marked = 0;
    d->write("marking caught-up runs", [&](QSqlError &e) {
        marked = 0;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE flow_runs SET origin = 'catch-up' WHERE id = ? AND state IN %1")
                      .arg(kWaitingStates));
        for (const QString &id : runIds) {
            q.addBindValue(id);
            if (!exec(q, e)) return false;
            marked += q.numRowsAffected();
        }
        return true;
    });
    return marked;
}

qint64 ScheduleStore::nextExpectedStart(const QStringList &pools, qint64 afterMs) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT min(r.expected_start_ms) FROM flow_runs r WHERE r.state = 'Scheduled'"
                             " AND r.expected_start_ms > ?%1")
                  .arg(poolFilter(pools)));
    q.addBindValue(afterMs);
    bindAll(q, pools);
    if (!q.exec() || !q.next()) {
        warnFailed("finding the next start", q);
        return 0;
    }
    return q.value(0).toLongLong();
}

int ScheduleStore::markLate(const QStringList &pools, qint64 cutoffMs, const QString &message) {
    QSqlDatabase db = d->connection();
    int marked = 0;
    const qint64 now = nowMs();
    const QString where =
        QStringLiteral(" WHERE r.state = 'Scheduled' AND r.expected_start_ms < ?%1").arg(poolFilter(pools));
    {
        // Most wake-ups have nothing to mark: no write lock for them.
        QSqlQuery probe(db);
        probe.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM flow_runs r") + where + QLatin1Char(')'));
        probe.addBindValue(cutoffMs);
        bindAll(probe, pools);
        if (probe.exec() && probe.next() && !probe.value(0).toBool()) return 0;
    }
    d->write("marking late runs", [&](QSqlError &e) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO events(run_id, state, time_ms, message)"
                                 " SELECT r.id, 'Late', ?, ? FROM flow_runs r") +
                  where);
        q.addBindValue(now);
        q.addBindValue(message);
        q.addBindValue(cutoffMs);
        bindAll(q, pools);
        if (!exec(q, e)) return false;
        q.prepare(QStringLiteral("UPDATE flow_runs AS r SET state = 'Late'") + where);
        q.addBindValue(cutoffMs);
        bindAll(q, pools);
        if (!exec(q, e)) return false;
        marked = q.numRowsAffected();
        return true;
    });
    if (marked > 0) d->runs->notifyRunsChanged();
    return marked;
}

ClaimOutcome ScheduleStore::Private::whyNotClaimed(QSqlDatabase &db, const QString &runId, qint64 now,
                                                   QSqlError &error) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT r.state IN ('Scheduled','Late') AND r.cancel_requested_ms = 0, coalesce(s.collision, ''),"
        " coalesce(s.max_active_runs, 0), (SELECT count(*) FROM flow_runs a WHERE a.schedule_id = "
        "r.schedule_id"
        " AND a.state IN ('Pending','Running','Retrying','AwaitingRetry','Cancelling','Paused')), s.name"
        " FROM flow_runs r LEFT JOIN schedules s ON s.id = r.schedule_id WHERE r.id = ?"));
    q.addBindValue(runId);
    if (!exec(q, error)) return ClaimOutcome::Taken;
    if (!q.next() || !q.value(0).toBool()) return ClaimOutcome::Taken;
    const int maxActive = q.value(2).toInt();
    const bool full = maxActive > 0 && q.value(3).toInt() >= maxActive;
    if (!full || q.value(1).toString() != toString(Collision::CancelNew)) return ClaimOutcome::Blocked;
    const QString message =
        QStringLiteral(
            "cancelled: schedule %1 already has %2 active run(s) (max_active_runs %2, collision cancel-new)")
            .arg(q.value(4).toString())
            .arg(maxActive);
    q.finish();
    q.prepare(
        QStringLiteral("UPDATE flow_runs SET state = 'Cancelled', end_ms = ?, message = ?"
                       " WHERE id = ? AND state IN ('Scheduled','Late')"));
    q.addBindValue(now);
    q.addBindValue(message);
    q.addBindValue(runId);
    if (!exec(q, error)) return ClaimOutcome::Taken;
    if (q.numRowsAffected() != 1) return ClaimOutcome::Taken;
    q.prepare(
        QStringLiteral("INSERT INTO events(run_id, state, time_ms, message) VALUES(?, 'Cancelled', ?, ?)"));
    q.addBindValue(runId);
    q.addBindValue(now);
    q.addBindValue(message);
    exec(q, error);
    return ClaimOutcome::Cancelled;
}

ClaimOutcome ScheduleStore::claim(const QString &runId, const QString &claimer, qint64 now) {
    // One claim at a time per process, so that adopting and forgetting a run cannot interleave
    // between two schedulers of this process (a claim is one short transaction).
    static QMutex claimMutex;
    QMutexLocker claimLock(&claimMutex);
    d->runs->adoptRun(runId);  // before the row says it is ours, in case a liveness check looks
    QSqlDatabase db = d->connection();
    ClaimOutcome outcome = ClaimOutcome::Taken;
    const bool ok = d->write("claiming a run", [&](QSqlError &e) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE flow_runs SET state = 'Pending', claimed_by = ?, claimed_ms = ?,"
                                 " pid = ?, host = ?, heartbeat_ms = ?"
                                 " WHERE id = ? AND state IN ('Scheduled','Late') AND cancel_requested_ms = 0"
                                 " AND expected_start_ms <= ?") +
                  kClaimable);
        for (const QVariant &v :
             {QVariant(claimer), QVariant(now), QVariant(QCoreApplication::applicationPid()),
              QVariant(QSysInfo::machineHostName()), QVariant(now), QVariant(runId), QVariant(now)})
            q.addBindValue(v);
        if (!exec(q, e)) return false;
        if (q.numRowsAffected() != 1) {
            outcome = d->whyNotClaimed(db, runId, now, e);
            return !e.isValid();
        }
        outcome = ClaimOutcome::Claimed;
        q.prepare(
            QStringLiteral("INSERT INTO events(run_id, state, time_ms, message) VALUES(?, 'Pending', ?, ?)"));
        q.addBindValue(runId);
        q.addBindValue(now);
        q.addBindValue(QStringLiteral("claimed by %1").arg(claimer));
        return exec(q, e);
    });
    if (!ok) outcome = ClaimOutcome::Taken;
    if (outcome == ClaimOutcome::Claimed || outcome == ClaimOutcome::Cancelled) d->runs->notifyRunsChanged();
    // Another scheduler of this process may have won it: then it stays ours.
    if (outcome != ClaimOutcome::Claimed && !d->claimedHere(runId)) d->runs->adoptRun(runId, false);
    return outcome;
}

int ScheduleStore::activeRuns(qint64 scheduleId) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM flow_runs WHERE schedule_id = ? AND state IN %1")
                  .arg(kActiveStates));
    q.addBindValue(scheduleId);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

std::optional<ScheduleLastRun> ScheduleStore::lastRun(qint64 scheduleId) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT id, fire_ms, state FROM flow_runs WHERE schedule_id = ? AND state NOT IN %1"
                             " ORDER BY fire_ms DESC LIMIT 1")
                  .arg(kWaitingStates));
    q.addBindValue(scheduleId);
    if (!q.exec()) {
        warnFailed("reading a schedule's last run", q);
        return std::nullopt;
    }
    if (!q.next()) return std::nullopt;
    return ScheduleLastRun{q.value(0).toString(), q.value(1).toLongLong(),
                           runStateFromString(q.value(2).toString()).value_or(RunState::Pending)};
}

// ----- work pools and queues -----------------------------------------------------------------

bool ScheduleStore::savePool(const QString &name, std::optional<bool> paused,
                             std::optional<int> concurrencyLimit, bool *created) {
    if (!nameProblem(QStringLiteral("work pool name"), name).isEmpty()) return false;
    QSqlDatabase db = d->connection();
    return d->write("saving a work pool", [&](QSqlError &e) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO work_pools(name) VALUES(?)"));
        q.addBindValue(name);
        if (!exec(q, e)) return false;
        if (created) *created = q.numRowsAffected() == 1;
        if (!d->ensurePoolAndQueue(db, name, QStringLiteral("default"), e)) return false;
        q.prepare(
            QStringLiteral("UPDATE work_pools SET paused = coalesce(?, paused),"
                           " concurrency_limit = coalesce(?, concurrency_limit) WHERE name = ?"));
        q.addBindValue(paused ? QVariant(*paused) : QVariant(QMetaType::fromType<bool>()));
        q.addBindValue(concurrencyLimit ? QVariant(*concurrencyLimit) : QVariant(QMetaType::fromType<int>()));
        q.addBindValue(name);
        return exec(q, e);
    });
}

bool ScheduleStore::saveQueue(const QString &pool, const QString &name, std::optional<bool> paused,
                              std::optional<int> priority, std::optional<int> concurrencyLimit,
                              bool *created) {
    if (!nameProblem(QStringLiteral("work pool name"), pool).isEmpty() ||
        !nameProblem(QStringLiteral("queue name"), name).isEmpty())
        return false;
    QSqlDatabase db = d->connection();
    return d->write("saving a work queue", [&](QSqlError &e) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO work_queues(pool, name) VALUES(?, ?)"));
        q.addBindValue(pool);
        q.addBindValue(name);
        if (!exec(q, e)) return false;
        if (created) *created = q.numRowsAffected() == 1;
        if (!d->ensurePoolAndQueue(db, pool, name, e)) return false;
        q.prepare(QStringLiteral(
            "UPDATE work_queues SET paused = coalesce(?, paused),"
            " priority = coalesce(?, priority),"
            " concurrency_limit = coalesce(?, concurrency_limit) WHERE pool = ? AND name = ?"));
        q.addBindValue(paused ? QVariant(*paused) : QVariant(QMetaType::fromType<bool>()));
        q.addBindValue(priority ? QVariant(*priority) : QVariant(QMetaType::fromType<int>()));
        q.addBindValue(concurrencyLimit ? QVariant(*concurrencyLimit) : QVariant(QMetaType::fromType<int>()));
        q.addBindValue(pool);
        q.addBindValue(name);
        return exec(q, e);
    });
}

std::vector<WorkPoolRecord> ScheduleStore::pools() const {
    QSqlQuery q(d->connection());
    std::vector<WorkPoolRecord> rows;
    if (!q.exec(QStringLiteral("SELECT p.name, p.paused, p.concurrency_limit,"
                               " (SELECT count(*) FROM flow_runs r WHERE r.pool = p.name AND r.state IN %1),"
                               " (SELECT count(*) FROM flow_runs r WHERE r.pool = p.name AND r.state IN %2)"
                               " FROM work_pools p ORDER BY p.name")
                    .arg(kActiveStates, kWaitingStates)))
        warnFailed("listing pools", q);
    while (q.next())
        rows.push_back({q.value(0).toString(), q.value(1).toBool(), q.value(2).toInt(), q.value(3).toInt(),
                        q.value(4).toInt()});
    return rows;
}

std::vector<WorkQueueRecord> ScheduleStore::queues(const QString &pool) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT w.pool, w.name, w.priority, w.concurrency_limit, w.paused,"
                             " (SELECT count(*) FROM flow_runs r WHERE r.pool = w.pool AND r.queue = w.name"
                             "  AND r.state IN %1),"
                             " (SELECT count(*) FROM flow_runs r WHERE r.pool = w.pool AND r.queue = w.name"
                             "  AND r.state IN %2)"
                             " FROM work_queues w%3 ORDER BY w.pool, w.priority, w.name")
                  .arg(kActiveStates, kWaitingStates,
                       pool.isEmpty() ? QString() : QStringLiteral(" WHERE w.pool = ?")));
    if (!pool.isEmpty()) q.addBindValue(pool);
    std::vector<WorkQueueRecord> rows;
    if (!q.exec()) warnFailed("listing queues", q);
    while (q.next())
        rows.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt(),
                        q.value(4).toBool(), q.value(5).toInt(), q.value(6).toInt()});
    return rows;
}

bool ScheduleStore::hasPool(const QString &name) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT 1 FROM work_pools WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}

QStringList ScheduleStore::poolNames() const {
    QStringList names;
    for (const WorkPoolRecord &p : pools()) names << p.name;
    return names;
}

bool ScheduleStore::hasQueue(const QString &pool, const QString &name) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT 1 FROM work_queues WHERE pool = ? AND name = ?"));
    q.addBindValue(pool);
    q.addBindValue(name);
    return q.exec() && q.next();
}

}  // namespace flowdeck
