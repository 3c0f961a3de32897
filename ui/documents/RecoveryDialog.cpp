#include "RecoveryDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowdeck {

RecoveryDialog::RecoveryDialog(const std::vector<AutosaveEntry> &entries, QWidget *parent)
    : QDialog(parent), m_entries(entries), m_list(new QListWidget(this)) {
    setWindowTitle(tr("Recover Unsaved Changes"));
    auto *intro = new QLabel(tr("Flowdeck did not close cleanly last time. These flows had changes "
                                "that were not saved:"),
                             this);
    intro->setWordWrap(true);
    for (const AutosaveEntry &entry : m_entries) {
        const QString where =
            entry.originalPath.isEmpty() ? tr("never saved") : QDir::toNativeSeparators(entry.originalPath);
        auto *item = new QListWidgetItem(
            tr("%1 \u2014 %2 (autosaved %3)")
                .arg(entry.title, where, QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat)),
            m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *recover = buttons->addButton(tr("&Recover Selected"), QDialogButtonBox::AcceptRole);
    QPushButton *discard = buttons->addButton(tr("&Discard All"), QDialogButtonBox::DestructiveRole);
    QPushButton *later = buttons->addButton(tr("&Later"), QDialogButtonBox::RejectRole);
    later->setToolTip(tr("Keep the autosaves and ask again next time"));
    recover->setDefault(true);
    connect(recover, &QPushButton::clicked, this, [this] {
        m_choice = Recover;
        accept();
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        m_choice = DiscardAll;
        accept();
    });
    connect(later, &QPushButton::clicked, this, &QDialog::reject);

    m_list->setMinimumWidth(fontMetrics().averageCharWidth() * 90);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
}

std::vector<AutosaveEntry> RecoveryDialog::selected() const {
    std::vector<AutosaveEntry> chosen;
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->checkState() == Qt::Checked) chosen.push_back(m_entries[size_t(row)]);
    return chosen;
}

}  // namespace flowdeck
