#pragma once
/// @file Autosaved copies of unsaved flows, kept so that a crash loses at most a few seconds.

#include <QDateTime>
#include <QString>

#include <vector>

namespace flowdeck {

/// One autosaved document: its text file, its JSON sidecar and what the sidecar says.
struct AutosaveEntry {
    QString key;           ///< file base name: a hash of the path, or "untitled-N"
    QString textPath;      ///< <folder>/<key>.flow.yaml
    QString originalPath;  ///< the document's file; empty when it was untitled
    QString title;         ///< the name shown in its tab
    QDateTime time;        ///< when it was written
};

/// Reads and writes `<folder>/<key>.flow.yaml` with a `<key>.json` sidecar. Each sidecar names
/// the session (process id and window) that wrote it, so a new window can tell the autosaves
/// of a live window from those left behind by one that crashed.
class AutosaveStore {
public:
    /// `<AppDataLocation>/autosave`.
    static QString defaultFolder();

    explicit AutosaveStore(const QString &folder = defaultFolder());

    QString folder() const { return m_folder; }
    void setFolder(const QString &folder) { m_folder = folder; }

    /// The key of a document: a hash of its absolute path, or "untitled-N".
    static QString keyFor(const QString &path, int untitledNumber);

    /// Writes the text and then the sidecar (a half-written pair is never listed).
    bool write(const QString &key, const QByteArray &text, const QString &originalPath,
               const QString &title) const;
    void remove(const QString &key) const;
    /// The text of an entry (empty when it cannot be read).
    QByteArray read(const AutosaveEntry &entry) const;

    /// Autosaves whose session is over: a crashed process, or a window that was destroyed
    /// without a clean close. Newest first.
    std::vector<AutosaveEntry> orphans() const;

    /// This window's session id; live sessions' autosaves are never offered for recovery.
    int session() const { return m_session; }
    /// Forgets this session (the window is going away); its autosaves become orphans.
    void endSession();
    ~AutosaveStore();

private:
    bool isLive(qint64 pid, int session) const;
    QString sidecarPath(const QString &key) const;

    QString m_folder;
    int m_session = 0;
};

}  // namespace flowdeck
