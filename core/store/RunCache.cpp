// The run store's result cache.

#include "store/RunStorePrivate.h"

namespace flowdeck {

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

}  // namespace flowdeck
