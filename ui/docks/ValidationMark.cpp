#include "ValidationMark.h"

#include <QFormLayout>
#include <QLabel>
#include <QPalette>
#include <QVBoxLayout>
#include <QWidget>

namespace flowdeck {

namespace {
const char *invalidProperty = "flowdeckInvalid";
}

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
    auto *message = new QLabel(holder);
    message->setWordWrap(true);
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
    message->setVisible(invalid);
}

bool ValidationMark::isMarked(const QWidget *field) {
    return field && field->property(invalidProperty).toBool();
}

}  // namespace flowdeck
