#include "TaskAttempt.h"

#include "FlowRun.h"
#include "ProcessRunner.h"
#include "flow/FlowFile.h"
#include "flow/TaskKinds.h"
#include "flow/Units.h"
#include "run/PrivateFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <poll.h>

#include <algorithm>
#include <utility>

namespace flowdeck {

namespace {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QString jsonText(const QVariant &value) {
    if (!value.isValid() || value.isNull()) return QStringLiteral("null");
    const QJsonValue json = QJsonValue::fromVariant(value);
    if (json.isObject()) return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    if (json.isArray()) return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    // Scalars: wrap in an array to use the JSON writer, then unwrap.
    const QByteArray wrapped = QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString attemptName(const AttemptInput &in) {
    return in.mapIndex < 0 ? in.task.name : QStringLiteral("%1.%2").arg(in.task.name).arg(in.mapIndex);
}

LogLine engineLine(const AttemptInput &in, LogLine::Level level, const QString &text) {
    LogLine line;
    line.runId = in.runId;
    line.task = in.task.name;
    line.mapIndex = in.mapIndex;
    line.attempt = in.attempt;
    line.timeMs = nowMs();
    line.stream = LogLine::Stream::Engine;
    line.level = level;
    line.text = in.masker.mask(text);
    return line;
}

/// A stderr line: `LEVEL: text` (what the python helper's logger writes, and what a shell
/// script can write too) is stored at that level without the prefix; any other line is a warning.
LogLine stderrLine(const AttemptInput &in, const QString &text) {
    static const std::pair<QLatin1String, LogLine::Level> prefixes[] = {
        {QLatin1String("DEBUG: "), LogLine::Level::Debug},    {QLatin1String("INFO: "), LogLine::Level::Info},
        {QLatin1String("WARNING: "), LogLine::Level::Warning}, {QLatin1String("ERROR: "), LogLine::Level::Error},
        {QLatin1String("CRITICAL: "), LogLine::Level::Error},
    };
    for (const auto &[prefix, level] : prefixes)
        if (text.startsWith(prefix)) return engineLine(in, level, text.mid(prefix.size()));
    return engineLine(in, LogLine::Level::Warning, text);
}

/// Writes the JSON inputs file the task reads (FLOWDECK_INPUTS).
QString writeInputs(const AttemptInput &in, const QString &path, QString *error) {
    QJsonObject inputs;
    inputs.insert(QStringLiteral("params"), QJsonObject::fromVariantMap(in.parameters));
    inputs.insert(QStringLiteral("upstream"), QJsonObject::fromVariantMap(in.upstream));
    if (in.mapIndex >= 0) {
        inputs.insert(QStringLiteral("item"), QJsonValue::fromVariant(in.mapItem));
        inputs.insert(QStringLiteral("index"), in.mapIndex);
    }
    inputs.insert(QStringLiteral("task"), in.task.name);
    inputs.insert(QStringLiteral("attempt"), in.attempt);
    // A plain write: the file is this attempt's own and the task reads it only after. Created
    // 0600 first, since parameters and upstream results can be private.
    makePrivateFile(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(inputs).toJson(QJsonDocument::Compact)) < 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    return path;
}

QHash<QString, QString> environmentFor(const AttemptInput &in, const QString &inputsPath, const QString &resultPath) {
    QHash<QString, QString> env = in.baseEnvironment;
    env.insert(QStringLiteral("FLOWDECK_RUN_ID"), in.runId);
    env.insert(QStringLiteral("FLOWDECK_RUN_DIR"), in.runDirectory);
    env.insert(QStringLiteral("FLOWDECK_FLOW"), in.flowName);
    env.insert(QStringLiteral("FLOWDECK_FLOW_DIR"), in.flowDirectory);
    env.insert(QStringLiteral("FLOWDECK_TASK"), in.task.name);
    env.insert(QStringLiteral("FLOWDECK_ATTEMPT"), QString::number(in.attempt));
    env.insert(QStringLiteral("FLOWDECK_INPUTS"), inputsPath);
    env.insert(QStringLiteral("FLOWDECK_RESULT"), resultPath);
    for (auto it = in.parameters.constBegin(); it != in.parameters.constEnd(); ++it)
        env.insert(environmentName(QStringLiteral("FLOWDECK_PARAM_"), it.key()), environmentText(it.value()));
    for (auto it = in.upstream.constBegin(); it != in.upstream.constEnd(); ++it)
        env.insert(environmentName(QStringLiteral("FLOWDECK_UPSTREAM_"), it.key()), environmentText(it.value()));
    if (in.mapIndex >= 0) {
        env.insert(QStringLiteral("FLOWDECK_MAP_ITEM"), environmentText(in.mapItem));
        env.insert(QStringLiteral("FLOWDECK_MAP_INDEX"), QString::number(in.mapIndex));
    }
    const QString helper = pythonHelperDirectory();
    const QString pythonPath = env.value(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONPATH"), pythonPath.isEmpty() ? helper : helper + QLatin1Char(':') + pythonPath);
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));  // logs arrive as they are written
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));  // no __pycache__ in workspaces
    for (const EnvVar &var : in.task.env) env.insert(var.name, var.value);
    return env;
}

ProcessSpec processSpecFor(const AttemptInput &in) {
    ProcessSpec spec;
    const bool python = scriptLanguageOf(in.task) == ScriptLanguage::Python;
    spec.program = python ? in.python : in.shell;
    // The script is the user's own text; values reach it only through the environment.
    spec.arguments = {QStringLiteral("-c"), in.task.script};
    if (!python) spec.arguments << QStringLiteral("flowdeck-task");  // $0 of the bash script
    QString workdir = in.flowDirectory;
    if (!in.task.workdir.isEmpty()) workdir = QDir(in.flowDirectory).absoluteFilePath(in.task.workdir);
    spec.workingDirectory = workdir;
    spec.timeoutSeconds = in.task.timeoutSeconds.value_or(0);
    spec.killGraceSeconds = in.killGraceSeconds;
    spec.memoryLimitBytes = in.memoryLimitBytes;
    return spec;
}

/// Reads the result file a task may have written; a missing file is no result.
bool readResult(const QString &path, QVariant *result, QString *error) {
    QFile file(path);
    if (!file.exists()) return true;
    narrowToOwner(path);  // the task wrote it with its own umask; it may stay in the run folder
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the result file: %1").arg(file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    // Scalars are valid JSON results too, so parse inside an array.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + bytes + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1) {
        *error = QStringLiteral("the result file is not valid JSON: %1").arg(parseError.errorString());
        return false;
    }
    *result = doc.array().at(0).toVariant();
    return true;
}

AttemptResult fromOutcome(const ProcessOutcome &outcome, const AttemptInput &in, const QString &lastError) {
    AttemptResult r;
    r.exitCode = outcome.exitCode;
    r.peakRssBytes = outcome.peakRssBytes;
    r.cpuSeconds = outcome.cpuSeconds;
    switch (outcome.end) {
    case ProcessOutcome::End::Exited:
        if (outcome.exitCode == 0 || traitsOf(in.task.kind).choosesBranch) {
            r.state = RunState::Completed;
            return r;
        }
        r.state = RunState::Failed;
        r.message = QStringLiteral("exited with status %1").arg(outcome.exitCode);
        if (!lastError.isEmpty()) r.message += QLatin1String(": ") + lastError;
        return r;
    case ProcessOutcome::End::TimedOut: r.state = RunState::TimedOut; break;
    case ProcessOutcome::End::Cancelled: r.state = RunState::Cancelled; break;
    case ProcessOutcome::End::MemoryExceeded:
    case ProcessOutcome::End::Signalled:
    case ProcessOutcome::End::FailedToStart: r.state = RunState::Failed; break;
    }
    r.message = outcome.error;
    return r;
}

AttemptResult runScript(const AttemptInput &in, const LogSink &log, const SampleSink &sampleSink) {
    AttemptResult failed;
    // One shared scratch folder per run (made by FlowRun::prepare) and file names per attempt:
    // creating folders and files on a journalled disk shows next to a 1 ms `true`.
    const QString stem = QStringLiteral("%1/%2.%3").arg(in.scratchDirectory, attemptName(in)).arg(in.attempt);
    const QString inputsPath = writeInputs(in, stem + QStringLiteral(".inputs.json"), &failed.message);
    if (inputsPath.isEmpty()) return failed;
    const QString resultPath = stem + QStringLiteral(".result.json");

    ProcessSpec spec = processSpecFor(in);
    spec.environment = environmentFor(in, inputsPath, resultPath);
    QString lastError;
    const auto onLine = [&](LogLine::Stream stream, const QString &text) {
        // The runner's own lines (memory ceiling, log limit) carry a level prefix as stderr may.
        LogLine line = stream == LogLine::Stream::Stdout ? engineLine(in, LogLine::Level::Info, text)
                                                         : stderrLine(in, text);
        line.stream = stream;
        // The failure message quotes the task's last complaint, not a progress line logged at info.
        if (stream != LogLine::Stream::Engine && line.level >= LogLine::Level::Warning && !line.text.trimmed().isEmpty())
            lastError = line.text.trimmed();
        log(line);
    };
    // Samples feed the run's metrics (peak memory, CPU); a task shorter than the first sample
    // interval costs nothing here.
    const auto onSample = [&](qint64 rss, double cpu) {
        if (!sampleSink) return;
        MetricSample sample;
        sample.runId = in.runId;
        sample.task = in.task.name;
        sample.mapIndex = in.mapIndex;
        sample.attempt = in.attempt;
        sample.timeMs = nowMs();
        sample.rssBytes = rss;
        sample.cpuSeconds = cpu;
        sampleSink(sample);
    };
    const ProcessOutcome outcome = ProcessRunner::run(spec, onLine, onSample, in.cancel);
    AttemptResult r = fromOutcome(outcome, in, lastError);
    r.message = in.masker.mask(r.message);
    if (r.state != RunState::Completed) return r;
    if (traitsOf(in.task.kind).choosesBranch) {
        r.result = outcome.exitCode == 0;
        return r;
    }
    QString error;
    if (!readResult(resultPath, &r.result, &error)) {
        r.state = RunState::Failed;
        r.message = error;
    }
    return r;
}

AttemptResult runSleep(const AttemptInput &in) {
    AttemptResult r;
    const qint64 deadline = nowMs() + qint64(in.task.sleepSeconds * 1000);
    const qint64 timeoutAt = in.task.timeoutSeconds ? nowMs() + qint64(*in.task.timeoutSeconds * 1000) : 0;
    for (;;) {
        const qint64 now = nowMs();
        if (timeoutAt && now >= timeoutAt && timeoutAt < deadline) {
            r.state = RunState::TimedOut;
            r.message = QStringLiteral("timed out after %1").arg(formatDuration(*in.task.timeoutSeconds));
            return r;
        }
        if (now >= deadline) break;
        const qint64 until = timeoutAt ? std::min(deadline, timeoutAt) : deadline;
        pollfd fd{in.cancel ? in.cancel->fd() : -1, POLLIN, 0};
        poll(&fd, 1, int(std::min<qint64>(until - now, 1000)));
        if (in.cancel && in.cancel->isCancelled()) {
            r.state = RunState::Cancelled;
            r.message = QStringLiteral("cancelled");
            return r;
        }
    }
    r.state = RunState::Completed;
    return r;
}

/// The stricter of two limits where 0 means none.
template <typename T>
T tighterLimit(T parent, T own) {
    if (parent <= 0) return own;
    if (own <= 0) return parent;
    return std::min(parent, own);
}

/// `${params.NAME}` and `${upstream.TASK}` in subflow parameter values: a whole-string
/// reference keeps the value's type, references inside text are replaced by their text.
QVariant resolveReferences(const QVariant &value, const AttemptInput &in) {
    if (value.typeId() == QMetaType::QVariantMap) {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it) it.value() = resolveReferences(it.value(), in);
        return map;
    }
    if (value.typeId() == QMetaType::QVariantList) {
        QVariantList list = value.toList();
        for (QVariant &item : list) item = resolveReferences(item, in);
        return list;
    }
    if (value.typeId() != QMetaType::QString) return value;
    static const QRegularExpression reference(QStringLiteral("\\$\\{(params|upstream)\\.([A-Za-z0-9_-]+)\\}"));
    const QString text = value.toString();
    const auto lookup = [&](const QRegularExpressionMatch &m) {
        return m.captured(1) == QLatin1String("params") ? in.parameters.value(m.captured(2))
                                                        : in.upstream.value(m.captured(2));
    };
    const auto whole = reference.match(text);
    if (whole.hasMatch() && whole.capturedLength() == text.size()) return lookup(whole);
    QString out = text;
    for (auto it = reference.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out.replace(m.captured(0), environmentText(lookup(m)));
    }
    return out;
}

AttemptResult runSubflow(const AttemptInput &in, const LogSink &log) {
    AttemptResult r;
    const QString path = QDir(in.flowDirectory).absoluteFilePath(in.task.subflow);
    const LoadResult loaded = FlowFile::load(path);
    if (!loaded.isValid()) {
        QStringList problems;
        for (const Diagnostic &d : loaded.diagnostics) problems << d.toString();
        r.message = QStringLiteral("subflow %1 is not valid:\n%2").arg(in.task.subflow, problems.join('\n'));
        return r;
    }
    RunOptions options;
    options.parameterValues = resolveReferences(in.task.subflowParameters, in).toMap();
    // The child runs under the parent's settings; its own runner section may only tighten them,
    // else a subflow would be a way around the limits its caller was started with.
    options.memoryLimitBytes = tighterLimit<qint64>(in.memoryLimitBytes, loaded.flow.runner.memoryLimitBytes);
    options.maxParallel = tighterLimit(in.maxParallel, loaded.flow.runner.maxParallel);
    options.python = in.python;
    options.shell = in.shell;
    options.killGraceSeconds = in.killGraceSeconds;
    options.runsDirectory = QFileInfo(in.runDirectory).absolutePath();
    options.parentRunId = in.runId;
    options.parentTask = in.task.name;
    options.parentCancel = in.cancel;
    options.secrets = in.secrets;
    options.flowValidated = true;  // FlowFile::load above, without errors
    FlowRun child(loaded.flow, path, in.services, options);
    const Diagnostics refused = child.prepare();
    if (hasErrors(refused)) {
        QStringList problems;
        for (const Diagnostic &d : refused) problems << d.message;
        r.message = QStringLiteral("subflow %1 refused: %2").arg(in.task.subflow, problems.join("; "));
        return r;
    }
    log(engineLine(in, LogLine::Level::Info, QStringLiteral("started subflow run %1 (%2)").arg(child.id(), loaded.flow.name)));
    const RunState state = child.execute();
    r.result = child.results();
    r.state = isSuccess(state) ? RunState::Completed : state == RunState::Cancelled ? RunState::Cancelled : RunState::Failed;
    if (!isSuccess(state))
        r.message = QStringLiteral("subflow run %1 ended %2: %3").arg(child.id(), toString(state), child.message());
    return r;
}

}  // namespace

QString environmentName(const QString &prefix, const QString &name) {
    QString upper = name.toUpper();
    upper.replace(QLatin1Char('-'), QLatin1Char('_'));
    return prefix + upper;
}

QString environmentText(const QVariant &value) {
    if (value.typeId() == QMetaType::QString) return value.toString();
    return jsonText(value);
}

AttemptResult runAttempt(const AttemptInput &in, const LogSink &log, const SampleSink &sample) {
    if (in.cancel && in.cancel->isCancelled()) return {RunState::Cancelled, QStringLiteral("cancelled"), {}, -1, 0, 0};
    switch (traitsOf(in.task.kind).execution) {
    case TaskExecution::Nothing: return {RunState::Completed, {}, {}, 0, 0, 0};
    case TaskExecution::Sleep: return runSleep(in);
    case TaskExecution::Subflow: return runSubflow(in, log);
    case TaskExecution::Approval:  // the orchestrator waits for a person; there is nothing to run
        return {RunState::Failed, QStringLiteral("an approval task is resumed, not run"), {}, -1, 0, 0};
    case TaskExecution::Process: break;
    }
    return runScript(in, log, sample);
}

}  // namespace flowdeck
