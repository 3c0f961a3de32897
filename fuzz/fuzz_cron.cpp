/// libFuzzer target: the cron parser, and on what it accepts the description and the search
/// for the next matching minute (which must end: nullopt after 400 years at the latest).
#include "FuzzInput.h"
#include "schedule/CivilTime.h"
#include "schedule/CronDescription.h"
#include "schedule/CronExpression.h"

using namespace flowdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    // The first byte chooses the day rule, the rest is the expression.
    const bool dayOr = data[0] & 1;
    const auto parsed = CronExpression::parse(fuzz::text(data + 1, size - 1), dayOr);
    if (!parsed.expression) return 0;
    describeCron(*parsed.expression);
    // 2026-03-08 00:00 wall clock, then the next few matches from there.
    qint64 wall = 1772928000;
    for (int i = 0; i < 4; ++i) {
        const auto next = parsed.expression->nextMatch(wall);
        if (!next) break;
        wall = *next + 60;
    }
    return 0;
}
