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
#include <QTimer>

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
    m_undo.setUndoLimit(undoLimit);
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
        if (!present.contains(name) && task(name)) present << name;
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
    setFlow(flow, FlowValidator::validate(flow), {}, FlowFile::serialize(flow));
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
    setFlow(result.flow, result.diagnostics, result.readProblems, bytes);
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

void FlowDocument::setFlow(const Flow &flow, const Diagnostics &problems, const Diagnostics &readProblems,
                           const QByteArray &source) {
    m_flow = flow;
    m_index.rebuild(m_flow);
    m_readProblems = readProblems;
    m_source = source;
    m_sourceFlow = flow;
    m_text = source;
    m_problems = problems;
    m_problemsStale = false;
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

const Task *FlowDocument::task(const QString &name) const {
    const int i = m_index.find(name);
    return i < 0 ? nullptr : &m_flow.tasks[size_t(i)];
}

std::optional<NodePosition> FlowDocument::positionOf(const QString &name) const {
    const auto it = m_flow.layout.constFind(name);
    return it == m_flow.layout.constEnd() ? std::nullopt : std::optional<NodePosition>(*it);
}

QString FlowDocument::displayName() const {
    return m_path.isEmpty() ? m_flow.name : QFileInfo(m_path).fileName();
}

namespace {

template <typename Taken>
QString uniqueName(const QString &base, const Taken &taken) {
    static const QRegularExpression invalid(QStringLiteral("[^A-Za-z0-9_-]"));
    QString stem = QString(base).replace(invalid, QStringLiteral("_"));
    if (stem.isEmpty() || !stem.front().isLetterOrNumber()) stem.prepend(QLatin1String("task"));
    if (!taken(stem)) return stem;
    // "load" -> "load_2"; "load_2" -> "load_3", not "load_2_2".
    static const QRegularExpression numbered(QStringLiteral("^(.*)_([0-9]+)$"));
    const auto m = numbered.match(stem);
    const QString root = m.hasMatch() ? m.captured(1) : stem;
    for (int i = m.hasMatch() ? m.captured(2).toInt() + 1 : 2;; ++i) {
        const QString candidate = QStringLiteral("%1_%2").arg(root).arg(i);
        if (!taken(candidate)) return candidate;
    }
}

}  // namespace

QString FlowDocument::uniqueTaskName(const QString &base) const {
    return uniqueName(base, [this](const QString &name) { return task(name) != nullptr; });
}

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

void FlowDocument::pushEdit(const FlowEdit &edit, const QString &what) {
    if (edit.isEmpty()) return;
    m_undo.push(new EditCommand(this, edit, m_readProblems, readProblemsAfter(edit), what));
}

QString FlowDocument::addTask(Task task, QPointF pos) {
    task.name = uniqueTaskName(task.name.isEmpty() ? toString(task.kind) : task.name);
    FlowEdit edit;
    edit.setPosition(task.name, positionOf(task.name), NodePosition{pos.x(), pos.y()});
    edit.added.push_back({int(m_flow.tasks.size()), std::move(task)});
    const QString name = edit.added.front().task.name;
    pushEdit(edit, tr("Add task %1").arg(name));
    return name;
}

void FlowDocument::removeTasks(const QStringList &names) { removeItems({names, {}, {}}); }

void FlowDocument::removeItems(const ItemSet &items) {
    const QSet<QString> gone(items.tasks.begin(), items.tasks.end());
    const auto isGone = [&](const Dependency &d) { return gone.contains(d.upstream); };
    FlowEdit edit;
    for (size_t i = 0; i < m_flow.tasks.size(); ++i) {
        const Task &t = m_flow.tasks[i];
        if (gone.contains(t.name)) {
            edit.removed.push_back({int(i), t});
        } else if (std::any_of(t.after.begin(), t.after.end(), isGone)) {
            Task kept = t;
            kept.after.erase(std::remove_if(kept.after.begin(), kept.after.end(), isGone), kept.after.end());
            edit.changed.emplace_back(t, std::move(kept));
        }
    }
    for (const QString &name : items.tasks)
        if (const auto at = positionOf(name)) edit.setPosition(name, at, std::nullopt);
    if (!items.notes.isEmpty()) {
        edit.notesBefore = m_flow.notes;
        edit.notesAfter.emplace();
        for (int i = 0; i < int(m_flow.notes.size()); ++i)
            if (!items.notes.contains(i)) edit.notesAfter->push_back(m_flow.notes[size_t(i)]);
    }
    if (!items.groups.isEmpty()) {
        edit.groupsBefore = m_flow.groups;
        edit.groupsAfter.emplace();
        for (int i = 0; i < int(m_flow.groups.size()); ++i)
            if (!items.groups.contains(i)) edit.groupsAfter->push_back(m_flow.groups[size_t(i)]);
    }
    pushEdit(edit, stepName(ItemVerb::Delete, items));
}

bool FlowDocument::renameTask(const QString &from, const QString &to, QString *why) {
    auto refuse = [why](const QString &reason) {
        if (why) *why = reason;
        return false;
    };
    if (!task(from)) return refuse(tr("there is no task '%1'").arg(from));
    if (from == to) return true;
    if (!isValidName(to)) return refuse(tr("'%1' is not a valid task name: use letters, digits, '_' and '-'").arg(to));
    if (task(to)) return refuse(tr("there is already a task named '%1'").arg(to));
    const bool mapRenames = !m_flow.parameter(from);
    FlowEdit edit;
    edit.renamedFrom = from;
    edit.renamedTo = to;
    for (const Task &t : m_flow.tasks) {
        const bool names = t.name == from || (mapRenames && t.mapOver == from) ||
                           std::any_of(t.after.begin(), t.after.end(), [&](const Dependency &d) { return d.upstream == from; });
        if (!names) continue;
        Task renamed = t;
        if (renamed.name == from) renamed.name = to;
        for (Dependency &d : renamed.after)
            if (d.upstream == from) d.upstream = to;
        if (mapRenames && renamed.mapOver == from) renamed.mapOver = to;
        edit.changed.emplace_back(t, std::move(renamed));
    }
    if (const auto at = positionOf(from)) {
        edit.setPosition(from, at, std::nullopt);
        edit.setPosition(to, positionOf(to), at);
    }
    pushEdit(edit, tr("Rename %1 to %2").arg(from, to));
    return true;
}

void FlowDocument::updateTask(const QString &name, const Task &changed, const QString &what) {
    const Task *current = task(name);
    if (!current) return;
    Task after = changed;
    after.name = name;
    FlowEdit edit;
    edit.changed.emplace_back(*current, std::move(after));
    pushEdit(edit, what.isEmpty() ? tr("Change %1").arg(name) : what);
}

bool FlowDocument::applySuggestion(const Diagnostic &problem) {
    if (problem.found.isEmpty() || problem.suggestion.isEmpty()) return false;
    if (problem.field == QLatin1String("after")) {
        const Task *current = task(problem.task);
        if (!current) return false;
        Task changed = *current;
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
    // A key Flowdeck does not know is not in the model: the fix is made in the text itself, in
    // the text the problem's location points into; the edits made since are patched in after.
    const QByteArray fixedSource = replaceWordAt(m_source, problem.location, problem.found, problem.suggestion);
    if (fixedSource.isEmpty()) return false;
    const QByteArray current = text();
    const QByteArray fixed =
        m_flow == m_sourceFlow ? fixedSource : patchFlowSource(fixedSource, m_sourceFlow, m_flow);
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
        if (task(it.key())) after.tasks.insert(it.key(), it.value());
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
    const Task *up = task(upstream);
    const Task *down = task(downstream);
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
    Task connected = *down;
    connected.after.push_back(dependency);
    FlowEdit edit;
    edit.changed.emplace_back(*down, std::move(connected));
    pushEdit(edit, tr("Connect %1 to %2").arg(dependency.toString(), downstream));
    return true;
}

void FlowDocument::disconnectTasks(const QString &upstream, const QString &downstream) {
    const Task *down = task(downstream);
    if (!down) return;
    Task cut = *down;
    cut.after.erase(std::remove_if(cut.after.begin(), cut.after.end(),
                                   [&](const Dependency &d) { return d.upstream == upstream; }),
                    cut.after.end());
    FlowEdit edit;
    edit.changed.emplace_back(*down, std::move(cut));
    pushEdit(edit, tr("Disconnect %1 from %2").arg(upstream, downstream));
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

namespace {

FlowEdit notesEdit(const std::vector<Note> &before, std::vector<Note> after) {
    FlowEdit edit;
    edit.notesBefore = before;
    edit.notesAfter = std::move(after);
    return edit;
}

FlowEdit groupsEdit(const std::vector<Group> &before, std::vector<Group> after) {
    FlowEdit edit;
    edit.groupsBefore = before;
    edit.groupsAfter = std::move(after);
    return edit;
}

}  // namespace

int FlowDocument::addNote(const Note &note) {
    std::vector<Note> after = m_flow.notes;
    after.push_back(note);
    pushEdit(notesEdit(m_flow.notes, std::move(after)), tr("Add note"));
    return int(m_flow.notes.size()) - 1;
}

void FlowDocument::updateNote(int index, const Note &note) {
    if (index < 0 || index >= int(m_flow.notes.size())) return;
    std::vector<Note> after = m_flow.notes;
    after[size_t(index)] = note;
    pushEdit(notesEdit(m_flow.notes, std::move(after)), tr("Edit note"));
}

int FlowDocument::addGroup(const Group &group) {
    std::vector<Group> after = m_flow.groups;
    after.push_back(group);
    pushEdit(groupsEdit(m_flow.groups, std::move(after)), tr("Add group %1").arg(group.title));
    return int(m_flow.groups.size()) - 1;
}

void FlowDocument::updateGroup(int index, const Group &group) {
    if (index < 0 || index >= int(m_flow.groups.size())) return;
    std::vector<Group> after = m_flow.groups;
    after[size_t(index)] = group;
    pushEdit(groupsEdit(m_flow.groups, std::move(after)), tr("Edit group %1").arg(group.title));
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
    FlowEdit edit;
    QHash<QString, QString> renamed;
    ItemSet added;
    QSet<QString> pasted;
    const auto taken = [&](const QString &name) { return task(name) || pasted.contains(name); };
    for (const Task &t : clip.flow.tasks) {
        const QString name = uniqueName(t.name, taken);
        pasted.insert(name);
        renamed.insert(t.name, name);
        added.tasks << name;
    }
    for (const Task &t : clip.flow.tasks) {
        Task copy = t;
        copy.name = renamed.value(t.name);
        std::vector<Dependency> kept;
        for (Dependency d : copy.after) {
            if (renamed.contains(d.upstream)) d.upstream = renamed.value(d.upstream);
            else if (!task(d.upstream)) continue;
            kept.push_back(d);
        }
        copy.after = kept;
        if (renamed.contains(copy.mapOver) && !clip.flow.parameter(copy.mapOver)) copy.mapOver = renamed.value(copy.mapOver);
        edit.added.push_back({int(m_flow.tasks.size() + edit.added.size()), std::move(copy)});
    }
    int row = 0;
    for (const Task &t : clip.flow.tasks) {
        const auto p = clip.flow.layout.constFind(t.name);
        const QPointF at = p != clip.flow.layout.constEnd() ? QPointF(p->x, p->y) : QPointF(0, 120.0 * row++);
        const QString name = renamed.value(t.name);
        edit.setPosition(name, positionOf(name), NodePosition{at.x() + offset.x(), at.y() + offset.y()});
    }
    if (!clip.flow.notes.empty()) {
        edit.notesBefore = m_flow.notes;
        edit.notesAfter = m_flow.notes;
        for (Note n : clip.flow.notes) {
            n.x += offset.x();
            n.y += offset.y();
            added.notes << int(edit.notesAfter->size());
            edit.notesAfter->push_back(n);
        }
    }
    if (!clip.flow.groups.empty()) {
        edit.groupsBefore = m_flow.groups;
        edit.groupsAfter = m_flow.groups;
        for (Group g : clip.flow.groups) {
            g.x += offset.x();
            g.y += offset.y();
            added.groups << int(edit.groupsAfter->size());
            edit.groupsAfter->push_back(g);
        }
    }
    pushEdit(edit, stepName(ItemVerb::Paste, added));
    return added;
}

// ----- applying edits ----------------------------------------------------------------------------

Diagnostics FlowDocument::readProblemsAfter(const FlowEdit &edit) const {
    QSet<QString> gone;
    for (const FlowEdit::Slot &slot : edit.removed) gone.insert(slot.task.name);
    QHash<QString, QStringList> stale;  // task -> keys whose value the edit replaces
    for (const auto &[before, after] : edit.changed) stale.insert(before.name, changedKeys(before, after));
    Diagnostics kept;
    for (Diagnostic d : m_readProblems) {
        if (!d.task.isEmpty() && gone.contains(d.task)) continue;
        // A value the reader refused (`timeout: 10x`) is replaced by the one the user set now.
        if (!d.field.isEmpty() && stale.value(d.task).contains(d.field)) continue;
        if (!edit.renamedFrom.isEmpty() && d.task == edit.renamedFrom) d.task = edit.renamedTo;
        kept.push_back(std::move(d));
    }
    return kept;
}

void FlowDocument::validateModel() const {
    m_problems = FlowFile::problemsOf(m_flow, m_readProblems, displayName());
    m_problemsStale = false;
    revalidate();
}

const Diagnostics &FlowDocument::problems() const {
    if (m_problemsStale) validateModel();
    return m_problems;
}

void FlowDocument::validateLater() {
    // Validating a 5,000-task flow takes longer than a frame: the edit is drawn first, and a
    // drag or typing that makes several edits before the loop runs validates once.
    m_problemsStale = true;
    if (std::exchange(m_validationQueued, true)) return;
    QTimer::singleShot(0, this, [this] {
        m_validationQueued = false;
        // Done already when someone asked for problems() meanwhile; the views are told anyway.
        if (m_problemsStale) validateModel();
        emit problemsChanged();
    });
}

void FlowDocument::applyEdit(const FlowEdit &edit, const Diagnostics &readProblems) {
    edit.apply(m_flow, m_index);
    m_readProblems = readProblems;
    m_text.clear();
    validateLater();

    // The same signals, in the same order, as a snapshot that differs by this edit would send.
    for (const FlowEdit::Slot &slot : edit.removed) emit taskRemoved(slot.task.name);
    if (!edit.renamedFrom.isEmpty()) emit taskRenamed(edit.renamedFrom, edit.renamedTo);
    QStringList added, changed, edges, moved;
    for (const FlowEdit::Slot &slot : edit.added) {
        emit taskAdded(slot.task.name);
        added << slot.task.name;
        edges << slot.task.name;
    }
    for (const auto &[before, after] : edit.changed) {
        if (before == after) continue;
        changed << after.name;
        if (before.name != after.name) {  // the rename told the views already
            edges << after.name;
            continue;
        }
        emit taskChanged(after.name);
        if (before.after != after.after || before.mapOver != after.mapOver) edges << after.name;
    }
    for (auto it = edit.layoutAfter.constBegin(); it != edit.layoutAfter.constEnd(); ++it)
        if (task(it.key()) && !(it.value() == edit.layoutBefore.value(it.key()))) moved << it.key();
    noteTouched(added, changed + moved);
    if (!edges.isEmpty()) emit edgesChanged(edges);
    if (!moved.isEmpty()) emit positionsChanged(moved);
    if (edit.notesAfter) emit notesChanged();
    if (edit.groupsAfter) emit groupsChanged();
}

// ----- applying snapshots ------------------------------------------------------------------------

void FlowDocument::applySnapshot(const QByteArray &yaml, const QString &renamedFrom, const QString &renamedTo) {
    const Flow before = std::move(m_flow);
    // Always read the text back: the flow and its problems are what the file holds, including
    // what only the reader sees (unknown keys, values it refused), at the lines they are on.
    LoadResult result = FlowFile::parse(yaml, displayName());
    m_flow = std::move(result.flow);
    m_index.rebuild(m_flow);
    m_problems = std::move(result.diagnostics);
    m_problemsStale = false;
    m_readProblems = std::move(result.readProblems);
    m_source = yaml;
    m_sourceFlow = m_flow;
    m_text = yaml;
    revalidate();
    announceDifferences(before, renamedFrom, renamedTo);
}

void FlowDocument::revalidate() const {
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
