#include "workspace/RunComparison.h"

#include "store/RunStore.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace flowdeck {

namespace {

double seconds(const TaskRunRecord &t) {
    return t.startMs > 0 && t.endMs >= t.startMs ? (t.endMs - t.startMs) / 1000.0 : 0;
}

/// A run's task runs by task (each task's own row; a mapped task's items are its details).
std::map<QString, TaskRunRecord> tasksOf(const RunStore &store, const QString &runId) {
    std::map<QString, TaskRunRecord> tasks;
    for (TaskRunRecord &t : store.taskRuns(runId))
        if (t.mapIndex < 0) tasks[t.task] = std::move(t);
    return tasks;
}

/// Reads one task's log a page at a time, line by line.
class LogCursor {
public:
    LogCursor(const RunStore &store, const QString &runId, const QString &task) : m_store(store), m_run(runId) {
        m_query.task = task;
        m_query.limit = 2000;
    }
    /// The next line's text; false at the end.
    bool next(QString *text) {
        if (m_at == m_page.size()) {
            if (m_done) return false;
            m_page = m_store.logs(m_run, m_query);
            m_at = 0;
            if (m_page.empty()) {
                m_done = true;
                return false;
            }
            m_query.afterId = m_page.back().id;
            m_done = int(m_page.size()) < m_query.limit;
        }
        *text = m_page[m_at++].line.text;
        return true;
    }

private:
    const RunStore &m_store;
    QString m_run;
    LogQuery m_query;
    std::vector<StoredLogLine> m_page;
    size_t m_at = 0;
    bool m_done = false;
};

void firstDifference(const RunStore &store, const QString &left, const QString &right, int maxLines, TaskDifference &d) {
    LogCursor a(store, left, d.task), b(store, right, d.task);
    for (qint64 line = 1; line <= maxLines; ++line) {
        QString textA, textB;
        const bool hasA = a.next(&textA), hasB = b.next(&textB);
        if (!hasA && !hasB) return;
        if (hasA && hasB && textA == textB) continue;
        d.firstDifferentLine = line;
        d.leftLine = textA;
        d.rightLine = textB;
        return;
    }
}

/// How much a task changed, for the order: a state change outweighs any duration.
double change(const TaskDifference &d) {
    return (d.stateChanged() ? 1e12 : 0) + std::abs(d.rightSeconds - d.leftSeconds) +
           (d.firstDifferentLine > 0 ? 1e-3 : 0);
}

}  // namespace

RunComparison compareRuns(const RunStore &store, const QString &left, const QString &right, int maxLogLines) {
    RunComparison c;
    const auto a = store.run(left), b = store.run(right);
    if (!a || !b) {
        c.error = QStringLiteral("no run '%1' (give a full id or a unique prefix of at least 4 characters)")
                      .arg(!a ? left : right);
        return c;
    }
    c.left = *a;
    c.right = *b;
    c.left.flowSnapshot.clear();
    c.right.flowSnapshot.clear();
    QStringList names = a->parameters.keys() + b->parameters.keys();
    names.removeDuplicates();
    names.sort();
    for (const QString &name : names) {
        ParameterDifference p;
        p.name = name;
        p.left = a->parameters.value(name);
        p.right = b->parameters.value(name);
        p.differs = a->parameters.contains(name) != b->parameters.contains(name) || p.left != p.right;
        c.parameters.push_back(p);
    }
    const auto leftTasks = tasksOf(store, a->id), rightTasks = tasksOf(store, b->id);
    QSet<QString> tasks;
    for (const auto &[name, t] : leftTasks) tasks.insert(name);
    for (const auto &[name, t] : rightTasks) tasks.insert(name);
    for (const QString &name : tasks) {
        TaskDifference d;
        d.task = name;
        if (const auto it = leftTasks.find(name); it != leftTasks.end()) {
            d.inLeft = true;
            d.leftState = it->second.state;
            d.leftAttempts = it->second.attempts;
            d.leftSeconds = seconds(it->second);
        }
        if (const auto it = rightTasks.find(name); it != rightTasks.end()) {
            d.inRight = true;
            d.rightState = it->second.state;
            d.rightAttempts = it->second.attempts;
            d.rightSeconds = seconds(it->second);
        }
        firstDifference(store, a->id, b->id, maxLogLines, d);
        c.tasks.push_back(d);
    }
    std::sort(c.tasks.begin(), c.tasks.end(), [](const TaskDifference &x, const TaskDifference &y) {
        const double cx = change(x), cy = change(y);
        return cx != cy ? cx > cy : x.task < y.task;
    });
    return c;
}

}  // namespace flowdeck
