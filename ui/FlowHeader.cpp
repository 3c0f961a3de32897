#include "FlowHeader.h"

#include "ThemeColours.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

QString plural(int n, const QString &one, const QString &many) {
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

QString badgeText(const LoadResult &result) {
    if (!result.readable) return QStringLiteral("unreadable");
    if (result.isValid() && result.diagnostics.empty()) return QStringLiteral("valid");
    if (result.isValid())
        return QStringLiteral("valid, ") +
               plural(int(result.diagnostics.size()), QStringLiteral("warning"), QStringLiteral("warnings"));
    return plural(int(result.diagnostics.size()), QStringLiteral("problem"), QStringLiteral("problems"));
}

// Name, version and, dimmed, the counts: they share the title line so that a long
// description wraps on its own line below.
QString titleHtml(const LoadResult &result, const QString &path, const QColor &dim) {
    const Flow &flow = result.flow;
    const QString name = flow.name.isEmpty() ? QFileInfo(path).fileName() : flow.name;
    QString title =
        QStringLiteral("<span style='font-size:large'><b>%1</b></span>").arg(name.toHtmlEscaped());
    if (!flow.version.isEmpty()) title += QStringLiteral("&nbsp;&nbsp;v%1").arg(flow.version.toHtmlEscaped());
    QStringList facts;
    if (result.readable)
        facts << plural(int(flow.parameters.size()), FlowHeader::tr("parameter"),
                        FlowHeader::tr("parameters"))
              << plural(int(flow.tasks.size()), FlowHeader::tr("task"), FlowHeader::tr("tasks"));
    if (!flow.name.isEmpty()) facts << QFileInfo(path).fileName().toHtmlEscaped();
    if (!facts.isEmpty())
        title += QStringLiteral("&nbsp;&nbsp;<span style='color:%1'>\u00b7&nbsp;%2</span>")
                     .arg(dim.name(), facts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    return title;
}

}  // namespace

FlowHeader::FlowHeader(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_details(new QLabel(this)), m_badge(new QLabel(this)) {
    m_title->setTextFormat(Qt::RichText);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge->setAlignment(Qt::AlignCenter);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_details);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 8, 6);
    row->addLayout(text, 1);
    row->addWidget(m_badge, 0, Qt::AlignTop);
    showEmpty();
}

void FlowHeader::showEmpty() {
    m_title->setText(QStringLiteral("<b>%1</b>").arg(tr("No flow open")));
    m_details->setText(
        tr("Open a flow file with File \u203a Open (Ctrl+O), pick one in the Workspace list, "
           "or drop a .flow.yaml file here."));
    m_details->show();
    m_badge->clear();
    m_badge->setStyleSheet(QString());
    m_badge->hide();
}

void FlowHeader::showResult(const LoadResult &result, const QString &path) {
    const Flow &flow = result.flow;
    const QString title =
        titleHtml(result, path, mutedText(palette(), QPalette::WindowText, QPalette::Window));
    m_title->setText(title);
    m_title->setToolTip(QDir::toNativeSeparators(path));

    m_details->setText(flow.description.simplified());
    m_details->setVisible(!flow.description.isEmpty());

    // Warnings alone do not make a flow invalid, but they should not look like all is well.
    const bool warningsOnly = result.isValid() && !result.diagnostics.empty();
    const int hue = !result.isValid() ? 0 : warningsOnly ? 30 : 125;  // red, orange, green
    setBadge(badgeText(result), hue);
}

void FlowHeader::setBadge(const QString &text, int hue) {
    // The status hue is fixed; how light it is follows the theme, and the text takes the page's
    // colour, so the badge reads on light and dark palettes alike.
    const QColor base = palette().color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    const QColor background = QColor::fromHslF(float(hue) / 360.0f, 0.65f, dark ? 0.62f : 0.33f);
    m_badge->setText(text);
    m_badge->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; font-weight: bold; "
                                          "border-radius: 9px; padding: 2px 10px; }")
                               .arg(background.name(), base.name()));
    m_badge->show();
}

QString FlowHeader::title() const {
    return m_title->text();
}

QString FlowHeader::details() const {
    return m_details->text();
}

QString FlowHeader::badge() const {
    return m_badge->text();
}

}  // namespace flowdeck
