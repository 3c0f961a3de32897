#include "WorkspaceSchedules.h"

#include "ScheduleConfig.h"
#include "flow/FlowFile.h"
#include "deploy/DeploymentConfig.h"
#include "flow/FlowValidator.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSet>

namespace flowdeck {

namespace {

const QStringList kOwnKeys = {"name",      "flow", "parameters", "catchup", "catchup_cap", "max_active_runs",
                              "collision", "pool", "queue",      "active",  "deployment"};

QString qs(const std::string &text) {
    return QString::fromStdString(text);
}

/// Scalars stay text: ScheduleConfig reads numbers and booleans from text, as YAML gives them.
QVariant toVariant(const YAML::Node &node) {
    if (node.IsMap()) {
        QVariantMap map;
        for (auto it = node.begin(); it != node.end(); ++it)
            map.insert(qs(it->first.Scalar()), toVariant(it->second));
        return map;
    }
    if (node.IsSequence()) {
        QVariantList list;
        for (const YAML::Node &item : node) list << toVariant(item);
        return list;
    }
    return node.IsNull() ? QVariant() : QVariant(qs(node.Scalar()));
}

Diagnostic problemAt(const QString &file, const YAML::Node &node, const QString &message) {
    Diagnostic d;
    d.file = file;
    if (!node.Mark().is_null()) d.location = {node.Mark().line + 1, node.Mark().column + 1};
    d.message = message;
    return d;
}

int intOr(const QVariant &value, int fallback, bool *ok) {
    if (!value.isValid()) return fallback;
    const int n = value.toString().toInt(ok);
    return *ok ? n : fallback;
}

}  // namespace

QString scheduleParameterProblem(const Flow &flow, const QVariantMap &parameters) {
    QStringList known;
    for (const Parameter &p : flow.parameters) known << p.name;
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it)
        if (!known.contains(it.key()))
            return QStringLiteral("parameters: flow '%1' has no parameter '%2'%3")
                .arg(flow.name, it.key(), didYouMean(it.key(), known));
    for (const Parameter &p : flow.parameters) {
        QString error;
        if (parameters.contains(p.name) &&
            !FlowValidator::valueFromText(p, parameters.value(p.name).toString(), &error).isValid())
            return QStringLiteral("parameters: ") + error;
        if (!parameters.contains(p.name) && !p.hasDefault())
            return QStringLiteral("parameters: flow '%1' needs parameter '%2' (%3, no default)")
                .arg(flow.name, p.name, toString(p.type));
    }
    return QString();
}

namespace {

/// One entry; problems are added to @p out and the entry is skipped.
std::optional<ScheduleRecord> readEntry(const QString &file, const YAML::Node &node, Diagnostics &out) {
    if (!node.IsMap()) {
        out.push_back(problemAt(file, node, QStringLiteral("schedules: each entry must be a mapping")));
        return std::nullopt;
    }
    QVariantMap map = toVariant(node).toMap();
    ScheduleRecord s;
    s.name = map.value("name").toString();
    const QString where =
        s.name.isEmpty() ? QStringLiteral("schedules") : QStringLiteral("schedule '%1'").arg(s.name);
    auto fail = [&](const QString &message) {
        out.push_back(problemAt(file, node, where + QStringLiteral(": ") + message));
        return std::nullopt;
    };
    if (s.name.isEmpty()) return fail(QStringLiteral("needs a name"));
    QString flow = map.value("flow").toString();
    const QString deploymentName = map.value("deployment").toString();
    if (!flow.isEmpty() && !deploymentName.isEmpty())
        return fail(QStringLiteral("names both a flow and a deployment: keep one"));
    if (!deploymentName.isEmpty()) {
        // The deployment's flow and parameters; the schedule's own parameters go on top.
        const WorkspaceDeployments deployments = WorkspaceDeployments::read(file);
        const DeploymentConfig *d = deployments.find(deploymentName);
        if (!d)
            return fail(QStringLiteral("no deployment '%1' in this file%2").arg(deploymentName, didYouMean(deploymentName, deployments.names())));
        flow = QDir(QFileInfo(file).absolutePath()).relativeFilePath(d->flowPath());
        QVariantMap parameters = d->parameters;
        parameters.insert(map.value("parameters").toMap());
        map.insert("parameters", parameters);
    }
    if (flow.isEmpty()) return fail(QStringLiteral("needs a flow (a .flow.yaml file) or a deployment"));
    s.flowPath = QFileInfo(QFileInfo(file).absoluteDir(), flow).absoluteFilePath();
    const LoadResult loaded = FlowFile::load(s.flowPath);
    if (!loaded.isValid())
        return fail(QStringLiteral("flow %1 cannot be run (run 'validate' on it)").arg(flow));
    s.flowName = loaded.flow.name;
    for (auto it = map.value("parameters").toMap().constBegin();
         it != map.value("parameters").toMap().constEnd(); ++it)
        s.parameters.insert(it.key(), it.value().typeId() == QMetaType::QVariantList || it.value().typeId() == QMetaType::QVariantMap
                                          ? QString::fromUtf8(QJsonDocument::fromVariant(it.value()).toJson(QJsonDocument::Compact))
                                          : it.value().toString());
    if (const QString problem = scheduleParameterProblem(loaded.flow, s.parameters); !problem.isEmpty())
        return fail(problem);
    bool ok = true;
    s.catchUpCap = intOr(map.value("catchup_cap"), 100, &ok);
    if (ok) s.maxActiveRuns = intOr(map.value("max_active_runs"), 0, &ok);
    if (!ok) return fail(QStringLiteral("catchup_cap and max_active_runs must be whole numbers"));
    const auto catchUp = catchUpFromString(map.value("catchup", "skip").toString());
    const auto collision = collisionFromString(map.value("collision", "enqueue").toString());
    if (!catchUp) return fail(QStringLiteral("catchup: expected skip, latest or all"));
    if (!collision) return fail(QStringLiteral("collision: expected enqueue or cancel-new"));
    s.catchUp = *catchUp;
    s.collision = *collision;
    s.pool = map.value("pool", "default").toString();
    s.queue = map.value("queue", "default").toString();
    for (const QString &problem :
         {nameProblem(QStringLiteral("schedule name"), s.name), nameProblem(QStringLiteral("pool"), s.pool),
          nameProblem(QStringLiteral("queue"), s.queue)})
        if (!problem.isEmpty()) return fail(problem);
    s.active = map.value("active", "true").toString().toLower() != QLatin1String("false");
    for (const QString &key : kOwnKeys) map.remove(key);
    const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(map);
    if (!parsed.ok()) return fail(parsed.problems.front().message);
    s.config = parsed.config.toVariantMap();
    s.source = QFileInfo(file).absoluteFilePath();
    return s;
}

/// A whole number >= 0 under @p key of @p map, else @p fallback; a problem when it is something else.
int countAt(const QString &file, const YAML::Node &map, const char *key, int fallback, const QString &where,
            Diagnostics &out) {
    const YAML::Node node = map[key];
    if (!node || node.IsNull()) return fallback;
    bool ok = node.IsScalar();
    const int n = ok ? qs(node.Scalar()).toInt(&ok) : 0;
    if (ok && n >= 0) return n;
    out.push_back(problemAt(file, node, QStringLiteral("%1: %2 must be a whole number >= 0").arg(where, key)));
    return fallback;
}

/// Reports keys of @p map not in @p known, with the closest known one.
bool onlyKnownKeys(const QString &file, const YAML::Node &map, const QStringList &known, const QString &where,
                   Diagnostics &out) {
    bool clean = true;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = qs(it->first.Scalar());
        if (known.contains(key)) continue;
        out.push_back(problemAt(file, it->first,
                                QStringLiteral("%1: unknown key '%2'%3").arg(where, key, didYouMean(key, known))));
        clean = false;
    }
    return clean;
}

std::optional<DeclaredPool> readPool(const QString &file, const YAML::Node &name, const YAML::Node &node,
                                     Diagnostics &out) {
    DeclaredPool pool;
    pool.name = qs(name.Scalar());
    const QString where = QStringLiteral("work pool '%1'").arg(pool.name);
    if (const QString problem = nameProblem(QStringLiteral("work pool name"), pool.name);
        !problem.isEmpty()) {
        out.push_back(problemAt(file, name, problem));
        return std::nullopt;
    }
    if (node.IsNull()) return pool;
    if (!node.IsMap()) {
        out.push_back(problemAt(file, node, where + QStringLiteral(": expected a mapping (concurrency_limit, queues)")));
        return std::nullopt;
    }
    const size_t before = out.size();
    onlyKnownKeys(file, node, {"concurrency_limit", "queues"}, where, out);
    pool.concurrencyLimit = countAt(file, node, "concurrency_limit", 0, where, out);
    const YAML::Node queues = node["queues"];
    if (queues && !queues.IsNull() && !queues.IsMap())
        out.push_back(problemAt(file, queues, where + QStringLiteral(": queues must be a mapping of name to settings")));
    else if (queues)
        for (auto it = queues.begin(); it != queues.end(); ++it) {
            DeclaredQueue queue;
            queue.name = qs(it->first.Scalar());
            const QString at = QStringLiteral("queue '%1' of %2").arg(queue.name, where);
            if (const QString problem = nameProblem(QStringLiteral("queue name"), queue.name);
                !problem.isEmpty()) {
                out.push_back(problemAt(file, it->first, where + QStringLiteral(": ") + problem));
                continue;
            }
            if (!it->second.IsNull() && !it->second.IsMap()) {
                out.push_back(problemAt(file, it->second, at + QStringLiteral(": expected a mapping (priority, concurrency_limit)")));
                continue;
            }
            if (it->second.IsMap()) {
                onlyKnownKeys(file, it->second, {"priority", "concurrency_limit"}, at, out);
                queue.priority = countAt(file, it->second, "priority", 1, at, out);
                queue.concurrencyLimit = countAt(file, it->second, "concurrency_limit", 0, at, out);
            }
            pool.queues.push_back(queue);
        }
    if (out.size() > before) return std::nullopt;
    return pool;
}

void readPools(const QString &file, const YAML::Node &node, WorkspaceSchedules &result) {
    if (!node || node.IsNull()) return;
    if (!node.IsMap()) {
        result.problems.push_back(problemAt(file, node, QStringLiteral("work_pools: expected a mapping of pool name to settings")));
        return;
    }
    for (auto it = node.begin(); it != node.end(); ++it)
        if (auto pool = readPool(file, it->first, it->second, result.problems)) result.pools.push_back(*pool);
}

/// Gives @p store the pools and queues of @p declared; returns how many it created or changed.
int syncPools(const std::vector<DeclaredPool> &declared, ScheduleStore &store) {
    QHash<QString, WorkPoolRecord> pools;
    for (const WorkPoolRecord &p : store.pools()) pools.insert(p.name, p);
    QHash<QString, WorkQueueRecord> queues;
    for (const WorkQueueRecord &q : store.queues()) queues.insert(q.pool + QLatin1Char('/') + q.name, q);
    int saved = 0;
    for (const DeclaredPool &pool : declared) {
        const auto known = pools.constFind(pool.name);
        if ((known == pools.cend() || known->concurrencyLimit != pool.concurrencyLimit) &&
            store.savePool(pool.name, std::nullopt, pool.concurrencyLimit))
            ++saved;
        for (const DeclaredQueue &queue : pool.queues) {
            const auto q = queues.constFind(pool.name + QLatin1Char('/') + queue.name);
            const bool same = q != queues.cend() && q->priority == queue.priority &&
                              q->concurrencyLimit == queue.concurrencyLimit;
            if (!same && store.saveQueue(pool.name, queue.name, std::nullopt, queue.priority, queue.concurrencyLimit))
                ++saved;
        }
    }
    return saved;
}

bool sameDefinition(const ScheduleRecord &a, const ScheduleRecord &b) {
    return a.flowPath == b.flowPath && a.parameters == b.parameters && a.config == b.config &&
           a.catchUp == b.catchUp && a.catchUpCap == b.catchUpCap && a.maxActiveRuns == b.maxActiveRuns &&
           a.collision == b.collision && a.pool == b.pool && a.queue == b.queue && a.source == b.source;
}

}  // namespace

WorkspaceSchedules WorkspaceSchedules::read(const QString &workspaceFile) {
    WorkspaceSchedules result;
    if (workspaceFile.isEmpty()) return result;
    YAML::Node root;
    try {
        root = YAML::LoadFile(workspaceFile.toStdString());
    } catch (const YAML::Exception &e) {
        // Settings::load reported the file's syntax already.
        return result;
    }
    if (!root.IsMap()) return result;
    readPools(workspaceFile, root["work_pools"], result);
    if (!root["schedules"] || root["schedules"].IsNull()) return result;
    const YAML::Node list = root["schedules"];
    if (!list.IsSequence()) {
        result.problems.push_back(
            problemAt(workspaceFile, list, QStringLiteral("schedules: expected a list")));
        return result;
    }
    QSet<QString> names;
    for (const YAML::Node &entry : list) {
        auto s = readEntry(workspaceFile, entry, result.problems);
        if (!s) continue;
        if (names.contains(s->name)) {
            result.problems.push_back(problemAt(
                workspaceFile, entry, QStringLiteral("schedule '%1' is declared twice").arg(s->name)));
            continue;
        }
        names.insert(s->name);
        result.schedules.push_back(*s);
    }
    return result;
}

ScheduleSync syncSchedules(const WorkspaceSchedules &declared, const QString &workspaceFile,
                           ScheduleStore &store) {
    ScheduleSync sync;
    if (workspaceFile.isEmpty()) return sync;  // no workspace: nothing declared, nothing to remove
    const QString source = QFileInfo(workspaceFile).absoluteFilePath();
    sync.poolsSaved = syncPools(declared.pools, store);
    QSet<QString> names;
    for (ScheduleRecord s : declared.schedules) {
        names.insert(s.name);
        const auto existing = store.schedule(s.name);
        if (existing && sameDefinition(*existing, s)) continue;
        QString error;
        if (store.upsertSchedule(s, &error)) ++(existing ? sync.updated : sync.added);
    }
    for (const ScheduleRecord &s : store.schedules())
        if (s.source == source && !names.contains(s.name) && store.removeSchedule(s.name, nullptr))
            ++sync.removed;
    if (sync.added + sync.updated + sync.removed + sync.poolsSaved > 0) store.notify();
    return sync;
}

}  // namespace flowdeck
