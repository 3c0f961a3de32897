#pragma once
/// @file Draws and edits a table cell as dots when its row is marked secret.

#include <QStyledItemDelegate>

namespace flowdeck {

/// For the value column of EnvTable: secret values never appear on screen in clear.
class SecretDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    /// @p secretColumn holds the checkable item that says whether the row is secret.
    SecretDelegate(int secretColumn, QObject *parent = nullptr);

    QString displayText(const QVariant &value, const QLocale &locale) const override;
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

    static QString dots(const QString &text);

private:
    bool isSecret(const QModelIndex &index) const;
    int m_secretColumn;
};

}  // namespace flowdeck
