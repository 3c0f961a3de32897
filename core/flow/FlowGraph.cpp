#include "FlowGraph.h"

#include "TaskKinds.h"

#include <QSet>
#include <algorithm>
#include <deque>
#include <set>

namespace flowdeck {

FlowGraph::FlowGraph(const Flow &flow) {
    // Built three times per `flowdeck-cli run` (validation, the engine, the summary's order):
    // one hash lookup per task and per edge, no rehashing, no temporary lists (perf showed
    // rehashes and upstreamNames() copies at 15% of a 10,000-task run).
    const size_t count = flow.tasks.size();
    m_index.reserve(qsizetype(count));
    m_names.reserve(qsizetype(count));
    std::vector<int> idOf(count, -1);  // -1 for a duplicate name: the first one wins here
    for (size_t i = 0; i < count; ++i) {
        const QString &name = flow.tasks[i].name;
        if (m_index.contains(name)) continue;
        idOf[i] = int(m_names.size());
        m_index.insert(name, idOf[i]);
        m_names << name;
    }
    m_up.resize(size_t(m_names.size()));
    m_down.resize(size_t(m_names.size()));
    for (size_t i = 0; i < count; ++i) {
        if (idOf[i] < 0) continue;
        const Task &task = flow.tasks[i];
        const int to = idOf[i];
        std::vector<int> &ups = m_up[size_t(to)];
        for (const Dependency &d : task.after) {
            const auto it = m_index.constFind(d.upstream);
            if (it == m_index.constEnd() || std::find(ups.begin(), ups.end(), *it) != ups.end()) continue;
            ups.push_back(*it);
            m_down[size_t(*it)].push_back(to);
        }
        if (task.isMapped() && m_index.contains(task.mapOver)) m_mapOver.insert(task.name, task.mapOver);
    }
}

QStringList FlowGraph::namesOf(const std::vector<int> &ids) const {
    QStringList names;
    for (int id : ids) names << m_names[id];
    return names;
}

std::optional<QStringList> FlowGraph::topologicalOrder() const {
    // Kahn's algorithm, always taking the ready task that comes first in the file, so the
    // order is stable and matches what the user wrote wherever the graph allows.
    std::vector<int> pending(size_t(m_names.size()));
    std::set<int> ready;
    for (size_t i = 0; i < m_up.size(); ++i) {
        pending[i] = int(m_up[i].size());
        if (pending[i] == 0) ready.insert(int(i));
    }
    QStringList order;
    while (!ready.empty()) {
        const int next = *ready.begin();
        ready.erase(ready.begin());
        order << m_names[next];
        for (int down : m_down[size_t(next)])
            if (--pending[size_t(down)] == 0) ready.insert(down);
    }
    if (order.size() != m_names.size()) return std::nullopt;
    return order;
}

QStringList FlowGraph::findCycle() const {
    // Iterative DFS with colours; a back edge closes the cycle found on the stack.
    enum Colour { White, Grey, Black };
    std::vector<Colour> colour(size_t(m_names.size()), White);
    std::vector<int> parent(size_t(m_names.size()), -1);
    for (int start = 0; start < m_names.size(); ++start) {
        if (colour[size_t(start)] != White) continue;
        std::vector<std::pair<int, size_t>> stack{{start, 0}};
        colour[size_t(start)] = Grey;
        while (!stack.empty()) {
            auto &[node, edge] = stack.back();
            const auto &outs = m_down[size_t(node)];
            if (edge == outs.size()) {
                colour[size_t(node)] = Black;
                stack.pop_back();
                continue;
            }
            const int next = outs[edge++];
            if (colour[size_t(next)] == Grey) {
                QStringList cycle{m_names[next]};
                for (int at = node; at != next; at = parent[size_t(at)]) cycle.prepend(m_names[at]);
                cycle.prepend(m_names[next]);
                return cycle;
            }
            if (colour[size_t(next)] == White) {
                colour[size_t(next)] = Grey;
                parent[size_t(next)] = node;
                stack.push_back({next, 0});
            }
        }
    }
    return {};
}

QStringList FlowGraph::cycleIfConnected(const QString &upstream, const QString &downstream) const {
    if (upstream == downstream) return {upstream, upstream};
    // A new edge upstream -> downstream closes a cycle iff upstream is reachable from downstream.
    const auto from = m_index.constFind(downstream);
    const auto to = m_index.constFind(upstream);
    if (from == m_index.constEnd() || to == m_index.constEnd()) return {};
    std::vector<int> parent(size_t(m_names.size()), -2);
    std::deque<int> queue{*from};
    parent[size_t(*from)] = -1;
    while (!queue.empty()) {
        const int node = queue.front();
        queue.pop_front();
        if (node == *to) {
            QStringList path;
            for (int at = node; at != -1; at = parent[size_t(at)]) path.prepend(m_names[at]);
            path.append(downstream);
            return path;
        }
        for (int next : m_down[size_t(node)])
            if (parent[size_t(next)] == -2) {
                parent[size_t(next)] = node;
                queue.push_back(next);
            }
    }
    return {};
}

QStringList FlowGraph::directUpstream(const QString &task) const {
    const auto it = m_index.constFind(task);
    return it == m_index.constEnd() ? QStringList() : namesOf(m_up[size_t(*it)]);
}

QStringList FlowGraph::directDownstream(const QString &task) const {
    const auto it = m_index.constFind(task);
    return it == m_index.constEnd() ? QStringList() : namesOf(m_down[size_t(*it)]);
}

QStringList FlowGraph::walk(const QString &from, const std::vector<std::vector<int>> &edges) const {
    const auto it = m_index.constFind(from);
    if (it == m_index.constEnd()) return {};
    std::vector<bool> seen(size_t(m_names.size()), false);
    seen[size_t(*it)] = true;
    std::deque<int> queue{*it};
    QStringList found;
    while (!queue.empty()) {
        const int node = queue.front();
        queue.pop_front();
        for (int next : edges[size_t(node)]) {
            if (seen[size_t(next)]) continue;
            seen[size_t(next)] = true;
            found << m_names[next];
            queue.push_back(next);
        }
    }
    return found;
}

QStringList FlowGraph::allUpstream(const QString &task) const { return walk(task, m_up); }
QStringList FlowGraph::allDownstream(const QString &task) const { return walk(task, m_down); }

QStringList FlowGraph::brokenByRemoving(const QString &task) const {
    QStringList broken = directDownstream(task);
    for (auto it = m_mapOver.constBegin(); it != m_mapOver.constEnd(); ++it)
        if (it.value() == task && !broken.contains(it.key())) broken << it.key();
    return broken;
}

QStringList FlowGraph::roots() const {
    QStringList names;
    for (size_t i = 0; i < m_up.size(); ++i)
        if (m_up[i].empty()) names << m_names[int(i)];
    return names;
}

QStringList FlowGraph::leaves() const {
    QStringList names;
    for (size_t i = 0; i < m_down.size(); ++i)
        if (m_down[i].empty()) names << m_names[int(i)];
    return names;
}

namespace {

QString dotQuote(const QString &text) {
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString dotShape(TaskKind kind) { return QString::fromLatin1(traitsOf(kind).dotShape); }

}  // namespace

QString FlowGraph::toDot(const Flow &flow) {
    QString dot = QStringLiteral("digraph %1 {\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n")
                      .arg(dotQuote(flow.name.isEmpty() ? QStringLiteral("flow") : flow.name));
    QSet<QString> names;
    for (const Task &task : flow.tasks) {
        if (names.contains(task.name)) continue;
        names.insert(task.name);
        // Quote the parts, then join them with DOT's own "\n" escape so it stays a line break.
        QString label = dotQuote(task.name).chopped(1) + QLatin1String("\\n") + toString(task.kind);
        if (task.isMapped()) label += QLatin1String(" [map: ") + dotQuote(task.mapOver).mid(1).chopped(1) + QLatin1Char(']');
        dot += QStringLiteral("  %1 [shape=%2, label=%3\"];\n").arg(dotQuote(task.name), dotShape(task.kind), label);
    }
    QSet<QString> edges;
    for (const Task &task : flow.tasks) {
        for (const Dependency &d : task.after) {
            // Unknown upstreams and repeated entries are validation problems, not graph edges.
            if (!names.contains(d.upstream) || edges.contains(d.upstream + '\n' + d.toString() + '\n' + task.name))
                continue;
            edges.insert(d.upstream + '\n' + d.toString() + '\n' + task.name);
            QString edge = QStringLiteral("  %1 -> %2").arg(dotQuote(d.upstream), dotQuote(task.name));
            if (d.outcome == BranchOutcome::True) edge += QLatin1String(" [label=\"true\"]");
            if (d.outcome == BranchOutcome::False) edge += QLatin1String(" [label=\"false\", style=dashed]");
            dot += edge + QLatin1String(";\n");
        }
    }
    return dot + QLatin1String("}\n");
}

}  // namespace flowdeck
