#include "ProblemList.h"

#include <QStyle>

namespace flowdeck {

ProblemList::ProblemList(QWidget *parent) : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    // Message-box icons are 32px; at that size five problems fill the dock.
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    setIconSize(QSize(icon, icon));
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString task = item->data(TaskRole).toString();
        if (!task.isEmpty()) emit taskActivated(task);
        emit problemActivated(task, item->data(FieldRole).toString());
    });
}

void ProblemList::showDiagnostics(const Diagnostics &diagnostics, const flowdeck::Flow &flow) {
    clear();
    m_errors = 0;
    Diagnostics sorted = diagnostics;
    sortByLocation(sorted);
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const Diagnostic &diagnostic : sorted) {
        const bool error = diagnostic.severity == Severity::Error;
        m_errors += error ? 1 : 0;
        auto *item = new QListWidgetItem(error ? errorIcon : warningIcon, diagnostic.toString(), this);
        const QString task = taskOf(diagnostic, flow);
        item->setData(TaskRole, task);
        item->setData(FieldRole, diagnostic.field);
        item->setToolTip(task.isEmpty() ? diagnostic.message
                                        : tr("Task '%1': %2").arg(task, diagnostic.message));
    }
}

void ProblemList::showError(const QString &message) {
    clear();
    m_errors = 1;
    auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical), message, this);
    item->setToolTip(message);
}

QString ProblemList::taskOf(const Diagnostic &diagnostic, const flowdeck::Flow &flow) {
    if (!diagnostic.task.isEmpty() || !diagnostic.location.isKnown()) return diagnostic.task;
    // Some loader messages (a bad value) name a place but no task; the source map knows whose it is.
    const QString prefix = QStringLiteral("tasks.");
    for (auto it = flow.sourceMap.cbegin(); it != flow.sourceMap.cend(); ++it) {
        if (it.value() == diagnostic.location && it.key().startsWith(prefix)) {
            const QString name = it.key().mid(prefix.size()).section(QLatin1Char('.'), 0, 0);
            if (flow.task(name)) return name;
        }
    }
    return QString();
}

}  // namespace flowdeck
