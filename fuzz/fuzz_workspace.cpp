/// libFuzzer target: the workspace loader — flowdeck.yaml's settings, its schedules and its
/// deployments, read from a real file as the CLI and the GUI read it.
#include "FuzzInput.h"
#include "deploy/DeploymentConfig.h"
#include "schedule/WorkspaceSchedules.h"
#include "settings/Settings.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>

using namespace flowdeck;

namespace {

const QTemporaryDir &workspace() {
    static const QTemporaryDir dir;
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QString file = workspace().filePath(QString::fromLatin1(Settings::fileName));
    {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
        out.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    Settings::load(workspace().path(), QProcessEnvironment());
    WorkspaceSchedules::read(file);
    WorkspaceDeployments::read(file);
    return 0;
}
