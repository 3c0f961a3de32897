#pragma once
/// @file The upcoming runs of every schedule on a day or week strip: a row per schedule, a mark
/// per run to come (created ahead by a scheduler, or planned), on the local clock.

#include "schedule/StoredSchedule.h"

#include <QWidget>

#include <vector>

namespace flowdeck {

class UpcomingStrip : public QWidget {
    Q_OBJECT
public:
    enum class Span { Day, Week };

    explicit UpcomingStrip(QWidget *parent = nullptr);

    /// The runs to show, from @p nowSecs over the span.
    void setRuns(std::vector<UpcomingRun> runs, qint64 nowSecs);
    void setSpan(Span span);
    Span span() const { return m_span; }
    /// The span's length in seconds.
    qint64 spanSeconds() const { return m_span == Span::Day ? 86400 : 7 * 86400; }
    /// The schedules drawn, one row each, in order.
    QStringList rows() const { return m_rows; }
    int markCount() const { return int(m_runs.size()); }
    /// The x of @p ms on the strip (for tests of the layout).
    double xOf(qint64 ms) const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF lane() const;
    const UpcomingRun *runAt(const QPoint &pos) const;

    std::vector<UpcomingRun> m_runs;
    QStringList m_rows;
    qint64 m_startMs = 0;
    Span m_span = Span::Day;
};

}  // namespace flowdeck
