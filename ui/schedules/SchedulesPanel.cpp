#include "SchedulesPanel.h"

#include "BackfillDialog.h"
#include "ScheduleForm.h"
#include "TimeZonePicker.h"
#include "UpcomingStrip.h"
#include "deploy/DeploymentConfig.h"
#include "schedule/ScheduleSave.h"
#include "schedule/StoredSchedule.h"
#include "store/RunStore.h"
#include "store/ScheduleStore.h"
#include "workspace/WorkspaceSession.h"

#include <QAction>
#include <QButtonGroup>
#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck {

SchedulesPanel::SchedulesPanel(QWidget *parent)
    : QWidget(parent), m_clock([] { return QDateTime::currentSecsSinceEpoch(); }) {
    setObjectName(QStringLiteral("schedulesPanel"));
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_new = addAction(tr("New\u2026"), QStringLiteral("scheduleNew"), &SchedulesPanel::newSchedule);
    m_edit = addAction(tr("Edit\u2026"), QStringLiteral("scheduleEdit"), &SchedulesPanel::editSchedule);
    m_toolBar->addSeparator();
    m_pause = addAction(tr("Pause"), QStringLiteral("schedulePause"), &SchedulesPanel::pause);
    m_resume = addAction(tr("Resume"), QStringLiteral("scheduleResume"), &SchedulesPanel::resume);
    m_runNow = addAction(tr("Run Now"), QStringLiteral("scheduleRunNow"), &SchedulesPanel::runNow);
    m_backfill =
        addAction(tr("Backfill\u2026"), QStringLiteral("scheduleBackfill"), &SchedulesPanel::backfill);
    m_toolBar->addSeparator();
    m_remove = addAction(tr("Remove"), QStringLiteral("scheduleRemove"), &SchedulesPanel::removeSelected);

    m_model = new SchedulesModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("schedulesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setWordWrap(false);
    m_placeholder = new QLabel(this);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_deploymentNote = new QLabel(this);
    m_deploymentNote->setObjectName(QStringLiteral("deploymentSchedulesNote"));
    m_deploymentNote->setWordWrap(true);
    m_deploymentNote->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("schedulesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Upcoming runs under the table, over a day or a week.
    m_strip = new UpcomingStrip(this);
    auto *stripBox = new QWidget(this);
    auto *stripLayout = new QVBoxLayout(stripBox);
    stripLayout->setContentsMargins(0, 0, 0, 0);
    auto *spanRow = new QHBoxLayout;
    auto *spanLabel = new QLabel(tr("Upcoming runs:"), stripBox);
    auto *day = new QToolButton(stripBox);
    day->setText(tr("Day"));
    day->setObjectName(QStringLiteral("upcomingDay"));
    auto *week = new QToolButton(stripBox);
    week->setText(tr("Week"));
    week->setObjectName(QStringLiteral("upcomingWeek"));
    for (QToolButton *b : {day, week}) b->setCheckable(true);
    day->setChecked(true);
    auto *spans = new QButtonGroup(stripBox);
    spans->addButton(day);
    spans->addButton(week);
    connect(day, &QToolButton::toggled, this, [this](bool on) {
        m_strip->setSpan(on ? UpcomingStrip::Span::Day : UpcomingStrip::Span::Week);
        reloadStrip();
    });
    spanRow->addWidget(spanLabel);
    spanRow->addWidget(day);
    spanRow->addWidget(week);
    spanRow->addStretch();
    stripLayout->addLayout(spanRow);
    auto *scroll = new QScrollArea(stripBox);  // many schedules: the rows scroll, the marks stay readable
    scroll->setWidget(m_strip);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    stripLayout->addWidget(scroll, 1);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(stripBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_deploymentNote);
    layout->addWidget(m_message);

    // Runs and schedules change in other processes too (serve, the CLI): coalesce the wake-ups.
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(250);
    connect(&m_reloadTimer, &QTimer::timeout, this, &SchedulesPanel::reload);
    connect(m_view, &QTableView::doubleClicked, this, &SchedulesPanel::editSchedule);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SchedulesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SchedulesPanel::updateActions);
    setSession(nullptr);
}

SchedulesPanel::~SchedulesPanel() = default;

QAction *SchedulesPanel::addAction(const QString &text, const QString &name, void (SchedulesPanel::*slot)()) {
    QAction *action = m_toolBar->addAction(text);
    action->setObjectName(name);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void SchedulesPanel::setSession(WorkspaceSession *session) {
    for (const auto &c : m_connections) disconnect(c);
    m_connections.clear();
    m_session = session;
    m_store.reset();
    if (session) {
        m_store = std::make_unique<ScheduleStore>(session->store());
        m_connections << connect(&session->store(), &RunStore::runsChanged, this,
                                 [this] { m_reloadTimer.start(); });
        m_connections << connect(session, &WorkspaceSession::closing, this, [this] { setSession(nullptr); });
    }
    m_placeholder->setText(
        tr("Open a trusted workspace to see and edit its schedules (flowdeck.yaml and the run database)."));
    m_placeholder->setVisible(!session);
    m_splitter->setVisible(session != nullptr);
    m_new->setEnabled(session != nullptr);
    reload();
}

void SchedulesPanel::setClock(ScheduleClock clock) {
    m_clock = clock;
    m_model->setClock(std::move(clock));
    reload();
}

void SchedulesPanel::reload() {
    const QString current = selected() ? selected()->record.name : QString();
    m_model->reload(m_store.get());
    m_view->resizeColumnsToContents();
    if (!current.isEmpty()) select(current);
    reloadStrip();
    noteDeploymentSchedules();
}

// A deployment's own schedules fire where it is exported (a timer, a CronJob...), not in this
// scheduler: they are named here so that nobody looks for them in vain.
void SchedulesPanel::noteDeploymentSchedules() {
    QStringList owners;
    int count = 0;
    if (m_session) {
        for (const DeploymentConfig &d : WorkspaceDeployments::read(m_session->settings().workspaceFile()).deployments)
            if (!d.schedules.empty()) {
                owners << QStringLiteral("%1 (%2)").arg(d.name).arg(d.schedules.size());
                count += int(d.schedules.size());
            }
    }
    m_deploymentNote->setText(
        tr("Deployments have schedules of their own (%1). They fire where each deployment is exported (a "
           "systemd timer, a CronJob, a CronWorkflow, a Prefect schedule), not here; edit them in the "
           "Deployments dock.")
            .arg(owners.join(QStringLiteral(", "))));
    m_deploymentNote->setVisible(count > 0);
}

QString SchedulesPanel::deploymentNote() const {
    return m_deploymentNote->isHidden() ? QString() : m_deploymentNote->text();
}

void SchedulesPanel::reloadStrip() {
    const qint64 now = m_clock();
    m_strip->setRuns(m_store ? upcomingRuns(*m_store, now, now + m_strip->spanSeconds(), 5000)
                             : std::vector<UpcomingRun>{},
                     now);
}

const SchedulesModel::Row *SchedulesPanel::selected() const {
    const QModelIndexList rows =
        m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? nullptr : m_model->rowAt(rows.first().row());
}

void SchedulesPanel::select(const QString &name) {
    const int row = m_model->rowOf(name);
    if (row >= 0) m_view->selectRow(row);
}

QString SchedulesPanel::message() const {
    return m_message->text();
}

void SchedulesPanel::showMessage(const QString &text, bool error) {
    m_message->setStyleSheet(error ? QStringLiteral("color: #d13438;") : QString());
    m_message->setText(text);
}

void SchedulesPanel::updateActions() {
    const SchedulesModel::Row *row = selected();
    for (QAction *a : {m_edit, m_remove, m_runNow, m_backfill}) a->setEnabled(row != nullptr);
    m_pause->setEnabled(row && row->record.active);
    m_resume->setEnabled(row && !row->record.active);
}

void SchedulesPanel::newSchedule() {
    if (!m_store) return;
    ScheduleForm form(*m_store, m_session->settings().workspaceFile(), nullptr, this);
    form.setClock(m_clock);
    // A new schedule starts on the flow being edited, at the user's own wall clock.
    if (!m_currentFlow.isEmpty()) form.setFlow(m_currentFlow);
    form.zoneField()->setZoneId(QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    if (form.exec() != QDialog::Accepted) return;
    const QString name = form.record().name;
    reload();
    select(name);
    showMessage(tr("Saved schedule %1").arg(name));
}

void SchedulesPanel::editSchedule() {
    const SchedulesModel::Row *row = selected();
    if (!m_store || !row) return;
    const ScheduleRecord record = row->record;
    ScheduleForm form(*m_store, m_session->settings().workspaceFile(), &record, this);
    form.setClock(m_clock);
    if (form.exec() != QDialog::Accepted) return;
    reload();
    showMessage(tr("Saved schedule %1").arg(record.name));
}

void SchedulesPanel::pause() {
    setActive(false);
}
void SchedulesPanel::resume() {
    setActive(true);
}

void SchedulesPanel::setActive(bool active) {
    const SchedulesModel::Row *row = selected();
    if (!m_store || !row) return;
    const QString name = row->record.name;
    QString error;
    if (!m_store->setActive(name, active, &error)) {
        showMessage(error, true);
        return;
    }
    m_store->notify();
    reload();
    // As `schedule pause` says it: the database keeps the flag, flowdeck.yaml is not edited.
    showMessage(active ? tr("Resumed %1").arg(name)
                       : tr("Paused %1 (its waiting runs were dropped)").arg(name));
}

void SchedulesPanel::removeSelected() {
    const SchedulesModel::Row *row = selected();
    if (!m_store || !row) return;
    const QString name = row->record.name;
    const QString where = row->record.source.isEmpty()
                              ? tr("the run database")
                              : tr("%1 and the run database").arg(QFileInfo(row->record.source).fileName());
    if (QMessageBox::question(
            this, tr("Remove Schedule"),
            tr("Remove schedule %1 from %2? Its finished runs stay in the history.").arg(name, where)) !=
        QMessageBox::Yes)
        return;
    QString error;
    if (!removeSchedule(*m_store, name, &error)) {
        showMessage(error, true);
        return;
    }
    reload();
    showMessage(tr("Removed schedule %1").arg(name));
}

void SchedulesPanel::runNow() {
    const SchedulesModel::Row *row = selected();
    if (!m_store || !row) return;
    QString error;
    if (!runScheduleNow(*m_store, row->record, m_clock(), &error)) {
        showMessage(error, true);
        return;
    }
    reload();
    showMessage(tr("A run of %1 is due now; pool %2 runs it").arg(row->record.name, row->record.pool));
}

void SchedulesPanel::backfill() {
    const SchedulesModel::Row *row = selected();
    if (!m_store || !row) return;
    const ScheduleRecord record = row->record;
    BackfillDialog dialog(*m_store, record, m_clock, this);
    if (dialog.exec() != QDialog::Accepted) return;
    reload();
    showMessage(tr("Created %1 backfill runs of %2").arg(dialog.created()).arg(record.name));
}

}  // namespace flowdeck
