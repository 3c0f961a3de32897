#pragma once
/// @file A task on the canvas. It holds the task's name and what it draws; it never edits the
/// document (the scene turns gestures into document edits and updates the item from signals).

#include "CanvasMetrics.h"
#include "engine/RunState.h"
#include "flow/Diagnostic.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QPainterPath>
#include <optional>

namespace flowdeck {

enum class Port { None, Input, Output, OutputTrue, OutputFalse };

/// A small label on a node for a setting that would otherwise not show: retries, timeout, cache,
/// a trigger rule other than all_success, a map (fan-out).
struct NodeBadge {
    enum class Role { Setting, Trigger };
    QString text;  ///< what the badge says: "↻3", "◷10m", ...
    QString tip;   ///< the setting in words, for the node's tooltip
    Role role = Role::Setting;
};

class NodeItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(NodeItem)

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
    /// The badges the node shows, left to right.
    QList<NodeBadge> badges() const { return m_badges; }
    QStringList badgeTexts() const;
    /// Where each badge is drawn (item coordinates), in the order of badges().
    QList<QRectF> badgeRects() const;
    /// The name as drawn: whole, unless it is wider than the widest node allows.
    QString shownName() const;
    bool isBranch() const { return m_kind == TaskKind::Branch; }
    /// The worst problem of the task (none when @p tooltip is empty) and its messages.
    void setProblem(std::optional<Severity> severity, const QString &tooltip);
    /// The live state of the task in a run, with what the node says of it in place of its kind
    /// ("Running · 0:12", "Attempt 2 of 4", "4 of 10 done"; empty: the state's name) and a tooltip
    /// line (the state's message). nullopt draws the task plainly again.
    void setRunState(std::optional<RunState> state, const QString &detail = QString(),
                     const QString &tooltip = QString());
    std::optional<RunState> runState() const { return m_runState; }
    /// The text the node shows under its name (its kind, or its run state and detail).
    QString subtitle() const;
    /// The subtitle as drawn: elided to the room the badges leave, or empty when too little is
    /// left. During a run the setting badges give way, so the state ("Attempt 2 of 4") shows whole.
    QString shownSubtitle() const;
    /// Whether the setting badges (retries, timeout, cache, map) are drawn: not while a run's
    /// state is shown. The trigger rule's tab stays.
    bool showsSettingBadges() const { return !m_runState; }
    void setHighlight(Highlight highlight);
    Highlight highlight() const { return m_highlight; }

    /// The port under @p local (item coordinates), with some slack for the pointer.
    Port portAt(QPointF local) const;
    /// Where a port is, in scene coordinates.
    QPointF portScenePos(Port port) const;
    /// Wide enough for the name, the subtitle and the badges, within canvas::nodeWidth and
    /// canvas::maxNodeWidth, in whole grid steps.
    double width() const { return m_width; }
    QRectF bodyRect() const { return {0, 0, m_width, canvas::nodeHeight}; }
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
    QList<NodeBadge> m_badges;
    double m_width = canvas::nodeWidth;
    QPainterPath m_shape;  ///< body and ports: hit tests ask for it all the time
    bool m_subflow = false;
    std::optional<Severity> m_problem;
    std::optional<RunState> m_runState;
    QString m_runDetail;
    QString m_taskTip;  ///< the tooltip of the task itself, without run state
    Highlight m_highlight = Highlight::None;

    QPointF portPos(Port port) const;
    QPainterPath outline() const;
    void updateGeometry();
    double badgesWidth() const;
    /// The width the subtitle may take beside the badges drawn.
    double subtitleRoom() const;
    void paintSimple(QPainter *painter) const;
    void paintCards(QPainter *painter, const QPalette &palette) const;
    void paintBody(QPainter *painter, const QPalette &palette) const;
    void paintText(QPainter *painter, const QPalette &palette) const;
    void paintBadges(QPainter *painter, const QPalette &palette) const;
    void paintPorts(QPainter *painter, const QPalette &palette) const;
    void paintMarkers(QPainter *painter) const;
    QColor outlineColour(const QPalette &palette) const;
};

}  // namespace flowdeck
