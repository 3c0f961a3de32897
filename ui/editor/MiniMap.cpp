#include "MiniMap.h"

#include "CanvasMetrics.h"
#include "FlowScene.h"
#include "FlowView.h"
#include "GroupItem.h"
#include "KindStyle.h"
#include "NoteItem.h"

#include <QMouseEvent>
#include <QPainter>

namespace flowdeck {

MiniMap::MiniMap(FlowView *view) : QWidget(view), m_view(view) {
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    m_redraw.setSingleShot(true);
    m_redraw.setInterval(120);
    connect(&m_redraw, &QTimer::timeout, this, &MiniMap::redraw);
    // The document's signals, not QGraphicsScene::changed: connecting to that one turns off the
    // scene's direct item-to-view updates for every view.
    const auto later = [this] {
        if (!m_redraw.isActive()) m_redraw.start();
    };
    FlowDocument *document = view->flowScene()->document();
    connect(document, &FlowDocument::flowReset, this, later);
    connect(document, &FlowDocument::taskAdded, this, later);
    connect(document, &FlowDocument::taskRemoved, this, later);
    connect(document, &FlowDocument::taskChanged, this, later);
    connect(document, &FlowDocument::positionsChanged, this, later);
    connect(document, &FlowDocument::notesChanged, this, later);
    connect(document, &FlowDocument::groupsChanged, this, later);
    m_redraw.start();
}

void MiniMap::viewChanged() { update(); }

QTransform MiniMap::toMap() const {
    if (m_world.isEmpty()) return {};
    const double s = std::min((width() - 8) / m_world.width(), (height() - 8) / m_world.height());
    const QPointF offset((width() - m_world.width() * s) / 2, (height() - m_world.height() * s) / 2);
    return QTransform::fromTranslate(-m_world.left(), -m_world.top()) * QTransform::fromScale(s, s) *
           QTransform::fromTranslate(offset.x(), offset.y());
}

void MiniMap::redraw() {
    FlowScene *scene = m_view->flowScene();
    m_world = scene->contentRect().adjusted(-40, -40, 40, 40);
    m_picture = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    m_picture.setDevicePixelRatio(devicePixelRatioF());
    m_picture.fill(Qt::transparent);
    QPainter p(&m_picture);
    p.setTransform(toMap());
    p.setPen(Qt::NoPen);
    QColor groupFill = palette().color(QPalette::Highlight);
    groupFill.setAlpha(50);
    for (GroupItem *g : scene->groups()) p.fillRect(g->frameRect(), groupFill);
    for (NoteItem *n : scene->notes()) p.fillRect(n->frameRect(), QColor(0xff, 0xe8, 0x80));
    for (const Task &t : scene->document()->flow().tasks)
        if (NodeItem *n = scene->node(t.name)) p.fillRect(n->sceneBodyRect(), KindStyle::colour(t.kind));
    update();
}

void MiniMap::paintEvent(QPaintEvent *) {
    QPainter p(this);
    QColor back = palette().color(QPalette::Base);
    back.setAlpha(215);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(back);
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    p.drawImage(0, 0, m_picture);
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(toMap().mapRect(visible).intersected(QRectF(rect()).adjusted(1, 1, -2, -2)));
}

void MiniMap::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) redraw();  // the picture holds the old theme's colours
}

void MiniMap::centreViewAt(QPoint pos) {
    bool invertible = false;
    const QTransform back = toMap().inverted(&invertible);
    if (invertible) m_view->centerOn(back.map(QPointF(pos)));
}

void MiniMap::mousePressEvent(QMouseEvent *event) { centreViewAt(event->position().toPoint()); }

void MiniMap::mouseMoveEvent(QMouseEvent *event) {
    if (event->buttons() & Qt::LeftButton) centreViewAt(event->position().toPoint());
}

}  // namespace flowdeck
