#pragma once
/// @file Quick-Add: a search box over the task templates that pops up at the pointer.

#include "TaskTemplates.h"

#include <QFrame>

class QLineEdit;
class QListWidget;

namespace flowdeck {

class QuickAddPopup : public QFrame {
    Q_OBJECT
public:
    explicit QuickAddPopup(QWidget *parent = nullptr);
    /// Shows it with its top-left corner at @p globalPos, or above it or further left where the
    /// screen ends there; it deletes itself when closed.
    void popup(QPoint globalPos);
    void setFilter(const QString &text);
    /// The titles listed now, in order.
    QStringList shownTitles() const;
    /// Chooses the highlighted template (Enter does the same).
    void acceptCurrent();

signals:
    void chosen(const TaskTemplate &templ);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_filter;
    QListWidget *m_list;
    std::vector<TaskTemplate> m_shown;

    void fill();
    QPoint placeOnScreen(QPoint globalPos) const;
};

}  // namespace flowdeck
