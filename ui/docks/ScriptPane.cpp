#include "ScriptPane.h"

#include "FindReplaceBar.h"

#include <QEvent>
#include <QVBoxLayout>

namespace flowdeck {

ScriptPane::ScriptPane(QWidget *parent)
    : QWidget(parent), m_editor(new ScriptEditor(this)), m_find(new FindReplaceBar(m_editor, this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_find);

    m_pause.setSingleShot(true);
    m_pause.setInterval(pauseMs);
    connect(&m_pause, &QTimer::timeout, this, &ScriptPane::commit);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        m_pending = true;
        m_pause.start();
    });
    connect(m_editor, &ScriptEditor::focusLost, this, [this] {
        if (!m_find->isAncestorOf(focusWidget())) commit();
    });
    connect(m_editor, &ScriptEditor::findRequested, m_find, &FindReplaceBar::open);
}

void ScriptPane::setScript(const QString &script, ScriptEditor::Language language) {
    m_editor->setLanguage(language);
    if (m_pending) return;
    m_committed = script;
    m_editor->setScript(script);
}

void ScriptPane::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) m_editor->applyPalette();
}

void ScriptPane::commit() {
    m_pause.stop();
    if (!m_pending) return;
    m_pending = false;
    const QString text = m_editor->text();
    if (text == m_committed) return;
    m_committed = text;
    emit scriptEdited(text);
}

}  // namespace flowdeck
