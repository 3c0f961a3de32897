#include "runs/RunCompareView.h"

#include "runs/RunStateColours.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace flowdeck {

namespace {

QString shortId(const QString &id) {
    return id.left(8);
}

/// A parameter value as the runs table writes it; a dash where the run has no such parameter.
QString valueText(const QVariant &v) {
    if (!v.isValid()) return RunCompareView::tr("\u2014 (not set)");
    if (v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QVariantMap)
        return QString::fromUtf8(QJsonDocument::fromVariant(v).toJson(QJsonDocument::Compact));
    return v.toString();
}

/// The soft background of what differs; it reads under light and dark text.
QColor differenceBackground() {
    return QColor(255, 179, 0, 70);
}

QTableWidgetItem *cell(const QString &text, bool differs = false) {
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setToolTip(text);
    if (differs) {
        item->setBackground(differenceBackground());
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
    }
    return item;
}

QTableWidgetItem *stateCell(bool ran, RunState state, bool differs) {
    QTableWidgetItem *item =
        cell(ran ? stateText(state) : RunCompareView::tr("\u2014 (no task run)"), differs);
    if (ran) item->setForeground(stateColour(state));
    return item;
}

QString secondsText(bool ran, double seconds) {
    return ran ? durationText(qint64(std::llround(seconds * 1000))) : QString();
}

/// "+1.2 s" or "\u22120.4 s"; empty when the task did not run in both.
QString changeText(const TaskDifference &d) {
    if (!d.inLeft || !d.inRight) return {};
    const qint64 ms = std::llround((d.rightSeconds - d.leftSeconds) * 1000);
    if (ms == 0) return QStringLiteral("\u00b10");
    return (ms > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + durationText(std::abs(ms));
}

QString logText(const TaskDifference &d) {
    if (d.firstDifferentLine == 0) return {};
    const auto side = [](const QString &line) {
        return line.isEmpty() ? RunCompareView::tr("(log ended)")
                              : QStringLiteral("\u201c%1\u201d").arg(line);
    };
    return RunCompareView::tr("line %1: %2 \u2260 %3")
        .arg(d.firstDifferentLine)
        .arg(side(d.leftLine), side(d.rightLine));
}

QTableWidget *makeTable(QWidget *parent, const QString &name, const QStringList &headers) {
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

}  // namespace

RunCompareView::RunCompareView(QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_parameters =
        makeTable(split, QStringLiteral("compareParameters"), {tr("Parameter"), tr("Left"), tr("Right")});
    m_tasks = makeTable(split, QStringLiteral("compareTasks"),
                        {tr("Task"), tr("Left state"), tr("Right state"), tr("Left duration"),
                         tr("Right duration"), tr("Change"), tr("First differing log line")});
    split->addWidget(m_parameters);
    split->addWidget(m_tasks);
    // Flows have a few parameters and many tasks.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
}

bool RunCompareView::compare(const RunStore &store, const QString &left, const QString &right) {
    m_comparison = compareRuns(store, left, right);
    setWindowTitle(
        tr("Compare runs %1 and %2").arg(shortId(m_comparison.left.id), shortId(m_comparison.right.id)));
    showSummary();
    showParameters();
    showTasks();
    return m_comparison.error.isEmpty();
}

void RunCompareView::showSummary() {
    const RunComparison &c = m_comparison;
    if (!c.error.isEmpty()) {
        m_summary->setText(c.error);
        return;
    }
    const auto runText = [](const FlowRunRecord &r) {
        return tr("run %1 of %2: %3, %4, %5")
            .arg(shortId(r.id), r.flowName, stateText(r.state), timeText(r.createdMs),
                 durationText(r.endMs - r.startMs));
    };
    int parameters = 0, states = 0, logs = 0;
    for (const ParameterDifference &p : c.parameters) parameters += p.differs;
    for (const TaskDifference &t : c.tasks) {
        states += t.stateChanged();
        logs += t.firstDifferentLine > 0;
    }
    m_summary->setText(
        tr("<b>Left</b> %1<br><b>Right</b> %2<br>%3 of %4 parameters differ \u00b7 %5 of %6 tasks "
           "changed state \u00b7 the logs of %7 differ")
            .arg(runText(c.left).toHtmlEscaped(), runText(c.right).toHtmlEscaped())
            .arg(parameters)
            .arg(c.parameters.size())
            .arg(states)
            .arg(c.tasks.size())
            .arg(logs == 1 ? tr("1 task") : tr("%n tasks", nullptr, int(logs))));
}

void RunCompareView::showParameters() {
    const RunComparison &c = m_comparison;
    m_parameters->setRowCount(0);
    m_parameters->setHorizontalHeaderLabels({tr("Parameter"), tr("Left (%1)").arg(shortId(c.left.id)),
                                             tr("Right (%1)").arg(shortId(c.right.id))});
    m_parameters->setRowCount(int(c.parameters.size()));
    for (int row = 0; row < int(c.parameters.size()); ++row) {
        const ParameterDifference &p = c.parameters[size_t(row)];
        QTableWidgetItem *nameItem = cell(p.name, p.differs);
        nameItem->setData(DiffersRole, p.differs);
        m_parameters->setItem(row, ParameterName, nameItem);
        m_parameters->setItem(row, ParameterLeft, cell(valueText(p.left), p.differs));
        m_parameters->setItem(row, ParameterRight, cell(valueText(p.right), p.differs));
    }
    m_parameters->resizeColumnsToContents();
}

void RunCompareView::showTasks() {
    const RunComparison &c = m_comparison;
    m_tasks->setRowCount(0);
    m_tasks->setRowCount(int(c.tasks.size()));
    // In compareRuns()'s order: changed states first, then by how much the duration changed.
    for (int row = 0; row < int(c.tasks.size()); ++row) {
        const TaskDifference &d = c.tasks[size_t(row)];
        const bool changed = d.stateChanged();
        QTableWidgetItem *nameItem = cell(d.task, changed);
        nameItem->setData(DiffersRole, changed);
        m_tasks->setItem(row, TaskName, nameItem);
        m_tasks->setItem(row, LeftState, stateCell(d.inLeft, d.leftState, changed));
        m_tasks->setItem(row, RightState, stateCell(d.inRight, d.rightState, changed));
        m_tasks->setItem(row, LeftDuration, cell(secondsText(d.inLeft, d.leftSeconds)));
        m_tasks->setItem(row, RightDuration, cell(secondsText(d.inRight, d.rightSeconds)));
        m_tasks->setItem(row, DurationChange, cell(changeText(d)));
        m_tasks->setItem(row, FirstLogDifference, cell(logText(d), d.firstDifferentLine > 0));
    }
    m_tasks->resizeColumnsToContents();
}

}  // namespace flowdeck
