// The main window, driven through its public API with real flow files on disk.

#include "../common/IsolatedSettings.h"
#include "FlowHeader.h"
#include "MainWindow.h"
#include "ProblemList.h"
#include "TaskTree.h"
#include "WorkspaceList.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QPixmap>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace flowdeck;

namespace {

// Tasks written out of order on purpose: the tree must show them upstreams first.
const char *validFlow = R"(apiVersion: flowdeck/v1
kind: Flow
name: etl
description: Extract, check and load the day's orders.
version: 1.2.0
parameters:
  day:
    type: string
    default: today
  limit:
    type: int
    default: 10
tasks:
  load:
    kind: python
    after: [check.true]
    retries: 2
    timeout: 90
    tags: [db, nightly]
    env:
      TARGET: warehouse
      DB_PASSWORD: {secret: db-password}
    cache:
      policy: inputs
    script: |
      print("loading")
      print("done")
  extract:
    kind: shell
    script: echo extract
  check:
    kind: branch
    after: [extract]
    script: test -s orders.csv
  report:
    kind: noop
    after: [load, check.false]
    trigger: all_done
)";

// Line 15 holds the misspelt upstream; extract and transform wait for each other.
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

QString minimalFlow(const QString &name) {
    return QStringLiteral("apiVersion: flowdeck/v1\nkind: Flow\nname: %1\ntasks:\n  only:\n    kind: noop\n")
        .arg(name);
}

QString writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

QStringList topLevelTexts(const QTreeWidget *tree, int column) {
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) texts << tree->topLevelItem(i)->text(column);
    return texts;
}

QStringList listTexts(const QListWidget *list) {
    QStringList texts;
    for (int i = 0; i < list->count(); ++i) texts << list->item(i)->text();
    return texts;
}

QString settingRow(const QTreeWidgetItem *task, const QString &key) {
    for (int i = 0; i < task->childCount(); ++i) {
        if (task->child(i)->data(0, TaskTree::SettingRole).toString() == key) return task->child(i)->text(0);
    }
    return QString();
}

QListWidgetItem *problemMentioning(const QListWidget *list, const QString &word) {
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text().contains(word)) return list->item(i);
    }
    return nullptr;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void validFlowShowsTasksUpstreamsFirst();
    void taskRowsShowTheirSettingsWithSecretsMasked();
    void headerAndTitleDescribeTheFlow();
    void brokenReferencesStillOpenWithLocatedProblems();
    void activatingAProblemSelectsItsTask();
    void workspaceListsFlowsAndFollowsTheFolder();
    void openingAFolderOpensItsFirstFlow();
    void garbageFileShowsProblemsWithoutCrashing();
    void editingTheOpenFileReloadsIt();
    void droppingAFlowFileOpensIt();
    void openedFilesBecomeRecent();
    void windowRendersToANonBlankImage();

private:
    MainWindow *newWindow();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase() {
    flowdeck::test::isolateSettings(m_settingsDir.path(), QStringLiteral("test_main_window"));
}

void TestMainWindow::init() {
    m_window.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

MainWindow *TestMainWindow::newWindow() {
    m_window = std::make_unique<MainWindow>();
    m_window->setInteractive(false);
    return m_window.get();
}

void TestMainWindow::validFlowShowsTasksUpstreamsFirst() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("etl.flow.yaml")), validFlow);
    MainWindow *window = newWindow();

    QVERIFY(window->openFlow(path));

    const QTreeWidget *tree = window->taskTree();
    QCOMPARE(topLevelTexts(tree, TaskTree::NameColumn), QStringList({"extract", "check", "load", "report"}));
    QCOMPARE(topLevelTexts(tree, TaskTree::KindColumn), QStringList({"shell", "branch", "python", "noop"}));
    QCOMPARE(topLevelTexts(tree, TaskTree::AfterColumn),
             QStringList({"", "extract", "check.true", "load, check.false"}));
    QCOMPARE(tree->topLevelItem(3)->text(TaskTree::TriggerColumn), QStringLiteral("all_done"));
    QCOMPARE(tree->topLevelItem(2)->text(TaskTree::RetriesColumn), QStringLiteral("2"));
    QCOMPARE(tree->topLevelItem(2)->text(TaskTree::TimeoutColumn), QStringLiteral("1m30s"));
    QCOMPARE(tree->topLevelItem(2)->text(TaskTree::TagsColumn), QStringLiteral("db, nightly"));
    QCOMPARE(window->problemList()->count(), 0);
    QCOMPARE(window->currentFile(), path);
    QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("Opened etl.flow.yaml \u2014 4 tasks"));
}

void TestMainWindow::taskRowsShowTheirSettingsWithSecretsMasked() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("etl.flow.yaml")), validFlow);
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));

    const QTreeWidgetItem *load = window->taskTree()->taskItem(QStringLiteral("load"));
    QVERIFY(load);
    QCOMPARE(load->child(0)->data(0, TaskTree::SettingRole).toString(), QStringLiteral("script"));
    QVERIFY2(settingRow(load, "script").startsWith(QStringLiteral("script: print(\"loading\")")),
             qPrintable(settingRow(load, "script")));
    const QString env = settingRow(load, QStringLiteral("env"));
    QVERIFY2(env.contains(QStringLiteral("TARGET=warehouse")), qPrintable(env));
    QVERIFY2(env.contains(QStringLiteral("DB_PASSWORD=***")), qPrintable(env));
    QVERIFY(!env.contains(QStringLiteral("hunter2")));
    QCOMPARE(settingRow(load, QStringLiteral("cache")), QStringLiteral("cache: inputs"));

    const QTreeWidgetItem *report = window->taskTree()->taskItem(QStringLiteral("report"));
    QCOMPARE(report->childCount(), 0);  // a noop with nothing set has nothing to show
}

void TestMainWindow::headerAndTitleDescribeTheFlow() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("etl.flow.yaml")), validFlow);
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));

    QCOMPARE(window->windowTitle(), QStringLiteral("etl.flow.yaml[*] \u2014 Flowdeck"));
    QVERIFY(window->flowHeader()->title().contains(QStringLiteral("etl")));
    QVERIFY(window->flowHeader()->title().contains(QStringLiteral("1.2.0")));
    QVERIFY(window->flowHeader()->details().contains(QStringLiteral("Extract, check and load")));
    QVERIFY(window->flowHeader()->title().contains(QStringLiteral("2 parameters")));
    QVERIFY(window->flowHeader()->title().contains(QStringLiteral("4 tasks")));
    QCOMPARE(window->flowHeader()->badge(), QStringLiteral("valid"));
}

void TestMainWindow::brokenReferencesStillOpenWithLocatedProblems() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("broken.flow.yaml")), brokenFlow);
    MainWindow *window = newWindow();

    QVERIFY(window->openFlow(path));  // readable, only invalid

    // A cycle has no topological order: the tasks keep their file order.
    QCOMPARE(topLevelTexts(window->taskTree(), TaskTree::NameColumn),
             QStringList({"extract", "transform", "load"}));
    const QStringList problems = listTexts(window->problemList());
    QVERIFY2(problems.size() >= 2, qPrintable(problems.join('\n')));
    const QRegularExpression unknown(QStringLiteral("broken\\.flow\\.yaml:15:\\d+: .*'transfrom'"));
    const QRegularExpression cycle(QStringLiteral("broken\\.flow\\.yaml:\\d+:\\d+: .*cycle"));
    QVERIFY2(!problems.filter(unknown).isEmpty(), qPrintable(problems.join('\n')));
    QVERIFY2(!problems.filter(cycle).isEmpty(), qPrintable(problems.join('\n')));
    QCOMPARE(window->flowHeader()->badge(), QStringLiteral("%1 problems").arg(problems.size()));
    QVERIFY(!window->taskTree()->taskItem(QStringLiteral("load"))->icon(0).isNull() ||
            window->style()->standardIcon(QStyle::SP_MessageBoxCritical).isNull());
}

void TestMainWindow::activatingAProblemSelectsItsTask() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("broken.flow.yaml")), brokenFlow);
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));

    QListWidgetItem *problem = problemMentioning(window->problemList(), QStringLiteral("transfrom"));
    QVERIFY(problem);
    QCOMPARE(problem->data(ProblemList::TaskRole).toString(), QStringLiteral("load"));
    emit window->problemList()->itemActivated(problem);

    QVERIFY(window->taskTree()->currentItem());
    QCOMPARE(window->taskTree()->currentItem()->text(TaskTree::NameColumn), QStringLiteral("load"));
}

void TestMainWindow::workspaceListsFlowsAndFollowsTheFolder() {
    writeFile(m_dir->filePath(QStringLiteral("b.flow.yaml")), minimalFlow("b").toUtf8());
    writeFile(m_dir->filePath(QStringLiteral("a.flow.yaml")), minimalFlow("a").toUtf8());
    writeFile(m_dir->filePath(QStringLiteral("notes.txt")), "not a flow");
    MainWindow *window = newWindow();

    window->openWorkspace(m_dir->path());

    const QListWidget *list = window->workspaceList();
    QCOMPARE(listTexts(list), QStringList({"a.flow.yaml", "b.flow.yaml"}));

    writeFile(m_dir->filePath(QStringLiteral("c.flow.yaml")), minimalFlow("c").toUtf8());
    QTRY_COMPARE(listTexts(list), QStringList({"a.flow.yaml", "b.flow.yaml", "c.flow.yaml"}));
    QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("a.flow.yaml"))));
    QTRY_COMPARE(listTexts(list), QStringList({"b.flow.yaml", "c.flow.yaml"}));

    // Activating a listed flow opens it.
    emit window->workspaceList()->itemActivated(list->item(1));
    QCOMPARE(window->currentFile(), m_dir->filePath(QStringLiteral("c.flow.yaml")));
    QCOMPARE(window->windowTitle(), QStringLiteral("c.flow.yaml[*] \u2014 Flowdeck"));
}

void TestMainWindow::openingAFolderOpensItsFirstFlow() {
    writeFile(m_dir->filePath(QStringLiteral("zeta.flow.yaml")), minimalFlow("zeta").toUtf8());
    writeFile(m_dir->filePath(QStringLiteral("Alpha.flow.yaml")), minimalFlow("alpha").toUtf8());
    MainWindow *window = newWindow();

    QVERIFY(window->openPath(m_dir->path()));

    QCOMPARE(window->workspaceFolder(), QDir(m_dir->path()).absolutePath());
    QCOMPARE(window->currentFile(), m_dir->filePath(QStringLiteral("Alpha.flow.yaml")));
}

void TestMainWindow::garbageFileShowsProblemsWithoutCrashing() {
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 131 + 7) % 256));  // NULs, control bytes, invalid UTF-8
    const QString path = writeFile(m_dir->filePath(QStringLiteral("garbage.flow.yaml")), garbage);
    MainWindow *window = newWindow();

    QVERIFY(!window->openFlow(path));

    QVERIFY(window->problemList()->count() > 0);
    QVERIFY2(window->problemList()->item(0)->text().contains(QStringLiteral("garbage.flow.yaml")),
             qPrintable(window->problemList()->item(0)->text()));
    QCOMPARE(window->taskTree()->topLevelItemCount(), 0);
    QVERIFY(
        window->statusBar()->currentMessage().startsWith(QStringLiteral("Could not read garbage.flow.yaml")));
    QCOMPARE(window->flowHeader()->badge(), QStringLiteral("unreadable"));

    // The window is still usable afterwards.
    const QString valid = writeFile(m_dir->filePath(QStringLiteral("etl.flow.yaml")), validFlow);
    QVERIFY(window->openFlow(valid));
    QCOMPARE(window->problemList()->count(), 0);
}

void TestMainWindow::editingTheOpenFileReloadsIt() {
    const QString path =
        writeFile(m_dir->filePath(QStringLiteral("edit.flow.yaml")), minimalFlow("edit").toUtf8());
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));
    QCOMPARE(window->taskTree()->topLevelItemCount(), 1);

    writeFile(path, minimalFlow("edit").toUtf8() + "  second:\n    kind: noop\n    after: [only]\n");

    QTRY_COMPARE(window->taskTree()->topLevelItemCount(), 2);
    QCOMPARE(topLevelTexts(window->taskTree(), TaskTree::NameColumn), QStringList({"only", "second"}));
}

void TestMainWindow::droppingAFlowFileOpensIt() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("etl.flow.yaml")), validFlow);
    MainWindow *window = newWindow();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});

    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &drop);

    QCOMPARE(window->currentFile(), path);
    QCOMPARE(window->taskTree()->topLevelItemCount(), 4);

    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("notes.txt")))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QCoreApplication::sendEvent(window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestMainWindow::openedFilesBecomeRecent() {
    MainWindow *window = newWindow();
    QStringList opened;
    for (int i = 0; i < MainWindow::maxRecentFiles + 2; ++i) {
        const QString name = QStringLiteral("f%1").arg(i);
        opened.prepend(writeFile(m_dir->filePath(name + ".flow.yaml"), minimalFlow(name).toUtf8()));
        QVERIFY(window->openFlow(opened.first()));
    }
    QVERIFY(window->openFlow(opened.last()));  // reopening moves it to the top
    const QStringList recent = window->recentFiles();
    QCOMPARE(recent.size(), MainWindow::maxRecentFiles);
    QCOMPARE(recent.first(), opened.last());
    QCOMPARE(recent.at(1), opened.first());
}

void TestMainWindow::windowRendersToANonBlankImage() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("etl.flow.yaml")), validFlow);
    MainWindow *window = newWindow();
    window->openWorkspace(m_dir->path());
    QVERIFY(window->openFlow(path));
    window->taskTree()->expandAll();
    window->resize(1100, 700);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    const QString png = m_dir->filePath(QStringLiteral("window.png"));
    QVERIFY(window->grab().save(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < 8; y += 7)
        for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 1, "the window rendered as one flat colour");
    // Keep a copy next to the build for people to look at.
    image.save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_main_window.png"));
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
