#pragma once
/// @file A flow file named on the command line: loaded, or why it could not be opened.

#include "flow/FlowFile.h"

#include <QJsonObject>
#include <QString>

namespace flowdeck::cli {

struct FlowInput {
    QString path;       ///< as given on the command line
    QString openError;  ///< e.g. "no such file" when the file could not be opened; then result is empty
    LoadResult result;

    bool isValid() const { return openError.isEmpty() && result.isValid(); }
    /// Whether there is a flow to show, even an invalid one.
    bool isReadable() const { return openError.isEmpty() && result.readable; }
    /// Every problem: the loader's diagnostics, or one made from why the file could not be read.
    Diagnostics problems() const;
};

/// Loads @p path with FlowFile::load after checking it names a readable file.
FlowInput loadFlowInput(const QString &path);

/// Prints the problems on stderr: an open error as "flowdeck-cli: REASON: PATH", the rest as
/// "FILE:LINE:COLUMN: message".
void printProblems(const FlowInput &input);

/// {"file", "line", "column", "severity", "message", "task", "field"}; line and column are 0 when unknown.
QJsonObject toJson(const Diagnostic &diagnostic);

/// "1 task", "3 problems".
QString counted(qsizetype count, const QString &noun);

}  // namespace flowdeck::cli
