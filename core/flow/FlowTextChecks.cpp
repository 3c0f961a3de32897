#include "FlowTextChecks.h"

#include "FlowFile.h"

#include "yaml/YamlRead.h"

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

/// The rest of line @p at.line from column @p at.column, without trailing blanks or a comment.
QString lineTextAt(const QByteArray &text, SourceLocation at) {
    const QList<QByteArray> lines = text.split('\n');
    if (at.line < 1 || at.line > lines.size()) return {};
    QString line = QString::fromUtf8(lines[at.line - 1]).mid(at.column - 1);
    if (const int comment = line.indexOf(QLatin1String(" #")); comment >= 0) line.truncate(comment);
    return line.trimmed().left(60);
}

SourceLocation locationOf(const yamlread::Mark &mark) {
    return mark.is_null() ? SourceLocation{1, 1} : SourceLocation{mark.line + 1, mark.column + 1};
}

}  // namespace

Diagnostic syntaxError(const yamlread::ParseError &e, const QByteArray &text, const QString &file) {
    Diagnostic d;
    d.file = file;
    d.location = locationOf(e.mark);
    const QString problem = QString::fromStdString(e.problem);
    QString context = QString::fromStdString(e.context);
    if (e.tooDeep) {
        d.message = QStringLiteral("nesting deeper than %1 levels").arg(FlowFile::maxNestingDepth);
    } else if (context == QLatin1String("while scanning a quoted scalar")) {
        // The parser only notices at the end of the input; the place to fix is where it opened.
        d.location = locationOf(e.contextMark);
        d.message = QStringLiteral("not valid YAML: this quoted text is never closed");
    } else if (context == QLatin1String("while scanning a simple key") && !e.contextMark.is_null()) {
        // A line of a mapping without its ':' (a truncated file, a typo): name the line.
        d.location = locationOf(e.contextMark);
        d.message = QStringLiteral("not valid YAML: expected ':' after '%1' (the lines of a mapping are 'key: value')")
                        .arg(lineTextAt(text, d.location));
    } else if (context.startsWith(QLatin1String("while parsing a ")) && !e.contextMark.is_null()) {
        // "did not find expected ',' or ']' (while parsing a flow sequence that starts at 11:11)"
        d.message = QStringLiteral("not valid YAML: %1 (%2 that starts at %3:%4)")
                        .arg(problem, context.replace(QLatin1String("while parsing a "), QLatin1String("reading the ")))
                        .arg(e.contextMark.line + 1)
                        .arg(e.contextMark.column + 1);
    } else {
        d.message = QStringLiteral("not valid YAML: %1").arg(problem);
    }
    if (text.startsWith('\t') || text.contains("\n\t"))
        d.message += QLatin1String(" (tabs cannot indent YAML: use spaces)");
    return d;
}

}  // namespace flowdeck
