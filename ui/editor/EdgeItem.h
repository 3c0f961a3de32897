#pragma once
/// @file A dependency on the canvas: a smooth curve from an upstream's output port to a
/// downstream's input port, with an arrow; branch edges are coloured and labelled, edges into a
/// task with a trigger rule other than all_success are amber and dash-dotted, and a dependency on
/// a task that does not exist is a red dashed stub with the unknown name.

#include "flow/Flow.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QPainterPath>
#include <optional>

namespace flowdeck {

class EdgeItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(EdgeItem)

public:
    enum { Type = UserType + 2 };

    /// @p dangling: @p upstream names no task; the edge is a stub into @p downstream.
    EdgeItem(const QString &upstream, const QString &downstream, BranchOutcome outcome, bool mapped,
             bool dangling = false);
    int type() const override { return Type; }

    QString upstream() const { return m_upstream; }
    QString downstream() const { return m_downstream; }
    BranchOutcome outcome() const { return m_outcome; }
    bool isDangling() const { return m_dangling; }
    /// The downstream's trigger rule: anything but all_success is drawn apart, and named in the
    /// tooltip.
    void setTrigger(TriggerRule rule);
    TriggerRule trigger() const { return m_trigger; }
    /// The pen the curve is drawn with (its colour and dashes say what kind of edge it is).
    QPen pen() const;
    /// The curve in scene coordinates, without the arrow head.
    QPainterPath path() const { return m_path; }
    /// Where it starts and ends, in scene coordinates (the item itself stays at the origin).
    /// With @p laneY the curve detours along that height, around nodes that lie in its way.
    void setEnds(QPointF from, QPointF to, std::optional<double> laneY = std::nullopt);
    /// Marked while a dragged node hovers over it (dropping inserts the node in between).
    void setHighlighted(bool on);
    /// True when @p scenePos lies within a few pixels of the curve.
    bool isNear(QPointF scenePos, double distance) const;

    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// The curve used for edges and for the wire being dragged.
    static QPainterPath curve(QPointF from, QPointF to);
    /// A curve from @p from to @p to that runs along @p laneY in between (needs room in x).
    static std::optional<QPainterPath> detour(QPointF from, QPointF to, double laneY);

private:
    QString m_upstream;
    QString m_downstream;
    BranchOutcome m_outcome;
    bool m_mapped;
    bool m_dangling;
    TriggerRule m_trigger = TriggerRule::AllSuccess;
    bool m_highlighted = false;
    QPointF m_from;
    QPointF m_to;
    std::optional<double> m_lane;
    QPainterPath m_path;
    QRectF m_bounds;
    mutable QPainterPath m_shape;  // built on first hit test after a change: strokes are costly

    QColor colour() const;
    QString label() const;
    QRectF labelRect() const;
};

}  // namespace flowdeck
