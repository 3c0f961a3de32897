#pragma once
/// @file The Deployments dock: every deployment of the workspace's flowdeck.yaml with its type,
/// flow, schedules and what validateDeployment() says; opens the deployment form.

#include <QFileSystemWatcher>
#include <QWidget>

class QLabel;
class QTreeWidget;

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
    void setRunController(RunController *runs) { m_runs = runs; }

    QTreeWidget *list() const { return m_list; }
    /// Rereads flowdeck.yaml and validates every deployment.
    void reload();
    /// Opens the form on deployment @p name (empty: a new deployment). The form deletes itself on close.
    DeploymentForm *openForm(const QString &name);

private:
    QString m_file;
    RunController *m_runs = nullptr;
    QTreeWidget *m_list;
    QLabel *m_summary;
    QFileSystemWatcher m_watcher;
};

}  // namespace flowdeck
