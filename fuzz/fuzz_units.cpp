/// libFuzzer target: the duration, size, CPU and memory quantity parsers, and the schedule's
/// date-time parser, each on every line of the input.
#include "FuzzInput.h"
#include "deploy/Quantity.h"
#include "flow/Units.h"
#include "schedule/ScheduleConfig.h"
#include "schedule/ScheduleZone.h"

using namespace flowdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const ScheduleZone zone = ScheduleZone::utc();
    for (const QString &line : fuzz::lines(data, size)) {
        parseDuration(line);
        parseSize(line);
        parseCpuMillis(line);
        parseMemoryBytes(line);
        QString error;
        parseScheduleTime(line, zone, &error);
    }
    return 0;
}
