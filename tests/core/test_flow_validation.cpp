// Semantic validation: names, references, branch outcomes, map sources, parameters.
#include "flow/FlowFile.h"
#include "flow/FlowValidator.h"

#include <QtTest>

using namespace flowdeck;

namespace {

LoadResult parse(const QByteArray &body) {
    return FlowFile::parse("apiVersion: flowdeck/v1\nkind: Flow\nname: v\n" + body, "v.flow.yaml");
}

const Diagnostic *find(const LoadResult &r, const QString &needle) {
    for (const Diagnostic &d : r.diagnostics)
        if (d.toString().contains(needle)) return &d;
    return nullptr;
}

QString all(const LoadResult &r) {
    QStringList out;
    for (const Diagnostic &d : r.diagnostics) out << d.toString();
    return out.join('\n');
}

}  // namespace

#define EXPECT_AT(result, needle, expectedLine, expectedColumn)                                                        \
    do {                                                                                                \
        const Diagnostic *d_ = find(result, needle);                                                    \
        QVERIFY2(d_, qPrintable(QStringLiteral("no '%1' in:\n%2").arg(needle, all(result))));            \
        QCOMPARE(d_->location.line, expectedLine);                                                              \
        QCOMPARE(d_->location.column, expectedColumn);                                                          \
    } while (0)

class TestFlowValidation : public QObject {
    Q_OBJECT
private slots:
    void validFlowHasNoDiagnostics() {
        const LoadResult r = parse("parameters:\n  items:\n    type: list\n    default: [a, b]\n"
                                   "tasks:\n  check:\n    kind: branch\n    script: test -n x\n"
                                   "  each:\n    kind: shell\n    after: [check.true]\n    map: items\n    script: echo\n");
        QVERIFY2(r.isValid(), qPrintable(all(r)));
        QVERIFY2(r.diagnostics.empty(), qPrintable(all(r)));
    }

    void invalidTaskNames() {
        const LoadResult r = parse("tasks:\n  bad name:\n    kind: noop\n  a.b:\n    kind: noop\n");
        EXPECT_AT(r, "task name 'bad name' may only use", 5, 3);
        EXPECT_AT(r, "task name 'a.b' may only use", 7, 3);
    }

    void selfDependency() {
        const LoadResult r = parse("tasks:\n  a:\n    kind: noop\n    after: [a]\n");
        EXPECT_AT(r, "task 'a' depends on itself", 7, 13);
    }

    void branchOutcomeOfANonBranchTask() {
        const LoadResult r = parse("tasks:\n  prep:\n    kind: noop\n  next:\n    kind: noop\n    after: [prep.true]\n");
        EXPECT_AT(r, "'prep.true' follows an outcome of 'prep', which is a noop task, not a branch", 9, 13);
    }

    void branchOutcomeMustBeTrueOrFalse() {
        const LoadResult r = parse("tasks:\n  check:\n    kind: branch\n    script: 'true'\n"
                                   "  next:\n    kind: noop\n    after: [check.maybe]\n");
        EXPECT_AT(r, "'check.maybe': an outcome of branch 'check' is written 'check.true' or 'check.false'", 10, 13);
    }

    void scriptAndSubflowRequirements() {
        const LoadResult r = parse("tasks:\n  s:\n    kind: shell\n  c:\n    kind: subflow\n");
        EXPECT_AT(r, "task 's' (shell) has no script", 5, 3);
        EXPECT_AT(r, "subflow task 'c' names no 'flow' file", 7, 3);
    }

    void mapSources() {
        const LoadResult r = parse("parameters:\n  n:\n    type: int\n    default: 1\ntasks:\n"
                                   "  a:\n    kind: noop\n    map: n\n  b:\n    kind: noop\n    map: nothing\n"
                                   "  c:\n    kind: noop\n    map: a\n");
        EXPECT_AT(r, "task 'a' maps over parameter 'n', which is a int, not a list", 11, 10);
        EXPECT_AT(r, "task 'b' maps over 'nothing', which is neither a list parameter nor an upstream task", 14, 10);
        EXPECT_AT(r, "task 'c' maps over 'a', which is not in its 'after' list", 17, 10);
    }

    void parameterDefaultsMustFit() {
        const LoadResult r = parse("parameters:\n  n:\n    type: int\n    default: abc\n"
                                   "  f:\n    type: float\n    default: 5\n    min: 0\n    max: 1\n"
                                   "  m:\n    type: string\n    default: slow\n    allowed: [fast, thorough]\n"
                                   "  r:\n    type: int\n    min: 10\n    max: 1\n"
                                   "tasks: {}\n");
        EXPECT_AT(r, "default of parameter 'n': expected int, got 'abc'", 7, 14);
        EXPECT_AT(r, "default of parameter 'f': 5 is above the maximum 1", 10, 14);
        EXPECT_AT(r, "default of parameter 'm': 'slow' is not one of the allowed values: fast, thorough", 15, 14);
        EXPECT_AT(r, "parameter 'r': min 10 is greater than max 1", 19, 10);
    }

    void unknownParameterType() {
        const LoadResult r = parse("parameters:\n  x:\n    type: integer\ntasks: {}\n");
        EXPECT_AT(r, "unknown parameter type 'integer'", 6, 11);
    }

    void aTaskIsNotSuggestedAsItsOwnUpstream() {
        const LoadResult r = parse("tasks:\n  ab:\n    kind: noop\n    after: [a]\n");
        const Diagnostic *d = find(r, "depends on unknown task 'a'");
        QVERIFY(d);
        QVERIFY2(!d->message.contains("did you mean"), qPrintable(d->message));
    }

    void envNames() {
        const LoadResult r = parse("tasks:\n  a:\n    kind: noop\n    env:\n      1BAD: x\n");
        EXPECT_AT(r, "environment variable name '1BAD' is not valid", 8, 7);
    }

    void settingsThatDoNotApplyWarn() {
        const LoadResult r = parse("tasks:\n  a:\n    kind: noop\n    script: echo\n");
        const Diagnostic *d = find(r, "'script' has no effect on a noop task");
        QVERIFY(d);
        QVERIFY(d->severity == Severity::Warning);
        QVERIFY(r.isValid());  // warnings do not make a flow invalid
        EXPECT_AT(r, "'script' has no effect on a noop task", 7, 13);
        QCOMPARE(d->field, QStringLiteral("script"));
    }

    void approvalInputsAreCheckedLikeParameters() {
        const LoadResult r = parse("tasks:\n  ok:\n    kind: approval\n    retries: 2\n    inputs:\n"
                                   "      copies:\n        type: int\n        default: zero\n"
                                   "  each:\n    kind: approval\n    map: ok\n    after: [ok]\n"
                                   "  plain:\n    kind: noop\n    inputs:\n      x:\n        type: string\n");
        EXPECT_AT(r, "default of parameter 'copies': expected int, got 'zero'", 11, 18);
        QVERIFY(find(r, "approval task 'each' cannot be mapped"));
        const Diagnostic *retries = find(r, "'retries' has no effect on a approval task");
        QVERIFY2(retries && retries->severity == Severity::Warning, qPrintable(all(r)));
        const Diagnostic *inputs = find(r, "'inputs' has no effect on a noop task");
        QVERIFY(inputs && inputs->severity == Severity::Warning);
    }

    void settingsThatDoNotApplyWarnAfterAnEditToo() {
        // The editor validates models it changed itself, with no file behind them.
        Flow f;
        f.name = "edited";
        Task a;
        a.name = "a";
        a.kind = TaskKind::Shell;
        a.script = "true";
        a.sleepSeconds = 5;
        a.subflow = "child.flow.yaml";
        a.language = ScriptLanguage::Python;
        f.tasks.push_back(a);
        QStringList messages;
        for (const Diagnostic &d : FlowValidator::validate(f)) {
            QVERIFY(d.severity == Severity::Warning);
            messages << d.message;
        }
        messages.sort();
        QCOMPARE(messages, (QStringList{"'flow' has no effect on a shell task", "'language' has no effect on a shell task",
                                        "'seconds' has no effect on a shell task"}));
    }

    void validatorWorksOnEditedModelsWithoutASourceMap() {
        Flow f;
        f.name = "edited";
        Task a;
        a.name = "a";
        a.kind = TaskKind::Noop;
        a.after.push_back({"ghost", BranchOutcome::Any});
        f.tasks.push_back(a);
        const Diagnostics ds = FlowValidator::validate(f);
        QCOMPARE(int(ds.size()), 1);
        QCOMPARE(ds[0].task, QStringLiteral("a"));
        QCOMPARE(ds[0].field, QStringLiteral("after"));
        QVERIFY(ds[0].message.contains("unknown task 'ghost'"));
    }

    void aListParameterTakesJsonOrCommaSeparatedWords() {
        Parameter items;
        items.name = "items";
        items.type = ParameterType::List;
        QString error;
        QCOMPARE(FlowValidator::valueFromText(items, "[1, \"b\"]", &error), QVariant(QVariantList{1, "b"}));
        QCOMPARE(FlowValidator::valueFromText(items, "a, b", &error), QVariant(QVariantList{"a", "b"}));
        error.clear();
        QVERIFY(!FlowValidator::valueFromText(items, "{\"a\": 1}", &error).isValid());
        QVERIFY2(error.contains("items"), qPrintable(error));
    }

    void readingTheResultOfATaskThatIsNotUpstreamWarns() {
        // After a rename of 'evaluate' to 'scoring', a script still reading upstream["evaluate"].
        const LoadResult r = parse("tasks:\n  scoring:\n    kind: noop\n  check:\n    kind: python\n"
                                   "    after: [scoring]\n    script: |\n      r2 = upstream[\"evaluate\"][\"r2\"]\n"
                                   "      ok = upstream.get('scoring')\n");
        const Diagnostic *d = find(r, "reads the result of 'evaluate'");
        QVERIFY2(d, qPrintable(all(r)));
        QVERIFY(d->severity == Severity::Warning);
        QCOMPARE(d->task, QStringLiteral("check"));
        QVERIFY2(d->message.contains("after: scoring"), qPrintable(d->message));
        QVERIFY2(!find(r, "reads the result of 'scoring'"), qPrintable(all(r)));
        QVERIFY(r.isValid());  // a warning: the script may build the name some other way
    }

    void aSubflowParameterReadingANonUpstreamWarns() {
        const LoadResult r = parse("tasks:\n  a:\n    kind: noop\n  child:\n    kind: subflow\n    flow: c.flow.yaml\n"
                                   "    after: [a]\n    parameters:\n      x: ${upstream.a}\n      y: ${upstream.b}\n");
        QVERIFY2(find(r, "reads the result of 'b'"), qPrintable(all(r)));
        QVERIFY2(!find(r, "reads the result of 'a'"), qPrintable(all(r)));
    }

    void theExamplesReadOnlyTheirUpstreams() {
        const QDir examples(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples"));
        const QStringList files = examples.entryList({QStringLiteral("*.flow.yaml")});
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            const LoadResult r = FlowFile::load(examples.filePath(file));
            QVERIFY2(!find(r, "reads the result of"), qPrintable(file + ": " + all(r)));
        }
    }

    void valuesFromTheCommandLine() {
        Parameter n;
        n.name = "n";
        n.type = ParameterType::Int;
        n.minimum = 1;
        QString error;
        QCOMPARE(FlowValidator::valueFromText(n, "5", &error), QVariant(5LL));
        QVERIFY(!FlowValidator::valueFromText(n, "five", &error).isValid());
        QCOMPARE(error, QStringLiteral("parameter 'n' expects int, got 'five'"));
        QVERIFY(!FlowValidator::valueFromText(n, "0", &error).isValid());
        QCOMPARE(error, QStringLiteral("parameter 'n': 0 is below the minimum 1"));

        Parameter list;
        list.name = "l";
        list.type = ParameterType::List;
        QCOMPARE(FlowValidator::valueFromText(list, "[1, \"a\"]", &error), QVariant(QVariantList{1.0, "a"}));
        QCOMPARE(FlowValidator::valueFromText(list, "a, b", &error), QVariant(QVariantList{"a", "b"}));
        QVERIFY(!FlowValidator::valueFromText(list, "[1,", &error).isValid());

        Parameter flag;
        flag.name = "f";
        flag.type = ParameterType::Bool;
        QCOMPARE(FlowValidator::valueFromText(flag, "TRUE", &error), QVariant(true));
        QVERIFY(!FlowValidator::valueFromText(flag, "maybe", &error).isValid());
    }
};

QTEST_GUILESS_MAIN(TestFlowValidation)
#include "test_flow_validation.moc"
