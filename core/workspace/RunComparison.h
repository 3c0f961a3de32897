#pragma once
/// @file What differs between two runs (the runs browser's Compare): their parameters side by
/// side, and per task the state, attempts and duration of each, the tasks that changed most first,
/// with the first log line in which the two differ.

#include "run/RunRecords.h"

#include <QString>
#include <QVariant>

#include <vector>

namespace flowdeck {

class RunStore;

struct ParameterDifference {
    QString name;
    QVariant left;   ///< invalid when the left run has no such parameter
    QVariant right;
    bool differs = false;
};

struct TaskDifference {
    QString task;
    bool inLeft = false;  ///< the task has a task run in the left run
    bool inRight = false;
    RunState leftState = RunState::Pending;
    RunState rightState = RunState::Pending;
    int leftAttempts = 0;
    int rightAttempts = 0;
    double leftSeconds = 0;   ///< how long it ran (0 when it did not)
    double rightSeconds = 0;
    /// The number of the first line of the task's log (its own lines, from 1) that is not the
    /// same in both runs; 0 when its logs are the same (or both empty).
    qint64 firstDifferentLine = 0;
    QString leftLine;   ///< that line in each run; empty where that log had ended
    QString rightLine;

    bool stateChanged() const { return inLeft != inRight || leftState != rightState; }
};

struct RunComparison {
    FlowRunRecord left;
    FlowRunRecord right;
    std::vector<ParameterDifference> parameters;  ///< by name
    /// Tasks whose state changed first, then by how much their duration changed, then by name.
    std::vector<TaskDifference> tasks;
    QString error;  ///< a run that does not exist; nothing else is filled then
};

/// Compares run @p left with run @p right (ids or unique prefixes). A task's logs are compared
/// up to @p maxLogLines lines each, so a million-line log costs a bounded time.
RunComparison compareRuns(const RunStore &store, const QString &left, const QString &right,
                          int maxLogLines = 100000);

}  // namespace flowdeck
