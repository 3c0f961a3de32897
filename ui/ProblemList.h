#pragma once
/// @file The list of problems found while loading a flow, each one leading to its task.

#include "flow/Diagnostic.h"
#include "flow/Flow.h"

#include <QListWidget>

namespace flowdeck {

/// Shows diagnostics as `file:line:col: message`; activating one announces the task it concerns.
class ProblemList : public QListWidget {
    Q_OBJECT
public:
    /// On each row: the name of the task the problem concerns (may be empty).
    static constexpr int TaskRole = Qt::UserRole;
    /// On each row: the field the problem concerns ("retries", "after", ...; may be empty).
    static constexpr int FieldRole = Qt::UserRole + 1;

    explicit ProblemList(QWidget *parent = nullptr);

    // flowdeck::Flow is spelt out because inside a QListWidget plain `Flow` is QListView::Flow.

    /// Replaces the list with @p diagnostics, sorted by location.
    void showDiagnostics(const Diagnostics &diagnostics, const flowdeck::Flow &flow);
    /// Replaces the list with one error that is not about a place in a flow (an unreadable file).
    void showError(const QString &message);
    int errorCount() const { return m_errors; }

    /// The task a diagnostic concerns: its own `task`, else the task whose source-map
    /// entry sits exactly at the diagnostic's location, else empty.
    static QString taskOf(const Diagnostic &diagnostic, const flowdeck::Flow &flow);

signals:
    void taskActivated(const QString &task);
    /// Any row activated: the task and the field it concerns (either may be empty).
    void problemActivated(const QString &task, const QString &field);

private:
    int m_errors = 0;
};

}  // namespace flowdeck
