// flowdeck-cli validate: load flow files and report every problem.

#include "Commands.h"
#include "Console.h"
#include "FlowInput.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace flowdeck::cli {

CommandHelp validateHelp() {
    return {QStringLiteral("validate FILE... [--json] [--quiet]"),
            {{QStringLiteral("json"), QString(),
              QStringLiteral("Print one JSON document on stdout, nothing on stderr")},
             {QStringLiteral("quiet"), QString(),
              QStringLiteral("Print only the problems, not the line per file")}},
            QStringLiteral(
                "Each file is loaded and checked: YAML syntax, keys, types, durations and sizes, names,\n"
                "references between tasks and cycles. Every problem goes to stderr as\n"
                "  FILE:LINE:COLUMN: message\n"
                "then one line per file to stdout:\n"
                "  FILE: ok (N tasks)        or        FILE: N problems\n"
                "\n"
                "With --json, stdout gets\n"
                "  {\"files\": [{\"file\", \"valid\", \"tasks\", \"problems\": [{\"file\", \"line\", "
                "\"column\",\n"
                "   \"severity\", \"message\", \"task\", \"field\"}]}]}\n"
                "where line and column are 0 when unknown and severity is \"error\" or \"warning\".\n"
                "\n"
                "Exit status: 0 when every file is valid, 1 when any is not or cannot be read,\n"
                "2 on usage errors.")};
}

namespace {

qsizetype countWarnings(const Diagnostics &diagnostics) {
    return std::count_if(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic &d) { return d.severity == Severity::Warning; });
}

QString summaryLine(const FlowInput &input) {
    const Diagnostics problems = input.problems();
    if (!input.isValid())
        return QStringLiteral("%1: %2\n")
            .arg(input.path, counted(problems.size(), QStringLiteral("problem")));
    QString details = counted(qsizetype(input.result.flow.tasks.size()), QStringLiteral("task"));
    if (const qsizetype warnings = countWarnings(problems))
        details += QLatin1String(", ") + counted(warnings, QStringLiteral("warning"));
    return QStringLiteral("%1: ok (%2)\n").arg(input.path, details);
}

QJsonObject fileJson(const FlowInput &input) {
    QJsonArray problems;
    for (const Diagnostic &diagnostic : input.problems()) {
        QJsonObject problem = toJson(diagnostic);
        if (diagnostic.file.isEmpty()) problem.insert(QStringLiteral("file"), input.path);
        problems.append(problem);
    }
    return QJsonObject{
        {QStringLiteral("file"), input.path},
        {QStringLiteral("valid"), input.isValid()},
        {QStringLiteral("tasks"), qint64(input.result.flow.tasks.size())},
        {QStringLiteral("problems"), problems},
    };
}

}  // namespace

int runValidate(const Invocation &invocation) {
    if (invocation.arguments.isEmpty())
        return usageError(*invocation.command, QStringLiteral("no flow file given"));
    const bool json = invocation.isSet(QStringLiteral("json"));
    const bool quiet = invocation.isSet(QStringLiteral("quiet"));
    bool allValid = true;
    QJsonArray files;
    for (const QString &path : invocation.arguments) {
        const FlowInput input = loadFlowInput(path);
        allValid = allValid && input.isValid();
        if (json) {
            files.append(fileJson(input));
            continue;
        }
        printProblems(input);
        if (!quiet) printOut(summaryLine(input));
    }
    if (json)
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("files"), files}}).toJson()));
    return allValid ? ExitOk : ExitFailure;
}

}  // namespace flowdeck::cli
