#include "MainWindow.h"

#include "FlowHeader.h"
#include "PreferencesDialog.h"
#include "ProblemList.h"
#include "TaskTree.h"
#include "TrustBar.h"
#include "WorkspaceList.h"
#include "WorkspaceScheduler.h"
#include "schedules/SchedulesPanel.h"
#include "docks/FlowPropertiesPanel.h"
#include "docks/ShortcutSheet.h"
#include "docks/TaskInspector.h"
#include "docks/TaskPalette.h"
#include "documents/EditorTab.h"
#include "documents/RecoveryDialog.h"
#include "documents/SessionStore.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"
#include "editor/FlowView.h"
#include "runs/RunControls.h"
#include "runs/RunDetailTabs.h"
#include "runs/RunsBrowser.h"
#include "deploy/DeploymentForm.h"
#include "deploy/DeploymentsDock.h"
#include "workspace/WorkspaceTrust.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoView>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>

#ifndef FLOWDECK_VERSION
#define FLOWDECK_VERSION "unknown"
#endif

namespace flowdeck {

namespace {

const QString recentFilesKey = QStringLiteral("recentFiles");
const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");

// "1 task" has its own source text (English without a translator), "%n tasks" every plural
// form a translation needs.
QString tasksText(int n) {
    return n == 1 ? MainWindow::tr("1 task") : MainWindow::tr("%n tasks", nullptr, n);
}
QString problemsText(int n) {
    return n == 1 ? MainWindow::tr("1 problem") : MainWindow::tr("%n problems", nullptr, n);
}
QString flowsText(int n) {
    return n == 1 ? MainWindow::tr("1 flow") : MainWindow::tr("%n flows", nullptr, n);
}

bool isInside(const QString &folder, const QString &root) {
    return !root.isEmpty() && (folder == root || folder.startsWith(root + QLatin1Char('/')));
}

}  // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("Flowdeck"));
    setAcceptDrops(true);
    setDocumentMode(true);
    m_undoGroup = new QUndoGroup(this);
    createCentralArea();
    createDocks();
    createFileMenu();
    createEditMenu();
    m_arrangeMenu = menuBar()->addMenu(tr("&Arrange"));
    createViewMenu();
    createRunMenu();
    createHelpMenu();
    restoreWindowState();
    statusBar()->showMessage(tr("Ready"));
    // A passing message is about the document it was shown for, as it was then ("Saved ...",
    // "Opened ... \u2014 3 tasks"): an edit, undo or redo makes it stale. Messages about the
    // edit itself ("Added task ...") are shown after the push, so they stay.
    connect(m_undoGroup, &QUndoGroup::indexChanged, statusBar(), &QStatusBar::clearMessage);
    // Always the current document, updated on every edit, fix, undo and tab switch; passing
    // messages ("Added task ...") show beside it and go away (issue 8, defect 5).
    m_documentStatus = new QLabel(this);
    m_documentStatus->setObjectName(QStringLiteral("documentStatus"));
    statusBar()->addPermanentWidget(m_documentStatus);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setToolTip(tr("Canvas zoom: Ctrl+0 fits all, Ctrl+1 is 100%"));
    statusBar()->addPermanentWidget(m_zoomLabel);
    m_scheduler = new WorkspaceScheduler(this);
    auto *schedulerLabel = new QLabel(this);
    statusBar()->addPermanentWidget(schedulerLabel);
    connect(m_scheduler, &WorkspaceScheduler::statusChanged, schedulerLabel, [this, schedulerLabel](const QString &text) {
        schedulerLabel->setText(text);
        schedulerLabel->setToolTip(m_scheduler->problem());  // the whole reason, with file:line:column
    });
    createRunDocks();

    m_autosaveTimer.setInterval(autosaveIntervalMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveNow);
    m_autosaveTimer.start();
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(autosaveIdleMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &MainWindow::autosaveNow);
    // The outline follows edits a moment later, so a burst of edits rebuilds it once.
    m_outlineTimer.setSingleShot(true);
    m_outlineTimer.setInterval(150);
    connect(&m_outlineTimer, &QTimer::timeout, this, &MainWindow::refreshOutline);
    updateTitles();
}

MainWindow::~MainWindow() {
    // Tabs go first: their documents must not outlive the docks that listen to them.
    m_inspector->setDocument(nullptr);
    m_properties->setDocument(nullptr);
    while (m_tabs->count() > 0) delete m_tabs->widget(0);
}

// ----- construction ---------------------------------------------------------------------------

void MainWindow::createCentralArea() {
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_trustBar = new TrustBar(central);
    connect(m_trustBar, &TrustBar::trustRequested, this, &MainWindow::trustWorkspace);
    layout->addWidget(m_trustBar);
    m_header = new FlowHeader(central);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    m_tabs = new QTabWidget(central);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->tabBar()->setExpanding(false);
    layout->addWidget(m_header);
    layout->addWidget(line);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
}

QDockWidget *MainWindow::addDock(const QString &title, const QString &name, QWidget *widget,
                                 Qt::DockWidgetArea area, const QKeySequence &shortcut) {
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    QAction *toggle = dock->toggleViewAction();
    toggle->setShortcut(shortcut);
    toggle->setObjectName(name + QStringLiteral("Toggle"));
    toggle->setProperty("shortcutText", title);  // the title changes ("Problems (3)"); the sheet keeps this
    return dock;
}

void MainWindow::createDocks() {
    m_workspace = new WorkspaceList(this);
    m_workspaceDock = addDock(tr("Workspace"), QStringLiteral("workspaceDock"), m_workspace,
                              Qt::LeftDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_1));
    connect(m_workspace, &WorkspaceList::flowActivated, this, &MainWindow::openFlow);

    m_tasks = new TaskTree(this);
    // A narrow outline: the canvas and the inspector show the rest.
    for (int column :
         {TaskTree::TriggerColumn, TaskTree::RetriesColumn, TaskTree::TimeoutColumn, TaskTree::TagsColumn})
        m_tasks->setColumnHidden(column, true);
    QDockWidget *outline = addDock(tr("Tasks"), QStringLiteral("tasksDock"), m_tasks, Qt::LeftDockWidgetArea,
                                   QKeySequence(Qt::ALT | Qt::Key_2));
    connect(m_tasks, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        while (item && item->parent()) item = item->parent();
        if (item && !m_selecting) selectTask(item->data(0, TaskTree::TaskNameRole).toString());
    });

    m_palette = new TaskPalette(this);
    QDockWidget *paletteDock = addDock(tr("Palette"), QStringLiteral("paletteDock"), m_palette,
                                       Qt::LeftDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_3));
    connect(m_palette, &TaskPalette::templateActivated, this, &MainWindow::addTemplateAtCentre);
    // The outline shares the lower half with the palette: both are about the open flow.
    tabifyDockWidget(paletteDock, outline);
    paletteDock->raise();

    m_inspector = new TaskInspector(this);
    m_inspectorDock = addDock(tr("Inspector"), QStringLiteral("inspectorDock"), m_inspector,
                              Qt::RightDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_4));
    m_properties = new FlowPropertiesPanel(this);
    m_propertiesDock = addDock(tr("Flow"), QStringLiteral("flowDock"), m_properties, Qt::RightDockWidgetArea,
                               QKeySequence(Qt::ALT | Qt::Key_5));
    tabifyDockWidget(m_inspectorDock, m_propertiesDock);
    m_inspectorDock->raise();

    m_problems = new ProblemList(this);
    m_problemsDock = addDock(tr("Problems"), QStringLiteral("problemsDock"), m_problems,
                             Qt::BottomDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_6));
    connect(m_problems, &ProblemList::problemActivated, this, &MainWindow::activateProblem);
    m_undoView = new QUndoView(m_undoGroup, this);
    m_undoView->setEmptyLabel(tr("<opened>"));
    QDockWidget *history = addDock(tr("History"), QStringLiteral("historyDock"), m_undoView,
                                   Qt::BottomDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_7));
    tabifyDockWidget(m_problemsDock, history);
    m_problemsDock->raise();
}

void MainWindow::applyDefaultLayout() {
    // Most of the window for the canvas; docks sized by text, so they scale with the font.
    const int em = fontMetrics().averageCharWidth();
    const int line = fontMetrics().height();
    QDockWidget *palette = findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    resizeDocks({m_workspaceDock}, {30 * em}, Qt::Horizontal);
    resizeDocks({m_workspaceDock, palette}, {10 * line, 16 * line}, Qt::Vertical);
    resizeDocks({m_inspectorDock}, {62 * em}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {9 * line}, Qt::Vertical);
}

QAction *MainWindow::addAction(QMenu *menu, const QString &name, const QString &text,
                               const QList<QKeySequence> &keys, const std::function<void()> &slot) {
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcuts(keys);
    connect(action, &QAction::triggered, this, slot);
    menu->addAction(action);
    return action;
}

void MainWindow::createFileMenu() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    addAction(file, QStringLiteral("new"), tr("&New Flow"), {QKeySequence::New}, [this] { newDocument(); });
    addAction(file, QStringLiteral("open"), tr("&Open\u2026"), {QKeySequence::Open},
              [this] { chooseFlow(); });
    addAction(file, QStringLiteral("openWorkspace"), tr("Open &Workspace\u2026"),
              {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)}, [this] { chooseWorkspace(); });
    m_trustAction = addAction(file, QStringLiteral("trustWorkspace"), tr("&Trust This Workspace"), {},
                              [this] { trustWorkspace(); });
    m_trustAction->setEnabled(false);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    addAction(file, QStringLiteral("save"), tr("&Save"), {QKeySequence::Save}, [this] { save(); });
    addAction(file, QStringLiteral("saveAs"), tr("Save &As\u2026"),
              {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}, [this] { saveAs(); });
    // Not QKeySequence::Refresh: that is F5 and Ctrl+R, and F5 runs the flow (as in IDEs).
    addAction(file, QStringLiteral("reload"), tr("Re&load from Disk"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
              [this] { reload(); });
    m_exportMenu = file->addMenu(tr("&Export"));
    file->addSeparator();
    addAction(file, QStringLiteral("closeTab"), tr("&Close Flow"), {QKeySequence(Qt::CTRL | Qt::Key_W)},
              [this] { closeTab(m_tabs->currentIndex()); });
    QAction *quit = addAction(file, QStringLiteral("quit"), tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)},
                              [this] { close(); });
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::createEditMenu() {
    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    // Their text follows the step ("Undo Duplicate task 'python_2'"); the sheet names the action.
    undo->setProperty("shortcutText", tr("Undo"));
    redo->setProperty("shortcutText", tr("Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_editMenu->addAction(undo);
    m_editMenu->addAction(redo);
    m_editMenu->addSeparator();
    addAction(m_editMenu, QStringLiteral("flowProperties"), tr("Fl&ow Properties"),
              {QKeySequence(Qt::CTRL | Qt::Key_Comma)}, [this] {
                  m_propertiesDock->show();
                  m_propertiesDock->raise();
                  m_properties->focusField(QStringLiteral("name"));
              });
    addAction(m_editMenu, QStringLiteral("focusInspector"), tr("Edit &Selected Task"),
              {QKeySequence(Qt::Key_F2)}, [this] {
                  m_inspectorDock->show();
                  m_inspectorDock->raise();
                  m_inspector->focusField(QStringLiteral("name"));
              });
    QAction *preferences = addAction(m_editMenu, QStringLiteral("preferences"), tr("Pr&eferences\u2026"),
                                     {},  // QKeySequence::Preferences is Ctrl+, on KDE: Flow Properties'
                                     [this] { showPreferences(); });
    preferences->setMenuRole(QAction::PreferencesRole);
    m_editMenu->addSeparator();
}

void MainWindow::createViewMenu() {
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    // Docks in the order of their Alt+N keys.
    for (const char *name : {"workspaceDock", "tasksDock", "paletteDock", "inspectorDock", "flowDock",
                             "problemsDock", "historyDock"})
        if (auto *dock = findChild<QDockWidget *>(QString::fromLatin1(name)))
            m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenuFirst = m_viewMenu->actions().value(0);
    m_viewMenu->addSeparator();
    addAction(m_viewMenu, QStringLiteral("nextTab"), tr("&Next Flow"),
              {QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_Tab)}, [this] {
                  if (m_tabs->count())
                      m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
              });
    addAction(
        m_viewMenu, QStringLiteral("previousTab"), tr("&Previous Flow"),
        {QKeySequence(Qt::CTRL | Qt::Key_PageUp), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab)},
        [this] {
            if (m_tabs->count())
                m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
        });
    addAction(m_viewMenu, QStringLiteral("showProblems"), tr("Next Pro&blem"), {QKeySequence(Qt::Key_F8)},
              [this] {
                  if (m_problems->count() == 0) return;
                  const int row = (m_problems->currentRow() + 1) % m_problems->count();
                  m_problems->setCurrentRow(row);
                  emit m_problems->itemActivated(m_problems->item(row));
              });
    addAction(m_viewMenu, QStringLiteral("filterPalette"), tr("Find in Pa&lette"),
              {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)}, [this] { m_palette->focusFilter(); });
}

void MainWindow::createRunDocks() {
    // After the scheduler, whose session they show, so after restoreState(): restoreDockWidget()
    // puts them where the saved layout had them, else they join Problems and History below.
    const auto dock = [this](const QString &title, const QString &name, QWidget *widget, const QKeySequence &key) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        d->toggleViewAction()->setShortcut(key);
        d->toggleViewAction()->setObjectName(name + QStringLiteral("Toggle"));
        d->toggleViewAction()->setProperty("shortcutText", title);
        if (!restoreDockWidget(d)) {
            addDockWidget(Qt::BottomDockWidgetArea, d);
            tabifyDockWidget(m_problemsDock, d);
            resizeDocks({m_problemsDock}, {16 * fontMetrics().height()}, Qt::Vertical);  // a page of runs
            m_problemsDock->raise();
        }
        return d;
    };
    auto *runs = new RunsBrowser(this);
    QDockWidget *runsDock = dock(tr("Runs"), QStringLiteral("runsDock"), runs, QKeySequence(Qt::ALT | Qt::Key_8));
    auto *details = new RunDetailTabs(this);
    QDockWidget *detailDock =
        dock(tr("Run Detail"), QStringLiteral("runDetailDock"), details, QKeySequence(Qt::ALT | Qt::Key_9));
    auto *schedules = new SchedulesPanel(this);
    m_schedules = schedules;
    QDockWidget *schedulesDock =
        dock(tr("Schedules"), QStringLiteral("schedulesDock"), schedules, QKeySequence(Qt::ALT | Qt::Key_0));
    const QList<QAction *> viewActions = m_viewMenu->actions();
    QAction *separator = nullptr;
    for (QAction *a : viewActions)
        if (a->isSeparator() && !separator) separator = a;
    // Alt+0 is the Schedules dock's; Deployments takes the key beside it.
    m_deployments = new DeploymentsDock(this);
    m_deployments->setRunController(&m_runs->controller());
    m_deployments->setScheduleSource([schedules = QPointer<SchedulesPanel>(schedules)] {
        return schedules ? schedules->model()->records() : std::vector<ScheduleRecord>{};
    });
    QDockWidget *deploymentsDock = dock(tr("Deployments"), QStringLiteral("deploymentsDock"), m_deployments,
                                        QKeySequence(Qt::ALT | Qt::Key_Minus));
    m_viewMenu->insertActions(separator, {runsDock->toggleViewAction(), detailDock->toggleViewAction(),
                                          schedulesDock->toggleViewAction(), deploymentsDock->toggleViewAction()});
    // Each view is the context of its own connection: one that is gone is not called.
    connect(m_scheduler, &WorkspaceScheduler::sessionChanged, details, &RunDetailTabs::setSession);
    connect(m_scheduler, &WorkspaceScheduler::sessionChanged, runs, &RunsBrowser::setSession);
    connect(m_scheduler, &WorkspaceScheduler::sessionChanged, schedules, &SchedulesPanel::setSession);
    // The Schedules dock names the deployments' own schedules: it follows flowdeck.yaml too.
    connect(m_deployments, &DeploymentsDock::reloaded, schedules, &SchedulesPanel::reload);
    connect(runs, &RunsBrowser::openRunRequested, this, [details, detailDock](const QString &runId) {
        detailDock->show();
        detailDock->raise();
        details->openRun(runId);
    });
}

void MainWindow::createRunMenu() {
    m_runs = new RunControls(this, statusBar(), [this] { return currentTab(); });
    m_runs->setBeforeRun([this] { m_inspector->commitPending(); });
    connect(m_runs, &RunControls::closeRequested, this, &QWidget::close);
    QMenu *menu = menuBar()->addMenu(tr("&Run"));
    m_runToolBar = addToolBar(tr("Run"));
    m_runToolBar->setObjectName(QStringLiteral("runToolBar"));
    m_runToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const QList<QAction *> actions = m_runs->actions();
    for (QAction *a : actions) {
        QWidget::addAction(a);  // their keys work wherever the focus is in the window
        menu->addAction(a);
        if (a->objectName() != QLatin1String("rerun")) m_runToolBar->addAction(a);
    }
    menu->insertSeparator(actions.value(2));
    menu->addSeparator();
    for (QAction *a : m_runs->taskActions()) menu->addAction(a);
}

void MainWindow::createHelpMenu() {
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    // "?" opens it too, from the canvas only (FlowView): as a window shortcut it would be taken
    // from text fields, and Shift+? never matches where "?" is Shift+/ (X11, Wayland, Windows).
    addAction(help, QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"), {QKeySequence(Qt::Key_F1)},
              [this] { showShortcuts(); });
    QAction *about =
        addAction(help, QStringLiteral("about"), tr("&About Flowdeck"), {}, [this] { showAbout(); });
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::restoreWindowState() {
    QSettings settings;
    if (restoreGeometry(settings.value(geometryKey).toByteArray())) {
        fitToScreen();
    } else {
        const QScreen *screen = QGuiApplication::primaryScreen();
        const QSize available = screen ? screen->availableSize() : QSize(1400, 900);
        resize(std::min(available.width() * 9 / 10, 1800), std::min(available.height() * 9 / 10, 1100));
    }
    if (!restoreState(settings.value(stateKey).toByteArray())) applyDefaultLayout();
}

void MainWindow::fitToScreen() {
    // A geometry saved on a larger screen, or when something once forced the window wide (a
    // 2,000-character flow name made it 20,508 px), would otherwise come back on every start.
    const QScreen *screen = QGuiApplication::screenAt(geometry().center());
    if (!screen) screen = QGuiApplication::primaryScreen();
    if (!screen) return;
    const QRect available = screen->availableGeometry();
    QRect frame = geometry();
    if (available.contains(frame)) return;
    frame.setSize(frame.size().boundedTo(available.size()));
    frame.moveLeft(std::clamp(frame.left(), available.left(), available.right() - frame.width() + 1));
    frame.moveTop(std::clamp(frame.top(), available.top(), available.bottom() - frame.height() + 1));
    setGeometry(frame);
}

// ----- tabs -----------------------------------------------------------------------------------

void MainWindow::setInteractive(bool interactive) {
    m_interactive = interactive;
    m_runs->setInteractive(interactive);
}

int MainWindow::documentCount() const {
    return m_tabs->count();
}

EditorTab *MainWindow::tab(int index) const {
    return qobject_cast<EditorTab *>(m_tabs->widget(index));
}

EditorTab *MainWindow::currentTab() const {
    return qobject_cast<EditorTab *>(m_tabs->currentWidget());
}

FlowDocument *MainWindow::currentDocument() const {
    EditorTab *t = currentTab();
    return t ? t->document() : nullptr;
}

QString MainWindow::currentFile() const {
    return currentDocument() ? currentDocument()->filePath() : QString();
}

int MainWindow::indexOfFile(const QString &path) const {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i)
        if (tab(i)->document()->filePath() == absolute) return i;
    return -1;
}

int MainWindow::nextUntitledNumber() const {
    // Skip numbers in use by a tab or by an autosave still on disk (it may be waiting for recovery).
    for (int n = 1;; ++n) {
        bool used = QFile::exists(m_autosave.folder() + QStringLiteral("/untitled-%1.json").arg(n));
        for (int i = 0; i < m_tabs->count() && !used; ++i) used = tab(i)->untitledNumber() == n;
        if (!used) return n;
    }
}

EditorTab *MainWindow::addTab(EditorTab *tab) {
    connectTab(tab);
    m_undoGroup->addStack(tab->document()->undoStack());
    m_tabs->setCurrentIndex(m_tabs->addTab(tab, tab->title()));
    updateTitles();
    return tab;
}

void MainWindow::connectTab(EditorTab *tab) {
    FlowDocument *document = tab->document();
    connect(document, &FlowDocument::modifiedChanged, this, &MainWindow::updateTitles);
    connect(document, &FlowDocument::filePathChanged, this, &MainWindow::updateTitles);
    connect(document, &FlowDocument::propertiesChanged, this, &MainWindow::updateTitles);
    connect(document, &FlowDocument::problemsChanged, this, [this, tab] {
        if (tab == currentTab()) showCurrentDocument();
    });
    // The outline shows logic, not positions: a drag does not rebuild it.
    auto outlineChanged = [this, tab] {
        if (tab == currentTab()) m_outlineTimer.start();
    };
    connect(document, &FlowDocument::flowReset, this, outlineChanged);
    connect(document, &FlowDocument::taskAdded, this, outlineChanged);
    connect(document, &FlowDocument::taskRemoved, this, outlineChanged);
    connect(document, &FlowDocument::taskChanged, this, outlineChanged);
    connect(document, &FlowDocument::taskRenamed, this, outlineChanged);
    connect(document, &FlowDocument::edgesChanged, this, outlineChanged);
    connect(tab, &EditorTab::edited, this, [this] { m_idleTimer.start(); });
    connect(tab, &EditorTab::currentTaskChanged, this, [this, tab](const QString &name) {
        if (tab != currentTab()) return;
        m_inspector->setTask(name);
        m_selecting = true;
        if (!name.isEmpty()) m_tasks->selectTask(name);
        m_selecting = false;
    });
    connect(tab, &EditorTab::selectedTasksChanged, this, [this, tab](const QStringList &names) {
        if (tab != currentTab()) return;
        m_inspector->setSelection(names);
        m_runs->selectionChanged();
    });
    tab->editor()->setTaskMenuActions(m_runs->taskActions());
    connect(tab, &EditorTab::changedOnDisk, this, [this, tab] { onChangedOnDisk(tab); });
    connect(tab, &EditorTab::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(tab->editor()->view(), &FlowView::shortcutSheetRequested, this, &MainWindow::showShortcuts);
    tab->editor()->scene()->setDeleteConfirm(
        [this](const QStringList &deleted, const QStringList &losing) { return askToDelete(deleted, losing); });
    // The new task's settings are what one fills in next; the canvas keeps the focus (Tab adds more).
    connect(tab, &EditorTab::taskCreated, this, [this] {
        m_inspectorDock->show();
        m_inspectorDock->raise();
    });
    connect(tab, &EditorTab::taskActivated, this, [this] {
        m_inspectorDock->show();
        m_inspectorDock->raise();
        m_inspector->focusField(QStringLiteral("name"));
    });
}

// The canvas's own actions (cut, paste, align, zoom, export...) belong to each tab's editor;
// the menus show those of the current tab.
void MainWindow::installCanvasActions(EditorTab *tab) {
    for (const QPointer<QAction> &a : std::as_const(m_canvasActions)) {
        if (!a) continue;  // its tab is gone, and the action with it
        m_editMenu->removeAction(a);
        m_viewMenu->removeAction(a);
        if (a->isSeparator()) delete a.data();
    }
    m_canvasActions.clear();
    m_arrangeMenu->clear();
    m_exportMenu->clear();
    m_arrangeMenu->setEnabled(tab != nullptr);
    m_exportMenu->setEnabled(tab != nullptr);
    if (!tab) return;
    FlowEditor *editor = tab->editor();
    const QList<QAction *> edit = editor->actions(QStringLiteral("edit."));
    const QList<QAction *> view = editor->actions(QStringLiteral("view."));
    m_editMenu->addActions(edit);
    m_arrangeMenu->addActions(editor->actions(QStringLiteral("arrange.")));
    m_viewMenu->insertActions(m_viewMenuFirst, view);
    if (!view.isEmpty()) m_canvasActions << m_viewMenu->insertSeparator(m_viewMenuFirst);
    m_exportMenu->addActions(editor->actions(QStringLiteral("export.")));
    for (QAction *a : edit + view) m_canvasActions << a;
}

EditorTab *MainWindow::newDocument() {
    auto *tab = new EditorTab(nextUntitledNumber());
    tab->document()->clear(QStringLiteral("untitled-%1").arg(tab->untitledNumber()));
    addTab(tab);
    statusBar()->showMessage(tr("New flow"));
    return tab;
}

void MainWindow::onCurrentTabChanged() {
    EditorTab *tab = currentTab();
    statusBar()->clearMessage();  // it was about the tab left; the permanent label tells of this one
    m_undoGroup->setActiveStack(tab ? tab->document()->undoStack() : nullptr);
    m_inspector->setDocument(tab ? tab->document() : nullptr);
    m_inspector->setTask(tab ? tab->currentTask() : QString());
    m_inspector->setSelection(tab ? tab->editor()->scene()->selectedTaskNames() : QStringList());
    m_properties->setDocument(tab ? tab->document() : nullptr);
    m_runs->selectionChanged();
    installCanvasActions(tab);
    disconnect(m_zoomConnection);
    if (tab) {
        FlowView *view = tab->editor()->view();
        m_zoomConnection = connect(view, &FlowView::zoomChanged, this, &MainWindow::showZoom);
        showZoom(view->zoom());
    } else {
        m_zoomLabel->clear();
    }
    showCurrentDocument();
    refreshOutline();
    updateTitles();
}

void MainWindow::showZoom(double zoom) {
    m_zoomLabel->setText(tr("%1%").arg(qRound(zoom * 100)));
}

void MainWindow::showCurrentDocument() {
    FlowDocument *document = currentDocument();
    m_result = LoadResult();
    if (!document) {
        m_header->showEmpty();
        m_problems->showDiagnostics({}, Flow());
        m_problemsDock->setWindowTitle(tr("Problems"));
        m_workspace->setCurrentFile(QString());
        m_documentStatus->clear();
        return;
    }
    m_result.flow = document->flow();
    m_result.diagnostics = document->problems();
    m_result.readable = true;
    m_header->showResult(m_result,
                         document->filePath().isEmpty() ? document->displayName() : document->filePath());
    m_problems->showDiagnostics(m_result.diagnostics, m_result.flow);
    m_workspace->setCurrentFile(document->filePath());
    const int problems = int(m_result.diagnostics.size());
    m_problemsDock->setWindowTitle(problems ? tr("Problems (%1)").arg(problems) : tr("Problems"));
    m_documentStatus->setText(tr("%1 \u2014 %2, %3")
                                  .arg(document->displayName(), tasksText(int(m_result.flow.tasks.size())),
                                       problems ? problemsText(problems) : tr("no problems")));
}

QString MainWindow::documentStatus() const { return m_documentStatus->text(); }

void MainWindow::refreshOutline() {
    m_outlineTimer.stop();
    FlowDocument *document = currentDocument();
    m_selecting = true;
    m_tasks->showFlow(document ? document->flow() : Flow(), document ? document->problems() : Diagnostics());
    if (EditorTab *tab = currentTab(); tab && !tab->currentTask().isEmpty())
        m_tasks->selectTask(tab->currentTask());
    m_selecting = false;
}

void MainWindow::updateTitles() {
    for (int i = 0; i < m_tabs->count(); ++i) {
        EditorTab *t = tab(i);
        m_tabs->setTabText(i, t->title());
        m_tabs->setTabToolTip(i, t->document()->filePath().isEmpty()
                                     ? tr("Not saved yet")
                                     : QDir::toNativeSeparators(t->document()->filePath()));
    }
    FlowDocument *document = currentDocument();
    // "[*]" is where Qt shows the modified marker; it appears only while the window is modified.
    setWindowTitle(document ? QStringLiteral("%1[*] \u2014 Flowdeck").arg(document->displayName())
                            : QStringLiteral("Flowdeck"));
    setWindowModified(document && document->isModified());
    if (m_schedules) m_schedules->setCurrentFlow(document ? document->filePath() : QString());
    if (QAction *saveAction = action(QStringLiteral("save"))) saveAction->setEnabled(document != nullptr);
    if (QAction *saveAsAction = action(QStringLiteral("saveAs")))
        saveAsAction->setEnabled(document != nullptr);
    if (QAction *closeAction = action(QStringLiteral("closeTab")))
        closeAction->setEnabled(document != nullptr);
}

void MainWindow::selectTask(const QString &name) {
    if (EditorTab *tab = currentTab()) tab->selectTask(name);
}

void MainWindow::activateProblem(const QString &task, const QString &field) {
    if (!task.isEmpty()) {
        selectTask(task);
        m_inspectorDock->show();
        m_inspectorDock->raise();
        if (!field.isEmpty() && m_inspector->focusField(field)) return;
        if (EditorTab *tab = currentTab()) tab->view()->setFocus();
        return;
    }
    if (!field.isEmpty()) {
        m_propertiesDock->show();
        m_propertiesDock->raise();
        m_properties->focusField(field);
    }
}

void MainWindow::addTemplateAtCentre(const QString &templateId) {
    EditorTab *tab = currentTab();
    if (!tab) tab = newDocument();
    const std::optional<TaskTemplate> templ = TaskPalette::templateFor(templateId);
    if (!templ) return;
    const QString name = tab->addTemplate(*templ);
    statusBar()->showMessage(tr("Added task %1").arg(name));
}

// ----- opening --------------------------------------------------------------------------------

bool MainWindow::openFlow(const QString &path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (const int open = indexOfFile(absolute); open >= 0) {
        m_tabs->setCurrentIndex(open);
        addRecentFile(absolute);
        return true;
    }
    auto *tab = new EditorTab(0);
    QString error;
    if (!tab->load(absolute, &error)) {
        delete tab;
        showUnreadable(absolute, error);
        return false;
    }
    // A lone untouched untitled tab gives its place to the file (as editors usually do).
    if (m_tabs->count() == 1 && currentDocument()->filePath().isEmpty() && !currentDocument()->isModified() &&
        currentDocument()->flow().tasks.empty())
        delete m_tabs->widget(0);
    addTab(tab);
    addRecentFile(absolute);
    const FlowDocument *document = tab->document();
    const int problems = int(document->problems().size());
    QString status = tr("Opened %1 \u2014 %2")
                         .arg(QFileInfo(absolute).fileName(), tasksText(int(document->flow().tasks.size())));
    if (problems) {
        status += QStringLiteral(", ") + problemsText(problems);
        m_problemsDock->show();
        m_problemsDock->raise();
    }
    statusBar()->showMessage(status, 5000);  // the permanent label keeps telling after that
    spdlog::debug("opened {}: {} tasks, {} problems", absolute.toStdString(), document->flow().tasks.size(),
                  problems);
    return true;
}

void MainWindow::showUnreadable(const QString &path, const QString &error) {
    const QString fileName = QFileInfo(path).fileName();
    // The header, Problems and the outline describe the tab shown; with none, they describe the
    // failure. With a tab, the status bar and the message box tell of it.
    if (!currentTab()) {
        const QString message = error.contains(fileName) ? error : QStringLiteral("%1: %2").arg(path, error);
        m_problems->showError(message);
        m_problemsDock->show();
        m_problemsDock->raise();
        LoadResult unreadable;
        unreadable.readable = false;
        m_header->showResult(unreadable, path);
        m_tasks->showFlow(Flow(), {});
    }
    statusBar()->showMessage(
        tr("Could not read %1: %2").arg(fileName, error.section(QLatin1Char('\n'), 0, 0)));
    if (!m_interactive) return;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Cannot read flow"),
                        tr("Flowdeck could not read %1 as a flow file.").arg(QDir::toNativeSeparators(path)),
                        QMessageBox::Ok, this);
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal and non-blocking
}

void MainWindow::openWorkspace(const QString &dir) {
    m_workspace->setFolder(dir);
    if (m_deployments) m_deployments->setWorkspace(m_workspace->folder());
    QString schedulerError;
    if (!m_scheduler->setWorkspace(dir, &schedulerError))
        spdlog::warn("scheduler not started for {}: {}", dir.toStdString(), schedulerError.toStdString());
    m_trustBar->showFor(dir.isEmpty() || m_scheduler->trusted() ? QString() : m_scheduler->workspace());
    m_trustAction->setEnabled(!dir.isEmpty() && !m_scheduler->trusted());
    m_workspaceDock->setWindowTitle(dir.isEmpty() ? tr("Workspace")
                                                  : tr("Workspace \u2014 %1").arg(QDir(dir).dirName()));
    m_workspaceDock->setToolTip(QDir::toNativeSeparators(m_workspace->folder()));
    if (m_tabs->count() == 0)
        statusBar()->showMessage(
            tr("Workspace %1 \u2014 %2")
                .arg(QDir::toNativeSeparators(m_workspace->folder()), flowsText(m_workspace->count())));
}

QString MainWindow::workspaceFolder() const {
    return m_workspace->folder();
}

bool MainWindow::openPath(const QString &path) {
    const QFileInfo info(path);
    if (info.isDir()) {
        openWorkspace(info.absoluteFilePath());
        const Session last = SessionStore::load();
        if (QFileInfo(last.workspace) == info && openSessionFiles(last.files, last.current)) return true;
        const QStringList flows = m_workspace->files();
        return flows.isEmpty() || openFlow(SessionStore::welcomeFlow(flows));
    }
    if (!isInside(info.absolutePath(), workspaceFolder())) openWorkspace(info.absolutePath());
    return openFlow(info.absoluteFilePath());
}

bool MainWindow::restoreSession() {
    const Session last = SessionStore::load();
    if (last.isEmpty()) return false;
    if (!last.workspace.isEmpty() && QFileInfo(last.workspace).isDir()) openWorkspace(last.workspace);
    return openSessionFiles(last.files, last.current);
}

// Opens those of @p files that still exist, then brings @p current to the front.
bool MainWindow::openSessionFiles(const QStringList &files, const QString &current) {
    int opened = 0;
    for (const QString &file : files)
        if (QFileInfo(file).isFile() && openFlow(file)) ++opened;
    if (const int front = indexOfFile(current); front >= 0) m_tabs->setCurrentIndex(front);
    return opened > 0;
}

void MainWindow::saveSession() const {
    Session session;
    session.workspace = workspaceFolder();
    for (int i = 0; i < m_tabs->count(); ++i)
        if (const QString file = tab(i)->document()->filePath(); !file.isEmpty()) session.files << file;
    session.current = currentFile();
    SessionStore::save(session);
}

bool MainWindow::reload() {
    EditorTab *tab = currentTab();
    if (!tab || tab->document()->filePath().isEmpty()) return false;
    m_inspector->commitPending();  // a field being typed in is an unsaved change too
    if (!mayDiscardChanges(tab, ReloadReason::Requested)) {
        statusBar()->showMessage(
            tr("Not reloaded; kept your changes to %1").arg(tab->document()->displayName()));
        return false;
    }
    QString error;
    if (!tab->reload(&error)) {
        statusBar()->showMessage(tr("Could not reload: %1").arg(error));
        return false;
    }
    tab->dropAutosave(m_autosave);
    showCurrentDocument();
    refreshOutline();
    updateTitles();
    statusBar()->showMessage(tr("Reloaded %1").arg(tab->document()->displayName()));
    return true;
}

// True when reloading @p tab loses nothing: it has no unsaved changes, or the user lets them go.
bool MainWindow::mayDiscardChanges(EditorTab *tab, ReloadReason reason) {
    if (!tab->document()->isModified()) return true;
    const QString path = tab->document()->filePath();
    if (m_reloadPrompt) return m_reloadPrompt(path);
    return m_interactive && askToReload(path, reason);
}

void MainWindow::onChangedOnDisk(EditorTab *tab) {
    if (!mayDiscardChanges(tab, ReloadReason::ChangedOnDisk)) {
        tab->acceptDiskState();  // asked once per change, not again until it changes again
        statusBar()->showMessage(
            tr("%1 changed on disk; kept your version").arg(tab->document()->displayName()));
        return;
    }
    QString error;
    if (tab->reload(&error)) tab->dropAutosave(m_autosave);
    if (tab == currentTab()) {
        showCurrentDocument();
        refreshOutline();
    }
    updateTitles();
    statusBar()->showMessage(tr("Reloaded %1 (changed on disk)").arg(tab->document()->displayName()));
}

bool MainWindow::askToReload(const QString &path, ReloadReason reason) {
    const QString file = QDir::toNativeSeparators(path);
    const bool changed = reason == ReloadReason::ChangedOnDisk;
    QMessageBox box(
        QMessageBox::Warning, changed ? tr("File Changed on Disk") : tr("Reload from Disk"),
        changed ? tr("%1 was changed by another program, and you have unsaved changes here.").arg(file)
                : tr("You have unsaved changes to %1.").arg(file),
        QMessageBox::NoButton, this);
    box.setInformativeText(tr("Reload the file and lose your changes, or keep your version?"));
    QPushButton *reloadButton = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("&Keep Mine"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == reloadButton;
}

// ----- saving and closing ---------------------------------------------------------------------

bool MainWindow::save() {
    EditorTab *tab = currentTab();
    return tab && saveTab(tab, tab->document()->filePath());
}

bool MainWindow::saveAs(const QString &path) {
    EditorTab *tab = currentTab();
    return tab && saveTab(tab, path);
}

// @p path: the file to write; empty asks for one (Save As, or Save of a new flow).
bool MainWindow::saveTab(EditorTab *tab, const QString &path) {
    m_inspector->commitPending();
    QString target = path;
    if (target.isEmpty()) {
        const QString start = tab->document()->filePath().isEmpty()
                                  ? QDir(workspaceFolder())
                                        .filePath(tab->document()->flow().name + QStringLiteral(".flow.yaml"))
                                  : tab->document()->filePath();
        if (!m_interactive) return false;
        target = QFileDialog::getSaveFileName(this, tr("Save Flow"), start, tr("Flow files (*.flow.yaml)"));
        if (target.isEmpty()) return false;
        if (!target.endsWith(QStringLiteral(".flow.yaml"))) target += QStringLiteral(".flow.yaml");
    }
    QString error;
    const bool sameFile = QFileInfo(target).absoluteFilePath() == tab->document()->filePath();
    if (!(sameFile ? tab->save(&error) : tab->saveAs(target, &error))) {
        statusBar()->showMessage(tr("Could not save: %1").arg(error));
        if (m_interactive) QMessageBox::warning(this, tr("Could not save"), error);
        return false;
    }
    tab->dropAutosave(m_autosave);
    addRecentFile(tab->document()->filePath());
    m_workspace->refresh();
    updateTitles();
    if (tab == currentTab()) showCurrentDocument();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(tab->document()->filePath())));
    return true;
}

MainWindow::SaveAnswer MainWindow::askToSave(const QString &title) {
    if (m_savePrompt) return m_savePrompt(title);
    if (!m_interactive) return SaveAnswer::Cancel;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"), tr("Save the changes to %1 before closing?").arg(title),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return SaveAnswer::Save;
    return answer == QMessageBox::Discard ? SaveAnswer::Discard : SaveAnswer::Cancel;
}

bool MainWindow::askToDelete(const QStringList &deleted, const QStringList &losing) {
    if (m_deletePrompt) return m_deletePrompt(deleted, losing);
    if (!m_interactive) return true;
    const QString what = deleted.size() == 1 ? tr("Delete task '%1'?").arg(deleted.front())
                                             : tr("Delete %n tasks?", nullptr, int(deleted.size()));
    QMessageBox box(QMessageBox::Warning, tr("Delete Tasks"), what, QMessageBox::NoButton, this);
    box.setInformativeText(tr("Tasks that would lose an upstream: %1. Undo brings it back.")
                               .arg(losing.join(QStringLiteral(", "))));
    QPushButton *remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == remove;
}

// True when the tab's changes are safe to lose: saved, discarded, or there were none.
bool MainWindow::maybeSave(EditorTab *tab) {
    if (tab == currentTab()) m_inspector->commitPending();
    if (!tab->document()->isModified()) return true;
    m_tabs->setCurrentWidget(tab);
    switch (askToSave(tab->document()->displayName())) {
        case SaveAnswer::Save:
            return saveTab(tab, tab->document()->filePath());
        case SaveAnswer::Discard:
            return true;
        case SaveAnswer::Cancel:
            return false;
    }
    return false;
}

bool MainWindow::closeTab(int index) {
    EditorTab *t = tab(index);
    if (!t || !maybeSave(t)) return false;
    t->dropAutosave(m_autosave);
    if (t == currentTab()) m_inspector->setDocument(nullptr);
    m_undoGroup->removeStack(t->document()->undoStack());
    delete t;
    updateTitles();
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event) {
    // A run going is stopped first (asked); the window closes again once it has ended.
    if (!m_runs->mayClose()) {
        event->ignore();
        return;
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (!maybeSave(tab(i))) {
            event->ignore();
            return;
        }
    }
    // An open deployment form with changes asks too (closing it is its own question).
    if (m_interactive)
        for (DeploymentForm *form : findChildren<DeploymentForm *>())
            if (form->isVisible() && !form->close()) {
                event->ignore();
                return;
            }
    // Everything is saved or knowingly discarded: no autosave should be offered next time.
    for (int i = 0; i < m_tabs->count(); ++i) tab(i)->dropAutosave(m_autosave);
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    saveSession();
    QMainWindow::closeEvent(event);
}

// ----- autosave and recovery ------------------------------------------------------------------

int MainWindow::autosaveNow() {
    if (m_tabs->count() == 0) return 0;
    int written = 0;
    for (int i = 0; i < m_tabs->count(); ++i) written += tab(i)->autosave(m_autosave) ? 1 : 0;
    if (written) statusBar()->showMessage(tr("Autosaved %1").arg(flowsText(written)), 3000);
    return written;
}

bool MainWindow::trustWorkspace() {
    QString error;
    if (!m_scheduler->trustWorkspace(&error) && !m_scheduler->trusted()) {
        statusBar()->showMessage(tr("Could not trust this folder: %1").arg(error));
        return false;
    }
    m_trustBar->showFor(QString());
    m_trustAction->setEnabled(false);
    statusBar()->showMessage(tr("Trusted %1: its schedules fire from now on")
                                 .arg(QDir::toNativeSeparators(m_scheduler->workspace())));
    offerRecovery();  // what waited for the trust
    return true;
}

int MainWindow::offerRecovery() {
    // Documents of folders not trusted wait until they are (nothing of such a folder comes back
    // on its own); untitled ones were this user's own.
    std::vector<AutosaveEntry> orphans;
    const WorkspaceTrust trust;
    for (AutosaveEntry &entry : m_autosave.orphans())
        if (entry.originalPath.isEmpty() || trust.isTrusted(QFileInfo(entry.originalPath).absolutePath()))
            orphans.push_back(std::move(entry));
    if (orphans.empty()) return 0;
    bool discardRest = false;
    std::vector<AutosaveEntry> chosen;
    if (m_recoveryChooser) {
        chosen = m_recoveryChooser(orphans, &discardRest);
    } else if (m_interactive) {
        RecoveryDialog dialog(orphans, this);
        dialog.exec();
        if (dialog.choice() == RecoveryDialog::Recover) chosen = dialog.selected();
        discardRest = dialog.choice() != RecoveryDialog::Later;
    }
    int recovered = 0;
    for (const AutosaveEntry &entry : chosen) recovered += recover(entry) ? 1 : 0;
    if (discardRest) {
        for (const AutosaveEntry &entry : orphans) m_autosave.remove(entry.key);
    }
    autosaveNow();  // the recovered documents are this session's now
    if (recovered) statusBar()->showMessage(tr("Recovered %1").arg(flowsText(recovered)));
    return recovered;
}

bool MainWindow::recover(const AutosaveEntry &entry) {
    const QByteArray text = m_autosave.read(entry);
    if (text.isEmpty()) return false;
    const int open = entry.originalPath.isEmpty() ? -1 : indexOfFile(entry.originalPath);
    EditorTab *target = open >= 0 ? tab(open) : new EditorTab(nextUntitledNumber());
    QString error;
    if (open < 0 && (entry.originalPath.isEmpty() || !target->load(entry.originalPath, &error)))
        target->document()->clear(entry.title);
    // One undo step on top of the file: the document shows as modified, and undo goes back to disk.
    if (!target->document()->loadText(text, &error)) {
        if (open < 0) delete target;
        statusBar()->showMessage(tr("Could not recover %1: %2").arg(entry.title, error));
        return false;
    }
    m_autosave.remove(entry.key);
    if (open < 0)
        addTab(target);
    else
        m_tabs->setCurrentIndex(open);
    return true;
}

// ----- help, recent files, drops --------------------------------------------------------------

QAction *MainWindow::action(const QString &objectName) const {
    for (QAction *a : findChildren<QAction *>(objectName)) return a;
    return nullptr;
}

QList<QAction *> MainWindow::shortcutActions() const {
    QList<QAction *> actions;
    for (QAction *menuAction : menuBar()->actions()) {
        if (!menuAction->menu()) continue;
        const QList<QAction *> inMenu = menuAction->menu()->actions();
        for (QAction *a : inMenu) {
            if (a->menu())
                actions += a->menu()->actions();
            else
                actions << a;
        }
    }
    if (EditorTab *tab = currentTab()) actions += tab->editor()->actions(QString());
    return actions;
}

ShortcutSheet *MainWindow::showShortcuts() {
    std::vector<ShortcutSheet::Entry> gestures;
    for (const FlowView::Gesture &g : FlowView::gestures())
        gestures.push_back({tr("Canvas"), g.what, g.keys});
    auto *sheet = new ShortcutSheet(shortcutActions(), gestures, this);
    sheet->setAttribute(Qt::WA_DeleteOnClose);
    sheet->show();
    return sheet;
}

void MainWindow::chooseFlow() {
    const QString start =
        currentFile().isEmpty() ? workspaceFolder() : QFileInfo(currentFile()).absolutePath();
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open Flow"), start,
                                                            tr("Flow files (*.flow.yaml);;All files (*)"));
    for (const QString &path : paths) openPath(path);
}

void MainWindow::chooseWorkspace() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), workspaceFolder());
    if (!dir.isEmpty()) openPath(dir);
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Flowdeck"),
                       tr("<h3>Flowdeck %1</h3>"
                          "<p>A desktop workflow designer and runner.</p>"
                          "<p>Built with Qt %2, running on Qt %3.</p>")
                           .arg(QStringLiteral(FLOWDECK_VERSION), QStringLiteral(QT_VERSION_STR),
                                QString::fromLatin1(qVersion())));
}

QStringList MainWindow::recentFiles() const {
    return QSettings().value(recentFilesKey).toStringList().mid(0, maxRecentFiles);
}

void MainWindow::addRecentFile(const QString &path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    QSettings().setValue(recentFilesKey, QStringList(files.mid(0, maxRecentFiles)));
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    int shown = 0;
    for (const QString &path : recentFiles()) {
        if (!QFileInfo::exists(path)) continue;  // moved or deleted since: offering it would only fail
        ++shown;
        const QString text = QStringLiteral("&%1 %2").arg(shown).arg(QDir::toNativeSeparators(path));
        m_recentMenu->addAction(text, this, [this, path] { openPath(path); });
    }
    if (shown == 0) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [] { QSettings().remove(recentFilesKey); });
}

QStringList MainWindow::droppedPaths(const QMimeData *mime) {
    QStringList paths;
    if (!mime->hasUrls()) return paths;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile()) continue;
        const QString path = url.toLocalFile();
        if (WorkspaceList::isFlowFile(path) || QFileInfo(path).isDir()) paths << path;
    }
    return paths;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (!droppedPaths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QStringList paths = droppedPaths(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    for (const QString &path : paths) openPath(path);
}

void MainWindow::changeEvent(QEvent *event) {
    QMainWindow::changeEvent(event);
    // The header draws with palette colours; a theme switch must repaint it in the new ones.
    if (event->type() == QEvent::PaletteChange) showCurrentDocument();
}

}  // namespace flowdeck
