#include "WorkspaceList.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace flowdeck {

namespace {

const QString flowSuffix = QStringLiteral(".flow.yaml");

QStringList flowFilesDirectlyIn(const QDir &dir) {
    QStringList paths;
    const auto entries = dir.entryInfoList({QStringLiteral("*") + flowSuffix}, QDir::Files | QDir::Readable);
    for (const QFileInfo &info : entries) paths << info.absoluteFilePath();
    return paths;
}

QStringList subfolders(const QString &folder) {
    QStringList paths;
    const auto entries = QDir(folder).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &info : entries) paths << info.absoluteFilePath();
    return paths;
}

}  // namespace

WorkspaceList::WorkspaceList(QWidget *parent) : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Saving a file is often several events (write, rename); one refresh is enough.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(100);
    connect(&m_refreshTimer, &QTimer::timeout, this, &WorkspaceList::refresh);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_refreshTimer.start(); });
    connect(this, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit flowActivated(item->data(PathRole).toString()); });
}

bool WorkspaceList::isFlowFile(const QString &path) {
    return path.endsWith(flowSuffix, Qt::CaseInsensitive);
}

QStringList WorkspaceList::flowFiles(const QString &folder) {
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) return {};
    QStringList paths = flowFilesDirectlyIn(QDir(folder));
    for (const QString &sub : subfolders(folder)) paths << flowFilesDirectlyIn(QDir(sub));
    const QDir root(folder);
    std::sort(paths.begin(), paths.end(), [&root](const QString &a, const QString &b) {
        return QString::compare(root.relativeFilePath(a), root.relativeFilePath(b), Qt::CaseInsensitive) < 0;
    });
    return paths;
}

void WorkspaceList::setFolder(const QString &folder) {
    m_folder = folder.isEmpty() ? QString() : QDir(folder).absolutePath();
    refresh();
}

void WorkspaceList::refresh() {
    clear();
    const QDir root(m_folder);
    for (const QString &path : flowFiles(m_folder)) {
        auto *item = new QListWidgetItem(root.relativeFilePath(path), this);
        item->setData(PathRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    watch(m_folder.isEmpty() ? QStringList() : QStringList{m_folder} + subfolders(m_folder));
    markCurrent();
}

void WorkspaceList::watch(const QStringList &folders) {
    const QStringList watched = m_watcher.directories();
    if (!watched.isEmpty()) m_watcher.removePaths(watched);
    if (!folders.isEmpty()) m_watcher.addPaths(folders);
}

void WorkspaceList::setCurrentFile(const QString &path) {
    m_current = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    markCurrent();
}

void WorkspaceList::markCurrent() {
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem *row = item(i);
        const bool current = row->data(PathRole).toString() == m_current;
        QFont font = row->font();
        font.setBold(current);
        row->setFont(font);
        if (current) setCurrentItem(row);
    }
}

QStringList WorkspaceList::files() const {
    QStringList paths;
    for (int i = 0; i < count(); ++i) paths << item(i)->data(PathRole).toString();
    return paths;
}

}  // namespace flowdeck
