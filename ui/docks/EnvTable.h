#pragma once
/// @file A task's environment variables as an editable table with a secret toggle.

#include "flow/Flow.h"

#include <QTableWidget>

#include <vector>

namespace flowdeck {

/// Columns name, value and secret; secret values are drawn and edited as dots.
/// Emits envEdited with the whole list after each edit.
class EnvTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, SecretColumn };

    explicit EnvTable(QWidget *parent = nullptr);

    void setEnv(const std::vector<EnvVar> &env);
    std::vector<EnvVar> env() const;
    /// The first problem of the table ("" when fine); bad cells are marked.
    QString check();

    void addVariable();
    void removeSelected();
    /// Turns the secret toggle of @p row on or off (as a click on it would).
    void setSecret(int row, bool secret);

signals:
    void envEdited(const std::vector<EnvVar> &env);

private:
    void onItemChanged(QTableWidgetItem *item);
    bool m_filling = false;
    bool m_emitting = false;
};

}  // namespace flowdeck
