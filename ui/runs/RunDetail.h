#pragma once
/// @file One run in detail: a header (flow, state, trigger, start, duration, parameters) over three
/// tabs: "Tasks & logs" (its task runs in flow order, and its log, of a task or the whole run, with
/// level and text filters and a search over the whole log in the database), "Timeline" (a Gantt
/// chart of its attempts) and "Metrics" (its figures and charts). A live run updates as it goes.

#include "flow/Flow.h"
#include "run/RunRecords.h"
#include "workspace/RunTraceExport.h"

#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace flowdeck {

class LogLinesModel;
class RunMetricsView;
class RunStore;
class RunTimeline;
class TaskRunsModel;

class RunDetail : public QWidget {
    Q_OBJECT
public:
    /// Asks a person for the values that resume approval task @p task (nullopt: cancelled).
    using ApprovalPrompt = std::function<std::optional<QVariantMap>(const Task &task)>;
    /// Asks where to write the run's trace (empty: cancelled) and in which format.
    using ChooseTraceFile = std::function<QString(const QString &suggestedName, TraceFormat *format)>;

    /// @p store must outlive this widget (RunDetailTabs closes it when the session closes).
    RunDetail(RunStore &store, const QString &runId, QWidget *parent = nullptr);

    QString runId() const { return m_runId; }
    const FlowRunRecord &run() const { return m_run; }
    /// Reads the run, its task runs and its new log lines again (the store's signals do it).
    void update();

    /// Shows the log of @p task only (empty: the whole run).
    void showTask(const QString &task);
    /// Searches the whole log of the run (with the task and level filters) in the database;
    /// lists the hits and returns how many (-1: the query could not be read).
    int search(const QString &text);
    /// Scrolls the log to hit @p index of the last search and selects its line.
    bool showHit(int index);

    /// Export Trace: writes the run as a Chrome trace (Perfetto) or OTLP JSON where the chooser
    /// says, as `flowdeck-cli runs trace` does; false when cancelled or it cannot be written
    /// (then said in a message box).
    bool exportTrace();
    void setChooseTraceFile(ChooseTraceFile choose) { m_chooseTraceFile = std::move(choose); }

    /// Approve…: shown while the run is Paused at an approval task. Asks for the task's inputs
    /// (the typed parameter form) and resumes the run with them, as `flowdeck-cli runs resume
    /// --input` does; false when cancelled or refused (said in a message box, nothing resumed).
    bool approve();
    /// Resumes the run at @p task with @p typed values; false with the core's @p problems.
    bool approveWith(const QString &task, const QVariantMap &typed, QStringList *problems);
    void setApprovalPrompt(ApprovalPrompt prompt) { m_approvalPrompt = std::move(prompt); }
    QPushButton *approveButton() const { return m_approveButton; }

    /// The tabs: Tasks & logs, Timeline, Metrics.
    QTabWidget *views() const { return m_views; }
    RunTimeline *timeline() const { return m_timeline; }
    RunMetricsView *metricsView() const { return m_metrics; }
    QLabel *header() const { return m_header; }
    QTableView *taskView() const { return m_taskView; }
    TaskRunsModel *taskModel() const { return m_tasks; }
    QTableView *logView() const { return m_logView; }
    LogLinesModel *logModel() const { return m_logs; }
    QSortFilterProxyModel *logFilterModel() const { return m_logFilter; }
    QComboBox *taskFilter() const { return m_taskFilter; }
    QComboBox *levelFilter() const { return m_levelFilter; }
    QLineEdit *textFilter() const { return m_textFilter; }
    QListWidget *hitList() const { return m_hitList; }

signals:
    void titleChanged(const QString &title);

private:
    QWidget *buildTasksPage();
    QWidget *buildLogPane();
    void selectTaskRow(const QString &task, int mapIndex);
    /// Reads the shown tab's timeline or metrics again if the run changed since they were read.
    void refreshShownView();
    void showHeader();
    void reloadLogs();
    void fillTaskFilter();
    bool atLogEnd() const;

    RunStore &m_store;
    QString m_runId;
    FlowRunRecord m_run;
    QLabel *m_header = nullptr;
    QTabWidget *m_views = nullptr;
    RunTimeline *m_timeline = nullptr;
    RunMetricsView *m_metrics = nullptr;
    bool m_timelineStale = true;  // the timeline and metrics read the store only when shown
    bool m_metricsStale = true;
    TaskRunsModel *m_tasks = nullptr;
    QTableView *m_taskView = nullptr;
    LogLinesModel *m_logs = nullptr;
    QSortFilterProxyModel *m_logFilter = nullptr;
    QTableView *m_logView = nullptr;
    QComboBox *m_taskFilter = nullptr;
    QComboBox *m_levelFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QLineEdit *m_searchField = nullptr;
    QLabel *m_searchStatus = nullptr;
    QListWidget *m_hitList = nullptr;
    std::vector<qint64> m_hitIds;
    QTimer m_updateTimer;  // coalesces the store's change signals
    QTimer m_clockTimer;   // running durations tick
    bool m_finalSeen = false;
    QPushButton *m_traceButton = nullptr;
    QPushButton *m_approveButton = nullptr;
    ApprovalPrompt m_approvalPrompt;
    ChooseTraceFile m_chooseTraceFile;
};

}  // namespace flowdeck
