#include "CommandLine.h"

#include "Console.h"
#include "flow/Diagnostic.h"

#include <algorithm>

namespace flowdeck::cli {

namespace {

const Option helpOption{QStringLiteral("help"), QString(), QStringLiteral("Show this help")};

const Option *findOption(const std::vector<Option> &options, const QString &name) {
    const auto it =
        std::find_if(options.begin(), options.end(), [&](const Option &o) { return o.name == name; });
    return it == options.end() ? nullptr : &*it;
}

QString unknownOption(const QString &arg, const std::vector<Option> &options) {
    QStringList known{QStringLiteral("--help")};
    for (const Option &option : options) known << QLatin1String("--") + option.name;
    const QString name = arg.section(QLatin1Char('='), 0, 0);
    return QStringLiteral("unknown option '%1'%2").arg(name, didYouMean(name, known));
}

/// Reads the option at args[index] (a `--name` or `--name=value`), moving index past its value.
bool readOption(const std::vector<Option> &options, const QStringList &args, int &index,
                Invocation &invocation, QString &error) {
    const QString &arg = args[index];
    const int equals = arg.indexOf(QLatin1Char('='));
    const QString name = arg.mid(2, equals < 0 ? -1 : equals - 2);
    const Option *option = findOption(options, name);
    if (!option) {
        error = unknownOption(arg, options);
        return false;
    }
    if (option->valueName.isEmpty() && equals >= 0) {
        error = QStringLiteral("option '--%1' takes no value").arg(name);
        return false;
    }
    if (option->valueName.isEmpty()) {
        invocation.add(name, QString());
    } else if (equals >= 0) {
        invocation.add(name, arg.mid(equals + 1));
    } else if (index + 1 < args.size()) {
        invocation.add(name, args[++index]);
    } else {
        error = QStringLiteral("option '--%1' needs a value %2").arg(name, option->valueName);
        return false;
    }
    return true;
}

QString optionLabel(const Option &option) {
    QString label = option.name == QLatin1String("help") ? QStringLiteral("-h, --help")
                                                         : QLatin1String("--") + option.name;
    if (!option.valueName.isEmpty()) label += QLatin1Char(' ') + option.valueName;
    return label;
}

}  // namespace

bool parseArguments(const Command &command, const QStringList &args, Invocation &invocation, QString &error) {
    const std::vector<Option> options = command.help().options;
    invocation.command = &command;
    bool optionsEnded = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (optionsEnded || !arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-")) {
            invocation.arguments << arg;
        } else if (arg == QLatin1String("--")) {
            optionsEnded = true;
        } else if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            invocation.options.insert(helpOption.name, QString());
        } else if (!arg.startsWith(QLatin1String("--"))) {
            error = unknownOption(arg, options);
            return false;
        } else if (!readOption(options, args, i, invocation, error)) {
            return false;
        }
    }
    return true;
}

QString usageLine(const Command &command) {
    return QStringLiteral("Usage: %1 %2").arg(QLatin1String(programName()), command.help().synopsis);
}

QString helpText(const Command &command) {
    const CommandHelp help = command.help();
    std::vector<Option> options = help.options;
    options.push_back(helpOption);
    int width = 0;
    for (const Option &option : options) width = std::max(width, int(optionLabel(option).size()));

    QString text =
        usageLine(command) + QLatin1String("\n\n") + command.summary + QLatin1String(".\n\nOptions:\n");
    for (const Option &option : options)
        text += QStringLiteral("  %1  %2\n").arg(optionLabel(option), -width).arg(option.description);
    if (!help.details.isEmpty()) text += QLatin1Char('\n') + help.details + QLatin1Char('\n');
    return text;
}

int usageError(const Command &command, const QString &message) {
    printError(message);
    printErr(
        usageLine(command) +
        QStringLiteral("\nRun '%1 help %2' for more.\n").arg(QLatin1String(programName()), command.name));
    return ExitUsage;
}

}  // namespace flowdeck::cli
