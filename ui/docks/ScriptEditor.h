#pragma once
/// @file The script editor of the inspector: QScintilla with a lexer per task kind.

#include <Qsci/qsciscintilla.h>

namespace flowdeck {

/// A code editor for task scripts: bash or Python highlighting, line numbers, folding,
/// auto-indent, a monospace font and colours taken from the palette (light or dark).
/// Ctrl+F and Ctrl+H ask for the find bar instead of reaching the window's shortcuts.
class ScriptEditor : public QsciScintilla {
    Q_OBJECT
public:
    enum class Language { Shell, Python, Yaml };

    explicit ScriptEditor(QWidget *parent = nullptr);

    void setLanguage(Language language);
    Language language() const { return m_language; }
    /// Replaces the text, keeping the cursor line, without marking it as a user edit.
    void setScript(const QString &text);
    /// Takes the colours and font again from the theme (the parent calls it on a palette change).
    void applyPalette();

signals:
    void findRequested(bool replace);
    void focusLost();

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateMarginWidth();

    Language m_language = Language::Shell;
};

}  // namespace flowdeck
