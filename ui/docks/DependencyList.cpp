#include "DependencyList.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace flowdeck {

DependencyList::DependencyList(QWidget *parent) : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::SingleSelection);
    setToolTip(tr("Draw connections on the canvas to add dependencies; Delete removes the selected one."));
}

void DependencyList::setDependencies(const std::vector<Dependency> &after) {
    if (after == m_after && count() == int(after.size())) return;
    m_after = after;
    clear();
    for (int row = 0; row < int(after.size()); ++row) {
        auto *item = new QListWidgetItem(this);
        auto *cell = new QWidget;
        auto *layout = new QHBoxLayout(cell);
        layout->setContentsMargins(4, 0, 0, 0);
        layout->addWidget(new QLabel(after[row].toString(), cell), 1);
        auto *remove = new QToolButton(cell);
        remove->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Remove the dependency on %1").arg(after[row].upstream));
        layout->addWidget(remove);
        // Queued: the removal rebuilds this list, and the button must not die inside its own click.
        connect(
            remove, &QToolButton::clicked, this, [this, row] { removeRow(row); }, Qt::QueuedConnection);
        item->setSizeHint(cell->sizeHint());
        setItemWidget(item, cell);
    }
    // Tall enough for the rows it has, up to five, so the form does not scroll in a scroll.
    const int rowHeight = count() ? sizeHintForRow(0) : fontMetrics().height();
    setFixedHeight(rowHeight * std::clamp(count(), 1, 5) + 2 * frameWidth() + 2);
}

void DependencyList::removeRow(int row) {
    if (row >= 0 && row < int(m_after.size())) emit removeRequested(m_after[row].upstream);
}

void DependencyList::keyPressEvent(QKeyEvent *event) {
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && currentRow() >= 0) {
        removeRow(currentRow());
        return;
    }
    QListWidget::keyPressEvent(event);
}

}  // namespace flowdeck
