#pragma once
/// @file A read-only statement on a QSQLITE connection's own sqlite3 handle, for reads of
/// thousands of rows: QSqlQuery's QVariant per value and its row cache made reading the 10,000
/// task runs of a run cost about 11,000 instructions a row (callgrind, `runs show --json`).

#include <QSqlDatabase>
#include <QString>

struct sqlite3_stmt;

namespace flowdeck {

class SqliteRows {
public:
    /// Prepares @p sql on @p db's handle; check ok() (a failure is logged with @p what).
    SqliteRows(const QSqlDatabase &db, const char *sql, const char *what);
    ~SqliteRows();
    SqliteRows(const SqliteRows &) = delete;
    SqliteRows &operator=(const SqliteRows &) = delete;

    bool ok() const { return m_statement != nullptr; }
    /// Binds @p text to parameter @p index (1-based).
    SqliteRows &bind(int index, const QString &text);
    /// Steps to the next row; false at the end or on an error (logged).
    bool next();

    // Columns of the current row, 0-based.
    QString text(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt *m_statement = nullptr;
    const char *m_what;
};

}  // namespace flowdeck
