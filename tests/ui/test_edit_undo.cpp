// Undo and redo of every structural edit on a real file shown on a real canvas: undo gives back
// exactly the flow, the problems, the scene and the bytes a save writes; redo gives back exactly
// what the edit made. The file has what only the reader sees (a comment, an unknown key, a
// refused value, an unknown upstream), so steps that keep those across edits are checked too.
#include "editor/EdgeItem.h"
#include "editor/FlowDocument.h"
#include "editor/FlowScene.h"
#include "editor/NodeItem.h"
#include "flow/FlowFile.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>

using namespace flowdeck;

namespace {

const QByteArray source =
    "apiVersion: flowdeck/v1\n"
    "kind: Flow\n"
    "name: roundtrip\n"
    "parameters:\n"
    "  items: {type: list, default: [a, b]}\n"
    "tasks:\n"
    "  extract:   # where it starts\n"
    "    kind: shell\n"
    "    script: echo extract\n"
    "    retires: 2\n"
    "  decide:\n"
    "    kind: branch\n"
    "    script: exit 0\n"
    "    after: [extract]\n"
    "  load:\n"
    "    kind: shell\n"
    "    after: [decide.true, extract]\n"
    "    map: items\n"
    "    timeout: 10x\n"
    "    script: echo load\n"
    "  report:\n"
    "    kind: noop\n"
    "    after: [load, transfrom]\n"
    "layout:\n"
    "  extract: [0, 0]\n"
    "  decide: [240, 0]\n"
    "  load: [480, 0]\n"
    "  report: [720, 0]\n";

/// Everything a user can see of the document, in a form QCOMPARE can show when it differs.
struct State {
    QByteArray text;
    Flow flow;
    QStringList problems;
    QStringList nodes;  // name @ position, problem marker
    QStringList edges;  // upstream -> downstream (outcome), dangling or not

    bool operator==(const State &o) const {
        return text == o.text && flow == o.flow && problems == o.problems && nodes == o.nodes && edges == o.edges;
    }
};

}  // namespace

class TestEditUndo : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<FlowDocument> m_doc;
    std::unique_ptr<FlowScene> m_scene;

    State state() {
        // Problems are validated at the next event-loop pass after an edit: let it run.
        QCoreApplication::processEvents();
        State s;
        s.text = m_doc->text();
        s.flow = m_doc->flow();
        for (const Diagnostic &d : m_doc->problems())
            s.problems << QStringLiteral("%1:%2 %3: %4").arg(d.location.line).arg(d.location.column).arg(d.task, d.message);
        for (const Task &t : m_doc->flow().tasks) {
            NodeItem *n = m_scene->node(t.name);
            s.nodes << (n ? QStringLiteral("%1 @ %2,%3 %4").arg(t.name).arg(n->pos().x()).arg(n->pos().y()).arg(n->toolTip())
                          : t.name + QStringLiteral(" (no node)"));
        }
        for (EdgeItem *e : m_scene->edges())
            s.edges << QStringLiteral("%1 -> %2 (%3)%4")
                           .arg(e->upstream(), e->downstream())
                           .arg(int(e->outcome()))
                           .arg(e->isDangling() ? QStringLiteral(" dangling: ") + e->toolTip() : QString());
        s.edges.sort();
        if (m_scene->nodeCount() != int(m_doc->flow().tasks.size())) s.nodes << QStringLiteral("node count differs");
        return s;
    }

    static void compare(const State &actual, const State &expected) {
        QCOMPARE(actual.text, expected.text);
        QCOMPARE(actual.problems, expected.problems);
        QCOMPARE(actual.nodes, expected.nodes);
        QCOMPARE(actual.edges, expected.edges);
        QVERIFY(actual.flow == expected.flow);
    }

    /// Makes @p edit, then undo, redo, undo, redo, undo, checking each state against the one
    /// before the edit or the one it made; the file saved at the end is the original.
    void roundTrip(const std::function<void()> &edit) {
        const State before = state();
        const int steps = m_doc->undoStack()->index();
        edit();
        QCOMPARE(m_doc->undoStack()->index(), steps + 1);
        const State after = state();
        QVERIFY2(!(after == before), "the edit changed nothing");
        // The model is what the patched text reads as.
        QVERIFY(FlowFile::parse(after.text).flow == after.flow);
        for (int round = 0; round < 2; ++round) {
            m_doc->undoStack()->undo();
            compare(state(), before);
            m_doc->undoStack()->redo();
            compare(state(), after);
        }
        m_doc->undoStack()->undo();
        compare(state(), before);
        QString error;
        QVERIFY2(m_doc->save(&error), qPrintable(error));
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), source);
    }

private slots:
    void init() {
        m_path = m_dir.filePath(QStringLiteral("roundtrip.flow.yaml"));
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(source);
        file.close();
        m_doc = std::make_unique<FlowDocument>();
        QString error;
        QVERIFY2(m_doc->load(m_path, &error), qPrintable(error));
        m_scene = std::make_unique<FlowScene>(m_doc.get());
    }

    void cleanup() {
        m_scene.reset();
        m_doc.reset();
    }

    void theFileHasWhatOnlyTheReaderSees() {
        const QStringList problems = state().problems;
        const auto has = [&](const char *text) {
            return std::any_of(problems.begin(), problems.end(), [&](const QString &p) { return p.contains(text); });
        };
        QVERIFY(has("unknown key 'retires'"));
        QVERIFY(has("timeout"));
        QVERIFY(has("unknown task 'transfrom'"));
    }

    void deletingAConnectedTaskRoundTrips() {
        roundTrip([this] { m_doc->removeTasks({QStringLiteral("extract")}); });
    }

    void deletingSeveralTasksNotesAndGroupsRoundTrips() {
        m_doc->addNote(Note{QStringLiteral("a note"), 0, 200, 200, 100});
        m_doc->addGroup(Group{QStringLiteral("a group"), -20, -20, 600, 200});
        QString error;
        QVERIFY2(m_doc->save(&error), qPrintable(error));
        m_doc->undoStack()->clear();
        // The saved file is the source plus the note and the group: compare with that one.
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        const State before = state();
        m_doc->removeItems({{QStringLiteral("decide"), QStringLiteral("report")}, {0}, {0}});
        const State after = state();
        QVERIFY(!(after == before));
        m_doc->undoStack()->undo();
        compare(state(), before);
        m_doc->undoStack()->redo();
        compare(state(), after);
        m_doc->undoStack()->undo();
        QVERIFY2(m_doc->save(&error), qPrintable(error));
        file.seek(0);
        QCOMPARE(file.readAll(), saved);
    }

    void addingATaskRoundTrips() {
        roundTrip([this] {
            Task t;
            t.name = QStringLiteral("transfrom");  // mends report's broken upstream
            t.kind = TaskKind::Noop;
            m_doc->addTask(t, {360, 200});
        });
    }

    void renamingATaskWithDependentsRoundTrips() {
        roundTrip([this] { QVERIFY(m_doc->renameTask(QStringLiteral("load"), QStringLiteral("store"))); });
    }

    void renamingATaskToTheNameAWireWaitsForRoundTrips() {
        roundTrip([this] { QVERIFY(m_doc->renameTask(QStringLiteral("decide"), QStringLiteral("transfrom"))); });
    }

    void movingATaskRoundTrips() {
        roundTrip([this] { m_doc->moveTasks({{QStringLiteral("decide"), QPointF(260, 140)}}); });
    }

    void connectingAndDisconnectingRoundTrip() {
        roundTrip([this] {
            QString why;
            QVERIFY2(m_doc->connectTasks(QStringLiteral("decide"), QStringLiteral("report"), BranchOutcome::False, &why),
                     qPrintable(why));
        });
        roundTrip([this] { m_doc->disconnectTasks(QStringLiteral("extract"), QStringLiteral("load")); });
    }

    void settingAFieldRoundTrips() {
        roundTrip([this] {
            Task t = *m_doc->task(QStringLiteral("extract"));
            t.retries = 3;
            m_doc->updateTask(t.name, t, QStringLiteral("Set retries"));
        });
    }

    void fixingARefusedValueRoundTripsAndDropsOnlyItsProblem() {
        roundTrip([this] {
            Task t = *m_doc->task(QStringLiteral("load"));
            t.timeoutSeconds = 10;
            m_doc->updateTask(t.name, t, QStringLiteral("Set timeout"));
            const QStringList problems = state().problems;
            QVERIFY(std::none_of(problems.begin(), problems.end(), [](const QString &p) { return p.contains("10x"); }));
            // The unknown key is still in the file, so it is still reported.
            QVERIFY(std::any_of(problems.begin(), problems.end(), [](const QString &p) { return p.contains("retires"); }));
        });
    }

    void pastingRoundTrips() {
        const QByteArray clip = m_doc->copyTasks({QStringLiteral("decide"), QStringLiteral("load")});
        roundTrip([&] {
            QString error;
            QCOMPARE(m_doc->pasteTasks(clip, {0, 300}, &error).size(), 2);
        });
    }

    void aMacroOfEditsRoundTripsAsOneStep() {
        roundTrip([this] {
            m_doc->undoStack()->beginMacro(QStringLiteral("several"));
            Task t;
            t.name = QStringLiteral("extra");
            const QString name = m_doc->addTask(t, {0, 300});
            QString why;
            QVERIFY(m_doc->connectTasks(QStringLiteral("extract"), name, BranchOutcome::Any, &why));
            QVERIFY(m_doc->renameTask(QStringLiteral("extract"), QStringLiteral("source")));
            m_doc->removeTasks({QStringLiteral("report")});
            m_doc->undoStack()->endMacro();
        });
    }

    void typingInAScriptIsOneStep() {
        roundTrip([this] {
            Task t = *m_doc->task(QStringLiteral("extract"));
            for (const char *text : {"echo e", "echo ex", "echo ext"}) {
                t.script = QString::fromLatin1(text);
                m_doc->updateTask(t.name, t, QStringLiteral("Edit script"));
            }
        });
        QCOMPARE(m_doc->undoStack()->count(), 1);
    }

    void problemsAreShownAtTheNextPassAndNeverStaleWhenAskedFor() {
        QSignalSpy shown(m_doc.get(), &FlowDocument::problemsChanged);
        Task t = *m_doc->task(QStringLiteral("extract"));
        t.script.clear();
        m_doc->updateTask(t.name, t, QStringLiteral("Clear script"));
        const auto hasNoScript = [this] {
            return std::any_of(m_doc->problems().begin(), m_doc->problems().end(),
                               [](const Diagnostic &d) { return d.message.contains("has no script"); });
        };
        QVERIFY(hasNoScript());  // asked at once: validated at once
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(m_scene->node(QStringLiteral("extract"))->toolTip().contains("has no script"));
    }
};

QTEST_MAIN(TestEditUndo)
#include "test_edit_undo.moc"
