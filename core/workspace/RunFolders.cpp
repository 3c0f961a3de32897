#include "workspace/RunFolders.h"

#include "engine/FlowRun.h"
#include "store/RunStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QUuid>

namespace flowdeck {

int pruneRunDirectories(const RunStore &store, int days, const QString &runsDirectory) {
    const QDir root(runsDirectory.isEmpty() ? defaultRunsDirectory() : runsDirectory);
    const QDateTime cutoff = QDateTime::currentDateTime().addDays(-days);
    int removed = 0;
    for (const QFileInfo &folder : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        // Only folders named like run ids, so nothing else a user keeps there is touched.
        if (QUuid::fromString(folder.fileName()).isNull() || folder.lastModified() > cutoff) continue;
        if (store.run(folder.fileName())) continue;
        if (QDir(folder.absoluteFilePath()).removeRecursively()) ++removed;
    }
    return removed;
}

}  // namespace flowdeck
