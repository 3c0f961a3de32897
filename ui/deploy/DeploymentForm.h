#pragma once
/// @file One deployment as a form: the fields its type uses, each checked as you type through
/// the core (the file is patched in memory and read back, as `flowdeck-cli deploy validate`
/// would read it once saved), the export's files previewed live, Export, Run now and Save.

#include "DeploymentSchedules.h"

#include "deploy/DeploymentWriter.h"
#include "workspace/RunLauncher.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace flowdeck {

class DeploymentPreview;
class EnvTable;
class KeyValueTable;
class QuantityField;
class RunController;

class DeploymentForm : public QDialog {
    Q_OBJECT
public:
    enum class CloseAnswer { Save, Discard, Cancel };
    /// Asked when the form closes with changes not in flowdeck.yaml (tests answer without a box).
    using ClosePrompt = std::function<CloseAnswer()>;

    /// Edits deployment @p name of @p workspaceFile (flowdeck.yaml); an empty @p name starts a new
    /// one. @p runs (may be null) starts Run now.
    DeploymentForm(const QString &workspaceFile, const QString &name, RunController *runs,
                   QWidget *parent = nullptr);

    /// The editor of a deployment key ("image_name", "cpu_limit", "deployment_type"...), or null.
    QWidget *field(const QString &key) const { return m_editors.value(key); }
    /// The message shown under the field of @p key (empty when none is shown).
    QString fieldMessage(const QString &key) const;
    bool isFieldShown(const QString &key) const;
    /// Sets a text field as typing would (tests, and the type switch).
    void setFieldText(const QString &key, const QString &text);
    void setType(DeploymentType type);

    EnvTable *envTable() const { return m_env; }
    KeyValueTable *parameterTable() const { return m_parameters; }
    DeploymentSchedules *schedulesTable() const { return m_schedules; }
    DeploymentPreview *preview() const { return m_preview; }
    QPushButton *saveButton() const { return m_save; }
    const DeploymentDraft &draft() const { return m_draft; }
    /// The problems of the form: the draft's and those of schedule rows that do not read.
    Diagnostics problems() const;
    /// What the status line says (why Save is off, or what the last action did).
    QString statusText() const;

    /// True when the fields say something flowdeck.yaml does not (yet).
    bool isModified() const;
    void setClosePrompt(ClosePrompt prompt) { m_closePrompt = std::move(prompt); }
    /// Closing (Close, Escape, the window's button) with changes asks to save, discard or stay.
    void reject() override;

    /// Where Attach finds the workspace's schedules (the Schedules panel's); unset: none.
    void setScheduleSource(ScheduleSource source) { m_scheduleSource = std::move(source); }
    /// Attaches a copy of workspace schedule @p name; false when the source has none of that name.
    bool attachSchedule(const QString &name);

    /// Saves into flowdeck.yaml; an empty string, else why nothing was written.
    QString save();
    /// Writes the previewed files into @p outDir as `deploy export --out` does.
    QString exportTo(const QString &outDir, bool force);
    /// A local run of the deployment's flow with its parameters and environment.
    LaunchResult runNow();

signals:
    void saved(const QString &name);

private:
    void buildFields(QFormLayout *form);
    QLineEdit *addText(QFormLayout *form, const QString &key, const QString &label,
                       const QString &placeholder = {});
    void addQuantity(QFormLayout *form, const QString &key, const QString &label, bool cpu);
    void load(const DeploymentConfig &d);
    DeploymentConfig fromFields() const;
    void refresh();
    void showProblems(const Diagnostics &problems);
    void updateVisibleFields();
    void onEnvEdited();
    void chooseExportFolder();
    void fillAttachMenu();
    CloseAnswer askToSave();
    void setStatus(const QString &text, bool error);

    QString m_file;
    QString m_oldName;
    RunController *m_runs;
    DeploymentConfig m_base;  ///< keys the form does not edit (parameters, storage_config...) ride along
    DeploymentDraft m_draft;
    QByteArray m_savedText;  ///< flowdeck.yaml as read or last saved: what isModified() compares
    QString m_savedNote;     ///< "Saved to ...", shown until the next change
    bool m_loading = false;
    ClosePrompt m_closePrompt;
    ScheduleSource m_scheduleSource;

    QHash<QString, QWidget *> m_editors;
    QHash<QString, QWidget *> m_cells;
    QHash<QString, QLabel *> m_messages;
    QHash<QString, QuantityField *> m_quantities;
    QComboBox *m_type = nullptr;
    QComboBox *m_entrypoint = nullptr;
    KeyValueTable *m_parameters = nullptr;
    EnvTable *m_env = nullptr;
    QLabel *m_envNote = nullptr;
    DeploymentSchedules *m_schedules = nullptr;
    QToolButton *m_attach = nullptr;
    QFormLayout *m_form = nullptr;
    DeploymentPreview *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_otherProblems = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_run = nullptr;
};

}  // namespace flowdeck
