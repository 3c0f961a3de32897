#include "FlowFile.h"

#include "FlowValidator.h"
#include "Units.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <cmath>

namespace flowdeck {

namespace {

const QStringList topKeys = {"apiVersion", "kind", "name",    "description", "version",
                             "tags",       "parameters", "runner", "tasks", "layout",
                             "notes",      "groups"};
const QStringList noteKeys = {"text", "at", "size"};
const QStringList groupKeys = {"title", "at", "size"};
const QStringList parameterKeys = {"type", "default", "description", "required", "min", "max", "allowed"};
const QStringList runnerKeys = {"max_parallel", "memory_limit"};
const QStringList taskKeys = {"kind",    "description", "script",      "language",     "flow",
                              "parameters", "seconds",  "after",       "trigger",      "retries",
                              "retry_delay", "retry_jitter", "timeout", "cache",       "tags",
                              "env",     "map",         "workdir"};
const QStringList cacheKeys = {"policy", "expiration", "refresh"};
const QStringList envKeys = {"value", "secret"};

QString qs(const std::string &text) { return QString::fromStdString(text); }

SourceLocation locationOf(const YAML::Mark &mark) {
    if (mark.line < 0) return {};
    return {mark.line + 1, mark.column + 1};
}

SourceLocation locationOf(const YAML::Node &node) { return locationOf(node.Mark()); }

QString kindName(const YAML::Node &node) {
    switch (node.Type()) {
    case YAML::NodeType::Map: return QStringLiteral("a mapping");
    case YAML::NodeType::Sequence: return QStringLiteral("a list");
    case YAML::NodeType::Null: return QStringLiteral("nothing");
    case YAML::NodeType::Scalar: return QStringLiteral("'%1'").arg(qs(node.Scalar()));
    case YAML::NodeType::Undefined: break;
    }
    return QStringLiteral("nothing");
}

bool isQuoted(const YAML::Node &node) { return node.Tag() == "!"; }

/// Reads the YAML tree into a Flow, recording every problem with its location.
class Reader {
public:
    explicit Reader(const QString &file) : m_file(file) {}

    LoadResult read(const YAML::Node &root) {
        LoadResult result;
        result.readable = true;
        m_flow = &result.flow;
        m_flow->sourceMap.insert(QStringLiteral("(root)"), {1, 1});
        readTop(root);  // parse() made sure the root is a mapping
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

private:
    static constexpr qint64 maxExpandedValues = 100000;
    QString m_file;
    Flow *m_flow = nullptr;
    Diagnostics m_diagnostics;
    qint64 m_expandedValues = 0;

    void report(SourceLocation at, const QString &message, Severity severity, const QString &task,
                const QString &field) {
        Diagnostic d;
        d.severity = severity;
        d.file = m_file;
        d.location = at;
        d.message = message;
        d.task = task;
        d.field = field;
        m_diagnostics.push_back(d);
    }

    void error(const YAML::Node &node, const QString &message, const QString &task = {}, const QString &field = {}) {
        report(locationOf(node), message, Severity::Error, task, field);
    }

    void warning(const YAML::Node &node, const QString &message, const QString &task = {}) {
        report(locationOf(node), message, Severity::Warning, task, {});
    }

    void remember(const QString &path, const YAML::Node &node) { m_flow->sourceMap.insert(path, locationOf(node)); }

    /// Iterates a mapping, reporting duplicate and unknown keys; calls @p handle for each known key.
    template <typename Handler>
    void forEachKey(const YAML::Node &map, const QStringList &known, const QString &where, const QString &task,
                    Handler handle) {
        QSet<QString> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const YAML::Node key = it->first;
            const QString name = key.IsScalar() ? qs(key.Scalar()) : QString();
            if (!key.IsScalar()) {
                error(key, QStringLiteral("keys %1 must be plain names, got %2").arg(where, kindName(key)), task);
                continue;
            }
            if (seen.contains(name)) {
                error(key, QStringLiteral("duplicate key '%1' %2").arg(name, where), task, name);
                continue;
            }
            seen.insert(name);
            if (!known.contains(name)) {
                error(key, QStringLiteral("unknown key '%1' %2%3").arg(name, where, didYouMean(name, known)), task, name);
                continue;
            }
            handle(name, key, it->second);
        }
    }

    // ----- typed values -------------------------------------------------------------------

    std::optional<QString> string(const YAML::Node &node, const QString &what, const QString &task = {}) {
        if (node.IsScalar()) return qs(node.Scalar());
        if (node.IsNull()) return QString();
        error(node, QStringLiteral("'%1' must be text, got %2").arg(what, kindName(node)), task, what);
        return std::nullopt;
    }

    std::optional<qint64> integer(const YAML::Node &node, const QString &what, const QString &task = {},
                                  qint64 minimum = 0) {
        static const QRegularExpression pattern(QStringLiteral("^[-+]?[0-9]+$"));
        bool ok = node.IsScalar() && !isQuoted(node) && pattern.match(qs(node.Scalar())).hasMatch();
        const qint64 value = ok ? qs(node.Scalar()).toLongLong(&ok) : 0;
        if (ok && value >= minimum) return value;
        error(node, QStringLiteral("'%1' must be an integer >= %2, got %3").arg(what).arg(minimum).arg(kindName(node)),
              task, what);
        return std::nullopt;
    }

    std::optional<double> number(const YAML::Node &node, const QString &what, const QString &task = {}) {
        bool ok = node.IsScalar() && !isQuoted(node);
        const double value = ok ? qs(node.Scalar()).toDouble(&ok) : 0;
        if (ok && std::isfinite(value)) return value;
        error(node, QStringLiteral("'%1' must be a number, got %2").arg(what, kindName(node)), task, what);
        return std::nullopt;
    }

    std::optional<bool> boolean(const YAML::Node &node, const QString &what, const QString &task = {}) {
        const QString text = node.IsScalar() ? qs(node.Scalar()).toLower() : QString();
        if (text == QLatin1String("true")) return true;
        if (text == QLatin1String("false")) return false;
        error(node, QStringLiteral("'%1' must be true or false, got %2").arg(what, kindName(node)), task, what);
        return std::nullopt;
    }

    std::optional<double> duration(const YAML::Node &node, const QString &what, const QString &task = {}) {
        const auto value = node.IsScalar() ? parseDuration(qs(node.Scalar())) : std::nullopt;
        if (value) return value;
        error(node,
              QStringLiteral("bad duration %1 for '%2': expected seconds or a number with a unit ms, s, m, h or d, "
                             "like '30s' or '1m30s'").arg(kindName(node), what),
              task, what);
        return std::nullopt;
    }

    std::optional<QStringList> stringList(const YAML::Node &node, const QString &what, const QString &task = {}) {
        if (node.IsScalar()) return QStringList{qs(node.Scalar())};
        if (node.IsNull()) return QStringList();
        if (!node.IsSequence()) {
            error(node, QStringLiteral("'%1' must be a list of names, got %2").arg(what, kindName(node)), task, what);
            return std::nullopt;
        }
        QStringList items;
        for (const YAML::Node &item : node) {
            if (!item.IsScalar()) {
                error(item, QStringLiteral("items of '%1' must be names, got %2").arg(what, kindName(item)), task, what);
                return std::nullopt;
            }
            items << qs(item.Scalar());
        }
        return items;
    }

    /// A generic YAML value as a QVariant: plain scalars become bool, int or float where they
    /// look like one (YAML 1.2 core schema), quoted scalars stay text.
    // Depth counts from the file's root: a value sits at least three levels down (a parameter's default).
    std::optional<QVariant> value(const YAML::Node &node, int depth = 3) {
        if (depth > FlowFile::maxNestingDepth) {
            error(node, QStringLiteral("nesting deeper than %1 levels").arg(FlowFile::maxNestingDepth));
            return std::nullopt;
        }
        // Aliases let a tiny file expand to billions of values ("billion laughs"); cap the total.
        if (++m_expandedValues > maxExpandedValues) {
            if (m_expandedValues == maxExpandedValues + 1)
                error(node, QStringLiteral("too many values (over %1): aliases expand to more than a flow can hold")
                                .arg(maxExpandedValues));
            return std::nullopt;
        }
        if (node.IsNull()) return QVariant();
        if (node.IsScalar()) return scalarValue(node);
        if (node.IsSequence()) {
            QVariantList items;
            for (const YAML::Node &item : node) {
                auto v = value(item, depth + 1);
                if (!v) return std::nullopt;
                items << *v;
            }
            return items;
        }
        QVariantMap map;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar()) {
                error(it->first, QStringLiteral("map keys must be text, got %1").arg(kindName(it->first)));
                return std::nullopt;
            }
            auto v = value(it->second, depth + 1);
            if (!v) return std::nullopt;
            map.insert(qs(it->first.Scalar()), *v);
        }
        return map;
    }

    static QVariant scalarValue(const YAML::Node &node) {
        const QString text = qs(node.Scalar());
        if (isQuoted(node)) return text;
        static const QRegularExpression intPattern(QStringLiteral("^[-+]?[0-9]+$"));
        static const QRegularExpression floatPattern(
            QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
        if (text == QLatin1String("true")) return true;
        if (text == QLatin1String("false")) return false;
        if (text == QLatin1String("null") || text == QLatin1String("~")) return QVariant();
        bool ok = false;
        if (intPattern.match(text).hasMatch()) {
            const qlonglong n = text.toLongLong(&ok);
            if (ok) return n;
        }
        if (floatPattern.match(text).hasMatch()) {
            const double d = text.toDouble(&ok);
            if (ok) return d;
        }
        return text;
    }

    /// A parameter value converted to the parameter's declared type where that is lossless.
    std::optional<QVariant> typedValue(const YAML::Node &node, ParameterType type) {
        auto v = value(node);
        if (!v) return std::nullopt;
        if (type == ParameterType::Float && (v->typeId() == QMetaType::LongLong)) return QVariant(v->toDouble());
        if (type == ParameterType::String && node.IsScalar()) return QVariant(qs(node.Scalar()));
        return v;
    }

    // ----- sections -----------------------------------------------------------------------

    void readTop(const YAML::Node &root) {
        bool sawApi = false, sawKind = false;
        forEachKey(root, topKeys, QStringLiteral("at the top level"), {},
                   [&](const QString &key, const YAML::Node &keyNode, const YAML::Node &v) {
                       remember(key, v.IsNull() ? keyNode : v);
                       sawApi |= key == QLatin1String("apiVersion");
                       sawKind |= key == QLatin1String("kind");
                       readTopKey(key, keyNode, v);
                   });
        if (!sawApi) error(root, QStringLiteral("missing 'apiVersion: flowdeck/v1'"));
        if (!sawKind) error(root, QStringLiteral("missing 'kind: Flow'"));
    }

    void readTopKey(const QString &key, const YAML::Node &keyNode, const YAML::Node &v) {
        if (key == QLatin1String("apiVersion")) {
            const auto text = string(v, key);
            if (text && *text != QLatin1String("flowdeck/v1"))
                error(v, QStringLiteral("unsupported apiVersion '%1': expected 'flowdeck/v1'").arg(*text));
        } else if (key == QLatin1String("kind")) {
            const auto text = string(v, key);
            if (text && *text != QLatin1String("Flow"))
                error(v, QStringLiteral("kind must be 'Flow', got '%1'").arg(*text));
        } else if (key == QLatin1String("name")) {
            m_flow->name = string(v, key).value_or(QString());
        } else if (key == QLatin1String("description")) {
            m_flow->description = string(v, key).value_or(QString());
        } else if (key == QLatin1String("version")) {
            m_flow->version = string(v, key).value_or(QString());
        } else if (key == QLatin1String("tags")) {
            m_flow->tags = stringList(v, key).value_or(QStringList());
        } else if (key == QLatin1String("parameters")) {
            readSection(keyNode, v, key, [this](const QString &n, const YAML::Node &k, const YAML::Node &b) {
                readParameter(n, k, b);
            });
        } else if (key == QLatin1String("runner")) {
            readRunner(v);
        } else if (key == QLatin1String("tasks")) {
            readSection(keyNode, v, key, [this](const QString &n, const YAML::Node &k, const YAML::Node &b) {
                readTask(n, k, b);
            });
        } else if (key == QLatin1String("layout")) {
            readLayout(v);
        } else if (key == QLatin1String("notes")) {
            readFrames(v, key, noteKeys, [this](const Frame &f) {
                m_flow->notes.push_back({f.text, f.x, f.y, f.width, f.height});
            });
        } else if (key == QLatin1String("groups")) {
            readFrames(v, key, groupKeys, [this](const Frame &f) {
                m_flow->groups.push_back({f.text, f.x, f.y, f.width, f.height});
            });
        }
    }

    /// A mapping of name -> body (parameters, tasks); keeps duplicates so the validator sees them.
    template <typename Handler>
    void readSection(const YAML::Node &keyNode, const YAML::Node &section, const QString &what, Handler handle) {
        if (section.IsNull()) return;
        if (!section.IsMap()) {
            error(section.IsDefined() ? section : keyNode,
                  QStringLiteral("'%1' must be a mapping of name to settings, got %2").arg(what, kindName(section)));
            return;
        }
        for (auto it = section.begin(); it != section.end(); ++it) {
            if (!it->first.IsScalar()) {
                error(it->first, QStringLiteral("names in '%1' must be text, got %2").arg(what, kindName(it->first)));
                continue;
            }
            handle(qs(it->first.Scalar()), it->first, it->second);
        }
    }

    void readParameter(const QString &name, const YAML::Node &keyNode, const YAML::Node &body) {
        const QString path = QStringLiteral("parameters.") + name;
        remember(path, keyNode);
        Parameter p;
        p.name = name;
        if (!body.IsMap()) {
            error(keyNode, QStringLiteral("parameter '%1' must be a mapping with at least 'type', got %2")
                               .arg(name, kindName(body)));
            m_flow->parameters.push_back(p);
            return;
        }
        if (const YAML::Node type = body["type"]; type.IsDefined() && type.IsScalar()) {
            const auto parsed = parameterTypeFromString(qs(type.Scalar()));
            if (parsed) p.type = *parsed;
            else error(type, QStringLiteral("unknown parameter type '%1': expected one of string, int, float, bool, list, map")
                                 .arg(qs(type.Scalar())));
        } else {
            error(type.IsDefined() ? type : keyNode, QStringLiteral("parameter '%1' needs a 'type': string, int, float, bool, list or map").arg(name));
        }
        const QString where = QStringLiteral("in parameter '%1'").arg(name);
        forEachKey(body, parameterKeys, where, {}, [&](const QString &key, const YAML::Node &, const YAML::Node &v) {
            remember(path + QLatin1Char('.') + key, v);
            readParameterKey(p, key, v);
        });
        if (!p.hasDefault() && !p.required) p.required = false;
        m_flow->parameters.push_back(p);
    }

    void readParameterKey(Parameter &p, const QString &key, const YAML::Node &v) {
        if (key == QLatin1String("default")) {
            if (auto value = typedValue(v, p.type); value && !v.IsNull()) p.defaultValue = *value;
        } else if (key == QLatin1String("description")) {
            p.description = string(v, key).value_or(QString());
        } else if (key == QLatin1String("required")) {
            p.required = boolean(v, key).value_or(false);
        } else if (key == QLatin1String("min")) {
            p.minimum = number(v, key);
        } else if (key == QLatin1String("max")) {
            p.maximum = number(v, key);
        } else if (key == QLatin1String("allowed")) {
            if (!v.IsSequence()) {
                error(v, QStringLiteral("'allowed' must be a list of values, got %1").arg(kindName(v)));
                return;
            }
            for (const YAML::Node &item : v)
                if (auto value = typedValue(item, p.type)) p.allowed << *value;
        }
    }

    void readRunner(const YAML::Node &body) {
        if (body.IsNull()) return;
        if (!body.IsMap()) {
            error(body, QStringLiteral("'runner' must be a mapping with max_parallel and memory_limit, got %1").arg(kindName(body)));
            return;
        }
        forEachKey(body, runnerKeys, QStringLiteral("in 'runner'"), {},
                   [&](const QString &key, const YAML::Node &, const YAML::Node &v) {
                       remember(QStringLiteral("runner.") + key, v);
                       if (key == QLatin1String("max_parallel")) {
                           m_flow->runner.maxParallel = int(integer(v, key, {}, 1).value_or(0));
                       } else {
                           const auto size = v.IsScalar() ? parseSize(qs(v.Scalar())) : std::nullopt;
                           if (size) m_flow->runner.memoryLimitBytes = *size;
                           else error(v, QStringLiteral("bad size %1 for 'memory_limit': expected bytes or a number "
                                                        "with KB, MB, GB, KiB, MiB or GiB, like '2GB'").arg(kindName(v)));
                       }
                   });
    }

    void readTask(const QString &name, const YAML::Node &keyNode, const YAML::Node &body) {
        const QString path = QStringLiteral("tasks.") + name;
        if (!m_flow->sourceMap.contains(path)) remember(path, keyNode);
        remember(QStringLiteral("taskAt.%1").arg(m_flow->tasks.size()), keyNode);
        Task task;
        task.name = name;
        if (!body.IsMap()) {
            error(keyNode, QStringLiteral("task '%1' must be a mapping with at least 'kind', got %2").arg(name, kindName(body)),
                  name);
            m_flow->tasks.push_back(task);
            return;
        }
        readTaskKind(task, keyNode, body);
        const QString where = QStringLiteral("in task '%1'").arg(name);
        forEachKey(body, taskKeys, where, name, [&](const QString &key, const YAML::Node &, const YAML::Node &v) {
            remember(path + QLatin1Char('.') + key, v);
            readTaskKey(task, path, key, v);
        });
        m_flow->tasks.push_back(task);
    }

    void readTaskKind(Task &task, const YAML::Node &keyNode, const YAML::Node &body) {
        const YAML::Node kind = body["kind"];
        if (!kind.IsDefined()) {
            error(keyNode, QStringLiteral("task '%1' needs a 'kind': one of %2").arg(task.name, taskKindNames().join(", ")),
                  task.name, QStringLiteral("kind"));
            return;
        }
        const QString text = kind.IsScalar() ? qs(kind.Scalar()) : QString();
        if (const auto parsed = taskKindFromString(text)) {
            task.kind = *parsed;
            return;
        }
        error(kind, QStringLiteral("unknown task kind %1: expected one of %2%3")
                        .arg(kindName(kind), taskKindNames().join(", "), didYouMean(text, taskKindNames())),
              task.name, QStringLiteral("kind"));
    }

    void readTaskKey(Task &task, const QString &path, const QString &key, const YAML::Node &v) {
        const QString &t = task.name;
        if (key == QLatin1String("description")) task.description = string(v, key, t).value_or(QString());
        else if (key == QLatin1String("script")) task.script = string(v, key, t).value_or(QString());
        else if (key == QLatin1String("language")) readLanguage(task, v);
        else if (key == QLatin1String("flow")) task.subflow = string(v, key, t).value_or(QString());
        else if (key == QLatin1String("parameters")) readSubflowParameters(task, v);
        else if (key == QLatin1String("seconds")) task.sleepSeconds = duration(v, key, t).value_or(0);
        else if (key == QLatin1String("after")) readAfter(task, path, v);
        else if (key == QLatin1String("trigger")) readTrigger(task, v);
        else if (key == QLatin1String("retries")) task.retries = int(integer(v, key, t).value_or(0));
        else if (key == QLatin1String("retry_delay")) readRetryDelay(task, v);
        else if (key == QLatin1String("retry_jitter")) readJitter(task, v);
        else if (key == QLatin1String("timeout")) readTimeout(task, v);
        else if (key == QLatin1String("cache")) readCache(task, path, v);
        else if (key == QLatin1String("tags")) task.tags = stringList(v, key, t).value_or(QStringList());
        else if (key == QLatin1String("env")) readEnv(task, path, v);
        else if (key == QLatin1String("map")) task.mapOver = string(v, key, t).value_or(QString());
        else if (key == QLatin1String("workdir")) task.workdir = string(v, key, t).value_or(QString());
    }

    void readLanguage(Task &task, const YAML::Node &v) {
        const QString text = v.IsScalar() ? qs(v.Scalar()) : QString();
        if (text == QLatin1String("shell")) task.language = ScriptLanguage::Shell;
        else if (text == QLatin1String("python")) task.language = ScriptLanguage::Python;
        else error(v, QStringLiteral("'language' must be shell or python, got %1").arg(kindName(v)), task.name, "language");
    }

    void readSubflowParameters(Task &task, const YAML::Node &v) {
        if (!v.IsMap() && !v.IsNull()) {
            error(v, QStringLiteral("'parameters' of a subflow must be a mapping of name to value, got %1").arg(kindName(v)),
                  task.name, QStringLiteral("parameters"));
            return;
        }
        if (auto value = this->value(v)) task.subflowParameters = value->toMap();
    }

    void readAfter(Task &task, const QString &path, const YAML::Node &v) {
        const auto names = stringList(v, QStringLiteral("after"), task.name);
        if (!names) return;
        for (int i = 0; i < names->size(); ++i) {
            task.after.push_back(Dependency::fromString(names->at(i)));
            remember(path + QStringLiteral(".after.%1").arg(i), v.IsSequence() ? v[size_t(i)] : v);
        }
    }

    void readTrigger(Task &task, const YAML::Node &v) {
        const QString text = v.IsScalar() ? qs(v.Scalar()) : QString();
        if (const auto rule = triggerRuleFromString(text)) {
            task.trigger = *rule;
            return;
        }
        error(v, QStringLiteral("unknown trigger %1: expected one of %2%3")
                     .arg(kindName(v), triggerRuleNames().join(", "), didYouMean(text, triggerRuleNames())),
              task.name, QStringLiteral("trigger"));
    }

    void readRetryDelay(Task &task, const YAML::Node &v) {
        const QString key = QStringLiteral("retry_delay");
        RetryDelay delay;
        if (v.IsScalar()) {
            auto seconds = duration(v, key, task.name);
            if (!seconds) return;
            delay.seconds = {*seconds};
        } else if (v.IsSequence() && v.size() > 0) {
            delay.mode = RetryDelay::Mode::List;
            delay.seconds.clear();
            for (const YAML::Node &item : v) {
                auto seconds = duration(item, key, task.name);
                if (!seconds) return;
                delay.seconds.push_back(*seconds);
            }
        } else if (v.IsMap() && v.size() == 1 && v["exponential"].IsDefined()) {
            auto base = duration(v["exponential"], QStringLiteral("exponential"), task.name);
            if (!base) return;
            delay.mode = RetryDelay::Mode::Exponential;
            delay.seconds = {*base};
        } else {
            error(v, QStringLiteral("'retry_delay' must be a duration, a list of durations or {exponential: BASE}, got %1")
                         .arg(kindName(v)), task.name, key);
            return;
        }
        task.retryDelay = delay;
    }

    void readJitter(Task &task, const YAML::Node &v) {
        const auto factor = number(v, QStringLiteral("retry_jitter"), task.name);
        if (factor && *factor < 0)
            error(v, QStringLiteral("'retry_jitter' must be >= 0, got '%1'").arg(*factor), task.name, "retry_jitter");
        else if (factor)
            task.retryJitter = *factor;
    }

    void readTimeout(Task &task, const YAML::Node &v) {
        const auto seconds = duration(v, QStringLiteral("timeout"), task.name);
        if (seconds && *seconds <= 0)
            error(v, QStringLiteral("'timeout' must be greater than 0"), task.name, QStringLiteral("timeout"));
        else if (seconds)
            task.timeoutSeconds = seconds;
    }

    void readCache(Task &task, const QString &path, const YAML::Node &v) {
        if (!v.IsMap() && !v.IsNull()) {
            error(v, QStringLiteral("'cache' must be a mapping with policy, expiration and refresh, got %1").arg(kindName(v)),
                  task.name, QStringLiteral("cache"));
            return;
        }
        task.cache.enabled = true;
        if (v.IsNull()) return;
        forEachKey(v, cacheKeys, QStringLiteral("in the cache of task '%1'").arg(task.name), task.name,
                   [&](const QString &key, const YAML::Node &, const YAML::Node &value) {
                       remember(path + QLatin1String(".cache.") + key, value);
                       if (key == QLatin1String("policy")) {
                           const auto policy = value.IsScalar() ? cachePolicyFromString(qs(value.Scalar())) : std::nullopt;
                           if (policy) task.cache.policy = *policy;
                           else error(value, QStringLiteral("unknown cache policy %1: expected none, inputs, inputs+source or per-run")
                                                 .arg(kindName(value)), task.name, QStringLiteral("cache"));
                       } else if (key == QLatin1String("expiration")) {
                           task.cache.expirationSeconds = duration(value, key, task.name);
                       } else {
                           task.cache.refresh = boolean(value, key, task.name).value_or(false);
                       }
                   });
    }

    void readEnv(Task &task, const QString &path, const YAML::Node &v) {
        if (v.IsNull()) return;
        if (!v.IsMap()) {
            error(v, QStringLiteral("'env' must be a mapping of NAME to value, got %1").arg(kindName(v)), task.name,
                  QStringLiteral("env"));
            return;
        }
        for (auto it = v.begin(); it != v.end(); ++it) {
            EnvVar var;
            var.name = it->first.IsScalar() ? qs(it->first.Scalar()) : QString();
            remember(path + QLatin1String(".env.") + var.name, it->first);
            const YAML::Node body = it->second;
            if (body.IsScalar() || body.IsNull()) {
                var.value = body.IsScalar() ? qs(body.Scalar()) : QString();
            } else if (body.IsMap()) {
                forEachKey(body, envKeys, QStringLiteral("in env '%1' of task '%2'").arg(var.name, task.name), task.name,
                           [&](const QString &key, const YAML::Node &, const YAML::Node &value) {
                               if (key == QLatin1String("value")) var.value = string(value, key, task.name).value_or(QString());
                               else var.secret = boolean(value, key, task.name).value_or(false);
                           });
            } else {
                error(body, QStringLiteral("env '%1' must be a value or {value: V, secret: true}, got %2")
                                .arg(var.name, kindName(body)), task.name, QStringLiteral("env"));
                continue;
            }
            task.env.push_back(var);
        }
    }

    void readLayout(const YAML::Node &v) {
        if (v.IsNull()) return;
        if (!v.IsMap()) {
            error(v, QStringLiteral("'layout' must be a mapping of task name to [x, y], got %1").arg(kindName(v)));
            return;
        }
        for (auto it = v.begin(); it != v.end(); ++it) {
            const QString name = it->first.IsScalar() ? qs(it->first.Scalar()) : QString();
            const YAML::Node pos = it->second;
            remember(QStringLiteral("layout.") + name, it->first);
            const bool ok = pos.IsSequence() && pos.size() == 2;
            const auto x = ok ? number(pos[0], QStringLiteral("x")) : std::nullopt;
            const auto y = ok ? number(pos[1], QStringLiteral("y")) : std::nullopt;
            if (!ok) error(pos, QStringLiteral("layout of '%1' must be [x, y], got %2").arg(name, kindName(pos)));
            if (x && y) m_flow->layout.insert(name, {*x, *y});
        }
    }

    /// What notes and groups share: a text (text or title) and a rectangle.
    struct Frame {
        QString text;
        double x = 0, y = 0, width = 0, height = 0;
    };

    /// A `notes:` or `groups:` list: items {TEXT_KEY: ..., at: [x, y], size: [w, h]}.
    template <typename Add>
    void readFrames(const YAML::Node &v, const QString &section, const QStringList &keys, Add add) {
        if (v.IsNull()) return;
        if (!v.IsSequence()) {
            error(v, QStringLiteral("'%1' must be a list of {%2: ..., at: [x, y], size: [w, h]}, got %3")
                         .arg(section, keys.front(), kindName(v)));
            return;
        }
        const bool isNote = section == QLatin1String("notes");
        for (size_t i = 0; i < v.size(); ++i) {
            const YAML::Node item = v[i];
            remember(QStringLiteral("%1.%2").arg(section).arg(i), item);
            if (!item.IsMap()) {
                error(item, QStringLiteral("items of '%1' must be mappings, got %2").arg(section, kindName(item)));
                continue;
            }
            Frame f;
            f.width = isNote ? Note().width : Group().width;
            f.height = isNote ? Note().height : Group().height;
            const QString where = QStringLiteral("in %1 item %2").arg(section).arg(i + 1);
            forEachKey(item, keys, where, {}, [&](const QString &key, const YAML::Node &, const YAML::Node &value) {
                if (key == keys.front()) f.text = string(value, key).value_or(QString());
                else if (key == QLatin1String("at")) readPair(value, key, false, &f.x, &f.y);
                else readPair(value, key, true, &f.width, &f.height);
            });
            add(f);
        }
    }

    /// [a, b] of numbers into @p a and @p b (left unchanged on error); sizes must be positive.
    void readPair(const YAML::Node &v, const QString &key, bool positive, double *a, double *b) {
        const bool ok = v.IsSequence() && v.size() == 2;
        const auto first = ok ? number(v[0], key) : std::nullopt;
        const auto second = ok ? number(v[1], key) : std::nullopt;
        if (!ok) {
            error(v, QStringLiteral("'%1' must be [%2], got %3").arg(key, positive ? "width, height" : "x, y", kindName(v)));
            return;
        }
        if (!first || !second) return;
        if (positive && (*first <= 0 || *second <= 0)) {
            error(v, QStringLiteral("'size' must be two numbers greater than 0"));
            return;
        }
        *a = *first;
        *b = *second;
    }
};

// ----- checks before parsing -------------------------------------------------------------------

/// Line and column (1-based) of byte @p offset.
SourceLocation locationAtByte(const QByteArray &text, qsizetype offset) {
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

/// Byte offset of the first invalid UTF-8 sequence, or -1.
qsizetype firstInvalidUtf8(const QByteArray &text) {
    const auto *bytes = reinterpret_cast<const uchar *>(text.constData());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        const uchar c = bytes[i];
        int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + extra >= size + (extra == 0 ? 1 : 0)) return i;
        for (int k = 1; k <= extra; ++k)
            if ((bytes[i + k] & 0xC0) != 0x80) return i;
        i += extra + 1;
    }
    return -1;
}

std::optional<Diagnostic> textProblem(const QByteArray &text, const QString &file) {
    Diagnostic d;
    d.file = file;
    d.location = {1, 1};
    if (text.size() > FlowFile::maxFileBytes) {
        d.message = QStringLiteral("file is too large (%1 bytes): flow files are limited to %2 MiB")
                        .arg(text.size())
                        .arg(FlowFile::maxFileBytes / (1024 * 1024));
        return d;
    }
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        d.location = locationAtByte(text, nul);
        d.message = QStringLiteral("not a text file: binary data (a NUL byte) found");
        return d;
    }
    if (const qsizetype bad = firstInvalidUtf8(text); bad >= 0) {
        d.location = locationAtByte(text, bad);
        d.message = QStringLiteral("not valid UTF-8 text");
        return d;
    }
    if (text.trimmed().isEmpty()) {
        d.message = QStringLiteral("the file is empty: expected a flow with apiVersion, kind, name and tasks");
        return d;
    }
    return std::nullopt;
}

/// Where an unterminated quoted scalar opens: yaml-cpp only notices at the end of the input.
SourceLocation openQuote(const QByteArray &text) {
    char quote = 0;
    qsizetype opened = -1;
    char previous = '\n';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (quote == '"' && c == '\\') ++i;
            else if (c == quote && !(quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')) quote = 0;
            else if (quote == '\'' && c == '\'') ++i;
            continue;
        }
        if ((c == '"' || c == '\'') && QByteArray(":-[{,\n").contains(previous)) {
            quote = c;
            opened = i;
        } else if (c == '#' && (previous == '\n' || text[i - 1] == ' ')) {
            while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        }
        if (c != ' ') previous = c;
    }
    return quote ? locationAtByte(text, opened) : SourceLocation{};
}

Diagnostic syntaxError(const YAML::Exception &e, const QByteArray &text, const QString &file) {
    Diagnostic d;
    d.file = file;
    d.location = e.mark.is_null() ? SourceLocation{1, 1} : locationOf(e.mark);
    d.message = QStringLiteral("not valid YAML: %1").arg(qs(e.msg));
    if (dynamic_cast<const YAML::DeepRecursion *>(&e)) {
        d.message = QStringLiteral("nesting deeper than %1 levels").arg(FlowFile::maxNestingDepth);
    } else if (const int lines = int(text.count('\n')) + (text.endsWith('\n') ? 0 : 1); d.location.line > lines) {
        // The error lies in the document end we appended: something was left open at the end.
        const SourceLocation quote = openQuote(text);
        if (quote.isKnown()) {
            d.location = quote;
            d.message = QStringLiteral("not valid YAML: this quoted text is never closed");
        } else {
            d.location = locationAtByte(text, text.size());
        }
    }
    if (text.startsWith('\t') || text.contains("\n\t"))
        d.message += QLatin1String(" (tabs cannot indent YAML: use spaces)");
    return d;
}

/// The validator's findings, less "has no script" for tasks whose kind or body could not be read
/// (one error is enough). Values the reader refused never reach the model, so the validator
/// cannot report them a second time.
void addSemanticProblems(LoadResult &result, const QString &fileName) {
    QSet<QString> unreadableTasks;
    for (const Diagnostic &d : result.diagnostics)
        if (!d.task.isEmpty() && (d.field == QLatin1String("kind") || d.field.isEmpty()) && d.severity == Severity::Error)
            unreadableTasks.insert(d.task);
    for (const Diagnostic &d : FlowValidator::validate(result.flow, fileName)) {
        const bool cascade = d.field == QLatin1String("script") && unreadableTasks.contains(d.task);
        if (!cascade) result.diagnostics.push_back(d);
    }
    sortByLocation(result.diagnostics);
}

LoadResult failed(const Diagnostic &d) {
    LoadResult result;
    result.diagnostics.push_back(d);
    return result;
}

}  // namespace

LoadResult FlowFile::parse(const QByteArray &input, const QString &fileName) {
    QByteArray text = input;
    if (text.startsWith("\xEF\xBB\xBF")) text.remove(0, 3);
    if (auto problem = textProblem(text, fileName)) return failed(*problem);

    YAML::Node root;
    try {
        // yaml-cpp 0.7 accepts a quote left open at the end of the input; an explicit document
        // end makes it say so. Added without an extra blank line, so '|+' scripts keep theirs.
        root = YAML::Load((text.endsWith('\n') ? text + "...\n" : text + "\n...\n").toStdString());
    } catch (const YAML::Exception &e) {
        return failed(syntaxError(e, text, fileName));
    }
    if (root.IsNull()) return failed({Severity::Error, fileName, {1, 1},
                                      QStringLiteral("the file is empty (only comments): expected a flow with apiVersion, kind, name and tasks"), {}, {}});
    if (!root.IsMap())
        return failed({Severity::Error, fileName, locationOf(root),
                       QStringLiteral("a flow file must be a mapping with apiVersion, kind, name and tasks, got %1").arg(kindName(root)), {}, {}});

    LoadResult result;
    try {
        result = Reader(fileName).read(root);
    } catch (const YAML::Exception &e) {  // a yaml-cpp accessor refusing an odd node: report, never crash
        result.diagnostics.push_back(syntaxError(e, text, fileName));
        result.readable = false;
        return result;
    }
    addSemanticProblems(result, fileName);
    return result;
}

namespace {

/// Only a loaded file has a folder to look in, so this check lives here and not in the validator.
void checkSubflowFiles(LoadResult &result, const QString &folder, const QString &file) {
    for (const Task &task : result.flow.tasks) {
        if (task.kind != TaskKind::Subflow || task.subflow.isEmpty()) continue;
        if (QFileInfo(QDir(folder).filePath(task.subflow)).isFile()) continue;
        Diagnostic d;
        d.file = file;
        d.location = result.flow.locationOf(QStringLiteral("tasks.%1.flow").arg(task.name));
        d.message = QStringLiteral("subflow file '%1' of task '%2' not found in %3").arg(task.subflow, task.name, folder);
        d.task = task.name;
        d.field = QStringLiteral("flow");
        result.diagnostics.push_back(d);
    }
    sortByLocation(result.diagnostics);
}

}  // namespace

LoadResult FlowFile::load(const QString &path) {
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir()) return failed({Severity::Error, path, {}, QStringLiteral("is a directory, not a flow file"), {}, {}});
    if (!file.open(QIODevice::ReadOnly))
        return failed({Severity::Error, path, {}, QStringLiteral("cannot open: %1").arg(file.errorString()), {}, {}});
    if (file.size() > maxFileBytes)
        return failed({Severity::Error, path, {1, 1},
                       QStringLiteral("file is too large (%1 bytes): flow files are limited to %2 MiB")
                           .arg(file.size()).arg(maxFileBytes / (1024 * 1024)), {}, {}});
    LoadResult result = parse(file.readAll(), path);
    checkSubflowFiles(result, info.absolutePath(), path);
    return result;
}

// ----- writing -----------------------------------------------------------------------------------

namespace {

bool looksLikeNonString(const QString &text) {
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^0[xXoObB][0-9a-fA-F_]+$|"
                       "^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$"));
    static const QStringList reserved = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"};
    return reserved.contains(text.toLower()) || number.match(text).hasMatch();
}

/// Whether @p text can be written as a plain scalar; @p inFlow: inside [..] or {..}.
bool isPlainSafe(const QString &text, bool inFlow) {
    if (text.isEmpty() || text != text.trimmed() || looksLikeNonString(text)) return false;
    static const QString badFirst = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (badFirst.contains(text.front())) return false;
    if (text.contains(QLatin1String(": ")) || text.contains(QLatin1String(" #")) || text.endsWith(QLatin1Char(':')))
        return false;
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c == QChar(0x7F) || c == QChar(0xFEFF) || c == QChar(0x85) || c == QChar(0x2028) ||
            c == QChar(0x2029))
            return false;
    if (inFlow && (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('[')) || text.contains(QLatin1Char(']')) ||
                   text.contains(QLatin1Char('{')) || text.contains(QLatin1Char('}'))))
        return false;
    return true;
}

QString doubleQuoted(const QString &text) {
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\r': out += QLatin1String("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7F || c.unicode() == 0x85 || c.unicode() == 0xFEFF ||
                c.unicode() == 0x2028 || c.unicode() == 0x2029)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString scalar(const QString &text, bool inFlow = false) {
    return isPlainSafe(text, inFlow) ? text : doubleQuoted(text);
}

QString number(double value) {
    if (value == std::floor(value) && std::abs(value) < 1e15) return QString::number(qint64(value));
    const QString shortest = QString::number(value, 'g', 15);
    return shortest.toDouble() == value ? shortest : QString::number(value, 'g', 17);
}

/// Whether a multi-line text survives a literal block scalar exactly.
bool fitsBlockScalar(const QString &text) {
    if (!text.contains(QLatin1Char('\n'))) return false;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.isEmpty() && line.trimmed().isEmpty()) return false;  // whitespace-only lines are not kept
        for (const QChar c : line)
            if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7F || c == QChar(0xFEFF) ||
                c == QChar(0x85) || c == QChar(0x2028) || c == QChar(0x2029))
                return false;
    }
    return true;
}

class Writer {
public:
    QByteArray write(const Flow &flow) {
        line(0, "apiVersion", QStringLiteral("flowdeck/v1"));
        line(0, "kind", QStringLiteral("Flow"));
        text(0, "name", flow.name);
        optionalText(0, "description", flow.description);
        optionalText(0, "version", flow.version);
        stringList(0, "tags", flow.tags);
        parameters(flow.parameters);
        runner(flow.runner);
        tasks(flow.tasks);
        layout(flow);
        notes(flow.notes);
        groups(flow.groups);
        return m_out.toUtf8();
    }

private:
    QString m_out;

    static QString pad(int indent) { return QString(indent, QLatin1Char(' ')); }

    void line(int indent, const char *key, const QString &rendered) {
        m_out += pad(indent) + QLatin1String(key) + QLatin1String(": ") + rendered + QLatin1Char('\n');
    }

    void text(int indent, const QString &key, const QString &value) { m_out += textEntry(indent, key, value); }
    void text(int indent, const char *key, const QString &value) { text(indent, QString::fromLatin1(key), value); }

    void optionalText(int indent, const char *key, const QString &value) {
        if (!value.isEmpty()) text(indent, key, value);
    }

    static QString textEntry(int indent, const QString &key, const QString &value) {
        const QString head = pad(indent) + scalar(key) + QLatin1Char(':');
        if (!fitsBlockScalar(value)) return head + QLatin1Char(' ') + scalar(value) + QLatin1Char('\n');
        // Literal block: '|' keeps one final newline, '|-' none, '|+' all of them.
        QString body = value;
        int trailing = 0;
        while (body.endsWith(QLatin1Char('\n'))) {
            body.chop(1);
            ++trailing;
        }
        QString indicator = QStringLiteral("|");
        if (body.startsWith(QLatin1Char(' ')) || body.startsWith(QLatin1Char('\n'))) indicator += QLatin1Char('2');
        indicator += trailing == 0 ? QStringLiteral("-") : trailing == 1 ? QString() : QStringLiteral("+");
        QString out = head + QLatin1Char(' ') + indicator + QLatin1Char('\n');
        const QStringList lines = body.split(QLatin1Char('\n'));
        for (const QString &l : lines) out += l.isEmpty() ? QStringLiteral("\n") : pad(indent + 2) + l + QLatin1Char('\n');
        for (int i = 1; i < trailing; ++i) out += QLatin1Char('\n');
        return out;
    }

    void stringList(int indent, const char *key, const QStringList &items) {
        if (items.isEmpty()) return;
        QStringList rendered;
        for (const QString &item : items) rendered << scalar(item, true);
        line(indent, key, QLatin1Char('[') + rendered.join(QLatin1String(", ")) + QLatin1Char(']'));
    }

    // Generic values (parameter defaults, subflow parameters) ------------------------------

    static bool isScalar(const QVariant &v) {
        return v.typeId() != QMetaType::QVariantList && v.typeId() != QMetaType::QVariantMap;
    }

    static QString scalarValue(const QVariant &v, bool inFlow) {
        if (!v.isValid() || v.isNull()) return QStringLiteral("null");
        switch (v.typeId()) {
        case QMetaType::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong: return QString::number(v.toLongLong());
        case QMetaType::Double: {
            const QString n = number(v.toDouble());
            return n.contains(QLatin1Char('.')) || n.contains(QLatin1Char('e')) ? n : n + QLatin1String(".0");
        }
        default: return scalar(v.toString(), inFlow);
        }
    }

    static std::optional<QString> flowStyle(const QVariant &v) {
        if (v.typeId() == QMetaType::QVariantMap) {
            if (v.toMap().isEmpty()) return QStringLiteral("{}");
            return std::nullopt;
        }
        QStringList items;
        for (const QVariant &item : v.toList()) {
            if (!isScalar(item) || (item.typeId() == QMetaType::QString && item.toString().contains('\n')))
                return std::nullopt;
            items << scalarValue(item, true);
        }
        const QString text = QLatin1Char('[') + items.join(QLatin1String(", ")) + QLatin1Char(']');
        if (text.size() > 100) return std::nullopt;
        return text;
    }

    static QString valueEntry(int indent, const QString &key, const QVariant &v) {
        if (isScalar(v)) {
            if (v.typeId() == QMetaType::QString) return textEntry(indent, key, v.toString());
            return pad(indent) + scalar(key) + QLatin1String(": ") + scalarValue(v, false) + QLatin1Char('\n');
        }
        if (const auto inlineText = flowStyle(v)) return pad(indent) + scalar(key) + QLatin1String(": ") + *inlineText + QLatin1Char('\n');
        return pad(indent) + scalar(key) + QLatin1String(":\n") + block(indent + 2, v);
    }

    /// A list or map in block style at @p indent.
    static QString block(int indent, const QVariant &v) {
        QString out;
        if (v.typeId() == QMetaType::QVariantMap) {
            const QVariantMap map = v.toMap();
            for (auto it = map.constBegin(); it != map.constEnd(); ++it) out += valueEntry(indent, it.key(), it.value());
            return out;
        }
        for (const QVariant &item : v.toList()) out += listItem(indent, item);
        return out;
    }

    static QString listItem(int indent, const QVariant &item) {
        const QString dash = pad(indent) + QLatin1String("- ");
        if (isScalar(item) && !(item.typeId() == QMetaType::QString && fitsBlockScalar(item.toString())))
            return dash + scalarValue(item, false) + QLatin1Char('\n');
        if (isScalar(item)) return dash + doubleQuoted(item.toString()) + QLatin1Char('\n');
        if (const auto inlineText = flowStyle(item)) return dash + *inlineText + QLatin1Char('\n');
        // Render the nested block one level in, then put the dash on its first line.
        QString nested = block(indent + 2, item);
        return dash + nested.mid(indent + 2);
    }

    void value(int indent, const char *key, const QVariant &v) { m_out += valueEntry(indent, QString::fromLatin1(key), v); }

    // Sections -------------------------------------------------------------------------------

    void parameters(const std::vector<Parameter> &params) {
        if (params.empty()) return;
        m_out += QLatin1String("parameters:\n");
        for (const Parameter &p : params) {
            m_out += pad(2) + scalar(p.name) + QLatin1String(":\n");
            line(4, "type", toString(p.type));
            if (p.hasDefault()) value(4, "default", p.defaultValue);
            optionalText(4, "description", p.description);
            if (p.required) line(4, "required", QStringLiteral("true"));
            if (p.minimum) line(4, "min", number(*p.minimum));
            if (p.maximum) line(4, "max", number(*p.maximum));
            if (!p.allowed.isEmpty()) value(4, "allowed", p.allowed);
        }
    }

    void runner(const RunnerSettings &r) {
        if (r == RunnerSettings()) return;
        m_out += QLatin1String("runner:\n");
        if (r.maxParallel > 0) line(2, "max_parallel", QString::number(r.maxParallel));
        if (r.memoryLimitBytes > 0) line(2, "memory_limit", formatSize(r.memoryLimitBytes));
    }

    void tasks(const std::vector<Task> &list) {
        m_out += list.empty() ? QStringLiteral("tasks: {}\n") : QStringLiteral("tasks:\n");
        for (const Task &t : list) task(t);
    }

    void task(const Task &t) {
        m_out += pad(2) + scalar(t.name) + QLatin1String(":\n");
        line(4, "kind", toString(t.kind));
        optionalText(4, "description", t.description);
        if (t.kind == TaskKind::Branch && t.language == ScriptLanguage::Python) line(4, "language", QStringLiteral("python"));
        if (!t.subflow.isEmpty()) text(4, "flow", t.subflow);
        if (!t.subflowParameters.isEmpty()) value(4, "parameters", t.subflowParameters);
        if (t.kind == TaskKind::Sleep || t.sleepSeconds > 0) line(4, "seconds", formatDuration(t.sleepSeconds));
        if (!t.after.empty()) {
            QStringList names;
            for (const Dependency &d : t.after) names << d.toString();
            stringList(4, "after", names);
        }
        if (t.trigger != TriggerRule::AllSuccess) line(4, "trigger", toString(t.trigger));
        if (t.retries != 0) line(4, "retries", QString::number(t.retries));
        if (!t.retryDelay.isDefault()) retryDelay(t.retryDelay);
        if (t.retryJitter != 0) line(4, "retry_jitter", number(t.retryJitter));
        if (t.timeoutSeconds) line(4, "timeout", formatDuration(*t.timeoutSeconds));
        if (t.cache.enabled) cache(t.cache);
        stringList(4, "tags", t.tags);
        env(t.env);
        if (t.isMapped()) text(4, "map", t.mapOver);
        optionalText(4, "workdir", t.workdir);
        // The script comes last: it is the longest part and reads best below the settings.
        if (!t.script.isEmpty()) text(4, "script", t.script);
    }

    void retryDelay(const RetryDelay &d) {
        if (d.mode == RetryDelay::Mode::Exponential) {
            line(4, "retry_delay", QStringLiteral("{exponential: %1}").arg(formatDuration(d.seconds.front())));
            return;
        }
        QStringList items;
        for (double s : d.seconds) items << formatDuration(s);
        line(4, "retry_delay", d.mode == RetryDelay::Mode::List ? QLatin1Char('[') + items.join(", ") + QLatin1Char(']')
                                                                 : items.front());
    }

    void cache(const CacheSettings &c) {
        m_out += pad(4) + QLatin1String("cache:");
        if (c == CacheSettings{true, CachePolicy::InputsAndSource, std::nullopt, false}) {
            m_out += QLatin1String(" {}\n");
            return;
        }
        m_out += QLatin1Char('\n');
        line(6, "policy", toString(c.policy));
        if (c.expirationSeconds) line(6, "expiration", formatDuration(*c.expirationSeconds));
        if (c.refresh) line(6, "refresh", QStringLiteral("true"));
    }

    void env(const std::vector<EnvVar> &vars) {
        if (vars.empty()) return;
        m_out += pad(4) + QLatin1String("env:\n");
        for (const EnvVar &v : vars) {
            if (!v.secret) {
                text(6, v.name, v.value);
                continue;
            }
            m_out += pad(6) + scalar(v.name) + QLatin1String(":\n");
            text(8, "value", v.value);
            line(8, "secret", QStringLiteral("true"));
        }
    }

    void layout(const Flow &flow) {
        if (flow.layout.isEmpty()) return;
        m_out += QLatin1String("layout:\n");
        // Task order first, then any positions of unknown tasks sorted, so output is stable.
        QStringList names;
        QSet<QString> listed;  // a set: a list lookup per task made 5,000-task flows crawl
        for (const Task &t : flow.tasks)
            if (flow.layout.contains(t.name) && !listed.contains(t.name)) {
                names << t.name;
                listed.insert(t.name);
            }
        QStringList rest;
        for (auto it = flow.layout.constBegin(); it != flow.layout.constEnd(); ++it)
            if (!listed.contains(it.key())) rest << it.key();
        rest.sort();
        for (const QString &name : names + rest) {
            const NodePosition p = flow.layout.value(name);
            m_out += pad(2) + scalar(name) + QStringLiteral(": [%1, %2]\n").arg(number(p.x), number(p.y));
        }
    }

    void notes(const std::vector<Note> &list) {
        if (list.empty()) return;
        m_out += QLatin1String("notes:\n");
        for (const Note &n : list) frame("text", n.text, n.x, n.y, n.width, n.height);
    }

    void groups(const std::vector<Group> &list) {
        if (list.empty()) return;
        m_out += QLatin1String("groups:\n");
        for (const Group &g : list) frame("title", g.title, g.x, g.y, g.width, g.height);
    }

    /// One list item: the text entry with its first indent turned into the item's dash.
    void frame(const char *key, const QString &text, double x, double y, double width, double height) {
        m_out += pad(2) + QLatin1String("- ") + textEntry(4, QString::fromLatin1(key), text).mid(4);
        line(4, "at", QStringLiteral("[%1, %2]").arg(number(x), number(y)));
        line(4, "size", QStringLiteral("[%1, %2]").arg(number(width), number(height)));
    }
};

}  // namespace

QByteArray FlowFile::serialize(const Flow &flow) { return Writer().write(flow); }

QString FlowFile::save(const Flow &flow, const QString &path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    const QByteArray text = serialize(flow);
    if (file.write(text) != text.size()) {
        file.cancelWriting();
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    }
    if (!file.commit()) return QStringLiteral("cannot save %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace flowdeck
