#pragma once
/// @file Saving a schedule the way the form offers it: declared in flowdeck.yaml (the user's text
/// patched, then synced into the database as serve syncs it) or kept in the database alone (as
/// `schedule add` keeps it). Both check the schedule first with the core's own validation.

#include "store/ScheduleStore.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace flowdeck {

enum class ScheduleTarget { WorkspaceFile, Database };

/// Everything wrong with @p record before it is saved: its name, pool and queue names, its
/// config (ScheduleConfig::validate()'s messages), the flow (it must load) and its parameters.
QStringList scheduleRecordProblems(const ScheduleRecord &record);

/// Saves @p record to @p target. @p typedParameters are written to flowdeck.yaml as typed
/// values (numbers stay numbers); the database keeps the record's text values. A name already
/// used by a schedule of the other place is refused (one schedule, one home). False with @p error.
bool saveSchedule(ScheduleStore &store, const QString &workspaceFile, ScheduleRecord record,
                  const QVariantMap &typedParameters, ScheduleTarget target, QString *error);

/// Removes schedule @p name: from flowdeck.yaml too when it is declared there (else the next sync
/// would bring it back). False with @p error.
bool removeSchedule(ScheduleStore &store, const QString &name, QString *error);

/// A typed parameter value as the record keeps it: text, as `--param NAME=VALUE` gives it
/// (lists and maps as compact JSON).
QString parameterText(const QVariant &value);

}  // namespace flowdeck
