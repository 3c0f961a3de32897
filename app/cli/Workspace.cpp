#include "Workspace.h"

#include "Console.h"
#include "flow/Units.h"
#include "settings/AppLog.h"

#include <spdlog/spdlog.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace flowdeck::cli {

std::vector<Option> settingOptions() {
    std::vector<Option> options{{QStringLiteral("workspace"), QStringLiteral("DIR"),
                                 QStringLiteral("Workspace folder (default: the nearest folder with flowdeck.yaml)")}};
    for (const QString &key : Settings::keys())
        options.push_back({Settings::flagFor(key), Settings::valueNameFor(key), Settings::meaningOf(key)});
    return options;
}

std::optional<Settings> loadSettings(const Invocation &invocation, const QString &startPath) {
    QString workspace = invocation.value(QStringLiteral("workspace"));
    if (workspace.isEmpty()) workspace = Settings::findWorkspace(startPath.isEmpty() ? QDir::currentPath() : startPath);
    else if (!QFileInfo(workspace).isDir()) {
        printError(QStringLiteral("no such workspace folder: %1").arg(workspace));
        return std::nullopt;
    }
    const SettingsLoad load = Settings::load(workspace, QProcessEnvironment::systemEnvironment(), invocation.options);
    for (const Diagnostic &d : load.problems) printErr(d.toString() + QLatin1Char('\n'));
    if (!load.ok()) return std::nullopt;
    // Flowdeck's own log (not task output, which goes to the run store); a log folder that
    // cannot be written is no reason to refuse the command, so it is only mentioned.
    QString logError;
    if (!setupAppLog(load.settings, QStringLiteral("flowdeck-cli"), &logError))
        printError(QStringLiteral("application log: %1").arg(logError));
    spdlog::info("{} {}", programName(), invocation.command ? invocation.command->name.toStdString() : std::string());
    return load.settings;
}

std::unique_ptr<RunStore> openStore(const Settings &settings) {
    QString error;
    auto store = WorkspaceSession::openStore(settings, &error);
    if (!store) printError(error);  // it names the database already
    return store;
}

std::unique_ptr<WorkspaceSession> openSession(const Settings &settings) {
    QString error;
    auto session = WorkspaceSession::open(settings, &error);
    if (!session) printError(error);
    return session;
}

std::optional<Stores> openStores(const Invocation &invocation) {
    const auto settings = loadSettings(invocation, QString());
    if (!settings) return std::nullopt;
    Stores stores;
    stores.runs = openStore(*settings);
    if (!stores.runs) return std::nullopt;
    stores.schedules = std::make_unique<ScheduleStore>(*stores.runs);
    return stores;
}

QString formatSeconds(double seconds) {
    if (seconds <= 0) return QStringLiteral("-");
    if (seconds < 60) return QString::number(seconds, 'f', seconds < 10 ? 2 : 1) + QLatin1Char('s');
    return formatDuration(std::round(seconds));
}

QString formatTime(qint64 ms) {
    if (ms <= 0) return QStringLiteral("-");
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void isoTimeText(qint64 ms, char (&text)[24]) {
    // What QDateTime::toString(Qt::ISODateWithMs) writes for a UTC time ("Z"), from the day
    // number (H. Hinnant's civil_from_days) and the time of day, digit by digit: QDateTime's
    // conversion, then QDate with snprintf, were 6% and 9% of `run --json` (perf, callgrind).
    const qint64 days = ms / 86400000;
    const qint64 inDay = ms % 86400000;
    const qint64 z = days + 719468;
    const qint64 era = z / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    const auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10) text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, int(inDay / 3600000), 2);
    text[13] = ':';
    put(14, int(inDay / 60000 % 60), 2);
    text[16] = ':';
    put(17, int(inDay / 1000 % 60), 2);
    text[19] = '.';
    put(20, int(inDay % 1000), 3);
    text[23] = 'Z';
}

QJsonValue isoTime(qint64 ms) {
    if (ms <= 0) return QJsonValue::Null;
    char text[24];
    isoTimeText(ms, text);
    return QString::fromLatin1(text, 24);
}

std::optional<qint64> parseSince(const QString &text) {
    if (const auto back = parseDuration(text); back && !text.contains(QLatin1Char('-')))
        return QDateTime::currentMSecsSinceEpoch() - qint64(*back * 1000);
    QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid()) at = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!at.isValid()) return std::nullopt;
    return at.toMSecsSinceEpoch();
}

}  // namespace flowdeck::cli
