#pragma once
/// @file A schedule limited to a start and an end date.

#include "Schedule.h"

#include <memory>

namespace flowdeck {

/// Another schedule's fire times t with start <= t <= end (both bounds optional and inclusive,
/// as the guide's start_date and end_date).
class WindowedSchedule : public Schedule {
public:
    WindowedSchedule(std::shared_ptr<const Schedule> inner, std::optional<qint64> start,
                     std::optional<qint64> end);

    std::optional<qint64> nextAfter(qint64 after) const override;
    QString describe() const override;

private:
    std::shared_ptr<const Schedule> inner_;
    std::optional<qint64> start_;
    std::optional<qint64> end_;
};

}  // namespace flowdeck
