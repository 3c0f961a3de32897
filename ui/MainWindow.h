#pragma once
/// @file Flowdeck's main window: a workspace of flow files, the open flow's tasks and its problems.

#include "flow/FlowFile.h"

#include <QFileSystemWatcher>
#include <QMainWindow>
#include <QTimer>

class QDockWidget;
class QMenu;
class QMimeData;

namespace flowdeck {

class FlowHeader;
class ProblemList;
class TaskTree;
class WorkspaceList;

/// The main window. At this stage it shows flows read-only; the node editor comes later.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    static constexpr int maxRecentFiles = 8;

    explicit MainWindow(QWidget *parent = nullptr);

    /// Loads @p path and shows whatever could be read, with its problems.
    /// @return false when the file could not be read as a flow at all.
    bool openFlow(const QString &path);
    /// Lists the flows of @p dir in the Workspace dock and watches it for new or removed files.
    void openWorkspace(const QString &dir);
    /// What a path given by the user means: a folder opens as workspace with its first flow
    /// (alphabetically); a file opens as flow, with its folder as workspace when it lies outside
    /// the current one. Used by the command line, the menus and drag and drop.
    /// @return false when nothing could be opened.
    bool openPath(const QString &path);
    /// Loads the open file again (also done automatically when it changes on disk).
    bool reload();

    /// When false, problems never pop up a dialog; they only go to the Problems dock and the
    /// status bar (for tests and scripted use). True by default.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isInteractive() const { return m_interactive; }

    TaskTree *taskTree() const { return m_tasks; }
    ProblemList *problemList() const { return m_problems; }
    WorkspaceList *workspaceList() const { return m_workspace; }
    FlowHeader *flowHeader() const { return m_header; }
    QString currentFile() const { return m_currentFile; }
    QString workspaceFolder() const;
    const LoadResult &loadResult() const { return m_result; }
    /// Most recent first, at most maxRecentFiles.
    QStringList recentFiles() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createCentralArea();
    void createDocks();
    void createMenus();
    void restoreWindowState();

    bool load(const QString &path, bool warnIfUnreadable);
    void showResult();
    void warnUnreadable();
    void watchCurrentFile();

    void chooseFlow();
    void chooseWorkspace();
    void showAbout();
    void addRecentFile(const QString &path);
    void fillRecentMenu();

    static QString droppedPath(const QMimeData *mime);

    FlowHeader *m_header = nullptr;
    TaskTree *m_tasks = nullptr;
    ProblemList *m_problems = nullptr;
    WorkspaceList *m_workspace = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QDockWidget *m_workspaceDock = nullptr;
    QMenu *m_recentMenu = nullptr;

    QString m_currentFile;
    LoadResult m_result;
    bool m_interactive = true;
    QFileSystemWatcher m_fileWatcher;
    QTimer m_reloadTimer;
};

}  // namespace flowdeck
