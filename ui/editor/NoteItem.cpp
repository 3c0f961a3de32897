#include "NoteItem.h"

#include "CanvasMetrics.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextOption>

namespace flowdeck {

namespace {
constexpr double handleSize = 14;
}

NoteItem::NoteItem(int index) : m_index(index) {
    setFlag(ItemIsSelectable);
    setCacheMode(DeviceCoordinateCache);
    setZValue(-5);
}

void NoteItem::setNote(const Note &note) {
    const QSizeF size(note.width, note.height);
    if (size != m_size) prepareGeometryChange();
    m_size = size;
    setPos(note.x, note.y);
    if (m_text != note.text) {
        m_text = note.text;
        setToolTip(m_text);
        update();
    }
}

FrameHandle NoteItem::handleAt(QPointF local) const {
    if (!boundingRect().contains(local)) return FrameHandle::None;
    if (local.x() > m_size.width() - handleSize && local.y() > m_size.height() - handleSize) return FrameHandle::Resize;
    return FrameHandle::Move;
}

void NoteItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const double lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const QRectF r = boundingRect();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(isSelected() ? QPen(QApplication::palette().color(QPalette::Highlight), 2) : QPen(QColor(0xd8, 0xc0, 0x5a), 1));
    painter->setBrush(QColor(0xff, 0xf1, 0xa8));
    painter->drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
    if (lod < canvas::detailZoom) return;
    QFont font = QApplication::font();
    font.setPixelSize(12);
    painter->setFont(font);
    painter->setPen(QColor(0x3a, 0x34, 0x1c));  // dark on yellow in light and dark themes alike
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    painter->drawText(r.adjusted(8, 6, -8, -6), m_text, option);
    // The resize grip: three short diagonal lines in the corner.
    painter->setPen(QPen(QColor(0xb0, 0x98, 0x40), 1));
    for (int i = 1; i <= 3; ++i)
        painter->drawLine(QPointF(r.right() - 4 * i, r.bottom() - 2), QPointF(r.right() - 2, r.bottom() - 4 * i));
}

}  // namespace flowdeck
