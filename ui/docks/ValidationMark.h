#pragma once
/// @file How a form shows that a field's value is wrong: a red border and a message.

#include <QColor>
#include <QString>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QPalette;
class QToolButton;
class QWidget;

namespace flowdeck {

/// Marks form fields invalid and back. The red is derived from the palette so that it reads
/// on light and dark themes alike.
class ValidationMark {
public:
    /// Marks @p field with @p error (empty: valid again) and shows the message in @p message.
    static void show(QWidget *field, QLabel *message, const QString &error);
    static bool isMarked(const QWidget *field);
    /// Adds "label: editor" to @p form with a hidden message line under the editor. Returns the
    /// message label (for show()) and, through @p cell, the widget holding both.
    static QLabel *addRow(QFormLayout *form, const QString &label, QWidget *editor, QWidget **cell = nullptr);
    static QColor errorColour(const QPalette &palette);
    /// Sets a status line's @p text, in the error colour when @p error, else the normal one.
    static void setStatus(QLabel *line, const QString &text, bool error);
};

/// A table with Add and Remove buttons under it, for a form row.
struct EditableTable {
    QWidget *host = nullptr;
    QToolButton *add = nullptr;
    QToolButton *remove = nullptr;
    QHBoxLayout *buttons = nullptr;  ///< Add and Remove, for more buttons after them
};
/// Puts @p table, @p visibleRows text lines high, above Add and Remove buttons in a new host.
EditableTable withAddRemoveButtons(QWidget *table, int visibleRows);

}  // namespace flowdeck
