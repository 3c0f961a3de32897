#pragma once
/// @file The form that asks for a run's parameter values, one typed field per parameter
/// (spin boxes within min/max, a check box, a list of the allowed values, JSON for lists and
/// maps), with the core's own message under a value it would refuse.

#include "flow/Flow.h"

#include <QDialog>
#include <QVariantMap>

#include <functional>
#include <vector>

class QLabel;
class QPushButton;

namespace flowdeck {

class ParameterDialog : public QDialog {
    Q_OBJECT
public:
    /// Fields for @p flow's parameters, filled with @p initial where it has a value, else with
    /// the default; a parameter with neither starts empty (and the run waits for a value).
    ParameterDialog(const Flow &flow, const QVariantMap &initial, QWidget *parent = nullptr);

    /// The typed values of every field (valid only while isValid()).
    QVariantMap values() const;
    bool isValid() const;
    /// What is wrong with the value of @p name now (the engine's words), or empty.
    QString problem(const QString &name) const;
    /// The field of @p name (QSpinBox, QDoubleSpinBox, QCheckBox, QComboBox, QLineEdit or
    /// QPlainTextEdit), or nullptr.
    QWidget *field(const QString &name) const;
    QPushButton *runButton() const { return m_run; }
    /// The same typed form for other values than a run's (an approval's inputs): its title, the
    /// line over the fields and the button's text.
    void setPurpose(const QString &title, const QString &intro, const QString &button);

private:
    struct Row {
        Parameter parameter;
        QWidget *field = nullptr;
        QLabel *problem = nullptr;
        /// The typed value, or an invalid one with @p error set (text that is not a value).
        std::function<QVariant(QString *error)> value;
    };

    QWidget *makeField(Row &row, const QVariant &initial);
    QString check(const Row &row) const;
    void revalidate();

    std::vector<Row> m_rows;
    QLabel *m_intro = nullptr;
    QPushButton *m_run = nullptr;
};

}  // namespace flowdeck
