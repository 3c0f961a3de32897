// The run store's log readers: by id (follow), by line number (a lazy view of a million lines),
// counts, and full-text search (FTS5) with context lines.

#include "store/RunStorePrivate.h"

#include <QRegularExpression>

namespace flowdeck {

namespace {

/// The user's words as an FTS5 query: each word quoted (so `-`, `:` or `AND` in a log search
/// are text, not syntax), a trailing `*` kept as a prefix match, "phrases" kept whole.
QString ftsQuery(const QString &text) {
    static const QRegularExpression token(QStringLiteral("\"([^\"]*)\"|(\\S+)"));
    QStringList terms;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString word = m.hasCaptured(1) && !m.captured(1).isNull() ? m.captured(1) : m.captured(2);
        const bool prefix = m.captured(1).isNull() && word.endsWith(QLatin1Char('*')) && word.size() > 1;
        if (prefix) word.chop(1);
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        if (word.trimmed().isEmpty()) continue;
        terms << QLatin1Char('"') + word + QLatin1Char('"') + (prefix ? QStringLiteral("*") : QString());
    }
    return terms.join(QLatin1Char(' '));
}

}  // namespace

std::vector<StoredLogLine> RunStore::logs(const QString &runId, const LogQuery &query) const {
    QString sql = QStringLiteral("SELECT %1 FROM logs WHERE run_id = :run AND id > :after AND level >= :level")
                      .arg(kLogColumns);
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
    while (q.next()) rows.push_back(readLogLine(q, runId));
    return rows;
}

std::vector<StoredLogLine> RunStore::logLines(const QString &runId, qint64 first, int count) const {
    std::vector<StoredLogLine> rows;
    if (count <= 0) return rows;
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM logs WHERE run_id = ? AND seq >= ? AND seq < ? ORDER BY seq")
                  .arg(kLogColumns));
    q.addBindValue(runId);
    q.addBindValue(std::max<qint64>(1, first));
    q.addBindValue(std::max<qint64>(1, first) + count);
    if (!q.exec()) warnFailed("reading log lines", q);
    rows.reserve(size_t(count));
    while (q.next()) rows.push_back(readLogLine(q, runId));
    return rows;
}

qint64 RunStore::logLineCount(const QString &runId) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT coalesce(max(seq), 0) FROM logs WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec() || !q.next()) {
        warnFailed("counting log lines", q);
        return 0;
    }
    return q.value(0).toLongLong();
}

qint64 RunStore::countLogs(const QString &runId, const LogQuery &query) const {
    QString sql = QStringLiteral("SELECT count(*) FROM logs WHERE run_id = :run AND level >= :level");
    if (!query.task.isEmpty()) sql += QStringLiteral(" AND task = :task");
    QSqlQuery q(d->connection());
    q.prepare(sql);
    q.bindValue(QStringLiteral(":run"), runId);
    q.bindValue(QStringLiteral(":level"), int(query.minLevel));
    if (!query.task.isEmpty()) q.bindValue(QStringLiteral(":task"), query.task);
    if (!q.exec() || !q.next()) {
        warnFailed("counting logs", q);
        return 0;
    }
    return q.value(0).toLongLong();
}

LogSearchResult RunStore::searchLogs(const QString &runId, const LogSearch &search) const {
    LogSearchResult result;
    const QString match = ftsQuery(search.text);
    if (match.isEmpty()) return result;
    QSqlDatabase db = d->connection();
    QSqlQuery q(db);
    // The run's lines lie between its first and last id: FTS5 takes a rowid range as a bound on
    // its doclists, so a common word costs the lines of this run, not of the whole database.
    // Two subqueries: SQLite answers a lone min() or max() from the index's ends, both at once
    // by reading all of the run's entries.
    q.prepare(QStringLiteral("SELECT (SELECT min(id) FROM logs WHERE run_id = ?),"
                             " (SELECT max(id) FROM logs WHERE run_id = ?)"));
    q.addBindValue(runId);
    q.addBindValue(runId);
    if (!q.exec() || !q.next() || q.value(0).isNull()) return result;
    const qint64 low = std::max(q.value(0).toLongLong(), search.afterId + 1);
    const qint64 high = q.value(1).toLongLong();
    q.finish();
    const int limit = search.limit > 0 ? search.limit : 200;
    // CROSS JOIN keeps the index outside: hits come in rowid order, and the limit stops the scan.
    QString sql = QStringLiteral(
                      "SELECT l.id, l.task, l.map_index, l.attempt, l.time_ms, l.stream, l.level, l.text, l.seq"
                      " FROM logs_fts f CROSS JOIN logs l ON l.id = f.rowid"
                      " WHERE logs_fts MATCH :match AND f.rowid >= :low AND f.rowid <= :high"
                      " AND l.run_id = :run AND l.level >= :level");
    if (!search.task.isEmpty()) sql += QStringLiteral(" AND l.task = :task");
    sql += QStringLiteral(" ORDER BY f.rowid LIMIT :limit");
    q.prepare(sql);
    q.bindValue(QStringLiteral(":match"), match);
    q.bindValue(QStringLiteral(":low"), low);
    q.bindValue(QStringLiteral(":high"), high);
    q.bindValue(QStringLiteral(":run"), runId);
    q.bindValue(QStringLiteral(":level"), int(search.minLevel));
    if (!search.task.isEmpty()) q.bindValue(QStringLiteral(":task"), search.task);
    q.bindValue(QStringLiteral(":limit"), limit + 1);  // one more says whether there are more
    if (!q.exec()) {
        result.error = QStringLiteral("cannot search for '%1': %2").arg(search.text, q.lastError().databaseText());
        return result;
    }
    while (q.next()) {
        if (int(result.hits.size()) == limit) {
            result.more = true;
            break;
        }
        LogHit hit;
        hit.line = readLogLine(q, runId);
        result.hits.push_back(std::move(hit));
    }
    q.finish();
    if (search.context <= 0) return result;
    // Context by line number: the same lines a log view shows around the hit.
    for (LogHit &hit : result.hits) {
        const qint64 seq = hit.line.seq;
        for (StoredLogLine &line : logLines(runId, seq - search.context, search.context))
            if (line.seq < seq) hit.before.push_back(std::move(line));
        hit.after = logLines(runId, seq + 1, search.context);
    }
    return result;
}

std::vector<StoredRunEvent> RunStore::events(const QString &runId, qint64 afterId, int limit) const {
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT id, task, map_index, attempt, state, time_ms, message FROM events"
                             " WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?"));
    q.addBindValue(runId);
    q.addBindValue(afterId);
    q.addBindValue(limit > 0 ? limit : -1);
    std::vector<StoredRunEvent> rows;
    if (!q.exec()) warnFailed("reading events", q);
    while (q.next()) {
        StoredRunEvent s;
        s.id = q.value(0).toLongLong();
        s.event.runId = runId;
        s.event.task = q.value(1).toString();
        s.event.mapIndex = q.value(2).toInt();
        s.event.attempt = q.value(3).toInt();
        s.event.state = stateFrom(q.value(4));
        s.event.timeMs = q.value(5).toLongLong();
        s.event.message = q.value(6).toString();
        rows.push_back(std::move(s));
    }
    return rows;
}

std::vector<StoredSample> RunStore::metricSamples(const QString &runId, qint64 afterId, int limit,
                                                  const QString &task) const {
    QString sql = QStringLiteral(
        "SELECT id, task, map_index, attempt, time_ms, rss_bytes, cpu_seconds FROM metric_samples"
        " WHERE run_id = :run AND id > :after");
    if (!task.isEmpty()) sql += QStringLiteral(" AND task = :task");
    sql += QStringLiteral(" ORDER BY id LIMIT :limit");
    QSqlQuery q(d->connection());
    q.prepare(sql);
    q.bindValue(QStringLiteral(":run"), runId);
    q.bindValue(QStringLiteral(":after"), afterId);
    if (!task.isEmpty()) q.bindValue(QStringLiteral(":task"), task);
    q.bindValue(QStringLiteral(":limit"), limit > 0 ? limit : -1);
    std::vector<StoredSample> rows;
    if (!q.exec()) warnFailed("reading metric samples", q);
    while (q.next()) {
        StoredSample s;
        s.id = q.value(0).toLongLong();
        s.sample.runId = runId;
        s.sample.task = q.value(1).toString();
        s.sample.mapIndex = q.value(2).toInt();
        s.sample.attempt = q.value(3).toInt();
        s.sample.timeMs = q.value(4).toLongLong();
        s.sample.rssBytes = q.value(5).toLongLong();
        s.sample.cpuSeconds = q.value(6).toDouble();
        rows.push_back(std::move(s));
    }
    return rows;
}

}  // namespace flowdeck
