// The run store's retention: pruning old runs and giving the space back.

#include "store/RunStorePrivate.h"

#include <sqlite3.h>

namespace flowdeck {

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
        d->notifyRunsChanged();
    }
    return removed;
}

int RunStore::deleteRuns(const QStringList &runIds) {
    if (runIds.isEmpty()) return 0;
    flush();  // queued events of a run must not arrive after its rows are gone
    QSqlDatabase db = d->connection();
    int removed = 0;
    QString why;
    const bool ok = runWriteTransaction(
        db,
        [&](QSqlError &error) {
            removed = 0;
            // A run and its subflow runs, at any depth, as long as each has finished.
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                          "WITH RECURSIVE doomed(id) AS (SELECT id FROM flow_runs WHERE id = :run AND state IN %1"
                          " UNION SELECT r.id FROM flow_runs r JOIN doomed ON r.parent_run_id = doomed.id"
                          " WHERE r.state IN %1) SELECT id FROM doomed")
                          .arg(stateList(kFinalStates)));
            QStringList doomed;
            for (const QString &id : runIds) {
                q.bindValue(QStringLiteral(":run"), id);
                if (!execPrepared(q, error)) return false;
                while (q.next()) doomed << q.value(0).toString();
            }
            doomed.removeDuplicates();
            q.finish();
            // As pruning does: the cache entries they produced go too; the rest by ON DELETE CASCADE.
            for (const char *sql : {"DELETE FROM cache_entries WHERE run_id = ?", "DELETE FROM flow_runs WHERE id = ?"}) {
                q.prepare(QString::fromLatin1(sql));
                for (const QString &id : doomed) {
                    q.addBindValue(id);
                    if (!execPrepared(q, error)) return false;
                }
            }
            removed = int(doomed.size());
            return true;
        },
        &why);
    if (!ok) {
        qCWarning(lcRunStore).noquote() << "run store: deleting runs failed:" << why;
        return 0;
    }
    if (removed > 0) {
        qCInfo(lcRunStore).noquote() << QStringLiteral("run store: deleted %1 run(s) on request").arg(removed);
        d->notifyRunsChanged();
    }
    return removed;
}

}  // namespace flowdeck
