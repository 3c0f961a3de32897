// Run store write throughput: what the engine's writer thread can persist.
//   30,000 task events (10,000 noop tasks x Pending, Running, Completed) + 10,000 log lines,
//   posted as fast as possible from one thread, timed until flush() returns (all committed).
// Printed, not asserted: the engine's goal is 50,000 noop tasks/s = 150,000 task events/s.
// Usage: bench_store [TASKS]   (default 10000; three rounds on fresh files, the median counts)

#include "store/RunStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace flowdeck;

namespace {

double processCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Round {
    double seconds = 0;
    double postSeconds = 0;  ///< the caller's side: what the engine pays
    double cpuSeconds = 0;   ///< both threads; unlike wall time, not inflated by other load
    int events = 0;
    int logs = 0;
};

Round runRound(const QString &path, int tasks) {
    QString error;
    auto store = RunStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "bench_store: %s\n", qPrintable(error));
        std::exit(1);
    }
    FlowRunRecord run;
    run.id = QStringLiteral("bench-run");
    run.flowName = QStringLiteral("bench");
    run.state = RunState::Running;
    store->createRun(run);

    Round round;
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = processCpuSeconds();
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    const RunState states[] = {RunState::Pending, RunState::Running, RunState::Completed};
    for (int i = 0; i < tasks; ++i) {
        const QString task = QStringLiteral("t%1").arg(i);
        for (RunState state : states) {
            RunEvent e;
            e.runId = run.id;
            e.task = task;
            e.attempt = state == RunState::Pending ? 0 : 1;
            e.state = state;
            e.timeMs = t0 + i;
            store->post(e);
            ++round.events;
        }
        LogLine line;
        line.runId = run.id;
        line.task = task;
        line.attempt = 1;
        line.timeMs = t0 + i;
        line.text = QStringLiteral("task %1 says hello").arg(i);
        store->post(line);
        ++round.logs;
    }
    round.postSeconds = timer.nsecsElapsed() / 1e9;
    store->flush();
    round.seconds = timer.nsecsElapsed() / 1e9;
    round.cpuSeconds = processCpuSeconds() - cpuBefore;
    return round;
}

}  // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int tasks = argc > 1 ? std::max(1, atoi(argv[1])) : 10000;
    QTemporaryDir dir;
    std::vector<double> eventRates;
    Round last;
    for (int i = 0; i < 3; ++i) {
        last = runRound(dir.filePath(QStringLiteral("bench-%1.db").arg(i)), tasks);
        const double rate = last.events / last.seconds;
        eventRates.push_back(rate);
        std::printf(
            "round %d: %d task events + %d log lines committed in %.1f ms: %.0f events/s"
            " (posting %.2f us per item; %.1f ms CPU in both threads)\n",
            i + 1, last.events, last.logs, last.seconds * 1000, rate,
            last.postSeconds * 1e6 / (last.events + last.logs), last.cpuSeconds * 1000);
    }
    std::sort(eventRates.begin(), eventRates.end());
    const double median = eventRates[1];
    const double itemsPerEvent = double(last.events + last.logs) / last.events;
    std::printf(
        "run store: %.0f task events/s (median of 3), %.0f items/s with logs, "
        "= %.0f noop tasks/s at 3 events + 1 log line per task; goal 150,000 events/s "
        "(50,000 tasks/s): %.2fx\n",
        median, median * itemsPerEvent, median / 3, median / 150000.0);
    return 0;
}
