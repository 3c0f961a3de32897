#pragma once
/// @file Find in graph (Ctrl+F): tasks by name, kind, tag or script text; Enter/F3 step through
/// the matches and centre each one.

#include <QWidget>

class QLabel;
class QLineEdit;

namespace flowdeck {

class FlowView;

class GraphFindBar : public QWidget {
    Q_OBJECT
public:
    explicit GraphFindBar(FlowView *view, QWidget *parent = nullptr);
    /// Shows the bar and puts the cursor in it.
    void activate();
    void setText(const QString &text);
    QStringList matches() const { return m_matches; }
    QString current() const { return m_current < 0 ? QString() : m_matches.value(m_current); }
    void next();
    void previous();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    FlowView *m_view;
    QLineEdit *m_text;
    QLabel *m_count;
    QStringList m_matches;
    int m_current = -1;

    void search();
    void step(int by);
    void show(int index);
};

}  // namespace flowdeck
