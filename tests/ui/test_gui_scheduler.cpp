// The scheduler runs inside the GUI while a workspace is open: its schedules fire from the window.
#include "MainWindow.h"
#include "TrustBar.h"
#include "store/RunStore.h"
#include "workspace/WorkspaceTrust.h"

#include <QPushButton>

#include <QLabel>
#include <QStatusBar>
#include <QtTest>

using namespace flowdeck;

class TestGuiScheduler : public QObject {
    Q_OBJECT
    static void writeFile(const QString &path, const QByteArray &text) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }

    QTemporaryDir m_config;

    QString trustFile() const { return m_config.filePath("trusted-workspaces"); }

    static QLabel *schedulerLabel(MainWindow &window) {
        for (QLabel *l : window.statusBar()->findChildren<QLabel *>())
            if (l->text().startsWith(QStringLiteral("Scheduler"))) return l;
        return nullptr;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("FLOWDECK_TRUST_FILE", trustFile().toUtf8());
    }
    void cleanupTestCase() { qunsetenv("FLOWDECK_TRUST_FILE"); }

    void anUntrustedWorkspaceFiresNothingUntilTrusted() {
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.db");
        qputenv("FLOWDECK_DB", db.toUtf8());
        writeFile(dir.filePath("tick.flow.yaml"),
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: tick\ntasks:\n  say:\n    kind: shell\n    script: echo tick\n");
        writeFile(dir.filePath("flowdeck.yaml"),
                  "schedules:\n  - name: every-second\n    flow: tick.flow.yaml\n    interval_seconds: 1\n");
        {
            MainWindow window;
            window.show();
            window.openWorkspace(dir.path());
            QLabel *label = schedulerLabel(window);
            QVERIFY(label);
            QCOMPARE(label->text(), QStringLiteral("Scheduler off: workspace not trusted"));
            auto *bar = window.findChild<TrustBar *>();
            QVERIFY(bar && bar->isVisible());
            QString error;
            {
                // Not even declared in the database: nothing of the folder was applied.
                const auto store = RunStore::open(db, &error);
                QVERIFY2(store, qPrintable(error));
                QVERIFY(store->listRuns(RunFilter{}).empty());
            }
            QVERIFY(!WorkspaceTrust(trustFile()).isTrusted(dir.path()));
            QTest::mouseClick(bar->trustButton(), Qt::LeftButton);
            QVERIFY(!bar->isVisible());
            QVERIFY(WorkspaceTrust(trustFile()).isTrusted(dir.path()));  // remembered
            const auto store = RunStore::open(db, &error);
            QVERIFY2(store, qPrintable(error));
            RunFilter completed;
            completed.state = RunState::Completed;
            QTRY_VERIFY_WITH_TIMEOUT(!store->listRuns(completed).empty(), 15000);
        }
        {
            // The next window remembers it: no bar, the schedules fire.
            MainWindow window;
            window.show();
            window.openWorkspace(dir.path());
            QVERIFY(!window.findChild<TrustBar *>()->isVisible());
            QCOMPARE(schedulerLabel(window)->text().startsWith("Scheduler on") ||
                         schedulerLabel(window)->text().startsWith("Scheduler: "),
                     true);
        }
        QVERIFY(WorkspaceTrust(trustFile()).revoke(dir.path()));
        qunsetenv("FLOWDECK_DB");
    }

    void aWorkspaceScheduleFiresWhileTheWindowIsOpen() {
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.db");
        qputenv("FLOWDECK_DB", db.toUtf8());
        writeFile(dir.filePath("tick.flow.yaml"),
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: tick\ntasks:\n  say:\n    kind: shell\n    script: echo tick\n");
        writeFile(dir.filePath("flowdeck.yaml"),
                  "schedules:\n  - name: every-second\n    flow: tick.flow.yaml\n    interval_seconds: 1\n");

        QVERIFY(WorkspaceTrust(trustFile()).trust(dir.path()));
        {
            MainWindow window;
            window.openWorkspace(dir.path());
            QString error;
            const auto store = RunStore::open(db, &error);
            QVERIFY2(store, qPrintable(error));
            RunFilter completed;
            completed.state = RunState::Completed;
            QTRY_VERIFY_WITH_TIMEOUT(!store->listRuns(completed).empty(), 15000);
            QCOMPARE(store->listRuns(completed).front().flowName, QStringLiteral("tick"));
        }
        qunsetenv("FLOWDECK_DB");
    }

    void mistakesInTheWorkspaceFileAreShownInTheStatusBar() {
        QTemporaryDir dir;
        qputenv("FLOWDECK_DB", dir.filePath("runs.db").toUtf8());
        writeFile(dir.filePath("flowdeck.yaml"), "work_pools:\n  gpu:\n    concurency_limit: 2\n");
        QVERIFY(WorkspaceTrust(trustFile()).trust(dir.path()));
        MainWindow window;
        window.openWorkspace(dir.path());
        QLabel *label = nullptr;
        for (QLabel *l : window.statusBar()->findChildren<QLabel *>())
            if (l->text().startsWith(QStringLiteral("Scheduler"))) label = l;
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("Scheduler off: problems in flowdeck.yaml"));
        QVERIFY2(label->toolTip().contains(QStringLiteral("flowdeck.yaml:3:5: work pool 'gpu': unknown key "
                                                          "'concurency_limit'")),
                 qPrintable(label->toolTip()));
        qunsetenv("FLOWDECK_DB");
    }
};

QTEST_MAIN(TestGuiScheduler)
#include "test_gui_scheduler.moc"
