#include "MainWindow.h"

#include "FlowHeader.h"
#include "ProblemList.h"
#include "TaskTree.h"
#include "WorkspaceList.h"

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
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#ifndef FLOWDECK_VERSION
#define FLOWDECK_VERSION "unknown"
#endif

namespace flowdeck {

namespace {

const QString recentFilesKey = QStringLiteral("recentFiles");
const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");

QString plural(int n, const QString &one, const QString &many) {
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

bool isInside(const QString &folder, const QString &root) {
    return !root.isEmpty() && (folder == root || folder.startsWith(root + QLatin1Char('/')));
}

}  // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("Flowdeck"));
    setAcceptDrops(true);
    createCentralArea();
    createDocks();
    createMenus();
    restoreWindowState();
    statusBar()->showMessage(tr("Ready"));

    // Editors save in several steps (truncate, write, rename): reload once they are done.
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(200);
    connect(&m_reloadTimer, &QTimer::timeout, this, &MainWindow::reload);
    connect(&m_fileWatcher, &QFileSystemWatcher::fileChanged, this, [this] { m_reloadTimer.start(); });
}

void MainWindow::createCentralArea() {
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_header = new FlowHeader(central);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    m_tasks = new TaskTree(central);
    m_tasks->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_header);
    layout->addWidget(line);
    layout->addWidget(m_tasks, 1);
    setCentralWidget(central);
}

void MainWindow::createDocks() {
    m_workspace = new WorkspaceList(this);
    m_workspaceDock = new QDockWidget(tr("Workspace"), this);
    m_workspaceDock->setObjectName(QStringLiteral("workspaceDock"));
    m_workspaceDock->setWidget(m_workspace);
    addDockWidget(Qt::LeftDockWidgetArea, m_workspaceDock);
    connect(m_workspace, &WorkspaceList::flowActivated, this, &MainWindow::openFlow);

    m_problems = new ProblemList(this);
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    connect(m_problems, &ProblemList::taskActivated, this, [this](const QString &task) {
        if (m_tasks->selectTask(task)) m_tasks->setFocus();
    });
    resizeDocks({m_workspaceDock}, {240}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {150}, Qt::Vertical);
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open\u2026"), this, &MainWindow::chooseFlow);
    open->setShortcut(QKeySequence::Open);
    QAction *openWorkspace = file->addAction(tr("Open &Workspace\u2026"), this, &MainWindow::chooseWorkspace);
    openWorkspace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    QAction *reloadAction = file->addAction(tr("Re&load"), this, &MainWindow::reload);
    reloadAction->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_workspaceDock->toggleViewAction());
    view->addAction(m_problemsDock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Expand All Tasks"), m_tasks, &QTreeView::expandAll);
    view->addAction(tr("&Collapse All Tasks"), m_tasks, &QTreeView::collapseAll);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Flowdeck"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::restoreWindowState() {
    QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray())) resize(1200, 760);
    restoreState(settings.value(stateKey).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    QMainWindow::closeEvent(event);
}

bool MainWindow::openFlow(const QString &path) {
    return load(path, true);
}

bool MainWindow::reload() {
    if (m_currentFile.isEmpty()) return false;
    // Keep the user's place: a reload should not jump the selection back to the top.
    QTreeWidgetItem *selected = m_tasks->currentItem();
    while (selected && selected->parent()) selected = selected->parent();
    const QString task = selected ? selected->data(0, TaskTree::TaskNameRole).toString() : QString();
    const bool readable = load(m_currentFile, false);
    m_tasks->selectTask(task);
    return readable;
}

bool MainWindow::load(const QString &path, bool warnIfUnreadable) {
    m_currentFile = QFileInfo(path).absoluteFilePath();
    m_result = FlowFile::load(m_currentFile);
    spdlog::debug("loaded {}: {} tasks, {} diagnostics", m_currentFile.toStdString(),
                  m_result.flow.tasks.size(), m_result.diagnostics.size());
    showResult();
    watchCurrentFile();
    if (m_result.readable)
        addRecentFile(m_currentFile);
    else if (warnIfUnreadable && m_interactive)
        warnUnreadable();
    return m_result.readable;
}

void MainWindow::showResult() {
    const QString fileName = QFileInfo(m_currentFile).fileName();
    m_header->showResult(m_result, m_currentFile);
    m_tasks->showFlow(m_result.flow, m_result.diagnostics);
    m_problems->showDiagnostics(m_result.diagnostics, m_result.flow);
    m_workspace->setCurrentFile(m_currentFile);

    const int problems = int(m_result.diagnostics.size());
    m_problemsDock->setWindowTitle(problems ? tr("Problems (%1)").arg(problems) : tr("Problems"));
    if (problems > 0) m_problemsDock->raise();

    const QString name = m_result.flow.name.isEmpty() ? fileName : m_result.flow.name;
    setWindowTitle(QStringLiteral("%1 \u2014 Flowdeck").arg(name));

    QString status;
    if (m_result.readable) {
        status = tr("Opened %1 \u2014 %2")
                     .arg(fileName, plural(int(m_result.flow.tasks.size()), tr("task"), tr("tasks")));
        if (problems) status += QStringLiteral(", ") + plural(problems, tr("problem"), tr("problems"));
    } else {
        const QString first = problems ? m_result.diagnostics.front().message : tr("not a flow file");
        status = tr("Could not read %1: %2").arg(fileName, first);
    }
    statusBar()->showMessage(status);
}

void MainWindow::warnUnreadable() {
    QStringList messages;
    for (const Diagnostic &diagnostic : m_result.diagnostics) messages << diagnostic.toString();
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Cannot read flow"),
        tr("Flowdeck could not read %1 as a flow file.").arg(QDir::toNativeSeparators(m_currentFile)),
        QMessageBox::Ok, this);
    // The first few messages say enough; the rest are one click away.
    box->setInformativeText(QStringList(messages.mid(0, 5)).join(QLatin1Char('\n')));
    if (messages.size() > 5) box->setDetailedText(messages.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal and non-blocking: the Problems dock fills in behind it
}

void MainWindow::watchCurrentFile() {
    const QStringList watched = m_fileWatcher.files();
    if (!watched.isEmpty()) m_fileWatcher.removePaths(watched);
    if (QFileInfo::exists(m_currentFile)) m_fileWatcher.addPath(m_currentFile);
}

void MainWindow::openWorkspace(const QString &dir) {
    m_workspace->setFolder(dir);
    m_workspaceDock->setWindowTitle(dir.isEmpty() ? tr("Workspace")
                                                  : tr("Workspace \u2014 %1").arg(QDir(dir).dirName()));
    m_workspaceDock->setToolTip(QDir::toNativeSeparators(m_workspace->folder()));
    if (m_currentFile.isEmpty()) {
        const int flows = m_workspace->count();
        statusBar()->showMessage(tr("Workspace %1 \u2014 %2")
                                     .arg(QDir::toNativeSeparators(m_workspace->folder()),
                                          plural(flows, tr("flow"), tr("flows"))));
    }
}

QString MainWindow::workspaceFolder() const {
    return m_workspace->folder();
}

bool MainWindow::openPath(const QString &path) {
    const QFileInfo info(path);
    if (info.isDir()) {
        openWorkspace(info.absoluteFilePath());
        const QStringList flows = m_workspace->files();
        return flows.isEmpty() || openFlow(flows.first());
    }
    if (!isInside(info.absolutePath(), workspaceFolder())) openWorkspace(info.absolutePath());
    return openFlow(info.absoluteFilePath());
}

void MainWindow::chooseFlow() {
    const QString start =
        m_currentFile.isEmpty() ? workspaceFolder() : QFileInfo(m_currentFile).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Flow"), start,
                                                      tr("Flow files (*.flow.yaml);;All files (*)"));
    if (!path.isEmpty()) openPath(path);
}

void MainWindow::chooseWorkspace() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), workspaceFolder());
    if (!dir.isEmpty()) openPath(dir);
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
        if (!QFileInfo::exists(path))
            continue;  // moved or deleted since; offering it would only lead to an error
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

QString MainWindow::droppedPath(const QMimeData *mime) {
    if (!mime || !mime->hasUrls()) return QString();
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile()) continue;
        const QString path = url.toLocalFile();
        if (WorkspaceList::isFlowFile(path) || QFileInfo(path).isDir()) return path;
    }
    return QString();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (!droppedPath(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    openPath(path);
}

}  // namespace flowdeck
