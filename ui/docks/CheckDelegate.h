#pragma once
/// @file Draws a table cell's check box in colours taken from the palette's text and base.

#include <QStyledItemDelegate>

namespace flowdeck {

/// For checkable cells (a parameter's Required): the style's own indicator is drawn from the
/// window's shades, which on a dark theme left an unchecked box all but invisible. This one is
/// outlined in a muted text colour and ticked in the text colour, on light and dark alike.
/// Clicking and the keyboard toggle it as with the default delegate.
class CheckDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// Where the box is drawn (and clicks toggle it) in a cell at @p option.
    static QRect boxRect(const QStyleOptionViewItem &option);
};

}  // namespace flowdeck
