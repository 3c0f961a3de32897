// A run as a trace: Chrome trace events on rows by concurrency, and OTLP spans with the
// run's trace id, one span per attempt under the run's, with state, exit status and resources.
#include "run/RunTrace.h"

#include <QJsonArray>
#include <QtTest>

using namespace flowdeck;

namespace {

AttemptRecord attempt(const QString &task, int number, qint64 start, qint64 end, RunState state, int exitCode = 0) {
    AttemptRecord a;
    a.runId = "5b8efff7-9803-4103-8269-b633813fc60c";
    a.task = task;
    a.attempt = number;
    a.startMs = start;
    a.endMs = end;
    a.state = state;
    a.exitCode = exitCode;
    a.peakRssBytes = 20000000;
    a.cpuSeconds = 0.25;
    return a;
}

RunTraceInput threeTasks() {
    RunTraceInput in;
    in.run.id = "5b8efff7-9803-4103-8269-b633813fc60c";
    in.run.flowName = "etl";
    in.run.state = RunState::Failed;
    in.run.message = "task 'b' failed";
    in.run.createdMs = 1000;
    in.run.startMs = 1000;
    in.run.endMs = 5000;
    // a and b run at once; c starts after a ended and takes a's row.
    in.attempts = {attempt("a", 1, 1000, 2000, RunState::Completed), attempt("b", 1, 1500, 3000, RunState::Failed, 4),
                   attempt("c", 1, 2500, 4000, RunState::Completed)};
    TaskRunRecord cached;
    cached.task = "d";
    cached.state = RunState::Cached;
    cached.endMs = 1100;
    in.taskRuns = {cached};
    MetricSample s1{in.run.id, "a", -1, 1, 1200, 10000000, 0.1};
    MetricSample s2{in.run.id, "b", -1, 1, 1600, 30000000, 0.1};
    in.samples = {s1, s2};
    return in;
}

QJsonObject byName(const QJsonArray &events, const QString &name, const QString &phase) {
    for (const QJsonValue &e : events)
        if (e["name"] == name && e["ph"] == phase) return e.toObject();
    return {};
}

}  // namespace

class TestRunTrace : public QObject {
    Q_OBJECT
private slots:
    void chromeRowsShowWhatRanAtOnce() {
        const QJsonArray events = chromeTrace(threeTasks())["traceEvents"].toArray();
        const QJsonObject a = byName(events, "a", "X"), b = byName(events, "b", "X"), c = byName(events, "c", "X");
        QCOMPARE(a["tid"].toInt(), 1);
        QCOMPARE(b["tid"].toInt(), 2);  // overlapped a
        QCOMPARE(c["tid"].toInt(), 1);  // a's row was free again
        QCOMPARE(a["ts"].toDouble(), 1000.0 * 1000);  // µs
        QCOMPARE(a["dur"].toDouble(), 1000.0 * 1000);
        QCOMPARE(b["args"].toObject()["exit_code"].toInt(), 4);
        QCOMPARE(byName(events, "etl", "X")["tid"].toInt(), 0);
        QCOMPARE(byName(events, "d", "i")["cat"].toString(), QStringLiteral("Cached"));  // no process: a mark
        QCOMPARE(byName(events, "thread_name", "M")["args"].toObject()["name"].toString(), QStringLiteral("run"));
        // The counter sums the latest sample of each task still running.
        QJsonArray counters;
        for (const QJsonValue &e : events)
            if (e["ph"] == QLatin1String("C")) counters.append(e);
        QCOMPARE(counters.size(), 2);
        QCOMPARE(counters.at(1)["args"].toObject()["running tasks"].toDouble(), 40.0);
    }

    void otlpHasOneSpanPerAttemptUnderTheRunsSpan() {
        const QJsonObject request = otlpTrace(threeTasks(), "1.2.3");
        const QJsonObject scopeSpans = request["resourceSpans"][0]["scopeSpans"][0].toObject();
        QCOMPARE(scopeSpans["scope"]["version"].toString(), QStringLiteral("1.2.3"));
        const QJsonArray spans = scopeSpans["spans"].toArray();
        QCOMPARE(spans.size(), 4);
        const QJsonObject run = spans.at(0).toObject();
        QCOMPARE(run["traceId"].toString(), QStringLiteral("5b8efff798034103 8269b633813fc60c").remove(' '));
        QCOMPARE(run["status"]["code"].toInt(), 2);
        QCOMPARE(run["status"]["message"].toString(), QStringLiteral("task 'b' failed"));
        QSet<QString> ids{run["spanId"].toString()};
        for (int i = 1; i < spans.size(); ++i) {
            const QJsonObject span = spans.at(i).toObject();
            QCOMPARE(span["parentSpanId"].toString(), run["spanId"].toString());
            QCOMPARE(span["kind"].toInt(), 1);
            QCOMPARE(span["spanId"].toString().size(), 16);
            ids.insert(span["spanId"].toString());
        }
        QCOMPARE(ids.size(), 4);  // every span its own id
        const QJsonObject b = spans.at(2).toObject();
        QCOMPARE(b["startTimeUnixNano"].toString(), QStringLiteral("1500000000"));
        QCOMPARE(b["status"]["code"].toInt(), 2);
        QStringList keys;
        for (const QJsonValue &a : b["attributes"].toArray()) keys << a["key"].toString();
        QCOMPARE(keys, (QStringList{"flowdeck.task", "flowdeck.attempt", "flowdeck.state", "flowdeck.peak_memory_bytes",
                                    "flowdeck.cpu_seconds", "process.exit.code"}));
        QCOMPARE(spans.at(1)["status"]["code"].toInt(), 1);  // Completed: OK
        // The same run gives the same ids: a trace exported twice is one trace.
        QCOMPARE(otlpTrace(threeTasks(), "1.2.3"), request);
    }
};

QTEST_GUILESS_MAIN(TestRunTrace)
#include "test_run_trace.moc"
