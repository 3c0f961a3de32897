#include "UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace flowdeck {

const QString languageSettingKey = QStringLiteral("ui/language");

QStringList uiLanguages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString storedLanguage() {
    const QString code = QSettings().value(languageSettingKey).toString();
    return uiLanguages().contains(code) ? code : QString();
}

void storeLanguage(const QString &code) {
    QSettings settings;
    if (code.isEmpty())
        settings.remove(languageSettingKey);
    else
        settings.setValue(languageSettingKey, code);
}

QLocale uiLocale() {
    const QString code = storedLanguage();
    // A chosen language takes its own conventions too: German text with US dates reads oddly.
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

QString installTranslators(QCoreApplication &app, const QLocale &locale) {
    QLocale::setDefault(locale);
    // A second call (a test, a later language switch) replaces what the first installed.
    const QString mine = QStringLiteral("flowdeckTranslator");
    for (QTranslator *old : app.findChildren<QTranslator *>(mine, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const auto install = [&](QTranslator *translator) {
        translator->setObjectName(mine);
        QCoreApplication::installTranslator(translator);
    };
    // English is the source text: its translation only adds the singular of plural forms.
    auto *own = new QTranslator(&app);
    QString used = QStringLiteral("en");
    if (own->load(locale, QStringLiteral("flowdeck"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        used = own->language().section(QLatin1Char('_'), 0, 0);
        install(own);
    } else if (own->load(QStringLiteral(":/i18n/flowdeck_en.qm"))) {
        install(own);
    } else {
        delete own;
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(qt);
    else
        delete qt;
    return used;
}

}  // namespace flowdeck
