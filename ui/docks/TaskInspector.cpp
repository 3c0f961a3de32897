#include "TaskInspector.h"

#include "DependencyList.h"
#include "EnvTable.h"
#include "KeyValueTable.h"
#include "ScriptPane.h"
#include "TaskProblems.h"
#include "ValidationMark.h"
#include "editor/FlowDocument.h"
#include "flow/SourceText.h"
#include "flow/Units.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace flowdeck {

namespace {

enum Page { EmptyPage, TaskPage };

QString joinDurations(const std::vector<double> &seconds) {
    QStringList parts;
    for (double s : seconds) parts << formatDuration(s);
    return parts.join(QStringLiteral(", "));
}

QString delayText(const RetryDelay &delay) {
    if (delay.mode == RetryDelay::Mode::List) return joinDurations(delay.seconds);
    return delay.seconds.empty() ? QString() : formatDuration(delay.seconds.front());
}

QString durationError(const QString &text, bool allowEmpty, bool positive) {
    if (text.trimmed().isEmpty())
        return allowEmpty ? QString() : TaskInspector::tr("a duration is needed, like '30s' or '1m30s'");
    const std::optional<double> seconds = parseDuration(text.trimmed());
    if (!seconds)
        return TaskInspector::tr(
                   "'%1' is not a duration: use seconds or a number with ms, s, m, h or d, "
                   "like '30s' or '1m30s'")
            .arg(text.trimmed());
    if (positive && *seconds <= 0) return TaskInspector::tr("must be greater than 0");
    return QString();
}

std::optional<RetryDelay> parseDelay(RetryDelay::Mode mode, const QString &text, QString *error) {
    RetryDelay delay;
    delay.mode = mode;
    delay.seconds.clear();
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty() || (mode != RetryDelay::Mode::List && parts.size() > 1)) {
        *error = mode == RetryDelay::Mode::List
                     ? TaskInspector::tr("one duration per retry, like '1s, 5s, 30s'")
                     : TaskInspector::tr("one duration, like '10s'");
        return std::nullopt;
    }
    for (const QString &part : parts) {
        *error = durationError(part, false, false);
        if (!error->isEmpty()) return std::nullopt;
        delay.seconds.push_back(*parseDuration(part.trimmed()));
    }
    return delay;
}

QStringList splitList(const QString &text) {
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty()) items << part.trimmed();
    return items;
}

void setTextIfIdle(QLineEdit *edit, const QString &text) {
    // Never pull the text from under someone who is typing in this field.
    if (edit->text() == text || (edit->hasFocus() && edit->isModified())) return;
    edit->setText(text);
    edit->setCursorPosition(0);  // a long value shows its start, not its end, in a narrow dock
}

void selectData(QComboBox *combo, const QString &text) {
    const int index = combo->findText(text);
    if (index >= 0 && index != combo->currentIndex()) combo->setCurrentIndex(index);
}

ScriptEditor::Language languageOf(const Task &task) {
    const bool python = task.kind == TaskKind::Python ||
                        (task.kind == TaskKind::Branch && task.language == ScriptLanguage::Python);
    return python ? ScriptEditor::Language::Python : ScriptEditor::Language::Shell;
}

}  // namespace

TaskInspector::TaskInspector(QWidget *parent)
    : QWidget(parent), m_pages(new QStackedWidget(this)), m_title(new QLabel(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    setSelection({});
    m_pages->addWidget(m_title);
    buildForm();
    m_pages->setCurrentIndex(EmptyPage);
}

void TaskInspector::buildForm() {
    auto *formHost = new QWidget;
    auto *form = new QFormLayout(formHost);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_otherProblems = new TaskProblems;
    form->addRow(m_otherProblems);
    connect(m_otherProblems, &TaskProblems::fixRequested, this, [this](const Diagnostic &problem) {
        if (m_document) m_document->applySuggestion(problem);
    });
    buildGeneralRows(form);
    buildKindRows(form);
    buildRunRows(form);
    buildEnvRow(form);

    auto *scroll = new QScrollArea;
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_scroll = scroll;

    m_script = new ScriptPane;
    m_fields.insert(QStringLiteral("script"), m_script->editor());
    connect(m_script, &ScriptPane::scriptEdited, this, [this](const QString &script) {
        edit([&](Task &t) { t.script = script; }, tr("Edit script of %1").arg(m_task));
    });
    auto *scriptBox = new QGroupBox(tr("Script"));
    auto *scriptLayout = new QVBoxLayout(scriptBox);
    scriptLayout->setContentsMargins(2, 2, 2, 2);
    scriptLayout->addWidget(m_script);
    m_rows.insert(QStringLiteral("script"), scriptBox);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(scroll);
    splitter->addWidget(scriptBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    m_pages->addWidget(splitter);
}

void TaskInspector::addRow(QFormLayout *form, const QString &label, const QString &key, QWidget *editor) {
    QWidget *cell = nullptr;
    m_errors.insert(key, ValidationMark::addRow(form, label, editor, &cell));
    m_fields.insert(key, editor);
    m_rows.insert(key, cell);
}

QLineEdit *TaskInspector::addTextRow(QFormLayout *form, const QString &label, const QString &key,
                                     std::function<QString(const QString &)> check,
                                     std::function<void(Task &, const QString &)> apply,
                                     const QString &what) {
    auto *line = new QLineEdit;
    addRow(form, label, key, line);
    connect(line, &QLineEdit::textEdited, this,
            [this, key, check](const QString &text) { setFieldError(key, check ? check(text) : QString()); });
    connect(line, &QLineEdit::editingFinished, this, [this, key, line, check, apply, what] {
        const QString error = check ? check(line->text()) : QString();
        setFieldError(key, error);
        if (error.isEmpty()) edit([&](Task &t) { apply(t, line->text()); }, what.arg(m_task));
    });
    return line;
}

void TaskInspector::buildGeneralRows(QFormLayout *form) {
    m_name = new QLineEdit;
    addRow(form, tr("&Name"), QStringLiteral("name"), m_name);
    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString &text) { setFieldError(QStringLiteral("name"), checkName(text)); });
    connect(m_name, &QLineEdit::editingFinished, this, [this] { rename(m_name->text().trimmed()); });

    m_kind = new QComboBox;
    m_kind->addItems(taskKindNames());
    addRow(form, tr("&Kind"), QStringLiteral("kind"), m_kind);
    connect(m_kind, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (const auto kind = taskKindFromString(text))
            edit([&](Task &t) { t.kind = *kind; }, tr("Change kind of %1"));
    });

    addTextRow(
        form, tr("&Description"), QStringLiteral("description"), {},
        [](Task &t, const QString &v) { t.description = v.trimmed(); }, tr("Describe %1"));
    addTextRow(
        form, tr("T&ags"), QStringLiteral("tags"), {},
        [](Task &t, const QString &v) { t.tags = splitList(v); }, tr("Tag %1"));
    addTextRow(
        form, tr("&Working folder"), QStringLiteral("workdir"), {},
        [](Task &t, const QString &v) { t.workdir = v.trimmed(); }, tr("Set working folder of %1"));
}

void TaskInspector::buildKindRows(QFormLayout *form) {
    m_language = new QComboBox;
    m_language->addItems({QStringLiteral("shell"), QStringLiteral("python")});
    addRow(form, tr("&Language"), QStringLiteral("language"), m_language);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this](int index) {
        edit([&](Task &t) { t.language = index == 1 ? ScriptLanguage::Python : ScriptLanguage::Shell; },
             tr("Change language of %1"));
    });

    addTextRow(
        form, tr("&Flow file"), QStringLiteral("flow"),
        [](const QString &v) {
            return v.trimmed().isEmpty() ? tr("a subflow needs a flow file") : QString();
        },
        [](Task &t, const QString &v) { t.subflow = v.trimmed(); }, tr("Set flow of %1"));
    m_subflowParameters = new KeyValueTable;
    m_subflowParameters->setMinimumHeight(fontMetrics().height() * 6);
    addRow(form, tr("Para&meters"), QStringLiteral("parameters"), m_subflowParameters);
    connect(m_subflowParameters, &KeyValueTable::valuesEdited, this, [this](const QVariantMap &values) {
        edit([&](Task &t) { t.subflowParameters = values; }, tr("Set parameters of %1"));
    });

    addTextRow(
        form, tr("&Seconds"), QStringLiteral("seconds"),
        [](const QString &v) { return durationError(v, false, false); },
        [](Task &t, const QString &v) { t.sleepSeconds = parseDuration(v.trimmed()).value_or(0); },
        tr("Set sleep of %1"));
}

void TaskInspector::buildRunRows(QFormLayout *form) {
    m_after = new DependencyList;
    addRow(form, tr("&After"), QStringLiteral("after"), m_after);
    connect(m_after, &DependencyList::removeRequested, this, [this](const QString &upstream) {
        if (m_document) m_document->disconnectTasks(upstream, m_task);
    });
    connect(m_after, &DependencyList::replaceRequested, this, [this](const QString &from, const QString &to) {
        if (!m_document) return;
        Diagnostic fix;
        fix.task = m_task;
        fix.field = QStringLiteral("after");
        fix.found = from;
        fix.suggestion = to;
        m_document->applySuggestion(fix);
    });

    m_trigger = new QComboBox;
    m_trigger->addItems(triggerRuleNames());
    addRow(form, tr("&Trigger"), QStringLiteral("trigger"), m_trigger);
    connect(m_trigger, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (const auto rule = triggerRuleFromString(text))
            edit([&](Task &t) { t.trigger = *rule; }, tr("Change trigger of %1"));
    });

    addTextRow(
        form, tr("&Map over"), QStringLiteral("map"), [this](const QString &v) { return checkMap(v); },
        [](Task &t, const QString &v) { t.mapOver = v.trimmed(); }, tr("Map %1"));

    m_retries = new QSpinBox;
    m_retries->setRange(0, 1000);
    m_retries->setKeyboardTracking(false);  // one undo step per value, not per digit
    addRow(form, tr("&Retries"), QStringLiteral("retries"), m_retries);
    connect(m_retries, &QSpinBox::valueChanged, this,
            [this](int value) { edit([&](Task &t) { t.retries = value; }, tr("Set retries of %1")); });

    auto *delayRow = new QWidget;
    auto *delayLayout = new QHBoxLayout(delayRow);
    delayLayout->setContentsMargins(0, 0, 0, 0);
    m_delayMode = new QComboBox;
    m_delayMode->addItems({tr("fixed"), tr("list"), tr("exponential")});
    m_delay = new QLineEdit;
    m_delay->setPlaceholderText(tr("e.g. 10s"));
    delayLayout->addWidget(m_delayMode);
    delayLayout->addWidget(m_delay, 1);
    addRow(form, tr("Retry &delay"), QStringLiteral("retry_delay"), delayRow);
    m_fields.insert(QStringLiteral("retry_delay"), m_delay);  // the part that can be wrong
    auto commitDelay = [this] {
        // refresh() sets the mode before the text: parsing the previous task's text in the new
        // mode showed a false "one duration" error on a valid delay (issue 8, defect 3).
        if (m_refreshing) return;
        QString error;
        const auto delay = parseDelay(RetryDelay::Mode(m_delayMode->currentIndex()), m_delay->text(), &error);
        setFieldError(QStringLiteral("retry_delay"), error);
        if (delay) edit([&](Task &t) { t.retryDelay = *delay; }, tr("Set retry delay of %1"));
    };
    connect(m_delay, &QLineEdit::textEdited, this, [this] {
        QString error;
        parseDelay(RetryDelay::Mode(m_delayMode->currentIndex()), m_delay->text(), &error);
        setFieldError(QStringLiteral("retry_delay"), error);
    });
    connect(m_delay, &QLineEdit::editingFinished, this, commitDelay);
    connect(m_delayMode, &QComboBox::currentIndexChanged, this, commitDelay);

    m_jitter = new QDoubleSpinBox;
    m_jitter->setRange(0, 100);
    m_jitter->setSingleStep(0.1);
    m_jitter->setDecimals(2);
    m_jitter->setKeyboardTracking(false);
    addRow(form, tr("Retry &jitter"), QStringLiteral("retry_jitter"), m_jitter);
    connect(m_jitter, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        edit([&](Task &t) { t.retryJitter = value; }, tr("Set retry jitter of %1"));
    });

    addTextRow(
        form, tr("Time&out"), QStringLiteral("timeout"),
        [](const QString &v) { return durationError(v, true, true); },
        [](Task &t, const QString &v) {
            t.timeoutSeconds = v.trimmed().isEmpty() ? std::nullopt : parseDuration(v.trimmed());
        },
        tr("Set timeout of %1"));

    auto *cacheRow = new QWidget;
    auto *cacheLayout = new QHBoxLayout(cacheRow);
    cacheLayout->setContentsMargins(0, 0, 0, 0);
    m_cacheEnabled = new QCheckBox(tr("on"));
    m_cachePolicy = new QComboBox;
    m_cachePolicy->addItems({QStringLiteral("none"), QStringLiteral("inputs"),
                             QStringLiteral("inputs+source"), QStringLiteral("per-run")});
    m_cacheRefresh = new QCheckBox(tr("refresh"));
    cacheLayout->addWidget(m_cacheEnabled);
    cacheLayout->addWidget(m_cachePolicy, 1);
    cacheLayout->addWidget(m_cacheRefresh);
    addRow(form, tr("&Cache"), QStringLiteral("cache"), cacheRow);
    m_fields.insert(QStringLiteral("cache"), m_cachePolicy);
    connect(m_cacheEnabled, &QCheckBox::toggled, this,
            [this](bool on) { edit([&](Task &t) { t.cache.enabled = on; }, tr("Cache %1")); });
    connect(m_cachePolicy, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (const auto policy = cachePolicyFromString(text))
            edit(
                [&](Task &t) {
                    t.cache.enabled = true;
                    t.cache.policy = *policy;
                },
                tr("Set cache policy of %1"));
    });
    connect(m_cacheRefresh, &QCheckBox::toggled, this, [this](bool on) {
        edit(
            [&](Task &t) {
                t.cache.enabled = true;
                t.cache.refresh = on;
            },
            tr("Set cache refresh of %1"));
    });
    m_cacheExpiration = addTextRow(
        form, tr("Cache e&xpires"), QStringLiteral("cache.expiration"),
        [](const QString &v) { return durationError(v, true, true); },
        [](Task &t, const QString &v) {
            t.cache.expirationSeconds = v.trimmed().isEmpty() ? std::nullopt : parseDuration(v.trimmed());
            if (t.cache.expirationSeconds) t.cache.enabled = true;
        },
        tr("Set cache expiration of %1"));
    m_cacheExpiration->setPlaceholderText(tr("never"));
}

void TaskInspector::buildEnvRow(QFormLayout *form) {
    m_env = new EnvTable;
    const EditableTable table = withAddRemoveButtons(m_env, 7);
    addRow(form, tr("&Environment"), QStringLiteral("env"), table.host);
    m_fields.insert(QStringLiteral("env"), m_env);
    connect(table.add, &QToolButton::clicked, m_env, &EnvTable::addVariable);
    connect(table.remove, &QToolButton::clicked, m_env, &EnvTable::removeSelected);
    connect(m_env, &EnvTable::envEdited, this, [this](const std::vector<EnvVar> &env) {
        edit([&](Task &t) { t.env = env; }, tr("Edit environment of %1"));
    });
}

void TaskInspector::setDocument(FlowDocument *document) {
    if (document == m_document) return;
    commitPending();
    for (const auto &c : m_connections) disconnect(c);
    m_connections.clear();
    m_document = document;
    m_task.clear();
    connectDocument();
    setTask(QString());
}

void TaskInspector::connectDocument() {
    if (!m_document) return;
    auto refreshIfMine = [this](const QString &name) {
        if (name == m_task) refresh();
    };
    m_connections << connect(m_document, &FlowDocument::taskChanged, this, refreshIfMine);
    m_connections << connect(m_document, &FlowDocument::taskRemoved, this, [this](const QString &name) {
        if (name == m_task) setTask(QString());
    });
    m_connections << connect(m_document, &FlowDocument::taskRenamed, this,
                             [this](const QString &from, const QString &to) {
                                 if (from != m_task) return;
                                 m_task = to;
                                 refresh();
                             });
    m_connections << connect(m_document, &FlowDocument::flowReset, this, [this] {
        if (!currentTask())
            setTask(QString());
        else
            refresh();
    });
    m_connections << connect(m_document, &FlowDocument::edgesChanged, this, &TaskInspector::refresh);
    m_connections << connect(m_document, &FlowDocument::propertiesChanged, this, &TaskInspector::refresh);
    // The unknown upstreams' verdicts and the raw refused values come from the problems too.
    m_connections << connect(m_document, &FlowDocument::problemsChanged, this, [this] {
        if (currentTask()) refresh();
        else showModelProblems();
    });
}

void TaskInspector::setTask(const QString &name) {
    const bool another = name != m_task;
    if (another) commitPending();
    m_task = name;
    m_localErrors.clear();
    if (!currentTask()) {
        m_task.clear();
        m_pages->setCurrentIndex(EmptyPage);
        return;
    }
    m_pages->setCurrentIndex(TaskPage);
    refresh();
    // The form is shared by all tasks: it kept the scroll position of the task shown before.
    if (another) scrollToFirstProblem();
}

void TaskInspector::scrollToFirstProblem() {
    m_scroll->verticalScrollBar()->setValue(0);
    // Where the fields are is known once the form is laid out for this task's rows (a page just
    // shown, rows hidden for its kind, messages wrapped): look after the layout has run.
    QTimer::singleShot(0, this, [this, task = m_task] {
        if (task != m_task) return;
        auto *form = qobject_cast<QFormLayout *>(m_scroll->widget()->layout());
        if (!form) return;
        m_scroll->verticalScrollBar()->setValue(0);
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::FieldRole);
            QWidget *cell = item ? item->widget() : nullptr;
            if (!cell || cell->isHidden()) continue;
            for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
                if (it.value()->parentWidget() != cell || it.value()->isHidden()) continue;
                // The field and its message; in a short dock, where both do not fit, the field.
                const int margin = fontMetrics().height() / 2;
                QWidget *field = m_fields.value(it.key());
                const bool fits = cell->height() + 2 * margin <= m_scroll->viewport()->height();
                m_scroll->ensureWidgetVisible(fits || !field ? cell : field, 0, margin);
                return;
            }
        }
    });
}

void TaskInspector::setSelection(const QStringList &names) {
    if (names.size() < 2) {
        m_title->setText(tr("Select a task on the canvas to edit its settings."));
        return;
    }
    QStringList shown = names.mid(0, 8);
    if (names.size() > shown.size()) shown << QStringLiteral("…");
    m_title->setText(tr("%n tasks selected: %1.\n\nSelect one task to edit its settings; move, align, "
                        "copy or delete the selection on the canvas.", nullptr, int(names.size()))
                         .arg(shown.join(QStringLiteral(", "))));
}

QString TaskInspector::placeholderText() const { return m_title->text(); }

const Task *TaskInspector::currentTask() const {
    return m_document && !m_task.isEmpty() ? m_document->task(m_task) : nullptr;
}

void TaskInspector::refresh() {
    const Task *task = currentTask();
    if (!task) return;
    m_refreshing = true;
    const Task t = *task;  // a copy: widgets may emit while we set them
    setTextIfIdle(m_name, t.name);
    selectData(m_kind, toString(t.kind));
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("description"))), t.description);
    field(QStringLiteral("description"))->setToolTip(t.description);  // all of it, however narrow the dock
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("tags"))),
                  t.tags.join(QStringLiteral(", ")));
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("workdir"))), t.workdir);
    m_language->setCurrentIndex(t.language == ScriptLanguage::Python ? 1 : 0);
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("flow"))), t.subflow);
    m_subflowParameters->setValues(t.subflowParameters);
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("seconds"))),
                  formatDuration(t.sleepSeconds));
    // The validator has found the unknown upstreams and what each probably means: show its verdict.
    QHash<QString, QString> unknown;
    // While an edit's validation is pending this waits for problemsChanged, which refreshes.
    if (!m_document->problemsPending())
        for (const Diagnostic &d : m_document->problems())
        if (d.task == m_task && d.field == QLatin1String("after") && !d.found.isEmpty()) unknown.insert(d.found, d.suggestion);
    m_after->setDependencies(t.after, unknown);
    selectData(m_trigger, toString(t.trigger));
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("map"))), t.mapOver);
    m_retries->setValue(t.retries);
    m_delayMode->setCurrentIndex(int(t.retryDelay.mode));
    setTextIfIdle(m_delay, delayText(t.retryDelay));
    m_jitter->setValue(t.retryJitter);
    setTextIfIdle(qobject_cast<QLineEdit *>(field(QStringLiteral("timeout"))),
                  t.timeoutSeconds ? formatDuration(*t.timeoutSeconds) : QString());
    m_cacheEnabled->setChecked(t.cache.enabled);
    selectData(m_cachePolicy, toString(t.cache.policy));
    m_cacheRefresh->setChecked(t.cache.refresh);
    setTextIfIdle(m_cacheExpiration,
                  t.cache.expirationSeconds ? formatDuration(*t.cache.expirationSeconds) : QString());
    m_env->setEnv(t.env);
    m_script->setScript(t.script, languageOf(t));
    refreshVisibility(t);
    if (!m_document->problemsPending()) showRawValues();
    m_refreshing = false;
    if (!m_document->problemsPending()) showModelProblems();
}

void TaskInspector::showRawValues() {
    for (const Diagnostic &d : m_document->problems()) {
        if (d.task != m_task || d.field.isEmpty()) continue;
        auto *edit = qobject_cast<QLineEdit *>(m_fields.value(d.field));
        if (!edit || !edit->text().isEmpty()) continue;
        // Empty because the reader refused the value: show it as written, beside its error,
        // rather than a blank field that looks as if nothing were set.
        const QString raw = scalarTextAt(m_document->sourceText(), d.location);
        if (!raw.isEmpty()) setTextIfIdle(edit, raw);
    }
}

void TaskInspector::refreshVisibility(const Task &task) {
    auto showRow = [this](const QString &key, bool visible) {
        QWidget *row = m_rows.value(key);
        if (!row) return;
        row->setVisible(visible);
        if (auto *form =
                qobject_cast<QFormLayout *>(row->parentWidget() ? row->parentWidget()->layout() : nullptr))
            if (QWidget *label = form->labelForField(row)) label->setVisible(visible);
    };
    showRow(QStringLiteral("language"), task.kind == TaskKind::Branch);
    showRow(QStringLiteral("flow"), task.kind == TaskKind::Subflow);
    showRow(QStringLiteral("parameters"), task.kind == TaskKind::Subflow);
    showRow(QStringLiteral("seconds"), task.kind == TaskKind::Sleep);
    showRow(QStringLiteral("script"), hasScript(task.kind));
    m_cachePolicy->setEnabled(task.cache.enabled);
    m_cacheRefresh->setEnabled(task.cache.enabled);
}

void TaskInspector::showModelProblems() {
    QHash<QString, QString> modelErrors;
    if (m_document) {
        for (const Diagnostic &d : m_document->problems()) {
            if (d.task != m_task || d.field.isEmpty()) continue;
            const QString key =
                m_fields.contains(d.field) ? d.field : d.field.section(QLatin1Char('.'), 0, 0);
            if (!modelErrors.contains(key)) modelErrors.insert(key, d.message);
        }
    }
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QString error = m_localErrors.value(it.key(), modelErrors.value(it.key()));
        ValidationMark::show(m_fields.value(it.key()), it.value(), error);
    }
    Diagnostics elsewhere;  // what no field shows would otherwise be seen nowhere in the inspector
    if (m_document)
        for (const Diagnostic &d : m_document->problems())
            if (d.task == m_task && (d.field.isEmpty() || !m_errors.contains(d.field.section(QLatin1Char('.'), 0, 0))) &&
                !m_errors.contains(d.field))
                elsewhere.push_back(d);
    m_otherProblems->setProblems(elsewhere);
}

void TaskInspector::setFieldError(const QString &key, const QString &error) {
    if (error.isEmpty())
        m_localErrors.remove(key);
    else
        m_localErrors.insert(key, error);
    showModelProblems();
}

QString TaskInspector::fieldError(const QString &key) const {
    const QLabel *label = m_errors.value(key);
    return label && !label->isHidden() ? label->text() : QString();
}

QWidget *TaskInspector::field(const QString &key) const {
    return m_fields.value(key);
}

bool TaskInspector::focusField(const QString &key) {
    QWidget *editor = m_fields.value(key, m_fields.value(key.section(QLatin1Char('.'), 0, 0)));
    if (!editor || m_pages->currentIndex() != TaskPage || !editor->isVisibleTo(m_pages->currentWidget()))
        return false;
    // The field may sit below the fold of the form's scroll area.
    for (QWidget *w = editor->parentWidget(); w; w = w->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
            scroll->ensureWidgetVisible(editor);
            break;
        }
    }
    editor->setFocus(Qt::OtherFocusReason);
    return true;
}

void TaskInspector::commitPending() {
    m_script->commit();
}

void TaskInspector::edit(const std::function<void(Task &)> &change, const QString &what) {
    const Task *current = currentTask();
    if (m_refreshing || !current) return;
    Task changed = *current;
    change(changed);
    if (changed == *current) return;
    m_document->updateTask(m_task, changed, what.contains(QLatin1String("%1")) ? what.arg(m_task) : what);
}

QString TaskInspector::checkName(const QString &name) const {
    const QString trimmed = name.trimmed();
    if (!isValidName(trimmed)) return tr("use letters, digits, '_' and '-', starting with a letter or digit");
    if (trimmed != m_task && m_document && m_document->task(trimmed))
        return tr("there is already a task named '%1'").arg(trimmed);
    return QString();
}

void TaskInspector::rename(const QString &to) {
    if (m_refreshing || !m_document || to == m_task) return;
    const QString error = checkName(to);
    setFieldError(QStringLiteral("name"), error);
    QString why;
    if (error.isEmpty() && !m_document->renameTask(m_task, to, &why))
        setFieldError(QStringLiteral("name"), why.isEmpty() ? tr("cannot rename to '%1'").arg(to) : why);
}

QString TaskInspector::checkMap(const QString &text) const {
    const QString name = text.trimmed();
    if (name.isEmpty() || !m_document) return QString();
    const Flow &flow = m_document->flow();
    if (const Parameter *p = flow.parameter(name))
        return p->type == ParameterType::List
                   ? QString()
                   : tr("parameter '%1' is a %2, not a list").arg(name, toString(p->type));
    if (flow.task(name)) return QString();
    return tr("no list parameter or upstream task is called '%1'").arg(name);
}

}  // namespace flowdeck
