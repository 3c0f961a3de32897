// flowdeck-cli secret set|list|delete: secret values in the desktop keyring, never in a file.

#include "Commands.h"
#include "Console.h"

#include "deploy/DeploymentConfig.h"
#include "flow/FlowFile.h"
#include "secrets/Keyring.h"
#include "secrets/SecretResolver.h"
#include "settings/Settings.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace flowdeck::cli {

CommandHelp secretHelp() {
    return {QStringLiteral("secret set NAME | list | delete NAME [--workspace DIR] [--json]"),
            {{QStringLiteral("workspace"), QStringLiteral("DIR"), QStringLiteral("list: also the secrets this workspace's flows and deployments name")},
             {QStringLiteral("json"), QString(), QStringLiteral("list: print JSON on stdout")}},
            QStringLiteral(
                "Secret values live in the desktop keyring (Secret Service or KWallet), under the service\n"
                "'flowdeck'; flows and deployments name them with {secret: NAME}.\n"
                "  set NAME     reads the value from standard input, or asks for it without echo on a\n"
                "               terminal; never from the command line, where other users and the shell\n"
                "               history would see it\n"
                "  list         the names in the keyring and those the workspace names, with where each\n"
                "               would be found now (environment, credential, keyring, missing); never values\n"
                "  delete NAME  removes the keyring entry\n"
                "At run time FLOWDECK_SECRET_<NAME> in the environment comes first (containers, CI).")};
}

namespace {

/// The value from stdin: all of a pipe less one final newline, or a line typed without echo.
std::optional<QString> readValue(const QString &name) {
    if (isatty(STDIN_FILENO)) {
        std::fprintf(stderr, "Value of secret '%s': ", name.toUtf8().constData());
        std::fflush(stderr);
        termios old{};
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        std::string line;
        std::getline(std::cin, line);
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fprintf(stderr, "\n");
        return QString::fromStdString(line);
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) return std::nullopt;
    QByteArray bytes = in.readAll();
    if (bytes.endsWith('\n')) bytes.chop(1);
    if (bytes.endsWith('\r')) bytes.chop(1);
    return QString::fromUtf8(bytes);
}

/// Secret name -> where it is named ("etl.flow.yaml: task load", "flowdeck.yaml: deployment x").
QMap<QString, QStringList> referencedSecrets(const QString &workspace) {
    QMap<QString, QStringList> names;
    for (QDirIterator it(workspace, {QStringLiteral("*.flow.yaml")}, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        const LoadResult loaded = FlowFile::load(path);
        for (const Task &t : loaded.flow.tasks)
            for (const EnvVar &v : t.env)
                if (v.isReference())
                    names[v.secretName] << QStringLiteral("%1 (task %2)").arg(QDir(workspace).relativeFilePath(path), t.name);
    }
    const WorkspaceDeployments deployments =
        WorkspaceDeployments::read(QDir(workspace).filePath(QString::fromLatin1(Settings::fileName)));
    for (const DeploymentConfig &d : deployments.deployments)
        for (const DeploymentEnvVar &v : d.envVars)
            if (v.isSecret()) names[v.secretName] << QStringLiteral("flowdeck.yaml (deployment %1)").arg(d.name);
    return names;
}

int set(const Invocation &inv) {
    if (inv.arguments.size() != 2)
        return usageError(*inv.command, QStringLiteral("secret set takes only the NAME: the value is read from standard "
                                                       "input or a prompt, never from the command line"));
    const QString name = inv.arguments[1];
    if (!isValidSecretName(name))
        return usageError(*inv.command, QStringLiteral("'%1' is not a secret name: use lowercase letters, digits and '-', "
                                                       "like 'warehouse-token'").arg(name));
    const auto value = readValue(name);
    if (!value || value->isEmpty()) {
        printError(QStringLiteral("no value given for secret '%1' on standard input").arg(name));
        return ExitFailure;
    }
    const KeyringResult r = Keyring::write(name, *value);
    if (!r.ok) {
        printError(QStringLiteral("cannot store secret '%1': %2; set %3 in the environment instead")
                       .arg(name, r.error, secretEnvironmentName(name)));
        return ExitFailure;
    }
    printOut(QStringLiteral("stored secret '%1' in the keyring\n").arg(name));
    return ExitOk;
}

int remove(const Invocation &inv) {
    if (inv.arguments.size() != 2) return usageError(*inv.command, QStringLiteral("secret delete takes one NAME"));
    const QString name = inv.arguments[1];
    const KeyringResult r = Keyring::remove(name);
    if (r.notFound) {
        printError(QStringLiteral("the keyring has no secret '%1'").arg(name));
        return ExitFailure;
    }
    if (!r.ok) {
        printError(QStringLiteral("cannot delete secret '%1': %2").arg(name, r.error));
        return ExitFailure;
    }
    printOut(QStringLiteral("deleted secret '%1' from the keyring\n").arg(name));
    return ExitOk;
}

int list(const Invocation &inv) {
    const QString workspace = inv.isSet(QStringLiteral("workspace")) ? inv.value(QStringLiteral("workspace"))
                                                                      : Settings::findWorkspace(QDir::currentPath());
    QMap<QString, QStringList> names = referencedSecrets(workspace);
    QStringList stored;
    const KeyringResult keyring = Keyring::names(&stored);
    for (const QString &name : stored) names[name];
    const StandardSecretResolver resolver;
    QJsonArray items;
    QList<QStringList> rows{{"NAME", "FOUND IN", "NAMED BY"}};
    for (auto it = names.constBegin(); it != names.constEnd(); ++it) {
        const SecretLookup lookup = resolver.resolve(it.key());
        const QString source = lookup.value ? lookup.source : QStringLiteral("missing");
        rows << QStringList{it.key(), source, it.value().isEmpty() ? QStringLiteral("-") : it.value().join(", ")};
        items.append(QJsonObject{{"name", it.key()}, {"found_in", lookup.value ? lookup.source : QString()},
                                 {"named_by", QJsonArray::fromStringList(it.value())}});
    }
    if (inv.isSet(QStringLiteral("json"))) {
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{"secrets", items}}).toJson()));
    } else {
        if (!keyring.ok) printErr(QStringLiteral("note: %1\n").arg(keyring.error));
        if (rows.size() == 1) printOut(QStringLiteral("no secrets\n"));
        else printOut(table(rows));
    }
    return ExitOk;
}

}  // namespace

int runSecret(const Invocation &inv) {
    const QStringList actions{"set", "list", "delete"};
    const QString action = inv.arguments.value(0);
    if (!actions.contains(action))
        return usageError(*inv.command, QStringLiteral("expected one of %1%2").arg(actions.join(", "), didYouMean(action, actions)));
    if (action == QLatin1String("set")) return set(inv);
    if (action == QLatin1String("delete")) return remove(inv);
    return list(inv);
}

}  // namespace flowdeck::cli
