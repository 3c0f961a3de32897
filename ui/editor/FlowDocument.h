#pragma once
/// @file One open flow in the editor: the model (a core Flow), its file, its undo stack and
/// its problems. Every edit is a QUndoCommand pushed here; views only listen to the signals.

#include "flow/Diagnostic.h"
#include "flow/Flow.h"
#include "flow/FlowEdit.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QUndoStack>

namespace flowdeck {

/// Canvas items addressed the way the model addresses them: tasks by name, notes and groups by
/// their index in Flow::notes and Flow::groups.
struct ItemSet {
    QStringList tasks;
    QList<int> notes;
    QList<int> groups;
    bool isEmpty() const { return tasks.isEmpty() && notes.isEmpty() && groups.isEmpty(); }
};

/// Where items go in a move: task top-left corners, note and group rectangles.
struct Placement {
    QHash<QString, QPointF> tasks;
    QHash<int, QRectF> notes;
    QHash<int, QRectF> groups;
    bool isEmpty() const { return tasks.isEmpty() && notes.isEmpty() && groups.isEmpty(); }
};

class FlowDocument : public QObject {
    Q_OBJECT
public:
    explicit FlowDocument(QObject *parent = nullptr);

    /// A new, empty, untitled flow.
    void clear(const QString &name = QStringLiteral("untitled"));
    /// Loads a file; a file with errors still loads (problems() lists them). False only when
    /// nothing could be read, with @p error saying why.
    bool load(const QString &path, QString *error);
    /// Replaces the whole flow from YAML text (used for autosave recovery); one undo step.
    bool loadText(const QByteArray &yaml, QString *error);
    bool save(QString *error);
    bool saveAs(const QString &path, QString *error);
    /// The text save() would write: the file as the user wrote it with only the edited entries
    /// patched (core/flow/FlowSourcePatch); cached between edits.
    QByteArray text() const;

    /// Undo steps kept; older ones are dropped (each keeps only what it changed, but a long
    /// session of edits on a big flow should not grow without bound).
    static constexpr int undoLimit = 1000;

    const Flow &flow() const { return m_flow; }
    /// The task named @p name (the first, if several share it), found by index, not by search.
    const Task *task(const QString &name) const;
    /// The text the problems' locations point into: the file as last read (or the last
    /// snapshot), not yet patched with the edits made since; see text().
    const QByteArray &sourceText() const { return m_source; }
    QString filePath() const { return m_path; }
    QString displayName() const;   ///< file name, or the flow name when untitled
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }
    /// The problems of the flow as it is now. An edit validates the flow once the event loop
    /// runs again (a burst of edits once), then emits problemsChanged; asked before that, this
    /// validates at once, so it is never out of date.
    const Diagnostics &problems() const;
    /// True between an edit and the validation that follows it (problemsChanged comes then):
    /// views that only show problems wait for the signal rather than make the edit pay for it.
    bool problemsPending() const { return m_problemsStale; }
    bool isValid() const { return !hasErrors(problems()); }

    /// A name not used by any task, made from @p base (invalid characters become '_').
    QString uniqueTaskName(const QString &base) const;
    /// A fresh id for moveItems(): moves with the same id merge into one undo step.
    static int newDragId();

    // ----- edits: each is one undo step (use undoStack()->beginMacro/endMacro for several) -----
    /// Adds a task (its name is made unique) at @p pos (top-left corner); returns the name it got.
    QString addTask(Task task, QPointF pos);
    /// Removes tasks and every dependency on them (undo restores both).
    void removeTasks(const QStringList &names);
    /// Removes tasks (with their dependencies), notes and groups in one step.
    void removeItems(const ItemSet &items);
    /// Renames a task and every reference to it (after:, map:, layout). False if taken/invalid,
    /// with @p why saying which.
    bool renameTask(const QString &from, const QString &to, QString *why = nullptr);
    /// Replaces a task's settings (the inspector's edits); @p changed is the task with new values
    /// (its name is ignored: use renameTask). No step when nothing changed.
    void updateTask(const QString &name, const Task &changed, const QString &what);
    /// Moves nodes; consecutive moves with the same @p dragId merge into one undo step.
    void moveTasks(const QHash<QString, QPointF> &to, int dragId = -1);
    /// Moves (or resizes) tasks, notes and groups together; @p what names the step
    /// ("Move" by default; "Auto-layout", "Align left", ...). Same merging as moveTasks.
    void moveItems(const Placement &to, int dragId = -1, const QString &what = QString());
    /// Adds `upstream -> downstream`. Refuses (returns false, @p why names the cycle) if it
    /// would close a cycle or already exists.
    bool connectTasks(const QString &upstream, const QString &downstream, BranchOutcome outcome, QString *why);
    /// Removes every dependency of @p downstream on @p upstream.
    void disconnectTasks(const QString &upstream, const QString &downstream);
    /// Name, description, version, tags, runner settings and parameters.
    void updateFlowProperties(const Flow &properties, const QString &what);

    /// Sticky notes and group frames; add returns the new index.
    int addNote(const Note &note);
    void updateNote(int index, const Note &note);
    int addGroup(const Group &group);
    void updateGroup(int index, const Group &group);

    /// Copy: the selected tasks (and their positions) as flow-file YAML. Paste: adds the tasks of
    /// such YAML (renaming clashes, keeping dependencies among the pasted tasks) at @p offset.
    QByteArray copyTasks(const QStringList &names) const;
    QStringList pasteTasks(const QByteArray &yaml, QPointF offset, QString *error);
    /// The same with notes and groups; pasteItems returns what was added.
    QByteArray copyItems(const ItemSet &items) const;
    ItemSet pasteItems(const QByteArray &yaml, QPointF offset, QString *error);

    /// Applies the fix a problem proposes ("did you mean 'retries'?", Diagnostic::suggestion):
    /// a misspelt key is renamed in the text, an unknown upstream becomes the task meant. One
    /// undo step; false when the problem proposes nothing or its place has changed since.
    bool applySuggestion(const Diagnostic &problem);

    /// Applies a whole new flow as one undo step (auto-layout, paste, recovery use it).
    void replaceFlow(const Flow &flow, const QString &what);

signals:
    /// Anything in the model changed; views that do not care for details rebuild.
    void flowReset();
    void taskAdded(const QString &name);
    void taskRemoved(const QString &name);
    void taskChanged(const QString &name);
    void taskRenamed(const QString &from, const QString &to);
    /// The incoming dependencies (after:, map:) of @p tasks changed.
    void edgesChanged(const QStringList &tasks);
    void positionsChanged(const QStringList &names);
    void notesChanged();
    void groupsChanged();
    void propertiesChanged();
    void problemsChanged();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);
    /// An undo or redo (not a new edit) has been applied; @p tasks are those it touched that
    /// exist now (the added ones, else the changed, renamed and moved ones), for the views to
    /// select. Empty when it only removed tasks.
    void stepReplayed(const QStringList &tasks);

private:
    friend class SnapshotCommand;
    friend class MoveCommand;
    friend class EditCommand;

    /// Pushes @p edit as one step (nothing when it changes nothing).
    void pushEdit(const FlowEdit &edit, const QString &what);
    /// Applies an edit (or an inverted one, for undo) to the model in place, with @p readProblems
    /// as the reader's problems from now on, and tells the views what it touched.
    void applyEdit(const FlowEdit &edit, const Diagnostics &readProblems);
    /// The reader's problems once @p edit is made: those of removed tasks and of the fields it
    /// changes go (the new value is the model's own), renamed tasks keep theirs.
    Diagnostics readProblemsAfter(const FlowEdit &edit) const;
    std::optional<NodePosition> positionOf(const QString &name) const;
    /// Validates the model again (the reader's problems are kept as they are).
    void validateModel() const;
    /// Marks the problems out of date and validates when the event loop runs again.
    void validateLater();

    /// Pushes a snapshot step from the current flow to @p after (nothing when equal).
    void pushSnapshot(const Flow &after, const QString &what, const QString &renamedFrom = {},
                      const QString &renamedTo = {});
    /// Makes the flow the one @p yaml describes and tells the views what differs.
    void applySnapshot(const QByteArray &yaml, const QString &renamedFrom, const QString &renamedTo);
    void applyPlacement(const Placement &placement);
    /// Called by a command's undo, and by its redo after the first: the views reselect what it touched.
    void markReplay() { m_replaying = true; }
    void noteTouched(const QStringList &added, const QStringList &others);
    void finishStep();
    Placement placementOf(const Placement &like) const;
    void announceDifferences(const Flow &before, const QString &renamedFrom, const QString &renamedTo);
    void revalidate() const;
    void setFlow(const Flow &flow, const Diagnostics &problems, const Diagnostics &readProblems,
                 const QByteArray &source);

    Flow m_flow;
    TaskIndex m_index;            ///< name -> index in m_flow.tasks, kept up to date by every edit
    Diagnostics m_readProblems;   ///< what the reader found in m_source, adjusted by the edits since
    QString m_path;
    mutable Diagnostics m_problems;
    mutable bool m_problemsStale = false;
    bool m_validationQueued = false;
    QUndoStack m_undo;
    /// The text the last snapshot (or the file) holds, and the flow it reads as; moves since
    /// then are patched into it by text(), so nothing the user wrote is rewritten.
    QByteArray m_source;
    Flow m_sourceFlow;
    // What the undo steps applied since the stack's last index change touched (see stepReplayed).
    QStringList m_touchedAdded;
    QStringList m_touchedOthers;
    bool m_replaying = false;
    mutable QByteArray m_text;  ///< m_source with m_flow's differences patched in, or empty when not known
};

}  // namespace flowdeck
