#include "SchedulesModel.h"

#include "runs/RunStateColours.h"
#include "schedule/CivilTime.h"
#include "schedule/ScheduleConfig.h"
#include "schedule/ScheduleDescription.h"
#include "schedule/StoredSchedule.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace flowdeck {

QString zonedTimeText(qint64 utc, const QString &zoneId) {
    const ScheduleZone zone = ScheduleZone::fromText(zoneId).value_or(ScheduleZone::utc());
    return civilText(civilFromWall(zone.toWall(utc)), QLatin1Char(' ')).left(16) + QLatin1Char(' ') +
           zone.abbreviation(utc);
}

SchedulesModel::SchedulesModel(QObject *parent)
    : QAbstractTableModel(parent), m_clock([] { return QDateTime::currentSecsSinceEpoch(); }) {}

void SchedulesModel::reload(const ScheduleStore *store) {
    beginResetModel();
    m_rows.clear();
    if (store) {
        const qint64 now = m_clock();
        for (ScheduleRecord &record : store->schedules()) {
            Row row;
            const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(record.config);
            row.type = parsed.config.scheduleType == ScheduleType::Recurring
                           ? QStringLiteral("rrule")
                           : toString(parsed.config.scheduleType);
            row.description = parsed.ok() ? describeSchedule(parsed.config) : QString();
            if (row.description.isEmpty())
                row.description =
                    tr("invalid: %1").arg(parsed.ok() ? QString() : parsed.problems.front().message);
            row.zone = zoneOf(record).id();
            if (record.active) row.nextFire = nextFireOf(record, now);
            row.lastRun = store->lastRun(record.id);
            row.record = std::move(record);
            m_rows.push_back(std::move(row));
        }
    }
    endResetModel();
}

const SchedulesModel::Row *SchedulesModel::rowAt(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

std::vector<ScheduleRecord> SchedulesModel::records() const {
    std::vector<ScheduleRecord> out;
    out.reserve(m_rows.size());
    for (const Row &row : m_rows) out.push_back(row.record);
    return out;
}

int SchedulesModel::rowOf(const QString &name) const {
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].record.name == name) return int(i);
    return -1;
}

int SchedulesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SchedulesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SchedulesModel::display(const Row &row, int column) const {
    const ScheduleRecord &r = row.record;
    switch (column) {
        case Name:
            return r.name;
        case Flow:
            return r.flowName.isEmpty() ? QFileInfo(r.flowPath).fileName() : r.flowName;
        case Type:
            return row.type;
        case Expression:
            return row.description;
        case Zone:
            return row.zone;
        case NextFire:
            if (!r.active) return tr("paused");
            return row.nextFire ? zonedTimeText(*row.nextFire, row.zone) : tr("none (ended)");
        case Active:
            return r.active ? tr("active") : tr("paused");
        case LastRun:
            return row.lastRun
                       ? QStringLiteral("%1  %2").arg(toString(row.lastRun->state),
                                                      zonedTimeText(row.lastRun->fireMs / 1000, row.zone))
                       : QStringLiteral("\u2013");
        case Source:
            return r.source.isEmpty() ? tr("database") : QFileInfo(r.source).fileName();
    }
    return QVariant();
}

QVariant SchedulesModel::data(const QModelIndex &index, int role) const {
    const Row *row = rowAt(index.row());
    if (!row) return QVariant();
    if (role == Qt::DisplayRole) return display(*row, index.column());
    if (role == Qt::ToolTipRole) {
        if (index.column() == Flow) return QDir::toNativeSeparators(row->record.flowPath);
        if (index.column() == Source && !row->record.source.isEmpty())
            return QDir::toNativeSeparators(row->record.source);
        if (index.column() == NextFire && row->nextFire) return isoUtc(*row->nextFire);
        return display(*row, index.column());
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == LastRun && row->lastRun) return stateColour(row->lastRun->state);
        if (!row->record.active && (index.column() == Active || index.column() == NextFire))
            return QColor(Qt::gray);
    }
    return QVariant();
}

QVariant SchedulesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QVariant();
    static const char *const names[] = {
        QT_TR_NOOP("Name"),     QT_TR_NOOP("Flow"),     QT_TR_NOOP("Type"),
        QT_TR_NOOP("Schedule"), QT_TR_NOOP("Zone"),     QT_TR_NOOP("Next fire"),
        QT_TR_NOOP("State"),    QT_TR_NOOP("Last run"), QT_TR_NOOP("Declared in")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

}  // namespace flowdeck
