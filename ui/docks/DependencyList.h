#pragma once
/// @file A task's `after:` list, read-only except for a remove button per dependency.

#include "flow/Flow.h"

#include <QListWidget>

#include <vector>

namespace flowdeck {

/// Shows the upstreams of a task ("extract", "check.true"), each with a remove button.
/// New dependencies are drawn on the canvas; this list only shows and removes them.
class DependencyList : public QListWidget {
    Q_OBJECT
public:
    explicit DependencyList(QWidget *parent = nullptr);

    void setDependencies(const std::vector<Dependency> &after);
    /// The remove button of row @p row (for keyboard users and tests).
    void removeRow(int row);

signals:
    void removeRequested(const QString &upstream);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    std::vector<Dependency> m_after;
};

}  // namespace flowdeck
