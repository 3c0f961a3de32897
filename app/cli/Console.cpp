#include "Console.h"

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

void printErr(const QString &text) {
    std::fflush(stdout);
    write(stderr, text);
}

void printError(const QString &message) {
    printErr(QLatin1String(programName()) + QLatin1String(": ") + message + QLatin1Char('\n'));
}

}  // namespace flowdeck::cli
