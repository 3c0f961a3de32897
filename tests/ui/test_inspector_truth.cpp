// The inspector shows what the file holds and only real problems (issue 8): real widgets on the
// real examples, under QT_QPA_PLATFORM=offscreen.
#include "MainWindow.h"
#include "docks/TaskInspector.h"
#include "editor/FlowDocument.h"

#include <QLineEdit>
#include <QtTest>

using namespace flowdeck;

class TestInspectorTruth : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("FlowdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_inspector_truth"));
    }

    // Defect 5: "Opened nightly.flow.yaml — 3 tasks" while hello was open; "3 problems" after all were fixed.
    void statusBarAlwaysDescribesTheCurrentDocument() {
        QTemporaryDir dir;
        const QString broken = dir.filePath("broken.flow.yaml");
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: flowdeck/v1\nkind: Flow\nname: broken\ntasks:\n  a:\n    kind: shell\n"
                   "    timeout: 10x\n    script: echo a\n");
        file.close();
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openFlow(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/nightly.flow.yaml")));
        QVERIFY(window.openFlow(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/hello.flow.yaml")));
        QCOMPARE(window.documentStatus(), QStringLiteral("hello.flow.yaml \u2014 4 tasks, no problems"));
        QVERIFY(window.openFlow(broken));
        QCOMPARE(window.documentStatus(), QStringLiteral("broken.flow.yaml \u2014 1 task, 1 problem"));
        FlowDocument *doc = window.currentDocument();
        Task fixed = *doc->flow().task("a");
        fixed.timeoutSeconds = 10;
        doc->updateTask("a", fixed, "Fix timeout");
        QCOMPARE(window.documentStatus(), QStringLiteral("broken.flow.yaml \u2014 1 task, no problems"));
        doc->undoStack()->undo();
        QCOMPARE(window.documentStatus(), QStringLiteral("broken.flow.yaml \u2014 1 task, 1 problem"));
        Task extra;
        extra.name = "b";
        extra.kind = TaskKind::Noop;
        doc->addTask(extra, {0, 100});
        QCOMPARE(window.documentStatus(), QStringLiteral("broken.flow.yaml \u2014 2 tasks, 1 problem"));
    }

    // Defect 3: selecting `flaky` showed "one duration, like '10s'" under a valid exponential delay.
    void aValidExponentialDelayShowsNoErrorWhenItsTaskIsSelected() {
        FlowDocument doc;
        QString error;
        QVERIFY2(doc.load(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/hello.flow.yaml"), &error), qPrintable(error));
        TaskInspector inspector;
        inspector.resize(420, 900);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        inspector.setDocument(&doc);
        for (const QString &task : {QStringLiteral("flaky"), QStringLiteral("greet"), QStringLiteral("flaky")}) {
            inspector.setTask(task);
            QCoreApplication::processEvents();
            QCOMPARE(inspector.fieldError(QStringLiteral("retry_delay")), QString());
        }
        auto *delay = qobject_cast<QLineEdit *>(inspector.field(QStringLiteral("retry_delay")));
        QVERIFY(delay);
        QCOMPARE(delay->text(), QStringLiteral("1s"));
        QVERIFY(!doc.isModified());  // selecting is not an edit
    }
};

QTEST_MAIN(TestInspectorTruth)
#include "test_inspector_truth.moc"
