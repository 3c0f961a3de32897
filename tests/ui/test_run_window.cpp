// Running from the window: F5, the parameter form, Stop, editing during a run, closing with a
// run going. Real widgets (offscreen), real shell tasks, a real SQLite run database.
#include "../common/IsolatedSettings.h"
#include "MainWindow.h"
#include "documents/EditorTab.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"
#include "editor/NodeItem.h"
#include "runs/ParameterDialog.h"
#include "runs/RunControls.h"
#include "runs/RunDetailTabs.h"
#include "runs/RunNotifier.h"
#include "store/RunStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QtTest>

#include <cerrno>
#include <csignal>

using namespace flowdeck;

namespace {

constexpr int kWait = 30000;

void writeFile(const QString &path, const QByteArray &text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

/// The state the canvas shows for @p task ("none" when it shows none).
QString nodeState(MainWindow &window, const QString &task) {
    NodeItem *node = window.currentTab()->editor()->scene()->node(task);
    return node && node->runState() ? toString(*node->runState()) : QStringLiteral("none");
}

QString name(RunState state) { return toString(state); }

/// True once no process of the group @p pgid is left.
bool groupGone(qint64 pgid) { return ::kill(pid_t(-pgid), 0) == -1 && errno == ESRCH; }

qint64 readPid(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return 0;
    return file.readAll().trimmed().toLongLong();
}

}  // namespace

class TestRunWindow : public QObject {
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

    /// A window on @p flowFile in a fresh workspace folder (not trusted: runs are explicit).
    std::unique_ptr<MainWindow> openWindow(const QString &flowFile) {
        auto window = std::make_unique<MainWindow>();
        window->setInteractive(false);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get())) qWarning("window not active");
        window->openPath(flowFile);
        return window;
    }

    QString runIdOf(MainWindow &window) {
        const WindowRun *run = window.runControls()->controller().current();
        return run ? run->runId : QString();
    }

private slots:
    void initTestCase() {
        m_db = m_dir.filePath("runs.db");
        test::useRunDatabase(m_config.filePath("trusted-workspaces"), m_db);
    }
    void cleanupTestCase() { test::forgetRunDatabase(); }

    void f5RunsTheFlowAndTheCanvasShowsEachTasksState() {
        const QString flow = m_dir.filePath("states.flow.yaml");
        writeFile(flow,
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: states\ntasks:\n"
                  "  first:\n    kind: shell\n    script: echo hello\n"
                  "  broken:\n    kind: shell\n    after: [first]\n    script: exit 3\n"
                  "  never:\n    kind: shell\n    after: [broken]\n    script: echo unreachable\n");
        auto window = openWindow(flow);
        // Opening an untrusted folder ran nothing.
        QVERIFY(store()->listRuns(RunFilter{}).empty());

        QTest::keyClick(window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!runIdOf(*window).isEmpty(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!window->runControls()->isRunning(), kWait);
        QCOMPARE(nodeState(*window, "first"), name(RunState::Completed));
        QCOMPARE(nodeState(*window, "broken"), name(RunState::Failed));
        QCOMPARE(nodeState(*window, "never"), name(RunState::Skipped));
        const QString runId = runIdOf(*window);
        QVERIFY2(window->statusBar()->currentMessage().contains(runId.left(8)), qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(window->statusBar()->currentMessage().contains("Failed"));
        QVERIFY2(window->runControls()->statusText().startsWith("states: Failed \u00b7 3/3 done \u00b7 1 failed"),
                 qPrintable(window->runControls()->statusText()));

        // In the workspace's database, started by hand, as `flowdeck-cli runs list` shows it.
        const std::optional<FlowRunRecord> record = store()->run(runId);
        QVERIFY(record);
        QCOMPARE(name(record->state), name(RunState::Failed));
        QCOMPARE(record->trigger, QStringLiteral("manual"));
        QProcess cli;
        const QString program = qEnvironmentVariable("FLOWDECK_CLI", QStringLiteral(FLOWDECK_BINARY_DIR "/app/flowdeck-cli"));
        cli.start(program, {"runs", "list", "--json", "--db", m_db});
        QVERIFY(cli.waitForFinished(kWait));
        const QByteArray listed = cli.readAllStandardOutput();
        QVERIFY2(listed.contains(runId.toUtf8()) && listed.contains("\"manual\""), listed.constData());
    }

    void aFlowWithProblemsIsNotRunAsTheCliRefusesIt() {
        // `minimum:` is not a key Flowdeck knows: the model lacks the bound the user meant, so
        // running the model would run something other than what the file says.
        const QString flow = m_dir.filePath("unknown.flow.yaml");
        writeFile(flow,
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: unknown\nparameters:\n  n:\n    type: int\n"
                  "    default: 5\n    minimum: 1\ntasks:\n  a:\n    kind: shell\n    script: echo ran\n");
        auto window = openWindow(flow);
        const size_t before = store()->listRuns(RunFilter{}).size();
        QTest::keyClick(window.get(), Qt::Key_F5);
        QVERIFY2(window->statusBar()->currentMessage().startsWith("Not run: unknown.flow.yaml has problems"),
                 qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(!window->runControls()->isRunning());
        QCOMPARE(store()->listRuns(RunFilter{}).size(), before);
    }

    void theParameterFormRefusesABadValueAndPassesTypedValues() {
        const QString flow = m_dir.filePath("params.flow.yaml");
        writeFile(flow,
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: params\nparameters:\n"
                  "  count: {type: int, min: 1, max: 10}\n"
                  "  loud: {type: bool, default: false}\n"
                  "  mode: {type: string, default: fast, allowed: [fast, slow]}\n"
                  "  items: {type: list, default: [a]}\n"
                  "tasks:\n  echo:\n    kind: shell\n    script: |\n"
                  "      printf '{\"count\": %s, \"loud\": %s, \"mode\": \"%s\", \"items\": %s}' \\\n"
                  "        \"$FLOWDECK_PARAM_COUNT\" \"$FLOWDECK_PARAM_LOUD\" \"$FLOWDECK_PARAM_MODE\" \"$FLOWDECK_PARAM_ITEMS\" > \"$FLOWDECK_RESULT\"\n");
        auto window = openWindow(flow);
        bool asked = false;
        QString wrong;  // what the form got wrong, if anything
        window->runControls()->setParameterPrompt([&](ParameterDialog &dialog) -> std::optional<QVariantMap> {
            asked = true;
            auto *count = qobject_cast<QSpinBox *>(dialog.field("count"));
            auto *loud = qobject_cast<QCheckBox *>(dialog.field("loud"));
            auto *mode = qobject_cast<QComboBox *>(dialog.field("mode"));
            auto *items = qobject_cast<QPlainTextEdit *>(dialog.field("items"));
            const auto fail = [&](const QString &why) {
                wrong = why;
                return std::nullopt;
            };
            if (!count || !loud || !mode || !items) return fail("a field of the wrong type");
            // No default: no value yet, and the run waits for one.
            if (dialog.runButton()->isEnabled()) return fail("Run enabled without a count");
            if (dialog.problem("count") != "expected int, got nothing") return fail("empty count: " + dialog.problem("count"));
            // Defaults are filled in.
            if (mode->currentText() != "fast" || items->toPlainText() != "[\"a\"]" || loud->isChecked())
                return fail("defaults: " + mode->currentText() + " " + items->toPlainText());
            QLineEdit *text = count->findChild<QLineEdit *>();
            text->selectAll();
            QTest::keyClicks(text, "12");
            count->interpretText();
            // The engine's own words, under the field, and no way to run.
            auto *problem = dialog.findChild<QLabel *>("count.problem");
            if (dialog.problem("count") != "12 is above the maximum 10")
                return fail(QStringLiteral("12 (%1, \"%2\"): ").arg(count->value()).arg(text->text()) + dialog.problem("count"));
            if (!problem || problem->text() != dialog.problem("count")) return fail("the message is not shown");
            if (dialog.runButton()->isEnabled()) return fail("Run enabled with 12");
            count->setValue(7);
            loud->setChecked(true);
            mode->setCurrentIndex(mode->findText("slow"));
            items->setPlainText("[\"x\", \"y\"]");
            if (!dialog.runButton()->isEnabled()) return fail("Run disabled with good values");
            return dialog.values();
        });
        QTest::keyClick(window.get(), Qt::Key_F5);  // count has no default: the form asks
        QVERIFY(asked);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        QTRY_VERIFY_WITH_TIMEOUT(!runIdOf(*window).isEmpty(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!window->runControls()->isRunning(), kWait);
        QCOMPARE(nodeState(*window, "echo"), name(RunState::Completed));
        const std::vector<TaskRunRecord> tasks = store()->taskRuns(runIdOf(*window));
        QCOMPARE(tasks.size(), size_t(1));
        const QVariantMap result = tasks.front().result.toMap();
        QCOMPARE(result.value("count").toInt(), 7);
        QCOMPARE(result.value("loud").toBool(), true);
        QCOMPARE(result.value("mode").toString(), QStringLiteral("slow"));
        QCOMPARE(result.value("items").toList(), (QVariantList{"x", "y"}));

        // Re-run with the last parameters: the same values, without asking.
        asked = false;
        const QString first = runIdOf(*window);
        window->action("rerun")->trigger();
        QVERIFY(!asked);
        QTRY_VERIFY_WITH_TIMEOUT(runIdOf(*window) != first && !window->runControls()->isRunning(), kWait);
        QCOMPARE(store()->run(runIdOf(*window))->parameters.value("count").toInt(), 7);
    }

    void stopCancelsTheRunAndLeavesNoProcess() {
        const QString flow = m_dir.filePath("sleepy.flow.yaml");
        const QString pidFile = m_dir.filePath("sleepy.pid");
        writeFile(flow,
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: sleepy\ntasks:\n"
                  "  nap:\n    kind: shell\n    script: |\n      echo $$ > sleepy.pid\n      sleep 60\n"
                  "  after_nap:\n    kind: shell\n    after: [nap]\n    script: echo late\n");
        auto window = openWindow(flow);
        QTest::keyClick(window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(nodeState(*window, "nap"), name(RunState::Running), kWait);
        const qint64 group = readPid(pidFile);
        QVERIFY(!groupGone(group));

        QTest::keyClick(window.get(), Qt::Key_F5, Qt::ShiftModifier);  // Stop
        QTRY_VERIFY_WITH_TIMEOUT(!window->runControls()->isRunning(), kWait);
        QCOMPARE(nodeState(*window, "nap"), name(RunState::Cancelled));
        QCOMPARE(nodeState(*window, "after_nap"), name(RunState::Cancelled));
        QCOMPARE(name(store()->run(runIdOf(*window))->state), name(RunState::Cancelled));
        QTRY_VERIFY_WITH_TIMEOUT(groupGone(group), kWait);  // bash and its sleep
        QVERIFY(window->statusBar()->currentMessage().contains("Cancelled"));
    }

    void editingDuringARunDoesNotChangeTheRun() {
        const QString flow = m_dir.filePath("snapshot.flow.yaml");
        const QString go = m_dir.filePath("snapshot.go");
        writeFile(flow,
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: snapshot\ntasks:\n"
                  "  wait:\n    kind: shell\n    script: while [ ! -e snapshot.go ]; do sleep 0.05; done\n"
                  "  say:\n    kind: shell\n    after: [wait]\n    script: echo '\"original\"' > \"$FLOWDECK_RESULT\"\n");
        auto window = openWindow(flow);
        QTest::keyClick(window.get(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(nodeState(*window, "wait"), name(RunState::Running), kWait);

        FlowDocument *document = window->currentDocument();
        Task edited = *document->flow().task("say");
        edited.script = QStringLiteral("echo '\"edited\"' > \"$FLOWDECK_RESULT\"");
        document->updateTask("say", edited, "Edit script");
        document->removeTasks({"wait"});
        writeFile(go, "");

        QTRY_VERIFY_WITH_TIMEOUT(!window->runControls()->isRunning(), kWait);
        const std::vector<TaskRunRecord> tasks = store()->taskRuns(runIdOf(*window));
        QCOMPARE(tasks.size(), size_t(2));
        for (const TaskRunRecord &t : tasks) {
            QCOMPARE(name(t.state), name(RunState::Completed));
            if (t.task == "say") QCOMPARE(t.result.toString(), QStringLiteral("original"));
        }
        // The document keeps the edits; the canvas shows the run's state of what is left.
        QVERIFY(document->isModified());
        QVERIFY(!document->flow().task("wait"));
        QCOMPARE(nodeState(*window, "say"), name(RunState::Completed));
    }

    void closingWithARunGoingAsksThenCancelsIt() {
        const QString flow = m_dir.filePath("closing.flow.yaml");
        const QString pidFile = m_dir.filePath("closing.pid");
        writeFile(flow,
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: closing\ntasks:\n"
                  "  nap:\n    kind: shell\n    script: |\n      echo $$ > closing.pid\n      sleep 60\n");
        auto window = openWindow(flow);
        QString askedAbout;
        bool answer = false;
        window->runControls()->setStopPrompt([&](const QString &name) {
            askedAbout = name;
            return answer;
        });
        QTest::keyClick(window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, kWait);
        const qint64 group = readPid(pidFile);

        QVERIFY(!window->close());  // "keep it running": nothing happens
        QCOMPARE(askedAbout, QStringLiteral("closing"));
        QVERIFY(window->isVisible() && window->runControls()->isRunning());

        answer = true;
        window->close();
        QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), kWait);  // closes once the run has ended
        QVERIFY(!window->runControls()->isRunning());
        QCOMPARE(name(store()->run(runIdOf(*window))->state), name(RunState::Cancelled));
        QTRY_VERIFY_WITH_TIMEOUT(groupGone(group), kWait);
    }

    // Destroying the window (as main() does after the event loop, and as a test does) with the
    // workspace's scheduler running and a run open in Run Detail: the views let go of the
    // session while they are whole (it crashed in RunDetailTabs when the scheduler went last).
    void destroyingTheWindowWithATrustedWorkspaceAndAnOpenRunIsClean() {
        QTemporaryDir workspace;
        writeFile(workspace.filePath("flowdeck.yaml"), "settings:\n  retention_days: 0\n");
        const QString flow = workspace.filePath("quick.flow.yaml");
        writeFile(flow, "apiVersion: flowdeck/v1\nkind: Flow\nname: quick\ntasks:\n  only:\n    kind: noop\n");
        auto window = std::make_unique<MainWindow>();
        window->setInteractive(false);
        window->show();
        window->openWorkspace(workspace.path());
        QVERIFY(window->trustWorkspace());
        window->openPath(flow);
        window->action(QStringLiteral("run"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!runIdOf(*window).isEmpty() && !window->runControls()->isRunning(), kWait);
        // As a double click in Runs does: the dock comes up with the run's tab, then Runs again.
        auto *details = window->findChild<RunDetailTabs *>();
        QVERIFY(details);
        for (const char *name : {"runDetailDock", "runsDock"}) {
            auto *dock = window->findChild<QDockWidget *>(QString::fromLatin1(name));
            QVERIFY(dock);
            dock->show();
            dock->raise();
            if (QLatin1String(name) == QLatin1String("runDetailDock")) QVERIFY(details->openRun(runIdOf(*window)));
        }
        const QString runId = runIdOf(*window);
        // Which of the window's children goes first is not fixed (a dock re-docked under X11 went
        // before the scheduler): the views must not be told of a session after they are gone.
        delete window->findChild<QDockWidget *>(QStringLiteral("runDetailDock"));
        delete window->findChild<QDockWidget *>(QStringLiteral("runsDock"));
        window.reset();
        QCOMPARE(name(store()->run(runId)->state), name(RunState::Completed));
    }

    // A run that ends while the person is in another window is told to the desktop (once, with
    // the state and the failure); one that ends in front of them is not.
    void aRunEndingBehindAnotherWindowNotifiesTheDesktop() {
        const QString flow = m_dir.filePath("notify.flow.yaml");
        writeFile(flow, "apiVersion: flowdeck/v1\nkind: Flow\nname: notify\ntasks:\n"
                        "  broken:\n    kind: shell\n    script: exit 4\n");
        auto window = openWindow(flow);
        QStringList sent;
        window->runControls()->notifier()->setSend(
            [&](const QString &summary, const QString &body) { sent << summary + QStringLiteral(" | ") + body; });
        window->action(QStringLiteral("run"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!runIdOf(*window).isEmpty() && !window->runControls()->isRunning(), kWait);
        QCOMPARE(sent, QStringList());  // the window was active

        QWidget elsewhere;
        elsewhere.show();
        elsewhere.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
        QVERIFY(!window->isActiveWindow());
        const QString first = runIdOf(*window);
        window->action(QStringLiteral("run"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(runIdOf(*window) != first && !window->runControls()->isRunning(), kWait);
        QCOMPARE(sent.size(), 1);
        QVERIFY2(sent.front().startsWith(QStringLiteral("notify: Failed | Run ") + runIdOf(*window).left(8)),
                 qPrintable(sent.front()));
    }
};

QTEST_MAIN(TestRunWindow)
#include "test_run_window.moc"
