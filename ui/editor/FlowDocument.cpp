#include "FlowDocument.h"

#include "DocumentCommands.h"
#include "StepNames.h"
#include "flow/FlowFile.h"
#include "flow/FlowGraph.h"
#include "flow/FlowSourcePatch.h"
#include "flow/SourceText.h"
#include "flow/FlowValidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <atomic>
#include <cmath>
#include <utility>

namespace flowdeck {

namespace {

// A task that had no layout entry before a move: undo removes the entry again, so the file
// comes back byte for byte.
const QPointF noPosition(qQNaN(), qQNaN());

bool isNoPosition(QPointF p) { return std::isnan(p.x()); }

QString errorsOf(const Diagnostics &diagnostics) {
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        if (d.severity == Severity::Error) lines << d.toString();
    return lines.join(QLatin1Char('\n'));
}

/// Tasks whose `after:` or `map:` differ, or that appear or disappear.
QStringList tasksWithNewEdges(const Flow &before, const Flow &after) {
    QHash<QString, const Task *> old;
    for (const Task &t : before.tasks) old.insert(t.name, &t);
    QStringList changed;
    for (const Task &t : after.tasks) {
        const Task *o = old.value(t.name);
        if (!o || o->after != t.after || o->mapOver != t.mapOver) changed << t.name;
    }
    return changed;
}

bool sameProperties(const Flow &a, const Flow &b) {
    return a.name == b.name && a.description == b.description && a.version == b.version && a.tags == b.tags &&
           a.parameters == b.parameters && a.runner == b.runner;
}

QRectF rectOf(const Note &n) { return {n.x, n.y, n.width, n.height}; }
QRectF rectOf(const Group &g) { return {g.x, g.y, g.width, g.height}; }

template <typename Frame>
void setRect(Frame &frame, const QRectF &r) {
    frame.x = r.x();
    frame.y = r.y();
    frame.width = r.width();
    frame.height = r.height();
}

}  // namespace

FlowDocument::FlowDocument(QObject *parent) : QObject(parent) {
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
    // Once per undo, redo, new step or jump in History, after all of its commands (a macro's too).
    connect(&m_undo, &QUndoStack::indexChanged, this, &FlowDocument::finishStep);
    clear();
}

void FlowDocument::noteTouched(const QStringList &added, const QStringList &others) {
    m_touchedAdded += added;
    m_touchedOthers += others;
}

void FlowDocument::finishStep() {
    const QStringList &touched = m_touchedAdded.isEmpty() ? m_touchedOthers : m_touchedAdded;
    QStringList present;
    for (const QString &name : touched)
        if (!present.contains(name) && m_flow.task(name)) present << name;
    const bool replayed = std::exchange(m_replaying, false);
    m_touchedAdded.clear();
    m_touchedOthers.clear();
    if (replayed) emit stepReplayed(present);
}

void FlowDocument::clear(const QString &name) {
    Flow flow;
    flow.name = name;
    m_path.clear();
    m_undo.clear();
    setFlow(flow, FlowValidator::validate(flow), FlowFile::serialize(flow));
    emit filePathChanged(m_path);
}

bool FlowDocument::load(const QString &path, QString *error) {
    const LoadResult result = FlowFile::load(path);
    if (!result.readable) {
        if (error) *error = errorsOf(result.diagnostics);
        return false;
    }
    QFile file(path);
    const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : FlowFile::serialize(result.flow);
    m_path = QFileInfo(path).absoluteFilePath();
    m_undo.clear();
    setFlow(result.flow, result.diagnostics, bytes);
    emit filePathChanged(m_path);
    return true;
}

bool FlowDocument::loadText(const QByteArray &yaml, QString *error) {
    const LoadResult result = FlowFile::parse(yaml, displayName());
    if (!result.readable) {
        if (error) *error = errorsOf(result.diagnostics);
        return false;
    }
    // The recovered text as it was typed, not a rewrite of it.
    if (yaml != text()) m_undo.push(new SnapshotCommand(this, text(), yaml, tr("Recover unsaved changes")));
    return true;
}

void FlowDocument::setFlow(const Flow &flow, const Diagnostics &problems, const QByteArray &source) {
    m_flow = flow;
    m_source = source;
    m_sourceFlow = flow;
    m_text = source;
    m_problems = problems;
    emit flowReset();
    emit problemsChanged();
}

bool FlowDocument::save(QString *error) {
    if (m_path.isEmpty()) {
        if (error) *error = tr("the flow has no file yet: use Save As");
        return false;
    }
    return saveAs(m_path, error);
}

bool FlowDocument::saveAs(const QString &path, QString *error) {
    // The user's text with the edits patched in: what they wrote elsewhere stays as it was.
    const QString problem = FlowFile::write(text(), path);
    if (!problem.isEmpty()) {
        if (error) *error = problem;
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_undo.setClean();
    if (absolute != m_path) {
        m_path = absolute;
        emit filePathChanged(m_path);
    }
    return true;
}

QByteArray FlowDocument::text() const {
    if (m_text.isEmpty())
        m_text = m_flow == m_sourceFlow ? m_source : patchFlowSource(m_source, m_sourceFlow, m_flow);
    return m_text;
}

QString FlowDocument::displayName() const {
    return m_path.isEmpty() ? m_flow.name : QFileInfo(m_path).fileName();
}

namespace {

QSet<QString> taskNames(const Flow &flow) {
    QSet<QString> names;
    for (const Task &t : flow.tasks) names.insert(t.name);
    return names;
}

QString uniqueName(const QString &base, const QSet<QString> &taken) {
    static const QRegularExpression invalid(QStringLiteral("[^A-Za-z0-9_-]"));
    QString stem = QString(base).replace(invalid, QStringLiteral("_"));
    if (stem.isEmpty() || !stem.front().isLetterOrNumber()) stem.prepend(QLatin1String("task"));
    if (!taken.contains(stem)) return stem;
    // "load" -> "load_2"; "load_2" -> "load_3", not "load_2_2".
    static const QRegularExpression numbered(QStringLiteral("^(.*)_([0-9]+)$"));
    const auto m = numbered.match(stem);
    const QString root = m.hasMatch() ? m.captured(1) : stem;
    for (int i = m.hasMatch() ? m.captured(2).toInt() + 1 : 2;; ++i) {
        const QString candidate = QStringLiteral("%1_%2").arg(root).arg(i);
        if (!taken.contains(candidate)) return candidate;
    }
}

}  // namespace

QString FlowDocument::uniqueTaskName(const QString &base) const { return uniqueName(base, taskNames(m_flow)); }

int FlowDocument::newDragId() {
    static std::atomic<int> next{1};
    return next++;
}

// ----- edits ------------------------------------------------------------------------------------

void FlowDocument::pushSnapshot(const Flow &after, const QString &what, const QString &renamedFrom,
                                const QString &renamedTo) {
    if (after == m_flow) return;
    QHash<QString, QString> renamed;
    if (!renamedFrom.isEmpty()) renamed.insert(renamedFrom, renamedTo);
    const QByteArray before = text();
    m_undo.push(new SnapshotCommand(this, before, patchFlowSource(before, m_flow, after, renamed), what, renamedFrom,
                                    renamedTo));
}

QString FlowDocument::addTask(Task task, QPointF pos) {
    task.name = uniqueTaskName(task.name.isEmpty() ? toString(task.kind) : task.name);
    Flow after = m_flow;
    after.tasks.push_back(task);
    after.layout.insert(task.name, {pos.x(), pos.y()});
    pushSnapshot(after, tr("Add task %1").arg(task.name));
    return task.name;
}

void FlowDocument::removeTasks(const QStringList &names) { removeItems({names, {}, {}}); }

void FlowDocument::removeItems(const ItemSet &items) {
    const QSet<QString> gone(items.tasks.begin(), items.tasks.end());
    Flow after = m_flow;
    after.tasks.clear();
    for (const Task &t : m_flow.tasks) {
        if (gone.contains(t.name)) continue;
        Task kept = t;
        kept.after.erase(std::remove_if(kept.after.begin(), kept.after.end(),
                                        [&](const Dependency &d) { return gone.contains(d.upstream); }),
                         kept.after.end());
        after.tasks.push_back(kept);
    }
    for (const QString &name : items.tasks) after.layout.remove(name);
    after.notes.clear();
    for (int i = 0; i < int(m_flow.notes.size()); ++i)
        if (!items.notes.contains(i)) after.notes.push_back(m_flow.notes[size_t(i)]);
    after.groups.clear();
    for (int i = 0; i < int(m_flow.groups.size()); ++i)
        if (!items.groups.contains(i)) after.groups.push_back(m_flow.groups[size_t(i)]);
    pushSnapshot(after, stepName(ItemVerb::Delete, items));
}

bool FlowDocument::renameTask(const QString &from, const QString &to, QString *why) {
    auto refuse = [why](const QString &reason) {
        if (why) *why = reason;
        return false;
    };
    if (!m_flow.task(from)) return refuse(tr("there is no task '%1'").arg(from));
    if (from == to) return true;
    if (!isValidName(to)) return refuse(tr("'%1' is not a valid task name: use letters, digits, '_' and '-'").arg(to));
    if (m_flow.task(to)) return refuse(tr("there is already a task named '%1'").arg(to));
    Flow after = m_flow;
    for (Task &t : after.tasks) {
        if (t.name == from) t.name = to;
        for (Dependency &d : t.after)
            if (d.upstream == from) d.upstream = to;
        if (t.mapOver == from && !after.parameter(from)) t.mapOver = to;
    }
    if (after.layout.contains(from)) after.layout.insert(to, after.layout.take(from));
    pushSnapshot(after, tr("Rename %1 to %2").arg(from, to), from, to);
    return true;
}

void FlowDocument::updateTask(const QString &name, const Task &changed, const QString &what) {
    Flow after = m_flow;
    Task *task = after.task(name);
    if (!task) return;
    *task = changed;
    task->name = name;
    pushSnapshot(after, what.isEmpty() ? tr("Change %1").arg(name) : what);
}

bool FlowDocument::applySuggestion(const Diagnostic &problem) {
    if (problem.found.isEmpty() || problem.suggestion.isEmpty()) return false;
    if (problem.field == QLatin1String("after")) {
        const Task *task = m_flow.task(problem.task);
        if (!task) return false;
        Task changed = *task;
        bool found = false;
        for (Dependency &d : changed.after) {
            if (d.upstream != problem.found) continue;
            d.upstream = problem.suggestion;
            found = true;
        }
        if (!found) return false;
        updateTask(problem.task, changed,
                   tr("Change upstream '%1' of %2 to '%3'").arg(problem.found, problem.task, problem.suggestion));
        return true;
    }
    // A key Flowdeck does not know is not in the model: the fix is made in the text itself.
    const QByteArray current = text();
    const QByteArray fixed = replaceWordAt(current, problem.location, problem.found, problem.suggestion);
    if (fixed.isEmpty()) return false;
    m_undo.push(new SnapshotCommand(this, current, fixed,
                                    tr("Rename key '%1' to '%2'").arg(problem.found, problem.suggestion)));
    return true;
}

void FlowDocument::moveTasks(const QHash<QString, QPointF> &to, int dragId) {
    Placement placement;
    placement.tasks = to;
    moveItems(placement, dragId);
}

Placement FlowDocument::placementOf(const Placement &like) const {
    Placement now;
    for (auto it = like.tasks.constBegin(); it != like.tasks.constEnd(); ++it) {
        const auto p = m_flow.layout.constFind(it.key());
        now.tasks.insert(it.key(), p == m_flow.layout.constEnd() ? noPosition : QPointF(p->x, p->y));
    }
    for (auto it = like.notes.constBegin(); it != like.notes.constEnd(); ++it)
        if (it.key() >= 0 && it.key() < int(m_flow.notes.size())) now.notes.insert(it.key(), rectOf(m_flow.notes[size_t(it.key())]));
    for (auto it = like.groups.constBegin(); it != like.groups.constEnd(); ++it)
        if (it.key() >= 0 && it.key() < int(m_flow.groups.size())) now.groups.insert(it.key(), rectOf(m_flow.groups[size_t(it.key())]));
    return now;
}

void FlowDocument::moveItems(const Placement &to, int dragId, const QString &what) {
    Placement after;
    for (auto it = to.tasks.constBegin(); it != to.tasks.constEnd(); ++it)
        if (m_flow.task(it.key())) after.tasks.insert(it.key(), it.value());
    after.notes = to.notes;
    after.groups = to.groups;
    const Placement before = placementOf(after);
    // Indexes that do not exist are dropped: placementOf() only knows the existing ones.
    for (int i : to.notes.keys())
        if (!before.notes.contains(i)) after.notes.remove(i);
    for (int i : to.groups.keys())
        if (!before.groups.contains(i)) after.groups.remove(i);
    if (after.isEmpty()) return;
    m_undo.push(new MoveCommand(this, before, after, dragId, what.isEmpty() ? tr("Move") : what));
}

void FlowDocument::applyPlacement(const Placement &placement) {
    QStringList moved;
    for (auto it = placement.tasks.constBegin(); it != placement.tasks.constEnd(); ++it) {
        if (isNoPosition(it.value())) m_flow.layout.remove(it.key());
        else m_flow.layout.insert(it.key(), {it.value().x(), it.value().y()});
        moved << it.key();
    }
    for (auto it = placement.notes.constBegin(); it != placement.notes.constEnd(); ++it)
        if (it.key() < int(m_flow.notes.size())) setRect(m_flow.notes[size_t(it.key())], it.value());
    for (auto it = placement.groups.constBegin(); it != placement.groups.constEnd(); ++it)
        if (it.key() < int(m_flow.groups.size())) setRect(m_flow.groups[size_t(it.key())], it.value());
    m_text.clear();
    noteTouched({}, moved);
    // Positions cannot change what the validator finds (it only reads layout names), so a
    // drag does not pay for a validation per mouse move.
    if (!moved.isEmpty()) emit positionsChanged(moved);
    if (!placement.notes.isEmpty()) emit notesChanged();
    if (!placement.groups.isEmpty()) emit groupsChanged();
}

bool FlowDocument::connectTasks(const QString &upstream, const QString &downstream, BranchOutcome outcome,
                                QString *why) {
    auto refuse = [why](const QString &reason) {
        if (why) *why = reason;
        return false;
    };
    const Task *up = m_flow.task(upstream);
    const Task *down = m_flow.task(downstream);
    if (!up || !down) return refuse(tr("both tasks must exist to connect them"));
    if (upstream == downstream) return refuse(tr("a task cannot depend on itself"));
    if (outcome != BranchOutcome::Any && up->kind != TaskKind::Branch)
        return refuse(tr("only branch tasks have true and false outcomes; '%1' is a %2 task")
                          .arg(upstream, toString(up->kind)));
    const Dependency dependency{upstream, outcome};
    if (std::find(down->after.begin(), down->after.end(), dependency) != down->after.end())
        return refuse(tr("'%1' already runs after %2").arg(downstream, dependency.toString()));
    const QStringList cycle = FlowGraph(m_flow).cycleIfConnected(upstream, downstream);
    if (!cycle.isEmpty())
        return refuse(tr("connecting %1 -> %2 would make a cycle: %3")
                          .arg(upstream, downstream, cycle.join(QLatin1String(" -> "))));
    Flow after = m_flow;
    after.task(downstream)->after.push_back(dependency);
    pushSnapshot(after, tr("Connect %1 to %2").arg(dependency.toString(), downstream));
    return true;
}

void FlowDocument::disconnectTasks(const QString &upstream, const QString &downstream) {
    Flow after = m_flow;
    Task *down = after.task(downstream);
    if (!down) return;
    down->after.erase(std::remove_if(down->after.begin(), down->after.end(),
                                     [&](const Dependency &d) { return d.upstream == upstream; }),
                      down->after.end());
    pushSnapshot(after, tr("Disconnect %1 from %2").arg(upstream, downstream));
}

void FlowDocument::updateFlowProperties(const Flow &properties, const QString &what) {
    Flow after = m_flow;
    after.name = properties.name;
    after.description = properties.description;
    after.version = properties.version;
    after.tags = properties.tags;
    after.parameters = properties.parameters;
    after.runner = properties.runner;
    pushSnapshot(after, what.isEmpty() ? tr("Change flow properties") : what);
}

int FlowDocument::addNote(const Note &note) {
    Flow after = m_flow;
    after.notes.push_back(note);
    pushSnapshot(after, tr("Add note"));
    return int(m_flow.notes.size()) - 1;
}

void FlowDocument::updateNote(int index, const Note &note) {
    if (index < 0 || index >= int(m_flow.notes.size())) return;
    Flow after = m_flow;
    after.notes[size_t(index)] = note;
    pushSnapshot(after, tr("Edit note"));
}

int FlowDocument::addGroup(const Group &group) {
    Flow after = m_flow;
    after.groups.push_back(group);
    pushSnapshot(after, tr("Add group %1").arg(group.title));
    return int(m_flow.groups.size()) - 1;
}

void FlowDocument::updateGroup(int index, const Group &group) {
    if (index < 0 || index >= int(m_flow.groups.size())) return;
    Flow after = m_flow;
    after.groups[size_t(index)] = group;
    pushSnapshot(after, tr("Edit group %1").arg(group.title));
}

void FlowDocument::replaceFlow(const Flow &flow, const QString &what) { pushSnapshot(flow, what); }

// ----- clipboard ---------------------------------------------------------------------------------

QByteArray FlowDocument::copyTasks(const QStringList &names) const { return copyItems({names, {}, {}}); }

QByteArray FlowDocument::copyItems(const ItemSet &items) const {
    const QSet<QString> chosen(items.tasks.begin(), items.tasks.end());
    Flow clip;
    clip.name = m_flow.name;
    for (const Task &t : m_flow.tasks) {
        if (!chosen.contains(t.name)) continue;
        Task copy = t;
        // Dependencies on tasks left behind would dangle wherever this is pasted.
        copy.after.erase(std::remove_if(copy.after.begin(), copy.after.end(),
                                        [&](const Dependency &d) { return !chosen.contains(d.upstream); }),
                         copy.after.end());
        clip.tasks.push_back(copy);
        if (m_flow.layout.contains(t.name)) clip.layout.insert(t.name, m_flow.layout.value(t.name));
    }
    for (int i : items.notes)
        if (i >= 0 && i < int(m_flow.notes.size())) clip.notes.push_back(m_flow.notes[size_t(i)]);
    for (int i : items.groups)
        if (i >= 0 && i < int(m_flow.groups.size())) clip.groups.push_back(m_flow.groups[size_t(i)]);
    return FlowFile::serialize(clip);
}

QStringList FlowDocument::pasteTasks(const QByteArray &yaml, QPointF offset, QString *error) {
    return pasteItems(yaml, offset, error).tasks;
}

ItemSet FlowDocument::pasteItems(const QByteArray &yaml, QPointF offset, QString *error) {
    const LoadResult clip = FlowFile::parse(yaml, tr("clipboard"));
    if (!clip.readable) {
        if (error) *error = errorsOf(clip.diagnostics);
        return {};
    }
    Flow after = m_flow;
    QHash<QString, QString> renamed;
    ItemSet added;
    QSet<QString> taken = taskNames(m_flow);
    for (const Task &t : clip.flow.tasks) {
        const QString name = uniqueName(t.name, taken);
        taken.insert(name);
        renamed.insert(t.name, name);
        added.tasks << name;
        Task copy = t;
        copy.name = name;
        after.tasks.push_back(copy);
    }
    const QSet<QString> existing = taskNames(m_flow);
    for (int i = int(m_flow.tasks.size()); i < int(after.tasks.size()); ++i) {
        Task &t = after.tasks[size_t(i)];
        std::vector<Dependency> kept;
        for (Dependency d : t.after) {
            if (renamed.contains(d.upstream)) d.upstream = renamed.value(d.upstream);
            else if (!existing.contains(d.upstream)) continue;
            kept.push_back(d);
        }
        t.after = kept;
        if (renamed.contains(t.mapOver) && !clip.flow.parameter(t.mapOver)) t.mapOver = renamed.value(t.mapOver);
    }
    int row = 0;
    for (const Task &t : clip.flow.tasks) {
        const auto p = clip.flow.layout.constFind(t.name);
        const QPointF at = p != clip.flow.layout.constEnd() ? QPointF(p->x, p->y) : QPointF(0, 120.0 * row++);
        after.layout.insert(renamed.value(t.name), {at.x() + offset.x(), at.y() + offset.y()});
    }
    for (Note n : clip.flow.notes) {
        n.x += offset.x();
        n.y += offset.y();
        added.notes << int(after.notes.size());
        after.notes.push_back(n);
    }
    for (Group g : clip.flow.groups) {
        g.x += offset.x();
        g.y += offset.y();
        added.groups << int(after.groups.size());
        after.groups.push_back(g);
    }
    pushSnapshot(after, stepName(ItemVerb::Paste, added));
    return added;
}

// ----- applying snapshots ------------------------------------------------------------------------

void FlowDocument::applySnapshot(const QByteArray &yaml, const QString &renamedFrom, const QString &renamedTo) {
    const Flow before = std::move(m_flow);
    // Always read the text back: the flow and its problems are what the file holds, including
    // what only the reader sees (unknown keys, values it refused), at the lines they are on.
    LoadResult result = FlowFile::parse(yaml, displayName());
    m_flow = std::move(result.flow);
    m_problems = std::move(result.diagnostics);
    m_source = yaml;
    m_sourceFlow = m_flow;
    m_text = yaml;
    revalidate();
    announceDifferences(before, renamedFrom, renamedTo);
}

void FlowDocument::revalidate() {
    // parse() has already run FlowValidator::validate over the snapshot; what only a file on
    // disk can tell (does a subflow's file exist?) is added here, as FlowFile::load() does.
    const QString folder = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    if (folder.isEmpty()) return;
    for (const Task &t : m_flow.tasks) {
        if (t.kind != TaskKind::Subflow || t.subflow.isEmpty() || QFileInfo(QDir(folder).filePath(t.subflow)).isFile())
            continue;
        Diagnostic d;
        d.file = displayName();
        d.location = m_flow.locationOf(QStringLiteral("tasks.%1.flow").arg(t.name));
        d.message = tr("subflow file '%1' of task '%2' not found in %3").arg(t.subflow, t.name, folder);
        d.task = t.name;
        d.field = QStringLiteral("flow");
        m_problems.push_back(d);
    }
    sortByLocation(m_problems);
}

void FlowDocument::announceDifferences(const Flow &before, const QString &renamedFrom, const QString &renamedTo) {
    QHash<QString, const Task *> old;
    for (const Task &t : before.tasks) old.insert(t.name, &t);
    QSet<QString> now;
    for (const Task &t : m_flow.tasks) now.insert(t.name);
    const bool renamed = !renamedFrom.isEmpty() && old.contains(renamedFrom) && now.contains(renamedTo);

    for (const Task &t : before.tasks)
        if (!now.contains(t.name) && !(renamed && t.name == renamedFrom)) emit taskRemoved(t.name);
    if (renamed) emit taskRenamed(renamedFrom, renamedTo);
    QStringList moved, added, changed;
    if (renamed) changed << renamedTo;
    for (const Task &t : m_flow.tasks) {
        const QString was = renamed && t.name == renamedTo ? renamedFrom : t.name;
        const Task *o = old.value(was);
        if (!o) {
            emit taskAdded(t.name);
            added << t.name;
        } else if (*o != t && !(renamed && t.name == renamedTo)) {
            emit taskChanged(t.name);
            changed << t.name;
        }
        if (!(before.layout.value(was) == m_flow.layout.value(t.name)) ||
            before.layout.contains(was) != m_flow.layout.contains(t.name))
            moved << t.name;
    }
    noteTouched(added, changed + moved);
    const QStringList edges = tasksWithNewEdges(before, m_flow);
    if (!edges.isEmpty()) emit edgesChanged(edges);
    if (!moved.isEmpty()) emit positionsChanged(moved);
    if (before.notes != m_flow.notes) emit notesChanged();
    if (before.groups != m_flow.groups) emit groupsChanged();
    if (!sameProperties(before, m_flow)) emit propertiesChanged();
    emit problemsChanged();
}

}  // namespace flowdeck
