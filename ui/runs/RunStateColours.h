#pragma once
/// @file The colour of a run or task state in the run views, and the text helpers they share.

#include "run/RunState.h"

#include <QColor>
#include <QString>
#include <QVariantMap>

namespace flowdeck {

/// A colour that reads on light and dark backgrounds: green for success, red for failure,
/// blue while running, amber while waiting, grey for what did not run.
QColor stateColour(RunState state);

/// The state's name as the GUI shows it, translated ("Fehlgeschlagen"); in English the same as
/// core's toString(), which files, the CLI and the database keep.
QString stateText(RunState state);

/// What started a run as the GUI shows it ("manual" → "manuell"); a name it does not know as is.
QString triggerText(const QString &trigger);

// Numbers, dates and times are written in the user's locale (QLocale(), which main() sets from
// the system or the Language preference), never in a fixed format.

/// "40 ms", "1.2 s", "42 s", "3 min 04 s", "2 h 05 min" (German "1,2 s"); empty for a negative or
/// unknown duration.
QString durationText(qint64 ms);

/// A local date and time with seconds, in the locale's short date ("11/26/26 2:03:07 PM",
/// German "26.11.26 14:03:07"); empty for 0.
QString timeText(qint64 msSinceEpoch);

/// The locale's time-of-day format with seconds and without a time zone ("h:mm:ss AP", "HH:mm:ss").
QString clockFormat();

/// clockFormat() with milliseconds, for log lines ("HH:mm:ss.zzz").
QString logClockFormat();

/// @p value with @p decimals places and the locale's separators ("1,234.5", German "1.234,5").
QString numberText(double value, int decimals = 0);

/// Parameter values as one line ("day=monday, rows=3"), in key order.
QString parametersText(const QVariantMap &values);

}  // namespace flowdeck
