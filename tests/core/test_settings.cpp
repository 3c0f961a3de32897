// Workspace settings: defaults < flowdeck.yaml < FLOWDECK_* < flags, each value with its source,
// and the application log they configure.
#include "settings/AppLog.h"
#include "settings/Settings.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <spdlog/spdlog.h>

using namespace flowdeck;

namespace {

QProcessEnvironment environment(const QList<QPair<QString, QString>> &variables = {}) {
    QProcessEnvironment env;
    for (const auto &[name, value] : variables) env.insert(name, value);
    return env;
}

void writeFile(const QString &path, const QByteArray &text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QString readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace

class TestSettings : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString workspace(const QByteArray &yaml) {
        const QString dir = m_dir.path() + QStringLiteral("/ws%1").arg(++m_count);
        writeFile(dir + "/flowdeck.yaml", yaml);
        return dir;
    }
    int m_count = 0;

    SettingsLoad loadYaml(const QByteArray &yaml) {
        return Settings::load(workspace(yaml), environment(), {});
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void cleanupTestCase() { shutdownAppLog(); }

    // ----- defaults and layers ----------------------------------------------------------------

    void defaultsApplyWithoutFileEnvironmentOrFlags() {
        const QString empty = m_dir.path() + "/empty";
        QDir().mkpath(empty);
        const SettingsLoad load = Settings::load(empty, environment(), {});
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        const Settings &s = load.settings;
        const QString data =
            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/flowdeck";
        QCOMPARE(s.maxParallel(), std::max(1, QThread::idealThreadCount()));
        QCOMPARE(s.memoryLimitBytes(), qint64(0));
        QCOMPARE(toString(s.logLevel()), toString(LogLevel::Info));
        QCOMPARE(s.databasePath(), data + "/runs.db");
        QCOMPARE(s.retentionDays(), 30);
        QCOMPARE(s.python(), QStringLiteral("python3"));
        QCOMPARE(s.shell(), QStringLiteral("bash"));
        QCOMPARE(s.killGraceSeconds(), 5.0);
        QCOMPARE(s.logDir(), data + "/logs");
        QVERIFY(s.concurrencyLimits().isEmpty());
        QVERIFY(s.workspaceFile().isEmpty());
        QCOMPARE(s.workspaceDir(), empty);
        for (const SettingValue &v : s.all()) QCOMPARE(v.source, QStringLiteral("default"));
        QCOMPARE(s.value("memory_limit").text, QStringLiteral("none"));
        QCOMPARE(s.value("kill_grace").text, QStringLiteral("5s"));
    }

    void allListsEveryKeyInTheStableOrder() {
        const QStringList keys = {"max_parallel", "memory_limit", "log_level",  "database", "retention_days",
                                  "python",       "shell",        "kill_grace", "log_dir",  "flow_timeout"};
        QCOMPARE(Settings::keys(), keys);
        const auto all = Settings().all();
        QCOMPARE(int(all.size()), keys.size());
        for (int i = 0; i < keys.size(); ++i) QCOMPARE(all[size_t(i)].key, keys[i]);
    }

    void flagsAndVariablesAreNamedAfterTheKeys() {
        QCOMPARE(Settings::flagFor("max_parallel"), QStringLiteral("max-parallel"));
        QCOMPARE(Settings::flagFor("database"), QStringLiteral("db"));
        QCOMPARE(Settings::flagFor("kill_grace"), QStringLiteral("kill-grace"));
        QCOMPARE(Settings::envFor("database"), QStringLiteral("FLOWDECK_DB"));
        QCOMPARE(Settings::envFor("log_dir"), QStringLiteral("FLOWDECK_LOG_DIR"));
        QVERIFY(Settings::flagFor("nope").isEmpty());
        for (const QString &key : Settings::keys()) {
            QVERIFY(!Settings::valueNameFor(key).isEmpty());
            QVERIFY(!Settings::meaningOf(key).isEmpty());
        }
    }

    void fileValuesRememberTheirLineAndColumn() {
        const QString dir = workspace(
            "# team settings\n"
            "settings:\n"
            "  max_parallel: 6\n"
            "  memory_limit: 2GB\n"
            "  log_level: DEBUG\n"
            "  database: /var/lib/flowdeck/runs.db\n"
            "  retention_days: 0\n"
            "  python: python3.11\n"
            "  shell: sh\n"
            "  kill_grace: 1m30s\n"
            "  log_dir: /var/log/flowdeck\n");
        const SettingsLoad load = Settings::load(dir, environment(), {});
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        const Settings &s = load.settings;
        QCOMPARE(s.maxParallel(), 6);
        QCOMPARE(s.memoryLimitBytes(), qint64(2000000000));
        QCOMPARE(toString(s.logLevel()), toString(LogLevel::Debug));
        QCOMPARE(s.databasePath(), QStringLiteral("/var/lib/flowdeck/runs.db"));
        QCOMPARE(s.retentionDays(), 0);
        QCOMPARE(s.python(), QStringLiteral("python3.11"));
        QCOMPARE(s.shell(), QStringLiteral("sh"));
        QCOMPARE(s.killGraceSeconds(), 90.0);
        QCOMPARE(s.logDir(), QStringLiteral("/var/log/flowdeck"));
        QCOMPARE(s.value("max_parallel").source, QStringLiteral("flowdeck.yaml:3:3"));
        QCOMPARE(s.value("log_dir").source, QStringLiteral("flowdeck.yaml:11:3"));
        QCOMPARE(s.value("memory_limit").text, QStringLiteral("2GB"));
        QCOMPARE(s.value("log_level").text, QStringLiteral("debug"));
        QCOMPARE(s.value("kill_grace").text, QStringLiteral("1m30s"));
        QCOMPARE(s.workspaceFile(), dir + "/flowdeck.yaml");
    }

    void environmentOverridesTheFile() {
        const QString dir = workspace("settings:\n  max_parallel: 6\n  shell: sh\n");
        const auto env = environment({{"FLOWDECK_MAX_PARALLEL", "3"}, {"FLOWDECK_MEMORY_LIMIT", "512MiB"}});
        const SettingsLoad load = Settings::load(dir, env, {});
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        QCOMPARE(load.settings.maxParallel(), 3);
        QCOMPARE(load.settings.value("max_parallel").source,
                 QStringLiteral("environment FLOWDECK_MAX_PARALLEL"));
        QCOMPARE(load.settings.memoryLimitBytes(), qint64(512) * 1024 * 1024);
        QCOMPARE(load.settings.shell(), QStringLiteral("sh"));  // untouched by the environment
        QCOMPARE(load.settings.value("shell").source, QStringLiteral("flowdeck.yaml:3:3"));
    }

    void flagsOverrideTheEnvironment() {
        const QString dir = workspace("settings:\n  max_parallel: 6\n  log_level: error\n");
        const auto env = environment({{"FLOWDECK_MAX_PARALLEL", "3"}, {"FLOWDECK_LOG_LEVEL", "trace"}});
        const QHash<QString, QString> flags = {{"max-parallel", "2"}, {"json", ""}, {"param", "x=1"}};
        const SettingsLoad load = Settings::load(dir, env, flags);
        QVERIFY2(load.ok(), qPrintable(load.errorText()));  // options that are not settings are ignored
        QCOMPARE(load.settings.maxParallel(), 2);
        QCOMPARE(load.settings.value("max_parallel").source, QStringLiteral("command line --max-parallel"));
        QCOMPARE(toString(load.settings.logLevel()), toString(LogLevel::Trace));
        QCOMPARE(load.settings.value("log_level").source, QStringLiteral("environment FLOWDECK_LOG_LEVEL"));
    }

    void anEmptyVariableCountsAsUnset() {
        const QString dir = workspace("settings:\n  python: /opt/py/bin/python3\n");
        const SettingsLoad load = Settings::load(dir, environment({{"FLOWDECK_PYTHON", ""}}), {});
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        QCOMPARE(load.settings.python(), QStringLiteral("/opt/py/bin/python3"));
    }

    void memoryLimitCanBeSetBackToNone() {
        const QString dir = workspace("settings:\n  memory_limit: 1GB\n");
        const SettingsLoad load = Settings::load(dir, environment(), {{"memory-limit", "none"}});
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        QCOMPARE(load.settings.memoryLimitBytes(), qint64(0));
        QCOMPARE(load.settings.value("memory_limit").text, QStringLiteral("none"));
    }

    // ----- bad values -------------------------------------------------------------------------

    void badValuesAreRefusedFromEverySource_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("bad");
        QTest::addColumn<QString>("expected");
        QTest::newRow("max_parallel word") << "max_parallel"
                                           << "lots"
                                           << "expected an integer >= 1";
        QTest::newRow("max_parallel zero") << "max_parallel"
                                           << "0"
                                           << "expected an integer >= 1";
        QTest::newRow("max_parallel fraction") << "max_parallel"
                                               << "2.5"
                                               << "expected an integer >= 1";
        QTest::newRow("max_parallel overflow") << "max_parallel"
                                               << "99999999999"
                                               << "expected an integer >= 1";
        QTest::newRow("memory_limit unit") << "memory_limit"
                                           << "2XB"
                                           << "expected a size like 512MB or 2GB, or 'none'";
        QTest::newRow("memory_limit zero") << "memory_limit"
                                           << "0"
                                           << "expected a size like 512MB or 2GB, or 'none'";
        QTest::newRow("log_level") << "log_level"
                                   << "verbose"
                                   << "expected one of trace, debug, info, warning, error, off";
        QTest::newRow("retention_days negative") << "retention_days"
                                                 << "-1"
                                                 << "expected an integer >= 0";
        QTest::newRow("retention_days word") << "retention_days"
                                             << "forever"
                                             << "expected an integer >= 0";
        QTest::newRow("kill_grace") << "kill_grace"
                                    << "soon"
                                    << "expected a duration like 5s or 1m30s";
        QTest::newRow("kill_grace negative") << "kill_grace"
                                             << "-5s"
                                             << "expected a duration like 5s or 1m30s";
        QTest::newRow("flow_timeout word") << "flow_timeout"
                                           << "forever"
                                           << "expected a duration greater than 0 like 30m or 1h, or 'none'";
        QTest::newRow("flow_timeout zero") << "flow_timeout"
                                           << "0s"
                                           << "expected a duration greater than 0 like 30m or 1h, or 'none'";
        QTest::newRow("python blank") << "python"
                                      << "  "
                                      << "expected a program name or path";
        QTest::newRow("shell blank") << "shell"
                                     << "  "
                                     << "expected a program name or path";
        QTest::newRow("database blank") << "database"
                                        << "  "
                                        << "expected a path";
        QTest::newRow("log_dir blank") << "log_dir"
                                       << "  "
                                       << "expected a path";
    }

    void badValuesAreRefusedFromEverySource() {
        QFETCH(QString, key);
        QFETCH(QString, bad);
        QFETCH(QString, expected);
        const Settings defaults;
        const QString var = Settings::envFor(key);
        const QString flag = Settings::flagFor(key);

        // flowdeck.yaml: located at the value, names the key.
        const SettingsLoad fromFile =
            loadYaml(QStringLiteral("settings:\n  %1: '%2'\n").arg(key, bad).toUtf8());
        QVERIFY(!fromFile.ok());
        QCOMPARE(int(fromFile.problems.size()), 1);
        QCOMPARE(fromFile.problems[0].toString(),
                 fromFile.settings.workspaceDir() + QStringLiteral("/flowdeck.yaml:2:%1: %2: %3, got '%4'")
                                                        .arg(key.size() + 5)
                                                        .arg(key, expected, bad));
        QCOMPARE(fromFile.settings.value(key).text, defaults.value(key).text);  // the default stays

        // environment
        const SettingsLoad fromEnv = Settings::load({}, environment({{var, bad}}), {});
        QVERIFY(!fromEnv.ok());
        QCOMPARE(fromEnv.errorText(), QStringLiteral("environment %1: %2, got '%3'").arg(var, expected, bad));
        QCOMPARE(fromEnv.settings.value(key).source, QStringLiteral("default"));

        // command line: the environment's value stays below a bad flag
        const SettingsLoad fromFlag = Settings::load({}, environment(), {{flag, bad}});
        QVERIFY(!fromFlag.ok());
        QCOMPARE(fromFlag.errorText(),
                 QStringLiteral("command line --%1: %2, got '%3'").arg(flag, expected, bad));
    }

    void theDocumentedExampleMessage() {
        const SettingsLoad load = Settings::load({}, environment({{"FLOWDECK_MAX_PARALLEL", "lots"}}), {});
        QCOMPARE(load.errorText(),
                 QStringLiteral("environment FLOWDECK_MAX_PARALLEL: expected an integer >= 1, got 'lots'"));
    }

    void aBadFlagKeepsTheEnvironmentValue() {
        const SettingsLoad load =
            Settings::load({}, environment({{"FLOWDECK_RETENTION_DAYS", "7"}}), {{"retention-days", "week"}});
        QVERIFY(!load.ok());
        QCOMPARE(load.settings.retentionDays(), 7);
        QCOMPARE(load.settings.value("retention_days").source,
                 QStringLiteral("environment FLOWDECK_RETENTION_DAYS"));
    }

    void aMappingWhereAValueBelongsIsRefused() {
        const SettingsLoad load = loadYaml("settings:\n  shell:\n    name: bash\n");
        QVERIFY(!load.ok());
        QVERIFY2(load.errorText().endsWith(
                     "flowdeck.yaml:3:5: shell: expected a program name or path, got a mapping"),
                 qPrintable(load.errorText()));
    }

    void aMissingValueIsRefused() {
        const SettingsLoad load = loadYaml("settings:\n  max_parallel:\n");
        QVERIFY(!load.ok());
        QVERIFY2(load.errorText().contains("max_parallel: expected an integer >= 1, got nothing"),
                 qPrintable(load.errorText()));
    }

    // ----- the file's structure ---------------------------------------------------------------

    void anUnknownSettingSuggestsTheClosestOne() {
        const SettingsLoad load = loadYaml("settings:\n  max_parallel: 2\n  retention_dyas: 3\n");
        QVERIFY(!load.ok());
        QCOMPARE(int(load.problems.size()), 1);
        QVERIFY2(load.errorText().endsWith(
                     "/flowdeck.yaml:3:3: unknown setting 'retention_dyas' (did you mean 'retention_days'?)"),
                 qPrintable(load.errorText()));
        QCOMPARE(load.settings.maxParallel(), 2);  // the rest of the file still applies
    }

    void anUnknownSectionSuggestsTheClosestOne() {
        const SettingsLoad load = loadYaml("setings:\n  max_parallel: 2\n");
        QVERIFY(!load.ok());
        QVERIFY2(load.errorText().endsWith(
                     "/flowdeck.yaml:1:1: unknown section 'setings' (did you mean 'settings'?)"),
                 qPrintable(load.errorText()));
    }

    void aSettingAtTheTopLevelSaysWhereItBelongs() {
        const SettingsLoad load = loadYaml("max_parallel: 2\n");
        QVERIFY(!load.ok());
        QVERIFY2(load.errorText().endsWith(
                     "flowdeck.yaml:1:1: 'max_parallel' is a setting: put it under 'settings:'"),
                 qPrintable(load.errorText()));
    }

    void aSectionInsideSettingsSaysWhereItBelongs() {
        const SettingsLoad load = loadYaml("settings:\n  concurrency_limits:\n    db: 1\n");
        QVERIFY(!load.ok());
        QVERIFY2(load.errorText().endsWith(
                     "flowdeck.yaml:2:3: 'concurrency_limits' is a section: put it at the top level"),
                 qPrintable(load.errorText()));
    }

    void aSettingGivenTwiceIsAnError() {
        const SettingsLoad load = loadYaml("settings:\n  shell: sh\n  shell: zsh\n");
        QVERIFY(!load.ok());
        QVERIFY2(load.errorText().endsWith("flowdeck.yaml:3:3: setting 'shell' is given twice"),
                 qPrintable(load.errorText()));
        QCOMPARE(load.settings.shell(), QStringLiteral("sh"));
    }

    void sectionsOfOtherFeaturesAreAccepted() {
        const SettingsLoad load = loadYaml(
            "settings:\n  max_parallel: 2\n"
            "deployments:\n  - name: nightly\n    flow: nightly.flow.yaml\n"
            "schedules:\n  nightly: {cron: '0 2 * * *'}\n"
            "work_pools:\n  default: {type: process}\n");
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        QCOMPARE(load.settings.maxParallel(), 2);
    }

    void anEmptyFileMeansDefaults() {
        const SettingsLoad load = loadYaml("# nothing yet\n");
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        QVERIFY(!load.settings.workspaceFile().isEmpty());
        QCOMPARE(load.settings.value("shell").source, QStringLiteral("default"));
    }

    void invalidYamlIsReportedWithItsLocation() {
        const SettingsLoad load = loadYaml("settings:\n  shell: [bash\n");
        QVERIFY(!load.ok());
        QVERIFY2(load.errorText().contains("/flowdeck.yaml:") && load.errorText().contains("not valid YAML"),
                 qPrintable(load.errorText()));
    }

    void aListAtTheTopIsRefused() {
        const SettingsLoad load = loadYaml("- settings\n");
        QVERIFY(!load.ok());
        QVERIFY2(load.errorText().contains("flowdeck.yaml:1:1: expected a mapping of sections"),
                 qPrintable(load.errorText()));
    }

    void concurrencyLimitsAreParsed() {
        const SettingsLoad load = loadYaml(
            "settings:\n  max_parallel: 4\n"
            "concurrency_limits:\n  db: 1\n  gpu: 2\n");
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        const QHash<QString, int> expected = {{"db", 1}, {"gpu", 2}};
        QCOMPARE(load.settings.concurrencyLimits(), expected);
        const auto values = load.settings.concurrencyLimitValues();
        QCOMPARE(int(values.size()), 2);
        QCOMPARE(values[0].key, QStringLiteral("concurrency_limits.db"));
        QCOMPARE(values[0].source, QStringLiteral("flowdeck.yaml:4:3"));
        QCOMPARE(values[1].key, QStringLiteral("concurrency_limits.gpu"));
    }

    void badConcurrencyLimitsAreRefused() {
        const SettingsLoad load = loadYaml("concurrency_limits:\n  db: 0\n  gpu: two\n  web: 3\n");
        QVERIFY(!load.ok());
        QCOMPARE(int(load.problems.size()), 2);
        QVERIFY2(load.problems[0].toString().endsWith(
                     "flowdeck.yaml:2:7: concurrency limit 'db': expected an integer >= 1, got '0'"),
                 qPrintable(load.errorText()));
        QVERIFY(load.problems[1].toString().endsWith(
            "concurrency limit 'gpu': expected an integer >= 1, got 'two'"));
        QCOMPARE(load.settings.concurrencyLimits(), (QHash<QString, int>{{"web", 3}}));

        const SettingsLoad list = loadYaml("concurrency_limits: [db]\n");
        QVERIFY(!list.ok());
        QVERIFY(
            list.errorText().contains("'concurrency_limits' must be a mapping of tag: limit, got a list"));
    }

    // ----- paths ------------------------------------------------------------------------------

    void aRelativeDatabaseInTheFileIsRelativeToTheWorkspace() {
        const QString dir = workspace(
            "settings:\n  database: state/runs.db\n  log_dir: ../logs\n"
            "  python: .venv/bin/python\n");
        const SettingsLoad load = Settings::load(dir, environment(), {});
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        QCOMPARE(load.settings.databasePath(), dir + "/state/runs.db");
        QCOMPARE(load.settings.logDir(), QDir::cleanPath(dir + "/../logs"));
        QCOMPARE(load.settings.python(), dir + "/.venv/bin/python");
    }

    void aRelativeDatabaseFromTheCommandLineIsRelativeToTheCurrentFolder() {
        const QString dir = workspace("settings:\n  database: state/runs.db\n");
        const SettingsLoad load = Settings::load(dir, environment(), {{"db", "mine.db"}});
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        QCOMPARE(load.settings.databasePath(), QDir::current().absoluteFilePath("mine.db"));
        const SettingsLoad home = Settings::load({}, environment({{"FLOWDECK_DB", "~/runs.db"}}), {});
        QCOMPARE(home.settings.databasePath(), QDir::homePath() + "/runs.db");
    }

    void aRelativeWorkspaceFolderIsMadeAbsolute() {
        const QString dir = workspace("settings:\n  database: runs.db\n");
        const QString before = QDir::currentPath();
        QVERIFY(QDir::setCurrent(QFileInfo(dir).absolutePath()));
        const SettingsLoad load = Settings::load(QFileInfo(dir).fileName(), environment(), {});
        QDir::setCurrent(before);
        QCOMPARE(load.settings.workspaceDir(), dir);
        QCOMPARE(load.settings.databasePath(), dir + "/runs.db");
    }

    void findWorkspaceWalksUpToTheNearestFlowdeckYaml() {
        const QString root = m_dir.path() + "/tree";
        QDir().mkpath(root + "/project/flows/nested");
        writeFile(root + "/project/flowdeck.yaml", "settings: {}\n");
        writeFile(root + "/project/flows/nested/a.flow.yaml", "name: a\n");
        QCOMPARE(Settings::findWorkspace(root + "/project/flows/nested"), root + "/project");
        QCOMPARE(Settings::findWorkspace(root + "/project/flows/nested/a.flow.yaml"), root + "/project");
        QCOMPARE(Settings::findWorkspace(root + "/project"), root + "/project");
        QCOMPARE(Settings::findWorkspace(root + "/project/flows/../flows"), root + "/project");

        // A nearer flowdeck.yaml wins.
        writeFile(root + "/project/flows/flowdeck.yaml", "\n");
        QCOMPARE(Settings::findWorkspace(root + "/project/flows/nested"), root + "/project/flows");

        // None above: the folder it started from.
        QDir().mkpath(root + "/elsewhere/deep");
        QCOMPARE(Settings::findWorkspace(root + "/elsewhere/deep"), root + "/elsewhere/deep");
    }

    // ----- showing the settings ---------------------------------------------------------------

    void describePrintsAnAlignedTableWithSources() {
        const QString dir = workspace("settings:\n  max_parallel: 4\nconcurrency_limits:\n  db: 1\n");
        const SettingsLoad load =
            Settings::load(dir, environment({{"FLOWDECK_SHELL", "zsh"}}), {{"log-level", "debug"}});
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        const QStringList lines = load.settings.describe().split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 10 + 1);
        QVERIFY(lines[0].startsWith("key "));
        const int valueColumn = int(lines[0].indexOf("value"));
        const int sourceColumn = int(lines[0].indexOf("source"));
        QVERIFY(valueColumn > 0 && sourceColumn > valueColumn);
        QCOMPARE(lines[1].mid(valueColumn).section("  ", 0, 0), QStringLiteral("4"));
        QCOMPARE(lines[1].mid(sourceColumn), QStringLiteral("flowdeck.yaml:2:3"));
        QCOMPARE(lines[3].mid(sourceColumn), QStringLiteral("command line --log-level"));
        QCOMPARE(lines[7].mid(sourceColumn), QStringLiteral("environment FLOWDECK_SHELL"));
        QCOMPARE(lines[8].mid(sourceColumn), QStringLiteral("default"));
        QVERIFY(lines[11].startsWith("concurrency_limits.db"));
        QCOMPARE(lines[11].mid(sourceColumn), QStringLiteral("flowdeck.yaml:4:3"));
        for (const QString &line : lines) QVERIFY(!line.endsWith(' '));
    }

    void jsonGivesTypedValuesAndSources() {
        const QString dir = workspace("settings:\n  max_parallel: 4\nconcurrency_limits:\n  db: 1\n");
        const QJsonObject json = Settings::load(dir, environment(), {}).settings.toJson();
        const QJsonObject settings = json["settings"].toObject();
        QCOMPARE(settings["max_parallel"].toObject()["value"].toInt(), 4);
        QCOMPARE(settings["max_parallel"].toObject()["source"].toString(),
                 QStringLiteral("flowdeck.yaml:2:3"));
        QVERIFY(settings["memory_limit"].toObject()["value"].isNull());
        QCOMPARE(settings["kill_grace"].toObject()["value"].toDouble(), 5.0);
        QCOMPARE(json["concurrency_limits"].toObject()["db"].toObject()["value"].toInt(), 1);
        QCOMPARE(json["workspace"].toString(), dir);
    }

    void theExampleWorkspaceLoads() {
        const SettingsLoad load = Settings::load(FLOWDECK_SOURCE_DIR "/examples", environment(), {});
        QVERIFY2(load.ok(), qPrintable(load.errorText()));
        QCOMPARE(load.settings.maxParallel(), 4);
        QCOMPARE(load.settings.retentionDays(), 30);
        QCOMPARE(load.settings.concurrencyLimits().value("db"), 1);
    }

    // ----- the application log ----------------------------------------------------------------

    void appLogWritesARotatingFileAtTheSettingsLevel() {
        const QString logs = m_dir.path() + "/logs";
        const SettingsLoad load = Settings::load({}, environment({{"FLOWDECK_LOG_DIR", logs}}), {});
        QVERIFY(load.ok());
        QString error;
        QVERIFY2(setupAppLog(load.settings, "flowdeck-test", &error), qPrintable(error));
        spdlog::info("engine started with {} workers", 4);
        spdlog::debug("a debug line below the level");
        qInfo("a Qt info message");
        qDebug("a Qt debug message below the level");
        flushAppLog();

        const QString path = logs + "/flowdeck-test.log";
        QCOMPARE(appLogPath(load.settings, "flowdeck-test"), path);
        const QString text = readFile(path);
        QVERIFY2(text.contains("info: engine started with 4 workers"), qPrintable(text));
        QVERIFY2(text.contains("info: a Qt info message"), qPrintable(text));
        QVERIFY(!text.contains("below the level"));
    }

    void appLogCanBeSetUpAgainWithANewLevel() {
        const QString logs = m_dir.path() + "/logs2";
        const auto env = environment({{"FLOWDECK_LOG_DIR", logs}});
        QVERIFY(setupAppLog(Settings::load({}, env, {}).settings, "again"));
        spdlog::debug("hidden at info");
        QVERIFY(setupAppLog(Settings::load({}, env, {{"log-level", "debug"}}).settings, "again"));
        spdlog::debug("shown at debug");
        qDebug("a Qt debug message");
        flushAppLog();
        const QString text = readFile(logs + "/again.log");
        QVERIFY(!text.contains("hidden at info"));
        QVERIFY2(text.contains("debug: shown at debug"), qPrintable(text));
        QVERIFY2(text.contains("debug: a Qt debug message"), qPrintable(text));
        QCOMPARE(text.count("shown at debug"), 1);  // one file sink, not one per setup
    }

    void appLogKeepsThreeFilesOfFiveMegabytes() {
        const QString logs = m_dir.path() + "/logs3";
        QVERIFY(
            setupAppLog(Settings::load({}, environment({{"FLOWDECK_LOG_DIR", logs}}), {}).settings, "big"));
        const std::string line(1000, 'x');
        for (int i = 0; i < 20000; ++i) spdlog::info("{} {}", i, line);  // about 20 MB
        flushAppLog();
        const QStringList files = QDir(logs).entryList({"big*.log"}, QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{"big.1.log", "big.2.log", "big.log"}));
        for (const QString &file : files) QVERIFY(QFileInfo(logs + "/" + file).size() <= 5 * 1024 * 1024);
        QVERIFY(readFile(logs + "/big.log").contains(QStringLiteral("info: 19999 ")));
    }

    void appLogFallsBackToStderrWhenTheFolderCannotBeMade() {
        const QString blocker = m_dir.path() + "/not-a-folder";
        writeFile(blocker, "x");
        const auto env =
            environment({{"FLOWDECK_LOG_DIR", blocker + "/logs"}, {"FLOWDECK_LOG_LEVEL", "error"}});
        QString error;
        QVERIFY(!setupAppLog(Settings::load({}, env, {}).settings, "blocked", &error));
        QVERIFY2(error.contains(blocker), qPrintable(error));
        spdlog::error("still logged to stderr");  // must not crash without a file
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "test_settings.moc"
