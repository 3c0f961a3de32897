#pragma once
/// @file The run store's schema, as an ordered list of migration steps (PRAGMA user_version).

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace flowdeck {

/// One step of the schema: the statements that take a database from version - 1 to version.
struct Migration {
    int version = 0;
    QString description;
    QStringList statements;  ///< one SQL statement each (QSQLITE runs only the first of a list)
};

/// Every step, oldest first. Never edit a released step: append a new one.
const std::vector<Migration> &schemaMigrations();
/// The version of the last step: what this build writes.
int latestSchemaVersionKnown();

/// Reads PRAGMA user_version. Returns -1 and sets @p error when the file is not a database.
int readSchemaVersion(QSqlDatabase &db, QString *error);

/// Applies the missing steps up to @p targetVersion (-1: the latest), each in its own
/// BEGIN IMMEDIATE transaction that re-checks the version first, so several processes opening
/// a new file at once migrate it exactly once. Refuses a database newer than this build.
/// @p applied (if given) gets the versions this call applied, for the application log.
bool migrateSchema(QSqlDatabase &db, QString *error, int targetVersion = -1,
                   std::vector<int> *applied = nullptr);

}  // namespace flowdeck
