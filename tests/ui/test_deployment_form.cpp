// The Deployments dock and the deployment form (issue 11): the preview is what
// `flowdeck-cli deploy export` writes, byte for byte, for every type; fields show the core's
// messages and a bad one blocks Save; saving patches flowdeck.yaml and the CLI reads it back.

#include "../common/CliProcess.h"
#include "../common/IsolatedSettings.h"

#include "deploy/DeploymentForm.h"
#include "deploy/DeploymentPreview.h"
#include "deploy/DeploymentSchedules.h"
#include "deploy/DeploymentsDock.h"
#include "deploy/Exporter.h"
#include "deploy/QuantityField.h"
#include "docks/EnvTable.h"
#include "docks/KeyValueTable.h"
#include "docks/ScriptEditor.h"
#include "runs/RunController.h"
#include "schedule/ScheduleDescription.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QTreeWidget>
#include <QtTest>

using namespace flowdeck;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The example workspace (flows, flowdeck.yaml with one deployment of each type, the template).
void copyExamples(const QString &to) {
    const QDir from(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples"));
    QDirIterator it(from.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(from.relativeFilePath(path));
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(path, target);
    }
}

/// Every file under @p dir by relative path.
QMap<QString, QByteArray> filesUnder(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(dir).relativeFilePath(path), readAll(path));
    }
    return files;
}

/// The message validateDeployment() gives for @p field of deployment @p name with @p change applied.
template <typename Change>
QString coreMessage(const QString &file, const QString &name, const QString &field, Change change) {
    DeploymentConfig d = *WorkspaceDeployments::read(file).find(name);
    change(d);
    for (const Diagnostic &p : validateDeployment(d))
        if (p.field == field) return p.message;
    return {};
}

}  // namespace

class TestDeploymentForm : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_ws;
    QString m_file;

    /// The preview of @p form against `flowdeck-cli deploy export NAME`: the same paths, bytes and modes.
    void compareWithCli(DeploymentForm &form, const QString &name) {
        const QString out = m_ws->filePath(QStringLiteral("cli-") + name);
        QDir(out).removeRecursively();
        const CliResult cli = runCliIn(m_ws->path(), isolatedEnvironment(m_home),
                                       {"deploy", "export", name, "--out", out, "--workspace", m_ws->path()});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        const QMap<QString, QByteArray> written = filesUnder(out);
        const std::vector<ExportedFile> &shown = form.preview()->files();
        QCOMPARE(int(shown.size()), written.size());
        for (const ExportedFile &f : shown) {
            QVERIFY2(written.contains(f.path), qPrintable(f.path));
            QCOMPARE(f.content, written.value(f.path));
            const QFile::Permissions mode = QFileInfo(QDir(out).filePath(f.path)).permissions();
            QCOMPARE(bool(mode & QFile::ExeOwner), f.isExecutable);
            QCOMPARE(bool(mode & QFile::ReadGroup), !f.isPrivate);
        }
        // The viewer shows the selected file's very bytes.
        for (int row = 0; row < int(shown.size()); ++row) {
            form.preview()->fileList()->setCurrentRow(row);
            QCOMPARE(form.preview()->viewer()->text().toUtf8(), shown[size_t(row)].content);
        }
    }

private slots:
    void initTestCase() {
        test::isolateSettings(m_home.filePath(QStringLiteral("settings")),
                              QStringLiteral("test_deployment_form"));
        test::isolateRunFolders(m_home);
        // The example workspace names no database: Run Now's runs go to one of the test's own.
        test::useRunDatabase(m_home.filePath(QStringLiteral("trusted")),
                             m_home.filePath(QStringLiteral("runs.db")));
    }

    void init() {
        m_ws = std::make_unique<QTemporaryDir>();
        copyExamples(m_ws->path());
        m_file = m_ws->filePath(QStringLiteral("flowdeck.yaml"));
    }

    void previewEqualsCliExportForEveryType() {
        QSet<DeploymentType> types;
        for (const DeploymentConfig &d : WorkspaceDeployments::read(m_file).deployments) {
            DeploymentForm form(m_file, d.name, nullptr);
            QVERIFY2(form.saveButton()->isEnabled(), qPrintable(form.statusText()));
            QVERIFY(!form.preview()->files().empty());
            compareWithCli(form, d.name);
            if (QTest::currentTestFailed()) return;
            types.insert(d.deploymentType);
        }
        QCOMPARE(types.size(), int(deploymentTypeNames().size()));
    }

    void previewOfEveryTypeFromOneFormEqualsCliAfterSave() {
        // One deployment switched through every type: each saved form exports what it previewed.
        DeploymentForm form(m_file, QStringLiteral("etl-docker"), nullptr);
        const QHash<DeploymentType, QHash<QString, QString>> needs = {
            {DeploymentType::Kubernetes, {{"kube_namespace", "etl"}}},
            {DeploymentType::Argo, {{"kube_namespace", "etl"}}},
            {DeploymentType::Prefect, {{"pool_name", "default-pool"}}},
            {DeploymentType::Custom, {{"template", "deploy/nomad-job.hcl.mustache"}}}};
        for (const QString &typeName : deploymentTypeNames()) {
            const DeploymentType type = *deploymentTypeFromString(typeName);
            form.setType(type);
            for (auto it = needs.value(type).constBegin(); it != needs.value(type).constEnd(); ++it)
                form.setFieldText(it.key(), it.value());
            QVERIFY2(form.save().isEmpty(), qPrintable(typeName + ": " + form.statusText()));
            QCOMPARE(
                toString(
                    WorkspaceDeployments::read(m_file).find(QStringLiteral("etl-docker"))->deploymentType),
                typeName);
            compareWithCli(form, QStringLiteral("etl-docker"));
            if (QTest::currentTestFailed()) return;
        }
    }

    void typeShowsOnlyItsFields() {
        DeploymentForm form(m_file, QStringLiteral("etl-local"), nullptr);
        QVERIFY(form.isFieldShown(QStringLiteral("cpu_limit")));
        QVERIFY(form.isFieldShown(QStringLiteral("parameters")));
        QVERIFY(!form.isFieldShown(QStringLiteral("image_name")));
        QVERIFY(!form.isFieldShown(QStringLiteral("kube_namespace")));
        QVERIFY(!form.isFieldShown(QStringLiteral("template")));
        form.setType(DeploymentType::Kubernetes);
        QVERIFY(form.isFieldShown(QStringLiteral("image_name")));
        QVERIFY(form.isFieldShown(QStringLiteral("kube_namespace")));
        QVERIFY(form.isFieldShown(QStringLiteral("cpu_request")));
        QVERIFY(!form.isFieldShown(QStringLiteral("pool_name")));
        form.setType(DeploymentType::Prefect);
        QVERIFY(form.isFieldShown(QStringLiteral("pool_name")));
        QVERIFY(!form.isFieldShown(QStringLiteral("cpu_limit")));
        form.setType(DeploymentType::Custom);
        QVERIFY(form.isFieldShown(QStringLiteral("template")));
    }

    void badFieldShowsCoreMessageAndBlocksSave() {
        const QByteArray before = readAll(m_file);
        DeploymentForm form(m_file, QStringLiteral("ml-training-k8s"), nullptr);
        QVERIFY(form.saveButton()->isEnabled());
        form.setFieldText(QStringLiteral("cpu_limit"), QStringLiteral("2x"));
        const QString expected =
            coreMessage(m_file, QStringLiteral("ml-training-k8s"), QStringLiteral("cpu_limit"),
                        [](DeploymentConfig &d) { d.cpuLimit = QStringLiteral("2x"); });
        QVERIFY(!expected.isEmpty());
        QCOMPARE(form.fieldMessage(QStringLiteral("cpu_limit")), expected);
        QVERIFY(!form.saveButton()->isEnabled());
        QVERIFY(form.preview()->files().empty());
        QCOMPARE(form.save(), expected);
        QVERIFY(form.statusText().contains(expected));
        QCOMPARE(readAll(m_file), before);

        // A request over its limit: the core's own comparison, on the request's field.
        form.setFieldText(QStringLiteral("cpu_limit"), QStringLiteral("2"));
        QVERIFY(form.saveButton()->isEnabled());
        form.setFieldText(QStringLiteral("memory_request"), QStringLiteral("4Gi"));
        QCOMPARE(form.fieldMessage(QStringLiteral("memory_request")),
                 coreMessage(m_file, QStringLiteral("ml-training-k8s"), QStringLiteral("memory_request"),
                             [](DeploymentConfig &d) { d.memoryRequest = QStringLiteral("4Gi"); }));
        QVERIFY(!form.saveButton()->isEnabled());
        form.setFieldText(QStringLiteral("memory_request"), QStringLiteral("512Mi"));

        form.setFieldText(QStringLiteral("image_name"), QStringLiteral("Bad Image!"));
        QCOMPARE(form.fieldMessage(QStringLiteral("image_name")),
                 coreMessage(m_file, QStringLiteral("ml-training-k8s"), QStringLiteral("image_name"),
                             [](DeploymentConfig &d) { d.imageName = QStringLiteral("Bad Image!"); }));
        QVERIFY(!form.saveButton()->isEnabled());
        form.setFieldText(QStringLiteral("image_name"),
                          QStringLiteral("registry.example.com/flowdeck/runner:0.1.0"));

        form.setFieldText(QStringLiteral("name"), QStringLiteral("no spaces allowed"));
        QVERIFY(form.fieldMessage(QStringLiteral("name")).startsWith(QStringLiteral("name: ")));
        QVERIFY(!form.saveButton()->isEnabled());
        form.setFieldText(QStringLiteral("name"), QStringLiteral("ml-training-k8s"));
        QVERIFY(form.saveButton()->isEnabled());
        QCOMPARE(readAll(m_file), before);
    }

    void badCronShowsCoreMessageAndBlocksSave() {
        const QByteArray before = readAll(m_file);
        DeploymentForm form(m_file, QStringLiteral("etl-local"), nullptr);
        DeploymentSchedules *table = form.schedulesTable();
        table->item(0, DeploymentSchedules::ExpressionColumn)->setText(QStringLiteral("0 25 * * *"));
        const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(
            {{"cron_expression", "0 25 * * *"}, {"timezone", "Europe/Berlin"}});
        QVERIFY(!parsed.ok());
        QVERIFY2(form.fieldMessage(QStringLiteral("schedules"))
                     .contains(parsed.problems.front().message.section(": ", 1)),
                 qPrintable(form.fieldMessage(QStringLiteral("schedules"))));
        QVERIFY(form.fieldMessage(QStringLiteral("schedules"))
                    .startsWith(QStringLiteral("schedules[1].cron_expression")));
        QVERIFY(!form.saveButton()->isEnabled());
        QVERIFY(!form.save().isEmpty());
        QCOMPARE(readAll(m_file), before);
        table->item(0, DeploymentSchedules::ExpressionColumn)->setText(QStringLiteral("15 3 * * 1-5"));
        QVERIFY(form.saveButton()->isEnabled());
        QVERIFY(form.save().isEmpty());
        const DeploymentConfig *saved = WorkspaceDeployments::read(m_file).find(QStringLiteral("etl-local"));
        QCOMPARE(saved->schedules.front().config.cronExpression, QStringLiteral("15 3 * * 1-5"));
        QCOMPARE(saved->schedules.front().config.timezone, QStringLiteral("Europe/Berlin"));
    }

    void savingKeepsCommentsAndUneditedEntries() {
        const QByteArray before = readAll(m_file);
        {
            DeploymentForm form(m_file, QStringLiteral("etl-local"), nullptr);
            QVERIFY(form.save().isEmpty());
        }
        QCOMPARE(readAll(m_file), before);  // nothing edited: not a byte changed
        DeploymentForm form(m_file, QStringLiteral("etl-local"), nullptr);
        form.setFieldText(QStringLiteral("memory_limit"), QStringLiteral("2Gi"));
        form.setFieldText(QStringLiteral("description"), QStringLiteral("Nightly, on this machine."));
        QVERIFY(form.save().isEmpty());
        const QByteArray after = readAll(m_file);
        QByteArray expected = before;
        expected.replace("    memory_limit: 1Gi\n\n  - name: etl-docker",
                         "    memory_limit: 2Gi\n\n  - name: etl-docker");
        expected.replace("description: The ETL pipeline every weekday night, on this machine.",
                         "description: Nightly, on this machine.");
        QCOMPARE(after, expected);  // the comments, the other entries and their order as they were
        const CliResult cli = runCliIn(m_ws->path(), isolatedEnvironment(m_home),
                                       {"deploy", "validate", "--workspace", m_ws->path()});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QVERIFY(
            QDir(m_ws->path()).entryList({"*.tmp", ".flowdeck.yaml*"}, QDir::Files | QDir::Hidden).isEmpty());
    }

    void newDeploymentIsAppendedAndListed() {
        DeploymentsDock dock;
        dock.setWorkspace(m_ws->path());
        QCOMPARE(dock.list()->topLevelItemCount(), 6);
        DeploymentForm *form = dock.openForm(QString());
        QVERIFY(form);
        form->setFieldText(QStringLiteral("name"), QStringLiteral("hello-local"));
        form->setFieldText(QStringLiteral("entrypoint"), QStringLiteral("hello.flow.yaml"));
        form->envTable()->addVariable();
        form->envTable()->item(0, EnvTable::NameColumn)->setText(QStringLiteral("GREETING"));
        form->envTable()->item(0, EnvTable::ValueColumn)->setText(QStringLiteral("hi there"));
        form->schedulesTable()->addCron();
        QVERIFY2(form->save().isEmpty(), qPrintable(form->statusText()));
        QTRY_COMPARE(dock.list()->topLevelItemCount(), 7);
        const QTreeWidgetItem *row =
            dock.list()->findItems(QStringLiteral("hello-local"), Qt::MatchExactly).value(0);
        QVERIFY(row);
        QCOMPARE(row->text(DeploymentsDock::TypeColumn), QStringLiteral("process"));
        QCOMPARE(row->text(DeploymentsDock::FlowColumn), QStringLiteral("hello.flow.yaml"));
        QCOMPARE(row->text(DeploymentsDock::StatusColumn), QStringLiteral("ok"));
        QVERIFY(row->text(DeploymentsDock::SchedulesColumn).contains(QStringLiteral("0 2 * * *")));
        const DeploymentConfig *saved =
            WorkspaceDeployments::read(m_file).find(QStringLiteral("hello-local"));
        QVERIFY(saved);
        QCOMPARE(saved->envVars.front().value, QStringLiteral("hi there"));
        const CliResult cli = runCliIn(m_ws->path(), isolatedEnvironment(m_home),
                                       {"deploy", "list", "--workspace", m_ws->path()});
        QVERIFY(cli.out.contains(QStringLiteral("hello-local")));
        compareWithCli(*form, QStringLiteral("hello-local"));
        form->close();
    }

    void newDeploymentMayNotTakeAnExistingName() {
        const QByteArray before = readAll(m_file);
        DeploymentForm form(m_file, QString(), nullptr);
        QVERIFY(form.saveButton()->isEnabled());
        form.setFieldText(QStringLiteral("name"), QStringLiteral("etl-docker"));
        QCOMPARE(form.fieldMessage(QStringLiteral("name")),
                 QStringLiteral("name: a deployment named 'etl-docker' exists already"));
        QVERIFY(!form.saveButton()->isEnabled());
        QVERIFY(!form.save().isEmpty());
        QCOMPARE(readAll(m_file), before);
        // Renaming an existing one onto another's name is refused the same way.
        DeploymentForm rename(m_file, QStringLiteral("etl-local"), nullptr);
        rename.setFieldText(QStringLiteral("name"), QStringLiteral("hello-nomad"));
        QVERIFY(!rename.saveButton()->isEnabled());
        rename.setFieldText(QStringLiteral("name"), QStringLiteral("etl-nightly"));
        QVERIFY(rename.save().isEmpty());
        QVERIFY(WorkspaceDeployments::read(m_file).find(QStringLiteral("etl-nightly")));
        QVERIFY(!WorkspaceDeployments::read(m_file).find(QStringLiteral("etl-local")));
        QCOMPARE(WorkspaceDeployments::read(m_file).deployments.size(), size_t(6));
    }

    void dockShowsValidationProblems() {
        QByteArray text = readAll(m_file);
        text.replace("    memory_limit: 1Gi\n\n  - name: etl-docker",
                     "    memory_limit: 1Gx\n\n  - name: etl-docker");
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        DeploymentsDock dock;
        dock.setWorkspace(m_ws->path());
        const QTreeWidgetItem *row =
            dock.list()->findItems(QStringLiteral("etl-local"), Qt::MatchExactly).value(0);
        QVERIFY(row);
        QVERIFY2(row->text(DeploymentsDock::StatusColumn)
                     .startsWith(QStringLiteral("1 problem: memory_limit: '1Gx'")),
                 qPrintable(row->text(DeploymentsDock::StatusColumn)));
        const QTreeWidgetItem *ok =
            dock.list()->findItems(QStringLiteral("etl-docker"), Qt::MatchExactly).value(0);
        QCOMPARE(ok->text(DeploymentsDock::StatusColumn), QStringLiteral("ok"));
        QCOMPARE(ok->text(DeploymentsDock::SchedulesColumn), QStringLiteral("hourly (every 3600 s)"));
        // Fixed in another editor (or by the CLI): the dock follows the file.
        text.replace("memory_limit: 1Gx", "memory_limit: 1Gi");
        QSaveFile fixed(m_file);
        QVERIFY(fixed.open(QIODevice::WriteOnly));
        fixed.write(text);
        QVERIFY(fixed.commit());
        QTRY_COMPARE(dock.list()
                         ->findItems(QStringLiteral("etl-local"), Qt::MatchExactly)
                         .value(0)
                         ->text(DeploymentsDock::StatusColumn),
                     QStringLiteral("ok"));
    }

    void parametersAreCheckedAgainstTheFlow() {
        DeploymentForm form(m_file, QStringLiteral("hello-nomad"), nullptr);
        KeyValueTable *table = form.parameterTable();
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("who"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Nomad"));
        table->item(0, 0)->setText(QStringLiteral("whom"));
        const QString expected = coreMessage(m_file, QStringLiteral("hello-nomad"),
                                             QStringLiteral("parameters.whom"), [](DeploymentConfig &d) {
                                                 d.parameters = {{"whom", "Nomad"}};
                                             });
        QVERIFY(expected.contains(QStringLiteral("did you mean 'who'")));
        QTRY_COMPARE(form.fieldMessage(QStringLiteral("parameters")), expected);
        QVERIFY(!form.saveButton()->isEnabled());
        QTRY_COMPARE(table->item(0, 0)->text(), QStringLiteral("whom"));  // the table's queued rebuild
        table->item(0, 0)->setText(QStringLiteral("who"));
        table->item(0, 1)->setText(QStringLiteral("Kubernetes"));
        QTRY_VERIFY(form.saveButton()->isEnabled());
        QVERIFY2(form.save().isEmpty(), qPrintable(form.statusText()));
        QCOMPARE(WorkspaceDeployments::read(m_file)
                     .find(QStringLiteral("hello-nomad"))
                     ->parameters.value("who")
                     .toString(),
                 QStringLiteral("Kubernetes"));
        compareWithCli(form, QStringLiteral("hello-nomad"));
    }

    void unitPickersWriteTheQuantity() {
        DeploymentForm form(m_file, QStringLiteral("ml-training-k8s"), nullptr);
        auto *cpu = qobject_cast<QuantityField *>(form.field(QStringLiteral("cpu_request")));
        auto *memory = qobject_cast<QuantityField *>(form.field(QStringLiteral("memory_limit")));
        QCOMPARE(cpu->numberEdit()->text(), QStringLiteral("500"));
        QCOMPARE(cpu->unitBox()->currentData().toString(), QStringLiteral("m"));
        QCOMPARE(memory->numberEdit()->text(), QStringLiteral("2"));
        QCOMPARE(memory->unitBox()->currentData().toString(), QStringLiteral("Gi"));
        cpu->unitBox()->setCurrentIndex(cpu->unitBox()->findData(QString()));  // cores: 500 cores > the limit
        emit cpu->unitBox()->activated(cpu->unitBox()->currentIndex());
        QVERIFY(form.fieldMessage(QStringLiteral("cpu_request"))
                    .startsWith(QStringLiteral("cpu_request: '500' is more than cpu_limit '2'")));
        QVERIFY(!form.saveButton()->isEnabled());
        cpu->numberEdit()->setText(QStringLiteral("0.5"));
        emit cpu->numberEdit()->textEdited(cpu->numberEdit()->text());
        memory->unitBox()->setCurrentIndex(memory->unitBox()->findData(QStringLiteral("Mi")));
        emit memory->unitBox()->activated(memory->unitBox()->currentIndex());
        memory->numberEdit()->setText(QStringLiteral("1536"));
        emit memory->numberEdit()->textEdited(memory->numberEdit()->text());
        QVERIFY2(form.save().isEmpty(), qPrintable(form.statusText()));
        const DeploymentConfig *saved =
            WorkspaceDeployments::read(m_file).find(QStringLiteral("ml-training-k8s"));
        QCOMPARE(saved->cpuRequest, QStringLiteral("0.5"));
        QCOMPARE(saved->memoryLimit, QStringLiteral("1536Mi"));
        // A unit typed into the field is taken as typed, whatever the picker says, and a bad
        // value is quoted as the person wrote it (the audit saw '512MiGi' and 'lotsGi').
        memory->unitBox()->setCurrentIndex(memory->unitBox()->findData(QStringLiteral("Gi")));
        emit memory->unitBox()->activated(memory->unitBox()->currentIndex());
        memory->numberEdit()->setText(QStringLiteral("512Mi"));
        emit memory->numberEdit()->textEdited(memory->numberEdit()->text());
        QCOMPARE(memory->text(), QStringLiteral("512Mi"));
        QCOMPARE(form.fieldMessage(QStringLiteral("memory_limit")), QString());
        memory->numberEdit()->setText(QStringLiteral("lots"));
        emit memory->numberEdit()->textEdited(memory->numberEdit()->text());
        QVERIFY2(form.fieldMessage(QStringLiteral("memory_limit")).contains(QStringLiteral("'lots'")),
                 qPrintable(form.fieldMessage(QStringLiteral("memory_limit"))));
    }

    void runNowRunsTheFlowWithTheDeploymentsParametersAndEnvironment() {
        QFile flow(m_ws->filePath(QStringLiteral("check.flow.yaml")));
        QVERIFY(flow.open(QIODevice::WriteOnly));
        flow.write(
            "apiVersion: flowdeck/v1\nkind: Flow\nname: check\nparameters:\n  who:\n    type: string\n"
            "    default: world\ntasks:\n  look:\n    kind: shell\n    script: |\n"
            "      set -eu\n      test \"$FLOWDECK_PARAM_WHO\" = Nomad\n      test \"$GREETING\" = hello\n"
            "      test \"$OWN\" = task\n    env:\n      OWN: task\n");
        flow.close();
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::Append));
        file.write(
            "\n  - name: check-run\n    deployment_type: process\n    entrypoint: check.flow.yaml\n"
            "    parameters:\n      who: Nomad\n    env_vars:\n      GREETING: hello\n      OWN: "
            "deployment\n");
        file.close();
        RunController runs;
        DeploymentForm form(m_file, QStringLiteral("check-run"), &runs);
        std::optional<RunState> ended;
        QString message;
        connect(&runs, &RunController::runFinished, this,
                [&](const QString &, RunState state, const QString &why) {
                    ended = state;
                    message = why;
                });
        const LaunchResult started = form.runNow();
        QVERIFY2(!started.isRefused(), qPrintable(started.problemText()));
        QTRY_VERIFY_WITH_TIMEOUT(ended.has_value(), 60000);
        QVERIFY2(*ended == RunState::Completed, qPrintable(message));
        // A bad field refuses the run with the core's message.
        form.setFieldText(QStringLiteral("memory_limit"), QStringLiteral("lots"));
        const LaunchResult refused = form.runNow();
        QVERIFY(refused.isRefused());
        QVERIFY2(refused.problemText().contains(QStringLiteral("memory_limit: 'lots'")),
                 qPrintable(refused.problemText()));
        runs.setWorkspace(QString());
    }

    void attachedScheduleIsCopiedReadInPlainLanguageAndExported() {
        // The Schedules panel's schedule, as its model hands it over: timing, zone, active, collision.
        ScheduleRecord weekday;
        weekday.name = QStringLiteral("weekday-mornings");
        weekday.config = QVariantMap{{"cron_expression", "0 9 * * 1-5"}, {"timezone", "Europe/Berlin"}};
        weekday.collision = Collision::CancelNew;
        DeploymentForm form(m_file, QStringLiteral("etl-local"), nullptr);
        form.setScheduleSource([weekday] { return std::vector<ScheduleRecord>{weekday}; });
        const int before = form.schedulesTable()->rowCount();
        QVERIFY(!form.attachSchedule(QStringLiteral("no-such-schedule")));
        QVERIFY(form.attachSchedule(weekday.name));
        DeploymentSchedules *table = form.schedulesTable();
        QCOMPARE(table->rowCount(), before + 1);
        QCOMPARE(table->item(before, DeploymentSchedules::NameColumn)->text(), weekday.name);
        QCOMPARE(table->item(before, DeploymentSchedules::WhenColumn)->text(),
                 describeSchedule(ScheduleConfig::fromVariantMap(weekday.config).config));
        QVERIFY2(table->item(before, DeploymentSchedules::WhenColumn)->toolTip().contains(QStringLiteral("09:00")),
                 qPrintable(table->item(before, DeploymentSchedules::WhenColumn)->toolTip()));
        QVERIFY(form.isModified());
        QVERIFY2(form.save().isEmpty(), qPrintable(form.statusText()));
        const DeploymentConfig *saved = WorkspaceDeployments::read(m_file).find(QStringLiteral("etl-local"));
        QVERIFY(saved);
        const DeploymentSchedule &last = saved->schedules.back();
        QCOMPARE(last.name, weekday.name);
        QCOMPARE(last.config.cronExpression, QStringLiteral("0 9 * * 1-5"));
        QCOMPARE(last.config.timezone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(last.collision, QStringLiteral("cancel-new"));
        const ExportedFile *crontab = nullptr;
        for (const ExportedFile &f : form.preview()->files())
            if (f.path == QLatin1String("crontab")) crontab = &f;
        QVERIFY(crontab);
        QVERIFY2(crontab->content.contains("CRON_TZ=Europe/Berlin\n0 9 * * 1-5 "), crontab->content.constData());
        compareWithCli(form, QStringLiteral("etl-local"));
    }

    void aBadScheduleRowSaysWhyInItsPlainLanguageColumn() {
        DeploymentForm form(m_file, QStringLiteral("etl-local"), nullptr);
        DeploymentSchedules *table = form.schedulesTable();
        table->item(0, DeploymentSchedules::ExpressionColumn)->setText(QStringLiteral("0 25 * * *"));
        const QString when = table->item(0, DeploymentSchedules::WhenColumn)->text();
        QVERIFY2(when.startsWith(QStringLiteral("does not read: ")) && when.contains(QStringLiteral("25")),
                 qPrintable(when));
        QVERIFY(!form.saveButton()->isEnabled());
    }

    void closingAsksOnlyWhenSomethingIsNotSaved() {
        const QByteArray before = readAll(m_file);
        int asked = 0;
        DeploymentForm::CloseAnswer answer = DeploymentForm::CloseAnswer::Cancel;
        const auto prompt = [&] {
            ++asked;
            return answer;
        };
        {
            DeploymentForm form(m_file, QStringLiteral("etl-docker"), nullptr);
            form.setClosePrompt(prompt);
            form.show();
            QVERIFY(!form.isModified());
            QVERIFY2(form.statusText().endsWith(QStringLiteral("no changes")), qPrintable(form.statusText()));
            QVERIFY(form.close());  // nothing to lose: no question
            QCOMPARE(asked, 0);
        }
        DeploymentForm form(m_file, QStringLiteral("etl-docker"), nullptr);
        form.setClosePrompt(prompt);
        form.show();
        form.setFieldText(QStringLiteral("image_name"), QStringLiteral("flowdeck/etl-pipeline:2.0"));
        QVERIFY(form.isModified());
        QVERIFY(form.isWindowModified());
        QVERIFY(!form.close());  // Cancel: the form and its edit stay
        QCOMPARE(asked, 1);
        QVERIFY(form.isVisible());
        answer = DeploymentForm::CloseAnswer::Save;
        QVERIFY(form.close());
        QCOMPARE(asked, 2);
        QCOMPARE(WorkspaceDeployments::read(m_file).find(QStringLiteral("etl-docker"))->imageName,
                 QStringLiteral("flowdeck/etl-pipeline:2.0"));
        QVERIFY(readAll(m_file) != before);
        // Discard leaves the file as it was.
        const QByteArray saved = readAll(m_file);
        DeploymentForm other(m_file, QStringLiteral("etl-docker"), nullptr);
        other.setClosePrompt(prompt);
        other.show();
        other.setFieldText(QStringLiteral("image_name"), QStringLiteral("flowdeck/etl-pipeline:3.0"));
        answer = DeploymentForm::CloseAnswer::Discard;
        QVERIFY(other.close());
        QCOMPARE(asked, 3);
        QCOMPARE(readAll(m_file), saved);
    }

    void theSavedLineStaysUntilTheNextChange() {
        DeploymentForm form(m_file, QStringLiteral("etl-docker"), nullptr);
        form.setFieldText(QStringLiteral("image_name"), QStringLiteral("flowdeck/etl-pipeline:2.0"));
        QVERIFY2(form.statusText().contains(QStringLiteral("not saved")), qPrintable(form.statusText()));
        QVERIFY2(form.save().isEmpty(), qPrintable(form.statusText()));
        QVERIFY2(form.statusText().startsWith(QStringLiteral("Saved to ")), qPrintable(form.statusText()));
        QVERIFY(!form.isModified());
        QVERIFY(!form.isWindowModified());
        form.setFieldText(QStringLiteral("image_name"), QStringLiteral("flowdeck/etl-pipeline:2.1"));
        QVERIFY2(form.statusText().contains(QStringLiteral("not saved")), qPrintable(form.statusText()));
    }

    void theDockRunsAndExportsTheSelectedDeployment() {
        RunController runs;
        DeploymentsDock dock;
        dock.setRunController(&runs);
        dock.setWorkspace(m_ws->path());
        QAction *run = dock.findChild<QAction *>(QStringLiteral("runDeployment"));
        QAction *exportAction = dock.findChild<QAction *>(QStringLiteral("exportDeployment"));
        QVERIFY(run && exportAction);
        dock.list()->setCurrentItem(dock.list()->topLevelItem(0));
        dock.list()->clearSelection();  // as Ctrl+click on the selected row leaves it
        QVERIFY(!run->isEnabled() && !exportAction->isEnabled());
        QVERIFY(dock.runSelected().isRefused());
        dock.list()->setCurrentItem(dock.list()->findItems(QStringLiteral("etl-local"), Qt::MatchExactly).value(0));
        QVERIFY(run->isEnabled() && exportAction->isEnabled());
        std::optional<RunState> ended;
        QString message;
        connect(&runs, &RunController::runFinished, this, [&](const QString &, RunState state, const QString &why) {
            ended = state;
            message = why;
        });
        const LaunchResult started = dock.runSelected();
        QVERIFY2(!started.isRefused(), qPrintable(started.problemText()));
        QTRY_VERIFY_WITH_TIMEOUT(ended.has_value(), 60000);
        QVERIFY2(*ended == RunState::Completed, qPrintable(message));
        runs.setWorkspace(QString());
    }

    void removeAsksThenTakesOnlyThatEntryOut() {
        const QByteArray before = readAll(m_file);
        const int count = int(WorkspaceDeployments::read(m_file).deployments.size());
        DeploymentsDock dock;
        dock.setWorkspace(m_ws->path());
        QStringList asked;
        bool answer = false;
        dock.setRemovePrompt([&](const QString &name) {
            asked << name;
            return answer;
        });
        dock.list()->setCurrentItem(dock.list()->findItems(QStringLiteral("etl-docker"), Qt::MatchExactly).value(0));
        QCOMPARE(dock.removeSelected(), QString());
        QCOMPARE(asked, QStringList{"etl-docker"});
        QCOMPARE(readAll(m_file), before);  // not confirmed: nothing written
        answer = true;
        dock.list()->setCurrentItem(dock.list()->findItems(QStringLiteral("etl-docker"), Qt::MatchExactly).value(0));
        QCOMPARE(dock.removeSelected(), QString());
        const WorkspaceDeployments after = WorkspaceDeployments::read(m_file);
        QCOMPARE(int(after.deployments.size()), count - 1);
        QVERIFY(!after.find(QStringLiteral("etl-docker")));
        QVERIFY(after.problems.empty());
        QVERIFY(dock.list()->findItems(QStringLiteral("etl-docker"), Qt::MatchExactly).isEmpty());
        // Every other line is as it was, comments included.
        const QByteArray text = readAll(m_file);
        QVERIFY(text.size() < before.size());
        for (const QByteArray &line : text.split('\n')) QVERIFY2(before.contains(line), line.constData());
        const CliResult cli = runCliIn(m_ws->path(), isolatedEnvironment(m_home),
                                       {"deploy", "list", "--workspace", m_ws->path()});
        QVERIFY(!cli.out.contains(QStringLiteral("etl-docker")) && cli.out.contains(QStringLiteral("etl-local")));
    }

    void exportWritesWhatThePreviewShows() {
        DeploymentForm form(m_file, QStringLiteral("ci-cd-argo"), nullptr);
        const QString out = m_ws->filePath(QStringLiteral("gui-export"));
        QCOMPARE(form.exportTo(out, false), QString());
        const QMap<QString, QByteArray> written = filesUnder(out);
        QCOMPARE(written.size(), int(form.preview()->files().size()));
        for (const ExportedFile &f : form.preview()->files()) QCOMPARE(written.value(f.path), f.content);
        QVERIFY(!form.exportTo(out, false).isEmpty());  // an existing folder needs force, as --force
        QCOMPARE(form.exportTo(out, true), QString());
    }
};

QTEST_MAIN(TestDeploymentForm)
#include "test_deployment_form.moc"
