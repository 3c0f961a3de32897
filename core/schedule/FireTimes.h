#pragma once
/// @file Fire-time windows a scheduler asks a Schedule for: the next ones to create ahead, and
/// the latest ones of a missed stretch (for catch-up), without walking a long stretch in full.

#include "Schedule.h"

#include <vector>

namespace flowdeck {

/// The fire times t with after < t <= upTo, in order, at most @p cap of them (the earliest).
std::vector<qint64> fireTimesAfter(const Schedule &schedule, qint64 after, qint64 upTo, int cap);

/// The last @p count fire times t with after < t <= upTo, in order. Looks back from @p upTo in
/// growing windows, so a month missed by an every-second schedule costs a few steps, not millions.
std::vector<qint64> latestFireTimes(const Schedule &schedule, qint64 after, qint64 upTo, int count);

}  // namespace flowdeck
