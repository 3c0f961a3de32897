#include "runs/RunControls.h"

#include "documents/EditorTab.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"
#include "runs/LiveTaskText.h"
#include "runs/ParameterDialog.h"
#include "runs/RunNotifier.h"
#include "runs/RunStateColours.h"

#include <QAction>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>

namespace flowdeck {

namespace {

/// How long one turn of the event loop may spend on nodes (a frame is 16 ms).
constexpr qint64 kShowBudgetMs = 6;

qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

QString shortId(const QString &runId) { return runId.left(8); }

QAction *makeAction(QObject *parent, const QString &name, const QString &text, const QIcon &icon,
                    const QKeySequence &key, const QString &tip) {
    auto *action = new QAction(icon, text, parent);
    action->setObjectName(name);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
    return action;
}

}  // namespace

RunControls::RunControls(QWidget *window, QStatusBar *statusBar, std::function<EditorTab *()> currentTab)
    : QObject(window), m_window(window), m_statusBar(statusBar), m_currentTab(std::move(currentTab)) {
    QStyle *style = window->style();
    // Keys as in IDEs: F5 runs, Shift+F5 stops, Ctrl+Shift+F5 runs again.
    m_run = makeAction(this, QStringLiteral("run"), tr("&Run"), style->standardIcon(QStyle::SP_MediaPlay),
                       QKeySequence(Qt::Key_F5), tr("Run the current flow"));
    m_runWith = makeAction(this, QStringLiteral("runWithParameters"), tr("Run with &Parameters\u2026"),
                           style->standardIcon(QStyle::SP_FileDialogDetailedView), QKeySequence(Qt::CTRL | Qt::Key_F5),
                           tr("Choose the parameter values, then run"));
    m_stop = makeAction(this, QStringLiteral("stopRun"), tr("&Stop"), style->standardIcon(QStyle::SP_MediaStop),
                        QKeySequence(Qt::SHIFT | Qt::Key_F5), tr("Cancel the run: its tasks' process trees are stopped"));
    m_rerun = makeAction(this, QStringLiteral("rerun"), tr("Re-run with &Last Parameters"),
                         style->standardIcon(QStyle::SP_BrowserReload), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5),
                         tr("Run again with the parameter values of the flow's last run"));
    // No keys of their own: they act on the canvas's selection, from the menu or a right-click.
    m_runFromHere = makeAction(this, QStringLiteral("runFromHere"), tr("Run from &Here"),
                               style->standardIcon(QStyle::SP_MediaSeekForward), {},
                               tr("Run the selected tasks and everything downstream, reusing the results "
                                  "of the flow's last finished run for the tasks upstream"));
    m_runSelection = makeAction(this, QStringLiteral("runSelection"), tr("Run Selec&tion"),
                                style->standardIcon(QStyle::SP_MediaSkipForward), {},
                                tr("Run only the selected tasks, reusing the results of the flow's last "
                                   "finished run for the tasks they need"));
    connect(m_runFromHere, &QAction::triggered, this, &RunControls::runFromHere);
    connect(m_runSelection, &QAction::triggered, this, &RunControls::runSelection);
    connect(m_run, &QAction::triggered, this, [this] { run(false); });
    connect(m_runWith, &QAction::triggered, this, [this] { run(true); });
    connect(m_stop, &QAction::triggered, this, &RunControls::stop);
    connect(m_rerun, &QAction::triggered, this, &RunControls::rerun);

    m_status = new QLabel(window);
    m_status->setObjectName(QStringLiteral("runStatus"));
    statusBar->addPermanentWidget(m_status);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &RunControls::tick);
    m_notifier = new RunNotifier(window);
    m_showTimer.setSingleShot(true);
    m_showTimer.setInterval(0);
    connect(&m_showTimer, &QTimer::timeout, this, [this] { showQueued(kShowBudgetMs); });
    connect(&m_controller, &RunController::runStarted, this, &RunControls::onStarted);
    connect(&m_controller, &RunController::liveUpdated, this, &RunControls::onUpdate);
    connect(&m_controller, &RunController::runFinished, this, &RunControls::onFinished);
    updateActions();
}

QList<QAction *> RunControls::actions() const { return {m_run, m_runWith, m_stop, m_rerun}; }

// ----- starting -------------------------------------------------------------------------------

EditorTab *RunControls::tabToRun() {
    if (m_controller.isRunning()) {
        refuse(tr("A run is going: stop it first (Shift+F5)"));
        return nullptr;
    }
    EditorTab *tab = m_currentTab();
    if (!tab) {
        refuse(tr("Nothing to run: open a flow first"));
        return nullptr;
    }
    if (tab->document()->filePath().isEmpty()) {
        refuse(tr("Save %1 first: its tasks run in the flow file's folder").arg(tab->document()->displayName()));
        return nullptr;
    }
    if (m_beforeRun) m_beforeRun();
    // The run belongs to the flow file's workspace (its flowdeck.yaml, its database).
    m_controller.setWorkspace(QFileInfo(tab->document()->filePath()).absolutePath());
    return tab;
}

bool RunControls::run(bool ask) {
    EditorTab *tab = tabToRun();
    if (!tab) return false;
    const Flow &flow = tab->document()->flow();
    bool missing = false;
    for (const Parameter &p : flow.parameters) missing = missing || !p.hasDefault();
    if (!ask && !missing) return start({});
    // Values of the last run are a better start than blanks for the parameters without defaults.
    const QVariantMap initial = missing ? m_controller.lastParameters(flow).value_or(QVariantMap()) : QVariantMap();
    const std::optional<QVariantMap> values = askForValues(flow, initial);
    if (!values) {
        m_statusBar->showMessage(tr("Not run: no parameter values given"), 5000);
        return false;
    }
    return start(*values);
}

bool RunControls::rerun() {
    EditorTab *tab = tabToRun();
    if (!tab) return false;
    const Flow &flow = tab->document()->flow();
    const std::optional<QVariantMap> last = m_controller.lastParameters(flow);
    if (!last) {
        m_statusBar->showMessage(tr("No earlier run of %1: running it as Run does").arg(flow.name), 5000);
        return run(false);
    }
    bool missing = false;  // a parameter added since, without a default
    for (const Parameter &p : flow.parameters) missing = missing || (!p.hasDefault() && !last->contains(p.name));
    if (!missing) return start(*last);
    const std::optional<QVariantMap> values = askForValues(flow, *last);
    return values && start(*values);
}

std::optional<QVariantMap> RunControls::askForValues(const Flow &flow, const QVariantMap &initial) {
    ParameterDialog dialog(flow, initial, m_window);
    if (m_parameterPrompt) return m_parameterPrompt(dialog);
    if (!m_interactive || dialog.exec() != QDialog::Accepted) return std::nullopt;
    return dialog.values();
}

bool RunControls::mayRun(FlowDocument *document) {
    if (document->isValid()) return true;
    // What the reader refused (an unknown key, a bad value) is not in the model the engine
    // would run, so the flow is refused here as `flowdeck-cli run` refuses the file.
    QStringList errors;
    for (const Diagnostic &d : document->problems())
        if (d.severity == Severity::Error) errors << d.toString();
    refuse(tr("Not run: %1 has problems; fix them first").arg(document->displayName()), errors.join('\n'), true);
    return false;
}

void RunControls::refuseLaunch(const LaunchResult &result) {
    // One problem is said once; several get the whole list under the first.
    refuse(tr("Not run: %1").arg(result.problems.front().message),
           result.problems.size() > 1 ? result.problemText() : QString(), true);
}

bool RunControls::start(const QVariantMap &values) {
    EditorTab *tab = m_currentTab();
    if (!tab) return false;
    FlowDocument *document = tab->document();
    if (!mayRun(document)) return false;
    // mayRun() has just validated the document's flow (FlowFile::problemsOf, the engine's own
    // checks): the engine need not again on the GUI thread (18 ms at 10,000 tasks).
    const LaunchResult result = m_controller.start(document->flow(), document->filePath(), values, true);
    if (result.isRefused()) {
        refuseLaunch(result);
        return false;
    }
    m_reuseNote.clear();
    return true;
}

QStringList RunControls::selectedTasks() const {
    EditorTab *tab = m_currentTab();
    return tab ? tab->editor()->scene()->selectedTaskNames() : QStringList();
}

bool RunControls::runFromHere() { return startPartial(RunSelection::from(selectedTasks())); }

bool RunControls::runSelection() { return startPartial(RunSelection::only(selectedTasks())); }

bool RunControls::startPartial(const RunSelection &selection) {
    if (selection.tasks.isEmpty()) {
        refuse(tr("Select the tasks to run first"));
        return false;
    }
    EditorTab *tab = tabToRun();
    if (!tab || !mayRun(tab->document())) return false;
    FlowDocument *document = tab->document();
    const Flow &flow = document->flow();
    RequestBuild build = m_controller.partialRequest(flow, document->filePath(), selection);
    if (!build.ok()) {
        refuse(tr("Not run: %1").arg(build.error), {}, true);
        return false;
    }
    // Without an earlier run (or one from before a parameter was added) a parameter without a
    // default has no value yet: asked for, as Run asks.
    QVariantMap &values = build.request.options.parameterValues;
    bool missing = false;
    for (const Parameter &p : flow.parameters) missing = missing || (!p.hasDefault() && !values.contains(p.name));
    if (missing) {
        const std::optional<QVariantMap> chosen = askForValues(flow, values);
        if (!chosen) {
            m_statusBar->showMessage(tr("Not run: no parameter values given"), 5000);
            return false;
        }
        values = *chosen;
    }
    const QString reused = build.request.options.retryOf;
    const LaunchResult result = m_controller.start(build.request);
    if (result.isRefused()) {
        refuseLaunch(result);
        return false;
    }
    // After onStarted()'s "Started …", which it replaces: what the run reuses matters more.
    const QString name = flow.name;
    m_statusBar->showMessage(
        reused.isEmpty()
            ? tr("No earlier run of %1 to reuse: the tasks the selection needs run too (run %2)")
                  .arg(name, shortId(result.runId))
            : tr("Started %1 (run %2), reusing the results of run %3").arg(name, shortId(result.runId), shortId(reused)),
        10000);
    m_reuseNote = reused.isEmpty() ? tr("no earlier run to reuse") : tr("reusing the results of run %1").arg(shortId(reused));
    return true;
}

void RunControls::refuse(const QString &why, const QString &details, bool always) {
    m_statusBar->showMessage(why, 10000);
    if (m_interactive && (always || (!details.isEmpty() && details != why))) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Not Run"), why, QMessageBox::Ok, m_window);
        if (details != why) box->setInformativeText(details);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

// ----- watching -------------------------------------------------------------------------------

void RunControls::onStarted() {
    const WindowRun *current = m_controller.current();
    if (m_tab) m_tab->editor()->scene()->clearRunStates();
    m_tab = m_currentTab();
    m_tasks.clear();
    m_attempts.clear();
    m_incoming.clear();
    m_live.reset();
    m_endMs = 0;
    // Every task of the snapshot starts Pending, shown a slice a frame (showQueued) so that a
    // 10,000-task run starts without a pause; events change only the tasks they are about.
    m_attempts.reserve(qsizetype(current->flow.tasks.size()));
    m_pendingShown = 0;
    m_showTimer.start();
    m_ticker.start();
    m_statusBar->showMessage(tr("Started %1 (run %2)").arg(current->flow.name, shortId(current->runId)), 5000);
    updateActions();
    updateStatus();
}

void RunControls::onUpdate(const LiveUpdate &update) {
    for (const LiveRun &run : update.runs) m_live = run;
    m_incoming.insert(m_incoming.end(), update.tasks.begin(), update.tasks.end());
    if (!m_incoming.empty() && !m_showTimer.isActive()) m_showTimer.start();
    updateStatus();
}

void RunControls::showQueued(qint64 budgetMs) {
    QElapsedTimer clock;
    clock.start();
    const auto inBudget = [&] { return budgetMs < 0 || clock.elapsed() < budgetMs; };
    // First every task Pending (and its attempts known, which the states below are told with).
    const WindowRun *current = m_controller.current();
    FlowScene *scene = m_tab ? m_tab->editor()->scene() : nullptr;
    const size_t count = current ? current->flow.tasks.size() : 0;
    while (m_pendingShown < count && inBudget()) {
        const Task &task = current->flow.tasks[m_pendingShown++];
        m_attempts.insert(task.name, task.retries + 1);
        if (scene && !m_tasks.contains(task.name)) scene->setTaskRunState(task.name, RunState::Pending);
    }
    if (m_pendingShown < count) {
        m_showTimer.start();
        return;
    }
    while (!m_incoming.empty() && inBudget()) {
        const LiveTask &task = *m_tasks.insert(m_incoming.front().task, std::move(m_incoming.front()));
        m_incoming.pop_front();
        showTask(task);
    }
    if (!m_incoming.empty()) m_showTimer.start();
}

void RunControls::showTask(const LiveTask &task) {
    if (!m_tab) return;  // its tab was closed: nothing shows the run
    const NodeRunText text = nodeRunText(task, m_attempts.value(task.task, 1), now());
    m_tab->editor()->scene()->setTaskRunState(task.task, task.state, text.detail, text.tooltip);
}

void RunControls::tick() {
    // Only the running tasks' text changes with time: one item each, not the whole canvas.
    for (const LiveTask &task : std::as_const(m_tasks))
        if ((task.state == RunState::Running || task.state == RunState::Retrying) && task.startMs > 0) showTask(task);
    updateStatus();
}

void RunControls::onFinished(const QString &runId, RunState state, const QString &message) {
    m_ticker.stop();
    showQueued(-1);  // the end shows every task's final state at once
    m_endState = state;
    m_endMs = now();
    const WindowRun *current = m_controller.current();
    const qint64 took = m_endMs - (m_live && m_live->startMs ? m_live->startMs : current->startMs);
    QString text = tr("Run %1 of %2 %3 after %4")
                       .arg(shortId(runId), current->flow.name, stateText(state), formatDuration(took));
    if (!m_reuseNote.isEmpty()) text += QStringLiteral(" (%1)").arg(m_reuseNote);
    if (!message.isEmpty() && state != RunState::Completed) text += QStringLiteral(": ") + message;
    m_statusBar->showMessage(text);
    m_notifier->runEnded(current->flow.name, runId, state, formatDuration(took), message);
    updateActions();
    updateStatus();
    if (m_closeWhenDone) {
        m_closeWhenDone = false;
        emit closeRequested();
    }
}

QString RunControls::statusText() const { return m_status->text(); }

void RunControls::updateStatus() {
    const WindowRun *current = m_controller.current();
    if (!current) {
        m_status->clear();
        return;
    }
    const int total = int(current->flow.tasks.size());
    const int done = m_live ? m_live->tasksDone : 0;
    const int failed = m_live ? m_live->tasksFailed : 0;
    const qint64 start = m_live && m_live->startMs ? m_live->startMs : current->startMs;
    const bool going = m_controller.isRunning();
    QString text = going ? (m_controller.isCancelling() ? tr("%1: stopping").arg(current->flow.name)
                                                        : tr("%1: running").arg(current->flow.name))
                         : tr("%1: %2").arg(current->flow.name, stateText(m_endState));
    text += tr(" \u00b7 %1/%2 done").arg(done).arg(total);
    if (failed) text += tr(" \u00b7 %1 failed").arg(failed);
    const qint64 elapsed = (going ? now() : m_endMs) - start;
    text += QStringLiteral(" \u00b7 ") + (going ? formatElapsed(elapsed) : formatDuration(elapsed));
    m_status->setText(text);
    m_status->setToolTip(tr("Run %1").arg(current->runId));
}

void RunControls::updateActions() {
    const bool going = m_controller.isRunning();
    m_run->setEnabled(!going);
    m_runWith->setEnabled(!going);
    m_rerun->setEnabled(!going);
    m_stop->setEnabled(going && !m_controller.isCancelling());
    const bool selected = !selectedTasks().isEmpty();
    m_runFromHere->setEnabled(!going && selected);
    m_runSelection->setEnabled(!going && selected);
}

void RunControls::selectionChanged() { updateActions(); }

bool RunControls::stop() {
    if (!m_controller.cancel()) return false;
    m_statusBar->showMessage(tr("Stopping %1: its tasks' process trees get SIGTERM, then SIGKILL")
                                 .arg(m_controller.current()->flow.name));
    updateActions();
    updateStatus();
    return true;
}

bool RunControls::mayClose() {
    if (!m_controller.isRunning()) return true;
    if (m_closeWhenDone) return false;  // stopping already; the window closes when it ends
    const QString name = m_controller.current()->flow.name;
    bool stopIt = true;
    if (m_stopPrompt) {
        stopIt = m_stopPrompt(name);
    } else if (m_interactive) {
        stopIt = QMessageBox::question(m_window, tr("A Run Is Going"),
                                       tr("%1 is still running. Stop it and close the window?").arg(name),
                                       QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    }
    if (!stopIt) return false;
    m_closeWhenDone = true;
    stop();
    m_statusBar->showMessage(tr("Stopping %1; the window closes when it has ended").arg(name));
    return false;
}

}  // namespace flowdeck
