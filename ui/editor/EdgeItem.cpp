#include "EdgeItem.h"

#include "CanvasMetrics.h"
#include "KindStyle.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace flowdeck {

namespace {

constexpr double arrowLength = 10;
constexpr double arrowHalfWidth = 5;

const QFont &labelFont() {
    static const QFont font = [] {
        QFont f = QApplication::font();
        f.setPixelSize(11);
        f.setBold(true);
        return f;
    }();
    return font;
}

}  // namespace

EdgeItem::EdgeItem(const QString &upstream, const QString &downstream, BranchOutcome outcome, bool mapped, bool dangling)
    : m_upstream(upstream), m_downstream(downstream), m_outcome(outcome), m_mapped(mapped), m_dangling(dangling) {
    setFlag(ItemIsSelectable);  // selected and deleted, a broken wire takes its bad reference with it
    setZValue(0);
    if (dangling) setToolTip(tr("no task named '%1'").arg(upstream));
}

void EdgeItem::setTrigger(TriggerRule rule) {
    if (m_trigger == rule) return;
    m_trigger = rule;
    if (!m_dangling)
        setToolTip(rule == TriggerRule::AllSuccess
                       ? QString()
                       : tr("%1 → %2: %2 runs %3 (trigger rule %4)")
                             .arg(m_upstream, m_downstream, KindStyle::triggerMeaning(rule), toString(rule)));
    update();
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to) {
    // Horizontal tangents at both ends; backward edges bow out further so they stay readable.
    const double dx = to.x() - from.x();
    const double reach = dx >= 0 ? std::max(40.0, dx / 2) : 80 + std::abs(to.y() - from.y()) / 4 - dx / 4;
    QPainterPath path(from);
    path.cubicTo(from + QPointF(reach, 0), to - QPointF(reach, 0), to);
    return path;
}

std::optional<QPainterPath> EdgeItem::detour(QPointF from, QPointF to, double laneY) {
    constexpr double bend = 50;
    if (to.x() - from.x() < 4 * bend) return std::nullopt;
    QPainterPath path(from);
    path.cubicTo(from + QPointF(bend, 0), QPointF(from.x() + bend, laneY), QPointF(from.x() + 2 * bend, laneY));
    path.lineTo(to.x() - 2 * bend, laneY);
    path.cubicTo(QPointF(to.x() - bend, laneY), to - QPointF(bend, 0), to);
    return path;
}

void EdgeItem::setEnds(QPointF from, QPointF to, std::optional<double> laneY) {
    if (from == m_from && to == m_to && laneY == m_lane && !m_path.isEmpty()) return;
    prepareGeometryChange();
    m_from = from;
    m_to = to;
    m_lane = laneY;
    const QPointF tip = to - QPointF(canvas::portRadius, 0);
    const QPointF end = tip - QPointF(arrowLength - 1, 0);
    const auto around = laneY ? detour(from, end, *laneY) : std::nullopt;
    m_path = around ? *around : curve(from, end);
    if (m_dangling) {  // hangs down from its loose end and bends into the port
        m_path = QPainterPath(from);
        m_path.cubicTo(QPointF(from.x(), end.y()), QPointF(from.x(), end.y()), end);
    }
    m_path.lineTo(tip - QPointF(arrowLength - 1, 0));
    const QRectF arrow(tip.x() - arrowLength, tip.y() - arrowHalfWidth, arrowLength, 2 * arrowHalfWidth);
    m_bounds = m_path.boundingRect().united(arrow).united(labelRect()).adjusted(-4, -4, 4, 4);
    m_shape = QPainterPath();
}

void EdgeItem::setHighlighted(bool on) {
    if (m_highlighted == on) return;
    m_highlighted = on;
    update();
}

QPainterPath EdgeItem::shape() const {
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(10);
        m_shape = stroker.createStroke(m_path);
    }
    return m_shape;
}

bool EdgeItem::isNear(QPointF scenePos, double distance) const {
    if (!m_bounds.adjusted(-distance, -distance, distance, distance).contains(scenePos)) return false;
    const QRectF probe(scenePos.x() - distance, scenePos.y() - distance, 2 * distance, 2 * distance);
    return shape().intersects(probe);
}

QString EdgeItem::label() const {
    if (m_dangling) return m_upstream + QLatin1Char('?');
    QString text;
    if (m_outcome == BranchOutcome::True) text = QStringLiteral("true");
    if (m_outcome == BranchOutcome::False) text = QStringLiteral("false");
    if (m_mapped)
        text +=
            (text.isEmpty() ? QString() : QStringLiteral(" \u00b7 ")) +
            tr("each", "a mapped edge: one run for each item; short, it sits in the gap between two nodes");
    return text;
}

QRectF EdgeItem::labelRect() const {
    // A broken wire has no upstream port: its label sits over the stub's loose end.
    if (m_dangling) return {m_from.x() - 4, m_from.y() - 17, QFontMetricsF(labelFont()).horizontalAdvance(label()) + 8, 14};
    return {m_from.x() + canvas::portRadius + 4, m_from.y() - 17, 80, 14};
}

QColor EdgeItem::colour() const {
    const QPalette palette = scene() ? scene()->palette() : QApplication::palette();
    if (isSelected() || m_highlighted) return palette.color(QPalette::Highlight);
    if (m_dangling) return KindStyle::brokenColour();
    if (m_trigger != TriggerRule::AllSuccess) return KindStyle::triggerColour();
    switch (m_outcome) {
    case BranchOutcome::True: return QColor(0x2e, 0xa0, 0x4f);
    case BranchOutcome::False: return QColor(0xd6, 0x45, 0x45);
    case BranchOutcome::Any: break;
    }
    return palette.color(QPalette::WindowText).lighter(palette.color(QPalette::WindowText).lightness() > 128 ? 70 : 250);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const double lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const QColor c = colour();
    const bool detailed = lod >= canvas::detailZoom;
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    painter->setPen(pen());
    painter->setBrush(Qt::NoBrush);
    if (!detailed) {
        // From afar a straight line looks the same and costs a fraction of a stroked curve.
        if (m_lane) painter->drawPolyline(QPolygonF({m_from, QPointF(m_from.x(), *m_lane), QPointF(m_to.x(), *m_lane), m_to}));
        else painter->drawLine(m_from, m_to);
        return;
    }
    painter->drawPath(m_path);
    const QPointF tip = m_to - QPointF(canvas::portRadius, 0);
    const QPointF arrow[3] = {tip, tip - QPointF(arrowLength, arrowHalfWidth), tip - QPointF(arrowLength, -arrowHalfWidth)};
    painter->setPen(Qt::NoPen);
    painter->setBrush(c);
    painter->drawPolygon(arrow, 3);
    if (m_dangling) {  // the loose end, where a task should be
        painter->setPen(QPen(c, 1.8));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(m_from, 3.5, 3.5);
    }
    const QString text = label();
    if (text.isEmpty()) return;
    painter->setFont(labelFont());
    painter->setPen(c);
    painter->drawText(labelRect(), Qt::AlignLeft | Qt::AlignVCenter, text);
}

QPen EdgeItem::pen() const {
    QPen pen(colour(), m_highlighted ? 3.5 : (isSelected() ? 2.5 : 1.8));
    if (m_mapped) pen.setStyle(Qt::DashLine);
    if (m_trigger != TriggerRule::AllSuccess) pen.setStyle(Qt::DashDotLine);
    if (m_dangling) pen.setDashPattern({3, 2.5});  // short dashes: unlike any real edge
    return pen;
}

}  // namespace flowdeck
