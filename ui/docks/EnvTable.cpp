#include "EnvTable.h"

#include "SecretDelegate.h"
#include "ValidationMark.h"

#include <QHeaderView>
#include <QRegularExpression>
#include <QSet>

namespace flowdeck {

EnvTable::EnvTable(QWidget *parent) : QTableWidget(0, 3, parent) {
    setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("Secret")});
    horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(SecretColumn, QHeaderView::ResizeToContents);
    verticalHeader()->hide();
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setItemDelegateForColumn(ValueColumn, new SecretDelegate(SecretColumn, this));
    connect(this, &QTableWidget::itemChanged, this, &EnvTable::onItemChanged);
}

void EnvTable::setEnv(const std::vector<EnvVar> &env) {
    // Not while our own edit is being announced (see ParameterTable::setParameters).
    if (m_emitting || env == this->env()) return;
    m_filling = true;
    setRowCount(int(env.size()));
    for (int row = 0; row < int(env.size()); ++row) {
        setItem(row, NameColumn, new QTableWidgetItem(env[row].name));
        setItem(row, ValueColumn, new QTableWidgetItem(env[row].value));
        auto *secret = new QTableWidgetItem;
        secret->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        secret->setCheckState(env[row].secret ? Qt::Checked : Qt::Unchecked);
        // A reference ({secret: NAME}) has no value here; the name rides along so an edit of
        // another row does not turn it into an empty inline secret.
        secret->setData(Qt::UserRole, env[row].secretName);
        if (env[row].isReference())
            item(row, ValueColumn)->setToolTip(tr("Secret '%1': its value comes from FLOWDECK_SECRET_* or the keyring "
                                                  "when the task runs").arg(env[row].secretName));
        setItem(row, SecretColumn, secret);
    }
    m_filling = false;
    check();
}

std::vector<EnvVar> EnvTable::env() const {
    std::vector<EnvVar> vars;
    for (int row = 0; row < rowCount(); ++row) {
        EnvVar var;
        var.name = item(row, NameColumn) ? item(row, NameColumn)->text().trimmed() : QString();
        var.value = item(row, ValueColumn) ? item(row, ValueColumn)->text() : QString();
        var.secret = item(row, SecretColumn) && item(row, SecretColumn)->checkState() == Qt::Checked;
        // Still a reference while it is secret and nobody typed a value in.
        if (var.secret && var.value.isEmpty()) var.secretName = item(row, SecretColumn)->data(Qt::UserRole).toString();
        vars.push_back(var);
    }
    return vars;
}

QString EnvTable::check() {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QString first;
    QSet<QString> seen;
    const bool wasFilling = m_filling;
    m_filling = true;  // colouring a cell is not an edit
    for (int row = 0; row < rowCount(); ++row) {
        QTableWidgetItem *name = item(row, NameColumn);
        if (!name) continue;
        QString error;
        if (!valid.match(name->text().trimmed()).hasMatch())
            error = tr("'%1' is not a valid variable name: use letters, digits and '_'").arg(name->text());
        else if (seen.contains(name->text().trimmed()))
            error = tr("'%1' is set twice").arg(name->text());
        seen.insert(name->text().trimmed());
        name->setToolTip(error);
        name->setForeground(error.isEmpty() ? palette().brush(QPalette::Text)
                                            : QBrush(ValidationMark::errorColour(palette())));
        if (first.isEmpty()) first = error;
    }
    m_filling = wasFilling;
    return first;
}

void EnvTable::onItemChanged(QTableWidgetItem *changed) {
    if (m_filling) return;
    if (changed->column() == SecretColumn) viewport()->update();  // redraw the value as dots or text
    if (!check().isEmpty()) return;
    m_emitting = true;
    emit envEdited(env());
    m_emitting = false;
}

void EnvTable::addVariable() {
    QSet<QString> names;
    for (const EnvVar &var : env()) names.insert(var.name);
    QString name = QStringLiteral("NAME");
    for (int n = 2; names.contains(name); ++n) name = QStringLiteral("NAME_%1").arg(n);
    std::vector<EnvVar> vars = env();
    vars.push_back(EnvVar{name, QString(), false});
    setEnv(vars);
    emit envEdited(vars);
    editItem(item(rowCount() - 1, NameColumn));
}

void EnvTable::removeSelected() {
    std::vector<EnvVar> vars = env();
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows()) rows << index.row();
    if (rows.isEmpty() && currentRow() >= 0) rows << currentRow();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows)
        if (row < int(vars.size())) vars.erase(vars.begin() + row);
    setEnv(vars);
    emit envEdited(vars);
}

void EnvTable::setSecret(int row, bool secret) {
    if (QTableWidgetItem *cell = item(row, SecretColumn))
        cell->setCheckState(secret ? Qt::Checked : Qt::Unchecked);
}

}  // namespace flowdeck
