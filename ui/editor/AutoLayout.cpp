#include "AutoLayout.h"

#include "CanvasMetrics.h"

#include <QSet>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <limits>

namespace flowdeck {

namespace {

// cgraph takes char * for names and attributes it does not modify.
char *cstr(const char *text) { return const_cast<char *>(text); }

void setAttribute(void *object, const char *name, const QByteArray &value) {
    agsafeset(object, cstr(name), cstr(value.constData()), cstr(""));
}

/// Where each chosen task is now (tasks without a position count as being at the origin).
QPointF topLeftOf(const Flow &flow, const QStringList &chosen) {
    double x = std::numeric_limits<double>::max(), y = std::numeric_limits<double>::max();
    for (const QString &name : chosen) {
        const NodePosition p = flow.layout.value(name);
        x = std::min(x, p.x);
        y = std::min(y, p.y);
    }
    return chosen.isEmpty() ? QPointF() : QPointF(x, y);
}

}  // namespace

Placement AutoLayout::layout(const Flow &flow, const QStringList &only, const QHash<QString, double> &widths) {
    QStringList chosen;
    for (const Task &t : flow.tasks)
        if ((only.isEmpty() || only.contains(t.name)) && !chosen.contains(t.name)) chosen << t.name;
    const QSet<QString> inside(chosen.begin(), chosen.end());
    Placement placement;
    if (chosen.isEmpty()) return placement;

    GVC_t *gvc = gvContext();
    Agraph_t *graph = agopen(cstr("flow"), Agdirected, nullptr);
    setAttribute(graph, "rankdir", "LR");
    // Graphviz works in points (1/72 inch); we treat one point as one scene pixel.
    setAttribute(graph, "nodesep", QByteArray::number(canvas::nodeHeight * 0.75 / 72.0));
    setAttribute(graph, "ranksep", QByteArray::number(canvas::nodeWidth * 0.4 / 72.0));
    QHash<QString, Agnode_t *> nodes;
    for (const QString &name : chosen) {
        Agnode_t *node = agnode(graph, name.toUtf8().data(), 1);
        setAttribute(node, "shape", "box");
        setAttribute(node, "fixedsize", "true");
        setAttribute(node, "width", QByteArray::number(widths.value(name, canvas::nodeWidth) / 72.0));
        setAttribute(node, "height", QByteArray::number(canvas::nodeHeight / 72.0));
        nodes.insert(name, node);
    }
    for (const Task &t : flow.tasks) {
        if (!inside.contains(t.name)) continue;
        for (const Dependency &d : t.after)
            if (inside.contains(d.upstream) && d.upstream != t.name)
                agedge(graph, nodes.value(d.upstream), nodes.value(t.name), nullptr, 1);
    }
    gvLayout(gvc, graph, "dot");

    QHash<QString, QPointF> corners;
    double minX = std::numeric_limits<double>::max(), minY = std::numeric_limits<double>::max();
    for (auto it = nodes.constBegin(); it != nodes.constEnd(); ++it) {
        const pointf centre = ND_coord(it.value());
        // Graphviz's y axis points up, the scene's down.
        const QPointF corner(centre.x - widths.value(it.key(), canvas::nodeWidth) / 2, -centre.y - canvas::nodeHeight / 2);
        corners.insert(it.key(), corner);
        minX = std::min(minX, corner.x());
        minY = std::min(minY, corner.y());
    }
    gvFreeLayout(gvc, graph);
    agclose(graph);
    gvFreeContext(gvc);

    const QPointF origin = only.isEmpty() ? QPointF(0, 0) : canvas::snap(topLeftOf(flow, chosen));
    for (auto it = corners.constBegin(); it != corners.constEnd(); ++it)
        placement.tasks.insert(it.key(), canvas::snap(it.value() - QPointF(minX, minY) + origin));
    return placement;
}

}  // namespace flowdeck
