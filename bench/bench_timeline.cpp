// How fast the run detail's timeline is on a big run: reading it from the store, and frame times
// for panning, zooming, scrolling and moving the cursor, rendered off-screen. Prints figures;
// the goal in the issue: a 10,000-task timeline pans and zooms at under 16 ms a frame (median,
// as bench_editor; the 99th percentile is printed too, and moves with the machine's load).
//
//   QT_QPA_PLATFORM=offscreen build/bench/bench_timeline [TASKS...]
#include "runs/RunTimeline.h"
#include "store/RunStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace flowdeck;

namespace {

constexpr int kFrames = 60;
constexpr qint64 kT0 = 1'790'000'000'000;

void post(RunStore &store, const QString &runId, const QString &task, int mapIndex, int attempt,
          RunState state, qint64 timeMs) {
    RunEvent e;
    e.runId = runId;
    e.task = task;
    e.mapIndex = mapIndex;
    e.attempt = attempt;
    e.state = state;
    e.timeMs = timeMs;
    store.post(e);
}

/// A finished run of @p count tasks through the store: every tenth task retried once, and one
/// mapped task of a thousand items (a tenth of the tasks when there are fewer).
QString writeRun(RunStore &store, int count) {
    FlowRunRecord run;
    run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.flowName = QStringLiteral("wide");
    run.state = RunState::Running;
    run.taskCount = count;
    run.createdMs = run.startMs = kT0;
    store.createRun(run);
    const int items = std::min(1000, count / 10);
    for (int i = 0; i < count - items; ++i) {
        const QString task = QStringLiteral("task_%1").arg(i, 5, 10, QLatin1Char('0'));
        const qint64 start = kT0 + i * 20;
        if (i % 10 == 0) {
            post(store, run.id, task, -1, 1, RunState::Running, start);
            post(store, run.id, task, -1, 1, RunState::Failed, start + 200);
            post(store, run.id, task, -1, 2, RunState::Running, start + 400);
            post(store, run.id, task, -1, 2, RunState::Completed, start + 900);
        } else {
            post(store, run.id, task, -1, 1, RunState::Running, start);
            post(store, run.id, task, -1, 1, RunState::Completed, start + 500);
        }
    }
    for (int i = 0; i < items; ++i) {
        post(store, run.id, QStringLiteral("fan_out"), i, 1, RunState::Running, kT0 + i * 30);
        post(store, run.id, QStringLiteral("fan_out"), i, 1, RunState::Completed, kT0 + i * 30 + 700);
    }
    RunEvent end;
    end.runId = run.id;
    end.state = RunState::Completed;
    end.timeMs = kT0 + count * 20 + 1000;
    store.post(end);
    store.flush();
    return run.id;
}

struct Figures {
    double median = 0, p99 = 0;
};

/// Times @p frames frames of @p step (which changes the view) each followed by a full render.
Figures frameTimes(RunTimeline &timeline, const std::function<void(int)> &step) {
    QPixmap target(timeline.size());
    timeline.render(&target);  // warm: fonts and the pixmap's first use are not a frame's cost
    std::vector<double> ms;
    for (int i = 0; i < kFrames; ++i) {
        QElapsedTimer clock;
        clock.start();
        step(i);
        timeline.render(&target);
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.99))]};
}

void print(const char *name, const Figures &f) {
    std::printf("  %-28s median %6.2f ms   p99 %6.2f ms   %s\n", name, f.median, f.p99,
                f.median < 16 ? "(goal: median < 16 ms, met)" : "(goal: median < 16 ms, MISSED)");
}

}  // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QList<int> counts;
    for (int i = 1; i < argc; ++i) counts << QString::fromLocal8Bit(argv[i]).toInt();
    if (counts.isEmpty()) counts = {1000, 10000};
    QTemporaryDir dir;
    for (int count : counts) {
        QString error;
        auto store = RunStore::open(dir.filePath(QStringLiteral("runs-%1.db").arg(count)), &error);
        if (!store) {
            std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(error));
            return 1;
        }
        QElapsedTimer clock;
        clock.start();
        const QString runId = writeRun(*store, count);
        const double writeMs = double(clock.elapsed());
        RunTimeline timeline;
        timeline.resize(1400, 900);
        clock.restart();
        timeline.load(*store, *store->run(runId));
        const double loadMs = double(clock.elapsed());
        std::printf("%d tasks (%d rows): written in %.0f ms, read into the timeline in %.0f ms\n", count,
                    timeline.rowCount(), writeMs, loadMs);
        const qint64 span = (timeline.viewEndMs() - timeline.viewStartMs()) / 20;
        timeline.setViewRange(kT0, kT0 + span);
        print("pan (drag in time)", frameTimes(timeline, [&](int i) {
                  timeline.setViewRange(kT0 + i * span / 30, kT0 + i * span / 30 + span);
              }));
        print("zoom (wheel at the cursor)",
              frameTimes(timeline, [&](int i) { timeline.zoomAt(i < 30 ? 1.1 : 1 / 1.1, 700); }));
        print("scroll the rows", frameTimes(timeline, [&](int i) {
                  QScrollBar *bar = timeline.verticalScrollBar();
                  bar->setValue(bar->maximum() * i / kFrames);
              }));
        timeline.fitAll();
        print("whole run, fitted", frameTimes(timeline, [](int) {}));
        timeline.setExpanded(QStringLiteral("fan_out"), true);
        timeline.verticalScrollBar()->setValue(timeline.verticalScrollBar()->maximum());
        print("mapped task expanded",
              frameTimes(timeline, [&](int i) { timeline.zoomAt(i < 30 ? 1.05 : 1 / 1.05, 700); }));
        std::printf("  rows painted per frame: %d of %d\n", timeline.paintedRowCount(), timeline.rowCount());
    }
    return 0;
}
