#include "runs/ParameterDialog.h"

#include "flow/FlowValidator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace flowdeck {

namespace {

// The arrows and the wheel stay within the parameter's range; typing may leave it, so that a
// value the run would refuse is shown with the engine's message rather than silently clamped.
// The box's lowest value stands for "no value yet" (a parameter without a default).
class BoundedSpinBox : public QSpinBox {
public:
    BoundedSpinBox(const Parameter &p, QWidget *parent) : QSpinBox(parent), m_p(p) {
        setRange(INT_MIN, INT_MAX);
        setSpecialValueText(QStringLiteral(" "));
        setAccelerated(true);
    }
    void stepBy(int steps) override {
        if (value() == minimum()) {  // from "no value": to the range's start
            setValue(m_p.minimum ? int(std::ceil(*m_p.minimum)) : 0);
            return;
        }
        double next = double(value()) + double(steps) * singleStep();
        if (m_p.minimum) next = std::max(next, std::ceil(*m_p.minimum));
        if (m_p.maximum) next = std::min(next, std::floor(*m_p.maximum));
        setValue(int(std::clamp(next, double(INT_MIN + 1), double(INT_MAX))));
    }

private:
    Parameter m_p;
};

class BoundedDoubleSpinBox : public QDoubleSpinBox {
public:
    static constexpr double noValue = -1e300;
    BoundedDoubleSpinBox(const Parameter &p, QWidget *parent) : QDoubleSpinBox(parent), m_p(p) {
        setDecimals(12);
        setRange(noValue, 1e300);
        setSpecialValueText(QStringLiteral(" "));
    }
    // Plain numbers ("0.25", not "0.250000000000"), as the flow file writes them.
    QString textFromValue(double v) const override { return QString::number(v, 'g', 15); }
    void stepBy(int steps) override {
        if (value() == minimum()) {
            setValue(m_p.minimum.value_or(0));
            return;
        }
        double next = value() + steps * singleStep();
        if (m_p.minimum) next = std::max(next, *m_p.minimum);
        if (m_p.maximum) next = std::min(next, *m_p.maximum);
        setValue(next);
    }

private:
    Parameter m_p;
};

QString shownValue(const QVariant &v) {
    if (v.typeId() == QMetaType::QString) return v.toString();
    const QJsonDocument doc = QJsonDocument::fromVariant(QVariantList{v});
    QString text = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    return text.mid(1, text.size() - 2);  // the value alone, without the list around it
}

QString jsonText(const QVariant &v) {
    if (!v.isValid()) return {};
    return QString::fromUtf8(QJsonDocument::fromVariant(v).toJson(QJsonDocument::Compact));
}

QString typeText(const Parameter &p) {
    QString text = toString(p.type);
    if (p.minimum && p.maximum)
        text += ParameterDialog::tr(", %1 to %2")
                    .arg(QLocale().toString(*p.minimum), QLocale().toString(*p.maximum));
    else if (p.minimum)
        text += ParameterDialog::tr(", at least %1").arg(QLocale().toString(*p.minimum));
    else if (p.maximum)
        text += ParameterDialog::tr(", at most %1").arg(QLocale().toString(*p.maximum));
    if (p.type == ParameterType::List) text += ParameterDialog::tr(", JSON or words separated by commas");
    if (p.type == ParameterType::Map) text += ParameterDialog::tr(", JSON");
    return text;
}

}  // namespace

ParameterDialog::ParameterDialog(const Flow &flow, const QVariantMap &initial, QWidget *parent) : QDialog(parent) {
    setObjectName(QStringLiteral("parameterDialog"));
    setWindowTitle(tr("Run %1").arg(flow.name));
    auto *layout = new QVBoxLayout(this);
    auto *intro = m_intro = new QLabel(flow.parameters.empty() ? tr("%1 has no parameters.").arg(flow.name)
                                                     : tr("Values for this run of %1:").arg(flow.name),
                             this);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(form);
    m_rows.reserve(flow.parameters.size());
    for (const Parameter &p : flow.parameters) {
        Row &row = m_rows.emplace_back();
        row.parameter = p;
        const QVariant start = initial.contains(p.name) ? initial.value(p.name) : p.defaultValue;
        row.field = makeField(row, start);
        row.field->setObjectName(p.name);
        row.field->setToolTip(p.description);
        auto *box = new QWidget(this);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->setSpacing(2);
        boxLayout->addWidget(row.field);
        auto *hint = new QLabel(p.description.isEmpty() ? typeText(p) : QStringLiteral("%1 (%2)").arg(p.description, typeText(p)), box);
        // One line each: a wrapped label inside a form row was cut off (the form does not ask
        // the box for its height at its width).
        hint->setEnabled(false);  // the palette's muted text
        boxLayout->addWidget(hint);
        row.problem = new QLabel(box);
        row.problem->setObjectName(p.name + QStringLiteral(".problem"));
        row.problem->setStyleSheet(QStringLiteral("color: #c62828;"));
        row.problem->hide();
        boxLayout->addWidget(row.problem);
        form->addRow(QStringLiteral("%1:").arg(p.name), box);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_run = buttons->button(QDialogButtonBox::Ok);
    m_run->setText(tr("&Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    revalidate();
}

QWidget *ParameterDialog::makeField(Row &row, const QVariant &initial) {
    const Parameter &p = row.parameter;
    if (!p.allowed.isEmpty()) {
        auto *combo = new QComboBox(this);
        if (!initial.isValid()) combo->addItem(tr("(choose a value)"), QVariant());
        for (const QVariant &v : p.allowed) combo->addItem(shownValue(v), v);
        const int at = initial.isValid() ? combo->findData(initial) : 0;
        combo->setCurrentIndex(std::max(0, at));
        connect(combo, &QComboBox::currentIndexChanged, this, &ParameterDialog::revalidate);
        row.value = [combo](QString *) { return combo->currentData(); };
        return combo;
    }
    switch (p.type) {
    case ParameterType::Bool: {
        auto *check = new QCheckBox(tr("yes"), this);
        check->setTristate(!initial.isValid());  // half-checked: no value chosen yet
        check->setCheckState(!initial.isValid() ? Qt::PartiallyChecked : initial.toBool() ? Qt::Checked : Qt::Unchecked);
        connect(check, &QCheckBox::stateChanged, this, [this, check] {
            if (check->checkState() != Qt::PartiallyChecked) check->setTristate(false);
            revalidate();
        });
        row.value = [check](QString *) {
            return check->checkState() == Qt::PartiallyChecked ? QVariant() : QVariant(check->isChecked());
        };
        return check;
    }
    case ParameterType::Int: {
        auto *spin = new BoundedSpinBox(p, this);
        spin->setValue(initial.isValid() ? int(std::clamp<qlonglong>(initial.toLongLong(), INT_MIN + 1, INT_MAX)) : spin->minimum());
        connect(spin, &QSpinBox::valueChanged, this, &ParameterDialog::revalidate);
        row.value = [spin](QString *) { return spin->value() == spin->minimum() ? QVariant() : QVariant(qlonglong(spin->value())); };
        return spin;
    }
    case ParameterType::Float: {
        auto *spin = new BoundedDoubleSpinBox(p, this);
        spin->setValue(initial.isValid() ? initial.toDouble() : spin->minimum());
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ParameterDialog::revalidate);
        row.value = [spin](QString *) { return spin->value() == spin->minimum() ? QVariant() : QVariant(spin->value()); };
        return spin;
    }
    case ParameterType::List:
    case ParameterType::Map: {
        auto *text = new QPlainTextEdit(jsonText(initial), this);
        text->setTabChangesFocus(true);
        text->setFixedHeight(text->fontMetrics().lineSpacing() * 4 + 10);
        connect(text, &QPlainTextEdit::textChanged, this, &ParameterDialog::revalidate);
        const Parameter param = p;
        row.value = [text, param](QString *error) {
            if (text->toPlainText().trimmed().isEmpty()) return QVariant();
            return FlowValidator::valueFromText(param, text->toPlainText(), error);
        };
        return text;
    }
    case ParameterType::String: break;
    }
    auto *line = new QLineEdit(initial.isValid() ? initial.toString() : QString(), this);
    connect(line, &QLineEdit::textChanged, this, &ParameterDialog::revalidate);
    row.value = [line](QString *) { return QVariant(line->text()); };
    return line;
}

QString ParameterDialog::check(const Row &row) const {
    QString error;
    const QVariant value = row.value(&error);
    if (!error.isEmpty()) return error;
    return FlowValidator::checkValue(row.parameter, value);
}

void ParameterDialog::revalidate() {
    bool valid = true;
    for (const Row &row : m_rows) {
        if (!row.problem) continue;  // still being built
        const QString problem = check(row);
        row.problem->setText(problem);
        row.problem->setVisible(!problem.isEmpty());
        valid = valid && problem.isEmpty();
    }
    if (m_run) m_run->setEnabled(valid);
}

QVariantMap ParameterDialog::values() const {
    QVariantMap values;
    for (const Row &row : m_rows) {
        QString error;
        const QVariant v = row.value(&error);
        if (v.isValid()) values.insert(row.parameter.name, v);
    }
    return values;
}

bool ParameterDialog::isValid() const {
    for (const Row &row : m_rows)
        if (!check(row).isEmpty()) return false;
    return true;
}

QString ParameterDialog::problem(const QString &name) const {
    for (const Row &row : m_rows)
        if (row.parameter.name == name) return check(row);
    return {};
}

QWidget *ParameterDialog::field(const QString &name) const {
    for (const Row &row : m_rows)
        if (row.parameter.name == name) return row.field;
    return nullptr;
}

void ParameterDialog::setPurpose(const QString &title, const QString &intro, const QString &button) {
    setWindowTitle(title);
    m_intro->setText(intro);
    m_run->setText(button);
}

}  // namespace flowdeck
