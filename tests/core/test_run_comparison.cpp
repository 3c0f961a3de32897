// Comparing two real runs of a flow: parameters side by side, the task whose state changed
// first, then the largest change of duration, and the first log line where two tasks differ.
#include "engine/FlowRun.h"
#include "flow/FlowFile.h"
#include "store/RunStore.h"
#include "workspace/RunComparison.h"

#include <QtTest>

using namespace flowdeck;

class TestRunComparison : public QObject {
    Q_OBJECT
private slots:
    void theChangedTaskComesFirstWithItsFirstDifferentLine() {
        QTemporaryDir dir;
        QString error;
        auto store = RunStore::open(dir.filePath("runs.db"), &error);
        QVERIFY2(store, qPrintable(error));
        const QString path = dir.filePath("c.flow.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: flowdeck/v1\nkind: Flow\nname: c\n"
                   "parameters:\n  mode:\n    type: string\n    default: good\n  n:\n    type: int\n    default: 1\n"
                   "tasks:\n"
                   "  same:\n    kind: shell\n    script: echo one; echo two\n"
                   "  flaky:\n    kind: shell\n    script: test \"$FLOWDECK_PARAM_MODE\" = good\n"
                   "  talk:\n    kind: shell\n    script: |\n      echo first; echo second\n"
                   "      echo \"mode is $FLOWDECK_PARAM_MODE\"; echo last\n");
        file.close();
        const Flow flow = FlowFile::load(path).flow;
        const auto runWith = [&](const QString &mode) {
            RunOptions options;
            options.runsDirectory = dir.filePath("runs");
            options.parameterText.insert("mode", mode);
            FlowRun run(flow, path, store.get(), options);
            run.execute();
            store->flush();
            return run.id();
        };
        const QString good = runWith("good"), bad = runWith("bad");
        const RunComparison c = compareRuns(*store, good.left(8), bad);
        QVERIFY(c.error.isEmpty());
        QCOMPARE(c.left.id, good);
        QCOMPARE(int(c.parameters.size()), 2);
        QCOMPARE(c.parameters[0].name, QStringLiteral("mode"));
        QVERIFY(c.parameters[0].differs);
        QCOMPARE(c.parameters[0].right.toString(), QStringLiteral("bad"));
        QVERIFY(!c.parameters[1].differs);  // n: the same default

        QCOMPARE(int(c.tasks.size()), 3);
        QCOMPARE(c.tasks[0].task, QStringLiteral("flaky"));  // its state changed
        QCOMPARE(toString(c.tasks[0].leftState), QStringLiteral("Completed"));
        QCOMPARE(toString(c.tasks[0].rightState), QStringLiteral("Failed"));
        const auto talk = std::find_if(c.tasks.begin(), c.tasks.end(), [](const TaskDifference &d) { return d.task == "talk"; });
        QCOMPARE(talk->firstDifferentLine, qint64(3));
        QCOMPARE(talk->leftLine, QStringLiteral("mode is good"));
        QCOMPARE(talk->rightLine, QStringLiteral("mode is bad"));
        const auto same = std::find_if(c.tasks.begin(), c.tasks.end(), [](const TaskDifference &d) { return d.task == "same"; });
        QCOMPARE(same->firstDifferentLine, qint64(0));
        QVERIFY(!same->stateChanged());

        QVERIFY(compareRuns(*store, good, "no-such-run").error.contains("no run 'no-such-run'"));
    }
};

QTEST_GUILESS_MAIN(TestRunComparison)
#include "test_run_comparison.moc"
