#include "FlowRun.h"

#include "Approval.h"
#include "CacheKey.h"
#include "ProcessRunner.h"
#include "RetryJitter.h"
#include "SecretMasker.h"
#include "flow/TaskKinds.h"
#include "secrets/SecretResolver.h"
#include "TaskAttempt.h"
#include "flow/FlowFile.h"
#include "run/PrivateFiles.h"
#include "flow/FlowGraph.h"
#include "flow/FlowValidator.h"
#include "flow/Units.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSet>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <deque>
#include <limits>
#include <unistd.h>

namespace flowdeck {

namespace {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

/// How an attempt ended, for a sentence: "failed", "timed out".
QString endedAs(RunState state) {
    return state == RunState::TimedOut ? QStringLiteral("timed out") : toString(state).toLower();
}

/// How an upstream ended, as trigger rules see it.
enum class Outcome { Open, Success, Failure, Skip, Cancel };

struct Instance {
    int node = 0;
    int mapIndex = -1;
    RunState state = RunState::Pending;
    int attempt = 0;
    QVariant item;
    QString cacheKey;
    bool holdsSlots = false;
    bool saidWaiting = false;  ///< "waiting for a concurrency slot" is logged once per attempt
};

struct Node {
    const Task *task = nullptr;
    std::vector<int> downstream;
    int pendingUpstreams = 0;
    RunState state = RunState::Pending;
    Outcome outcome = Outcome::Open;
    QVariant result;
    QString message;
    std::vector<int> instances;
    int unfinished = 0;
    QStringList limitedTags;
    bool started = false;
};

Outcome outcomeOf(RunState state) {
    if (isSuccess(state)) return Outcome::Success;
    if (state == RunState::Cancelled) return Outcome::Cancel;
    if (state == RunState::Skipped) return Outcome::Skip;
    return Outcome::Failure;
}

/// Attempts' inputs and result files live in memory (/dev/shm) when the machine has it: they
/// are read once, and creating files on a journalled disk costs a noticeable part of a short
/// task. Falls back to the run folder.
QString scratchFolder(const QString &runId, const QString &runDirectory) {
    const QString base = QStringLiteral("/dev/shm/flowdeck-%1").arg(getuid());
    const QString shm = base + QLatin1Char('/') + runId;
    if (QFileInfo(QStringLiteral("/dev/shm")).isWritable() && makePrivateFolder(shm)) {
        narrowToOwner(base);  // one left by an older Flowdeck may be 0755
        // /dev/shm is shared: use it only when the folder is really ours and private.
        const QFileInfo info(base);
        if (info.ownerId() == getuid() && !(info.permissions() & (QFile::ReadGroup | QFile::ReadOther))) return shm;
    }
    const QString local = runDirectory + QStringLiteral("/.flowdeck");
    makePrivateFolder(local);
    return local;
}

}  // namespace

QString pythonHelperDirectory() {
    // Looked up once: every script attempt asks, and the answer does not change while we run.
    static const QString directory = [] {
        // FLOWDECK_RESOURCES, an installed build, then the source tree this binary was built from.
        const QString env = qEnvironmentVariable("FLOWDECK_RESOURCES");
        if (!env.isEmpty()) return env + QStringLiteral("/python");
        const QString installed = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/flowdeck/python");
        if (QFileInfo::exists(installed + QStringLiteral("/flowdeck/__init__.py"))) return QDir::cleanPath(installed);
        return QStringLiteral(FLOWDECK_RESOURCE_DIR "/python");
    }();
    return directory;
}

QString defaultRunsDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/flowdeck/runs");
}

struct FlowRun::Private {
    FlowRun *q = nullptr;
    Flow flow;
    QString flowPath;
    QString flowDirectory;
    RunServices services;
    RunOptions options;

    QString id;
    QString runDirectory;
    QString scratchDirectory;  // inputs/result files of attempts; removed when the run ends
    QVariantMap parameters;
    SecretMasker masker;
    bool prepared = false;
    Diagnostics problems;
    int maxParallel = 1;
    qint64 memoryLimit = 0;
    double flowTimeout = 0;  // seconds; 0: none
    bool timedOut = false;   // the flow timeout stopped the run
    QHash<QString, QString> baseEnvironment;

    std::vector<Node> nodes;
    QHash<QString, int> nodeIndex;
    std::vector<Instance> instances;
    std::deque<int> ready;       // instances waiting for a pool thread
    std::deque<int> toEvaluate;  // nodes whose upstreams have all finished
    bool draining = false;
    std::vector<int> slotWaiters;
    QHash<int, QTimer *> retryTimers;
    QSet<int> awaiting;                  // approval instances waiting for someone
    QHash<int, QTimer *> approvalTimers;  // their timeouts
    int running = 0;
    int unfinishedNodes = 0;
    bool cancelling = false;

    QThreadPool pool;
    CancelToken cancelToken;
    QEventLoop *loop = nullptr;
    QHash<QString, TaskRunRecord> reusable;  // "task#index" -> completed record of the retried run
    std::vector<char> included;  // by node: in the selection (empty: every task)
    std::vector<char> fresh;     // by node: chosen by the selection, so never reused

    mutable QMutex mutex;  // guards what other threads read: state, message, results, taskStates
    RunState state = RunState::Pending;
    QString message;
    QVariantMap results;
    QHash<QString, RunState> taskStates;

    // ----- preparing ---------------------------------------------------------------------

    void resolveParameters() {
        QStringList names;
        for (const Parameter &p : flow.parameters) names << p.name;
        for (auto it = options.parameterText.constBegin(); it != options.parameterText.constEnd(); ++it)
            if (!names.contains(it.key())) refuse(QStringLiteral("unknown parameter '%1'%2").arg(it.key(), didYouMean(it.key(), names)));
        for (auto it = options.parameterValues.constBegin(); it != options.parameterValues.constEnd(); ++it)
            if (!names.contains(it.key())) refuse(QStringLiteral("unknown parameter '%1'%2").arg(it.key(), didYouMean(it.key(), names)));
        for (const Parameter &p : flow.parameters) resolveParameter(p);
    }

    void resolveParameter(const Parameter &p) {
        QString error;
        QVariant value;
        if (options.parameterValues.contains(p.name)) {
            value = options.parameterValues.value(p.name);
            if (p.type == ParameterType::Float && value.canConvert<double>() && value.typeId() != QMetaType::QString)
                value = value.toDouble();
            const QString problem = FlowValidator::checkValue(p, value);
            if (!problem.isEmpty()) error = QStringLiteral("parameter '%1': %2").arg(p.name, problem);
        } else if (options.parameterText.contains(p.name)) {
            value = FlowValidator::valueFromText(p, options.parameterText.value(p.name), &error);
        } else if (p.hasDefault()) {
            value = p.defaultValue;
        } else {
            error = QStringLiteral("parameter '%1' (%2) is required: give it with --param %1=VALUE").arg(p.name, toString(p.type));
        }
        if (!error.isEmpty()) refuse(error);
        else parameters.insert(p.name, value);
    }

    /// Fills in the value of every `{secret: NAME}` env var on the run's own copy of the flow
    /// (the snapshot it stores writes only the name); a secret nobody provides refuses the run.
    void resolveSecretReferences() {
        if (!options.secrets) options.secrets = standardSecretResolver();
        QHash<QString, std::optional<QString>> found;
        for (Task &t : flow.tasks)
            for (EnvVar &v : t.env) {
                if (!v.isReference()) continue;
                if (!found.contains(v.secretName)) {
                    const SecretLookup lookup = options.secrets->resolve(v.secretName);
                    found.insert(v.secretName, lookup.value);
                    if (!lookup.value) refuse(QStringLiteral("task '%1', env %2: %3").arg(t.name, v.name, lookup.error));
                }
                v.value = found.value(v.secretName).value_or(QString());
            }
    }

    void refuse(const QString &text) {
        Diagnostic d;
        d.file = flowPath;
        d.message = text;
        problems.push_back(d);
    }

    void buildNodes() {
        nodes.resize(flow.tasks.size());
        for (size_t i = 0; i < flow.tasks.size(); ++i) {
            nodes[i].task = &flow.tasks[i];
            nodeIndex.insert(flow.tasks[i].name, int(i));
        }
        for (size_t i = 0; i < flow.tasks.size(); ++i) {
            const QStringList ups = flow.tasks[i].upstreamNames();
            nodes[i].pendingUpstreams = int(ups.size());
            for (const QString &up : ups) nodes[size_t(nodeIndex.value(up))].downstream.push_back(int(i));
        }
        unfinishedNodes = int(nodes.size());
    }

    // ----- events ------------------------------------------------------------------------

    void emitEvent(const QString &task, int mapIndex, int attempt, RunState newState, const QString &text,
                   const QVariant &result = {}, int exitCode = -1, qint64 rss = 0, double cpu = 0) {
        RunEvent e;
        e.runId = id;
        e.task = task;
        e.mapIndex = mapIndex;
        e.attempt = attempt;
        e.state = newState;
        e.timeMs = nowMs();
        e.message = masker.mask(text);
        e.result = masker.mask(result);  // downstream tasks get the real value; the store never does
        e.exitCode = exitCode;
        e.peakRssBytes = rss;
        e.cpuSeconds = cpu;
        if (services.recorder) services.recorder->post(e);
        for (RunEventSink *listener : services.listeners) listener->post(e);
        emit q->event(e);
    }

    void setTaskState(const QString &task, RunState s) {
        QMutexLocker lock(&mutex);
        taskStates.insert(task, s);
    }

    void engineLog(const QString &task, int mapIndex, LogLine::Level level, const QString &text) {
        LogLine line;
        line.runId = id;
        line.task = task;
        line.mapIndex = mapIndex;
        line.timeMs = nowMs();
        line.stream = LogLine::Stream::Engine;
        line.level = level;
        line.text = masker.mask(text);
        publish(line);
    }

    // Called on pool threads too: the listeners are fixed before the run starts.
    void publish(const LogLine &line) {
        if (services.recorder) services.recorder->post(line);
        for (RunEventSink *listener : services.listeners) listener->post(line);
        emit q->log(line);
    }

    void publish(const MetricSample &sample) {
        if (services.recorder) services.recorder->post(sample);
        for (RunEventSink *listener : services.listeners) listener->post(sample);
        emit q->sample(sample);
    }

    // ----- scheduling --------------------------------------------------------------------

    /// Decides whether a node whose upstreams have all finished runs, or is skipped and why.
    void evaluate(int n) {
        Node &node = nodes[size_t(n)];
        // The token too: a task killed by a cancel can end before onCancel() runs on this thread,
        // and what waited on it was cancelled with the run, not skipped for a failed upstream.
        if (cancelling || cancelToken.isCancelled())
            return finishNode(n, RunState::Cancelled, Outcome::Cancel, QStringLiteral("run cancelled"));
        // What a selection leaves out has only left-out tasks downstream: a skip decides nothing.
        if (!included.empty() && !included[size_t(n)])
            return finishNode(n, RunState::Skipped, Outcome::Skip, QStringLiteral("not selected for this run"));
        int success = 0, failure = 0, total = 0;
        QString failedUp, skippedUp;
        for (const Dependency &dep : node.task->after) {
            const Node &up = nodes[size_t(nodeIndex.value(dep.upstream))];
            Outcome o = up.outcome;
            if (o == Outcome::Success && dep.outcome != BranchOutcome::Any &&
                up.result.toBool() != (dep.outcome == BranchOutcome::True))
                o = Outcome::Skip;  // the branch took the other side
            ++total;
            if (o == Outcome::Success) ++success;
            else if (o == Outcome::Failure) { ++failure; failedUp = dep.upstream; }
            else skippedUp = dep.toString();
        }
        const Decision decision = decide(node.task->trigger, success, failure, total, failedUp, skippedUp);
        if (decision.why.isEmpty()) return launch(n);
        finishNode(n, RunState::Skipped, decision.carried, decision.why);
    }

    /// Why a task is not run (empty: it runs), and how its skip counts for its own downstream:
    /// a task not run because its upstream failed passes the failure on.
    struct Decision {
        QString why;
        Outcome carried = Outcome::Skip;
    };

    static Decision decide(TriggerRule rule, int s, int f, int n, const QString &failedUp, const QString &skippedUp) {
        const Decision upFailed{QStringLiteral("not run: upstream '%1' failed").arg(failedUp), Outcome::Failure};
        const Decision upSkipped{QStringLiteral("not run: upstream '%1' was skipped").arg(skippedUp), Outcome::Skip};
        if (n == 0) return {};
        switch (rule) {
        case TriggerRule::AllSuccess: return s == n ? Decision() : f > 0 ? upFailed : upSkipped;
        case TriggerRule::AllDone: return {};
        case TriggerRule::AllFailed:
            return f == n ? Decision() : Decision{QStringLiteral("not run: trigger all_failed, but not every upstream failed")};
        case TriggerRule::AnySuccess:
            return s > 0 ? Decision()
                   : f > 0 ? Decision{QStringLiteral("not run: trigger any_success, but no upstream succeeded"), Outcome::Failure}
                           : upSkipped;
        case TriggerRule::AnyFailed:
            return f > 0 ? Decision() : Decision{QStringLiteral("not run: trigger any_failed, and no upstream failed")};
        case TriggerRule::NoneFailed: return f == 0 ? Decision() : upFailed;
        }
        return {};
    }

    QVariantMap upstreamResults(const Node &node) const {
        QVariantMap map;
        for (const QString &up : node.task->upstreamNames()) map.insert(up, nodes[size_t(nodeIndex.value(up))].result);
        return map;
    }

    void launch(int n) {
        Node &node = nodes[size_t(n)];
        node.started = true;
        const Task &task = *node.task;
        if (const auto reused = reusable.constFind(task.name + QStringLiteral("#-1"));
            reused != reusable.constEnd() && mayReuse(n))
            return finishNode(n, RunState::Cached, Outcome::Success,
                              QStringLiteral("result reused from run %1").arg(options.retryOf), reused->result);
        if (!task.isMapped()) return addInstance(n, -1, {});

        QVariant source = parameters.contains(task.mapOver) ? parameters.value(task.mapOver)
                                                            : nodes[size_t(nodeIndex.value(task.mapOver))].result;
        if (source.typeId() != QMetaType::QVariantList)
            return finishNode(n, RunState::Failed, Outcome::Failure,
                              QStringLiteral("cannot map over '%1': it is not a list (got %2)")
                                  .arg(task.mapOver, environmentText(source)));
        const QVariantList items = source.toList();
        if (items.isEmpty()) return finishNode(n, RunState::Completed, Outcome::Success, QStringLiteral("mapped over an empty list"), QVariantList());
        setNodeState(n, RunState::Running, QStringLiteral("%1 items").arg(items.size()));
        // Every item exists before any starts: an item that is a cache hit finishes at once, and
        // the node must not count as finished while later items are still to come.
        const int first = int(instances.size());
        for (int i = 0; i < items.size(); ++i) createInstance(n, i, items.at(i));
        for (int i = first; i < int(instances.size()); ++i) startInstance(i);
    }

    void setNodeState(int n, RunState s, const QString &text) {
        Node &node = nodes[size_t(n)];
        node.state = s;
        setTaskState(node.task->name, s);
        emitEvent(node.task->name, -1, 0, s, text);
    }

    void addInstance(int n, int mapIndex, const QVariant &item) { startInstance(createInstance(n, mapIndex, item)); }

    int createInstance(int n, int mapIndex, const QVariant &item) {
        Instance inst;
        inst.node = n;
        inst.mapIndex = mapIndex;
        inst.item = item;
        const int i = int(instances.size());
        instances.push_back(inst);
        Node &node = nodes[size_t(n)];
        node.instances.push_back(i);
        ++node.unfinished;
        return i;
    }

    void startInstance(int i) {
        Instance &inst = instances[size_t(i)];
        const Node &node = nodes[size_t(inst.node)];
        const QString &name = node.task->name;
        if (inst.mapIndex >= 0 && mayReuse(inst.node)) {
            const auto reused = reusable.constFind(name + QLatin1Char('#') + QString::number(inst.mapIndex));
            if (reused != reusable.constEnd())
                return finishInstance(i, RunState::Cached, QStringLiteral("result reused from run %1").arg(options.retryOf), reused->result);
        }
        if (services.cache && node.task->cache.enabled && node.task->cache.policy != CachePolicy::None) {
            inst.cacheKey = cacheKey(*node.task, flow.name, id, inst.mapIndex, parameters, upstreamResults(node), inst.item);
            if (!node.task->cache.refresh) {
                if (const auto hit = services.cache->cacheLookup(inst.cacheKey, nowMs()))
                    return finishInstance(i, RunState::Cached, QStringLiteral("cache hit: result of run %1").arg(hit->runId), hit->result);
            }
        }
        emitEvent(name, inst.mapIndex, 0, RunState::Pending, {});
        // An approval waits for a person, not for a thread of the pool.
        if (traitsOf(node.task->kind).waitsForApproval()) return waitForApproval(i);
        ready.push_back(i);
    }

    // ----- approvals -----------------------------------------------------------------------

    void waitForApproval(int i) {
        Instance &inst = instances[size_t(i)];
        Node &node = nodes[size_t(inst.node)];
        const Task &task = *node.task;
        inst.attempt = 1;
        inst.state = RunState::Paused;
        node.state = RunState::Paused;
        setTaskState(task.name, RunState::Paused);
        const QString limit = task.timeoutSeconds
                                  ? QStringLiteral(" (at most %1)").arg(formatDuration(*task.timeoutSeconds))
                                  : QString();
        emitEvent(task.name, inst.mapIndex, inst.attempt, RunState::Paused, QStringLiteral("waiting for approval") + limit);
        engineLog(task.name, inst.mapIndex, LogLine::Level::Info,
                  QStringLiteral("waiting for approval%1: flowdeck-cli runs resume %2%3")
                      .arg(limit, id.left(8), awaiting.isEmpty() ? QString() : QStringLiteral(" --task ") + task.name));
        awaiting.insert(i);
        if (task.timeoutSeconds) armApprovalTimeout(i, nowMs() + qint64(*task.timeoutSeconds * 1000));
        if (awaiting.size() == 1) setRunState(RunState::Paused, QStringLiteral("waiting for approval of '%1'").arg(task.name));
        checkApprovals();  // one may have been given while the run was elsewhere
    }

    void armApprovalTimeout(int i, qint64 deadline) {
        QTimer *timer = approvalTimers.value(i);
        if (!timer) {
            timer = new QTimer(q);
            timer->setSingleShot(true);
            QObject::connect(timer, &QTimer::timeout, q, [this, i, deadline] {
                // A timeout longer than a QTimer's range is waited for in steps.
                if (nowMs() < deadline) return armApprovalTimeout(i, deadline);
                approvalTimedOut(i);
            });
            approvalTimers.insert(i, timer);
        }
        timer->start(int(std::clamp<qint64>(deadline - nowMs(), 0, std::numeric_limits<int>::max())));
    }

    /// Takes the values given for the waiting approvals, if any, and goes on with them.
    void checkApprovals() {
        if (!services.approvals || awaiting.isEmpty()) return;
        const QList<int> waiting(awaiting.begin(), awaiting.end());
        for (int i : waiting) {
            const Task &task = *nodes[size_t(instances[size_t(i)].node)].task;
            const auto given = services.approvals->takeApproval(id, task.name);
            if (!given) continue;
            QStringList problems;
            const QVariantMap values = approvalValues(task, {}, *given, &problems);
            if (!problems.isEmpty()) {
                engineLog(task.name, -1, LogLine::Level::Warning,
                          QStringLiteral("approval not accepted: %1").arg(problems.join(QStringLiteral("; "))));
                continue;
            }
            leaveApproval(i);
            finishInstance(i, RunState::Completed, QStringLiteral("approved"), values);
        }
        drain();
    }

    void approvalTimedOut(int i) {
        if (!awaiting.contains(i)) return;
        const Task &task = *nodes[size_t(instances[size_t(i)].node)].task;
        leaveApproval(i);
        finishInstance(i, RunState::Failed,
                       QStringLiteral("not approved within %1").arg(formatDuration(task.timeoutSeconds.value_or(0))));
        drain();
    }

    void leaveApproval(int i) {
        awaiting.remove(i);
        if (QTimer *timer = approvalTimers.take(i)) {
            timer->stop();
            timer->deleteLater();
        }
        if (awaiting.isEmpty() && !cancelling) setRunState(RunState::Running, QStringLiteral("resumed"));
    }

    /// Does all the work that is ready: decides nodes whose upstreams finished and starts ready
    /// instances while there is room. Iterative, and not re-entered, so a chain of 100,000 tasks
    /// or a cascade of skips never deepens the stack.
    void drain() {
        if (draining) return;
        draining = true;
        std::deque<int> blocked, later;
        for (;;) {
            if (!toEvaluate.empty()) {
                const int n = toEvaluate.front();
                toEvaluate.pop_front();
                evaluate(n);
                continue;
            }
            // One attempt per slot may wait queued in the pool behind the running one, so a
            // slot that frees starts its next task at once, without a round trip through this
            // thread; the pool's thread count still bounds what runs at the same time.
            if (ready.empty() || running >= 2 * maxParallel || cancelling) break;
            const int i = ready.front();
            ready.pop_front();
            if (!limitedTagsOf(i).isEmpty() && running >= maxParallel) later.push_back(i);
            else if (takeSlots(i)) dispatch(i);
            else blocked.push_back(i);
        }
        // A task with limited tags takes its slot only when it can start at once: queued behind
        // a running attempt, it would hold a slot another process may be waiting for.
        for (auto it = later.rbegin(); it != later.rend(); ++it) ready.push_front(*it);
        for (int i : blocked) slotWaiters.push_back(i);
        draining = false;
        checkDone();
    }

    const QStringList &limitedTagsOf(int i) const { return nodes[size_t(instances[size_t(i)].node)].limitedTags; }

    bool takeSlots(int i) {
        Instance &inst = instances[size_t(i)];
        const Node &node = nodes[size_t(inst.node)];
        if (node.limitedTags.isEmpty() || !services.slotBroker) return true;
        if (services.slotBroker->tryAcquireSlots(node.limitedTags, holderOf(inst))) {
            inst.holdsSlots = true;
            return true;
        }
        if (!inst.saidWaiting)
            engineLog(node.task->name, inst.mapIndex, LogLine::Level::Info,
                      QStringLiteral("waiting for a concurrency slot (%1)").arg(node.limitedTags.join(", ")));
        inst.saidWaiting = true;
        return false;
    }

    SlotHolder holderOf(const Instance &inst) const {
        return {id, nodes[size_t(inst.node)].task->name, inst.mapIndex, qint64(getpid())};
    }

    void releaseSlots(Instance &inst) {
        if (!inst.holdsSlots) return;
        services.slotBroker->releaseSlots(holderOf(inst));
        inst.holdsSlots = false;
    }

    void retrySlotWaiters() {
        if (slotWaiters.empty()) return;
        for (auto it = slotWaiters.rbegin(); it != slotWaiters.rend(); ++it) ready.push_front(*it);
        slotWaiters.clear();
        drain();
    }

    void dispatch(int i) {
        Instance &inst = instances[size_t(i)];
        Node &node = nodes[size_t(inst.node)];
        ++inst.attempt;
        inst.saidWaiting = false;
        inst.state = inst.attempt == 1 ? RunState::Running : RunState::Retrying;
        ++running;
        if (traitsOf(node.task->kind).execution == TaskExecution::Nothing) {
            attemptStarted(i);
            // Nothing to run: finishing here saves two thread hand-offs, which are most of a
            // noop's cost (flows of thousands of join points and the engine benchmark use them).
            return attemptFinished(i, AttemptResult{RunState::Completed, {}, {}, 0, 0, 0});
        }
        AttemptInput input = attemptInput(inst);
        pool.start([this, i, input] {
            if (!cancelToken.isCancelled())  // a cancelled run's queued attempts never start
                QMetaObject::invokeMethod(q, [this, i] { attemptStarted(i); }, Qt::QueuedConnection);
            const AttemptResult result = runAttempt(
                input, [this](const LogLine &line) { publish(line); },
                [this](const MetricSample &sample) { publish(sample); });
            QMetaObject::invokeMethod(q, [this, i, result] { attemptFinished(i, result); }, Qt::QueuedConnection);
        });
    }

    /// The attempt really started (it may have waited in the pool's queue): now it is Running.
    void attemptStarted(int i) {
        const Instance &inst = instances[size_t(i)];
        Node &node = nodes[size_t(inst.node)];
        if (inst.mapIndex < 0 || node.state != RunState::Running) {
            node.state = RunState::Running;
            setTaskState(node.task->name, RunState::Running);
        }
        emitEvent(node.task->name, inst.mapIndex, inst.attempt, inst.state, {});
    }

    AttemptInput attemptInput(const Instance &inst) const {
        const Node &node = nodes[size_t(inst.node)];
        AttemptInput in;
        in.task = *node.task;
        in.flowName = flow.name;
        in.flowDirectory = flowDirectory;
        in.runId = id;
        in.runDirectory = runDirectory;
        in.scratchDirectory = scratchDirectory;
        in.mapIndex = inst.mapIndex;
        in.attempt = inst.attempt;
        in.mapItem = inst.item;
        in.parameters = parameters;
        in.upstream = upstreamResults(node);
        in.baseEnvironment = baseEnvironment;
        in.python = options.python;
        in.shell = options.shell;
        in.killGraceSeconds = options.killGraceSeconds;
        in.memoryLimitBytes = memoryLimit;
        in.maxParallel = maxParallel;
        in.masker = masker;
        in.secrets = options.secrets;
        in.services = services;
        in.cancel = &cancelToken;
        return in;
    }

    void attemptFinished(int i, const AttemptResult &result) {
        --running;
        AttemptResult r = result;
        if (timedOut && r.state == RunState::Cancelled) {
            // Stopped by the run's timeout, not by a person: say so on the task too.
            r.state = RunState::TimedOut;
            r.message = QStringLiteral("stopped: %1").arg(flowTimeoutText());
        }
        Instance &inst = instances[size_t(i)];
        const Task &task = *nodes[size_t(inst.node)].task;
        const bool retryable = r.state == RunState::Failed || r.state == RunState::TimedOut;
        if (retryable && !cancelling && !cancelToken.isCancelled() && inst.attempt <= task.retries) {
            scheduleRetry(i, r);
        } else {
            if (r.state == RunState::Completed && !inst.cacheKey.isEmpty()) storeCache(inst, r.result);
            finishInstance(i, r.state, r.message, r.result, r.exitCode, r.peakRssBytes, r.cpuSeconds);
        }
        // Only after the end was stamped: released first, another process could start a task
        // of the tag before this one's recorded end, and the history would show the limit exceeded.
        releaseSlots(inst);
        if (!slotWaiters.empty()) retrySlotWaiters();
        drain();
    }

    void scheduleRetry(int i, const AttemptResult &r) {
        Instance &inst = instances[size_t(i)];
        const Task &task = *nodes[size_t(inst.node)].task;
        const double delay = jitteredDelay(task.retryDelay.delayBefore(inst.attempt), task.retryJitter,
                                           QRandomGenerator::global()->generateDouble());
        inst.state = RunState::AwaitingRetry;
        emitEvent(task.name, inst.mapIndex, inst.attempt, RunState::AwaitingRetry,
                  QStringLiteral("attempt %1 of %2 %3: %4; retrying in %5s")
                      .arg(inst.attempt).arg(task.retries + 1).arg(endedAs(r.state), r.message)
                      .arg(delay, 0, 'f', 2),
                  {}, r.exitCode, r.peakRssBytes, r.cpuSeconds);
        auto *timer = new QTimer(q);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);  // a coarse timer may fire 5% early
        QObject::connect(timer, &QTimer::timeout, q, [this, i, timer] {
            retryTimers.remove(i);
            timer->deleteLater();
            ready.push_back(i);
            drain();
        });
        retryTimers.insert(i, timer);
        timer->start(int(delay * 1000));
    }

    void storeCache(const Instance &inst, const QVariant &result) {
        const Task &task = *nodes[size_t(inst.node)].task;
        if (masker.mask(result) != result) {
            // A masked result would hand "***" to the next run's downstream tasks as if it were
            // the value; not caching it is the honest choice.
            engineLog(task.name, inst.mapIndex, LogLine::Level::Warning,
                      QStringLiteral("result not cached: it contains a secret value"));
            return;
        }
        CacheEntry entry;
        entry.key = inst.cacheKey;
        entry.flowName = flow.name;
        entry.task = task.name;
        entry.result = result;
        entry.createdMs = nowMs();
        entry.expiresMs = task.cache.expirationSeconds ? entry.createdMs + qint64(*task.cache.expirationSeconds * 1000) : 0;
        entry.runId = id;
        services.cache->cacheStore(entry);
    }

    void finishInstance(int i, RunState s, const QString &text, const QVariant &result = {}, int exitCode = -1,
                        qint64 rss = 0, double cpu = 0) {
        Instance &inst = instances[size_t(i)];
        inst.state = s;
        const int n = inst.node;
        Node &node = nodes[size_t(n)];
        emitEvent(node.task->name, inst.mapIndex, inst.attempt, s, text, result, exitCode, rss, cpu);
        if (!inst.cacheKey.isEmpty() && services.recorder)
            services.recorder->setCacheKey(id, node.task->name, inst.mapIndex, inst.cacheKey);
        if (inst.mapIndex < 0) return finishNode(n, s, outcomeOf(s), text, result, false);
        itemResults(n, inst.mapIndex, result);
        if (--node.unfinished == 0) finishMappedNode(n);
    }

    void itemResults(int n, int index, const QVariant &result) {
        Node &node = nodes[size_t(n)];
        QVariantList list = node.result.toList();
        while (list.size() < int(node.instances.size())) list.append(QVariant());
        list[index] = result;
        node.result = list;
    }

    void finishMappedNode(int n) {
        Node &node = nodes[size_t(n)];
        int failed = 0, cancelled = 0;
        RunState worst = RunState::Completed;
        for (int i : node.instances) {
            const RunState s = instances[size_t(i)].state;
            if (s == RunState::Cancelled) ++cancelled;
            else if (!isSuccess(s)) { ++failed; worst = s; }
        }
        if (cancelled) return finishNode(n, RunState::Cancelled, Outcome::Cancel, QStringLiteral("cancelled"), node.result);
        if (failed)
            return finishNode(n, worst == RunState::TimedOut ? RunState::TimedOut : RunState::Failed, Outcome::Failure,
                              QStringLiteral("%1 of %2 items failed").arg(failed).arg(node.instances.size()), node.result);
        finishNode(n, RunState::Completed, Outcome::Success, QStringLiteral("%1 items").arg(node.instances.size()), node.result);
    }

    void finishNode(int n, RunState s, Outcome outcome, const QString &text, const QVariant &result = {}, bool announce = true) {
        Node &node = nodes[size_t(n)];
        node.state = s;
        node.outcome = outcome;
        node.message = text;
        if (!node.task->isMapped() || !result.isNull()) node.result = result;
        if (announce) emitEvent(node.task->name, -1, 0, s, text, node.result);
        {
            QMutexLocker lock(&mutex);
            taskStates.insert(node.task->name, s);
            if (isSuccess(s)) results.insert(node.task->name, node.result);
        }
        --unfinishedNodes;
        for (int down : node.downstream)
            if (--nodes[size_t(down)].pendingUpstreams == 0) toEvaluate.push_back(down);
    }

    void checkDone() {
        if (unfinishedNodes == 0 && running == 0 && !draining && loop) loop->quit();
    }

    QString flowTimeoutText() const {
        return QStringLiteral("the run timed out after %1").arg(formatDuration(flowTimeout));
    }

    /// The flow timeout: stops the run as a cancel does (running process trees are killed,
    /// nothing new starts, waiting tasks end Cancelled), then the run ends TimedOut.
    void onFlowTimeout() {
        if (cancelling || unfinishedNodes == 0) return;
        timedOut = true;
        engineLog({}, -1, LogLine::Level::Error,
                  QStringLiteral("%1 (runner timeout); stopping its tasks").arg(flowTimeoutText()));
        cancelToken.cancel();
        onCancel(QStringLiteral("%1; stopping its tasks").arg(flowTimeoutText()));
    }

    void onCancel(const QString &why = QStringLiteral("cancel requested")) {
        if (cancelling || unfinishedNodes == 0) return;
        cancelling = true;
        setRunState(RunState::Cancelling, why);
        for (auto it = retryTimers.begin(); it != retryTimers.end(); ++it) {
            it.value()->stop();
            it.value()->deleteLater();
            finishInstance(it.key(), RunState::Cancelled, QStringLiteral("cancelled while awaiting a retry"));
        }
        retryTimers.clear();
        for (int i : QList<int>(awaiting.begin(), awaiting.end())) {
            leaveApproval(i);
            finishInstance(i, RunState::Cancelled, QStringLiteral("cancelled while waiting for approval"));
        }
        std::vector<int> waiting(ready.begin(), ready.end());
        waiting.insert(waiting.end(), slotWaiters.begin(), slotWaiters.end());
        ready.clear();
        slotWaiters.clear();
        for (int i : waiting) finishInstance(i, RunState::Cancelled, QStringLiteral("cancelled before it started"));
        drain();  // what was waiting on those tasks is cancelled in turn
    }

    void setRunState(RunState s, const QString &text) {
        {
            QMutexLocker lock(&mutex);
            state = s;
            message = text;
        }
        emitEvent({}, -1, 0, s, text);
    }

    RunState finalState(QString *why) const {
        if (timedOut) {
            *why = flowTimeoutText();
            return RunState::TimedOut;
        }
        // cancel() sets the token before its queued onCancel(): under load the tasks may all
        // end (cancelled) and the loop quit before onCancel() runs, and the run is cancelled all the same.
        if (cancelling || cancelToken.isCancelled()) {
            *why = QStringLiteral("cancelled");
            return RunState::Cancelled;
        }
        for (const Node &node : nodes) {
            if (node.state == RunState::Failed || node.state == RunState::TimedOut || node.state == RunState::Crashed) {
                *why = QStringLiteral("task '%1' %2: %3").arg(node.task->name, toString(node.state).toLower(), node.message);
                return RunState::Failed;
            }
        }
        why->clear();
        return RunState::Completed;
    }

    // ----- run record --------------------------------------------------------------------

    QByteArray snapshotWithoutSecrets() const {
        if (masker.isEmpty()) return FlowFile::serialize(flow);  // nothing to hide: no copy
        Flow copy = flow;
        for (Task &t : copy.tasks)
            for (EnvVar &v : t.env)
                if (v.secret) v.value = QStringLiteral("***");
        return FlowFile::serialize(copy);
    }

    bool createRecord() {
        if (!services.recorder) return true;
        FlowRunRecord r;
        r.id = id;
        r.flowName = flow.name;
        r.flowPath = flowPath.isEmpty() ? QString() : QFileInfo(flowPath).absoluteFilePath();
        r.flowSnapshot = snapshotWithoutSecrets();
        r.parameters = parameters;
        r.tags = flow.tags;
        r.state = RunState::Pending;
        r.parentRunId = options.parentRunId;
        r.parentTask = options.parentTask;
        r.retryOf = options.retryOf;
        r.deployment = options.deployment;
        r.trigger = options.trigger;
        r.taskCount = int(flow.tasks.size());
        r.createdMs = nowMs();
        r.pid = getpid();
        r.host = QSysInfo::machineHostName();
        r.heartbeatMs = r.createdMs;
        QString error;
        const bool recorded = options.runId.isEmpty() ? services.recorder->createRun(r, &error)
                                                       : services.recorder->startClaimedRun(r, &error);
        if (recorded) return true;
        message = QStringLiteral("cannot record the run: %1").arg(error);
        return false;
    }

    void loadReusableResults() {
        if (!services.recorder || options.retryOf.isEmpty()) return;
        for (const TaskRunRecord &t : services.recorder->taskRuns(options.retryOf))
            if (isSuccess(t.state) && !mayHoldAMaskedSecret(t.result))
                reusable.insert(t.task + QLatin1Char('#') + QString::number(t.mapIndex), t);
    }

    /// A stored result had its secrets replaced by ***; such a task runs again rather than hand
    /// *** downstream as if it were the value.
    bool mayHoldAMaskedSecret(const QVariant &result) const {
        return !masker.isEmpty() &&
               QJsonDocument(QJsonObject{{QStringLiteral("r"), QJsonValue::fromVariant(result)}})
                   .toJson(QJsonDocument::Compact)
                   .contains("***");
    }

    bool mayReuse(int n) const { return fresh.empty() || !fresh[size_t(n)]; }

    /// The tasks a selection names must exist; a typo would run nothing the user meant.
    void checkSelection() {
        QStringList names;
        for (const Task &t : flow.tasks) names << t.name;
        for (const QString &task : options.selection.tasks)
            if (!names.contains(task))
                refuse(QStringLiteral("unknown task '%1' in the selection%2").arg(task, didYouMean(task, names)));
        if (!options.selection.isAll() && options.selection.tasks.isEmpty())
            refuse(QStringLiteral("the selection names no task"));
    }

    /// Marks the chosen tasks (fresh) and what they need (included).
    void applySelection() {
        if (options.selection.isAll()) return;
        const FlowGraph graph(flow);
        QSet<QString> chosen;
        for (const QString &task : options.selection.tasks) {
            chosen.insert(task);
            if (options.selection.mode == RunSelection::Mode::FromTasks)
                for (const QString &down : graph.allDownstream(task)) chosen.insert(down);
        }
        QSet<QString> needed = chosen;
        for (const QString &task : chosen)
            for (const QString &up : graph.allUpstream(task)) needed.insert(up);
        included.assign(nodes.size(), 0);
        fresh.assign(nodes.size(), 0);
        for (size_t i = 0; i < nodes.size(); ++i) {
            included[i] = needed.contains(nodes[i].task->name);
            fresh[i] = chosen.contains(nodes[i].task->name);
        }
    }

    void findLimitedTags() {
        if (!services.slotBroker) return;
        for (auto it = options.concurrencyLimits.constBegin(); it != options.concurrencyLimits.constEnd(); ++it)
            services.slotBroker->setConcurrencyLimit(it.key(), it.value());
        const QHash<QString, int> limits = services.slotBroker->concurrencyLimits();
        for (Node &node : nodes)
            for (const QString &tag : node.task->tags)
                if (limits.contains(tag)) node.limitedTags << tag;
    }
};

FlowRun::FlowRun(const Flow &flow, const QString &flowPath, RunServices services, RunOptions options)
    : d(new Private) {
    d->q = this;
    d->flow = flow;
    d->flowPath = flowPath;
    d->flowDirectory = flowPath.isEmpty() ? QDir::currentPath() : QFileInfo(flowPath).absolutePath();
    d->services = std::move(services);
    d->options = std::move(options);
    d->id = d->options.runId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : d->options.runId;
}

FlowRun::~FlowRun() {
    d->cancelToken.cancel();
    d->pool.waitForDone();
    if (d->scratchDirectory.startsWith(QLatin1String("/dev/shm/"))) QDir(d->scratchDirectory).removeRecursively();
}

Diagnostics FlowRun::prepare() {
    if (d->prepared) return d->problems;
    d->prepared = true;
    if (!d->options.flowValidated)
        for (const Diagnostic &problem : FlowValidator::validate(d->flow, d->flowPath))
            if (problem.severity == Severity::Error) d->problems.push_back(problem);
    d->resolveParameters();
    d->checkSelection();
    if (hasErrors(d->problems)) return d->problems;

    d->resolveSecretReferences();
    for (const Task &t : d->flow.tasks)
        for (const EnvVar &v : t.env)
            if (v.secret) d->masker.add(v.value);
    const int cores = std::max(1, QThread::idealThreadCount());
    d->maxParallel = d->options.maxParallel > 0 ? d->options.maxParallel
                     : d->flow.runner.maxParallel > 0 ? d->flow.runner.maxParallel : cores;
    d->memoryLimit = d->options.memoryLimitBytes >= 0 ? d->options.memoryLimitBytes : d->flow.runner.memoryLimitBytes;
    d->flowTimeout = d->options.flowTimeoutSeconds >= 0 ? d->options.flowTimeoutSeconds
                                                        : d->flow.runner.timeoutSeconds.value_or(0);
    d->pool.setMaxThreadCount(d->maxParallel);
    d->pool.setExpiryTimeout(-1);  // keep threads for the whole run: no respawn cost per task

    const QString root = d->options.runsDirectory.isEmpty() ? defaultRunsDirectory() : d->options.runsDirectory;
    d->runDirectory = QDir(root).absoluteFilePath(d->id);
    if (!makePrivateFolder(d->runDirectory)) d->refuse(QStringLiteral("cannot create the run folder %1").arg(d->runDirectory));
    d->scratchDirectory = scratchFolder(d->id, d->runDirectory);

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) d->baseEnvironment.insert(key, env.value(key));
    return d->problems;
}

RunState FlowRun::execute() {
    if (hasErrors(prepare()) || !d->createRecord()) {
        QStringList texts;
        for (const Diagnostic &p : d->problems) texts << p.message;
        QMutexLocker lock(&d->mutex);
        d->state = RunState::Failed;
        if (!texts.isEmpty()) d->message = texts.join(QLatin1String("; "));
        return d->state;
    }
    QEventLoop loop;
    d->loop = &loop;
    if (d->services.slotBroker) d->services.slotBroker->onSlotsReleased(this, [this] { d->retrySlotWaiters(); });
    // `flowdeck-cli runs cancel` in any process reaches the process running this run.
    if (d->services.cancels)
        d->services.cancels->onCancelRequested(this, [this](const QString &runId) {
            if (runId == d->id) cancel();
        });
    // `flowdeck-cli runs resume` in any process reaches the process running this run.
    if (d->services.approvals) d->services.approvals->onApprovalGiven(this, [this] { d->checkApprovals(); });
    std::unique_ptr<QSocketNotifier> parentCancel;
    if (d->options.parentCancel) {
        parentCancel = std::make_unique<QSocketNotifier>(d->options.parentCancel->fd(), QSocketNotifier::Read);
        connect(parentCancel.get(), &QSocketNotifier::activated, this, [this] { cancel(); });
        if (d->options.parentCancel->isCancelled()) cancel();
    }
    QTimer heartbeat;
    if (d->services.recorder) {
        connect(&heartbeat, &QTimer::timeout, this, [this] { d->services.recorder->heartbeat(d->id); });
        heartbeat.start(5000);
    }

    d->buildNodes();
    d->applySelection();
    d->findLimitedTags();
    d->loadReusableResults();
    d->setRunState(RunState::Running, {});
    QDeadlineTimer deadline(QDeadlineTimer::Forever);
    QTimer flowTimer;
    if (d->flowTimeout > 0) {
        deadline.setRemainingTime(qint64(d->flowTimeout * 1000), Qt::PreciseTimer);
        flowTimer.setSingleShot(true);
        flowTimer.setTimerType(Qt::PreciseTimer);
        connect(&flowTimer, &QTimer::timeout, this, [this, &flowTimer, &deadline] {
            // A timeout longer than a QTimer's range (24 days) is waited for in steps.
            if (!deadline.hasExpired()) return flowTimer.start(int(std::min<qint64>(deadline.remainingTime(), 1 << 30)));
            d->onFlowTimeout();
        });
        flowTimer.start(int(std::min<qint64>(deadline.remainingTime(), 1 << 30)));
    }
    for (size_t n = 0; n < d->nodes.size(); ++n)
        if (d->nodes[n].pendingUpstreams == 0) d->toEvaluate.push_back(int(n));
    d->drain();
    if (d->unfinishedNodes > 0 || d->running > 0) loop.exec();
    d->loop = nullptr;
    d->pool.waitForDone();

    QString why;
    const RunState final = d->finalState(&why);
    d->setRunState(final, why);
    return final;
}

void FlowRun::cancel() {
    d->cancelToken.cancel();
    QMetaObject::invokeMethod(this, [this] { d->onCancel(); }, Qt::QueuedConnection);
}

QString FlowRun::id() const { return d->id; }

RunState FlowRun::state() const {
    QMutexLocker lock(&d->mutex);
    return d->state;
}

QString FlowRun::message() const {
    QMutexLocker lock(&d->mutex);
    return d->message;
}

QString FlowRun::runDirectory() const { return d->runDirectory; }
QVariantMap FlowRun::parameters() const { return d->parameters; }

QVariantMap FlowRun::results() const {
    QMutexLocker lock(&d->mutex);
    return d->results;
}

QHash<QString, RunState> FlowRun::taskStates() const {
    QMutexLocker lock(&d->mutex);
    return d->taskStates;
}

}  // namespace flowdeck
