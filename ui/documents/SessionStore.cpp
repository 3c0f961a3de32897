#include "SessionStore.h"

#include "flow/FlowFile.h"

#include <QFileInfo>
#include <QSettings>

namespace flowdeck {

namespace {

const QString workspaceKey = QStringLiteral("session/workspace");
const QString filesKey = QStringLiteral("session/files");
const QString currentKey = QStringLiteral("session/current");

// Reading every flow of a huge folder to find a tag would slow the start; tutorials are small
// and few, so the search stops early.
constexpr int maxFlowsSearched = 200;
constexpr qint64 maxTutorialBytes = 256 * 1024;

}  // namespace

Session SessionStore::load() {
    const QSettings settings;
    return {settings.value(workspaceKey).toString(), settings.value(filesKey).toStringList(),
            settings.value(currentKey).toString()};
}

void SessionStore::save(const Session &session) {
    QSettings settings;
    settings.setValue(workspaceKey, session.workspace);
    settings.setValue(filesKey, session.files);
    settings.setValue(currentKey, session.current);
}

QString SessionStore::welcomeFlow(const QStringList &flows) {
    for (int i = 0; i < flows.size() && i < maxFlowsSearched; ++i) {
        if (QFileInfo(flows[i]).size() > maxTutorialBytes) continue;
        const LoadResult result = FlowFile::load(flows[i]);
        if (result.readable && result.flow.tags.contains(QStringLiteral("tutorial"))) return flows[i];
    }
    return flows.value(0);
}

}  // namespace flowdeck
