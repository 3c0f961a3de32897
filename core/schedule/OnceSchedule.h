#pragma once
/// @file A single fire time.

#include "Schedule.h"

namespace flowdeck {

/// Fires once, at one instant.
class OnceSchedule : public Schedule {
public:
    explicit OnceSchedule(qint64 at) : at_(at) {}

    std::optional<qint64> nextAfter(qint64 after) const override;
    QString describe() const override;

    qint64 at() const { return at_; }

private:
    qint64 at_;
};

}  // namespace flowdeck
