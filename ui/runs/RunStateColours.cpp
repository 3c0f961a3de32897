#include "RunStateColours.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <iterator>

namespace flowdeck {

namespace {

// The units' translation context (free functions have no class of their own).
struct RunText {
    Q_DECLARE_TR_FUNCTIONS(RunText)
};

}  // namespace

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

QString stateText(RunState state) {
    // Feminine in French on purpose: both "exécution" (run) and "tâche" (task) are.
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("RunState", "Scheduled"),  QT_TRANSLATE_NOOP("RunState", "Late"),
        QT_TRANSLATE_NOOP("RunState", "Pending"),    QT_TRANSLATE_NOOP("RunState", "Running"),
        QT_TRANSLATE_NOOP("RunState", "Retrying"),   QT_TRANSLATE_NOOP("RunState", "AwaitingRetry"),
        QT_TRANSLATE_NOOP("RunState", "Completed"),  QT_TRANSLATE_NOOP("RunState", "Cached"),
        QT_TRANSLATE_NOOP("RunState", "Failed"),     QT_TRANSLATE_NOOP("RunState", "TimedOut"),
        QT_TRANSLATE_NOOP("RunState", "Cancelling"), QT_TRANSLATE_NOOP("RunState", "Cancelled"),
        QT_TRANSLATE_NOOP("RunState", "Paused"),     QT_TRANSLATE_NOOP("RunState", "Crashed"),
        QT_TRANSLATE_NOOP("RunState", "Skipped"),
    };
    static_assert(std::size(names) == int(RunState::Skipped) + 1, "one name per RunState");
    return QCoreApplication::translate("RunState", names[int(state)]);
}

QString triggerText(const QString &trigger) {
    // The run store's trigger names (flowdeck-cli runs list --trigger).
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("RunTrigger", "manual"),     QT_TRANSLATE_NOOP("RunTrigger", "schedule"),
        QT_TRANSLATE_NOOP("RunTrigger", "backfill"),   QT_TRANSLATE_NOOP("RunTrigger", "retry"),
        QT_TRANSLATE_NOOP("RunTrigger", "deployment"), QT_TRANSLATE_NOOP("RunTrigger", "subflow"),
    };
    for (const char *name : names)
        if (trigger == QLatin1String(name)) return QCoreApplication::translate("RunTrigger", name);
    return trigger;
}

QString durationText(qint64 ms) {
    if (ms < 0) return {};
    if (ms < 1000) return RunText::tr("%1 ms").arg(numberText(double(ms)));
    if (ms < 10000) return RunText::tr("%1 s").arg(numberText(double(ms) / 1000.0, 1));
    const qint64 s = ms / 1000;
    if (s < 60) return RunText::tr("%1 s").arg(s);
    if (s < 3600) return RunText::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return RunText::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString clockFormat() {
    // The long format is the one with seconds; its time zone ("t") is dropped, the runs list
    // is in local time throughout.
    QString format = QLocale().timeFormat(QLocale::LongFormat);
    format.remove(QRegularExpression(QStringLiteral("\\s*\\(?t+\\)?\\s*$")));
    return format.trimmed();
}

QString logClockFormat() {
    return clockFormat().replace(QStringLiteral("ss"), QStringLiteral("ss.zzz"));
}

QString numberText(double value, int decimals) {
    return QLocale().toString(value, 'f', decimals);
}

QString timeText(qint64 msSinceEpoch) {
    if (msSinceEpoch <= 0) return {};
    const QLocale locale;
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(msSinceEpoch);
    return locale.toString(time, locale.dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') + clockFormat());
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
