#include "FlowView.h"

#include "CanvasMetrics.h"
#include "FlowScene.h"
#include "MiniMap.h"
#include "QuickAddPopup.h"

#include <QKeyEvent>
#include <QPixmapCache>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace flowdeck {

FlowView::FlowView(FlowScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    // Repaint only what changed; items bring their own cached pixmaps.
    setViewportUpdateMode(MinimalViewportUpdate);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setCacheMode(CacheBackground);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(NoAnchor);
    setResizeAnchor(AnchorViewCenter);
    setFocusPolicy(Qt::StrongFocus);
    // An unbounded canvas, as in other node editors: pan anywhere, zoom around any point. The
    // scroll bars of a 200,000 px area say nothing, so panning is by mouse, keys or minimap.
    setSceneRect(-canvasExtent, -canvasExtent, 2 * canvasExtent, 2 * canvasExtent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Every visible node keeps a pixmap; the default 10 MB cache would evict them while panning.
    if (QPixmapCache::cacheLimit() < 128 * 1024) QPixmapCache::setCacheLimit(128 * 1024);
    m_miniMap = new MiniMap(this);
    connect(scene, &FlowScene::quickAddRequested, this, &FlowView::openQuickAdd);
}

void FlowView::setZoom(double zoom) {
    const double z = std::clamp(zoom, minZoom, maxZoom);
    const double before = this->zoom();
    setTransform(QTransform::fromScale(z, z));
    m_scene->setDetailed(z >= canvas::detailZoom);
    m_miniMap->viewChanged();
    if (z != before) emit zoomChanged(z);
}

void FlowView::zoomBy(double factor, QPoint viewportPos) {
    const QPointF before = mapToScene(viewportPos);
    setZoom(zoom() * factor);
    // Keep the scene point under the pointer where it was.
    const QPointF after = mapToScene(viewportPos);
    const QPointF shift = (after - before) * zoom();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(std::round(shift.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(std::round(shift.y())));
}

void FlowView::fitRect(const QRectF &rect) {
    if (rect.isEmpty()) return;
    const QRectF padded = rect.adjusted(-40, -40, 40, 40);
    const double z = std::min(viewport()->width() / padded.width(), viewport()->height() / padded.height());
    setZoom(std::min(z, 1.0));  // a small flow is shown at its actual size, not blown up
    centerOn(padded.center());
}

void FlowView::fitAll() { fitRect(m_scene->contentRect()); }

void FlowView::fitSelection() {
    QRectF r;
    for (QGraphicsItem *item : m_scene->selectedItems()) r |= item->sceneBoundingRect();
    fitRect(r.isNull() ? m_scene->contentRect() : r);
}

void FlowView::zoomToActualSize() {
    const QPointF centre = mapToScene(viewport()->rect().center());
    setZoom(1.0);
    centerOn(centre);
}

void FlowView::centreOnTask(const QString &name) {
    if (NodeItem *n = m_scene->node(name)) centerOn(n->sceneBodyRect().center());
}

QPointF FlowView::pointerScenePos() const {
    const QPoint p = viewport()->mapFromGlobal(QCursor::pos());
    return mapToScene(viewport()->rect().contains(p) ? p : viewport()->rect().center());
}

void FlowView::openQuickAdd(QPointF scenePos, const PendingWire &wire) {
    auto *popup = new QuickAddPopup(this);
    connect(popup, &QuickAddPopup::chosen, this, [this, scenePos, wire](const TaskTemplate &templ) {
        m_scene->addFromTemplate(templ, scenePos, wire);
    });
    popup->popup(viewport()->mapToGlobal(mapFromScene(scenePos)));
}

bool FlowView::event(QEvent *event) {
    // Tab would move the focus away; on the canvas it opens Quick-Add, like in Blender and n8n.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier) {
            openQuickAdd(pointerScenePos(), {});
            return true;
        }
    }
    return QGraphicsView::event(event);
}

void FlowView::wheelEvent(QWheelEvent *event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) return QGraphicsView::wheelEvent(event);
    zoomBy(std::pow(1.2, steps), event->position().toPoint());
    event->accept();
}

void FlowView::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void FlowView::mouseMoveEvent(QMouseEvent *event) {
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panLast;
        m_panLast = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void FlowView::mouseReleaseEvent(QMouseEvent *event) {
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

QList<FlowView::Gesture> FlowView::gestures() {
    const auto key = [](QKeyCombination k) { return QKeySequence(k).toString(QKeySequence::NativeText); };
    return {
        {tr("Move selection by a grid step"), tr("Arrow keys")},
        {tr("Move selection by five grid steps"), tr("%1+Arrow keys").arg(key(Qt::Key_Shift))},
        {tr("Pan"), tr("%1+Drag, Middle-button drag").arg(key(Qt::Key_Space))},
        {tr("Zoom around the pointer"), tr("Mouse wheel")},
        {tr("Quick Add a task"), tr("%1, Double-click on empty canvas").arg(key(Qt::Key_Tab))},
        {tr("Connect tasks"), tr("Drag from a port")},
        {tr("Delete selection"), QStringLiteral("%1, %2").arg(key(Qt::Key_Delete), key(Qt::Key_Backspace))},
        {tr("Cancel the connection being dragged"), key(Qt::Key_Escape)},
        {tr("Keyboard shortcuts"), QStringLiteral("?")},
    };
}

void FlowView::keyPressEvent(QKeyEvent *event) {
    // By the character, not the key: "?" is Shift+/ on some layouts and a key of its own on
    // others, and shortcut matching (Shift+? against "?") differs between platforms. An item
    // being typed in (none yet) would keep it.
    const Qt::KeyboardModifiers commandKeys = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    if (event->text() == QLatin1String("?") && !(event->modifiers() & commandKeys) && !m_scene->focusItem()) {
        emit shortcutSheetRequested();
        return;
    }
    const double step = canvas::gridSize * (event->modifiers() & Qt::ShiftModifier ? 5 : 1);
    const bool selected = !m_scene->selectedItems().isEmpty();
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_scene->cancelWire()) return;
        break;
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            viewport()->setCursor(Qt::OpenHandCursor);
        }
        return;
    case Qt::Key_Left: if (selected) return m_scene->nudgeSelection({-step, 0}); break;
    case Qt::Key_Right: if (selected) return m_scene->nudgeSelection({step, 0}); break;
    case Qt::Key_Up: if (selected) return m_scene->nudgeSelection({0, -step}); break;
    case Qt::Key_Down: if (selected) return m_scene->nudgeSelection({0, step}); break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace: m_scene->deleteSelection(); return;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void FlowView::keyReleaseEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning) viewport()->setCursor(Qt::ArrowCursor);
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void FlowView::resizeEvent(QResizeEvent *event) {
    QGraphicsView::resizeEvent(event);
    placeMiniMap();
}

void FlowView::changeEvent(QEvent *event) {
    QGraphicsView::changeEvent(event);
    // The grid is a cached picture in the old theme's colours.
    if (event->type() == QEvent::PaletteChange) resetCachedContent();
}

void FlowView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    m_miniMap->viewChanged();
}

void FlowView::placeMiniMap() {
    const QRect area = viewport()->geometry();
    const QSize size(std::min(220, area.width() / 4), std::min(150, area.height() / 4));
    m_miniMap->setGeometry(area.right() - size.width() - 10, area.bottom() - size.height() - 10, size.width(), size.height());
    m_miniMap->raise();
}

void FlowView::drawBackground(QPainter *painter, const QRectF &rect) {
    const QPalette pal = palette();
    painter->fillRect(rect, pal.color(QPalette::Window));
    // Grid lines: every 20 px when close, every 100 px from afar, none when tiny (they would
    // be a grey wash and cost a line per pixel column).
    const double z = zoom();
    const double step = z >= 0.7 ? canvas::gridSize : 5 * canvas::gridSize;
    if (step * z < 8) return;
    QColor line = pal.color(QPalette::WindowText);
    line.setAlphaF(0.06);
    QColor major = line;
    major.setAlphaF(0.11);
    painter->setRenderHint(QPainter::Antialiasing, false);
    const double left = std::floor(rect.left() / step) * step, top = std::floor(rect.top() / step) * step;
    QVector<QLineF> minors, majors;
    for (double x = left; x < rect.right(); x += step)
        (std::fmod(std::abs(x), 5 * canvas::gridSize) < 0.5 ? majors : minors) << QLineF(x, rect.top(), x, rect.bottom());
    for (double y = top; y < rect.bottom(); y += step)
        (std::fmod(std::abs(y), 5 * canvas::gridSize) < 0.5 ? majors : minors) << QLineF(rect.left(), y, rect.right(), y);
    painter->setPen(QPen(line, 0));
    painter->drawLines(minors);
    painter->setPen(QPen(major, 0));
    painter->drawLines(majors);
}

}  // namespace flowdeck
