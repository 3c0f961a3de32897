#include "Schedule.h"

#include "CivilTime.h"

#include <QTimeZone>

namespace flowdeck {

QDateTime utcFromSecs(qint64 utc) {
    return QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc());
}

QString isoUtc(qint64 utc) {
    return utcFromSecs(utc).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

std::optional<QDateTime> Schedule::next(const QDateTime &after) const {
    const std::optional<qint64> next = nextAfter(after.toSecsSinceEpoch());
    if (!next) return std::nullopt;
    return utcFromSecs(*next);
}

std::vector<qint64> Schedule::occurrencesBetween(qint64 from, qint64 to, int cap) const {
    std::vector<qint64> times;
    std::optional<qint64> t = nextAfter(from - 1);
    while (t && *t < to && int(times.size()) < cap) {
        times.push_back(*t);
        t = nextAfter(*t);
    }
    return times;
}

QList<QDateTime> Schedule::occurrences(const QDateTime &from, const QDateTime &to, int cap) const {
    QList<QDateTime> times;
    // Fire times are whole seconds: t >= from and t < to, with milliseconds, round both up.
    const qint64 start = -floorDiv(-from.toMSecsSinceEpoch(), 1000);
    const qint64 end = -floorDiv(-to.toMSecsSinceEpoch(), 1000);
    for (const qint64 t : occurrencesBetween(start, end, cap)) times.append(utcFromSecs(t));
    return times;
}

QList<QDateTime> Schedule::nextTimes(const QDateTime &after, int count) const {
    QList<QDateTime> times;
    std::optional<qint64> t = nextAfter(after.toSecsSinceEpoch());
    while (t && times.size() < count) {
        times.append(utcFromSecs(*t));
        t = nextAfter(*t);
    }
    return times;
}

}  // namespace flowdeck
