#include "ParameterTable.h"

#include "CheckDelegate.h"
#include "ValidationMark.h"
#include "flow/FlowValidator.h"

#include <QComboBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace flowdeck {

namespace {

const QStringList typeNames = {QStringLiteral("string"), QStringLiteral("int"),  QStringLiteral("float"),
                               QStringLiteral("bool"),   QStringLiteral("list"), QStringLiteral("map")};

std::optional<double> number(const QString &text, bool *ok) {
    *ok = true;
    if (text.trimmed().isEmpty()) return std::nullopt;
    const double value = text.trimmed().toDouble(ok);
    return *ok ? std::optional<double>(value) : std::nullopt;
}

}  // namespace

ParameterTable::ParameterTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent) {
    setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Default"), tr("Min"), tr("Max"), tr("Allowed"),
                               tr("Required"), tr("Description")});
    // Short columns fit their contents; the description comes last, with a bounded width (its
    // tooltip has all of it), so in a narrow dock Min, Max and Allowed stay in view rather than
    // being pushed out by a long sentence.
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Description, QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    setItemDelegateForColumn(Required, new CheckDelegate(this));
    setWordWrap(false);
    verticalHeader()->hide();
    setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(this, &QTableWidget::itemChanged, this, &ParameterTable::onEdited);
}

QString ParameterTable::valueText(const QVariant &value, ParameterType type) {
    if (!value.isValid()) return QString();
    if (type == ParameterType::List || type == ParameterType::Map)
        return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    if (type == ParameterType::Bool) return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

void ParameterTable::setParameters(const std::vector<Parameter> &parameters) {
    // The model echoing our own edit back: the table already shows it, and rebuilding now would
    // delete the item whose change is being announced.
    if (m_emitting) return;
    QString ignored;
    if (parameters == this->parameters(&ignored) && rowCount() == int(parameters.size())) return;
    m_filling = true;
    setRowCount(int(parameters.size()));
    for (int row = 0; row < int(parameters.size()); ++row) fillRow(row, parameters[row]);
    m_filling = false;
    const int em = fontMetrics().averageCharWidth();
    setColumnWidth(Description, std::clamp(sizeHintForColumn(Description), 12 * em, 24 * em));
    check();
}

void ParameterTable::fillRow(int row, const Parameter &p) {
    setItem(row, Name, new QTableWidgetItem(p.name));
    auto *type = new QComboBox;
    type->addItems(typeNames);
    type->setCurrentText(toString(p.type));
    type->setFrame(false);
    connect(type, &QComboBox::currentIndexChanged, this, &ParameterTable::onEdited);
    setCellWidget(row, Type, type);
    setItem(row, Default, new QTableWidgetItem(valueText(p.defaultValue, p.type)));
    auto *required = new QTableWidgetItem;
    required->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    required->setCheckState(p.required ? Qt::Checked : Qt::Unchecked);
    setItem(row, Required, required);
    setItem(row, Description, new QTableWidgetItem(p.description));
    setItem(row, Min, new QTableWidgetItem(p.minimum ? QString::number(*p.minimum) : QString()));
    setItem(row, Max, new QTableWidgetItem(p.maximum ? QString::number(*p.maximum) : QString()));
    QStringList allowed;
    for (const QVariant &v : p.allowed) allowed << valueText(v, p.type);
    setItem(row, Allowed, new QTableWidgetItem(allowed.join(QStringLiteral(", "))));
}

QString ParameterTable::text(int row, int column) const {
    const QTableWidgetItem *cell = item(row, column);
    return cell ? cell->text() : QString();
}

Parameter ParameterTable::readRow(int row, QStringList *errors) const {
    errors->clear();
    for (int c = 0; c < ColumnCount; ++c) errors->append(QString());
    Parameter p;
    p.name = text(row, Name).trimmed();
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!validName.match(p.name).hasMatch())
        (*errors)[Name] = tr("a parameter name uses letters, digits and '_'");
    if (auto *type = qobject_cast<QComboBox *>(cellWidget(row, Type)))
        p.type = parameterTypeFromString(type->currentText()).value_or(ParameterType::String);
    p.required = item(row, Required) && item(row, Required)->checkState() == Qt::Checked;
    p.description = text(row, Description).trimmed();
    bool ok = true;
    p.minimum = number(text(row, Min), &ok);
    if (!ok) (*errors)[Min] = tr("'%1' is not a number").arg(text(row, Min));
    p.maximum = number(text(row, Max), &ok);
    if (!ok) (*errors)[Max] = tr("'%1' is not a number").arg(text(row, Max));
    const bool numeric = p.type == ParameterType::Int || p.type == ParameterType::Float;
    if (!numeric && (p.minimum || p.maximum))
        (*errors)[p.minimum ? Min : Max] = tr("min and max only apply to int and float parameters");
    if (p.minimum && p.maximum && *p.minimum > *p.maximum) (*errors)[Max] = tr("max is below min");

    Parameter loose = p;  // allowed values are checked by type only, not against themselves
    for (const QString &part : text(row, Allowed).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QString error;
        const QVariant value = FlowValidator::valueFromText(loose, part.trimmed(), &error);
        if (!value.isValid())
            (*errors)[Allowed] = error;
        else
            p.allowed << value;
    }
    if (!text(row, Default).isEmpty()) {
        QString error;
        p.defaultValue = FlowValidator::valueFromText(p, text(row, Default), &error);
        (*errors)[Default] = error;
    }
    return p;
}

std::vector<Parameter> ParameterTable::parameters(QString *error) const {
    std::vector<Parameter> result;
    QSet<QString> names;
    error->clear();
    for (int row = 0; row < rowCount(); ++row) {
        QStringList errors;
        result.push_back(readRow(row, &errors));
        if (names.contains(result.back().name))
            errors[Name] = tr("duplicate parameter name '%1'").arg(result.back().name);
        names.insert(result.back().name);
        for (const QString &e : errors)
            if (error->isEmpty() && !e.isEmpty()) *error = tr("Row %1: %2").arg(row + 1).arg(e);
    }
    return result;
}

void ParameterTable::check() {
    const bool wasFilling = m_filling;
    m_filling = true;  // marking a cell is not an edit
    QSet<QString> names;
    QString first;
    for (int row = 0; row < rowCount(); ++row) {
        QStringList errors;
        const Parameter p = readRow(row, &errors);
        if (names.contains(p.name)) errors[Name] = tr("duplicate parameter name '%1'").arg(p.name);
        names.insert(p.name);
        for (int column = 0; column < ColumnCount; ++column) {
            QTableWidgetItem *cell = item(row, column);
            if (!cell || column == Type || column == Required) continue;
            cell->setToolTip(errors[column].isEmpty() ? cell->text() : errors[column]);  // the whole text
            cell->setForeground(errors[column].isEmpty() ? palette().brush(QPalette::Text)
                                                         : QBrush(ValidationMark::errorColour(palette())));
            if (first.isEmpty() && !errors[column].isEmpty())
                first = tr("Row %1: %2").arg(row + 1).arg(errors[column]);
        }
    }
    m_filling = wasFilling;
    if (first != m_error) {
        m_error = first;
        emit errorChanged(m_error);
    }
}

void ParameterTable::onEdited() {
    if (m_filling) return;
    check();
    QString error;
    const std::vector<Parameter> edited = parameters(&error);
    if (!error.isEmpty()) return;
    m_emitting = true;
    emit parametersEdited(edited);
    m_emitting = false;
}

void ParameterTable::addParameter() {
    QString error;
    std::vector<Parameter> params = parameters(&error);
    QSet<QString> names;
    for (const Parameter &p : params) names.insert(p.name);
    Parameter p;
    p.name = QStringLiteral("param");
    for (int n = 2; names.contains(p.name); ++n) p.name = QStringLiteral("param%1").arg(n);
    m_filling = true;
    insertRow(rowCount());
    fillRow(rowCount() - 1, p);
    m_filling = false;
    onEdited();
    editItem(item(rowCount() - 1, Name));
}

void ParameterTable::removeSelected() {
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows()) rows << index.row();
    if (rows.isEmpty() && currentRow() >= 0) rows << currentRow();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows) removeRow(row);
    onEdited();
}

}  // namespace flowdeck
