#pragma once
/// @file Offers the autosaves of a session that did not end cleanly.

#include "AutosaveStore.h"

#include <QDialog>

#include <vector>

class QListWidget;

namespace flowdeck {

/// Lists autosaved documents, each with a check box. Recover opens the checked ones and
/// discards the rest; Discard All drops them all; closing keeps them for next time.
class RecoveryDialog : public QDialog {
    Q_OBJECT
public:
    enum Choice { Later, Recover, DiscardAll };

    explicit RecoveryDialog(const std::vector<AutosaveEntry> &entries, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    /// The checked entries (all of them unless the user unticked some).
    std::vector<AutosaveEntry> selected() const;

private:
    std::vector<AutosaveEntry> m_entries;
    QListWidget *m_list;
    Choice m_choice = Later;
};

}  // namespace flowdeck
