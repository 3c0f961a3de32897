#include "RunDetailTabs.h"

#include "RunDetail.h"
#include "workspace/WorkspaceSession.h"

namespace flowdeck {

RunDetailTabs::RunDetailTabs(QWidget *parent) : QTabWidget(parent) {
    setTabsClosable(true);
    setDocumentMode(true);
    setMovable(true);
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) { delete widget(index); });
}

void RunDetailTabs::setSession(WorkspaceSession *session) {
    if (session == m_session) return;
    closeAll();
    disconnect(m_closing);
    m_session = session;
    if (session) m_closing = connect(session, &WorkspaceSession::closing, this, [this] { setSession(nullptr); });
}

void RunDetailTabs::closeAll() {
    while (count() > 0) delete widget(0);
}

RunDetail *RunDetailTabs::detail(const QString &runId) const {
    for (int i = 0; i < count(); ++i)
        if (auto *d = qobject_cast<RunDetail *>(widget(i)); d && d->runId() == runId) return d;
    return nullptr;
}

RunDetail *RunDetailTabs::openRun(const QString &runId) {
    if (!m_session) return nullptr;
    RunDetail *d = detail(runId);
    if (!d) {
        d = new RunDetail(m_session->store(), runId, this);
        const QString title = QStringLiteral("%1 \u00b7 %2").arg(d->run().flowName, runId.left(8));
        addTab(d, title);
        connect(d, &RunDetail::titleChanged, this, [this, d](const QString &t) { setTabText(indexOf(d), t); });
    }
    setCurrentWidget(d);
    return d;
}

}  // namespace flowdeck
