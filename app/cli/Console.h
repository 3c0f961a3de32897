#pragma once

#include <string>
/// @file Writing to stdout and stderr as UTF-8, and the "flowdeck-cli: " prefix of general errors.

#include <QList>
#include <QString>
#include <QStringList>

namespace flowdeck::cli {

/// Exit statuses shared by every command.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

inline const char *programName() {
    return "flowdeck-cli";
}

/// Writes @p text as it is on stdout.
void printOut(const QString &text);
/// Text already in UTF-8 (JSON output), written as it is.
void printOut(const std::string &utf8);
/// Writes @p text as it is on stderr (stdout is flushed first, so both read in order in a terminal).
void printErr(const QString &text);
/// "flowdeck-cli: MESSAGE" on stderr, for errors that are not about a place in a file.
void printError(const QString &message);

/// Rows as columns padded to their widest cell, two spaces apart, each line after @p indent.
QString table(const QList<QStringList> &rows, const QString &indent = QString());

}  // namespace flowdeck::cli
