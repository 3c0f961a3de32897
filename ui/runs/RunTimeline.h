#pragma once
/// @file The run detail's timeline (a Gantt chart): one row per task in flow order, each attempt
/// a segment on a time axis coloured by its state, zoom, pan and a cursor listing what ran at an
/// instant. Painted by hand, only the rows in view, so 10,000 tasks stay cheap.

#include "run/RunRecords.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <vector>

namespace flowdeck {

class RunStore;

class RunTimeline : public QAbstractScrollArea {
    Q_OBJECT
public:
    /// One attempt of a task run on the time axis (a task run that ran no process, such as a
    /// cached one, is one segment of attempt 0).
    struct Segment {
        int mapIndex = -1;
        int attempt = 0;
        RunState state = RunState::Pending;
        qint64 startMs = 0;
        qint64 endMs = 0;  ///< 0: still going
    };

    explicit RunTimeline(QWidget *parent = nullptr);

    /// The order of the rows (the flow's topological order); tasks not in it come after, by start.
    void setTaskOrder(const QStringList &order) { m_order = order; }
    /// Reads the run's task runs and attempts again; keeps the zoom unless the view shows the
    /// whole run (then it follows a live run's growth).
    void load(const RunStore &store, const FlowRunRecord &run);

    // ----- inspection (tests, the run detail) -------------------------------------------------
    /// Rows shown: a plain task, a mapped task as one row ("transform ×120"), and each item of
    /// an expanded mapped task.
    int rowCount() const { return int(m_rows.size()); }
    QString rowLabel(int row) const;
    QString rowTask(int row) const;
    int rowMapIndex(int row) const;  ///< -1: a plain task or a mapped task's summary row
    /// The row of @p task (its summary row for a mapped task when @p mapIndex is -1); -1 if none.
    int rowOfTask(const QString &task, int mapIndex = -1) const;
    /// Every attempt of @p task (of all its items when @p mapIndex is -1), in time order.
    std::vector<Segment> segmentsOf(const QString &task, int mapIndex = -1) const;
    /// The rows' labels whose tasks were running at @p ms (since the epoch), in row order; a
    /// collapsed mapped task once, with how many of its items ran.
    QStringList tasksRunningAt(qint64 ms) const;
    /// How many items a mapped task has (0: not mapped).
    int itemCount(const QString &task) const;
    bool isExpanded(const QString &task) const { return m_expanded.contains(task); }
    void setExpanded(const QString &task, bool expanded);

    /// The visible time range, ms since the epoch.
    qint64 viewStartMs() const { return m_viewStart; }
    qint64 viewEndMs() const { return m_viewEnd; }
    void setViewRange(qint64 startMs, qint64 endMs);
    /// Shows the whole run (and follows a live run's growth until the user zooms or pans).
    void fitAll();
    bool isFitted() const { return m_fitted; }
    /// Zooms by @p factor (> 1 zooms in) keeping the instant under viewport x @p x in place.
    void zoomAt(double factor, int x);
    /// The run's start as the axis counts from it (its first attempt's when earlier).
    qint64 runStartMs() const { return m_runStart; }
    /// The instant at viewport x @p x, and back.
    qint64 timeAt(int x) const;
    int xOf(qint64 ms) const;
    /// The row at viewport y @p y (-1: none).
    int rowAt(int y) const;
    /// The rows painted by the last paint: only those in view.
    int paintedRowCount() const { return m_paintedRows; }
    /// The bars painted by the last paint (a folded mapped task's touching items are one bar).
    int paintedBarCount() const { return m_paintedBars; }
    /// The instant the cursor line shows (0: none, the mouse is away).
    qint64 cursorMs() const { return m_cursorMs; }

    /// Selects the row of @p task (and item), scrolling it into view; no signal.
    void selectTask(const QString &task, int mapIndex = -1);
    int selectedRow() const { return m_selected; }

    static constexpr int kRowHeight = 20;

signals:
    /// A row was clicked: the run detail selects the task in its table.
    void taskClicked(const QString &task, int mapIndex);
    /// The visible time range changed by zoom, pan or a fit (not by a live run's growth).
    void viewRangeChanged(qint64 startMs, qint64 endMs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    /// One task (or one item of a mapped task) with its segments.
    struct Track {
        QString task;
        int mapIndex = -1;
        std::vector<Segment> segments;
    };
    /// One task of the flow: a plain task is one track; a mapped task has one per item.
    struct TaskEntry {
        QString task;
        bool mapped = false;
        std::vector<Track> tracks;
        std::vector<Segment> all;  ///< every item's segments, for the summary row
        qint64 firstStart = 0;
    };
    /// A shown row: a task's summary row (item -1) or one of its items.
    struct Row {
        int entry = 0;
        int item = -1;
    };

    const std::vector<Segment> &segmentsOfRow(const Row &row) const;
    void rebuildRows();
    void fitRange();
    void updateScrollBar();
    QRect plotRect() const;
    int labelWidth() const;
    void paintAxis(QPainter &p, const QRect &plot);
    void paintRow(QPainter &p, int row, int y, const QRect &plot);
    void paintCursor(QPainter &p, const QRect &plot);
    qint64 runStart() const { return m_runStart; }
    qint64 runEnd() const;

    QStringList m_order;
    std::vector<TaskEntry> m_entries;
    QHash<QString, int> m_entryOf;
    std::vector<Row> m_rows;
    QSet<QString> m_expanded;
    qint64 m_runStart = 0;
    qint64 m_runEnd = 0;  ///< the latest end seen; a live run grows to now
    bool m_live = false;
    qint64 m_viewStart = 0;
    qint64 m_viewEnd = 0;
    bool m_fitted = true;  ///< the view shows the whole run (until the user zooms or pans)
    int m_selected = -1;
    int m_paintedRows = 0;
    int m_paintedBars = 0;
    qint64 m_cursorMs = 0;
    int m_cursorX = -1;
    bool m_dragging = false;
    QPoint m_dragFrom;
    qint64 m_dragStartMs = 0;
    int m_dragScroll = 0;
    bool m_dragMoved = false;
};

}  // namespace flowdeck
