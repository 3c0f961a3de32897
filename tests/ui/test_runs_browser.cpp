// The Runs dock and the run detail, offscreen, on real SQLite files with runs made by really
// running flows: in this process (the workspace's launcher) and by flowdeck-cli as a process.
#include "../common/CliProcess.h"
#include "../common/BulkRuns.h"
#include "../common/IsolatedSettings.h"
#include "../common/TestWorkspace.h"
#include "MainWindow.h"
#include "flow/FlowFile.h"
#include "runs/LogLinesModel.h"
#include "runs/RunDetail.h"
#include "runs/RunDetailTabs.h"
#include "runs/RunsBrowser.h"
#include "runs/RunsTableModel.h"
#include "runs/TaskRunsModel.h"
#include "store/RunStore.h"
#include "workspace/RunLauncher.h"
#include "workspace/WorkspaceSession.h"
#include "workspace/WorkspaceTrust.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QtTest>


using namespace flowdeck;

namespace {

constexpr int kWaitMs = 60000;

/// A workspace folder with its own database (runs.db in it) and flows written into it.
class Workspace : public test::TestWorkspace {
public:
    Workspace() : TestWorkspace("settings:\n  database: runs.db\n  retention_days: 0\n  kill_grace: 500ms\n") {}
    ~Workspace() {
        for (QProcess *p : processes) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(10000);
            }
            delete p;
        }
    }

    QString flow(const QString &name, const QByteArray &tasks) {
        return write(name + ".flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: " + name.toUtf8() + "\n" + tasks);
    }

    /// `flowdeck-cli run PATH` in another process, on the same database.
    QProcess *cliRun(const QString &path) {
        auto *p = new QProcess;
        processes << p;
        QProcessEnvironment env = isolatedEnvironment(dir);
        env.remove(QStringLiteral("FLOWDECK_DB"));  // the workspace's database: runs.db
        p->setProcessEnvironment(env);
        p->setWorkingDirectory(dir.path());
        p->start(cliPath(), {QStringLiteral("run"), path});
        if (!p->waitForStarted(10000)) qFatal("flowdeck-cli did not start");
        return p;
    }

    QList<QProcess *> processes;
};

const QByteArray kTwoTasks = "tasks:\n  first:\n    kind: shell\n    script: echo hello from first\n"
                             "  second:\n    kind: shell\n    script: echo warehouse loaded\n    after: [first]\n";
const QByteArray kFails = "tasks:\n  boom:\n    kind: shell\n    script: echo about to fail; exit 3\n";

/// Whether the process ended (waitForFinished() says false for one that ended already).
bool ended(QProcess *p) {
    return p->state() == QProcess::NotRunning || p->waitForFinished(kWaitMs);
}

QString stateAt(const RunsTableModel *model, int row) {
    return model->index(row, RunsTableModel::StateColumn).data().toString();
}

QString stateOf(const RunsTableModel *model, const QString &runId) {
    const int row = model->rowOfRun(runId);
    return row < 0 ? QString() : stateAt(model, row);
}

QStringList column(const QAbstractItemModel *model, int column) {
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row) values << model->index(row, column).data().toString();
    return values;
}

}  // namespace

class TestRunsBrowser : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase() {
        test::isolateRunFolders(m_home);
    }

    void listsRunsNewestFirstWithTheirStates() {
        Workspace w;
        QCOMPARE(toString(w.runHere(w.flow("loader", kTwoTasks)).state), QStringLiteral("Completed"));
        QCOMPARE(toString(w.runHere(w.flow("breaker", kFails)).state), QStringLiteral("Failed"));
        RunsBrowser browser;
        browser.setSession(w.session.get());
        const RunsTableModel *model = browser.model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(column(model, RunsTableModel::FlowColumn), QStringList({"breaker", "loader"}));
        QCOMPARE(column(model, RunsTableModel::StateColumn), QStringList({"Failed", "Completed"}));
        QCOMPARE(model->index(0, RunsTableModel::TriggerColumn).data().toString(), QStringLiteral("manual"));
        // Coloured by state: failure and success do not look alike.
        QVERIFY(model->index(0, RunsTableModel::StateColumn).data(Qt::ForegroundRole) !=
                model->index(1, RunsTableModel::StateColumn).data(Qt::ForegroundRole));
        // Only the actions that apply: a failed run retries and deletes, but does not cancel.
        browser.selectRun(model->runAt(0)->id);
        QVERIFY(browser.findChild<QWidget *>("retryRun")->isEnabled());
        QVERIFY(!browser.findChild<QWidget *>("cancelRun")->isEnabled());
        QVERIFY(browser.findChild<QWidget *>("deleteRun")->isEnabled());
        browser.selectRun(model->runAt(1)->id);
        QVERIFY(!browser.findChild<QWidget *>("retryRun")->isEnabled());
        QCOMPARE(browser.statusLabel()->text(), QStringLiteral("2 runs"));
    }

    void aRunOfAnotherProcessAppearsWithoutUserAction() {
        Workspace w;
        QCOMPARE(toString(w.runHere(w.flow("loader", kTwoTasks)).state), QStringLiteral("Completed"));
        RunsBrowser browser;
        browser.show();
        browser.setSession(w.session.get());
        const QString mine = browser.model()->runAt(0)->id;
        browser.selectRun(mine);
        QProcess *cli = w.cliRun(w.flow("elsewhere", kTwoTasks));
        // Nothing is clicked: the other process's change file wakes the browser.
        QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 2, kWaitMs);
        QCOMPARE(browser.model()->index(0, RunsTableModel::FlowColumn).data().toString(), QStringLiteral("elsewhere"));
        QTRY_COMPARE_WITH_TIMEOUT(stateAt(browser.model(), 0), QStringLiteral("Completed"), kWaitMs);
        QCOMPARE(browser.selectedRunId(), mine);  // the selection stays on its run
        QVERIFY(ended(cli));
        QCOMPARE(cli->exitCode(), 0);
    }

    void filtersByFlowStateAndText() {
        Workspace w;
        w.runHere(w.flow("loader", kTwoTasks));
        w.runHere(w.flow("breaker", kFails));
        w.runHere(w.flow("loader", kTwoTasks));
        RunsBrowser browser;
        browser.setSession(w.session.get());
        QCOMPARE(browser.model()->rowCount(), 3);
        QComboBox *state = browser.stateFilter();
        const int failed = state->findText("Failed");
        QVERIFY(failed > 0);
        state->setCurrentIndex(failed);
        emit state->activated(failed);
        QCOMPARE(column(browser.model(), RunsTableModel::FlowColumn), QStringList({"breaker"}));
        state->setCurrentIndex(0);
        emit state->activated(0);
        QComboBox *flow = browser.flowFilter();
        QCOMPARE(flow->count(), 3);  // all, breaker, loader
        const int loader = flow->findText("loader");
        flow->setCurrentIndex(loader);
        emit flow->activated(loader);
        QCOMPARE(column(browser.model(), RunsTableModel::FlowColumn), QStringList({"loader", "loader"}));
        flow->setCurrentIndex(0);
        emit flow->activated(0);
        browser.textFilter()->setText("break");
        QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 1, kWaitMs);  // after the typing pause
        QCOMPARE(browser.model()->runAt(0)->flowName, QStringLiteral("breaker"));
        // Sorted by the store: by flow, ascending.
        browser.textFilter()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 3, kWaitMs);
        browser.view()->sortByColumn(RunsTableModel::FlowColumn, Qt::AscendingOrder);
        QCOMPARE(column(browser.model(), RunsTableModel::FlowColumn), QStringList({"breaker", "loader", "loader"}));
    }

    void openShowsTaskRunsInFlowOrderAndTheirLogs() {
        Workspace w;
        // Written in the reverse of their order: the detail follows the flow, not the file.
        const LaunchResult run = w.runHere(w.flow(
            "reversed", "tasks:\n  last:\n    kind: shell\n    script: echo warehouse loaded\n    after: [middle]\n"
                        "  middle:\n    kind: shell\n    script: echo middle step; echo careful >&2\n    after: [start]\n"
                        "  start:\n    kind: shell\n    script: echo hello from start\n"));
        QCOMPARE(toString(run.state), QStringLiteral("Completed"));
        RunsBrowser browser;
        RunDetailTabs tabs;
        browser.setSession(w.session.get());
        tabs.setSession(w.session.get());
        QObject::connect(&browser, &RunsBrowser::openRunRequested, &tabs, &RunDetailTabs::openRun);
        browser.selectRun(run.runId);
        browser.openSelected();
        RunDetail *detail = tabs.detail(run.runId);
        QVERIFY(detail);
        QVERIFY(detail->header()->text().contains("reversed"));
        QVERIFY(detail->header()->text().contains("Completed"));
        QCOMPARE(column(detail->taskModel(), TaskRunsModel::TaskColumn), QStringList({"start", "middle", "last"}));
        QCOMPARE(column(detail->taskModel(), TaskRunsModel::StateColumn),
                 QStringList({"Completed", "Completed", "Completed"}));
        QCOMPARE(detail->taskModel()->index(0, TaskRunsModel::ExitColumn).data().toString(), QStringLiteral("0"));
        QStringList texts = column(detail->logModel(), LogLinesModel::TextColumn);
        QVERIFY2(texts.contains("hello from start") && texts.contains("warehouse loaded"), qPrintable(texts.join('|')));
        // Selecting a task shows its lines only.
        detail->taskView()->selectionModel()->setCurrentIndex(detail->taskModel()->index(1, 0),
                                                              QItemSelectionModel::ClearAndSelect);
        texts = column(detail->logModel(), LogLinesModel::TextColumn);
        QVERIFY(texts.contains("middle step"));
        QVERIFY(!texts.contains("hello from start"));
        // The text filter narrows what is shown; the search looks in the database.
        detail->showTask({});
        detail->textFilter()->setText("WAREHOUSE");
        QCOMPARE(detail->logFilterModel()->rowCount(), 1);
        detail->textFilter()->clear();
        QCOMPARE(detail->search("hello"), 1);
        QVERIFY(detail->hitList()->item(0)->text().contains("hello from start"));
        QVERIFY(detail->showHit(0));
        QCOMPARE(detail->logView()->currentIndex().data().toString(), QStringLiteral("hello from start"));
        QCOMPARE(detail->search("nothing-like-this"), 0);
        // Opening again shows the same tab.
        browser.openSelected();
        QCOMPARE(tabs.count(), 1);
    }

    void exportWritesTheWholeLog() {
        Workspace w;
        const LaunchResult run = w.runHere(w.flow("loader", kTwoTasks));
        RunsBrowser browser;
        browser.setSession(w.session.get());
        browser.selectRun(run.runId);
        const QString path = w.dir.filePath("exported.log");
        browser.setChooseFile([path](const QString &) { return path; });
        QVERIFY(browser.exportSelectedLogs());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains("first") && text.contains("hello from first") && text.contains("warehouse loaded"),
                 qPrintable(text));
    }

    void retryOfAFailedRunMakesANewRunThatCompletes() {
        Workspace w;
        // Fails the first time, succeeds once its marker exists.
        const QString marker = w.dir.filePath("marker");
        const QString path = w.flow("flaky", "tasks:\n  fetch:\n    kind: shell\n    script: echo fetched\n"
                                             "  load:\n    kind: shell\n    after: [fetch]\n    script: test -f '" +
                                                 marker.toUtf8() + "' || { touch '" + marker.toUtf8() + "'; exit 1; }\n");
        const LaunchResult failed = w.runHere(path);
        QCOMPARE(toString(failed.state), QStringLiteral("Failed"));
        RunsBrowser browser;
        browser.setSession(w.session.get());
        browser.selectRun(failed.runId);
        const QString retry = browser.retrySelected();
        QVERIFY2(!retry.isEmpty(), qPrintable(browser.statusLabel()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(browser.model(), retry), QStringLiteral("Completed"), kWaitMs);
        const int row = browser.model()->rowOfRun(retry);
        QCOMPARE(row, 0);  // newest first
        QCOMPARE(browser.model()->index(row, RunsTableModel::TriggerColumn).data().toString(), QStringLiteral("retry"));
        const auto record = w.session->store().run(retry);
        QCOMPARE(record->retryOf, failed.runId);
        // fetch was reused, not run again.
        for (const TaskRunRecord &t : w.session->store().taskRuns(retry))
            if (t.task == QLatin1String("fetch")) QCOMPARE(toString(t.state), QStringLiteral("Cached"));
    }

    void cancelOfARunningRunOfAnotherProcessEndsItCancelled() {
        Workspace w;
        RunsBrowser browser;
        browser.setSession(w.session.get());
        QProcess *cli = w.cliRun(w.flow("sleeper", "tasks:\n  nap:\n    kind: shell\n    script: sleep 60\n"));
        QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 1, kWaitMs);
        const QString id = browser.model()->runAt(0)->id;
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(browser.model(), id), QStringLiteral("Running"), kWaitMs);
        browser.selectRun(id);
        QVERIFY(browser.findChild<QWidget *>("cancelRun")->isEnabled());
        QVERIFY(!browser.findChild<QWidget *>("deleteRun")->isEnabled());
        QVERIFY(browser.cancelSelected());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(browser.model(), id), QStringLiteral("Cancelled"), kWaitMs);
        QVERIFY(ended(cli));
        QCOMPARE(toString(w.session->store().run(id)->state), QStringLiteral("Cancelled"));
    }

    void deleteAsksAndRemovesTheRun() {
        Workspace w;
        const LaunchResult keep = w.runHere(w.flow("loader", kTwoTasks));
        const LaunchResult gone = w.runHere(w.flow("breaker", kFails));
        RunsBrowser browser;
        browser.setSession(w.session.get());
        QString asked;
        bool answer = false;
        browser.setConfirm([&](const QString &question) {
            asked = question;
            return answer;
        });
        browser.selectRun(gone.runId);
        QVERIFY(!browser.deleteSelected());  // said no
        QVERIFY(asked.contains(gone.runId.left(8)));
        QCOMPARE(browser.model()->rowCount(), 2);
        answer = true;
        QVERIFY(browser.deleteSelected());
        QCOMPARE(browser.model()->rowCount(), 1);
        QCOMPARE(browser.model()->runAt(0)->id, keep.runId);
        QVERIFY(!w.session->store().run(gone.runId));
    }

    void aLiveRunsDetailFollowsTheRun() {
        Workspace w;
        const QString path = w.flow("ticker", "tasks:\n  tick:\n    kind: shell\n    script: |\n"
                                              "      for i in 1 2 3; do echo tick $i; sleep 0.2; done\n"
                                              "      echo last tick\n  after:\n    kind: shell\n"
                                              "    script: echo done ticking\n    after: [tick]\n");
        QProcess *cli = w.cliRun(path);
        RunsBrowser browser;
        RunDetailTabs tabs;
        browser.setSession(w.session.get());
        tabs.setSession(w.session.get());
        QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 1, kWaitMs);
        RunDetail *detail = tabs.openRun(browser.model()->runAt(0)->id);
        QVERIFY(detail);
        QTRY_VERIFY_WITH_TIMEOUT(column(detail->logModel(), LogLinesModel::TextColumn).contains("done ticking"), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(detail->header()->text().contains("Completed"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(column(detail->taskModel(), TaskRunsModel::StateColumn),
                                  QStringList({"Completed", "Completed"}), kWaitMs);
        QVERIFY(ended(cli));
    }

    void theMainWindowShowsTheRunsOfATrustedWorkspace() {
        Workspace w;
        w.runHere(w.flow("loader", kTwoTasks));
        QVERIFY(WorkspaceTrust(m_home.filePath("trusted")).trust(w.dir.path()));
        const QString folder = w.dir.path();
        w.session.reset();  // the window opens the workspace itself
        MainWindow window;
        window.setInteractive(false);
        window.openWorkspace(folder);
        auto *browser = window.findChild<RunsBrowser *>();
        QVERIFY(browser);
        QVERIFY(browser->session());
        QCOMPARE(browser->model()->rowCount(), 1);
        browser->selectRun(browser->model()->runAt(0)->id);
        browser->openSelected();
        auto *tabs = window.findChild<RunDetailTabs *>();
        QVERIFY(tabs && tabs->count() == 1);
        QTemporaryDir untrusted;
        window.openWorkspace(untrusted.path());  // the session goes: the views let go of it
        QVERIFY(!browser->session());
        QCOMPARE(browser->model()->rowCount(), 0);
        QCOMPARE(tabs->count(), 0);
        WorkspaceTrust(m_home.filePath("trusted")).revoke(folder);
    }

    /// 100,000 runs in a real SQLite file: the browser reads a page, not the table.
    void pagesOverAHundredThousandRuns() {
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.db");
        constexpr int kRuns = 100000;
        QString error;
        QVERIFY2(test::writeBulkRuns(db, kRuns, QDateTime::currentMSecsSinceEpoch(), &error), qPrintable(error));

        auto store = RunStore::open(db, &error);
        QVERIFY2(store, qPrintable(error));
        RunsTableModel model;
        QTableView view;
        view.setModel(&model);
        view.resize(800, 600);
        view.show();
        QElapsedTimer clock;
        clock.start();
        model.setStore(store.get());
        const qint64 openMs = clock.elapsed();
        QCOMPARE(model.rowCount(), RunsTableModel::defaultPageSize);  // a page, not 100,000 rows
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(model.runAt(0)->id, QStringLiteral("bulk-000000099999"));  // newest first
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * RunsTableModel::defaultPageSize);
        QCOMPARE(model.runAt(RunsTableModel::defaultPageSize)->id, QStringLiteral("bulk-000000099799"));
        // Scrolling to the end of what is loaded asks for the next page by itself.
        view.scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 2 * RunsTableModel::defaultPageSize, kWaitMs);
        QVERIFY(model.rowCount() < kRuns);
        // Filter and sort in the store: a page of failed runs, the longest first.
        RunQuery failed;
        failed.states = {RunState::Failed};
        clock.restart();
        model.setQuery(failed);
        model.sort(RunsTableModel::DurationColumn, Qt::DescendingOrder);
        const qint64 filterMs = clock.elapsed();
        QCOMPARE(model.rowCount(), RunsTableModel::defaultPageSize);
        for (int row = 0; row < model.rowCount(); ++row) QCOMPARE(toString(model.runAt(row)->state), QStringLiteral("Failed"));
        QCOMPARE(model.runAt(0)->endMs - model.runAt(0)->startMs, qint64(96 * 10));
        clock.restart();
        model.refresh();
        const qint64 refreshMs = clock.elapsed();
        qInfo("100,000 runs: first page %lld ms, filter and sort %lld ms, refresh %lld ms (GUI thread)", openMs,
              filterMs, refreshMs);
    }
};

QTEST_MAIN(TestRunsBrowser)
#include "test_runs_browser.moc"
