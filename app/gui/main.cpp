// flowdeck: the desktop GUI. `flowdeck [PATH]` opens a workspace folder or a flow file.

#include "MainWindow.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

#include "settings/AppLog.h"
#include "settings/Settings.h"

#include <QDir>

#include <cstdio>
#include <cstring>

namespace {

void describe(QCommandLineParser &parser) {
    parser.setApplicationDescription(QStringLiteral("Flowdeck: design, run and schedule workflows."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        QStringLiteral("A workspace folder (opens its first flow) or .flow.yaml files (one tab each)."),
        QStringLiteral("[paths...]"));
}

// --help and --version must work without a display (over ssh, in CI, in a package check),
// so they are answered by a QCoreApplication before any window system is touched.
bool wantsTextOnly(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0) return true;
        }
    }
    return false;
}

void setIdentity() {
    QCoreApplication::setApplicationName(QStringLiteral("Flowdeck"));
    QCoreApplication::setOrganizationName(QStringLiteral("Flowdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOWDECK_VERSION));
}

int answerTextOnly(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    describe(parser);
    parser.process(app);  // prints help or version and exits
    return 0;
}

}  // namespace

int main(int argc, char **argv) {
    setIdentity();
    if (wantsTextOnly(argc, argv)) return answerTextOnly(argc, argv);

    QApplication app(argc, argv);
    // The desktop entry's id: window managers match windows to it for the icon and the name.
    QApplication::setDesktopFileName(QStringLiteral("org.flowdeck.Flowdeck"));
    // The installed theme icon when there is one, else the same SVG built into the program.
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.flowdeck.Flowdeck"),
                                                 QIcon(QStringLiteral(":/icons/org.flowdeck.Flowdeck.svg"))));
    // Before any window: the system's language (LANG, LC_ALL) unless Preferences chose one.
    flowdeck::installTranslators(app, flowdeck::uiLocale());
    QCommandLineParser parser;
    describe(parser);
    parser.process(app);

    const QStringList paths = parser.positionalArguments();
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path)) {
            std::fprintf(stderr, "flowdeck: no such file or folder: %s\n", qPrintable(path));
            return 2;
        }
    }

    // Flowdeck's own log, at the level the workspace's settings ask for (a bad flowdeck.yaml
    // still opens: the defaults apply and the editor shows the flows).
    const QString workspace = flowdeck::Settings::findWorkspace(paths.value(0, QDir::currentPath()));
    flowdeck::setupAppLog(flowdeck::Settings::load(workspace).settings, QStringLiteral("flowdeck"));

    flowdeck::MainWindow window;
    window.show();
    // No path: the flows open when the window last closed (none on a first start).
    if (paths.isEmpty()) window.restoreSession();
    for (const QString &path : paths) window.openPath(path);
    // After the files: the recovered text of a file opened above goes into its tab.
    window.offerRecovery();
    return app.exec();
}
