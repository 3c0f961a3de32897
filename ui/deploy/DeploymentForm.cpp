#include "DeploymentForm.h"

#include "DeploymentLaunch.h"
#include "DeploymentPreview.h"
#include "DeploymentSchedules.h"
#include "QuantityField.h"

#include "deploy/ExportWriter.h"
#include "deploy/Exporter.h"
#include "docks/EnvTable.h"
#include "docks/KeyValueTable.h"
#include "docks/ValidationMark.h"
#include "runs/RunController.h"
#include "schedule/ScheduleDescription.h"
#include "secrets/Keyring.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

/// The keys every type shows; the others only where the type's exporter uses them.
const QStringList sharedKeys = {"name", "deployment_type", "entrypoint", "description", "version",
                                "tags", "parameters",      "env_vars",   "schedules"};

/// The form row a diagnostic's field belongs to: "env_vars.TOKEN" -> env_vars,
/// "schedules[2].cron_expression" -> schedules, "flow_name" -> entrypoint.
QString rowOf(const QString &field) {
    QString key = field.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
    if (key == QLatin1String("flow_name")) key = QStringLiteral("entrypoint");
    return key;
}

/// The secret a variable's value goes to when none is named yet: API_TOKEN -> api-token.
QString secretNameFor(const QString &variable) {
    QString name = variable.toLower();
    name.replace(QLatin1Char('_'), QLatin1Char('-'));
    return name;
}

QByteArray fileText(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList flowFilesIn(const QString &dir) {
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.flow.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

}  // namespace

DeploymentForm::DeploymentForm(const QString &workspaceFile, const QString &name, RunController *runs,
                               QWidget *parent)
    : QDialog(parent), m_file(QFileInfo(workspaceFile).absoluteFilePath()), m_oldName(name), m_runs(runs) {
    setObjectName(QStringLiteral("deploymentForm"));
    setWindowTitle(name.isEmpty() ? tr("New Deployment[*]") : tr("Deployment \u2014 %1[*]").arg(name));
    auto *formHost = new QWidget;
    m_form = new QFormLayout(formHost);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    buildFields(m_form);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(formHost);
    m_preview = new DeploymentPreview;
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(scroll);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    m_otherProblems = new QLabel;
    m_otherProblems->setObjectName(QStringLiteral("otherProblems"));
    m_otherProblems->setWordWrap(true);
    m_otherProblems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("deploymentStatus"));
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox;
    m_export = buttons->addButton(tr("&Export to Folder\u2026"), QDialogButtonBox::ActionRole);
    m_run = buttons->addButton(tr("&Run Now"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(QDialogButtonBox::Save);
    buttons->addButton(QDialogButtonBox::Close);
    m_run->setEnabled(runs != nullptr);
    connect(m_export, &QPushButton::clicked, this, &DeploymentForm::chooseExportFolder);
    connect(m_run, &QPushButton::clicked, this, [this] {
        const LaunchResult result = runNow();
        if (result.isRefused())
            setStatus(tr("Not started: %1").arg(result.problemText()), true);
        else
            setStatus(tr("Run %1 started (see the Runs dock)").arg(result.runId.left(8)), false);
    });
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_otherProblems);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1280, 760);

    m_savedText = fileText(m_file);
    const WorkspaceDeployments all = WorkspaceDeployments::read(m_file);
    DeploymentConfig start;
    if (const DeploymentConfig *found = all.find(name))
        start = *found;
    else {
        start.deploymentType = DeploymentType::Process;
        start.typeKnown = true;
        const QStringList flows = flowFilesIn(QFileInfo(m_file).absolutePath());
        if (!flows.isEmpty()) start.entrypoint = flows.front();
        start.name = QStringLiteral("new-deployment");
        for (int n = 2; all.find(start.name); ++n) start.name = QStringLiteral("new-deployment-%1").arg(n);
        m_oldName.clear();
    }
    load(start);
}

QLineEdit *DeploymentForm::addText(QFormLayout *form, const QString &key, const QString &label,
                                   const QString &placeholder) {
    auto *edit = new QLineEdit;
    edit->setObjectName(key);
    edit->setPlaceholderText(placeholder);
    QWidget *cell = nullptr;
    m_messages.insert(key, ValidationMark::addRow(form, label, edit, &cell));
    m_cells.insert(key, cell);
    m_editors.insert(key, edit);
    connect(edit, &QLineEdit::textEdited, this, &DeploymentForm::refresh);
    return edit;
}

void DeploymentForm::addQuantity(QFormLayout *form, const QString &key, const QString &label, bool cpu) {
    auto *field = new QuantityField(cpu ? QuantityField::Kind::Cpu : QuantityField::Kind::Memory);
    field->setObjectName(key);
    QWidget *cell = nullptr;
    m_messages.insert(key, ValidationMark::addRow(form, label, field, &cell));
    m_cells.insert(key, cell);
    m_editors.insert(key, field);
    m_quantities.insert(key, field);
    connect(field, &QuantityField::edited, this, &DeploymentForm::refresh);
}

void DeploymentForm::buildFields(QFormLayout *form) {
    addText(form, QStringLiteral("name"), tr("&Name:"), tr("letters, digits, '_' and '-'"));

    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("deployment_type"));
    for (const Exporter *e : ExporterRegistry::instance().all()) {
        m_type->addItem(toString(e->type()), int(e->type()));
        m_type->setItemData(m_type->count() - 1, e->summary(), Qt::ToolTipRole);
    }
    QWidget *cell = nullptr;
    m_messages.insert(QStringLiteral("deployment_type"),
                      ValidationMark::addRow(form, tr("&Type:"), m_type, &cell));
    m_cells.insert(QStringLiteral("deployment_type"), cell);
    m_editors.insert(QStringLiteral("deployment_type"), m_type);
    connect(m_type, &QComboBox::activated, this, [this] {
        updateVisibleFields();
        refresh();
    });

    m_entrypoint = new QComboBox;
    m_entrypoint->setObjectName(QStringLiteral("entrypoint"));
    m_entrypoint->setEditable(true);
    m_entrypoint->addItems(flowFilesIn(QFileInfo(m_file).absolutePath()));
    m_messages.insert(QStringLiteral("entrypoint"),
                      ValidationMark::addRow(form, tr("&Flow:"), m_entrypoint, &cell));
    m_cells.insert(QStringLiteral("entrypoint"), cell);
    m_editors.insert(QStringLiteral("entrypoint"), m_entrypoint);
    connect(m_entrypoint, &QComboBox::currentTextChanged, this, &DeploymentForm::refresh);

    addText(form, QStringLiteral("description"), tr("&Description:"));
    addText(form, QStringLiteral("version"), tr("&Version:"));
    addText(form, QStringLiteral("tags"), tr("Ta&gs:"), tr("comma separated"));
    addText(form, QStringLiteral("image_name"), tr("&Image:"), tr("registry/name:tag"));
    addText(form, QStringLiteral("dockerfile"), tr("Dockerfile:"),
            tr("relative to the workspace; empty: generated"));
    addText(form, QStringLiteral("kube_namespace"), tr("Namespace:"), tr("default"));
    addText(form, QStringLiteral("pool_name"), tr("&Pool:"));
    addText(form, QStringLiteral("work_queue_name"), tr("&Queue:"));
    addText(form, QStringLiteral("template"), tr("Te&mplate:"),
            tr("a Mustache file, relative to the workspace"));
    addQuantity(form, QStringLiteral("cpu_request"), tr("CPU request:"), true);
    addQuantity(form, QStringLiteral("cpu_limit"), tr("CPU limit:"), true);
    addQuantity(form, QStringLiteral("memory_request"), tr("Memory request:"), false);
    addQuantity(form, QStringLiteral("memory_limit"), tr("Memory limit:"), false);

    m_parameters = new KeyValueTable;
    m_parameters->setObjectName(QStringLiteral("parameters"));
    m_parameters->setMaximumHeight(6 * m_parameters->fontMetrics().height() +
                                   m_parameters->horizontalHeader()->sizeHint().height());
    m_messages.insert(QStringLiteral("parameters"),
                      ValidationMark::addRow(form, tr("&Parameters:"), m_parameters, &cell));
    m_cells.insert(QStringLiteral("parameters"), cell);
    m_editors.insert(QStringLiteral("parameters"), m_parameters);
    connect(m_parameters, &KeyValueTable::valuesEdited, this, &DeploymentForm::refresh);

    m_env = new EnvTable;
    m_env->setObjectName(QStringLiteral("env_vars"));
    const EditableTable envHost = withAddRemoveButtons(m_env, 4);
    // A deployment has a few variables: the schedules below stay in view without scrolling.
    m_env->setMaximumHeight(8 * m_env->fontMetrics().height() +
                            m_env->horizontalHeader()->sizeHint().height());
    m_envNote =
        new QLabel(tr("Tick Secret and type the value: it goes into the keyring and is never shown again; "
                      "flowdeck.yaml keeps only {secret: NAME}."));
    m_envNote->setWordWrap(true);
    m_envNote->setObjectName(QStringLiteral("envNote"));
    auto *envBox = new QWidget;
    auto *envLayout = new QVBoxLayout(envBox);
    envLayout->setContentsMargins(0, 0, 0, 0);
    envLayout->addWidget(envHost.host);
    envLayout->addWidget(m_envNote);
    m_messages.insert(QStringLiteral("env_vars"),
                      ValidationMark::addRow(form, tr("&Environment:"), envBox, &cell));
    m_cells.insert(QStringLiteral("env_vars"), cell);
    m_editors.insert(QStringLiteral("env_vars"), m_env);
    connect(envHost.add, &QToolButton::clicked, m_env, &EnvTable::addVariable);
    connect(envHost.remove, &QToolButton::clicked, m_env, &EnvTable::removeSelected);
    connect(m_env, &EnvTable::envEdited, this, &DeploymentForm::onEnvEdited);

    m_schedules = new DeploymentSchedules;
    m_schedules->setObjectName(QStringLiteral("schedules"));
    const EditableTable scheduleHost = withAddRemoveButtons(m_schedules, 3);
    m_messages.insert(QStringLiteral("schedules"),
                      ValidationMark::addRow(form, tr("&Schedules:"), scheduleHost.host, &cell));
    m_cells.insert(QStringLiteral("schedules"), cell);
    m_editors.insert(QStringLiteral("schedules"), m_schedules);
    scheduleHost.add->setToolTip(tr("Add a cron schedule (daily at 02:00 UTC)"));
    connect(scheduleHost.add, &QToolButton::clicked, m_schedules, &DeploymentSchedules::addCron);
    connect(scheduleHost.remove, &QToolButton::clicked, m_schedules, &DeploymentSchedules::removeSelected);
    connect(m_schedules, &DeploymentSchedules::edited, this, &DeploymentForm::refresh);
    m_attach = new QToolButton;
    m_attach->setObjectName(QStringLiteral("attachSchedule"));
    m_attach->setText(tr("Attach from Schedules"));
    m_attach->setToolTip(tr("Copy a schedule of the Schedules panel into this deployment: it then fires "
                            "where the deployment is exported (a timer, a CronJob, a CronWorkflow...)"));
    m_attach->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_attach);
    connect(menu, &QMenu::aboutToShow, this, &DeploymentForm::fillAttachMenu);
    m_attach->setMenu(menu);
    scheduleHost.buttons->insertWidget(2, m_attach);
}

void DeploymentForm::fillAttachMenu() {
    QMenu *menu = m_attach->menu();
    menu->clear();
    const std::vector<ScheduleRecord> schedules = m_scheduleSource ? m_scheduleSource() : std::vector<ScheduleRecord>{};
    for (const ScheduleRecord &record : schedules) {
        const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(record.config);
        const QString sentence = parsed.ok() ? describeSchedule(parsed.config) : QString();
        QAction *a = menu->addAction(sentence.isEmpty() ? record.name : record.name + QStringLiteral(" \u2014 ") + sentence);
        const QString name = record.name;
        connect(a, &QAction::triggered, this, [this, name] { attachSchedule(name); });
    }
    if (schedules.empty()) menu->addAction(tr("No schedules in the Schedules panel"))->setEnabled(false);
}

bool DeploymentForm::attachSchedule(const QString &name) {
    if (!m_scheduleSource) return false;
    for (const ScheduleRecord &record : m_scheduleSource())
        if (record.name == name) {
            m_schedules->attach(record);
            return true;
        }
    return false;
}

void DeploymentForm::load(const DeploymentConfig &d) {
    m_loading = true;
    m_base = d;
    const auto set = [this](const char *key, const QString &value) {
        static_cast<QLineEdit *>(m_editors.value(QLatin1String(key)))->setText(value);
    };
    set("name", d.name);
    m_type->setCurrentIndex(m_type->findData(int(d.deploymentType)));
    m_entrypoint->setCurrentText(d.entrypoint.isEmpty() && !d.flowName.isEmpty() ? QString() : d.entrypoint);
    set("description", d.description);
    set("version", d.version);
    set("tags", d.tags.join(QStringLiteral(", ")));
    set("image_name", d.imageName);
    set("dockerfile", d.dockerfile);
    set("kube_namespace", d.kubeNamespace);
    set("pool_name", d.poolName);
    set("work_queue_name", d.workQueueName);
    set("template", d.templatePath);
    m_quantities.value(QStringLiteral("cpu_request"))->setText(d.cpuRequest);
    m_quantities.value(QStringLiteral("cpu_limit"))->setText(d.cpuLimit);
    m_quantities.value(QStringLiteral("memory_request"))->setText(d.memoryRequest);
    m_quantities.value(QStringLiteral("memory_limit"))->setText(d.memoryLimit);
    // Lists and maps stay as flowdeck.yaml has them: the table edits text values only.
    const bool scalars = std::all_of(d.parameters.begin(), d.parameters.end(), [](const QVariant &v) {
        return v.typeId() != QMetaType::QVariantList && v.typeId() != QMetaType::QVariantMap;
    });
    m_parameters->setValues(scalars ? d.parameters : QVariantMap());
    m_parameters->setEnabled(scalars);
    m_parameters->setToolTip(
        scalars ? tr("Values as on the command line (--param NAME=VALUE); they override the "
                     "flow's defaults and parameter_files")
                : tr("This deployment has list or map parameters: edit them in flowdeck.yaml"));
    std::vector<EnvVar> env;
    for (const DeploymentEnvVar &var : d.envVars)
        env.push_back(EnvVar{var.name, var.value, var.isSecret(), var.secretName});
    m_env->setEnv(env);
    m_schedules->setSchedules(d.schedules);
    m_loading = false;
    updateVisibleFields();
    refresh();
}

DeploymentConfig DeploymentForm::fromFields() const {
    DeploymentConfig d = m_base;
    const auto text = [this](const char *key) {
        const QString k = QLatin1String(key);
        if (!isFieldShown(k)) return QString();  // a field the type does not use is not written
        if (QuantityField *q = m_quantities.value(k)) return q->text();
        return static_cast<QLineEdit *>(m_editors.value(k))->text().trimmed();
    };
    d.name = text("name");
    d.deploymentType = DeploymentType(m_type->currentData().toInt());
    d.typeKnown = true;
    const QString entry = m_entrypoint->currentText().trimmed();
    if (!entry.isEmpty() || m_base.flowName.isEmpty()) d.entrypoint = entry;
    d.description = text("description");
    d.version = text("version");
    d.tags.clear();
    for (const QString &tag : text("tags").split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty()) d.tags << tag.trimmed();
    d.imageName = text("image_name");
    d.dockerfile = text("dockerfile");
    d.kubeNamespace = text("kube_namespace");
    d.poolName = text("pool_name");
    d.workQueueName = text("work_queue_name");
    d.templatePath = text("template");
    d.cpuRequest = text("cpu_request");
    d.cpuLimit = text("cpu_limit");
    d.memoryRequest = text("memory_request");
    d.memoryLimit = text("memory_limit");
    if (m_parameters->isEnabled()) d.parameters = m_parameters->values();
    d.envVars.clear();
    const std::vector<EnvVar> env = m_env->env();
    for (int row = 0; row < int(env.size()); ++row) {
        const EnvVar &var = env[size_t(row)];
        DeploymentEnvVar out;
        out.name = var.name;
        if (var.secret) {
            // Only ever a reference: a value typed into a secret row goes to the keyring, not here.
            const QTableWidgetItem *cell = m_env->item(row, EnvTable::SecretColumn);
            out.secretName = cell && !cell->data(Qt::UserRole).toString().isEmpty()
                                 ? cell->data(Qt::UserRole).toString()
                                 : secretNameFor(var.name);
        } else {
            out.value = var.value;
        }
        d.envVars.push_back(out);
    }
    d.schedules = m_schedules->schedules();
    return d;
}

bool DeploymentForm::isFieldShown(const QString &key) const {
    if (sharedKeys.contains(key)) return true;
    const Exporter *e = ExporterRegistry::instance().find(DeploymentType(m_type->currentData().toInt()));
    return e && e->fields().contains(key);
}

void DeploymentForm::updateVisibleFields() {
    for (auto it = m_cells.constBegin(); it != m_cells.constEnd(); ++it)
        m_form->setRowVisible(it.value(), isFieldShown(it.key()));
}

void DeploymentForm::setFieldText(const QString &key, const QString &text) {
    if (QuantityField *q = m_quantities.value(key))
        q->setText(text);
    else if (key == QLatin1String("entrypoint"))
        m_entrypoint->setCurrentText(text);
    else if (auto *edit = qobject_cast<QLineEdit *>(m_editors.value(key)))
        edit->setText(text);
    refresh();
}

void DeploymentForm::setType(DeploymentType type) {
    m_type->setCurrentIndex(m_type->findData(int(type)));
    updateVisibleFields();
    refresh();
}

Diagnostics DeploymentForm::problems() const {
    Diagnostics all = m_draft.problems;
    const Diagnostics rows = m_schedules->problems();
    all.insert(all.end(), rows.begin(), rows.end());
    return all;
}

void DeploymentForm::refresh() {
    if (m_loading) return;
    m_draft = draftDeployment(m_file, m_oldName, fromFields());
    setWindowModified(isModified());
    const Diagnostics all = problems();
    showProblems(all);
    const int errors = int(std::count_if(all.begin(), all.end(),
                                         [](const Diagnostic &d) { return d.severity == Severity::Error; }));
    m_save->setEnabled(errors == 0);
    m_export->setEnabled(errors == 0);
    m_run->setEnabled(errors == 0 && m_runs);
    if (errors > 0) {
        const auto first = std::find_if(all.begin(), all.end(),
                                        [](const Diagnostic &d) { return d.severity == Severity::Error; });
        m_preview->clear(
            (errors == 1 ? tr("No preview: %1") : tr("No preview: %1 problems, the first: %2").arg(errors))
                .arg(first->message));
        setStatus(tr("Cannot save: %1").arg(first->message), true);
        return;
    }
    const ExportResult result = exportDeployment(m_draft.deployment);
    if (!result.ok()) {
        m_preview->clear(tr("No preview: the export failed"));
        return;
    }
    m_preview->setFiles(result.files);
    if (isModified())
        setStatus(tr("%1 files to export; changes not saved yet").arg(result.files.size()), false);
    else if (!m_savedNote.isEmpty())
        setStatus(m_savedNote, false);
    else
        setStatus(tr("%1 files to export; no changes").arg(result.files.size()), false);
}

bool DeploymentForm::isModified() const {
    return m_oldName.isEmpty() || m_draft.text != m_savedText;
}

void DeploymentForm::reject() {
    if (isModified()) {
        switch (m_closePrompt ? m_closePrompt() : askToSave()) {
            case CloseAnswer::Save:
                if (!save().isEmpty()) return;  // the status line says why; the form stays
                break;
            case CloseAnswer::Discard:
                break;
            case CloseAnswer::Cancel:
                return;
        }
    }
    QDialog::reject();
}

DeploymentForm::CloseAnswer DeploymentForm::askToSave() {
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("Save deployment %1 to %2 before closing?").arg(m_draft.deployment.name, QFileInfo(m_file).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return CloseAnswer::Save;
    return answer == QMessageBox::Discard ? CloseAnswer::Discard : CloseAnswer::Cancel;
}

void DeploymentForm::showProblems(const Diagnostics &problems) {
    QHash<QString, QString> byRow;
    QStringList others;
    for (const Diagnostic &d : problems) {
        const QString row = rowOf(d.field);
        const bool own = d.file.isEmpty() || d.file == m_file;
        const QString text = d.severity == Severity::Error ? d.message : tr("warning: %1").arg(d.message);
        if (own && m_messages.contains(row) && isFieldShown(row)) {
            if (!byRow.contains(row)) byRow.insert(row, text);
        } else {
            others << (own ? text : d.toString());
        }
    }
    for (auto it = m_messages.constBegin(); it != m_messages.constEnd(); ++it)
        ValidationMark::show(m_editors.value(it.key()), it.value(), byRow.value(it.key()));
    m_otherProblems->setText(others.join(QLatin1Char('\n')));
    m_otherProblems->setVisible(!others.isEmpty());
}

QString DeploymentForm::fieldMessage(const QString &key) const {
    const QLabel *label = m_messages.value(key);
    return label && !label->isHidden() ? label->text() : QString();
}

void DeploymentForm::setStatus(const QString &text, bool error) {
    ValidationMark::setStatus(m_status, text, error);
}

QString DeploymentForm::statusText() const {
    return m_status->text();
}

void DeploymentForm::onEnvEdited() {
    // A value typed into a secret row goes to the keyring at once and leaves the table: the row
    // becomes a reference, so the value is in no file, no preview and not on screen.
    std::vector<EnvVar> env = m_env->env();
    QStringList notes;
    bool moved = false;
    for (int row = 0; row < int(env.size()); ++row) {
        EnvVar &var = env[size_t(row)];
        if (!var.secret || var.value.isEmpty()) continue;
        const QTableWidgetItem *cell = m_env->item(row, EnvTable::SecretColumn);
        const QString named = cell ? cell->data(Qt::UserRole).toString() : QString();
        const QString secret = named.isEmpty() ? secretNameFor(var.name) : named;
        if (!isValidSecretName(secret)) {
            notes << tr("'%1' is not a secret name (lowercase letters, digits and '-'): rename the variable; "
                        "its value "
                        "was not kept")
                         .arg(secret);
        } else if (const auto why = Keyring::unavailableReason()) {
            notes
                << tr("The keyring cannot be used (%1): the value of %2 was not kept; give it as %3 when the "
                      "deployment runs")
                       .arg(*why, var.name,
                            QStringLiteral("FLOWDECK_SECRET_") + secret.toUpper().replace('-', '_'));
        } else if (const KeyringResult r = Keyring::write(secret, var.value); !r.ok) {
            notes << tr("The keyring refused secret '%1': %2").arg(secret, r.error);
        } else {
            notes << tr("Secret '%1' saved in the keyring.").arg(secret);
        }
        var.value.clear();
        var.secretName = secret;
        moved = true;
    }
    if (!moved) {
        refresh();
        return;
    }
    m_envNote->setText(notes.join(QLatin1Char(' ')));
    // EnvTable ignores setEnv() while it announces an edit: replace the rows right after.
    QTimer::singleShot(0, this, [this, env] {
        m_env->setEnv(env);
        refresh();
    });
    refresh();
}

QString DeploymentForm::save() {
    refresh();
    const Diagnostics all = problems();
    for (const Diagnostic &d : all)
        if (d.severity == Severity::Error) {
            setStatus(tr("Not saved: %1").arg(d.message), true);
            return d.message;
        }
    const QString error = saveDeploymentDraft(m_file, m_draft);
    if (!error.isEmpty()) {
        setStatus(error, true);
        return error;
    }
    m_oldName = m_draft.deployment.name;
    m_base = m_draft.deployment;
    m_savedText = m_draft.text;
    m_savedNote = tr("Saved to %1").arg(QDir::toNativeSeparators(m_file));
    setWindowTitle(tr("Deployment \u2014 %1[*]").arg(m_oldName));
    refresh();
    emit saved(m_oldName);
    return {};
}

QString DeploymentForm::exportTo(const QString &outDir, bool force) {
    refresh();
    if (!m_save->isEnabled()) return statusText();
    const QString error = writeExport(m_preview->files(), outDir, force);
    setStatus(error.isEmpty() ? tr("Exported %1 files to %2")
                                    .arg(m_preview->files().size())
                                    .arg(QDir::toNativeSeparators(outDir))
                              : error,
              !error.isEmpty());
    return error;
}

void DeploymentForm::chooseExportFolder() {
    refresh();
    if (!m_draft.ok()) return;
    bool failed = false;
    const QString said = exportDeploymentInteractively(this, m_file, m_draft.deployment, &failed);
    if (!said.isEmpty()) setStatus(said, failed);
}

LaunchResult DeploymentForm::runNow() {
    refresh();
    if (!m_runs || !m_draft.ok()) return refusedLaunch(m_file, m_runs ? statusText() : tr("no run controller"));
    return launchDeployment(*m_runs, m_file, m_draft.deployment);
}

}  // namespace flowdeck
