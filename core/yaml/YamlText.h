#pragma once
/// @file Writing YAML text by hand: scalars quoted only when they must be, literal blocks for
/// multi-line text, and generic values (QVariant lists and maps) in block or flow style. The
/// flow writer and the exporters share it, so every file Flowdeck writes quotes the same way.

#include <QString>
#include <QVariant>

#include <optional>

namespace flowdeck::yaml {

/// Whether a plain scalar @p text would read back as something other than a string
/// (a number, a boolean, null).
bool looksLikeNonString(const QString &text);
/// Whether @p text can be written as a plain scalar; @p inFlow: inside [..] or {..}.
bool isPlainSafe(const QString &text, bool inFlow);
/// @p text in double quotes with YAML escapes.
QString doubleQuoted(const QString &text);
/// @p text plain when that is safe, else double-quoted.
QString scalar(const QString &text, bool inFlow = false);
/// The shortest text that reads back as @p value (integers without a decimal point).
QString number(double value);
/// Whether a multi-line text survives a literal block scalar exactly.
bool fitsBlockScalar(const QString &text);

/// `key: value` at @p indent, as a literal block (`|`, `|-`, `|+`) when the text has lines.
QString textEntry(int indent, const QString &key, const QString &value);
/// Whether @p v is neither a list nor a map.
bool isScalar(const QVariant &v);
/// A scalar QVariant as YAML: null, true/false, numbers (a double keeps a decimal point), text.
QString scalarValue(const QVariant &v, bool inFlow);
/// A short list of scalars as `[a, b]`, an empty map as `{}`; nothing when block style is needed.
std::optional<QString> flowStyle(const QVariant &v);
/// `key: value` at @p indent for any QVariant value (maps in key order, lists, scalars).
QString valueEntry(int indent, const QString &key, const QVariant &v);
/// A list or map in block style at @p indent.
QString block(int indent, const QVariant &v);
/// One `- item` at @p indent.
QString listItem(int indent, const QVariant &item);

}  // namespace flowdeck::yaml
