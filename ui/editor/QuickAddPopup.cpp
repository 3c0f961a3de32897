#include "QuickAddPopup.h"

#include "KindStyle.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

namespace flowdeck {

QuickAddPopup::QuickAddPopup(QWidget *parent)
    : QFrame(parent, Qt::Popup), m_filter(new QLineEdit(this)), m_list(new QListWidget(this)) {
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    m_filter->setPlaceholderText(tr("Add a task: type to search"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    m_list->setIconSize(QSize(20, 20));
    m_list->setMinimumWidth(280);
    connect(m_filter, &QLineEdit::textChanged, this, &QuickAddPopup::fill);
    connect(m_list, &QListWidget::itemActivated, this, [this] { acceptCurrent(); });
    fill();
}

void QuickAddPopup::popup(QPoint globalPos) {
    resize(300, 320);
    // The popup's own rectangle, as QMenu sets it: move() would place a window frame there.
    setGeometry(QRect(placeOnScreen(globalPos), size()));
    show();
    m_filter->setFocus();
}

QPoint QuickAddPopup::placeOnScreen(QPoint globalPos) const {
    const QScreen *at = QGuiApplication::screenAt(globalPos);
    if (!at) at = screen();
    if (!at) return globalPos;
    const QRect available = at->availableGeometry();
    QPoint corner = globalPos;
    // Like a menu: above the pointer when there is no room below, shifted left at the right edge.
    if (corner.y() + height() > available.bottom() + 1) corner.setY(globalPos.y() - height());
    corner.setX(std::min(corner.x(), available.right() + 1 - width()));
    corner.setX(std::max(corner.x(), available.left()));
    corner.setY(std::clamp(corner.y(), available.top(),
                           std::max(available.top(), available.bottom() + 1 - height())));
    return corner;
}

void QuickAddPopup::setFilter(const QString &text) { m_filter->setText(text); }

QStringList QuickAddPopup::shownTitles() const {
    QStringList titles;
    for (const TaskTemplate &t : m_shown) titles << t.title;
    return titles;
}

void QuickAddPopup::fill() {
    m_shown = TaskTemplates::matching(m_filter->text());
    m_list->clear();
    for (const TaskTemplate &t : m_shown) {
        auto *item = new QListWidgetItem(KindStyle::icon(t.task.kind), t.title, m_list);
        item->setToolTip(t.description);
    }
    m_list->setCurrentRow(m_shown.empty() ? -1 : 0);
}

void QuickAddPopup::acceptCurrent() {
    const int row = m_list->currentRow();
    if (row < 0 || row >= int(m_shown.size())) return;
    const TaskTemplate chosenTemplate = m_shown[size_t(row)];
    close();
    emit chosen(chosenTemplate);
}

bool QuickAddPopup::eventFilter(QObject *watched, QEvent *event) {
    // The filter keeps the focus; Up/Down move in the list, Enter takes the current entry.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: QCoreApplication::sendEvent(m_list, event); return true;
        case Qt::Key_Return:
        case Qt::Key_Enter: acceptCurrent(); return true;
        case Qt::Key_Escape: close(); return true;
        default: break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

}  // namespace flowdeck
