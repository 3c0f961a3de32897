#include "run/RunEvent.h"

#include "run/NameTable.h"

namespace flowdeck {

namespace {

const char *const logLevelNames[] = {"debug", "info", "warning", "error"};
static_assert(std::size(logLevelNames) == int(LogLine::Level::Error) + 1, "one name per level");

}  // namespace

QString toString(LogLine::Level level) {
    return QLatin1String(logLevelNames[int(level)]);
}

std::optional<LogLine::Level> logLevelFromString(const QString &text) {
    const int index = indexOfName(logLevelNames, text);
    if (index < 0) return std::nullopt;
    return LogLine::Level(index);
}

}  // namespace flowdeck
