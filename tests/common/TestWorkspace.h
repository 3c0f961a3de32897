#pragma once
// A workspace folder for GUI tests of the run side: its own flowdeck.yaml (database runs.db in
// the folder, no retention), the WorkspaceSession the GUI would open on it, and runs made by
// really running a flow in this process, as the GUI's Run does.

#include "flow/FlowFile.h"
#include "workspace/RunLauncher.h"
#include "workspace/WorkspaceSession.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>
#include <QVariantMap>

#include <memory>

namespace flowdeck::test {

class TestWorkspace {
public:
    explicit TestWorkspace(const QByteArray &settings = "settings:\n  database: runs.db\n  retention_days: 0\n") {
        write(QStringLiteral("flowdeck.yaml"), settings);
        SessionLoad load = WorkspaceSession::open(dir.path());
        if (!load.session) qFatal("cannot open the workspace: %s", qPrintable(load.error));
        session = std::move(load.session);
    }

    QString write(const QString &name, const QByteArray &text) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(name));
        file.write(text);
        return dir.filePath(name);
    }

    /// The request that runs the flow file with @p parameters as typed values, as the GUI's Run
    /// makes it.
    LaunchRequest request(const QString &path, const QVariantMap &parameters = {}) const {
        const LoadResult loaded = FlowFile::load(path);
        if (!loaded.isValid()) qFatal("invalid test flow %s", qPrintable(path));
        LaunchRequest r;
        r.flow = loaded.flow;
        r.flowPath = path;
        r.options = session->runOptionsFor(loaded.flow);
        r.options.parameterValues = parameters;
        return r;
    }

    /// Runs the flow file to its end in this process (on the session's launcher).
    LaunchResult runHere(const QString &path, const QVariantMap &parameters = {}) {
        return session->launcher().runHere(request(path, parameters));
    }

    /// Starts the flow file on a thread of the session's launcher and returns at once.
    LaunchResult start(const QString &path, const QVariantMap &parameters = {}) {
        return session->launcher().start(request(path, parameters));
    }

    QTemporaryDir dir;
    std::unique_ptr<WorkspaceSession> session;
};

}  // namespace flowdeck::test
