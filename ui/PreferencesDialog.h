#pragma once
/// @file Edit › Preferences: the user's own settings (not the workspace's flowdeck.yaml); for
/// now the GUI's language, applied at the next start.

#include <QDialog>

class QComboBox;

namespace flowdeck {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// Stores the choices (QSettings); called when the dialog is accepted.
    void apply();

private:
    QComboBox *m_language = nullptr;
};

}  // namespace flowdeck
