#pragma once
/// @file Workspace trust: the folders whose code the GUI may run on its own (schedules firing,
/// autosaved documents coming back), as editors ask before running a cloned repository's tasks.
/// `flowdeck-cli run` and `serve` are explicit commands and do not ask.

#include <QString>
#include <QStringList>

namespace flowdeck {

class WorkspaceTrust {
public:
    /// The trusted folders remembered in @p file (one absolute path per line); no file: none.
    explicit WorkspaceTrust(QString file = defaultFile());

    /// $FLOWDECK_TRUST_FILE, else <config>/flowdeck/trusted-workspaces (XDG_CONFIG_HOME).
    static QString defaultFile();

    /// Whether @p folder, or a folder it lies in, was trusted (compared as real paths, so a
    /// symbolic link to a trusted folder is trusted, and a look-alike path is not).
    bool isTrusted(const QString &folder) const;
    /// Remembers @p folder as trusted. The file is replaced atomically and private (0600).
    bool trust(const QString &folder, QString *error = nullptr);
    /// Forgets @p folder (not the folders it lies in).
    bool revoke(const QString &folder, QString *error = nullptr);
    QStringList folders() const { return m_folders; }
    QString file() const { return m_file; }

private:
    bool save(QString *error) const;
    static QString realPath(const QString &folder);

    QString m_file;
    QStringList m_folders;
};

}  // namespace flowdeck
