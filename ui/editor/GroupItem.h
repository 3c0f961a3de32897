#pragma once
/// @file A group frame on the canvas (Flow::groups[index]): a titled rectangle behind tasks.
/// Only its title bar and border take the pointer, so clicks inside reach the canvas.

#include "NoteItem.h"

namespace flowdeck {

class GroupItem : public QGraphicsItem {
public:
    enum { Type = UserType + 4 };
    static constexpr double titleHeight = 26;

    explicit GroupItem(int index);
    int type() const override { return Type; }
    int index() const { return m_index; }
    void setGroup(const Group &group);
    QRectF frameRect() const { return {pos(), m_size}; }
    FrameHandle handleAt(QPointF local) const;

    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2); }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_index;
    QString m_title;
    QSizeF m_size;
};

}  // namespace flowdeck
