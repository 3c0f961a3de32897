#!/usr/bin/env python3
"""Fails when a GUI source in ui/ shows the user a literal that does not go through tr().

A literal counts as user-visible text when it reads like words (two letters or more and a
space, or a capitalised word) and is not an argument of tr()/translate()/QT_TR_NOOP, nor of a
call that never reaches the screen (object names, settings keys, properties, logging...).
Literals that are meant to stay as they are (YAML keys, shell templates, file suffixes, font
samples) are listed in translations/untranslated.txt as `path: literal`.

    check_tr.py SOURCE_DIR        exit 1 and list the offenders, file:line, if there are any
"""
import pathlib
import re
import sys

TRANSLATING = {"tr", "translate", "QT_TR_NOOP", "QT_TR_N_NOOP", "QT_TRANSLATE_NOOP",
               "QT_TRANSLATE_N_NOOP", "qtTrId"}
# Calls that wrap a literal without deciding where it goes: look at the call around them.
WRAPPERS = {"QStringLiteral", "QLatin1String", "QLatin1StringView", "QString", "fromLatin1",
            "fromUtf8", "QStringView", "QByteArrayLiteral", "QLatin1Char", "QChar", "arg"}
# Calls whose string arguments never reach the screen.
NOT_SHOWN = {"setObjectName", "objectName", "setProperty", "property", "findChild", "findChildren",
             "value", "setValue", "remove", "contains", "beginGroup", "QSettings", "qDebug", "qInfo",
             "qWarning", "qCritical", "qFatal", "debug", "info", "warn", "error", "trace",
             "setStyleSheet", "QKeySequence", "QRegularExpression", "fromTheme", "QIcon", "QFile",
             "QFileInfo", "QDir", "filePath", "setAttribute", "agsafeset", "agattr", "connect",
             "endsWith", "startsWith", "locationOf", "actions", "setFamily", "QFont",
             "horizontalAdvance", "width", "boundingRect", "QT_TRANSLATE_NOOP3", "Q_ARG",
             "setAccessibleName", "mimeData", "hasFormat", "setData", "format", "QMimeData",
             "toString", "fromString", "Q_PROPERTY", "SIGNAL", "SLOT", "inherits", "qgetenv",
             "qputenv", "qEnvironmentVariable", "insert", "setEnvironment", "QProcess",
             "static_assert", "Q_ASSERT_X", "Q_STATIC_ASSERT_X"}

LITERAL = re.compile(r'(?:u8|u|L)?"((?:[^"\\\n]|\\.)*)"')
WORDS = re.compile(r"[A-Za-z]{2,}")


def strip_comments(text):
    """Comments become spaces (newlines kept, so line numbers hold); strings stay."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join(ch if ch == "\n" else " " for ch in text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def enclosing_calls(text, pos):
    """Names of the calls around pos, innermost first (stops at a statement's start)."""
    names, depth, i = [], 0, pos - 1
    while i >= 0 and len(names) < 4:
        c = text[i]
        if c in ")]}":
            depth += 1
        elif c in "([{":
            if depth == 0:
                if c == "(":
                    m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)\s*$", text[max(0, i - 80):i])
                    names.append(m.group(1) if m else "")
                elif c == "{" and re.search(r"[)=]\s*$|^\s*$", text[max(0, i - 80):i].split("\n")[-1]):
                    break  # a block or an initialiser list: the call around ends here
                else:
                    names.append("")
            else:
                depth -= 1
        elif c == ";" and depth == 0:
            break
        i -= 1
    return names


def reads_like_words(s):
    plain = re.sub(r"<[^>]*>|&[a-z]+;|%[0-9n]|\\[nt]", " ", s)
    if not WORDS.search(plain):
        return False
    if re.fullmatch(r"[A-Z0-9_]+", plain.strip()):  # environment names, SQL words
        return False
    if re.search(r"\s", plain):  # words with a space: "Retries: %1", ", at most %1"
        return True
    return bool(re.fullmatch(r"\s*&?[A-Z][a-z]+[\w\s:.…&]*", plain))  # "Runs", "Peak"


def offenders(root, allowed):
    for path in sorted((root / "ui").rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        rel = path.relative_to(root).as_posix()
        text = strip_comments(path.read_text(encoding="utf-8"))
        # The same text with every literal's inside blanked, so that brackets in strings do not
        # confuse the search for the call a literal is in.
        blank = LITERAL.sub(lambda m: '"' + " " * (len(m.group(0)) - 2) + '"', text)
        for m in LITERAL.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if text[line_start:m.start()].lstrip().startswith("#"):
                continue  # #include, #pragma
            literal = m.group(1)
            if not reads_like_words(literal) or (rel, literal) in allowed:
                continue
            calls = [c for c in enclosing_calls(blank, m.start()) if c not in WRAPPERS]
            if calls and (calls[0] in TRANSLATING or calls[0] in NOT_SHOWN):
                continue
            line = text.count("\n", 0, m.start()) + 1
            yield f'{rel}:{line}: "{literal}" is shown without tr()'


# Numbers and dates in a fixed format: "1.5" and "2026-11-26" where a German reads "1,5" and
# "26.11.26". ui/ writes them through QLocale (numberText, timeText, durationText).
FIXED_FORMAT = [
    (re.compile(r"""\.arg\([^;]*?,\s*0\s*,\s*'[fgeFGE]'"""), "a number formatted with arg(x, 0, 'f'): use numberText()"),
    (re.compile(r'"[^"\n]*(?:yyyy|yy-MM|hh:mm|HH:mm|dd\.MM|MM/dd)[^"\n]*"'), "a fixed date or time format: use timeText() or QLocale"),
]


def fixed_formats(root, allowed):
    for path in sorted((root / "ui").rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        rel = path.relative_to(root).as_posix()
        text = strip_comments(path.read_text(encoding="utf-8"))
        for pattern, why in FIXED_FORMAT:
            for m in pattern.finditer(text):
                if (rel, m.group(0).strip('"')) in allowed:
                    continue
                line = text.count("\n", 0, m.start()) + 1
                yield f"{rel}:{line}: {why}"


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    allowed = set()
    for raw in (root / "translations" / "untranslated.txt").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            rel, _, literal = raw.partition(": ")
            allowed.add((rel.strip(), literal))
    found = list(offenders(root, allowed)) + list(fixed_formats(root, allowed))
    for f in found:
        print(f)
    if found:
        print(f"\n{len(found)} literal(s) in ui/ reach the user without tr() or in a fixed format: wrap "
              "them in tr() (numbers and dates: QLocale), or, if they are not text for people (keys, "
              "code, file names, file formats), add `path: literal` to translations/untranslated.txt.")
        return 1
    print("every user-visible literal in ui/ goes through tr()")
    return 0


if __name__ == "__main__":
    sys.exit(main())
