#include "FlowPropertiesPanel.h"

#include "ParameterTable.h"
#include "ValidationMark.h"
#include "editor/FlowDocument.h"
#include "flow/Units.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

QStringList splitList(const QString &text) {
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty()) items << part.trimmed();
    return items;
}

void setTextIfIdle(QLineEdit *edit, const QString &text) {
    if (edit->text() == text || (edit->hasFocus() && edit->isModified())) return;
    edit->setText(text);
}

}  // namespace

FlowPropertiesPanel::FlowPropertiesPanel(QWidget *parent) : QWidget(parent) {
    auto *host = new QWidget;
    auto *form = new QFormLayout(host);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addTextRow(
        form, tr("&Name"), QStringLiteral("name"),
        [](const QString &v) {
            return isValidName(v.trimmed()) ? QString() : tr("use letters, digits, '_' and '-'");
        },
        [](Flow &f, const QString &v) { f.name = v.trimmed(); }, tr("Rename flow"));
    addTextRow(
        form, tr("&Description"), QStringLiteral("description"), {},
        [](Flow &f, const QString &v) { f.description = v.trimmed(); }, tr("Describe flow"));
    addTextRow(
        form, tr("&Version"), QStringLiteral("version"), {},
        [](Flow &f, const QString &v) { f.version = v.trimmed(); }, tr("Set flow version"));
    addTextRow(
        form, tr("&Tags"), QStringLiteral("tags"), {},
        [](Flow &f, const QString &v) { f.tags = splitList(v); }, tr("Tag flow"));

    m_maxParallel = new QSpinBox;
    m_maxParallel->setRange(0, 4096);
    m_maxParallel->setSpecialValueText(tr("auto (%1 cores)").arg(QThread::idealThreadCount()));
    m_maxParallel->setKeyboardTracking(false);
    addRow(form, tr("&Max parallel"), QStringLiteral("runner.max_parallel"), m_maxParallel);
    connect(m_maxParallel, &QSpinBox::valueChanged, this,
            [this](int n) { edit([n](Flow &f) { f.runner.maxParallel = n; }, tr("Set max parallel")); });
    auto *memory = addTextRow(
        form, tr("Memory &limit"), QStringLiteral("runner.memory_limit"),
        [](const QString &v) {
            return v.trimmed().isEmpty() || parseSize(v.trimmed())
                       ? QString()
                       : tr("'%1' is not a size: use bytes or a number with KB, MB, GB, KiB, MiB or GiB")
                             .arg(v.trimmed());
        },
        [](Flow &f, const QString &v) { f.runner.memoryLimitBytes = parseSize(v.trimmed()).value_or(0); },
        tr("Set memory limit"));
    memory->setPlaceholderText(tr("no limit"));
    buildParameters(form);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(host);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setEnabled(false);
}

void FlowPropertiesPanel::addRow(QFormLayout *form, const QString &label, const QString &key,
                                 QWidget *editor) {
    m_fields.insert(key, editor);
    m_errors.insert(key, ValidationMark::addRow(form, label, editor));
}

QLineEdit *FlowPropertiesPanel::addTextRow(QFormLayout *form, const QString &label, const QString &key,
                                           std::function<QString(const QString &)> check,
                                           std::function<void(Flow &, const QString &)> apply,
                                           const QString &what) {
    auto *line = new QLineEdit;
    addRow(form, label, key, line);
    connect(line, &QLineEdit::textEdited, this,
            [this, key, check](const QString &text) { setError(key, check ? check(text) : QString()); });
    connect(line, &QLineEdit::editingFinished, this, [this, key, line, check, apply, what] {
        const QString error = check ? check(line->text()) : QString();
        setError(key, error);
        if (error.isEmpty()) edit([&](Flow &f) { apply(f, line->text()); }, what);
    });
    return line;
}

void FlowPropertiesPanel::buildParameters(QFormLayout *form) {
    m_parameters = new ParameterTable;
    const EditableTable table = withAddRemoveButtons(m_parameters, 8);
    addRow(form, tr("&Parameters"), QStringLiteral("parameters"), table.host);
    m_fields.insert(QStringLiteral("parameters"), m_parameters);
    connect(table.add, &QToolButton::clicked, m_parameters, &ParameterTable::addParameter);
    connect(table.remove, &QToolButton::clicked, m_parameters, &ParameterTable::removeSelected);
    connect(m_parameters, &ParameterTable::errorChanged, this,
            [this](const QString &error) { setError(QStringLiteral("parameters"), error); });
    connect(m_parameters, &ParameterTable::parametersEdited, this,
            [this](const std::vector<Parameter> &params) {
                edit([&](Flow &f) { f.parameters = params; }, tr("Edit parameters"));
            });
}

void FlowPropertiesPanel::setDocument(FlowDocument *document) {
    for (const auto &c : m_connections) disconnect(c);
    m_connections.clear();
    m_document = document;
    setEnabled(document != nullptr);
    if (!document) return;
    m_connections << connect(document, &FlowDocument::propertiesChanged, this, &FlowPropertiesPanel::refresh);
    m_connections << connect(document, &FlowDocument::flowReset, this, &FlowPropertiesPanel::refresh);
    for (QLabel *label : std::as_const(m_errors)) label->hide();
    refresh();
}

void FlowPropertiesPanel::refresh() {
    if (!m_document) return;
    m_refreshing = true;
    const Flow &f = m_document->flow();
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("name"))), f.name);
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("description"))), f.description);
    field(QStringLiteral("description"))->setToolTip(f.description);  // all of it, however narrow the dock
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("version"))), f.version);
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("tags"))),
                  f.tags.join(QStringLiteral(", ")));
    m_maxParallel->setValue(f.runner.maxParallel);
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("runner.memory_limit"))),
                  f.runner.memoryLimitBytes ? formatSize(f.runner.memoryLimitBytes) : QString());
    m_parameters->setParameters(f.parameters);
    m_refreshing = false;
}

void FlowPropertiesPanel::edit(const std::function<void(Flow &)> &change, const QString &what) {
    if (m_refreshing || !m_document) return;
    Flow changed = m_document->flow();
    change(changed);
    if (changed == m_document->flow()) return;
    m_document->updateFlowProperties(changed, what);
}

void FlowPropertiesPanel::setError(const QString &key, const QString &error) {
    ValidationMark::show(m_fields.value(key), m_errors.value(key), error);
}

QString FlowPropertiesPanel::fieldError(const QString &key) const {
    const QLabel *label = m_errors.value(key);
    return label && !label->isHidden() ? label->text() : QString();
}

bool FlowPropertiesPanel::focusField(const QString &key) {
    QWidget *editor = m_fields.value(key);
    if (!editor) return false;
    editor->setFocus(Qt::OtherFocusReason);
    return true;
}

}  // namespace flowdeck
