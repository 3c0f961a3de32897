#include "NodeItem.h"

#include "KindStyle.h"
#include "ThemeColours.h"
#include "flow/Units.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QHash>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace flowdeck {

namespace {

constexpr double radius = 7;
constexpr double cardOffset = 4;  // each card behind a mapped task
constexpr double textLeft = 50;   // right of the kind's round badge
constexpr double textRight = 12;
constexpr double badgeRight = 14;  // clear of the output ports (radius 6 on the right edge)
constexpr double badgeHeight = 15;
constexpr double badgePadding = 4;
constexpr double badgeGap = 3;

QPalette paletteOf(const QGraphicsItem *item) {
    return item->scene() ? item->scene()->palette() : QApplication::palette();
}

const QFont &nameFont() {
    static const QFont font = [] {
        QFont f = QApplication::font();
        f.setPixelSize(13);
        f.setBold(true);
        return f;
    }();
    return font;
}

const QFont &smallFont() {
    static const QFont font = [] {
        QFont f = QApplication::font();
        f.setPixelSize(11);
        return f;
    }();
    return font;
}

const QFont &glyphFont() {
    static const QFont font = [] {
        QFont f = QApplication::font();
        f.setPixelSize(12);
        f.setBold(true);
        return f;
    }();
    return font;
}

const QFont &badgeFont() {
    static const QFont font = [] {
        QFont f = QApplication::font();
        f.setPixelSize(10);
        f.setBold(true);
        return f;
    }();
    return font;
}

// Metrics made once: every node measures its texts when it is built.
const QFontMetricsF &nameMetrics() {
    static const QFontMetricsF metrics(nameFont());
    return metrics;
}
const QFontMetricsF &smallMetrics() {
    static const QFontMetricsF metrics(smallFont());
    return metrics;
}
const QFontMetricsF &badgeMetrics() {
    static const QFontMetricsF metrics(badgeFont());
    return metrics;
}

double badgeWidth(const NodeBadge &badge) { return badgeMetrics().horizontalAdvance(badge.text) + 2 * badgePadding; }

/// The settings a node cannot show in its two lines of text, in the order they are drawn.
QList<NodeBadge> badgesOf(const Task &task) {
    QList<NodeBadge> badges;
    if (task.trigger != TriggerRule::AllSuccess)
        badges.append({toString(task.trigger),
                       NodeItem::tr("Trigger rule %1: runs %2")
                           .arg(toString(task.trigger), KindStyle::triggerMeaning(task.trigger)),
                       NodeBadge::Role::Trigger});
    if (task.isMapped()) {
        // The list's name can be long; the tooltip has it whole.
        const QString over = badgeMetrics().elidedText(task.mapOver, Qt::ElideRight, 72);
        badges.append({QStringLiteral("⇉ ") + over,
                       NodeItem::tr("Map: one run for each item of %1").arg(task.mapOver)});
    }
    if (task.retries > 0) {
        const QString tip = task.retryDelay.isDefault()
                                ? NodeItem::tr("Retries: %1").arg(task.retries)
                                : NodeItem::tr("Retries: %1 (first after %2)")
                                      .arg(task.retries)
                                      .arg(formatDuration(task.retryDelay.delayBefore(1)));
        badges.append({QStringLiteral("↻%1").arg(task.retries), tip});
    }
    if (task.timeoutSeconds)
        badges.append({QStringLiteral("◷") + formatDuration(*task.timeoutSeconds),
                       NodeItem::tr("Timeout: %1").arg(formatDuration(*task.timeoutSeconds))});
    if (task.cache.enabled) {
        QString tip = NodeItem::tr("Cache: %1").arg(toString(task.cache.policy));
        if (task.cache.expirationSeconds)
            tip += NodeItem::tr(", expires after %1").arg(formatDuration(*task.cache.expirationSeconds));
        if (task.cache.refresh) tip += NodeItem::tr(", refreshed on every run");
        badges.append({QStringLiteral("cache"), tip});
    }
    return badges;
}

QString subtitleOf(const Task &task) {
    QString text = toString(task.kind);
    if (task.kind == TaskKind::Subflow && !task.subflow.isEmpty())
        text = NodeItem::tr("flow %1").arg(QString(task.subflow).remove(QStringLiteral(".flow.yaml")));
    if (task.kind == TaskKind::Sleep) text += QStringLiteral(" %1s").arg(task.sleepSeconds);
    if (task.kind == TaskKind::Branch && task.language == ScriptLanguage::Python) text += QLatin1String(" (python)");
    return text;
}

}  // namespace

NodeItem::NodeItem(const QString &name) : m_name(name) {
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);  // a cross over the ports says "drag from here to connect"
    // Painting text and rounded shapes is the expensive part; the cache makes panning a blit.
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
    updateGeometry();
}

void NodeItem::setName(const QString &name) {
    m_name = name;
    updateGeometry();
    update();
}

QStringList NodeItem::badgeTexts() const {
    QStringList texts;
    for (const NodeBadge &b : m_badges) texts << b.text;
    return texts;
}

double NodeItem::badgesWidth() const {
    double w = 0;
    for (const NodeBadge &b : m_badges)
        if (b.role == NodeBadge::Role::Setting) w += badgeWidth(b) + badgeGap;
    return w > 0 ? w - badgeGap : 0;
}

QString NodeItem::shownName() const {
    return nameMetrics().elidedText(m_name, Qt::ElideMiddle, m_width - textLeft - textRight);
}

// Wide enough for the whole name and the badges; for the subtitle beside them only up to 200 px,
// so that in columns 240 apart (the examples', auto-layout's) wires keep room between nodes. In
// grid steps, so that right edges line up on the grid like left ones.
void NodeItem::updateGeometry() {
    const double badges = badgesWidth() > 0 ? badgesWidth() + badgeRight : 0;
    const double name = nameMetrics().horizontalAdvance(m_name) + textRight;
    const double row = std::min(200 - textLeft, badges + (badges > 0 ? 6 : badgeRight) +
                                                    smallMetrics().horizontalAdvance(m_subtitle));
    const double wanted = std::ceil((textLeft + std::max({name, badges, row})) / canvas::gridSize) * canvas::gridSize;
    const double width = std::clamp(wanted, canvas::nodeWidth, canvas::maxNodeWidth);
    if (width != m_width) {
        prepareGeometryChange();
        m_width = width;
    }
    // Uniting paths costs: 5,000 nodes share the few shapes there are (widths in grid steps).
    static QHash<QPair<int, bool>, QPainterPath> shapes;
    const QPair<int, bool> key(int(m_width), isBranch());  // a branch has other ports
    auto it = shapes.find(key);
    if (it == shapes.end()) it = shapes.insert(key, outline());
    m_shape = *it;
}

void NodeItem::setTask(const Task &task) {
    m_kind = task.kind;
    m_mapped = task.isMapped();
    m_subflow = task.kind == TaskKind::Subflow;
    m_subtitle = subtitleOf(task);
    m_badges = badgesOf(task);
    QString tip = QStringLiteral("<b>%1</b> (%2)").arg(task.name.toHtmlEscaped(), toString(task.kind));
    if (!task.description.isEmpty()) tip += QStringLiteral("<br>") + task.description.toHtmlEscaped();
    for (const NodeBadge &b : std::as_const(m_badges)) tip += QStringLiteral("<br>") + b.tip.toHtmlEscaped();
    m_taskTip = tip;
    setToolTip(tip);
    updateGeometry();
    update();
}

void NodeItem::setProblem(std::optional<Severity> severity, const QString &tooltip) {
    // The tooltip even when the severity stays: setTask() after an edit put the task's back.
    if (!tooltip.isEmpty()) setToolTip(tooltip);
    if (m_problem == severity) return;
    m_problem = severity;
    update();
}

void NodeItem::setRunState(std::optional<RunState> state, const QString &detail, const QString &tooltip) {
    if (!state) {
        if (!m_runState) return;
        m_runState.reset();
        m_runDetail.clear();
        setToolTip(m_taskTip);
        update();
        return;
    }
    const QString text = detail.isEmpty() ? toString(*state) : detail;
    QString tip = m_taskTip + QStringLiteral("<br>") + text.toHtmlEscaped();
    if (!tooltip.isEmpty()) tip += QStringLiteral("<br>") + tooltip.toHtmlEscaped();
    setToolTip(tip);
    if (m_runState == state && m_runDetail == text) return;  // a repaint of a cached item costs
    m_runState = state;
    m_runDetail = text;
    update();
}

QString NodeItem::subtitle() const { return m_runState ? m_runDetail : m_subtitle; }

void NodeItem::setHighlight(Highlight highlight) {
    if (m_highlight == highlight) return;
    m_highlight = highlight;
    update();
}

void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event) {
    setCursor(portAt(event->pos()) == Port::None ? Qt::ArrowCursor : Qt::CrossCursor);
    QGraphicsItem::hoverMoveEvent(event);
}

QPointF NodeItem::portPos(Port port) const {
    switch (port) {
    case Port::Input: return {0, canvas::nodeHeight / 2};
    case Port::Output: return {m_width, canvas::nodeHeight / 2};
    case Port::OutputTrue: return {m_width, canvas::nodeHeight * 0.3};
    case Port::OutputFalse: return {m_width, canvas::nodeHeight * 0.7};
    case Port::None: break;
    }
    return {};
}

QPointF NodeItem::portScenePos(Port port) const { return mapToScene(portPos(port)); }

Port NodeItem::portAt(QPointF local) const {
    const double reach = canvas::portRadius + 5;
    auto near = [&](Port p) { return QLineF(local, portPos(p)).length() <= reach; };
    if (near(Port::Input)) return Port::Input;
    if (isBranch()) {
        if (near(Port::OutputTrue)) return Port::OutputTrue;
        if (near(Port::OutputFalse)) return Port::OutputFalse;
    } else if (near(Port::Output)) {
        return Port::Output;
    }
    return Port::None;
}

QRectF NodeItem::boundingRect() const {
    const double m = canvas::portRadius + 6;
    const double top = badgeHeight / 2 + 1;  // the trigger rule's tab and the problem mark stick out
    return QRectF(-m, -top, m_width + 2 * m, canvas::nodeHeight + top + 6 + 2 * cardOffset);
}

// The body and its ports as one area. United, not added to one path: with the default odd-even
// fill, the half of each port inside the body was a hole, and a press there started a rubber band.
QPainterPath NodeItem::outline() const {
    QPainterPath ports;
    const double r = canvas::portRadius + 3;
    for (Port p : {Port::Input, Port::Output, Port::OutputTrue, Port::OutputFalse})
        if (p == Port::Input || (isBranch() == (p != Port::Output))) ports.addEllipse(portPos(p), r, r);
    QPainterPath body;
    body.addRect(bodyRect());
    return body.united(ports);
}

QPainterPath NodeItem::shape() const { return m_shape; }

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    const double lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (lod < canvas::detailZoom) {
        paintSimple(painter);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    Q_UNUSED(option);
    const QPalette palette = paletteOf(this);
    if (m_mapped) paintCards(painter, palette);
    paintBody(painter, palette);
    paintText(painter, palette);
    paintBadges(painter, palette);
    paintPorts(painter, palette);
    paintMarkers(painter);
}

void NodeItem::paintSimple(QPainter *painter) const {
    // Zoomed far out: one filled box, coloured by run state when there is one.
    QColor fill = m_runState ? KindStyle::colour(*m_runState) : KindStyle::colour(m_kind);
    painter->setPen(isSelected() || m_highlight != Highlight::None ? QPen(outlineColour(paletteOf(this)), 6) : Qt::NoPen);
    if (m_problem == Severity::Error && !m_runState) painter->setPen(QPen(QColor(0xd6, 0x3b, 0x3b), 6));
    painter->setBrush(fill);
    // A few pixels wide: corners and antialiasing would not show, but would cost.
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->drawRect(bodyRect());
}

void NodeItem::paintCards(QPainter *painter, const QPalette &palette) const {
    painter->setPen(QPen(palette.color(QPalette::Mid), 1));
    painter->setBrush(palette.color(QPalette::AlternateBase));
    for (int i = 2; i >= 1; --i)
        painter->drawRoundedRect(bodyRect().translated(i * cardOffset, i * cardOffset), radius, radius);
}

QColor NodeItem::outlineColour(const QPalette &palette) const {
    switch (m_highlight) {
    case Highlight::ConnectTarget: return QColor(0x2f, 0x9e, 0x6a);
    case Highlight::DropTarget: return palette.color(QPalette::Highlight);
    case Highlight::Found: return QColor(0xe8, 0xb9, 0x1c);
    case Highlight::CurrentMatch: return QColor(0xf0, 0x8c, 0x00);
    case Highlight::None: break;
    }
    return palette.color(QPalette::Highlight);
}

void NodeItem::paintBody(QPainter *painter, const QPalette &palette) const {
    const QRectF body = bodyRect();
    if (m_highlight != Highlight::None) {
        QColor glow = outlineColour(palette);
        glow.setAlpha(110);
        painter->setPen(QPen(glow, 6));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(body.adjusted(-3, -3, 3, 3), radius + 3, radius + 3);
    }
    const QColor kind = KindStyle::colour(m_kind);
    QPen border(palette.color(QPalette::Mid), 1.2);
    if (m_runState) border = QPen(KindStyle::colour(*m_runState), 3);
    if (isSelected()) border = QPen(palette.color(QPalette::Highlight), 2.5);
    painter->setPen(border);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(body, radius, radius);
    if (m_subflow) {  // a double border: a flow inside a task
        painter->setPen(QPen(kind, 1.2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(body.adjusted(3.5, 3.5, -3.5, -3.5), radius - 2, radius - 2);
    }
    // The kind's colour as a stripe along the left edge, inside the rounded outline.
    QPainterPath stripe;
    stripe.addRoundedRect(body.adjusted(1, 1, -1, -1), radius - 1, radius - 1);
    QPainterPath left;
    left.addRect(QRectF(body.left(), body.top(), 6, body.height()));
    painter->setPen(Qt::NoPen);
    painter->setBrush(kind);
    painter->drawPath(stripe.intersected(left));
    if (m_runState) {
        QPainterPath bottom;
        bottom.addRect(QRectF(body.left(), body.bottom() - 5, body.width(), 5));
        painter->setBrush(KindStyle::colour(*m_runState));
        painter->drawPath(stripe.intersected(bottom));
    }
}

void NodeItem::paintText(QPainter *painter, const QPalette &palette) const {
    const QColor kind = KindStyle::colour(m_kind);
    const QRectF badge(16, canvas::nodeHeight / 2 - 13, 26, 26);
    painter->setPen(Qt::NoPen);
    painter->setBrush(kind);
    painter->drawEllipse(badge);
    painter->setFont(glyphFont());
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, KindStyle::glyph(m_kind));

    const double width = m_width - textLeft - textRight;
    painter->setFont(nameFont());
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRectF(textLeft, 10, width, 20), Qt::AlignLeft | Qt::AlignVCenter, shownName());
    painter->setFont(smallFont());
    // A run's state is what the person watches: full-strength text, not the kind's muted grey.
    painter->setPen(m_runState ? palette.color(QPalette::Text) : mutedText(palette));
    const QString sub = shownSubtitle();
    if (!sub.isEmpty())
        painter->drawText(QRectF(textLeft, 31, subtitleRoom(), 18), Qt::AlignLeft | Qt::AlignVCenter, sub);
}

double NodeItem::subtitleRoom() const {
    // The kind's subtitle gives way to the badges beside it; a run's state takes the whole row.
    const double badges = showsSettingBadges() ? badgesWidth() : 0;
    return m_width - textLeft - badgeRight - (badges > 0 ? badges + 6 : 0);
}

QString NodeItem::shownSubtitle() const {
    const QString text = subtitle();
    const double room = subtitleRoom();
    // "py…" says nothing the kind's glyph does not: a short subtitle shows whole or not at all.
    if (room < std::min(smallMetrics().horizontalAdvance(text), 48.0)) return QString();
    return smallMetrics().elidedText(text, Qt::ElideRight, room);
}

QList<QRectF> NodeItem::badgeRects() const {
    // Settings: right-aligned on the subtitle's line, clear of the output ports on the right
    // edge. A trigger rule is about the task's inputs: a tab on the top edge, on the input side.
    QList<QRectF> rects;
    double x = std::max(textLeft, m_width - badgeRight - badgesWidth());
    for (const NodeBadge &b : m_badges) {
        if (b.role == NodeBadge::Role::Trigger) {
            rects << QRectF(textLeft - badgePadding, -badgeHeight / 2, badgeWidth(b), badgeHeight);
            continue;
        }
        rects << QRectF(x, 40 - badgeHeight / 2, badgeWidth(b), badgeHeight);
        x += rects.back().width() + badgeGap;
    }
    return rects;
}

void NodeItem::paintBadges(QPainter *painter, const QPalette &palette) const {
    if (m_badges.isEmpty()) return;
    painter->setFont(badgeFont());
    const QList<QRectF> rects = badgeRects();
    for (int i = 0; i < m_badges.size(); ++i) {
        const bool trigger = m_badges[i].role == NodeBadge::Role::Trigger;
        if (!trigger && !showsSettingBadges()) continue;
        painter->setPen(Qt::NoPen);
        painter->setBrush(trigger ? KindStyle::triggerColour() : badgeFill(palette));
        painter->drawRoundedRect(rects[i], 4, 4);
        painter->setPen(trigger ? QColor(Qt::white) : palette.color(QPalette::Text));
        painter->drawText(rects[i], Qt::AlignCenter, m_badges[i].text);
    }
}

void NodeItem::paintPorts(QPainter *painter, const QPalette &palette) const {
    const double r = canvas::portRadius;
    auto port = [&](Port p, const QColor &fill) {
        painter->setPen(QPen(portOutline(palette), 1.5));
        painter->setBrush(fill);
        painter->drawEllipse(portPos(p), r, r);
    };
    port(Port::Input, portFill(palette));
    if (isBranch()) {
        port(Port::OutputTrue, QColor(0x2e, 0xa0, 0x4f));
        port(Port::OutputFalse, QColor(0xd6, 0x45, 0x45));
    } else {
        port(Port::Output, portFill(palette));
    }
}

void NodeItem::paintMarkers(QPainter *painter) const {
    if (!m_problem) return;
    const bool error = *m_problem == Severity::Error;
    const QRectF mark(m_width - 18, -6, 18, 18);
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(error ? QColor(0xd6, 0x3b, 0x3b) : QColor(0xe0, 0xa1, 0x1b));
    painter->drawEllipse(mark);
    painter->setFont(glyphFont());
    painter->drawText(mark, Qt::AlignCenter, QStringLiteral("!"));
}

}  // namespace flowdeck
