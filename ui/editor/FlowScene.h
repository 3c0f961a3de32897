#pragma once
/// @file The canvas: a QGraphicsScene that is a view of one FlowDocument. Items hold names and
/// indexes and follow the document's signals; gestures become FlowDocument edits.

#include "FlowDocument.h"
#include "NodeItem.h"
#include "TaskTemplates.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

#include <functional>

class QGraphicsPathItem;

namespace flowdeck {

class EdgeItem;
class GroupItem;
class NoteItem;

/// A connection being drawn: from a task's output (or to its input) to wherever it ends.
struct PendingWire {
    QString task;
    bool fromOutput = true;                 ///< dragged from an output port (else from an input)
    BranchOutcome outcome = BranchOutcome::Any;
    bool isValid() const { return !task.isEmpty(); }
};

class FlowScene : public QGraphicsScene {
    Q_OBJECT
public:
    /// Clipboard type of copied items (the same YAML also goes out as text/plain).
    static constexpr const char *mimeType = "application/x-flowdeck-flow+yaml";

    enum class Alignment { Left, Right, Top, Bottom, HorizontalCentres, VerticalCentres };
    /// Asked before a delete or cut would leave @p losing (tasks that stay) without an upstream
    /// they name among @p deleted; false keeps everything. Not asked when nothing would dangle.
    using DeleteConfirm = std::function<bool(const QStringList &deleted, const QStringList &losing)>;

    explicit FlowScene(FlowDocument *document, QObject *parent = nullptr);
    ~FlowScene() override;
    FlowDocument *document() const { return m_document; }

    NodeItem *node(const QString &name) const { return m_nodes.value(name); }
    int nodeCount() const { return m_nodes.size(); }
    QList<EdgeItem *> edges() const;
    QList<NoteItem *> notes() const { return m_notes; }
    QList<GroupItem *> groups() const { return m_groups; }
    /// Where a task is drawn: its layout position, or a place found for it when it has none.
    QPointF taskPosition(const QString &name) const;
    /// The bounding rectangle of everything drawn (nodes, notes, groups).
    QRectF contentRect() const;

    // ----- selection ---------------------------------------------------------------------------
    ItemSet selection() const;
    QStringList selectedTaskNames() const;
    void selectItems(const ItemSet &items);
    void selectEverything();

    // ----- edits on the selection (one undo step each) ---------------------------------------------
    void setDeleteConfirm(DeleteConfirm confirm) { m_deleteConfirm = std::move(confirm); }
    /// The tasks outside @p deleted whose `after:` or `map:` name one of @p deleted, in file order.
    QStringList tasksLosingUpstream(const QStringList &deleted) const;
    /// Deletes the selected items (asking first, see setDeleteConfirm). False when nothing was deleted.
    bool deleteSelection();
    void nudgeSelection(QPointF delta);
    void copySelection() const;
    void cutSelection();
    /// Pastes the clipboard's tasks with their top-left corner at @p at (or 40 px beside where
    /// they were copied from when @p at is null). False when the clipboard holds no flow.
    bool paste(const QPointF *at = nullptr);
    void duplicateSelection();
    void alignSelection(Alignment alignment);
    /// Spreads three or more selected tasks evenly between the outermost two.
    void distributeSelection(Qt::Orientation orientation);
    /// Graphviz layout of the selected tasks (all of them when fewer than two are selected).
    void autoLayout();
    /// Adds a task from a template centred at @p scenePos; connects it to @p wire's task when
    /// given. One undo step; returns the new task's name.
    QString addFromTemplate(const TaskTemplate &templ, QPointF scenePos, const PendingWire &wire = {});
    void addNote(QPointF scenePos);
    /// A group frame around the selected tasks (or an empty one at @p scenePos).
    void groupSelection(QPointF scenePos);

    // ----- find and live state -------------------------------------------------------------------
    /// Tasks whose name, kind, tag or script contains @p text (any case), in file order.
    QStringList findTasks(const QString &text) const;
    /// Marks @p matches, and @p current more strongly; an empty list clears the marks.
    void setFoundTasks(const QStringList &matches, const QString &current);
    /// Colours nodes by run state (tasks not in @p states are drawn plainly). Never touches the
    /// document or its undo stack.
    void setRunStates(const QHash<QString, RunState> &states);
    /// One task's live state (one item repaint, whatever the flow's size), with the node's text
    /// and tooltip for it (NodeItem::setRunState). nullopt draws it plainly again.
    void setTaskRunState(const QString &task, std::optional<RunState> state, const QString &detail = QString(),
                         const QString &tooltip = QString());
    /// Draws every task plainly again (no run shown).
    void clearRunStates();
    QHash<QString, RunState> runStates() const { return m_runStates; }
    /// The views call this when their zoom crosses canvas::detailZoom: detailed nodes keep a
    /// pixmap each (panning is a blit); plain far-away boxes are cheaper drawn than cached.
    void setDetailed(bool detailed);

    // ----- wires -----------------------------------------------------------------------------------
    /// The connection being dragged now (invalid when none).
    PendingWire pendingWire() const { return m_wire; }
    /// The tasks a drop of the wire being dragged would connect (outlined as targets).
    QSet<QString> wireTargets() const { return m_wireTargets; }
    /// Drops the wire being dragged without connecting anything (Esc). False when there was none.
    bool cancelWire();

signals:
    /// Something to tell the user in the status bar (a refused connection, a failed paste).
    void statusMessage(const QString &text);
    /// Quick-Add should open at @p scenePos; a new task then connects to @p wire's task.
    void quickAddRequested(QPointF scenePos, const PendingWire &wire);
    /// A task was double-clicked (the inspector shows it).
    void taskActivated(const QString &name);
    /// The user added a task from a template (Quick-Add, the palette); it is selected now.
    void taskCreated(const QString &name);

protected:
    bool event(QEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    /// A move or resize under way: where everything started and the document step it merges into.
    struct Drag {
        int id = -1;
        QPointF pressPos;
        QPointF anchorStart;  // the pressed item's start: it snaps to the grid, the rest follow
        Placement start;
        bool resize = false;
        bool moved = false;
        QString lone;         // the only task dragged when it has no edges: it can drop onto an edge
        bool macroOpen = false;
    };

    FlowDocument *m_document;
    QHash<QString, NodeItem *> m_nodes;
    QHash<QString, QList<EdgeItem *>> m_incoming;
    QHash<QString, QList<EdgeItem *>> m_outgoing;
    QList<NoteItem *> m_notes;
    QList<GroupItem *> m_groups;
    QHash<QString, QPointF> m_fallback;  // positions of tasks the layout does not place
    QHash<QString, RunState> m_runStates;
    QHash<QString, std::pair<QString, QString>> m_runTexts;  // task -> detail, tooltip
    QStringList m_found;
    DeleteConfirm m_deleteConfirm;

    Drag m_drag;
    bool m_dragging = false;
    bool m_rebuilding = false;
    bool m_detailed = true;
    PendingWire m_wire;
    QGraphicsPathItem *m_wireItem = nullptr;
    QSet<QString> m_wireTargets;
    EdgeItem *m_dropEdge = nullptr;  // cleared whenever an edge item goes

    // Following the document
    void rebuild();
    void addNode(const Task &task);
    void removeNode(const QString &name);
    void renameNode(const QString &from, const QString &to);
    void refreshEdgesInto(const QString &name);
    void removeEdge(EdgeItem *edge);
    void moveNodes(const QStringList &names);
    void updateEdgesOf(const QString &name);
    void updateEdgesOf(const QStringList &names);
    /// A way round the nodes an edge would run behind: the height to run at, above or below them.
    struct Lane {
        double y;
        bool above;
    };
    std::optional<Lane> laneAround(const NodeItem *up, const NodeItem *down, QPointF from, QPointF to) const;
    void placeEdgesInto(const QString &name);
    /// The tasks drawn with an edge from @p name.
    QStringList downstreamOf(const QString &name) const;
    /// What a broken wire's tooltip says: the validator's message, or "no task named 'X'".
    QString brokenReason(const QString &task, const QString &upstream) const;
    void keepInSceneRect(const QRectF &r);
    void syncNotes();
    void syncGroups();
    void showProblems();
    void placeUnplacedTasks();

    // Gestures
    bool startWire(QGraphicsSceneMouseEvent *event);
    QSet<QString> validWireEnds(const PendingWire &wire) const;
    void moveWire(QPointF scenePos);
    void finishWire(QPointF scenePos);
    void clearWire();
    bool startDrag(QGraphicsSceneMouseEvent *event);
    void continueDrag(QPointF scenePos);
    void finishDrag();
    EdgeItem *edgeUnder(const QString &task) const;
    NodeItem *nodeAt(QPointF scenePos) const;
    QPointF pasteOffset(const QByteArray &yaml, const QPointF *at) const;
    QHash<QString, QPointF> selectedTaskPositions() const;
};

}  // namespace flowdeck

Q_DECLARE_METATYPE(flowdeck::PendingWire)
