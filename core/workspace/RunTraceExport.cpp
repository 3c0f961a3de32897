#include "workspace/RunTraceExport.h"

#include "run/RunTrace.h"
#include "store/RunStore.h"

#include <QJsonDocument>
#include <QSaveFile>

namespace flowdeck {

QByteArray runTraceJson(RunStore &store, const FlowRunRecord &run, TraceFormat format, int *attempts) {
    RunTraceInput input;
    input.run = run;
    input.attempts = store.attempts(run.id);
    input.taskRuns = store.taskRuns(run.id);
    for (const StoredSample &s : store.metricSamples(run.id)) input.samples.push_back(s.sample);
    if (attempts) *attempts = int(input.attempts.size());
    const QJsonObject trace =
        format == TraceFormat::Otlp ? otlpTrace(input, QStringLiteral(FLOWDECK_VERSION)) : chromeTrace(input);
    return QJsonDocument(trace).toJson(QJsonDocument::Compact) + '\n';
}

bool writeTraceFile(const QString &path, const QByteArray &bytes, QString *error) {
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit()) return true;
    *error = file.errorString();
    return false;
}

}  // namespace flowdeck
