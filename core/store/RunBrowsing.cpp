// The run store's browsing queries: pages of runs with a keyset cursor, counts, flow names.
// Every filter and sort has an index (schema version 5), so a page and a count stay in
// milliseconds at 100,000 runs.

#include "store/RunStorePrivate.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace flowdeck {

namespace {

/// A WHERE clause with its bound values.
struct Where {
    QStringList clauses;
    QVariantList values;  ///< in the order of the clauses' '?'

    void add(const QString &clause, const QVariantList &bound = {}) {
        clauses << clause;
        values << bound;
    }
    QString sql() const {
        return clauses.isEmpty() ? QString() : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
    }
};

QString placeholders(qsizetype count) {
    return QStringList(count, QStringLiteral("?")).join(QLatin1Char(','));
}

/// A LIKE pattern that finds @p word anywhere, with LIKE's own characters taken literally.
QString containsPattern(QString word) {
    word.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    word.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    word.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + word + QLatin1Char('%');
}

Where whereOf(const RunQuery &query, bool withStates) {
    Where w;
    if (!query.flows.isEmpty()) {
        QVariantList names;
        for (const QString &flow : query.flows) names << flow;
        w.add(QStringLiteral("flow_name IN (%1)").arg(placeholders(names.size())), names);
    }
    if (withStates && !query.states.isEmpty()) {
        QVariantList names;
        for (RunState state : query.states) names << toString(state);
        w.add(QStringLiteral("state IN (%1)").arg(placeholders(names.size())), names);
    }
    if (!query.triggers.isEmpty()) {
        QVariantList names;
        for (const QString &trigger : query.triggers) names << trigger;
        w.add(QStringLiteral("run_trigger IN (%1)").arg(placeholders(names.size())), names);
    }
    if (query.fromMs > 0) w.add(QStringLiteral("created_ms >= ?"), {query.fromMs});
    if (query.toMs > 0) w.add(QStringLiteral("created_ms < ?"), {query.toMs});
    if (query.topLevelOnly) w.add(QStringLiteral("parent_run_id = ''"));
    if (!query.parentRunId.isEmpty()) w.add(QStringLiteral("parent_run_id = ?"), {query.parentRunId});
    for (const QString &word : query.text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString pattern = containsPattern(word);
        QStringList any;
        QVariantList bound;
        for (const char *column : {"flow_name", "id", "tags", "parameters", "deployment", "message"}) {
            any << QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(QLatin1String(column));
            bound << pattern;
        }
        w.add(QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')'), bound);
    }
    return w;
}

/// The sort's columns, most significant first; the row id breaks the last ties.
QStringList sortColumns(RunSort sort) {
    switch (sort) {
        case RunSort::Created: return {QStringLiteral("created_ms")};
        case RunSort::Started: return {QStringLiteral("start_ms")};
        case RunSort::Ended: return {QStringLiteral("end_ms")};
        case RunSort::Duration: return {QStringLiteral("(end_ms - start_ms)")};  // the index's expression
        case RunSort::Flow: return {QStringLiteral("flow_name"), QStringLiteral("created_ms")};
        case RunSort::State: return {QStringLiteral("state"), QStringLiteral("created_ms")};
    }
    return {QStringLiteral("created_ms")};
}

/// The sort values of a row, as sortColumns() lists them.
QVariantList sortKey(RunSort sort, const FlowRunRecord &r) {
    switch (sort) {
        case RunSort::Created: return {r.createdMs};
        case RunSort::Started: return {r.startMs};
        case RunSort::Ended: return {r.endMs};
        case RunSort::Duration: return {r.endMs - r.startMs};
        case RunSort::Flow: return {r.flowName, r.createdMs};
        case RunSort::State: return {toString(r.state), r.createdMs};
    }
    return {r.createdMs};
}

}  // namespace

QString RunCursor::toText() const {
    QJsonArray array = QJsonArray::fromVariantList(key);
    array.append(row);
    return QString::fromLatin1(QJsonDocument(array).toJson(QJsonDocument::Compact).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<RunCursor> RunCursor::fromText(const QString &text) {
    const QByteArray json = QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isArray() || doc.array().size() < 2 || !doc.array().last().isDouble()) return std::nullopt;
    RunCursor cursor;
    QJsonArray array = doc.array();
    cursor.row = qint64(array.last().toDouble());
    array.removeLast();
    for (const QJsonValue &v : array)
        cursor.key << (v.isDouble() ? QVariant(qint64(v.toDouble())) : QVariant(v.toString()));
    if (cursor.row <= 0) return std::nullopt;
    return cursor;
}

RunPage RunStore::runsPage(const RunQuery &query, const RunCursor &after) const {
    Where where = whereOf(query, true);
    const QStringList columns = sortColumns(query.sort);
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    if (!after.isStart() && after.key.size() == columns.size()) {
        // Keyset paging: the rows past the last one shown, in the same order.
        QVariantList bound = after.key;
        bound << after.row;
        where.add(QStringLiteral("(%1, rowid) %2 (%3)")
                      .arg(columns.join(QStringLiteral(", ")), query.descending ? QStringLiteral("<") : QStringLiteral(">"),
                           placeholders(bound.size())),
                  bound);
    }
    QStringList order;
    for (const QString &column : columns) order << column + direction;
    order << QStringLiteral("rowid") + direction;
    const int limit = query.limit > 0 ? query.limit : 100;
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT %1, rowid FROM flow_runs%2 ORDER BY %3 LIMIT %4")
                  .arg(kRunColumns, where.sql(), order.join(QStringLiteral(", ")))
                  .arg(limit + 1));
    for (const QVariant &v : where.values) q.addBindValue(v);
    RunPage page;
    if (!q.exec()) warnFailed("reading a page of runs", q);
    qint64 lastRow = 0;
    while (q.next()) {
        if (int(page.runs.size()) == limit) {
            page.atEnd = false;
            break;
        }
        page.runs.push_back(readRun(q, false));
        lastRow = q.value(kRunColumnCount).toLongLong();
    }
    if (!page.runs.empty()) {
        page.next.key = sortKey(query.sort, page.runs.back());
        page.next.row = lastRow;
    } else {
        page.next = after;
    }
    return page;
}

int RunStore::countRuns(const RunQuery &query) const {
    const Where where = whereOf(query, true);
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM flow_runs%1").arg(where.sql()));
    for (const QVariant &v : where.values) q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        warnFailed("counting runs", q);
        return 0;
    }
    return q.value(0).toInt();
}

QMap<RunState, int> RunStore::countRunsByState(const RunQuery &query) const {
    const Where where = whereOf(query, false);
    QSqlQuery q(d->connection());
    q.prepare(QStringLiteral("SELECT state, count(*) FROM flow_runs%1 GROUP BY state").arg(where.sql()));
    for (const QVariant &v : where.values) q.addBindValue(v);
    QMap<RunState, int> counts;
    if (!q.exec()) warnFailed("counting runs by state", q);
    while (q.next()) counts.insert(stateFrom(q.value(0)), q.value(1).toInt());
    return counts;
}

QStringList RunStore::flowNames() const {
    QSqlQuery q(d->connection());
    QStringList names;
    // The flow index gives the distinct names without reading the rows.
    if (!q.exec(QStringLiteral("SELECT DISTINCT flow_name FROM flow_runs ORDER BY flow_name")))
        warnFailed("listing flow names", q);
    while (q.next()) names << q.value(0).toString();
    return names;
}

}  // namespace flowdeck
