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
    }
    return removed;
}

}  // namespace flowdeck
