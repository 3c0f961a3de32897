#pragma once
/// @file Checks on a flow file's bytes before and after YAML parsing: size, binary data, UTF-8,
/// empty files, and the YAML parser's syntax errors turned into located diagnostics.

#include "Diagnostic.h"

#include <QByteArray>

#include <optional>

namespace flowdeck::yamlread {
struct ParseError;
}

namespace flowdeck {

/// Line and column (1-based) of byte @p offset.
SourceLocation locationAtByte(const QByteArray &text, qsizetype offset);
/// Byte offset of the first invalid UTF-8 sequence, or -1.
qsizetype firstInvalidUtf8(const QByteArray &text);
/// Why @p text cannot be a flow file at all (too large, binary, not UTF-8, empty), if it cannot.
std::optional<Diagnostic> textProblem(const QByteArray &text, const QString &file);
/// The YAML parser's error, placed where the user can fix it (an open quote, an open bracket).
Diagnostic syntaxError(const yamlread::ParseError &e, const QByteArray &text, const QString &file);

}  // namespace flowdeck
