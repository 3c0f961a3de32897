// Run from Here and Run Selection from the window: the canvas's selected tasks run, the tasks
// they need reuse the results of the flow's last finished run. Real widgets (offscreen), real
// shell tasks, a real SQLite run database.
#include "../common/IsolatedSettings.h"
#include "MainWindow.h"
#include "documents/EditorTab.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"
#include "editor/FlowView.h"
#include "editor/NodeItem.h"
#include "runs/ParameterDialog.h"
#include "runs/RunControls.h"
#include "store/RunStore.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QtTest>

using namespace flowdeck;

namespace {

constexpr int kWait = 30000;

/// A chain extract → transform → load; each task appends a line to its own file, so a test can
/// count how often it really ran (a reused result runs nothing).
QByteArray chain(const QByteArray &name) {
    return "apiVersion: flowdeck/v1\nkind: Flow\nname: " + name +
           "\ntasks:\n"
           "  extract:\n    kind: shell\n    script: echo ran >> extract.count\n"
           "  transform:\n    kind: shell\n    after: [extract]\n    script: echo ran >> transform.count\n"
           "  load:\n    kind: shell\n    after: [transform]\n    script: echo ran >> load.count\n";
}

int timesRun(const QDir &dir, const QString &task) {
    QFile file(dir.filePath(task + ".count"));
    if (!file.open(QIODevice::ReadOnly)) return 0;
    return int(file.readAll().count('\n'));
}

QString nodeState(MainWindow &window, const QString &task) {
    NodeItem *node = window.currentTab()->editor()->scene()->node(task);
    return node && node->runState() ? toString(*node->runState()) : QStringLiteral("none");
}

QString name(RunState state) {
    return toString(state);
}

QAction *action(MainWindow &window, const QString &objectName) {
    for (QAction *a : window.runControls()->taskActions())
        if (a->objectName() == objectName) return a;
    return nullptr;
}

}  // namespace

class TestPartialRuns : public QObject {
    Q_OBJECT
    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    QString m_db;

    std::unique_ptr<RunStore> store() {
        QString error;
        auto s = RunStore::open(m_db, &error);
        if (!s) qWarning("%s", qPrintable(error));
        return s;
    }

    /// A folder of its own holding the chain flow named @p flowName.
    QString writeChain(const QByteArray &flowName) {
        QDir(m_dir.path()).mkpath(QString::fromUtf8(flowName));
        const QString path = m_dir.filePath(QString::fromUtf8(flowName) + "/" + flowName + ".flow.yaml");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
        file.write(chain(flowName));
        return path;
    }

    std::unique_ptr<MainWindow> openWindow(const QString &flowFile) {
        auto window = std::make_unique<MainWindow>();
        window->setInteractive(false);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get())) qWarning("window not active");
        window->openPath(flowFile);
        return window;
    }

    static QString runIdOf(MainWindow &window) {
        const WindowRun *run = window.runControls()->controller().current();
        return run ? run->runId : QString();
    }

    /// Presses F5 and waits for the run's end; returns its id.
    static QString runAll(MainWindow &window) {
        const QString before = runIdOf(window);
        QTest::keyClick(&window, Qt::Key_F5);
        if (!QTest::qWaitFor([&] { return runIdOf(window) != before && !window.runControls()->isRunning(); },
                             kWait))
            return {};
        return runIdOf(window);
    }

    static void select(MainWindow &window, const QString &task) {
        window.currentTab()->editor()->selectTask(task);
    }

    /// The task runs of @p runId by task: state names.
    QHash<QString, QString> taskStates(const QString &runId) {
        QHash<QString, QString> states;
        for (const TaskRunRecord &t : store()->taskRuns(runId))
            if (t.mapIndex < 0) states.insert(t.task, name(t.state));
        return states;
    }

private slots:
    void initTestCase() {
        m_db = m_dir.filePath("runs.db");
        test::useRunDatabase(m_config.filePath("trusted-workspaces"), m_db);
    }
    void cleanupTestCase() { test::forgetRunDatabase(); }

    void theTaskActionsNeedASelectionAndAreInTheTasksContextMenu() {
        auto window = openWindow(writeChain("menus"));
        FlowEditor *editor = window->currentTab()->editor();
        editor->scene()->selectItems({});
        QAction *fromHere = action(*window, "runFromHere");
        QAction *selection = action(*window, "runSelection");
        QVERIFY(fromHere && selection);
        QVERIFY(!fromHere->isEnabled());
        QVERIFY(!selection->isEnabled());

        // A right-click on a node selects it and offers both, enabled.
        NodeItem *node = editor->scene()->node("transform");
        const QPoint at = editor->view()->mapFromScene(node->sceneBoundingRect().center());
        const std::unique_ptr<QMenu> menu = editor->contextMenuAt(at);
        QCOMPARE(editor->scene()->selectedTaskNames(), QStringList{"transform"});
        QVERIFY(menu->actions().contains(fromHere));
        QVERIFY(menu->actions().contains(selection));
        QVERIFY(fromHere->isEnabled());
        QVERIFY(selection->isEnabled());
    }

    void runFromHereReusesTheUpstreamResultsOfTheLastRun() {
        const QString path = writeChain("fromhere");
        const QDir dir = QFileInfo(path).dir();
        auto window = openWindow(path);
        const QString full = runAll(*window);
        QVERIFY(!full.isEmpty());
        QCOMPARE(timesRun(dir, "extract"), 1);

        select(*window, "transform");
        action(*window, "runFromHere")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(runIdOf(*window) != full, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!window->runControls()->isRunning(), kWait);
        const QString partial = runIdOf(*window);

        // The canvas: the upstream task reused, the selected one and its downstream ran.
        QCOMPARE(nodeState(*window, "extract"), name(RunState::Cached));
        QCOMPARE(nodeState(*window, "transform"), name(RunState::Completed));
        QCOMPARE(nodeState(*window, "load"), name(RunState::Completed));
        QCOMPARE(timesRun(dir, "extract"), 1);
        QCOMPARE(timesRun(dir, "transform"), 2);
        QCOMPARE(timesRun(dir, "load"), 2);
        // The store: the run is linked to the one it reused, as `runs show` tells.
        const std::optional<FlowRunRecord> record = store()->run(partial);
        QVERIFY(record);
        QCOMPARE(record->retryOf, full);
        QCOMPARE(name(record->state), name(RunState::Completed));
        const auto states = taskStates(partial);
        QCOMPARE(states.value("extract"), name(RunState::Cached));
        QCOMPARE(states.value("load"), name(RunState::Completed));
        const QString message = window->statusBar()->currentMessage();
        QVERIFY2(message.contains("reusing the results of run " + full.left(8)), qPrintable(message));
    }

    void runSelectionRunsTheSelectedTasksAndReusesWhatTheyNeed() {
        const QString path = writeChain("selection");
        const QDir dir = QFileInfo(path).dir();
        auto window = openWindow(path);
        const QString full = runAll(*window);
        QVERIFY(!full.isEmpty());

        select(*window, "transform");
        action(*window, "runSelection")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(runIdOf(*window) != full, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!window->runControls()->isRunning(), kWait);

        QCOMPARE(nodeState(*window, "extract"), name(RunState::Cached));
        QCOMPARE(nodeState(*window, "transform"), name(RunState::Completed));
        QCOMPARE(nodeState(*window, "load"), name(RunState::Skipped));  // downstream, not selected
        QCOMPARE(timesRun(dir, "extract"), 1);
        QCOMPARE(timesRun(dir, "transform"), 2);
        QCOMPARE(timesRun(dir, "load"), 1);
        QCOMPARE(store()->run(runIdOf(*window))->retryOf, full);
    }

    void withoutAnEarlierRunTheStatusBarSaysSoAndTheNeededTasksRun() {
        const QString path = writeChain("firsttime");
        const QDir dir = QFileInfo(path).dir();
        auto window = openWindow(path);
        select(*window, "load");
        action(*window, "runFromHere")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!runIdOf(*window).isEmpty(), kWait);
        const QString message = window->statusBar()->currentMessage();
        QVERIFY2(
            message.contains("No earlier run of firsttime to reuse: the tasks the selection needs run too"),
            qPrintable(message));
        QTRY_VERIFY_WITH_TIMEOUT(!window->runControls()->isRunning(), kWait);
        // The end says so again, since it replaces the first message.
        QVERIFY2(window->statusBar()->currentMessage().contains("(no earlier run to reuse)"),
                 qPrintable(window->statusBar()->currentMessage()));
        QCOMPARE(nodeState(*window, "extract"), name(RunState::Completed));
        QCOMPARE(nodeState(*window, "load"), name(RunState::Completed));
        QCOMPARE(timesRun(dir, "extract"), 1);
        QVERIFY(store()->run(runIdOf(*window))->retryOf.isEmpty());
    }

    void aParameterWithoutADefaultIsAskedForWhenNoEarlierRunHasIt() {
        QDir(m_dir.path()).mkpath("asks");
        const QString path = m_dir.filePath("asks/asks.flow.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "apiVersion: flowdeck/v1\nkind: Flow\nname: asks\n"
            "parameters:\n  day:\n    type: string\n"
            "tasks:\n  first:\n    kind: shell\n    script: echo \"$FLOWDECK_PARAM_DAY\" > day.txt\n"
            "  second:\n    kind: shell\n    after: [first]\n    script: echo second\n");
        file.close();
        auto window = openWindow(path);
        int asked = 0;
        window->runControls()->setParameterPrompt([&asked](ParameterDialog &) -> std::optional<QVariantMap> {
            ++asked;
            return QVariantMap{{"day", "sunday"}};
        });
        select(*window, "second");
        action(*window, "runFromHere")->trigger();
        QCOMPARE(asked, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!runIdOf(*window).isEmpty(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!window->runControls()->isRunning(), kWait);
        const std::optional<FlowRunRecord> first = store()->run(runIdOf(*window));
        QCOMPARE(name(first->state), name(RunState::Completed));
        QCOMPARE(first->parameters.value("day").toString(), QStringLiteral("sunday"));

        // The next one reuses that run, with its value: nothing to ask.
        action(*window, "runFromHere")->trigger();
        QCOMPARE(asked, 1);
        QTRY_VERIFY_WITH_TIMEOUT(runIdOf(*window) != first->id && !window->runControls()->isRunning(), kWait);
        const std::optional<FlowRunRecord> second = store()->run(runIdOf(*window));
        QCOMPARE(second->retryOf, first->id);
        QCOMPARE(second->parameters.value("day").toString(), QStringLiteral("sunday"));
        QCOMPARE(nodeState(*window, "first"), name(RunState::Cached));
    }
};

QTEST_MAIN(TestPartialRuns)
#include "test_partial_runs.moc"
