#pragma once
/// @file The flow's own settings: name, description, version, tags, runner and parameters.

#include "flow/Flow.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace flowdeck {

class FlowDocument;
class ParameterTable;

/// A form over the current document's flow properties. Valid edits go through
/// FlowDocument::updateFlowProperties, one undo step each; invalid ones are marked and kept
/// out of the model.
class FlowPropertiesPanel : public QWidget {
    Q_OBJECT
public:
    explicit FlowPropertiesPanel(QWidget *parent = nullptr);

    void setDocument(FlowDocument *document);
    /// The editor of a key: "name", "description", "version", "tags", "runner.max_parallel",
    /// "runner.memory_limit", "parameters".
    QWidget *field(const QString &key) const { return m_fields.value(key); }
    QString fieldError(const QString &key) const;
    ParameterTable *parameterTable() const { return m_parameters; }
    bool focusField(const QString &key);

private:
    QLineEdit *addTextRow(QFormLayout *form, const QString &label, const QString &key,
                          std::function<QString(const QString &)> check,
                          std::function<void(Flow &, const QString &)> apply, const QString &what);
    void addRow(QFormLayout *form, const QString &label, const QString &key, QWidget *editor);
    void buildParameters(QFormLayout *form);
    void refresh();
    void edit(const std::function<void(Flow &)> &change, const QString &what);
    void setError(const QString &key, const QString &error);

    QPointer<FlowDocument> m_document;
    QList<QMetaObject::Connection> m_connections;
    bool m_refreshing = false;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QLabel *> m_errors;
    QSpinBox *m_maxParallel;
    ParameterTable *m_parameters;
};

}  // namespace flowdeck
