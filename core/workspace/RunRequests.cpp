#include "workspace/RunRequests.h"

#include "flow/FlowFile.h"
#include "store/RunStore.h"
#include "workspace/WorkspaceSession.h"

#include <QFileInfo>

namespace flowdeck {

namespace {

QString shortId(const QString &id) { return id.left(8); }

std::optional<FlowRunRecord> findRun(const RunStore &store, const QString &idOrPrefix, QString *error) {
    auto run = store.run(idOrPrefix);
    if (!run)
        *error = QStringLiteral("no run '%1' (give a full id or a unique prefix of at least 4 characters)")
                     .arg(idOrPrefix);
    return run;
}

/// The run's parameter values that @p flow still declares: a parameter removed since would be
/// refused as unknown.
QVariantMap declaredValues(const Flow &flow, const QVariantMap &values) {
    QVariantMap kept;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        if (flow.parameter(it.key())) kept.insert(it.key(), it.value());
    return kept;
}

}  // namespace

std::optional<Flow> flowOfRun(const FlowRunRecord &run) {
    const LoadResult snapshot = FlowFile::parse(run.flowSnapshot, run.flowPath);
    if (!snapshot.readable) return std::nullopt;
    Flow flow = snapshot.flow;
    const LoadResult current = run.flowPath.isEmpty() ? LoadResult{} : FlowFile::load(run.flowPath);
    for (Task &task : flow.tasks) {
        const Task *now = current.readable ? current.flow.task(task.name) : nullptr;
        for (EnvVar &var : task.env) {
            if (!var.secret || !now) continue;
            for (const EnvVar &v : now->env)
                if (v.name == var.name) var.value = v.value;
        }
    }
    return flow;
}

std::optional<FlowRunRecord> lastFinishedRun(const RunStore &store, const QString &flowName) {
    RunQuery query;
    query.flows = {flowName};
    query.topLevelOnly = true;
    query.states = {RunState::Completed, RunState::Failed, RunState::TimedOut, RunState::Cancelled, RunState::Crashed};
    query.limit = 1;
    const RunPage page = store.runsPage(query);
    if (page.runs.empty()) return std::nullopt;
    return page.runs.front();
}

RequestBuild retryRequest(const WorkspaceSession &session, const QString &runIdOrPrefix) {
    RequestBuild build;
    const auto run = findRun(session.store(), runIdOrPrefix, &build.error);
    if (!run) return build;
    static const QList<RunState> retryable{RunState::Failed, RunState::Crashed, RunState::TimedOut,
                                           RunState::Cancelled};
    if (!retryable.contains(run->state)) {
        build.error = QStringLiteral("run %1 is %2: only Failed, Crashed, TimedOut or Cancelled runs can be retried")
                          .arg(shortId(run->id), toString(run->state));
        return build;
    }
    const auto flow = flowOfRun(*run);
    if (!flow) {
        build.error = QStringLiteral("the flow snapshot of run %1 cannot be read").arg(shortId(run->id));
        return build;
    }
    build.request.flow = *flow;
    build.request.flowPath = run->flowPath;
    build.request.options = session.runOptionsFor(*flow);
    build.request.options.parameterValues = run->parameters;
    build.request.options.retryOf = run->id;
    build.request.options.trigger = QStringLiteral("retry");
    return build;
}

RequestBuild rerunRequest(const WorkspaceSession &session, const QString &runIdOrPrefix) {
    RequestBuild build;
    const auto run = findRun(session.store(), runIdOrPrefix, &build.error);
    if (!run) return build;
    // The flow as it is now, as a person pressing "run again" expects; the snapshot when the
    // file went or no longer loads.
    std::optional<Flow> flow;
    if (!run->flowPath.isEmpty() && QFileInfo::exists(run->flowPath)) {
        const LoadResult now = FlowFile::load(run->flowPath);
        if (now.isValid()) flow = now.flow;
    }
    if (!flow) flow = flowOfRun(*run);
    if (!flow) {
        build.error = QStringLiteral("run %1 can be run again neither from its flow file %2 nor from its snapshot")
                          .arg(shortId(run->id), run->flowPath);
        return build;
    }
    build.request.flow = *flow;
    build.request.flowPath = run->flowPath;
    build.request.options = session.runOptionsFor(*flow);
    build.request.options.parameterValues = declaredValues(*flow, run->parameters);
    build.request.options.trigger = QStringLiteral("manual");
    return build;
}

RequestBuild partialRequest(const WorkspaceSession &session, const Flow &flow, const QString &flowPath,
                            const RunSelection &selection, const QString &sourceRunId) {
    RequestBuild build;
    std::optional<FlowRunRecord> source;
    if (!sourceRunId.isEmpty()) {
        source = findRun(session.store(), sourceRunId, &build.error);
        if (!source) return build;
        if (source->flowName != flow.name) {
            build.error = QStringLiteral("run %1 is a run of flow '%2', not of '%3'")
                              .arg(shortId(source->id), source->flowName, flow.name);
            return build;
        }
    } else {
        source = lastFinishedRun(session.store(), flow.name);
    }
    build.request.flow = flow;
    build.request.flowPath = flowPath;
    build.request.options = session.runOptionsFor(flow);
    build.request.options.selection = selection;
    build.request.options.trigger = QStringLiteral("manual");
    if (source) {
        build.request.options.retryOf = source->id;
        build.request.options.parameterValues = declaredValues(flow, source->parameters);
    }
    return build;
}

}  // namespace flowdeck
