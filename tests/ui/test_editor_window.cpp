// The editor window: documents as tabs, the inspector and flow properties reaching the model and
// the file, autosave and recovery, prompts, problems and the shortcut cheat sheet. Real files.

#include "../common/IsolatedSettings.h"
#include "FlowHeader.h"
#include "MainWindow.h"
#include "workspace/WorkspaceTrust.h"
#include "ProblemList.h"
#include "TaskTree.h"
#include "docks/DependencyList.h"
#include "docks/EnvTable.h"
#include "docks/FindReplaceBar.h"
#include "docks/FlowPropertiesPanel.h"
#include "docks/PaletteList.h"
#include "docks/ParameterTable.h"
#include "docks/ScriptEditor.h"
#include "docks/ScriptPane.h"
#include "docks/SecretDelegate.h"
#include "docks/ShortcutSheet.h"
#include "docks/TaskInspector.h"
#include "docks/TaskPalette.h"
#include "documents/EditorTab.h"
#include "documents/RecoveryDialog.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"

#include <Qsci/qscilexer.h>
#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMimeData>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace flowdeck;

namespace {

const char *etlFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: etl
parameters:
  day:
    type: string
    default: today
tasks:
  extract:
    kind: shell
    script: echo extract
  load:
    kind: python
    after: [extract]
    retries: 2
    env:
      TARGET: warehouse
    script: |
      print("loading")
)";

// Line 15 holds the misspelt upstream.
const char *brokenFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: broken
tasks:
  extract:
    kind: shell
    after: [transform]
    script: echo extract
  transform:
    kind: shell
    after: [extract]
    script: echo transform
  load:
    kind: shell
    after: [transfrom]
    script: echo load
)";

QString writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const Task *taskOf(MainWindow *window, const QString &name) {
    return window->currentDocument() ? window->currentDocument()->flow().task(name) : nullptr;
}

int envRow(const EnvTable *table, const QString &name) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, EnvTable::NameColumn)->text() == name) return row;
    return -1;
}

}  // namespace

class TestEditorWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void retriesSetInTheInspectorReachTheFileAndUndo();
    void invalidFieldIsMarkedAndKeptOutOfTheModel();
    void aMultipleSelectionIsNamedInTheInspector();
    void renamingInTheInspectorIsUndoable();
    void envSecretToggleMasksAndSaves();
    void aSecretReferenceSurvivesAnEditOfAnotherVariable();
    void kindSpecificFieldsFollowTheKind();
    void scriptTypingIsOneUndoStep();
    void flowPropertiesValidateParameters();
    void brokenFileOpensWithProblemsThatSelectTheirTask();
    void problemsOfATaskMarkItsFields();
    void twoFilesOpenAsTabs();
    void dirtyMarkerShowsInTabAndTitle();
    void closingAModifiedTabAsks();
    void quittingWithUnsavedChangesAsks();
    void autosaveWritesTextAndSidecar();
    void freshWindowRecoversAnUnsavedEdit();
    void autosavesOfAnUntrustedFolderWaitForItsTrust();
    void liveWindowsAutosavesAreNotOffered();
    void untitledDocumentIsAutosavedAndRecovered();
    void fileChangedOnDiskReloadsOrKeepsMine();
    void reloadFromDiskAsksBeforeDroppingUnsavedEdits();
    void aFileThatCannotBeReadLeavesTheOpenTabOnShow();
    void droppingSeveralFilesOpensThemAsTabs();
    void paletteFiltersAndAddsTasks();
    void paletteDragCarriesTheTemplateId();
    void droppingAPaletteRowOnTheCanvasAddsTheTask();
    void docksFollowADarkPalette();
    void cheatSheetListsTheActionsShortcuts();
    void noTwoActionsShareAShortcut();
    void cheatSheetListsTheCanvasGestures();
    void questionMarkOnTheCanvasOpensTheCheatSheet();
    void secondaryTextFollowsADarkThemeWithoutAPlaceholderColour();
    void scriptFindAndReplaceStayInTheScript();
    void keysTypedInTheInspectorStayThere();
    void autosaveFollowsAShortIdle();
    void recoveryDialogListsTheAutosaves();
    void editorWindowRendersAnExampleWithTheInspector();
    void aThousandTaskFlowOpensQuickly();

private:
    MainWindow *newWindow();
    QString etlPath();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_autosaveDir;
    std::unique_ptr<MainWindow> m_window;
};

void TestEditorWindow::initTestCase() {
    flowdeck::test::isolateSettings(m_settingsDir.path(), QStringLiteral("test_editor_window"));
    // The trusted folders of this test alone (recovery waits for a folder's trust).
    qputenv("FLOWDECK_TRUST_FILE", m_settingsDir.filePath(QStringLiteral("trusted-workspaces")).toUtf8());
}

void TestEditorWindow::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_autosaveDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid() && m_autosaveDir->isValid());
    QVERIFY(WorkspaceTrust().trust(m_dir->path()));
}

void TestEditorWindow::cleanup() {
    m_window.reset();
}

MainWindow *TestEditorWindow::newWindow() {
    m_window = std::make_unique<MainWindow>();
    m_window->setInteractive(false);
    m_window->autosaveStore().setFolder(m_autosaveDir->path());
    return m_window.get();
}

QString TestEditorWindow::etlPath() {
    return writeFile(m_dir->filePath(QStringLiteral("etl.flow.yaml")), etlFlow);
}

void TestEditorWindow::retriesSetInTheInspectorReachTheFileAndUndo() {
    const QString path = etlPath();
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));
    window->currentTab()->selectTask(QStringLiteral("load"));
    QCOMPARE(window->inspector()->task(), QStringLiteral("load"));

    auto *retries = qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")));
    QVERIFY(retries);
    QCOMPARE(retries->value(), 2);
    retries->setValue(3);
    QCOMPARE(taskOf(window, "load")->retries, 3);
    QVERIFY(window->save());
    QVERIFY2(readFile(path).contains("retries: 3"), readFile(path).constData());

    window->action(QStringLiteral("undo"))->trigger();
    QCOMPARE(taskOf(window, "load")->retries, 2);
    QCOMPARE(retries->value(), 2);  // the form follows the model
    QVERIFY(window->save());
    QVERIFY(readFile(path).contains("retries: 2"));
}

void TestEditorWindow::aMultipleSelectionIsNamedInTheInspector() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    FlowScene *scene = window->currentTab()->editor()->scene();
    scene->selectItems({{QStringLiteral("extract"), QStringLiteral("load")}, {}, {}});
    QVERIFY(window->inspector()->task().isEmpty());
    const QString text = window->inspector()->placeholderText();
    QVERIFY2(text.contains(QStringLiteral("2 tasks selected")) && text.contains(QStringLiteral("extract")) &&
                 text.contains(QStringLiteral("load")),
             qPrintable(text));
    scene->selectItems({{QStringLiteral("load")}, {}, {}});
    QCOMPARE(window->inspector()->task(), QStringLiteral("load"));
    scene->selectItems({});
    QVERIFY(window->inspector()->placeholderText().startsWith(QStringLiteral("Select a task")));
}

void TestEditorWindow::invalidFieldIsMarkedAndKeptOutOfTheModel() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("load"));
    auto *timeout = qobject_cast<QLineEdit *>(window->inspector()->field(QStringLiteral("timeout")));
    QVERIFY(timeout);
    const int steps = window->currentDocument()->undoStack()->count();

    timeout->setText(QStringLiteral("10x"));
    emit timeout->textEdited(timeout->text());
    QVERIFY2(
        window->inspector()->fieldError(QStringLiteral("timeout")).contains(QStringLiteral("not a duration")),
        qPrintable(window->inspector()->fieldError(QStringLiteral("timeout"))));
    emit timeout->editingFinished();
    QVERIFY(!taskOf(window, "load")->timeoutSeconds);
    QCOMPARE(window->currentDocument()->undoStack()->count(), steps);
    window->resize(1400, 900);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->inspector()->focusField(QStringLiteral("timeout")));
    QTest::qWait(20);
    window->inspector()->grab().save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_editor_window_invalid.png"));

    timeout->setText(QStringLiteral("1m30s"));
    emit timeout->textEdited(timeout->text());
    QVERIFY(window->inspector()->fieldError(QStringLiteral("timeout")).isEmpty());
    emit timeout->editingFinished();
    QCOMPARE(taskOf(window, "load")->timeoutSeconds.value_or(0), 90.0);
}

void TestEditorWindow::renamingInTheInspectorIsUndoable() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("extract"));
    auto *name = qobject_cast<QLineEdit *>(window->inspector()->field(QStringLiteral("name")));
    QVERIFY(name);

    name->setText(QStringLiteral("load"));
    emit name->textEdited(name->text());
    QVERIFY(window->inspector()->fieldError(QStringLiteral("name")).contains(QStringLiteral("already")));

    name->setText(QStringLiteral("pull"));
    emit name->textEdited(name->text());
    emit name->editingFinished();
    QVERIFY(taskOf(window, "pull"));
    QCOMPARE(taskOf(window, "load")->after.front().upstream, QStringLiteral("pull"));
    QCOMPARE(window->inspector()->task(), QStringLiteral("pull"));
    QCOMPARE(window->currentTab()->currentTask(), QStringLiteral("pull"));

    window->action(QStringLiteral("undo"))->trigger();
    QVERIFY(taskOf(window, "extract"));
    QCOMPARE(taskOf(window, "load")->after.front().upstream, QStringLiteral("extract"));
}

void TestEditorWindow::envSecretToggleMasksAndSaves() {
    const QString path = etlPath();
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));
    window->currentTab()->selectTask(QStringLiteral("load"));
    EnvTable *env = window->inspector()->envTable();
    const int row = envRow(env, QStringLiteral("TARGET"));
    QVERIFY(row >= 0);

    env->setSecret(row, true);
    QVERIFY(taskOf(window, "load")->env.front().secret);
    // Shown as dots, never as the value.
    auto *delegate = qobject_cast<SecretDelegate *>(env->itemDelegateForColumn(EnvTable::ValueColumn));
    QVERIFY(delegate);
    QStyleOptionViewItem option;
    delegate->initStyleOption(&option, env->model()->index(row, EnvTable::ValueColumn));
    QVERIFY(!option.text.contains(QStringLiteral("warehouse")));
    QCOMPARE(option.text, SecretDelegate::dots(QStringLiteral("warehouse")));

    QVERIFY(window->save());
    const QByteArray saved = readFile(path);
    QVERIFY2(saved.contains("secret: true"), saved.constData());
    window->action(QStringLiteral("undo"))->trigger();
    QVERIFY(!taskOf(window, "load")->env.front().secret);
    QCOMPARE(env->item(row, EnvTable::SecretColumn)->checkState(), Qt::Unchecked);
}

void TestEditorWindow::aSecretReferenceSurvivesAnEditOfAnotherVariable() {
    const QString path = m_dir->filePath(QStringLiteral("ref.flow.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(etlFlow).replace("      TARGET: warehouse\n", "      TARGET: warehouse\n      TOKEN: {secret: warehouse-token}\n"));
    file.close();
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));
    window->currentTab()->selectTask(QStringLiteral("load"));
    EnvTable *env = window->inspector()->envTable();
    const int target = envRow(env, QStringLiteral("TARGET"));
    QVERIFY(target >= 0);
    env->item(target, EnvTable::ValueColumn)->setText(QStringLiteral("lake"));
    QCOMPARE(taskOf(window, "load")->env.front().value, QStringLiteral("lake"));
    QCOMPARE(taskOf(window, "load")->env.back().secretName, QStringLiteral("warehouse-token"));
    QVERIFY(window->save());
    const QByteArray saved = readFile(path);
    QVERIFY2(saved.contains("      TOKEN: {secret: warehouse-token}\n"), saved.constData());
}

void TestEditorWindow::kindSpecificFieldsFollowTheKind() {
    MainWindow *window = newWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("extract"));
    TaskInspector *inspector = window->inspector();
    auto *kind = qobject_cast<QComboBox *>(inspector->field(QStringLiteral("kind")));
    QVERIFY(!inspector->field(QStringLiteral("seconds"))->isVisible());
    QVERIFY(inspector->scriptPane()->editor()->isVisible());

    kind->setCurrentText(QStringLiteral("sleep"));
    QVERIFY(taskOf(window, "extract")->kind == TaskKind::Sleep);
    QVERIFY(inspector->field(QStringLiteral("seconds"))->isVisible());
    QVERIFY(!inspector->scriptPane()->editor()->isVisible());
    auto *seconds = qobject_cast<QLineEdit *>(inspector->field(QStringLiteral("seconds")));
    seconds->setText(QStringLiteral("1m"));
    emit seconds->editingFinished();
    QCOMPARE(taskOf(window, "extract")->sleepSeconds, 60.0);

    kind->setCurrentText(QStringLiteral("subflow"));
    auto *flow = qobject_cast<QLineEdit *>(inspector->field(QStringLiteral("flow")));
    QVERIFY(flow->isVisible());
    flow->setText(QStringLiteral("child.flow.yaml"));
    emit flow->editingFinished();
    QCOMPARE(taskOf(window, "extract")->subflow, QStringLiteral("child.flow.yaml"));
    auto *parameters = qobject_cast<QTableWidget *>(inspector->field(QStringLiteral("parameters")));
    parameters->item(0, 1)->setText(QStringLiteral("today"));
    parameters->item(0, 0)->setText(QStringLiteral("day"));
    QCOMPARE(taskOf(window, "extract")->subflowParameters.value(QStringLiteral("day")).toString(),
             QStringLiteral("today"));
    QTRY_COMPARE(parameters->rowCount(), 2);  // a fresh empty row to add the next one

    kind->setCurrentText(QStringLiteral("branch"));
    auto *language = qobject_cast<QComboBox *>(inspector->field(QStringLiteral("language")));
    QVERIFY(language->isVisible());
    QVERIFY(inspector->scriptPane()->editor()->language() == ScriptEditor::Language::Shell);
    language->setCurrentText(QStringLiteral("python"));
    QVERIFY(taskOf(window, "extract")->language == ScriptLanguage::Python);
    QVERIFY(inspector->scriptPane()->editor()->language() == ScriptEditor::Language::Python);
}

void TestEditorWindow::scriptTypingIsOneUndoStep() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("load"));
    ScriptPane *pane = window->inspector()->scriptPane();
    QUndoStack *undo = window->currentDocument()->undoStack();
    const int steps = undo->count();
    const QString before = taskOf(window, "load")->script;

    pane->editor()->setCursorPosition(0, 0);
    QTest::keyClicks(pane->editor(), QStringLiteral("# note"));
    QTest::keyClick(pane->editor(), Qt::Key_Return);
    QVERIFY(pane->hasPendingEdit());
    QCOMPARE(taskOf(window, "load")->script, before);  // not yet: typing is still going on
    QTRY_COMPARE_WITH_TIMEOUT(undo->count(), steps + 1, ScriptPane::pauseMs * 4);
    QVERIFY2(taskOf(window, "load")->script.startsWith(QStringLiteral("# note\n")),
             qPrintable(taskOf(window, "load")->script));

    undo->undo();
    QCOMPARE(taskOf(window, "load")->script, before);
    QCOMPARE(pane->editor()->text(), before);
}

void TestEditorWindow::flowPropertiesValidateParameters() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    ParameterTable *table = window->flowProperties()->parameterTable();
    QCOMPARE(table->rowCount(), 1);
    auto *type = qobject_cast<QComboBox *>(table->cellWidget(0, ParameterTable::Type));
    QVERIFY(type);

    type->setCurrentText(QStringLiteral("int"));  // "today" is no int: refused, marked
    QVERIFY(!window->flowProperties()->fieldError(QStringLiteral("parameters")).isEmpty());
    QVERIFY(window->currentDocument()->flow().parameters.front().type == ParameterType::String);

    table->item(0, ParameterTable::Default)->setText(QStringLiteral("7"));
    QVERIFY(window->flowProperties()->fieldError(QStringLiteral("parameters")).isEmpty());
    const Parameter &day = window->currentDocument()->flow().parameters.front();
    QVERIFY(day.type == ParameterType::Int);
    QCOMPARE(day.defaultValue.toInt(), 7);

    auto *version = qobject_cast<QLineEdit *>(window->flowProperties()->field(QStringLiteral("version")));
    version->setText(QStringLiteral("2.0.0"));
    emit version->editingFinished();
    QCOMPARE(window->currentDocument()->flow().version, QStringLiteral("2.0.0"));
}

void TestEditorWindow::brokenFileOpensWithProblemsThatSelectTheirTask() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("broken.flow.yaml")), brokenFlow);
    MainWindow *window = newWindow();
    window->resize(1200, 800);
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));

    QVERIFY(window->openFlow(path));
    QCOMPARE(window->documentCount(), 1);
    ProblemList *problems = window->problemList();
    QListWidgetItem *typo = nullptr;
    for (int i = 0; i < problems->count(); ++i)
        if (problems->item(i)->text().contains(QStringLiteral("transfrom"))) typo = problems->item(i);
    QVERIFY(typo);
    QVERIFY2(typo->text().startsWith(path + QStringLiteral(":15:")) ||
                 typo->text().contains(QStringLiteral(":15:")),
             qPrintable(typo->text()));

    emit problems->itemActivated(typo);
    QCOMPARE(window->currentTab()->currentTask(), QStringLiteral("load"));
    QCOMPARE(window->inspector()->task(), QStringLiteral("load"));
    QTRY_VERIFY(window->inspector()->field(QStringLiteral("after"))->hasFocus());
}

void TestEditorWindow::problemsOfATaskMarkItsFields() {
    const QByteArray text =
        QByteArray(brokenFlow)
            .replace("    after: [transfrom]\n", "    after: [transfrom]\n    timeout: 10x\n");
    const QString path = writeFile(m_dir->filePath(QStringLiteral("broken.flow.yaml")), text);
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));
    window->currentTab()->selectTask(QStringLiteral("load"));
    QVERIFY2(window->inspector()->fieldError(QStringLiteral("after")).contains(QStringLiteral("transfrom")),
             qPrintable(window->inspector()->fieldError(QStringLiteral("after"))));

    // Removing the bad dependency (its remove button) fixes that problem, as one undo step.
    QUndoStack *undo = window->currentDocument()->undoStack();
    const int steps = undo->count();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *after = window->inspector()->field(QStringLiteral("after"));
    QToolButton *remove = nullptr;  // beside "Use 'transform'", the fix
    for (QToolButton *button : after->findChildren<QToolButton *>())
        if (button->toolTip() == QStringLiteral("Remove the dependency on transfrom")) remove = button;
    QVERIFY(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE(undo->count(), steps + 1);
    QVERIFY(taskOf(window, "load")->after.empty());
    QTRY_VERIFY(window->inspector()->fieldError(QStringLiteral("after")).isEmpty());
}

void TestEditorWindow::twoFilesOpenAsTabs() {
    const QString a = etlPath();
    const QString b = writeFile(m_dir->filePath(QStringLiteral("broken.flow.yaml")), brokenFlow);
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(a));
    QVERIFY(window->openFlow(b));
    QCOMPARE(window->documentCount(), 2);
    QCOMPARE(window->tabs()->tabText(0), QStringLiteral("etl.flow.yaml"));
    QCOMPARE(window->tabs()->tabText(1), QStringLiteral("broken.flow.yaml"));
    QCOMPARE(window->currentFile(), b);

    QVERIFY(window->openFlow(a));  // already open: its tab comes forward
    QCOMPARE(window->documentCount(), 2);
    QCOMPARE(window->currentFile(), a);
    QCOMPARE(window->inspector()->document(), window->currentDocument());
}

void TestEditorWindow::dirtyMarkerShowsInTabAndTitle() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    QVERIFY(!window->isWindowModified());
    QCOMPARE(window->windowTitle(), QStringLiteral("etl.flow.yaml[*] \u2014 Flowdeck"));

    window->currentTab()->selectTask(QStringLiteral("load"));
    qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")))->setValue(4);
    QVERIFY(window->isWindowModified());
    QCOMPARE(window->tabs()->tabText(0), QStringLiteral("etl.flow.yaml*"));

    QVERIFY(window->save());
    QVERIFY(!window->isWindowModified());
    QCOMPARE(window->tabs()->tabText(0), QStringLiteral("etl.flow.yaml"));
}

void TestEditorWindow::closingAModifiedTabAsks() {
    const QString path = etlPath();
    MainWindow *window = newWindow();
    QStringList asked;
    MainWindow::SaveAnswer answer = MainWindow::SaveAnswer::Cancel;
    window->setSavePrompt([&](const QString &title) {
        asked << title;
        return answer;
    });
    QVERIFY(window->openFlow(path));
    window->currentTab()->selectTask(QStringLiteral("load"));
    qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")))->setValue(7);

    QVERIFY(!window->closeTab(0));  // Cancel keeps it open, changes and all
    QCOMPARE(asked, QStringList({"etl.flow.yaml"}));
    QCOMPARE(window->documentCount(), 1);
    QCOMPARE(taskOf(window, "load")->retries, 7);

    answer = MainWindow::SaveAnswer::Save;
    QVERIFY(window->closeTab(0));
    QCOMPARE(window->documentCount(), 0);
    QVERIFY(readFile(path).contains("retries: 7"));

    QVERIFY(window->openFlow(path));
    window->currentTab()->selectTask(QStringLiteral("load"));
    qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")))->setValue(9);
    answer = MainWindow::SaveAnswer::Discard;
    QVERIFY(window->closeTab(0));
    QVERIFY(readFile(path).contains("retries: 7"));  // discarded, the file is as it was

    QVERIFY(window->openFlow(path));
    asked.clear();
    QVERIFY(window->closeTab(0));  // nothing changed: nothing to ask
    QVERIFY(asked.isEmpty());
}

void TestEditorWindow::quittingWithUnsavedChangesAsks() {
    MainWindow *window = newWindow();
    int asked = 0;
    window->setSavePrompt([&](const QString &) {
        ++asked;
        return MainWindow::SaveAnswer::Cancel;
    });
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("load"));
    qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")))->setValue(5);
    window->show();
    QVERIFY(!window->close());
    QCOMPARE(asked, 1);
    QVERIFY(window->isVisible());

    window->setSavePrompt([](const QString &) { return MainWindow::SaveAnswer::Discard; });
    window->autosaveNow();
    QVERIFY(!QDir(m_autosaveDir->path()).entryList(QDir::Files).isEmpty());
    QVERIFY(window->close());
    QVERIFY2(QDir(m_autosaveDir->path()).entryList(QDir::Files).isEmpty(), "a clean quit leaves no autosave");
}

void TestEditorWindow::autosaveWritesTextAndSidecar() {
    const QString path = etlPath();
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));
    QCOMPARE(window->autosaveNow(), 0);  // nothing unsaved, nothing written

    window->currentTab()->selectTask(QStringLiteral("load"));
    qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")))->setValue(6);
    QCOMPARE(window->autosaveNow(), 1);
    QCOMPARE(window->autosaveNow(), 0);  // only edits since the last autosave are written

    const QString key = window->currentTab()->autosaveKey();
    const QByteArray text = readFile(m_autosaveDir->filePath(key + QStringLiteral(".flow.yaml")));
    QVERIFY2(text.contains("retries: 6"), text.constData());
    const QJsonObject sidecar =
        QJsonDocument::fromJson(readFile(m_autosaveDir->filePath(key + QStringLiteral(".json")))).object();
    QCOMPARE(sidecar.value(QStringLiteral("path")).toString(), path);
    QVERIFY(!sidecar.value(QStringLiteral("time")).toString().isEmpty());

    QVERIFY(window->save());  // saving makes the autosave pointless
    QVERIFY(QDir(m_autosaveDir->path()).entryList(QDir::Files).isEmpty());
}

void TestEditorWindow::freshWindowRecoversAnUnsavedEdit() {
    const QString path = etlPath();
    {
        MainWindow *crashed = newWindow();
        QVERIFY(crashed->openFlow(path));
        crashed->currentTab()->selectTask(QStringLiteral("load"));
        qobject_cast<QSpinBox *>(crashed->inspector()->field(QStringLiteral("retries")))->setValue(8);
        QCOMPARE(crashed->autosaveNow(), 1);
        m_window.reset();  // gone without a clean close, as in a crash
    }
    MainWindow *window = newWindow();
    std::vector<AutosaveEntry> offered;
    window->setRecoveryChooser([&](const std::vector<AutosaveEntry> &entries, bool *discardRest) {
        offered = entries;
        *discardRest = true;
        return entries;
    });

    QCOMPARE(window->offerRecovery(), 1);
    QCOMPARE(int(offered.size()), 1);
    QCOMPARE(offered.front().originalPath, path);
    QCOMPARE(window->documentCount(), 1);
    QCOMPARE(window->currentFile(), path);
    QVERIFY(window->currentDocument()->isModified());
    QVERIFY(window->isWindowModified());
    QCOMPARE(taskOf(window, "load")->retries, 8);
    QVERIFY(readFile(path).contains("retries: 2"));  // the file itself is untouched until saved

    window->currentDocument()->undoStack()->undo();  // undo goes back to what is on disk
    QCOMPARE(taskOf(window, "load")->retries, 2);
    QCOMPARE(window->offerRecovery(), 0);  // nothing left over
}

void TestEditorWindow::autosavesOfAnUntrustedFolderWaitForItsTrust() {
    const QString path = etlPath();
    QVERIFY(WorkspaceTrust().revoke(m_dir->path()));
    {
        MainWindow *crashed = newWindow();
        QVERIFY(crashed->openFlow(path));
        crashed->currentTab()->selectTask(QStringLiteral("load"));
        qobject_cast<QSpinBox *>(crashed->inspector()->field(QStringLiteral("retries")))->setValue(8);
        QCOMPARE(crashed->autosaveNow(), 1);
        m_window.reset();
    }
    MainWindow *window = newWindow();
    int offered = 0;
    window->setRecoveryChooser([&](const std::vector<AutosaveEntry> &entries, bool *discardRest) {
        offered += int(entries.size());
        *discardRest = true;  // must not discard what was not offered
        return entries;
    });
    QCOMPARE(window->offerRecovery(), 0);
    QCOMPARE(offered, 0);
    window->openWorkspace(m_dir->path());
    QVERIFY(window->trustWorkspace());  // offers what waited
    QCOMPARE(offered, 1);
    QCOMPARE(taskOf(window, "load")->retries, 8);
}

void TestEditorWindow::liveWindowsAutosavesAreNotOffered() {
    MainWindow *first = newWindow();
    QVERIFY(first->openFlow(etlPath()));
    first->currentTab()->selectTask(QStringLiteral("load"));
    qobject_cast<QSpinBox *>(first->inspector()->field(QStringLiteral("retries")))->setValue(4);
    QCOMPARE(first->autosaveNow(), 1);

    MainWindow second;
    second.setInteractive(false);
    second.autosaveStore().setFolder(m_autosaveDir->path());
    int offered = 0;
    second.setRecoveryChooser([&](const std::vector<AutosaveEntry> &entries, bool *) {
        offered += int(entries.size());
        return std::vector<AutosaveEntry>();
    });
    QCOMPARE(second.offerRecovery(), 0);
    QCOMPARE(offered, 0);
}

void TestEditorWindow::untitledDocumentIsAutosavedAndRecovered() {
    {
        MainWindow *crashed = newWindow();
        EditorTab *tab = crashed->newDocument();
        QCOMPARE(tab->autosaveKey(), QStringLiteral("untitled-1"));
        Task task;
        task.name = QStringLiteral("hello");
        task.kind = TaskKind::Shell;
        task.script = QStringLiteral("echo hello\n");
        tab->document()->addTask(task, QPointF(0, 0));
        QCOMPARE(crashed->autosaveNow(), 1);
        QVERIFY(QFile::exists(m_autosaveDir->filePath(QStringLiteral("untitled-1.flow.yaml"))));
        m_window.reset();
    }
    MainWindow *window = newWindow();
    // The orphan holds "untitled-1": a new untitled flow must not write over it.
    QCOMPARE(window->newDocument()->untitledNumber(), 2);
    window->setRecoveryChooser([](const std::vector<AutosaveEntry> &entries, bool *) { return entries; });
    QCOMPARE(window->offerRecovery(), 1);
    QVERIFY(window->currentDocument()->filePath().isEmpty());
    QVERIFY(window->currentDocument()->isModified());
    QVERIFY(taskOf(window, "hello"));
}

void TestEditorWindow::fileChangedOnDiskReloadsOrKeepsMine() {
    const QString path = etlPath();
    MainWindow *window = newWindow();
    int asked = 0;
    window->setReloadPrompt([&](const QString &) {
        ++asked;
        return false;  // keep mine
    });
    QVERIFY(window->openFlow(path));

    // Unmodified: reloaded without asking.
    writeFile(path, QByteArray(etlFlow).replace("retries: 2", "retries: 4"));
    QTRY_COMPARE(taskOf(window, "load")->retries, 4);
    QCOMPARE(asked, 0);

    // Modified: asked, and "keep mine" keeps the edit.
    window->currentTab()->selectTask(QStringLiteral("load"));
    qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")))->setValue(9);
    writeFile(path, QByteArray(etlFlow).replace("retries: 2", "retries: 5"));
    QTRY_COMPARE(asked, 1);
    QCOMPARE(taskOf(window, "load")->retries, 9);
    QVERIFY(window->currentDocument()->isModified());

    // Saving over it is not a change on disk to ask about.
    QVERIFY(window->save());
    QTest::qWait(400);
    QCOMPARE(asked, 1);
}

void TestEditorWindow::reloadFromDiskAsksBeforeDroppingUnsavedEdits() {
    const QString path = etlPath();
    MainWindow *window = newWindow();
    QStringList asked;
    bool answer = false;  // keep mine
    window->setReloadPrompt([&](const QString &file) {
        asked << file;
        return answer;
    });
    QVERIFY(window->openFlow(path));
    QAction *reload = window->action(QStringLiteral("reload"));
    QVERIFY(reload);

    // Nothing unsaved: reloads without asking.
    reload->trigger();
    QVERIFY(asked.isEmpty());

    window->currentTab()->selectTask(QStringLiteral("load"));
    qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")))->setValue(9);
    reload->trigger();
    QCOMPARE(asked, QStringList{path});
    QCOMPARE(taskOf(window, "load")->retries, 9);  // kept, and still undoable
    QVERIFY(window->currentDocument()->isModified());
    QVERIFY(window->currentDocument()->undoStack()->canUndo());
    QVERIFY(window->autosaveNow() == 1);

    answer = true;
    reload->trigger();
    QCOMPARE(asked.size(), 2);
    QCOMPARE(taskOf(window, "load")->retries, 2);
    QVERIFY(!window->currentDocument()->isModified());

    // Without a prompt of its own, a window that may not ask keeps the changes.
    window->setReloadPrompt(nullptr);
    qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")))->setValue(6);
    QVERIFY(!window->reload());
    QCOMPARE(taskOf(window, "load")->retries, 6);
}

void TestEditorWindow::aFileThatCannotBeReadLeavesTheOpenTabOnShow() {
    const QString good = writeFile(m_dir->filePath(QStringLiteral("broken.flow.yaml")), brokenFlow);
    const QString bad =
        writeFile(m_dir->filePath(QStringLiteral("bad.flow.yaml")), "tasks: [unclosed\n  - {");
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(good));
    const QString title = window->flowHeader()->title();
    const QString badge = window->flowHeader()->badge();
    const int problems = window->problemList()->count();
    const int outline = window->taskTree()->topLevelItemCount();
    QVERIFY(problems > 0 && outline == 3);

    QVERIFY(!window->openFlow(bad));
    QCOMPARE(window->documentCount(), 1);
    QCOMPARE(window->currentFile(), good);
    QCOMPARE(window->flowHeader()->title(), title);
    QCOMPARE(window->flowHeader()->badge(), badge);
    QCOMPARE(window->problemList()->count(), problems);
    QVERIFY(window->problemList()->item(0)->text().contains(QStringLiteral("broken.flow.yaml")));
    QCOMPARE(window->taskTree()->topLevelItemCount(), outline);
    QVERIFY2(window->statusBar()->currentMessage().startsWith(QStringLiteral("Could not read bad.flow.yaml")),
             qPrintable(window->statusBar()->currentMessage()));
    QCOMPARE(window->loadResult().flow.name, QStringLiteral("broken"));
}

void TestEditorWindow::droppingSeveralFilesOpensThemAsTabs() {
    const QString a = etlPath();
    const QString b = writeFile(m_dir->filePath(QStringLiteral("broken.flow.yaml")), brokenFlow);
    MainWindow *window = newWindow();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(a), QUrl::fromLocalFile(b)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &drop);
    QCOMPARE(window->documentCount(), 2);
}

void TestEditorWindow::paletteFiltersAndAddsTasks() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    TaskPalette *palette = window->taskPalette();
    QVERIFY(palette->visibleIds().size() >= 9);  // six kinds and three snippets

    palette->setFilter(QStringLiteral("curl"));
    QCOMPARE(palette->visibleIds().size(), 1);
    const QString id = palette->visibleIds().first();
    emit palette->templateActivated(id);
    const Flow &flow = window->currentDocument()->flow();
    QCOMPARE(int(flow.tasks.size()), 3);
    const QString added = flow.tasks.back().name;
    QVERIFY(flow.tasks.back().script.contains(QStringLiteral("curl")));
    QCOMPARE(window->currentTab()->currentTask(), added);
    QCOMPARE(window->inspector()->task(), added);

    window->action(QStringLiteral("undo"))->trigger();
    QCOMPARE(int(window->currentDocument()->flow().tasks.size()), 2);
}

void TestEditorWindow::paletteDragCarriesTheTemplateId() {
    MainWindow *window = newWindow();
    PaletteList *list = window->taskPalette()->list();
    QListWidgetItem *shell = nullptr;
    for (int row = 0; row < list->count() && !shell; ++row)
        if (list->item(row)->text() == QStringLiteral("shell")) shell = list->item(row);
    QVERIFY(shell);
    std::unique_ptr<QMimeData> mime(list->model()->mimeData({list->indexFromItem(shell)}));
    QVERIFY(mime);
    const QByteArray id = mime->data(QString::fromLatin1(PaletteList::mimeType));
    QVERIFY(!id.isEmpty());
    const std::optional<Task> task = TaskPalette::taskFor(QString::fromUtf8(id));
    QVERIFY(task);
    QVERIFY(task->kind == TaskKind::Shell);
}

void TestEditorWindow::droppingAPaletteRowOnTheCanvasAddsTheTask() {
    MainWindow *window = newWindow();
    window->resize(1200, 800);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(etlPath()));
    QWidget *viewport = qobject_cast<QAbstractScrollArea *>(window->currentTab()->view())->viewport();
    QMimeData mime;
    mime.setData(QString::fromLatin1(PaletteList::mimeType), QByteArray("sleep"));
    const QPoint at = viewport->rect().center();

    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);

    const Flow &flow = window->currentDocument()->flow();
    QCOMPARE(int(flow.tasks.size()), 3);
    QVERIFY(flow.tasks.back().kind == TaskKind::Sleep);
    QCOMPARE(window->inspector()->task(), flow.tasks.back().name);
}

void TestEditorWindow::docksFollowADarkPalette() {
    // A dark theme as a desktop would give it: every role, not only the background.
    const QPalette light = QApplication::palette();
    QPalette dark = light;
    const QColor text(0xe0, 0xe0, 0xe0);
    for (auto [role, colour] : std::vector<std::pair<QPalette::ColorRole, QColor>>{
             {QPalette::Window, QColor(0x2b, 0x2b, 0x2b)},
             {QPalette::Base, QColor(0x1e, 0x1e, 0x1e)},
             {QPalette::AlternateBase, QColor(0x26, 0x26, 0x26)},
             {QPalette::Button, QColor(0x35, 0x35, 0x35)},
             {QPalette::Text, text},
             {QPalette::WindowText, text},
             {QPalette::ButtonText, text},
             {QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a)},
             {QPalette::Light, QColor(0x50, 0x50, 0x50)},
             {QPalette::Midlight, QColor(0x40, 0x40, 0x40)},
             {QPalette::Mid, QColor(0x30, 0x30, 0x30)},
             {QPalette::Dark, QColor(0x18, 0x18, 0x18)},
             {QPalette::Shadow, QColor(0x10, 0x10, 0x10)},
             {QPalette::Highlight, QColor(0x2a, 0x6f, 0xc9)},
             {QPalette::HighlightedText, QColor(Qt::white)},
             {QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35)},
             {QPalette::ToolTipText, text}})
        dark.setColor(role, colour);
    QApplication::setPalette(dark);
    MainWindow *window = newWindow();
    window->resize(1500, 950);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("load"));
    QTest::qWait(50);

    ScriptEditor *editor = window->inspector()->scriptPane()->editor();
    QCOMPARE(editor->lexer()->paper(0), dark.color(QPalette::Base));
    QCOMPARE(editor->lexer()->color(0), dark.color(QPalette::Text));
    window->grab().save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_editor_window_dark.png"));
    QApplication::setPalette(light);
    QTRY_COMPARE(editor->lexer()->paper(0), light.color(QPalette::Base));  // and back when the theme changes
}

void TestEditorWindow::cheatSheetListsTheActionsShortcuts() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    ShortcutSheet *sheet = window->showShortcuts();
    const QString text = sheet->toPlainText();

    for (const char *name : {"new", "open", "save", "saveAs", "reload", "closeTab", "undo", "redo", "shortcuts", "run",
                             "runWithParameters", "stopRun", "rerun"}) {
        QAction *action = window->action(QString::fromLatin1(name));
        QVERIFY2(action, name);
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(!keys.isEmpty(), name);
        QVERIFY2(text.contains(keys), qPrintable(QString::fromLatin1(name) + QStringLiteral(" / ") + keys +
                                                 QStringLiteral("\n") + text));
    }
    QVERIFY(text.contains(QStringLiteral("File: Save\t")));
    // F5 runs the flow, as in IDEs; Reload from Disk has a key of its own (the README says so too).
    QCOMPARE(window->action(QStringLiteral("run"))->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(window->action(QStringLiteral("reload"))->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QVERIFY2(text.contains(QStringLiteral("Run: Run\t")), qPrintable(text));
    QVERIFY(text.contains(QKeySequence(Qt::Key_F1).toString(QKeySequence::NativeText)));

    // Built from the actions: a shortcut changed now shows up changed.
    window->action(QStringLiteral("reload"))->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    ShortcutSheet *again = window->showShortcuts();
    const QString updated = again->toPlainText();
    QVERIFY(
        updated.contains(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R).toString(QKeySequence::NativeText)));
    // The canvas's own actions are there too, under the menus that show them.
    QVERIFY2(updated.contains(QStringLiteral("Edit: Duplicate\t")), qPrintable(updated));
    QVERIFY(QTest::qWaitForWindowExposed(again));
    again->grab().save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_editor_window_shortcuts.png"));
}

void TestEditorWindow::noTwoActionsShareAShortcut() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    QHash<QString, QString> owner;
    QSet<const QAction *> seen;
    for (const QAction *action : window->shortcutActions()) {
        if (seen.contains(action)) continue;
        seen.insert(action);
        for (const QKeySequence &key : action->shortcuts()) {
            const QString text = key.toString();
            QVERIFY2(!owner.contains(text) || owner.value(text) == action->text(),
                     qPrintable(text + QStringLiteral(": ") + owner.value(text) + QStringLiteral(" and ") +
                                action->text()));
            owner.insert(text, action->text());
        }
    }
    QVERIFY(owner.size() > 30);
}

void TestEditorWindow::cheatSheetListsTheCanvasGestures() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    const QString text = window->showShortcuts()->toPlainText();
    const auto key = [](QKeyCombination k) { return QKeySequence(k).toString(QKeySequence::NativeText); };
    for (const QString &row :
         {QStringLiteral("Canvas: Move selection by a grid step\t"), QStringLiteral("Canvas: Pan\t"),
          QStringLiteral("Canvas: Quick Add a task\t") + key(Qt::Key_Tab),
          QStringLiteral("Canvas: Delete selection\t") + key(Qt::Key_Delete) + QStringLiteral(", ") +
              key(Qt::Key_Backspace),
          QStringLiteral("Canvas: Cancel the connection being dragged\t") + key(Qt::Key_Escape),
          QStringLiteral("Canvas: Keyboard shortcuts\t?")})
        QVERIFY2(text.contains(row), qPrintable(row + QStringLiteral("\n") + text));
    QVERIFY(text.contains(QStringLiteral("Middle-button drag")));
    // Both zoom-in keys, so it works with or without Shift on "=/+".
    QVERIFY2(text.contains(QStringLiteral("View: Zoom In\t") + key(Qt::CTRL | Qt::Key_Plus) +
                           QStringLiteral(", ") + key(Qt::CTRL | Qt::Key_Equal)),
             qPrintable(text));
}

void TestEditorWindow::questionMarkOnTheCanvasOpensTheCheatSheet() {
    MainWindow *window = newWindow();
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QVERIFY(window->openFlow(etlPath()));
    const auto sheets = [window] { return window->findChildren<ShortcutSheet *>().size(); };
    QWidget *canvas = window->currentTab()->view();
    QWidget *viewport = qobject_cast<QAbstractScrollArea *>(canvas)->viewport();
    canvas->setFocus();
    QTRY_VERIFY(canvas->hasFocus());

    // As Qt delivers "?" typed with Shift (Key_Question with Shift on X11 and Windows)...
    QTest::keyClick(viewport, Qt::Key_Question, Qt::ShiftModifier);
    QCOMPARE(sheets(), 1);
    // ...and as a layout with a "?" key of its own, or an input method, gives it: just the text.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    canvas->setFocus();
    QTRY_VERIFY(canvas->hasFocus());
    QTest::keyClick(viewport, '?');
    QCOMPARE(sheets(), 2);

    // In the palette's filter "?" is text.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    auto *filter = window->taskPalette()->findChild<QLineEdit *>();
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClick(filter, '?');
    QCOMPARE(sheets(), 2);
    QCOMPARE(filter->text(), QStringLiteral("?"));
}

void TestEditorWindow::secondaryTextFollowsADarkThemeWithoutAPlaceholderColour() {
    // Dark in every role but PlaceholderText, as Qt 6.4's platform themes often hand it over.
    const QPalette light = QApplication::palette();
    const auto restore = qScopeGuard([&] { QApplication::setPalette(light); });
    QPalette dark = light;
    const QColor text(0xe0, 0xe0, 0xe0);
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::WindowText, text);
    QApplication::setPalette(dark);
    const auto gap = [](QColor a, QColor b) { return std::abs(a.lightness() - b.lightness()); };
    QVERIFY2(gap(dark.color(QPalette::PlaceholderText), dark.color(QPalette::Base)) < 100,
             "the placeholder is still the light theme's dark grey");

    MainWindow *window = newWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("load"));

    PaletteList *list = window->taskPalette()->list();
    QListWidgetItem *header = list->item(0);
    QVERIFY(header->data(PaletteList::TemplateIdRole).toString().isEmpty());  // a section header
    QVERIFY2(gap(header->foreground().color(), dark.color(QPalette::Base)) > 70,
             qPrintable(header->foreground().color().name()));

    ScriptEditor *editor = window->inspector()->scriptPane()->editor();
    const auto bgr =
        editor->SendScintilla(QsciScintillaBase::SCI_STYLEGETFORE, QsciScintillaBase::STYLE_LINENUMBER);
    const QColor numbers(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
    QVERIFY2(gap(numbers, dark.color(QPalette::Window)) > 70, qPrintable(numbers.name()));
}

void TestEditorWindow::scriptFindAndReplaceStayInTheScript() {
    MainWindow *window = newWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("load"));
    ScriptPane *pane = window->inspector()->scriptPane();
    pane->editor()->setFocus();

    QTest::keyClick(pane->editor(), Qt::Key_H, Qt::ControlModifier);
    QVERIFY(pane->findBar()->isVisible());
    pane->findBar()->findField()->setText(QStringLiteral("loading"));
    pane->findBar()->replaceField()->setText(QStringLiteral("saving"));
    QCOMPARE(pane->findBar()->replaceAll(), 1);
    pane->commit();
    QCOMPARE(taskOf(window, "load")->script, QStringLiteral("print(\"saving\")\n"));
}

void TestEditorWindow::keysTypedInTheInspectorStayThere() {
    MainWindow *window = newWindow();
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("load"));
    const int sheets = window->findChildren<ShortcutSheet *>().size();

    // "?" typed in the script is text, not the cheat sheet; Delete in a field is not "delete task".
    ScriptPane *pane = window->inspector()->scriptPane();
    pane->editor()->setFocus();
    QTRY_VERIFY(pane->editor()->hasFocus());
    pane->editor()->setCursorPosition(0, 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Question, Qt::ShiftModifier, 0);
    QCOMPARE(window->findChildren<ShortcutSheet *>().size(), sheets);
    QVERIFY(pane->editor()->text().startsWith(QLatin1Char('?')));

    auto *name = qobject_cast<QLineEdit *>(window->inspector()->field(QStringLiteral("name")));
    name->setFocus();
    QTRY_VERIFY(name->hasFocus());
    name->setCursorPosition(0);
    QTest::keyClick(name, Qt::Key_Delete);
    QVERIFY(taskOf(window, "load"));
    QCOMPARE(name->text(), QStringLiteral("oad"));

    // F1 from a field does open it.
    QTest::keyClick(name, Qt::Key_F1);
    QCOMPARE(window->findChildren<ShortcutSheet *>().size(), sheets + 1);
    // And Shift+? from the canvas.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    window->currentTab()->view()->setFocus();
    QTRY_VERIFY(window->currentTab()->view()->hasFocus());
    QTest::keyClick(window->currentTab()->view(), Qt::Key_Question, Qt::ShiftModifier);
    QCOMPARE(window->findChildren<ShortcutSheet *>().size(), sheets + 2);
}

void TestEditorWindow::autosaveFollowsAShortIdle() {
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(etlPath()));
    window->currentTab()->selectTask(QStringLiteral("load"));
    qobject_cast<QSpinBox *>(window->inspector()->field(QStringLiteral("retries")))->setValue(3);
    const QString text =
        m_autosaveDir->filePath(window->currentTab()->autosaveKey() + QStringLiteral(".flow.yaml"));
    QVERIFY(!QFile::exists(text));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(text), MainWindow::autosaveIdleMs * 3);
    QVERIFY(readFile(text).contains("retries: 3"));
}

void TestEditorWindow::recoveryDialogListsTheAutosaves() {
    AutosaveEntry a{QStringLiteral("k1"), QString(), QStringLiteral("/tmp/a.flow.yaml"),
                    QStringLiteral("a.flow.yaml"), QDateTime::currentDateTime()};
    AutosaveEntry b{QStringLiteral("untitled-1"), QString(), QString(), QStringLiteral("untitled-1"),
                    QDateTime::currentDateTime()};
    RecoveryDialog dialog({a, b});
    QCOMPARE(int(dialog.selected().size()), 2);  // everything is ticked to start with
    QCOMPARE(dialog.choice(), RecoveryDialog::Later);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.grab().save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_editor_window_recovery.png"));
}

void TestEditorWindow::editorWindowRendersAnExampleWithTheInspector() {
    const QString example = QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/etl-pipeline.flow.yaml");
    const QString copy = m_dir->filePath(QStringLiteral("etl-pipeline.flow.yaml"));
    QVERIFY(QFile::copy(example, copy));
    MainWindow *window = newWindow();
    window->resize(1500, 950);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->openWorkspace(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples"));
    QVERIFY(window->openFlow(copy));
    const Flow &flow = window->currentDocument()->flow();
    QVERIFY(flow.tasks.size() > 1);
    window->currentTab()->selectTask(flow.tasks[1].name);
    QTest::qWait(100);  // the first show fits the flow into the view

    const QImage image = window->grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < 16; y += 5)
        for (int x = 0; x < image.width(); x += 5) colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 8, "the window rendered nearly flat");
    // Kept next to the build for people to look at (run with QT_SCALE_FACTOR=2 for 200%).
    image.save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_editor_window.png"));
}

void TestEditorWindow::aThousandTaskFlowOpensQuickly() {
    QByteArray text = "apiVersion: flowdeck/v1\nkind: Flow\nname: big\ntasks:\n";
    for (int i = 0; i < 1000; ++i) {
        text +=
            QStringLiteral("  t%1:\n    kind: shell\n    retries: 1\n    script: echo %1\n").arg(i).toUtf8();
        if (i > 0) text += QStringLiteral("    after: [t%1]\n").arg(i - 1).toUtf8();
    }
    const QString path = writeFile(m_dir->filePath(QStringLiteral("big.flow.yaml")), text);
    MainWindow *window = newWindow();
    window->resize(1400, 900);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    QElapsedTimer clock;
    clock.start();
    QVERIFY(window->openFlow(path));
    QCoreApplication::processEvents();  // the first paint of the canvas and the docks
    const qint64 ms = clock.elapsed();
    qInfo("a 1000-task flow opened in the window in %lld ms", ms);
    // The time is printed, not asserted: bench_editor measures the goal on a quiet machine.
    QCOMPARE(int(window->currentDocument()->flow().tasks.size()), 1000);
}

QTEST_MAIN(TestEditorWindow)
#include "test_editor_window.moc"
