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

/// "40 ms", "1.2 s", "42 s", "3 min 04 s", "2 h 05 min"; empty for a negative or unknown duration.
QString durationText(qint64 ms);

/// A local date and time ("2026-11-26 14:03:07"); empty for 0.
QString timeText(qint64 msSinceEpoch);

/// Parameter values as one line ("day=monday, rows=3"), in key order.
QString parametersText(const QVariantMap &values);

}  // namespace flowdeck
