#include "UpcomingStrip.h"

#include "runs/RunStateColours.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace flowdeck {

namespace {

constexpr int kRowHeight = 22;
constexpr int kAxisHeight = 20;
constexpr int kLabelWidth = 150;

}  // namespace

UpcomingStrip::UpcomingStrip(QWidget *parent) : QWidget(parent) {
    setObjectName(QStringLiteral("upcomingStrip"));
    setMouseTracking(true);
    setMinimumHeight(kAxisHeight + kRowHeight + 8);
}

void UpcomingStrip::setRuns(std::vector<UpcomingRun> runs, qint64 nowSecs) {
    m_startMs = nowSecs * 1000;
    m_runs.clear();
    m_rows.clear();
    for (UpcomingRun &r : runs)
        if (r.atMs >= m_startMs && r.atMs <= m_startMs + spanSeconds() * 1000) {
            if (!m_rows.contains(r.schedule)) m_rows << r.schedule;
            m_runs.push_back(std::move(r));
        }
    m_rows.sort();
    setMinimumHeight(sizeHint().height());  // in its scroll area: every row, however short the dock
    updateGeometry();
    update();
}

void UpcomingStrip::setSpan(Span span) {
    m_span = span;
    update();
}

QSize UpcomingStrip::sizeHint() const {
    return {800, kAxisHeight + kRowHeight * std::max<int>(1, int(m_rows.size())) + 8};
}

QRectF UpcomingStrip::lane() const {
    return QRectF(kLabelWidth, kAxisHeight, std::max(10, width() - kLabelWidth - 8),
                  height() - kAxisHeight - 4);
}

double UpcomingStrip::xOf(qint64 ms) const {
    const QRectF r = lane();
    return r.left() + r.width() * double(ms - m_startMs) / double(spanSeconds() * 1000);
}

void UpcomingStrip::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = lane();
    const QColor text = palette().color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlphaF(0.15);
    // Ticks on the local clock: every 3 hours for a day, every midnight for a week.
    const qint64 step = m_span == Span::Day ? 3 * 3600 : 86400;
    QDateTime tick = QDateTime::fromMSecsSinceEpoch(m_startMs);
    tick.setTime(QTime(m_span == Span::Day ? tick.time().hour() / 3 * 3 : 0, 0));
    for (; tick.toMSecsSinceEpoch() <= m_startMs + spanSeconds() * 1000; tick = tick.addSecs(step)) {
        if (tick.toMSecsSinceEpoch() < m_startMs) continue;
        const double x = xOf(tick.toMSecsSinceEpoch());
        p.setPen(grid);
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
        const QString label =
            m_span == Span::Day ? QLocale().toString(tick.time(), QLocale::ShortFormat)
                                : QLocale().toString(tick.date(), QLocale::ShortFormat);
        if (x + 2 + fontMetrics().horizontalAdvance(label) > width())
            continue;  // no cut-off label at the end
        p.setPen(text);
        p.drawText(QPointF(x + 2, kAxisHeight - 6), label);
    }
    if (m_rows.isEmpty()) {
        p.setPen(text);
        p.drawText(r, Qt::AlignCenter, tr("Nothing scheduled in this span"));
        return;
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        const double y = r.top() + i * kRowHeight;
        p.setPen(text);
        p.drawText(QRectF(4, y, kLabelWidth - 8, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   fontMetrics().elidedText(m_rows.at(i), Qt::ElideRight, kLabelWidth - 8));
        p.setPen(grid);
        p.drawLine(QPointF(r.left(), y + kRowHeight), QPointF(r.right(), y + kRowHeight));
    }
    // Created runs are filled, planned fire times outlined, late ones amber.
    const QColor blue(0x2b, 0x6c, 0xd4), amber(0xd9, 0x8a, 0x00);
    for (const UpcomingRun &u : m_runs) {
        const double x = xOf(u.atMs);
        const double y = r.top() + m_rows.indexOf(u.schedule) * kRowHeight + 4;
        const QColor c = u.state == QLatin1String("Late") ? amber : blue;
        p.setPen(QPen(c, 1.5));
        p.setBrush(u.state == QLatin1String("planned") ? QBrush(Qt::NoBrush) : QBrush(c));
        p.drawRoundedRect(QRectF(x - 3, y, 6, kRowHeight - 8), 2, 2);
    }
}

const UpcomingRun *UpcomingStrip::runAt(const QPoint &pos) const {
    const QRectF r = lane();
    const int row = int(std::floor((pos.y() - r.top()) / kRowHeight));
    if (row < 0 || row >= m_rows.size()) return nullptr;
    const UpcomingRun *best = nullptr;
    double distance = 6;
    for (const UpcomingRun &u : m_runs)
        if (u.schedule == m_rows.at(row) && std::abs(xOf(u.atMs) - pos.x()) < distance) {
            distance = std::abs(xOf(u.atMs) - pos.x());
            best = &u;
        }
    return best;
}

bool UpcomingStrip::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const UpcomingRun *u = runAt(help->pos()))
            QToolTip::showText(
                help->globalPos(),
                tr("%1 (%2): %3, %4")
                    .arg(u->schedule, u->flow,
                         timeText(u->atMs),
                         u->state == QLatin1String("planned") ? tr("planned") : u->state),
                this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

}  // namespace flowdeck
