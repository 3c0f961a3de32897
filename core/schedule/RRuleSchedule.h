#pragma once
/// @file An iCalendar recurrence rule (RFC 5545 RRULE) with a DTSTART, expanded by libical.

#include "Schedule.h"
#include "ScheduleZone.h"

#include <memory>

namespace flowdeck {

/// Fires at the occurrences of an RRULE, which libical expands on the zone's wall clock from a
/// wall-clock DTSTART. Each occurrence lands like a daily cron time: a time the clock skips
/// fires at the end of the gap, a repeated time at its first occurrence.
class RRuleSchedule : public Schedule {
public:
    /// An rrule text split into its lines, as Prefect writes it:
    /// "DTSTART;TZID=Europe/Berlin:20260316T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO".
    struct Parts {
        QString rule;     ///< "FREQ=..." without "RRULE:"
        QString dtstart;  ///< ISO 8601 ("2026-03-16T09:00:00", "...Z" when UTC), or empty
        QString tzid;     ///< the DTSTART's TZID, or empty
        QString error;    ///< "rrule: ..." when a line cannot be read
    };
    static Parts split(const QString &text);

    struct CreateResult {
        std::shared_ptr<const RRuleSchedule> schedule;
        QString message;  ///< "rrule: ..." when the rule is refused
    };

    /// @p rule is "FREQ=...;..." (an "RRULE:" prefix and a DTSTART line are accepted, the line is
    /// ignored); @p dtstartWall is DTSTART as wall-clock seconds in @p zone (CivilTime.h).
    /// A UTC UNTIL is compared as an instant.
    static CreateResult create(const QString &rule, qint64 dtstartWall, const ScheduleZone &zone);

    std::optional<qint64> nextAfter(qint64 after) const override;
    QString describe() const override;

    QString rule() const { return rule_; }

    struct Rule;

private:
    RRuleSchedule() = default;
    QString rule_;
    qint64 dtstartWall_ = 0;
    ScheduleZone zone_;
    std::shared_ptr<const Rule> parsed_;
};

}  // namespace flowdeck
