#pragma once
/// @file The find and replace strip under the script editor.

#include <QWidget>

class QsciScintilla;
class QLineEdit;
class QLabel;
class QCheckBox;

namespace flowdeck {

/// Finds and replaces text in one QScintilla editor. Hidden until asked for (Ctrl+F / Ctrl+H).
class FindReplaceBar : public QWidget {
    Q_OBJECT
public:
    explicit FindReplaceBar(QsciScintilla *editor, QWidget *parent = nullptr);

    /// Shows the bar (with the replace row when @p replace), seeded with the selection.
    void open(bool replace);
    bool findNext(bool forward = true);
    /// Replaces the current match and moves on; returns false when there was none.
    bool replaceCurrent();
    int replaceAll();

    QLineEdit *findField() const { return m_find; }
    QLineEdit *replaceField() const { return m_replace; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool matchesSelection() const;

    QsciScintilla *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_caseSensitive;
    QWidget *m_replaceRow;
    QLabel *m_status;
};

}  // namespace flowdeck
