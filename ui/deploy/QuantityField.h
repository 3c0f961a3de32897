#pragma once
/// @file A resource quantity (CPU or memory) as a number and a unit picker, written back as the
/// text a deployment holds ("500m", "2", "512Mi").

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace flowdeck {

class QuantityField : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Cpu, Memory };

    explicit QuantityField(Kind kind, QWidget *parent = nullptr);

    /// The quantity as written in flowdeck.yaml; empty when no number is given.
    QString text() const;
    /// Splits @p text into number and unit; a unit the picker does not know stays in the number
    /// box as typed, so validation shows the core's message for it.
    void setText(const QString &text);
    QLineEdit *numberEdit() const { return m_number; }
    QComboBox *unitBox() const { return m_unit; }

signals:
    void edited();

private:
    Kind m_kind;
    QLineEdit *m_number;
    QComboBox *m_unit;
};

}  // namespace flowdeck
