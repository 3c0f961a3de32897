#pragma once
/// @file Reading and mending single words of a flow file's text at a diagnostic's position, so
/// the editor can show a value it could not parse as the user wrote it, and fix a misspelt key.

#include "Flow.h"

#include <QByteArray>
#include <QString>

namespace flowdeck {

/// The plain scalar that starts at @p at in @p text ("10x" for `timeout: 10x  # soon`), without
/// quotes or a trailing comment; empty when @p at is unknown or no scalar starts there.
QString scalarTextAt(const QByteArray &text, SourceLocation at);

/// @p text with the whole word @p word at @p at replaced by @p with; empty when @p word is not
/// what stands there (the text changed since the position was taken).
QByteArray replaceWordAt(const QByteArray &text, SourceLocation at, const QString &word, const QString &with);

}  // namespace flowdeck
