#pragma once
/// @file The run detail's metrics: the run's FlowMetrics figures as cards, its CPU and memory over
/// time (summed over its tasks, from the stored samples) and its flow's recent runs.

#include "run/RunRecords.h"

#include <QHash>
#include <QPair>
#include <QWidget>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;
class QLineSeries;
class QStackedBarSeries;

namespace flowdeck {

class RunStore;

class RunMetricsView : public QWidget {
    Q_OBJECT
public:
    explicit RunMetricsView(QWidget *parent = nullptr);

    /// Reads the run's metrics, samples and its flow's recent runs again.
    void load(const RunStore &store, const FlowRunRecord &run);

    /// The keys of the cards, in the order they are shown.
    static QStringList cardKeys();
    /// The text a card shows ("3", "1.2 s", "42.0 MB"); empty for an unknown key.
    QString cardValue(const QString &key) const;
    const FlowMetrics &metrics() const { return m_metrics; }

    /// CPU (% of one core) and memory (MB) against seconds since the run started.
    QLineSeries *cpuSeries() const { return m_cpu; }
    QLineSeries *memorySeries() const { return m_memory; }
    /// The flow's recent finished runs, oldest first, one bar each in its outcome's colour.
    QStackedBarSeries *recentRunsSeries() const { return m_recent; }
    int recentRunCount() const { return m_recentCount; }
    QChartView *resourceChart() const { return m_resourceView; }
    /// Shows seconds @p fromSeconds .. @p toSeconds since the run's start on the resource chart
    /// (the timeline's visible range), instead of the whole run; an empty range shows the whole run.
    void alignTime(double fromSeconds, double toSeconds);
    /// The seconds the resource chart shows.
    QPair<double, double> timeRange() const;
    QChartView *recentRunsChart() const { return m_recentView; }

private:
    void buildCards(QGridLayout *grid);
    void showCards();
    void loadSamples(const RunStore &store, const FlowRunRecord &run);
    void loadRecentRuns(const RunStore &store, const FlowRunRecord &run);
    void showTimeRange();

    FlowMetrics m_metrics;
    QHash<QString, QLabel *> m_cards;
    QLineSeries *m_cpu = nullptr;
    QLineSeries *m_memory = nullptr;
    QChart *m_resourceChart = nullptr;
    QChartView *m_resourceView = nullptr;
    QStackedBarSeries *m_recent = nullptr;
    QChart *m_recentChart = nullptr;
    QChartView *m_recentView = nullptr;
    int m_recentCount = 0;
    QPair<double, double> m_wholeRun{0, 1};
    QPair<double, double> m_aligned{0, 0};  ///< empty: the whole run
};

}  // namespace flowdeck
