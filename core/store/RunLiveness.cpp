// The run store's liveness: crashed runs, cancel requests, and the runs this process created.

#include "store/RunStorePrivate.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace flowdeck {

namespace {

QMutex g_createdMutex;
QSet<QString> &createdHere() {
    static QSet<QString> ids;
    return ids;
}

}  // namespace

bool wasCreatedHere(const QString &runId) {
    QMutexLocker lock(&g_createdMutex);
    return createdHere().contains(runId);
}

bool rememberCreatedHere(const QString &runId) {
    QMutexLocker lock(&g_createdMutex);
    const bool added = !createdHere().contains(runId);
    createdHere().insert(runId);
    return added;
}

void forgetCreatedHere(const QString &runId) {
    QMutexLocker lock(&g_createdMutex);
    createdHere().remove(runId);
}

/// A process that started after the run did only has its pid: the pid was reused (after a
/// reboot, say).
bool isOwnerAlive(const QString &runId, qint64 pid, qint64 runStartMs) {
    if (pid == QCoreApplication::applicationPid()) return wasCreatedHere(runId);
    if (!isProcessAlive(pid)) return false;
    const qint64 started = processStartMs(pid);
    const qint64 toleranceMs = 2000;  // clock ticks and boot time are coarse
    return runStartMs <= 0 || started <= 0 || started <= runStartMs + toleranceMs;
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
    if (!marked.isEmpty()) {
        d->notifySlotsReleased();
        d->notifyRunsChanged();
    }
    return marked;
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
    if (ownerless) d->notifyRunsChanged();
    return true;
}

QMetaObject::Connection RunStore::onCancelRequested(QObject *context,
                                                   std::function<void(const QString &runId)> cancel) {
    return connect(this, &RunStore::cancelRequested, context, std::move(cancel));
}

bool RunStore::isCancelRequested(const QString &runId) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT cancel_requested_ms > 0 FROM flow_runs WHERE id = ?"));
    q.addBindValue(runId);
    return q.exec() && q.next() && q.value(0).toBool();
}

}  // namespace flowdeck
