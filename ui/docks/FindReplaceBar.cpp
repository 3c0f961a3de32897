#include "FindReplaceBar.h"

#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

QToolButton *button(const QString &text, QWidget *parent) {
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setAutoRaise(true);
    return b;
}

}  // namespace

FindReplaceBar::FindReplaceBar(QsciScintilla *editor, QWidget *parent)
    : QWidget(parent),
      m_editor(editor),
      m_find(new QLineEdit(this)),
      m_replace(new QLineEdit(this)),
      m_caseSensitive(new QCheckBox(tr("Aa"), this)),
      m_replaceRow(new QWidget(this)),
      m_status(new QLabel(this)) {
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(tr("Replace with"));
    m_caseSensitive->setToolTip(tr("Match case"));

    auto *next = button(tr("Next"), this);
    auto *previous = button(tr("Previous"), this);
    auto *close = button(QStringLiteral("\u2715"), this);
    close->setToolTip(tr("Close (Esc)"));
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_caseSensitive);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(close);

    auto *replaceOne = button(tr("Replace"), m_replaceRow);
    auto *replaceEvery = button(tr("All"), m_replaceRow);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(2);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);
    layout->addWidget(m_status);
    m_status->hide();

    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(true); });
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
    connect(next, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(previous, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(replaceOne, &QToolButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(replaceEvery, &QToolButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    hide();
}

void FindReplaceBar::open(bool replace) {
    if (m_editor->hasSelectedText() && !m_editor->selectedText().contains(QLatin1Char('\n')))
        m_find->setText(m_editor->selectedText());
    m_replaceRow->setVisible(replace);
    m_status->hide();
    show();
    m_find->setFocus();
    m_find->selectAll();
}

bool FindReplaceBar::findNext(bool forward) {
    const QString text = m_find->text();
    if (text.isEmpty()) return false;
    int line = 0, index = 0;
    if (!forward && m_editor->hasSelectedText()) {
        int lineTo = 0, indexTo = 0;
        m_editor->getSelection(&line, &index, &lineTo, &indexTo);
    } else {
        m_editor->getCursorPosition(&line, &index);
    }
    const bool found = m_editor->findFirst(text, false, m_caseSensitive->isChecked(), false, true, forward,
                                           line, index, true);
    m_status->setText(found ? QString() : tr("No match for \u201c%1\u201d").arg(text));
    m_status->setVisible(!found);
    return found;
}

bool FindReplaceBar::matchesSelection() const {
    const Qt::CaseSensitivity cs = m_caseSensitive->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    return m_editor->hasSelectedText() && m_editor->selectedText().compare(m_find->text(), cs) == 0;
}

bool FindReplaceBar::replaceCurrent() {
    if (!matchesSelection() && !findNext(true)) return false;
    m_editor->replaceSelectedText(m_replace->text());
    findNext(true);
    return true;
}

int FindReplaceBar::replaceAll() {
    const QString text = m_find->text();
    if (text.isEmpty()) return 0;
    int count = 0;
    m_editor->beginUndoAction();  // one undo step in the editor for the whole replacement
    bool found =
        m_editor->findFirst(text, false, m_caseSensitive->isChecked(), false, false, true, 0, 0, false);
    while (found) {
        m_editor->replace(m_replace->text());
        ++count;
        found = m_editor->findNext();
    }
    m_editor->endUndoAction();
    m_status->setText(count == 1 ? tr("Replaced 1 occurrence") : tr("Replaced %n occurrences", nullptr, count));
    m_status->setVisible(true);
    return count;
}

void FindReplaceBar::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace flowdeck
