// The run detail's tabs: the timeline (one row per task, a segment per attempt, mapped tasks
// collapsed into a row that expands, zoom, pan, the cursor, 10,000 tasks) and the metrics (cards,
// the resource chart, recent runs). Offscreen, on real SQLite files with rows written through
// RunStore, and on a real run of a flaky task through the engine.
#include "../common/IsolatedSettings.h"
#include "../common/TestWorkspace.h"
#include "runs/RunDetail.h"
#include "runs/RunMetricsView.h"
#include "runs/RunStateColours.h"
#include "runs/RunTimeline.h"
#include "runs/TaskRunsModel.h"
#include "store/RunStore.h"
#include "workspace/RunLauncher.h"

#include <QBarSet>
#include <QLineSeries>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>
#include <QUuid>
#include <QtTest>

using namespace flowdeck;

namespace {

constexpr qint64 kT0 = 1'790'000'000'000;  // a fixed start, so instants in the tests are plain

/// A run written row by row through RunStore into a real database file.
class StoredRun {
public:
    explicit StoredRun(RunStore &store, const QStringList &tasks,
                       const QString &flow = QStringLiteral("shop"), RunState state = RunState::Running)
        : m_store(store) {
        QByteArray yaml = "apiVersion: flowdeck/v1\nkind: Flow\nname: " + flow.toUtf8() + "\ntasks:\n";
        QString previous;
        for (const QString &t : tasks) {
            yaml += "  " + t.toUtf8() + ":\n    kind: noop\n";
            if (!previous.isEmpty()) yaml += "    after: [" + previous.toUtf8() + "]\n";
            previous = t;
        }
        record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        record.flowName = flow;
        record.flowSnapshot = yaml;
        record.state = state;
        record.taskCount = int(tasks.size());
        record.createdMs = kT0;
        record.startMs = kT0;
        if (!store.createRun(record)) qFatal("cannot create the run");
    }

    /// One attempt of @p task from @p startMs to @p endMs (0: still going) in @p state.
    void attempt(const QString &task, int attempt, qint64 startMs, qint64 endMs, RunState state,
                 int mapIndex = -1) {
        post(task, mapIndex, attempt, RunState::Running, startMs);
        if (endMs > 0) post(task, mapIndex, attempt, state, endMs);
    }
    void post(const QString &task, int mapIndex, int attempt, RunState state, qint64 timeMs) {
        RunEvent e;
        e.runId = record.id;
        e.task = task;
        e.mapIndex = mapIndex;
        e.attempt = attempt;
        e.state = state;
        e.timeMs = timeMs;
        m_store.post(e);
    }
    void sample(const QString &task, qint64 timeMs, qint64 rssBytes, double cpuSeconds) {
        MetricSample s;
        s.runId = record.id;
        s.task = task;
        s.attempt = 1;
        s.timeMs = timeMs;
        s.rssBytes = rssBytes;
        s.cpuSeconds = cpuSeconds;
        m_store.post(s);
    }
    void finish(RunState state, qint64 endMs) {
        RunEvent e;
        e.runId = record.id;
        e.state = state;
        e.timeMs = endMs;
        m_store.post(e);
        m_store.flush();
    }

    FlowRunRecord record;

private:
    RunStore &m_store;
};

/// The viewport point in the middle of timeline row @p row, or (-1, -1).
QPoint centreOfRow(const RunTimeline &timeline, int row) {
    for (int y = 0; y < timeline.viewport()->height(); ++y)
        if (timeline.rowAt(y) == row)
            return QPoint(timeline.xOf((timeline.viewStartMs() + timeline.viewEndMs()) / 2),
                          y + RunTimeline::kRowHeight / 2);
    return QPoint(-1, -1);
}

QStringList rowTasks(const RunTimeline &timeline) {
    QStringList tasks;
    for (int row = 0; row < timeline.rowCount(); ++row) tasks << timeline.rowTask(row);
    return tasks;
}

}  // namespace

class TestRunDetailViews : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<RunStore> m_store;

    /// A fresh database per test: what one test writes another does not see.
    RunStore &freshStore() {
        static int n = 0;
        m_store.reset();
        QString error;
        m_store = RunStore::open(m_dir.filePath(QStringLiteral("runs%1.db").arg(++n)), &error);
        if (!m_store) qFatal("cannot open the store: %s", qPrintable(error));
        return *m_store;
    }

    /// extract, then load (failed once, then completed), then report still running.
    StoredRun threeTasks(RunStore &store) {
        StoredRun run(store, {"extract", "load", "report"});
        run.attempt("extract", 1, kT0, kT0 + 1000, RunState::Completed);
        run.attempt("load", 1, kT0 + 1000, kT0 + 2000, RunState::Failed);
        run.attempt("load", 2, kT0 + 3000, kT0 + 5000, RunState::Completed);
        run.attempt("report", 1, kT0 + 5000, 0, RunState::Running);
        store.flush();
        return run;
    }

private slots:
    void initTestCase() {
        flowdeck::test::isolateSettings(m_dir.filePath("settings"), QStringLiteral("test_run_detail_views"));
        qputenv("FLOWDECK_LOG_DIR", m_dir.filePath("logs").toUtf8());
        qputenv("FLOWDECK_TRUST_FILE", m_dir.filePath("trusted").toUtf8());
    }
    void cleanup() { m_store.reset(); }

    void detailHasTasksTimelineAndMetricsTabs() {
        RunStore &store = freshStore();
        const StoredRun run = threeTasks(store);
        RunDetail detail(store, run.record.id);
        QTabWidget *tabs = detail.views();
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Tasks && logs"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Timeline"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("Metrics"));
        QCOMPARE(tabs->widget(1), detail.timeline());
        QCOMPARE(tabs->widget(2), detail.metricsView());
        QCOMPARE(tabs->currentIndex(), 0);
        QCOMPARE(detail.taskModel()->rowCount(), 3);
    }

    // File › Export trace of the issue: the run detail writes what `flowdeck-cli runs trace`
    // prints, in both formats, byte for byte.
    void exportTraceWritesWhatTheCliPrints() {
        RunStore &store = freshStore();
        // Finished: a running attempt's trace ends at the wall clock, which moves between the two.
        StoredRun run(store, {"extract", "load"});
        run.attempt("extract", 1, kT0, kT0 + 1000, RunState::Completed);
        run.attempt("load", 1, kT0 + 1000, kT0 + 2000, RunState::Failed);
        run.attempt("load", 2, kT0 + 3000, kT0 + 5000, RunState::Completed);
        run.post(QString(), -1, 0, RunState::Completed, kT0 + 5000);  // the run's own end
        store.flush();
        RunDetail detail(store, run.record.id);
        QTemporaryDir out;
        for (const auto &[format, name] : {std::pair{TraceFormat::Chrome, QStringLiteral("chrome")},
                                           std::pair{TraceFormat::Otlp, QStringLiteral("otlp")}}) {
            const QString path = out.filePath(name + QStringLiteral(".json"));
            detail.setChooseTraceFile([&](const QString &suggested, TraceFormat *chosen) {
                [&] { QVERIFY(suggested.endsWith(run.record.id.left(8) + QStringLiteral(".json"))); }();
                *chosen = format;
                return path;
            });
            QVERIFY(detail.exportTrace());
            QFile written(path);
            QVERIFY(written.open(QIODevice::ReadOnly));
            QProcess cli;
            cli.start(qEnvironmentVariable("FLOWDECK_CLI"),
                      {"runs", "trace", run.record.id, "--format", name, "--db", store.path()});
            QVERIFY(cli.waitForFinished(30000));
            QCOMPARE(cli.exitCode(), 0);
            const QByteArray printed = cli.readAllStandardOutput();
            QVERIFY(printed.contains(name == QLatin1String("otlp") ? "resourceSpans" : "traceEvents"));
            QCOMPARE(written.readAll(), printed);
        }
        // Cancelled: nothing written, no message.
        detail.setChooseTraceFile([](const QString &, TraceFormat *) { return QString(); });
        QVERIFY(!detail.exportTrace());
    }

    void timelineHasARowPerTaskInFlowOrderAndASegmentPerAttempt() {
        RunStore &store = freshStore();
        const StoredRun run = threeTasks(store);
        RunDetail detail(store, run.record.id);
        detail.views()->setCurrentWidget(detail.timeline());
        const RunTimeline *timeline = detail.timeline();
        QCOMPARE(rowTasks(*timeline), QStringList({"extract", "load", "report"}));
        const auto load = timeline->segmentsOf("load");
        QCOMPARE(int(load.size()), 2);  // the retry is a segment of its own
        QCOMPARE(load[0].attempt, 1);
        QCOMPARE(toString(load[0].state), QStringLiteral("Failed"));
        QCOMPARE(load[0].startMs, kT0 + 1000);
        QCOMPARE(load[0].endMs, kT0 + 2000);
        QCOMPARE(load[1].attempt, 2);
        QCOMPARE(toString(load[1].state), QStringLiteral("Completed"));
        QCOMPARE(int(timeline->segmentsOf("extract").size()), 1);
        QCOMPARE(timeline->segmentsOf("report")[0].endMs, qint64(0));  // still going
        QCOMPARE(timeline->tasksRunningAt(kT0 + 500), QStringList({"extract"}));
        QCOMPARE(timeline->tasksRunningAt(kT0 + 2500), QStringList());  // load waits for its retry
        QCOMPARE(timeline->tasksRunningAt(kT0 + 4000), QStringList({"load"}));
        QCOMPARE(timeline->tasksRunningAt(kT0 + 6000), QStringList({"report"}));
    }

    void aLiveRunsTimelineGrowsAsTasksStart() {
        RunStore &store = freshStore();
        StoredRun run(store, {"first", "second"});
        run.attempt("first", 1, kT0, 0, RunState::Running);
        store.flush();
        RunDetail detail(store, run.record.id);
        detail.views()->setCurrentWidget(detail.timeline());
        QCOMPARE(detail.timeline()->rowCount(), 1);
        run.attempt("first", 1, kT0, kT0 + 100, RunState::Completed);
        run.attempt("second", 1, kT0 + 100, 0, RunState::Running);
        store.flush();
        QTRY_COMPARE_WITH_TIMEOUT(detail.timeline()->rowCount(), 2, 10000);
        QCOMPARE(detail.timeline()->segmentsOf("first")[0].endMs, kT0 + 100);
    }

    void aMappedTaskIsOneRowWithItsCountThatExpandsOnDoubleClick() {
        RunStore &store = freshStore();
        StoredRun run(store, {"fetch", "transform", "publish"});
        run.attempt("fetch", 1, kT0, kT0 + 100, RunState::Completed);
        for (int i = 0; i < 120; ++i)
            run.attempt("transform", 1, kT0 + 100 + i * 10, kT0 + 400 + i * 10, RunState::Completed, i);
        run.post("transform", -1, 0, RunState::Completed, kT0 + 1600);  // the mapped task as a whole
        run.attempt("publish", 1, kT0 + 1600, kT0 + 1700, RunState::Completed);
        run.finish(RunState::Completed, kT0 + 1700);
        RunDetail detail(store, run.record.id);
        detail.resize(1200, 700);
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        detail.views()->setCurrentWidget(detail.timeline());
        RunTimeline *timeline = detail.timeline();
        QCOMPARE(timeline->rowCount(), 3);
        QCOMPARE(timeline->rowLabel(1), QStringLiteral("transform \u00d7120"));
        QCOMPARE(timeline->itemCount("transform"), 120);
        QCOMPARE(int(timeline->segmentsOf("transform").size()), 120);
        QCOMPARE(timeline->tasksRunningAt(kT0 + 450),
                 QStringList({"transform (30 of 120)"}));  // items 6 to 35

        QVERIFY(!timeline->grab().isNull());
        QCOMPARE(timeline->paintedBarCount(), 3);  // the 120 touching items are one bar

        QTest::mouseDClick(timeline->viewport(), Qt::LeftButton, {}, centreOfRow(*timeline, 1));
        QVERIFY(timeline->isExpanded("transform"));
        QVERIFY(!timeline->grab().isNull());
        QVERIFY(timeline->paintedBarCount() > 10);  // one per item row in view
        QCOMPARE(timeline->rowCount(), 3 + 120);
        QCOMPARE(timeline->rowLabel(2), QStringLiteral("transform[0]"));
        QCOMPARE(timeline->rowMapIndex(121), 119);
        QCOMPARE(timeline->rowTask(122), QStringLiteral("publish"));
        QCOMPARE(int(timeline->segmentsOf("transform", 7).size()), 1);
        QCOMPARE(timeline->segmentsOf("transform", 7)[0].startMs, kT0 + 170);

        QTest::mouseDClick(timeline->viewport(), Qt::LeftButton, {}, centreOfRow(*timeline, 1));
        QVERIFY(!timeline->isExpanded("transform"));
        QCOMPARE(timeline->rowCount(), 3);
    }

    void clickingARowSelectsItsTaskInTheTableAndBack() {
        RunStore &store = freshStore();
        const StoredRun run = threeTasks(store);
        RunDetail detail(store, run.record.id);
        detail.resize(1200, 700);
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        detail.views()->setCurrentWidget(detail.timeline());
        RunTimeline *timeline = detail.timeline();
        QSignalSpy clicked(timeline, &RunTimeline::taskClicked);
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, centreOfRow(*timeline, 1));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked[0][0].toString(), QStringLiteral("load"));
        QCOMPARE(timeline->selectedRow(), 1);
        const QModelIndex current = detail.taskView()->currentIndex();
        QCOMPARE(detail.taskModel()->rowAt(current.row())->run.task, QStringLiteral("load"));

        const int reportRow = detail.taskModel()->rowOfTask("report");
        detail.taskView()->selectRow(reportRow);
        QCOMPARE(timeline->selectedRow(), timeline->rowOfTask("report"));
        QCOMPARE(clicked.count(), 1);  // selecting from the table does not echo back
    }

    void wheelZoomsAroundTheCursorAndDragPans() {
        RunStore &store = freshStore();
        const StoredRun run = threeTasks(store);
        RunTimeline timeline;
        timeline.load(store, *store.run(run.record.id));
        timeline.resize(1000, 400);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        timeline.setViewRange(kT0, kT0 + 10000);
        const int x = timeline.xOf(kT0 + 2500);
        const qint64 under = timeline.timeAt(x);
        QWheelEvent wheel(QPointF(x, 100), timeline.viewport()->mapToGlobal(QPointF(x, 100)), {},
                          QPoint(0, 480), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(timeline.viewport(), &wheel);
        const qint64 span = timeline.viewEndMs() - timeline.viewStartMs();
        QVERIFY2(span < 10000 / 2, qPrintable(QString::number(span)));  // zoomed in
        QVERIFY(qAbs(timeline.timeAt(x) - under) <= span / 500 + 1);    // around the cursor

        const qint64 startBefore = timeline.viewStartMs();
        const double perPixel =
            double(span) / (timeline.xOf(timeline.viewEndMs()) - timeline.xOf(timeline.viewStartMs()));
        QTest::mousePress(timeline.viewport(), Qt::LeftButton, {}, QPoint(x, 100));
        QTest::mouseMove(timeline.viewport(), QPoint(x - 200, 100));
        QTest::mouseRelease(timeline.viewport(), Qt::LeftButton, {}, QPoint(x - 200, 100));
        const qint64 moved = timeline.viewStartMs() - startBefore;
        QVERIFY2(qAbs(double(moved) - 200 * perPixel) <= 2 * perPixel + 2,
                 qPrintable(QString::number(moved)));  // later in time
        QCOMPARE(timeline.viewEndMs() - timeline.viewStartMs(), span);
    }

    void theCursorFollowsTheMouseAndNamesWhatRuns() {
        RunStore &store = freshStore();
        const StoredRun run = threeTasks(store);
        RunTimeline timeline;
        timeline.load(store, *store.run(run.record.id));
        timeline.resize(1000, 400);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        timeline.setViewRange(kT0, kT0 + 10000);
        const int x = timeline.xOf(kT0 + 4000);
        QTest::mouseMove(timeline.viewport(), QPoint(x, 80));
        QTRY_VERIFY(timeline.cursorMs() > 0);
        QVERIFY(qAbs(timeline.cursorMs() - (kT0 + 4000)) < 50);
        QCOMPARE(timeline.tasksRunningAt(timeline.cursorMs()), QStringList({"load"}));
        QVERIFY(!timeline.grab().isNull());  // paints the cursor and its label
    }

    void tenThousandTasksPaintOnlyTheRowsInView() {
        RunStore &store = freshStore();
        QStringList names;
        for (int i = 0; i < 10000; ++i) names << QStringLiteral("t%1").arg(i, 5, 10, QLatin1Char('0'));
        StoredRun run(store, names, QStringLiteral("wide"));
        for (int i = 0; i < 10000; ++i) run.attempt(names[i], 1, kT0 + i, kT0 + i + 50, RunState::Completed);
        run.finish(RunState::Completed, kT0 + 10050);
        RunDetail detail(store, run.record.id);
        detail.resize(1400, 900);
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        detail.views()->setCurrentWidget(detail.timeline());
        RunTimeline *timeline = detail.timeline();
        QCOMPARE(timeline->rowCount(), 10000);
        QCOMPARE(timeline->rowTask(0), QStringLiteral("t00000"));
        QCOMPARE(timeline->rowTask(9999), QStringLiteral("t09999"));
        QVERIFY(!timeline->grab().isNull());
        QVERIFY(timeline->paintedRowCount() > 10);
        QVERIFY2(timeline->paintedRowCount() < 100, qPrintable(QString::number(timeline->paintedRowCount())));
        timeline->selectTask("t09999");  // scrolls to the end
        QVERIFY(!timeline->grab().isNull());
        QVERIFY(timeline->paintedRowCount() < 100);
        QCOMPARE(timeline->rowAt(timeline->viewport()->height() - 2), 9999);
        QCOMPARE(int(timeline->tasksRunningAt(kT0 + 5000).size()), 50);
    }

    void metricsCardsShowTheStoresFigures() {
        RunStore &store = freshStore();
        StoredRun run(store, {"extract", "load", "report"});
        run.attempt("extract", 1, kT0, kT0 + 1000, RunState::Completed);
        run.attempt("load", 1, kT0 + 1000, kT0 + 2000, RunState::Failed);
        run.attempt("load", 2, kT0 + 3000, kT0 + 5000, RunState::Failed);
        run.post("report", -1, 0, RunState::Skipped, kT0 + 5000);
        run.sample("extract", kT0 + 500, 40'000'000, 0.2);
        run.finish(RunState::Failed, kT0 + 6000);
        RunDetail detail(store, run.record.id);
        detail.views()->setCurrentWidget(detail.metricsView());
        const RunMetricsView *view = detail.metricsView();
        const FlowMetrics m = store.metrics(run.record.id);
        QCOMPARE(m.totalTasks, 3);
        QCOMPARE(view->cardValue("tasks"), QStringLiteral("3"));
        QCOMPARE(view->cardValue("completed"), QString::number(m.completedTasks));
        QCOMPARE(view->cardValue("completed"), QStringLiteral("1"));
        QCOMPARE(view->cardValue("failed"), QStringLiteral("1"));
        QCOMPARE(view->cardValue("skipped"), QString::number(m.skippedTasks));
        QCOMPARE(view->cardValue("retries"), QStringLiteral("1"));
        // In the locale's number format ("6,0 s" on a German desktop: test_translations).
        QCOMPARE(view->cardValue("duration"), QLocale().toString(6.0, 'f', 1) + QStringLiteral(" s"));
        QCOMPARE(view->cardValue("peakMemory"),
                 QLocale().toString(m.peakMemoryMb, 'f', 1) + QStringLiteral(" MB"));
        QCOMPARE(view->cardValue("cpu"),
                 QLocale().toString(m.cpuUsagePercent, 'f', 1) + QStringLiteral(" %"));
        QCOMPARE(view->cardValue("cacheHitRate"),
                 QStringLiteral("%1 %").arg(m.cacheHitRate * 100, 0, 'f', 0));
        QCOMPARE(view->cardValue("averageTask"), durationText(qint64(m.averageTaskDuration * 1000)));
        QCOMPARE(int(RunMetricsView::cardKeys().size()), 11);
    }

    void theResourceChartSumsTheTasksSamples() {
        RunStore &store = freshStore();
        StoredRun run(store, {"a", "b"});
        run.attempt("a", 1, kT0, kT0 + 3000, RunState::Completed);
        run.attempt("b", 1, kT0 + 1000, kT0 + 3000, RunState::Completed);
        run.sample("a", kT0 + 500, 10'000'000, 0.0);
        run.sample("a", kT0 + 1500, 12'000'000, 0.5);  // half a core over that second
        run.sample("b", kT0 + 1500, 30'000'000, 0.0);
        run.sample("b", kT0 + 2500, 30'000'000, 1.0);  // a whole core
        run.finish(RunState::Completed, kT0 + 3000);
        RunDetail detail(store, run.record.id);
        detail.views()->setCurrentWidget(detail.metricsView());
        const RunMetricsView *view = detail.metricsView();
        const QList<QPointF> memory = view->memorySeries()->points();
        const QList<QPointF> cpu = view->cpuSeries()->points();
        // Points at a's start, its first sample, b's start, both samples at 1.5 s, b's at 2.5 s,
        // and both ends at 3 s (the last rates, then the drop).
        QCOMPARE(memory.size(), 7);
        QCOMPARE(cpu.size(), 7);
        QCOMPARE(memory[0], QPointF(0.0, 0.0));
        QCOMPARE(memory[1], QPointF(0.5, 10.0));
        QCOMPARE(memory[2], QPointF(1.0, 10.0));
        QCOMPARE(memory[3], QPointF(1.5, 42.0));  // both tasks' memory at once
        QCOMPARE(memory[4], QPointF(2.5, 42.0));
        QCOMPARE(memory[6], QPointF(3.0, 0.0));  // nothing runs after the ends
        QCOMPARE(cpu[3].y(), 50.0);              // a: half a core over its last second
        QCOMPARE(cpu[4].y(), 150.0);             // a's rate and b's whole core
        QCOMPARE(cpu[6].y(), 0.0);
    }

    void theResourceChartShowsTheTimelinesSeconds() {
        RunStore &store = freshStore();
        const StoredRun run = threeTasks(store);
        RunDetail detail(store, run.record.id);
        detail.views()->setCurrentWidget(detail.metricsView());
        QCOMPARE(detail.metricsView()->timeRange().first, 0.0);  // the whole run before the timeline is seen
        detail.views()->setCurrentWidget(detail.timeline());
        detail.timeline()->setViewRange(kT0 + 1000, kT0 + 4000);
        QCOMPARE(detail.metricsView()->timeRange(), qMakePair(1.0, 4.0));
        detail.timeline()->zoomAt(2.0, detail.timeline()->xOf(kT0 + 2500));
        QCOMPARE(detail.metricsView()->timeRange(), qMakePair(1.75, 3.25));
        detail.timeline()->fitAll();
        QCOMPARE(detail.metricsView()->timeRange().first, 0.0);  // the whole run again
    }

    void aShortTasksCpuComesFromItsAttemptsTotal() {
        RunStore &store = freshStore();
        StoredRun run(store, {"quick"});
        run.sample("quick", kT0 + 20, 8'000'000, 0.0);  // the only sample, before it used any CPU
        RunEvent end;
        end.runId = run.record.id;
        end.task = "quick";
        end.attempt = 1;
        end.state = RunState::Completed;
        end.timeMs = kT0 + 120;
        end.cpuSeconds = 0.05;  // the attempt reports its CPU time when it ends
        run.post("quick", -1, 1, RunState::Running, kT0);
        store.post(end);
        run.finish(RunState::Completed, kT0 + 120);
        RunMetricsView view;
        view.load(store, *store.run(run.record.id));
        const QList<QPointF> cpu = view.cpuSeries()->points();
        QVERIFY(!cpu.isEmpty());
        double top = 0;
        for (const QPointF &p : cpu) top = std::max(top, p.y());
        QCOMPARE(top, 50.0);  // 0.05 s over the last 100 ms
    }

    void recentRunsOfTheFlowAreBarsColouredByOutcome() {
        RunStore &store = freshStore();
        for (RunState outcome : {RunState::Completed, RunState::Failed, RunState::Completed}) {
            StoredRun run(store, {"only"}, QStringLiteral("nightly"));
            run.finish(outcome, kT0 + 2000);
        }
        StoredRun other(store, {"only"}, QStringLiteral("other"));
        other.finish(RunState::Completed, kT0 + 1000);
        StoredRun live(store, {"only"}, QStringLiteral("nightly"));
        store.flush();
        RunMetricsView view;
        view.load(store, *store.run(live.record.id));
        QCOMPARE(view.recentRunCount(), 3);  // finished runs of this flow only
        const QList<QBarSet *> sets = view.recentRunsSeries()->barSets();
        QCOMPARE(sets.size(), 2);
        QStringList labels;
        for (const QBarSet *set : sets) {
            labels << set->label();
            QCOMPARE(set->count(), 3);
        }
        labels.sort();
        QCOMPARE(labels, QStringList({"Completed", "Failed"}));
        for (const QBarSet *set : sets) {
            const double total = set->sum();
            QCOMPARE(total, set->label() == "Failed" ? 2.0 : 4.0);
        }
    }

    // The pause and approval, from the GUI: a Paused run shows Approve…; a value the
    // input refuses is refused with the core's words and resumes nothing; good values resume
    // it, and the downstream task reads them.
    void approveResumesAPausedRunWithTheFormsValues() {
        test::TestWorkspace ws;
        const QString flowPath = ws.write(QStringLiteral("ship.flow.yaml"),
                   "apiVersion: flowdeck/v1\nkind: Flow\nname: ship\ntasks:\n"
                   "  review:\n    kind: approval\n    inputs:\n      copies:\n        type: int\n        max: 3\n"
                   "  send:\n    kind: shell\n    after: [review]\n"
                   "    script: echo \"got $FLOWDECK_UPSTREAM_REVIEW\"\n");
        const LaunchResult started = ws.start(flowPath);
        QVERIFY(!started.isRefused());
        RunStore &store = ws.session->store();
        QTRY_VERIFY_WITH_TIMEOUT(!store.waitingApprovals(started.runId).isEmpty(), 30000);
        RunDetail detail(store, started.runId);
        QTRY_VERIFY_WITH_TIMEOUT(detail.run().state == RunState::Paused, 30000);
        QVERIFY(!detail.approveButton()->isHidden());

        QStringList problems;
        QVERIFY(!detail.approveWith(QStringLiteral("review"), {{"copies", 7}}, &problems));
        QVERIFY2(problems.join(' ').contains("copies"), qPrintable(problems.join(' ')));
        QCOMPARE(toString(store.run(started.runId)->state), QStringLiteral("Paused"));

        detail.setApprovalPrompt([](const Task &task) -> std::optional<QVariantMap> {
            [&] { QCOMPARE(task.name, QStringLiteral("review")); }();
            return QVariantMap{{"copies", 2}};
        });
        QVERIFY(detail.approve());
        QTRY_COMPARE_WITH_TIMEOUT(toString(store.run(started.runId)->state), QStringLiteral("Completed"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(detail.approveButton()->isHidden(), 30000);
        bool sent = false;
        for (const StoredLogLine &line : store.logLines(started.runId, 0, 1000))
            sent = sent || line.line.text.contains(QStringLiteral("\"copies\":2"));
        QVERIFY(sent);
    }

    void aRealRunsRetryShowsAsTwoSegments() {
        test::TestWorkspace ws;
        const QByteArray marker = ws.dir.filePath("tried").toUtf8();  // the first attempt leaves it
        const QString flowPath = ws.write(QStringLiteral("flaky.flow.yaml"),
            "apiVersion: flowdeck/v1\nkind: Flow\nname: flaky\ntasks:\n"
            "  prepare:\n    kind: shell\n    script: echo ready\n"
            "  flaky:\n    kind: shell\n    after: [prepare]\n    retries: 1\n    retry_delay: 0s\n"
            "    script: test -f '" +
            marker + "' || { touch '" + marker + "'; exit 1; }\n");
        const LaunchResult result = ws.runHere(flowPath);
        QCOMPARE(toString(result.state), QStringLiteral("Completed"));
        RunDetail detail(ws.session->store(), result.runId);
        detail.views()->setCurrentWidget(detail.timeline());
        QCOMPARE(rowTasks(*detail.timeline()), QStringList({"prepare", "flaky"}));
        const auto flaky = detail.timeline()->segmentsOf("flaky");
        QCOMPARE(int(flaky.size()), 2);
        QCOMPARE(toString(flaky[0].state), QStringLiteral("Failed"));
        QCOMPARE(toString(flaky[1].state), QStringLiteral("Completed"));
        QVERIFY(flaky[0].endMs <= flaky[1].startMs);
        detail.views()->setCurrentWidget(detail.metricsView());
        QCOMPARE(detail.metricsView()->cardValue("retries"), QStringLiteral("1"));
        QCOMPARE(detail.metricsView()->cardValue("completed"), QStringLiteral("2"));
    }
};

QTEST_MAIN(TestRunDetailViews)
#include "test_run_detail_views.moc"
