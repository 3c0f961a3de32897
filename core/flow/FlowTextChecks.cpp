#include "FlowTextChecks.h"

#include "FlowFile.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

namespace flowdeck {

/// Line and column (1-based) of byte @p offset.
SourceLocation locationAtByte(const QByteArray &text, qsizetype offset) {
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

/// Byte offset of the first invalid UTF-8 sequence, or -1.
qsizetype firstInvalidUtf8(const QByteArray &text) {
    const auto *bytes = reinterpret_cast<const uchar *>(text.constData());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        const uchar c = bytes[i];
        int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + extra >= size + (extra == 0 ? 1 : 0)) return i;
        for (int k = 1; k <= extra; ++k)
            if ((bytes[i + k] & 0xC0) != 0x80) return i;
        i += extra + 1;
    }
    return -1;
}

std::optional<Diagnostic> textProblem(const QByteArray &text, const QString &file) {
    Diagnostic d;
    d.file = file;
    d.location = {1, 1};
    if (text.size() > FlowFile::maxFileBytes) {
        d.message = QStringLiteral("file is too large (%1 bytes): flow files are limited to %2 MiB")
                        .arg(text.size())
                        .arg(FlowFile::maxFileBytes / (1024 * 1024));
        return d;
    }
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        d.location = locationAtByte(text, nul);
        d.message = QStringLiteral("not a text file: binary data (a NUL byte) found");
        return d;
    }
    if (const qsizetype bad = firstInvalidUtf8(text); bad >= 0) {
        d.location = locationAtByte(text, bad);
        d.message = QStringLiteral("not valid UTF-8 text");
        return d;
    }
    if (text.trimmed().isEmpty()) {
        d.message = QStringLiteral("the file is empty: expected a flow with apiVersion, kind, name and tasks");
        return d;
    }
    return std::nullopt;
}

namespace {

/// Where an unterminated quoted scalar opens: yaml-cpp only notices at the end of the input.
SourceLocation openQuote(const QByteArray &text) {
    char quote = 0;
    qsizetype opened = -1;
    char previous = '\n';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (quote == '"' && c == '\\') ++i;
            else if (c == quote && !(quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')) quote = 0;
            else if (quote == '\'' && c == '\'') ++i;
            continue;
        }
        if ((c == '"' || c == '\'') && QByteArray(":-[{,\n").contains(previous)) {
            quote = c;
            opened = i;
        } else if (c == '#' && (previous == '\n' || text[i - 1] == ' ')) {
            while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        }
        if (c != ' ') previous = c;
    }
    return quote ? locationAtByte(text, opened) : SourceLocation{};
}

}  // namespace

Diagnostic syntaxError(const YAML::Exception &e, const QByteArray &text, const QString &file) {
    Diagnostic d;
    d.file = file;
    d.location = e.mark.is_null() ? SourceLocation{1, 1} : SourceLocation{e.mark.line + 1, e.mark.column + 1};
    d.message = QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(e.msg));
    if (dynamic_cast<const YAML::DeepRecursion *>(&e)) {
        d.message = QStringLiteral("nesting deeper than %1 levels").arg(FlowFile::maxNestingDepth);
    } else if (const int lines = int(text.count('\n')) + (text.endsWith('\n') ? 0 : 1); d.location.line > lines) {
        // The error lies in the document end we appended: something was left open at the end.
        const SourceLocation quote = openQuote(text);
        if (quote.isKnown()) {
            d.location = quote;
            d.message = QStringLiteral("not valid YAML: this quoted text is never closed");
        } else {
            d.location = locationAtByte(text, text.size());
        }
    }
    if (text.startsWith('\t') || text.contains("\n\t"))
        d.message += QLatin1String(" (tabs cannot indent YAML: use spaces)");
    return d;
}

}  // namespace flowdeck
