#pragma once
/// @file Graph algorithms over a flow's tasks: order, cycles, upstream/downstream, impact.

#include "Flow.h"

#include <QHash>
#include <QStringList>
#include <optional>
#include <vector>

namespace flowdeck {

/// An index over a flow's dependency edges. Unknown upstream names are ignored here
/// (the validator reports them). Build it again after the flow changes.
class FlowGraph {
public:
    explicit FlowGraph(const Flow &flow);

    /// Task names so that every task comes after its upstreams; ties keep file order.
    /// Empty optional when there is a cycle.
    std::optional<QStringList> topologicalOrder() const;
    /// One cycle as a closed path ("a", "b", "a"), or empty if the graph is acyclic.
    QStringList findCycle() const;
    /// Whether adding the edge upstream -> downstream would close a cycle; if so, the cycle.
    QStringList cycleIfConnected(const QString &upstream, const QString &downstream) const;

    QStringList directUpstream(const QString &task) const;
    QStringList directDownstream(const QString &task) const;
    /// All transitive upstream (or downstream) tasks, in topological-ish (BFS) order.
    QStringList allUpstream(const QString &task) const;
    QStringList allDownstream(const QString &task) const;

    /// What breaks if @p task is removed: tasks whose `after:` or `map:` name it directly.
    QStringList brokenByRemoving(const QString &task) const;
    /// Every task that would no longer run the same way: the whole downstream of @p task.
    QStringList affectedByRemoving(const QString &task) const { return allDownstream(task); }

    /// Tasks without upstreams (roots) and without downstreams (leaves), in file order.
    QStringList roots() const;
    QStringList leaves() const;

    /// Graphviz DOT text of the DAG (branch edges labelled true/false).
    static QString toDot(const Flow &flow);

private:
    QStringList m_names;                  // file order
    QHash<QString, int> m_index;
    std::vector<std::vector<int>> m_up;   // unique upstream indexes
    std::vector<std::vector<int>> m_down;
    QHash<QString, QString> m_mapOver;    // task -> upstream it maps over

    QStringList namesOf(const std::vector<int> &ids) const;
    QStringList walk(const QString &from, const std::vector<std::vector<int>> &edges) const;
};

}  // namespace flowdeck
