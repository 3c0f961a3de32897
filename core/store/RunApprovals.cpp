// The run store's approvals: what `flowdeck-cli runs resume` (or a GUI form) gives an approval
// task, kept until the process running the run takes it.

#include "store/RunStorePrivate.h"

namespace flowdeck {

QStringList RunStore::waitingApprovals(const QString &runId) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT task FROM task_runs WHERE run_id = ? AND map_index = -1 AND state = 'Paused'"
                             " ORDER BY start_ms, task"));
    q.addBindValue(runId);
    QStringList tasks;
    if (!q.exec()) warnFailed("reading waiting approvals", q);
    while (q.next()) tasks << q.value(0).toString();
    return tasks;
}

bool RunStore::approve(const QString &runId, const QString &task, const QVariantMap &values, QString *error) {
    flush();  // the Paused state may still be in this process's queue
    QSqlDatabase db = d->connection();
    bool waiting = false;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &e) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT count(*) FROM flow_runs r JOIN task_runs t ON t.run_id = r.id"
                                     " WHERE r.id = ? AND r.state = 'Paused' AND t.task = ? AND t.map_index = -1"
                                     " AND t.state = 'Paused'"));
            q.addBindValue(runId);
            q.addBindValue(task);
            if (!execPrepared(q, e)) return false;
            waiting = q.next() && q.value(0).toInt() == 1;
            q.finish();
            if (!waiting) return true;
            q.prepare(QStringLiteral("INSERT INTO approvals(run_id, task, inputs, given_ms) VALUES(?, ?, ?, ?)"
                                     " ON CONFLICT(run_id, task) DO UPDATE SET inputs = excluded.inputs,"
                                     " given_ms = excluded.given_ms, taken_ms = 0"));
            q.addBindValue(runId);
            q.addBindValue(task);
            q.addBindValue(jsonParam(values.isEmpty() ? QVariant(QVariantMap()) : QVariant(values)));
            q.addBindValue(nowMs());
            return execPrepared(q, e);
        },
        &why);
    if (!ok) {
        if (error) *error = QStringLiteral("cannot record the approval of %1: %2").arg(task, why);
        return false;
    }
    if (!waiting) {
        if (error) *error = QStringLiteral("task '%1' of run %2 does not wait for an approval").arg(task, runId);
        return false;
    }
    qCInfo(lcRunStore).noquote() << QStringLiteral("run store: task %1 of run %2 approved").arg(task, runId);
    d->touch(d->approvalsFile);
    return true;
}

std::optional<QVariantMap> RunStore::takeApproval(const QString &runId, const QString &task) {
    QSqlDatabase db = d->connection();
    std::optional<QVariantMap> values;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &e) {
            values.reset();
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT inputs FROM approvals WHERE run_id = ? AND task = ? AND taken_ms = 0"));
            q.addBindValue(runId);
            q.addBindValue(task);
            if (!execPrepared(q, e)) return false;
            if (!q.next()) return true;
            values = jsonColumn(q.value(0)).toMap();
            q.finish();
            q.prepare(QStringLiteral("UPDATE approvals SET taken_ms = ? WHERE run_id = ? AND task = ?"));
            q.addBindValue(nowMs());
            q.addBindValue(runId);
            q.addBindValue(task);
            return execPrepared(q, e);
        },
        &why);
    if (!ok) {
        qCWarning(lcRunStore).noquote() << "run store: taking the approval of" << task << "failed:" << why;
        return std::nullopt;
    }
    return values;
}

QMetaObject::Connection RunStore::onApprovalGiven(QObject *context, std::function<void()> check) {
    return connect(this, &RunStore::approvalGiven, context, std::move(check));
}

}  // namespace flowdeck
