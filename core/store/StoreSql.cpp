#include "store/StoreSql.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

#include <sys/types.h>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace flowdeck {

Q_LOGGING_CATEGORY(lcRunStore, "flowdeck.store")

namespace {

// Each busy wait already lasted kBusyTimeoutMs inside SQLite; a few more rounds cover a long
// VACUUM or checkpoint in another process without failing the caller.
constexpr int kMaxBusyRetries = 6;

int sqliteCode(const QSqlError &error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;  // primary code, even if extended codes were on
}

bool configure(QSqlDatabase &db, QString *error) {
    const QStringList pragmas = {
        QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        // In WAL mode NORMAL keeps the database consistent on power loss and only risks the
        // last commits, at a fraction of FULL's fsync cost.
        QStringLiteral("PRAGMA synchronous = NORMAL"),
    };
    for (const QString &sql : pragmas) {
        QSqlError sqlError;
        if (!execSql(db, sql, sqlError)) {
            if (error) *error = sqlError.text();
            return false;
        }
    }
    return true;
}

}  // namespace

namespace {

std::atomic<quint64> g_nextConnectionsSerial{1};
std::atomic<quint64> g_nextThreadSerial{1};

/// Never reused, unlike thread ids or QThread addresses.
quint64 threadSerial() {
    thread_local const quint64 serial = g_nextThreadSerial++;
    return serial;
}

}  // namespace

ThreadConnections::ThreadConnections(const QString &kind, const QString &path)
    : m_path(path), m_prefix(QStringLiteral("flowdeck-%1-%2-").arg(kind).arg(g_nextConnectionsSerial++)) {}

ThreadConnections::~ThreadConnections() {
    QStringList names;
    {
        QMutexLocker lock(&m_mutex);
        names = m_names;
    }
    for (const QString &name : names) QSqlDatabase::removeDatabase(name);
}

QSqlDatabase ThreadConnections::get(QString *error) {
    const QString name = m_prefix + QString::number(threadSerial());
    if (QSqlDatabase::contains(name)) return QSqlDatabase::database(name, false);
    QSqlDatabase db = openStoreConnection(name, m_path, error);
    if (!db.isValid()) return db;
    QMutexLocker lock(&m_mutex);
    m_names << name;
    return db;
}

QSqlDatabase openStoreConnection(const QString &name, const QString &path, QString *error) {
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open()) {
            if (error) *error = db.lastError().text();
        } else if (configure(db, error)) {
            return db;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return QSqlDatabase();
}

sqlite3 *sqliteHandle(const QSqlDatabase &db) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool isBusyError(const QSqlError &error) {
    const int code = sqliteCode(error);
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

bool isNotADatabaseError(const QSqlError &error) {
    return sqliteCode(error) == SQLITE_NOTADB;
}

bool execSql(QSqlDatabase &db, const QString &sql, QSqlError &error) {
    QSqlQuery query(db);
    if (query.exec(sql)) return true;
    error = query.lastError();
    return false;
}

bool runWriteTransaction(QSqlDatabase &db, const TransactionBody &body, QString *error) {
    for (int round = 0;; ++round) {
        QSqlError sqlError;
        const bool begun = execSql(db, QStringLiteral("BEGIN IMMEDIATE"), sqlError);
        if (begun && body(sqlError) && execSql(db, QStringLiteral("COMMIT"), sqlError)) return true;
        if (begun) {
            QSqlError ignored;  // fails harmlessly when SQLite already rolled back
            execSql(db, QStringLiteral("ROLLBACK"), ignored);
        }
        if (!isBusyError(sqlError) || round >= kMaxBusyRetries) {
            if (error) *error = sqlError.isValid() ? sqlError.text() : QString();
            return false;
        }
        QThread::msleep(10 + 20 * round);
    }
}

QByteArray variantToJson(const QVariant &value) {
    if (!value.isValid()) return QByteArray();
    // QJsonDocument holds only objects and arrays: wrap scalars in an array and unwrap the text.
    const QByteArray text =
        QJsonDocument(QJsonArray{QJsonValue::fromVariant(value)}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

QVariant jsonToVariant(const QByteArray &json) {
    if (json.isNull()) return QVariant();
    const QJsonDocument doc = QJsonDocument::fromJson('[' + json + ']');
    if (!doc.isArray() || doc.array().size() != 1) return QVariant();
    return doc.array().at(0).toVariant();
}

namespace {

/// Boot time in ms since the epoch, from the btime line of /proc/stat.
qint64 bootMs() {
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray &line : stat.readAll().split('\n'))
        if (line.startsWith("btime ")) return line.mid(6).trimmed().toLongLong() * 1000;
    return 0;
}

}  // namespace

qint64 processStartMs(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly)) return 0;
    // Field 22, starttime in clock ticks after boot; fields are counted after the ')' that ends
    // the command name, which may itself hold spaces.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const qint64 ticks = fields.value(19).toLongLong();
    const qint64 boot = bootMs();
    const long hz = ::sysconf(_SC_CLK_TCK);
    if (ticks <= 0 || boot <= 0 || hz <= 0) return 0;
    return boot + ticks * 1000 / hz;
}

bool isProcessAlive(qint64 pid) {
    if (pid <= 0) return false;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH) return false;
    // A killed child that nobody reaped yet still answers kill(); it is dead all the same.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        const int close = text.lastIndexOf(')');
        if (close > 0 && close + 2 < text.size() && text.at(close + 2) == 'Z') return false;
    }
    return true;
}

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace flowdeck
