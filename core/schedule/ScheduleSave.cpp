#include "ScheduleSave.h"

#include "ScheduleConfig.h"
#include "ScheduleFilePatch.h"
#include "WorkspaceSchedules.h"
#include "flow/FlowFile.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace flowdeck {

QString parameterText(const QVariant &value) {
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QVariantMap)
        return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

QStringList scheduleRecordProblems(const ScheduleRecord &record) {
    QStringList problems;
    for (const QString &p : {nameProblem(QStringLiteral("schedule name"), record.name),
                             nameProblem(QStringLiteral("pool"), record.pool),
                             nameProblem(QStringLiteral("queue"), record.queue)})
        if (!p.isEmpty()) problems << p;
    const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(record.config);
    for (const ScheduleProblem &p : parsed.problems) problems << p.message;  // fromVariantMap() validates
    if (record.flowPath.isEmpty()) {
        problems << QStringLiteral("flow: choose the flow the schedule runs");
        return problems;
    }
    const LoadResult loaded = FlowFile::load(record.flowPath);
    if (!loaded.isValid())
        problems << QStringLiteral("flow: %1 cannot be run (run 'validate' on it)")
                        .arg(QFileInfo(record.flowPath).fileName());
    else if (const QString p = scheduleParameterProblem(loaded.flow, record.parameters); !p.isEmpty())
        problems << p;
    if (record.maxActiveRuns < 0) problems << QStringLiteral("max_active_runs: must be 0 (no limit) or more");
    if (record.catchUpCap < 1) problems << QStringLiteral("catchup_cap: must be 1 or more");
    return problems;
}

namespace {

bool fail(QString *error, const QString &message) {
    if (error) *error = message;
    return false;
}

}  // namespace

bool saveSchedule(ScheduleStore &store, const QString &workspaceFile, ScheduleRecord record,
                  const QVariantMap &typedParameters, ScheduleTarget target, QString *error) {
    if (const QStringList problems = scheduleRecordProblems(record); !problems.isEmpty())
        return fail(error, problems.join(QLatin1Char('\n')));
    const QString file = QFileInfo(workspaceFile).absoluteFilePath();
    const auto existing = store.schedule(record.name);
    if (target == ScheduleTarget::Database) {
        if (existing && !existing->source.isEmpty())
            return fail(error,
                        QStringLiteral("schedule %1 is declared in %2: save it there, or pick another name")
                            .arg(record.name, QFileInfo(existing->source).fileName()));
        record.source.clear();
        const bool ok = existing ? store.upsertSchedule(record, error) : store.addSchedule(record, error);
        if (ok) store.notify();
        return ok;
    }
    if (existing && existing->source.isEmpty())
        return fail(error,
                    QStringLiteral("schedule %1 is kept in the database: save it there, or pick another name")
                        .arg(record.name));
    if (!saveScheduleEntry(file, scheduleEntryOf(record, file, typedParameters), error)) return false;
    // As serve does on start: the file is the declaration, the database follows it.
    const WorkspaceSchedules declared = WorkspaceSchedules::read(file);
    if (!declared.problems.empty())
        return fail(error, QStringLiteral("saved, but %1 has problems, so the database was not updated: %2")
                               .arg(QFileInfo(file).fileName(), declared.problems.front().toString()));
    syncSchedules(declared, file, store);
    // The active flag of an unchanged definition is the database's; the form's box is the user's word.
    bool changed = false;
    if (!store.setActive(record.name, record.active, error, &changed)) return false;
    store.notify();
    return true;
}

bool removeSchedule(ScheduleStore &store, const QString &name, QString *error) {
    const auto existing = store.schedule(name);
    if (existing && !existing->source.isEmpty()) {
        if (!removeScheduleFromFile(existing->source, name, error)) return false;
        const WorkspaceSchedules declared = WorkspaceSchedules::read(existing->source);
        if (declared.problems.empty()) syncSchedules(declared, existing->source, store);
    }
    if (store.schedule(name) && !store.removeSchedule(name, error)) return false;
    store.notify();
    return true;
}

}  // namespace flowdeck
