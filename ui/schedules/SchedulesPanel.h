#pragma once
/// @file The Schedules dock: every schedule of the open workspace (flowdeck.yaml's and the
/// database's) in a table, with New, Edit, Pause, Resume, Remove, Run Now and Backfill, and
/// their upcoming runs on a day or week strip.

#include "SchedulesModel.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QSplitter;
class QTableView;
class QToolBar;

namespace flowdeck {

class ScheduleStore;
class UpcomingStrip;
class WorkspaceSession;

class SchedulesPanel : public QWidget {
    Q_OBJECT
public:
    explicit SchedulesPanel(QWidget *parent = nullptr);
    ~SchedulesPanel() override;

    /// Shows @p session's schedules (null: none, with a word on why).
    void setSession(WorkspaceSession *session);
    void setClock(ScheduleClock clock);
    /// The flow a new schedule runs unless the user picks another (the editor's current file).
    void setCurrentFlow(const QString &flowPath) { m_currentFlow = flowPath; }
    /// Reads the schedules again (also done when runs or schedules change in any process).
    void reload();

    SchedulesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /// The upcoming runs of every schedule over a day or a week (`schedule upcoming`'s list).
    UpcomingStrip *upcoming() const { return m_strip; }
    ScheduleStore *store() const { return m_store.get(); }
    /// The selected schedule's row, or null.
    const SchedulesModel::Row *selected() const;
    void select(const QString &name);

    // The actions act on the selected schedule; they ask before removing and before a backfill.
    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *removeAction() const { return m_remove; }
    QAction *runNowAction() const { return m_runNow; }
    QAction *backfillAction() const { return m_backfill; }

    /// What the last action reported (shown under the table).
    QString message() const;
    /// The line naming the deployments' own schedules (not run here), empty when there are none.
    QString deploymentNote() const;

private:
    QAction *addAction(const QString &text, const QString &name, void (SchedulesPanel::*slot)());
    void updateActions();
    void reloadStrip();
    void noteDeploymentSchedules();
    void showMessage(const QString &text, bool error = false);
    void newSchedule();
    void editSchedule();
    void pause();
    void resume();
    void setActive(bool active);
    void removeSelected();
    void runNow();
    void backfill();

    WorkspaceSession *m_session = nullptr;
    std::unique_ptr<ScheduleStore> m_store;
    QList<QMetaObject::Connection> m_connections;
    SchedulesModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QSplitter *m_splitter = nullptr;
    UpcomingStrip *m_strip = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_deploymentNote = nullptr;
    QTimer m_reloadTimer;
    ScheduleClock m_clock;
    QString m_currentFlow;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_runNow = nullptr;
    QAction *m_backfill = nullptr;
};

}  // namespace flowdeck
