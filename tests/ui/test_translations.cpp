// The GUI in the user's language: started with LANG=de_DE.UTF-8 (ctest sets it for this test,
// with LC_ALL, LC_MESSAGES and LANGUAGE empty) a real MainWindow has German menus, and dates,
// durations and numbers in the run views follow the locale; the Language preference overrides
// the system's; no menu has two entries on one accelerator key in any language.

#include "../common/IsolatedSettings.h"
#include "FlowHeader.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "UiLanguage.h"
#include "runs/LiveTaskText.h"
#include "runs/RunStateColours.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace flowdeck;

namespace {

QStringList menuTitles(const MainWindow &window) {
    QStringList titles;
    for (QAction *a : window.menuBar()->actions())
        if (a->menu()) titles << a->text();
    return titles;
}

QChar accelerator(const QString &text) {
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

/// "Menu: 'A' is the key of both X and Y" for every clash in @p menu and its submenus.
QStringList clashes(const QMenu *menu) {
    QStringList found;
    QHash<QChar, QString> taken;
    for (QAction *a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible()) continue;
        const QChar key = accelerator(a->text());
        if (!key.isNull()) {
            if (taken.contains(key))
                found << QStringLiteral("%1: '%2' is the key of both %3 and %4")
                             .arg(menu->title(), key, taken[key], a->text());
            taken.insert(key, a->text());
        }
        if (a->menu()) found << clashes(a->menu());
    }
    return found;
}

QString examplesFlow() {
    return QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/etl-pipeline.flow.yaml");
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void systemLanguageFromLangGivesGermanMenus();
    void qtsOwnDialogButtonsAreGermanToo();
    void durationsNumbersAndDatesFollowTheLocale();
    void storedLanguageOverridesTheSystem();
    void preferencesStoreTheLanguageForTheNextStart();
    void noMenuHasTwoEntriesOnOneKey_data();
    void noMenuHasTwoEntriesOnOneKey();
    void cleanup();

private:
    QTemporaryDir m_settings;
};

void TestTranslations::initTestCase() {
    test::isolateSettings(m_settings.path(), QStringLiteral("test_translations"));
    // What ctest gives this test (tests/ui/CMakeLists.txt); run by hand, set it the same way.
    QCOMPARE(qEnvironmentVariable("LANG"), QStringLiteral("de_DE.UTF-8"));
}

void TestTranslations::cleanup() {
    storeLanguage(QString());
}

void TestTranslations::systemLanguageFromLangGivesGermanMenus() {
    QCOMPARE(storedLanguage(), QString());
    QCOMPARE(uiLocale().language(), QLocale::German);
    QCOMPARE(installTranslators(*qApp, uiLocale()), QStringLiteral("de"));
    MainWindow window;
    const QStringList titles = menuTitles(window);
    QCOMPARE(titles.value(0), QStringLiteral("&Datei"));
    for (const char *title : {"&Bearbeiten", "A&nordnen", "&Ansicht", "Aus&f\u00fchren", "&Hilfe"})
        QVERIFY2(titles.contains(QString::fromUtf8(title)), qPrintable(titles.join(QStringLiteral(", "))));
    auto *preferences = window.findChild<QAction *>(QStringLiteral("preferences"));
    QVERIFY(preferences);
    QCOMPARE(preferences->text(), QStringLiteral("Ein&stellungen\u2026"));
    // What the window says about a flow is German too.
    QVERIFY(window.openPath(examplesFlow()));
    QVERIFY2(window.flowHeader()->badge().startsWith(QStringLiteral("g\u00fcltig")),
             qPrintable(window.flowHeader()->badge()));
}

void TestTranslations::qtsOwnDialogButtonsAreGermanToo() {
    installTranslators(*qApp, uiLocale());
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm")))
        QSKIP("Qt's German translations are not installed (Debian: qt6-translations-l10n)");
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
}

void TestTranslations::durationsNumbersAndDatesFollowTheLocale() {
    installTranslators(*qApp, uiLocale());
    QCOMPARE(QLocale().language(), QLocale::German);
    QCOMPARE(durationText(1500), QStringLiteral("1,5 s"));
    QCOMPARE(durationText(185000), QStringLiteral("3 min 05 s"));
    QCOMPARE(formatDuration(12300), QStringLiteral("12,3 s"));
    QCOMPARE(numberText(1234.5, 1), QStringLiteral("1.234,5"));
    QCOMPARE(stateText(RunState::Failed), QStringLiteral("Fehlgeschlagen"));
    QCOMPARE(triggerText(QStringLiteral("manual")), QStringLiteral("manuell"));
    const QDateTime local(QDate(2026, 11, 26), QTime(14, 3, 7));
    QCOMPARE(timeText(local.toMSecsSinceEpoch()), QStringLiteral("26.11.26 14:03:07"));

    // The same values for an American user: the format changes, nothing is hard-coded.
    installTranslators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(durationText(1500), QStringLiteral("1.5 s"));
    QCOMPARE(numberText(1234.5, 1), QStringLiteral("1,234.5"));
    QCOMPARE(stateText(RunState::Failed), toString(RunState::Failed));  // English: core's own name
    const QString american = timeText(local.toMSecsSinceEpoch());
    QVERIFY2(
        american.startsWith(QStringLiteral("11/26/26 2:03:07")) && american.endsWith(QStringLiteral("PM")),
        qPrintable(american));
}

void TestTranslations::storedLanguageOverridesTheSystem() {
    storeLanguage(QStringLiteral("fr"));
    QCOMPARE(uiLocale().language(), QLocale::French);
    QCOMPARE(installTranslators(*qApp, uiLocale()), QStringLiteral("fr"));
    MainWindow window;
    QCOMPARE(menuTitles(window).value(0), QStringLiteral("&Fichier"));
    QVERIFY(menuTitles(window).contains(QStringLiteral("E&x\u00e9cution")));
    QCOMPARE(durationText(1500), QStringLiteral("1,5 s"));

    storeLanguage(QStringLiteral("en"));
    QCOMPARE(installTranslators(*qApp, uiLocale()), QStringLiteral("en"));
    MainWindow english;
    QCOMPARE(menuTitles(english).value(0), QStringLiteral("&File"));
}

void TestTranslations::preferencesStoreTheLanguageForTheNextStart() {
    installTranslators(*qApp, uiLocale());
    PreferencesDialog dialog;
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("language"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 4);
    QCOMPARE(combo->itemData(0).toString(), QString());  // the system's
    QVERIFY(combo->itemText(0).startsWith(QStringLiteral("System (")));
    QCOMPARE(combo->itemText(3), QStringLiteral("Fran\u00e7ais"));
    QCOMPARE(combo->currentIndex(), 0);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("restartNote"))
                ->text()
                .contains(QStringLiteral("n\u00e4chsten Start")));
    combo->setCurrentIndex(combo->findData(QStringLiteral("de")));
    dialog.accept();
    QCOMPARE(QSettings().value(languageSettingKey).toString(), QStringLiteral("de"));
    QCOMPARE(storedLanguage(), QStringLiteral("de"));

    PreferencesDialog again;
    QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("language"))->currentData().toString(),
             QStringLiteral("de"));
    again.findChild<QComboBox *>(QStringLiteral("language"))->setCurrentIndex(0);
    again.accept();
    QVERIFY(!QSettings().contains(languageSettingKey));  // back to following the system
}

void TestTranslations::noMenuHasTwoEntriesOnOneKey_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("French") << QStringLiteral("fr");
}

void TestTranslations::noMenuHasTwoEntriesOnOneKey() {
    QFETCH(QString, language);
    installTranslators(*qApp, QLocale(language));
    MainWindow window;
    QVERIFY(window.openPath(examplesFlow()));  // the canvas's actions join Edit, View and Arrange
    QStringList found;
    QHash<QChar, QString> titles;
    for (QAction *a : window.menuBar()->actions()) {
        if (!a->menu()) continue;
        const QChar key = accelerator(a->text());
        if (titles.contains(key))
            found << QStringLiteral("menu bar: '%1' is the key of both %2 and %3")
                         .arg(key, titles[key], a->text());
        titles.insert(key, a->text());
        found << clashes(a->menu());
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
