#pragma once
/// @file The problems of the selected task that no field of the inspector can show (a key
/// Flowdeck does not know, a duplicate key), each with its fix as one click where there is one.

#include "flow/Diagnostic.h"

#include <QWidget>

class QAbstractButton;
class QVBoxLayout;

namespace flowdeck {

class TaskProblems : public QWidget {
    Q_OBJECT
public:
    explicit TaskProblems(QWidget *parent = nullptr);

    void setProblems(const Diagnostics &problems);
    int count() const { return int(m_problems.size()); }
    /// The text shown for problem @p index, and its fix button (null when it has no fix).
    QString text(int index) const;
    QAbstractButton *fixButton(int index) const;

signals:
    void fixRequested(const flowdeck::Diagnostic &problem);

private:
    Diagnostics m_problems;
    QVBoxLayout *m_rows;
    QList<QWidget *> m_rowWidgets;
};

}  // namespace flowdeck
