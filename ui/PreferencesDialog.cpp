#include "PreferencesDialog.h"

#include "UiLanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace flowdeck {

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    // Each language in its own name, so that a user who cannot read the current one finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Fran\u00e7ais"), QStringLiteral("fr"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(storedLanguage())));

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *note = new QLabel(tr("The language changes the next time Flowdeck starts. Dates, times and "
                               "numbers follow it too."),
                            this);
    note->setObjectName(QStringLiteral("restartNote"));
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::accepted, this, &PreferencesDialog::apply);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch();
    layout->addWidget(buttons);
    // Wide enough that the note reads in two lines, in every language.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

void PreferencesDialog::apply() {
    storeLanguage(m_language->currentData().toString());
}

}  // namespace flowdeck
