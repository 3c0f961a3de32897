#include "ValidationMark.h"

#include <QFormLayout>
#include <QEvent>
#include <QLabel>
#include <QHBoxLayout>
#include <QPalette>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidget>

#include <algorithm>

namespace flowdeck {

namespace {

const char *invalidProperty = "flowdeckInvalid";

// A wrapped message asks for the height its lines need at the width it got. Layouts that do not
// ask for a height for each width (a form in a scroll area: its minimum size is computed
// without) gave it one line's height, and the wrapped text was cut at top and bottom.
class MessageLabel : public QLabel {
public:
    explicit MessageLabel(QWidget *parent) : QLabel(parent) {
        setWordWrap(true);
        setAlignment(Qt::AlignLeft | Qt::AlignTop);
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);  // the field's width, not the text's
    }

protected:
    void resizeEvent(QResizeEvent *event) override {
        QLabel::resizeEvent(event);
        fitHeight();
    }
    void changeEvent(QEvent *event) override {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::FontChange) fitHeight();
    }

public:
    /// The height the wrapped text needs at @p width. Not QLabel::heightForWidth, which never
    /// answers less than the minimum height set here: the label could then grow but not shrink.
    int neededHeight(int width) const {
        const QMargins margins = contentsMargins();
        const int room = std::max(1, width - margins.left() - margins.right() - 2 * margin());
        const QRect text = fontMetrics().boundingRect(QRect(0, 0, room, 1 << 20), Qt::TextWordWrap, this->text());
        return text.height() + margins.top() + margins.bottom() + 2 * margin();
    }
    void fitHeight() {
        if (text().isEmpty()) return;
        const int needed = neededHeight(width());
        if (needed != minimumHeight()) setMinimumHeight(needed);
    }
};

}  // namespace

QColor ValidationMark::errorColour(const QPalette &palette) {
    const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    return QColor::fromHslF(0.0f, 0.75f, dark ? 0.65f : 0.42f);
}

QLabel *ValidationMark::addRow(QFormLayout *form, const QString &label, QWidget *editor, QWidget **cell) {
    auto *holder = new QWidget;
    auto *layout = new QVBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(editor);
    auto *message = new MessageLabel(holder);
    message->hide();
    layout->addWidget(message);
    auto *labelWidget = new QLabel(label);
    labelWidget->setBuddy(editor);
    form->addRow(labelWidget, holder);
    if (cell) *cell = holder;
    return message;
}

void ValidationMark::show(QWidget *field, QLabel *message, const QString &error) {
    const bool invalid = !error.isEmpty();
    if (field && field->property(invalidProperty).toBool() != invalid) {
        field->setProperty(invalidProperty, invalid);
        // A style sheet on the one field only (selected by object name, so that children of a
        // composite field keep theirs); the rest of the form keeps the native style.
        if (field->objectName().isEmpty())
            field->setObjectName(QStringLiteral("field%1").arg(quintptr(field)));
        field->setStyleSheet(invalid ? QStringLiteral("#%1 { border: 2px solid %2; border-radius: 3px; }")
                                           .arg(field->objectName(), errorColour(field->palette()).name())
                                     : QString());
    }
    if (field) field->setToolTip(error);
    if (!message) return;
    QPalette pal = message->palette();
    pal.setColor(QPalette::WindowText, errorColour(message->palette()));
    message->setPalette(pal);
    message->setText(error);
    if (auto *wrapped = dynamic_cast<MessageLabel *>(message)) wrapped->fitHeight();
    message->setVisible(invalid);
}

bool ValidationMark::isMarked(const QWidget *field) {
    return field && field->property(invalidProperty).toBool();
}

void ValidationMark::setStatus(QLabel *line, const QString &text, bool error) {
    line->setText(text);
    QPalette p = line->palette();
    const QPalette normal = line->parentWidget() ? line->parentWidget()->palette() : line->palette();
    p.setColor(QPalette::WindowText, error ? errorColour(normal) : normal.color(QPalette::WindowText));
    line->setPalette(p);
}

EditableTable withAddRemoveButtons(QWidget *table, int visibleRows) {
    EditableTable out;
    out.host = new QWidget;
    auto *layout = new QVBoxLayout(out.host);
    layout->setContentsMargins(0, 0, 0, 0);
    table->setMinimumHeight(table->fontMetrics().height() * visibleRows);
    out.add = new QToolButton;
    out.add->setText(QObject::tr("Add"));
    out.remove = new QToolButton;
    out.remove->setText(QObject::tr("Remove"));
    out.buttons = new QHBoxLayout;
    out.buttons->addWidget(out.add);
    out.buttons->addWidget(out.remove);
    out.buttons->addStretch(1);
    layout->addWidget(table);
    layout->addLayout(out.buttons);
    return out;
}

}  // namespace flowdeck
