// How fast the flow editor is on big flows: open (load + scene), and frame times for panning,
// zooming and dragging a node, rendered off-screen, and each kind of edit with its undo and redo.
// Prints figures; goals in issue 8: at 5,000 tasks open <= 300 ms, frames and every edit, undo
// and redo <= 16 ms. BENCH_EDITS_ONLY=1 skips the frames (to profile the edits).
//
//   QT_QPA_PLATFORM=offscreen build/bench/bench_editor [TASKS...]
#include "editor/FlowDocument.h"
#include "editor/FlowScene.h"
#include "editor/FlowView.h"
#include "editor/NodeItem.h"
#include "flow/FlowFile.h"
#include "flow/FlowValidator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace flowdeck;

namespace {

constexpr int framesPerCase = 60;
constexpr int editRounds = 5;
// The goals at 5,000 tasks: each edit and its undo and redo within a frame, open in 0.3 s.
constexpr double editGoalMs = 16;
constexpr double openGoalMs = 300;

/// A layered DAG of @p count tasks: about sqrt(count) layers, each task after one or two tasks of
/// the layer before, every kind represented, some mapped, positioned in a grid like a laid-out flow.
Flow layeredFlow(int count) {
    Flow flow;
    flow.name = QStringLiteral("bench-%1").arg(count);
    Parameter items;
    items.name = "items";
    items.type = ParameterType::List;
    items.defaultValue = QVariantList{"a", "b"};
    flow.parameters.push_back(items);
    const int perLayer = std::max(1, int(std::sqrt(double(count))));
    const TaskKind kinds[] = {TaskKind::Shell, TaskKind::Python, TaskKind::Noop, TaskKind::Sleep, TaskKind::Shell};
    for (int i = 0; i < count; ++i) {
        const int layer = i / perLayer, row = i % perLayer;
        Task t;
        t.name = QStringLiteral("task_%1").arg(i);
        t.kind = kinds[i % 5];
        if (hasScript(t.kind)) t.script = QStringLiteral("echo step %1\n").arg(i);
        if (t.kind == TaskKind::Sleep) t.sleepSeconds = 1;
        if (i % 17 == 0) t.mapOver = "items";
        if (layer > 0) {
            const int base = (layer - 1) * perLayer;
            t.after.push_back({QStringLiteral("task_%1").arg(base + row), BranchOutcome::Any});
            const int other = (row * 7 + 3) % perLayer;
            if (row % 3 == 0 && other != row) t.after.push_back({QStringLiteral("task_%1").arg(base + other), BranchOutcome::Any});
        }
        flow.tasks.push_back(t);
        flow.layout.insert(t.name, {layer * 240.0, row * 120.0});
    }
    return flow;
}

struct Stats {
    double median = 0;
    double p95 = 0;
};

Stats statsOf(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(ms.size() * 0.95))]};
}

/// Times @p frames frames: each applies @p step, then renders the view. "grab" renders the whole
/// view into a QImage (an upper bound: every pixel, every visible item); "update" lets Qt paint
/// what changed into the window's backing store, as it does for a screen (MinimalViewportUpdate,
/// scrolling by blit).
void measure(const char *what, FlowView *view, const std::function<void(int)> &step) {
    std::vector<double> grab, repaint;
    QElapsedTimer clock;
    for (int i = 0; i < framesPerCase; ++i) {
        clock.start();
        step(i);
        QApplication::processEvents();  // the posted UpdateRequest paints the dirty region
        repaint.push_back(clock.nsecsElapsed() / 1e6);
    }
    for (int i = 0; i < framesPerCase; ++i) {
        clock.start();
        step(i + framesPerCase);
        QApplication::processEvents();
        const QImage frame = view->grab().toImage();
        grab.push_back(clock.nsecsElapsed() / 1e6);
        if (frame.isNull()) std::printf("  (empty frame)\n");
    }
    const Stats r = statsOf(repaint), g = statsOf(grab);
    std::printf("  %-28s update median %6.2f ms  p95 %6.2f ms | full grab median %6.2f ms  p95 %6.2f ms\n", what,
                r.median, r.p95, g.median, g.p95);
}

double msSince(const QElapsedTimer &clock) { return clock.nsecsElapsed() / 1e6; }

double median(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

/// Times @p edit, its undo and its redo (the median of a few rounds, each ending undone so the
/// flow is as it was); the scene follows the document, so its updates are in the figures.
void timeEdit(const char *what, FlowDocument &document, const std::function<void()> &edit) {
    std::vector<double> done, undone, redone, validated;
    QUndoStack *stack = document.undoStack();
    QElapsedTimer clock;
    for (int round = 0; round < editRounds; ++round) {
        const int before = stack->index();
        clock.start();
        edit();
        done.push_back(msSince(clock));
        if (stack->index() == before) {
            std::printf("  %-12s (made no undo step)\n", what);
            return;
        }
        // The validation an edit queues, and the views showing its problems, at the next pass.
        clock.start();
        QApplication::processEvents();
        validated.push_back(msSince(clock));
        clock.start();
        stack->undo();
        undone.push_back(msSince(clock));
        QApplication::processEvents();
        clock.start();
        stack->redo();
        redone.push_back(msSince(clock));
        QApplication::processEvents();
        stack->undo();
        QApplication::processEvents();
    }
    const double worst = std::max({median(done), median(undone), median(redone)});
    std::printf("  %-10s %6.2f ms, undo %6.2f, redo %6.2f  %s (goal <= %.0f ms) | then validation + problems shown %6.2f ms\n",
                what, median(done), median(undone), median(redone), worst <= editGoalMs ? "ok  " : "SLOW", editGoalMs,
                median(validated));
}

void benchEdits(int count, FlowDocument &document) {
    // A task in the middle with upstreams and downstreams, and one two layers further on.
    const int perLayer = std::max(1, int(std::sqrt(double(count))));
    const QString middle = QStringLiteral("task_%1").arg((perLayer / 2) * perLayer);
    const QString later = QStringLiteral("task_%1").arg((perLayer / 2 + 2) * perLayer + 1);
    std::printf("  edits at %d tasks, each the median of %d rounds (the scene follows):\n", count, editRounds);
    timeEdit("add", document, [&] {
        Task t;
        t.name = "extra";
        document.addTask(t, {0, -200});
    });
    timeEdit("delete", document, [&] { document.removeTasks({middle}); });
    timeEdit("move", document, [&] { document.moveTasks({{middle, QPointF(40, -300)}}); });
    timeEdit("connect", document, [&] {
        QString why;
        if (!document.connectTasks(middle, later, BranchOutcome::Any, &why)) std::printf("  (refused: %s)\n", qPrintable(why));
    });
    timeEdit("rename", document, [&] { document.renameTask(middle, middle + "_renamed"); });
    timeEdit("set field", document, [&] {
        Task changed = *document.task(middle);
        changed.retries = 3;
        document.updateTask(middle, changed, "Set retries");
    });
    // What a save pays after an edit: the user's text with the edit patched in.
    Task changed = *document.task(middle);
    changed.retries = 3;
    document.updateTask(middle, changed, "Set retries");
    QElapsedTimer clock;
    clock.start();
    const QByteArray text = document.text();
    std::printf("  text to save after an edit (patching the file, %lld bytes): %.1f ms\n", qint64(text.size()), msSince(clock));
    document.undoStack()->undo();
    if (!document.problems().empty())
        std::printf("  (unexpected: %s)\n", qPrintable(document.problems().front().toString()));
}

void bench(int count, const QString &dir) {
    std::printf("\n%d tasks\n", count);
    const QString path = QStringLiteral("%1/bench-%2.flow.yaml").arg(dir).arg(count);
    FlowFile::save(layeredFlow(count), path);

    QElapsedTimer clock;
    clock.start();
    FlowDocument document;
    QString error;
    if (!document.load(path, &error)) {
        std::printf("  cannot load: %s\n", qPrintable(error));
        return;
    }
    const double loadMs = clock.nsecsElapsed() / 1e6;
    auto *scene = new FlowScene(&document, &document);
    const double sceneMs = clock.nsecsElapsed() / 1e6 - loadMs;
    FlowView view(scene);
    view.resize(1600, 1000);
    view.show();
    view.zoomToActualSize();
    view.centerOn(scene->node("task_0")->sceneBodyRect().center() + QPointF(700, 400));
    QApplication::processEvents();
    view.viewport()->repaint();
    const double openMs = clock.nsecsElapsed() / 1e6;
    std::printf("  open: %.0f ms %s (load+validate %.0f ms, build scene %.0f ms, first frame %.0f ms)  [%d nodes, %d edges]\n",
                openMs, openMs <= openGoalMs ? "ok  " : "SLOW", loadMs, sceneMs, openMs - loadMs - sceneMs, scene->nodeCount(), int(scene->edges().size()));

    if (!qEnvironmentVariableIsEmpty("BENCH_EDITS_ONLY")) {  // for profiling the edits alone
        benchEdits(count, document);
        return;
    }
    measure("pan at 100%", &view, [&](int i) {
        QScrollBar *bar = view.horizontalScrollBar();
        bar->setValue(bar->value() + ((i / 30) % 2 ? -12 : 12));
    });
    measure("drag a node at 100%", &view, [&, drag = FlowDocument::newDragId()](int i) {
        const QPointF start(240.0 * 3, 120.0 * 3);
        document.moveTasks({{"task_" + QString::number(3 * int(std::sqrt(double(count))) + 3),
                             start + QPointF(4.0 * (i % 40), 2.0 * (i % 40))}}, drag);
    });
    measure("zoom 100% <-> 25% (wheel)", &view, [&](int i) {
        const bool in = (i / 15) % 2;  // 15 steps out, 15 back in
        view.zoomBy(in ? 1.0966 : 1 / 1.0966, view.viewport()->rect().center());
    });
    view.fitAll();
    std::printf("  (fit all: zoom %.3f)\n", view.zoom());
    measure("pan with all in view", &view, [&](int i) {
        QScrollBar *bar = view.horizontalScrollBar();
        bar->setValue(bar->value() + ((i / 30) % 2 ? -12 : 12));
    });

    benchEdits(count, document);
}

}  // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(QString::fromLocal8Bit(argv[i]).toInt());
    if (sizes.empty()) sizes = {1000, 5000};
    std::printf("bench_editor: view 1600x1000, %d frames per case, platform %s\n", framesPerCase,
                qPrintable(QGuiApplication::platformName()));
    for (int n : sizes) bench(n, dir.path());
    return 0;
}
