// Graph algorithms over a flow: order, cycles, upstream/downstream and removal impact.
#include "flow/FlowGraph.h"

#include <QtTest>

using namespace flowdeck;

namespace {

Task task(const QString &name, const QStringList &after = {}) {
    Task t;
    t.name = name;
    t.kind = TaskKind::Noop;
    for (const QString &a : after) t.after.push_back(Dependency::fromString(a));
    return t;
}

Flow flowOf(std::vector<Task> tasks) {
    Flow f;
    f.name = QStringLiteral("g");
    f.tasks = std::move(tasks);
    return f;
}

}  // namespace

class TestFlowGraph : public QObject {
    Q_OBJECT
private slots:
    void topologicalOrderKeepsFileOrderWhereItCan() {
        // d is written first but needs c; a and b are independent roots.
        const Flow f = flowOf({task("d", {"c"}), task("a"), task("c", {"a", "b"}), task("b")});
        const auto order = FlowGraph(f).topologicalOrder();
        QVERIFY(order.has_value());
        QCOMPARE(*order, QStringList({"a", "b", "c", "d"}));
    }

    void topologicalOrderIsEmptyOnCycle() {
        const Flow f = flowOf({task("a", {"c"}), task("b", {"a"}), task("c", {"b"})});
        QVERIFY(!FlowGraph(f).topologicalOrder().has_value());
    }

    void findCycleNamesTheClosedPath() {
        const Flow f = flowOf({task("start"), task("a", {"start", "c"}), task("b", {"a"}), task("c", {"b"})});
        const QStringList cycle = FlowGraph(f).findCycle();
        QCOMPARE(cycle.size(), 4);
        QCOMPARE(cycle.first(), cycle.last());
        QVERIFY(cycle.contains("a") && cycle.contains("b") && cycle.contains("c"));
        QVERIFY(!cycle.contains("start"));
        // Each step follows a real edge upstream -> downstream.
        for (int i = 0; i + 1 < cycle.size(); ++i)
            QVERIFY(f.task(cycle[i + 1])->upstreamNames().contains(cycle[i]));
    }

    void acyclicGraphHasNoCycle() {
        const Flow f = flowOf({task("a"), task("b", {"a"}), task("c", {"a", "b"})});
        QVERIFY(FlowGraph(f).findCycle().isEmpty());
    }

    void selfDependencyIsACycle() {
        const Flow f = flowOf({task("a", {"a"})});
        QCOMPARE(FlowGraph(f).findCycle(), QStringList({"a", "a"}));
    }

    void cycleIfConnectedPredictsNewCycles() {
        const Flow f = flowOf({task("a"), task("b", {"a"}), task("c", {"b"})});
        const FlowGraph g(f);
        QCOMPARE(g.cycleIfConnected("c", "a"), QStringList({"a", "b", "c", "a"}));
        QVERIFY(g.cycleIfConnected("a", "c").isEmpty());
        QCOMPARE(g.cycleIfConnected("b", "b"), QStringList({"b", "b"}));
    }

    void upstreamAndDownstreamQueries() {
        const Flow f = flowOf({task("a"), task("b", {"a"}), task("c", {"b"}), task("d", {"a"}), task("e")});
        const FlowGraph g(f);
        QCOMPARE(g.directUpstream("c"), QStringList({"b"}));
        QCOMPARE(g.directDownstream("a"), QStringList({"b", "d"}));
        QCOMPARE(g.allUpstream("c"), QStringList({"b", "a"}));
        QCOMPARE(g.allDownstream("a"), QStringList({"b", "d", "c"}));
        QCOMPARE(g.roots(), QStringList({"a", "e"}));
        QCOMPARE(g.leaves(), QStringList({"c", "d", "e"}));
        QVERIFY(g.allDownstream("missing").isEmpty());
    }

    void removingATaskBreaksItsDirectDependentsAndMappers() {
        Flow f = flowOf({task("list"), task("each", {"list"}), task("after_each", {"each"}), task("other")});
        f.tasks[1].mapOver = QStringLiteral("list");
        const FlowGraph g(f);
        QCOMPARE(g.brokenByRemoving("list"), QStringList({"each"}));
        QCOMPARE(g.affectedByRemoving("list"), QStringList({"each", "after_each"}));
        QVERIFY(g.brokenByRemoving("other").isEmpty());
    }

    void unknownUpstreamsAreIgnoredByTheGraph() {
        const Flow f = flowOf({task("a", {"ghost"}), task("b", {"a"})});
        QCOMPARE(*FlowGraph(f).topologicalOrder(), QStringList({"a", "b"}));
    }

    void dotOutputHasNodesAndLabelledBranchEdges() {
        Flow f = flowOf({task("check"), task("yes", {"check.true"}), task("no", {"check.false"})});
        f.tasks[0].kind = TaskKind::Branch;
        const QString dot = FlowGraph::toDot(f);
        QVERIFY(dot.startsWith("digraph \"g\" {"));
        QVERIFY(dot.contains("\"check\" [shape=diamond"));
        QVERIFY(dot.contains("\"check\" -> \"yes\" [label=\"true\"]"));
        QVERIFY(dot.contains("\"check\" -> \"no\" [label=\"false\""));
        // The label's line break is DOT's own escape, written once.
        QVERIFY(dot.contains("label=\"yes\\nnoop\"]"));
    }

    void dotLeavesOutUnknownAndRepeatedEdges() {
        const Flow f = flowOf({task("a"), task("b", {"a", "a", "ghost"})});
        const QString dot = FlowGraph::toDot(f);
        QCOMPARE(dot.count("->"), 1);
        QVERIFY(!dot.contains("ghost"));
    }

    void largeChainOrdersQuickly() {
        std::vector<Task> tasks;
        for (int i = 0; i < 20000; ++i)
            tasks.push_back(task(QString("t%1").arg(i), i ? QStringList{QString("t%1").arg(i - 1)} : QStringList{}));
        const Flow f = flowOf(tasks);
        const FlowGraph g(f);
        QCOMPARE(g.topologicalOrder()->size(), 20000);
        QVERIFY(g.findCycle().isEmpty());  // iterative DFS: no stack overflow on deep chains
    }
};

QTEST_GUILESS_MAIN(TestFlowGraph)
#include "test_flow_graph.moc"
