#include "TaskProblems.h"

#include "ValidationMark.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowdeck {

TaskProblems::TaskProblems(QWidget *parent) : QWidget(parent), m_rows(new QVBoxLayout(this)) {
    m_rows->setContentsMargins(0, 0, 0, 4);
    m_rows->setSpacing(2);
    hide();
}

void TaskProblems::setProblems(const Diagnostics &problems) {
    if (problems.size() == m_problems.size() &&
        std::equal(problems.begin(), problems.end(), m_problems.begin(), [](const Diagnostic &a, const Diagnostic &b) {
            return a.message == b.message && a.location == b.location && a.suggestion == b.suggestion;
        }))
        return;
    m_problems = problems;
    qDeleteAll(m_rowWidgets);
    m_rowWidgets.clear();
    for (const Diagnostic &problem : m_problems) {
        auto *row = new QWidget(this);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        const QString where = problem.location.isKnown() ? tr("Line %1: ").arg(problem.location.line) : QString();
        auto *label = new QLabel(where + problem.message, row);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText, ValidationMark::errorColour(palette()));
        label->setPalette(pal);
        layout->addWidget(label, 1);
        if (!problem.suggestion.isEmpty()) {
            auto *fix = new QPushButton(tr("Rename to '%1'").arg(problem.suggestion), row);
            fix->setToolTip(tr("Rename the key '%1' to '%2' in the file").arg(problem.found, problem.suggestion));
            layout->addWidget(fix, 0, Qt::AlignTop);
            // Queued: the fix rebuilds these rows, and the button must not die inside its own click.
            connect(fix, &QPushButton::clicked, this, [this, problem] { emit fixRequested(problem); }, Qt::QueuedConnection);
        }
        m_rows->addWidget(row);
        m_rowWidgets << row;
    }
    setVisible(!m_problems.empty());
}

QString TaskProblems::text(int index) const {
    const auto *label = index >= 0 && index < m_rowWidgets.size() ? m_rowWidgets[index]->findChild<QLabel *>() : nullptr;
    return label ? label->text() : QString();
}

QAbstractButton *TaskProblems::fixButton(int index) const {
    return index >= 0 && index < m_rowWidgets.size() ? m_rowWidgets[index]->findChild<QPushButton *>() : nullptr;
}

}  // namespace flowdeck
