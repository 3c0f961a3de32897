#pragma once
/// @file Writing one `schedules:` entry of flowdeck.yaml by patching the user's text: the keys
/// of the entry that did not change keep their bytes (comments, quoting, order), changed keys
/// are rewritten in place, new ones go at the end of the entry, everything outside it is kept.

#include "store/ScheduleStore.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <vector>

namespace flowdeck {

/// One key of an entry. A value left at its default (@p onlyIfPresent) is written only where the
/// user's entry names that key already, so a save does not fill the file with defaults.
struct ScheduleEntryKey {
    QString key;
    QVariant value;  ///< typed: text, qint64, bool, or a map (parameters)
    bool onlyIfPresent = false;
};
using ScheduleEntry = std::vector<ScheduleEntryKey>;

/// The entry of @p record as flowdeck.yaml declares it: name, flow (relative to @p workspaceFile's
/// folder), the schedule keys, parameters (@p typedParameters when given, else the record's text
/// values), then catchup, catchup_cap, max_active_runs, collision, pool, queue, active.
ScheduleEntry scheduleEntryOf(const ScheduleRecord &record, const QString &workspaceFile,
                              const QVariantMap &typedParameters = {});

/// @p source with the entry named like @p entry's `name` replaced (appended when there is none;
/// a `schedules:` list is made when the file has none). Empty with @p error when @p source is
/// not YAML or its `schedules` is not a list.
QByteArray patchScheduleEntry(const QByteArray &source, const ScheduleEntry &entry, QString *error);
/// @p source without the entry named @p name; @p found says whether there was one.
QByteArray removeScheduleEntry(const QByteArray &source, const QString &name, bool *found, QString *error);

/// Patches @p workspaceFile (created when missing) atomically (QSaveFile): the file is the old
/// one or the new one, never half of each. False with @p error.
bool saveScheduleEntry(const QString &workspaceFile, const ScheduleEntry &entry, QString *error);
bool removeScheduleFromFile(const QString &workspaceFile, const QString &name, QString *error);

}  // namespace flowdeck
