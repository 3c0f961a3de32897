#pragma once
/// @file The script part of the inspector: the editor, its find bar, and when edits are committed.

#include "ScriptEditor.h"

#include <QTimer>
#include <QWidget>

namespace flowdeck {

class FindReplaceBar;

/// Holds a ScriptEditor and commits its text in bursts: after a short pause in typing or
/// when the editor loses focus, so that one burst of typing is one undo step.
class ScriptPane : public QWidget {
    Q_OBJECT
public:
    static constexpr int pauseMs = 800;

    explicit ScriptPane(QWidget *parent = nullptr);

    /// Shows @p script unless the user has uncommitted typing (which wins until committed).
    void setScript(const QString &script, ScriptEditor::Language language);
    /// Commits pending typing now (emits scriptEdited if the text changed).
    void commit();
    bool hasPendingEdit() const { return m_pending; }

    ScriptEditor *editor() const { return m_editor; }
    FindReplaceBar *findBar() const { return m_find; }

signals:
    void scriptEdited(const QString &script);

protected:
    void changeEvent(QEvent *event) override;

private:
    ScriptEditor *m_editor;
    FindReplaceBar *m_find;
    QTimer m_pause;
    QString m_committed;
    bool m_pending = false;
};

}  // namespace flowdeck
