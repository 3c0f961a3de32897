#pragma once
/// @file A sticky note on the canvas (Flow::notes[index]); a view like NodeItem.

#include "flow/Flow.h"

#include <QGraphicsItem>

namespace flowdeck {

/// Which part of a note or group frame is under the pointer.
enum class FrameHandle { None, Move, Resize };

class NoteItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };

    explicit NoteItem(int index);
    int type() const override { return Type; }
    int index() const { return m_index; }
    void setNote(const Note &note);
    QRectF frameRect() const { return {pos(), m_size}; }
    FrameHandle handleAt(QPointF local) const;

    QRectF boundingRect() const override { return {QPointF(0, 0), m_size}; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_index;
    QString m_text;
    QSizeF m_size;
};

}  // namespace flowdeck
