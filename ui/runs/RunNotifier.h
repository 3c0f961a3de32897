#pragma once
/// @file A desktop notification when a run of the window ends while the window is not the active
/// one (freedesktop notifications over D-Bus: any desktop's notification daemon shows it; with
/// none, nothing happens).

#include "run/RunState.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QWidget;

namespace flowdeck {

class RunNotifier : public QObject {
    Q_OBJECT
public:
    /// What is sent: a summary line and a body. Tests replace it; by default, D-Bus.
    using Send = std::function<void(const QString &summary, const QString &body)>;

    explicit RunNotifier(QWidget *window);

    /// Tells the desktop that run @p runId of @p flow ended in @p state after @p took, unless
    /// the person is looking at the window already.
    void runEnded(const QString &flow, const QString &runId, RunState state, const QString &took,
                  const QString &message);
    void setSend(Send send) { m_send = std::move(send); }

private:
    QPointer<QWidget> m_window;
    Send m_send;
};

}  // namespace flowdeck
