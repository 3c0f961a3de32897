#pragma once
// Fills a run database with @p count finished runs through the sqlite3 C API, for tests and
// benchmarks of browsing at scale (100,000 runs): ids bulk-000000000000 up (the newest last),
// 20 flows, states in the ratio 3 Completed : 1 Failed : 1 Cancelled, one second apart.

#include "store/RunStore.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace flowdeck::test {

/// False, with @p error, when the file cannot be made; the schema is RunStore's own.
inline bool writeBulkRuns(const QString &db, int count, qint64 nowMs, QString *error) {
    if (!RunStore::open(db, error)) return false;  // the real schema and indexes
    sqlite3 *handle = nullptr;
    if (sqlite3_open(qPrintable(db), &handle) != SQLITE_OK) {
        *error = QStringLiteral("cannot open %1").arg(db);
        return false;
    }
    sqlite3_exec(handle, "PRAGMA synchronous = OFF; BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(handle,
                       "INSERT INTO flow_runs(id, flow_name, flow_path, parameters, state, created_ms,"
                       " start_ms, end_ms, task_count, run_trigger, tags, host, pid)"
                       " VALUES(?1, ?2, '', '{}', ?3, ?4, ?4, ?5, 3, ?6, '[]', 'test', 1)",
                       -1, &insert, nullptr);
    const char *const states[] = {"Completed", "Completed", "Failed", "Cancelled", "Completed"};
    bool ok = insert != nullptr;
    for (int i = 0; ok && i < count; ++i) {
        const QByteArray id = QByteArray::number(i).rightJustified(12, '0').prepend("bulk-");
        const QByteArray flow = "flow-" + QByteArray::number(i % 20);
        const qint64 created = nowMs - qint64(count - i) * 1000;
        sqlite3_bind_text(insert, 1, id.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, flow.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, states[i % 5], -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 4, created);
        sqlite3_bind_int64(insert, 5, created + (i % 97) * 10);
        sqlite3_bind_text(insert, 6, i % 3 ? "manual" : "schedule", -1, SQLITE_STATIC);
        ok = sqlite3_step(insert) == SQLITE_DONE;
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    ok = ok && sqlite3_exec(handle, "COMMIT; ANALYZE", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(handle);
    if (!ok) *error = QStringLiteral("cannot fill %1").arg(db);
    return ok;
}

}  // namespace flowdeck::test
