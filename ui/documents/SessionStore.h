#pragma once
/// @file The flows that were open when the window last closed (in QSettings), and the flow a
/// folder opens with when it has no such session: its tutorial.

#include <QString>
#include <QStringList>

namespace flowdeck {

/// The open tabs of a window, as the window closed.
struct Session {
    QString workspace;   ///< absolute folder, or empty
    QStringList files;   ///< absolute paths, in tab order (untitled tabs are not kept)
    QString current;     ///< the file of the tab in front
    bool isEmpty() const { return files.isEmpty(); }
};

class SessionStore {
public:
    /// The last saved session (empty on a first start).
    static Session load();
    static void save(const Session &session);
    /// The flow a folder opens with when nothing of it was open before: the first of @p flows
    /// tagged `tutorial` (the examples' hello.flow.yaml), else the first of @p flows.
    static QString welcomeFlow(const QStringList &flows);
};

}  // namespace flowdeck
