// The Runs dock's Compare and Run Again, offscreen, on a real SQLite file with runs made by
// really running a flow twice with different parameters.
#include "../common/IsolatedSettings.h"
#include "../common/TestWorkspace.h"
#include "flow/FlowFile.h"
#include "runs/RunCompareView.h"
#include "runs/RunsBrowser.h"
#include "runs/RunsTableModel.h"
#include "store/RunStore.h"
#include "workspace/RunLauncher.h"
#include "workspace/WorkspaceSession.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace flowdeck;

namespace {

constexpr int kWaitMs = 60000;

/// prepare logs the mode; check fails when it is not "good"; tidy does the same either way. So
/// between a good and a bad run only check changes state, and prepare's log differs.
const QByteArray kFlow =
    "apiVersion: flowdeck/v1\nkind: Flow\nname: quality\n"
    "parameters:\n  mode:\n    type: string\n    default: good\n  rows:\n    type: int\n    default: 3\n"
    "tasks:\n"
    "  prepare:\n    kind: shell\n    script: echo starting; echo \"mode is $FLOWDECK_PARAM_MODE\"\n"
    "  check:\n    kind: shell\n    after: [prepare]\n    script: test \"$FLOWDECK_PARAM_MODE\" = good || "
    "exit 4\n"
    "  tidy:\n    kind: shell\n    after: [prepare]\n    script: echo tidy\n";

/// The workspace with the quality flow written into it.
class Workspace : public test::TestWorkspace {
public:
    Workspace() : flowPath(write(QStringLiteral("quality.flow.yaml"), kFlow)) {}
    /// Runs the flow to its end in this process with @p mode, as the GUI's Run does.
    QString run(const QString &mode) { return runHere(flowPath, {{QStringLiteral("mode"), mode}}).runId; }

    QString flowPath;
};

QString text(QTableWidget *table, int row, int column) {
    QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

int rowOf(QTableWidget *table, const QString &name) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (text(table, row, 0) == name) return row;
    return -1;
}

}  // namespace

class TestRunCompare : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase() {
        test::isolateRunFolders(m_home);
    }

    void compareOfTwoSelectedRunsShowsTheDifferingParameterAndTheChangedTaskFirst() {
        Workspace w;
        const QString good = w.run("good");
        const QString bad = w.run("bad");
        QVERIFY(!good.isEmpty() && !bad.isEmpty());
        RunsBrowser browser;
        browser.setSession(w.session.get());
        auto *compare = browser.findChild<QPushButton *>("compareRuns");
        browser.selectRun(bad);
        QVERIFY(!compare->isEnabled());  // one run: nothing to compare with
        browser.selectRuns({bad, good});
        QCOMPARE(browser.selectedRunIds().size(), 2);
        QVERIFY(compare->isEnabled());
        QVERIFY(browser.selectedRunId().isEmpty());  // the one-run actions do not guess which
        QVERIFY(!browser.findChild<QPushButton *>("deleteRun")->isEnabled());

        std::unique_ptr<RunCompareView> view(browser.compareSelected());
        QVERIFY(view);
        QVERIFY(view->isVisible());
        // The older run on the left, whichever order they were picked in.
        QCOMPARE(view->comparison().left.id, good);
        QCOMPARE(view->comparison().right.id, bad);

        QTableWidget *parameters = view->parametersTable();
        const int mode = rowOf(parameters, "mode");
        QVERIFY(mode >= 0);
        QCOMPARE(text(parameters, mode, RunCompareView::ParameterLeft), QStringLiteral("good"));
        QCOMPARE(text(parameters, mode, RunCompareView::ParameterRight), QStringLiteral("bad"));
        QVERIFY(parameters->item(mode, 0)->data(RunCompareView::DiffersRole).toBool());
        QVERIFY(parameters->item(mode, 0)->font().bold());
        const int rows = rowOf(parameters, "rows");
        QVERIFY(rows >= 0);
        QVERIFY(!parameters->item(rows, 0)->data(RunCompareView::DiffersRole).toBool());
        QCOMPARE(text(parameters, rows, RunCompareView::ParameterLeft), QStringLiteral("3"));

        QTableWidget *tasks = view->tasksTable();
        QCOMPARE(tasks->rowCount(), 3);
        QCOMPARE(text(tasks, 0, RunCompareView::TaskName), QStringLiteral("check"));
        QCOMPARE(text(tasks, 0, RunCompareView::LeftState), QStringLiteral("Completed"));
        QCOMPARE(text(tasks, 0, RunCompareView::RightState), QStringLiteral("Failed"));
        QVERIFY(tasks->item(0, 0)->data(RunCompareView::DiffersRole).toBool());
        for (int row = 1; row < 3; ++row)
            QVERIFY(!tasks->item(row, 0)->data(RunCompareView::DiffersRole).toBool());
        // prepare logs the same first line, then its mode.
        const int prepare = rowOf(tasks, "prepare");
        const QString line = text(tasks, prepare, RunCompareView::FirstLogDifference);
        QVERIFY2(line.startsWith("line ") && line.contains("mode is good") && line.contains("mode is bad"),
                 qPrintable(line));
        QVERIFY(text(tasks, rowOf(tasks, "tidy"), RunCompareView::FirstLogDifference).isEmpty());
        QVERIFY2(view->summary()->text().contains("1 of 2 parameters differ"),
                 qPrintable(view->summary()->text()));
        // A picture to look at: FLOWDECK_SHOT_DIR=DIR QT_QPA_PLATFORM=xcb xvfb-run test_run_compare.
        if (const QString dir = qEnvironmentVariable("FLOWDECK_SHOT_DIR"); !dir.isEmpty())
            QVERIFY(view->grab().save(QDir(dir).filePath("run-compare.png")));
    }

    void compareWithPicksTheSecondRun() {
        Workspace w;
        const QString good = w.run("good");
        const QString bad = w.run("bad");
        RunsBrowser browser;
        browser.setSession(w.session.get());
        browser.selectRun(good);
        std::unique_ptr<RunCompareView> view(browser.compareWith(bad));
        QVERIFY(view);
        QCOMPARE(view->comparison().left.id, good);
        QCOMPARE(text(view->tasksTable(), 0, RunCompareView::TaskName), QStringLiteral("check"));
    }

    void runAgainStartsTheFlowWithTheRunsParameters() {
        Workspace w;
        const QString bad = w.run("bad");
        RunsBrowser browser;
        browser.setSession(w.session.get());
        browser.selectRun(bad);
        auto *again = browser.findChild<QPushButton *>("rerunRun");
        QVERIFY(again->isEnabled());
        QSignalSpy finished(&w.session->launcher(), &RunLauncher::finished);
        const QString next = browser.rerunSelected();
        QVERIFY(!next.isEmpty() && next != bad);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kWaitMs);
        const std::optional<FlowRunRecord> record = w.session->store().run(next);
        QVERIFY(record);
        QCOMPARE(record->parameters.value("mode").toString(), QStringLiteral("bad"));
        QCOMPARE(toString(record->state), QStringLiteral("Failed"));  // the same values fail the same way
        QVERIFY(record->retryOf.isEmpty());                           // nothing reused
        QVERIFY(browser.statusLabel()->text().contains("again with the parameters of run " + bad.left(8)));
    }
};

QTEST_MAIN(TestRunCompare)
#include "test_run_compare.moc"
