#pragma once
/// @file Flowdeck's main window: flows open as tabs around the canvas, with the editor's docks.

#include "documents/AutosaveStore.h"
#include "flow/FlowFile.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <vector>

class QDockWidget;
class QLabel;
class QMenu;
class QMimeData;
class QToolBar;
class QTabWidget;
class QUndoGroup;
class QUndoView;

namespace flowdeck {

class DeploymentsDock;
class SchedulesPanel;
class EditorTab;
class FlowDocument;
class FlowHeader;
class TrustBar;
class FlowPropertiesPanel;
class ProblemList;
class RunControls;
class ShortcutSheet;
class TaskInspector;
class TaskPalette;
class TaskTree;
class WorkspaceList;
class WorkspaceScheduler;

/// The main window: several flows as tabs, the workspace, palette, inspector, flow properties,
/// problems and undo history as docks; saving, autosave and recovery, and a prompt before any
/// change is lost.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    static constexpr int maxRecentFiles = 8;
    static constexpr int autosaveIntervalMs = 30000;
    static constexpr int autosaveIdleMs = 3000;

    enum class SaveAnswer { Save, Discard, Cancel };
    /// Asked before unsaved changes of the document titled @p title would be lost.
    using SavePrompt = std::function<SaveAnswer(const QString &title)>;
    /// Asked before a reload would drop a document's unsaved changes (its file changed on disk,
    /// or Reload from Disk): true reloads, false keeps mine.
    using ReloadPrompt = std::function<bool(const QString &path)>;
    /// Asked before deleting @p deleted would leave @p losing without an upstream: true deletes.
    using DeletePrompt = std::function<bool(const QStringList &deleted, const QStringList &losing)>;
    /// Given orphaned autosaves, returns those to recover; @p discardRest says whether the
    /// others are deleted (true) or kept for next time (false).
    using RecoveryChooser =
        std::function<std::vector<AutosaveEntry>(const std::vector<AutosaveEntry> &, bool *discardRest)>;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // ----- documents ---------------------------------------------------------------------
    /// Opens @p path in a tab (or shows its tab when it is open already). A file with problems
    /// opens and lists them. @return false when the file could not be read as a flow at all.
    bool openFlow(const QString &path);
    /// Lists the flows of @p dir in the Workspace dock and watches it for new or removed files.
    void openWorkspace(const QString &dir);
    /// A folder opens as workspace with the flows last open in it (restoreSession), or else its
    /// tutorial (SessionStore::welcomeFlow) or first flow; a file opens as flow, with its folder as
    /// workspace when it lies outside the current one. Used by the command line, menus and drops.
    bool openPath(const QString &path);
    /// Opens the flows that were open when a window last closed (and their workspace), with the
    /// same tab in front. False when there was no such session or none of its files exists now.
    bool restoreSession();
    /// A new untitled flow in a new tab.
    EditorTab *newDocument();
    /// Loads the current tab's file again (discarding its undo history). Asks first when that
    /// would lose unsaved changes; false when kept or not reloaded.
    bool reload();
    /// Saves the current tab; asks for a file name when it has none. False when not saved.
    bool save();
    /// Saves the current tab as @p path (asks with a dialog when @p path is empty).
    bool saveAs(const QString &path = QString());
    /// Closes tab @p index, asking first when it has unsaved changes. False when cancelled.
    bool closeTab(int index);

    int documentCount() const;
    EditorTab *tab(int index) const;
    EditorTab *currentTab() const;
    FlowDocument *currentDocument() const;
    QTabWidget *tabs() const { return m_tabs; }

    // ----- autosave and recovery -----------------------------------------------------------
    AutosaveStore &autosaveStore() { return m_autosave; }
    /// Writes the autosaves that are due now (also done every 30 s and after a short idle).
    int autosaveNow();
    /// Offers the autosaves left by a session that did not end cleanly; recovered ones open as
    /// modified documents. Returns how many were recovered.
    int offerRecovery();
    /// Trusts the open workspace (remembered), starts its schedules and offers what was
    /// autosaved in it. False, with the reason in the status bar, when it cannot be remembered.
    bool trustWorkspace();

    // ----- prompts (replaceable for tests and scripted use) ----------------------------------
    void setSavePrompt(SavePrompt prompt) { m_savePrompt = std::move(prompt); }
    void setReloadPrompt(ReloadPrompt prompt) { m_reloadPrompt = std::move(prompt); }
    void setRecoveryChooser(RecoveryChooser chooser) { m_recoveryChooser = std::move(chooser); }
    void setDeletePrompt(DeletePrompt prompt) { m_deletePrompt = std::move(prompt); }
    /// When false, nothing pops up: problems only go to the Problems dock and the status bar,
    /// and prompts that were not replaced answer Cancel / keep mine / later (a delete that leaves
    /// tasks without an upstream goes ahead: it is one undo step, and the status bar names them).
    /// True by default.
    void setInteractive(bool interactive);
    bool isInteractive() const { return m_interactive; }

    // ----- parts ---------------------------------------------------------------------------
    TaskTree *taskTree() const { return m_tasks; }
    ProblemList *problemList() const { return m_problems; }
    WorkspaceList *workspaceList() const { return m_workspace; }
    FlowHeader *flowHeader() const { return m_header; }
    /// The status bar's permanent text about the current document ("hello.flow.yaml — 4 tasks, no problems").
    QString documentStatus() const;
    TaskInspector *inspector() const { return m_inspector; }
    FlowPropertiesPanel *flowProperties() const { return m_properties; }
    TaskPalette *taskPalette() const { return m_palette; }
    QUndoView *undoView() const { return m_undoView; }
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    /// The action named @p objectName ("save", "undo", "shortcuts", ...), or nullptr.
    QAction *action(const QString &objectName) const;
    /// Every action with a shortcut: the window's and the current canvas's.
    QList<QAction *> shortcutActions() const;
    /// Opens the keyboard cheat sheet (non-modal) and returns it.
    ShortcutSheet *showShortcuts();

    /// Run, Run with Parameters…, Stop and Re-run, the live canvas and the status bar's progress.
    RunControls *runControls() const { return m_runs; }
    QToolBar *runToolBar() const { return m_runToolBar; }

    /// The current document's file ("" when untitled or nothing is open).
    QString currentFile() const;
    QString workspaceFolder() const;
    /// The current document as a load result: its flow, its problems, whether it was readable.
    const LoadResult &loadResult() const { return m_result; }
    /// Most recent first, at most maxRecentFiles.
    QStringList recentFiles() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createCentralArea();
    void createDocks();
    QDockWidget *addDock(const QString &title, const QString &name, QWidget *widget, Qt::DockWidgetArea area,
                         const QKeySequence &shortcut);
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createRunMenu();
    void createHelpMenu();
    void createRunDocks();  // the Runs browser and the Run Detail dock (ui/runs)
    QAction *addAction(QMenu *menu, const QString &name, const QString &text, const QList<QKeySequence> &keys,
                       const std::function<void()> &slot);
    void restoreWindowState();
    /// Shrinks and moves the window into the screen it is on (a restored geometry may not fit).
    void fitToScreen();
    void saveSession() const;
    bool openSessionFiles(const QStringList &files, const QString &current);
    void applyDefaultLayout();

    EditorTab *addTab(EditorTab *tab);
    int indexOfFile(const QString &path) const;
    int nextUntitledNumber() const;
    void connectTab(EditorTab *tab);
    void onCurrentTabChanged();
    void showCurrentDocument();
    void refreshOutline();
    void showZoom(double zoom);
    void updateTitles();
    void showUnreadable(const QString &path, const QString &error);
    enum class ReloadReason { ChangedOnDisk, Requested };
    void onChangedOnDisk(EditorTab *tab);
    bool mayDiscardChanges(EditorTab *tab, ReloadReason reason);
    bool askToReload(const QString &path, ReloadReason reason);
    bool saveTab(EditorTab *tab, const QString &path);
    bool maybeSave(EditorTab *tab);
    SaveAnswer askToSave(const QString &title);
    bool askToDelete(const QStringList &deleted, const QStringList &losing);
    bool recover(const AutosaveEntry &entry);
    void activateProblem(const QString &task, const QString &field);
    void selectTask(const QString &name);
    void addTemplateAtCentre(const QString &templateId);
    void installCanvasActions(EditorTab *tab);

    void chooseFlow();
    void chooseWorkspace();
    void showAbout();
    void showPreferences();
    void addRecentFile(const QString &path);
    void fillRecentMenu();

    static QStringList droppedPaths(const QMimeData *mime);

    QTabWidget *m_tabs = nullptr;
    TrustBar *m_trustBar = nullptr;      // over an untrusted workspace
    QAction *m_trustAction = nullptr;
    DeploymentsDock *m_deployments = nullptr;   // ui/deploy: the workspace's deployments and their form
    SchedulesPanel *m_schedules = nullptr;
    WorkspaceScheduler *m_scheduler = nullptr;  // the workspace's schedules fire while the window is open
    RunControls *m_runs = nullptr;              // runs the user starts from the window
    QToolBar *m_runToolBar = nullptr;
    FlowHeader *m_header = nullptr;
    QLabel *m_documentStatus = nullptr;
    QLabel *m_zoomLabel = nullptr;               // the current canvas's zoom, "85%"
    QMetaObject::Connection m_zoomConnection;    // to the current canvas only
    TaskTree *m_tasks = nullptr;
    ProblemList *m_problems = nullptr;
    WorkspaceList *m_workspace = nullptr;
    TaskInspector *m_inspector = nullptr;
    FlowPropertiesPanel *m_properties = nullptr;
    TaskPalette *m_palette = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    QUndoView *m_undoView = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QDockWidget *m_workspaceDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_propertiesDock = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_arrangeMenu = nullptr;
    QMenu *m_exportMenu = nullptr;
    QAction *m_viewMenuFirst = nullptr;        // canvas view actions go above this
    QList<QPointer<QAction>> m_canvasActions;  // the current canvas's, shown in the menus

    LoadResult m_result;
    bool m_interactive = true;
    bool m_selecting = false;
    AutosaveStore m_autosave;
    QTimer m_autosaveTimer;
    QTimer m_idleTimer;
    QTimer m_outlineTimer;
    SavePrompt m_savePrompt;
    ReloadPrompt m_reloadPrompt;
    RecoveryChooser m_recoveryChooser;
    DeletePrompt m_deletePrompt;
};

}  // namespace flowdeck
