#include "DeploymentsDock.h"

#include "DeploymentForm.h"
#include "DeploymentLaunch.h"

#include "deploy/DeploymentWriter.h"
#include "deploy/Exporter.h"
#include "docks/ValidationMark.h"
#include "runs/RunController.h"
#include "settings/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace flowdeck {

namespace {

QString schedulesText(const DeploymentConfig &d) {
    QStringList parts;
    for (const DeploymentSchedule &s : d.schedules) {
        QString text = s.config.cronExpression;
        if (s.config.scheduleType == ScheduleType::Interval && s.config.intervalSeconds)
            text = QObject::tr("every %1 s").arg(*s.config.intervalSeconds);
        else if (s.config.scheduleType == ScheduleType::Recurring)
            text = s.config.rrule;
        else if (s.config.scheduleType == ScheduleType::Once)
            text = QObject::tr("once");
        parts << (s.name.isEmpty() ? text : s.name + QStringLiteral(" (") + text + QLatin1Char(')'));
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace

DeploymentsDock::DeploymentsDock(QWidget *parent)
    : QWidget(parent), m_list(new QTreeWidget(this)), m_summary(new QLabel(this)), m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("deploymentsPanel"));
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *add = bar->addAction(tr("New\u2026"), this, [this] { openForm(QString()); });
    add->setObjectName(QStringLiteral("newDeployment"));
    m_edit = bar->addAction(tr("Edit\u2026"), this, [this] {
        if (QTreeWidgetItem *item = selectedItem()) openForm(item->text(NameColumn));
    });
    m_edit->setObjectName(QStringLiteral("editDeployment"));
    m_run = bar->addAction(tr("Run Now"), this, [this] {
        const LaunchResult result = runSelected();
        if (result.isRefused())
            showMessage(tr("Not started: %1").arg(result.problemText()), true);
        else
            showMessage(tr("Run %1 started (see the Runs dock)").arg(result.runId.left(8)), false);
    });
    m_run->setObjectName(QStringLiteral("runDeployment"));
    m_run->setToolTip(tr("A local run of the selected deployment's flow with its parameters and environment"));
    m_export = bar->addAction(tr("Export\u2026"), this, &DeploymentsDock::exportSelected);
    m_export->setObjectName(QStringLiteral("exportDeployment"));
    m_export->setToolTip(tr("Write the files of the selected deployment's export into a folder"));
    m_remove = bar->addAction(tr("Remove"), this, [this] {
        const QString error = removeSelected();
        if (!error.isEmpty()) showMessage(tr("Not removed: %1").arg(error), true);
    });
    m_remove->setObjectName(QStringLiteral("removeDeployment"));
    m_remove->setToolTip(tr("Take the selected deployment out of flowdeck.yaml (asks first)"));
    bar->addAction(tr("Reload"), this, &DeploymentsDock::reload);
    m_list->setObjectName(QStringLiteral("deploymentList"));
    m_list->setHeaderLabels({tr("Name"), tr("Type"), tr("Flow"), tr("Schedules"), tr("Validation")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(true);
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { openForm(item->text(NameColumn)); });
    // Ctrl+click can deselect the current row: the actions follow the selection, not the current item.
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &DeploymentsDock::updateActions);
    m_summary->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("deploymentMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    // An editor (or the CLI) saving flowdeck.yaml replaces the file: watch it again each time.
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &DeploymentsDock::reload);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &DeploymentsDock::reload);
}

void DeploymentsDock::setWorkspace(const QString &folder) {
    if (!m_watcher.files().isEmpty()) m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty()) m_watcher.removePaths(m_watcher.directories());
    m_file =
        folder.isEmpty() ? QString() : QDir(folder).absoluteFilePath(QString::fromLatin1(Settings::fileName));
    if (!folder.isEmpty()) m_watcher.addPath(folder);
    reload();
}

void DeploymentsDock::reload() {
    if (!m_file.isEmpty() && QFileInfo::exists(m_file) && !m_watcher.files().contains(m_file))
        m_watcher.addPath(m_file);
    const QString current = m_list->currentItem() ? m_list->currentItem()->text(NameColumn) : QString();
    m_list->clear();
    m_deployments = WorkspaceDeployments::read(m_file);
    const WorkspaceDeployments &all = m_deployments;
    const QColor bad = ValidationMark::errorColour(palette());
    for (const DeploymentConfig &d : all.deployments) {
        const Diagnostics problems = validateDeployment(d);
        const auto errors = std::count_if(problems.begin(), problems.end(),
                                          [](const Diagnostic &p) { return p.severity == Severity::Error; });
        QString status = tr("ok");
        if (errors > 0) {
            const auto first = std::find_if(problems.begin(), problems.end(), [](const Diagnostic &p) {
                return p.severity == Severity::Error;
            });
            status =
                (errors == 1 ? tr("1 problem: %1") : tr("%1 problems: %2").arg(errors)).arg(first->message);
        } else if (!problems.empty()) {
            status = (problems.size() == 1 ? tr("ok, 1 warning: %1")
                                           : tr("ok, %1 warnings: %2").arg(problems.size()))
                         .arg(problems.front().message);
        }
        auto *item = new QTreeWidgetItem(
            m_list, {d.name, toString(d.deploymentType),
                     QDir(d.workspaceDir()).relativeFilePath(d.flowPath()), schedulesText(d), status});
        QStringList tips;
        for (const Diagnostic &p : problems) tips << p.toString();
        item->setToolTip(StatusColumn, tips.join(QLatin1Char('\n')));
        item->setToolTip(SchedulesColumn, item->text(SchedulesColumn));
        if (errors > 0) item->setForeground(StatusColumn, bad);
        if (d.name == current) m_list->setCurrentItem(item);
    }
    for (int c = NameColumn; c < StatusColumn; ++c) m_list->resizeColumnToContents(c);
    // Many schedules make a long line: the validation column stays in view (the tooltip has them all).
    m_list->setColumnWidth(SchedulesColumn, std::min(m_list->columnWidth(SchedulesColumn),
                                                     24 * fontMetrics().averageCharWidth()));
    QStringList summary;
    if (m_file.isEmpty())
        summary << tr("No workspace open.");
    else if (all.deployments.empty())
        summary << tr("No deployments in %1: New\u2026 adds one.").arg(QDir::toNativeSeparators(m_file));
    for (const Diagnostic &p : all.problems) summary << p.toString();
    m_summary->setText(summary.join(QLatin1Char('\n')));
    m_summary->setVisible(!summary.isEmpty());
    updateActions();
    emit reloaded();
}

QTreeWidgetItem *DeploymentsDock::selectedItem() const {
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? nullptr : items.front();
}

void DeploymentsDock::setRunController(RunController *runs) {
    m_runs = runs;
    updateActions();
}

void DeploymentsDock::updateActions() {
    const bool selected = selectedItem() != nullptr;
    m_edit->setEnabled(selected);
    m_run->setEnabled(selected && m_runs);
    m_export->setEnabled(selected);
    m_remove->setEnabled(selected);
}

QString DeploymentsDock::removeSelected() {
    const QTreeWidgetItem *item = selectedItem();
    if (!item) return tr("select a deployment first");
    const QString name = item->text(NameColumn);
    const bool confirmed =
        m_removePrompt ? m_removePrompt(name)
                       : QMessageBox::question(this, tr("Remove Deployment"),
                                               tr("Remove deployment %1 from %2? Files it exported stay where "
                                                  "they are.")
                                                   .arg(name, QFileInfo(m_file).fileName())) == QMessageBox::Yes;
    if (!confirmed) return {};
    const QString error = removeDeployment(m_file, name);
    if (error.isEmpty()) showMessage(tr("Removed deployment %1.").arg(name), false);
    reload();
    return error;
}

void DeploymentsDock::showMessage(const QString &text, bool error) {
    ValidationMark::setStatus(m_message, text, error);
    m_message->setVisible(!text.isEmpty());
}

QString DeploymentsDock::message() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

const DeploymentConfig *DeploymentsDock::selectedDeployment() const {
    const QTreeWidgetItem *item = selectedItem();
    return item ? m_deployments.find(item->text(NameColumn)) : nullptr;
}

LaunchResult DeploymentsDock::runSelected() {
    const DeploymentConfig *d = selectedDeployment();
    if (!d || !m_runs) return refusedLaunch(m_file, d ? tr("no run controller") : tr("select a deployment first"));
    for (const Diagnostic &p : validateDeployment(*d))
        if (p.severity == Severity::Error) {
            LaunchResult refused;
            refused.problems.push_back(p);
            return refused;
        }
    return launchDeployment(*m_runs, m_file, *d);
}

void DeploymentsDock::exportSelected() {
    const DeploymentConfig *d = selectedDeployment();
    if (!d) return;
    bool failed = false;
    const QString said = exportDeploymentInteractively(this, m_file, *d, &failed);
    if (!said.isEmpty()) showMessage(said, failed);
}

DeploymentForm *DeploymentsDock::openForm(const QString &name) {
    if (m_file.isEmpty()) return nullptr;
    auto *form = new DeploymentForm(m_file, name, m_runs, this);
    form->setScheduleSource(m_scheduleSource);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->setWindowFlag(Qt::Window);
    connect(form, &DeploymentForm::saved, this, &DeploymentsDock::reload);
    form->show();
    return form;
}

}  // namespace flowdeck
