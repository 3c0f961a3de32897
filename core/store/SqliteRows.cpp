#include "SqliteRows.h"

#include "StoreSql.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace flowdeck {

SqliteRows::SqliteRows(const QSqlDatabase &db, const char *sql, const char *what) : m_what(what) {
    sqlite3 *handle = sqliteHandle(db);
    if (!handle) {
        spdlog::warn("run store: {}: no SQLite connection", what);
        return;
    }
    if (sqlite3_prepare_v2(handle, sql, -1, &m_statement, nullptr) != SQLITE_OK) {
        spdlog::warn("run store: {}: {}", what, sqlite3_errmsg(handle));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteRows::~SqliteRows() { sqlite3_finalize(m_statement); }

SqliteRows &SqliteRows::bind(int index, const QString &text) {
    if (!m_statement) return *this;
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

bool SqliteRows::next() {
    if (!m_statement) return false;
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) spdlog::warn("run store: {}: {}", m_what, sqlite3_errmsg(sqlite3_db_handle(m_statement)));
    return false;
}

QString SqliteRows::text(int column) const {
    const auto *chars = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return chars ? QString::fromUtf8(chars, sqlite3_column_bytes(m_statement, column)) : QString();
}

qint64 SqliteRows::integer(int column) const { return sqlite3_column_int64(m_statement, column); }

double SqliteRows::real(int column) const { return sqlite3_column_double(m_statement, column); }

bool SqliteRows::isNull(int column) const { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }

}  // namespace flowdeck
