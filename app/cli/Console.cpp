#include "Console.h"

#include <algorithm>

#include <cstdio>

namespace flowdeck::cli {

namespace {

void write(std::FILE *stream, const QString &text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

}  // namespace

void printOut(const QString &text) {
    write(stdout, text);
}

void printOut(const std::string &utf8) {
    std::fwrite(utf8.data(), 1, utf8.size(), stdout);
}

void printErr(const QString &text) {
    std::fflush(stdout);
    write(stderr, text);
}

void printError(const QString &message) {
    printErr(QLatin1String(programName()) + QLatin1String(": ") + message + QLatin1Char('\n'));
}

QString table(const QList<QStringList> &rows, const QString &indent) {
    QList<int> widths;
    for (const QStringList &row : rows)
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths << 0;
            widths[i] = std::max(widths[i], int(row[i].size()));
        }
    QString text;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (int i = 0; i < row.size(); ++i)
            cells << (i + 1 < row.size() ? row[i].leftJustified(widths[i]) : row[i]);
        text += indent + cells.join(QStringLiteral("  ")) + QLatin1Char('\n');
    }
    return text;
}

}  // namespace flowdeck::cli
