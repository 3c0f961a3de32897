#pragma once
/// @file A task's `after:` list, read-only except for a remove button per dependency.

#include "flow/Flow.h"

#include <QHash>
#include <QListWidget>

#include <vector>

namespace flowdeck {

/// Shows the upstreams of a task ("extract", "check.true"), each with a remove button. An
/// upstream that names no task is marked, with the task it probably means as a one-click fix.
/// New dependencies are drawn on the canvas; this list only shows, mends and removes them.
class DependencyList : public QListWidget {
    Q_OBJECT
public:
    explicit DependencyList(QWidget *parent = nullptr);

    /// @p unknown: the upstreams that name no task, each with the task it probably means (or empty).
    void setDependencies(const std::vector<Dependency> &after, const QHash<QString, QString> &unknown = {});
    /// The remove button of row @p row (for keyboard users and tests).
    void removeRow(int row);

signals:
    void removeRequested(const QString &upstream);
    /// The fix button of an unknown upstream: depend on @p to instead of @p from.
    void replaceRequested(const QString &from, const QString &to);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    std::vector<Dependency> m_after;
    QHash<QString, QString> m_unknown;
};

}  // namespace flowdeck
