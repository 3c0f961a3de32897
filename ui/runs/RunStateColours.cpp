#include "RunStateColours.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QStringList>

namespace flowdeck {

QColor stateColour(RunState state) {
    switch (state) {
        case RunState::Completed: return QColor(0x2e, 0x9d, 0x4f);
        case RunState::Cached: return QColor(0x3a, 0xa6, 0x9b);
        case RunState::Failed:
        case RunState::Crashed: return QColor(0xd0, 0x36, 0x2f);
        case RunState::TimedOut: return QColor(0xc8, 0x5a, 0x1e);
        case RunState::Running:
        case RunState::Retrying: return QColor(0x2f, 0x7d, 0xd6);
        case RunState::Pending:
        case RunState::AwaitingRetry:
        case RunState::Scheduled:
        case RunState::Paused: return QColor(0xc8, 0x96, 0x10);
        case RunState::Late: return QColor(0xd9, 0x7a, 0x10);
        case RunState::Cancelling:
        case RunState::Cancelled: return QColor(0x8a, 0x63, 0xc4);
        case RunState::Skipped: return QColor(0x8c, 0x8c, 0x8c);
    }
    return QColor(0x8c, 0x8c, 0x8c);
}

QString durationText(qint64 ms) {
    if (ms < 0) return {};
    if (ms < 1000) return QStringLiteral("%1 ms").arg(ms);
    if (ms < 10000) return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    if (s < 60) return QStringLiteral("%1 s").arg(s);
    if (s < 3600) return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString timeText(qint64 msSinceEpoch) {
    if (msSinceEpoch <= 0) return {};
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
}

QString parametersText(const QVariantMap &values) {
    QStringList parts;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const QVariant &v = it.value();
        const bool plain = v.typeId() != QMetaType::QVariantList && v.typeId() != QMetaType::QVariantMap;
        const QString text = plain ? v.toString()
                                   : QString::fromUtf8(QJsonDocument::fromVariant(v).toJson(QJsonDocument::Compact));
        parts << it.key() + QLatin1Char('=') + text;
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace flowdeck
