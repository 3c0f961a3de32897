#pragma once
/// @file The strip above the task tree: which flow is open and whether it is valid.

#include "flow/FlowFile.h"

#include <QWidget>

class QLabel;

namespace flowdeck {

/// Shows a flow's name, version, description and parameter count, and a validity badge.
class FlowHeader : public QWidget {
    Q_OBJECT
public:
    explicit FlowHeader(QWidget *parent = nullptr);

    void showResult(const LoadResult &result, const QString &path);
    /// The hint shown before any flow is open.
    void showEmpty();

    /// Rich text: name, version, parameter and task counts, file name.
    QString title() const;
    /// The flow's description (plain text).
    QString details() const;
    /// "valid", "N problems" or "unreadable"; empty when nothing is open.
    QString badge() const;

private:
    void setBadge(const QString &text, int hue);

    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_badge;
};

}  // namespace flowdeck
