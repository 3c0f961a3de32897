// The editor's document: every edit is one undo step, and undo gives back the file byte for byte.
#include "editor/AutoLayout.h"
#include "editor/FlowDocument.h"
#include "flow/FlowFile.h"

#include <QSignalSpy>
#include <QtTest>

using namespace flowdeck;

namespace {

// a -> b -> c, check (branch) -> yes / no, and a mapped task over a parameter.
const char *sampleFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: sample
parameters:
  items:
    type: list
    default: [x, y]
tasks:
  a:
    kind: shell
    script: echo a
  b:
    kind: python
    after: [a]
    script: print("b")
  c:
    kind: noop
    after: [b]
    retries: 1
  check:
    kind: branch
    after: [c]
    script: exit 0
  yes:
    kind: noop
    after: [check.true]
  no:
    kind: noop
    after: [check.false]
  each:
    kind: shell
    map: items
    script: echo "$FLOWDECK_MAP_ITEM"
layout:
  a: [0, 0]
  b: [240, 0]
  c: [480, 0]
  check: [720, 0]
  yes: [960, -60]
notes:
  - text: a note
    at: [0, 200]
    size: [200, 80]
groups:
  - title: start
    at: [-20, -40]
    size: [480, 140]
)";

QStringList names(const Flow &flow) {
    QStringList out;
    for (const Task &t : flow.tasks) out << t.name;
    return out;
}

QStringList upstreams(const Flow &flow, const QString &task) {
    QStringList out;
    for (const Dependency &d : flow.task(task)->after) out << d.toString();
    return out;
}

}  // namespace

class TestFlowDocument : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FlowDocument> m_doc;
    QByteArray m_original;

    /// Undo must give back the bytes of @p before, redo those of @p after, and the stack must
    /// have grown by exactly one step.
    void checkOneStepRoundTrip(const QByteArray &before, int stepsBefore) {
        const QByteArray after = m_doc->text();
        QVERIFY2(after != before, "the edit changed nothing");
        QCOMPARE(m_doc->undoStack()->count(), stepsBefore + 1);
        // The model is what the text reads as (the text is the user's, patched, not canonical).
        QVERIFY(FlowFile::parse(after).flow == m_doc->flow());
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->text(), before);
        QVERIFY(FlowFile::parse(before).flow == m_doc->flow());
        m_doc->undoStack()->redo();
        QCOMPARE(m_doc->text(), after);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->text(), before);
        m_doc->undoStack()->redo();
    }

    QStringList problemTexts() const {
        QStringList out;
        for (const Diagnostic &d : m_doc->problems()) out << d.task + QLatin1String(": ") + d.message;
        return out;
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath("sample.flow.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(sampleFlow);
        file.close();
        m_doc = std::make_unique<FlowDocument>();
        QString error;
        QVERIFY2(m_doc->load(path, &error), qPrintable(error));
        QVERIFY2(m_doc->isValid(), qPrintable(m_doc->problems().empty() ? QString() : m_doc->problems()[0].toString()));
        QVERIFY(!m_doc->isModified());
        m_original = m_doc->text();
    }

    // Issue 8, defect 1: fixing another problem in the inspector dropped an unknown key, the badge
    // said "valid" and Save wrote the file without it.
    void unknownKeySurvivesAnEditAndSaveAndStaysReported() {
        const QString path = m_dir.filePath("typo.flow.yaml");
        const QByteArray source = "apiVersion: flowdeck/v1\nkind: Flow\nname: typo\ntasks:\n"
                                  "  load:\n    kind: shell\n    retires: 3\n    timeout: 10x\n    script: echo hi\n";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(source);
        file.close();
        FlowDocument doc;
        QString error;
        QVERIFY2(doc.load(path, &error), qPrintable(error));
        auto unknownKeyReported = [&] {
            for (const Diagnostic &d : doc.problems())
                if (d.message.contains("unknown key 'retires'")) return true;
            return false;
        };
        QVERIFY(unknownKeyReported());
        Task fixed = *doc.flow().task("load");
        fixed.timeoutSeconds = 10;  // the other problem, fixed as the inspector does
        doc.updateTask("load", fixed, "Change timeout");
        QVERIFY(unknownKeyReported());
        QVERIFY(!doc.isValid());
        QVERIFY2(doc.save(&error), qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY2(saved.contains("    retires: 3\n"), saved.constData());
        QCOMPARE(saved, QByteArray(source).replace("timeout: 10x", "timeout: 10s"));
        doc.undoStack()->undo();
        QVERIFY(unknownKeyReported());
        QCOMPARE(doc.text(), source);
    }

    void addTaskIsOneStepWithAUniqueName() {
        QSignalSpy added(m_doc.get(), &FlowDocument::taskAdded);
        Task t;
        t.name = "b";
        t.kind = TaskKind::Noop;
        const QString name = m_doc->addTask(t, {100, 300});
        QCOMPARE(name, QStringLiteral("b_2"));
        QCOMPARE(added.count(), 1);
        QCOMPARE(m_doc->flow().layout.value("b_2"), (NodePosition{100, 300}));
        QVERIFY(m_doc->isModified());
        checkOneStepRoundTrip(m_original, 0);
        QCOMPARE(m_doc->uniqueTaskName("b_2"), QStringLiteral("b_3"));
        QCOMPARE(m_doc->uniqueTaskName("my task!"), QStringLiteral("my_task_"));
    }

    void removingAConnectedTaskAndUndoingRestoresItAndItsEdges() {
        QSignalSpy removed(m_doc.get(), &FlowDocument::taskRemoved);
        m_doc->removeTasks({"b"});
        QCOMPARE(removed.count(), 1);
        QVERIFY(!m_doc->flow().task("b"));
        QVERIFY(upstreams(m_doc->flow(), "c").isEmpty());
        QVERIFY(!m_doc->flow().layout.contains("b"));
        checkOneStepRoundTrip(m_original, 0);

        QSignalSpy added(m_doc.get(), &FlowDocument::taskAdded);
        QSignalSpy edges(m_doc.get(), &FlowDocument::edgesChanged);
        m_doc->undoStack()->undo();
        QCOMPARE(added.count(), 1);
        QCOMPARE(upstreams(m_doc->flow(), "b"), QStringList{"a"});
        QCOMPARE(upstreams(m_doc->flow(), "c"), QStringList{"b"});
        QVERIFY(edges.last().at(0).toStringList().contains("c"));
        QCOMPARE(m_doc->text(), m_original);
        QVERIFY(!m_doc->isModified());
    }

    void removeItemsTakesTasksNotesAndGroupsInOneStep() {
        m_doc->removeItems({{"a"}, {0}, {0}});
        QVERIFY(m_doc->flow().notes.empty());
        QVERIFY(m_doc->flow().groups.empty());
        checkOneStepRoundTrip(m_original, 0);
    }

    void renameUpdatesEveryReference() {
        QSignalSpy renamed(m_doc.get(), &FlowDocument::taskRenamed);
        QVERIFY(m_doc->renameTask("check", "decide"));
        QCOMPARE(renamed.count(), 1);
        QCOMPARE(renamed.at(0).at(1).toString(), QStringLiteral("decide"));
        QCOMPARE(upstreams(m_doc->flow(), "yes"), QStringList{"decide.true"});
        QCOMPARE(upstreams(m_doc->flow(), "no"), QStringList{"decide.false"});
        QCOMPARE(m_doc->flow().layout.value("decide"), (NodePosition{720, 0}));
        QVERIFY(!m_doc->flow().layout.contains("check"));
        QVERIFY(m_doc->isValid());
        checkOneStepRoundTrip(m_original, 0);
        m_doc->undoStack()->undo();
        QCOMPARE(renamed.last().at(0).toString(), QStringLiteral("decide"));
        QCOMPARE(renamed.last().at(1).toString(), QStringLiteral("check"));
    }

    void renameRefusesTakenAndInvalidNames() {
        QString why;
        QVERIFY(!m_doc->renameTask("a", "b", &why));
        QVERIFY(why.contains("already a task named 'b'"));
        QVERIFY(!m_doc->renameTask("a", "a b", &why));
        QVERIFY(why.contains("not a valid task name"));
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    void renameFollowsAMapOverAnUpstreamTask() {
        Task each = *m_doc->flow().task("c");
        each.mapOver = "b";
        m_doc->updateTask("c", each, "map");
        QVERIFY(m_doc->renameTask("b", "bee"));
        QCOMPARE(m_doc->flow().task("c")->mapOver, QStringLiteral("bee"));
    }

    void updateTaskIsOneStepAndNothingWhenUnchanged() {
        QSignalSpy changed(m_doc.get(), &FlowDocument::taskChanged);
        Task c = *m_doc->flow().task("c");
        m_doc->updateTask("c", c, "nothing");
        QCOMPARE(m_doc->undoStack()->count(), 0);
        c.retries = 5;
        c.timeoutSeconds = 90;
        c.name = "ignored";
        m_doc->updateTask("c", c, "Change retries of c");
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_doc->flow().task("c")->retries, 5);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Change retries of c"));
        checkOneStepRoundTrip(m_original, 0);
    }

    void movesOfOneDragMergeIntoOneStep() {
        QSignalSpy moved(m_doc.get(), &FlowDocument::positionsChanged);
        const int drag = FlowDocument::newDragId();
        for (int i = 1; i <= 10; ++i) m_doc->moveTasks({{"a", QPointF(i * 20, 0)}, {"no", QPointF(0, i * 20)}}, drag);
        QCOMPARE(moved.count(), 10);
        QCOMPARE(m_doc->flow().layout.value("a"), (NodePosition{200, 0}));
        QCOMPARE(m_doc->flow().layout.value("no"), (NodePosition{0, 200}));
        // "no" had no layout entry: undo removes it again, so the file is as it was.
        checkOneStepRoundTrip(m_original, 0);
        m_doc->moveTasks({{"a", QPointF(1, 1)}}, FlowDocument::newDragId());
        QCOMPARE(m_doc->undoStack()->count(), 2);
        m_doc->moveTasks({{"a", QPointF(2, 2)}});  // no drag id: its own step
        QCOMPARE(m_doc->undoStack()->count(), 3);
    }

    void moveItemsMovesNotesAndGroupsWithTasks() {
        Placement p;
        p.tasks.insert("a", {40, 40});
        p.notes.insert(0, QRectF(20, 220, 300, 100));
        p.groups.insert(0, QRectF(20, 0, 480, 140));
        p.groups.insert(7, QRectF(0, 0, 1, 1));  // no such group: ignored
        m_doc->moveItems(p, -1, "Move group");
        QCOMPARE(m_doc->flow().notes[0].width, 300.0);
        QCOMPARE(m_doc->flow().groups[0].x, 20.0);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Move group"));
        checkOneStepRoundTrip(m_original, 0);
    }

    void connectAndDisconnect() {
        QSignalSpy edges(m_doc.get(), &FlowDocument::edgesChanged);
        QString why;
        QVERIFY2(m_doc->connectTasks("a", "each", BranchOutcome::Any, &why), qPrintable(why));
        QCOMPARE(upstreams(m_doc->flow(), "each"), QStringList{"a"});
        QCOMPARE(edges.last().at(0).toStringList(), QStringList{"each"});
        checkOneStepRoundTrip(m_original, 0);

        const QByteArray connected = m_doc->text();
        m_doc->disconnectTasks("b", "c");
        QVERIFY(upstreams(m_doc->flow(), "c").isEmpty());
        checkOneStepRoundTrip(connected, 1);
    }

    void connectRefusesDuplicatesSelfAndOutcomesOfPlainTasks() {
        QString why;
        QVERIFY(!m_doc->connectTasks("a", "b", BranchOutcome::Any, &why));
        QVERIFY(why.contains("already runs after a"));
        QVERIFY(!m_doc->connectTasks("a", "a", BranchOutcome::Any, &why));
        QVERIFY(!m_doc->connectTasks("a", "each", BranchOutcome::True, &why));
        QVERIFY(why.contains("only branch tasks"));
        QVERIFY(m_doc->connectTasks("check", "each", BranchOutcome::False, &why));
        QCOMPARE(upstreams(m_doc->flow(), "each"), QStringList{"check.false"});
        QCOMPARE(m_doc->undoStack()->count(), 1);
    }

    void aConnectionThatWouldMakeACycleIsRefusedNamingTheCycle() {
        QString why;
        QVERIFY(!m_doc->connectTasks("c", "a", BranchOutcome::Any, &why));
        QVERIFY2(why.contains("would make a cycle"), qPrintable(why));
        QVERIFY2(why.contains("a -> b -> c -> a") || why.contains("c -> a -> b -> c"), qPrintable(why));
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QCOMPARE(m_doc->text(), m_original);
    }

    void flowPropertiesAreOneStep() {
        QSignalSpy props(m_doc.get(), &FlowDocument::propertiesChanged);
        Flow p = m_doc->flow();
        p.description = "new description";
        p.runner.maxParallel = 3;
        p.parameters[0].defaultValue = QVariantList{"z"};
        m_doc->updateFlowProperties(p, "Edit properties");
        QCOMPARE(props.count(), 1);
        QCOMPARE(m_doc->flow().runner.maxParallel, 3);
        checkOneStepRoundTrip(m_original, 0);
    }

    void notesAndGroupsAreEditable() {
        const int note = m_doc->addNote({"hello", 0, 400, 200, 100});
        QCOMPARE(note, 1);
        const int group = m_doc->addGroup({"late", 900, -100, 300, 300});
        QCOMPARE(group, 1);
        m_doc->updateNote(0, {"edited", 0, 200, 200, 80});
        m_doc->updateGroup(0, {"renamed", -20, -40, 480, 140});
        QCOMPARE(m_doc->flow().notes[0].text, QStringLiteral("edited"));
        QCOMPARE(m_doc->flow().groups[0].title, QStringLiteral("renamed"));
        QCOMPARE(m_doc->undoStack()->count(), 4);
        for (int i = 0; i < 4; ++i) m_doc->undoStack()->undo();
        QCOMPARE(m_doc->text(), m_original);
    }

    void pasteBetweenTwoDocumentsKeepsInnerDependencies() {
        const QByteArray clip = m_doc->copyTasks({"b", "c"});
        QVERIFY(clip.contains("b:"));
        QVERIFY(!clip.contains("after: [a]"));  // the dependency on a task left behind is dropped

        FlowDocument other;
        Task b;
        b.name = "b";
        b.kind = TaskKind::Noop;
        other.addTask(b, {0, 0});
        other.undoStack()->clear();
        const QByteArray before = other.text();
        QString error;
        const QStringList pasted = other.pasteTasks(clip, {100, 100}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(pasted, QStringList({"b_2", "c"}));
        QCOMPARE(upstreams(other.flow(), "c"), QStringList{"b_2"});
        QCOMPARE(other.flow().layout.value("b_2"), (NodePosition{340, 100}));
        QCOMPARE(other.flow().task("c")->retries, 1);
        QCOMPARE(other.undoStack()->count(), 1);
        QVERIFY(other.isValid());
        other.undoStack()->undo();
        QCOMPARE(other.text(), before);
    }

    void pasteRefusesTextThatIsNotAFlow() {
        QString error;
        QVERIFY(m_doc->pasteTasks("just some [text", {}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    void pasteIntoTheSameDocumentRenamesAndOffsets() {
        const ItemSet added = m_doc->pasteItems(m_doc->copyItems({{"a", "b"}, {0}, {}}), {40, 40}, nullptr);
        QCOMPARE(added.tasks, QStringList({"a_2", "b_2"}));
        QCOMPARE(added.notes, QList<int>{1});
        QCOMPARE(upstreams(m_doc->flow(), "b_2"), QStringList{"a_2"});
        QCOMPARE(m_doc->flow().notes[1].y, 240.0);
        checkOneStepRoundTrip(m_original, 0);
    }

    void autoLayoutIsOneStepOnTheGrid() {
        const Placement placement = AutoLayout::layout(m_doc->flow(), {});
        QCOMPARE(placement.tasks.size(), int(m_doc->flow().tasks.size()));
        m_doc->moveItems(placement, -1, "Auto-layout");
        for (const Task &t : m_doc->flow().tasks) {
            const NodePosition p = m_doc->flow().layout.value(t.name);
            QCOMPARE(std::fmod(p.x, 20.0), 0.0);
            QCOMPARE(std::fmod(p.y, 20.0), 0.0);
        }
        // left to right: every task lies right of its upstreams
        QVERIFY(m_doc->flow().layout.value("b").x > m_doc->flow().layout.value("a").x);
        QVERIFY(m_doc->flow().layout.value("yes").x > m_doc->flow().layout.value("check").x);
        checkOneStepRoundTrip(m_original, 0);
    }

    void replaceFlowAndRecoveryAreOneStep() {
        Flow f = m_doc->flow();
        f.tasks.pop_back();
        f.name = "replaced";
        QSignalSpy removed(m_doc.get(), &FlowDocument::taskRemoved);
        m_doc->replaceFlow(f, "Replace");
        QCOMPARE(removed.count(), 1);
        checkOneStepRoundTrip(m_original, 0);
        m_doc->undoStack()->undo();

        QString error;
        QVERIFY(m_doc->loadText(QByteArray(sampleFlow).replace("retries: 1", "retries: 4"), &error));
        QCOMPARE(m_doc->flow().task("c")->retries, 4);
        checkOneStepRoundTrip(m_original, 0);  // the undone replacement made way for it
        QVERIFY(!m_doc->loadText("not: [a flow", &error));
        QVERIFY(!error.isEmpty());
    }

    void problemsFollowTheEdits() {
        QSignalSpy problems(m_doc.get(), &FlowDocument::problemsChanged);
        Task c = *m_doc->flow().task("c");
        c.after = {Dependency::fromString("nowhere")};
        m_doc->updateTask("c", c, "break it");
        QTRY_VERIFY(problems.count() >= 1);
        QVERIFY(!m_doc->isValid());
        QCOMPARE(m_doc->problems().front().task, QStringLiteral("c"));
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->isValid());
    }

    void problemsAreTheSameAfterAnEditAndAfterUndoRedo() {
        // Changing a shell task to noop leaves its script unused; the warning must not depend on
        // whether the model came from the edit or from re-reading the snapshot on undo/redo.
        Task a = *m_doc->flow().task("a");
        a.kind = TaskKind::Noop;
        m_doc->updateTask("a", a, "make it a noop");
        const QStringList afterEdit = problemTexts();
        QVERIFY2(afterEdit.filter("'script' has no effect on a noop task").size() == 1, qPrintable(afterEdit.join('\n')));
        m_doc->undoStack()->undo();
        QVERIFY(problemTexts().filter("has no effect").isEmpty());
        m_doc->undoStack()->redo();
        QCOMPARE(problemTexts(), afterEdit);
    }

    void savingMarksTheDocumentClean() {
        QSignalSpy modified(m_doc.get(), &FlowDocument::modifiedChanged);
        m_doc->moveTasks({{"a", QPointF(20, 20)}});
        QVERIFY(m_doc->isModified());
        QString error;
        QVERIFY2(m_doc->save(&error), qPrintable(error));
        QVERIFY(!m_doc->isModified());
        QCOMPARE(modified.count(), 2);
        QFile file(m_doc->filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), m_doc->text());
        FlowDocument untitled;
        QVERIFY(!untitled.save(&error));
        QVERIFY(error.contains("Save As"));
    }

    void aBrokenFileStillOpens() {
        const QString path = m_dir.filePath("broken.flow.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: flowdeck/v1\nkind: Flow\nname: b\ntasks:\n  x:\n    kind: noop\n    after: [y]\n"
                   "  y:\n    kind: noop\n    after: [x]\n");
        file.close();
        FlowDocument doc;
        QString error;
        QVERIFY(doc.load(path, &error));
        QVERIFY(!doc.isValid());
        QCOMPARE(names(doc.flow()), QStringList({"x", "y"}));
        QVERIFY(!doc.load(m_dir.filePath("missing.flow.yaml"), &error));
        QVERIFY(error.contains("cannot open"));
    }
};

QTEST_MAIN(TestFlowDocument)
#include "test_flow_document.moc"
