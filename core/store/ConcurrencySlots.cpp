// The run store's concurrency limits and slots, shared by every process on the database.

#include "store/RunStorePrivate.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace flowdeck {

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

QMetaObject::Connection RunStore::onSlotsReleased(QObject *context, std::function<void()> wake) {
    return connect(this, &RunStore::slotsReleased, context, std::move(wake));
}

}  // namespace flowdeck
