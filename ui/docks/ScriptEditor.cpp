#include "ScriptEditor.h"

#include "ThemeColours.h"

#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexeryaml.h>

#include <QApplication>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QTimer>

namespace flowdeck {

namespace {

bool isFindKey(const QKeyEvent *key) {
    return key->modifiers() == Qt::ControlModifier && (key->key() == Qt::Key_F || key->key() == Qt::Key_H);
}

bool isEditorUndoKey(const QKeyEvent *key) {
    return key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo);
}

// The lexers' colours are made for a white page; on a dark page the same hues are made light.
QColor readable(QColor colour, const QColor &paper) {
    if (paper.lightnessF() >= 0.5) return colour;
    float h, s, l, a;
    colour.getHslF(&h, &s, &l, &a);
    return QColor::fromHslF(h, s, std::max(l, 1.0f - l * 0.6f), a);
}

}  // namespace

ScriptEditor::ScriptEditor(QWidget *parent) : QsciScintilla(parent) {
    setUtf8(true);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setIndentationWidth(4);
    setTabWidth(4);
    setBackspaceUnindents(true);
    setIndentationGuides(true);
    setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    setMarginLineNumbers(0, true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setWrapMode(QsciScintilla::WrapNone);
    connect(this, &QsciScintilla::linesChanged, this, &ScriptEditor::updateMarginWidth);
    // A theme switch (light/dark) reaches the application first; widgets with their own palette,
    // as QScintilla makes itself, do not hear of it otherwise.
    qApp->installEventFilter(this);
    setLanguage(Language::Shell);
}

void ScriptEditor::setLanguage(Language language) {
    if (lexer() && language == m_language) return;
    m_language = language;
    QsciLexer *old = lexer();
    QsciLexer *next = nullptr;
    if (language == Language::Python)
        next = new QsciLexerPython(this);
    else if (language == Language::Yaml)
        next = new QsciLexerYAML(this);
    else
        next = new QsciLexerBash(this);
    setLexer(next);
    delete old;
    applyPalette();
}

void ScriptEditor::setScript(const QString &script) {
    if (script == text()) return;
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    const bool blocked = blockSignals(true);
    setText(script);
    blockSignals(blocked);
    setCursorPosition(std::min(line, std::max(0, lines() - 1)), index);
    updateMarginWidth();
}

void ScriptEditor::applyPalette() {
    // QScintilla sets its own palette when given colours (and then stops inheriting the theme's),
    // so the theme's colours are read from the parent.
    const QPalette pal = parentWidget() ? parentWidget()->palette() : QApplication::palette(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QColor paper = pal.color(QPalette::Base);
    if (QsciLexer *lex = lexer()) {
        lex->setDefaultFont(mono);
        lex->setFont(mono, -1);
        lex->setDefaultPaper(paper);
        lex->setPaper(paper, -1);
        lex->setDefaultColor(pal.color(QPalette::Text));
        for (int style = 0; style < 128; ++style) {
            if (lex->description(style).isEmpty()) continue;
            lex->setColor(readable(lex->color(style), paper), style);
        }
        lex->setColor(pal.color(QPalette::Text), 0);
    }
    setFont(mono);
    setMarginsFont(mono);
    setPaper(paper);
    setColor(pal.color(QPalette::Text));
    setCaretForegroundColor(pal.color(QPalette::Text));
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setMarginsBackgroundColor(pal.color(QPalette::Window));
    setMarginsForegroundColor(mutedText(pal, QPalette::WindowText, QPalette::Window));
    setFoldMarginColors(pal.color(QPalette::Window), pal.color(QPalette::Window));
    setIndentationGuidesForegroundColor(pal.color(QPalette::Mid));
    setMatchedBraceBackgroundColor(pal.color(QPalette::AlternateBase));
    updateMarginWidth();
}

void ScriptEditor::updateMarginWidth() {
    const QString digits = QString(std::max(3, int(QString::number(lines()).size())) + 1, QLatin1Char('9'));
    setMarginWidth(
        0, QFontMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont)).horizontalAdvance(digits));
}

bool ScriptEditor::eventFilter(QObject *watched, QEvent *event) {
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
        QTimer::singleShot(0, this, &ScriptEditor::applyPalette);  // after the widgets have theirs
    return QsciScintilla::eventFilter(watched, event);
}

bool ScriptEditor::event(QEvent *event) {
    // Claim Ctrl+F/Ctrl+H and Undo/Redo before the window's shortcuts (find in graph, undo
    // of the document) see them: inside the script they mean the script.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (isFindKey(key) || isEditorUndoKey(key)) {
            event->accept();
            return true;
        }
    }
    return QsciScintilla::event(event);
}

void ScriptEditor::keyPressEvent(QKeyEvent *event) {
    if (isFindKey(event)) {
        emit findRequested(event->key() == Qt::Key_H);
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

void ScriptEditor::focusOutEvent(QFocusEvent *event) {
    QsciScintilla::focusOutEvent(event);
    emit focusLost();
}

void ScriptEditor::changeEvent(QEvent *event) {
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

}  // namespace flowdeck
