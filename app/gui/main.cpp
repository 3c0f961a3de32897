// flowdeck: the desktop GUI. `flowdeck [PATH]` opens a workspace folder or a flow file.

#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstring>

namespace {

void describe(QCommandLineParser &parser) {
    parser.setApplicationDescription(QStringLiteral("Flowdeck: design, run and schedule workflows."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QStringLiteral("A workspace folder (opens its first flow) or a .flow.yaml file."),
        QStringLiteral("[path]"));
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

    spdlog::set_default_logger(spdlog::stderr_color_mt("flowdeck"));
    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("flowdeck"));
    QCommandLineParser parser;
    describe(parser);
    parser.process(app);

    const QStringList paths = parser.positionalArguments();
    if (paths.size() > 1) {
        std::fprintf(stderr, "flowdeck: expected at most one path, got %lld\n",
                     static_cast<long long>(paths.size()));
        return 2;
    }
    if (!paths.isEmpty() && !QFileInfo::exists(paths.first())) {
        std::fprintf(stderr, "flowdeck: no such file or folder: %s\n", qPrintable(paths.first()));
        return 2;
    }

    flowdeck::MainWindow window;
    window.show();
    if (!paths.isEmpty()) window.openPath(paths.first());
    return app.exec();
}
