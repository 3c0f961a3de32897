#include "FlowScene.h"

#include "AutoLayout.h"
#include "CanvasMetrics.h"
#include "EdgeItem.h"
#include "GroupItem.h"
#include "NoteItem.h"
#include "StepNames.h"
#include "flow/FlowFile.h"
#include "flow/FlowGraph.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMimeData>
#include <QSet>

#include <algorithm>
#include <limits>
#include <utility>

namespace flowdeck {

namespace {

constexpr double pasteStep = 2 * canvas::gridSize;
constexpr double sceneMargin = 2000;

QRectF rectOf(const Note &n) { return {n.x, n.y, n.width, n.height}; }
QRectF rectOf(const Group &g) { return {g.x, g.y, g.width, g.height}; }

bool hasEdges(const Task &task, const Flow &flow) {
    if (!task.after.empty()) return true;
    return std::any_of(flow.tasks.begin(), flow.tasks.end(), [&](const Task &t) {
        return std::any_of(t.after.begin(), t.after.end(), [&](const Dependency &d) { return d.upstream == task.name; });
    });
}

Port portFor(BranchOutcome outcome, bool branch) {
    if (!branch) return Port::Output;
    switch (outcome) {
    case BranchOutcome::True: return Port::OutputTrue;
    case BranchOutcome::False: return Port::OutputFalse;
    case BranchOutcome::Any: break;
    }
    return Port::Output;  // a branch followed whatever it decides: from the middle of its side
}

}  // namespace

FlowScene::FlowScene(FlowDocument *document, QObject *parent) : QGraphicsScene(parent), m_document(document) {
    setItemIndexMethod(BspTreeIndex);
    connect(document, &FlowDocument::flowReset, this, &FlowScene::rebuild);
    connect(document, &FlowDocument::taskAdded, this, [this](const QString &name) {
        if (const Task *t = m_document->task(name)) addNode(*t);
    });
    connect(document, &FlowDocument::taskRemoved, this, &FlowScene::removeNode);
    connect(document, &FlowDocument::taskRenamed, this, &FlowScene::renameNode);
    connect(document, &FlowDocument::taskChanged, this, [this](const QString &name) {
        const Task *task = m_document->task(name);
        if (NodeItem *n = node(name); n && task) n->setTask(*task);
        if (task)
            for (EdgeItem *e : m_incoming.value(name)) e->setTrigger(task->trigger);
        updateEdgesOf(name);  // a branch that became a plain task, or a node that widened, moves its ports
    });
    connect(document, &FlowDocument::edgesChanged, this, [this](const QStringList &tasks) {
        for (const QString &t : tasks) refreshEdgesInto(t);
    });
    connect(document, &FlowDocument::positionsChanged, this, &FlowScene::moveNodes);
    connect(document, &FlowDocument::notesChanged, this, &FlowScene::syncNotes);
    connect(document, &FlowDocument::groupsChanged, this, &FlowScene::syncGroups);
    connect(document, &FlowDocument::problemsChanged, this, &FlowScene::showProblems);
    rebuild();
}

FlowScene::~FlowScene() {
    // Deleting items changes the selection; nobody may ask this half-destroyed scene about it.
    blockSignals(true);
    m_dropEdge = nullptr;
    clear();
}

// ----- following the document ---------------------------------------------------------------------

void FlowScene::rebuild() {
    clearWire();
    m_dragging = false;
    m_dropEdge = nullptr;
    // Out of the lists before deleted: deleting a selected node announces a selection change at
    // once, and whoever asks for the selection then (the editor, the inspector) must not find it.
    const QHash<QString, NodeItem *> nodes = std::exchange(m_nodes, {});
    const QHash<QString, QList<EdgeItem *>> incoming = std::exchange(m_incoming, {});
    m_outgoing.clear();
    for (NodeItem *n : nodes) delete n;
    for (const auto &list : incoming)
        for (EdgeItem *e : list) delete e;
    m_fallback.clear();
    placeUnplacedTasks();
    m_rebuilding = true;  // every task's edges are drawn below: no per-task search for them
    for (const Task &t : m_document->flow().tasks) addNode(t);
    m_rebuilding = false;
    syncNotes();
    syncGroups();
    setSceneRect(contentRect().adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin));
    for (const Task &t : m_document->flow().tasks) refreshEdgesInto(t.name);
    showProblems();
}

void FlowScene::keepInSceneRect(const QRectF &r) {
    // The BSP index is rebuilt from scratch whenever the scene rectangle changes, so it grows in
    // big steps, not with every item (which made building a 5,000-task scene quadratic).
    if (m_rebuilding || sceneRect().contains(r)) return;
    setSceneRect(sceneRect().united(r.adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin)));
}

void FlowScene::placeUnplacedTasks() {
    // Tasks a hand-written file gives no position: a row under everything else, in file order.
    const Flow &flow = m_document->flow();
    double bottom = 0;
    for (auto it = flow.layout.constBegin(); it != flow.layout.constEnd(); ++it) bottom = std::max(bottom, it->y);
    int k = 0;
    for (const Task &t : flow.tasks) {
        if (flow.layout.contains(t.name) || m_fallback.contains(t.name)) continue;
        const double y = flow.layout.isEmpty() ? 0 : bottom + 2 * canvas::nodeHeight;
        m_fallback.insert(t.name, QPointF((k % 8) * 240.0, y + (k / 8) * 120.0));
        ++k;
    }
}

QPointF FlowScene::taskPosition(const QString &name) const {
    const auto it = m_document->flow().layout.constFind(name);
    if (it != m_document->flow().layout.constEnd()) return {it->x, it->y};
    return m_fallback.value(name);
}

void FlowScene::addNode(const Task &task) {
    if (m_nodes.contains(task.name)) return;  // a duplicate name: the validator reports it
    if (!m_document->flow().layout.contains(task.name) && !m_fallback.contains(task.name)) placeUnplacedTasks();
    auto *item = new NodeItem(task.name);
    if (!m_detailed) item->setCacheMode(QGraphicsItem::NoCache);
    item->setTask(task);
    item->setPos(taskPosition(task.name));
    if (m_runStates.contains(task.name)) {
        const auto text = m_runTexts.value(task.name);
        item->setRunState(m_runStates.value(task.name), text.first, text.second);
    }
    addItem(item);
    keepInSceneRect(item->sceneBoundingRect());
    m_nodes.insert(task.name, item);
    // Tasks that named this one before it existed (a broken reference now mended) get their edge.
    // Their broken wires are the edges out of this name already: no search of every task.
    if (m_rebuilding) return;
    for (const QString &d : downstreamOf(task.name))
        if (d != task.name) refreshEdgesInto(d);
}

void FlowScene::removeNode(const QString &name) {
    const QStringList dependents = downstreamOf(name);
    for (EdgeItem *e : m_incoming.value(name)) removeEdge(e);
    for (EdgeItem *e : m_outgoing.value(name)) removeEdge(e);
    m_incoming.remove(name);
    m_outgoing.remove(name);
    delete m_nodes.take(name);
    m_fallback.remove(name);
    // Tasks that still name it now depend on nothing: their wires become broken ones.
    for (const QString &d : dependents) refreshEdgesInto(d);
}

QStringList FlowScene::downstreamOf(const QString &name) const {
    QStringList names;
    for (const EdgeItem *e : m_outgoing.value(name))
        if (!names.contains(e->downstream())) names << e->downstream();
    return names;
}

void FlowScene::renameNode(const QString &from, const QString &to) {
    NodeItem *item = m_nodes.take(from);
    if (!item) return;
    const QStringList dependents = downstreamOf(from);
    // Tasks that named the new name before it existed (broken wires, now mended).
    const QStringList namingNewName = downstreamOf(to);
    for (EdgeItem *e : m_incoming.value(from)) removeEdge(e);
    for (EdgeItem *e : m_outgoing.value(from)) removeEdge(e);
    m_incoming.remove(from);
    m_outgoing.remove(from);
    item->setName(to);
    m_nodes.insert(to, item);
    if (const Task *t = m_document->task(to)) item->setTask(*t);
    if (m_fallback.contains(from)) m_fallback.insert(to, m_fallback.take(from));
    refreshEdgesInto(to);
    for (const QString &d : namingNewName)
        if (d != to) refreshEdgesInto(d);
    for (const QString &d : dependents)  // any that still name the old one now point at nothing
        if (d != from && d != to) refreshEdgesInto(d);
}

void FlowScene::removeEdge(EdgeItem *edge) {
    if (edge == m_dropEdge) m_dropEdge = nullptr;
    m_incoming[edge->downstream()].removeOne(edge);
    m_outgoing[edge->upstream()].removeOne(edge);
    delete edge;
}

void FlowScene::refreshEdgesInto(const QString &name) {
    for (EdgeItem *e : m_incoming.value(name)) removeEdge(e);
    m_incoming.remove(name);
    const Task *task = m_document->task(name);
    NodeItem *down = node(name);
    if (!task || !down) return;
    for (const Dependency &d : task->after) {
        NodeItem *up = node(d.upstream);
        if (up == down) continue;  // depending on itself: the validator says so, a loop would hide it
        auto *edge = new EdgeItem(d.upstream, name, d.outcome, task->mapOver == d.upstream, !up);
        edge->setTrigger(task->trigger);
        addItem(edge);
        m_incoming[name].append(edge);
        m_outgoing[d.upstream].append(edge);
        // The validator's suggestion comes with problemsChanged (showProblems) when it is pending.
        if (!up)
            edge->setToolTip(m_document->problemsPending() ? tr("no task named '%1'").arg(d.upstream)
                                                           : brokenReason(name, d.upstream));
    }
    placeEdgesInto(name);
}

QString FlowScene::brokenReason(const QString &task, const QString &upstream) const {
    // The validator's word on it, so the canvas and the Problems list never disagree.
    QString message;
    for (const Diagnostic &d : m_document->problems()) {
        if (d.task != task) continue;
        if (d.found == upstream)
            return tr("no task named '%1'").arg(upstream) +
                   (d.suggestion.isEmpty() ? QString() : tr(" (did you mean '%1'?)").arg(d.suggestion));
        if (d.field == QLatin1String("after") && d.message.contains(QStringLiteral("'%1'").arg(upstream))) message = d.message;
    }
    return message.isEmpty() ? tr("no task named '%1'").arg(upstream) : message;
}

void FlowScene::updateEdgesOf(const QString &name) { updateEdgesOf(QStringList{name}); }

void FlowScene::updateEdgesOf(const QStringList &names) {
    // Where an upstream is decides how its edge runs among the edges into the same task
    // (placeEdgesInto), so those are placed again too; once, however many of their ends moved.
    QSet<QString> into;
    for (const QString &name : names) {
        into.insert(name);
        for (EdgeItem *e : m_outgoing.value(name)) into.insert(e->downstream());
    }
    for (const QString &down : std::as_const(into)) placeEdgesInto(down);
}

std::optional<FlowScene::Lane> FlowScene::laneAround(const NodeItem *up, const NodeItem *down, QPointF from, QPointF to) const {
    // An edge that skips a column would run behind the nodes in between and look like one of
    // their edges: send it along a lane above or below them instead.
    //
    // perf on opening a 5,000-task flow showed this at 62% of building the scene: eleven
    // pointAtPercent() calls (each measures the curve's length) and eleven index look-ups per
    // edge. The points are now taken by the curve's own parameter and the nodes near it are
    // looked up once.
    const QPainterPath straight = EdgeItem::curve(from, to);
    if (straight.elementCount() < 4) return std::nullopt;
    const QPointF p0 = straight.elementAt(0), c1 = straight.elementAt(1), c2 = straight.elementAt(2),
                  p3 = straight.elementAt(3);
    std::vector<QRectF> bodies;
    for (QGraphicsItem *item : items(straight.boundingRect().adjusted(-2, -2, 2, 2), Qt::IntersectsItemBoundingRect)) {
        if (item->type() != NodeItem::Type || item == up || item == down) continue;
        bodies.push_back(static_cast<NodeItem *>(item)->sceneBodyRect());
    }
    QRectF blocked;
    for (int i = 1; i < 12 && !bodies.empty(); ++i) {
        const double t = i / 12.0, u = 1 - t;
        const QPointF p = u * u * u * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * p3;
        for (const QRectF &body : bodies)
            if (body.adjusted(-4, -4, 4, 4).contains(p)) blocked |= body;
    }
    if (blocked.isNull()) return std::nullopt;
    const bool above = (from.y() + to.y()) / 2 <= blocked.center().y();
    return Lane{above ? blocked.top() - canvas::gridSize : blocked.bottom() + canvas::gridSize, above};
}

// All edges into one task at once: where each may go depends on the others.
void FlowScene::placeEdgesInto(const QString &name) {
    const NodeItem *down = node(name);
    const QList<EdgeItem *> edges = m_incoming.value(name);
    if (!down || edges.isEmpty()) return;
    const QPointF to = down->portScenePos(Port::Input);
    struct Route {
        QPointF from;
        std::optional<Lane> lane;
    };
    std::vector<Route> routes;
    int broken = 0;
    for (EdgeItem *e : edges) {
        const NodeItem *up = node(e->upstream());
        if (!up) {
            // A broken wire hangs from above the task, left of its input and clear of the column
            // before (its label would hide under a node there); several stack upwards so that
            // each unknown name can be read.
            routes.push_back({to + QPointF(-36, -(canvas::nodeHeight / 2 + 14 + 18 * broken++)), std::nullopt});
            continue;
        }
        const QPointF from = up->portScenePos(portFor(e->outcome(), up->isBranch()));
        routes.push_back({from, laneAround(up, down, from, to)});
    }
    const int n = int(routes.size());
    // Edges round the same nodes would share a lane and look like one wire: each takes its own,
    // those from further left further out, so that none crosses another on its way in.
    std::vector<double> lanes(size_t(n), 0);
    for (int i = 0; i < n; ++i) {
        if (!routes[size_t(i)].lane) continue;
        const Route &r = routes[size_t(i)];
        int inner = 0;
        for (int j = 0; j < n; ++j) {
            const Route &o = routes[size_t(j)];
            if (j != i && o.lane && o.lane->above == r.lane->above &&
                (o.from.x() > r.from.x() || (o.from.x() == r.from.x() && j > i)))
                ++inner;
        }
        lanes[size_t(i)] = r.lane->y + (r.lane->above ? -8.0 : 8.0) * inner;
    }
    // And they arrive a few pixels apart around the input port, in the order they come from
    // top to bottom, so that even their last bends can be told apart.
    std::vector<int> order(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) order[size_t(i)] = i;
    const auto approach = [&](int i) { return routes[size_t(i)].lane ? lanes[size_t(i)] : routes[size_t(i)].from.y(); };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return approach(a) < approach(b); });
    const double step = n > 1 ? std::min(6.0, 36.0 / (n - 1)) : 0;
    for (int rank = 0; rank < n; ++rank) {
        const int i = order[size_t(rank)];
        const QPointF end = to + QPointF(0, (rank - (n - 1) / 2.0) * step);
        const Route &r = routes[size_t(i)];
        edges[i]->setEnds(r.from, end, r.lane ? std::optional<double>(lanes[size_t(i)]) : std::nullopt);
    }
}

void FlowScene::moveNodes(const QStringList &names) {
    // Only the moved nodes and their own edges change: a drag in a 5,000-task flow stays cheap.
    for (const QString &name : names) {
        NodeItem *n = node(name);
        if (!n) continue;
        n->setPos(taskPosition(name));
        keepInSceneRect(n->sceneBoundingRect());
    }
    updateEdgesOf(names);
}

void FlowScene::syncNotes() {
    // Items are updated in place, never recreated, so a note being dragged keeps the pointer.
    const std::vector<Note> &notes = m_document->flow().notes;
    while (m_notes.size() > int(notes.size())) delete m_notes.takeLast();
    while (m_notes.size() < int(notes.size())) {
        auto *item = new NoteItem(m_notes.size());
        addItem(item);
        m_notes.append(item);
    }
    for (int i = 0; i < m_notes.size(); ++i) {
        m_notes[i]->setNote(notes[size_t(i)]);
        keepInSceneRect(m_notes[i]->sceneBoundingRect());
    }
}

void FlowScene::syncGroups() {
    const std::vector<Group> &groups = m_document->flow().groups;
    while (m_groups.size() > int(groups.size())) delete m_groups.takeLast();
    while (m_groups.size() < int(groups.size())) {
        auto *item = new GroupItem(m_groups.size());
        addItem(item);
        m_groups.append(item);
    }
    for (int i = 0; i < m_groups.size(); ++i) {
        m_groups[i]->setGroup(groups[size_t(i)]);
        keepInSceneRect(m_groups[i]->sceneBoundingRect());
    }
}

void FlowScene::showProblems() {
    QHash<QString, Severity> worst;
    QHash<QString, QStringList> messages;
    for (const Diagnostic &d : m_document->problems()) {
        if (d.task.isEmpty()) continue;
        if (!worst.contains(d.task) || d.severity == Severity::Error) worst.insert(d.task, d.severity);
        messages[d.task] << d.message.toHtmlEscaped();
    }
    for (auto it = m_nodes.constBegin(); it != m_nodes.constEnd(); ++it) {
        if (!worst.contains(it.key())) {
            if (it.value()->toolTip().contains(QLatin1String("<hr>")))
                if (const Task *t = m_document->task(it.key())) it.value()->setTask(*t);
            it.value()->setProblem(std::nullopt, {});
            continue;
        }
        QString tip = QStringLiteral("<b>%1</b><hr>%2").arg(it.key().toHtmlEscaped(), messages.value(it.key()).join("<br>"));
        it.value()->setProblem(worst.value(it.key()), tip);
    }
    // The validator may have finished after the wires were drawn: its suggestion goes in now.
    for (auto it = m_incoming.constBegin(); it != m_incoming.constEnd(); ++it)
        for (EdgeItem *e : it.value())
            if (e->isDangling()) e->setToolTip(brokenReason(e->downstream(), e->upstream()));
}

QList<EdgeItem *> FlowScene::edges() const {
    QList<EdgeItem *> all;
    for (const auto &list : m_incoming) all += list;
    return all;
}

QRectF FlowScene::contentRect() const {
    QRectF r;
    for (NodeItem *n : m_nodes) r |= n->sceneBoundingRect();
    for (NoteItem *n : m_notes) r |= n->sceneBoundingRect();
    for (GroupItem *g : m_groups) r |= g->sceneBoundingRect();
    // A broken wire's loose end and name stand out above its task: fit and export keep them.
    for (const auto &list : m_incoming)
        for (EdgeItem *e : list)
            if (e->isDangling()) r |= e->sceneBoundingRect();
    return r;
}

// ----- selection ------------------------------------------------------------------------------------

ItemSet FlowScene::selection() const {
    ItemSet set;
    // Tasks in file order, so copies and alignments are stable.
    for (const Task &t : m_document->flow().tasks)
        if (NodeItem *n = node(t.name); n && n->isSelected() && !set.tasks.contains(t.name)) set.tasks << t.name;
    for (NoteItem *n : m_notes)
        if (n->isSelected()) set.notes << n->index();
    for (GroupItem *g : m_groups)
        if (g->isSelected()) set.groups << g->index();
    return set;
}

QStringList FlowScene::selectedTaskNames() const { return selection().tasks; }

void FlowScene::selectItems(const ItemSet &items) {
    clearSelection();
    for (const QString &name : items.tasks)
        if (NodeItem *n = node(name)) n->setSelected(true);
    for (int i : items.notes)
        if (i >= 0 && i < m_notes.size()) m_notes[i]->setSelected(true);
    for (int i : items.groups)
        if (i >= 0 && i < m_groups.size()) m_groups[i]->setSelected(true);
}

void FlowScene::selectEverything() {
    for (QGraphicsItem *item : items())
        if (item->type() != EdgeItem::Type && (item->flags() & QGraphicsItem::ItemIsSelectable)) item->setSelected(true);
}

// ----- edits on the selection -------------------------------------------------------------------------

QStringList FlowScene::tasksLosingUpstream(const QStringList &deleted) const {
    const QSet<QString> gone(deleted.begin(), deleted.end());
    QStringList losing;
    for (const Task &t : m_document->flow().tasks) {
        if (gone.contains(t.name)) continue;
        const QStringList upstreams = t.upstreamNames();
        if (std::any_of(upstreams.begin(), upstreams.end(), [&](const QString &u) { return gone.contains(u); }) ||
            (!t.mapOver.isEmpty() && gone.contains(t.mapOver)))
            losing << t.name;
    }
    return losing;
}

bool FlowScene::deleteSelection() {
    ItemSet set = selection();
    const QList<QGraphicsItem *> chosen = selectedItems();
    QList<QPair<QString, QString>> cut;
    for (QGraphicsItem *item : chosen)
        if (item->type() == EdgeItem::Type) {
            auto *e = static_cast<EdgeItem *>(item);
            if (!set.tasks.contains(e->upstream()) && !set.tasks.contains(e->downstream())) cut << qMakePair(e->upstream(), e->downstream());
        }
    if (set.isEmpty() && cut.isEmpty()) return false;
    // The model knows what a removal breaks: say so before, not after.
    const QStringList losing = tasksLosingUpstream(set.tasks);
    if (!losing.isEmpty() && m_deleteConfirm && !m_deleteConfirm(set.tasks, losing)) return false;
    m_document->undoStack()->beginMacro(stepName(ItemVerb::Delete, set, int(cut.size())));
    for (const auto &pair : cut) m_document->disconnectTasks(pair.first, pair.second);
    if (!set.isEmpty()) m_document->removeItems(set);
    m_document->undoStack()->endMacro();
    if (!losing.isEmpty())
        emit statusMessage(tr("%1 lost an upstream (Ctrl+Z brings it back)", nullptr, int(losing.size()))
                               .arg(losing.join(QStringLiteral(", "))));
    return true;
}

QHash<QString, QPointF> FlowScene::selectedTaskPositions() const {
    QHash<QString, QPointF> positions;
    for (const QString &name : selectedTaskNames()) positions.insert(name, taskPosition(name));
    return positions;
}

void FlowScene::nudgeSelection(QPointF delta) {
    Placement p;
    for (const QString &name : selectedTaskNames()) p.tasks.insert(name, taskPosition(name) + delta);
    const ItemSet set = selection();
    for (int i : set.notes) p.notes.insert(i, rectOf(m_document->flow().notes[size_t(i)]).translated(delta));
    for (int i : set.groups) p.groups.insert(i, rectOf(m_document->flow().groups[size_t(i)]).translated(delta));
    m_document->moveItems(p, -1, tr("Nudge"));
}

void FlowScene::copySelection() const {
    const QByteArray yaml = m_document->copyItems(selection());
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(mimeType), yaml);
    mime->setText(QString::fromUtf8(yaml));
    QApplication::clipboard()->setMimeData(mime);
}

void FlowScene::cutSelection() {
    const ItemSet set = selection();
    if (set.isEmpty()) return;
    const QStringList losing = tasksLosingUpstream(set.tasks);
    if (!losing.isEmpty() && m_deleteConfirm && !m_deleteConfirm(set.tasks, losing)) return;
    copySelection();
    m_document->undoStack()->beginMacro(stepName(ItemVerb::Cut, set));
    m_document->removeItems(set);
    m_document->undoStack()->endMacro();
}

QPointF FlowScene::pasteOffset(const QByteArray &yaml, const QPointF *at) const {
    if (!at) return {pasteStep, pasteStep};
    // Where the copied items were: put their top-left corner at the pointer.
    const Flow clip = FlowFile::parse(yaml).flow;
    QRectF bounds;
    for (auto it = clip.layout.constBegin(); it != clip.layout.constEnd(); ++it)
        bounds |= QRectF(it->x, it->y, canvas::nodeWidth, canvas::nodeHeight);
    for (const Note &n : clip.notes) bounds |= rectOf(n);
    for (const Group &g : clip.groups) bounds |= rectOf(g);
    return canvas::snap(*at - bounds.topLeft());
}

bool FlowScene::paste(const QPointF *at) {
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QByteArray yaml;
    if (mime && mime->hasFormat(QString::fromLatin1(mimeType))) yaml = mime->data(QString::fromLatin1(mimeType));
    else if (mime && mime->hasText()) yaml = mime->text().toUtf8();
    QString error;
    const ItemSet added = yaml.isEmpty() ? ItemSet() : m_document->pasteItems(yaml, pasteOffset(yaml, at), &error);
    if (added.isEmpty()) {
        emit statusMessage(tr("Nothing to paste: the clipboard holds no Flowdeck tasks%1")
                               .arg(error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error.section('\n', 0, 0))));
        return false;
    }
    selectItems(added);
    return true;
}

void FlowScene::duplicateSelection() {
    const ItemSet set = selection();
    if (set.isEmpty()) return;
    m_document->undoStack()->beginMacro(stepName(ItemVerb::Duplicate, set));
    const ItemSet added = m_document->pasteItems(m_document->copyItems(set), {pasteStep, pasteStep}, nullptr);
    m_document->undoStack()->endMacro();
    selectItems(added);
}

void FlowScene::alignSelection(Alignment alignment) {
    const QHash<QString, QPointF> positions = selectedTaskPositions();
    if (positions.size() < 2) return;
    double minX = std::numeric_limits<double>::max(), maxRight = -minX, minY = minX, maxY = -minX, sumX = 0, sumY = 0;
    const auto widthOf = [this](const QString &name) { return node(name) ? node(name)->width() : canvas::nodeWidth; };
    for (auto it = positions.constBegin(); it != positions.constEnd(); ++it) {
        const QPointF p = it.value();
        minX = std::min(minX, p.x());
        maxRight = std::max(maxRight, p.x() + widthOf(it.key()));
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
        sumX += p.x() + widthOf(it.key()) / 2;
        sumY += p.y();
    }
    Placement placement;
    for (auto it = positions.constBegin(); it != positions.constEnd(); ++it) {
        QPointF p = it.value();
        switch (alignment) {
        case Alignment::Left: p.setX(minX); break;
        case Alignment::Right: p.setX(maxRight - widthOf(it.key())); break;
        case Alignment::Top: p.setY(minY); break;
        case Alignment::Bottom: p.setY(maxY); break;
        case Alignment::HorizontalCentres: p.setY(canvas::snap(sumY / positions.size())); break;
        case Alignment::VerticalCentres: p.setX(canvas::snap(sumX / positions.size() - widthOf(it.key()) / 2)); break;
        }
        placement.tasks.insert(it.key(), p);
    }
    m_document->moveItems(placement, -1, tr("Align"));
}

void FlowScene::distributeSelection(Qt::Orientation orientation) {
    const QHash<QString, QPointF> positions = selectedTaskPositions();
    if (positions.size() < 3) return;
    const bool horizontal = orientation == Qt::Horizontal;
    auto coordinate = [horizontal](QPointF p) { return horizontal ? p.x() : p.y(); };
    QStringList order = positions.keys();
    std::sort(order.begin(), order.end(), [&](const QString &a, const QString &b) {
        return coordinate(positions.value(a)) < coordinate(positions.value(b));
    });
    const double first = coordinate(positions.value(order.front()));
    const double step = (coordinate(positions.value(order.back())) - first) / (order.size() - 1);
    Placement placement;
    for (int i = 0; i < order.size(); ++i) {
        QPointF p = positions.value(order[i]);
        const double v = canvas::snap(first + i * step);
        horizontal ? p.setX(v) : p.setY(v);
        placement.tasks.insert(order[i], p);
    }
    m_document->moveItems(placement, -1, tr("Distribute"));
}

void FlowScene::autoLayout() {
    const QStringList chosen = selectedTaskNames();
    QHash<QString, double> widths;
    for (auto it = m_nodes.constBegin(); it != m_nodes.constEnd(); ++it) widths.insert(it.key(), it.value()->width());
    const Placement placement = AutoLayout::layout(m_document->flow(), chosen.size() >= 2 ? chosen : QStringList(), widths);
    m_document->moveItems(placement, -1, chosen.size() >= 2 ? tr("Auto-layout selection") : tr("Auto-layout"));
}

QString FlowScene::addFromTemplate(const TaskTemplate &templ, QPointF scenePos, const PendingWire &wire) {
    const QPointF corner = canvas::snap(scenePos - QPointF(canvas::nodeWidth / 2, canvas::nodeHeight / 2));
    QUndoStack *undo = m_document->undoStack();
    undo->beginMacro(tr("Add %1").arg(templ.title));
    const QString name = m_document->addTask(templ.task, corner);
    QString why;
    if (wire.isValid() && wire.fromOutput) m_document->connectTasks(wire.task, name, wire.outcome, &why);
    else if (wire.isValid()) m_document->connectTasks(name, wire.task, BranchOutcome::Any, &why);
    undo->endMacro();
    if (!why.isEmpty()) emit statusMessage(why);
    selectItems({{name}, {}, {}});
    emit taskCreated(name);
    return name;
}

void FlowScene::addNote(QPointF scenePos) {
    const QPointF at = canvas::snap(scenePos);
    m_document->addNote({tr("Note"), at.x(), at.y(), 200, 100});
}

void FlowScene::groupSelection(QPointF scenePos) {
    QRectF bounds;
    for (const QString &name : selectedTaskNames()) bounds |= node(name)->sceneBodyRect();
    if (bounds.isNull()) bounds = QRectF(canvas::snap(scenePos), QSizeF(400, 200));
    else bounds = bounds.adjusted(-canvas::gridSize, -GroupItem::titleHeight - canvas::gridSize, canvas::gridSize, canvas::gridSize);
    const QRectF r(canvas::snap(bounds.topLeft()), canvas::snap(bounds.bottomRight()));
    m_document->addGroup({tr("Group"), r.x(), r.y(), r.width(), r.height()});
}

// ----- find and live state ------------------------------------------------------------------------------

QStringList FlowScene::findTasks(const QString &text) const {
    const QString needle = text.trimmed();
    if (needle.isEmpty()) return {};
    QStringList found;
    for (const Task &t : m_document->flow().tasks) {
        const bool tag = std::any_of(t.tags.begin(), t.tags.end(), [&](const QString &g) { return g.contains(needle, Qt::CaseInsensitive); });
        if (t.name.contains(needle, Qt::CaseInsensitive) || toString(t.kind).compare(needle, Qt::CaseInsensitive) == 0 || tag ||
            t.script.contains(needle, Qt::CaseInsensitive) || t.description.contains(needle, Qt::CaseInsensitive))
            found << t.name;
    }
    return found;
}

void FlowScene::setFoundTasks(const QStringList &matches, const QString &current) {
    for (const QString &name : std::as_const(m_found))
        if (NodeItem *n = node(name)) n->setHighlight(NodeItem::Highlight::None);
    m_found = matches;
    for (const QString &name : matches)
        if (NodeItem *n = node(name))
            n->setHighlight(name == current ? NodeItem::Highlight::CurrentMatch : NodeItem::Highlight::Found);
}

void FlowScene::setDetailed(bool detailed) {
    if (m_detailed == detailed) return;
    m_detailed = detailed;
    for (NodeItem *n : std::as_const(m_nodes))
        n->setCacheMode(detailed ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

void FlowScene::setTaskRunState(const QString &task, std::optional<RunState> state, const QString &detail,
                                const QString &tooltip) {
    if (state) {
        m_runStates.insert(task, *state);
        m_runTexts.insert(task, {detail, tooltip});
    } else {
        m_runStates.remove(task);
        m_runTexts.remove(task);
    }
    if (NodeItem *n = node(task)) n->setRunState(state, detail, tooltip);
}

void FlowScene::clearRunStates() { setRunStates({}); }

void FlowScene::setRunStates(const QHash<QString, RunState> &states) {
    m_runStates = states;
    m_runTexts.clear();
    for (auto it = m_nodes.constBegin(); it != m_nodes.constEnd(); ++it) {
        const auto s = states.constFind(it.key());
        it.value()->setRunState(s == states.constEnd() ? std::nullopt : std::optional<RunState>(*s));
    }
}

// ----- gestures ----------------------------------------------------------------------------------------

NodeItem *FlowScene::nodeAt(QPointF scenePos) const {
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == NodeItem::Type) return static_cast<NodeItem *>(item);
    return nullptr;
}

bool FlowScene::event(QEvent *event) {
    const bool handled = QGraphicsScene::event(event);
    // Nodes and notes keep pixmaps of themselves, which would show the old theme until edited.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        for (QGraphicsItem *item : items()) item->update();
    return handled;
}

void FlowScene::mousePressEvent(QGraphicsSceneMouseEvent *event) {
    if (event->button() == Qt::LeftButton && startWire(event)) return;
    QGraphicsScene::mousePressEvent(event);
    if (event->button() == Qt::LeftButton && event->isAccepted()) startDrag(event);
}

void FlowScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event) {
    if (m_wireItem) {
        moveWire(event->scenePos());
        return;
    }
    if (m_dragging) {
        continueDrag(event->scenePos());
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void FlowScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event) {
    if (m_wireItem && event->button() == Qt::LeftButton) {
        finishWire(event->scenePos());
        return;
    }
    if (m_dragging && event->button() == Qt::LeftButton) finishDrag();
    QGraphicsScene::mouseReleaseEvent(event);
}

void FlowScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) {
    QWidget *parent = views().isEmpty() ? nullptr : views().front();
    for (QGraphicsItem *item : items(event->scenePos())) {
        if (item->type() == NodeItem::Type) {
            emit taskActivated(static_cast<NodeItem *>(item)->name());
            return;
        }
        if (item->type() == NoteItem::Type) {
            const int i = static_cast<NoteItem *>(item)->index();
            Note note = m_document->flow().notes[size_t(i)];
            bool ok = false;
            note.text = QInputDialog::getMultiLineText(parent, tr("Note"), tr("Text:"), note.text, &ok);
            if (ok) m_document->updateNote(i, note);
            return;
        }
        if (item->type() == GroupItem::Type && static_cast<GroupItem *>(item)->handleAt(item->mapFromScene(event->scenePos())) != FrameHandle::None) {
            const int i = static_cast<GroupItem *>(item)->index();
            Group group = m_document->flow().groups[size_t(i)];
            bool ok = false;
            group.title = QInputDialog::getText(parent, tr("Group"), tr("Title:"), QLineEdit::Normal, group.title, &ok);
            if (ok) m_document->updateGroup(i, group);
            return;
        }
    }
    if (event->button() == Qt::LeftButton) emit quickAddRequested(event->scenePos(), {});
}

bool FlowScene::startWire(QGraphicsSceneMouseEvent *event) {
    NodeItem *n = nodeAt(event->scenePos());
    const Port port = n ? n->portAt(n->mapFromScene(event->scenePos())) : Port::None;
    if (port == Port::None) return false;
    m_wire = {n->name(), port != Port::Input,
              port == Port::OutputTrue ? BranchOutcome::True : port == Port::OutputFalse ? BranchOutcome::False : BranchOutcome::Any};
    m_wireTargets = validWireEnds(m_wire);
    for (const QString &name : std::as_const(m_wireTargets)) node(name)->setHighlight(NodeItem::Highlight::ConnectTarget);
    m_wireItem = new QGraphicsPathItem;
    m_wireItem->setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
    m_wireItem->setZValue(5);
    addItem(m_wireItem);
    moveWire(event->scenePos());
    event->accept();
    return true;
}

// The tasks FlowDocument::connectTasks would accept at the other end of @p wire: not its own task,
// nothing that would close a cycle, and no task already connected that way (it would only be
// refused). One graph walk, not one per node.
QSet<QString> FlowScene::validWireEnds(const PendingWire &wire) const {
    const Flow &flow = m_document->flow();
    const FlowGraph graph(flow);
    const QStringList cyclic = wire.fromOutput ? graph.allUpstream(wire.task) : graph.allDownstream(wire.task);
    QSet<QString> refused(cyclic.begin(), cyclic.end());
    refused.insert(wire.task);
    if (wire.fromOutput) {
        const Dependency made{wire.task, wire.outcome};
        for (const Task &t : flow.tasks)
            if (std::find(t.after.begin(), t.after.end(), made) != t.after.end()) refused.insert(t.name);
    } else if (const Task *down = flow.task(wire.task)) {
        for (const Dependency &d : down->after)
            if (d.outcome == BranchOutcome::Any) refused.insert(d.upstream);  // a backward wire makes plain edges
    }
    QSet<QString> ends;
    for (auto it = m_nodes.constBegin(); it != m_nodes.constEnd(); ++it)
        if (!refused.contains(it.key())) ends.insert(it.key());
    return ends;
}

void FlowScene::moveWire(QPointF scenePos) {
    const NodeItem *from = node(m_wire.task);
    if (!from) return;
    const QPointF anchor = from->portScenePos(m_wire.fromOutput ? portFor(m_wire.outcome, from->isBranch()) : Port::Input);
    m_wireItem->setPath(m_wire.fromOutput ? EdgeItem::curve(anchor, scenePos) : EdgeItem::curve(scenePos, anchor));
    NodeItem *over = nodeAt(scenePos);
    for (const QString &name : std::as_const(m_wireTargets))
        if (NodeItem *n = node(name))
            n->setHighlight(n == over ? NodeItem::Highlight::DropTarget : NodeItem::Highlight::ConnectTarget);
}

void FlowScene::finishWire(QPointF scenePos) {
    const PendingWire wire = m_wire;
    NodeItem *target = nodeAt(scenePos);
    clearWire();
    if (!target) {
        emit quickAddRequested(scenePos, wire);
        return;
    }
    if (target->name() == wire.task) return;
    const QString up = wire.fromOutput ? wire.task : target->name();
    const QString down = wire.fromOutput ? target->name() : wire.task;
    QString why;
    if (!m_document->connectTasks(up, down, wire.fromOutput ? wire.outcome : BranchOutcome::Any, &why))
        emit statusMessage(why);
}

bool FlowScene::cancelWire() {
    if (!m_wireItem) return false;
    clearWire();
    return true;
}

void FlowScene::clearWire() {
    for (const QString &name : std::as_const(m_wireTargets))
        if (NodeItem *n = node(name)) n->setHighlight(m_found.contains(name) ? NodeItem::Highlight::Found : NodeItem::Highlight::None);
    m_wireTargets.clear();
    delete m_wireItem;
    m_wireItem = nullptr;
    m_wire = {};
}

bool FlowScene::startDrag(QGraphicsSceneMouseEvent *event) {
    QGraphicsItem *pressed = mouseGrabberItem();
    if (!pressed || !pressed->isSelected()) return false;
    m_drag = Drag();
    m_drag.pressPos = event->scenePos();
    const Flow &flow = m_document->flow();
    const QPointF local = pressed->mapFromScene(event->scenePos());
    if (pressed->type() == NoteItem::Type || pressed->type() == GroupItem::Type) {
        const bool isNote = pressed->type() == NoteItem::Type;
        const FrameHandle handle = isNote ? static_cast<NoteItem *>(pressed)->handleAt(local) : static_cast<GroupItem *>(pressed)->handleAt(local);
        if (handle == FrameHandle::Resize) {
            m_drag.resize = true;
            const int i = isNote ? static_cast<NoteItem *>(pressed)->index() : static_cast<GroupItem *>(pressed)->index();
            if (isNote) m_drag.start.notes.insert(i, rectOf(flow.notes[size_t(i)]));
            else m_drag.start.groups.insert(i, rectOf(flow.groups[size_t(i)]));
        }
    }
    if (!m_drag.resize) {
        const ItemSet set = selection();
        for (const QString &name : set.tasks) m_drag.start.tasks.insert(name, taskPosition(name));
        for (int i : set.notes) m_drag.start.notes.insert(i, rectOf(flow.notes[size_t(i)]));
        // A group carries the tasks and notes inside it.
        for (int i : set.groups) {
            const QRectF frame = rectOf(flow.groups[size_t(i)]);
            m_drag.start.groups.insert(i, frame);
            for (auto it = m_nodes.constBegin(); it != m_nodes.constEnd(); ++it)
                if (frame.contains(it.value()->sceneBodyRect())) m_drag.start.tasks.insert(it.key(), taskPosition(it.key()));
            for (NoteItem *n : std::as_const(m_notes))
                if (frame.contains(n->frameRect())) m_drag.start.notes.insert(n->index(), n->frameRect());
        }
        if (set.tasks.size() == 1 && set.notes.isEmpty() && set.groups.isEmpty() && flow.task(set.tasks.front()) &&
            !hasEdges(*flow.task(set.tasks.front()), flow))
            m_drag.lone = set.tasks.front();
    }
    m_drag.anchorStart = pressed->pos();
    m_drag.id = FlowDocument::newDragId();
    m_dragging = true;
    return true;
}

void FlowScene::continueDrag(QPointF scenePos) {
    const QPointF raw = scenePos - m_drag.pressPos;
    if (!m_drag.moved && raw.manhattanLength() < 3) return;  // a click, not a drag
    if (!m_drag.moved && !m_drag.lone.isEmpty()) {
        // The move and a possible insertion into an edge must be one undo step.
        m_document->undoStack()->beginMacro(tr("Move %1").arg(m_drag.lone));
        m_drag.macroOpen = true;
    }
    m_drag.moved = true;
    const QPointF delta = canvas::snap(m_drag.anchorStart + raw) - m_drag.anchorStart;
    Placement to;
    if (m_drag.resize) {
        auto grow = [&](QRectF r) {
            r.setWidth(std::max(80.0, canvas::snap(r.width() + raw.x())));
            r.setHeight(std::max(40.0, canvas::snap(r.height() + raw.y())));
            return r;
        };
        for (auto it = m_drag.start.notes.constBegin(); it != m_drag.start.notes.constEnd(); ++it) to.notes.insert(it.key(), grow(it.value()));
        for (auto it = m_drag.start.groups.constBegin(); it != m_drag.start.groups.constEnd(); ++it) to.groups.insert(it.key(), grow(it.value()));
    } else {
        for (auto it = m_drag.start.tasks.constBegin(); it != m_drag.start.tasks.constEnd(); ++it) to.tasks.insert(it.key(), it.value() + delta);
        for (auto it = m_drag.start.notes.constBegin(); it != m_drag.start.notes.constEnd(); ++it) to.notes.insert(it.key(), it.value().translated(delta));
        for (auto it = m_drag.start.groups.constBegin(); it != m_drag.start.groups.constEnd(); ++it) to.groups.insert(it.key(), it.value().translated(delta));
    }
    m_document->moveItems(to, m_drag.id, m_drag.resize ? tr("Resize") : tr("Move"));
    if (!m_drag.lone.isEmpty()) {
        EdgeItem *edge = edgeUnder(m_drag.lone);
        if (m_dropEdge && m_dropEdge != edge) m_dropEdge->setHighlighted(false);
        m_dropEdge = edge;
        if (edge) edge->setHighlighted(true);
    }
}

EdgeItem *FlowScene::edgeUnder(const QString &task) const {
    const NodeItem *n = node(task);
    if (!n) return nullptr;
    const QPointF centre = n->sceneBodyRect().center();
    for (QGraphicsItem *item : items(QRectF(centre - QPointF(6, 6), QSizeF(12, 12))))
        if (item->type() == EdgeItem::Type && !static_cast<EdgeItem *>(item)->isDangling() &&
            static_cast<EdgeItem *>(item)->isNear(centre, 8))
            return static_cast<EdgeItem *>(item);
    return nullptr;
}

void FlowScene::finishDrag() {
    m_dragging = false;
    if (m_dropEdge) {
        // Dropped onto an edge: up -> task -> down, keeping the branch side of the old edge.
        const QString up = m_dropEdge->upstream(), down = m_dropEdge->downstream();
        const BranchOutcome outcome = m_dropEdge->outcome();
        m_dropEdge->setHighlighted(false);
        m_dropEdge = nullptr;
        m_document->disconnectTasks(up, down);
        QString why;
        m_document->connectTasks(up, m_drag.lone, outcome, &why);
        m_document->connectTasks(m_drag.lone, down, BranchOutcome::Any, &why);
        if (!why.isEmpty()) emit statusMessage(why);
    }
    if (m_drag.macroOpen) m_document->undoStack()->endMacro();
    m_drag = Drag();
}

}  // namespace flowdeck
