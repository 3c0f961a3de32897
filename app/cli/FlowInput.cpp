#include "FlowInput.h"

#include "Console.h"

#include <QFileInfo>

namespace flowdeck::cli {

namespace {

QString openErrorOf(const QFileInfo &info) {
    if (!info.exists()) return QStringLiteral("no such file");
    if (info.isDir()) return QStringLiteral("is a directory, not a flow file");
    if (!info.isReadable()) return QStringLiteral("permission denied");
    return QString();
}

Diagnostic fileProblem(const QString &path, const QString &message) {
    Diagnostic diagnostic;
    diagnostic.file = path;
    diagnostic.message = message;
    return diagnostic;
}

}  // namespace

Diagnostics FlowInput::problems() const {
    if (!openError.isEmpty()) return {fileProblem(path, openError)};
    if (!result.readable && result.diagnostics.empty())
        return {fileProblem(path, QStringLiteral("cannot be read as a flow file"))};
    return result.diagnostics;
}

FlowInput loadFlowInput(const QString &path) {
    FlowInput input;
    input.path = path;
    input.openError = openErrorOf(QFileInfo(path));
    if (input.openError.isEmpty()) input.result = FlowFile::load(path);
    return input;
}

void printProblems(const FlowInput &input) {
    if (!input.openError.isEmpty()) {
        printError(input.openError + QLatin1String(": ") + input.path);
        return;
    }
    for (const Diagnostic &diagnostic : input.problems()) printErr(diagnostic.toString() + QLatin1Char('\n'));
}

QJsonObject toJson(const Diagnostic &diagnostic) {
    return QJsonObject{
        {QStringLiteral("file"), diagnostic.file},
        {QStringLiteral("line"), diagnostic.location.line},
        {QStringLiteral("column"), diagnostic.location.column},
        {QStringLiteral("severity"),
         diagnostic.severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning")},
        {QStringLiteral("message"), diagnostic.message},
        {QStringLiteral("task"), diagnostic.task},
        {QStringLiteral("field"), diagnostic.field},
    };
}

QString counted(qsizetype count, const QString &noun) {
    return QStringLiteral("%1 %2%3").arg(count).arg(noun, count == 1 ? QString() : QStringLiteral("s"));
}

}  // namespace flowdeck::cli
