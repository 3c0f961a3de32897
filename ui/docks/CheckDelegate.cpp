#include "CheckDelegate.h"

#include "ThemeColours.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

namespace flowdeck {

QRect CheckDelegate::boxRect(const QStyleOptionViewItem &option) {
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    return style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, option.widget);
}

void CheckDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool checkable = opt.features & QStyleOptionViewItem::HasCheckIndicator;
    const QRect box = checkable ? boxRect(opt) : QRect();
    const Qt::CheckState state = opt.checkState;
    // The cell (background, selection, any text) as usual, without the style's indicator.
    opt.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (!checkable) return;

    const QPalette &palette = option.palette;
    const QRectF square = QRectF(box).adjusted(1.5, 1.5, -1.5, -1.5);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(portOutline(palette), 1.5));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(square, 2, 2);
    if (state != Qt::Unchecked) {
        painter->setPen(QPen(palette.color(QPalette::Text), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        const QRectF in = square.adjusted(3, 3, -3, -3);
        if (state == Qt::Checked) {
            QPainterPath tick;
            tick.moveTo(in.left(), in.center().y());
            tick.lineTo(in.left() + in.width() * 0.4, in.bottom());
            tick.lineTo(in.right(), in.top());
            painter->drawPath(tick);
        } else {
            painter->drawLine(QPointF(in.left(), in.center().y()), QPointF(in.right(), in.center().y()));
        }
    }
    painter->restore();
}

}  // namespace flowdeck
