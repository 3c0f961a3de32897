// The inspector shows what the file holds and only real problems (issue 8): real widgets on the
// real examples, under QT_QPA_PLATFORM=offscreen.
#include "../common/IsolatedSettings.h"
#include "MainWindow.h"
#include "docks/DependencyList.h"
#include "docks/TaskInspector.h"
#include "docks/TaskProblems.h"
#include "editor/FlowDocument.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QtTest>

using namespace flowdeck;

namespace {

/// hello.flow.yaml with the three mistakes of defect 4: a bad value, a misspelt key, a misspelt
/// upstream.
QByteArray brokenHello() {
    QFile file(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/hello.flow.yaml"));
    file.open(QIODevice::ReadOnly);
    QByteArray text = file.readAll();
    text.replace("    timeout: 30s\n", "    timeout: 10x  # was 30s\n");
    text.replace("    retries: 3\n", "    retires: 3\n");
    text.replace("    after: [nap, flaky]\n", "    after: [nap, flakyy]\n");
    return text;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text) {
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(text);
    return path;
}

}  // namespace

class TestInspectorTruth : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

private slots:
    void initTestCase() {
        flowdeck::test::isolateSettings(m_settings.path(), QStringLiteral("test_inspector_truth"));
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
        QTRY_COMPARE(window.documentStatus(), QStringLiteral("broken.flow.yaml \u2014 1 task, no problems"));
        doc->undoStack()->undo();
        QTRY_COMPARE(window.documentStatus(), QStringLiteral("broken.flow.yaml \u2014 1 task, 1 problem"));
        Task extra;
        extra.name = "b";
        extra.kind = TaskKind::Noop;
        doc->addTask(extra, {0, 100});
        QTRY_COMPARE(window.documentStatus(), QStringLiteral("broken.flow.yaml \u2014 2 tasks, 1 problem"));
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
    // Defect 4: `timeout: 10x` showed an empty field and an error cut off at top and bottom.
    void aRefusedValueIsShownAsWrittenWithItsWholeError() {
        QTemporaryDir dir;
        FlowDocument doc;
        QString error;
        QVERIFY2(doc.load(writeFile(dir, "hello.flow.yaml", brokenHello()), &error), qPrintable(error));
        TaskInspector inspector;
        inspector.resize(360, 900);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        inspector.setDocument(&doc);
        inspector.setTask(QStringLiteral("flaky"));
        QCoreApplication::processEvents();
        auto *timeout = qobject_cast<QLineEdit *>(inspector.field(QStringLiteral("timeout")));
        QVERIFY(timeout);
        QCOMPARE(timeout->text(), QStringLiteral("10x"));
        const QString message = inspector.fieldError(QStringLiteral("timeout"));
        QVERIFY2(message.contains("bad duration '10x'"), qPrintable(message));
        // The whole message is visible: its label is as tall as its wrapped text needs.
        QLabel *label = nullptr;
        for (QLabel *l : inspector.findChildren<QLabel *>())
            if (l->text() == message && l->isVisible()) label = l;
        QVERIFY(label);
        QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(QStringLiteral("%1 px for %2 px of text").arg(label->height()).arg(label->heightForWidth(label->width()))));
        inspector.grab().save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_inspector_bad_value.png"));
        QVERIFY(!doc.isModified());  // showing the raw value is not an edit
        QCOMPARE(doc.text(), brokenHello());
    }

    // Defect 4: the problem for an unknown key selected the task, but nothing showed the key.
    void anUnknownKeyIsShownWithItsFixAsOneClick() {
        QTemporaryDir dir;
        FlowDocument doc;
        QString error;
        QVERIFY2(doc.load(writeFile(dir, "hello.flow.yaml", brokenHello()), &error), qPrintable(error));
        TaskInspector inspector;
        inspector.setDocument(&doc);
        inspector.setTask(QStringLiteral("flaky"));
        TaskProblems *others = inspector.otherProblems();
        QCOMPARE(others->count(), 1);
        QVERIFY2(others->text(0).contains("unknown key 'retires' in task 'flaky'"), qPrintable(others->text(0)));
        QAbstractButton *fix = others->fixButton(0);
        QVERIFY(fix);
        QCOMPARE(fix->text(), QStringLiteral("Rename to 'retries'"));
        fix->click();
        QTRY_COMPARE(doc.flow().task("flaky")->retries, 3);
        QCOMPARE(others->count(), 0);
        // Only that key changed in the text, and one undo takes it back.
        QByteArray expected = brokenHello();
        expected.replace("    retires: 3\n", "    retries: 3\n");
        QCOMPARE(doc.text(), expected);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Rename key 'retires' to 'retries'"));
        doc.undoStack()->undo();
        QCOMPARE(doc.text(), brokenHello());
    }

    // Renaming to a key that is there already would make a duplicate: no one-click fix then.
    void noFixIsOfferedThatWouldDuplicateAKey() {
        QTemporaryDir dir;
        FlowDocument doc;
        QString error;
        QByteArray text = brokenHello();
        text.replace("    retires: 3\n", "    retries: 3\n    retires: 2\n");
        QVERIFY2(doc.load(writeFile(dir, "hello.flow.yaml", text), &error), qPrintable(error));
        TaskInspector inspector;
        inspector.setDocument(&doc);
        inspector.setTask(QStringLiteral("flaky"));
        QCOMPARE(inspector.otherProblems()->count(), 1);
        QVERIFY(!inspector.otherProblems()->fixButton(0));
    }

    // Defect 4: an unknown upstream (`flakyy`) could not be edited and had no quick fix.
    void anUnknownUpstreamIsMarkedAndMendedInOneClick() {
        QTemporaryDir dir;
        FlowDocument doc;
        QString error;
        QVERIFY2(doc.load(writeFile(dir, "hello.flow.yaml", brokenHello()), &error), qPrintable(error));
        TaskInspector inspector;
        inspector.resize(260, 900);  // a narrow dock
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        inspector.setDocument(&doc);
        inspector.setTask(QStringLiteral("done"));
        auto *after = qobject_cast<DependencyList *>(inspector.field(QStringLiteral("after")));
        QVERIFY(after);
        // Both rows in view, the taller one with its fix button too (it was cut off below nap).
        QCoreApplication::processEvents();
        QCOMPARE(after->count(), 2);
        QToolButton *useButton = nullptr;
        for (QToolButton *b : after->findChildren<QToolButton *>())
            if (b->text() == QStringLiteral("Use 'flaky'")) useButton = b;
        QVERIFY(useButton);
        const QRect inList(useButton->mapTo(after->viewport(), QPoint(0, 0)), useButton->size());
        QVERIFY2(after->viewport()->rect().contains(inList),
                 qPrintable(QStringLiteral("the fix button at %1,%2 %3x%4 in a %5x%6 list")
                                .arg(inList.x()).arg(inList.y()).arg(inList.width()).arg(inList.height())
                                .arg(after->viewport()->width()).arg(after->viewport()->height())));
        QVERIFY2(after->visualItemRect(after->item(1)).bottom() < after->viewport()->height(),
                 qPrintable(QStringLiteral("row 2 ends at %1 in a %2 px list")
                                .arg(after->visualItemRect(after->item(1)).bottom())
                                .arg(after->viewport()->height())));
        QVERIFY(inspector.fieldError(QStringLiteral("after")).contains("unknown task 'flakyy'"));
        QToolButton *use = nullptr;
        for (QToolButton *b : after->findChildren<QToolButton *>())
            if (b->text() == QStringLiteral("Use 'flaky'")) use = b;
        QVERIFY(use);
        use->click();
        QTRY_COMPARE(doc.flow().task("done")->after[1].upstream, QStringLiteral("flaky"));
        QCOMPARE(doc.flow().task("done")->after.size(), size_t(2));
        QTRY_VERIFY(inspector.fieldError(QStringLiteral("after")).isEmpty());
        QVERIFY(doc.text().contains("    after: [nap, flaky]\n"));
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Change upstream 'flakyy' of done to 'flaky'"));
    }
};

QTEST_MAIN(TestInspectorTruth)
#include "test_inspector_truth.moc"
