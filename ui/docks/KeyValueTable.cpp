#include "KeyValueTable.h"

#include <QHeaderView>

namespace flowdeck {

KeyValueTable::KeyValueTable(QWidget *parent) : QTableWidget(0, 2, parent) {
    setHorizontalHeaderLabels({tr("Parameter"), tr("Value")});
    horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    verticalHeader()->hide();
    connect(this, &QTableWidget::itemChanged, this, [this] {
        if (m_filling) return;
        // Rebuilt later: the item that announced the change is still inside its setData().
        QMetaObject::invokeMethod(
            this, [this] { setValues(values()); }, Qt::QueuedConnection);
        m_emitting = true;
        emit valuesEdited(values());
        m_emitting = false;
    });
    setValues({});
}

void KeyValueTable::setValues(const QVariantMap &values) {
    if (m_emitting) return;  // our own edit coming back; the queued rebuild tidies up
    if (values == this->values() && rowCount() == int(values.size()) + 1) return;
    m_filling = true;
    setRowCount(int(values.size()) + 1);
    int row = 0;
    for (auto it = values.cbegin(); it != values.cend(); ++it, ++row) {
        setItem(row, 0, new QTableWidgetItem(it.key()));
        setItem(row, 1, new QTableWidgetItem(it.value().toString()));
    }
    setItem(row, 0, new QTableWidgetItem);
    setItem(row, 1, new QTableWidgetItem);
    m_filling = false;
}

QVariantMap KeyValueTable::values() const {
    QVariantMap map;
    for (int row = 0; row < rowCount(); ++row) {
        const QString name = item(row, 0) ? item(row, 0)->text().trimmed() : QString();
        if (!name.isEmpty()) map.insert(name, item(row, 1) ? item(row, 1)->text() : QString());
    }
    return map;
}

}  // namespace flowdeck
