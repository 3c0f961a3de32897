#pragma once
/// @file A problem found in a flow, with where it is (file:line:column) and what it concerns.

#include "Flow.h"

#include <QString>
#include <vector>

namespace flowdeck {

enum class Severity { Error, Warning };

/// One problem, printable as `file:line:column: message` (the GNU convention editors understand).
struct Diagnostic {
    Severity severity = Severity::Error;
    QString file;
    SourceLocation location;
    QString message;
    QString task;   ///< the task it concerns, if any (so the editor can select it)
    QString field;  ///< the task or flow field it concerns, e.g. "retries"
    /// For a misspelt key or name: the word as written ("retires") and the one "did you mean"
    /// proposes ("retries"), so the editor can offer the fix as one click. Empty otherwise.
    QString found;
    QString suggestion;

    QString toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
/// Sorted by line and column, stable for equal positions.
void sortByLocation(Diagnostics &diagnostics);

/// The closest candidate to @p word by edit distance, or empty if none is close enough.
QString closestMatch(const QString &word, const QStringList &candidates);
/// " (did you mean 'X'?)" or empty.
QString didYouMean(const QString &word, const QStringList &candidates);

}  // namespace flowdeck
