// Deployments: reading `deployments:` from flowdeck.yaml, every validation rule with its exact
// message (FILE:LINE:COLUMN: FIELD: message), quantities, names, schedule translation, and the
// atomic, deterministic export.
#include "deploy/DeploymentConfig.h"
#include "deploy/ExportWriter.h"
#include "deploy/Exporter.h"
#include "deploy/KubeNames.h"
#include "deploy/Quantity.h"
#include "deploy/ScheduleTranslation.h"
#include "schedule/WorkspaceSchedules.h"

#include <QtTest>

using namespace flowdeck;

namespace {

/// A workspace with tests/data/deploy/small.flow.yaml and a flowdeck.yaml holding @p entries.
class Workspace {
public:
    explicit Workspace(const QByteArray &entries) {
        QFile::copy(QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/data/deploy/small.flow.yaml"), dir.filePath("small.flow.yaml"));
        write("flowdeck.yaml", "# test workspace\ndeployments:\n" + entries);
    }
    void write(const QString &name, const QByteArray &text) const {
        QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(text);
    }
    WorkspaceDeployments read() const { return WorkspaceDeployments::read(dir.filePath("flowdeck.yaml")); }
    /// Every problem of reading and validating, with the folder's path cut to keep lines short.
    QStringList problems() const {
        const WorkspaceDeployments w = read();
        Diagnostics all = w.problems;
        for (const DeploymentConfig &d : w.deployments) {
            const Diagnostics own = validateDeployment(d);
            all.insert(all.end(), own.begin(), own.end());
        }
        QStringList lines;
        for (const Diagnostic &d : all) lines << d.toString().replace(dir.path() + QLatin1Char('/'), QString());
        return lines;
    }
    QTemporaryDir dir;
};

const QByteArray base = "  - name: etl\n    deployment_type: kubernetes\n    entrypoint: small.flow.yaml\n"
                        "    image_name: registry.example.com/flowdeck/runner:0.1\n    parameters: {region: eu}\n";

}  // namespace

class TestDeployments : public QObject {
    Q_OBJECT
private slots:
    void aValidDeploymentHasNoProblems() {
        Workspace w(base);
        QCOMPARE(w.problems(), QStringList());
        const DeploymentConfig d = w.read().deployments.front();
        QCOMPARE(d.name, QStringLiteral("etl"));
        QCOMPARE(toString(d.deploymentType), QStringLiteral("kubernetes"));
        QCOMPARE(d.flowPath(), w.dir.filePath("small.flow.yaml"));
    }

    void everyRuleSaysWhereWhatAndWhatWasExpected_data() {
        QTest::addColumn<QByteArray>("entries");
        QTest::addColumn<QStringList>("expected");
        // clang-format off
        QTest::newRow("unknown key with a suggestion") << base + "    imge_name: x\n" << QStringList{
            "flowdeck.yaml:8:5: imge_name: unknown key in deployment 'etl' (did you mean 'image_name'?)"};
        QTest::newRow("missing name, type and flow") << QByteArray("  - description: nothing else\n") << QStringList{
            "flowdeck.yaml:3:5: name: deployment 1 needs a name",
            "flowdeck.yaml:3:5: deployment_type: deployment 1 needs a deployment_type: one of process, docker, kubernetes, argo, prefect, custom",
            "flowdeck.yaml:3:5: entrypoint: deployment 1 needs an entrypoint (a .flow.yaml file) or a flow_name"};
        QTest::newRow("unknown type") << QByteArray(base).replace("deployment_type: kubernetes", "deployment_type: kubernets") << QStringList{
            "flowdeck.yaml:4:22: deployment_type: unknown type 'kubernets': expected one of process, docker, kubernetes, argo, prefect, custom (did you mean 'kubernetes'?)"};
        QTest::newRow("text expected") << base + "    description: {a: b}\n" << QStringList{
            "flowdeck.yaml:8:18: description: expected text, got a mapping"};
        QTest::newRow("declared twice") << base + base << QStringList{
            "flowdeck.yaml:8:11: name: deployment 'etl' is declared twice"};
        QTest::newRow("flow file not found") << QByteArray(base).replace("entrypoint: small.flow.yaml", "entrypoint: smal.flow.yaml") << QStringList{
            "flowdeck.yaml:5:17: entrypoint: flow file 'smal.flow.yaml' not found in WORKSPACE"};
        QTest::newRow("flow_name that does not match") << base + "    flow_name: big\n" << QStringList{
            "flowdeck.yaml:8:16: flow_name: 'big' does not match the name 'small' of small.flow.yaml"};
        QTest::newRow("unknown parameter") << QByteArray(base).replace("{region: eu}", "{region: eu, limt: 3}") << QStringList{
            "flowdeck.yaml:7:30: parameters.limt: flow 'small' has no parameter 'limt' (did you mean 'limit'?)"};
        QTest::newRow("parameter of the wrong type") << QByteArray(base).replace("{region: eu}", "{region: eu, limit: many}") << QStringList{
            "flowdeck.yaml:7:30: parameters.limit: parameter 'limit' expects int, got 'many'"};
        QTest::newRow("parameter outside its allowed values") << QByteArray(base).replace("{region: eu}", "{region: asia}") << QStringList{
            "flowdeck.yaml:7:18: parameters.region: parameter 'region': 'asia' is not one of the allowed values: eu, us"};
        QTest::newRow("required parameter left out") << QByteArray(base).replace("    parameters: {region: eu}\n", "") << QStringList{
            "flowdeck.yaml:3:5: parameters: flow 'small' needs parameter 'region' (string, no default)"};
        QTest::newRow("bad CPU and memory quantities") << base + "    cpu_limit: 2 cores\n    memory_limit: 2 gigs\n" << QStringList{
            "flowdeck.yaml:8:16: cpu_limit: '2 cores' is not a CPU quantity: expected cores like '2' or '0.5', or millicores like '500m'",
            "flowdeck.yaml:9:19: memory_limit: '2 gigs' is not a memory quantity: expected a number with Ki, Mi, Gi, Ti, k, M, G, T, KB, MB or GB, like '512Mi' or '2Gi'"};
        QTest::newRow("requests above their limits") << base + "    cpu_request: 1500m\n    cpu_limit: \"1\"\n    memory_request: 4Gi\n    memory_limit: 2GB\n" << QStringList{
            "flowdeck.yaml:8:18: cpu_request: '1500m' is more than cpu_limit '1': a request may not exceed its limit",
            "flowdeck.yaml:10:21: memory_request: '4Gi' is more than memory_limit '2GB': a request may not exceed its limit"};
        QTest::newRow("bad image reference") << QByteArray(base).replace("registry.example.com/flowdeck/runner:0.1", "Registry/Flowdeck:latest tag") << QStringList{
            "flowdeck.yaml:6:17: image_name: 'Registry/Flowdeck:latest tag' is not a valid image reference: expected [REGISTRY[:PORT]/]NAME[:TAG][@sha256:DIGEST] with a lowercase name, like 'registry.example.com/team/flow:1.0'"};
        QTest::newRow("bad environment variable names") << base + "    env_vars:\n      1TOKEN: x\n      FLOWDECK_DB: y\n" << QStringList{
            "flowdeck.yaml:9:7: env_vars.1TOKEN: '1TOKEN' is not a valid environment variable name: expected letters, digits and '_', not starting with a digit",
            "flowdeck.yaml:10:7: env_vars.FLOWDECK_DB: names starting with FLOWDECK_ are Flowdeck's own: choose another name"};
        QTest::newRow("a secret name outside the accepted set") << base + "    env_vars:\n      TOKEN: {secret: My_Token}\n" << QStringList{
            "flowdeck.yaml:9:23: env_vars.TOKEN: 'My_Token' is not a secret name: expected lowercase letters, digits and '-', like 'warehouse-token'"};
        QTest::newRow("a name Kubernetes refuses") << QByteArray(base).replace("name: etl", "name: ETL_job") << QStringList{
            "flowdeck.yaml:3:11: name: 'ETL_job' is not a valid Kubernetes name (RFC 1123): expected lowercase letters, digits and '-', starting and ending with a letter or digit, like 'etl-job'"};
        QTest::newRow("a name too long for a CronJob") << QByteArray(base).replace("name: etl", "name: " + QByteArray(51, 'e')) + "    schedules:\n      - cron_expression: \"0 2 * * *\"\n" << QStringList{
            "flowdeck.yaml:3:11: name: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' is 51 characters: a scheduled deployment's name may have at most 50, since '-1' is added for its CronJob and Kubernetes allows 52"};
        QTest::newRow("a namespace Kubernetes refuses") << base + "    kube_namespace: Data\n" << QStringList{
            "flowdeck.yaml:8:21: kube_namespace: 'Data' is not a valid Kubernetes name (RFC 1123): expected lowercase letters, digits and '-', starting and ending with a letter or digit, like 'data'"};
        QTest::newRow("no image for a cluster") << QByteArray(base).replace("    image_name: registry.example.com/flowdeck/runner:0.1\n", "") << QStringList{
            "flowdeck.yaml:3:5: image_name: a Kubernetes deployment needs the image that holds flowdeck-cli (the runner image: docker build -f packaging/docker/Dockerfile), like 'registry.example.com/flowdeck/runner:0.1'"};
        QTest::newRow("schedules Kubernetes cannot express") << base + "    schedules:\n      - interval_seconds: 420\n      - {rrule: FREQ=WEEKLY;BYDAY=MO, start_date: \"2026-01-05\"}\n      - cron_expression: \"0 2 1 * 1\"\n        day_or: false\n" << QStringList{
            "flowdeck.yaml:9:9: schedules[1]: Kubernetes cannot express every 7m in UTC: an interval of 7m does not divide an hour or a day evenly from its anchor, so no cron expression can express it",
            "flowdeck.yaml:10:9: schedules[2]: Kubernetes cannot express RRULE 'FREQ=WEEKLY;BYDAY=MO' in UTC: an RRULE schedule has no cron expression",
            "flowdeck.yaml:11:9: schedules[3]: Kubernetes cannot express cron '0 2 1 * 1' in UTC: day_or: false (both day fields must match) cannot be expressed: Kubernetes and Argo cron match either day field"};
        QTest::newRow("a bad schedule") << base + "    schedules:\n      - cron_expression: \"0 25 * * *\"\n        collision: skip\n" << QStringList{
            "flowdeck.yaml:10:20: schedules[1].collision: expected enqueue or cancel-new, got 'skip'",
            "flowdeck.yaml:9:26: schedules[1].cron_expression: hour: 25 is out of range 0-23"};
        QTest::newRow("a field the type does not use") << QByteArray(base).replace("deployment_type: kubernetes", "deployment_type: prefect") + "    pool_name: p\n" << QStringList{
            "flowdeck.yaml:6:17: warning: image_name: has no effect on a prefect deployment"};
        QTest::newRow("a schedule systemd cannot express") << QByteArray(base).replace("deployment_type: kubernetes", "deployment_type: process").replace("    image_name: registry.example.com/flowdeck/runner:0.1\n", "") + "    schedules:\n      - {rrule: FREQ=WEEKLY;BYDAY=MO, start_date: \"2026-01-05\"}\n" << QStringList{
            "flowdeck.yaml:8:9: warning: schedules[1]: systemd timers cannot express RRULE 'FREQ=WEEKLY;BYDAY=MO' in UTC (an RRULE schedule has no cron expression): the export's serve unit fires it instead"};
        QTest::newRow("env_vars that are not a mapping") << base + "    env_vars: [A]\n" << QStringList{
            "flowdeck.yaml:8:15: env_vars: expected a mapping of NAME to a value or {secret: NAME}, got a list"};
        QTest::newRow("schedules that are not a list") << base + "    schedules: {cron_expression: x}\n" << QStringList{
            "flowdeck.yaml:8:16: schedules: expected a list of schedules (cron_expression, interval_seconds, rrule...), got a mapping"};
        QTest::newRow("tags that are not text") << base + "    tags: [{a: b}]\n" << QStringList{
            "flowdeck.yaml:8:12: tags: expected text in the list, got a mapping"};
        QTest::newRow("a parameter file that cannot be read") << base + "    parameter_files: [nope.json]\n" << QStringList{
            "flowdeck.yaml:8:22: parameter_files: cannot read nope.json"};  // the workspace folder is cut from paths
        QTest::newRow("deployments that are not a list") << QByteArray("  a: 1\n") << QStringList{
            "flowdeck.yaml:3:3: deployments: expected a list of deployments"};
        QTest::newRow("a prefect deployment without a work pool") << QByteArray(base).replace("deployment_type: kubernetes", "deployment_type: prefect").replace("    image_name: registry.example.com/flowdeck/runner:0.1\n", "") << QStringList{
            "flowdeck.yaml:3:5: warning: pool_name: not set: 'prefect deploy' will ask for a work pool"};
        QTest::newRow("a template that cannot be read") << QByteArray(base).replace("deployment_type: kubernetes", "deployment_type: custom").replace("    image_name: registry.example.com/flowdeck/runner:0.1\n", "") + "    template: nope.mustache\n" << QStringList{
            "flowdeck.yaml:7:15: template: cannot read 'nope.mustache': No such file or directory"};
        QTest::newRow("a custom deployment without its template") << QByteArray(base).replace("deployment_type: kubernetes", "deployment_type: custom") << QStringList{
            "flowdeck.yaml:3:5: template: a custom deployment needs a Mustache template file, like 'deploy/job.yaml.mustache'"};
        // clang-format on
    }
    void everyRuleSaysWhereWhatAndWhatWasExpected() {
        QFETCH(QByteArray, entries);
        QFETCH(QStringList, expected);
        Workspace w(entries);
        QStringList actual = w.problems();
        for (QString &line : actual) line.replace(w.dir.path(), QStringLiteral("WORKSPACE"));
        QCOMPARE(actual.join('\n'), expected.join('\n'));
    }

    void aFlowWithErrorsBringsItsOwnProblems() {
        Workspace w(base);
        w.write("small.flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: small\ntasks:\n  a:\n    kind: shel\n");
        QStringList actual = w.problems();
        QCOMPARE(actual.value(0), QStringLiteral("flowdeck.yaml:5:17: entrypoint: flow small.flow.yaml is not valid (its problems follow)"));
        QVERIFY2(actual.value(1).contains(QLatin1String("small.flow.yaml:6:11: unknown task kind 'shel'")), qPrintable(actual.join('\n')));
    }

    void argoRefusesTwoTasksThatBecomeOneStepName() {
        Workspace w(QByteArray(base).replace("deployment_type: kubernetes", "deployment_type: argo").replace("small.flow.yaml", "twins.flow.yaml")
                        .replace("    parameters: {region: eu}\n", ""));
        w.write("twins.flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: twins\ntasks:\n  load_a:\n    kind: noop\n  load-a:\n    kind: noop\n");
        QCOMPARE(w.problems().join('\n'), QStringLiteral("flowdeck.yaml:5:17: entrypoint: tasks 'load_a' and 'load-a' both become the Argo task "
                                                         "name 'load-a': rename one"));
    }

    void aPrefectExportRefusesSubflowsForNow() {
        Workspace w(QByteArray(base).replace("deployment_type: kubernetes", "deployment_type: prefect").replace("small.flow.yaml", "outer.flow.yaml")
                        .replace("    image_name: registry.example.com/flowdeck/runner:0.1\n", "    pool_name: p\n").replace("    parameters: {region: eu}\n", ""));
        w.write("outer.flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: outer\ntasks:\n  inner:\n    kind: subflow\n    flow: small.flow.yaml\n"
                                   "    parameters: {region: eu}\n");
        QCOMPARE(w.problems().join('\n'), QStringLiteral("flowdeck.yaml:5:17: entrypoint: task 'inner' runs a subflow, which the Prefect export "
                                                         "cannot run yet: use a kubernetes, argo, docker or process deployment"));
    }

    void subflowsTravelWithTheirFlow() {
        Workspace w(QByteArray(base).replace("small.flow.yaml", "outer.flow.yaml").replace("    parameters: {region: eu}\n", ""));
        w.write("outer.flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: outer\ntasks:\n  inner:\n    kind: subflow\n    flow: sub/small.flow.yaml\n"
                                   "    parameters: {region: eu}\n");
        QDir().mkpath(w.dir.filePath("sub"));
        QFile::copy(w.dir.filePath("small.flow.yaml"), w.dir.filePath("sub/small.flow.yaml"));
        QCOMPARE(w.problems(), QStringList());
        const ExportResult r = exportDeployment(w.read().deployments.front());
        const QByteArray configMap = r.file("configmap-flows.yaml")->content;
        QVERIFY(configMap.contains("  sub__small.flow.yaml: |\n"));
        QVERIFY(r.file("job.yaml")->content.contains("- key: sub__small.flow.yaml\n"));
        QVERIFY(r.file("job.yaml")->content.contains("  path: sub/small.flow.yaml\n"));
        QVERIFY(r.file("secret.yaml")->content.contains("warehouse-token: REPLACE-ME"));  // the subflow's secret
    }

    void aCustomTemplateVariableWithoutAValueIsNamed() {
        Workspace w(QByteArray(base).replace("deployment_type: kubernetes", "deployment_type: custom").replace("    image_name: registry.example.com/flowdeck/runner:0.1\n", "") +
                    "    template: job.txt.mustache\n");
        w.write("job.txt.mustache", "flow {{flow.name}}\n{{#deployment.schedules}}{{cron}}{{/deployment.schedules}}\nimage {{deployment.imagee}}\n");
        QCOMPARE(w.problems().join('\n'), QStringLiteral("flowdeck.yaml:7:15: template: job.txt.mustache line 3: 'deployment.imagee' has no value "
                                                         "(see docs/deployments.md for the variables)"));
        w.write("job.txt.mustache", "flow {{flow.name}} {{#deployment.tags}}{{.}} {{/deployment.tags}}\n");
        QCOMPARE(w.problems(), QStringList());
        const ExportResult r = exportDeployment(w.read().deployments.front());
        QVERIFY(r.ok());
        QCOMPARE(r.file("job.txt")->content, QByteArray("flow small \n"));
    }

    void aLocalScheduleMayNameADeploymentInsteadOfAFlow() {
        Workspace w(base);
        w.write("flowdeck.yaml", "deployments:\n" + base +
                                     "schedules:\n  - name: nightly\n    deployment: etl\n    cron_expression: \"0 2 * * *\"\n"
                                     "    parameters: {limit: 3}\n  - name: typo\n    deployment: etk\n    cron_expression: \"0 2 * * *\"\n");
        const WorkspaceSchedules declared = WorkspaceSchedules::read(w.dir.filePath("flowdeck.yaml"));
        QCOMPARE(declared.schedules.size(), size_t(1));
        const ScheduleRecord &s = declared.schedules.front();
        QCOMPARE(s.flowPath, w.dir.filePath("small.flow.yaml"));
        QCOMPARE(s.parameters, (QVariantMap{{"region", "eu"}, {"limit", "3"}}));
        QCOMPARE(declared.problems.size(), size_t(1));
        QCOMPARE(declared.problems.front().message, QStringLiteral("schedule 'typo': no deployment 'etk' in this file (did you mean 'etl'?)"));
    }

    // ----- quantities and names ----------------------------------------------------------------

    void cpuQuantitiesParseToMillicores() {
        QCOMPARE(parseCpuMillis("500m"), std::optional<qint64>(500));
        QCOMPARE(parseCpuMillis("2"), std::optional<qint64>(2000));
        QCOMPARE(parseCpuMillis("0.25"), std::optional<qint64>(250));
        QCOMPARE(parseCpuMillis("2000m"), std::optional<qint64>(2000));
        for (const char *bad : {"", "m", "-1", "1.5m", "0.0001", "2 cores", "1e3", "2k"}) QVERIFY2(!parseCpuMillis(bad), bad);
        QCOMPARE(formatCpu(2000), QStringLiteral("2"));
        QCOMPARE(formatCpu(500), QStringLiteral("500m"));
    }

    void memoryQuantitiesParseToBytes() {
        QCOMPARE(parseMemoryBytes("512Mi"), std::optional<qint64>(512LL << 20));
        QCOMPARE(parseMemoryBytes("4Gi"), std::optional<qint64>(4LL << 30));
        QCOMPARE(parseMemoryBytes("2GB"), std::optional<qint64>(2000000000LL));
        QCOMPARE(parseMemoryBytes("2G"), std::optional<qint64>(2000000000LL));
        QCOMPARE(parseMemoryBytes("1.5GiB"), std::optional<qint64>(1536LL << 20));
        QCOMPARE(parseMemoryBytes("1000"), std::optional<qint64>(1000));
        for (const char *bad : {"", "Gi", "0.5", "2gb", "1.0000001Ki", "99999999999Ei", "-1Mi"}) QVERIFY2(!parseMemoryBytes(bad), bad);
        QCOMPARE(formatMemory(2000000000LL), QStringLiteral("2G"));
        QCOMPARE(formatMemory(1536LL << 20), QStringLiteral("1536Mi"));
        QCOMPARE(formatMemory(4LL << 30), QStringLiteral("4Gi"));
    }

    void kubernetesNamesFollowRfc1123() {
        QVERIFY(!dnsLabelProblem("etl-nightly-1"));
        QVERIFY(dnsLabelProblem("-etl"));
        QVERIFY(dnsLabelProblem("etl_nightly"));
        QCOMPARE(*dnsLabelProblem(QString(64, 'a')), QStringLiteral("'%1' is 64 characters: Kubernetes allows at most 63 here").arg(QString(64, 'a')));
        QVERIFY(!dnsLabelProblem(QString(52, 'a'), KubeNameLimit::CronJob));
        QVERIFY(dnsLabelProblem(QString(53, 'a'), KubeNameLimit::CronJob));
        QCOMPARE(toDnsLabel("ETL_Nightly  run!"), QStringLiteral("etl-nightly-run"));
    }

    void imageReferencesFollowTheDistributionGrammar() {
        for (const char *ok : {"debian:12-slim", "registry.example.com:5000/team/flow:1.0", "flow",
                               "ghcr.io/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
            QVERIFY2(!imageReferenceProblem(ok), ok);
        for (const char *bad : {"", "Flow:1", "flow:", "flow::1", "a b", "flow:-1"}) QVERIFY2(imageReferenceProblem(bad), bad);
    }

    // ----- schedules in the targets' terms ------------------------------------------------------

    void cronBecomesOnCalendarWithTwoLinesWhenCronOrsTheDays() {
        DeploymentSchedule s;
        s.config = ScheduleConfig::fromVariantMap({{"cron_expression", "30 2 1,15 * MON-FRI"}, {"timezone", "Europe/Berlin"}}).config;
        QCOMPARE(toOnCalendar(s).lines, QStringList({"Mon..Fri *-*-* 02:30:00 Europe/Berlin", "*-*-01,15 02:30:00 Europe/Berlin"}));
        s.config.dayOr = false;
        QCOMPARE(toOnCalendar(s).lines, QStringList({"Mon..Fri *-*-01,15 02:30:00 Europe/Berlin"}));
        s.config = ScheduleConfig::fromVariantMap({{"cron_expression", "*/15 9-17 * * *"}}).config;
        QCOMPARE(toOnCalendar(s).lines, QStringList({"*-*-* 09..17:00,15,30,45:00 UTC"}));
        QCOMPARE(toKubernetesCron(s).lines, QStringList({"0,15,30,45 9-17 * * *"}));
    }

    void intervalsThatDivideAnHourOrADayBecomeCron() {
        DeploymentSchedule s;
        s.config = ScheduleConfig::fromVariantMap({{"interval_seconds", "900"}}).config;
        QCOMPARE(toKubernetesCron(s).lines, QStringList({"0,15,30,45 * * * *"}));
        s.config = ScheduleConfig::fromVariantMap({{"interval_seconds", "21600"}, {"anchor", "2026-01-01T01:30:00"}, {"timezone", "UTC"}}).config;
        QCOMPARE(toKubernetesCron(s).lines, QStringList({"30 1,7,13,19 * * *"}));
        s.config = ScheduleConfig::fromVariantMap({{"interval_seconds", "420"}}).config;
        QVERIFY(!toKubernetesCron(s).ok());
    }

    void aOneTimeScheduleIsOneCalendarInstant() {
        DeploymentSchedule s;
        s.config = ScheduleConfig::fromVariantMap({{"start_date", "2026-03-01T02:00:00"}, {"timezone", "Europe/Berlin"}}).config;
        QCOMPARE(toOnCalendar(s).lines, QStringList({"2026-03-01 02:00:00 Europe/Berlin"}));
        QVERIFY(!toKubernetesCron(s).ok());
    }

    // ----- the export ----------------------------------------------------------------------------

    void anExportIsTheSameBytesEveryTime() {
        Workspace w(base + "    schedules:\n      - name: nightly\n        cron_expression: \"0 2 * * *\"\n        timezone: Europe/Berlin\n");
        const ExportResult a = exportDeployment(w.read().deployments.front());
        const ExportResult b = exportDeployment(w.read().deployments.front());
        QVERIFY(a.ok());
        QCOMPARE(a.files.size(), b.files.size());
        for (size_t i = 0; i < a.files.size(); ++i) {
            QCOMPARE(a.files[i].path, b.files[i].path);
            QCOMPARE(a.files[i].content, b.files[i].content);
            QVERIFY2(a.files[i].content.contains("Generated by Flowdeck " FLOWDECK_VERSION " from flow 'small' (small.flow.yaml), deployment 'etl'."),
                     qPrintable(a.files[i].path));
            QVERIFY(!a.files[i].content.contains(w.dir.path().toUtf8()));  // no machine-specific paths
        }
        QVERIFY(a.file("cronjob-etl-nightly.yaml"));
    }

    void anExportIsWrittenWholeOrNotAtAll() {
        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        std::vector<ExportedFile> files{{"a.yaml", "a: 1\n", false, false}, {"sub/secrets.env", "X=\n", true, false},
                                        {"install.sh", "#!/bin/sh\n", false, true}};
        QCOMPARE(writeExport(files, out, false), QString());
        QVERIFY(QFile(out + "/sub/secrets.env").permissions().testFlags(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(!(QFile(out + "/sub/secrets.env").permissions() & (QFile::ReadOther | QFile::ReadGroup)));
        QVERIFY(QFile(out + "/install.sh").permissions() & QFile::ExeOwner);
        QCOMPARE(writeExport(files, out, false), QStringLiteral("%1 exists: choose another --out folder, or --force to replace it").arg(out));
        // A file that cannot be written: the old export stays as it was, and nothing is left beside it.
        std::vector<ExportedFile> bad{{"b.yaml", "b: 1\n", false, false}, {"../escape", "x", false, false}};
        QCOMPARE(writeExport(bad, out, true), QStringLiteral("refusing to write '../escape' outside the output folder"));
        QVERIFY(QFile::exists(out + "/a.yaml"));
        QVERIFY(!QFile::exists(out + "/b.yaml"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{"out"});
        QCOMPARE(writeExport({{"c.yaml", "c: 1\n", false, false}}, out, true), QString());
        QCOMPARE(QDir(out).entryList(QDir::Files), QStringList{"c.yaml"});
    }
};

QTEST_GUILESS_MAIN(TestDeployments)
#include "test_deployments.moc"
