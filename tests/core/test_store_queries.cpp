// What a lazy GUI reads from the run store: pages of runs in any order with a cursor, counts,
// filters, log lines by number, full-text search with context, events and samples after an id,
// and a change signal that another process triggers. A real SQLite file; "another process" is
// this binary run again.
#include "store/RunStore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <cstring>

using namespace flowdeck;

namespace {

std::unique_ptr<RunStore> openStore(const QString &path) {
    QString error;
    auto store = RunStore::open(path, &error);
    if (!store) qWarning("%s", qPrintable(error));
    return store;
}

FlowRunRecord runRecord(const QString &id, const QString &flow, RunState state, qint64 createdMs) {
    FlowRunRecord r;
    r.id = id;
    r.flowName = flow;
    r.state = state;
    r.createdMs = createdMs;
    r.startMs = createdMs + 10;
    r.endMs = isFinal(state) ? createdMs + 10 + (createdMs % 7) * 100 : 0;
    return r;
}

LogLine logLine(const QString &runId, const QString &task, const QString &text,
                LogLine::Level level = LogLine::Level::Info) {
    LogLine l;
    l.runId = runId;
    l.task = task;
    l.attempt = 1;
    l.timeMs = 1000;
    l.level = level;
    l.text = text;
    return l;
}

QString stateName(RunState s) { return toString(s); }

/// Every run of @p query, page by page.
std::vector<FlowRunRecord> allPages(const RunStore &store, const RunQuery &query, int *pages = nullptr) {
    std::vector<FlowRunRecord> all;
    RunCursor cursor;
    for (int page = 1;; ++page) {
        const RunPage p = store.runsPage(query, cursor);
        all.insert(all.end(), p.runs.begin(), p.runs.end());
        cursor = p.next;
        if (pages) *pages = page;
        if (p.atEnd || page > 1000) break;
    }
    return all;
}

/// --child-create DB ID: another process that records a run and exits.
int childCreate(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    auto store = openStore(QString::fromLocal8Bit(argv[2]));
    if (!store) return 1;
    FlowRunRecord r = runRecord(QString::fromLocal8Bit(argv[3]), QStringLiteral("elsewhere"), RunState::Running,
                                QDateTime::currentMSecsSinceEpoch());
    return store->createRun(r) ? 0 : 1;
}

}  // namespace

class TestStoreQueries : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("q-%1.db").arg(++m_files)); }

    /// 250 runs of three flows, five states and two triggers; some created in the same ms.
    void fill(RunStore &store) {
        const QStringList flows{"etl", "report", "backup"};
        const QList<RunState> states{RunState::Completed, RunState::Failed, RunState::Running,
                                     RunState::Cancelled, RunState::Crashed};
        for (int i = 0; i < 250; ++i) {
            FlowRunRecord r = runRecord(QStringLiteral("run-%1").arg(i, 4, 10, QLatin1Char('0')),
                                        flows[i % 3], states[i % 5], 1000000 + (i / 2) * 1000);
            r.trigger = i % 4 == 0 ? QStringLiteral("schedule") : QStringLiteral("manual");
            r.tags = i % 10 == 0 ? QStringList{"nightly"} : QStringList{};
            r.parameters = {{"day", QStringLiteral("2026-12-%1").arg(1 + i % 28)}};
            QVERIFY(store.createRun(r));
        }
    }

private slots:
    void pagesVisitEveryRunOnceInEverySortAndDirection() {
        auto store = openStore(newPath());
        fill(*store);
        for (RunSort sort : {RunSort::Created, RunSort::Started, RunSort::Ended, RunSort::Duration, RunSort::Flow,
                             RunSort::State}) {
            for (bool descending : {true, false}) {
                RunQuery query;
                query.sort = sort;
                query.descending = descending;
                query.limit = 40;
                int pages = 0;
                const auto runs = allPages(*store, query, &pages);
                QCOMPARE(int(runs.size()), 250);
                QCOMPARE(pages, 7);
                QSet<QString> ids;
                for (const FlowRunRecord &r : runs) ids.insert(r.id);
                QCOMPARE(ids.size(), 250);
                for (size_t i = 1; i < runs.size(); ++i) {
                    const FlowRunRecord &a = runs[i - 1], &b = runs[i];
                    int order = 0;  // a before b: <= 0 when ascending
                    switch (sort) {
                        case RunSort::Created: order = a.createdMs < b.createdMs ? -1 : a.createdMs > b.createdMs; break;
                        case RunSort::Started: order = a.startMs < b.startMs ? -1 : a.startMs > b.startMs; break;
                        case RunSort::Ended: order = a.endMs < b.endMs ? -1 : a.endMs > b.endMs; break;
                        case RunSort::Duration: {
                            const qint64 da = a.endMs - a.startMs, db = b.endMs - b.startMs;
                            order = da < db ? -1 : da > db;
                            break;
                        }
                        case RunSort::Flow: order = a.flowName.compare(b.flowName); break;
                        case RunSort::State: order = toString(a.state).compare(toString(b.state)); break;
                    }
                    QVERIFY2(descending ? order >= 0 : order <= 0, qPrintable(a.id + " then " + b.id));
                }
            }
        }
    }

    void aPageCarriesOnWhereTheLastEndedWhenRunsArriveMeanwhile() {
        auto store = openStore(newPath());
        fill(*store);
        RunQuery query;
        query.limit = 100;
        const RunPage first = store->runsPage(query);
        QCOMPARE(first.runs.front().id, QStringLiteral("run-0249"));
        // A newer run while the user scrolls: it belongs above, and the next page goes on.
        QVERIFY(store->createRun(runRecord("newest", "etl", RunState::Running, 9000000)));
        const RunPage second = store->runsPage(query, first.next);
        QCOMPARE(int(second.runs.size()), 100);
        QCOMPARE(second.runs.front().id, QStringLiteral("run-0149"));
        const auto text = first.next.toText();
        const auto back = RunCursor::fromText(text);
        QVERIFY(back.has_value());
        QCOMPARE(store->runsPage(query, *back).runs.front().id, QStringLiteral("run-0149"));
        QVERIFY(!RunCursor::fromText("not a cursor").has_value());
    }

    void filtersCombineAndTheCountsAgreeWithThePages() {
        auto store = openStore(newPath());
        fill(*store);
        RunQuery query;
        query.flows = {"etl", "report"};
        query.states = {RunState::Failed, RunState::Crashed};
        query.limit = 7;
        const auto runs = allPages(*store, query);
        QCOMPARE(store->countRuns(query), int(runs.size()));
        for (const FlowRunRecord &r : runs) {
            QVERIFY(r.flowName == "etl" || r.flowName == "report");
            QVERIFY(r.state == RunState::Failed || r.state == RunState::Crashed);
        }
        // i % 3 in {0, 1} and i % 5 in {1, 4}: 4 of every 15 runs, and 4 of the last 10.
        QCOMPARE(int(runs.size()), 68);

        RunQuery scheduled;
        scheduled.triggers = {"schedule"};
        QCOMPARE(store->countRuns(scheduled), 63);  // i % 4 == 0
        RunQuery window;
        window.fromMs = 1000000 + 10 * 1000;
        window.toMs = 1000000 + 20 * 1000;
        QCOMPARE(store->countRuns(window), 20);  // two runs a second
        RunQuery text;
        text.text = "NIGHTLY";  // case does not matter
        QCOMPARE(store->countRuns(text), 25);
        text.text = "nightly 2026-12-11";  // both words
        QCOMPARE(store->countRuns(text), int(allPages(*store, text).size()));
        QVERIFY(store->countRuns(text) < 25 && store->countRuns(text) > 0);
        RunQuery percent;
        percent.text = "%";  // LIKE's wildcard is a character to look for
        QCOMPARE(store->countRuns(percent), 0);

        const QMap<RunState, int> byState = store->countRunsByState(query);
        QCOMPARE(byState.value(RunState::Failed) + byState.value(RunState::Crashed), int(runs.size()));
        QVERIFY(byState.value(RunState::Completed) > 0);  // the query's own states are ignored here
        QCOMPARE(store->flowNames(), (QStringList{"backup", "etl", "report"}));
    }

    void theTaskCountAndTriggerAreStoredWithTheRun() {
        auto store = openStore(newPath());
        FlowRunRecord r = runRecord("counted", "etl", RunState::Running, 1000);
        r.taskCount = 7;  // no snapshot to parse: the count is the row's
        QVERIFY(store->createRun(r));
        QCOMPARE(store->status("counted").taskCount, 7);
        QCOMPARE(store->run("counted")->taskCount, 7);
        QCOMPARE(store->run("counted")->trigger, QStringLiteral("manual"));
        FlowRunRecord retry = runRecord("again", "etl", RunState::Running, 2000);
        retry.retryOf = "counted";
        QVERIFY(store->createRun(retry));
        QCOMPARE(store->run("again")->trigger, QStringLiteral("retry"));
    }

    void logLinesAreNumberedPerRunAndReadByNumber() {
        auto store = openStore(newPath());
        QVERIFY(store->createRun(runRecord("a", "etl", RunState::Running, 1000)));
        QVERIFY(store->createRun(runRecord("b", "etl", RunState::Running, 1000)));
        for (int i = 1; i <= 3000; ++i) {
            store->post(logLine("a", i % 2 ? "odd" : "even", QStringLiteral("a line %1").arg(i)));
            if (i % 3 == 0) store->post(logLine("b", "other", QStringLiteral("b line %1").arg(i / 3)));
            if (i % 1000 == 0) store->flush();  // several batches
        }
        store->flush();
        QCOMPARE(store->logLineCount("a"), qint64(3000));
        QCOMPARE(store->logLineCount("b"), qint64(1000));
        QCOMPARE(store->logLineCount("none"), qint64(0));
        const auto lines = store->logLines("a", 1500, 10);
        QCOMPARE(int(lines.size()), 10);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(lines[size_t(i)].seq, qint64(1500 + i));
            QCOMPARE(lines[size_t(i)].line.text, QStringLiteral("a line %1").arg(1500 + i));
        }
        QCOMPARE(int(store->logLines("a", 2995, 100).size()), 6);  // past the end: what there is
        LogQuery odd;
        odd.task = "odd";
        QCOMPARE(store->countLogs("a", odd), qint64(1500));
        // A line logged after a reopen continues the numbering.
        store.reset();
        store = openStore(m_dir.filePath(QStringLiteral("q-%1.db").arg(m_files)));
        store->post(logLine("a", "odd", "after reopening"));
        store->flush();
        QCOMPARE(store->logLines("a", 3001, 1).front().line.text, QStringLiteral("after reopening"));
    }

    void searchFindsALineNoViewLoadedWithItsContext() {
        auto store = openStore(newPath());
        QVERIFY(store->createRun(runRecord("big", "etl", RunState::Running, 1000)));
        QVERIFY(store->createRun(runRecord("other", "etl", RunState::Running, 1000)));
        for (int i = 1; i <= 20000; ++i) {
            QString text = QStringLiteral("row %1 copied to the warehouse").arg(i);
            if (i == 12345) text = QStringLiteral("ERROR: checksum mismatch in partition-7 (row 12345)");
            if (i % 5000 == 0) text = QStringLiteral("WARNING: checksum slow at row %1").arg(i);
            store->post(logLine("big", i % 2 ? "load" : "copy", text,
                                i == 12345 ? LogLine::Level::Error : LogLine::Level::Info));
        }
        store->post(logLine("other", "load", "checksum mismatch somewhere else"));
        store->flush();

        LogSearch search;
        search.text = "checksum mismatch";
        search.context = 2;
        LogSearchResult found = store->searchLogs("big", search);
        QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
        QCOMPARE(int(found.hits.size()), 1);  // not the other run's line
        const LogHit &hit = found.hits.front();
        QCOMPARE(hit.line.seq, qint64(12345));
        QCOMPARE(int(hit.before.size()), 2);
        QCOMPARE(hit.before.front().line.text, QStringLiteral("row 12343 copied to the warehouse"));
        QCOMPARE(int(hit.after.size()), 2);
        QCOMPARE(hit.after.back().line.text, QStringLiteral("row 12347 copied to the warehouse"));

        search.text = "partition-7";  // punctuation is text, not query syntax
        QCOMPARE(int(store->searchLogs("big", search).hits.size()), 1);
        search.text = "\"checksum slow\"";  // a phrase
        QCOMPARE(int(store->searchLogs("big", search).hits.size()), 4);
        search.text = "wareh*";  // a prefix
        search.limit = 100;
        found = store->searchLogs("big", search);
        QCOMPARE(int(found.hits.size()), 100);
        QVERIFY(found.more);
        search.afterId = found.hits.back().line.id;  // the next page
        const LogSearchResult next = store->searchLogs("big", search);
        QVERIFY(next.hits.front().line.seq > found.hits.back().line.seq);
        search.afterId = 0;
        search.text = "checksum";
        search.minLevel = LogLine::Level::Error;
        QCOMPARE(int(store->searchLogs("big", search).hits.size()), 1);
        search.minLevel = LogLine::Level::Debug;
        search.task = "copy";  // rows 5000, 10000, 15000, 20000 are even
        QCOMPARE(int(store->searchLogs("big", search).hits.size()), 4);
        search.task.clear();
        search.text = "\"unbalanced";
        QVERIFY(store->searchLogs("big", search).error.isEmpty());
        search.text = "nothing-like-this";
        QVERIFY(store->searchLogs("big", search).hits.empty());
    }

    void prunedAndDeletedRunsLeaveNothingInTheSearchIndex() {
        const QString path = newPath();
        auto store = openStore(path);
        FlowRunRecord done = runRecord("done", "etl", RunState::Completed, 1000);
        done.endMs = 2000;  // long ago
        QVERIFY(store->createRun(done));
        FlowRunRecord child = runRecord("done-child", "sub", RunState::Completed, 1500);
        child.parentRunId = "done";
        QVERIFY(store->createRun(child));
        QVERIFY(store->createRun(runRecord("going", "etl", RunState::Running, 3000)));
        QVERIFY(store->createRun(runRecord("kept", "etl", RunState::Failed, 3000)));
        for (const char *run : {"done", "done-child", "going", "kept"})
            store->post(logLine(run, "t", QStringLiteral("marker line of %1").arg(run)));
        store->flush();
        QCOMPARE(store->deleteRuns({"done", "going"}), 2);  // a run and its subflow run; not a running one
        QVERIFY(!store->run("done-child"));
        QVERIFY(store->run("going"));
        LogSearch search;
        search.text = "marker";
        QVERIFY(store->searchLogs("done", search).hits.empty());
        QCOMPARE(int(store->searchLogs("kept", search).hits.size()), 1);
        store.reset();
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "fts-check");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            // FTS5 compares its index with the logs table: an entry of a deleted line fails it.
            QVERIFY2(q.exec("INSERT INTO logs_fts(logs_fts) VALUES('integrity-check')"),
                     qPrintable(q.lastError().text()));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase("fts-check");
    }

    void eventsAndSamplesAreReadAfterAnId() {
        auto store = openStore(newPath());
        QVERIFY(store->createRun(runRecord("live", "etl", RunState::Pending, 1000)));
        for (RunState s : {RunState::Pending, RunState::Running, RunState::Completed}) {
            RunEvent e;
            e.runId = "live";
            e.task = "t";
            e.attempt = s == RunState::Pending ? 0 : 1;
            e.state = s;
            e.timeMs = 2000;
            store->post(e);
        }
        for (int i = 0; i < 5; ++i) {
            MetricSample m;
            m.runId = "live";
            m.task = i % 2 ? "t" : "u";
            m.attempt = 1;
            m.timeMs = 2000 + i;
            m.rssBytes = 1000 * (i + 1);
            store->post(m);
        }
        store->flush();
        const auto all = store->events("live");
        QCOMPARE(int(all.size()), 4);  // the creation's Pending, then the task's three
        QCOMPARE(stateName(all.back().event.state), stateName(RunState::Completed));
        const auto later = store->events("live", all[1].id);
        QCOMPARE(int(later.size()), 2);
        QCOMPARE(later.front().event.task, QStringLiteral("t"));
        const auto samples = store->metricSamples("live");
        QCOMPARE(int(samples.size()), 5);
        QCOMPARE(int(store->metricSamples("live", samples[2].id).size()), 2);
        QCOMPARE(int(store->metricSamples("live", 0, 100, "t").size()), 2);
        QCOMPARE(store->metricSamples("live").back().sample.rssBytes, qint64(5000));
    }

    void anotherProcessCreatingARunWakesThisOne() {
        const QString path = newPath();
        auto store = openStore(path);
        QSignalSpy changed(store.get(), &RunStore::runsChanged);
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {"--child-create", path, "from-another-process"});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitCode(), 0);
        QVERIFY(changed.wait(30000) || !changed.isEmpty());
        QVERIFY(store->run("from-another-process"));
    }

    void aBusyRunWakesOthersAFewTimesASecondNotOnEveryBatch() {
        const QString path = newPath();
        auto store = openStore(path);
        QVERIFY(store->createRun(runRecord("chatty", "etl", RunState::Running, 1000)));
        auto watcher = openStore(path);  // another store on the database, as another process has
        QSignalSpy changed(watcher.get(), &RunStore::runsChanged);
        QElapsedTimer clock;
        clock.start();
        int batches = 0;
        while (clock.elapsed() < 1000) {
            store->post(logLine("chatty", "t", "tick"));
            store->flush();  // one commit each: far more than four a second
            QCoreApplication::processEvents();  // read each notice as it comes, not merged later
            ++batches;
        }
        QTest::qWait(300);
        // The progress notice is rate limited by the writer's clock: at most one per 250 ms.
        const qint64 ms = clock.elapsed();
        QVERIFY2(changed.size() <= ms / 250 + 2, qPrintable(QStringLiteral("%1 notices for %2 commits in %3 ms")
                                                            .arg(changed.size()).arg(batches).arg(ms)));
        QVERIFY(batches > changed.size());
    }
};

int main(int argc, char **argv) {
    if (argc >= 4 && std::strcmp(argv[1], "--child-create") == 0) return childCreate(argc, argv);
    QCoreApplication app(argc, argv);
    TestStoreQueries test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_store_queries.moc"
