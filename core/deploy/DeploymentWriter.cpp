// A deployment back into flowdeck.yaml: canonical YAML of one entry, patched into the file with
// yaml/YamlPatcher.h so that the keys the user did not edit keep their bytes.

#include "DeploymentWriter.h"

#include "Exporter.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlPatcher.h"

#include <QFile>
#include <QSaveFile>

#include <limits>
#include <optional>

namespace flowdeck {

namespace {

using namespace yaml::patch;

/// A schedule as the reader takes it: schedule_type follows from the keys, so it is left out.
yaml::Node scheduleNode(const DeploymentSchedule &s) {
    yaml::Node node = yaml::Node::map();
    if (!s.name.isEmpty()) node.set(QStringLiteral("name"), s.name);
    QVariantMap map = s.config.toVariantMap();
    map.remove(QStringLiteral("schedule_type"));
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        node.set(it.key(), yaml::Node::fromVariant(it.value()));
    if (!s.active) node.set(QStringLiteral("active"), false);
    if (s.collision != QLatin1String("enqueue")) node.set(QStringLiteral("collision"), s.collision);
    return node;
}

yaml::Node envNode(const std::vector<DeploymentEnvVar> &vars) {
    yaml::Node node = yaml::Node::map();
    for (const DeploymentEnvVar &var : vars) {
        if (var.isSecret()) {
            yaml::Node ref = yaml::Node::map();
            ref.set(QStringLiteral("secret"), var.secretName);
            node.set(var.name, ref);
        } else {
            node.set(var.name, var.value);
        }
    }
    return node;
}

yaml::Node textList(const QStringList &items) {
    yaml::Node node = yaml::Node::list();
    for (const QString &item : items) node.append(item);
    return node;
}

/// The last line (0-based) the list item @p index of @p list may own in @p text.
int itemLast(const YAML::Node &root, const YAML::Node &list, size_t index, const Text &text) {
    if (index + 1 < list.size()) return list[index + 1].Mark().line - 1;
    const std::vector<Entry> entries = entriesOf(root, text.lastLine(), text);
    const Entry *e = find(entries, QStringLiteral("deployments"));
    return e ? e->last : text.lastLine();
}

/// @p yamlText as the lines of a list item at @p dash: "- " before the first, "  " before the rest.
std::vector<QByteArray> itemLines(const QString &yamlText, int dash) {
    std::vector<QByteArray> lines;
    const QStringList parts = yamlText.split(QLatin1Char('\n'));
    for (int i = 0; i < parts.size(); ++i) {
        if (i == parts.size() - 1 && parts[i].isEmpty()) break;
        lines.push_back(pad(dash) + (i == 0 ? "- " : "  ") + parts[i].toUtf8());
    }
    return lines;
}

std::optional<size_t> entryIndex(const YAML::Node &list, const QString &name) {
    if (name.isEmpty() || !list.IsDefined() || !list.IsSequence()) return std::nullopt;
    for (size_t i = 0; i < list.size(); ++i) {
        const YAML::Node entry = list[i];
        if (entry.IsMap() && entry["name"].IsDefined() && entry["name"].IsScalar() &&
            QString::fromStdString(entry["name"].Scalar()) == name)
            return i;
    }
    return std::nullopt;
}

/// Replaces the changed keys of the block mapping entry @p index with those of @p after.
bool patchEntry(Text &text, const YAML::Node &root, const YAML::Node &list, size_t index,
                const DeploymentConfig &before, const DeploymentConfig &after) {
    const Text oldText = Text::of(deploymentYaml(before).toUtf8());
    const Text newText = Text::of(deploymentYaml(after).toUtf8());
    const YAML::Node oldRoot = YAML::Load(oldText.join().toStdString());
    const YAML::Node newRoot = YAML::Load(newText.join().toStdString());
    Patcher patcher(text);
    patcher.patchMap(list[index], itemLast(root, list, index, text), {&oldText, oldRoot, oldText.lastLine()},
                     {&newText, newRoot, newText.lastLine()}, {}, deploymentKeys(), {});
    return patcher.apply();
}

/// Adds @p after as a new item at the end of `deployments:` (created at the end of the file).
void appendEntry(Text &text, const YAML::Node &root, const DeploymentConfig &after) {
    const YAML::Node list = root["deployments"];
    const QString body = deploymentYaml(after);
    const std::vector<Entry> entries = entriesOf(root, text.lastLine(), text);
    const Entry *key = find(entries, QStringLiteral("deployments"));
    if (key && list.IsSequence() && list.size() > 0 && list.Style() == YAML::EmitterStyle::Block) {
        const int dash = indentOf(text.lines[size_t(list[0].Mark().line)]);
        std::vector<QByteArray> lines{QByteArray()};  // a blank line between entries, as the examples have
        for (const QByteArray &l : itemLines(body, dash)) lines.push_back(l);
        text.lines.insert(text.lines.begin() + key->last + 1, lines.begin(), lines.end());
        return;
    }
    std::vector<QByteArray> lines{"deployments:"};
    for (const QByteArray &l : itemLines(body, 2)) lines.push_back(l);
    if (key) {  // `deployments:` empty, null or in flow style: replaced whole
        text.lines.erase(text.lines.begin() + key->keyLine, text.lines.begin() + key->last + 1);
        text.lines.insert(text.lines.begin() + key->keyLine, lines.begin(), lines.end());
        return;
    }
    while (!text.lines.empty() && isBlank(text.lines.back())) text.lines.pop_back();
    if (!text.lines.empty()) text.lines.push_back(QByteArray());
    text.lines.insert(text.lines.end(), lines.begin(), lines.end());
    text.finalNewline = true;
}

Diagnostic fileProblem(const QString &file, const QString &message, const QString &field = {}) {
    Diagnostic d;
    d.file = file;
    d.message = message;
    d.field = field;
    return d;
}

}  // namespace

QString deploymentYaml(const DeploymentConfig &d) {
    yaml::Node node = yaml::Node::map();
    const auto text = [&](const char *key, const QString &value) {
        if (!value.isEmpty()) node.set(QLatin1String(key), value);
    };
    text("name", d.name);
    node.set(QStringLiteral("deployment_type"), toString(d.deploymentType));
    text("flow_name", d.flowName);
    text("entrypoint", d.entrypoint);
    text("description", d.description);
    text("version", d.version);
    node.setIfNotEmpty(QStringLiteral("tags"), textList(d.tags));
    node.setIfNotEmpty(QStringLiteral("parameters"), yaml::Node::fromVariant(d.parameters));
    node.setIfNotEmpty(QStringLiteral("parameter_files"), textList(d.parameterFiles));
    node.setIfNotEmpty(QStringLiteral("env_vars"), envNode(d.envVars));
    yaml::Node schedules = yaml::Node::list();
    for (const DeploymentSchedule &s : d.schedules) schedules.append(scheduleNode(s));
    node.setIfNotEmpty(QStringLiteral("schedules"), schedules);
    text("pool_name", d.poolName);
    text("work_queue_name", d.workQueueName);
    text("image_name", d.imageName);
    text("dockerfile", d.dockerfile);
    text("kube_namespace", d.kubeNamespace);
    text("cpu_request", d.cpuRequest);
    text("cpu_limit", d.cpuLimit);
    text("memory_request", d.memoryRequest);
    text("memory_limit", d.memoryLimit);
    node.setIfNotEmpty(QStringLiteral("storage_config"), yaml::Node::fromVariant(d.storageConfig));
    text("template", d.templatePath);
    return node.toYaml(0);
}

QByteArray patchDeployment(const QByteArray &input, const QString &oldName, const DeploymentConfig &after,
                           QString *error) {
    const bool bom = input.startsWith("\xEF\xBB\xBF");
    const QByteArray source = bom ? input.mid(3) : input;
    YAML::Node root;
    try {
        root = YAML::Load(source.toStdString());
    } catch (const YAML::Exception &e) {
        *error =
            QStringLiteral("flowdeck.yaml is not valid YAML (%1): fix it before saving a deployment into it")
                .arg(QString::fromStdString(e.msg));
        return {};
    }
    if (root.IsDefined() && !root.IsNull() && !isBlockMap(root)) {
        *error = QStringLiteral(
            "flowdeck.yaml is not a mapping of settings: fix it before saving a deployment into it");
        return {};
    }
    Text text = Text::of(source.isEmpty() ? QByteArray() : source);
    if (source.isEmpty()) text.lines.clear();
    try {
        const YAML::Node list = root["deployments"];
        const auto index = entryIndex(list, oldName);
        const WorkspaceDeployments current =
            WorkspaceDeployments::parse(source, QStringLiteral("flowdeck.yaml"));
        const DeploymentConfig *before = current.find(oldName);
        if (index && before && isBlockMap(list[*index])) {
            if (!patchEntry(text, root, list, *index, *before, after)) {
                *error = QStringLiteral("could not patch deployment '%1' into flowdeck.yaml").arg(oldName);
                return {};
            }
        } else if (index) {
            *error = QStringLiteral("deployment '%1' is not written as a block mapping: edit it in the file")
                         .arg(oldName);
            return {};
        } else {
            appendEntry(text, root, after);
        }
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("could not patch flowdeck.yaml: %1").arg(QString::fromStdString(e.msg));
        return {};
    }
    const QByteArray out = text.join();
    return bom ? QByteArray("\xEF\xBB\xBF") + out : out;
}

QByteArray removeDeploymentText(const QByteArray &input, const QString &name, QString *error) {
    const bool bom = input.startsWith("\xEF\xBB\xBF");
    const QByteArray source = bom ? input.mid(3) : input;
    try {
        const YAML::Node root = YAML::Load(source.toStdString());
        const YAML::Node list = root.IsMap() ? root["deployments"] : YAML::Node();
        const auto index = entryIndex(list, name);
        if (!index) {
            *error = QStringLiteral("no deployment '%1' in flowdeck.yaml").arg(name);
            return {};
        }
        if (list.Style() != YAML::EmitterStyle::Block) {
            *error = QStringLiteral("deployments: is not written as a block list: remove '%1' in the file").arg(name);
            return {};
        }
        Text text = Text::of(source);
        int first = list[*index].Mark().line;
        int last = itemLast(root, list, *index, text);
        // Comments and blank lines after the item lead to the next one: they stay.
        while (last > first && (isBlank(text.lines[size_t(last)]) || isComment(text.lines[size_t(last)]))) --last;
        // Comment lines right above the item are about it: they go with it.
        while (first > 0 && isComment(text.lines[size_t(first - 1)])) --first;
        text.lines.erase(text.lines.begin() + first, text.lines.begin() + last + 1);
        // One blank line separated it from its neighbours: keep one, not two, and none right
        // under `deployments:` when it was the first.
        const bool blankAbove = first > 0 && isBlank(text.lines[size_t(first - 1)]);
        if (first < int(text.lines.size()) && isBlank(text.lines[size_t(first)]) && (blankAbove || *index == 0))
            text.lines.erase(text.lines.begin() + first);
        if (list.size() == 1) {
            const std::vector<Entry> entries = entriesOf(root, text.lastLine(), text);
            if (const Entry *key = find(entries, QStringLiteral("deployments")))
                text.lines[size_t(key->keyLine)] = pad(key->keyColumn) + "deployments: []";
        }
        const QByteArray out = text.join();
        return bom ? QByteArray("\xEF\xBB\xBF") + out : out;
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("flowdeck.yaml is not valid YAML (%1): fix it before removing a deployment")
                     .arg(QString::fromStdString(e.msg));
        return {};
    }
}

QString removeDeployment(const QString &workspaceFile, const QString &name) {
    QFile in(workspaceFile);
    if (!in.open(QIODevice::ReadOnly)) return QStringLiteral("cannot read %1: %2").arg(workspaceFile, in.errorString());
    QString error;
    const QByteArray text = removeDeploymentText(in.readAll(), name, &error);
    if (text.isEmpty() && !error.isEmpty()) return error;
    QSaveFile file(workspaceFile);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(workspaceFile, file.errorString());
    file.write(text);
    if (!file.commit()) return QStringLiteral("cannot write %1: %2").arg(workspaceFile, file.errorString());
    return {};
}

DeploymentDraft draftDeployment(const QString &workspaceFile, const QString &oldName,
                                const DeploymentConfig &after) {
    DeploymentDraft draft;
    QByteArray source;
    if (QFile file(workspaceFile); file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            draft.problems.push_back(
                fileProblem(workspaceFile, QStringLiteral("cannot read: %1").arg(file.errorString())));
            return draft;
        }
        source = file.readAll();
    }
    QString error;
    draft.text = patchDeployment(source, oldName, after, &error);
    if (draft.text.isEmpty()) {
        draft.problems.push_back(fileProblem(workspaceFile, error));
        return draft;
    }
    // Another entry of that name: the reader would drop the second one, so say it here.
    if (after.name != oldName && WorkspaceDeployments::parse(source, workspaceFile).find(after.name)) {
        draft.problems.push_back(fileProblem(
            workspaceFile, QStringLiteral("name: a deployment named '%1' exists already").arg(after.name),
            QStringLiteral("name")));
        return draft;
    }
    const WorkspaceDeployments read = WorkspaceDeployments::parse(draft.text, workspaceFile);
    const DeploymentConfig *found = after.name.isEmpty() ? nullptr : read.find(after.name);
    // The reader's problems that lie in this entry (others' problems do not block this save).
    int first = 0, next = std::numeric_limits<int>::max();
    if (found) {
        first = found->locationOf(QStringLiteral("(entry)")).line;
        for (const DeploymentConfig &d : read.deployments) {
            const int line = d.locationOf(QStringLiteral("(entry)")).line;
            if (line > first) next = std::min(next, line);
        }
    }
    for (const Diagnostic &d : read.problems)
        if (!found || d.location.line <= 0 || (d.location.line >= first && d.location.line < next))
            draft.problems.push_back(d);
    if (!found) {
        if (!hasErrors(draft.problems))
            draft.problems.push_back(fileProblem(
                workspaceFile, QStringLiteral("name: a deployment needs a name"), QStringLiteral("name")));
        return draft;
    }
    draft.deployment = *found;
    const Diagnostics own = validateDeployment(*found);
    draft.problems.insert(draft.problems.end(), own.begin(), own.end());
    return draft;
}

QString saveDeploymentDraft(const QString &workspaceFile, const DeploymentDraft &draft) {
    for (const Diagnostic &d : draft.problems)
        if (d.severity == Severity::Error) return QStringLiteral("not saved: %1").arg(d.message);
    if (draft.text.isEmpty()) return QStringLiteral("not saved: nothing to write");
    QSaveFile file(workspaceFile);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(workspaceFile, file.errorString());
    file.write(draft.text);
    if (!file.commit()) return QStringLiteral("cannot write %1: %2").arg(workspaceFile, file.errorString());
    return {};
}

}  // namespace flowdeck
