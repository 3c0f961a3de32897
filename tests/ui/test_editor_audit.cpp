// What an audit of the editor found (issue 8, follow-up): a long flow name that widened the
// window for good, a clipped error message, ports and check boxes lost on a dark theme, the
// parameter table's column order, the inspector's stale scroll position, stale status messages,
// and a few smaller ones. Real windows (offscreen) over real files.

#include "FlowHeader.h"
#include "MainWindow.h"
#include "ThemeColours.h"
#include "docks/CheckDelegate.h"
#include "docks/DependencyList.h"
#include "docks/ParameterTable.h"
#include "docks/ShortcutSheet.h"
#include "docks/TaskInspector.h"
#include "documents/EditorTab.h"
#include "editor/CanvasMetrics.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"
#include "editor/FlowView.h"
#include "editor/GraphExport.h"
#include "editor/NodeItem.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace flowdeck;

namespace {

QString writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

QByteArray example(const char *name) {
    QFile file(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", name);
    return file.readAll();
}

/// A dark theme as Qt derives one from a dark button colour: its Dark role is darker still than
/// the base, which is what hid the ports.
QPalette darkPalette() {
    QPalette palette(QColor(0x3c, 0x3f, 0x41), QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    palette.setColor(QPalette::AlternateBase, QColor(0x2c, 0x2f, 0x33));
    palette.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x25));
    palette.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    return palette;
}

/// The strongest contrast against @p against of any pixel of @p image inside @p area.
double strongestContrast(const QImage &image, const QRect &area, const QColor &against) {
    double best = 1;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (image.rect().contains(x, y)) best = std::max(best, contrastRatio(image.pixelColor(x, y), against));
    return best;
}

}  // namespace

class TestEditorAudit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void aLongFlowNameKeepsTheWindowNarrow();
    void aRestoredGeometryWiderThanTheScreenIsFitted();
    void aBadValuesMessageIsWholeInTheInspectorDock();
    void portsStandOutOnADarkTheme();
    void theParameterTablePutsItsShortColumnsFirst();
    void theRequiredCheckBoxShowsOnADarkTheme();
    void theInspectorStartsAtTheTopForEachTask();
    void theInspectorScrollsToAProblemBelowTheFold();
    void theStatusBarForgetsMessagesThatNoLongerHold();
    void theCheatSheetSaysUndoNotTheNextStep();
    void anUnknownUpstreamIsElidedBesideItsFix();
    void fitAllShowsASmallFlowAtItsActualSize();

private:
    MainWindow *newWindow();
    FlowEditor *editor() const { return m_window->currentTab()->editor(); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_autosaveDir;
    std::unique_ptr<MainWindow> m_window;
};

void TestEditorAudit::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("FlowdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_editor_audit"));
    qputenv("FLOWDECK_TRUST_FILE", m_settingsDir.filePath(QStringLiteral("trusted-workspaces")).toUtf8());
}

void TestEditorAudit::init() {
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_autosaveDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid() && m_autosaveDir->isValid());
}

void TestEditorAudit::cleanup() { m_window.reset(); }

MainWindow *TestEditorAudit::newWindow() {
    m_window = std::make_unique<MainWindow>();
    m_window->setInteractive(false);
    m_window->autosaveStore().setFolder(m_autosaveDir->path());
    m_window->resize(1400, 900);
    return m_window.get();
}

// ----- 1. a long name ----------------------------------------------------------------------------

void TestEditorAudit::aLongFlowNameKeepsTheWindowNarrow() {
    const QString name(2000, QLatin1Char('n'));
    const QString description(600, QLatin1Char('d'));
    const QString path = writeFile(m_dir->filePath(QStringLiteral("long.flow.yaml")),
                                   QStringLiteral("apiVersion: flowdeck/v1\nkind: Flow\nname: %1\n"
                                                  "description: %2\ntasks:\n  a:\n    kind: noop\n")
                                       .arg(name, description)
                                       .toUtf8());
    MainWindow *window = newWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(path));
    QCoreApplication::processEvents();
    QVERIFY2(window->minimumSizeHint().width() < 1200,
             qPrintable(QString::number(window->minimumSizeHint().width())));
    QVERIFY2(window->width() <= 1400, qPrintable(QString::number(window->width())));
    const FlowHeader *header = window->flowHeader();
    QVERIFY2(header->shownName().contains(QChar(0x2026)), qPrintable(header->shownName().left(80)));
    QVERIFY2(header->shownName().size() < 300, qPrintable(QString::number(header->shownName().size())));
    QCOMPARE(header->details(), description);
    QVERIFY(header->findChild<QLabel *>() != nullptr);
    bool nameInTooltip = false;
    for (const QLabel *label : header->findChildren<QLabel *>())
        nameInTooltip = nameInTooltip || label->toolTip().contains(name);
    QVERIFY(nameInTooltip);
    window->grab().save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_audit_long_name.png"));
}

void TestEditorAudit::aRestoredGeometryWiderThanTheScreenIsFitted() {
    QWidget wide;
    wide.setGeometry(0, 0, 20508, 700);
    QSettings().setValue(QStringLiteral("window/geometry"), wide.saveGeometry());
    MainWindow window;
    window.setInteractive(false);
    const QRect screen = window.screen()->availableGeometry();
    QVERIFY2(window.width() <= screen.width(),
             qPrintable(QStringLiteral("%1 px on a %2 px screen").arg(window.width()).arg(screen.width())));
    QVERIFY(screen.contains(window.geometry().topLeft()));
}

// ----- 2. the message under a bad value ---------------------------------------------------------

void TestEditorAudit::aBadValuesMessageIsWholeInTheInspectorDock() {
    QByteArray text = example("hello.flow.yaml");
    text.replace("    timeout: 30s\n", "    timeout: 10x\n");
    const QString path = writeFile(m_dir->filePath(QStringLiteral("hello.flow.yaml")), text);
    MainWindow *window = newWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(path));
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    QVERIFY(dock);
    dock->show();
    dock->raise();
    window->resizeDocks({dock}, {300}, Qt::Horizontal);  // a narrow dock: the message wraps
    window->currentTab()->selectTask(QStringLiteral("flaky"));
    const QString message = window->inspector()->fieldError(QStringLiteral("timeout"));
    QVERIFY2(message.contains(QStringLiteral("bad duration '10x'")), qPrintable(message));
    QLabel *label = nullptr;
    for (QLabel *l : window->inspector()->findChildren<QLabel *>())
        if (l->text() == message && l->isVisible()) label = l;
    QVERIFY(label);
    // As tall as its wrapped lines (measured as QLabel draws them), and not taller.
    const auto needed = [label] {
        return label->fontMetrics()
            .boundingRect(QRect(0, 0, label->contentsRect().width(), 10000), Qt::TextWordWrap, label->text())
            .height();
    };
    QTRY_VERIFY2(label->contentsRect().height() >= needed() &&
                     label->contentsRect().height() < needed() + label->fontMetrics().lineSpacing(),
                 qPrintable(QStringLiteral("%1 px high for %2 px of text, %3 px wide")
                                .arg(label->contentsRect().height())
                                .arg(needed())
                                .arg(label->width())));
    QVERIFY(needed() > label->fontMetrics().lineSpacing());  // it does wrap
    // Wider, it needs fewer lines and gives the room back.
    window->resizeDocks({dock}, {520}, Qt::Horizontal);
    QTRY_VERIFY2(label->contentsRect().height() >= needed() &&
                     label->contentsRect().height() < needed() + label->fontMetrics().lineSpacing(),
                 qPrintable(QStringLiteral("%1 px high for %2 px of text, %3 px wide")
                                .arg(label->contentsRect().height())
                                .arg(needed())
                                .arg(label->width())));
    window->grab().save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_audit_bad_value.png"));
}

// ----- 3. ports on a dark theme -----------------------------------------------------------------

void TestEditorAudit::portsStandOutOnADarkTheme() {
    FlowDocument doc;
    Task task;
    task.name = QStringLiteral("fetch");
    task.kind = TaskKind::Shell;
    doc.addTask(task, {0, 0});
    FlowScene scene(&doc);
    const QPalette palette = darkPalette();
    scene.setPalette(palette);
    const NodeItem *node = scene.node(QStringLiteral("fetch"));
    QVERIFY(node);
    const QColor fill = palette.color(QPalette::Base);  // the node's body
    for (Port port : {Port::Input, Port::Output}) {
        const QPointF centre = node->portScenePos(port);
        const double r = canvas::portRadius + 2;
        const QRectF source(centre - QPointF(r, r), QSizeF(2 * r, 2 * r));
        QImage image(int(2 * r), int(2 * r), QImage::Format_ARGB32);
        image.fill(fill);
        {
            QPainter painter(&image);
            scene.render(&painter, QRectF(image.rect()), source);
        }
        const double contrast = strongestContrast(image, image.rect(), fill);
        QVERIFY2(contrast >= 3.0, qPrintable(QStringLiteral("port %1: %2:1").arg(int(port)).arg(contrast)));
    }
    // To look at: the tour on the dark theme.
    FlowDocument hello;
    QVERIFY(hello.load(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/hello.flow.yaml"), nullptr));
    FlowScene helloScene(&hello);
    helloScene.setPalette(palette);
    QVERIFY(GraphExport::toImage(&helloScene).save(QStringLiteral(FLOWDECK_BINARY_DIR "/test_audit_ports_dark.png")));
}

// ----- 4. the parameter table -------------------------------------------------------------------

void TestEditorAudit::theParameterTablePutsItsShortColumnsFirst() {
    ParameterTable table;
    QStringList headers;
    for (int column = 0; column < table.columnCount(); ++column)
        headers << table.horizontalHeaderItem(table.horizontalHeader()->logicalIndex(column))->text();
    QCOMPARE(headers, (QStringList{"Name", "Type", "Default", "Min", "Max", "Allowed", "Required", "Description"}));

    // What the table holds is read back the same, whatever the order of its columns.
    Parameter p;
    p.name = QStringLiteral("colour");
    p.type = ParameterType::String;
    p.defaultValue = QStringLiteral("red");
    p.allowed = {QStringLiteral("red"), QStringLiteral("green")};
    p.required = true;
    p.description = QStringLiteral("Which colour");
    Parameter n;
    n.name = QStringLiteral("count");
    n.type = ParameterType::Int;
    n.defaultValue = 2;
    n.minimum = 0;
    n.maximum = 9;
    table.setParameters({p, n});
    QCOMPARE(table.item(0, ParameterTable::Allowed)->text(), QStringLiteral("red, green"));
    QCOMPARE(table.item(1, ParameterTable::Max)->text(), QStringLiteral("9"));
    QString error;
    const std::vector<Parameter> read = table.parameters(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(read == (std::vector<Parameter>{p, n}));
}

void TestEditorAudit::theRequiredCheckBoxShowsOnADarkTheme() {
    ParameterTable table;
    const QPalette palette = darkPalette();
    table.setPalette(palette);
    Parameter p;
    p.name = QStringLiteral("who");
    p.type = ParameterType::String;
    table.setParameters({p});  // not required: the empty box must show
    table.resize(700, 200);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    table.clearSelection();  // on the base, not on the selection's highlight
    table.setCurrentItem(nullptr);
    const QImage shot = table.viewport()->grab().toImage();
    const QRect cell = table.visualItemRect(table.item(0, ParameterTable::Required)).adjusted(2, 2, -2, -2);
    const double contrast = strongestContrast(shot, cell, palette.color(QPalette::Base));
    QVERIFY2(contrast >= 3.0, qPrintable(QStringLiteral("%1:1").arg(contrast)));
    // It still toggles on a click in its box.
    QStyleOptionViewItem option;
    option.initFrom(table.viewport());
    option.rect = table.visualItemRect(table.item(0, ParameterTable::Required));
    option.features = QStyleOptionViewItem::HasCheckIndicator;
    option.widget = &table;
    QTest::mouseClick(table.viewport(), Qt::LeftButton, {}, CheckDelegate::boxRect(option).center());
    QTRY_COMPARE(table.item(0, ParameterTable::Required)->checkState(), Qt::Checked);
}

// ----- 5. the inspector's scroll position -------------------------------------------------------

void TestEditorAudit::theInspectorStartsAtTheTopForEachTask() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("hello.flow.yaml")), example("hello.flow.yaml"));
    MainWindow *window = newWindow();
    window->resize(1400, 600);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(path));
    window->currentTab()->selectTask(QStringLiteral("flaky"));
    auto *scroll = window->inspector()->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0);  // the form is taller than its view
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    window->currentTab()->selectTask(QStringLiteral("greet"));
    QCOMPARE(window->inspector()->task(), QStringLiteral("greet"));
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
    QCoreApplication::processEvents();  // the form laid out for greet: still at the top
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
}

void TestEditorAudit::theInspectorScrollsToAProblemBelowTheFold() {
    QByteArray text = example("hello.flow.yaml");
    text.replace("    timeout: 30s\n", "    timeout: 10x\n");
    const QString path = writeFile(m_dir->filePath(QStringLiteral("hello.flow.yaml")), text);
    MainWindow *window = newWindow();
    window->resize(1400, 600);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(path));
    window->currentTab()->selectTask(QStringLiteral("greet"));
    auto *scroll = window->inspector()->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0);
    window->currentTab()->selectTask(QStringLiteral("flaky"));
    QWidget *timeout = window->inspector()->field(QStringLiteral("timeout"));
    const auto inView = [&] {
        const QPoint top = timeout->mapTo(scroll->viewport(), QPoint(0, 0));
        return top.y() >= 0 && top.y() + timeout->height() <= scroll->viewport()->height();
    };
    QTRY_VERIFY2(inView(), qPrintable(QStringLiteral("field at %1, %2 px high, in a %3 px view scrolled to %4 of %5").arg(timeout->mapTo(scroll->viewport(), QPoint(0, 0)).y()).arg(timeout->height()).arg(scroll->viewport()->height()).arg(scroll->verticalScrollBar()->value()).arg(scroll->verticalScrollBar()->maximum())));
}

// ----- 6. the status bar's passing message ------------------------------------------------------

void TestEditorAudit::theStatusBarForgetsMessagesThatNoLongerHold() {
    const QString hello = writeFile(m_dir->filePath(QStringLiteral("hello.flow.yaml")), example("hello.flow.yaml"));
    const QString nightly =
        writeFile(m_dir->filePath(QStringLiteral("nightly.flow.yaml")), example("nightly.flow.yaml"));
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(hello));
    QVERIFY(window->openFlow(nightly));
    QVERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("Opened nightly.flow.yaml")));
    QVERIFY(window->openFlow(hello));  // open already: its tab comes to the front
    QCOMPARE(window->currentFile(), hello);
    QVERIFY2(!window->statusBar()->currentMessage().contains(QStringLiteral("nightly")),
             qPrintable(window->statusBar()->currentMessage()));

    QVERIFY(window->save());
    QVERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("Saved")));
    FlowDocument *document = window->currentDocument();
    Task greet = *document->flow().task(QStringLiteral("greet"));
    greet.retries = 4;
    document->updateTask(QStringLiteral("greet"), greet, QStringLiteral("Set retries"));
    QVERIFY(document->isModified());
    QVERIFY2(!window->statusBar()->currentMessage().startsWith(QStringLiteral("Saved")),
             qPrintable(window->statusBar()->currentMessage()));
}

// ----- 7. smaller ones --------------------------------------------------------------------------

void TestEditorAudit::theCheatSheetSaysUndoNotTheNextStep() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("hello.flow.yaml")), example("hello.flow.yaml"));
    MainWindow *window = newWindow();
    QVERIFY(window->openFlow(path));
    FlowDocument *document = window->currentDocument();
    Task greet = *document->flow().task(QStringLiteral("greet"));
    greet.retries = 4;
    document->updateTask(QStringLiteral("greet"), greet, QStringLiteral("Set retries of greet"));
    document->undoStack()->undo();  // both Undo and Redo now have a step to name
    const QString text = ShortcutSheet(window->shortcutActions()).toPlainText();
    QVERIFY2(text.contains(QStringLiteral(": Undo\t")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(": Redo\t")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Set retries")), qPrintable(text));
}

void TestEditorAudit::anUnknownUpstreamIsElidedBesideItsFix() {
    QByteArray text = example("hello.flow.yaml");
    text.replace("    after: [nap, flaky]\n", "    after: [nap, flakyy]\n");
    FlowDocument doc;
    QString error;
    QVERIFY2(doc.load(writeFile(m_dir->filePath(QStringLiteral("hello.flow.yaml")), text), &error), qPrintable(error));
    TaskInspector inspector;
    inspector.resize(240, 900);  // a narrow dock
    inspector.show();
    QVERIFY(QTest::qWaitForWindowExposed(&inspector));
    inspector.setDocument(&doc);
    inspector.setTask(QStringLiteral("done"));
    auto *after = qobject_cast<DependencyList *>(inspector.field(QStringLiteral("after")));
    QVERIFY(after);
    QLabel *unknown = nullptr;
    for (QLabel *label : after->findChildren<QLabel *>())
        if (label->toolTip() == QStringLiteral("flakyy (no such task)")) unknown = label;
    QVERIFY(unknown);
    QToolButton *use = nullptr;
    for (QToolButton *b : after->findChildren<QToolButton *>())
        if (b->text() == QStringLiteral("Use 'flaky'")) use = b;
    QVERIFY(use);
    QTRY_VERIFY(unknown->width() > 0);
    // The text ends in "…" where it would run under the button, and it never does.
    QVERIFY2(unknown->fontMetrics().horizontalAdvance(unknown->text()) <= unknown->contentsRect().width(),
             qPrintable(unknown->text()));
    QVERIFY(unknown->geometry().right() < use->geometry().left());
    QVERIFY2(unknown->text() == unknown->toolTip() || unknown->text().endsWith(QChar(0x2026)),
             qPrintable(unknown->text()));
}

void TestEditorAudit::fitAllShowsASmallFlowAtItsActualSize() {
    const QString path = writeFile(m_dir->filePath(QStringLiteral("hello.flow.yaml")), example("hello.flow.yaml"));
    MainWindow *window = newWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->openFlow(path));
    FlowView *view = editor()->view();
    view->zoomBy(0.5, view->viewport()->rect().center());
    view->fitAll();
    QCOMPARE(view->zoom(), 1.0);  // four tasks fit at 100%: not blown up to 150%
}

QTEST_MAIN(TestEditorAudit)
#include "test_editor_audit.moc"
