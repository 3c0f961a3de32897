// The editor's smaller usability promises (issue 8, defect 7): the view after auto-layout and its
// zoom percentage, warnings and names of delete steps, selection after undo, the task context
// menu, the inspector after Quick-Add, the cheat sheet, the session at start and narrow docks.
// Real windows (offscreen) over real files.

#include "../common/IsolatedSettings.h"
#include "MainWindow.h"
#include "TaskTree.h"
#include "docks/ParameterTable.h"
#include "docks/FlowPropertiesPanel.h"
#include "docks/ShortcutSheet.h"
#include "docks/TaskInspector.h"
#include "documents/EditorTab.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"
#include "editor/FlowView.h"
#include "editor/QuickAddPopup.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace flowdeck;

namespace {

// extract feeds transform and load; transform feeds load.
const char *etlFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: etl
tasks:
  extract:
    kind: shell
    script: echo extract
  transform:
    kind: shell
    after: [extract]
    script: echo transform
  load:
    kind: shell
    after: [extract, transform]
    script: echo load
  report:
    kind: noop
)";

QString writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

}  // namespace

class TestEditorUsability : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void autoLayoutFitsTheViewToTheNewLayout();
    void theStatusBarShowsTheZoomOfTheCurrentCanvas();
    void deletingATaskOthersDependOnAsksFirst();
    void historyNamesWhatADeleteRemoved();
    void pasteAndDuplicateStepsSpeakProperPlurals();
    void undoAndRedoSelectTheTasksTheyTouched();
    void rightClickOnATaskSelectsItAndOffersTaskActions();
    void quickAddShowsTheNewTaskInTheInspector();
    void theCheatSheetShowsEveryTextWhole();
    void theCheatSheetNamesDocksNotTheirTitles();
    void reloadFromDiskHasOneShortcutEverywhere();
    void aFolderOpensWithItsTutorialOnAFirstStart();
    void theExamplesOpenWithTheHelloTour();
    void theNextStartRestoresTheLastSessionsTabs();
    void aNarrowParameterTableKeepsMinAndMaxInView();
    void cutTextsInNarrowDocksAreWholeInTheirTooltips();

private:
    MainWindow *newWindow();
    QString etlPath();
    FlowEditor *editor() const { return m_window->currentTab()->editor(); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_autosaveDir;
    std::unique_ptr<MainWindow> m_window;
};

void TestEditorUsability::initTestCase() {
    flowdeck::test::isolateSettings(m_settingsDir.path(), QStringLiteral("test_editor_usability"));
    qputenv("FLOWDECK_TRUST_FILE", m_settingsDir.filePath(QStringLiteral("trusted-workspaces")).toUtf8());
}

void TestEditorUsability::init() {
    QSettings().clear();  // every test starts as a first start
    m_dir = std::make_unique<QTemporaryDir>();
    m_autosaveDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid() && m_autosaveDir->isValid());
}

void TestEditorUsability::cleanup() { m_window.reset(); }

MainWindow *TestEditorUsability::newWindow() {
    m_window = std::make_unique<MainWindow>();
    m_window->setInteractive(false);
    m_window->autosaveStore().setFolder(m_autosaveDir->path());
    m_window->resize(1400, 900);
    return m_window.get();
}

QString TestEditorUsability::etlPath() {
    return writeFile(m_dir->filePath(QStringLiteral("etl.flow.yaml")), etlFlow);
}

// ----- 1. the view after auto-layout, and the zoom percentage ------------------------------------

void TestEditorUsability::autoLayoutFitsTheViewToTheNewLayout() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    FlowView *view = editor()->view();
    // Looking closely at a corner far from every task.
    view->zoomBy(FlowView::maxZoom / view->zoom(), view->viewport()->rect().center());
    view->centerOn(5000, 5000);
    editor()->action(QStringLiteral("arrange.autoLayout"))->trigger();
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    for (const char *name : {"extract", "transform", "load", "report"}) {
        NodeItem *node = editor()->scene()->node(QString::fromLatin1(name));
        QVERIFY(node);
        QVERIFY2(visible.contains(node->sceneBoundingRect()), qPrintable(name));
    }
}

void TestEditorUsability::theStatusBarShowsTheZoomOfTheCurrentCanvas() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *label = window->findChild<QLabel *>(QStringLiteral("zoomLabel"));
    QVERIFY(label);
    FlowView *view = editor()->view();
    editor()->action(QStringLiteral("view.actualSize"))->trigger();
    QCOMPARE(label->text(), QStringLiteral("100%"));
    editor()->action(QStringLiteral("view.zoomIn"))->trigger();
    QCOMPARE(label->text(), QStringLiteral("125%"));
    view->zoomBy(0.5, view->viewport()->rect().center());
    QCOMPARE(label->text(), QStringLiteral("63%"));  // 62.5 rounds up

    // A second tab has its own zoom; switching back shows the first one's again.
    QVERIFY(window->openFlow(writeFile(m_dir->filePath(QStringLiteral("other.flow.yaml")), etlFlow)));
    FlowView *second = window->currentTab()->editor()->view();
    second->zoomBy(2.0 / second->zoom(), second->viewport()->rect().center());
    QCOMPARE(label->text(), QStringLiteral("200%"));
    window->tabs()->setCurrentIndex(0);
    QCOMPARE(label->text(), QStringLiteral("63%"));
}

// ----- 2. delete warns, and History names the step ----------------------------------------------

void TestEditorUsability::deletingATaskOthersDependOnAsksFirst() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    QStringList askedDeleted, askedLosing;
    bool answer = false;
    window->setDeletePrompt([&](const QStringList &deleted, const QStringList &losing) {
        askedDeleted = deleted;
        askedLosing = losing;
        return answer;
    });
    FlowDocument *document = window->currentDocument();
    const int steps = document->undoStack()->count();
    window->currentTab()->selectTask(QStringLiteral("extract"));
    editor()->action(QStringLiteral("edit.delete"))->trigger();
    QCOMPARE(askedDeleted, QStringList{QStringLiteral("extract")});
    QCOMPARE(askedLosing, (QStringList{QStringLiteral("transform"), QStringLiteral("load")}));
    QVERIFY(document->flow().task(QStringLiteral("extract")));  // "Cancel" keeps it
    QCOMPARE(document->undoStack()->count(), steps);

    answer = true;
    editor()->action(QStringLiteral("edit.delete"))->trigger();
    QVERIFY(!document->flow().task(QStringLiteral("extract")));
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("transform, load")),
             qPrintable(window->statusBar()->currentMessage()));

    // A task nobody runs after goes without a question.
    askedDeleted.clear();
    window->currentTab()->selectTask(QStringLiteral("report"));
    editor()->action(QStringLiteral("edit.delete"))->trigger();
    QVERIFY(!document->flow().task(QStringLiteral("report")));
    QVERIFY(askedDeleted.isEmpty());
}

void TestEditorUsability::historyNamesWhatADeleteRemoved() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->setDeletePrompt([](const QStringList &, const QStringList &) { return true; });
    QUndoStack *undo = window->currentDocument()->undoStack();
    FlowScene *scene = editor()->scene();
    scene->selectItems({{QStringLiteral("extract")}, {}, {}});
    scene->deleteSelection();
    QCOMPARE(undo->text(undo->index() - 1), QStringLiteral("Delete task 'extract'"));
    undo->undo();
    scene->selectItems({{QStringLiteral("extract"), QStringLiteral("transform"), QStringLiteral("report")}, {}, {}});
    scene->deleteSelection();
    QCOMPARE(undo->text(undo->index() - 1), QStringLiteral("Delete 3 tasks"));
    undo->undo();
    scene->selectItems({{QStringLiteral("load")}, {}, {}});
    editor()->action(QStringLiteral("edit.cut"))->trigger();
    QCOMPARE(undo->text(undo->index() - 1), QStringLiteral("Cut task 'load'"));
}

void TestEditorUsability::pasteAndDuplicateStepsSpeakProperPlurals() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    QUndoStack *undo = window->currentDocument()->undoStack();
    FlowScene *scene = editor()->scene();
    scene->selectItems({{QStringLiteral("report")}, {}, {}});
    scene->copySelection();
    QVERIFY(scene->paste());
    QCOMPARE(undo->text(undo->index() - 1), QStringLiteral("Paste 1 task"));
    scene->selectItems({{QStringLiteral("extract"), QStringLiteral("transform"), QStringLiteral("load")}, {}, {}});
    scene->copySelection();
    QVERIFY(scene->paste());
    QCOMPARE(undo->text(undo->index() - 1), QStringLiteral("Paste 3 tasks"));
    scene->selectItems({{QStringLiteral("report")}, {}, {}});
    scene->duplicateSelection();
    QCOMPARE(undo->text(undo->index() - 1), QStringLiteral("Duplicate task 'report'"));
}

// ----- 3. undo and redo reselect --------------------------------------------------------------

void TestEditorUsability::undoAndRedoSelectTheTasksTheyTouched() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->setDeletePrompt([](const QStringList &, const QStringList &) { return true; });
    FlowDocument *document = window->currentDocument();
    QUndoStack *undo = document->undoStack();
    FlowScene *scene = editor()->scene();
    const QStringList none;

    Task load = *document->flow().task(QStringLiteral("load"));
    load.retries = 4;
    document->updateTask(QStringLiteral("load"), load, QStringLiteral("Retries of load"));
    scene->selectItems({{QStringLiteral("report")}, {}, {}});
    undo->undo();
    QCOMPARE(scene->selectedTaskNames(), QStringList{QStringLiteral("load")});
    QCOMPARE(window->inspector()->task(), QStringLiteral("load"));  // the inspector shows it back
    scene->selectItems({});
    undo->redo();
    QCOMPARE(scene->selectedTaskNames(), QStringList{QStringLiteral("load")});

    // Undoing a delete selects the task that came back (not the ones that got their upstream back).
    scene->selectItems({{QStringLiteral("extract")}, {}, {}});
    QVERIFY(scene->deleteSelection());
    QCOMPARE(scene->selectedTaskNames(), none);
    undo->undo();
    QCOMPARE(scene->selectedTaskNames(), QStringList{QStringLiteral("extract")});

    // A move: the moved tasks.
    document->moveTasks({{QStringLiteral("transform"), QPointF(400, 400)}});
    scene->selectItems({});
    undo->undo();
    QCOMPARE(scene->selectedTaskNames(), QStringList{QStringLiteral("transform")});

    // Undoing an add leaves nothing of it to select.
    const QString added = document->addTask(Task{}, QPointF(0, 600));
    scene->selectItems({{added}, {}, {}});
    undo->undo();
    QCOMPARE(scene->selectedTaskNames(), none);

    // A new edit is no replay: it keeps the selection it was made with.
    scene->selectItems({{QStringLiteral("report")}, {}, {}});
    document->moveTasks({{QStringLiteral("extract"), QPointF(0, 800)}});
    QCOMPARE(scene->selectedTaskNames(), QStringList{QStringLiteral("report")});
}

// ----- 4. the context menu of a task -----------------------------------------------------------

namespace {

QStringList actionTexts(const QMenu &menu) {
    QStringList texts;
    for (const QAction *a : menu.actions())
        if (!a->isSeparator()) texts << a->text().remove(QLatin1Char('&'));
    return texts;
}

QAction *actionNamed(const QMenu &menu, const QString &objectName) {
    for (QAction *a : menu.actions())
        if (a->objectName() == objectName) return a;
    return nullptr;
}

}  // namespace

void TestEditorUsability::rightClickOnATaskSelectsItAndOffersTaskActions() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    FlowView *view = editor()->view();
    FlowScene *scene = editor()->scene();
    const auto pointOf = [&](const char *task) {
        return view->mapFromScene(scene->node(QString::fromLatin1(task))->sceneBodyRect().center());
    };
    scene->selectItems({{QStringLiteral("extract")}, {}, {}});

    std::unique_ptr<QMenu> menu = editor()->contextMenuAt(pointOf("transform"));
    QCOMPARE(scene->selectedTaskNames(), QStringList{QStringLiteral("transform")});
    const QStringList texts = actionTexts(*menu);
    for (const char *expected : {"Rename…", "Duplicate", "Delete", "Copy", "Cut"})
        QVERIFY2(texts.contains(QString::fromUtf8(expected)), qPrintable(texts.join(", ")));
    QVERIFY(!texts.contains(QStringLiteral("Add Task Here…")));
    actionNamed(*menu, QStringLiteral("task.rename"))->trigger();
    QCOMPARE(window->inspector()->task(), QStringLiteral("transform"));
    QVERIFY(window->inspector()->isVisible());
    actionNamed(*menu, QStringLiteral("edit.duplicate"))->trigger();
    QVERIFY(window->currentDocument()->flow().task(QStringLiteral("transform_2")));

    // On a task of a selection, the selection stays, and renaming one of several is not offered.
    scene->selectItems({{QStringLiteral("extract"), QStringLiteral("load")}, {}, {}});
    menu = editor()->contextMenuAt(pointOf("load"));
    QCOMPARE(scene->selectedTaskNames(), (QStringList{QStringLiteral("extract"), QStringLiteral("load")}));
    QVERIFY(!actionNamed(*menu, QStringLiteral("task.rename"))->isEnabled());

    // On empty canvas: adding things, as before.
    menu = editor()->contextMenuAt(view->mapFromScene(scene->contentRect().bottomRight() + QPointF(300, 300)));
    QVERIFY(actionTexts(*menu).contains(QStringLiteral("Add Task Here…")));
}

// ----- 5. Quick-Add shows the new task ------------------------------------------------------------

namespace {

// The title of the dock in front among those tabbed with the dock titled @p title.
QString frontDockOf(const MainWindow *window, const QString &title) {
    for (const QTabBar *bar : window->findChildren<QTabBar *>()) {
        for (int i = 0; i < bar->count(); ++i)
            if (bar->tabText(i) == title) return bar->tabText(bar->currentIndex());
    }
    return QString();
}

}  // namespace

void TestEditorUsability::quickAddShowsTheNewTaskInTheInspector() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->action(QStringLiteral("flowProperties"))->trigger();  // the Flow tab in front
    QCOMPARE(frontDockOf(window, QStringLiteral("Inspector")), QStringLiteral("Flow"));

    FlowView *view = editor()->view();
    view->openQuickAdd(QPointF(600, 600), {});
    auto *popup = view->findChild<QuickAddPopup *>();
    QVERIFY(popup);
    popup->setFilter(QStringLiteral("python"));
    popup->acceptCurrent();
    const QStringList selected = editor()->scene()->selectedTaskNames();
    QCOMPARE(selected.size(), 1);
    QVERIFY(window->currentDocument()->flow().task(selected.front())->kind == TaskKind::Python);
    QCOMPARE(window->inspector()->task(), selected.front());
    QCOMPARE(frontDockOf(window, QStringLiteral("Inspector")), QStringLiteral("Inspector"));
}

// ----- 6. the shortcut sheet ---------------------------------------------------------------------

void TestEditorUsability::theCheatSheetShowsEveryTextWhole() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    ShortcutSheet *sheet = window->showShortcuts();
    QVERIFY(QTest::qWaitForWindowExposed(sheet));
    QTreeWidget *tree = sheet->tree();
    const QFontMetrics metrics(tree->font());
    const int columns = tree->columnWidth(0) + tree->columnWidth(1);
    QVERIFY2(columns <= tree->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2").arg(columns).arg(tree->viewport()->width())));
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = tree->topLevelItem(i);
        for (int column = 0; column < 2; ++column) {
            if (item->text(column).isEmpty() || item->isFirstColumnSpanned()) continue;
            const int needed = QFontMetrics(item->font(column)).horizontalAdvance(item->text(column));
            QVERIFY2(needed <= tree->visualItemRect(item).width() && needed < tree->columnWidth(column),
                     qPrintable(item->text(column)));
        }
    }
    sheet->close();
}

void TestEditorUsability::theCheatSheetNamesDocksNotTheirTitles() {
    MainWindow *window = newWindow();
    window->openWorkspace(m_dir->path());  // the Workspace dock is titled "Workspace — <folder>"
    QVERIFY(window->openFlow(writeFile(m_dir->filePath(QStringLiteral("broken.flow.yaml")),
                                       "apiVersion: flowdeck/v1\nkind: Flow\nname: b\ntasks:\n  a:\n    kind: shell\n"
                                       "    after: [nothing]\n    script: echo\n")));
    const QString text = ShortcutSheet(window->shortcutActions()).toPlainText();
    QVERIFY2(text.contains(QStringLiteral("View: Workspace\t")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("View: Problems\t")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("\u2014")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Problems (")), qPrintable(text));
}

void TestEditorUsability::reloadFromDiskHasOneShortcutEverywhere() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    const QKeySequence reload(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    QCOMPARE(window->action(QStringLiteral("reload"))->shortcuts(), QList<QKeySequence>{reload});
    const QString sheet = ShortcutSheet(window->shortcutActions()).toPlainText();
    QVERIFY2(sheet.contains(QStringLiteral("File: Reload from Disk\t") + reload.toString(QKeySequence::NativeText)),
             qPrintable(sheet));
    // The README and the guide name the same key wherever they name the action.
    for (const char *doc : {"README.md", "docs/editor.md"}) {
        QFile file(QStringLiteral(FLOWDECK_SOURCE_DIR "/") + QString::fromLatin1(doc));
        QVERIFY2(file.open(QIODevice::ReadOnly), doc);
        const QString text = QString::fromUtf8(file.readAll());
        int at = text.indexOf(QStringLiteral("Reload from Disk"));
        QVERIFY2(at >= 0, doc);
        for (; at >= 0; at = text.indexOf(QStringLiteral("Reload from Disk"), at + 1)) {
            const QString around = text.mid(std::max(0, at - 40), 100);
            QVERIFY2(around.contains(QStringLiteral("Ctrl+Shift+R")) && !around.contains(QStringLiteral("Ctrl+R")),
                     qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(doc), around)));
        }
    }
}

// ----- 7. the first start and the next ones ------------------------------------------------------

namespace {

QByteArray flowNamed(const char *name, const char *tags = "[]") {
    return QByteArray("apiVersion: flowdeck/v1\nkind: Flow\nname: ") + name + "\ntags: " + tags +
           "\ntasks:\n  a:\n    kind: noop\n";
}

}  // namespace

void TestEditorUsability::aFolderOpensWithItsTutorialOnAFirstStart() {
    writeFile(m_dir->filePath(QStringLiteral("alpha.flow.yaml")), flowNamed("alpha"));
    writeFile(m_dir->filePath(QStringLiteral("tour.flow.yaml")), flowNamed("tour", "[example, tutorial]"));
    MainWindow *window = newWindow();
    QVERIFY(window->openPath(m_dir->path()));
    QCOMPARE(window->currentFile(), m_dir->filePath(QStringLiteral("tour.flow.yaml")));
    QCOMPARE(window->documentCount(), 1);
}

void TestEditorUsability::theExamplesOpenWithTheHelloTour() {
    MainWindow *window = newWindow();
    QVERIFY(window->openPath(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples")));
    QCOMPARE(QFileInfo(window->currentFile()).fileName(), QStringLiteral("hello.flow.yaml"));
}

void TestEditorUsability::theNextStartRestoresTheLastSessionsTabs() {
    QStringList files;
    for (const char *name : {"one", "two", "three", "tour"})
        files << writeFile(m_dir->filePath(QString::fromLatin1(name) + QStringLiteral(".flow.yaml")),
                           flowNamed(name, qstrcmp(name, "tour") == 0 ? "[tutorial]" : "[]"));
    MainWindow *window = newWindow();
    window->openWorkspace(m_dir->path());
    for (int i = 0; i < 3; ++i) QVERIFY(window->openFlow(files[i]));
    window->tabs()->setCurrentIndex(1);
    QVERIFY(window->close());
    m_window.reset();

    // Started again without a path: the same tabs, the same one in front, the same workspace.
    window = newWindow();
    QVERIFY(window->restoreSession());
    QCOMPARE(window->documentCount(), 3);
    for (int i = 0; i < 3; ++i) QCOMPARE(window->tab(i)->document()->filePath(), files[i]);
    QCOMPARE(window->currentFile(), files[1]);
    QCOMPARE(window->workspaceFolder(), QDir(m_dir->path()).absolutePath());
    m_window.reset();  // closed without closeEvent: the session stays as it was

    // Started on the same folder: its session, not its tutorial; a file gone since is left out.
    QVERIFY(QFile::remove(files[0]));
    window = newWindow();
    QVERIFY(window->openPath(m_dir->path()));
    QCOMPARE(window->documentCount(), 2);
    QCOMPARE(window->currentFile(), files[1]);
}

// ----- 8. narrow docks -------------------------------------------------------------------------

void TestEditorUsability::aNarrowParameterTableKeepsMinAndMaxInView() {
    ParameterTable table;
    Parameter p;
    p.name = QStringLiteral("failures");
    p.type = ParameterType::Int;
    p.defaultValue = 2;
    p.description = QStringLiteral("How many attempts of 'flaky' fail on purpose before one succeeds, so that "
                                   "retries with exponential backoff can be watched");
    p.minimum = 0;
    p.maximum = 10;
    table.resize(560, 200);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    table.setParameters({p});
    for (int column : {ParameterTable::Min, ParameterTable::Max}) {
        const int right = table.columnViewportPosition(column) + table.columnWidth(column);
        QVERIFY2(table.columnViewportPosition(column) >= 0 && right <= table.viewport()->width(),
                 qPrintable(QStringLiteral("column %1 ends at %2 of %3").arg(column).arg(right).arg(table.viewport()->width())));
    }
    QCOMPARE(table.item(0, ParameterTable::Description)->toolTip(), p.description);
}

void TestEditorUsability::cutTextsInNarrowDocksAreWholeInTheirTooltips() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    const QTreeWidget *tree = window->taskTree();
    QTreeWidgetItem *load = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(TaskTree::NameColumn) == QStringLiteral("load")) load = tree->topLevelItem(i);
    QVERIFY(load);
    QCOMPARE(load->toolTip(TaskTree::AfterColumn), QStringLiteral("extract, transform"));
    QCOMPARE(load->toolTip(TaskTree::NameColumn), QStringLiteral("load"));

    Flow properties = window->currentDocument()->flow();
    properties.description = QStringLiteral("A description far longer than any narrow dock shows in one line of text");
    window->currentDocument()->updateFlowProperties(properties, QStringLiteral("Describe flow"));
    QCOMPARE(window->flowProperties()->field(QStringLiteral("description"))->toolTip(), properties.description);
}

QTEST_MAIN(TestEditorUsability)
#include "test_editor_usability.moc"
