#pragma once
/// @file A flow's parameters as an editable, validated table.

#include "flow/Flow.h"

#include <QTableWidget>

#include <vector>

namespace flowdeck {

/// One row per parameter: name, type, default, min, max, allowed values, required, description
/// (the long description last, so that the short columns stay in view in a narrow dock).
/// Every edit is checked at once; bad cells are marked and parametersEdited is only emitted
/// when the whole table is valid.
class ParameterTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Name, Type, Default, Min, Max, Allowed, Required, Description, ColumnCount };

    explicit ParameterTable(QWidget *parent = nullptr);

    void setParameters(const std::vector<Parameter> &parameters);
    /// The table read as parameters; @p error gets the first problem (empty when all is well).
    std::vector<Parameter> parameters(QString *error) const;
    QString firstError() const { return m_error; }

    void addParameter();
    void removeSelected();

    /// Value of a parameter as table text (JSON for lists and maps).
    static QString valueText(const QVariant &value, ParameterType type);

signals:
    void parametersEdited(const std::vector<Parameter> &parameters);
    void errorChanged(const QString &error);

private:
    void fillRow(int row, const Parameter &parameter);
    Parameter readRow(int row, QStringList *errors) const;
    QString text(int row, int column) const;
    void check();
    void onEdited();

    bool m_filling = false;
    bool m_emitting = false;
    QString m_error;
};

}  // namespace flowdeck
