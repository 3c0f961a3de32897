// The GUI's listener of runs: events posted from other threads reach its thread coalesced, at
// most once per interval, one entry per changed task, and only when something changed.
#include "workspace/LiveRunFeed.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace flowdeck;

namespace {

RunEvent taskEvent(const QString &task, RunState state, int attempt = 1, int mapIndex = -1) {
    RunEvent e;
    e.runId = QStringLiteral("run-1");
    e.task = task;
    e.state = state;
    e.attempt = attempt;
    e.mapIndex = mapIndex;
    e.timeMs = 1000 + attempt;
    return e;
}

RunEvent flowEvent(RunState state) {
    RunEvent e;
    e.runId = QStringLiteral("run-1");
    e.state = state;
    e.timeMs = 1000;
    return e;
}

std::vector<LiveUpdate> updatesOf(const QSignalSpy &spy) {
    std::vector<LiveUpdate> updates;
    for (const QList<QVariant> &args : spy) updates.push_back(args.at(0).value<LiveUpdate>());
    return updates;
}

}  // namespace

class TestLiveRunFeed : public QObject {
    Q_OBJECT
private slots:
    void manyEventsOfOneTaskArriveAsOneEntryWithTheLatestState() {
        LiveRunFeed feed(50);
        QSignalSpy spy(&feed, &LiveRunFeed::updated);
        QThread *engine = QThread::create([&feed] {
            for (int task = 0; task < 100; ++task) {
                const QString name = QStringLiteral("t%1").arg(task);
                feed.post(taskEvent(name, RunState::Pending, 0));
                feed.post(taskEvent(name, RunState::Running));
                feed.post(taskEvent(name, RunState::Completed));
            }
        });
        engine->start();
        QVERIFY(engine->wait(60000));
        delete engine;
        QTRY_VERIFY_WITH_TIMEOUT(!feed.isUpdatePending() && !spy.isEmpty(), 30000);
        QHash<QString, RunState> last;
        for (const LiveUpdate &u : updatesOf(spy)) {
            QSet<QString> seen;
            for (const LiveTask &t : u.tasks) {
                QVERIFY2(!seen.contains(t.task), qPrintable(t.task + " twice in one update"));
                seen.insert(t.task);
                last.insert(t.task, t.state);
            }
        }
        QCOMPARE(last.size(), 100);
        for (RunState s : last) QCOMPARE(toString(s), toString(RunState::Completed));
        QVERIFY2(spy.size() < 300, "coalesced: far fewer updates than events");
    }

    void updatesComeNoSoonerThanTheIntervalApart() {
        const int interval = 80;
        LiveRunFeed feed(interval);
        QElapsedTimer clock;
        clock.start();
        std::vector<qint64> at;
        connect(&feed, &LiveRunFeed::updated, this, [&] { at.push_back(clock.elapsed()); });
        std::atomic<bool> stop{false};
        // An engine that keeps posting, as a 10,000-task run does.
        QThread *engine = QThread::create([&] {
            for (int i = 0; !stop.load(); ++i) {
                feed.post(taskEvent(QStringLiteral("t%1").arg(i % 50), RunState::Running, i));
                QThread::usleep(200);
            }
        });
        engine->start();
        QTRY_VERIFY_WITH_TIMEOUT(at.size() >= 5, 60000);
        stop = true;
        QVERIFY(engine->wait(60000));
        delete engine;
        for (size_t i = 1; i < at.size(); ++i)
            QVERIFY2(at[i] - at[i - 1] >= interval - 1,
                     qPrintable(QStringLiteral("updates %1 ms apart").arg(at[i] - at[i - 1])));
    }

    void nothingPostedMeansNoTimerAndNoUpdate() {
        LiveRunFeed feed(10);
        QSignalSpy spy(&feed, &LiveRunFeed::updated);
        feed.post(taskEvent("a", RunState::Running));
        QVERIFY(feed.isUpdatePending());
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 30000);
        QVERIFY(!feed.isUpdatePending());
        // An idle feed costs nothing: no timer runs, no empty updates come.
        QTest::qWait(100);
        QCOMPARE(spy.size(), 1);
        QVERIFY(!feed.isUpdatePending());
    }

    void mappedItemsAreFoldedIntoTheirTask() {
        LiveRunFeed feed(1000);
        QSignalSpy spy(&feed, &LiveRunFeed::updated);
        feed.post(taskEvent("each", RunState::Running, 0));
        for (int i = 0; i < 4; ++i) feed.post(taskEvent("each", RunState::Running, 1, i));
        feed.post(taskEvent("each", RunState::Completed, 1, 0));
        feed.post(taskEvent("each", RunState::Failed, 2, 1));
        feed.post(taskEvent("each", RunState::Completed, 1, 2));
        feed.drainNow();
        QCOMPARE(spy.size(), 1);
        const LiveUpdate u = spy.at(0).at(0).value<LiveUpdate>();
        QCOMPARE(int(u.tasks.size()), 1);
        const LiveTask &each = u.tasks.front();
        QCOMPARE(each.itemsTotal, 4);
        QCOMPARE(each.itemsDone, 3);
        QCOMPARE(each.itemsFailed, 1);
        QCOMPARE(each.attempt, 2);
        QCOMPARE(toString(each.state), toString(RunState::Running));  // the task itself goes on
    }

    void theRunCountsItsTasksAndKeepsItsOwnState() {
        LiveRunFeed feed(1000);
        QSignalSpy spy(&feed, &LiveRunFeed::updated);
        feed.post(flowEvent(RunState::Running));
        feed.post(taskEvent("a", RunState::Running));
        feed.post(taskEvent("a", RunState::Completed));
        feed.post(taskEvent("b", RunState::Running));
        feed.post(taskEvent("b", RunState::Failed));
        feed.post(taskEvent("c", RunState::Running));
        feed.drainNow();
        const LiveUpdate u = spy.at(0).at(0).value<LiveUpdate>();
        QCOMPARE(int(u.runs.size()), 1);
        QCOMPARE(toString(u.runs.front().state), toString(RunState::Running));
        QCOMPARE(u.runs.front().tasksSeen, 3);
        QCOMPARE(u.runs.front().tasksDone, 2);
        QCOMPARE(u.runs.front().tasksFailed, 1);
        // A view that opens now gets the whole picture, not only the next change.
        QCOMPARE(int(feed.tasks("run-1").size()), 3);
        QCOMPARE(feed.run("run-1")->tasksDone, 2);
        feed.forget("run-1");
        QVERIFY(!feed.run("run-1").has_value());
    }

    void aLogFloodIsCutAndCounted() {
        LiveRunFeed feed(1000);
        feed.setLogLimit(100);
        QSignalSpy spy(&feed, &LiveRunFeed::updated);
        for (int i = 0; i < 1000; ++i) {
            LogLine line;
            line.runId = "run-1";
            line.task = "loud";
            line.text = QString::number(i);
            feed.post(line);
        }
        feed.drainNow();
        const LiveUpdate u = spy.at(0).at(0).value<LiveUpdate>();
        QCOMPARE(int(u.logs.size()), 100);
        QCOMPARE(u.logs.front().text, QStringLiteral("0"));
        QCOMPARE(u.droppedLogs, 900);
    }

    void samplesReachTheTaskAndTheUpdate() {
        LiveRunFeed feed(1000);
        QSignalSpy spy(&feed, &LiveRunFeed::updated);
        feed.post(taskEvent("hog", RunState::Running));
        MetricSample sample;
        sample.runId = "run-1";
        sample.task = "hog";
        sample.attempt = 1;
        sample.rssBytes = 123456789;
        sample.cpuSeconds = 1.5;
        feed.post(sample);
        feed.drainNow();
        const LiveUpdate u = spy.at(0).at(0).value<LiveUpdate>();
        QCOMPARE(int(u.samples.size()), 1);
        QCOMPARE(u.tasks.front().rssBytes, qint64(123456789));
        QCOMPARE(u.tasks.front().cpuSeconds, 1.5);
    }
};

QTEST_GUILESS_MAIN(TestLiveRunFeed)
#include "test_live_run_feed.moc"
