#pragma once
/// @file One open workspace: its settings, its run store (opened once, with crash recovery, the
/// workspace's concurrency limits and retention) and the launcher of its runs. The CLI, the
/// scheduler and the GUI all open a workspace through it.

#include "flow/Diagnostic.h"
#include "settings/Settings.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>

namespace flowdeck {

class RunLauncher;
class RunStore;
struct Flow;
struct RunOptions;

/// How a workspace is opened.
struct SessionOptions {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    /// Setting flags by name without dashes ("db", "max-parallel"), as the CLI's options are.
    QHash<QString, QString> flags;
    /// Mark runs whose process died as Crashed (every start does; tests of recovery may not).
    bool recoverCrashedRuns = true;
};

class WorkspaceSession;

/// What opening a workspace found.
struct SessionLoad {
    std::unique_ptr<WorkspaceSession> session;  ///< null when it could not open
    Diagnostics problems;  ///< the settings' problems, warnings included (file:line:column)
    QString error;         ///< why it could not open (bad settings, an unusable database)
};

/// What retention removed.
struct RetentionResult {
    int runs = 0;
    int folders = 0;
};

class WorkspaceSession : public QObject {
    Q_OBJECT
public:
    /// Loads the settings of the workspace holding @p folder (the nearest folder with
    /// flowdeck.yaml, else @p folder itself) and opens its store.
    static SessionLoad open(const QString &folder, const SessionOptions &options = {});
    /// Opens the store of settings loaded already (the CLI loads them first, to print their
    /// problems); null with @p error when the database cannot be used.
    static std::unique_ptr<WorkspaceSession> open(const Settings &settings, QString *error,
                                                  bool recoverCrashedRuns = true);
    /// The store of @p settings as every command opens it: runs whose process died are marked
    /// Crashed (their ids in @p crashed), and the tag concurrency limits become the settings'.
    /// For commands that need the store alone; null with @p error when it cannot be used.
    static std::unique_ptr<RunStore> openStore(const Settings &settings, QString *error,
                                               bool recoverCrashedRuns = true, QStringList *crashed = nullptr);
    /// close(), then the store goes.
    ~WorkspaceSession() override;

    const Settings &settings() const { return m_settings; }
    QString workspaceDir() const { return m_settings.workspaceDir(); }
    /// Valid until the session is destroyed; views that keep it listen to closing().
    RunStore &store() const { return *m_store; }
    /// Runs flows with this workspace's store and settings.
    RunLauncher &launcher() const { return *m_launcher; }
    /// The runs found Crashed when the session opened.
    QStringList crashedOnOpen() const { return m_crashed; }

    /// The engine options this workspace gives @p flow (settings, interpreters, limits).
    RunOptions runOptionsFor(const Flow &flow) const;
    /// Deletes finished runs older than @p days (-1: the workspace's retention_days; 0 keeps
    /// everything), and the scratch folders of runs the store no longer knows.
    RetentionResult applyRetention(int days = -1);

    /// Emits closing() (views drop what they hold of the store), cancels the runs still going
    /// (their process trees are stopped) and waits for them. Idempotent.
    void close();
    bool isClosed() const { return m_closed; }

signals:
    void closing();

private:
    WorkspaceSession(Settings settings, std::unique_ptr<RunStore> store);

    Settings m_settings;
    std::unique_ptr<RunStore> m_store;
    std::unique_ptr<RunLauncher> m_launcher;
    QStringList m_crashed;
    bool m_closed = false;
};

}  // namespace flowdeck
