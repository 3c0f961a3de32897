#include "FlowHeader.h"

#include "ThemeColours.h"

#include <algorithm>

#include <QDir>
#include <QFontMetrics>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

// "1 task" is its own source text (a test or an untranslated start reads English), "%n tasks"
// carries every plural form a translation needs.
QString badgeText(const LoadResult &result) {
    if (!result.readable) return FlowHeader::tr("unreadable");
    const int n = int(result.diagnostics.size());
    if (result.isValid() && n == 0) return FlowHeader::tr("valid");
    if (result.isValid())
        return n == 1 ? FlowHeader::tr("valid, 1 warning") : FlowHeader::tr("valid, %n warnings", nullptr, n);
    return n == 1 ? FlowHeader::tr("1 problem") : FlowHeader::tr("%n problems", nullptr, n);
}

// The counts and the file name, dimmed: they share the title line with the name so that a long
// description wraps on its own line below.
QStringList factsOf(const LoadResult &result, const QString &path) {
    const Flow &flow = result.flow;
    QStringList facts;
    if (result.readable) {
        const int parameters = int(flow.parameters.size()), tasks = int(flow.tasks.size());
        facts << (parameters == 1 ? FlowHeader::tr("1 parameter")
                                  : FlowHeader::tr("%n parameters", nullptr, parameters))
              << (tasks == 1 ? FlowHeader::tr("1 task") : FlowHeader::tr("%n tasks", nullptr, tasks));
    }
    if (!flow.name.isEmpty()) facts << QFileInfo(path).fileName();
    return facts;
}

QString elideChars(const QString &text, int most) {
    return text.size() <= most ? text : text.left(most - 1) + QChar(0x2026);
}

// A word longer than the label is wide would be cut, not wrapped: zero-width spaces let it
// break anywhere after a run of this many characters.
QString breakLongRuns(const QString &text, int run = 30) {
    QString out;
    out.reserve(text.size() + text.size() / run);
    int length = 0;
    for (const QChar c : text) {
        length = c.isSpace() ? 0 : length + 1;
        if (length > run) {
            out += QChar(0x200b);
            length = 1;
        }
        out += c;
    }
    return out;
}

// A name this wide is never elided, so that a short name shows whole even in a narrow window.
constexpr int leastNameWidth = 160;
constexpr int descriptionLines = 3;

}  // namespace

FlowHeader::FlowHeader(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_details(new QLabel(this)), m_badge(new QLabel(this)) {
    m_title->setTextFormat(Qt::RichText);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    // The labels take the width the window gives them instead of asking for their text's: a
    // flow named with 2,000 characters made the window 20,000 px wide (and saved it so).
    for (QLabel *label : {m_title, m_details})
        label->setSizePolicy(QSizePolicy::Ignored, label->sizePolicy().verticalPolicy());
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
    m_name.clear();
    m_version.clear();
    m_factsHtml.clear();
    m_factsPlain.clear();
    m_shownName.clear();
    m_description.clear();
    m_title->setText(QStringLiteral("<b>%1</b>").arg(tr("No flow open")));
    m_title->setToolTip(QString());
    m_details->setText(
        tr("Open a flow file with File \u203a Open (Ctrl+O), pick one in the Workspace list, "
           "or drop a .flow.yaml file here."));
    m_details->setToolTip(QString());
    m_details->show();
    m_badge->clear();
    m_badge->setStyleSheet(QString());
    m_badge->hide();
}

void FlowHeader::showResult(const LoadResult &result, const QString &path) {
    const Flow &flow = result.flow;
    m_name = flow.name.isEmpty() ? QFileInfo(path).fileName() : flow.name;
    m_version = flow.version;
    const QStringList facts = factsOf(result, path);
    const QString separator = QStringLiteral(" \u00b7 ");
    m_factsPlain = facts.isEmpty() ? QString() : separator + facts.join(separator);
    QStringList escaped;
    for (const QString &fact : facts) escaped << elideChars(fact, 80).toHtmlEscaped();
    const QColor dim = mutedText(palette(), QPalette::WindowText, QPalette::Window);
    m_factsHtml = facts.isEmpty() ? QString()
                                  : QStringLiteral("&nbsp;&nbsp;<span style='color:%1'>\u00b7&nbsp;%2</span>")
                                        .arg(dim.name(), escaped.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    m_description = flow.description.simplified();
    m_details->setVisible(!m_description.isEmpty());
    fitText();

    // Warnings alone do not make a flow invalid, but they should not look like all is well.
    const bool warningsOnly = result.isValid() && !result.diagnostics.empty();
    const int hue = !result.isValid() ? 0 : warningsOnly ? 30 : 125;  // red, orange, green
    setBadge(badgeText(result), hue);
    m_title->setToolTip(QStringLiteral("%1\n%2").arg(m_name, QDir::toNativeSeparators(path)));
}

void FlowHeader::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    fitText();
}

void FlowHeader::fitText() {
    if (m_name.isEmpty()) return;  // the empty hint is short and wraps on its own
    QFont nameFont = m_title->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);  // what "font-size:large" renders
    const QString version = elideChars(m_version, 24);
    QString rest = m_factsPlain;
    if (!version.isEmpty()) rest.prepend(QStringLiteral("  v") + version);
    const int room = m_title->contentsRect().width() - m_title->fontMetrics().horizontalAdvance(rest) - 16;
    m_shownName = QFontMetrics(nameFont).elidedText(m_name, Qt::ElideMiddle, std::max(room, leastNameWidth));
    QString title =
        QStringLiteral("<span style='font-size:large'><b>%1</b></span>").arg(m_shownName.toHtmlEscaped());
    if (!version.isEmpty()) title += QStringLiteral("&nbsp;&nbsp;v%1").arg(version.toHtmlEscaped());
    m_title->setText(title + m_factsHtml);

    // A few lines of the description; the whole of it is in the tooltip.
    const int width = std::max(m_details->contentsRect().width(), leastNameWidth);
    const QString shown = m_details->fontMetrics().elidedText(m_description, Qt::ElideRight,
                                                               width * descriptionLines - width / 2);
    m_details->setText(breakLongRuns(shown));
    m_details->setToolTip(shown == m_description ? QString() : m_description);
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
    return m_description.isEmpty() && m_name.isEmpty() ? m_details->text() : m_description;
}

QString FlowHeader::shownName() const {
    return m_shownName;
}

QString FlowHeader::badge() const {
    return m_badge->text();
}

}  // namespace flowdeck
