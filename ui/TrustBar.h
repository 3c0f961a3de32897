#pragma once
/// @file The bar over an untrusted workspace: says that nothing of it runs on its own, and why,
/// and offers to trust the folder.

#include <QFrame>

class QLabel;
class QPushButton;

namespace flowdeck {

class TrustBar : public QFrame {
    Q_OBJECT
public:
    explicit TrustBar(QWidget *parent = nullptr);
    /// Shows the bar for @p folder (untrusted), or hides it when @p folder is empty.
    void showFor(const QString &folder);
    QPushButton *trustButton() const { return m_trust; }

signals:
    void trustRequested();

private:
    QLabel *m_text = nullptr;
    QPushButton *m_trust = nullptr;
};

}  // namespace flowdeck
