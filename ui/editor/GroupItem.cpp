#include "GroupItem.h"

#include "CanvasMetrics.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace flowdeck {

namespace {
constexpr double border = 6;
constexpr double handleSize = 16;
}

GroupItem::GroupItem(int index) : m_index(index) {
    setFlag(ItemIsSelectable);
    // No cache: a frame can be large, and a pixmap of it would cost more than the few lines.
    setZValue(-10);
}

void GroupItem::setGroup(const Group &group) {
    const QSizeF size(group.width, group.height);
    if (size != m_size) prepareGeometryChange();
    m_size = size;
    setPos(group.x, group.y);
    if (m_title != group.title) {
        m_title = group.title;
        update();
    }
}

QPainterPath GroupItem::shape() const {
    const QRectF r(QPointF(0, 0), m_size);
    QPainterPath outer;
    outer.addRect(r);
    QPainterPath inner;
    inner.addRect(r.adjusted(border, titleHeight, -border, -border));
    QPainterPath grip;
    grip.addRect(QRectF(r.right() - handleSize, r.bottom() - handleSize, handleSize, handleSize));
    return outer.subtracted(inner).united(grip);
}

FrameHandle GroupItem::handleAt(QPointF local) const {
    if (!shape().contains(local)) return FrameHandle::None;
    if (local.x() > m_size.width() - handleSize && local.y() > m_size.height() - handleSize) return FrameHandle::Resize;
    return FrameHandle::Move;
}

void GroupItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const double lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const QPalette palette = scene() ? scene()->palette() : QApplication::palette();
    const QRectF r(QPointF(0, 0), m_size);
    QColor accent = palette.color(QPalette::Highlight);
    QColor fill = accent;
    fill.setAlpha(22);
    painter->setRenderHint(QPainter::Antialiasing, lod >= canvas::detailZoom);
    painter->setPen(QPen(accent, isSelected() ? 2.5 : 1.2, isSelected() ? Qt::SolidLine : Qt::DashLine));
    painter->setBrush(fill);
    painter->drawRoundedRect(r, 8, 8);
    if (lod < canvas::detailZoom) return;
    QColor bar = accent;
    bar.setAlpha(45);
    QPainterPath title;
    title.addRoundedRect(r, 8, 8);
    QPainterPath top;
    top.addRect(QRectF(0, 0, r.width(), titleHeight));
    painter->setPen(Qt::NoPen);
    painter->setBrush(bar);
    painter->drawPath(title.intersected(top));
    QFont font = QApplication::font();
    font.setPixelSize(13);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::WindowText));
    painter->drawText(QRectF(10, 0, r.width() - 20, titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(font).elidedText(m_title, Qt::ElideRight, r.width() - 20));
    painter->setPen(QPen(accent, 1));
    for (int i = 1; i <= 3; ++i)
        painter->drawLine(QPointF(r.right() - 4 * i, r.bottom() - 2), QPointF(r.right() - 2, r.bottom() - 4 * i));
}

}  // namespace flowdeck
