#pragma once
/// @file The types of the command table and the option parser every flowdeck-cli command shares.

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace flowdeck::cli {

/// One `--name` flag or `--name VALUE` option of a command.
struct Option {
    QString name;       ///< without dashes, e.g. "format"
    QString valueName;  ///< e.g. "FORMAT" when the option takes a value; empty for a flag
    QString description;
};

/// What `COMMAND --help` shows, and the options the parser accepts for the command.
struct CommandHelp {
    QString synopsis;  ///< what follows "flowdeck-cli ", e.g. "graph FILE [--format dot|json|text]"
    std::vector<Option> options;
    QString details;  ///< paragraphs after the usage line, already wrapped; may be empty
};

struct Invocation;

/// One row of the command table.
struct Command {
    QString name;
    QString summary;  ///< one line, listed by `flowdeck-cli --help`
    CommandHelp (*help)();
    int (*run)(const Invocation &invocation);  ///< returns the exit status
};

/// A parsed command line: the positional arguments and the options that were given.
struct Invocation {
    const Command *command = nullptr;
    QStringList arguments;
    QHash<QString, QString> options;  ///< name -> value ("" for flags); the last one given wins
    QHash<QString, QStringList> allValues;  ///< name -> every value given, in order (repeatable options)

    void add(const QString &name, const QString &value) {
        options.insert(name, value);
        allValues[name].append(value);
    }
    QStringList values(const QString &name) const { return allValues.value(name); }

    bool isSet(const QString &name) const { return options.contains(name); }
    QString value(const QString &name, const QString &fallback = QString()) const {
        return options.value(name, fallback);
    }
};

/// Parses the arguments that follow a command's name: `--name`, `--name VALUE`, `--name=VALUE`,
/// `--` to end the options, and `-h`/`--help` (recorded as "help") for every command.
/// Returns false and sets @p error on an unknown option or a missing value.
bool parseArguments(const Command &command, const QStringList &args, Invocation &invocation, QString &error);

/// "Usage: flowdeck-cli SYNOPSIS".
QString usageLine(const Command &command);
/// The usage line, the details and the options of a command.
QString helpText(const Command &command);

/// Prints "flowdeck-cli: MESSAGE", the usage line and where to find more on stderr.
/// @return ExitUsage, so a command can `return usageError(...)`.
int usageError(const Command &command, const QString &message);

}  // namespace flowdeck::cli
