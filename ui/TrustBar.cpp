#include "TrustBar.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace flowdeck {

TrustBar::TrustBar(QWidget *parent) : QFrame(parent) {
    setObjectName(QStringLiteral("trustBar"));
    setFrameShape(QFrame::StyledPanel);
    // The tooltip colours: a note that stands out from the editor in light and dark themes.
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, p.color(QPalette::ToolTipBase));
    p.setColor(QPalette::WindowText, p.color(QPalette::ToolTipText));
    setPalette(p);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_trust = new QPushButton(tr("Trust This Folder"), this);
    m_trust->setObjectName(QStringLiteral("trustFolder"));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_trust);
    connect(m_trust, &QPushButton::clicked, this, &TrustBar::trustRequested);
    hide();
}

void TrustBar::showFor(const QString &folder) {
    if (folder.isEmpty()) {
        hide();
        return;
    }
    m_text->setText(tr("Restricted: %1 is not trusted, so Flowdeck runs nothing from it on its own. Its "
                       "schedules do not fire and its autosaved documents are not recovered until you "
                       "trust it. Editing is not affected.")
                        .arg(QDir::toNativeSeparators(folder)));
    show();
}

}  // namespace flowdeck
