#pragma once
/// @file A task on the canvas. It holds the task's name and what it draws; it never edits the
/// document (the scene turns gestures into document edits and updates the item from signals).

#include "CanvasMetrics.h"
#include "engine/RunState.h"
#include "flow/Diagnostic.h"

#include <QGraphicsItem>
#include <optional>

namespace flowdeck {

enum class Port { None, Input, Output, OutputTrue, OutputFalse };

class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    /// Outlines drawn around the node for transient states of the canvas.
    enum class Highlight { None, ConnectTarget, DropTarget, Found, CurrentMatch };

    explicit NodeItem(const QString &name);
    int type() const override { return Type; }

    QString name() const { return m_name; }
    void setName(const QString &name);
    /// Takes what the node shows from the task (kind, map, subflow, ...).
    void setTask(const Task &task);
    TaskKind kind() const { return m_kind; }
    bool isBranch() const { return m_kind == TaskKind::Branch; }
    /// The worst problem of the task (none when @p tooltip is empty) and its messages.
    void setProblem(std::optional<Severity> severity, const QString &tooltip);
    /// The live state of the task in a run, with what the node says of it in place of its kind
    /// ("Running 0:12", "Retry 2 of 3", "4 of 10 done"; empty: the state's name) and a tooltip
    /// line (the state's message). nullopt draws the task plainly again.
    void setRunState(std::optional<RunState> state, const QString &detail = QString(),
                     const QString &tooltip = QString());
    std::optional<RunState> runState() const { return m_runState; }
    /// The text the node shows under its name (its kind, or its run state and detail).
    QString subtitle() const;
    void setHighlight(Highlight highlight);
    Highlight highlight() const { return m_highlight; }

    /// The port under @p local (item coordinates), with some slack for the pointer.
    Port portAt(QPointF local) const;
    /// Where a port is, in scene coordinates.
    QPointF portScenePos(Port port) const;
    QRectF bodyRect() const { return {0, 0, canvas::nodeWidth, canvas::nodeHeight}; }
    QRectF sceneBodyRect() const { return bodyRect().translated(pos()); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QString m_name;
    QString m_subtitle;
    TaskKind m_kind = TaskKind::Shell;
    bool m_mapped = false;
    bool m_subflow = false;
    std::optional<Severity> m_problem;
    std::optional<RunState> m_runState;
    QString m_runDetail;
    QString m_taskTip;  ///< the tooltip of the task itself, without run state
    Highlight m_highlight = Highlight::None;

    static QPointF portPos(Port port);
    static QPainterPath outline(bool branch);
    void paintSimple(QPainter *painter) const;
    void paintCards(QPainter *painter, const QPalette &palette) const;
    void paintBody(QPainter *painter, const QPalette &palette) const;
    void paintText(QPainter *painter, const QPalette &palette) const;
    void paintPorts(QPainter *painter, const QPalette &palette) const;
    void paintMarkers(QPainter *painter) const;
    QColor outlineColour(const QPalette &palette) const;
};

}  // namespace flowdeck
