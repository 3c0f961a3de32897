#include "RunMetricsView.h"

#include "RunStateColours.h"
#include "ThemeColours.h"
#include "store/RunStore.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMap>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <map>
#include <tuple>

namespace flowdeck {

namespace {

constexpr int kRecentRuns = 30;
constexpr int kMaxPoints = 2000;  // a chart line of more points shows nothing more

struct Card {
    const char *key;
    const char *title;
};
constexpr Card kCards[] = {
    {"tasks", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Tasks")},
    {"completed", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Completed")},
    {"failed", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Failed")},
    {"cached", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Cached")},
    {"skipped", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Skipped")},
    {"duration", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Duration")},
    {"averageTask", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Average task")},
    {"peakMemory", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Peak memory")},
    {"cpu", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "CPU")},
    {"retries", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Retries")},
    {"cacheHitRate", QT_TRANSLATE_NOOP("flowdeck::RunMetricsView", "Cache hit rate")},
};

QChartView *makeChartView(QChart *chart, const QString &name, QWidget *parent) {
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

/// Keeps at most kMaxPoints, evenly picked, with the last one.
QList<QPointF> thinned(const QList<QPointF> &points) {
    if (points.size() <= kMaxPoints) return points;
    QList<QPointF> kept;
    const double step = double(points.size()) / kMaxPoints;
    for (double i = 0; i < points.size(); i += step) kept << points[qsizetype(i)];
    kept << points.last();
    return kept;
}

}  // namespace

RunMetricsView::RunMetricsView(QWidget *parent) : QWidget(parent) {
    setObjectName(QStringLiteral("runMetrics"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *grid = new QGridLayout;
    buildCards(grid);
    layout->addLayout(grid);

    m_cpu = new QLineSeries(this);
    m_cpu->setName(tr("CPU (% of one core)"));
    m_memory = new QLineSeries(this);
    m_memory->setName(tr("Memory (MB)"));
    m_resourceChart = new QChart;
    m_resourceChart->setTitle(tr("CPU and memory of the run's tasks"));
    m_resourceChart->addSeries(m_cpu);
    m_resourceChart->addSeries(m_memory);
    auto *time = new QValueAxis(m_resourceChart);
    time->setTitleText(tr("seconds since the start"));
    time->setLabelFormat(QStringLiteral("%.1f"));
    auto *cpuAxis = new QValueAxis(m_resourceChart);
    cpuAxis->setTitleText(tr("CPU %"));
    cpuAxis->setLabelFormat(QStringLiteral("%.0f"));
    auto *memoryAxis = new QValueAxis(m_resourceChart);
    memoryAxis->setTitleText(tr("MB"));
    memoryAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_resourceChart->addAxis(time, Qt::AlignBottom);
    m_resourceChart->addAxis(cpuAxis, Qt::AlignLeft);
    m_resourceChart->addAxis(memoryAxis, Qt::AlignRight);
    m_cpu->attachAxis(time);
    m_cpu->attachAxis(cpuAxis);
    m_memory->attachAxis(time);
    m_memory->attachAxis(memoryAxis);

    m_recent = new QStackedBarSeries(this);
    m_recentChart = new QChart;
    m_recentChart->setTitle(tr("Recent runs of this flow (duration, by outcome)"));
    m_recentChart->addSeries(m_recent);
    auto *runsAxis = new QBarCategoryAxis(m_recentChart);
    auto *secondsAxis = new QValueAxis(m_recentChart);
    secondsAxis->setTitleText(tr("seconds"));
    secondsAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_recentChart->addAxis(runsAxis, Qt::AlignBottom);
    m_recentChart->addAxis(secondsAxis, Qt::AlignLeft);
    m_recent->attachAxis(runsAxis);
    m_recent->attachAxis(secondsAxis);

    auto *charts = new QSplitter(Qt::Horizontal, this);
    m_resourceView = makeChartView(m_resourceChart, QStringLiteral("resourceChart"), charts);
    m_recentView = makeChartView(m_recentChart, QStringLiteral("recentRunsChart"), charts);
    charts->addWidget(m_resourceView);
    charts->addWidget(m_recentView);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    layout->addWidget(charts, 1);
    showCards();
}

QStringList RunMetricsView::cardKeys() {
    QStringList keys;
    for (const Card &c : kCards) keys << QLatin1String(c.key);
    return keys;
}

void RunMetricsView::buildCards(QGridLayout *grid) {
    const int perRow = 6;
    int i = 0;
    for (const Card &c : kCards) {
        auto *card = new QFrame(this);
        card->setObjectName(QStringLiteral("metricCard"));
        card->setProperty("metric", QLatin1String(c.key));
        card->setFrameShape(QFrame::StyledPanel);
        auto *inner = new QVBoxLayout(card);
        inner->setContentsMargins(8, 6, 8, 6);
        auto *title = new QLabel(tr(c.title), card);
        QPalette muted = title->palette();
        muted.setColor(QPalette::WindowText, mutedText(muted, QPalette::WindowText, QPalette::Window));
        title->setPalette(muted);
        auto *value = new QLabel(card);
        value->setObjectName(QStringLiteral("metricValue"));
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        big.setBold(true);
        value->setFont(big);
        inner->addWidget(title);
        inner->addWidget(value);
        grid->addWidget(card, i / perRow, i % perRow);
        m_cards.insert(QLatin1String(c.key), value);
        ++i;
    }
}

QString RunMetricsView::cardValue(const QString &key) const {
    const QLabel *label = m_cards.value(key);
    return label ? label->text() : QString();
}

void RunMetricsView::load(const RunStore &store, const FlowRunRecord &run) {
    m_metrics = run.id.isEmpty() ? FlowMetrics{} : store.metrics(run.id);
    showCards();
    loadSamples(store, run);
    loadRecentRuns(store, run);
}

void RunMetricsView::showCards() {
    const FlowMetrics &m = m_metrics;
    const auto set = [this](const char *key, const QString &text) {
        m_cards.value(QLatin1String(key))->setText(text);
    };
    set("tasks", QLocale().toString(m.totalTasks));
    set("completed", QLocale().toString(m.completedTasks));
    set("failed", QLocale().toString(m.failedTasks));
    set("cached", QLocale().toString(m.cachedTasks));
    set("skipped", QLocale().toString(m.skippedTasks));
    set("duration", durationText(qint64(m.totalDurationSeconds * 1000.0)));
    set("averageTask", durationText(qint64(m.averageTaskDuration * 1000.0)));
    set("peakMemory", tr("%1 MB").arg(numberText(m.peakMemoryMb, 1)));
    set("cpu", tr("%1 %").arg(numberText(m.cpuUsagePercent, 1)));
    set("retries", QLocale().toString(m.retryCount));
    set("cacheHitRate", tr("%1 %").arg(numberText(m.cacheHitRate * 100.0)));
}

/// Sums the tasks' resources over time. Each attempt counts from its start to its end with its
/// latest memory sample and its CPU rate since its previous sample; its end closes the last
/// interval with the attempt's own CPU total (a task shorter than the sampling interval has one
/// sample or none, and its CPU time only there).
void RunMetricsView::loadSamples(const RunStore &store, const FlowRunRecord &run) {
    struct Key {
        QString task;
        int mapIndex;
        int attempt;
        bool operator<(const Key &o) const {
            return std::tie(task, mapIndex, attempt) < std::tie(o.task, o.mapIndex, o.attempt);
        }
    };
    enum Kind { Start, Sample, End };  // at one instant, in this order
    struct Change {
        qint64 timeMs;
        Kind kind;
        Key key;
        qint64 rss;
        double cpu;
    };
    struct Live {
        qint64 rss = 0;
        double cpu = 0, rate = 0;
        qint64 timeMs = 0;
    };
    std::vector<Change> changes;
    if (!run.id.isEmpty()) {
        for (const StoredSample &stored : store.metricSamples(run.id)) {
            const MetricSample &s = stored.sample;
            changes.push_back({s.timeMs, Sample, {s.task, s.mapIndex, s.attempt}, s.rssBytes, s.cpuSeconds});
        }
        for (const AttemptRecord &a : store.attempts(run.id)) {
            if (a.startMs <= 0) continue;
            changes.push_back({a.startMs, Start, {a.task, a.mapIndex, a.attempt}, 0, 0});
            if (a.endMs > 0)
                changes.push_back({a.endMs, End, {a.task, a.mapIndex, a.attempt}, 0, a.cpuSeconds});
        }
    }
    std::stable_sort(changes.begin(), changes.end(), [](const Change &a, const Change &b) {
        return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.kind < b.kind;
    });
    const qint64 origin = run.startMs > 0 ? run.startMs : (changes.empty() ? 0 : changes.front().timeMs);
    std::map<Key, Live> live;
    QList<QPointF> cpu, memory;
    const auto addPoint = [&](qint64 timeMs) {
        qint64 rss = 0;
        double rate = 0;
        for (const auto &[key, l] : live) {
            rss += l.rss;
            rate += l.rate;
        }
        const double x = double(timeMs - origin) / 1000.0;
        cpu << QPointF(x, std::max(0.0, rate * 100.0));
        memory << QPointF(x, bytesToMb(rss));
    };
    for (size_t i = 0; i < changes.size();) {
        const qint64 at = changes[i].timeMs;
        std::vector<Key> ended;
        for (; i < changes.size() && changes[i].timeMs == at; ++i) {
            const Change &c = changes[i];
            Live &l = live[c.key];
            if (c.kind == Start) {
                l = Live{0, 0, 0, at};
                continue;
            }
            if (l.timeMs > 0 && at > l.timeMs) l.rate = (c.cpu - l.cpu) * 1000.0 / double(at - l.timeMs);
            l.cpu = std::max(l.cpu, c.cpu);
            l.timeMs = at;
            if (c.kind == Sample)
                l.rss = c.rss;
            else
                ended.push_back(c.key);
        }
        addPoint(at);
        if (ended.empty()) continue;
        for (const Key &key : ended) live.erase(key);
        addPoint(at);  // the drop when attempts end
    }
    m_cpu->replace(thinned(cpu));
    m_memory->replace(thinned(memory));
    const auto axis = [this](QAbstractSeries *series, Qt::Orientation o) {
        const QList<QAbstractAxis *> axes = m_resourceChart->axes(o, series);
        return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.front());
    };
    const auto top = [](const QList<QPointF> &points) {
        double y = 0;
        for (const QPointF &p : points) y = std::max(y, p.y());
        return y;
    };
    const double duration = run.startMs > 0 && run.endMs > run.startMs
                                ? double(run.endMs - run.startMs) / 1000.0
                                : (cpu.isEmpty() ? 1.0 : cpu.last().x());
    m_wholeRun = {0.0, std::max(duration, 0.1)};
    axis(m_cpu, Qt::Vertical)->setRange(0, std::max(10.0, top(cpu) * 1.1));
    axis(m_memory, Qt::Vertical)->setRange(0, std::max(1.0, top(memory) * 1.1));
    for (QValueAxis *a : {axis(m_cpu, Qt::Vertical), axis(m_memory, Qt::Vertical)})
        a->applyNiceNumbers();  // ticks at round values
    showTimeRange();
}

void RunMetricsView::alignTime(double fromSeconds, double toSeconds) {
    m_aligned = {fromSeconds, std::max(fromSeconds, toSeconds)};
    showTimeRange();
}

QPair<double, double> RunMetricsView::timeRange() const {
    const QList<QAbstractAxis *> axes = m_resourceChart->axes(Qt::Horizontal, m_cpu);
    const auto *time = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.front());
    return time ? qMakePair(time->min(), time->max()) : qMakePair(0.0, 0.0);
}

void RunMetricsView::showTimeRange() {
    const QList<QAbstractAxis *> axes = m_resourceChart->axes(Qt::Horizontal, m_cpu);
    auto *time = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.front());
    if (!time) return;
    // The timeline's range when it has one, so both show the same seconds; else the whole run.
    if (m_aligned.second > m_aligned.first) {
        time->setRange(m_aligned.first, m_aligned.second);
        return;
    }
    time->setRange(m_wholeRun.first, m_wholeRun.second);
    time->applyNiceNumbers();
}

void RunMetricsView::loadRecentRuns(const RunStore &store, const FlowRunRecord &run) {
    m_recent->clear();
    RunFilter filter;
    filter.flowName = run.flowName;
    filter.limit = kRecentRuns;
    std::vector<FlowRunRecord> runs =
        run.flowName.isEmpty() ? std::vector<FlowRunRecord>{} : store.listRuns(filter);
    runs.erase(std::remove_if(runs.begin(), runs.end(),
                              [](const FlowRunRecord &r) {
                                  return r.startMs <= 0 || r.endMs <= 0 || !r.parentRunId.isEmpty();
                              }),
               runs.end());
    std::reverse(runs.begin(), runs.end());  // oldest on the left
    // One set per outcome, each run's bar in its outcome's set only: bars coloured by outcome.
    QMap<QString, QBarSet *> sets;
    for (const FlowRunRecord &r : runs) {
        const QString state = toString(r.state);
        if (!sets.contains(state)) {
            auto *set = new QBarSet(stateText(r.state));
            set->setColor(stateColour(r.state));
            set->setBorderColor(stateColour(r.state).darker(130));
            sets.insert(state, set);
        }
    }
    QStringList categories;
    double longest = 0;
    for (size_t i = 0; i < runs.size(); ++i) {
        const FlowRunRecord &r = runs[i];
        const double seconds = double(r.endMs - r.startMs) / 1000.0;
        longest = std::max(longest, seconds);
        for (auto it = sets.begin(); it != sets.end(); ++it)
            *it.value() << (it.key() == toString(r.state) ? seconds : 0.0);
        // Categories must be unique: the start time, and the run's id when two share a second.
        QString label = QDateTime::fromMSecsSinceEpoch(r.startMs).toString(clockFormat());
        if (r.id == run.id) label = tr("this run");
        if (categories.contains(label)) label += QLatin1Char(' ') + r.id.left(8);
        categories << label;
    }
    for (QBarSet *set : sets) m_recent->append(set);
    m_recentCount = int(runs.size());
    const QList<QAbstractAxis *> x = m_recentChart->axes(Qt::Horizontal, m_recent);
    if (auto *cats = x.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis *>(x.front())) {
        cats->clear();
        cats->append(categories);
        cats->setLabelsAngle(categories.size() > 8 ? -60 : 0);
    }
    const QList<QAbstractAxis *> y = m_recentChart->axes(Qt::Vertical, m_recent);
    if (auto *seconds = y.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(y.front())) {
        seconds->setRange(0, std::max(0.1, longest * 1.1));
        seconds->applyNiceNumbers();
    }
}

}  // namespace flowdeck
