#include "DeploymentPreview.h"

#include "docks/ScriptEditor.h"

#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

ScriptEditor::Language languageOf(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml") || suffix == QLatin1String("json"))
        return ScriptEditor::Language::Yaml;
    if (suffix == QLatin1String("py")) return ScriptEditor::Language::Python;
    return ScriptEditor::Language::Shell;  // Dockerfile, *.sh, systemd units, crontab lines, HCL
}

}  // namespace

DeploymentPreview::DeploymentPreview(QWidget *parent)
    : QWidget(parent),
      m_list(new QListWidget(this)),
      m_viewer(new ScriptEditor(this)),
      m_reason(new QLabel(this)) {
    m_list->setObjectName(QStringLiteral("previewFiles"));
    m_viewer->setObjectName(QStringLiteral("previewViewer"));
    m_viewer->setReadOnly(true);
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason->hide();
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_viewer);
    split->setStretchFactor(1, 3);
    // A short list (an export has a handful of files) leaves the height to the file itself.
    split->setSizes({6 * m_list->fontMetrics().height(), 30 * m_list->fontMetrics().height()});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reason);
    layout->addWidget(split, 1);
    connect(m_list, &QListWidget::currentRowChanged, this, &DeploymentPreview::showRow);
}

void DeploymentPreview::setFiles(const std::vector<ExportedFile> &files) {
    const QString was = currentPath();
    m_files = files;
    m_reason->hide();
    const bool blocked = m_list->blockSignals(true);
    m_list->clear();
    for (const ExportedFile &f : m_files) {
        auto *item = new QListWidgetItem(f.path, m_list);
        QString tip = tr("%1 bytes").arg(f.content.size());
        if (f.isPrivate) tip += tr(", written 0600 (secret placeholders)");
        if (f.isExecutable) tip += tr(", executable");
        item->setToolTip(tip);
    }
    m_list->blockSignals(blocked);
    if (m_files.empty()) {
        showRow(-1);
        return;
    }
    if (!showFile(was)) m_list->setCurrentRow(0);
    showRow(m_list->currentRow());
}

void DeploymentPreview::clear(const QString &reason) {
    setFiles({});
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

bool DeploymentPreview::showFile(const QString &path) {
    for (int row = 0; row < int(m_files.size()); ++row)
        if (m_files[size_t(row)].path == path) {
            m_list->setCurrentRow(row);
            return true;
        }
    return false;
}

QString DeploymentPreview::currentPath() const {
    const int row = m_list->currentRow();
    return row >= 0 && row < int(m_files.size()) ? m_files[size_t(row)].path : QString();
}

void DeploymentPreview::showRow(int row) {
    if (row < 0 || row >= int(m_files.size())) {
        m_viewer->setReadOnly(false);
        m_viewer->setScript(QString());
        m_viewer->setReadOnly(true);
        return;
    }
    const ExportedFile &f = m_files[size_t(row)];
    m_viewer->setLanguage(languageOf(f.path));
    m_viewer->setReadOnly(false);  // QScintilla ignores setText() on a read-only editor
    m_viewer->setScript(QString::fromUtf8(f.content));
    m_viewer->setReadOnly(true);
}

}  // namespace flowdeck
