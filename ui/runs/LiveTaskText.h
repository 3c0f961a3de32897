#pragma once
/// @file What a node on the canvas says of its task while a run goes ("Running 0:07",
/// "Attempt 2 of 4 · 0:01", "4 of 10 done · 0:03"), and the status bar's figures.

#include "workspace/LiveRunFeed.h"

#include <QString>

namespace flowdeck {

struct NodeRunText {
    QString detail;   ///< the line under the task's name
    QString tooltip;  ///< the state's message and the counts that do not fit
};

/// @p attempts: how many attempts the task may take (its retries + 1); @p nowMs: wall clock.
NodeRunText nodeRunText(const LiveTask &task, int attempts, qint64 nowMs);

/// "0:07", "12:03", "1:02:03": a clock that ticks while something goes.
QString formatElapsed(qint64 ms);
/// How long something took: "0.4 s", "12.3 s" under a minute, else as formatElapsed().
QString formatDuration(qint64 ms);

}  // namespace flowdeck
