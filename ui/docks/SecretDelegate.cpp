#include "SecretDelegate.h"

#include <QLineEdit>

namespace flowdeck {

SecretDelegate::SecretDelegate(int secretColumn, QObject *parent)
    : QStyledItemDelegate(parent), m_secretColumn(secretColumn) {}

QString SecretDelegate::dots(const QString &text) {
    // A fixed length: the number of dots should not tell how long the secret is.
    return text.isEmpty() ? QString() : QString(8, QChar(0x2022));
}

bool SecretDelegate::isSecret(const QModelIndex &index) const {
    return index.siblingAtColumn(m_secretColumn).data(Qt::CheckStateRole).toInt() == Qt::Checked;
}

QString SecretDelegate::displayText(const QVariant &value, const QLocale &locale) const {
    return QStyledItemDelegate::displayText(value, locale);
}

void SecretDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    if (isSecret(index)) option->text = dots(index.data().toString());
}

QWidget *SecretDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const {
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor); line && isSecret(index))
        line->setEchoMode(QLineEdit::Password);
    return editor;
}

}  // namespace flowdeck
