#include "DocumentCommands.h"

#include <utility>

namespace flowdeck {

SnapshotCommand::SnapshotCommand(FlowDocument *document, QByteArray before, QByteArray after, const QString &text,
                                 QString renamedFrom, QString renamedTo)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)),
      m_renamedFrom(std::move(renamedFrom)), m_renamedTo(std::move(renamedTo)) {}

void SnapshotCommand::undo() {
    m_document->markReplay();
    m_document->applySnapshot(m_before, m_renamedTo, m_renamedFrom);
}

void SnapshotCommand::redo() {
    if (std::exchange(m_done, true)) m_document->markReplay();
    m_document->applySnapshot(m_after, m_renamedFrom, m_renamedTo);
}

namespace {

/// "task/key" for an edit that changes one text field of one task and nothing else.
QString typingKey(const FlowEdit &edit) {
    if (edit.changed.size() != 1 || !edit.removed.empty() || !edit.added.empty() || !edit.layoutAfter.isEmpty() ||
        edit.notesAfter || edit.groupsAfter)
        return {};
    const auto &[before, after] = edit.changed.front();
    const QStringList keys = changedKeys(before, after);
    if (before.name != after.name || keys.size() != 1) return {};
    static const QStringList typed = {QStringLiteral("script"), QStringLiteral("description")};
    return typed.contains(keys.front()) ? after.name + QLatin1Char('/') + keys.front() : QString();
}

}  // namespace

EditCommand::EditCommand(FlowDocument *document, FlowEdit edit, Diagnostics readBefore, Diagnostics readAfter,
                         const QString &text)
    : QUndoCommand(text), m_document(document), m_edit(std::move(edit)), m_undo(m_edit.inverted()),
      m_readBefore(std::move(readBefore)), m_readAfter(std::move(readAfter)), m_typing(typingKey(m_edit)) {}

void EditCommand::undo() {
    m_document->markReplay();
    m_document->applyEdit(m_undo, m_readBefore);
}

void EditCommand::redo() {
    if (std::exchange(m_done, true)) m_document->markReplay();
    m_document->applyEdit(m_edit, m_readAfter);
}

bool EditCommand::mergeWith(const QUndoCommand *other) {
    const auto *edit = dynamic_cast<const EditCommand *>(other);
    if (!edit || edit->m_document != m_document || edit->m_typing != m_typing || m_typing.isEmpty()) return false;
    // Still one task and one field: the first state before, the last after.
    m_edit.changed.front().second = edit->m_edit.changed.front().second;
    m_undo = m_edit.inverted();
    m_readAfter = edit->m_readAfter;
    if (m_edit.isEmpty()) setObsolete(true);  // typed and typed back: no step at all
    return true;
}

MoveCommand::MoveCommand(FlowDocument *document, Placement before, Placement after, int dragId, const QString &text)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)),
      m_dragId(dragId) {}

void MoveCommand::undo() {
    m_document->markReplay();
    m_document->applyPlacement(m_before);
}

void MoveCommand::redo() {
    if (std::exchange(m_done, true)) m_document->markReplay();
    m_document->applyPlacement(m_after);
}

namespace {

/// Adds to @p into the entries of @p from it does not have yet (the first value wins).
template <typename Key, typename Value>
void addMissing(QHash<Key, Value> &into, const QHash<Key, Value> &from) {
    for (auto it = from.constBegin(); it != from.constEnd(); ++it)
        if (!into.contains(it.key())) into.insert(it.key(), it.value());
}

/// Adds to @p into every entry of @p from, replacing values (the last value wins).
template <typename Key, typename Value>
void overwrite(QHash<Key, Value> &into, const QHash<Key, Value> &from) {
    for (auto it = from.constBegin(); it != from.constEnd(); ++it) into.insert(it.key(), it.value());
}

}  // namespace

bool MoveCommand::mergeWith(const QUndoCommand *other) {
    const auto *move = dynamic_cast<const MoveCommand *>(other);
    if (!move || move->m_dragId != m_dragId || move->m_document != m_document) return false;
    // Items first moved later in the drag keep their own starting place.
    addMissing(m_before.tasks, move->m_before.tasks);
    addMissing(m_before.notes, move->m_before.notes);
    addMissing(m_before.groups, move->m_before.groups);
    overwrite(m_after.tasks, move->m_after.tasks);
    overwrite(m_after.notes, move->m_after.notes);
    overwrite(m_after.groups, move->m_after.groups);
    return true;
}

}  // namespace flowdeck
