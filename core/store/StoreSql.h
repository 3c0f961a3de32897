#pragma once
/// @file Small Qt Sql helpers shared by the run store's files: connections, write transactions
/// that survive other processes holding the lock, JSON columns, process liveness.

#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <functional>

struct sqlite3;

namespace flowdeck {

Q_DECLARE_LOGGING_CATEGORY(lcRunStore)

/// How long one statement waits for another process's lock before SQLite gives up.
constexpr int kBusyTimeoutMs = 10000;

/// Opens a QSQLITE connection named @p name on @p path with the per-connection settings every
/// store connection needs (busy_timeout, foreign_keys, synchronous=NORMAL). The connection
/// belongs to the calling thread. Returns an invalid database and sets @p error on failure.
QSqlDatabase openStoreConnection(const QString &name, const QString &path, QString *error);

/// One connection per thread to one database file, each opened on first use by its thread with
/// openStoreConnection(), all closed with this object. Names never repeat: a thread serial and
/// a serial per object, so no later thread or store takes over a connection.
class ThreadConnections {
public:
    /// Connection names start "flowdeck-KIND-N-".
    ThreadConnections(const QString &kind, const QString &path);
    ~ThreadConnections();
    ThreadConnections(const ThreadConnections &) = delete;
    ThreadConnections &operator=(const ThreadConnections &) = delete;

    /// The calling thread's connection; invalid, with @p error, when it cannot be opened.
    QSqlDatabase get(QString *error);
    /// The common start of the names, for connections kept apart (the writer's).
    QString prefix() const { return m_prefix; }

private:
    QString m_path;
    QString m_prefix;
    QMutex m_mutex;
    QStringList m_names;
};

/// The sqlite3 handle under a QSQLITE connection (same library: Qt's plugin links the system one).
sqlite3 *sqliteHandle(const QSqlDatabase &db);

/// SQLITE_BUSY or SQLITE_LOCKED: another connection holds the lock; the work can be retried.
bool isBusyError(const QSqlError &error);
/// SQLITE_NOTADB: the file is not an SQLite database.
bool isNotADatabaseError(const QSqlError &error);

/// Runs @p body between BEGIN IMMEDIATE and COMMIT. When the lock stays busy beyond the busy
/// timeout, the whole transaction is rolled back and tried again (up to about a minute).
/// @p body returns false to roll back; it sets its QSqlError when a statement failed (busy
/// errors are retried, others end the transaction). Returns true when committed.
using TransactionBody = std::function<bool(QSqlError &error)>;
bool runWriteTransaction(QSqlDatabase &db, const TransactionBody &body, QString *error);

/// Runs one statement without bound values; on failure sets @p error and returns false.
bool execSql(QSqlDatabase &db, const QString &sql, QSqlError &error);

/// JSON text of any JSON-compatible value (objects, arrays and scalars alike); a null
/// QByteArray for an invalid QVariant, so the column stays NULL.
QByteArray variantToJson(const QVariant &value);
/// The value back; an invalid QVariant for NULL or unparsable text.
QVariant jsonToVariant(const QByteArray &json);

/// True when @p pid runs on this machine and is not a zombie.
bool isProcessAlive(qint64 pid);
/// When process @p pid started, in ms since the epoch (from /proc); 0 when unknown.
qint64 processStartMs(qint64 pid);

qint64 nowMs();

}  // namespace flowdeck
