#pragma once
/// @file A small two-column table of names and values (a subflow's parameters).

#include <QTableWidget>
#include <QVariantMap>

namespace flowdeck {

/// Edits a QVariantMap. The last row is always empty: typing a name there adds an entry;
/// clearing a name removes it.
class KeyValueTable : public QTableWidget {
    Q_OBJECT
public:
    explicit KeyValueTable(QWidget *parent = nullptr);

    void setValues(const QVariantMap &values);
    QVariantMap values() const;

signals:
    void valuesEdited(const QVariantMap &values);

private:
    bool m_filling = false;
    bool m_emitting = false;
};

}  // namespace flowdeck
