#include "TaskTree.h"

#include "ThemeColours.h"
#include "flow/FlowGraph.h"
#include "flow/Units.h"

#include <QHeaderView>
#include <QStyle>

#include <algorithm>

namespace flowdeck {

namespace {

// Long values would widen the spanned setting rows past any sensible window width.
QString elided(const QString &text, int maxChars = 80) {
    if (text.size() <= maxChars) return text;
    return text.left(maxChars - 1) + QChar(0x2026);
}

QString firstScriptLine(const QString &script) {
    const QStringList lines = script.split(QLatin1Char('\n'));
    QString first;
    int count = 0;
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty()) continue;
        if (first.isEmpty()) first = line.trimmed();
        ++count;
    }
    if (count > 1) return TaskTree::tr("%1 … (%n lines)", nullptr, count).arg(elided(first));
    return elided(first);
}

QString afterText(const Task &task) {
    QStringList parts;
    for (const Dependency &dependency : task.after) parts << dependency.toString();
    return parts.join(QStringLiteral(", "));
}

QString retryDelayText(const RetryDelay &delay) {
    QStringList parts;
    for (double seconds : delay.seconds) parts << formatDuration(seconds);
    if (delay.mode == RetryDelay::Mode::Exponential)
        return TaskTree::tr("exponential from %1").arg(parts.value(0));
    return parts.join(QStringLiteral(", "));
}

QString envText(const std::vector<EnvVar> &env) {
    QStringList parts;
    for (const EnvVar &var : env) {
        // Secrets never reach the screen: a screenshot or a screen share must not leak them.
        const QString value = var.secret ? QStringLiteral("***") : elided(var.value, 30);
        parts << var.name + QLatin1Char('=') + value;
    }
    return parts.join(QStringLiteral(", "));
}

QString cacheText(const CacheSettings &cache) {
    QString text = toString(cache.policy);
    if (cache.expirationSeconds)
        text += TaskTree::tr(", expires after %1").arg(formatDuration(*cache.expirationSeconds));
    if (cache.refresh) text += TaskTree::tr(", refresh");
    return text;
}

// The setting rows' names: their keys go through tr() when shown (translations name them in
// words; the key itself stays in SettingRole).
[[maybe_unused]] const char *const settingNames[] = {
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "script"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "flow"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "parameters"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "seconds"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "map"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "retry delay"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "retry jitter"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "env"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "cache"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "workdir"),
    QT_TRANSLATE_NOOP("flowdeck::TaskTree", "description"),
};

QString mapText(const QVariantMap &map) {
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    return parts.join(QStringLiteral(", "));
}

// The worst severity among the diagnostics about one task, if any.
std::optional<Severity> worstSeverity(const QString &task, const Diagnostics &diagnostics) {
    std::optional<Severity> worst;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.task != task) continue;
        if (diagnostic.severity == Severity::Error) return Severity::Error;
        worst = Severity::Warning;
    }
    return worst;
}

}  // namespace

TaskTree::TaskTree(QWidget *parent) : QTreeWidget(parent) {
    setColumnCount(ColumnCount);
    setHeaderLabels(
        {tr("Task"), tr("Kind"), tr("After"), tr("Trigger"), tr("Retries"), tr("Timeout"), tr("Tags")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setSortingEnabled(false);  // the order is the run order; sorting would hide it
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setMinimumSectionSize(48);
}

std::vector<const Task *> TaskTree::displayOrder(const Flow &flow) {
    std::vector<const Task *> ordered;
    std::vector<bool> used(flow.tasks.size(), false);
    const auto take = [&](const QString &name) {
        for (size_t i = 0; i < flow.tasks.size(); ++i) {
            if (!used[i] && flow.tasks[i].name == name) {
                used[i] = true;
                ordered.push_back(&flow.tasks[i]);
                return;
            }
        }
    };
    if (const auto names = FlowGraph(flow).topologicalOrder()) {
        for (const QString &name : *names) take(name);
    }
    // Whatever the order left out (a cycle, a duplicate name) still shows, in file order.
    for (size_t i = 0; i < flow.tasks.size(); ++i) {
        if (!used[i]) ordered.push_back(&flow.tasks[i]);
    }
    return ordered;
}

void TaskTree::showFlow(const Flow &flow, const Diagnostics &diagnostics) {
    clear();
    QList<QTreeWidgetItem *> items;
    for (const Task *task : displayOrder(flow)) items << createTaskItem(*task, diagnostics);
    addTopLevelItems(items);
    fitColumns();
    for (QTreeWidgetItem *item : items)
        for (int i = 0; i < item->childCount(); ++i) item->child(i)->setFirstColumnSpanned(true);
}

QTreeWidgetItem *TaskTree::createTaskItem(const Task &task, const Diagnostics &diagnostics) const {
    auto *item = new QTreeWidgetItem;
    item->setText(NameColumn, task.name);
    item->setData(NameColumn, TaskNameRole, task.name);
    item->setText(KindColumn, toString(task.kind));
    item->setText(AfterColumn, afterText(task));
    item->setText(TriggerColumn, toString(task.trigger));
    if (task.trigger == TriggerRule::AllSuccess)  // the default: present, but not competing for attention
        item->setForeground(TriggerColumn, dimmedText());
    item->setText(RetriesColumn, task.retries > 0 ? QString::number(task.retries) : QString());
    item->setText(TimeoutColumn, task.timeoutSeconds ? formatDuration(*task.timeoutSeconds) : QString());
    item->setText(TagsColumn, task.tags.join(QStringLiteral(", ")));
    // A narrow dock cuts columns: each cell's tooltip has its whole text.
    for (int column = KindColumn; column < ColumnCount; ++column) item->setToolTip(column, item->text(column));
    item->setToolTip(NameColumn, task.description.isEmpty()
                                     ? task.name
                                     : QStringLiteral("%1 \u2014 %2").arg(task.name, task.description));
    if (const auto severity = worstSeverity(task.name, diagnostics)) {
        const auto icon =
            *severity == Severity::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning;
        item->setIcon(NameColumn, style()->standardIcon(icon));
    }
    addSettingRows(item, task);
    return item;
}

void TaskTree::addSettingRows(QTreeWidgetItem *item, const Task &task) const {
    if (!task.script.isEmpty()) {
        const bool python = task.kind == TaskKind::Branch && task.language == ScriptLanguage::Python;
        const QString line = firstScriptLine(task.script);
        addSettingRow(item, QStringLiteral("script"), python ? QStringLiteral("(python) ") + line : line);
    }
    if (task.kind == TaskKind::Subflow) {
        addSettingRow(item, QStringLiteral("flow"), task.subflow);
        if (!task.subflowParameters.isEmpty())
            addSettingRow(item, QStringLiteral("parameters"), elided(mapText(task.subflowParameters)));
    }
    if (task.kind == TaskKind::Sleep)
        addSettingRow(item, QStringLiteral("seconds"), formatDuration(task.sleepSeconds));
    if (task.isMapped()) addSettingRow(item, QStringLiteral("map"), task.mapOver);
    if (task.retries > 0 && !task.retryDelay.isDefault())
        addSettingRow(item, QStringLiteral("retry delay"), retryDelayText(task.retryDelay));
    if (task.retryJitter > 0)
        addSettingRow(item, QStringLiteral("retry jitter"), QString::number(task.retryJitter));
    if (!task.env.empty()) addSettingRow(item, QStringLiteral("env"), elided(envText(task.env), 120));
    if (task.cache.enabled) addSettingRow(item, QStringLiteral("cache"), cacheText(task.cache));
    if (!task.workdir.isEmpty()) addSettingRow(item, QStringLiteral("workdir"), task.workdir);
    if (!task.description.isEmpty())
        addSettingRow(item, QStringLiteral("description"), elided(task.description, 120));
}

void TaskTree::addSettingRow(QTreeWidgetItem *item, const QString &key, const QString &value) const {
    auto *row = new QTreeWidgetItem(item);
    row->setText(NameColumn,
                 tr("%1: %2", "a setting row: its name and value").arg(tr(key.toUtf8().constData()), value));
    row->setData(NameColumn, SettingRole, key);
    row->setForeground(NameColumn, dimmedText());
}

void TaskTree::fitColumns() {
    // Sized to the visible rows (setting rows span all columns and do not count), within bounds,
    // so short flows need no horizontal scrolling and one long name cannot push the rest away.
    for (int column = NameColumn; column < TagsColumn; ++column) {
        const int fitted = std::max(sizeHintForColumn(column), header()->sectionSizeHint(column));
        setColumnWidth(column, std::min(fitted + 12, 320));
    }
}

QBrush TaskTree::dimmedText() const {
    // Quieter than the task rows, yet readable (placeholder grey is too faint for content).
    return mutedText(palette());
}

QTreeWidgetItem *TaskTree::taskItem(const QString &name) const {
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = topLevelItem(i);
        if (item->data(NameColumn, TaskNameRole).toString() == name) return item;
    }
    return nullptr;
}

bool TaskTree::selectTask(const QString &name) {
    QTreeWidgetItem *item = taskItem(name);
    if (!item) return false;
    setCurrentItem(item);
    item->setExpanded(true);
    scrollToItem(item);
    return true;
}

}  // namespace flowdeck
