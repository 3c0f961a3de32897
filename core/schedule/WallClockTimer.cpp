#include "WallClockTimer.h"

#include <QDateTime>
#include <QSocketNotifier>

#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>

namespace flowdeck {

WallClockTimer::WallClockTimer(QObject *parent) : QObject(parent) {
    m_fallback.setParent(this);  // moves with this object to another thread
    m_fallback.setSingleShot(true);
    m_fallback.setTimerType(Qt::PreciseTimer);
    connect(&m_fallback, &QTimer::timeout, this, &WallClockTimer::fire);
    m_fd = ::timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    if (m_fd < 0) return;
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        quint64 expirations = 0;
        // ECANCELED: the clock was set; the owner must look at the time again all the same.
        if (::read(m_fd, &expirations, sizeof expirations) < 0 && errno == EAGAIN) return;
        fire();
    });
}

WallClockTimer::~WallClockTimer() {
    if (m_fd >= 0) ::close(m_fd);
}

void WallClockTimer::startAt(qint64 epochMs) {
    m_active = true;
    if (m_fd < 0) {
        const qint64 wait = epochMs - QDateTime::currentMSecsSinceEpoch();
        m_fallback.start(int(std::clamp<qint64>(wait, 0, INT_MAX)));
        return;
    }
    itimerspec spec{};
    const qint64 at = std::max<qint64>(epochMs, 1);  // all zero would disarm it
    spec.it_value.tv_sec = time_t(at / 1000);
    spec.it_value.tv_nsec = long(at % 1000) * 1000000L;
    ::timerfd_settime(m_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, nullptr);
}

void WallClockTimer::stop() {
    m_active = false;
    m_fallback.stop();
    if (m_fd >= 0) {
        const itimerspec off{};
        ::timerfd_settime(m_fd, 0, &off, nullptr);
    }
}

void WallClockTimer::fire() {
    if (!m_active) return;
    m_active = false;
    emit timeout();
}

}  // namespace flowdeck
