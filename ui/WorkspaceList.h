#pragma once
/// @file The flow files of a workspace folder, kept up to date as files come and go.

#include <QFileSystemWatcher>
#include <QListWidget>
#include <QTimer>

namespace flowdeck {

/// Lists the `*.flow.yaml` files of a folder and of its direct subfolders, refreshed on change.
class WorkspaceList : public QListWidget {
    Q_OBJECT
public:
    /// On each row: the absolute path of the flow file.
    static constexpr int PathRole = Qt::UserRole;

    explicit WorkspaceList(QWidget *parent = nullptr);

    /// Shows the flows of @p folder (an empty string clears the list) and watches it.
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }
    /// Marks @p path as the open flow (bold) and selects it.
    void setCurrentFile(const QString &path);
    /// Absolute paths of the flows shown, in display order.
    QStringList files() const;
    /// Re-reads the folder now.
    void refresh();

    /// Absolute paths of the flow files of @p folder and its direct subfolders, sorted by
    /// relative path (case-insensitive).
    static QStringList flowFiles(const QString &folder);
    static bool isFlowFile(const QString &path);

signals:
    void flowActivated(const QString &path);

private:
    void watch(const QStringList &folders);
    void markCurrent();

    QString m_folder;
    QString m_current;
    QFileSystemWatcher m_watcher;
    QTimer m_refreshTimer;
};

}  // namespace flowdeck
