#pragma once
/// @file The scheduler service inside the GUI: while a workspace is open, its schedules fire
/// from here exactly as from `flowdeck-cli serve` (both may run at once on one database).

#include "workspace/WorkspaceSession.h"

#include <QObject>
#include <QString>

#include <memory>

namespace flowdeck {

class RunStore;
class Scheduler;

class WorkspaceScheduler : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceScheduler(QObject *parent = nullptr);
    ~WorkspaceScheduler() override;

    /// Stops the scheduler of the previous workspace (cancelling its runs) and starts one for
    /// @p folder with its settings and database. False, with @p error, when it cannot start,
    /// and when the folder is not trusted (WorkspaceTrust): a cloned repository's schedules
    /// must not run its scripts just because it was opened.
    bool setWorkspace(const QString &folder, QString *error);
    /// Whether the current workspace is trusted (false with no workspace).
    bool trusted() const { return m_trusted; }
    /// The workspace folder (the one holding flowdeck.yaml), empty with none.
    QString workspace() const { return m_workspace; }
    /// Trusts the current workspace, remembers it, and starts its scheduler.
    bool trustWorkspace(QString *error);
    /// One line for the status bar ("Scheduler: 2 running", or why it is off).
    QString status() const { return m_status; }
    /// Why the scheduler is off, in full (file:line:column lines); empty while it runs.
    QString problem() const { return m_problem; }
    RunStore *store() const;
    /// The open workspace (settings, store, launcher); null while the scheduler is off.
    WorkspaceSession *session() const { return m_session.get(); }
signals:
    void statusChanged(const QString &status);
    /// The open workspace changed (null: none, or not trusted): views of its runs follow it.
    void sessionChanged(flowdeck::WorkspaceSession *session);

private:
    void stop();
    void setStatus(const QString &status);
    bool fail(const QString &status, const QString &problem, QString *error);

    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<Scheduler> m_scheduler;
    QString m_status;
    QString m_problem;
    QString m_workspace;
    bool m_trusted = false;
};

}  // namespace flowdeck
