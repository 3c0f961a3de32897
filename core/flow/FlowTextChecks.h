#pragma once
/// @file Checks on a flow file's bytes before and after YAML parsing: size, binary data, UTF-8,
/// empty files, and yaml-cpp's syntax errors turned into located diagnostics.

#include "Diagnostic.h"

#include <QByteArray>

#include <optional>

namespace YAML {
class Exception;
}

namespace flowdeck {

/// Line and column (1-based) of byte @p offset.
SourceLocation locationAtByte(const QByteArray &text, qsizetype offset);
/// Byte offset of the first invalid UTF-8 sequence, or -1.
qsizetype firstInvalidUtf8(const QByteArray &text);
/// Why @p text cannot be a flow file at all (too large, binary, not UTF-8, empty), if it cannot.
std::optional<Diagnostic> textProblem(const QByteArray &text, const QString &file);
/// yaml-cpp's error, placed where the user can fix it (an open quote, the end of the input).
Diagnostic syntaxError(const YAML::Exception &e, const QByteArray &text, const QString &file);

}  // namespace flowdeck
