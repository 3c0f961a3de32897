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
    /// The flow's name as shown: elided to the width there is, whole in the tooltip.
    QString shownName() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setBadge(const QString &text, int hue);
    /// Lays the name, facts and description out for the label widths there are now.
    void fitText();

    QString m_name;       // whole, plain
    QString m_version;    // whole, plain
    QString m_factsHtml;  // counts and file name, already escaped and dimmed
    QString m_factsPlain; // the same without markup, to measure
    QString m_description;
    QString m_shownName;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_badge;
};

}  // namespace flowdeck
