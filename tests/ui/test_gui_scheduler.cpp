// The scheduler runs inside the GUI while a workspace is open: its schedules fire from the window.
#include "MainWindow.h"
#include "store/RunStore.h"

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

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aWorkspaceScheduleFiresWhileTheWindowIsOpen() {
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.db");
        qputenv("FLOWDECK_DB", db.toUtf8());
        writeFile(dir.filePath("tick.flow.yaml"),
                  "apiVersion: flowdeck/v1\nkind: Flow\nname: tick\ntasks:\n  say:\n    kind: shell\n    script: echo tick\n");
        writeFile(dir.filePath("flowdeck.yaml"),
                  "schedules:\n  - name: every-second\n    flow: tick.flow.yaml\n    interval_seconds: 1\n");

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
