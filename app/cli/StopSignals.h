#pragma once
/// @file SIGTERM and SIGINT delivered as a Qt signal, so a long-running command can stop cleanly.

#include <QObject>

class QSocketNotifier;

namespace flowdeck::cli {

/// While one exists, SIGTERM and SIGINT do not kill the process: each emits received() in the
/// thread that created it (through a self-pipe, the only thing a signal handler may safely do).
class StopSignals : public QObject {
    Q_OBJECT
public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

signals:
    void received(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

}  // namespace flowdeck::cli
