#include "FireTimes.h"

#include <algorithm>
#include <deque>

namespace flowdeck {

namespace {

// Bounds one window's walk; windows grow 60-fold, so a regular schedule stays far below it.
constexpr qint64 kMaxSteps = 2000000;

}  // namespace

std::vector<qint64> fireTimesAfter(const Schedule &schedule, qint64 after, qint64 upTo, int cap) {
    std::vector<qint64> times;
    for (auto t = schedule.nextAfter(after); t && *t <= upTo && int(times.size()) < cap;
         t = schedule.nextAfter(*t))
        times.push_back(*t);
    return times;
}

std::vector<qint64> latestFireTimes(const Schedule &schedule, qint64 after, qint64 upTo, int count) {
    if (count <= 0 || upTo <= after) return {};
    for (qint64 window = 60;; window *= 60) {
        const qint64 from = std::max(after, upTo - window);
        std::deque<qint64> last;
        qint64 steps = 0;
        for (auto t = schedule.nextAfter(from); t && *t <= upTo && steps < kMaxSteps;
             t = schedule.nextAfter(*t)) {
            last.push_back(*t);
            if (int(last.size()) > count) last.pop_front();
            ++steps;
        }
        if (int(last.size()) >= count || from == after) return {last.begin(), last.end()};
    }
}

}  // namespace flowdeck
