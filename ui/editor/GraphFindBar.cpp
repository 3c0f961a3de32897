#include "GraphFindBar.h"

#include "FlowScene.h"
#include "FlowView.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace flowdeck {

GraphFindBar::GraphFindBar(FlowView *view, QWidget *parent)
    : QWidget(parent), m_view(view), m_text(new QLineEdit(this)), m_count(new QLabel(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(new QLabel(tr("Find:"), this));
    m_text->setPlaceholderText(tr("task name, kind, tag or script text"));
    m_text->setClearButtonEnabled(true);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_count);
    auto button = [this, layout](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        layout->addWidget(b);
    };
    button(QStringLiteral("\u25b2"), tr("Previous match (Shift+F3)"), [this] { previous(); });
    button(QStringLiteral("\u25bc"), tr("Next match (Enter, F3)"), [this] { next(); });
    button(QStringLiteral("\u2715"), tr("Close (Esc)"), [this] { hide(); });
    connect(m_text, &QLineEdit::textChanged, this, &GraphFindBar::search);
    connect(m_text, &QLineEdit::returnPressed, this, &GraphFindBar::next);
    connect(view->flowScene()->document(), &FlowDocument::flowReset, this, &GraphFindBar::search);
}

void GraphFindBar::activate() {
    QWidget::show();
    m_text->setFocus();
    m_text->selectAll();
    search();
}

void GraphFindBar::setText(const QString &text) { m_text->setText(text); }

void GraphFindBar::search() {
    m_matches = m_view->flowScene()->findTasks(m_text->text());
    m_current = -1;
    m_count->setText(m_text->text().isEmpty() ? QString() : (m_matches.size() == 1 ? tr("1 match") : tr("%n matches", nullptr, m_matches.size())));
    m_view->flowScene()->setFoundTasks(m_matches, {});
}

void GraphFindBar::next() { step(1); }
void GraphFindBar::previous() { step(-1); }

void GraphFindBar::step(int by) {
    if (m_matches.isEmpty()) return;
    const int n = m_matches.size();
    show(m_current < 0 ? (by > 0 ? 0 : n - 1) : ((m_current + by) % n + n) % n);
}

void GraphFindBar::show(int index) {
    m_current = index;
    const QString name = m_matches.value(index);
    m_count->setText(tr("%1 of %2").arg(index + 1).arg(m_matches.size()));
    m_view->flowScene()->setFoundTasks(m_matches, name);
    m_view->flowScene()->selectItems({{name}, {}, {}});
    m_view->centreOnTask(name);
}

void GraphFindBar::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_view->setFocus();
        return;
    }
    if (event->key() == Qt::Key_F3) {
        event->modifiers() & Qt::ShiftModifier ? previous() : next();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (event->modifiers() & Qt::ShiftModifier)) {
        previous();
        return;
    }
    QWidget::keyPressEvent(event);
}

void GraphFindBar::hideEvent(QHideEvent *event) {
    m_view->flowScene()->setFoundTasks({}, {});
    QWidget::hideEvent(event);
}

}  // namespace flowdeck
