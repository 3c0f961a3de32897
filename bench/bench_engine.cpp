// Engine benchmarks, each printed with its baseline measured in the same run:
//   noop     10,000 independent noop tasks, every state change persisted   vs a bare QThreadPool
//   shell    1,000 independent `true` shell tasks, 2 at a time            vs make -j2 (SHELL=/bin/bash)
//   chain    200 dependent `true` shell tasks                              vs make with a 200-target chain
//   memory   peak RSS of a 100,000-task noop run (in a child process)      vs the 300 MB goal
// Usage: bench_engine [noop|shell|chain|memory]...   (all when none is given)

#include "engine/FlowRun.h"
#include "store/RunStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>
#include <cstdio>
#include <sys/resource.h>

using namespace flowdeck;

namespace {

Flow noopFlow(int count) {
    Flow flow;
    flow.name = QStringLiteral("bench");
    flow.tasks.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        Task t;
        t.name = QStringLiteral("t%1").arg(i);
        t.kind = TaskKind::Noop;
        flow.tasks.push_back(t);
    }
    return flow;
}

Flow shellFlow(int count, bool chain) {
    Flow flow = noopFlow(count);
    for (int i = 0; i < count; ++i) {
        flow.tasks[size_t(i)].kind = TaskKind::Shell;
        flow.tasks[size_t(i)].script = QStringLiteral("true");
        if (chain && i > 0) flow.tasks[size_t(i)].after.push_back({QStringLiteral("t%1").arg(i - 1), BranchOutcome::Any});
    }
    return flow;
}

double lastSetupSeconds = 0;  // prepare() of the last timeRun: validation and parameters

/// Seconds to run @p flow with a real store in @p dir; exits on failure.
double timeRun(const Flow &flow, const QTemporaryDir &dir, int parallel) {
    QString error;
    auto store = RunStore::open(dir.filePath(QStringLiteral("bench.db")), &error);
    if (!store) qFatal("store: %s", qPrintable(error));
    RunOptions options;
    options.maxParallel = parallel;
    options.runsDirectory = dir.filePath(QStringLiteral("runs"));
    const bool noStore = qEnvironmentVariableIsSet("FLOWDECK_BENCH_NO_STORE");  // to split engine from store cost
    FlowRun run(flow, dir.filePath(QStringLiteral("bench.flow.yaml")), noStore ? nullptr : store.get(), options);
    // Validation and parameter resolution happen once per run, before any task: timed apart.
    QElapsedTimer setup;
    setup.start();
    run.prepare();
    lastSetupSeconds = setup.nsecsElapsed() / 1e9;
    QElapsedTimer clock;
    clock.start();
    const RunState state = run.execute();
    store->flush();  // persisted, not just queued
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (state != RunState::Completed) qFatal("run ended %s: %s", qPrintable(toString(state)), qPrintable(run.message()));
    return seconds;
}

double bareThreadPool(int count) {
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    std::atomic<int> done{0};
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) pool.start([&done] { done.fetch_add(1, std::memory_order_relaxed); });
    pool.waitForDone();
    return clock.nsecsElapsed() / 1e9;
}

double timeMake(const QTemporaryDir &dir, int count, bool chain) {
    QFile makefile(dir.filePath(QStringLiteral("Makefile")));
    makefile.open(QIODevice::WriteOnly);
    QByteArray text = "SHELL=/bin/bash\n.PHONY: all";
    for (int i = 0; i < count; ++i) text += " t" + QByteArray::number(i);
    text += "\nall:" + QByteArray(chain ? " t" + QByteArray::number(count - 1) : QByteArray());
    for (int i = 0; i < count && !chain; ++i) text += " t" + QByteArray::number(i);
    text += "\n";
    for (int i = 0; i < count; ++i) {
        text += "t" + QByteArray::number(i) + ":";
        if (chain && i > 0) text += " t" + QByteArray::number(i - 1);
        text += "\n\t@true\n";
    }
    makefile.write(text);
    makefile.close();
    QProcess make;
    make.setWorkingDirectory(dir.path());
    QElapsedTimer clock;
    clock.start();
    make.start(QStringLiteral("make"), {QStringLiteral("-s"), QStringLiteral("-j2"), QStringLiteral("all")});
    make.waitForFinished(-1);
    if (make.exitCode() != 0) qFatal("make failed: %s", make.readAllStandardError().constData());
    return clock.nsecsElapsed() / 1e9;
}

void benchNoop() {
    const int count = 10000;
    QTemporaryDir dir;
    const double engine = timeRun(noopFlow(count), dir, 2);
    const double bare = bareThreadPool(count);
    std::printf("noop    %6d tasks persisted   %8.0f tasks/s   (goal >= 50000; bare QThreadPool %.0f no-ops/s, ratio %.1fx;"
                " validating the flow took %.0f ms before)\n",
                count, count / engine, count / bare, engine / bare, lastSetupSeconds * 1000);
}

void benchShell(bool chain) {
    const int count = chain ? 200 : 1000;
    QTemporaryDir dir;
    const double make = timeMake(dir, count, chain);
    const double engine = timeRun(shellFlow(count, chain), dir, 2);
    std::printf("%-7s %6d `true` tasks      %8.3f s        (make -j2 %.3f s, ratio %.2fx, goal <= 1.25x)\n",
                chain ? "chain" : "shell", count, engine, make, engine / make);
}

void benchMemory(const char *self) {
    // In a child, so the peak RSS is that of the run alone.
    QProcess child;
    child.start(QString::fromLocal8Bit(self), {QStringLiteral("--memory-child")});
    child.waitForFinished(-1);
    const QByteArray out = child.readAllStandardOutput().trimmed();
    std::printf("memory  100000 noop tasks         %8s MB peak RSS  (goal < 300 MB)\n", out.constData());
}

int memoryChild() {
    QTemporaryDir dir;
    timeRun(noopFlow(100000), dir, 2);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%.1f\n", usage.ru_maxrss / 1024.0);
    return 0;
}

}  // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QStringList which = app.arguments().mid(1);
    if (which.contains(QStringLiteral("--memory-child"))) return memoryChild();
    if (which.isEmpty()) which = {QStringLiteral("noop"), QStringLiteral("shell"), QStringLiteral("chain"), QStringLiteral("memory")};
    for (const QString &name : which) {
        if (name == QLatin1String("noop")) benchNoop();
        else if (name == QLatin1String("shell")) benchShell(false);
        else if (name == QLatin1String("chain")) benchShell(true);
        else if (name == QLatin1String("memory")) benchMemory(argv[0]);
        std::fflush(stdout);
    }
    return 0;
}
