#include "FlowEditor.h"

#include "FlowDocument.h"
#include "FlowScene.h"
#include "FlowView.h"
#include "GraphExport.h"
#include "GraphFindBar.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QVBoxLayout>

namespace flowdeck {

FlowEditor::FlowEditor(FlowDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_scene(new FlowScene(document, this)),
      m_view(new FlowView(m_scene, this)), m_find(new GraphFindBar(m_view, this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_find);
    m_find->hide();
    createActions();
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &FlowEditor::showContextMenu);
    connect(m_scene, &FlowScene::statusMessage, this, &FlowEditor::statusMessage);
    connect(m_scene, &FlowScene::taskActivated, this, &FlowEditor::taskActivated);
    connect(m_scene, &FlowScene::taskCreated, this, &FlowEditor::taskCreated);
    // After undo or redo the tasks it touched are selected, so the inspector shows what changed back.
    connect(document, &FlowDocument::stepReplayed, this, [this](const QStringList &tasks) {
        m_scene->selectItems({tasks, {}, {}});
        if (!tasks.isEmpty()) m_view->ensureVisible(m_scene->node(tasks.front()), 40, 40);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        emit selectedTasksChanged(m_scene->selectedTaskNames());
        const QString now = currentTask();
        if (now == m_lastCurrent) return;
        m_lastCurrent = now;
        emit currentTaskChanged(now);
    });
}

QAction *FlowEditor::addAction(const QString &id, const QString &text, const QKeySequence &shortcut,
                               std::function<void()> slot) {
    auto *a = new QAction(text, this);
    a->setObjectName(id);
    a->setShortcut(shortcut);
    // Only while this editor (or its find bar) has the focus: several editors live in tabs.
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(a, &QAction::triggered, this, std::move(slot));
    QWidget::addAction(a);
    m_actions.insert(id, a);
    m_order << id;
    return a;
}

void FlowEditor::createActions() {
    FlowScene *s = m_scene;
    FlowView *v = m_view;
    addAction("edit.cut", tr("Cu&t"), QKeySequence::Cut, [s] { s->cutSelection(); });
    addAction("edit.copy", tr("&Copy"), QKeySequence::Copy, [s] { s->copySelection(); });
    addAction("edit.paste", tr("&Paste"), QKeySequence::Paste, [s, v] {
        const QPointF at = v->pointerScenePos();
        s->paste(&at);
    });
    addAction("edit.duplicate", tr("Dupl&icate"), QKeySequence(Qt::CTRL | Qt::Key_D),
              [s] { s->duplicateSelection(); });
    addAction("edit.delete", tr("&Delete"), QKeySequence::Delete, [s] { s->deleteSelection(); });
    addAction("edit.selectAll", tr("Select &All"), QKeySequence::SelectAll, [s] { s->selectEverything(); });
    using A = FlowScene::Alignment;
    addAction("arrange.alignLeft", tr("Align &Left"), {}, [s] { s->alignSelection(A::Left); });
    addAction("arrange.alignRight", tr("Align &Right"), {}, [s] { s->alignSelection(A::Right); });
    addAction("arrange.alignTop", tr("Align &Top"), {}, [s] { s->alignSelection(A::Top); });
    addAction("arrange.alignBottom", tr("Align &Bottom"), {}, [s] { s->alignSelection(A::Bottom); });
    addAction("arrange.alignHorizontalCentres", tr("Align Centres &Horizontally"), {}, [s] { s->alignSelection(A::HorizontalCentres); });
    addAction("arrange.alignVerticalCentres", tr("Align Centres &Vertically"), {}, [s] { s->alignSelection(A::VerticalCentres); });
    addAction("arrange.distributeHorizontally", tr("Distribute Hori&zontally"), {}, [s] { s->distributeSelection(Qt::Horizontal); });
    addAction("arrange.distributeVertically", tr("Distribute Verticall&y"), {}, [s] { s->distributeSelection(Qt::Vertical); });
    addAction("arrange.autoLayout", tr("&Auto-Layout"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
              [s, v] {
                  s->autoLayout();
                  v->fitAll();  // the new layout can be far larger or smaller than the old one
              });
    addAction("arrange.group", tr("&Group Selection"), QKeySequence(Qt::CTRL | Qt::Key_G), [s, v] { s->groupSelection(v->pointerScenePos()); });
    addAction("arrange.note", tr("Add &Note"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [s, v] { s->addNote(v->pointerScenePos()); });
    addAction("view.fitAll", tr("&Fit All"), QKeySequence(Qt::CTRL | Qt::Key_0), [v] { v->fitAll(); });
    addAction("view.actualSize", tr("&Actual Size (100%)"), QKeySequence(Qt::CTRL | Qt::Key_1), [v] { v->zoomToActualSize(); });
    addAction("view.fitSelection", tr("Fit &Selection"), QKeySequence(Qt::CTRL | Qt::Key_2), [v] { v->fitSelection(); });
    QAction *zoomIn = addAction("view.zoomIn", tr("Zoom &In"), QKeySequence::ZoomIn, [v] { v->zoomBy(1.25, v->viewport()->rect().center()); });
    // "+" is Shift+= on many keyboards; browsers and editors take Ctrl+= as well.
    QList<QKeySequence> zoomInKeys = QKeySequence::keyBindings(QKeySequence::ZoomIn);
    if (!zoomInKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Equal))) zoomInKeys << QKeySequence(Qt::CTRL | Qt::Key_Equal);
    zoomIn->setShortcuts(zoomInKeys);
    addAction("view.zoomOut", tr("Zoom &Out"), QKeySequence::ZoomOut, [v] { v->zoomBy(0.8, v->viewport()->rect().center()); });
    addAction("view.find", tr("Find in &Graph…"), QKeySequence::Find, [this] { m_find->activate(); });
    addAction("view.findNext", tr("Find Ne&xt"), QKeySequence(Qt::Key_F3), [this] { m_find->next(); });
    addAction("view.findPrevious", tr("Find Pre&vious"), QKeySequence(Qt::SHIFT | Qt::Key_F3), [this] { m_find->previous(); });
    // Tab only on the canvas itself: in the find bar it must still move the focus.
    addAction("view.quickAdd", tr("&Quick Add…"), QKeySequence(Qt::Key_Tab), [v] { v->openQuickAdd(v->pointerScenePos(), {}); })
        ->setShortcutContext(Qt::WidgetShortcut);
    v->addAction(action("view.quickAdd"));
    addAction("export.png", tr("Export Graph as &PNG…"), {}, [this] { chooseExport(false); });
    addAction("export.svg", tr("Export Graph as &SVG…"), {}, [this] { chooseExport(true); });
}

QList<QAction *> FlowEditor::actions(const QString &prefix) const {
    QList<QAction *> list;
    for (const QString &id : m_order)
        if (id.startsWith(prefix)) list << m_actions.value(id);
    return list;
}

QString FlowEditor::currentTask() const {
    const QStringList names = m_scene->selectedTaskNames();
    return names.size() == 1 ? names.front() : QString();
}

void FlowEditor::selectTask(const QString &name) {
    if (name == currentTask()) return;
    m_scene->selectItems({name.isEmpty() ? QStringList() : QStringList{name}, {}, {}});
    if (!name.isEmpty()) m_view->ensureVisible(m_scene->node(name), 40, 40);
}

void FlowEditor::setRunStates(const QHash<QString, RunState> &states) { m_scene->setRunStates(states); }

QString FlowEditor::exportPng(const QString &path) { return GraphExport::savePng(m_scene, path); }

QString FlowEditor::exportSvg(const QString &path) { return GraphExport::saveSvg(m_scene, path); }

void FlowEditor::chooseExport(bool svg) {
    const QString base = QFileInfo(m_document->filePath()).completeBaseName().remove(QStringLiteral(".flow"));
    const QString suggested = (base.isEmpty() ? m_document->flow().name : base) + (svg ? ".svg" : ".png");
    const QString path = QFileDialog::getSaveFileName(this, svg ? tr("Export as SVG") : tr("Export as PNG"), suggested,
                                                      svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    const QString error = svg ? exportSvg(path) : exportPng(path);
    emit statusMessage(error.isEmpty() ? tr("Exported %1").arg(path) : error);
}

std::unique_ptr<QMenu> FlowEditor::contextMenuAt(QPoint pos) {
    auto menu = std::make_unique<QMenu>(this);
    const QPointF scenePos = m_view->mapToScene(pos);
    for (QGraphicsItem *item : m_scene->items(scenePos)) {
        if (item->type() != NodeItem::Type) continue;
        // As in file managers: a right-click acts on what it is on, or on the selection it is part of.
        if (!item->isSelected()) m_scene->selectItems({{static_cast<NodeItem *>(item)->name()}, {}, {}});
        addTaskActions(menu.get(), static_cast<NodeItem *>(item)->name());
        return menu;
    }
    menu->addAction(tr("Add Task Here…"), this, [this, scenePos] { m_view->openQuickAdd(scenePos, {}); });
    menu->addAction(tr("Add Note Here"), this, [this, scenePos] { m_scene->addNote(scenePos); });
    menu->addSeparator();
    for (const QString &prefix : {QStringLiteral("edit."), QStringLiteral("arrange.")}) {
        for (QAction *a : actions(prefix))
            if (a->objectName() != QLatin1String("arrange.note")) menu->addAction(a);
        menu->addSeparator();
    }
    menu->addAction(action("view.fitAll"));
    menu->addAction(action("export.png"));
    menu->addAction(action("export.svg"));
    return menu;
}

void FlowEditor::addTaskActions(QMenu *menu, const QString &task) {
    const bool alone = m_scene->selectedTaskNames().size() == 1;
    QAction *rename = menu->addAction(tr("&Rename…"), this, [this, task] {
        selectTask(task);
        emit taskActivated(task);  // the window puts the cursor in the inspector's name field
    });
    rename->setObjectName(QStringLiteral("task.rename"));
    rename->setEnabled(alone);
    menu->addSeparator();
    for (const char *id : {"edit.duplicate", "edit.cut", "edit.copy", "edit.delete"}) menu->addAction(action(id));
    menu->addSeparator();
    menu->addAction(action("view.fitSelection"));
    if (!m_taskMenuActions.isEmpty()) menu->addSeparator();
    for (const QPointer<QAction> &a : std::as_const(m_taskMenuActions))
        if (a) menu->addAction(a);
}

void FlowEditor::showContextMenu(QPoint pos) {
    contextMenuAt(pos)->exec(m_view->viewport()->mapToGlobal(pos));
}

}  // namespace flowdeck
