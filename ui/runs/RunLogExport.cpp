#include "RunLogExport.h"

#include "store/RunStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSaveFile>

namespace flowdeck {

namespace {

struct RunLogExport {
    Q_DECLARE_TR_FUNCTIONS(RunLogExport)
};

QString streamName(LogLine::Stream stream) {
    switch (stream) {
        case LogLine::Stream::Stdout: return QStringLiteral("stdout");
        case LogLine::Stream::Stderr: return QStringLiteral("stderr");
        case LogLine::Stream::Engine: return QStringLiteral("engine");
    }
    return {};
}

}  // namespace

QString logLineText(const StoredLogLine &stored) {
    const LogLine &l = stored.line;
    QString task = l.task.isEmpty() ? QStringLiteral("(run)") : l.task;
    if (l.mapIndex >= 0) task += QStringLiteral("[%1]").arg(l.mapIndex);
    if (l.attempt > 0) task += QStringLiteral(" #%1").arg(l.attempt);
    return QStringLiteral("%1 %2 %3 %4: %5")
        .arg(QDateTime::fromMSecsSinceEpoch(l.timeMs).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz")), task,
             toString(l.level).toUpper(), streamName(l.stream), l.text);
}

qint64 exportRunLog(const RunStore &store, const QString &runId, const QString &path, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error) *error = RunLogExport::tr("cannot write %1: %2").arg(path, file.errorString());
        return -1;
    }
    constexpr int kPage = 5000;
    const qint64 last = store.logLineCount(runId);
    qint64 written = 0;
    for (qint64 first = 1; first <= last; first += kPage) {
        for (const StoredLogLine &line : store.logLines(runId, first, kPage)) {
            file.write(logLineText(line).toUtf8());
            file.write("\n");
            ++written;
        }
    }
    if (!file.commit()) {
        if (error) *error = RunLogExport::tr("cannot write %1: %2").arg(path, file.errorString());
        return -1;
    }
    return written;
}

}  // namespace flowdeck
