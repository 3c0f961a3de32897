#pragma once
/// @file Test helper: whether a process is still running.

#include <QFile>
#include <QString>

/// Running, not a zombie: orphans wait for init to reap them, which a container's init may not
/// do soon, and kill(pid, 0) succeeds on zombies.
inline bool processAlive(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.size() > close + 2 && text[close + 2] != 'Z' && text[close + 2] != 'X';
}
