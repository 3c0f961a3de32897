#pragma once
/// @file The GUI's language: the choice stored in the user's settings ("" follows the system),
/// and installing the translators for it when the application starts.

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace flowdeck {

/// The QSettings key of the language choice: "" (the system's), "en", "de" or "fr".
extern const QString languageSettingKey;

/// The languages Flowdeck is translated into, as language codes ("en", "de", "fr").
QStringList uiLanguages();

/// The stored choice, "" when there is none (the system's language).
QString storedLanguage();
void storeLanguage(const QString &code);

/// The locale the GUI shows: the stored choice, else the system's (LANG, LC_ALL, LC_MESSAGES).
QLocale uiLocale();

/// Makes @p locale the default (numbers and dates follow it) and installs Flowdeck's translator
/// for it and, when the system has them, Qt's own (standard buttons, dialogs). Call once, after
/// the QApplication exists and before any window is made; returns the language code used.
QString installTranslators(QCoreApplication &app, const QLocale &locale);

}  // namespace flowdeck
