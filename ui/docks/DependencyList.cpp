#include "DependencyList.h"

#include "ValidationMark.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace flowdeck {

namespace {

// A one-line label that ends in "…" when it is narrower than its text, instead of being cut off
// by the fix button beside it ("transfrom (no such t" under "Use 'transform'"). The tooltip
// has the whole text.
class ElidedLabel : public QLabel {
public:
    ElidedLabel(const QString &text, QWidget *parent) : QLabel(parent), m_whole(text) {
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // the width the row gives, no more
        setToolTip(text);
        setText(text);
    }

protected:
    void resizeEvent(QResizeEvent *event) override {
        QLabel::resizeEvent(event);
        setText(fontMetrics().elidedText(m_whole, Qt::ElideRight, contentsRect().width()));
    }

private:
    QString m_whole;
};

}  // namespace

DependencyList::DependencyList(QWidget *parent) : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::SingleSelection);
    setToolTip(tr("Draw connections on the canvas to add dependencies; Delete removes the selected one."));
    // Rows fit the width instead: a horizontal scroll bar in a list this short hid its last row.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void DependencyList::setDependencies(const std::vector<Dependency> &after, const QHash<QString, QString> &unknown) {
    if (after == m_after && unknown == m_unknown && count() == int(after.size())) return;
    m_after = after;
    m_unknown = unknown;
    clear();
    for (int row = 0; row < int(after.size()); ++row) {
        const QString upstream = after[row].upstream;
        const bool unknown = m_unknown.contains(upstream);
        auto *item = new QListWidgetItem(this);
        auto *cell = new QWidget;
        auto *layout = new QHBoxLayout(cell);
        layout->setContentsMargins(4, 0, 0, 0);
        auto *label = new ElidedLabel(unknown ? tr("%1 (no such task)").arg(after[row].toString()) : after[row].toString(), cell);
        if (unknown) {
            QPalette pal = label->palette();
            pal.setColor(QPalette::WindowText, ValidationMark::errorColour(palette()));
            label->setPalette(pal);
        }
        layout->addWidget(label, 1);
        if (const QString meant = m_unknown.value(upstream); !meant.isEmpty()) {
            auto *fix = new QToolButton(cell);
            fix->setText(tr("Use '%1'").arg(meant));
            fix->setToolTip(tr("Depend on %1 instead of %2").arg(meant, upstream));
            layout->addWidget(fix);
            connect(
                fix, &QToolButton::clicked, this, [this, upstream, meant] { emit replaceRequested(upstream, meant); },
                Qt::QueuedConnection);
        }
        auto *remove = new QToolButton(cell);
        remove->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Remove the dependency on %1").arg(upstream));
        layout->addWidget(remove);
        // Queued: the removal rebuilds this list, and the button must not die inside its own click.
        connect(
            remove, &QToolButton::clicked, this, [this, row] { removeRow(row); }, Qt::QueuedConnection);
        item->setSizeHint(QSize(0, cell->sizeHint().height()));
        setItemWidget(item, cell);
    }
    // Tall enough for the rows it has, up to five, so the form does not scroll in a scroll. Rows
    // differ in height (a fix button is taller than a label): sum them, do not multiply one.
    int rows = 0;
    for (int row = 0; row < std::min(count(), 5); ++row) rows += item(row)->sizeHint().height();
    if (rows == 0) rows = fontMetrics().height();
    setFixedHeight(rows + 2 * frameWidth() + 2);
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
