#include "AppLog.h"

#include "Settings.h"
#include "run/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include <sys/stat.h>

namespace flowdeck {

namespace {

constexpr std::size_t maxFileBytes = 5 * 1024 * 1024;
// spdlog keeps this many rotated files besides the current one: 3 files in all.
constexpr std::size_t rotatedFiles = 2;

QMutex setupMutex;
QtMessageHandler previousHandler = nullptr;
bool handlerInstalled = false;

spdlog::level::level_enum toSpdlog(LogLevel level) {
    switch (level) {
        case LogLevel::Trace:
            return spdlog::level::trace;
        case LogLevel::Debug:
            return spdlog::level::debug;
        case LogLevel::Info:
            return spdlog::level::info;
        case LogLevel::Warning:
            return spdlog::level::warn;
        case LogLevel::Error:
            return spdlog::level::err;
        case LogLevel::Off:
            return spdlog::level::off;
    }
    return spdlog::level::info;
}

spdlog::level::level_enum toSpdlog(QtMsgType type) {
    switch (type) {
        case QtDebugMsg:
            return spdlog::level::debug;
        case QtInfoMsg:
            return spdlog::level::info;
        case QtWarningMsg:
            return spdlog::level::warn;
        case QtCriticalMsg:
            return spdlog::level::err;
        case QtFatalMsg:
            return spdlog::level::critical;
    }
    return spdlog::level::info;
}

/// Qt messages join the application log; Qt itself aborts after a qFatal returns from here.
void forwardQtMessage(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    // default_logger() (not the raw pointer) stays valid if setupAppLog replaces it meanwhile.
    const std::shared_ptr<spdlog::logger> logger = spdlog::default_logger();
    if (!logger) return;
    const char *category = context.category ? context.category : "default";
    QString text = message;
    if (qstrcmp(category, "default") != 0)
        text = QStringLiteral("[%1] %2").arg(QLatin1String(category), message);
    logger->log(toSpdlog(type), "{}", text.toStdString());
    if (type == QtFatalMsg) logger->flush();
}

std::shared_ptr<spdlog::sinks::sink> stderrSink(const QString &appName) {
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    sink->set_level(spdlog::level::warn);
    sink->set_pattern(appName.toStdString() + ": %^%l%$: %v");
    return sink;
}

/// Several processes may log at once (GUI, CLI, serve), so each line names its pid.
std::shared_ptr<spdlog::sinks::sink> fileSink(const QString &path, QString &error) {
    if (!makePrivateFolder(QFileInfo(path).absolutePath())) {
        error = QStringLiteral("cannot create the log folder %1").arg(QFileInfo(path).absolutePath());
        return nullptr;
    }
    try {
        // The log can name runs, tasks and their messages: each file it opens (also after a
        // rotation) is made 0600, whatever the umask.
        spdlog::file_event_handlers handlers;
        handlers.after_open = [](const spdlog::filename_t &, std::FILE *file) { ::fchmod(fileno(file), kPrivateFileMode); };
        auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.toStdString(), maxFileBytes,
                                                                           rotatedFiles, false, handlers);
        sink->set_pattern("%Y-%m-%d %H:%M:%S.%e [%P] %l: %v");
        return sink;
    } catch (const spdlog::spdlog_ex &e) {
        error = QStringLiteral("cannot open the log file %1: %2").arg(path, QString::fromStdString(e.what()));
        return nullptr;
    }
}

void installHandler() {
    if (handlerInstalled) return;
    previousHandler = qInstallMessageHandler(forwardQtMessage);
    handlerInstalled = true;
}

}  // namespace

QString appLogPath(const Settings &settings, const QString &appName) {
    return QDir(settings.logDir()).filePath(appName + QStringLiteral(".log"));
}

bool setupAppLog(const Settings &settings, const QString &appName, QString *error) {
    QMutexLocker lock(&setupMutex);
    std::vector<spdlog::sink_ptr> sinks{stderrSink(appName)};
    QString problem;
    if (auto file = fileSink(appLogPath(settings, appName), problem)) sinks.push_back(file);

    auto logger = std::make_shared<spdlog::logger>(appName.toStdString(), sinks.begin(), sinks.end());
    logger->set_level(toSpdlog(settings.logLevel()));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(1));
    installHandler();

    if (!problem.isEmpty()) {
        logger->warn("{}; logging to stderr only", problem.toStdString());
        if (error) *error = problem;
    }
    return problem.isEmpty();
}

void flushAppLog() {
    if (auto logger = spdlog::default_logger()) logger->flush();
}

void shutdownAppLog() {
    QMutexLocker lock(&setupMutex);
    if (handlerInstalled) {
        qInstallMessageHandler(previousHandler);
        previousHandler = nullptr;
        handlerInstalled = false;
    }
    if (auto logger = spdlog::default_logger()) logger->flush();
    auto plain =
        std::make_shared<spdlog::logger>("", std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    spdlog::set_default_logger(plain);
}

}  // namespace flowdeck
