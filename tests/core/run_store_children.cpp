#include "run_store_children.h"

#include "store/RunStore.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace flowdeck::testing {

namespace {

void say(const QString &line) {
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

std::unique_ptr<RunStore> openOrSay(const QString &path) {
    QString error;
    auto store = RunStore::open(path, &error);
    if (!store) std::fprintf(stderr, "child: %s\n", qPrintable(error));
    return store;
}

bool createRunningRun(RunStore &store, const QString &id, QString flowName) {
    FlowRunRecord run;
    run.id = id;
    run.flowName = std::move(flowName);
    run.state = RunState::Running;
    run.startMs = QDateTime::currentMSecsSinceEpoch();
    QString error;
    if (store.createRun(run, &error)) return true;
    std::fprintf(stderr, "child: %s\n", qPrintable(error));
    return false;
}

RunEvent taskEvent(const QString &runId, const QString &task, RunState state) {
    RunEvent e;
    e.runId = runId;
    e.task = task;
    e.attempt = 1;
    e.state = state;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    return e;
}

int writer(const QString &path, int index, int count) {
    auto store = openOrSay(path);
    const QString runId = QStringLiteral("writer-%1").arg(index);
    if (!store || !createRunningRun(*store, runId, QStringLiteral("multi"))) return 1;
    // Start together with the other writers, so that their transactions really compete.
    say(QStringLiteral("ready"));
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) return 1;
    in.readLine();
    for (int i = 0; i < count; ++i) {
        const QString task = QStringLiteral("t%1").arg(i / 2);
        store->post(taskEvent(runId, task, i % 2 == 0 ? RunState::Running : RunState::Completed));
        if (i % 10 == 9) store->flush();
        // Synchronous writes compete for the lock too.
        if (i % 1000 == 999) {
            const SlotHolder holder{runId, task, -1, 0};
            store->tryAcquireSlots({QStringLiteral("unlimited")}, holder);
            store->releaseSlots(holder);
        }
    }
    store->flush();
    say(QStringLiteral("done"));
    return 0;
}

int crash(const QString &path, const QString &runId) {
    auto store = openOrSay(path);
    if (!store || !createRunningRun(*store, runId, QStringLiteral("doomed"))) return 1;
    store->post(taskEvent(runId, QStringLiteral("long"), RunState::Running));
    if (!store->tryAcquireSlots({QStringLiteral("crashslot")}, {runId, QStringLiteral("long"), -1, 0})) {
        std::fprintf(stderr, "child: no slot\n");
        return 1;
    }
    store->flush();
    say(QStringLiteral("ready"));
    QThread::sleep(60);  // until SIGKILL
    return 0;
}

int slotHolder(const QString &path) {
    auto store = openOrSay(path);
    if (!store) return 1;
    const SlotHolder holder{QStringLiteral("holder-run"), QStringLiteral("hold"), -1, 0};
    if (!store->tryAcquireSlots({QStringLiteral("db")}, holder)) {
        say(QStringLiteral("busy"));
        return 1;
    }
    say(QStringLiteral("acquired"));
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) return 1;
    in.readLine();
    QThread::msleep(200);  // so a waiter woken before the release would show in the test
    // Stamped before releasing: a waiter may wake before this process prints anything.
    const qint64 releasedAt = QDateTime::currentMSecsSinceEpoch();
    store->releaseSlots(holder);
    say(QStringLiteral("released %1").arg(releasedAt));
    return 0;
}

int cancelTarget(const QString &path, const QString &runId) {
    auto store = openOrSay(path);
    if (!store || !createRunningRun(*store, runId, QStringLiteral("long"))) return 1;
    QEventLoop loop;
    QObject::connect(store.get(), &RunStore::cancelRequested, &loop, [&loop](const QString &id) {
        say(QStringLiteral("cancel requested for %1").arg(id));
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, [&loop] { loop.exit(1); });
    say(QStringLiteral("ready"));
    return loop.exec();
}

}  // namespace

bool isChildRole(const char *argument) {
    return std::strncmp(argument, "--child-", 8) == 0;
}

int runChildRole(const QStringList &arguments) {
    const QString role = arguments.value(1);
    const QString path = arguments.value(2);
    if (role == QLatin1String("--child-writer")) {
        return writer(path, arguments.value(3).toInt(), arguments.value(4).toInt());
    }
    if (role == QLatin1String("--child-crash")) return crash(path, arguments.value(3));
    if (role == QLatin1String("--child-slot-holder")) return slotHolder(path);
    if (role == QLatin1String("--child-cancel-target")) return cancelTarget(path, arguments.value(3));
    std::fprintf(stderr, "unknown child role %s\n", qPrintable(role));
    return 2;
}

}  // namespace flowdeck::testing
