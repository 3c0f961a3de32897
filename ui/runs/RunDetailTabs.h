#pragma once
/// @file The opened runs, one RunDetail tab each (the Run Detail dock). Every tab closes when the
/// workspace session it reads closes.

#include "workspace/WorkspaceSession.h"

#include <QPointer>
#include <QTabWidget>

namespace flowdeck {

class RunDetail;

class RunDetailTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit RunDetailTabs(QWidget *parent = nullptr);

    /// The workspace whose runs open here; a change closes the tabs of the previous one.
    void setSession(WorkspaceSession *session);
    /// Shows run @p runId (its tab if open already); null without a session.
    RunDetail *openRun(const QString &runId);
    RunDetail *detail(const QString &runId) const;

private:
    void closeAll();

    QPointer<WorkspaceSession> m_session;
    QMetaObject::Connection m_closing;
};

}  // namespace flowdeck
