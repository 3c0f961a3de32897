// flowdeck-cli cache, config and health: looking after the workspace and its database.

#include "Commands.h"
#include "Console.h"
#include "RunReport.h"
#include "Workspace.h"
#include "engine/MemoryCeiling.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QStorageInfo>

namespace flowdeck::cli {

namespace {

std::vector<Option> withSettingOptions(std::vector<Option> options) {
    for (const Option &o : settingOptions()) options.push_back(o);
    return options;
}

int cacheList(const Invocation &inv, RunStore &store) {
    const auto entries = store.cacheEntries(inv.value(QStringLiteral("flow")));
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const CacheEntry &e : entries)
            array.append(QJsonObject{{"key", e.key}, {"flow", e.flowName}, {"task", e.task},
                                     {"created", formatTime(e.createdMs)},
                                     {"expires", e.expiresMs ? formatTime(e.expiresMs) : QStringLiteral("never")},
                                     {"run_id", e.runId}, {"result", QJsonValue::fromVariant(e.result)}});
        printOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        return ExitOk;
    }
    if (entries.empty()) {
        printOut(QStringLiteral("no cache entries\n"));
        return ExitOk;
    }
    QList<QStringList> rows{{"KEY", "FLOW", "TASK", "CREATED", "EXPIRES"}};
    for (const CacheEntry &e : entries)
        rows << QStringList{e.key.left(12), e.flowName.left(20), e.task.left(20), formatTime(e.createdMs),
                            e.expiresMs ? formatTime(e.expiresMs) : QStringLiteral("never")};
    const QString out = table(rows);
    printOut(out);
    return ExitOk;
}

struct Check {
    QString name;
    bool ok;
    QString detail;
};

Check programCheck(const QString &name, const QString &program) {
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) return {name, false, QStringLiteral("'%1' not found in PATH").arg(program)};
    QProcess process;
    process.start(path, {QStringLiteral("--version")});
    process.waitForFinished(5000);
    const QString version = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())
                                .section('\n', 0, 0).trimmed();
    return {name, process.exitCode() == 0, QStringLiteral("%1 (%2)").arg(path, version)};
}

/// The database's folder, or the nearest folder above it that exists (the database's own may
/// not be made yet); empty when there is none.
QString nearestExistingFolder(const QString &path) {
    QString folder = QFileInfo(path).absolutePath();
    while (!QFileInfo(folder).isDir()) {
        const QString parent = QFileInfo(folder).absolutePath();
        if (parent == folder) return QString();
        folder = parent;
    }
    return folder;
}

Check diskCheck(const QString &databasePath) {
    const QString folder = nearestExistingFolder(databasePath);
    const QStorageInfo disk(folder);
    if (folder.isEmpty() || !disk.isValid() || disk.bytesAvailable() < 0)
        return {QStringLiteral("disk"), false, QStringLiteral("free space unknown for %1").arg(databasePath)};
    const double freeGb = disk.bytesAvailable() / 1e9;
    return {QStringLiteral("disk"), freeGb > 0.5, QStringLiteral("%1 GB free at %2").arg(freeGb, 0, 'f', 1).arg(folder)};
}

std::vector<Check> healthChecks(const Settings &settings) {
    std::vector<Check> checks;
    QString error;
    const auto store = RunStore::open(settings.databasePath(), &error);
    if (store) {
        const auto crashed = store->recoverCrashedRuns();
        checks.push_back({QStringLiteral("database"), true,
                          QStringLiteral("%1 (schema %2)").arg(settings.databasePath()).arg(store->schemaVersion())});
        RunFilter running;
        running.state = RunState::Running;
        running.limit = 1000;
        checks.push_back({QStringLiteral("runs"), true,
                          QStringLiteral("%1 running, %2 found crashed now").arg(store->listRuns(running).size()).arg(crashed.size())});
    } else {
        checks.push_back({QStringLiteral("database"), false, error});
    }
    checks.push_back(programCheck(QStringLiteral("python"), settings.python()));
    checks.push_back(programCheck(QStringLiteral("shell"), settings.shell()));
    checks.push_back(diskCheck(settings.databasePath()));
    // Not a failure either way: without a cgroup the limit still holds per process.
    const MemoryEnforcement &memory = memoryEnforcement();
    checks.push_back({QStringLiteral("memory"), true,
                      QStringLiteral("limits enforced by %1 (%2)").arg(memory.mechanism, memory.detail)});
    return checks;
}

}  // namespace

CommandHelp cacheHelp() {
    return {QStringLiteral("cache list|clear [--flow NAME] [--task TASK] [--json]"),
            withSettingOptions({{QStringLiteral("flow"), QStringLiteral("NAME"), QStringLiteral("Only entries of this flow")},
                                {QStringLiteral("task"), QStringLiteral("TASK"), QStringLiteral("clear: only entries of this task")},
                                {QStringLiteral("json"), {}, QStringLiteral("list: print JSON")}}),
            QStringLiteral("Cached task results are reused by tasks with a 'cache:' section while they have not\n"
                           "expired. 'clear' removes them so the next run computes them again.")};
}

int runCache(const Invocation &inv) {
    const QString sub = inv.arguments.value(0);
    if (inv.arguments.size() != 1 || (sub != QLatin1String("list") && sub != QLatin1String("clear")))
        return usageError(*inv.command, QStringLiteral("cache needs 'list' or 'clear'"));
    const auto settings = loadSettings(inv, QString());
    if (!settings) return ExitUsage;
    const auto store = openStore(*settings);
    if (!store) return ExitFailure;
    if (sub == QLatin1String("list")) return cacheList(inv, *store);
    const int removed = store->cacheClear(inv.value(QStringLiteral("flow")), inv.value(QStringLiteral("task")));
    printOut(QStringLiteral("removed %1 cache entries\n").arg(removed));
    return ExitOk;
}

CommandHelp configHelp() {
    return {QStringLiteral("config show [--json]"),
            withSettingOptions({{QStringLiteral("json"), {}, QStringLiteral("Print JSON")}}),
            QStringLiteral("Prints every setting's effective value and where it came from: the default, the\n"
                           "workspace's flowdeck.yaml (with line and column), a FLOWDECK_* variable or a flag.")};
}

int runConfig(const Invocation &inv) {
    if (inv.arguments != QStringList{QStringLiteral("show")}) return usageError(*inv.command, QStringLiteral("config needs 'show'"));
    const auto settings = loadSettings(inv, QString());
    if (!settings) return ExitUsage;
    if (inv.isSet(QStringLiteral("json"))) printOut(QString::fromUtf8(QJsonDocument(settings->toJson()).toJson()));
    else printOut(settings->describe());
    return ExitOk;
}

CommandHelp healthHelp() {
    return {QStringLiteral("health [--json]"), withSettingOptions({{QStringLiteral("json"), {}, QStringLiteral("Print JSON")}}),
            QStringLiteral("Checks that the run database opens (and marks runs whose process died as Crashed),\n"
                           "that the Python interpreter and the shell run, that there is disk space, and says what\n"
                           "enforces task memory limits (a cgroup, or RLIMIT_DATA per process).\n"
                           "Exit status 0 when every check passes, 1 otherwise.")};
}

int runHealth(const Invocation &inv) {
    if (!inv.arguments.isEmpty()) return usageError(*inv.command, QStringLiteral("health takes no arguments"));
    const auto settings = loadSettings(inv, QString());
    if (!settings) return ExitUsage;
    const std::vector<Check> checks = healthChecks(*settings);
    bool healthy = true;
    QJsonObject json;
    QString text;
    for (const Check &c : checks) {
        healthy = healthy && c.ok;
        json.insert(c.name, QJsonObject{{"ok", c.ok}, {"detail", c.detail}});
        text += QStringLiteral("%1  %2  %3\n").arg(c.ok ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), c.name.leftJustified(8), c.detail);
    }
    json.insert(QStringLiteral("healthy"), healthy);
    printOut(inv.isSet(QStringLiteral("json")) ? QString::fromUtf8(QJsonDocument(json).toJson()) : text);
    return healthy ? ExitOk : ExitFailure;
}

}  // namespace flowdeck::cli
