#pragma once
/// @file The inspector: every setting of the selected task as a form, edits going to the document.

#include "flow/Flow.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QScrollArea;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace flowdeck {

class DependencyList;
class EnvTable;
class FlowDocument;
class KeyValueTable;
class ScriptPane;
class TaskProblems;

/// Shows one task of one document. Each field checks its value as it is typed (red border and
/// a message) and commits a valid value through FlowDocument::updateTask or renameTask, so every
/// edit is one undo step. Fields are named by their key in the flow file ("retries", "env", ...).
class TaskInspector : public QWidget {
    Q_OBJECT
public:
    explicit TaskInspector(QWidget *parent = nullptr);

    /// The document whose tasks are shown; null shows nothing.
    void setDocument(FlowDocument *document);
    FlowDocument *document() const { return m_document; }
    /// Shows task @p name (empty: the "nothing selected" page).
    void setTask(const QString &name);
    QString task() const { return m_task; }
    /// With no single task shown, says how many tasks are selected (several) or how to pick one.
    void setSelection(const QStringList &names);
    /// The text of the page shown when no single task is selected.
    QString placeholderText() const;

    /// The editor of a file key ("name", "retries", "retry_delay", "timeout", "env", "script", ...).
    QWidget *field(const QString &key) const;
    /// The problems of the task that no field shows (unknown keys …), with their fixes.
    TaskProblems *otherProblems() const { return m_otherProblems; }
    /// Shows and focuses the field of @p key; false when there is none for the task's kind.
    bool focusField(const QString &key);
    /// The message shown under a field ("" when its value is fine).
    QString fieldError(const QString &key) const;
    ScriptPane *scriptPane() const { return m_script; }
    EnvTable *envTable() const { return m_env; }
    /// Commits typing that has not been committed yet (before save, close or a task switch).
    void commitPending();

private:
    void buildForm();
    void buildGeneralRows(QFormLayout *form);
    void buildRunRows(QFormLayout *form);
    void buildKindRows(QFormLayout *form);
    void buildEnvRow(QFormLayout *form);
    void addRow(QFormLayout *form, const QString &label, const QString &key, QWidget *editor);
    QLineEdit *addTextRow(QFormLayout *form, const QString &label, const QString &key,
                          std::function<QString(const QString &)> check,
                          std::function<void(Task &, const QString &)> apply, const QString &what);
    void connectDocument();
    void refresh();
    void refreshVisibility(const Task &task);
    void showModelProblems();
    /// A field whose value the file holds but the reader refused shows that value as written.
    void showRawValues();
    void setFieldError(const QString &key, const QString &error);
    /// A newly shown task starts at the top of the form, or at its first field with a problem.
    void scrollToFirstProblem();

    const Task *currentTask() const;
    /// Applies @p change to a copy of the task and hands it to the document as one undo step.
    void edit(const std::function<void(Task &)> &change, const QString &what);
    void rename(const QString &to);
    QString checkName(const QString &name) const;
    QString checkMap(const QString &text) const;

    QPointer<FlowDocument> m_document;
    QString m_task;
    bool m_refreshing = false;
    QList<QMetaObject::Connection> m_connections;

    QStackedWidget *m_pages;
    QLabel *m_title;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QLabel *> m_errors;
    QHash<QString, QWidget *> m_rows;  // key -> the row's label, for hiding kind-specific rows
    QHash<QString, QString> m_localErrors;

    QLineEdit *m_name;
    QComboBox *m_kind;
    QComboBox *m_trigger;
    QSpinBox *m_retries;
    QComboBox *m_delayMode;
    QLineEdit *m_delay;
    QDoubleSpinBox *m_jitter;
    QCheckBox *m_cacheEnabled;
    QComboBox *m_cachePolicy;
    QLineEdit *m_cacheExpiration;
    QCheckBox *m_cacheRefresh;
    QComboBox *m_language;
    DependencyList *m_after;
    TaskProblems *m_otherProblems;
    QScrollArea *m_scroll = nullptr;
    EnvTable *m_env;
    KeyValueTable *m_subflowParameters;
    ScriptPane *m_script;
};

}  // namespace flowdeck
