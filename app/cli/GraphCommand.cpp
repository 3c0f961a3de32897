// flowdeck-cli graph: print a flow's task graph as Graphviz DOT, JSON or text.

#include "Commands.h"
#include "Console.h"
#include "FlowInput.h"
#include "flow/FlowGraph.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace flowdeck::cli {

namespace {

const QStringList formats{QStringLiteral("dot"), QStringLiteral("json"), QStringLiteral("text")};

QString outcomeName(BranchOutcome outcome) {
    switch (outcome) {
        case BranchOutcome::True:
            return QStringLiteral("true");
        case BranchOutcome::False:
            return QStringLiteral("false");
        case BranchOutcome::Any:
            break;
    }
    return QStringLiteral("any");
}

/// Task names in run order; in file order (first of each name) when there is a cycle.
QStringList taskOrder(const Flow &flow) {
    if (const auto order = FlowGraph(flow).topologicalOrder()) return *order;
    QStringList names;
    for (const Task &task : flow.tasks)
        if (!names.contains(task.name)) names << task.name;
    return names;
}

QJsonArray nodesJson(const Flow &flow) {
    QJsonArray nodes;
    for (const Task &task : flow.tasks)
        nodes.append(
            QJsonObject{{QStringLiteral("name"), task.name}, {QStringLiteral("kind"), toString(task.kind)}});
    return nodes;
}

/// Edges between tasks that exist (a broken reference is a problem on stderr, not an edge).
QJsonArray edgesJson(const Flow &flow) {
    QJsonArray edges;
    for (const Task &task : flow.tasks) {
        for (const Dependency &dependency : task.after) {
            if (!flow.task(dependency.upstream)) continue;
            const QJsonObject edge{{QStringLiteral("from"), dependency.upstream},
                                   {QStringLiteral("to"), task.name},
                                   {QStringLiteral("outcome"), outcomeName(dependency.outcome)}};
            if (!edges.contains(edge)) edges.append(edge);
        }
    }
    return edges;
}

QString graphJson(const Flow &flow) {
    const auto order = FlowGraph(flow).topologicalOrder();
    const QJsonObject graph{
        {QStringLiteral("name"), flow.name},
        {QStringLiteral("order"), QJsonArray::fromStringList(order.value_or(QStringList()))},
        {QStringLiteral("nodes"), nodesJson(flow)},
        {QStringLiteral("edges"), edgesJson(flow)},
    };
    return QString::fromUtf8(QJsonDocument(graph).toJson());
}

QString graphText(const Flow &flow) {
    QString text;
    for (const QString &name : taskOrder(flow)) {
        const Task *task = flow.task(name);
        QStringList upstreams;
        for (const Dependency &dependency : task->after)
            if (!upstreams.contains(dependency.toString())) upstreams << dependency.toString();
        text += QStringLiteral("%1 (%2)").arg(name, toString(task->kind));
        if (!upstreams.isEmpty()) text += QLatin1String(" <- ") + upstreams.join(QLatin1String(", "));
        text += QLatin1Char('\n');
    }
    return text;
}

QString render(const Flow &flow, const QString &format) {
    if (format == QLatin1String("json")) return graphJson(flow);
    if (format == QLatin1String("text")) return graphText(flow);
    return FlowGraph::toDot(flow);
}

}  // namespace

CommandHelp graphHelp() {
    return {QStringLiteral("graph FILE [--format dot|json|text]"),
            {{QStringLiteral("format"), QStringLiteral("FORMAT"),
              QStringLiteral("dot (the default), json or text")}},
            QStringLiteral(
                "Formats:\n"
                "  dot   Graphviz DOT, branch edges labelled true/false (render: dot -Tsvg -o g.svg)\n"
                "  json  {\"name\", \"order\": [task...], \"nodes\": [{\"name\", \"kind\"}],\n"
                "         \"edges\": [{\"from\", \"to\", \"outcome\"}]}, outcome is any, true or false\n"
                "  text  one line per task in run order: NAME (KIND) <- UPSTREAMS\n"
                "\n"
                "A flow with problems (a cycle, an unknown upstream, a bad value) still has its graph\n"
                "printed as far as it could be read, with the problems on stderr and exit status 1.\n"
                "When there is a cycle, \"order\" is empty and text lists the tasks in file order.\n"
                "A file that cannot be read (missing, not YAML) prints no graph.\n"
                "\n"
                "Exit status: 0 for a valid flow, 1 for an invalid or unreadable one, 2 on usage errors.")};
}

int runGraph(const Invocation &invocation) {
    const Command &command = *invocation.command;
    if (invocation.arguments.isEmpty()) return usageError(command, QStringLiteral("no flow file given"));
    if (invocation.arguments.size() > 1)
        return usageError(
            command, QStringLiteral("graph takes one flow file, got %1").arg(invocation.arguments.size()));
    const QString format = invocation.value(QStringLiteral("format"), QStringLiteral("dot"));
    if (!formats.contains(format))
        return usageError(
            command,
            QStringLiteral("unknown format '%1' for --format: expected dot, json or text").arg(format));

    const FlowInput input = loadFlowInput(invocation.arguments.first());
    printProblems(input);
    if (!input.isReadable()) return ExitFailure;
    printOut(render(input.result.flow, format));
    return input.isValid() ? ExitOk : ExitFailure;
}

}  // namespace flowdeck::cli
