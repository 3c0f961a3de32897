// flowdeck-cli task run FLOW TASK: one task on its own, as an exported step runs it.

#include "Commands.h"
#include "Console.h"
#include "StopSignals.h"

#include "deploy/TaskStep.h"
#include "engine/ProcessRunner.h"
#include "flow/FlowFile.h"
#include "settings/EngineOptions.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

namespace flowdeck::cli {

CommandHelp taskHelp() {
    return {QStringLiteral("task run FLOW TASK [--inputs FILE | --inputs-json JSON] [--result FILE] [--param NAME=VALUE]... "
                           "[--retries N] [--map-item JSON] [--run-dir DIR]"),
            {{QStringLiteral("inputs"), QStringLiteral("FILE"),
              QStringLiteral("JSON {\"params\": {...}, \"upstream\": {TASK: result}, \"item\": ..., \"index\": N}")},
             {QStringLiteral("inputs-json"), QStringLiteral("JSON"), QStringLiteral("The same document as text (what Argo steps pass)")},
             {QStringLiteral("result"), QStringLiteral("FILE"), QStringLiteral("Write the task's result as JSON here (null when it has none)")},
             {QStringLiteral("param"), QStringLiteral("NAME=VALUE"), QStringLiteral("A parameter value, over the inputs' (repeatable)")},
             {QStringLiteral("retries"), QStringLiteral("N"), QStringLiteral("Retries instead of the task's own (0 when the caller retries)")},
             {QStringLiteral("map-item"), QStringLiteral("JSON"), QStringLiteral("The item of a mapped task (JSON, or text as it is)")},
             {QStringLiteral("map-index"), QStringLiteral("N"), QStringLiteral("The index of that item (default 0)")},
             {QStringLiteral("run-dir"), QStringLiteral("DIR"),
              QStringLiteral("FLOWDECK_RUN_DIR, shared by the steps of one run (default: a new temporary folder)")}},
            QStringLiteral(
                "Runs exactly one task of FLOW with the task's retries, delays and timeout, and needs no\n"
                "database: this is what Kubernetes and Argo steps run. Logs go to stdout as JSON lines\n"
                "  {\"time\", \"task\", \"attempt\", \"stream\", \"level\", \"message\"}\n"
                "and state changes as {\"time\", \"task\", \"attempt\", \"state\", \"message\"}.\n"
                "Secrets named in the flow ({secret: NAME}) come from FLOWDECK_SECRET_<NAME>, systemd\n"
                "credentials or the keyring.\n"
                "Exit status: 0 Completed, 1 Failed, 2 usage errors or a task that cannot start,\n"
                "124 TimedOut, 130 Cancelled.")};
}

namespace {

QString isoNow(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); }

void printJsonLine(const QJsonObject &object) {
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

QString streamName(LogLine::Stream s) {
    return s == LogLine::Stream::Stdout ? QStringLiteral("stdout") : s == LogLine::Stream::Stderr ? QStringLiteral("stderr") : QStringLiteral("engine");
}

std::optional<QVariantMap> readInputs(const Invocation &inv, QString *error) {
    QByteArray bytes;
    if (inv.isSet(QStringLiteral("inputs")) && inv.isSet(QStringLiteral("inputs-json"))) {
        *error = QStringLiteral("give --inputs or --inputs-json, not both");
        return std::nullopt;
    }
    if (inv.isSet(QStringLiteral("inputs"))) {
        QFile file(inv.value(QStringLiteral("inputs")));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        bytes = file.readAll();
    } else if (inv.isSet(QStringLiteral("inputs-json"))) {
        bytes = inv.value(QStringLiteral("inputs-json")).toUtf8();
    } else {
        return QVariantMap();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("the inputs are not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    return doc.object().toVariantMap();
}

/// JSON when it parses as JSON, else the text itself (Argo hands string items over bare).
QVariant itemValue(const QString &text) {
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
    return doc.isArray() && doc.array().size() == 1 ? doc.array().at(0).toVariant() : QVariant(text);
}

bool writeResult(const QString &path, const QVariant &result, QString *error) {
    QSaveFile file(path);
    const QByteArray wrapped = QJsonDocument(QJsonArray{QJsonValue::fromVariant(result)}).toJson(QJsonDocument::Compact);
    const QByteArray json = result.isValid() && !result.isNull() ? wrapped.mid(1, wrapped.size() - 2) : QByteArray("null");
    if (!file.open(QIODevice::WriteOnly) || file.write(json + '\n') < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int exitCodeOf(RunState state) {
    if (state == RunState::Completed) return ExitOk;
    if (state == RunState::TimedOut) return 124;
    if (state == RunState::Cancelled) return 130;
    return ExitFailure;
}

}  // namespace

int runTask(const Invocation &inv) {
    if (inv.arguments.size() != 3 || inv.arguments.first() != QLatin1String("run"))
        return usageError(*inv.command, QStringLiteral("expected: task run FLOW TASK"));
    const QString flowPath = QFileInfo(inv.arguments[1]).absoluteFilePath();
    const LoadResult loaded = FlowFile::load(flowPath);
    if (!loaded.isValid()) {
        for (const Diagnostic &d : loaded.diagnostics) printErr(d.toString() + QLatin1Char('\n'));
        return ExitUsage;
    }
    QString error;
    const auto inputs = readInputs(inv, &error);
    if (!inputs) return usageError(*inv.command, error);
    TaskStepRequest request;
    request.flow = loaded.flow;
    request.flowPath = flowPath;
    request.task = inv.arguments[2];
    request.inputs = *inputs;
    if (inv.isSet(QStringLiteral("map-item"))) {
        request.inputs.insert(QStringLiteral("item"), itemValue(inv.value(QStringLiteral("map-item"))));
        request.inputs.insert(QStringLiteral("index"), inv.value(QStringLiteral("map-index"), QStringLiteral("0")).toInt());
    }
    for (const QString &pair : inv.values(QStringLiteral("param"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) return usageError(*inv.command, QStringLiteral("--param expects NAME=VALUE, got '%1'").arg(pair));
        request.parameterText.insert(pair.left(eq), pair.mid(eq + 1));
    }
    if (inv.isSet(QStringLiteral("retries"))) {
        bool ok = false;
        const int n = inv.value(QStringLiteral("retries")).toInt(&ok);
        if (!ok || n < 0) return usageError(*inv.command, QStringLiteral("--retries expects an integer >= 0"));
        request.retries = n;
    }
    QTemporaryDir scratch(QDir::temp().filePath(QStringLiteral("flowdeck-task-XXXXXX")));
    request.runDirectory = inv.value(QStringLiteral("run-dir"), scratch.path());
    request.scratchDirectory = scratch.path();  // never shared: parallel steps of a mapped task write here
    if (!QDir().mkpath(request.runDirectory)) {
        printError(QStringLiteral("cannot create the run folder %1").arg(request.runDirectory));
        return ExitFailure;
    }
    request.memoryLimitBytes = loaded.flow.runner.memoryLimitBytes;
    CancelToken cancel;
    request.cancel = &cancel;

    const auto log = [&](const LogLine &line) {
        printJsonLine({{"time", isoNow(line.timeMs)}, {"task", line.task}, {"attempt", line.attempt},
                       {"stream", streamName(line.stream)}, {"level", toString(line.level)}, {"message", line.text}});
    };
    const auto onState = [&](int attempt, RunState state, const QString &message) {
        QJsonObject o{{"time", isoNow(QDateTime::currentMSecsSinceEpoch())}, {"task", request.task}, {"attempt", attempt},
                      {"state", toString(state)}};
        if (!message.isEmpty()) o.insert(QStringLiteral("message"), message);
        printJsonLine(o);
    };
    // The step runs on a pool thread so that SIGTERM (a pod being stopped) cancels it cleanly.
    StopSignals stop;
    QObject::connect(&stop, &StopSignals::received, [&](int) { cancel.cancel(); });
    QFutureWatcher<TaskStepResult> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<TaskStepResult>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&] { return runTaskStep(request, log, onState); }));
    if (!watcher.isFinished()) loop.exec();
    const TaskStepResult result = watcher.result();
    if (!result.problems.empty()) {
        for (const Diagnostic &d : result.problems) printErr(d.toString() + QLatin1Char('\n'));
        return ExitUsage;
    }
    if (inv.isSet(QStringLiteral("result")) && !writeResult(inv.value(QStringLiteral("result")), result.result, &error)) {
        printError(error);
        return ExitFailure;
    }
    return exitCodeOf(result.state);
}

}  // namespace flowdeck::cli
