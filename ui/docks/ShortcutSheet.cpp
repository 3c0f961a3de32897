#include "ShortcutSheet.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QScreen>
#include <QScrollBar>
#include <QStyle>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace flowdeck {

namespace {

QString plain(QString text) {
    text.remove(QLatin1Char('&'));
    text.remove(QChar(0x2026));
    return text.remove(QStringLiteral("...")).trimmed();
}

QString groupOf(const QAction *action) {
    const QVariant explicitGroup = action->property("shortcutGroup");
    if (explicitGroup.isValid()) return explicitGroup.toString();
    for (QObject *owner : action->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(owner)) {
            // A submenu is named after its top menu ("View") rather than itself ("Zoom").
            while (auto *parent = qobject_cast<QMenu *>(menu->parentWidget())) menu = parent;
            if (!menu->title().isEmpty()) return plain(menu->title());
        }
    }
    return ShortcutSheet::tr("Canvas");
}

QString keysOf(const QAction *action) {
    QStringList keys;
    for (const QKeySequence &key : action->shortcuts())
        if (!key.isEmpty()) keys << key.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

// Groups by menu, keeping each group's first-seen order (the menus' own order).
void groupByFirstSeen(std::vector<ShortcutSheet::Entry> &entries) {
    QHash<QString, int> groupOrder;
    for (const ShortcutSheet::Entry &entry : entries)
        if (!groupOrder.contains(entry.group)) groupOrder.insert(entry.group, groupOrder.size());
    std::stable_sort(entries.begin(), entries.end(), [&](const auto &a, const auto &b) {
        return groupOrder.value(a.group) < groupOrder.value(b.group);
    });
}

}  // namespace

std::vector<ShortcutSheet::Entry> ShortcutSheet::collect(const QList<QAction *> &actions) {
    std::vector<Entry> entries;
    QSet<QString> seen;
    for (const QAction *action : actions) {
        const QString keys = keysOf(action);
        if (keys.isEmpty() || action->text().isEmpty()) continue;
        // A dock's toggle is titled after its dock ("Workspace — examples"): the sheet names the
        // dock itself, which a window sets as "shortcutText".
        const QVariant fixed = action->property("shortcutText");
        Entry entry{groupOf(action), plain(fixed.isValid() ? fixed.toString() : action->text()), keys};
        const QString id = entry.action + QLatin1Char('\t') + keys;
        if (seen.contains(id)) continue;
        seen.insert(id);
        entries.push_back(entry);
    }
    groupByFirstSeen(entries);
    return entries;
}

ShortcutSheet::ShortcutSheet(const QList<QAction *> &actions, QWidget *parent)
    : ShortcutSheet(actions, {}, parent) {}

ShortcutSheet::ShortcutSheet(const QList<QAction *> &actions, const std::vector<Entry> &gestures,
                             QWidget *parent)
    : QDialog(parent),
      m_entries(collect(actions)),
      m_filter(new QLineEdit(this)),
      m_tree(new QTreeWidget(this)) {
    m_entries.insert(m_entries.end(), gestures.begin(), gestures.end());
    groupByFirstSeen(m_entries);
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setTextElideMode(Qt::ElideNone);
    // Both columns as wide as their longest text: nothing is cut, the sheet grows to fit them.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutSheet::fill);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    fill(QString());
    resize(fittingWidth(), fontMetrics().height() * 40);
}

int ShortcutSheet::fittingWidth() const {
    // The longest text of each column, with a cell's padding on both sides.
    const QFontMetrics metrics(m_tree->font());
    const int padding = 4 * m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_tree) + 16;
    int actionWidth = metrics.horizontalAdvance(m_tree->headerItem()->text(0));
    int keysWidth = metrics.horizontalAdvance(m_tree->headerItem()->text(1));
    for (const Entry &entry : m_entries) {
        actionWidth = std::max(actionWidth, metrics.horizontalAdvance(QStringLiteral("    ") + entry.action));
        keysWidth = std::max(keysWidth, metrics.horizontalAdvance(entry.keys));
    }
    const int columns = actionWidth + keysWidth + 2 * padding;
    const int chrome = 2 * m_tree->frameWidth() + m_tree->verticalScrollBar()->sizeHint().width() +
                       layout()->contentsMargins().left() + layout()->contentsMargins().right() +
                       fontMetrics().averageCharWidth() * 4;
    int width = std::max(columns + chrome, fontMetrics().averageCharWidth() * 60);
    if (const QScreen *s = screen()) width = std::min(width, s->availableGeometry().width() * 9 / 10);
    return width;
}

void ShortcutSheet::fill(const QString &filter) {
    m_tree->clear();
    QTreeWidgetItem *group = nullptr;
    for (const Entry &entry : m_entries) {
        if (!filter.isEmpty() && !entry.action.contains(filter, Qt::CaseInsensitive) &&
            !entry.keys.contains(filter, Qt::CaseInsensitive))
            continue;
        if (!group || group->text(0) != entry.group) {
            group = new QTreeWidgetItem(m_tree, {entry.group});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
        }
        new QTreeWidgetItem(m_tree, {QStringLiteral("    ") + entry.action, entry.keys});
    }
}

QString ShortcutSheet::toPlainText() const {
    QStringList lines;
    for (const Entry &entry : m_entries)
        lines << QStringLiteral("%1: %2\t%3").arg(entry.group, entry.action, entry.keys);
    return lines.join(QLatin1Char('\n'));
}

}  // namespace flowdeck
