// Saving a deployment into flowdeck.yaml (core/deploy/DeploymentWriter): only the edited keys of
// the entry change, the rest of the file keeps its bytes; new entries are appended; a draft with
// errors is never written.

#include "deploy/DeploymentWriter.h"
#include "deploy/Exporter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace flowdeck;

namespace {

const QByteArray workspace =
    "# the workspace\n"
    "settings:\n"
    "  max_parallel: 2  # small machine\n"
    "\n"
    "deployments:\n"
    "  # the nightly one\n"
    "  - name: nightly\n"
    "    deployment_type: process   # here\n"
    "    entrypoint: hello.flow.yaml\n"
    "    env_vars:\n"
    "      LOG_LEVEL: info   # keep\n"
    "      TOKEN: {secret: api-token}\n"
    "    memory_limit: 1Gi\n"
    "\n"
    "  - name: other\n"
    "    deployment_type: docker\n"
    "    entrypoint: hello.flow.yaml\n"
    "    image_name: example/hello:1\n"
    "\n"
    "# trailing comment\n";

const QByteArray flow =
    "apiVersion: flowdeck/v1\nkind: Flow\nname: hello\ntasks:\n  hi:\n    kind: shell\n    script: echo hi\n";

DeploymentConfig named(const QByteArray &text, const QString &name) {
    const WorkspaceDeployments all = WorkspaceDeployments::parse(text, QStringLiteral("flowdeck.yaml"));
    const DeploymentConfig *d = all.find(name);
    return d ? *d : DeploymentConfig();
}

QByteArray patched(const QByteArray &source, const QString &oldName, const DeploymentConfig &after) {
    QString error;
    const QByteArray out = patchDeployment(source, oldName, after, &error);
    if (out.isEmpty()) qWarning("%s", qPrintable(error));
    return out;
}

}  // namespace

class TestDeploymentWriter : public QObject {
    Q_OBJECT

private slots:
    void unchangedEntryKeepsEveryByte() {
        QCOMPARE(patched(workspace, "nightly", named(workspace, "nightly")), workspace);
    }

    void changedKeysOnlyAreReplaced() {
        DeploymentConfig d = named(workspace, "nightly");
        d.memoryLimit = QStringLiteral("2Gi");
        d.envVars.push_back({QStringLiteral("EXTRA"), QStringLiteral("yes please"), {}});
        d.cpuLimit = QStringLiteral("1");
        QByteArray expected = workspace;
        expected.replace("      TOKEN: {secret: api-token}\n",
                         "      TOKEN: {secret: api-token}\n      EXTRA: yes please\n");
        expected.replace("    memory_limit: 1Gi\n", "    cpu_limit: \"1\"\n    memory_limit: 2Gi\n");
        QCOMPARE(patched(workspace, "nightly", d), expected);
        QCOMPARE(named(expected, "nightly").memoryLimit, QStringLiteral("2Gi"));
    }

    void removedKeyGoesAndRenameKeepsPlace() {
        DeploymentConfig d = named(workspace, "nightly");
        d.memoryLimit.clear();
        d.name = QStringLiteral("nightly-2");
        QByteArray expected = workspace;
        expected.replace("    memory_limit: 1Gi\n", "");
        expected.replace("  - name: nightly\n", "  - name: nightly-2\n");
        QCOMPARE(patched(workspace, "nightly", d), expected);
    }

    void newEntryIsAppendedToTheList() {
        DeploymentConfig d;
        d.name = QStringLiteral("fresh");
        d.deploymentType = DeploymentType::Kubernetes;
        d.entrypoint = QStringLiteral("hello.flow.yaml");
        d.imageName = QStringLiteral("example/hello:2");
        const QByteArray out = patched(workspace, QString(), d);
        QVERIFY(out.startsWith(workspace.left(workspace.indexOf("# trailing comment"))
                                   .chopped(1)));  // everything before the list's end as it was
        QVERIFY(out.contains(
            "\n  - name: fresh\n    deployment_type: kubernetes\n    entrypoint: hello.flow.yaml\n"
            "    image_name: example/hello:2\n"));
        const WorkspaceDeployments all = WorkspaceDeployments::parse(out, QStringLiteral("flowdeck.yaml"));
        QVERIFY(all.problems.empty());
        QCOMPARE(all.names(), (QStringList{"nightly", "other", "fresh"}));
    }

    void newEntryCreatesTheListWhereThereIsNone() {
        DeploymentConfig d;
        d.name = QStringLiteral("fresh");
        d.entrypoint = QStringLiteral("hello.flow.yaml");
        QCOMPARE(patched("settings:\n  max_parallel: 2\n", QString(), d),
                 QByteArray("settings:\n  max_parallel: 2\n\ndeployments:\n  - name: fresh\n    "
                            "deployment_type: process\n"
                            "    entrypoint: hello.flow.yaml\n"));
        QCOMPARE(patched("", QString(), d), QByteArray("deployments:\n  - name: fresh\n    deployment_type: "
                                                       "process\n    entrypoint: hello.flow.yaml\n"));
        QCOMPARE(patched("deployments: []\nsettings: {}\n", QString(), d),
                 QByteArray("deployments:\n  - name: fresh\n    deployment_type: process\n    entrypoint: "
                            "hello.flow.yaml\n"
                            "settings: {}\n"));
    }

    void brokenFileIsRefused() {
        QString error;
        QVERIFY(patchDeployment("deployments: [\n", QString(), DeploymentConfig(), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("not valid YAML")));
        QVERIFY(patchDeployment("- a list\n", QString(), DeploymentConfig(), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("not a mapping")));
    }

    void draftWithErrorsIsNeverWritten() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("flowdeck.yaml"));
        for (const auto &[name, text] : {std::pair{QStringLiteral("flowdeck.yaml"), workspace},
                                         std::pair{QStringLiteral("hello.flow.yaml"), flow}}) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        DeploymentConfig d = named(workspace, "nightly");
        d.memoryLimit = QStringLiteral("lots");
        const DeploymentDraft bad = draftDeployment(file, QStringLiteral("nightly"), d);
        QVERIFY(!bad.ok());
        QVERIFY(std::any_of(bad.problems.begin(), bad.problems.end(), [](const Diagnostic &p) {
            return p.field == QLatin1String("memory_limit") &&
                   p.message.startsWith(QStringLiteral("memory_limit: 'lots'"));
        }));
        QVERIFY(saveDeploymentDraft(file, bad).startsWith(QStringLiteral("not saved: memory_limit: 'lots'")));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), workspace);
        f.close();
        d.memoryLimit = QStringLiteral("512Mi");
        const DeploymentDraft good = draftDeployment(file, QStringLiteral("nightly"), d);
        QVERIFY(good.ok());
        QCOMPARE(saveDeploymentDraft(file, good), QString());
        QCOMPARE(WorkspaceDeployments::read(file).find(QStringLiteral("nightly"))->memoryLimit,
                 QStringLiteral("512Mi"));
        // A new deployment may not take a name in use.
        DeploymentConfig twin = d;
        const DeploymentDraft clash = draftDeployment(file, QString(), twin);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.problems.front().message,
                 QStringLiteral("name: a deployment named 'nightly' exists already"));
    }

    void removingAnEntryTakesOnlyItsLinesAndTheCommentAboveIt() {
        QString error;
        const QByteArray first = removeDeploymentText(workspace, "nightly", &error);
        QCOMPARE(first, QByteArray("# the workspace\n"
                                   "settings:\n"
                                   "  max_parallel: 2  # small machine\n"
                                   "\n"
                                   "deployments:\n"
                                   "  - name: other\n"
                                   "    deployment_type: docker\n"
                                   "    entrypoint: hello.flow.yaml\n"
                                   "    image_name: example/hello:1\n"
                                   "\n"
                                   "# trailing comment\n"));
        const QByteArray last = removeDeploymentText(workspace, "other", &error);
        QCOMPARE(last, QByteArray(workspace).replace("\n  - name: other\n    deployment_type: docker\n"
                                                     "    entrypoint: hello.flow.yaml\n    image_name: example/hello:1\n",
                                                     ""));
        // The last one leaves an empty list, which reads as no deployments and no problem.
        const QByteArray none = removeDeploymentText(first, "other", &error);
        QVERIFY2(none.contains("deployments: []\n") && none.contains("# trailing comment"), none.constData());
        const WorkspaceDeployments read = WorkspaceDeployments::parse(none, "flowdeck.yaml");
        QVERIFY(read.deployments.empty());
        QVERIFY(read.problems.empty());
        QVERIFY(removeDeploymentText(workspace, "nope", &error).isEmpty());
        QVERIFY2(error.contains("no deployment 'nope'"), qPrintable(error));
    }

    void removingFromTheFileIsAtomicAndRefusesAnUnknownName() {
        QTemporaryDir dir;
        const QString path = dir.filePath("flowdeck.yaml");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(workspace);
        f.close();
        QVERIFY(!removeDeployment(path, "nope").isEmpty());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), workspace);
        f.close();
        QCOMPARE(removeDeployment(path, "other"), QString());
        const WorkspaceDeployments read = WorkspaceDeployments::read(path);
        QCOMPARE(read.names(), QStringList{"nightly"});
    }

    void crlfAndByteOrderMarkSurvive() {
        QByteArray text = workspace;
        text.replace("\n", "\r\n");
        text.prepend("\xEF\xBB\xBF");
        DeploymentConfig d = named(text.mid(3), "other");
        d.imageName = QStringLiteral("example/hello:3");
        QByteArray expected = text;
        expected.replace("image_name: example/hello:1", "image_name: example/hello:3");
        QCOMPARE(patched(text, "other", d), expected);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentWriter)
#include "test_deployment_writer.moc"
