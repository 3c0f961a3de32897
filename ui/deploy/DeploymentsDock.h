#pragma once
/// @file The Deployments dock: every deployment of the workspace's flowdeck.yaml with its type,
/// flow, schedules and what validateDeployment() says; opens the deployment form.

#include "DeploymentSchedules.h"

#include "deploy/DeploymentConfig.h"
#include "workspace/RunLauncher.h"

#include <QFileSystemWatcher>
#include <QWidget>

class QAction;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace flowdeck {

class DeploymentForm;
class RunController;

class DeploymentsDock : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, FlowColumn, SchedulesColumn, StatusColumn };

    explicit DeploymentsDock(QWidget *parent = nullptr);

    /// The workspace folder (its flowdeck.yaml is watched and reread when it changes).
    void setWorkspace(const QString &folder);
    QString workspaceFile() const { return m_file; }
    /// Where Run now starts runs (the window's controller); may be null.
    void setRunController(RunController *runs);
    /// Where forms find the schedules they can attach (the Schedules panel's).
    void setScheduleSource(ScheduleSource source) { m_scheduleSource = std::move(source); }

    QTreeWidget *list() const { return m_list; }
    /// Rereads flowdeck.yaml and validates every deployment.
    void reload();
    /// Opens the form on deployment @p name (empty: a new deployment). The form deletes itself on close.
    DeploymentForm *openForm(const QString &name);
    /// Asked before Remove takes deployment @p name out of flowdeck.yaml: true removes (tests
    /// answer without a box).
    using RemovePrompt = std::function<bool(const QString &name)>;
    void setRemovePrompt(RemovePrompt prompt) { m_removePrompt = std::move(prompt); }
    /// Takes the selected deployment out of flowdeck.yaml, after asking; its exports stay where
    /// they were written. An empty string on success or when not confirmed, else why not.
    QString removeSelected();

    /// Starts a local run of the selected deployment (as the form's Run Now does).
    LaunchResult runSelected();
    /// What the last Run Now or Export said (under the list).
    QString message() const;

signals:
    /// flowdeck.yaml was read again (it changed, or Reload).
    void reloaded();

private:
    QTreeWidgetItem *selectedItem() const;
    const DeploymentConfig *selectedDeployment() const;
    void exportSelected();
    void updateActions();
    void showMessage(const QString &text, bool error);

    QString m_file;
    RunController *m_runs = nullptr;
    ScheduleSource m_scheduleSource;
    RemovePrompt m_removePrompt;
    WorkspaceDeployments m_deployments;  ///< as last read, for the actions on the selection
    QTreeWidget *m_list;
    QLabel *m_message;
    QAction *m_edit = nullptr;
    QAction *m_run = nullptr;
    QAction *m_export = nullptr;
    QAction *m_remove = nullptr;
    QLabel *m_summary;
    QFileSystemWatcher m_watcher;
};

}  // namespace flowdeck
