#include "ExportWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

namespace flowdeck {

namespace {

QString writeFile(const QString &root, const ExportedFile &f) {
    if (f.path.isEmpty() || QDir::isAbsolutePath(f.path) || QDir::cleanPath(f.path).startsWith(QLatin1String("..")))
        return QStringLiteral("refusing to write '%1' outside the output folder").arg(f.path);
    const QString path = QDir(root).filePath(f.path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) return QStringLiteral("cannot create the folder of %1").arg(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    QFileDevice::Permissions mode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!f.isPrivate) mode |= QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (f.isExecutable) mode |= QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    // Permissions first, so a private file never holds its bytes with wider ones.
    if (!file.setPermissions(mode)) return QStringLiteral("cannot set the permissions of %1").arg(path);
    if (file.write(f.content) != f.content.size() || !file.flush())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace

QString writeExport(const std::vector<ExportedFile> &files, const QString &outDir, const bool force) {
    const QFileInfo out(outDir);
    const QString target = out.absoluteFilePath();
    if (out.exists() && !force)
        return QStringLiteral("%1 exists: choose another --out folder, or --force to replace it").arg(outDir);
    if (out.exists() && !out.isDir()) return QStringLiteral("%1 exists and is not a folder").arg(outDir);
    const QString parent = out.absolutePath();
    if (!QDir().mkpath(parent)) return QStringLiteral("cannot create %1").arg(parent);
    // Beside the target, so the final rename stays on one file system.
    QTemporaryDir staging(QDir(parent).filePath(QStringLiteral(".%1.flowdeck-export-XXXXXX").arg(out.fileName())));
    if (!staging.isValid()) return QStringLiteral("cannot create a folder in %1: %2").arg(parent, staging.errorString());
    for (const ExportedFile &f : files)
        if (const QString error = writeFile(staging.path(), f); !error.isEmpty()) return error;
    QFile::setPermissions(staging.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther);
    QString old;
    if (out.exists()) {
        old = staging.path() + QStringLiteral(".old");
        if (std::rename(QFile::encodeName(target).constData(), QFile::encodeName(old).constData()) != 0)
            return QStringLiteral("cannot move the old %1 aside").arg(outDir);
    }
    if (std::rename(QFile::encodeName(staging.path()).constData(), QFile::encodeName(target).constData()) != 0) {
        if (!old.isEmpty()) std::rename(QFile::encodeName(old).constData(), QFile::encodeName(target).constData());
        return QStringLiteral("cannot move the export into %1").arg(outDir);
    }
    staging.setAutoRemove(false);
    if (!old.isEmpty()) QDir(old).removeRecursively();
    return {};
}

}  // namespace flowdeck
