#pragma once
/// @file One open flow: its document, its view, its file on disk and its autosave state.

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QPointF>
#include <QTimer>
#include <QWidget>

class QDropEvent;

namespace flowdeck {

class AutosaveStore;
class FlowDocument;
class FlowEditor;
struct TaskTemplate;

/// The page of one tab: a FlowDocument shown by the canvas, plus what the window needs to know
/// about it: which task is current, whether its file changed on disk, whether it needs an autosave.
class EditorTab : public QWidget {
    Q_OBJECT
public:
    /// @p untitledNumber names the document while it has no file ("untitled-N").
    explicit EditorTab(int untitledNumber, QWidget *parent = nullptr);
    ~EditorTab() override;

    FlowDocument *document() const { return m_document; }
    /// The canvas with its find bar and actions.
    FlowEditor *editor() const { return m_editor; }
    QWidget *view() const;
    int untitledNumber() const { return m_untitled; }
    /// The tab's text: the document's name, with "*" when it has unsaved changes.
    QString title() const;

    /// The task the inspector shows: the canvas's current selection.
    QString currentTask() const { return m_currentTask; }
    void selectTask(const QString &name);
    /// Where a task added without a drop position goes: the middle of the visible canvas.
    QPointF viewCentre() const;
    /// Adds a task from @p templ at the middle of the view and selects it; returns its name.
    QString addTemplate(const TaskTemplate &templ);

    /// Loads the file and starts watching it. False when nothing could be read (@p error says why).
    bool load(const QString &path, QString *error);
    /// Reads the file again, keeping the current task. Clears the undo history.
    bool reload(QString *error);
    bool save(QString *error);
    bool saveAs(const QString &path, QString *error);

    /// True when the file's bytes differ from what was last loaded or saved here.
    bool differsFromDisk() const;
    /// Accepts the file as it is now on disk as known (after "keep mine").
    void acceptDiskState();

    /// Writes an autosave if there are unsaved edits since the last one; removes it when the
    /// document is saved (clean). Returns true when something was written.
    bool autosave(const AutosaveStore &store);
    /// Removes this tab's autosave (closing without saving, or after a save).
    void dropAutosave(const AutosaveStore &store);
    QString autosaveKey() const;
    bool autosaveDue() const { return m_autosaveDue; }

protected:
    void showEvent(QShowEvent *event) override;
    /// Takes palette drops ("application/x-flowdeck-task") on the canvas.
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void currentTaskChanged(const QString &name);
    void selectedTasksChanged(const QStringList &names);
    /// The file on disk changed and differs from the document's last load or save.
    void changedOnDisk();
    /// The document changed (for the idle autosave timer).
    void edited();
    /// A task was double-clicked on the canvas (the window shows the inspector).
    void taskActivated(const QString &name);
    /// A task was added from a template (Quick-Add, the palette): the window shows it in the inspector.
    void taskCreated(const QString &name);
    void statusMessage(const QString &text);

private:
    void watchFile();
    void rememberDiskState();
    void onFileChanged();
    void setCurrent(const QString &name);
    bool dropTemplate(QDropEvent *event);

    FlowDocument *m_document;
    FlowEditor *m_editor;
    int m_untitled;
    QString m_currentTask;
    QFileSystemWatcher m_watcher;
    QTimer m_diskTimer;
    QByteArray m_diskHash;
    bool m_autosaveDue = false;
    bool m_fitted = false;
    QString m_writtenKey;  // key of the autosave on disk, if any (the path may change since)
};

}  // namespace flowdeck
