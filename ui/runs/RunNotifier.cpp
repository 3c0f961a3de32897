#include "runs/RunNotifier.h"

#include "runs/RunStateColours.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QVariantMap>
#include <QWidget>

namespace flowdeck {

namespace {

void sendOverDBus(const QString &summary, const QString &body) {
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    // app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the daemon's)
    call << QStringLiteral("Flowdeck") << uint(0) << QStringLiteral("org.flowdeck.Flowdeck") << summary << body
         << QStringList() << QVariantMap{{QStringLiteral("desktop-entry"), QStringLiteral("org.flowdeck.Flowdeck")}}
         << -1;
    QDBusConnection::sessionBus().asyncCall(call);  // no bus or no daemon: nothing, and no wait
}

}  // namespace

RunNotifier::RunNotifier(QWidget *window) : QObject(window), m_window(window), m_send(sendOverDBus) {}

void RunNotifier::runEnded(const QString &flow, const QString &runId, RunState state, const QString &took,
                           const QString &message) {
    if (!m_window || m_window->isActiveWindow()) return;  // the status bar says it already
    const QString summary = tr("%1: %2").arg(flow, stateText(state));
    QString body = tr("Run %1 ended after %2").arg(runId.left(8), took);
    if (!message.isEmpty() && state != RunState::Completed) body += QStringLiteral("\n") + message;
    m_send(summary, body);
}

}  // namespace flowdeck
