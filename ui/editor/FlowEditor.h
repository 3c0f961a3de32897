#pragma once
/// @file The editor of one document: the canvas, its find bar, and its actions (with shortcuts
/// that work while the canvas has the focus) for the window's menus, toolbars and cheat sheet.

#include "engine/RunState.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QMenu;

namespace flowdeck {

class FlowDocument;
class FlowScene;
class FlowView;
class GraphFindBar;

class FlowEditor : public QWidget {
    Q_OBJECT
public:
    explicit FlowEditor(FlowDocument *document, QWidget *parent = nullptr);

    FlowDocument *document() const { return m_document; }
    FlowScene *scene() const { return m_scene; }
    FlowView *view() const { return m_view; }
    GraphFindBar *findBar() const { return m_find; }

    /// Actions by id: "edit.cut", "edit.copy", "edit.paste", "edit.duplicate", "edit.delete",
    /// "edit.selectAll", "arrange.alignLeft" ... "arrange.distributeVertically",
    /// "arrange.autoLayout", "arrange.group", "arrange.note", "view.fitAll", "view.actualSize",
    /// "view.fitSelection", "view.zoomIn", "view.zoomOut", "view.find", "view.findNext",
    /// "view.findPrevious", "view.quickAdd", "export.png", "export.svg".
    QAction *action(const QString &id) const { return m_actions.value(id); }
    /// Every action, in menu order (ids as above, grouped by their prefix).
    QList<QAction *> actions(const QString &prefix) const;

    /// The one selected task, or empty.
    QString currentTask() const;
    void selectTask(const QString &name);
    /// Live run colours; never touches the document (see FlowScene::setRunStates).
    void setRunStates(const QHash<QString, RunState> &states);

    /// The canvas's context menu for viewport point @p pos. On a task it selects the task (unless
    /// it is part of the selection already) and offers what applies to it: rename, duplicate,
    /// cut, copy, delete; elsewhere adding a task or note, editing, arranging and exporting.
    std::unique_ptr<QMenu> contextMenuAt(QPoint pos);
    /// Actions of others (the window's Run from Here, Run Selection) that the task menu ends with.
    void setTaskMenuActions(const QList<QAction *> &actions) { m_taskMenuActions = {actions.begin(), actions.end()}; }

    QString exportPng(const QString &path);
    QString exportSvg(const QString &path);

signals:
    void currentTaskChanged(const QString &name);
    /// The names of the selected tasks, whenever the selection changes.
    void selectedTasksChanged(const QStringList &names);
    void statusMessage(const QString &text);
    void taskActivated(const QString &name);
    /// A task was added from a template here (Quick-Add, the palette) and selected.
    void taskCreated(const QString &name);

private:
    FlowDocument *m_document;
    FlowScene *m_scene;
    FlowView *m_view;
    GraphFindBar *m_find;
    QHash<QString, QAction *> m_actions;
    QStringList m_order;
    QString m_lastCurrent;
    QList<QPointer<QAction>> m_taskMenuActions;

    QAction *addAction(const QString &id, const QString &text, const QKeySequence &shortcut, std::function<void()> slot);
    void createActions();
    void showContextMenu(QPoint pos);
    void addTaskActions(QMenu *menu, const QString &task);
    void chooseExport(bool svg);
};

}  // namespace flowdeck
