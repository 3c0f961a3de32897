#pragma once
/// @file The palette dock: task kinds and snippets to drag onto the canvas, with a filter.

#include "editor/TaskTemplates.h"
#include "flow/Flow.h"

#include <QIcon>
#include <QWidget>

#include <optional>

class QLineEdit;

namespace flowdeck {

class PaletteList;

/// Lists TaskTemplates::all() under "Task kinds" and "Snippets". Dragging a row onto the canvas
/// adds it there; double-click or Enter asks the window to add it at the centre of the view.
class TaskPalette : public QWidget {
    Q_OBJECT
public:
    explicit TaskPalette(QWidget *parent = nullptr);

    /// The template an id stands for (the id is what drags carry: TaskTemplate::title).
    static std::optional<TaskTemplate> templateFor(const QString &templateId);
    static std::optional<Task> taskFor(const QString &templateId);

    void setFilter(const QString &text);
    void focusFilter();
    /// The ids of the rows shown (headers excluded), in order.
    QStringList visibleIds() const;
    PaletteList *list() const { return m_list; }

signals:
    void templateActivated(const QString &templateId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();

    QLineEdit *m_filter;
    PaletteList *m_list;
};

}  // namespace flowdeck
