#include "FlowFile.h"

#include "FlowTextChecks.h"
#include "TaskKinds.h"
#include "FlowValidator.h"
#include "Units.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>

#include "yaml/YamlRead.h"

#include <algorithm>
#include <cmath>

namespace flowdeck {

namespace {

const QStringList topKeys = {"apiVersion", "kind", "name",    "description", "version",
                             "tags",       "parameters", "runner", "tasks", "layout",
                             "notes",      "groups"};
const QStringList noteKeys = {"text", "at", "size"};
const QStringList groupKeys = {"title", "at", "size"};
const QStringList parameterKeys = {"type", "default", "description", "required", "min", "max", "allowed"};
const QStringList runnerKeys = {"max_parallel", "memory_limit", "timeout"};
const QStringList taskKeys = {"kind",    "description", "script",      "language",     "flow",
                              "parameters", "seconds",  "after",       "trigger",      "retries",
                              "retry_delay", "retry_jitter", "timeout", "cache",       "tags",
                              "env",     "map",         "workdir",     "inputs"};
const QStringList cacheKeys = {"policy", "expiration", "refresh"};
const QStringList envKeys = {"value", "secret"};

QString qs(const std::string &text) { return QString::fromStdString(text); }

SourceLocation locationOf(const yamlread::Mark &mark) {
    if (mark.line < 0) return {};
    return {mark.line + 1, mark.column + 1};
}

SourceLocation locationOf(const yamlread::Node &node) { return locationOf(node.Mark()); }

QString kindName(const yamlread::Node &node) {
    switch (node.Type()) {
    case yamlread::NodeType::Map: return QStringLiteral("a mapping");
    case yamlread::NodeType::Sequence: return QStringLiteral("a list");
    case yamlread::NodeType::Null: return QStringLiteral("nothing");
    case yamlread::NodeType::Scalar: return QStringLiteral("'%1'").arg(qs(node.Scalar()));
    case yamlread::NodeType::Undefined: break;
    }
    return QStringLiteral("nothing");
}

bool isQuoted(const yamlread::Node &node) { return node.Tag() == "!"; }

/// Reads the YAML tree into a Flow, recording every problem with its location.
class Reader {
public:
    explicit Reader(const QString &file) : m_file(file) {}

    LoadResult read(const yamlread::Node &root) {
        LoadResult result;
        result.readable = true;
        m_flow = &result.flow;
        // About four places per task (its key, its position, kind, after): growing the map
        // one rehash at a time was 5% of loading a 10,000-task file (perf).
        if (const yamlread::Node tasks = root["tasks"]; tasks.IsMap())
            m_flow->sourceMap.reserve(qsizetype(tasks.size()) * 4 + 64);
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

    void error(const yamlread::Node &node, const QString &message, const QString &task = {}, const QString &field = {}) {
        report(locationOf(node), message, Severity::Error, task, field);
    }

    void warning(const yamlread::Node &node, const QString &message, const QString &task = {}) {
        report(locationOf(node), message, Severity::Warning, task, {});
    }

    void remember(const QString &path, const yamlread::Node &node) { m_flow->sourceMap.insert(path, locationOf(node)); }

    /// Iterates a mapping, reporting duplicate and unknown keys; calls @p handle for each known key.
    /// @p where says where the mapping is, for messages; it is only turned into text for one.
    template <typename Where, typename Handler>
    void forEachKey(const yamlread::Node &map, const QStringList &known, const Where &where, const QString &task,
                    Handler handle) {
        // A task has a handful of keys: a linear look-up beats hashing each one (perf).
        QVarLengthArray<QString, 16> seen;
        const auto wasSeen = [&seen](const QString &name) { return std::find(seen.begin(), seen.end(), name) != seen.end(); };
        std::vector<size_t> misspelt;  // unknown keys whose "did you mean" may be a key already here
        for (auto it = map.begin(); it != map.end(); ++it) {
            const yamlread::Node key = it->first;
            const QString name = key.IsScalar() ? qs(key.Scalar()) : QString();
            if (!key.IsScalar()) {
                error(key, QStringLiteral("keys %1 must be plain names, got %2").arg(text(where), kindName(key)), task);
                continue;
            }
            if (wasSeen(name)) {
                error(key, QStringLiteral("duplicate key '%1' %2").arg(name, text(where)), task, name);
                continue;
            }
            seen.push_back(name);
            if (!known.contains(name)) {
                error(key, QStringLiteral("unknown key '%1' %2%3").arg(name, text(where), didYouMean(name, known)), task, name);
                m_diagnostics.back().found = name;
                m_diagnostics.back().suggestion = closestMatch(name, known);
                misspelt.push_back(m_diagnostics.size() - 1);
                continue;
            }
            handle(name, key, it->second);
        }
        // Renaming to a key the mapping has already would only make a duplicate: no one-click fix.
        for (const size_t i : misspelt)
            if (wasSeen(m_diagnostics[i].suggestion)) m_diagnostics[i].suggestion.clear();
    }

    static QString text(const QString &where) { return where; }
    template <typename Make>
    static QString text(const Make &where) { return where(); }

    // ----- typed values -------------------------------------------------------------------

    std::optional<QString> string(const yamlread::Node &node, const QString &what, const QString &task = {}) {
        if (node.IsScalar()) return qs(node.Scalar());
        if (node.IsNull()) return QString();
        error(node, QStringLiteral("'%1' must be text, got %2").arg(what, kindName(node)), task, what);
        return std::nullopt;
    }

    std::optional<qint64> integer(const yamlread::Node &node, const QString &what, const QString &task = {},
                                  qint64 minimum = 0) {
        static const QRegularExpression pattern(QStringLiteral("^[-+]?[0-9]+$"));
        bool ok = node.IsScalar() && !isQuoted(node) && pattern.match(qs(node.Scalar())).hasMatch();
        const qint64 value = ok ? qs(node.Scalar()).toLongLong(&ok) : 0;
        if (ok && value >= minimum) return value;
        error(node, QStringLiteral("'%1' must be an integer >= %2, got %3").arg(what).arg(minimum).arg(kindName(node)),
              task, what);
        return std::nullopt;
    }

    std::optional<double> number(const yamlread::Node &node, const QString &what, const QString &task = {}) {
        bool ok = node.IsScalar() && !isQuoted(node);
        const double value = ok ? qs(node.Scalar()).toDouble(&ok) : 0;
        if (ok && std::isfinite(value)) return value;
        error(node, QStringLiteral("'%1' must be a number, got %2").arg(what, kindName(node)), task, what);
        return std::nullopt;
    }

    std::optional<bool> boolean(const yamlread::Node &node, const QString &what, const QString &task = {}) {
        const QString text = node.IsScalar() ? qs(node.Scalar()).toLower() : QString();
        if (text == QLatin1String("true")) return true;
        if (text == QLatin1String("false")) return false;
        error(node, QStringLiteral("'%1' must be true or false, got %2").arg(what, kindName(node)), task, what);
        return std::nullopt;
    }

    std::optional<double> duration(const yamlread::Node &node, const QString &what, const QString &task = {}) {
        const auto value = node.IsScalar() ? parseDuration(qs(node.Scalar())) : std::nullopt;
        if (value) return value;
        error(node,
              QStringLiteral("bad duration %1 for '%2': expected seconds or a number with a unit ms, s, m, h or d, "
                             "like '30s' or '1m30s'").arg(kindName(node), what),
              task, what);
        return std::nullopt;
    }

    std::optional<QStringList> stringList(const yamlread::Node &node, const QString &what, const QString &task = {}) {
        if (node.IsScalar()) return QStringList{qs(node.Scalar())};
        if (node.IsNull()) return QStringList();
        if (!node.IsSequence()) {
            error(node, QStringLiteral("'%1' must be a list of names, got %2").arg(what, kindName(node)), task, what);
            return std::nullopt;
        }
        QStringList items;
        for (const yamlread::Node &item : node) {
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
    std::optional<QVariant> value(const yamlread::Node &node, int depth = 3) {
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
            for (const yamlread::Node &item : node) {
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

    static QVariant scalarValue(const yamlread::Node &node) {
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
    std::optional<QVariant> typedValue(const yamlread::Node &node, ParameterType type) {
        auto v = value(node);
        if (!v) return std::nullopt;
        if (type == ParameterType::Float && (v->typeId() == QMetaType::LongLong)) return QVariant(v->toDouble());
        if (type == ParameterType::String && node.IsScalar()) return QVariant(qs(node.Scalar()));
        return v;
    }

    // ----- sections -----------------------------------------------------------------------

    void readTop(const yamlread::Node &root) {
        bool sawApi = false, sawKind = false;
        forEachKey(root, topKeys, QStringLiteral("at the top level"), {},
                   [&](const QString &key, const yamlread::Node &keyNode, const yamlread::Node &v) {
                       remember(key, v.IsNull() ? keyNode : v);
                       sawApi |= key == QLatin1String("apiVersion");
                       sawKind |= key == QLatin1String("kind");
                       readTopKey(key, keyNode, v);
                   });
        if (!sawApi) error(root, QStringLiteral("missing 'apiVersion: flowdeck/v1'"));
        if (!sawKind) error(root, QStringLiteral("missing 'kind: Flow'"));
    }

    void readTopKey(const QString &key, const yamlread::Node &keyNode, const yamlread::Node &v) {
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
            readSection(keyNode, v, key, [this](const QString &n, const yamlread::Node &k, const yamlread::Node &b) {
                readParameter(m_flow->parameters, QStringLiteral("parameters."), n, k, b);
            });
        } else if (key == QLatin1String("runner")) {
            readRunner(v);
        } else if (key == QLatin1String("tasks")) {
            readSection(keyNode, v, key, [this](const QString &n, const yamlread::Node &k, const yamlread::Node &b) {
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
    void readSection(const yamlread::Node &keyNode, const yamlread::Node &section, const QString &what, Handler handle) {
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

    /// A typed value's declaration: a flow parameter, or an input of an approval task.
    void readParameter(std::vector<Parameter> &into, const QString &prefix, const QString &name,
                       const yamlread::Node &keyNode, const yamlread::Node &body) {
        const QString path = prefix + name;
        remember(path, keyNode);
        Parameter p;
        p.name = name;
        if (!body.IsMap()) {
            error(keyNode, QStringLiteral("parameter '%1' must be a mapping with at least 'type', got %2")
                               .arg(name, kindName(body)));
            into.push_back(p);
            return;
        }
        if (const yamlread::Node type = body["type"]; type.IsDefined() && type.IsScalar()) {
            const auto parsed = parameterTypeFromString(qs(type.Scalar()));
            if (parsed) p.type = *parsed;
            else error(type, QStringLiteral("unknown parameter type '%1': expected one of string, int, float, bool, list, map")
                                 .arg(qs(type.Scalar())));
        } else {
            error(type.IsDefined() ? type : keyNode, QStringLiteral("parameter '%1' needs a 'type': string, int, float, bool, list or map").arg(name));
        }
        const QString where = QStringLiteral("in parameter '%1'").arg(name);
        forEachKey(body, parameterKeys, where, {}, [&](const QString &key, const yamlread::Node &, const yamlread::Node &v) {
            remember(path + QLatin1Char('.') + key, v);
            readParameterKey(p, key, v);
        });
        if (!p.hasDefault() && !p.required) p.required = false;
        into.push_back(p);
    }

    void readParameterKey(Parameter &p, const QString &key, const yamlread::Node &v) {
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
            for (const yamlread::Node &item : v)
                if (auto value = typedValue(item, p.type)) p.allowed << *value;
        }
    }

    void readRunner(const yamlread::Node &body) {
        if (body.IsNull()) return;
        if (!body.IsMap()) {
            error(body, QStringLiteral("'runner' must be a mapping with max_parallel, memory_limit and timeout, got %1")
                            .arg(kindName(body)));
            return;
        }
        forEachKey(body, runnerKeys, QStringLiteral("in 'runner'"), {},
                   [&](const QString &key, const yamlread::Node &, const yamlread::Node &v) {
                       remember(QStringLiteral("runner.") + key, v);
                       if (key == QLatin1String("max_parallel")) {
                           m_flow->runner.maxParallel = int(integer(v, key, {}, 1).value_or(0));
                       } else if (key == QLatin1String("timeout")) {
                           readRunnerTimeout(v);
                       } else {
                           const auto size = v.IsScalar() ? parseSize(qs(v.Scalar())) : std::nullopt;
                           if (size) m_flow->runner.memoryLimitBytes = *size;
                           else error(v, QStringLiteral("bad size %1 for 'memory_limit': expected bytes or a number "
                                                        "with KB, MB, GB, KiB, MiB or GiB, like '2GB'").arg(kindName(v)));
                       }
                   });
    }

    void readRunnerTimeout(const yamlread::Node &v) {
        const auto seconds = duration(v, QStringLiteral("timeout"));
        if (seconds && *seconds <= 0)
            error(v, QStringLiteral("'timeout' in 'runner' must be greater than 0"));
        else if (seconds)
            m_flow->runner.timeoutSeconds = seconds;
    }

    void readTask(const QString &name, const yamlread::Node &keyNode, const yamlread::Node &body) {
        const QString path = QStringLiteral("tasks.") + name;
        if (!m_flow->sourceMap.contains(path)) remember(path, keyNode);
        remember(QLatin1String("taskAt.") + QString::number(m_flow->tasks.size()), keyNode);  // not arg(): 7% (callgrind)
        Task task;
        task.name = name;
        if (!body.IsMap()) {
            error(keyNode, QStringLiteral("task '%1' must be a mapping with at least 'kind', got %2").arg(name, kindName(body)),
                  name);
            m_flow->tasks.push_back(task);
            return;
        }
        readTaskKind(task, keyNode, body);
        const auto where = [&name] { return QStringLiteral("in task '%1'").arg(name); };
        forEachKey(body, taskKeys, where, name, [&](const QString &key, const yamlread::Node &, const yamlread::Node &v) {
            remember(path + QLatin1Char('.') + key, v);
            readTaskKey(task, path, key, v);
        });
        m_flow->tasks.push_back(std::move(task));
    }

    void readTaskKind(Task &task, const yamlread::Node &keyNode, const yamlread::Node &body) {
        const yamlread::Node kind = body["kind"];
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

    void readTaskKey(Task &task, const QString &path, const QString &key, const yamlread::Node &v) {
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
        else if (key == QLatin1String("inputs"))
            readSection(v, v, key, [&](const QString &n, const yamlread::Node &k, const yamlread::Node &b) {
                readParameter(task.inputs, path + QStringLiteral(".inputs."), n, k, b);
            });
    }

    void readLanguage(Task &task, const yamlread::Node &v) {
        const QString text = v.IsScalar() ? qs(v.Scalar()) : QString();
        if (text == QLatin1String("shell")) task.language = ScriptLanguage::Shell;
        else if (text == QLatin1String("python")) task.language = ScriptLanguage::Python;
        else error(v, QStringLiteral("'language' must be shell or python, got %1").arg(kindName(v)), task.name, "language");
    }

    void readSubflowParameters(Task &task, const yamlread::Node &v) {
        if (!v.IsMap() && !v.IsNull()) {
            error(v, QStringLiteral("'parameters' of a subflow must be a mapping of name to value, got %1").arg(kindName(v)),
                  task.name, QStringLiteral("parameters"));
            return;
        }
        if (auto value = this->value(v)) task.subflowParameters = value->toMap();
    }

    void readAfter(Task &task, const QString &path, const yamlread::Node &v) {
        const auto names = stringList(v, QStringLiteral("after"), task.name);
        if (!names) return;
        for (int i = 0; i < names->size(); ++i) {
            task.after.push_back(Dependency::fromString(names->at(i)));
            remember(path + QLatin1String(".after.") + QString::number(i), v.IsSequence() ? v[size_t(i)] : v);
        }
    }

    void readTrigger(Task &task, const yamlread::Node &v) {
        const QString text = v.IsScalar() ? qs(v.Scalar()) : QString();
        if (const auto rule = triggerRuleFromString(text)) {
            task.trigger = *rule;
            return;
        }
        error(v, QStringLiteral("unknown trigger %1: expected one of %2%3")
                     .arg(kindName(v), triggerRuleNames().join(", "), didYouMean(text, triggerRuleNames())),
              task.name, QStringLiteral("trigger"));
    }

    void readRetryDelay(Task &task, const yamlread::Node &v) {
        const QString key = QStringLiteral("retry_delay");
        RetryDelay delay;
        if (v.IsScalar()) {
            auto seconds = duration(v, key, task.name);
            if (!seconds) return;
            delay.seconds = {*seconds};
        } else if (v.IsSequence() && v.size() > 0) {
            delay.mode = RetryDelay::Mode::List;
            delay.seconds.clear();
            for (const yamlread::Node &item : v) {
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

    void readJitter(Task &task, const yamlread::Node &v) {
        const auto factor = number(v, QStringLiteral("retry_jitter"), task.name);
        if (factor && *factor < 0)
            error(v, QStringLiteral("'retry_jitter' must be >= 0, got '%1'").arg(*factor), task.name, "retry_jitter");
        else if (factor)
            task.retryJitter = *factor;
    }

    void readTimeout(Task &task, const yamlread::Node &v) {
        const auto seconds = duration(v, QStringLiteral("timeout"), task.name);
        if (seconds && *seconds <= 0)
            error(v, QStringLiteral("'timeout' must be greater than 0"), task.name, QStringLiteral("timeout"));
        else if (seconds)
            task.timeoutSeconds = seconds;
    }

    void readCache(Task &task, const QString &path, const yamlread::Node &v) {
        if (!v.IsMap() && !v.IsNull()) {
            error(v, QStringLiteral("'cache' must be a mapping with policy, expiration and refresh, got %1").arg(kindName(v)),
                  task.name, QStringLiteral("cache"));
            return;
        }
        task.cache.enabled = true;
        if (v.IsNull()) return;
        forEachKey(v, cacheKeys, QStringLiteral("in the cache of task '%1'").arg(task.name), task.name,
                   [&](const QString &key, const yamlread::Node &, const yamlread::Node &value) {
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

    void readEnv(Task &task, const QString &path, const yamlread::Node &v) {
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
            const yamlread::Node body = it->second;
            if (body.IsScalar() || body.IsNull()) {
                var.value = body.IsScalar() ? qs(body.Scalar()) : QString();
            } else if (body.IsMap()) {
                bool hasValue = false;
                yamlread::Node secretNode;
                forEachKey(body, envKeys, QStringLiteral("in env '%1' of task '%2'").arg(var.name, task.name), task.name,
                           [&](const QString &key, const yamlread::Node &, const yamlread::Node &value) {
                               hasValue |= key == QLatin1String("value");
                               if (key == QLatin1String("value")) var.value = string(value, key, task.name).value_or(QString());
                               else readSecretKey(var, secretNode = value, task.name);
                           });
                if (var.isReference() && hasValue)
                    error(secretNode, QStringLiteral("env '%1' of task '%2' names secret '%3' and gives a value: a reference "
                                               "has no value in the file, remove 'value'")
                                    .arg(var.name, task.name, var.secretName), task.name, QStringLiteral("env"));
            } else {
                error(body, QStringLiteral("env '%1' must be a value or {value: V, secret: true}, got %2")
                                .arg(var.name, kindName(body)), task.name, QStringLiteral("env"));
                continue;
            }
            task.env.push_back(var);
        }
    }

    /// `secret: true|false` marks an inline value; `secret: NAME` refers to a secret kept elsewhere.
    void readSecretKey(EnvVar &var, const yamlread::Node &value, const QString &task) {
        const QString text = value.IsScalar() ? qs(value.Scalar()) : QString();
        if (text == QLatin1String("true") || text == QLatin1String("false")) {
            var.secret = text == QLatin1String("true");
            return;
        }
        if (isValidSecretName(text) && !isQuoted(value)) {
            var.secret = true;
            var.secretName = text;
            return;
        }
        error(value, QStringLiteral("'secret' of env '%1' must be a secret name (lowercase letters, digits and '-', "
                                    "like 'warehouse-token') or true, got %2").arg(var.name, kindName(value)),
              task, QStringLiteral("env"));
    }

    void readLayout(const yamlread::Node &v) {
        if (v.IsNull()) return;
        if (!v.IsMap()) {
            error(v, QStringLiteral("'layout' must be a mapping of task name to [x, y], got %1").arg(kindName(v)));
            return;
        }
        for (auto it = v.begin(); it != v.end(); ++it) {
            const QString name = it->first.IsScalar() ? qs(it->first.Scalar()) : QString();
            const yamlread::Node pos = it->second;
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
    void readFrames(const yamlread::Node &v, const QString &section, const QStringList &keys, Add add) {
        if (v.IsNull()) return;
        if (!v.IsSequence()) {
            error(v, QStringLiteral("'%1' must be a list of {%2: ..., at: [x, y], size: [w, h]}, got %3")
                         .arg(section, keys.front(), kindName(v)));
            return;
        }
        const bool isNote = section == QLatin1String("notes");
        for (size_t i = 0; i < v.size(); ++i) {
            const yamlread::Node item = v[i];
            remember(QStringLiteral("%1.%2").arg(section).arg(i), item);
            if (!item.IsMap()) {
                error(item, QStringLiteral("items of '%1' must be mappings, got %2").arg(section, kindName(item)));
                continue;
            }
            Frame f;
            f.width = isNote ? Note().width : Group().width;
            f.height = isNote ? Note().height : Group().height;
            const QString where = QStringLiteral("in %1 item %2").arg(section).arg(i + 1);
            forEachKey(item, keys, where, {}, [&](const QString &key, const yamlread::Node &, const yamlread::Node &value) {
                if (key == keys.front()) f.text = string(value, key).value_or(QString());
                else if (key == QLatin1String("at")) readPair(value, key, false, &f.x, &f.y);
                else readPair(value, key, true, &f.width, &f.height);
            });
            add(f);
        }
    }

    /// [a, b] of numbers into @p a and @p b (left unchanged on error); sizes must be positive.
    void readPair(const yamlread::Node &v, const QString &key, bool positive, double *a, double *b) {
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

}  // namespace

/// The validator's findings, less "has no script" for tasks whose kind or body could not be read
/// (one error is enough). Values the reader refused never reach the model, so the validator
/// cannot report them a second time.
Diagnostics FlowFile::problemsOf(const Flow &flow, const Diagnostics &readProblems, const QString &fileName) {
    Diagnostics out = readProblems;
    QSet<QString> unreadableTasks;
    for (const Diagnostic &d : readProblems)
        if (!d.task.isEmpty() && (d.field == QLatin1String("kind") || d.field.isEmpty()) && d.severity == Severity::Error)
            unreadableTasks.insert(d.task);
    for (Diagnostic &d : FlowValidator::validate(flow, fileName)) {
        const bool cascade = d.field == QLatin1String("script") && unreadableTasks.contains(d.task);
        if (!cascade) out.push_back(std::move(d));
    }
    sortByLocation(out);
    return out;
}

namespace {

void addSemanticProblems(LoadResult &result, const QString &fileName) {
    result.readProblems = result.diagnostics;
    result.diagnostics = FlowFile::problemsOf(result.flow, result.readProblems, fileName);
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

    yamlread::ParseError problem;
    // Twice the depth a value may have: the tree's own levels (tasks, a task, env) come on top.
    const std::optional<yamlread::Tree> tree = yamlread::Tree::parse(text, 2 * maxNestingDepth, &problem);
    if (!tree) return failed(syntaxError(problem, text, fileName));
    const yamlread::Node root = tree->root();
    if (root.IsNull()) return failed({Severity::Error, fileName, {1, 1},
                                      QStringLiteral("the file is empty (only comments): expected a flow with apiVersion, kind, name and tasks"), {}, {}});
    if (!root.IsMap())
        return failed({Severity::Error, fileName, locationOf(root),
                       QStringLiteral("a flow file must be a mapping with apiVersion, kind, name and tasks, got %1").arg(kindName(root)), {}, {}});

    LoadResult result = Reader(fileName).read(root);
    addSemanticProblems(result, fileName);
    return result;
}

namespace {

/// Only a loaded file has a folder to look in, so this check lives here and not in the validator.
void checkSubflowFiles(LoadResult &result, const QString &folder, const QString &file) {
    for (const Task &task : result.flow.tasks) {
        if (!traitsOf(task.kind).runsSubflow() || task.subflow.isEmpty()) continue;
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

}  // namespace flowdeck
