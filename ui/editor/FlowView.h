#pragma once
/// @file The canvas widget: zoom with the wheel around the pointer, pan with the middle button
/// or space+drag, fit all / 100% / fit selection, a grid, a minimap, and the keys that edit.

#include <QGraphicsView>

namespace flowdeck {

class FlowScene;
class MiniMap;
struct PendingWire;

class FlowView : public QGraphicsView {
    Q_OBJECT
public:
    /// A key or mouse gesture of the canvas that no menu action shows, for the cheat sheet.
    struct Gesture {
        QString what;
        QString keys;
    };

    static constexpr double minZoom = 0.05;
    static constexpr double maxZoom = 4.0;
    static constexpr double canvasExtent = 100000;

    explicit FlowView(FlowScene *scene, QWidget *parent = nullptr);
    FlowScene *flowScene() const { return m_scene; }
    MiniMap *miniMap() const { return m_miniMap; }

    double zoom() const { return transform().m11(); }
    /// Zooms by @p factor keeping @p viewportPos (viewport coordinates) where it is.
    void zoomBy(double factor, QPoint viewportPos);
    void fitAll();
    void fitSelection();
    void zoomToActualSize();
    /// Centres the view on a task without changing the zoom.
    void centreOnTask(const QString &name);
    /// Opens Quick-Add at @p scenePos (a new task there, connected to @p wire's task if any).
    void openQuickAdd(QPointF scenePos, const PendingWire &wire);
    /// Where the pointer is on the canvas, or the middle of the view when it is outside.
    QPointF pointerScenePos() const;
    /// The canvas's own gestures (nudge, pan, Quick-Add, delete, Esc, "?"), as shown on this platform.
    static QList<Gesture> gestures();

signals:
    /// "?" was typed on the canvas: the window shows the keyboard cheat sheet.
    void shortcutSheetRequested();
    /// The zoom changed (1.0 is 100%); the window's status bar shows it.
    void zoomChanged(double zoom);

protected:
    bool event(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    FlowScene *m_scene;
    MiniMap *m_miniMap;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panLast;

    void fitRect(const QRectF &rect);
    void placeMiniMap();
    void setZoom(double zoom);
};

}  // namespace flowdeck
