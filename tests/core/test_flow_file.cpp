// Reading and writing flow files: every field, every loader error with its location, round trips.
#include "flow/FlowFile.h"

#include <QtTest>

using namespace flowdeck;

namespace {

QByteArray docExample() {
    QFile doc(QStringLiteral(FLOWDECK_SOURCE_DIR "/docs/flow-format.md"));
    if (!doc.open(QIODevice::ReadOnly)) return {};
    const QByteArray text = doc.readAll();
    const qsizetype start = text.indexOf("```yaml\n") + 8;
    return text.mid(start, text.indexOf("```", start) - start);
}

QStringList messages(const LoadResult &r) {
    QStringList out;
    for (const Diagnostic &d : r.diagnostics) out << d.toString();
    return out;
}

/// The diagnostic whose text contains @p needle, or a failure listing all of them.
const Diagnostic *find(const LoadResult &r, const QString &needle) {
    for (const Diagnostic &d : r.diagnostics)
        if (d.toString().contains(needle)) return &d;
    return nullptr;
}

const char *header = "apiVersion: flowdeck/v1\nkind: Flow\nname: t\n";

LoadResult parseWithHeader(const QByteArray &rest) { return FlowFile::parse(QByteArray(header) + rest, "t.flow.yaml"); }

}  // namespace

#define EXPECT_DIAGNOSTIC(result, needle, expectedLine, expectedColumn)                                                  \
    do {                                                                                                  \
        const Diagnostic *d_ = find(result, needle);                                                      \
        QVERIFY2(d_, qPrintable(QStringLiteral("no '%1' in:\n%2").arg(needle, messages(result).join('\n')))); \
        QCOMPARE(d_->location.line, expectedLine);                                                                \
        QCOMPARE(d_->location.column, expectedColumn);                                                            \
    } while (0)

class TestFlowFile : public QObject {
    Q_OBJECT
private slots:
    void readsEveryFieldOfTheDocumentedExample() {
        const LoadResult r = FlowFile::parse(docExample(), "nightly.flow.yaml");
        QVERIFY2(r.readable, qPrintable(messages(r).join('\n')));
        QVERIFY2(!hasErrors(r.diagnostics), qPrintable(messages(r).join('\n')));
        const Flow &f = r.flow;
        QCOMPARE(f.name, QStringLiteral("nightly-report"));
        QCOMPARE(f.version, QStringLiteral("1.2.0"));
        QCOMPARE(f.tags, QStringList({"reports", "nightly"}));
        QCOMPARE(int(f.parameters.size()), 5);
        QVERIFY(f.parameters[0].type == ParameterType::List);
        QCOMPARE(f.parameters[0].defaultValue.toList().size(), 2);
        QCOMPARE(f.parameters[1].defaultValue.toDouble(), 0.25);
        QCOMPARE(*f.parameters[1].maximum, 1.0);
        QCOMPARE(f.parameters[2].allowed, QVariantList({"fast", "thorough"}));
        QCOMPARE(f.parameters[3].defaultValue, QVariant(false));
        QVERIFY(f.parameters[4].required);
        QCOMPARE(f.runner.maxParallel, 4);
        QCOMPARE(f.runner.memoryLimitBytes, qint64(2000000000));
        QCOMPARE(int(f.tasks.size()), 6);

        const Task &fetch = f.tasks[0];
        QCOMPARE(fetch.name, QStringLiteral("fetch"));
        QCOMPARE(fetch.mapOver, QStringLiteral("sources"));
        QCOMPARE(fetch.retries, 3);
        QVERIFY(fetch.retryDelay.mode == RetryDelay::Mode::List);
        QCOMPARE(fetch.retryDelay.delayBefore(2), 5.0);
        QCOMPARE(fetch.retryDelay.delayBefore(9), 30.0);
        QCOMPARE(fetch.retryJitter, 0.2);
        QCOMPARE(*fetch.timeoutSeconds, 120.0);
        QVERIFY(fetch.script.endsWith("\"$FLOWDECK_RUN_DIR/\"\n"));

        const Task &check = f.tasks[1];
        QVERIFY(check.kind == TaskKind::Branch);
        QVERIFY(check.language == ScriptLanguage::Python);

        const Task &summarise = f.tasks[2];
        QVERIFY(summarise.after.front().outcome == BranchOutcome::True);
        QVERIFY(summarise.cache.enabled);
        QVERIFY(summarise.cache.policy == CachePolicy::InputsAndSource);
        QCOMPARE(*summarise.cache.expirationSeconds, 86400.0);
        QCOMPARE(int(summarise.env.size()), 2);
        QVERIFY(!summarise.env[0].secret);
        QVERIFY(summarise.env[1].secret);
        QCOMPARE(summarise.env[1].secretName, QStringLiteral("api-token"));  // a reference: no value in the file
        QVERIFY(summarise.env[1].value.isEmpty());

        QVERIFY(f.tasks[3].after.front().outcome == BranchOutcome::False);
        QCOMPARE(f.tasks[3].script, QStringLiteral("echo \"data check failed\" >&2"));
        QVERIFY(f.tasks[4].kind == TaskKind::Sleep);
        QCOMPARE(f.tasks[4].sleepSeconds, 1.0);
        QVERIFY(f.tasks[4].trigger == TriggerRule::AllDone);
        QCOMPARE(f.tasks[5].subflow, QStringLiteral("child.flow.yaml"));
        QCOMPARE(f.tasks[5].subflowParameters.value("day"), QVariant("today"));
        QCOMPARE(f.layout.value("summarise").y, -80.0);
        QCOMPARE(int(f.notes.size()), 1);
        QCOMPARE(f.notes[0].text, QStringLiteral("Orders arrive by 02:00; this runs at 03:00.\n"));
        QCOMPARE(f.notes[0].height, 80.0);
        QCOMPARE(int(f.groups.size()), 1);
        QCOMPARE(f.groups[0].title, QStringLiteral("Check"));
        QCOMPARE(f.groups[0].x, 200.0);
        QCOMPARE(f.groups[0].width, 460.0);
    }

    void notesAndGroupsSurviveARoundTripAfterTheLayout() {
        Flow f;
        f.name = "t";
        Task t;
        t.name = "a";
        t.kind = TaskKind::Noop;
        f.tasks.push_back(t);
        f.layout.insert("a", {20, 40});
        f.notes.push_back({"one line", 0, 100, 200, 80});
        f.notes.push_back({"two\nlines: with # odd text\n", -40.5, 0, 160, 60});
        f.notes.push_back({"", 1, 2, 3, 4});
        f.groups.push_back({"Extract: all", -20, -20, 400, 200});
        const QByteArray saved = FlowFile::serialize(f);
        QVERIFY2(saved.indexOf("layout:") < saved.indexOf("notes:"), saved.constData());
        QVERIFY2(saved.indexOf("notes:") < saved.indexOf("groups:"), saved.constData());
        QVERIFY2(saved.endsWith("groups:\n  - title: \"Extract: all\"\n    at: [-20, -20]\n    size: [400, 200]\n"),
                 saved.constData());
        const LoadResult back = FlowFile::parse(saved);
        QVERIFY2(back.isValid(), qPrintable(messages(back).join('\n') + "\n" + saved));
        QVERIFY(back.flow == f);
        QCOMPARE(FlowFile::serialize(back.flow), saved);
        Flow moved = f;
        moved.groups[0].x = 0;
        QVERIFY(moved != f);  // frames are part of equality, like the layout
    }

    void badNotesAndGroupsAreReportedWhereTheyAre() {
        const LoadResult r = parseWithHeader("tasks: {}\nnotes:\n  - text: x\n    at: [1]\n    colour: red\n"
                                             "groups: {title: g}\n");
        EXPECT_DIAGNOSTIC(r, "'at' must be [x, y], got a list", 7, 9);
        EXPECT_DIAGNOSTIC(r, "unknown key 'colour' in notes item 1", 8, 5);
        EXPECT_DIAGNOSTIC(r, "'groups' must be a list", 9, 9);
        const LoadResult size = parseWithHeader("tasks: {}\ngroups:\n  - title: g\n    size: [0, 10]\n");
        EXPECT_DIAGNOSTIC(size, "'size' must be two numbers greater than 0", 7, 11);
        QCOMPARE(int(size.flow.groups.size()), 1);  // still shown, with the default size
    }

    void aRunnerTimeoutIsReadAndSurvivesARoundTrip() {
        const LoadResult r = FlowFile::parse("apiVersion: flowdeck/v1\nkind: Flow\nname: t\nrunner:\n  timeout: 1h30m\n"
                                             "tasks:\n  a:\n    kind: noop\n",
                                             "t.flow.yaml");
        QVERIFY2(!hasErrors(r.diagnostics), qPrintable(messages(r).join('\n')));
        QCOMPARE(r.flow.runner.timeoutSeconds.value_or(0), 5400.0);
        const QByteArray saved = FlowFile::serialize(r.flow);
        QVERIFY2(saved.contains("runner:\n  timeout: 1h30m\n"), saved.constData());
        QVERIFY(FlowFile::parse(saved, "t.flow.yaml").flow == r.flow);
    }

    void roundTripIsLosslessAndStable() {
        const LoadResult first = FlowFile::parse(docExample(), "a.flow.yaml");
        const QByteArray saved = FlowFile::serialize(first.flow);
        const LoadResult second = FlowFile::parse(saved, "b.flow.yaml");
        QVERIFY2(!hasErrors(second.diagnostics), qPrintable(messages(second).join('\n') + "\n" + saved));
        QVERIFY(second.flow == first.flow);
        QCOMPARE(FlowFile::serialize(second.flow), saved);
    }

    void anApprovalsInputsSurviveARoundTrip() {
        const QByteArray text = "apiVersion: flowdeck/v1\nkind: Flow\nname: ship\n"
                                "tasks:\n  approve:\n    kind: approval\n    description: Ship the report?\n"
                                "    timeout: 1h\n    inputs:\n      reviewer:\n        type: string\n"
                                "      copies:\n        type: int\n        default: 2\n        min: 1\n"
                                "      channels:\n        type: list\n        default: [mail, chat]\n";
        const LoadResult first = FlowFile::parse(text, "a.flow.yaml");
        QVERIFY2(first.isValid(), qPrintable(messages(first).join('\n')));
        const Task &approve = first.flow.tasks.front();
        QCOMPARE(toString(approve.kind), QStringLiteral("approval"));
        QCOMPARE(int(approve.inputs.size()), 3);
        QCOMPARE(approve.inputs[1].name, QStringLiteral("copies"));
        QCOMPARE(approve.inputs[1].defaultValue.toInt(), 2);
        QCOMPARE(*approve.inputs[1].minimum, 1.0);
        QCOMPARE(approve.inputs[2].defaultValue.toList().size(), 2);
        const QByteArray saved = FlowFile::serialize(first.flow);
        const LoadResult second = FlowFile::parse(saved, "b.flow.yaml");
        QVERIFY2(second.isValid(), qPrintable(messages(second).join('\n') + "\n" + saved));
        QVERIFY(second.flow == first.flow);
        QCOMPARE(FlowFile::serialize(second.flow), saved);
    }

    void awkwardTextSurvivesARoundTrip_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("looks like a number") << "0123";
        QTest::newRow("looks like bool") << "yes";
        QTest::newRow("null word") << "null";
        QTest::newRow("colon space") << "a: b";
        QTest::newRow("hash") << "x #y";
        QTest::newRow("leading dash") << "- item";
        QTest::newRow("quotes") << "say \"hi\" and 'bye'";
        QTest::newRow("backslash") << "C:\\path\\n";
        QTest::newRow("unicode") << "Grüße, 世界 ✓";
        QTest::newRow("leading space") << "  indented";
        QTest::newRow("tab") << "a\tb";
        QTest::newRow("script no final newline") << "echo one\necho two";
        QTest::newRow("script one final newline") << "echo one\n\necho two\n";
        QTest::newRow("script two final newlines") << "echo one\n\n";
        QTest::newRow("script indented first line") << "  if x:\n    y\n";
        QTest::newRow("whitespace-only line") << "a\n   \nb\n";
        QTest::newRow("carriage return") << "a\r\nb\n";
        QTest::newRow("control char") << QString("bell") + QChar(7);
        QTest::newRow("empty lines at start") << "\n\nx\n";
    }
    void awkwardTextSurvivesARoundTrip() {
        QFETCH(QString, text);
        Flow f;
        f.name = "t";
        f.description = text;
        Task t;
        t.name = "a";
        t.script = text;
        t.tags = {text};
        t.env.push_back({"VAR", text, false});
        t.subflowParameters.insert("p", text);
        f.tasks.push_back(t);
        Parameter p;
        p.name = "p";
        p.defaultValue = text;
        p.allowed = {text, "other"};
        f.parameters.push_back(p);
        const QByteArray saved = FlowFile::serialize(f);
        const LoadResult back = FlowFile::parse(saved);
        QVERIFY2(back.readable, qPrintable(messages(back).join('\n') + "\n" + saved));
        QCOMPARE(back.flow.description, text);
        QCOMPARE(back.flow.tasks[0].script, text);
        QCOMPARE(back.flow.tasks[0].tags, QStringList{text});
        QCOMPARE(back.flow.tasks[0].env[0].value, text);
        QCOMPARE(back.flow.tasks[0].subflowParameters.value("p"), QVariant(text));
        QCOMPARE(back.flow.parameters[0].defaultValue, QVariant(text));
        QCOMPARE(FlowFile::serialize(back.flow), saved);
    }

    void typedValuesSurviveARoundTrip() {
        Flow f;
        f.name = "t";
        Task t;
        t.name = "child";
        t.kind = TaskKind::Subflow;
        t.subflow = "c.flow.yaml";
        t.subflowParameters = {{"n", 3LL}, {"x", 1.0}, {"b", true}, {"none", QVariant()},
                               {"list", QVariantList{1LL, "two", QVariantList{3LL}}},
                               {"map", QVariantMap{{"k", QVariantMap{{"deep", "v"}}}, {"empty", QVariantList{}}}}};
        f.tasks.push_back(t);
        const QByteArray saved = FlowFile::serialize(f);
        const LoadResult back = FlowFile::parse(saved);
        QVERIFY2(back.flow == f, saved.constData());
        QCOMPARE(back.flow.tasks[0].subflowParameters.value("x").typeId(), int(QMetaType::Double));
        QCOMPARE(FlowFile::serialize(back.flow), saved);
    }

    void omitsDefaultsWhenSaving() {
        Flow f;
        f.name = "small";
        Task t;
        t.name = "hello";
        t.script = "echo hello\n";
        f.tasks.push_back(t);
        QCOMPARE(FlowFile::serialize(f), QByteArray("apiVersion: flowdeck/v1\nkind: Flow\nname: small\ntasks:\n"
                                                    "  hello:\n    kind: shell\n    script: |\n      echo hello\n"));
    }

    void unknownKeySuggestsTheClosestOne() {
        const LoadResult r = parseWithHeader("tasks:\n  load:\n    kind: shell\n    script: x\n    retires: 3\n");
        EXPECT_DIAGNOSTIC(r, "unknown key 'retires' in task 'load' (did you mean 'retries'?)", 8, 5);
        QCOMPARE(find(r, "retires")->task, QStringLiteral("load"));
        QVERIFY(!r.isValid());
    }

    void unknownTopLevelKey() {
        const LoadResult r = parseWithHeader("descripton: x\ntasks: {}\n");
        EXPECT_DIAGNOSTIC(r, "did you mean 'description'", 4, 1);
    }

    void wrongTypes() {
        const LoadResult r = parseWithHeader("tasks:\n  a:\n    kind: shell\n    script: x\n    retries: three\n"
                                             "    timeout: [1]\n    tags: {x: 1}\n    cache: yes\n    env: [A]\n");
        EXPECT_DIAGNOSTIC(r, "'retries' must be an integer >= 0, got 'three'", 8, 14);
        EXPECT_DIAGNOSTIC(r, "bad duration a list for 'timeout'", 9, 14);
        EXPECT_DIAGNOSTIC(r, "'tags' must be a list of names, got a mapping", 10, 11);
        EXPECT_DIAGNOSTIC(r, "'cache' must be a mapping", 11, 12);
        EXPECT_DIAGNOSTIC(r, "'env' must be a mapping", 12, 10);
    }

    void badDurationNamesTheExpectedForm() {
        const LoadResult r = parseWithHeader("tasks:\n  a:\n    kind: sleep\n    seconds: 10x\n");
        EXPECT_DIAGNOSTIC(r, "bad duration '10x' for 'seconds': expected seconds or a number with a unit", 7, 14);
    }

    void negativeRetries() {
        const LoadResult r = parseWithHeader("tasks:\n  a:\n    kind: noop\n    retries: -1\n");
        EXPECT_DIAGNOSTIC(r, "'retries' must be an integer >= 0, got '-1'", 7, 14);
        QCOMPARE(int(r.diagnostics.size()), 1);
    }

    void unknownKindAndTrigger() {
        const LoadResult r = parseWithHeader("tasks:\n  a:\n    kind: shel\n    trigger: all_sucess\n");
        EXPECT_DIAGNOSTIC(r, "unknown task kind 'shel'", 6, 11);
        QVERIFY(find(r, "did you mean 'shell'"));
        EXPECT_DIAGNOSTIC(r, "did you mean 'all_success'", 7, 14);
    }

    void missingKind() {
        const LoadResult r = parseWithHeader("tasks:\n  a:\n    script: x\n");
        EXPECT_DIAGNOSTIC(r, "task 'a' needs a 'kind'", 5, 3);
    }

    void duplicateKeysAndTaskNames() {
        const LoadResult r = parseWithHeader("tasks:\n  a:\n    kind: noop\n    kind: noop\n  a:\n    kind: noop\n");
        EXPECT_DIAGNOSTIC(r, "duplicate key 'kind'", 7, 5);
        EXPECT_DIAGNOSTIC(r, "duplicate task name 'a'", 8, 3);
    }

    void referencesAndCyclesAreReportedButTheFlowStillLoads() {
        const LoadResult r = parseWithHeader("tasks:\n  extract:\n    kind: noop\n    after: [load]\n"
                                             "  transform:\n    kind: noop\n    after: [extract, extrct]\n"
                                             "  load:\n    kind: noop\n    after: [transform]\n");
        EXPECT_DIAGNOSTIC(r, "task 'transform' depends on unknown task 'extrct' (did you mean 'extract'?)", 10, 22);
        EXPECT_DIAGNOSTIC(r, "cycle: extract -> transform -> load -> extract", 5, 3);
        QVERIFY(r.readable);
        QVERIFY(!r.isValid());
        QCOMPARE(int(r.flow.tasks.size()), 3);  // the editor still gets every task
    }

    void missingHeaderFields() {
        const LoadResult r = FlowFile::parse("name: x\ntasks: {}\n", "h.flow.yaml");
        EXPECT_DIAGNOSTIC(r, "missing 'apiVersion: flowdeck/v1'", 1, 1);
        EXPECT_DIAGNOSTIC(r, "missing 'kind: Flow'", 1, 1);
        const LoadResult v = FlowFile::parse("apiVersion: flowdeck/v9\nkind: Job\nname: x\n", "h.flow.yaml");
        EXPECT_DIAGNOSTIC(v, "unsupported apiVersion 'flowdeck/v9'", 1, 13);
        EXPECT_DIAGNOSTIC(v, "kind must be 'Flow', got 'Job'", 2, 7);
    }

    void syntaxErrorsHaveALocation() {
        const LoadResult r = FlowFile::parse("apiVersion: flowdeck/v1\ntasks:\n  a: [1, 2\n", "s.flow.yaml");
        QVERIFY(!r.readable);
        QCOMPARE(int(r.diagnostics.size()), 1);
        QVERIFY(r.diagnostics[0].toString().startsWith("s.flow.yaml:"));
        QVERIFY(r.diagnostics[0].message.startsWith("not valid YAML"));
        QVERIFY(r.diagnostics[0].location.line >= 3);
    }

    void refusesBinaryAndInvalidUtf8() {
        const LoadResult bin = FlowFile::parse(QByteArray("name: x\n\0\x01\x02", 11), "b.flow.yaml");
        EXPECT_DIAGNOSTIC(bin, "not a text file", 2, 1);
        const LoadResult latin = FlowFile::parse("name: caf\xE9\n", "l.flow.yaml");
        EXPECT_DIAGNOSTIC(latin, "not valid UTF-8", 1, 10);
    }

    void acceptsBomAndCrlf() {
        const QByteArray text = "\xEF\xBB\xBF" "apiVersion: flowdeck/v1\r\nkind: Flow\r\nname: x\r\ntasks:\r\n  a:\r\n"
                                "    kind: shell\r\n    script: |\r\n      echo hi\r\n";
        const LoadResult r = FlowFile::parse(text, "crlf.flow.yaml");
        QVERIFY2(r.isValid(), qPrintable(messages(r).join('\n')));
        QCOMPARE(r.flow.tasks[0].script, QStringLiteral("echo hi\n"));
    }

    void refusesDeepNesting() {
        const LoadResult r = FlowFile::parse(QByteArray(10000, '['), "deep.flow.yaml");
        QVERIFY(!r.readable);
        QVERIFY(find(r, "nesting deeper than 64 levels"));
    }

    void bracketsInsideScriptsAreNotNesting() {
        QByteArray script;
        for (int i = 0; i < 70; ++i) script += "      print(\"[\" if " + QByteArray::number(i) + " % 2 else \"{\", end=\"\")\n";
        const LoadResult r = parseWithHeader("tasks:\n  a:\n    kind: python\n    script: |\n" + script);
        QVERIFY2(r.isValid(), qPrintable(messages(r).join('\n')));
    }

    void unclosedQuoteIsReportedWhereItOpens() {
        const LoadResult r = parseWithHeader("description: \"Downloads the data\ntasks: {}\n");
        EXPECT_DIAGNOSTIC(r, "this quoted text is never closed", 4, 14);
    }

    void aliasBombIsRefused() {
        QByteArray text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'j'; ++c)
            text += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [" + QByteArray("*") + char(c - 1) + ", *" + char(c - 1) +
                    ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
                    ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
        QElapsedTimer clock;
        clock.start();
        const LoadResult r = parseWithHeader("parameters:\n  p:\n    type: map\n    default:\n      " +
                                             text.replace("\n", "\n      ").trimmed() + "\ntasks: {}\n");
        QVERIFY(find(r, "too many values"));
        QVERIFY(clock.elapsed() < 5000);
    }

    void loadReportsMissingFilesAndDirectories() {
        const LoadResult missing = FlowFile::load("/nonexistent/x.flow.yaml");
        QVERIFY(!missing.readable);
        QVERIFY(find(missing, "/nonexistent/x.flow.yaml: cannot open"));
        QTemporaryDir dir;
        QVERIFY(find(FlowFile::load(dir.path()), "is a directory"));
    }

    void loadChecksThatSubflowFilesExist() {
        QTemporaryDir dir;
        const QString path = dir.filePath("parent.flow.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(header) + "tasks:\n  child:\n    kind: subflow\n    flow: child.flow.yaml\n");
        file.close();
        const LoadResult missing = FlowFile::load(path);
        EXPECT_DIAGNOSTIC(missing, "subflow file 'child.flow.yaml' of task 'child' not found", 7, 11);
        QFile child(dir.filePath("child.flow.yaml"));
        QVERIFY(child.open(QIODevice::WriteOnly));
        child.close();
        QVERIFY(!find(FlowFile::load(path), "not found"));
    }

    void saveIsAtomicAndReportsFailures() {
        QTemporaryDir dir;
        const QString path = dir.filePath("x.flow.yaml");
        const LoadResult r = FlowFile::parse(docExample(), path);
        QCOMPARE(FlowFile::save(r.flow, path), QString());
        const LoadResult back = FlowFile::load(path);
        QVERIFY(back.flow == r.flow);

        Flow changed = r.flow;
        changed.description = "changed";
        QCOMPARE(FlowFile::save(changed, path), QString());
        QCOMPARE(FlowFile::load(path).flow.description, QStringLiteral("changed"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"x.flow.yaml"});  // no temp files left

        const QString error = FlowFile::save(changed, dir.filePath("no/such/dir/y.flow.yaml"));
        QVERIFY(error.contains("y.flow.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestFlowFile)
#include "test_flow_file.moc"
