// flowdeck-cli as a user meets it: the real executable, run on real files, judged by its exit
// status, stdout and stderr.

#include "../common/CliProcess.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {


const QByteArray validFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: demo
tasks:
  extract:
    kind: shell
    script: echo extract
  check:
    kind: branch
    after: [extract]
    script: exit 0
  load:
    kind: python
    after: [check.true]
    script: print("load")
  complain:
    kind: shell
    after: [check.false]
    script: echo "check failed" >&2
)";

// Line 8, column 5: the misspelt key.
const QByteArray unknownKeyFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: typo
tasks:
  load:
    kind: shell
    script: echo load
    retires: 3
)";

// Line 8, column 14: the value of timeout.
const QByteArray badDurationFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: slow
tasks:
  wait:
    kind: shell
    script: sleep 1
    timeout: 10x
)";

// extract (line 5) and transform (line 9) wait for each other.
const QByteArray cyclicFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: loop
tasks:
  extract:
    kind: shell
    script: echo e
    after: [transform]
  transform:
    kind: shell
    script: echo t
    after: [extract]
)";

QStringList linesOf(const QString &text) {
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString lineContaining(const QString &text, const QString &part) {
    for (const QString &line : linesOf(text))
        if (line.contains(part)) return line;
    return QString();
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content) {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(file.fileName()));
        file.write(content);
        return name;
    }

    /// Runs flowdeck-cli in the temporary directory, so file names in messages are the short ones given.
    CliResult run(const QStringList &args) {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(cliPath(), args);
        CliResult result;
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit) {
            process.kill();
            result.err = QStringLiteral("flowdeck-cli did not exit normally: ") + process.errorString();
            return result;
        }
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    static QString describe(const CliResult &r) {
        return QStringLiteral("exit %1\n--- stdout:\n%2--- stderr:\n%3").arg(r.exitCode).arg(r.out, r.err);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(cliPath()).isExecutable(),
                 qPrintable(cliPath() + QStringLiteral(" is not built")));
        write(QStringLiteral("demo.flow.yaml"), validFlow);
        write(QStringLiteral("typo.flow.yaml"), unknownKeyFlow);
        write(QStringLiteral("slow.flow.yaml"), badDurationFlow);
        write(QStringLiteral("loop.flow.yaml"), cyclicFlow);
        write(QStringLiteral("broken.flow.yaml"), "tasks: [unclosed\n  - {\n");
    }

    // --- help and version

    void helpListsEveryCommand() {
        const CliResult r = run({QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(r.out.contains(QLatin1String("Usage: flowdeck-cli COMMAND")));
        QVERIFY(
            lineContaining(r.out, QStringLiteral("  validate ")).contains(QLatin1String("FILE:LINE:COLUMN")));
        QVERIFY(!lineContaining(r.out, QStringLiteral("  graph ")).isEmpty());
        QVERIFY(!lineContaining(r.out, QStringLiteral("  help ")).isEmpty());
        QVERIFY(r.err.isEmpty());
    }

    void versionPrintsTheProjectVersion() {
        const CliResult r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("flowdeck-cli " FLOWDECK_VERSION "\n"));
        QCOMPARE(r.out, QStringLiteral("flowdeck-cli 0.1.0\n"));
    }

    void helpCommandAndHelpOptionShowTheSameText() {
        for (const QString &command : {QStringLiteral("validate"), QStringLiteral("graph")}) {
            const CliResult viaHelp = run({QStringLiteral("help"), command});
            const CliResult viaOption = run({command, QStringLiteral("--help")});
            const CliResult viaShort = run({command, QStringLiteral("-h")});
            QVERIFY2(viaHelp.exitCode == 0, qPrintable(describe(viaHelp)));
            QCOMPARE(viaOption.exitCode, 0);
            QCOMPARE(viaHelp.out, viaOption.out);
            QCOMPARE(viaShort.out, viaOption.out);
            QVERIFY(viaHelp.out.startsWith(QStringLiteral("Usage: flowdeck-cli ") + command));
        }
        QVERIFY(
            run({QStringLiteral("help"), QStringLiteral("validate")}).out.contains(QLatin1String("--json")));
        QVERIFY(run({QStringLiteral("help"), QStringLiteral("graph")})
                    .out.contains(QLatin1String("--format FORMAT")));
    }

    void helpWithoutCommandListsCommands() {
        const CliResult r = run({QStringLiteral("help")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, run({QStringLiteral("--help")}).out);
    }

    // --- usage errors: exit 2, usage on stderr, nothing on stdout

    void usageErrorsExitWithTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no arguments") << QStringList() << QStringLiteral("flowdeck-cli: no command given");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("flowdeck-cli: unknown command 'frobnicate'");
        QTest::newRow("misspelt command")
            << QStringList{QStringLiteral("valdate"), QStringLiteral("demo.flow.yaml")}
            << QStringLiteral("did you mean 'validate'?");
        QTest::newRow("unknown global option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("unknown option '--frobnicate'");
        QTest::newRow("validate without files")
            << QStringList{QStringLiteral("validate")} << QStringLiteral("flowdeck-cli: no flow file given");
        QTest::newRow("validate unknown option")
            << QStringList{QStringLiteral("validate"), QStringLiteral("--frobnicate"),
                           QStringLiteral("demo.flow.yaml")}
            << QStringLiteral("flowdeck-cli: unknown option '--frobnicate'");
        QTest::newRow("validate misspelt option")
            << QStringList{QStringLiteral("validate"), QStringLiteral("--jsn"),
                           QStringLiteral("demo.flow.yaml")}
            << QStringLiteral("did you mean '--json'?");
        QTest::newRow("validate flag with value")
            << QStringList{QStringLiteral("validate"), QStringLiteral("--json=yes"),
                           QStringLiteral("demo.flow.yaml")}
            << QStringLiteral("option '--json' takes no value");
        QTest::newRow("graph without file")
            << QStringList{QStringLiteral("graph")} << QStringLiteral("no flow file given");
        QTest::newRow("graph with two files")
            << QStringList{QStringLiteral("graph"), QStringLiteral("demo.flow.yaml"),
                           QStringLiteral("loop.flow.yaml")}
            << QStringLiteral("graph takes one flow file");
        QTest::newRow("graph format without value")
            << QStringList{QStringLiteral("graph"), QStringLiteral("demo.flow.yaml"),
                           QStringLiteral("--format")}
            << QStringLiteral("option '--format' needs a value");
        QTest::newRow("help of unknown command")
            << QStringList{QStringLiteral("help"), QStringLiteral("frobnicate")}
            << QStringLiteral("unknown command 'frobnicate'");
    }

    void usageErrorsExitWithTwo() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliResult r = run(args);
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QLatin1String("Usage: flowdeck-cli")), qPrintable(describe(r)));
        QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    }

    // --- validate

    void validateAcceptsAValidFlow() {
        const CliResult r = run({QStringLiteral("validate"), QStringLiteral("demo.flow.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out, QStringLiteral("demo.flow.yaml: ok (4 tasks)\n"));
        QCOMPARE(r.err, QString());
    }

    void validateQuietPrintsOnlyProblems() {
        const CliResult good =
            run({QStringLiteral("validate"), QStringLiteral("--quiet"), QStringLiteral("demo.flow.yaml")});
        QCOMPARE(good.exitCode, 0);
        QCOMPARE(good.out, QString());
        QCOMPARE(good.err, QString());
        const CliResult bad =
            run({QStringLiteral("validate"), QStringLiteral("typo.flow.yaml"), QStringLiteral("--quiet")});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.out, QString());
        QVERIFY2(bad.err.contains(QLatin1String("typo.flow.yaml:8:5: ")), qPrintable(describe(bad)));
    }

    void validateReportsUnknownKeyAtItsLocation() {
        const CliResult r = run({QStringLiteral("validate"), QStringLiteral("typo.flow.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        const QString line = lineContaining(r.err, QStringLiteral("retires"));
        QVERIFY2(line.startsWith(QLatin1String("typo.flow.yaml:8:5: ")), qPrintable(describe(r)));
        QVERIFY2(line.contains(QLatin1String("did you mean 'retries'?")), qPrintable(line));
        QCOMPARE(r.out, QStringLiteral("typo.flow.yaml: 1 problem\n"));
    }

    void validateReportsBadDurationAtItsValue() {
        const CliResult r = run({QStringLiteral("validate"), QStringLiteral("slow.flow.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        const QString line = lineContaining(r.err, QStringLiteral("10x"));
        QVERIFY2(line.startsWith(QLatin1String("slow.flow.yaml:8:14: ")), qPrintable(describe(r)));
        QVERIFY2(line.contains(QLatin1String("timeout")), qPrintable(line));
        QVERIFY(r.out.startsWith(QLatin1String("slow.flow.yaml: ")) &&
                r.out.contains(QLatin1String("problem")));
    }

    void validateReportsACycleAtATaskOfIt() {
        const CliResult r = run({QStringLiteral("validate"), QStringLiteral("loop.flow.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        const QString line = lineContaining(r.err, QStringLiteral("cycle"));
        QVERIFY2(line.startsWith(QLatin1String("loop.flow.yaml:5:3: ")) ||
                     line.startsWith(QLatin1String("loop.flow.yaml:9:3: ")),
                 qPrintable(describe(r)));
        QVERIFY2(line.contains(QLatin1String("extract")) && line.contains(QLatin1String("transform")),
                 qPrintable(line));
    }

    void validateReportsTextThatIsNotYaml() {
        const CliResult r = run({QStringLiteral("validate"), QStringLiteral("broken.flow.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.startsWith(QLatin1String("broken.flow.yaml:")), qPrintable(describe(r)));
        QVERIFY2(r.out.startsWith(QLatin1String("broken.flow.yaml: ")), qPrintable(describe(r)));
    }

    void validateChecksEveryFileAndFailsIfAnyIsBad() {
        const CliResult r = run({QStringLiteral("validate"), QStringLiteral("demo.flow.yaml"),
                                 QStringLiteral("typo.flow.yaml"), QStringLiteral("slow.flow.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        const QStringList lines = linesOf(r.out);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("demo.flow.yaml: ok (4 tasks)"));
        QCOMPARE(lines[1], QStringLiteral("typo.flow.yaml: 1 problem"));
        QVERIFY(lines[2].startsWith(QLatin1String("slow.flow.yaml: ")));
        QVERIFY(r.err.contains(QLatin1String("typo.flow.yaml:8:5: ")));
        QVERIFY(r.err.contains(QLatin1String("slow.flow.yaml:8:14: ")));
        QVERIFY(!r.err.contains(QLatin1String("demo.flow.yaml")));
    }

    void validateOfManyGoodFilesSucceeds() {
        write(QStringLiteral("copy.flow.yaml"), validFlow);
        const CliResult r = run(
            {QStringLiteral("validate"), QStringLiteral("demo.flow.yaml"), QStringLiteral("copy.flow.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(linesOf(r.out).size(), 2);
    }

    void validateCountsWarningsButPasses() {
        write(QStringLiteral("twice.flow.yaml"), R"(apiVersion: flowdeck/v1
kind: Flow
name: twice
tasks:
  a:
    kind: noop
  b:
    kind: noop
    after: [a, a]
)");
        const CliResult r = run({QStringLiteral("validate"), QStringLiteral("twice.flow.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out, QStringLiteral("twice.flow.yaml: ok (2 tasks, 1 warning)\n"));
        QVERIFY2(r.err.startsWith(QLatin1String("twice.flow.yaml:9:")) &&
                     r.err.contains(QLatin1String("warning: ")),
                 qPrintable(describe(r)));
    }

    void validateReportsMissingFile() {
        const CliResult r = run({QStringLiteral("validate"), QStringLiteral("demo.flow.yaml"),
                                 QStringLiteral("missing.flow.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QCOMPARE(r.err, QStringLiteral("flowdeck-cli: no such file: missing.flow.yaml\n"));
        QVERIFY(r.out.contains(QLatin1String("demo.flow.yaml: ok")));
        QVERIFY(r.out.contains(QLatin1String("missing.flow.yaml: 1 problem")));
    }

    void validateReportsADirectory() {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("adir.flow.yaml")));
        const CliResult r = run({QStringLiteral("validate"), QStringLiteral("adir.flow.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QLatin1String("flowdeck-cli: is a directory")), qPrintable(describe(r)));
    }

    void validateJsonDescribesEveryFile() {
        const CliResult r =
            run({QStringLiteral("validate"), QStringLiteral("--json"), QStringLiteral("demo.flow.yaml"),
                 QStringLiteral("typo.flow.yaml"), QStringLiteral("missing.flow.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QCOMPARE(r.err, QString());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
                 qPrintable(error.errorString() + QLatin1Char('\n') + r.out));
        const QJsonArray files = document.object().value(QLatin1String("files")).toArray();
        QCOMPARE(files.size(), 3);

        const QJsonObject demo = files[0].toObject();
        QCOMPARE(demo.value(QLatin1String("file")).toString(), QStringLiteral("demo.flow.yaml"));
        QCOMPARE(demo.value(QLatin1String("valid")), QJsonValue(true));
        QCOMPARE(demo.value(QLatin1String("tasks")).toInt(), 4);
        QCOMPARE(demo.value(QLatin1String("problems")).toArray().size(), 0);

        const QJsonObject typo = files[1].toObject();
        QCOMPARE(typo.value(QLatin1String("valid")), QJsonValue(false));
        QCOMPARE(typo.value(QLatin1String("tasks")).toInt(), 1);
        const QJsonArray problems = typo.value(QLatin1String("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        const QJsonObject problem = problems[0].toObject();
        for (const char *key : {"file", "line", "column", "severity", "message", "task", "field"})
            QVERIFY2(problem.contains(QLatin1String(key)), key);
        QCOMPARE(problem.value(QLatin1String("file")).toString(), QStringLiteral("typo.flow.yaml"));
        QCOMPARE(problem.value(QLatin1String("line")).toInt(), 8);
        QCOMPARE(problem.value(QLatin1String("column")).toInt(), 5);
        QCOMPARE(problem.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(problem.value(QLatin1String("task")).toString(), QStringLiteral("load"));
        QVERIFY(problem.value(QLatin1String("message")).toString().contains(QLatin1String("retires")));

        const QJsonObject missing = files[2].toObject();
        QCOMPARE(missing.value(QLatin1String("valid")), QJsonValue(false));
        const QJsonObject missingProblem =
            missing.value(QLatin1String("problems")).toArray().at(0).toObject();
        QCOMPARE(missingProblem.value(QLatin1String("message")).toString(), QStringLiteral("no such file"));
        QCOMPARE(missingProblem.value(QLatin1String("line")).toInt(), 0);
    }

    void validateJsonOfValidFlowExitsZero() {
        const CliResult r =
            run({QStringLiteral("validate"), QStringLiteral("demo.flow.yaml"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).isObject());
    }

    void everyExampleValidates() {
        const QDir examples(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples"));
        QStringList files;
        for (const QString &name : examples.entryList({QStringLiteral("*.flow.yaml")}, QDir::Files))
            files << examples.filePath(name);
        if (files.isEmpty()) QSKIP("examples/ has no *.flow.yaml files yet");
        const CliResult r = run(QStringList{QStringLiteral("validate")} + files);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(linesOf(r.out).size(), files.size());
    }

    // --- graph

    void graphDotHasEveryTaskAndEdge() {
        const CliResult r = run({QStringLiteral("graph"), QStringLiteral("demo.flow.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(r.out.startsWith(QLatin1String("digraph")));
        QVERIFY(r.out.trimmed().endsWith(QLatin1Char('}')));
        for (const char *task : {"extract", "check", "load", "complain"})
            QVERIFY2(r.out.contains(QStringLiteral("\"%1\" [").arg(QLatin1String(task))), task);
        QVERIFY(r.out.contains(QLatin1String("\"extract\" -> \"check\"")));
        QVERIFY(r.out.contains(QLatin1String("\"check\" -> \"load\"")));
        QVERIFY(r.out.contains(QLatin1String("\"check\" -> \"complain\"")));
        QCOMPARE(r.out, run({QStringLiteral("graph"), QStringLiteral("demo.flow.yaml"),
                             QStringLiteral("--format=dot")})
                            .out);
    }

    void graphDotLabelsBranchEdges() {
        const CliResult r = run({QStringLiteral("graph"), QStringLiteral("--format"), QStringLiteral("dot"),
                                 QStringLiteral("demo.flow.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(lineContaining(r.out, QStringLiteral("\"check\" -> \"load\""))
                    .contains(QLatin1String("label=\"true\"")));
        QVERIFY(lineContaining(r.out, QStringLiteral("\"check\" -> \"complain\""))
                    .contains(QLatin1String("label=\"false\"")));
        QVERIFY(!lineContaining(r.out, QStringLiteral("\"extract\" -> \"check\""))
                     .contains(QLatin1String("label")));
    }

    void graphJsonHasOrderNodesAndEdges() {
        const CliResult r = run({QStringLiteral("graph"), QStringLiteral("demo.flow.yaml"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QJsonParseError error;
        const QJsonObject graph = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
        QCOMPARE(graph.value(QLatin1String("name")).toString(), QStringLiteral("demo"));
        QCOMPARE(graph.value(QLatin1String("order")).toArray(),
                 QJsonArray({QStringLiteral("extract"), QStringLiteral("check"), QStringLiteral("load"),
                             QStringLiteral("complain")}));
        const QJsonArray nodes = graph.value(QLatin1String("nodes")).toArray();
        QCOMPARE(nodes.size(), 4);
        QCOMPARE(nodes[1].toObject(), (QJsonObject{{QStringLiteral("name"), QStringLiteral("check")},
                                                   {QStringLiteral("kind"), QStringLiteral("branch")}}));
        const QJsonArray edges = graph.value(QLatin1String("edges")).toArray();
        QCOMPARE(edges.size(), 3);
        QVERIFY(edges.contains(QJsonObject{{QStringLiteral("from"), QStringLiteral("extract")},
                                           {QStringLiteral("to"), QStringLiteral("check")},
                                           {QStringLiteral("outcome"), QStringLiteral("any")}}));
        QVERIFY(edges.contains(QJsonObject{{QStringLiteral("from"), QStringLiteral("check")},
                                           {QStringLiteral("to"), QStringLiteral("load")},
                                           {QStringLiteral("outcome"), QStringLiteral("true")}}));
        QVERIFY(edges.contains(QJsonObject{{QStringLiteral("from"), QStringLiteral("check")},
                                           {QStringLiteral("to"), QStringLiteral("complain")},
                                           {QStringLiteral("outcome"), QStringLiteral("false")}}));
    }

    void graphTextListsTasksInRunOrder() {
        write(QStringLiteral("backwards.flow.yaml"), R"(apiVersion: flowdeck/v1
kind: Flow
name: backwards
tasks:
  report:
    kind: shell
    script: echo report
    after: [fetch, clean]
  clean:
    kind: python
    script: print(1)
    after: [fetch]
  fetch:
    kind: noop
)");
        const CliResult r = run({QStringLiteral("graph"), QStringLiteral("backwards.flow.yaml"),
                                 QStringLiteral("--format"), QStringLiteral("text")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out,
                 QStringLiteral("fetch (noop)\nclean (python) <- fetch\nreport (shell) <- fetch, clean\n"));
    }

    void graphOfCyclicFlowPrintsTheGraphButFails() {
        const CliResult dot = run({QStringLiteral("graph"), QStringLiteral("loop.flow.yaml")});
        QVERIFY2(dot.exitCode == 1, qPrintable(describe(dot)));
        QVERIFY(dot.out.startsWith(QLatin1String("digraph")));
        QVERIFY(dot.out.contains(QLatin1String("\"extract\" -> \"transform\"")));
        QVERIFY(dot.out.contains(QLatin1String("\"transform\" -> \"extract\"")));
        QVERIFY2(dot.err.contains(QLatin1String("cycle")), qPrintable(describe(dot)));

        const CliResult json =
            run({QStringLiteral("graph"), QStringLiteral("loop.flow.yaml"), QStringLiteral("--format=json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject graph = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(graph.value(QLatin1String("order")).toArray().size(), 0);
        QCOMPARE(graph.value(QLatin1String("edges")).toArray().size(), 2);

        const CliResult text =
            run({QStringLiteral("graph"), QStringLiteral("loop.flow.yaml"), QStringLiteral("--format=text")});
        QCOMPARE(text.exitCode, 1);
        QCOMPARE(text.out, QStringLiteral("extract (shell) <- transform\ntransform (shell) <- extract\n"));
    }

    void graphRejectsUnknownFormat() {
        const CliResult r = run({QStringLiteral("graph"), QStringLiteral("demo.flow.yaml"),
                                 QStringLiteral("--format"), QStringLiteral("svg")});
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QLatin1String("unknown format 'svg'")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("dot, json or text")), qPrintable(r.err));
        QCOMPARE(r.out, QString());
    }

    void graphOfUnreadableFileFailsWithoutOutput() {
        const CliResult missing = run({QStringLiteral("graph"), QStringLiteral("missing.flow.yaml")});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err, QStringLiteral("flowdeck-cli: no such file: missing.flow.yaml\n"));
        QCOMPARE(missing.out, QString());
        const CliResult broken = run({QStringLiteral("graph"), QStringLiteral("broken.flow.yaml")});
        QCOMPARE(broken.exitCode, 1);
        QCOMPARE(broken.out, QString());
        QVERIFY(broken.err.startsWith(QLatin1String("broken.flow.yaml:")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
