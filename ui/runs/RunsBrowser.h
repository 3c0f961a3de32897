#pragma once
/// @file The Runs dock: every run of the workspace's database, filtered, sorted and paged, with
/// the actions that apply to the selected run (open, retry from failure, run again with its
/// parameters, cancel, delete, export logs, compare with another run) or to two selected runs
/// (compare). Runs of other processes appear through RunStore::runsChanged(), never by polling.

#include "run/RunState.h"

#include "workspace/WorkspaceSession.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;

namespace flowdeck {

class RunCompareView;
class RunsTableModel;
struct FlowRunRecord;

class RunsBrowser : public QWidget {
    Q_OBJECT
public:
    /// Asked before a delete; true deletes.
    using Confirm = std::function<bool(const QString &question)>;
    /// Asked for the file to export a log to; empty cancels.
    using ChooseFile = std::function<QString(const QString &suggestedName)>;

    explicit RunsBrowser(QWidget *parent = nullptr);
    ~RunsBrowser() override;

    /// The workspace whose runs to show (null: none, e.g. an untrusted workspace). The browser
    /// lets go of it when it emits closing().
    void setSession(WorkspaceSession *session);
    WorkspaceSession *session() const { return m_session; }

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setChooseFile(ChooseFile choose) { m_chooseFile = std::move(choose); }

    RunsTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *flowFilter() const { return m_flow; }
    QComboBox *stateFilter() const { return m_state; }
    QLineEdit *textFilter() const { return m_text; }
    /// The last action's outcome or the number of runs shown.
    QLabel *statusLabel() const { return m_status; }

    /// The selected run's id (empty when none, or when several are selected).
    QString selectedRunId() const;
    void selectRun(const QString &runId);
    /// Selects these runs (Ctrl+click does it by hand).
    void selectRuns(const QStringList &runIds);
    /// The ids of every selected run, in table order.
    QStringList selectedRunIds() const;

    // The actions, on the selected run; each says in the status label what it did.
    void openSelected();
    /// Starts the retry in this process (the launcher of the session); returns the new run's id.
    QString retrySelected();
    /// Runs the selected run's flow again (the file as it is now) with the run's parameter values,
    /// reusing nothing, as `flowdeck-cli runs rerun`; returns the new run's id.
    QString rerunSelected();
    /// Opens a Compare view of the two selected runs (the older on the left). Null unless exactly two.
    RunCompareView *compareSelected();
    /// Opens a Compare view of the selected run and @p otherRunId (the older on the left).
    RunCompareView *compareWith(const QString &otherRunId);
    bool cancelSelected();
    bool deleteSelected();
    bool exportSelectedLogs();

    /// Reads the shown runs again now (runsChanged() does it a moment later by itself).
    void refresh();

signals:
    void openRunRequested(const QString &runId);

private:
    void buildFilters();
    void applyFilters();
    void updateActions();
    void updateStatus();
    void showMenu(const QPoint &pos);
    void say(const QString &text);
    void releaseSession();
    const FlowRunRecord *selectedRun() const;
    RunCompareView *openCompare(const QString &a, const QString &b);
    /// Up to ten other runs of the selected run's flow, newest first (the "Compare with" menu).
    void addCompareWithMenu(QMenu *menu);

    QPointer<WorkspaceSession> m_session;
    RunsTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_flow = nullptr;
    QComboBox *m_state = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_placeholder = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_rerun = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_export = nullptr;
    QTimer m_refreshTimer;  // coalesces runsChanged() bursts
    QTimer m_textTimer;     // waits for the typing to pause
    QTimer m_clockTimer;    // the durations of running runs tick
    QString m_lastMessage;
    Confirm m_confirm;
    ChooseFile m_chooseFile;
    QList<QMetaObject::Connection> m_storeConnections;
};

}  // namespace flowdeck
