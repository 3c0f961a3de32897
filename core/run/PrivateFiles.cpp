#include "run/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace flowdeck {

namespace {

QByteArray native(const QString &path) {
    return QFile::encodeName(path);
}

}  // namespace

bool makePrivateFolder(const QString &path) {
    if (path.isEmpty()) return false;
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    // Walk down from the root, creating each missing folder with 0700; mkdir's mode is
    // narrowed by the umask, so chmod makes it exact.
    const QStringList parts = absolute.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString current;
    for (const QString &part : parts) {
        current += QLatin1Char('/') + part;
        const QByteArray name = native(current);
        struct stat info {};
        if (::stat(name.constData(), &info) == 0) {
            if (!S_ISDIR(info.st_mode)) return false;
            continue;
        }
        if (::mkdir(name.constData(), kPrivateFolderMode) != 0 && errno != EEXIST) return false;
        ::chmod(name.constData(), kPrivateFolderMode);
    }
    return QFileInfo(absolute).isDir();
}

bool makePrivateFile(const QString &path) {
    const QByteArray name = native(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kPrivateFileMode);
    if (fd >= 0) {
        ::fchmod(fd, kPrivateFileMode);  // open's mode was narrowed by the umask only
        ::close(fd);
        return true;
    }
    if (errno != EEXIST) return false;
    narrowToOwner(path);
    return true;
}

void narrowToOwner(const QString &path) {
    const QByteArray name = native(path);
    struct stat info {};
    if (::lstat(name.constData(), &info) != 0 || info.st_uid != ::geteuid()) return;
    if (S_ISLNK(info.st_mode) || (info.st_mode & 077) == 0) return;
    // Only takes group's and others' access away: a file the owner made read-only stays so.
    ::chmod(name.constData(), info.st_mode & 07700);
}

}  // namespace flowdeck
