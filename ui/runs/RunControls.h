#pragma once
/// @file The window's Run menu and toolbar (Run, Run with Parameters…, Stop, Re-run with the
/// last parameters, Run from Here, Run Selection), the live states of the run on its canvas, and
/// the status bar's progress.

#include "runs/RunController.h"

#include <QHash>

#include <deque>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QStatusBar;
class QWidget;

namespace flowdeck {

class RunNotifier;

class EditorTab;
class FlowDocument;
class ParameterDialog;

class RunControls : public QObject {
    Q_OBJECT
public:
    /// Shows the dialog and returns the values chosen, or nothing when cancelled. Replaceable
    /// (tests fill the real dialog's fields and press its button).
    using ParameterPrompt = std::function<std::optional<QVariantMap>(ParameterDialog &dialog)>;
    /// Asked before closing the window stops a run: true stops it.
    using StopPrompt = std::function<bool(const QString &flowName)>;

    /// @p currentTab gives the tab a run starts from; messages go to @p statusBar.
    RunControls(QWidget *window, QStatusBar *statusBar, std::function<EditorTab *()> currentTab);

    RunController &controller() { return m_controller; }
    /// run, runWithParameters, stopRun, rerun: in the Run menu's order.
    QList<QAction *> actions() const;
    /// runFromHere, runSelection: on the selected tasks (the Run menu and the canvas's task menu).
    QList<QAction *> taskActions() const { return {m_runFromHere, m_runSelection}; }

    /// Runs the current tab's flow; asks for values when a parameter has no default (or
    /// always, with @p ask). False when nothing started (the reason is in the status bar).
    bool run(bool ask = false);
    /// Runs it with the parameter values of its newest finished run.
    bool rerun();
    /// Runs the selected tasks of the current tab and everything downstream of them; the tasks
    /// upstream reuse the results of the flow's last finished run (as `flowdeck-cli run --from`).
    bool runFromHere();
    /// Runs the selected tasks; the tasks they need reuse the last finished run's results (as
    /// `flowdeck-cli run --only`).
    bool runSelection();
    /// Cancels the window's run.
    bool stop();
    /// The current tab's task selection changed (or the current tab did): enables the task actions.
    void selectionChanged();
    bool isRunning() const { return m_controller.isRunning(); }
    /// The tab whose canvas shows the current (or last) run.
    EditorTab *runTab() const { return m_tab; }
    /// The status bar's permanent text about the run ("hello: 3/5 done · 0:12").
    QString statusText() const;
    /// Tells the desktop when a run ends while the window is not active.
    RunNotifier *notifier() const { return m_notifier; }

    /// Before a window closes: true when no run goes. Otherwise asks, and when told to stop,
    /// cancels the run and emits closeRequested() once it has ended; false meanwhile.
    bool mayClose();

    void setParameterPrompt(ParameterPrompt prompt) { m_parameterPrompt = std::move(prompt); }
    void setStopPrompt(StopPrompt prompt) { m_stopPrompt = std::move(prompt); }
    void setInteractive(bool interactive) { m_interactive = interactive; }
    /// Called before a run takes its snapshot (the inspector commits a field being typed in).
    void setBeforeRun(std::function<void()> hook) { m_beforeRun = std::move(hook); }

signals:
    void closeRequested();

private:
    /// The current tab when it can run now (else says why), with the controller on its workspace.
    EditorTab *tabToRun();
    bool start(const QVariantMap &values);
    bool startPartial(const RunSelection &selection);
    /// False (saying why) when the document's problems keep it from running.
    bool mayRun(FlowDocument *document);
    /// Says why the controller refused to start.
    void refuseLaunch(const LaunchResult &result);
    QStringList selectedTasks() const;
    std::optional<QVariantMap> askForValues(const Flow &flow, const QVariantMap &initial);
    void onStarted();
    void onUpdate(const LiveUpdate &update);
    void onFinished(const QString &runId, RunState state, const QString &message);
    void showTask(const LiveTask &task);
    /// Takes in and shows what arrived for at most @p budgetMs (-1: all), then yields to the
    /// event loop and carries on: 10,000 tasks changing at once must not freeze the window.
    void showQueued(qint64 budgetMs);
    void tick();
    void updateActions();
    void updateStatus();
    /// Says why nothing ran: in the status bar, and in a message box when @p details add to it or @p always.
    void refuse(const QString &why, const QString &details = QString(), bool always = false);

    QWidget *m_window;
    QStatusBar *m_statusBar;
    std::function<EditorTab *()> m_currentTab;
    RunController m_controller;
    QAction *m_run = nullptr;
    QAction *m_runWith = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_rerun = nullptr;
    QAction *m_runFromHere = nullptr;
    QAction *m_runSelection = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_ticker;  ///< once a second while a run goes: elapsed times (no database reads)
    RunNotifier *m_notifier = nullptr;
    QTimer m_showTimer;             ///< drains m_incoming between other events
    std::deque<LiveTask> m_incoming;  ///< task updates not yet taken in and shown, oldest first
    size_t m_pendingShown = 0;      ///< tasks of the run's snapshot shown Pending so far

    QPointer<EditorTab> m_tab;
    QHash<QString, LiveTask> m_tasks;  ///< the run's tasks as last heard of (none: Pending)
    QHash<QString, int> m_attempts;    ///< task -> retries + 1, from the run's snapshot
    std::optional<LiveRun> m_live;  ///< the run's own state and counts
    RunState m_endState = RunState::Pending;
    qint64 m_endMs = 0;

    ParameterPrompt m_parameterPrompt;
    StopPrompt m_stopPrompt;
    std::function<void()> m_beforeRun;
    bool m_interactive = true;
    bool m_closeWhenDone = false;
    QString m_reuseNote;  ///< what a partial run reused, said again when it ends
};

}  // namespace flowdeck
