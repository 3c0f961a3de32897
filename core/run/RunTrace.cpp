#include "run/RunTrace.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace flowdeck {

namespace {

QString label(const QString &task, int mapIndex) {
    return mapIndex < 0 ? task : QStringLiteral("%1[%2]").arg(task).arg(mapIndex);
}

/// When something that has not ended (a crashed or live run's attempt) is drawn to end.
qint64 endOr(qint64 endMs, qint64 fallbackMs) {
    return endMs > 0 ? endMs : fallbackMs;
}

qint64 runEnd(const RunTraceInput &in) {
    qint64 end = in.run.endMs;
    for (const AttemptRecord &a : in.attempts) end = std::max({end, a.endMs, a.startMs});
    return std::max(end, in.run.startMs);
}

// ----- Chrome trace events -------------------------------------------------------------------

constexpr int kPid = 1;

double micros(qint64 ms) { return double(ms) * 1000.0; }

QJsonObject metadata(const char *what, int tid, const QString &name) {
    QJsonObject e{{"ph", "M"}, {"pid", kPid}, {"name", QLatin1String(what)}, {"args", QJsonObject{{"name", name}}}};
    if (tid >= 0) e.insert(QStringLiteral("tid"), tid);
    return e;
}

/// Rows by concurrency: each attempt on the first row free at its start (interval partitioning),
/// so the rows show how many tasks ran at once. Row 0 is the run's own.
std::vector<int> lanes(const std::vector<AttemptRecord> &attempts, qint64 fallbackEnd) {
    std::vector<size_t> order(attempts.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return attempts[a].startMs < attempts[b].startMs; });
    std::vector<int> lane(attempts.size(), 1);
    std::vector<qint64> freeFrom;  // by lane - 1
    for (size_t i : order) {
        const AttemptRecord &a = attempts[i];
        size_t chosen = 0;
        while (chosen < freeFrom.size() && freeFrom[chosen] > a.startMs) ++chosen;
        if (chosen == freeFrom.size()) freeFrom.push_back(0);
        freeFrom[chosen] = std::max(endOr(a.endMs, fallbackEnd), a.startMs + 1);
        lane[i] = int(chosen) + 1;
    }
    return lane;
}

QJsonObject slice(const AttemptRecord &a, int tid, qint64 fallbackEnd) {
    const qint64 end = std::max(endOr(a.endMs, fallbackEnd), a.startMs);
    QJsonObject args{{"attempt", a.attempt},
                     {"state", toString(a.state)},
                     {"peak_memory_mb", bytesToMb(a.peakRssBytes)},
                     {"cpu_seconds", a.cpuSeconds}};
    if (a.exitCode >= 0) args.insert(QStringLiteral("exit_code"), a.exitCode);
    if (!a.message.isEmpty()) args.insert(QStringLiteral("message"), a.message);
    return QJsonObject{{"name", label(a.task, a.mapIndex)},
                       {"cat", toString(a.state)},
                       {"ph", "X"},
                       {"pid", kPid},
                       {"tid", tid},
                       {"ts", micros(a.startMs)},
                       {"dur", micros(end - a.startMs)},
                       {"args", args}};
}

/// The memory of the tasks running at each sample: the latest sample of each, summed.
QJsonArray memoryCounter(const RunTraceInput &in) {
    std::vector<MetricSample> samples = in.samples;
    std::stable_sort(samples.begin(), samples.end(),
                     [](const MetricSample &a, const MetricSample &b) { return a.timeMs < b.timeMs; });
    std::map<QString, qint64> latest;  // attempt -> rss
    std::map<QString, qint64> endOf;   // attempt -> when it ended
    for (const AttemptRecord &a : in.attempts)
        endOf[QStringLiteral("%1#%2#%3").arg(label(a.task, a.mapIndex)).arg(a.attempt)] = a.endMs;
    QJsonArray events;
    for (const MetricSample &s : samples) {
        latest[QStringLiteral("%1#%2#%3").arg(label(s.task, s.mapIndex)).arg(s.attempt)] = s.rssBytes;
        qint64 total = 0;
        for (const auto &[key, rss] : latest) {
            const qint64 ended = endOf.count(key) ? endOf[key] : 0;
            if (ended == 0 || ended >= s.timeMs) total += rss;
        }
        events.append(QJsonObject{{"name", "memory (MB)"},
                                  {"ph", "C"},
                                  {"pid", kPid},
                                  {"ts", micros(s.timeMs)},
                                  {"args", QJsonObject{{"running tasks", bytesToMb(total)}}}});
    }
    return events;
}

// ----- OTLP ------------------------------------------------------------------------------------

/// 16 hex digits (8 bytes) that stay the same for the same thing in the same run.
QString spanId(const QString &what) {
    return QString::fromLatin1(QCryptographicHash::hash(what.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

/// 32 hex digits (16 bytes): the run id's own digits when it is a UUID, else a hash of it.
QString traceId(const QString &runId) {
    QString hex = runId;
    hex.remove(QLatin1Char('-'));
    static const QRegularExpression allHex(QStringLiteral("^[0-9a-fA-F]{32}$"));
    if (allHex.match(hex).hasMatch() && hex != QString(32, QLatin1Char('0'))) return hex.toLower();
    return QString::fromLatin1(QCryptographicHash::hash(runId.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

QString nanos(qint64 ms) { return QString::number(ms * 1000000); }

QJsonObject attribute(const QString &key, const QJsonObject &value) {
    return QJsonObject{{"key", key}, {"value", value}};
}
QJsonObject text(const QString &key, const QString &value) {
    return attribute(key, QJsonObject{{"stringValue", value}});
}
QJsonObject integer(const QString &key, qint64 value) {
    return attribute(key, QJsonObject{{"intValue", QString::number(value)}});  // int64: a decimal string
}
QJsonObject real(const QString &key, double value) {
    return attribute(key, QJsonObject{{"doubleValue", value}});
}

/// STATUS_CODE_OK for a success, STATUS_CODE_ERROR (with the message) for a failure, else unset.
QJsonObject status(RunState state, const QString &message) {
    if (isSuccess(state)) return QJsonObject{{"code", 1}};
    if (isFailure(state)) return QJsonObject{{"code", 2}, {"message", message}};
    return QJsonObject{{"code", 0}};
}

constexpr int kSpanKindInternal = 1;

QJsonObject runSpan(const RunTraceInput &in, qint64 end) {
    const FlowRunRecord &r = in.run;
    QJsonArray attributes{text("flowdeck.run_id", r.id), text("flowdeck.flow", r.flowName),
                          text("flowdeck.state", toString(r.state))};
    if (!r.trigger.isEmpty()) attributes.append(text("flowdeck.trigger", r.trigger));
    if (!r.parameters.isEmpty())
        attributes.append(text("flowdeck.parameters", QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(
                                                                              r.parameters))
                                                                              .toJson(QJsonDocument::Compact))));
    if (r.taskCount >= 0) attributes.append(integer("flowdeck.task_count", r.taskCount));
    return QJsonObject{{"traceId", traceId(r.id)},
                       {"spanId", spanId(QStringLiteral("run:") + r.id)},
                       {"name", r.flowName},
                       {"kind", kSpanKindInternal},
                       {"startTimeUnixNano", nanos(r.startMs > 0 ? r.startMs : r.createdMs)},
                       {"endTimeUnixNano", nanos(end)},
                       {"attributes", attributes},
                       {"status", status(r.state, r.message)}};
}

QJsonObject attemptSpan(const RunTraceInput &in, const AttemptRecord &a, qint64 fallbackEnd) {
    QJsonArray attributes{text("flowdeck.task", a.task), integer("flowdeck.attempt", a.attempt),
                          text("flowdeck.state", toString(a.state)),
                          integer("flowdeck.peak_memory_bytes", a.peakRssBytes),
                          real("flowdeck.cpu_seconds", a.cpuSeconds)};
    if (a.mapIndex >= 0) attributes.append(integer("flowdeck.map_index", a.mapIndex));
    if (a.exitCode >= 0) attributes.append(integer("process.exit.code", a.exitCode));  // semantic conventions
    return QJsonObject{
        {"traceId", traceId(in.run.id)},
        {"spanId", spanId(QStringLiteral("attempt:%1/%2/%3/%4").arg(in.run.id, a.task).arg(a.mapIndex).arg(a.attempt))},
        {"parentSpanId", spanId(QStringLiteral("run:") + in.run.id)},
        {"name", label(a.task, a.mapIndex)},
        {"kind", kSpanKindInternal},
        {"startTimeUnixNano", nanos(a.startMs)},
        {"endTimeUnixNano", nanos(std::max(endOr(a.endMs, fallbackEnd), a.startMs))},
        {"attributes", attributes},
        {"status", status(a.state, a.message)}};
}

}  // namespace

QJsonObject chromeTrace(const RunTraceInput &in) {
    const qint64 end = runEnd(in);
    QJsonArray events;
    events.append(metadata("process_name", -1, QStringLiteral("%1 run %2").arg(in.run.flowName, in.run.id.left(8))));
    events.append(metadata("thread_name", 0, QStringLiteral("run")));
    const qint64 start = in.run.startMs > 0 ? in.run.startMs : in.run.createdMs;
    events.append(QJsonObject{{"name", in.run.flowName},
                              {"cat", toString(in.run.state)},
                              {"ph", "X"},
                              {"pid", kPid},
                              {"tid", 0},
                              {"ts", micros(start)},
                              {"dur", micros(std::max<qint64>(0, end - start))},
                              {"args", QJsonObject{{"run_id", in.run.id}, {"state", toString(in.run.state)},
                                                   {"message", in.run.message}}}});
    const std::vector<int> lane = lanes(in.attempts, end);
    int rows = 0;
    for (size_t i = 0; i < in.attempts.size(); ++i) {
        events.append(slice(in.attempts[i], lane[i], end));
        rows = std::max(rows, lane[i]);
    }
    for (int row = 1; row <= rows; ++row) events.append(metadata("thread_name", row, QStringLiteral("tasks %1").arg(row)));
    // Task runs without an attempt did not run a process: a mark where they ended.
    for (const TaskRunRecord &t : in.taskRuns) {
        if (t.state != RunState::Cached && t.state != RunState::Skipped) continue;
        events.append(QJsonObject{{"name", label(t.task, t.mapIndex)},
                                  {"cat", toString(t.state)},
                                  {"ph", "i"},
                                  {"s", "t"},
                                  {"pid", kPid},
                                  {"tid", 0},
                                  {"ts", micros(endOr(t.endMs, start))},
                                  {"args", QJsonObject{{"state", toString(t.state)}, {"message", t.message}}}});
    }
    for (const QJsonValue &counter : memoryCounter(in)) events.append(counter);
    return QJsonObject{{"traceEvents", events}, {"displayTimeUnit", "ms"}};
}

QJsonObject otlpTrace(const RunTraceInput &in, const QString &version) {
    const qint64 end = runEnd(in);
    QJsonArray spans{runSpan(in, end)};
    for (const AttemptRecord &a : in.attempts) spans.append(attemptSpan(in, a, end));
    const QJsonObject resource{
        {"attributes", QJsonArray{text("service.name", QStringLiteral("flowdeck")), text("service.version", version)}}};
    const QJsonObject scope{{"name", "flowdeck"}, {"version", version}};
    return QJsonObject{
        {"resourceSpans",
         QJsonArray{QJsonObject{{"resource", resource},
                                {"scopeSpans", QJsonArray{QJsonObject{{"scope", scope}, {"spans", spans}}}}}}}};
}

}  // namespace flowdeck
