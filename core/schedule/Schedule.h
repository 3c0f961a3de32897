#pragma once
/// @file The interface every schedule (cron, interval, once, rrule) offers a scheduler.

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace flowdeck {

/// When a flow should fire. Instants are whole seconds; an instant's milliseconds are dropped.
/// Implementations are immutable after construction, so one schedule may serve many threads.
class Schedule {
public:
    virtual ~Schedule() = default;

    /// The first fire time strictly after @p after (UTC seconds since the epoch), or nullopt
    /// when the schedule has ended. The primitive the others are built on.
    virtual std::optional<qint64> nextAfter(qint64 after) const = 0;
    /// A one-line, plain-language summary, e.g. "At 09:00, Monday through Friday (Europe/Berlin)".
    virtual QString describe() const = 0;

    /// The first fire time strictly after @p after, as a UTC QDateTime.
    std::optional<QDateTime> next(const QDateTime &after) const;
    /// The fire times t with from <= t < to, in order, at most @p cap of them.
    std::vector<qint64> occurrencesBetween(qint64 from, qint64 to, int cap) const;
    QList<QDateTime> occurrences(const QDateTime &from, const QDateTime &to, int cap) const;
    /// The next @p count fire times strictly after @p after.
    QList<QDateTime> nextTimes(const QDateTime &after, int count) const;
};

/// A UTC QDateTime of @p utc seconds since the epoch.
QDateTime utcFromSecs(qint64 utc);
/// "2026-03-08T07:00:00Z".
QString isoUtc(qint64 utc);

}  // namespace flowdeck
