#pragma once
/// @file The undo steps of a FlowDocument: whole-flow snapshots and cheap moves.

#include "FlowDocument.h"

#include <QUndoCommand>
#include <optional>

namespace flowdeck {

/// Any edit of the logic: the flow before and after, as flow-file text (the one serialiser),
/// so undo gives back exactly the bytes that were there (QGIS's approach: simple and right).
class SnapshotCommand : public QUndoCommand {
public:
    SnapshotCommand(FlowDocument *document, QByteArray before, QByteArray after, const QString &text,
                    QString renamedFrom = {}, QString renamedTo = {});
    void undo() override;
    void redo() override;

private:
    FlowDocument *m_document;
    QByteArray m_before;
    QByteArray m_after;
    // A rename is told to views as one, so they keep their items (and the inspector its task).
    QString m_renamedFrom;
    QString m_renamedTo;
    bool m_done = false;  // redone once: the push itself, which is no replay
};

/// A structural edit (add, delete, rename, connect, a task's fields, notes, groups) as what it
/// changes: undo applies the inverted edit, so a step costs what it touches, not the flow's size.
/// The reader's problems before and after are kept with it, so undo gives back exactly the
/// problems that were shown (those of a deleted task included).
class EditCommand : public QUndoCommand {
public:
    static constexpr int commandId = 0x4665;  // "Fe"

    EditCommand(FlowDocument *document, FlowEdit edit, Diagnostics readBefore, Diagnostics readAfter,
                const QString &text);
    void undo() override;
    void redo() override;
    int id() const override { return m_typing.isEmpty() ? -1 : commandId; }
    /// Typing in a text field of one task (script, description): consecutive changes of the same
    /// field are one step, as a text editor's undo is.
    bool mergeWith(const QUndoCommand *other) override;

private:
    FlowDocument *m_document;
    FlowEdit m_edit;
    FlowEdit m_undo;
    Diagnostics m_readBefore;
    Diagnostics m_readAfter;
    QString m_typing;  // "task/key" when the edit is one text field of one task, else empty
    bool m_done = false;
};

/// A move or resize: positions only, because a drag pushes one per mouse move and a snapshot of
/// a 5,000-task flow per frame would be far too slow. Moves of one drag merge into one step.
class MoveCommand : public QUndoCommand {
public:
    static constexpr int commandId = 0x466d;  // "Fm"

    MoveCommand(FlowDocument *document, Placement before, Placement after, int dragId, const QString &text);
    void undo() override;
    void redo() override;
    int id() const override { return m_dragId >= 0 ? commandId : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    FlowDocument *m_document;
    Placement m_before;
    Placement m_after;
    int m_dragId;
    bool m_done = false;
};

}  // namespace flowdeck
