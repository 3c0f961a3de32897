#include "GraphExport.h"

#include "FlowScene.h"

#include <QFileInfo>
#include <QPainter>
#include <QPalette>
#include <QSvgGenerator>

namespace flowdeck {

namespace {

constexpr double margin = 30;

QRectF exportRect(FlowScene *scene) {
    const QRectF r = scene->contentRect();
    return (r.isEmpty() ? QRectF(0, 0, 200, 100) : r).adjusted(-margin, -margin, margin, margin);
}

/// Renders with the selection (and find marks' selection) hidden: a picture is not a screenshot.
void render(FlowScene *scene, QPainter *painter, const QRectF &target, const QRectF &source) {
    const QList<QGraphicsItem *> selected = scene->selectedItems();
    for (QGraphicsItem *item : selected) item->setSelected(false);
    painter->fillRect(target, scene->palette().color(QPalette::Window));
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene->render(painter, target, source);
    for (QGraphicsItem *item : selected) item->setSelected(true);
}

}  // namespace

QImage GraphExport::toImage(FlowScene *scene, double scale) {
    const QRectF source = exportRect(scene);
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    render(scene, &painter, QRectF(QPointF(0, 0), source.size() * scale), source);
    return image;
}

QString GraphExport::savePng(FlowScene *scene, const QString &path, double scale) {
    const QImage image = toImage(scene, scale);
    if (!image.save(path, "PNG")) return QObject::tr("cannot write %1").arg(path);
    return {};
}

QString GraphExport::saveSvg(FlowScene *scene, const QString &path) {
    const QRectF source = exportRect(scene);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(scene->document()->flow().name);
    svg.setDescription(QObject::tr("Flowdeck flow graph"));
    QPainter painter;
    if (!painter.begin(&svg)) return QObject::tr("cannot write %1").arg(path);
    render(scene, &painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    if (!QFileInfo(path).isFile()) return QObject::tr("cannot write %1").arg(path);
    return {};
}

}  // namespace flowdeck
