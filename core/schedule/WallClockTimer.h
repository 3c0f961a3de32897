#pragma once
/// @file A one-shot timer set to a wall-clock instant rather than a duration.

#include <QObject>
#include <QTimer>

class QSocketNotifier;

namespace flowdeck {

/// Fires at an instant of the system clock (ms since the epoch). Unlike QTimer, whose monotonic
/// clock stops while the machine sleeps, it fires on time after a suspend, and at once when the
/// system clock is set (so the owner can look again). Linux timerfd; QTimer where that fails.
class WallClockTimer : public QObject {
    Q_OBJECT
public:
    explicit WallClockTimer(QObject *parent = nullptr);
    ~WallClockTimer() override;

    void startAt(qint64 epochMs);
    void stop();
    bool isActive() const { return m_active; }

signals:
    void timeout();

private:
    void fire();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_fallback;
    bool m_active = false;
};

}  // namespace flowdeck
