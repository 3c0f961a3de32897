/// libFuzzer target: the RRULE checks (our splitting and refusals before libical expands the
/// rule), and the first few occurrences of what is accepted. First line: a zone; the rest: the rule.
#include "FuzzInput.h"
#include "schedule/RRuleSchedule.h"
#include "schedule/ScheduleZone.h"

using namespace flowdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    QStringList lines = fuzz::lines(data, size);
    const QString zoneText = lines.isEmpty() ? QString() : lines.takeFirst();
    const auto zone = ScheduleZone::fromText(zoneText.trimmed());
    const QString rule = lines.join(QLatin1Char('\n'));
    RRuleSchedule::split(rule);
    // 2026-01-05 09:00 wall clock.
    const auto created = RRuleSchedule::create(rule, 1767603600, zone ? *zone : ScheduleZone::utc());
    if (!created.schedule) return 0;
    created.schedule->describe();
    qint64 after = 1767600000;
    for (int i = 0; i < 4; ++i) {
        const auto next = created.schedule->nextAfter(after);
        if (!next) break;
        after = *next;
    }
    return 0;
}
