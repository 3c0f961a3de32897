// flowdeck-cli: the headless command line. It links flowdeck_core only (QtCore, no QtGui), so the
// same engine runs in a container, a systemd unit or a Kubernetes pod.

#include "Commands.h"
#include "settings/AppLog.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flowdeck-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOWDECK_VERSION));
    const int status = flowdeck::cli::run(QCoreApplication::arguments());
    flowdeck::flushAppLog();  // the periodic flush may not come before the process ends
    return status;
}
