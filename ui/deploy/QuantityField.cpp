#include "QuantityField.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRegularExpression>

namespace flowdeck {

namespace {

/// (label, suffix written) pairs; the first is the default.
QList<std::pair<QString, QString>> unitsOf(QuantityField::Kind kind) {
    if (kind == QuantityField::Kind::Cpu)
        return {{QObject::tr("cores"), QString()}, {QObject::tr("millicores (m)"), QStringLiteral("m")}};
    return {{QStringLiteral("Mi"), QStringLiteral("Mi")}, {QStringLiteral("Gi"), QStringLiteral("Gi")},
            {QStringLiteral("Ki"), QStringLiteral("Ki")}, {QStringLiteral("Ti"), QStringLiteral("Ti")},
            {QStringLiteral("M"), QStringLiteral("M")},   {QStringLiteral("G"), QStringLiteral("G")},
            {QStringLiteral("k"), QStringLiteral("k")},   {QObject::tr("bytes"), QString()}};
}

}  // namespace

QuantityField::QuantityField(Kind kind, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_number(new QLineEdit(this)), m_unit(new QComboBox(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_number, 1);
    layout->addWidget(m_unit);
    m_number->setPlaceholderText(kind == Kind::Cpu ? tr("e.g. 0.5 or 500") : tr("e.g. 512"));
    m_number->setClearButtonEnabled(true);
    for (const auto &[label, suffix] : unitsOf(kind)) m_unit->addItem(label, suffix);
    connect(m_number, &QLineEdit::textEdited, this, &QuantityField::edited);
    connect(m_unit, &QComboBox::activated, this, &QuantityField::edited);
}

QString QuantityField::text() const {
    const QString number = m_number->text().trimmed();
    if (number.isEmpty()) return {};
    // Only a plain number takes the picker's unit: "512Mi" or "lots" typed in the field is
    // what the person wrote, and what the check quotes back ("512MiGi" was never typed).
    static const QRegularExpression plain(QStringLiteral("^[0-9]*\\.?[0-9]+$"));
    if (!plain.match(number).hasMatch()) return number;
    return number + m_unit->currentData().toString();
}

void QuantityField::setText(const QString &text) {
    static const QRegularExpression split(QStringLiteral("^([0-9.]+)([A-Za-z]*)$"));
    const QRegularExpressionMatch m = split.match(text.trimmed());
    const int unit = m.hasMatch() ? m_unit->findData(m.captured(2)) : -1;
    if (text.isEmpty()) {
        m_number->clear();
        m_unit->setCurrentIndex(0);
    } else if (unit >= 0) {
        m_number->setText(m.captured(1));
        m_unit->setCurrentIndex(unit);
    } else {
        m_number->setText(text);  // shown as written; the unit picker adds nothing to it
        m_unit->setCurrentIndex(m_unit->findData(QString()));
    }
}

}  // namespace flowdeck
