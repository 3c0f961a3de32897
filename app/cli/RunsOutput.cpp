// flowdeck-cli runs logs|trace: a run's log (followed, searched) and its execution trace.

#include "Commands.h"
#include "Console.h"
#include "RunReport.h"
#include "RunsSubcommands.h"
#include "Workspace.h"
#include "engine/TaskAttempt.h"
#include "workspace/RunComparison.h"
#include "workspace/RunTraceExport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace flowdeck::cli::runs {

namespace {

QString streamName(LogLine::Stream stream) {
    switch (stream) {
    case LogLine::Stream::Stderr: return QStringLiteral("stderr");
    case LogLine::Stream::Engine: return QStringLiteral("engine");
    case LogLine::Stream::Stdout: break;
    }
    return QStringLiteral("stdout");
}

QString logText(const LogLine &l) {
    return QStringLiteral("%1 %2 #%3 %4 %5: %6\n")
        .arg(QDateTime::fromMSecsSinceEpoch(l.timeMs).toString(QStringLiteral("HH:mm:ss.zzz")), taskLabel(l.task, l.mapIndex))
        .arg(l.attempt).arg(streamName(l.stream), toString(l.level), l.text);
}

QJsonObject logJson(const StoredLogLine &stored) {
    const LogLine &l = stored.line;
    QJsonObject line{{"id", stored.id},
                     {"line", stored.seq},
                     {"time", isoTime(l.timeMs)},
                     {"task", l.task},
                     {"attempt", l.attempt},
                     {"level", toString(l.level)},
                     {"stream", streamName(l.stream)},
                     {"message", l.text}};
    if (l.mapIndex >= 0) line.insert(QStringLiteral("map_index"), l.mapIndex);
    return line;
}

/// One JSON object per line, so a reader (or `--follow`) can take lines as they come.
QString logJsonLine(const StoredLogLine &stored) {
    return QString::fromUtf8(QJsonDocument(logJson(stored)).toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
}

bool readLevel(const Invocation &inv, LogLine::Level *level) {
    if (!inv.isSet(QStringLiteral("level"))) return true;
    const auto parsed = logLevelFromString(inv.value(QStringLiteral("level")));
    if (!parsed) return false;
    *level = *parsed;
    return true;
}

/// `logs --search`: every hit of the run's whole log with the lines around it.
int search(const Invocation &inv, RunStore &store, const FlowRunRecord &run) {
    LogSearch search;
    search.text = inv.value(QStringLiteral("search"));
    search.task = inv.value(QStringLiteral("task"));
    if (!readLevel(inv, &search.minLevel))
        return usageError(*inv.command, QStringLiteral("--level needs debug, info, warning or error"));
    bool ok = true;
    search.context = inv.value(QStringLiteral("context"), QStringLiteral("2")).toInt(&ok);
    if (!ok || search.context < 0) return usageError(*inv.command, QStringLiteral("--context needs a number >= 0"));
    search.limit = 500;
    const bool json = inv.isSet(QStringLiteral("json"));
    int hits = 0;
    for (;;) {
        const LogSearchResult result = store.searchLogs(run.id, search);
        if (!result.error.isEmpty()) {
            printError(result.error);
            return ExitUsage;
        }
        for (const LogHit &hit : result.hits) {
            ++hits;
            if (json) {
                QJsonArray before, after;
                for (const StoredLogLine &l : hit.before) before.append(logJson(l));
                for (const StoredLogLine &l : hit.after) after.append(logJson(l));
                printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{"hit", logJson(hit.line)}, {"before", before}, {"after", after}})
                                               .toJson(QJsonDocument::Compact)) +
                         QLatin1Char('\n'));
                continue;
            }
            QString text = QStringLiteral("--- line %1\n").arg(hit.line.seq);
            for (const StoredLogLine &l : hit.before) text += QStringLiteral("  %1  ").arg(l.seq) + logText(l.line);
            text += QStringLiteral("> %1  ").arg(hit.line.seq) + logText(hit.line.line);
            for (const StoredLogLine &l : hit.after) text += QStringLiteral("  %1  ").arg(l.seq) + logText(l.line);
            printOut(text);
        }
        if (!result.more) break;
        search.afterId = result.hits.back().line.id;
    }
    if (!json) printErr(QStringLiteral("%1 line(s) found\n").arg(hits));
    return hits > 0 ? ExitOk : ExitFailure;
}

}  // namespace

int logs(const Invocation &inv, RunStore &store, const QString &id) {
    const auto run = findRun(store, id);
    if (!run) return ExitFailure;
    if (inv.isSet(QStringLiteral("search"))) return search(inv, store, *run);
    LogQuery query;
    query.task = inv.value(QStringLiteral("task"));
    if (!readLevel(inv, &query.minLevel))
        return usageError(*inv.command, QStringLiteral("--level needs debug, info, warning or error"));
    const bool follow = inv.isSet(QStringLiteral("follow"));
    const bool json = inv.isSet(QStringLiteral("json"));
    for (;;) {
        // A page at a time: a run's log may be longer than one query's limit.
        std::size_t pageSize = 0;
        do {
            const std::vector<StoredLogLine> page = store.logs(run->id, query);
            for (const StoredLogLine &stored : page) {
                printOut(json ? logJsonLine(stored) : logText(stored.line));
                query.afterId = stored.id;
            }
            pageSize = page.size();
        } while (pageSize >= std::size_t(query.limit));
        if (!follow) break;
        const auto now = store.run(run->id);
        if (!now || isFinal(now->state)) break;
        QThread::msleep(200);  // another process writes; the file is the only channel we share
    }
    return ExitOk;
}

int trace(const Invocation &inv, RunStore &store, const QString &id) {
    const QString format = inv.value(QStringLiteral("format"), QStringLiteral("chrome"));
    if (format != QLatin1String("chrome") && format != QLatin1String("otlp"))
        return usageError(*inv.command, QStringLiteral("--format needs chrome or otlp, got '%1'").arg(format));
    const auto run = findRun(store, id);
    if (!run) return ExitFailure;
    int attempts = 0;
    const QByteArray bytes = runTraceJson(store, *run, format == QLatin1String("otlp") ? TraceFormat::Otlp : TraceFormat::Chrome,
                                          &attempts);
    const QString output = inv.value(QStringLiteral("output"), QStringLiteral("-"));
    if (output == QLatin1String("-")) {
        printOut(QString::fromUtf8(bytes));
        return ExitOk;
    }
    QString error;
    if (!writeTraceFile(output, bytes, &error)) {
        printError(QStringLiteral("cannot write %1: %2").arg(output, error));
        return ExitFailure;
    }
    printOut(QStringLiteral("wrote the %1 trace of run %2 (%3 attempts) to %4\n")
                 .arg(format == QLatin1String("otlp") ? QStringLiteral("OTLP JSON") : QStringLiteral("Chrome trace-event"),
                      shortId(run->id))
                 .arg(attempts)
                 .arg(output));
    return ExitOk;
}

namespace {

QJsonValue jsonOf(const QVariant &value) {
    return value.isValid() ? QJsonValue::fromVariant(value) : QJsonValue(QJsonValue::Undefined);
}

QString shown(const QVariant &value) {
    if (!value.isValid()) return QStringLiteral("-");
    return value.typeId() == QMetaType::QString ? value.toString() : environmentText(value);
}

QJsonObject differenceJson(const TaskDifference &d) {
    QJsonObject o{{"task", d.task},
                  {"state_changed", d.stateChanged()},
                  {"left_state", d.inLeft ? QJsonValue(toString(d.leftState)) : QJsonValue()},
                  {"right_state", d.inRight ? QJsonValue(toString(d.rightState)) : QJsonValue()},
                  {"left_attempts", d.leftAttempts},
                  {"right_attempts", d.rightAttempts},
                  {"left_duration_seconds", d.leftSeconds},
                  {"right_duration_seconds", d.rightSeconds}};
    if (d.firstDifferentLine > 0)
        o.insert(QStringLiteral("first_different_line"),
                 QJsonObject{{"line", d.firstDifferentLine}, {"left", d.leftLine}, {"right", d.rightLine}});
    return o;
}

}  // namespace

int compare(const Invocation &inv, RunStore &store, const QString &left, const QString &right) {
    const RunComparison c = compareRuns(store, left, right);
    if (!c.error.isEmpty()) {
        printError(c.error);
        return ExitFailure;
    }
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray parameters, tasks;
        for (const ParameterDifference &p : c.parameters)
            parameters.append(QJsonObject{{"name", p.name}, {"left", jsonOf(p.left)}, {"right", jsonOf(p.right)},
                                          {"differs", p.differs}});
        for (const TaskDifference &d : c.tasks) tasks.append(differenceJson(d));
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{"left", toJson(c.left)},
                                                             {"right", toJson(c.right)},
                                                             {"parameters", parameters},
                                                             {"tasks", tasks}})
                                       .toJson()));
        return ExitOk;
    }
    QString out = QStringLiteral("%1 (%2) against %3 (%4)\n")
                      .arg(shortId(c.left.id), toString(c.left.state), shortId(c.right.id), toString(c.right.state));
    QList<QStringList> rows{{"PARAMETER", "LEFT", "RIGHT", ""}};
    for (const ParameterDifference &p : c.parameters)
        rows << QStringList{p.name, shown(p.left), shown(p.right), p.differs ? QStringLiteral("differs") : QString()};
    if (c.parameters.size() > 0) out += table(rows, QStringLiteral("  "));
    rows = {{"TASK", "LEFT", "RIGHT", "LEFT TIME", "RIGHT TIME", "FIRST DIFFERENT LINE"}};
    for (const TaskDifference &d : c.tasks)
        rows << QStringList{d.task,
                            d.inLeft ? toString(d.leftState) : QStringLiteral("-"),
                            d.inRight ? toString(d.rightState) : QStringLiteral("-"),
                            formatSeconds(d.leftSeconds),
                            formatSeconds(d.rightSeconds),
                            d.firstDifferentLine > 0 ? QStringLiteral("%1: %2 | %3")
                                                           .arg(d.firstDifferentLine)
                                                           .arg(d.leftLine.left(40), d.rightLine.left(40))
                                                     : QString()};
    out += table(rows, QStringLiteral("  "));
    printOut(out);
    return ExitOk;
}

}  // namespace flowdeck::cli::runs
