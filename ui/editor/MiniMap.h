#pragma once
/// @file The overview in the canvas's corner: every task as a dot of its kind's colour and the
/// visible area as a frame; click or drag in it to move the view there.

#include <QImage>
#include <QTimer>
#include <QWidget>

namespace flowdeck {

class FlowView;

class MiniMap : public QWidget {
    Q_OBJECT
public:
    explicit MiniMap(FlowView *view);
    /// The view scrolled or zoomed: only the frame moves (cheap).
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    FlowView *m_view;
    QImage m_picture;   // the tasks, redrawn after edits settle, not on every frame
    QRectF m_world;     // the scene rectangle the picture shows
    QTimer m_redraw;

    void redraw();
    QTransform toMap() const;
    void centreViewAt(QPoint pos);
};

}  // namespace flowdeck
