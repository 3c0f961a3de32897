#pragma once
/// @file The keyboard cheat sheet (F1), built from the window's actions so it never goes stale.

#include <QDialog>

#include <vector>

class QAction;
class QLineEdit;
class QTreeWidget;

namespace flowdeck {

/// Lists every action that has a shortcut, grouped by the menu it is in, with a filter box.
class ShortcutSheet : public QDialog {
    Q_OBJECT
public:
    struct Entry {
        QString group;  ///< the menu's title, or "Canvas"/"Other" for actions outside menus
        QString action;
        QString keys;  ///< all shortcuts, as shown on this platform, comma separated
    };

    explicit ShortcutSheet(const QList<QAction *> &actions, QWidget *parent = nullptr);
    /// Also lists @p gestures: keys and mouse moves that no action stands for, after the actions.
    ShortcutSheet(const QList<QAction *> &actions, const std::vector<Entry> &gestures,
                  QWidget *parent = nullptr);

    /// The entries for @p actions: those with a shortcut, without duplicates, in menu order.
    static std::vector<Entry> collect(const QList<QAction *> &actions);
    const std::vector<Entry> &entries() const { return m_entries; }
    /// The sheet as plain text lines "Group: Action  Keys" (what a test or a copy gets).
    QString toPlainText() const;
    QTreeWidget *tree() const { return m_tree; }

private:
    void fill(const QString &filter);
    int fittingWidth() const;

    std::vector<Entry> m_entries;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

}  // namespace flowdeck
