// flowdeck-cli deploy list|show|validate|export: the deployments of a workspace's flowdeck.yaml.

#include "Commands.h"
#include "Console.h"
#include "FlowInput.h"

#include "deploy/ExportWriter.h"
#include "deploy/Exporter.h"
#include "settings/Settings.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace flowdeck::cli {

CommandHelp deployHelp() {
    return {QStringLiteral("deploy list|show NAME|validate [NAME...]|export NAME --out DIR [--force] [--workspace DIR] [--json]"),
            {{QStringLiteral("workspace"), QStringLiteral("DIR"), QStringLiteral("The folder holding flowdeck.yaml (default: found from the current folder up)")},
             {QStringLiteral("out"), QStringLiteral("DIR"), QStringLiteral("export: the folder to write (must not exist unless --force)")},
             {QStringLiteral("force"), QString(), QStringLiteral("export: replace an existing --out folder")},
             {QStringLiteral("json"), QString(), QStringLiteral("Print JSON on stdout")}},
            QStringLiteral(
                "Deployments are the list under 'deployments:' in flowdeck.yaml (docs/deployments.md).\n"
                "  list       every deployment with its type, flow and schedules\n"
                "  show NAME  one deployment's settings and the files an export would write\n"
                "  validate   every problem of the named deployments (default: all), each as\n"
                "             FILE:LINE:COLUMN: FIELD: message\n"
                "  export     writes the files for the target into --out, atomically: nothing is\n"
                "             written when anything is wrong\n"
                "Exit status: 0 ok, 1 problems found or the export failed, 2 usage errors.")};
}

namespace {

struct Loaded {
    WorkspaceDeployments deployments;
    QString file;
};

std::optional<Loaded> loadDeployments(const Invocation &inv) {
    const QString dir = inv.isSet(QStringLiteral("workspace")) ? inv.value(QStringLiteral("workspace"))
                                                                : Settings::findWorkspace(QDir::currentPath());
    const QString file = QDir(dir).absoluteFilePath(QString::fromLatin1(Settings::fileName));
    if (!QFileInfo::exists(file)) {
        printError(QStringLiteral("no %1 in %2: deployments are declared under 'deployments:' there").arg(Settings::fileName, dir));
        return std::nullopt;
    }
    return Loaded{WorkspaceDeployments::read(file), file};
}

void printDiagnostics(const Diagnostics &list) {
    for (const Diagnostic &d : list) printErr(d.toString() + QLatin1Char('\n'));
}

const DeploymentConfig *named(const Loaded &loaded, const QString &name) {
    const DeploymentConfig *d = loaded.deployments.find(name);
    if (!d)
        printError(QStringLiteral("no deployment '%1' in %2%3").arg(name, loaded.file,
                                                                    didYouMean(name, loaded.deployments.names())));
    return d;
}

int list(const Invocation &inv, const Loaded &loaded) {
    printDiagnostics(loaded.deployments.problems);
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray items;
        for (const DeploymentConfig &d : loaded.deployments.deployments)
            items.append(QJsonObject{{"name", d.name}, {"deployment_type", toString(d.deploymentType)},
                                     {"flow", QDir(d.workspaceDir()).relativeFilePath(d.flowPath())},
                                     {"schedules", qint64(d.schedules.size())}});
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{"deployments", items}}).toJson()));
        return hasErrors(loaded.deployments.problems) ? ExitFailure : ExitOk;
    }
    QList<QStringList> rows{{"NAME", "TYPE", "FLOW", "SCHEDULES"}};
    for (const DeploymentConfig &d : loaded.deployments.deployments)
        rows << QStringList{d.name, toString(d.deploymentType), QDir(d.workspaceDir()).relativeFilePath(d.flowPath()),
                            QString::number(d.schedules.size())};
    if (rows.size() == 1) printOut(QStringLiteral("no deployments in %1\n").arg(loaded.file));
    else printOut(table(rows));
    return hasErrors(loaded.deployments.problems) ? ExitFailure : ExitOk;
}

int validate(const Invocation &inv, const Loaded &loaded) {
    Diagnostics problems = loaded.deployments.problems;
    QStringList names = inv.arguments.mid(1);
    if (names.isEmpty()) names = loaded.deployments.names();
    QJsonArray items;
    for (const QString &name : names) {
        const DeploymentConfig *d = named(loaded, name);
        if (!d) return ExitFailure;
        const Diagnostics own = validateDeployment(*d);
        problems.insert(problems.end(), own.begin(), own.end());
        items.append(QJsonObject{{"name", name}, {"valid", !hasErrors(own)}});
        if (!inv.isSet(QStringLiteral("json")))
            printOut(QStringLiteral("%1: %2\n").arg(name, hasErrors(own) ? QStringLiteral("%1 problems").arg(std::count_if(
                own.begin(), own.end(), [](const Diagnostic &x) { return x.severity == Severity::Error; })) : QStringLiteral("ok")));
    }
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Diagnostic &d : problems) list.append(toJson(d));
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{"deployments", items}, {"problems", list}}).toJson()));
    } else {
        printDiagnostics(problems);
    }
    return hasErrors(problems) ? ExitFailure : ExitOk;
}

int show(const Invocation &inv, const Loaded &loaded) {
    if (inv.arguments.size() != 2) return usageError(*inv.command, QStringLiteral("show takes one deployment name"));
    const DeploymentConfig *d = named(loaded, inv.arguments[1]);
    if (!d) return ExitFailure;
    const ExportResult result = exportDeployment(*d);
    printDiagnostics(result.diagnostics);
    const Exporter *exporter = ExporterRegistry::instance().find(d->deploymentType);
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray files;
        for (const ExportedFile &f : result.files) files.append(f.path);
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{"name", d->name}, {"deployment_type", toString(d->deploymentType)},
                                                             {"flow", d->flowPath()}, {"valid", result.ok()}, {"files", files}})
                                       .toJson()));
        return result.ok() ? ExitOk : ExitFailure;
    }
    QList<QStringList> rows{{"name", d->name}, {"type", toString(d->deploymentType) + QStringLiteral(" (") + exporter->summary() + ')'},
                            {"flow", d->flowPath()}, {"schedules", QString::number(d->schedules.size())}};
    if (!d->description.isEmpty()) rows << QStringList{"description", d->description};
    if (!d->tags.isEmpty()) rows << QStringList{"tags", d->tags.join(", ")};
    printOut(table(rows));
    if (result.ok()) {
        printOut(QStringLiteral("files:\n"));
        for (const ExportedFile &f : result.files) printOut(QStringLiteral("  %1\n").arg(f.path));
    }
    return result.ok() ? ExitOk : ExitFailure;
}

int exportCommand(const Invocation &inv, const Loaded &loaded) {
    if (inv.arguments.size() != 2) return usageError(*inv.command, QStringLiteral("export takes one deployment name"));
    if (!inv.isSet(QStringLiteral("out")) || inv.value(QStringLiteral("out")).isEmpty())
        return usageError(*inv.command, QStringLiteral("export needs --out DIR"));
    const DeploymentConfig *d = named(loaded, inv.arguments[1]);
    if (!d) return ExitFailure;
    const ExportResult result = exportDeployment(*d);
    printDiagnostics(result.diagnostics);
    if (!result.ok()) {
        printError(QStringLiteral("nothing exported: deployment '%1' has problems").arg(d->name));
        return ExitFailure;
    }
    const QString out = inv.value(QStringLiteral("out"));
    if (const QString error = writeExport(result.files, out, inv.isSet(QStringLiteral("force"))); !error.isEmpty()) {
        printError(error);
        return ExitFailure;
    }
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray files;
        for (const ExportedFile &f : result.files) files.append(f.path);
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{"out", QDir(out).absolutePath()}, {"files", files}}).toJson()));
    } else {
        printOut(QStringLiteral("exported %1 (%2) to %3: %4 files\n")
                     .arg(d->name, toString(d->deploymentType), out).arg(result.files.size()));
    }
    return ExitOk;
}

}  // namespace

int runDeploy(const Invocation &inv) {
    const QStringList actions{"list", "show", "validate", "export"};
    if (inv.arguments.isEmpty()) return usageError(*inv.command, QStringLiteral("expected one of %1").arg(actions.join(", ")));
    const QString action = inv.arguments.first();
    if (!actions.contains(action))
        return usageError(*inv.command, QStringLiteral("unknown action '%1'%2").arg(action, didYouMean(action, actions)));
    const auto loaded = loadDeployments(inv);
    if (!loaded) return ExitFailure;
    if (action == QLatin1String("list")) return list(inv, *loaded);
    if (action == QLatin1String("show")) return show(inv, *loaded);
    if (action == QLatin1String("validate")) return validate(inv, *loaded);
    return exportCommand(inv, *loaded);
}

}  // namespace flowdeck::cli
