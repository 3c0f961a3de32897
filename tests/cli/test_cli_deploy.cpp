// flowdeck-cli deploy on the example workspace: every deployment type exported, compared with
// its golden files, and checked by the real tools of each target: the Kubernetes and Argo
// schemas (kubernetes-models, @kubernetes-models/argo-workflows), systemd-analyze verify and
// calendar, shellcheck, python3 -m py_compile and Prefect 3's signatures, a Dockerfile linter,
// and every YAML parsed back. FLOWDECK_UPDATE_GOLDEN=1 (./dev.sh golden) rewrites the golden files.

#include "../common/CliProcess.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <yaml-cpp/yaml.h>

namespace {

const QString examples = QStringLiteral(FLOWDECK_SOURCE_DIR "/examples");
const QString golden = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/data/golden");
const QString validators = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/validators");

/// Runs @p program to its end; exit code, stdout and stderr.
CliResult runTool(const QString &program, const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                  const QString &workdir = QString()) {
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workdir.isEmpty()) p.setWorkingDirectory(workdir);
    p.start(program, args);
    if (!p.waitForStarted(30000)) return {-1, {}, QStringLiteral("cannot start %1").arg(program)};
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList filesUnder(const QString &root) {
    QStringList files;
    for (QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

QByteArray bytesOf(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A second workspace: small.flow.yaml (secrets, a branch, a mapped task, a trigger rule, a
/// cache, list delays) deployed to every target with settings the examples do not use.
const QString testWorkspace = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/data/deploy");

struct Deployment {
    QString workspace;
    QString name;
    QString type;
};

/// The deployments of @p workspace, from `deploy list --json`.
QList<Deployment> deploymentsOf(const QString &workspace) {
    QTemporaryDir dir;
    const CliResult r = runTool(cliPath(), {"deploy", "list", "--workspace", workspace, "--json"}, isolatedEnvironment(dir));
    QList<Deployment> list;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8())["deployments"].toArray())
        list << Deployment{workspace, v["name"].toString(), v["deployment_type"].toString()};
    return list;
}

QList<Deployment> exampleDeployments() { return deploymentsOf(examples); }
/// Every deployment of both workspaces, or those of one type.
QList<Deployment> allDeployments(const QString &type = QString()) {
    QList<Deployment> list;
    for (const Deployment &d : deploymentsOf(examples) + deploymentsOf(testWorkspace))
        if (type.isEmpty() || d.type == type) list << d;
    return list;
}

}  // namespace

class TestCliDeploy : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    /// Exports @p name of @p workspace into a fresh folder; an empty path when the CLI fails.
    QString exportOf(const QString &name, const QString &workspace = examples) {
        const QString out = m_dir.filePath(QStringLiteral("export-") + name);
        QDir(out).removeRecursively();
        const CliResult r = runTool(cliPath(), {"deploy", "export", name, "--workspace", workspace, "--out", out}, isolatedEnvironment(m_dir));
        if (r.exitCode != 0) qWarning("%s", qPrintable(r.out + r.err));
        return r.exitCode == 0 ? out : QString();
    }

private slots:
    void theExamplesHaveOneDeploymentOfEachType() {
        QStringList types;
        for (const Deployment &d : exampleDeployments()) types << d.type;
        types.sort();
        QCOMPARE(types, QStringList({"argo", "custom", "docker", "kubernetes", "prefect", "process"}));
    }

    void everyExampleDeploymentValidates() {
        const CliResult r = runTool(cliPath(), {"deploy", "validate", "--workspace", examples}, isolatedEnvironment(m_dir));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));  // not even a warning
        const CliResult t = runTool(cliPath(), {"deploy", "validate", "--workspace", testWorkspace}, isolatedEnvironment(m_dir));
        QVERIFY2(t.exitCode == 0, qPrintable(t.out + t.err));
        QCOMPARE(t.err, QStringLiteral("%1/flowdeck.yaml:38:9: warning: schedules[3]: systemd timers cannot express RRULE "
                                       "'FREQ=WEEKLY;BYDAY=MO,WE' in UTC (an RRULE schedule has no cron expression): the "
                                       "export's serve unit fires it instead\n").arg(testWorkspace));
    }

    void everyExportMatchesItsGoldenFiles_data() {
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QString>("name");
        for (const Deployment &d : allDeployments()) QTest::newRow(qPrintable(d.name)) << d.workspace << d.name;
    }
    void everyExportMatchesItsGoldenFiles() {
        QFETCH(QString, workspace);
        QFETCH(QString, name);
        const QString out = exportOf(name, workspace);
        QVERIFY(!out.isEmpty());
        const QString expected = golden + QLatin1Char('/') + name;
        if (qEnvironmentVariableIsSet("FLOWDECK_UPDATE_GOLDEN")) {
            QDir(expected).removeRecursively();
            for (const QString &file : filesUnder(out)) {
                QDir().mkpath(QFileInfo(expected + '/' + file).absolutePath());
                QVERIFY(QFile::copy(out + '/' + file, expected + '/' + file));
            }
            qInfo("rewrote %s", qPrintable(expected));
        }
        QCOMPARE(filesUnder(out), filesUnder(expected));
        for (const QString &file : filesUnder(out))
            QVERIFY2(bytesOf(out + '/' + file) == bytesOf(expected + '/' + file),
                     qPrintable(QStringLiteral("%1 drifted from its golden file; run ./dev.sh golden and review the diff").arg(file)));
    }

    void secretsAreWrittenAsPlaceholdersOnly() {
        const QString docker = exportOf(QStringLiteral("small-docker"), testWorkspace);
        QFile env(docker + "/secrets.env");
        QVERIFY(env.exists());
        QCOMPARE(env.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
        QVERIFY(bytesOf(docker + "/secrets.env").endsWith("API_KEY=\nFLOWDECK_SECRET_WAREHOUSE_TOKEN=\n"));
        QCOMPARE(bytesOf(docker + "/.gitignore"), QByteArray("secrets.env\n"));
        QVERIFY(bytesOf(docker + "/compose.yaml").contains("env_file: [secrets.env]"));
        const QString k8s = exportOf(QStringLiteral("small-k8s"), testWorkspace);
        QVERIFY(bytesOf(k8s + "/secret.yaml").contains("  api-key: REPLACE-ME\n  warehouse-token: REPLACE-ME\n"));
        QVERIFY(bytesOf(k8s + "/job.yaml").contains("- name: FLOWDECK_SECRET_WAREHOUSE_TOKEN\n"));
        QVERIFY(!bytesOf(k8s + "/kustomization.yaml").contains("- secret.yaml"));
        const QString local = exportOf(QStringLiteral("small-local"), testWorkspace);
        QVERIFY(bytesOf(local + "/flowdeck-small-local.service").contains(
            "LoadCredential=warehouse-token:%h/.local/share/flowdeck/deployments/small-local/credentials/warehouse-token\n"));
        const QString prefect = exportOf(QStringLiteral("small-prefect"), testWorkspace);
        QVERIFY(bytesOf(prefect + "/small_flow.py").contains("{\"API_TOKEN\": \"warehouse-token\"}"));
        QVERIFY(bytesOf(prefect + "/small_flow.py").contains("os.environ[\"API_KEY\"] = Secret.load(\"api-key\").get()"));
    }

    void anExportIsDeterministic() {
        const QString a = exportOf(QStringLiteral("ci-cd-argo"));
        const QString b = m_dir.filePath("again");
        QVERIFY(runTool(cliPath(), {"deploy", "export", "ci-cd-argo", "--workspace", examples, "--out", b}, isolatedEnvironment(m_dir)).exitCode == 0);
        for (const QString &file : filesUnder(a)) QCOMPARE(bytesOf(a + '/' + file), bytesOf(b + '/' + file));
    }

    void everyYamlFileParsesBack_data() { everyExportMatchesItsGoldenFiles_data(); }
    void everyYamlFileParsesBack() {
        QFETCH(QString, workspace);
        QFETCH(QString, name);
        const QString out = exportOf(name, workspace);
        for (const QString &file : filesUnder(out)) {
            if (!file.endsWith(QLatin1String(".yaml"))) continue;
            try {
                const auto docs = YAML::LoadAll(bytesOf(out + '/' + file).toStdString());
                QVERIFY2(!docs.empty(), qPrintable(file));
            } catch (const YAML::Exception &e) {
                QFAIL(qPrintable(QStringLiteral("%1: %2").arg(file, QString::fromStdString(e.what()))));
            }
        }
    }

    void kubernetesAndArgoManifestsPassTheRealSchemas_data() {
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QString>("name");
        for (const Deployment &d : allDeployments("kubernetes") + allDeployments("argo"))
            QTest::newRow(qPrintable(d.name)) << d.workspace << d.name;
    }
    void kubernetesAndArgoManifestsPassTheRealSchemas() {
        QFETCH(QString, workspace);
        QFETCH(QString, name);
        const QString out = exportOf(name, workspace);
        QStringList manifests;
        for (const QString &file : filesUnder(out))
            if (file.endsWith(QLatin1String(".yaml")) && file != QLatin1String("kustomization.yaml")) manifests << out + '/' + file;
        QVERIFY(manifests.size() >= 3);
        const CliResult r = runTool(QStringLiteral("node"), QStringList{validators + "/validate-manifests.mjs"} + manifests);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }

    void theSchemaCheckRefusesAWrongField() {
        // The validator itself must fail on a typo, or the check above proves nothing.
        const QString out = exportOf(QStringLiteral("ml-training-k8s"));
        QByteArray job = bytesOf(out + "/job.yaml");
        QVERIFY(job.contains("restartPolicy: Never"));
        job.replace("restartPolicy: Never", "restartPolcy: Never");
        QFile f(out + "/job.yaml");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(job);
        f.close();
        const CliResult r = runTool(QStringLiteral("node"), {validators + "/validate-manifests.mjs", out + "/job.yaml"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("restartPolcy: no such field"), qPrintable(r.out));
    }

    void systemdAcceptsTheUnitsAndTheirCalendars_data() {
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QString>("name");
        for (const Deployment &d : allDeployments("process")) QTest::newRow(qPrintable(d.name)) << d.workspace << d.name;
    }
    void systemdAcceptsTheUnitsAndTheirCalendars() {
        QFETCH(QString, workspace);
        QFETCH(QString, name);
        const QString out = exportOf(name, workspace);
        QStringList units;
        for (const QString &file : filesUnder(out))
            if (file.endsWith(QLatin1String(".service")) || file.endsWith(QLatin1String(".timer"))) units << out + '/' + file;
        QVERIFY(units.size() >= 3);
        QTemporaryDir runtime;  // systemd-analyze --user wants a runtime folder, even with no user manager
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_RUNTIME_DIR", runtime.path());
        const CliResult r = runTool(QStringLiteral("systemd-analyze"), QStringList{"verify", "--user"} + units, env);
        QVERIFY2(r.exitCode == 0 && r.err.trimmed().isEmpty(), qPrintable(r.out + r.err));
        static const QRegularExpression onCalendar(QStringLiteral("^OnCalendar=(.*)$"), QRegularExpression::MultilineOption);
        int calendars = 0;
        for (const QString &unit : units)
            for (auto it = onCalendar.globalMatch(QString::fromUtf8(bytesOf(unit))); it.hasNext(); ++calendars) {
                const CliResult c = runTool(QStringLiteral("systemd-analyze"), {"calendar", it.next().captured(1)});
                QVERIFY2(c.exitCode == 0, qPrintable(c.out + c.err));
            }
        QVERIFY(calendars >= 1);
    }

    void systemdVerifyRefusesABrokenUnit() {
        QTemporaryDir dir, runtime;
        QFile f(dir.filePath("broken.service"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[Service]\nTyep=oneshot\nExecStart=/usr/bin/env true\n");
        f.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_RUNTIME_DIR", runtime.path());
        const CliResult r = runTool(QStringLiteral("systemd-analyze"), {"verify", "--user", f.fileName()}, env);
        QVERIFY2(r.err.contains("Unknown key 'Tyep'"), qPrintable(r.err));
    }

    void theInstallScriptPassesShellcheck_data() { systemdAcceptsTheUnitsAndTheirCalendars_data(); }
    void theInstallScriptPassesShellcheck() {
        QFETCH(QString, workspace);
        QFETCH(QString, name);
        const QString out = exportOf(name, workspace);
        const CliResult r = runTool(QStringLiteral("shellcheck"), {out + "/install.sh"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }

    void theCrontabLineGivesTheRunItsSecrets() {
        // Run the crontab's command as cron would (cron turns "\%" back into "%"),
        // with a stand-in flowdeck-cli that prints what the run would get.
        const QString out = exportOf(QStringLiteral("small-local"), testWorkspace);
        QString command;
        for (const QString &line : QString::fromUtf8(bytesOf(out + "/crontab")).split('\n'))
            if (line.startsWith(QStringLiteral("30 6 1,15 * 1-5 "))) command = line.mid(16);
        QVERIFY2(!command.isEmpty(), bytesOf(out + "/crontab").constData());
        command.replace(QStringLiteral("\\%"), QStringLiteral("%"));
        QTemporaryDir home;
        const QString credentials = home.filePath(".local/share/flowdeck/deployments/small-local/credentials");
        QVERIFY(QDir().mkpath(credentials));
        for (const auto &[name, value] : {std::pair{"api-key", "k-123"}, std::pair{"warehouse-token", "w-456"}}) {
            QFile f(credentials + '/' + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(value);
        }
        const QString bin = home.filePath("bin");
        QVERIFY(QDir().mkpath(bin));
        QFile stub(bin + "/flowdeck-cli");
        QVERIFY(stub.open(QIODevice::WriteOnly));
        stub.write("#!/bin/sh\nprintf '%s|%s|%s\\n' \"$API_KEY\" \"$CREDENTIALS_DIRECTORY\" \"$*\"\n");
        stub.close();
        stub.setPermissions(stub.permissions() | QFile::ExeOwner);
        QProcessEnvironment env;
        env.insert("HOME", home.path());
        env.insert("PATH", bin + ":/usr/bin:/bin");
        const CliResult r = runTool(QStringLiteral("/bin/sh"), {"-c", command}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("k-123|%1|run %2/.local/share/flowdeck/deployments/small-local/flows/small.flow.yaml --param region=eu")
                                      .arg(credentials, home.path()));
        QVERIFY(!bytesOf(out + "/crontab").contains("k-123"));
    }

    void theDockerfilePassesALinterAndKeepsSecretsOut_data() {
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QString>("name");
        for (const Deployment &d : allDeployments("docker")) QTest::newRow(qPrintable(d.name)) << d.workspace << d.name;
    }
    void theDockerfilePassesALinterAndKeepsSecretsOut() {
        QFETCH(QString, workspace);
        QFETCH(QString, name);
        const QString out = exportOf(name, workspace);
        const CliResult r = runTool(QStringLiteral("node"), {validators + "/lint-dockerfile.mjs", out + "/Dockerfile"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QByteArray dockerfile = bytesOf(out + "/Dockerfile");
        QVERIFY(dockerfile.contains("FROM debian:12-slim"));
        QVERIFY(dockerfile.contains("USER flowdeck"));
        QVERIFY(dockerfile.contains("HEALTHCHECK"));
        QVERIFY(bytesOf(out + "/.dockerignore").contains("secrets.env"));
        // The linter must fail on a broken file, or the check above proves nothing.
        QFile f(out + "/Dockerfile");
        QVERIFY(f.open(QIODevice::Append));
        f.write("HEALTHCHECK --interval=soon CMD true\n");
        f.close();
        QCOMPARE(runTool(QStringLiteral("node"), {validators + "/lint-dockerfile.mjs", out + "/Dockerfile"}).exitCode, 1);
    }

    void thePrefectModuleCompilesAndUsesOnlyPrefect3Api_data() {
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QString>("name");
        for (const Deployment &d : allDeployments("prefect")) QTest::newRow(qPrintable(d.name)) << d.workspace << d.name;
    }
    void thePrefectModuleCompilesAndUsesOnlyPrefect3Api() {
        QFETCH(QString, workspace);
        QFETCH(QString, name);
        const QString out = exportOf(name, workspace);
        QStringList modules;
        for (const QString &file : filesUnder(out))
            if (file.endsWith(QLatin1String(".py"))) modules << out + '/' + file;
        QVERIFY(!modules.isEmpty());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PYTHONDONTWRITEBYTECODE", "1");
        for (const QString &module : modules) {
            const CliResult c = runTool(QStringLiteral("/usr/bin/python3"), {"-m", "py_compile", module}, env);
            QVERIFY2(c.exitCode == 0, qPrintable(c.out + c.err));
        }
        const CliResult r = runTool(QStringLiteral("/usr/bin/python3"), {validators + "/check_prefect_export.py",
                                                                         QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/data/prefect3-api.json"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }

    void theGeneratedPrefectFlowRunsTheScriptsWithFlowdecksRules() {
        // Prefect itself cannot be installed here; a stand-in for its decorators runs the module
        // (tests/validators/prefect_stand_in) to prove the orchestration and the scripts work.
        const QString out = exportOf(QStringLiteral("small-prefect"), testWorkspace);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PYTHONPATH", validators + "/prefect_stand_in:" + out);
        env.insert("PYTHONDONTWRITEBYTECODE", "1");
        env.insert("PREFECT_STAND_IN_SECRET_WAREHOUSE_TOKEN", "token-value");
        env.insert("PREFECT_STAND_IN_SECRET_API_KEY", "key-value");
        const CliResult r = runTool(QStringLiteral("/usr/bin/python3"),
                                    {"-c", "import json, small_flow\n"
                                           "print(json.dumps(small_flow.small(region='eu'), sort_keys=True))\n"
                                           "print(json.dumps(small_flow.small(region='eu', limit=3), sort_keys=True))\n"
                                           "import prefect\nd = prefect.DECORATED['fetch']\n"
                                           "print(json.dumps({k: d[k] for k in ('retries', 'retry_delay_seconds', 'retry_jitter_factor', 'timeout_seconds')}))"},
                                    env, out);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        // limit 10: the branch is true, so the mapped task runs for each item; report runs (all_done).
        QVERIFY2(lines.contains(R"({"check": true, "each": ["A", "B"], "fetch": {"rows": 10}, "report": null})"), qPrintable(r.out));
        // limit 3: the branch is false, so 'each' is skipped, and report still runs (all_done).
        QVERIFY2(lines.contains(R"({"check": false, "fetch": {"rows": 3}, "report": null})"), qPrintable(r.out));
        // The task's retries, delays, jitter and timeout, as Flowdeck has them.
        QVERIFY2(lines.contains(R"({"retries": 2, "retry_delay_seconds": [10, 20], "retry_jitter_factor": 0.5, "timeout_seconds": 60})"),
                 qPrintable(r.out));
    }

    void thePrefectCheckRefusesAnUnknownKey() {
        const QString out = exportOf(QStringLiteral("data-validation-prefect"));
        QByteArray yamlText = bytesOf(out + "/prefect.yaml");
        yamlText.replace("work_pool:", "workpool:");
        QFile f(out + "/prefect.yaml");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(yamlText);
        f.close();
        const CliResult r = runTool(QStringLiteral("/usr/bin/python3"), {validators + "/check_prefect_export.py",
                                                                         QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/data/prefect3-api.json"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("deployments[0].workpool: not a key of Prefect 3's prefect.yaml"), qPrintable(r.out));
    }

    // ----- the command ----------------------------------------------------------------------------

    void anExistingFolderIsRefusedUnlessForced() {
        const QString out = exportOf(QStringLiteral("hello-nomad"));
        const CliResult again = runTool(cliPath(), {"deploy", "export", "hello-nomad", "--workspace", examples, "--out", out}, isolatedEnvironment(m_dir));
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(again.err, QStringLiteral("flowdeck-cli: %1 exists: choose another --out folder, or --force to replace it\n").arg(out));
        const CliResult forced = runTool(cliPath(), {"deploy", "export", "hello-nomad", "--workspace", examples, "--out", out, "--force"},
                                         isolatedEnvironment(m_dir));
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(QFile::exists(out + "/nomad-job.hcl"));
    }

    void aDeploymentWithProblemsExportsNothing() {
        QTemporaryDir ws;
        QFile::copy(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/hello.flow.yaml"), ws.filePath("hello.flow.yaml"));
        QFile f(ws.filePath("flowdeck.yaml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("deployments:\n  - name: Hello\n    deployment_type: kubernetes\n    entrypoint: hello.flow.yaml\n    cpu_limit: lots\n");
        f.close();
        const QString out = ws.filePath("out");
        const CliResult r = runTool(cliPath(), {"deploy", "export", "Hello", "--workspace", ws.path(), "--out", out}, isolatedEnvironment(m_dir));
        QCOMPARE(r.exitCode, 1);
        const QString file = ws.filePath("flowdeck.yaml");
        QCOMPARE(r.err, QStringLiteral(
            "%1:2:5: image_name: a Kubernetes deployment needs the image that holds flowdeck-cli (the runner image: docker build -f packaging/docker/Dockerfile), like 'registry.example.com/flowdeck/runner:0.1'\n"
            "%1:2:11: name: 'Hello' is not a valid Kubernetes name (RFC 1123): expected lowercase letters, digits and '-', starting and ending with a letter or digit, like 'hello'\n"
            "%1:5:16: cpu_limit: 'lots' is not a CPU quantity: expected cores like '2' or '0.5', or millicores like '500m'\n"
            "flowdeck-cli: nothing exported: deployment 'Hello' has problems\n").arg(file));
        QVERIFY(!QFileInfo::exists(out));
        const CliResult v = runTool(cliPath(), {"deploy", "validate", "--workspace", ws.path()}, isolatedEnvironment(m_dir));
        QCOMPARE(v.exitCode, 1);
        QCOMPARE(v.out, QStringLiteral("Hello: 3 problems\n"));
    }

    void anUnknownDeploymentIsNamedWithASuggestion() {
        const CliResult r = runTool(cliPath(), {"deploy", "show", "etl-locl", "--workspace", examples}, isolatedEnvironment(m_dir));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("flowdeck-cli: no deployment 'etl-locl' in %1/flowdeck.yaml (did you mean 'etl-local'?)\n").arg(examples));
    }

    void showListsTheFilesAnExportWrites() {
        const CliResult r = runTool(cliPath(), {"deploy", "show", "ml-training-k8s", "--workspace", examples}, isolatedEnvironment(m_dir));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("  cronjob-ml-training-k8s-weekly.yaml\n") && r.out.contains("  job.yaml\n"), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliDeploy)
#include "test_cli_deploy.moc"
