#include "TaskPalette.h"

#include "PaletteList.h"
#include "ThemeColours.h"
#include "editor/KindStyle.h"
#include "editor/TaskTemplates.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

// @p palette: the palette's own, which is current during a theme change before the list's is.
QListWidgetItem *header(const QString &text, QListWidget *list, const QPalette &palette) {
    auto *item = new QListWidgetItem(text, list);
    QFont bold = list->font();
    bold.setBold(true);
    item->setFont(bold);
    item->setFlags(Qt::ItemIsEnabled);  // not selectable, not draggable
    item->setForeground(mutedText(palette));
    return item;
}

}  // namespace

TaskPalette::TaskPalette(QWidget *parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_list(new PaletteList(this)) {
    m_filter->setPlaceholderText(tr("Filter tasks and snippets"));
    m_filter->setClearButtonEnabled(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &TaskPalette::fill);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        const QStringList ids = visibleIds();
        if (!ids.isEmpty()) emit templateActivated(ids.first());
    });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString id = item->data(PaletteList::TemplateIdRole).toString();
        if (!id.isEmpty()) emit templateActivated(id);
    });
    fill();
}

std::optional<TaskTemplate> TaskPalette::templateFor(const QString &templateId) {
    // The id is the title, which is what the canvas's drop handling and Quick-Add look up too.
    for (const TaskTemplate &t : TaskTemplates::all())
        if (t.title == templateId) return t;
    return std::nullopt;
}

std::optional<Task> TaskPalette::taskFor(const QString &templateId) {
    const std::optional<TaskTemplate> templ = templateFor(templateId);
    return templ ? std::optional<Task>(templ->task) : std::nullopt;
}

void TaskPalette::fill() {
    m_list->clear();
    const auto &all = TaskTemplates::all();
    const std::vector<TaskTemplate> shown = TaskTemplates::matching(m_filter->text());
    auto isShown = [&](const TaskTemplate &t) {
        return std::any_of(shown.begin(), shown.end(),
                           [&](const TaskTemplate &s) { return s.title == t.title; });
    };
    for (bool snippets : {false, true}) {
        QListWidgetItem *section = nullptr;
        for (int i = 0; i < int(all.size()); ++i) {
            const TaskTemplate &t = all[size_t(i)];
            if (t.snippet != snippets || !isShown(t)) continue;
            if (!section) section = header(snippets ? tr("Snippets") : tr("Task kinds"), m_list, palette());
            auto *item = new QListWidgetItem(KindStyle::icon(t.task.kind), t.title, m_list);
            item->setToolTip(t.description + QStringLiteral("\n") +
                             tr("Drag onto the canvas, or double-click to add"));
            item->setData(PaletteList::TemplateIdRole, t.title);
        }
    }
}

void TaskPalette::setFilter(const QString &text) {
    m_filter->setText(text);
}

void TaskPalette::focusFilter() {
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

QStringList TaskPalette::visibleIds() const {
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row) {
        const QString id = m_list->item(row)->data(PaletteList::TemplateIdRole).toString();
        if (!id.isEmpty()) ids << id;
    }
    return ids;
}

void TaskPalette::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) fill();  // icons follow the theme
}

}  // namespace flowdeck
