#include "runs/LiveTaskText.h"

#include "runs/RunStateColours.h"

#include <QCoreApplication>
#include <QLocale>

namespace flowdeck {

namespace {

// Its own translation context: lupdate and the running program must agree on the name.
struct LiveTaskText {
    Q_DECLARE_TR_FUNCTIONS(LiveTaskText)
};

// The state's own words: lower case after the first, as a person says them.
QString stateWords(RunState state) {
    switch (state) {
        case RunState::TimedOut:
            return LiveTaskText::tr("Timed out");
        case RunState::AwaitingRetry:
            return LiveTaskText::tr("Waiting to retry");
        default:
            return stateText(state);
    }
}

}  // namespace

QString formatDuration(qint64 ms) {
    return ms < 60000
               ? LiveTaskText::tr("%1 s").arg(QLocale().toString(std::max<qint64>(0, ms) / 1000.0, 'f', 1))
               : formatElapsed(ms);
}

QString formatElapsed(qint64 ms) {
    const qint64 total = std::max<qint64>(0, ms) / 1000;
    const qint64 h = total / 3600, m = total / 60 % 60, s = total % 60;
    if (h > 0) return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

NodeRunText nodeRunText(const LiveTask &task, int attempts, qint64 nowMs) {
    NodeRunText text;
    const bool mapped = task.itemsTotal > 0;
    const qint64 elapsed = task.startMs > 0 ? (task.endMs > 0 ? task.endMs : nowMs) - task.startMs : 0;
    const QString items =
        mapped ? LiveTaskText::tr("%1 of %2 done").arg(task.itemsDone).arg(task.itemsTotal) : QString();
    switch (task.state) {
    case RunState::Running:
        text.detail = mapped             ? items
                      : task.attempt > 1 ? LiveTaskText::tr("Attempt %1 of %2").arg(task.attempt).arg(attempts)
                                         : LiveTaskText::tr("Running");
        if (task.startMs > 0) text.detail += QStringLiteral(" \u00b7 ") + formatElapsed(elapsed);
        break;
    case RunState::Retrying:
        text.detail = LiveTaskText::tr("Attempt %1 of %2").arg(std::max(2, task.attempt)).arg(attempts);
        if (task.startMs > 0) text.detail += QStringLiteral(" \u00b7 ") + formatElapsed(elapsed);
        break;
    case RunState::AwaitingRetry:
        text.detail = LiveTaskText::tr("Attempt %1 of %2 soon").arg(task.attempt + 1).arg(attempts);
        break;
    case RunState::Completed:
        text.detail = mapped ? LiveTaskText::tr("Completed %1 of %2").arg(task.itemsDone).arg(task.itemsTotal)
                             : LiveTaskText::tr("Completed in %1").arg(formatDuration(elapsed));
        break;
    default:
        text.detail = stateWords(task.state);
        if (mapped && isFinal(task.state) && task.state != RunState::Skipped && task.state != RunState::Cached)
            text.detail += QStringLiteral(" \u00b7 ") + items;
        break;
    }
    QStringList tip;
    if (mapped) {
        tip << LiveTaskText::tr("%1 of %n items done", nullptr, task.itemsTotal).arg(task.itemsDone);
        if (task.itemsFailed) tip << LiveTaskText::tr("%1 failed").arg(task.itemsFailed);
    }
    if (task.attempt > 1) tip << LiveTaskText::tr("attempt %1 of %2").arg(task.attempt).arg(attempts);
    if (!task.message.isEmpty()) tip << task.message;
    text.tooltip = tip.join(QStringLiteral("; "));
    return text;
}

}  // namespace flowdeck
