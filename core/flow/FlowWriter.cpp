#include "FlowFile.h"

#include "TaskKinds.h"
#include "Units.h"
#include "yaml/YamlText.h"

#include <QSaveFile>
#include <QSet>

namespace flowdeck {

namespace {

using yaml::block;
using yaml::doubleQuoted;
using yaml::number;
using yaml::scalar;
using yaml::textEntry;
using yaml::valueEntry;

/// Writes the canonical text of a flow (format: docs/flow-format.md).
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

    void stringList(int indent, const char *key, const QStringList &items) {
        if (items.isEmpty()) return;
        QStringList rendered;
        for (const QString &item : items) rendered << scalar(item, true);
        line(indent, key, QLatin1Char('[') + rendered.join(QLatin1String(", ")) + QLatin1Char(']'));
    }

    void value(int indent, const char *key, const QVariant &v) { m_out += valueEntry(indent, QString::fromLatin1(key), v); }

    // Sections -------------------------------------------------------------------------------

    void parameters(const std::vector<Parameter> &params) {
        if (params.empty()) return;
        m_out += QLatin1String("parameters:\n");
        declarations(params, 2);
    }

    /// Flow parameters (at 2) and an approval's inputs (at 6) are written alike.
    void declarations(const std::vector<Parameter> &params, int indent) {
        for (const Parameter &p : params) {
            m_out += pad(indent) + scalar(p.name) + QLatin1String(":\n");
            line(indent + 2, "type", toString(p.type));
            if (p.hasDefault()) value(indent + 2, "default", p.defaultValue);
            optionalText(indent + 2, "description", p.description);
            if (p.required) line(indent + 2, "required", QStringLiteral("true"));
            if (p.minimum) line(indent + 2, "min", number(*p.minimum));
            if (p.maximum) line(indent + 2, "max", number(*p.maximum));
            if (!p.allowed.isEmpty()) value(indent + 2, "allowed", p.allowed);
        }
    }

    void runner(const RunnerSettings &r) {
        if (r == RunnerSettings()) return;
        m_out += QLatin1String("runner:\n");
        if (r.maxParallel > 0) line(2, "max_parallel", QString::number(r.maxParallel));
        if (r.memoryLimitBytes > 0) line(2, "memory_limit", formatSize(r.memoryLimitBytes));
        if (r.timeoutSeconds) line(2, "timeout", formatDuration(*r.timeoutSeconds));
    }

    void tasks(const std::vector<Task> &list) {
        m_out += list.empty() ? QStringLiteral("tasks: {}\n") : QStringLiteral("tasks:\n");
        for (const Task &t : list) task(t);
    }

    void task(const Task &t) {
        m_out += pad(2) + scalar(t.name) + QLatin1String(":\n");
        line(4, "kind", toString(t.kind));
        optionalText(4, "description", t.description);
        const TaskKindTraits &traits = traitsOf(t.kind);
        if (traits.usesLanguage && t.language == ScriptLanguage::Python) line(4, "language", QStringLiteral("python"));
        if (!t.subflow.isEmpty()) text(4, "flow", t.subflow);
        if (!t.subflowParameters.isEmpty()) value(4, "parameters", t.subflowParameters);
        if (traits.sleeps() || t.sleepSeconds > 0) line(4, "seconds", formatDuration(t.sleepSeconds));
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
        if (!t.inputs.empty()) {
            m_out += pad(4) + QLatin1String("inputs:\n");
            declarations(t.inputs, 6);
        }
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
            if (v.isReference()) {  // only the name: the value never reaches a file
                m_out += pad(6) + scalar(v.name) + QStringLiteral(": {secret: %1}\n").arg(v.secretName);
                continue;
            }
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

QString FlowFile::save(const Flow &flow, const QString &path) { return write(serialize(flow), path); }

QString FlowFile::write(const QByteArray &text, const QString &path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (file.write(text) != text.size()) {
        file.cancelWriting();
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    }
    if (!file.commit()) return QStringLiteral("cannot save %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace flowdeck
