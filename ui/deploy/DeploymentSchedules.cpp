#include "DeploymentSchedules.h"

#include "docks/ValidationMark.h"
#include "schedule/ScheduleDescription.h"
#include "schedule/SchedulePreview.h"
#include "schedules/SchedulesModel.h"

#include <QDateTime>
#include <QHeaderView>

namespace flowdeck {

namespace {

/// The map key the expression column edits for a schedule of @p type.
QString expressionKey(ScheduleType type) {
    switch (type) {
        case ScheduleType::Cron:
            return QStringLiteral("cron_expression");
        case ScheduleType::Interval:
            return QStringLiteral("interval_seconds");
        case ScheduleType::Recurring:
            return QStringLiteral("rrule");
        case ScheduleType::Once:
            return QStringLiteral("start_date");
    }
    return {};
}

QString expressionOf(const DeploymentSchedule &s) {
    return s.config.toVariantMap().value(expressionKey(s.config.scheduleType)).toString();
}

}  // namespace

DeploymentSchedules::DeploymentSchedules(QWidget *parent)
    : QTableWidget(0, 6, parent), m_clock([] { return QDateTime::currentSecsSinceEpoch(); }) {
    setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("Expression"), tr("Time zone"), tr("Active"), tr("Reads as")});
    horizontalHeader()->setSectionResizeMode(ExpressionColumn, QHeaderView::Interactive);
    horizontalHeader()->setSectionResizeMode(ActiveColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(this, &QTableWidget::itemChanged, this, &DeploymentSchedules::onItemChanged);
}

void DeploymentSchedules::setSchedules(const std::vector<DeploymentSchedule> &schedules) {
    m_schedules = schedules;
    fill();
    readAll();
}

void DeploymentSchedules::fill() {
    m_filling = true;
    setRowCount(int(m_schedules.size()));
    for (int row = 0; row < int(m_schedules.size()); ++row) {
        const DeploymentSchedule &s = m_schedules[size_t(row)];
        setItem(row, NameColumn, new QTableWidgetItem(s.name));
        auto *kind = new QTableWidgetItem(toString(s.config.scheduleType));
        kind->setFlags(kind->flags() & ~Qt::ItemIsEditable);
        setItem(row, KindColumn, kind);
        setItem(row, ExpressionColumn, new QTableWidgetItem(expressionOf(s)));
        setItem(row, ZoneColumn, new QTableWidgetItem(s.config.timezone));
        auto *active = new QTableWidgetItem;
        active->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        active->setCheckState(s.active ? Qt::Checked : Qt::Unchecked);
        setItem(row, ActiveColumn, active);
        auto *when = new QTableWidgetItem;
        when->setFlags(when->flags() & ~Qt::ItemIsEditable);
        setItem(row, WhenColumn, when);
    }
    m_filling = false;
}

void DeploymentSchedules::setClock(std::function<qint64()> clock) {
    m_clock = std::move(clock);
    for (int row = 0; row < rowCount(); ++row) describeRow(row);
}

void DeploymentSchedules::describeRow(int row) {
    const DeploymentSchedule &s = m_schedules[size_t(row)];
    const Diagnostics &problems = m_rowProblems[size_t(row)];
    QString text = problems.empty() ? describeSchedule(s.config) : QString();
    QStringList next;
    if (const ScheduleConfig::BuildResult built = s.config.build(); problems.empty() && built.schedule) {
        for (qint64 utc : nextFireTimes(*built.schedule, m_clock(), 5))
            next << zonedTimeText(utc, s.config.timezone);
        if (next.isEmpty()) text = tr("%1 (no more fire times)").arg(text);
    }
    m_filling = true;  // describing is not an edit
    QTableWidgetItem *cell = item(row, WhenColumn);
    cell->setText(problems.empty() ? text : tr("does not read: %1").arg(problems.front().message));
    cell->setToolTip(next.isEmpty() ? cell->text()
                                    : tr("Next fire times, where it is exported:\n%1").arg(next.join('\n')));
    m_filling = false;
}

void DeploymentSchedules::readAll() {
    m_rowProblems.assign(size_t(rowCount()), {});
    for (int row = 0; row < rowCount(); ++row) readRow(row);
    collectProblems();
}

void DeploymentSchedules::readRow(int row) {
    DeploymentSchedule &s = m_schedules[size_t(row)];
    s.name = item(row, NameColumn)->text().trimmed();
    s.active = item(row, ActiveColumn)->checkState() == Qt::Checked;
    const QString zone = item(row, ZoneColumn)->text().trimmed();
    Diagnostics &problems = m_rowProblems[size_t(row)];
    // An untouched expression and zone keep the config as read (its dates as written).
    if (item(row, ExpressionColumn)->text().trimmed() == expressionOf(s) && zone == s.config.timezone &&
        problems.empty()) {
        describeRow(row);
        return;
    }
    QVariantMap map = s.config.toVariantMap();
    map.remove(QStringLiteral("schedule_type"));  // follows from the keys, as the reader has it
    map.insert(expressionKey(s.config.scheduleType), item(row, ExpressionColumn)->text().trimmed());
    if (zone.isEmpty())
        map.remove(QStringLiteral("timezone"));
    else
        map.insert(QStringLiteral("timezone"), zone);
    const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(map);
    problems.clear();
    const QString field = QStringLiteral("schedules[%1]").arg(row + 1);
    for (const ScheduleProblem &p : parsed.problems) {
        Diagnostic d;
        d.field = p.field.isEmpty() ? field : field + QLatin1Char('.') + p.field;
        d.message = p.message.startsWith(p.field + QLatin1String(": "))
                        ? d.field + p.message.mid(p.field.size())
                        : d.field + QLatin1String(": ") + p.message;
        problems.push_back(d);
    }
    if (parsed.ok()) s.config = parsed.config;
    m_filling = true;  // colouring is not an edit
    const QString tip = problems.empty() ? QString() : problems.front().message;
    for (int column : {ExpressionColumn, ZoneColumn}) {
        item(row, column)->setToolTip(tip);
        item(row, column)
            ->setForeground(tip.isEmpty() ? palette().brush(QPalette::Text)
                                          : QBrush(ValidationMark::errorColour(palette())));
    }
    m_filling = false;
    describeRow(row);
}

void DeploymentSchedules::collectProblems() {
    m_problems.clear();
    for (const Diagnostics &list : m_rowProblems)
        m_problems.insert(m_problems.end(), list.begin(), list.end());
}

void DeploymentSchedules::onItemChanged(QTableWidgetItem *changed) {
    if (m_filling || changed->row() >= int(m_schedules.size())) return;
    readRow(changed->row());
    collectProblems();
    emit edited();
}

void DeploymentSchedules::addCron() {
    DeploymentSchedule s;
    s.config.scheduleType = ScheduleType::Cron;
    s.config.cronExpression = QStringLiteral("0 2 * * *");
    s.config.timezone = QStringLiteral("UTC");
    m_schedules.push_back(s);
    fill();
    readAll();
    emit edited();
}

void DeploymentSchedules::attach(const ScheduleRecord &record) {
    DeploymentSchedule s;
    s.name = record.name;
    const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(record.config);
    s.config = parsed.config;
    s.active = record.active;
    s.collision = toString(record.collision);
    m_schedules.push_back(s);
    fill();
    readAll();
    emit edited();
}

void DeploymentSchedules::removeSelected() {
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows()) rows << index.row();
    if (rows.isEmpty() && currentRow() >= 0) rows << currentRow();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows)
        if (row < int(m_schedules.size())) m_schedules.erase(m_schedules.begin() + row);
    fill();
    readAll();
    emit edited();
}

}  // namespace flowdeck
