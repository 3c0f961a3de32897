#include "RunTimeline.h"

#include "RunStateColours.h"
#include "ThemeColours.h"
#include "store/RunStore.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <cmath>
#include <iterator>

namespace flowdeck {

namespace {

constexpr int kAxisHeight = 22;
constexpr int kCursorLines = 12;  // names in the cursor's label before "and N more"

/// Tick steps from 1 ms to a day: the axis takes the first that leaves room for its labels.
constexpr qint64 kSteps[] = {1,       2,       5,        10,       20,       50,      100,
                             200,     500,     1000,     2000,     5000,     10000,   15000,
                             30000,   60000,   120000,   300000,   600000,   900000,  1800000,
                             3600000, 7200000, 10800000, 21600000, 43200000, 86400000};

/// An offset from the run's start as the axis labels it: "250 ms", "12.5 s", "3:05", "1:02:03".
QString offsetText(qint64 ms, qint64 step) {
    if (step < 1000 && ms < 10000)
        return ms < 1000 ? RunTimeline::tr("%1 ms").arg(ms)
                         : RunTimeline::tr("%1 s").arg(numberText(double(ms) / 1000.0, step < 100 ? 2 : 1));
    const qint64 s = ms / 1000;
    if (s < 60 && step < 60000) return RunTimeline::tr("%1 s").arg(s);
    const QString mmss = QStringLiteral("%1:%2").arg((s / 60) % 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 3600) return mmss;
    return QStringLiteral("%1:%2").arg(s / 3600).arg(mmss.rightJustified(5, QLatin1Char('0')));
}

}  // namespace

RunTimeline::RunTimeline(QWidget *parent) : QAbstractScrollArea(parent) {
    setObjectName(QStringLiteral("runTimeline"));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    verticalScrollBar()->setSingleStep(kRowHeight);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

void RunTimeline::load(const RunStore &store, const FlowRunRecord &run) {
    const QString selectedTask = m_selected >= 0 ? rowTask(m_selected) : QString();
    const int selectedItem = m_selected >= 0 ? rowMapIndex(m_selected) : -1;
    m_entries.clear();
    m_entryOf.clear();
    m_live = !run.id.isEmpty() && !isFinal(run.state);

    // Tracks by (task, item); a task with items is a mapped one and its own row (-1) is the whole.
    QHash<QPair<QString, int>, Segment> taskRunSpan;
    const std::vector<TaskRunRecord> taskRuns = store.taskRuns(run.id);
    QSet<QString> mapped;
    for (const TaskRunRecord &t : taskRuns)
        if (t.mapIndex >= 0) mapped.insert(t.task);
    QHash<QPair<QString, int>, std::pair<int, int>> trackOf;  // -> (entry, track)
    const auto track = [&](const QString &task, int mapIndex) -> Track * {
        if (mapped.contains(task) && mapIndex < 0) return nullptr;
        auto found = trackOf.constFind({task, mapIndex});
        if (found == trackOf.constEnd()) {
            int e = m_entryOf.value(task, -1);
            if (e < 0) {
                e = int(m_entries.size());
                m_entryOf.insert(task, e);
                m_entries.push_back(TaskEntry{task, mapped.contains(task), {}, {}, 0});
            }
            m_entries[size_t(e)].tracks.push_back(Track{task, mapIndex, {}});
            found = trackOf.insert({task, mapIndex}, {e, int(m_entries[size_t(e)].tracks.size()) - 1});
        }
        return &m_entries[size_t(found->first)].tracks[size_t(found->second)];
    };
    for (const TaskRunRecord &t : taskRuns) {
        if (!track(t.task, t.mapIndex) && !m_entryOf.contains(t.task)) {
            m_entryOf.insert(t.task, int(m_entries.size()));
            m_entries.push_back(TaskEntry{t.task, true, {}, {}, 0});
        }
        taskRunSpan.insert({t.task, t.mapIndex}, Segment{t.mapIndex, 0, t.state, t.startMs, t.endMs});
    }
    for (const AttemptRecord &a : store.attempts(run.id)) {
        if (a.startMs <= 0) continue;  // never started (a Pending attempt)
        if (Track *t = track(a.task, a.mapIndex))
            t->segments.push_back(Segment{a.mapIndex, a.attempt, a.state, a.startMs, a.endMs});
    }
    // A task run without attempts that still spans time (cached, reused) is one segment.
    for (TaskEntry &entry : m_entries) {
        for (Track &t : entry.tracks) {
            if (t.segments.empty()) {
                const Segment span = taskRunSpan.value({t.task, t.mapIndex});
                if (span.startMs > 0) t.segments.push_back(span);
            }
            std::sort(t.segments.begin(), t.segments.end(),
                      [](const Segment &a, const Segment &b) { return a.startMs < b.startMs; });
            entry.all.insert(entry.all.end(), t.segments.begin(), t.segments.end());
        }
        std::sort(entry.tracks.begin(), entry.tracks.end(),
                  [](const Track &a, const Track &b) { return a.mapIndex < b.mapIndex; });
        std::sort(entry.all.begin(), entry.all.end(),
                  [](const Segment &a, const Segment &b) { return a.startMs < b.startMs; });
        entry.firstStart = entry.all.empty() ? LLONG_MAX : entry.all.front().startMs;
    }
    QHash<QString, int> rank;
    for (int i = 0; i < m_order.size(); ++i) rank.insert(m_order[i], i);
    std::stable_sort(m_entries.begin(), m_entries.end(), [&rank](const TaskEntry &a, const TaskEntry &b) {
        const int ra = rank.value(a.task, INT_MAX), rb = rank.value(b.task, INT_MAX);
        if (ra != rb) return ra < rb;
        return a.firstStart < b.firstStart;
    });
    m_entryOf.clear();
    for (size_t i = 0; i < m_entries.size(); ++i) m_entryOf.insert(m_entries[i].task, int(i));

    m_runStart = run.startMs;
    m_runEnd = run.endMs;
    for (const TaskEntry &entry : m_entries)
        for (const Segment &s : entry.all) {
            if (m_runStart <= 0 || s.startMs < m_runStart) m_runStart = s.startMs;
            m_runEnd = std::max({m_runEnd, s.startMs, s.endMs});
        }
    rebuildRows();
    m_selected = selectedTask.isEmpty() ? -1 : rowOfTask(selectedTask, selectedItem);
    if (m_fitted) fitAll();
    viewport()->update();
}

void RunTimeline::rebuildRows() {
    m_rows.clear();
    m_rows.reserve(m_entries.size());
    for (size_t e = 0; e < m_entries.size(); ++e) {
        m_rows.push_back(Row{int(e), -1});
        const TaskEntry &entry = m_entries[e];
        if (entry.mapped && m_expanded.contains(entry.task))
            for (size_t t = 0; t < entry.tracks.size(); ++t) m_rows.push_back(Row{int(e), int(t)});
    }
    updateScrollBar();
}

QString RunTimeline::rowLabel(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    const Row &r = m_rows[size_t(row)];
    const TaskEntry &entry = m_entries[size_t(r.entry)];
    if (r.item >= 0)
        return QStringLiteral("%1[%2]").arg(entry.task).arg(entry.tracks[size_t(r.item)].mapIndex);
    if (entry.mapped) return QStringLiteral("%1 \u00d7%2").arg(entry.task).arg(entry.tracks.size());
    return entry.task;
}

QString RunTimeline::rowTask(int row) const {
    return row >= 0 && row < rowCount() ? m_entries[size_t(m_rows[size_t(row)].entry)].task : QString();
}

int RunTimeline::rowMapIndex(int row) const {
    if (row < 0 || row >= rowCount()) return -1;
    const Row &r = m_rows[size_t(row)];
    return r.item < 0 ? -1 : m_entries[size_t(r.entry)].tracks[size_t(r.item)].mapIndex;
}

int RunTimeline::rowOfTask(const QString &task, int mapIndex) const {
    const int e = m_entryOf.value(task, -1);
    if (e < 0) return -1;
    // Rows are in entry order: find the summary row, then the item below it.
    const auto first = std::lower_bound(m_rows.begin(), m_rows.end(), e,
                                        [](const Row &r, int entry) { return r.entry < entry; });
    if (first == m_rows.end() || first->entry != e) return -1;
    if (mapIndex < 0) return int(first - m_rows.begin());
    for (auto it = first + 1; it != m_rows.end() && it->entry == e; ++it)
        if (m_entries[size_t(e)].tracks[size_t(it->item)].mapIndex == mapIndex)
            return int(it - m_rows.begin());
    return -1;
}

const std::vector<RunTimeline::Segment> &RunTimeline::segmentsOfRow(const Row &row) const {
    static const std::vector<Segment> none;
    const TaskEntry &entry = m_entries[size_t(row.entry)];
    if (row.item >= 0) return entry.tracks[size_t(row.item)].segments;
    if (entry.mapped) return entry.all;
    return entry.tracks.empty() ? none : entry.tracks.front().segments;
}

std::vector<RunTimeline::Segment> RunTimeline::segmentsOf(const QString &task, int mapIndex) const {
    const int e = m_entryOf.value(task, -1);
    if (e < 0) return {};
    const TaskEntry &entry = m_entries[size_t(e)];
    if (mapIndex < 0)
        return entry.mapped ? entry.all
                            : (entry.tracks.empty() ? std::vector<Segment>{} : entry.tracks.front().segments);
    for (const Track &t : entry.tracks)
        if (t.mapIndex == mapIndex) return t.segments;
    return {};
}

int RunTimeline::itemCount(const QString &task) const {
    const int e = m_entryOf.value(task, -1);
    return e >= 0 && m_entries[size_t(e)].mapped ? int(m_entries[size_t(e)].tracks.size()) : 0;
}

qint64 RunTimeline::runEnd() const {
    return m_live ? std::max(m_runEnd, QDateTime::currentMSecsSinceEpoch()) : m_runEnd;
}

QStringList RunTimeline::tasksRunningAt(qint64 ms) const {
    const qint64 now = runEnd();
    const auto covers = [ms, now](const Segment &s) {
        return s.startMs <= ms && ms < (s.endMs > 0 ? s.endMs : now);
    };
    QStringList names;
    for (const TaskEntry &entry : m_entries) {
        if (!entry.mapped) {
            if (std::any_of(entry.all.begin(), entry.all.end(), covers)) names << entry.task;
            continue;
        }
        int running = 0;
        for (const Track &t : entry.tracks)
            running += std::any_of(t.segments.begin(), t.segments.end(), covers) ? 1 : 0;
        if (running > 0) names << tr("%1 (%2 of %3)").arg(entry.task).arg(running).arg(entry.tracks.size());
    }
    return names;
}

void RunTimeline::setExpanded(const QString &task, bool expanded) {
    if (itemCount(task) == 0 || expanded == isExpanded(task)) return;
    const QString selectedTask = rowTask(m_selected);
    const int selectedItem = rowMapIndex(m_selected);
    if (expanded)
        m_expanded.insert(task);
    else
        m_expanded.remove(task);
    rebuildRows();
    m_selected = selectedTask.isEmpty()
                     ? -1
                     : std::max(rowOfTask(selectedTask, selectedItem), rowOfTask(selectedTask));
    viewport()->update();
}

// ----- geometry ------------------------------------------------------------------------------

int RunTimeline::labelWidth() const {
    return std::min(
        viewport()->width() / 3,
        fontMetrics().horizontalAdvance(QStringLiteral("validate_quality_checks \u00d710000")) + 12);
}

QRect RunTimeline::plotRect() const {
    const QRect r = viewport()->rect();
    return QRect(QPoint(r.left() + labelWidth(), r.top() + kAxisHeight), r.bottomRight());
}

void RunTimeline::setViewRange(qint64 startMs, qint64 endMs) {
    if (endMs <= startMs) endMs = startMs + 1;
    m_viewStart = startMs;
    m_viewEnd = endMs;
    m_fitted = false;
    viewport()->update();
    emit viewRangeChanged(m_viewStart, m_viewEnd);
}

void RunTimeline::fitAll() {
    fitRange();
    viewport()->update();
    emit viewRangeChanged(m_viewStart, m_viewEnd);
}

void RunTimeline::fitRange() {
    const qint64 start = m_runStart > 0 ? m_runStart : QDateTime::currentMSecsSinceEpoch();
    const qint64 end = std::max(runEnd(), start + 100);  // a 40 ms run still fills the width
    const qint64 pad = std::max<qint64>(1, (end - start) / 50);
    m_viewStart = start - pad;
    m_viewEnd = end + pad;
    m_fitted = true;
}

void RunTimeline::zoomAt(double factor, int x) {
    const qint64 at = timeAt(x);
    const double span = double(m_viewEnd - m_viewStart) / factor;
    if (span < 2 || span > 1e11) return;  // from 2 ms to three years across
    const QRect plot = plotRect();
    const double left = plot.width() > 0 ? double(x - plot.left()) / plot.width() : 0.5;
    const qint64 start = at - qint64(std::llround(left * span));
    setViewRange(start, start + qint64(std::llround(span)));
}

qint64 RunTimeline::timeAt(int x) const {
    const QRect plot = plotRect();
    if (plot.width() <= 0) return m_viewStart;
    return m_viewStart +
           qint64(std::llround(double(x - plot.left()) * double(m_viewEnd - m_viewStart) / plot.width()));
}

int RunTimeline::xOf(qint64 ms) const {
    const QRect plot = plotRect();
    const double span = double(std::max<qint64>(1, m_viewEnd - m_viewStart));
    const double x = plot.left() + double(ms - m_viewStart) * plot.width() / span;
    return int(std::clamp(x, -1e6, 1e6));  // far off screen stays representable
}

int RunTimeline::rowAt(int y) const {
    const QRect plot = plotRect();
    if (y < plot.top()) return -1;
    const int row = (y - plot.top() + verticalScrollBar()->value()) / kRowHeight;
    return row < rowCount() ? row : -1;
}

void RunTimeline::updateScrollBar() {
    const int visible = std::max(0, viewport()->height() - kAxisHeight);
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, rowCount() * kRowHeight - visible));
}

void RunTimeline::selectTask(const QString &task, int mapIndex) {
    int row = rowOfTask(task, mapIndex);
    if (row < 0) row = rowOfTask(task);
    m_selected = row;
    if (row >= 0) {
        const int top = row * kRowHeight, visible = std::max(0, viewport()->height() - kAxisHeight);
        QScrollBar *bar = verticalScrollBar();
        if (top < bar->value())
            bar->setValue(top);
        else if (top + kRowHeight > bar->value() + visible)
            bar->setValue(top + kRowHeight - visible);
    }
    viewport()->update();
}

// ----- painting ------------------------------------------------------------------------------

void RunTimeline::paintEvent(QPaintEvent *) {
    QPainter p(viewport());
    const QPalette pal = palette();
    p.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    if (m_fitted && m_live) fitRange();  // a live run that shows whole grows with the clock
    const QRect plot = plotRect();
    if (m_rows.empty()) {
        p.setPen(mutedText(pal));
        p.drawText(plot, Qt::AlignCenter, tr("No task has started yet."));
        m_paintedRows = m_paintedBars = 0;
        return;
    }
    // Only the rows in view: a 10,000-task run paints a screenful, not 10,000 rows.
    const int scroll = verticalScrollBar()->value();
    const int first = scroll / kRowHeight;
    const int last = std::min(rowCount() - 1, (scroll + plot.height()) / kRowHeight);
    m_paintedBars = 0;
    p.save();
    p.setClipRect(QRect(0, plot.top(), viewport()->width(), plot.height()));
    for (int row = first; row <= last; ++row) paintRow(p, row, plot.top() + row * kRowHeight - scroll, plot);
    p.restore();
    m_paintedRows = last - first + 1;
    paintAxis(p, plot);
    paintCursor(p, plot);
}

void RunTimeline::paintAxis(QPainter &p, const QRect &plot) {
    const QPalette pal = palette();
    const QRect band(0, 0, viewport()->width(), kAxisHeight);
    p.fillRect(band, pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(band.bottomLeft(), band.bottomRight());
    const int labelRoom = fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")) + 24;
    const double msPerPx = double(m_viewEnd - m_viewStart) / std::max(1, plot.width());
    qint64 step = kSteps[std::size(kSteps) - 1];
    for (qint64 s : kSteps)
        if (double(s) / msPerPx >= labelRoom) {
            step = s;
            break;
        }
    // Ticks at multiples of the step from the run's start, labelled as offsets from it.
    const qint64 origin = m_runStart > 0 ? m_runStart : m_viewStart;
    qint64 offset = (m_viewStart - origin) / step * step;
    if (origin + offset < m_viewStart) offset += step;
    const QColor grid = mutedText(pal);
    for (; origin + offset <= m_viewEnd; offset += step) {
        const int x = xOf(origin + offset);
        p.setPen(grid);
        p.drawLine(x, band.bottom() - 5, x, band.bottom());
        QColor line = pal.color(QPalette::Mid);
        line.setAlpha(70);
        p.setPen(line);
        p.drawLine(x, plot.top(), x, plot.bottom());
        const QString text =
            offset < 0 ? QStringLiteral("-") + offsetText(-offset, step) : offsetText(offset, step);
        if (x + 3 + fontMetrics().horizontalAdvance(text) > band.right()) continue;  // no cut-off label
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(x + 3, 0, labelRoom, kAxisHeight - 4), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    p.setPen(mutedText(pal));
    p.drawText(QRect(4, 0, labelWidth() - 8, kAxisHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("Task"));
}

void RunTimeline::paintRow(QPainter &p, int row, int y, const QRect &plot) {
    const QPalette pal = palette();
    const QRect line(0, y, viewport()->width(), kRowHeight);
    if (row % 2) p.fillRect(line, pal.color(QPalette::AlternateBase));
    if (row == m_selected) {
        QColor highlight = pal.color(QPalette::Highlight);
        highlight.setAlpha(70);  // the bars stay in their own colours
        p.fillRect(line, highlight);
    }
    const Row &r = m_rows[size_t(row)];
    const TaskEntry &entry = m_entries[size_t(r.entry)];
    const int indent = r.item >= 0 ? 18 : 4;
    QString label = rowLabel(row);
    if (entry.mapped && r.item < 0)
        label = (isExpanded(entry.task) ? QStringLiteral("\u25be ") : QStringLiteral("\u25b8 ")) + label;
    p.setPen(row == m_selected ? pal.color(QPalette::Text)
                               : (r.item >= 0 ? mutedText(pal) : pal.color(QPalette::Text)));
    p.drawText(QRect(indent, y, labelWidth() - indent - 4, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter,
               fontMetrics().elidedText(label, Qt::ElideMiddle, labelWidth() - indent - 4));

    p.save();
    p.setClipRect(plot.intersected(line));
    const qint64 now = runEnd();
    const int top = y + 3, height = kRowHeight - 6;
    const auto bar = [&](int x1, int x2, RunState state, int attempt) {
        ++m_paintedBars;
        const QColor colour = stateColour(state);
        p.fillRect(QRect(x1, top, x2 - x1, height), colour);
        if (x2 - x1 > 4) {
            p.setPen(colour.darker(140));
            p.drawRect(QRect(x1, top, x2 - x1 - 1, height - 1));
        }
        if (attempt > 1 && x2 - x1 > 24) {
            p.setPen(Qt::white);
            p.drawText(QRect(x1, top, x2 - x1, height), Qt::AlignCenter, QStringLiteral("#%1").arg(attempt));
        }
    };
    // A folded mapped task's items overlap: items of one state that touch are drawn as one bar,
    // so a thousand items cost a few rectangles, not a thousand.
    const bool merge = entry.mapped && r.item < 0;
    int spanLeft = 0, spanRight = INT_MIN;
    RunState spanState = RunState::Pending;
    for (const Segment &s : segmentsOfRow(r)) {
        const qint64 end = s.endMs > 0 ? s.endMs : now;
        if (end < m_viewStart || s.startMs > m_viewEnd) continue;
        const int x1 = xOf(s.startMs), x2 = std::max(xOf(end), x1 + 2);
        if (!merge) {
            bar(x1, x2, s.state, s.attempt);
            continue;
        }
        if (spanRight != INT_MIN && s.state == spanState && x1 <= spanRight) {
            spanRight = std::max(spanRight, x2);
            continue;
        }
        if (spanRight != INT_MIN) bar(spanLeft, spanRight, spanState, 0);
        spanLeft = x1;
        spanRight = x2;
        spanState = s.state;
    }
    if (spanRight != INT_MIN) bar(spanLeft, spanRight, spanState, 0);
    p.restore();
}

void RunTimeline::paintCursor(QPainter &p, const QRect &plot) {
    if (m_cursorX < plot.left() || m_cursorX > plot.right() || m_cursorMs <= 0) return;
    const QPalette pal = palette();
    p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
    p.drawLine(m_cursorX, plot.top(), m_cursorX, plot.bottom());
    QStringList lines = tasksRunningAt(m_cursorMs);
    const int total = int(lines.size());
    if (total > kCursorLines) {
        lines = lines.mid(0, kCursorLines);
        lines << tr("and %1 more").arg(total - kCursorLines);
    }
    if (lines.isEmpty()) lines << tr("nothing running");
    lines.prepend(tr("at %1").arg(offsetText(std::max<qint64>(0, m_cursorMs - m_runStart), 1)));
    const QFontMetrics fm = fontMetrics();
    int width = 0;
    for (const QString &l : lines) width = std::max(width, fm.horizontalAdvance(l));
    QRect box(m_cursorX + 8, plot.top() + 4, width + 12, int(lines.size()) * fm.height() + 8);
    if (box.right() > plot.right()) box.moveRight(m_cursorX - 8);
    QColor fill = pal.color(QPalette::ToolTipBase);
    fill.setAlpha(235);
    p.fillRect(box, fill);
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(box.adjusted(0, 0, -1, -1));
    p.setPen(pal.color(QPalette::ToolTipText));
    for (int i = 0; i < lines.size(); ++i)
        p.drawText(QRect(box.left() + 6, box.top() + 4 + i * fm.height(), width, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, lines[i]);
}

// ----- interaction ---------------------------------------------------------------------------

void RunTimeline::resizeEvent(QResizeEvent *event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

void RunTimeline::wheelEvent(QWheelEvent *event) {
    const QPoint at = event->position().toPoint();
    // Over the task names, or with Shift, the wheel scrolls the rows; over the plot it zooms.
    if (at.x() < plotRect().left() || event->modifiers().testFlag(Qt::ShiftModifier)) {
        verticalScrollBar()->setValue(verticalScrollBar()->value() -
                                      event->angleDelta().y() / 120 * 3 * kRowHeight);
        return;
    }
    const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    zoomAt(std::pow(1.0015, delta), at.x());
    event->accept();
}

void RunTimeline::mousePressEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton) return;
    m_dragging = true;
    m_dragMoved = false;
    m_dragFrom = event->position().toPoint();
    m_dragStartMs = m_viewStart;
    m_dragScroll = verticalScrollBar()->value();
}

void RunTimeline::mouseMoveEvent(QMouseEvent *event) {
    const QPoint at = event->position().toPoint();
    if (m_dragging) {
        const QPoint moved = at - m_dragFrom;
        if (moved.manhattanLength() > 3) m_dragMoved = true;
        if (m_dragMoved) {
            const QRect plot = plotRect();
            const qint64 span = m_viewEnd - m_viewStart;
            const qint64 shift =
                plot.width() > 0 ? qint64(std::llround(double(moved.x()) * double(span) / plot.width())) : 0;
            setViewRange(m_dragStartMs - shift, m_dragStartMs - shift + span);
            verticalScrollBar()->setValue(m_dragScroll - moved.y());
        }
    }
    m_cursorX = at.x();
    m_cursorMs = at.x() >= plotRect().left() ? timeAt(at.x()) : 0;
    viewport()->update();
}

void RunTimeline::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton || !m_dragging) return;
    m_dragging = false;
    if (m_dragMoved) return;
    const int row = rowAt(event->position().toPoint().y());
    if (row < 0) return;
    m_selected = row;
    viewport()->update();
    emit taskClicked(rowTask(row), rowMapIndex(row));
}

void RunTimeline::mouseDoubleClickEvent(QMouseEvent *event) {
    const int row = rowAt(event->position().toPoint().y());
    if (row < 0 || rowMapIndex(row) >= 0) return;
    const QString task = rowTask(row);
    if (itemCount(task) > 0) setExpanded(task, !isExpanded(task));
}

void RunTimeline::leaveEvent(QEvent *event) {
    QAbstractScrollArea::leaveEvent(event);
    m_cursorX = -1;
    m_cursorMs = 0;
    viewport()->update();
}

bool RunTimeline::viewportEvent(QEvent *event) {
    if (event->type() == QEvent::Leave) leaveEvent(event);
    return QAbstractScrollArea::viewportEvent(event);
}

}  // namespace flowdeck
