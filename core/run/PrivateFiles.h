#pragma once
/// @file Files and folders that hold run data (the run database, its notification files, run
/// folders, inputs and results, the application log) are the user's alone: 0600 and 0700,
/// whatever the umask, since task results and logs can hold private data.

#include <QString>

namespace flowdeck {

constexpr unsigned kPrivateFileMode = 0600;
constexpr unsigned kPrivateFolderMode = 0700;

/// Creates @p path and any missing parent folders, each with mode 0700. Folders that exist are
/// left as they are (a parent may be the user's own workspace). False when it cannot be created.
bool makePrivateFolder(const QString &path);
/// Creates @p path empty with mode 0600 when it does not exist; an existing file of ours that
/// others could read is narrowed to 0600. False when the file cannot be created.
bool makePrivateFile(const QString &path);
/// Takes group's and others' access away from an existing file or folder of ours (0644 becomes
/// 0600, 0444 stays read-only as 0400); nothing when it does not exist or belongs to someone else.
void narrowToOwner(const QString &path);

}  // namespace flowdeck
