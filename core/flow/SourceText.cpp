#include "SourceText.h"

namespace flowdeck {

namespace {

/// Byte offset of line @p line, column @p column (both 1-based, columns in bytes as yaml-cpp
/// counts them), or -1 when the text has no such place.
qsizetype offsetOf(const QByteArray &text, SourceLocation at) {
    if (!at.isKnown() || at.column < 1) return -1;
    qsizetype start = 0;
    for (int line = 1; line < at.line; ++line) {
        start = text.indexOf('\n', start);
        if (start < 0) return -1;
        ++start;
    }
    qsizetype end = text.indexOf('\n', start);
    if (end < 0) end = text.size();
    const qsizetype offset = start + at.column - 1;
    return offset <= end ? offset : -1;
}

qsizetype lineEnd(const QByteArray &text, qsizetype from) {
    qsizetype end = text.indexOf('\n', from);
    if (end < 0) end = text.size();
    if (end > from && text[end - 1] == '\r') --end;
    return end;
}

bool isWordByte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || (c & 0x80);
}

}  // namespace

QString scalarTextAt(const QByteArray &text, SourceLocation at) {
    const qsizetype from = offsetOf(text, at);
    if (from < 0) return {};
    QByteArray value = text.mid(from, lineEnd(text, from) - from);
    if (value.startsWith('"') || value.startsWith('\'')) {
        const qsizetype close = value.indexOf(value[0], 1);
        return close > 0 ? QString::fromUtf8(value.mid(1, close - 1)) : QString();
    }
    if (value.startsWith('{') || value.startsWith('[') || value.startsWith('|') || value.startsWith('>'))
        return {};  // not one plain scalar
    if (const qsizetype comment = value.indexOf(" #"); comment >= 0) value.truncate(comment);
    return QString::fromUtf8(value.trimmed());
}

QByteArray replaceWordAt(const QByteArray &text, SourceLocation at, const QString &word, const QString &with) {
    const qsizetype from = offsetOf(text, at);
    const QByteArray old = word.toUtf8();
    if (from < 0 || old.isEmpty() || text.mid(from, old.size()) != old) return {};
    const qsizetype after = from + old.size();
    if (after < text.size() && isWordByte(text[after])) return {};  // only part of a longer word
    QByteArray out = text;
    out.replace(from, old.size(), with.toUtf8());
    return out;
}

}  // namespace flowdeck
