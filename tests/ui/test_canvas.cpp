// The canvas is a view of the document: it mirrors every edit and undo, and its gestures become
// document edits (Quick-Add, connecting, dragging, find, align, clipboard, pictures).
#include "editor/EdgeItem.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"
#include "editor/FlowView.h"
#include "editor/GraphExport.h"
#include "editor/GraphFindBar.h"
#include "editor/GroupItem.h"
#include "editor/KindStyle.h"
#include "editor/NoteItem.h"
#include "editor/NodeItem.h"
#include "runs/LiveTaskText.h"
#include "editor/QuickAddPopup.h"
#include "flow/FlowFile.h"
#include "ThemeColours.h"

#include <QApplication>
#include <QClipboard>
#include <QMouseEvent>
#include <QPainter>
#include <QScopeGuard>
#include <QScreen>
#include <QSignalSpy>
#include <QtTest>

using namespace flowdeck;

namespace {

const char *sampleFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: sample
tasks:
  a:
    kind: shell
    tags: [io]
    script: echo a
  b:
    kind: python
    after: [a]
    script: print("needle")
  c:
    kind: noop
    after: [b]
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
  lone:
    kind: sleep
    seconds: 1
layout:
  a: [0, 0]
  b: [240, 0]
  c: [480, 0]
  check: [720, 0]
  yes: [960, -80]
  no: [960, 80]
  lone: [300, 300]
)";

int dependencyCount(const Flow &flow) {
    int n = 0;
    for (const Task &t : flow.tasks) n += int(t.after.size());
    return n;
}

/// Sends a mouse event with explicit buttons (QTest's helpers do not carry them on moves).
void sendMouse(QWidget *viewport, QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent event(type, QPointF(pos), viewport->mapToGlobal(QPointF(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

/// A left-button drag from @p from to @p to (scene coordinates) in a few steps.
void drag(FlowView *view, QPointF from, QPointF to) {
    QWidget *vp = view->viewport();
    const QPoint a = view->mapFromScene(from), b = view->mapFromScene(to);
    sendMouse(vp, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i) sendMouse(vp, QEvent::MouseMove, a + (b - a) * i / 5, Qt::NoButton, Qt::LeftButton);
    sendMouse(vp, QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton);
}

/// How far apart two colours are in brightness (0..255).
int luminanceGap(QColor a, QColor b) {
    const auto luminance = [](QColor c) { return 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue(); };
    return int(std::abs(luminance(a) - luminance(b)));
}

/// A dark theme as a platform theme may hand it over in Qt 6.4: every role dark except
/// PlaceholderText, which keeps its light-theme grey.
QPalette darkPaletteWithLightPlaceholder() {
    QPalette palette = QApplication::palette();
    palette.setColor(QPalette::Window, QColor(0x26, 0x28, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    palette.setColor(QPalette::AlternateBase, QColor(0x2c, 0x2f, 0x33));
    palette.setColor(QPalette::Text, QColor(0xf0, 0xf0, 0xf0));
    palette.setColor(QPalette::Mid, QColor(0x55, 0x59, 0x5e));
    palette.setColor(QPalette::Dark, QColor(0x88, 0x8c, 0x90));
    return palette;
}

int distinctColours(const QImage &image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
    return colours.size();
}

}  // namespace

class TestCanvas : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FlowDocument> m_doc;
    std::unique_ptr<FlowEditor> m_editor;

    FlowScene *scene() const { return m_editor->scene(); }
    FlowView *view() const { return m_editor->view(); }

    /// The scene shows exactly the document's tasks and dependencies, where the layout says.
    void checkMirrorsDocument() {
        const Flow &flow = m_doc->flow();
        QCOMPARE(scene()->nodeCount(), int(flow.tasks.size()));
        QCOMPARE(scene()->edges().size(), dependencyCount(flow));
        for (const Task &t : flow.tasks) {
            QVERIFY2(scene()->node(t.name), qPrintable(t.name));
            if (flow.layout.contains(t.name))
                QCOMPARE(scene()->node(t.name)->pos(), QPointF(flow.layout.value(t.name).x, flow.layout.value(t.name).y));
        }
        for (EdgeItem *e : scene()->edges()) {
            const Task *down = flow.task(e->downstream());
            QVERIFY(down);
            QVERIFY(down->upstreamNames().contains(e->upstream()));
        }
        QCOMPARE(int(scene()->notes().size()), int(flow.notes.size()));
        QCOMPARE(int(scene()->groups().size()), int(flow.groups.size()));
    }

private slots:
    void init() {
        const QString path = m_dir.filePath("sample.flow.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(sampleFlow);
        file.close();
        m_doc = std::make_unique<FlowDocument>();
        QString error;
        QVERIFY2(m_doc->load(path, &error), qPrintable(error));
        m_editor = std::make_unique<FlowEditor>(m_doc.get());
        m_editor->resize(1400, 800);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        view()->zoomToActualSize();
        view()->centerOn(600, 0);
    }

    void cleanup() {
        m_editor.reset();
        m_doc.reset();
    }

    void sceneMirrorsTheDocumentThroughEditsAndUndo() {
        checkMirrorsDocument();
        Task t;
        t.name = "extra";
        t.kind = TaskKind::Noop;
        m_doc->addTask(t, {0, 200});
        m_doc->connectTasks("extra", "c", BranchOutcome::Any, nullptr);
        checkMirrorsDocument();
        m_doc->removeTasks({"c"});  // connected on both sides
        checkMirrorsDocument();
        QVERIFY(!scene()->node("c"));
        m_doc->renameTask("check", "decide");
        checkMirrorsDocument();
        m_doc->moveTasks({{"a", QPointF(-100, 40)}});
        checkMirrorsDocument();
        m_doc->addNote({"n", 0, 300, 200, 100});
        m_doc->addGroup({"g", -40, -40, 600, 200});
        checkMirrorsDocument();
        while (m_doc->undoStack()->canUndo()) {
            m_doc->undoStack()->undo();
            checkMirrorsDocument();
        }
        while (m_doc->undoStack()->canRedo()) {
            m_doc->undoStack()->redo();
            checkMirrorsDocument();
        }
        QVERIFY(scene()->node("decide"));
    }

    void reloadingWithATaskSelectedRebuildsSafely() {
        // Deleting the selected node announces the selection change while the scene rebuilds;
        // asking for the selection then (as the editor and the inspector do) must be safe.
        scene()->selectItems({{"b"}, {}, {}});
        QStringList seen{"(not asked)"};
        QObject listener;  // disconnects when the test ends
        connect(scene(), &QGraphicsScene::selectionChanged, &listener, [&] { seen = scene()->selectedTaskNames(); });
        QVERIFY(m_doc->load(m_dir.filePath("sample.flow.yaml"), nullptr));
        QCOMPARE(seen, QStringList());
        checkMirrorsDocument();
    }

    void branchEdgesLeaveFromTheirOwnPorts() {
        const NodeItem *check = scene()->node("check");
        QPointF trueStart, falseStart;
        for (EdgeItem *e : scene()->edges()) {
            if (e->outcome() == BranchOutcome::True) trueStart = e->boundingRect().topLeft();
            if (e->outcome() == BranchOutcome::False) QVERIFY(e->isNear(check->portScenePos(Port::OutputFalse) + QPointF(2, 0), 4));
            if (e->outcome() == BranchOutcome::True) QVERIFY(e->isNear(check->portScenePos(Port::OutputTrue) + QPointF(2, 0), 4));
        }
        Q_UNUSED(trueStart);
        Q_UNUSED(falseStart);
    }

    void quickAddCreatesAndConnectsInOneStep() {
        QuickAddPopup popup;
        popup.setFilter("curl");
        QCOMPARE(popup.shownTitles(), QStringList{"HTTP download (curl)"});
        popup.setFilter("");
        QVERIFY(popup.shownTitles().contains("git clone"));
        QVERIFY(popup.shownTitles().contains("Run SQL file (sqlite3)"));
        QCOMPARE(popup.shownTitles().front(), QStringLiteral("shell"));
        popup.setFilter("sql");
        QString added;
        connect(&popup, &QuickAddPopup::chosen, this, [&](const TaskTemplate &templ) {
            added = scene()->addFromTemplate(templ, {1300, 0}, {"yes", true, BranchOutcome::Any});
        });
        popup.acceptCurrent();
        QCOMPARE(added, QStringLiteral("run_sql"));
        const Task *task = m_doc->flow().task("run_sql");
        QVERIFY(task);
        QCOMPARE(task->upstreamNames(), QStringList{"yes"});
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(scene()->selectedTaskNames(), QStringList{"run_sql"});
        checkMirrorsDocument();
        m_doc->undoStack()->undo();
        QVERIFY(!m_doc->flow().task("run_sql"));
        checkMirrorsDocument();
    }

    void draggingAWireFromAPortConnects() {
        const QPointF from = scene()->node("a")->portScenePos(Port::Output);
        const QPointF to = scene()->node("lone")->sceneBodyRect().center();
        drag(view(), from, to);
        QCOMPARE(m_doc->flow().task("lone")->upstreamNames(), QStringList{"a"});
        QCOMPARE(m_doc->undoStack()->count(), 1);
        checkMirrorsDocument();
    }

    void aWireFromAnInputPortConnectsBackwards() {
        drag(view(), scene()->node("lone")->portScenePos(Port::Input), scene()->node("c")->sceneBodyRect().center());
        QCOMPARE(m_doc->flow().task("lone")->upstreamNames(), QStringList{"c"});
        checkMirrorsDocument();
    }

    void aWireThatWouldCloseACycleIsRefusedWithTheCycleNamed() {
        QSignalSpy status(scene(), &FlowScene::statusMessage);
        drag(view(), scene()->node("c")->portScenePos(Port::Output), scene()->node("a")->sceneBodyRect().center());
        QCOMPARE(status.count(), 1);
        const QString message = status.at(0).at(0).toString();
        QVERIFY2(message.contains("cycle") && message.contains("a -> b -> c"), qPrintable(message));
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    void aWireDroppedOnEmptyCanvasOpensQuickAddForIt() {
        QSignalSpy requested(scene(), &FlowScene::quickAddRequested);
        drag(view(), scene()->node("check")->portScenePos(Port::OutputFalse), QPointF(700, 300));
        QCOMPARE(requested.count(), 1);
        const auto wire = requested.at(0).at(1).value<PendingWire>();
        QCOMPARE(wire.task, QStringLiteral("check"));
        QVERIFY(wire.outcome == BranchOutcome::False);
        QWidget *popup = QApplication::activePopupWidget();
        if (popup) popup->close();
    }

    void aPressOnTheInnerHalfOfAPortStartsAWire() {
        // Inside the body, still on the port: the half of the circle that overlaps the node.
        const QPointF inward(canvas::portRadius - 2, 0);
        const QPointF output = scene()->node("a")->portScenePos(Port::Output) - inward;
        QVERIFY(scene()->node("a")->sceneBodyRect().contains(output));
        drag(view(), output, scene()->node("lone")->sceneBodyRect().center());
        QCOMPARE(m_doc->flow().task("lone")->upstreamNames(), QStringList{"a"});
        QVERIFY(scene()->selectedTaskNames().isEmpty());  // a wire, not a rubber band

        const QPointF input = scene()->node("lone")->portScenePos(Port::Input) + inward;
        drag(view(), input, scene()->node("yes")->sceneBodyRect().center());
        QCOMPARE(m_doc->flow().task("lone")->upstreamNames(), QStringList({"a", "yes"}));
        QCOMPARE(m_doc->undoStack()->count(), 2);
        checkMirrorsDocument();
    }

    void aWireOffersOnlyTasksItCanStillConnect() {
        QWidget *vp = view()->viewport();
        const auto press = [&](QPointF scenePos) {
            const QPoint at = view()->mapFromScene(scenePos);
            sendMouse(vp, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
            sendMouse(vp, QEvent::MouseMove, at + QPoint(30, 30), Qt::NoButton, Qt::LeftButton);
        };
        const auto releaseOn = [&](const QString &task) {
            const QPoint at = view()->mapFromScene(scene()->node(task)->sceneBodyRect().center());
            sendMouse(vp, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
        };

        press(scene()->node("a")->portScenePos(Port::Output));
        QCOMPARE(scene()->pendingWire().task, QStringLiteral("a"));
        QSet<QString> targets = scene()->wireTargets();
        QVERIFY2(!targets.contains("b"), "b already runs after a");
        QVERIFY(!targets.contains("a"));
        QVERIFY(targets.contains("c") && targets.contains("lone"));
        QCOMPARE(scene()->node("b")->highlight(), NodeItem::Highlight::None);
        QCOMPARE(scene()->node("lone")->highlight(), NodeItem::Highlight::ConnectTarget);
        releaseOn("a");

        press(scene()->node("c")->portScenePos(Port::Input));  // backwards: to an upstream
        targets = scene()->wireTargets();
        QVERIFY2(!targets.contains("b"), "c already runs after b");
        QVERIFY2(!targets.contains("check") && !targets.contains("yes"), "they run after c: a cycle");
        QVERIFY(targets.contains("a") && targets.contains("lone"));
        releaseOn("c");

        press(scene()->node("check")->portScenePos(Port::OutputTrue));
        QVERIFY2(!scene()->wireTargets().contains("yes"), "yes already runs after check.true");
        releaseOn("check");
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QCOMPARE(scene()->node("b")->highlight(), NodeItem::Highlight::None);
    }

    void escapeCancelsAWireBeingDragged() {
        m_editor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
        view()->setFocus();
        QTRY_VERIFY(view()->hasFocus());
        QSignalSpy quickAdd(scene(), &FlowScene::quickAddRequested);
        const int items = scene()->items().size();
        QWidget *vp = view()->viewport();
        const QPoint from = view()->mapFromScene(scene()->node("a")->portScenePos(Port::Output));
        const QPoint to = view()->mapFromScene(scene()->node("lone")->sceneBodyRect().center());
        sendMouse(vp, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        sendMouse(vp, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        QCOMPARE(scene()->items().size(), items + 1);  // the wire
        QCOMPARE(scene()->node("lone")->highlight(), NodeItem::Highlight::DropTarget);

        QTest::keyClick(vp, Qt::Key_Escape);
        QVERIFY(!scene()->pendingWire().isValid());
        QCOMPARE(scene()->items().size(), items);
        QCOMPARE(scene()->node("lone")->highlight(), NodeItem::Highlight::None);
        // The button comes up over a task afterwards: nothing connects, nothing opens.
        sendMouse(vp, QEvent::MouseMove, to + QPoint(5, 0), Qt::NoButton, Qt::LeftButton);
        sendMouse(vp, QEvent::MouseButtonRelease, to + QPoint(5, 0), Qt::LeftButton, Qt::NoButton);
        QVERIFY(m_doc->flow().task("lone")->after.empty());
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QCOMPARE(quickAdd.count(), 0);
        QCOMPARE(scene()->items().size(), items);
        QVERIFY(scene()->selectedItems().isEmpty());
    }

    void ctrlEqualsZoomsInAsCtrlPlusDoes() {
        m_editor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
        view()->setFocus();
        QTRY_VERIFY(view()->hasFocus());
        const double before = view()->zoom();
        QTest::keyClick(view()->viewport(), Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY2(view()->zoom() > before * 1.2, qPrintable(QString::number(view()->zoom())));
        const double after = view()->zoom();
        QTest::keyClick(view()->viewport(), Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(view()->zoom() > after * 1.2);
        QTest::keyClick(view()->viewport(), Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(qAbs(view()->zoom() - after) < 1e-9);
    }

    void quickAddStaysOnTheScreen() {
        const QRect screen = view()->screen()->availableGeometry();
        const QPoint corner = screen.bottomRight() - QPoint(20, 20);
        QPointer<QuickAddPopup> popup = new QuickAddPopup(view());
        popup->popup(corner);
        QVERIFY(QTest::qWaitForWindowExposed(popup));
        const QRect placed = popup->geometry();
        QVERIFY2(screen.contains(placed), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                          .arg(placed.x())
                                                          .arg(placed.y())
                                                          .arg(placed.width())
                                                          .arg(placed.height())));
        QVERIFY2(popup->geometry().bottom() < corner.y(), "no room below: it opens above the pointer");
        popup->close();

        const QPoint roomy = screen.topLeft() + QPoint(40, 40);
        popup = new QuickAddPopup(view());
        popup->popup(roomy);
        QCOMPARE(popup->pos(), roomy);  // where there is room, where it was asked for
        popup->close();
    }

    void draggingNodesSnapsToTheGridAndIsOneStep() {
        scene()->selectItems({{"a", "b"}, {}, {}});
        drag(view(), scene()->node("b")->sceneBodyRect().center(), scene()->node("b")->sceneBodyRect().center() + QPointF(33, 47));
        QCOMPARE(m_doc->flow().layout.value("b"), (NodePosition{280, 40}));
        QCOMPARE(m_doc->flow().layout.value("a"), (NodePosition{40, 40}));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        checkMirrorsDocument();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->flow().layout.value("b"), (NodePosition{240, 0}));
        checkMirrorsDocument();
    }

    void droppingALoneNodeOntoAnEdgeInsertsIt() {
        const EdgeItem *edge = nullptr;
        for (EdgeItem *e : scene()->edges())
            if (e->upstream() == "a" && e->downstream() == "b") edge = e;
        QVERIFY(edge);
        const QPointF middle = (scene()->node("a")->portScenePos(Port::Output) + scene()->node("b")->portScenePos(Port::Input)) / 2;
        scene()->selectItems({{"lone"}, {}, {}});
        drag(view(), scene()->node("lone")->sceneBodyRect().center(), middle);
        QCOMPARE(m_doc->flow().task("lone")->upstreamNames(), QStringList{"a"});
        QCOMPARE(m_doc->flow().task("b")->upstreamNames(), QStringList{"lone"});
        QCOMPARE(m_doc->undoStack()->count(), 1);  // the move and the insertion together
        checkMirrorsDocument();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->flow().task("b")->upstreamNames(), QStringList{"a"});
        checkMirrorsDocument();
    }

    void movingAGroupMovesTheTasksAndNotesInsideIt() {
        m_doc->addGroup({"first two", -20, -60, 500, 160});  // holds a and b, not c
        m_doc->addNote({"inside", 0, 60, 100, 30});
        m_doc->undoStack()->clear();
        GroupItem *group = scene()->groups().front();
        const QPointF title = group->frameRect().topLeft() + QPointF(60, 10);
        scene()->selectItems({{}, {}, {0}});
        drag(view(), title, title + QPointF(40, 100));
        QCOMPARE(m_doc->flow().groups[0].y, 40.0);
        QCOMPARE(m_doc->flow().layout.value("a"), (NodePosition{40, 100}));
        QCOMPARE(m_doc->flow().layout.value("b"), (NodePosition{280, 100}));
        QCOMPARE(m_doc->flow().layout.value("c"), (NodePosition{480, 0}));
        QCOMPARE(m_doc->flow().notes[0].y, 160.0);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        checkMirrorsDocument();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->flow().layout.value("a"), (NodePosition{0, 0}));
        QCOMPARE(m_doc->flow().groups[0].y, -60.0);
    }

    void draggingTheCornerOfANoteResizesIt() {
        m_doc->addNote({"resize me", 0, 200, 200, 100});
        NoteItem *note = scene()->notes().front();
        scene()->selectItems({{}, {0}, {}});
        const QPointF corner = note->frameRect().bottomRight() - QPointF(4, 4);
        drag(view(), corner, corner + QPointF(60, 40));
        QCOMPARE(m_doc->flow().notes[0].width, 260.0);
        QCOMPARE(m_doc->flow().notes[0].height, 140.0);
        QCOMPARE(m_doc->flow().notes[0].x, 0.0);
    }

    void rubberBandSelectsAndKeysNudgeAndDelete() {
        view()->setFocus();
        drag(view(), QPointF(-30, -60), QPointF(440, 80));  // around a and b, from empty canvas
        QCOMPARE(scene()->selectedTaskNames(), QStringList({"a", "b"}));
        QTest::keyClick(view()->viewport(), Qt::Key_Right);
        QTest::keyClick(view()->viewport(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(m_doc->flow().layout.value("a"), (NodePosition{20, 100}));
        QCOMPARE(m_doc->flow().layout.value("b"), (NodePosition{260, 100}));
        QTest::keyClick(view()->viewport(), Qt::Key_Delete);
        QVERIFY(!m_doc->flow().task("a"));
        QVERIFY(m_doc->flow().task("c")->after.empty());
        checkMirrorsDocument();
    }

    void findStepsThroughMatchesAndCentresThem() {
        GraphFindBar *find = m_editor->findBar();
        find->activate();
        find->setText("noop");
        QCOMPARE(find->matches(), QStringList({"c", "yes", "no"}));
        find->next();
        QCOMPARE(find->current(), QStringLiteral("c"));
        QCOMPARE(scene()->selectedTaskNames(), QStringList{"c"});
        QCOMPARE(scene()->node("c")->highlight(), NodeItem::Highlight::CurrentMatch);
        QCOMPARE(scene()->node("yes")->highlight(), NodeItem::Highlight::Found);
        find->next();
        find->next();
        QCOMPARE(find->current(), QStringLiteral("no"));
        QVERIFY(view()->mapToScene(view()->viewport()->rect()).boundingRect().contains(scene()->node("no")->sceneBodyRect().center()));
        find->next();
        QCOMPARE(find->current(), QStringLiteral("c"));
        find->previous();
        QCOMPARE(find->current(), QStringLiteral("no"));
        find->setText("needle");  // script text
        QCOMPARE(find->matches(), QStringList{"b"});
        find->setText("io");  // a tag
        QVERIFY(find->matches().contains("a"));
        find->hide();
        QCOMPARE(scene()->node("a")->highlight(), NodeItem::Highlight::None);
    }

    void alignAndDistribute() {
        m_doc->moveTasks({{"a", QPointF(0, 40)}, {"b", QPointF(240, -20)}, {"c", QPointF(600, 100)}});
        scene()->selectItems({{"a", "b", "c"}, {}, {}});
        scene()->alignSelection(FlowScene::Alignment::Top);
        QCOMPARE(m_doc->flow().layout.value("a").y, -20.0);
        QCOMPARE(m_doc->flow().layout.value("c").y, -20.0);
        scene()->distributeSelection(Qt::Horizontal);
        QCOMPARE(m_doc->flow().layout.value("b").x, 300.0);
        scene()->alignSelection(FlowScene::Alignment::Left);
        QCOMPARE(m_doc->flow().layout.value("c").x, 0.0);
        QCOMPARE(m_doc->undoStack()->count(), 4);
        checkMirrorsDocument();
    }

    void runStatesNeverTouchTheDocument() {
        const QByteArray before = m_doc->text();
        m_editor->setRunStates({{"a", RunState::Completed}, {"b", RunState::Running}});
        QVERIFY(scene()->node("a")->runState() == RunState::Completed);
        QVERIFY(!scene()->node("c")->runState());
        QCOMPARE(m_doc->text(), before);
        QCOMPARE(m_doc->undoStack()->count(), 0);
        m_doc->moveTasks({{"a", QPointF(0, 40)}});
        m_doc->undoStack()->undo();
        QVERIFY(scene()->node("a")->runState() == RunState::Completed);
    }

    void copyPasteGoesThroughTheClipboardAsYaml() {
        scene()->selectItems({{"a", "b"}, {}, {}});
        scene()->copySelection();
        const QMimeData *mime = QApplication::clipboard()->mimeData();
        QVERIFY(mime->hasFormat(FlowScene::mimeType));
        QVERIFY(mime->text().startsWith("apiVersion: flowdeck/v1"));

        FlowDocument other;
        FlowScene otherScene(&other);
        const QPointF at(100, 100);
        QVERIFY(otherScene.paste(&at));
        QCOMPARE(other.flow().task("b")->upstreamNames(), QStringList{"a"});
        QCOMPARE(other.flow().layout.value("a"), (NodePosition{100, 100}));
        QCOMPARE(otherScene.nodeCount(), 2);
        QCOMPARE(otherScene.selectedTaskNames(), QStringList({"a", "b"}));

        QApplication::clipboard()->setText("plain words");
        QSignalSpy status(&otherScene, &FlowScene::statusMessage);
        QVERIFY(!otherScene.paste());
        QCOMPARE(status.count(), 1);
    }

    void duplicateCutAndDeleteAreOneStepEach() {
        scene()->selectItems({{"b", "c"}, {}, {}});
        scene()->duplicateSelection();
        QCOMPARE(scene()->selectedTaskNames(), QStringList({"b_2", "c_2"}));
        QCOMPARE(m_doc->flow().task("c_2")->upstreamNames(), QStringList{"b_2"});
        scene()->cutSelection();
        QVERIFY(!m_doc->flow().task("b_2"));
        scene()->selectItems({{"check"}, {}, {}});
        scene()->deleteSelection();
        QVERIFY(!m_doc->flow().task("check"));
        QCOMPARE(m_doc->undoStack()->count(), 3);
        checkMirrorsDocument();
    }

    void autoLayoutPlacesEveryTaskLeftToRight() {
        scene()->autoLayout();
        QCOMPARE(m_doc->undoStack()->count(), 1);
        const Flow &f = m_doc->flow();
        QVERIFY(f.layout.value("b").x > f.layout.value("a").x);
        QVERIFY(f.layout.value("check").x > f.layout.value("c").x);
        // no two nodes overlap
        QList<QRectF> boxes;
        for (const Task &t : f.tasks) boxes << scene()->node(t.name)->sceneBodyRect();
        for (int i = 0; i < boxes.size(); ++i)
            for (int j = i + 1; j < boxes.size(); ++j) QVERIFY(!boxes[i].intersects(boxes[j]));
        checkMirrorsDocument();
    }

    void middleButtonPansAndDoubleClickOpensQuickAdd() {
        QWidget *vp = view()->viewport();
        const QPointF centre = view()->mapToScene(vp->rect().center());
        sendMouse(vp, QEvent::MouseButtonPress, QPoint(400, 400), Qt::MiddleButton, Qt::MiddleButton);
        sendMouse(vp, QEvent::MouseMove, QPoint(300, 350), Qt::NoButton, Qt::MiddleButton);
        sendMouse(vp, QEvent::MouseButtonRelease, QPoint(300, 350), Qt::MiddleButton, Qt::NoButton);
        QCOMPARE(view()->mapToScene(vp->rect().center()), centre + QPointF(100, 50));
        QCOMPARE(m_doc->undoStack()->count(), 0);

        QSignalSpy requested(scene(), &FlowScene::quickAddRequested);
        const QPoint empty = view()->mapFromScene(QPointF(600, 400));
        QTest::mouseDClick(vp, Qt::LeftButton, {}, empty);
        QCOMPARE(requested.count(), 1);
        QVERIFY(!requested.at(0).at(1).value<PendingWire>().isValid());
        if (QWidget *popup = QApplication::activePopupWidget()) popup->close();
    }

    void viewZoomsAroundThePointerAndFits() {
        const QPoint pointer(300, 200);
        const QPointF under = view()->mapToScene(pointer);
        view()->zoomBy(1.5, pointer);
        QVERIFY(qAbs(view()->zoom() - 1.5) < 1e-9);
        QVERIFY(QLineF(view()->mapToScene(pointer), under).length() < 2.0);
        view()->fitAll();
        const QRectF visible = view()->mapToScene(view()->viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(scene()->contentRect()));
        view()->zoomToActualSize();
        QCOMPARE(view()->zoom(), 1.0);
    }

    void theEditorShowsGridMinimapAndMarkers() {
        Task broken = *m_doc->flow().task("c");
        broken.after.push_back(Dependency::fromString("missing"));
        m_doc->updateTask("c", broken, "break");
        m_doc->addNote({"Check the branch\nbefore release", 0, 160, 220, 90});
        m_doc->addGroup({"Build", -20, -60, 740, 180});
        m_editor->setRunStates({{"a", RunState::Completed}, {"b", RunState::Running}, {"c", RunState::Failed}});
        scene()->selectItems({{"check"}, {}, {}});
        view()->fitAll();
        QTest::qWait(300);  // the minimap redraws once edits settle
        const QImage shot = m_editor->grab().toImage();
        QVERIFY(distinctColours(shot) > 50);
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QVERIFY(shot.save(QDir(out).filePath("editor.png")));
        QCOMPARE(m_doc->problems().front().task, QStringLiteral("c"));
    }

    void aDarkPaletteRendersLightTextOnDarkNodes() {
        FlowDocument doc;
        QVERIFY(doc.load(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/hello.flow.yaml"), nullptr));
        FlowScene dark(&doc);
        QPalette palette = darkPaletteWithLightPlaceholder();
        palette.setColor(QPalette::Base, QColor(0x33, 0x36, 0x3a));
        palette.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa4, 0xa8));
        dark.setPalette(palette);
        const QImage image = GraphExport::toImage(&dark);
        QCOMPARE(QColor(image.pixel(4, 4)), QColor(0x26, 0x28, 0x2b));
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QVERIFY(image.save(QDir(out).filePath("hello-dark.png")));
    }

    void badgesAndBrokenWiresRenderOnADarkTheme() {
        auto doc = loadFlow("dark.flow.yaml", R"(apiVersion: flowdeck/v1
kind: Flow
name: dark
tasks:
  extract:
    kind: shell
    retries: 2
    timeout: 5m
    cache: {}
    script: echo
  load:
    kind: shell
    after: [extract, transfrom]
    trigger: all_done
    script: echo
layout:
  extract: [0, 0]
  load: [240, 0]
)");
        QVERIFY(doc);
        FlowScene dark(doc.get());
        dark.setPalette(darkPaletteWithLightPlaceholder());
        const QImage image = GraphExport::toImage(&dark);
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QVERIFY(image.save(QDir(out).filePath("badges-dark.png")));
        // The broken wire's red shows on the dark canvas.
        int red = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (QColor(image.pixel(x, y)) == KindStyle::brokenColour()) ++red;
        QVERIFY2(red > 20, qPrintable(QString::number(red)));
    }

    void subtitlesStayReadableOnADarkThemeWithALightPlaceholder() {
        FlowDocument doc;
        Task task;
        task.name = "fetch";
        task.kind = TaskKind::Shell;
        doc.addTask(task, {0, 0});
        FlowScene dark(&doc);
        const QPalette palette = darkPaletteWithLightPlaceholder();
        QVERIFY2(luminanceGap(palette.color(QPalette::PlaceholderText), palette.color(QPalette::Base)) < 100,
                 "the placeholder grey is the light theme's: dark");
        dark.setPalette(palette);
        QImage image(int(canvas::nodeWidth), int(canvas::nodeHeight), QImage::Format_ARGB32);
        image.fill(palette.color(QPalette::Window));
        {
            QPainter painter(&image);
            dark.render(&painter, QRectF(image.rect()), dark.node("fetch")->sceneBodyRect());
        }
        // The subtitle ("shell") is drawn at 50..168 x 31..49; the strongest pixel there is its ink.
        const QColor base = palette.color(QPalette::Base);
        int gap = 0;
        for (int y = 33; y < 48; ++y)
            for (int x = 50; x < 160; ++x) gap = std::max(gap, luminanceGap(image.pixelColor(x, y), base));
        QVERIFY2(gap > 90, qPrintable(QString::number(gap)));
    }

    void cachedNodesAndGridRepaintWhenTheThemeChanges() {
        const QPalette light = QApplication::palette();
        const auto restore = qScopeGuard([&] { QApplication::setPalette(light); });
        const NodeItem *lone = scene()->node("lone");
        // Right of the subtitle, above the bottom: plain node background.
        const QPoint inNode = view()->mapFromScene(lone->mapToScene(QPointF(canvas::nodeWidth - 8, 52)));
        const QPoint onCanvas = view()->mapFromScene(QPointF(110, 210));  // between grid lines
        QImage shot = view()->viewport()->grab().toImage();
        QCOMPARE(shot.pixelColor(inNode), light.color(QPalette::Base));

        const QPalette dark = darkPaletteWithLightPlaceholder();
        QApplication::setPalette(dark);
        QTest::qWait(50);
        shot = view()->viewport()->grab().toImage();
        QCOMPARE(shot.pixelColor(inNode), dark.color(QPalette::Base));
        QVERIFY2(luminanceGap(shot.pixelColor(onCanvas), dark.color(QPalette::Window)) < 10,
                 qPrintable(shot.pixelColor(onCanvas).name()));
    }

    /// A document loaded from @p yaml, written to a file of the test's folder first.
    std::unique_ptr<FlowDocument> loadFlow(const QString &fileName, const QByteArray &yaml) {
        const QString path = m_dir.filePath(fileName);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return nullptr;
        file.write(yaml);
        file.close();
        auto doc = std::make_unique<FlowDocument>();
        QString error;
        if (!doc->load(path, &error)) return nullptr;
        return doc;
    }

    void aLongNameIsShownWholeWhenTheNodeCanWiden() {
        auto doc = loadFlow("names.flow.yaml", R"(apiVersion: flowdeck/v1
kind: Flow
name: names
tasks:
  validate_schema:
    kind: noop
  aggregate_daily_results:
    kind: noop
  an_extremely_long_task_name_that_no_sensible_node_can_hold_whole:
    kind: noop
  a:
    kind: noop
)");
        QVERIFY(doc);
        FlowScene scene(doc.get());
        for (const QString name : {"validate_schema", "aggregate_daily_results"}) {
            const NodeItem *n = scene.node(name);
            QCOMPARE(n->shownName(), name);
            QVERIFY(n->width() >= canvas::nodeWidth && n->width() < canvas::maxNodeWidth);
        }
        QVERIFY2(scene.node("aggregate_daily_results")->width() > canvas::nodeWidth, "it widened to hold its name");
        QCOMPARE(scene.node("a")->width(), canvas::nodeWidth);
        const NodeItem *longest = scene.node("an_extremely_long_task_name_that_no_sensible_node_can_hold_whole");
        QCOMPARE(longest->width(), canvas::maxNodeWidth);
        QVERIFY(longest->shownName() != longest->name());
        QVERIFY(longest->shownName().contains(QChar(0x2026)));
        QVERIFY(longest->toolTip().contains(longest->name()));
        // The output port follows the right edge of a wider node.
        QCOMPARE(longest->portScenePos(Port::Output).x(), longest->sceneBodyRect().right());
    }

    void badgesShowRetriesTimeoutCacheTriggerAndMapClearOfThePorts() {
        auto doc = loadFlow("badges.flow.yaml", R"(apiVersion: flowdeck/v1
kind: Flow
name: badges
parameters:
  datasets:
    type: list
    default: [a, b]
tasks:
  plain:
    kind: shell
    script: echo
  busy:
    kind: python
    after: [plain]
    map: datasets
    retries: 3
    timeout: 10m
    trigger: any_failed
    cache:
      policy: inputs
    script: print()
  check:
    kind: branch
    after: [plain]
    retries: 2
    timeout: 90s
    script: exit 0
)");
        QVERIFY(doc);
        FlowScene scene(doc.get());
        QCOMPARE(scene.node("plain")->badgeTexts(), QStringList());
        const NodeItem *busy = scene.node("busy");
        QCOMPARE(busy->badgeTexts(),
                 QStringList({"any_failed", QString::fromUtf8("\u21c9 datasets"), QString::fromUtf8("\u21bb3"),
                              QString::fromUtf8("\u25f710m"), "cache"}));
        QVERIFY(busy->toolTip().contains("Retries: 3"));
        QVERIFY(busy->toolTip().contains("Trigger rule any_failed"));
        QVERIFY(busy->toolTip().contains("Cache: inputs"));
        QCOMPARE(busy->subtitle(), QStringLiteral("python"));
        const NodeItem *check = scene.node("check");
        for (const NodeItem *n : {busy, check}) {
            const QList<QRectF> rects = n->badgeRects();
            QCOMPARE(rects.size(), n->badgeTexts().size());
            for (int i = 0; i < rects.size(); ++i) {
                const QString text = n->badgeTexts()[i];
                if (text == "any_failed") {  // a tab on the top edge, over the input side
                    QVERIFY(rects[i].top() < 0 && rects[i].bottom() > 0 && rects[i].bottom() < 12);
                    QVERIFY(rects[i].left() > canvas::portRadius + 2 && rects[i].right() < n->width() - 20);
                    continue;
                }
                QVERIFY2(n->bodyRect().contains(rects[i]), qPrintable(text));
                QVERIFY(rects[i].left() >= 48);  // right of the kind's glyph
                if (i > 0) QVERIFY(!rects[i].intersects(rects[i - 1]));
                for (Port p : {Port::Input, Port::Output, Port::OutputTrue, Port::OutputFalse}) {
                    const QPointF port = n->mapFromScene(n->portScenePos(p));
                    const double r = canvas::portRadius + 2;
                    QVERIFY2(!rects[i].intersects(QRectF(port - QPointF(r, r), QSizeF(2 * r, 2 * r))),
                             qPrintable(n->name() + " " + n->badgeTexts()[i]));
                }
                QVERIFY(rects[i].top() >= 30);  // the name's line stays the name's
            }
        }
        // Legible on light and dark themes alike: the badge's text stands out from its fill.
        for (const QPalette &palette : {QApplication::palette(), darkPaletteWithLightPlaceholder()})
            QVERIFY(luminanceGap(badgeFill(palette), palette.color(QPalette::Text)) > 150);
        QVERIFY(luminanceGap(KindStyle::triggerColour(), Qt::white) > 120);

        // Under badges the kind's subtitle has no room; a run's state must still show whole
        // (the screenshots showed "flaky" retrying with no word of it), and the badges return after.
        NodeItem *running = scene.node("busy");
        QCOMPARE(running->shownSubtitle(), QString());
        running->setRunState(RunState::Retrying, QStringLiteral("Attempt 2 of 4"));
        QVERIFY(!running->showsSettingBadges());
        QCOMPARE(running->shownSubtitle(), QStringLiteral("Attempt 2 of 4"));
        running->setRunState(std::nullopt);
        QVERIFY(running->showsSettingBadges());
        QCOMPARE(running->shownSubtitle(), QString());

        // Editing a setting updates the badges.
        Task calmer = *doc->flow().task("busy");
        calmer.retries = 0;
        calmer.trigger = TriggerRule::AllSuccess;
        doc->updateTask("busy", calmer, "calm");
        QCOMPARE(scene.node("busy")->badgeTexts().size(), 3);
        QVERIFY(!scene.node("busy")->badgeTexts().contains("any_failed"));
    }

    // retries: 3 allows 4 attempts; the node counts attempts, so "2 of 4" is never read as a 4th retry.
    void liveTextCountsAttemptsOfAllTheTaskMayTake() {
        LiveTask t;
        t.startMs = 1000;
        t.state = RunState::Running;
        t.attempt = 1;
        QCOMPARE(nodeRunText(t, 4, 8000).detail, QString::fromUtf8("Running \u00b7 0:07"));
        t.state = RunState::AwaitingRetry;
        QCOMPARE(nodeRunText(t, 4, 8000).detail, QStringLiteral("Attempt 2 of 4 soon"));
        t.state = RunState::Retrying;
        t.attempt = 2;
        QCOMPARE(nodeRunText(t, 4, 2000).detail, QString::fromUtf8("Attempt 2 of 4 \u00b7 0:01"));
    }

    void edgesIntoANonDefaultTriggerAreDashedAmberAndNameTheRule() {
        auto edge = [&](const QString &up, const QString &down) -> EdgeItem * {
            for (EdgeItem *e : scene()->edges())
                if (e->upstream() == up && e->downstream() == down) return e;
            return nullptr;
        };
        QCOMPARE(edge("b", "c")->pen().style(), Qt::SolidLine);
        QVERIFY(edge("b", "c")->toolTip().isEmpty());
        Task c = *m_doc->flow().task("c");
        c.trigger = TriggerRule::AnyFailed;
        m_doc->updateTask("c", c, "trigger");
        EdgeItem *into = edge("b", "c");
        QVERIFY(into);
        QCOMPARE(into->pen().style(), Qt::DashDotLine);
        QCOMPARE(into->pen().color(), KindStyle::triggerColour());
        QVERIFY2(into->toolTip().contains("any_failed") && into->toolTip().contains("at least one upstream failed"),
                 qPrintable(into->toolTip()));
        QCOMPARE(edge("a", "b")->pen().style(), Qt::SolidLine);  // the rule is c's, not b's
        QCOMPARE(edge("c", "check")->pen().style(), Qt::SolidLine);
        // Drawn so from the file too, not only after an edit.
        QVERIFY(m_doc->save(nullptr));
        QVERIFY(m_doc->load(m_doc->filePath(), nullptr));
        QCOMPARE(edge("b", "c")->pen().style(), Qt::DashDotLine);
    }

    void parallelWiresAroundTheSameNodesRunApart() {
        FlowDocument doc;
        QVERIFY(doc.load(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/ml-training.flow.yaml"), nullptr));
        FlowScene scene(&doc);
        for (const QString down : {"publish_model", "report_underfit"}) {
            const EdgeItem *fromTrain = nullptr, *fromEvaluate = nullptr;
            for (EdgeItem *e : scene.edges()) {
                if (e->downstream() != down) continue;
                if (e->upstream() == "train_model") fromTrain = e;
                if (e->upstream() == "evaluate") fromEvaluate = e;
            }
            QVERIFY(fromTrain && fromEvaluate);
            QVERIFY(fromTrain->path() != fromEvaluate->path());
            // Where both run side by side (past evaluate, before the last bend), they are apart.
            const double left = scene.node("good_enough")->sceneBodyRect().left();
            const double right = scene.node("good_enough")->sceneBodyRect().right();
            int compared = 0;
            for (int i = 0; i <= 200; ++i) {
                const QPointF p = fromTrain->path().pointAtPercent(i / 200.0);
                if (p.x() < left || p.x() > right) continue;
                double nearest = 1e9;
                for (int j = 0; j <= 400; ++j)
                    nearest = std::min(nearest, QLineF(p, fromEvaluate->path().pointAtPercent(j / 400.0)).length());
                QVERIFY2(nearest >= 4, qPrintable(QStringLiteral("%1: %2 px apart at x %3").arg(down).arg(nearest).arg(p.x())));
                ++compared;
            }
            QVERIFY(compared > 5);
        }
    }

    void anUnknownUpstreamIsDrawnAsABrokenWireNamingIt() {
        auto doc = loadFlow("broken.flow.yaml", R"(apiVersion: flowdeck/v1
kind: Flow
name: broken
tasks:
  transform:
    kind: noop
  load:
    kind: noop
    after: [transfrom, transform]
layout:
  transform: [0, 0]
  load: [240, 0]
)");
        QVERIFY(doc);
        FlowScene scene(doc.get());
        QCOMPARE(scene.edges().size(), 2);
        EdgeItem *broken = nullptr;
        for (EdgeItem *e : scene.edges())
            if (e->isDangling()) broken = e;
        QVERIFY(broken);
        QCOMPARE(broken->upstream(), QStringLiteral("transfrom"));
        QCOMPARE(broken->downstream(), QStringLiteral("load"));
        QTRY_COMPARE(broken->toolTip(), QStringLiteral("no task named 'transfrom' (did you mean 'transform'?)"));
        QCOMPARE(broken->pen().color(), KindStyle::brokenColour());
        QCOMPARE(broken->pen().style(), Qt::CustomDashLine);
        // It ends at load's input, and starts from nothing: left of load, clear of transform.
        const QPointF input = scene.node("load")->portScenePos(Port::Input);
        QVERIFY(broken->isNear(input - QPointF(canvas::portRadius + 2, 0), 4));
        QVERIFY(!scene.node("transform")->sceneBodyRect().contains(broken->path().pointAtPercent(0)));
        QVERIFY(broken->path().pointAtPercent(0).y() < scene.node("load")->sceneBodyRect().top());  // it hangs from above

        // Mending the name turns it into an ordinary edge.
        Task load = *doc->flow().task("load");
        load.after = {Dependency::fromString("transform")};
        doc->updateTask("load", load, "fix");
        QCOMPARE(scene.edges().size(), 1);
        QVERIFY(!scene.edges().front()->isDangling());
        // Selected and deleted, a broken wire takes the bad reference with it.
        doc->undoStack()->undo();
        QCOMPARE(scene.edges().size(), 2);
        scene.node("load")->setSelected(false);
        for (EdgeItem *e : scene.edges()) e->setSelected(e->isDangling());
        scene.deleteSelection();
        QCOMPARE(doc->flow().task("load")->upstreamNames(), QStringList{"transform"});
        QCOMPARE(scene.edges().size(), 1);
    }

    void everyExampleRendersToAPicture_data() {
        QTest::addColumn<QString>("path");
        const QDir examples(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples"));
        for (const QString &name : examples.entryList({"*.flow.yaml"}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << examples.filePath(name);
    }
    void everyExampleRendersToAPicture() {
        QFETCH(QString, path);
        FlowDocument doc;
        QString error;
        QVERIFY2(doc.load(path, &error), qPrintable(error));
        FlowScene scene(&doc);
        QCOMPARE(scene.nodeCount(), int(doc.flow().tasks.size()));
        const QImage image = GraphExport::toImage(&scene);
        QVERIFY(image.width() > 200 && image.height() > 100);
        const int colours = distinctColours(image);
        QVERIFY2(colours > 20, qPrintable(QString::number(colours)));
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        const QString png = QDir(out).filePath(QFileInfo(path).completeBaseName() + ".png");
        QCOMPARE(GraphExport::savePng(&scene, png), QString());
        QVERIFY(QImage(png).size() == image.size());
        const QString svg = QDir(out).filePath(QFileInfo(path).completeBaseName() + ".svg");
        QCOMPARE(GraphExport::saveSvg(&scene, svg), QString());
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QVERIFY(svgFile.readAll().contains("<svg"));
    }
};

QTEST_MAIN(TestCanvas)
#include "test_canvas.moc"
