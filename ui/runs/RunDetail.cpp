#include "RunDetail.h"

#include "LogLinesModel.h"
#include "ParameterDialog.h"
#include "RunMetricsView.h"
#include "RunStateColours.h"
#include "RunTimeline.h"
#include "TaskRunsModel.h"
#include "flow/FlowGraph.h"
#include "store/RunStore.h"
#include "workspace/ApprovalResume.h"
#include "workspace/RunRequests.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

QTableView *makeTable(QWidget *parent) {
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 4);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

}  // namespace

RunDetail::RunDetail(RunStore &store, const QString &runId, QWidget *parent)
    : QWidget(parent), m_store(store), m_runId(runId) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("runHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_traceButton = new QPushButton(tr("Export &Trace\u2026"), this);
    m_traceButton->setObjectName(QStringLiteral("exportTrace"));
    m_traceButton->setToolTip(tr("Save the run as a Chrome trace (open it in Perfetto) or as OpenTelemetry OTLP JSON"));
    connect(m_traceButton, &QPushButton::clicked, this, &RunDetail::exportTrace);
    m_approveButton = new QPushButton(tr("&Approve\u2026"), this);
    m_approveButton->setObjectName(QStringLiteral("approveRun"));
    m_approveButton->setToolTip(tr("The run waits for an approval: give its values and let it go on"));
    m_approveButton->hide();
    connect(m_approveButton, &QPushButton::clicked, this, &RunDetail::approve);
    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(m_approveButton, 0, Qt::AlignTop);
    top->addWidget(m_traceButton, 0, Qt::AlignTop);
    layout->addLayout(top);

    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("runDetailViews"));
    m_views->setDocumentMode(true);
    m_views->addTab(buildTasksPage(), tr("Tasks && logs"));
    m_timeline = new RunTimeline(m_views);
    m_views->addTab(m_timeline, tr("Timeline"));
    m_metrics = new RunMetricsView(m_views);
    m_views->addTab(m_metrics, tr("Metrics"));
    layout->addWidget(m_views, 1);
    connect(m_views, &QTabWidget::currentChanged, this, &RunDetail::refreshShownView);

    if (const auto run = store.run(runId)) {
        m_run = *run;
        if (const auto flow = flowOfRun(m_run)) {
            const QStringList order = FlowGraph(*flow).topologicalOrder().value_or(QStringList());
            m_tasks->setTaskOrder(order);
            m_timeline->setTaskOrder(order);
        }
    }
    connect(m_taskView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const TaskRunsModel::Row *row = m_tasks->rowAt(current.row());
                if (!row) return;
                showTask(row->run.task);
                m_timeline->selectTask(row->run.task, row->run.mapIndex);
            });
    connect(m_timeline, &RunTimeline::taskClicked, this, &RunDetail::selectTaskRow);
    // The resource chart shows the seconds the timeline was zoomed to (the whole run when fitted,
    // which for a live run keeps growing).
    connect(m_timeline, &RunTimeline::viewRangeChanged, this, [this](qint64 startMs, qint64 endMs) {
        if (m_timeline->isFitted()) return m_metrics->alignTime(0, 0);
        const qint64 origin = m_run.startMs > 0 ? m_run.startMs : m_timeline->runStartMs();
        m_metrics->alignTime(double(startMs - origin) / 1000.0, double(endMs - origin) / 1000.0);
    });

    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(150);
    connect(&m_updateTimer, &QTimer::timeout, this, &RunDetail::update);
    const auto changed = [this] {
        if (!m_updateTimer.isActive()) m_updateTimer.start();
    };
    // Other processes' runs through the watched file; this process's as its writer commits.
    connect(&store, &RunStore::runsChanged, this, changed);
    connect(&store, &RunStore::committed, this, changed, Qt::QueuedConnection);
    m_clockTimer.setInterval(1000);
    connect(&m_clockTimer, &QTimer::timeout, this, [this] {
        if (isFinal(m_run.state)) return;
        showHeader();
        if (m_views->currentWidget() == m_timeline) m_timeline->viewport()->update();  // running bars grow
        if (m_tasks->rowCount() > 0)
            emit m_tasks->dataChanged(m_tasks->index(0, TaskRunsModel::DurationColumn),
                                      m_tasks->index(m_tasks->rowCount() - 1, TaskRunsModel::DurationColumn));
    });
    m_clockTimer.start();

    m_tasks->load(store, runId);
    fillTaskFilter();
    showHeader();
    reloadLogs();
    m_finalSeen = isFinal(m_run.state);
}

QWidget *RunDetail::buildTasksPage() {
    auto *split = new QSplitter(Qt::Vertical, this);
    m_tasks = new TaskRunsModel(this);
    m_taskView = makeTable(split);
    m_taskView->setObjectName(QStringLiteral("taskRunsTable"));
    m_taskView->setModel(m_tasks);
    const QFontMetrics metrics = m_taskView->fontMetrics();
    const auto width = [&metrics](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    m_taskView->setColumnWidth(TaskRunsModel::TaskColumn, width(QStringLiteral("validate_quality_checks")));
    for (int c : {TaskRunsModel::MapIndexColumn, TaskRunsModel::AttemptsColumn, TaskRunsModel::ExitColumn})
        m_taskView->setColumnWidth(c, width(m_tasks->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()));
    m_taskView->setColumnWidth(TaskRunsModel::StateColumn, width(QStringLiteral("AwaitingRetry")));
    m_taskView->setColumnWidth(TaskRunsModel::DurationColumn, width(QStringLiteral("59 min 59 s")));
    m_taskView->setColumnWidth(TaskRunsModel::MemoryColumn, width(QStringLiteral("Peak memory")));
    m_taskView->setColumnWidth(TaskRunsModel::CpuColumn, width(QStringLiteral("100.00 s")));
    split->addWidget(m_taskView);
    split->addWidget(buildLogPane());
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    return split;
}

void RunDetail::selectTaskRow(const QString &task, int mapIndex) {
    const int row = m_tasks->rowOfTask(task, mapIndex);
    if (row < 0) return;
    m_taskView->selectionModel()->setCurrentIndex(m_tasks->index(row, TaskRunsModel::TaskColumn),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_taskView->scrollTo(m_tasks->index(row, TaskRunsModel::TaskColumn));
}

void RunDetail::refreshShownView() {
    if (m_views->currentWidget() == m_timeline && m_timelineStale) {
        m_timeline->load(m_store, m_run);
        m_timelineStale = false;
    } else if (m_views->currentWidget() == m_metrics && m_metricsStale) {
        m_metrics->load(m_store, m_run);
        m_metricsStale = false;
    }
}

QWidget *RunDetail::buildLogPane() {
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    m_taskFilter = new QComboBox(pane);
    m_taskFilter->setObjectName(QStringLiteral("logTaskFilter"));
    m_taskFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_levelFilter = new QComboBox(pane);
    m_levelFilter->setObjectName(QStringLiteral("logLevelFilter"));
    for (LogLine::Level level : {LogLine::Level::Debug, LogLine::Level::Info, LogLine::Level::Warning,
                                 LogLine::Level::Error})
        m_levelFilter->addItem(level == LogLine::Level::Debug
                                   ? tr("All levels")
                                   : tr("%1 and above").arg(LogLinesModel::levelText(level)),
                               int(level));
    m_textFilter = new QLineEdit(pane);
    m_textFilter->setObjectName(QStringLiteral("logTextFilter"));
    m_textFilter->setPlaceholderText(tr("Filter the lines shown\u2026"));
    m_textFilter->setClearButtonEnabled(true);
    m_searchField = new QLineEdit(pane);
    m_searchField->setObjectName(QStringLiteral("logSearch"));
    m_searchField->setPlaceholderText(tr("Search the whole log (words, \"a phrase\", prefix*)"));
    m_searchField->setClearButtonEnabled(true);
    auto *searchButton = new QPushButton(tr("Search"), pane);
    filters->addWidget(m_taskFilter);
    filters->addWidget(m_levelFilter);
    filters->addWidget(m_textFilter, 1);
    filters->addWidget(m_searchField, 1);
    filters->addWidget(searchButton);
    layout->addLayout(filters);

    auto *split = new QSplitter(Qt::Horizontal, pane);
    m_logs = new LogLinesModel(this);
    m_logFilter = new QSortFilterProxyModel(this);
    m_logFilter->setSourceModel(m_logs);
    m_logFilter->setFilterKeyColumn(LogLinesModel::TextColumn);
    m_logFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_logView = makeTable(split);
    m_logView->setObjectName(QStringLiteral("logTable"));
    m_logView->setModel(m_logFilter);
    const QFontMetrics logMetrics = m_logView->fontMetrics();
    const auto logWidth = [&logMetrics](const char *sample) {
        return logMetrics.horizontalAdvance(QLatin1String(sample)) + 24;
    };
    m_logView->setColumnWidth(LogLinesModel::LineColumn, logWidth("1000000"));
    m_logView->setColumnWidth(LogLinesModel::TimeColumn, logWidth("23:59:59.999"));
    m_logView->setColumnWidth(LogLinesModel::TaskColumn, logWidth("validate_quality[10]"));
    m_logView->setColumnWidth(LogLinesModel::LevelColumn, logWidth("warning"));
    split->addWidget(m_logView);
    auto *hits = new QWidget(split);
    auto *hitsLayout = new QVBoxLayout(hits);
    hitsLayout->setContentsMargins(0, 0, 0, 0);
    m_searchStatus = new QLabel(hits);
    m_hitList = new QListWidget(hits);
    m_hitList->setObjectName(QStringLiteral("logHits"));
    hitsLayout->addWidget(m_searchStatus);
    hitsLayout->addWidget(m_hitList, 1);
    split->addWidget(hits);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    hits->hide();
    layout->addWidget(split, 1);

    connect(m_taskFilter, &QComboBox::activated, this, &RunDetail::reloadLogs);
    connect(m_levelFilter, &QComboBox::activated, this, &RunDetail::reloadLogs);
    connect(m_textFilter, &QLineEdit::textChanged, m_logFilter, &QSortFilterProxyModel::setFilterFixedString);
    const auto runSearch = [this, hits] {
        hits->setVisible(!m_searchField->text().trimmed().isEmpty());
        search(m_searchField->text());
    };
    connect(m_searchField, &QLineEdit::returnPressed, this, runSearch);
    connect(searchButton, &QPushButton::clicked, this, runSearch);
    connect(m_hitList, &QListWidget::currentRowChanged, this, &RunDetail::showHit);
    return pane;
}

void RunDetail::showHeader() {
    const FlowRunRecord &r = m_run;
    m_approveButton->setVisible(r.state == RunState::Paused && !m_store.waitingApprovals(m_runId).isEmpty());
    if (r.id.isEmpty()) {
        m_header->setText(tr("Run %1 is no longer in the database.").arg(m_runId.left(8)));
        return;
    }
    const qint64 end = r.endMs > 0 ? r.endMs : QDateTime::currentMSecsSinceEpoch();
    QStringList parts;
    parts
        << QStringLiteral("<b>%1</b>").arg(r.flowName.toHtmlEscaped())
        << QStringLiteral("<b style=\"color:%1\">%2</b>").arg(stateColour(r.state).name(), stateText(r.state))
        << tr("run %1").arg(r.id.left(8))
        << tr("trigger: %1").arg(r.trigger.isEmpty() ? tr("manual") : triggerText(r.trigger))
        << tr("started %1").arg(timeText(r.startMs > 0 ? r.startMs : r.createdMs));
    if (r.startMs > 0) parts << tr("duration %1").arg(durationText(end - r.startMs));
    if (!r.retryOf.isEmpty()) parts << tr("reuses run %1").arg(r.retryOf.left(8));
    QString html = parts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; "));
    if (!r.parameters.isEmpty())
        html += QStringLiteral("<br>") + tr("parameters: %1").arg(parametersText(r.parameters).toHtmlEscaped());
    if (!r.message.isEmpty())
        html += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                    .arg(stateColour(r.state).name(), r.message.toHtmlEscaped());
    m_header->setText(html);
}

void RunDetail::fillTaskFilter() {
    QStringList names;
    for (int row = 0; row < m_tasks->rowCount(); ++row) {
        const QString task = m_tasks->rowAt(row)->run.task;
        if (!names.contains(task)) names << task;
    }
    QStringList shown;
    for (int i = 1; i < m_taskFilter->count(); ++i) shown << m_taskFilter->itemText(i);
    if (names == shown && m_taskFilter->count() > 0) return;
    const QString chosen = m_taskFilter->currentIndex() > 0 ? m_taskFilter->currentText() : QString();
    QSignalBlocker block(m_taskFilter);
    m_taskFilter->clear();
    m_taskFilter->addItem(tr("Whole run"));
    m_taskFilter->addItems(names);
    m_taskFilter->setCurrentIndex(chosen.isEmpty() ? 0 : std::max(0, m_taskFilter->findText(chosen)));
}

void RunDetail::showTask(const QString &task) {
    const int index = task.isEmpty() ? 0 : m_taskFilter->findText(task);
    if (index < 0 || index == m_taskFilter->currentIndex()) return;
    m_taskFilter->setCurrentIndex(index);
    reloadLogs();
}

void RunDetail::reloadLogs() {
    LogQuery query;
    if (m_taskFilter->currentIndex() > 0) query.task = m_taskFilter->currentText();
    query.minLevel = LogLine::Level(m_levelFilter->currentData().toInt());
    m_logs->show(&m_store, m_runId, query);
    if (!isFinal(m_run.state)) m_logView->scrollToBottom();  // a live run: follow its tail
}

bool RunDetail::atLogEnd() const {
    const QScrollBar *bar = m_logView->verticalScrollBar();
    return bar->value() >= bar->maximum() - 1;
}

void RunDetail::update() {
    m_updateTimer.stop();
    if (m_finalSeen) return;  // a finished run changes no more
    if (const auto run = m_store.run(m_runId)) {
        m_run = *run;
    } else {
        m_run = FlowRunRecord{};
        m_finalSeen = true;
        showHeader();
        return;
    }
    showHeader();
    m_tasks->load(m_store, m_runId);
    fillTaskFilter();
    m_timelineStale = m_metricsStale = true;
    refreshShownView();
    // Follow the tail unless the user scrolled up to read.
    // A page at most per update, and only at the tail: a long log loads as the view scrolls
    // (fetchMore), never all at once on the GUI thread.
    const bool follow = atLogEnd();
    if (!m_logs->canFetchMore({})) m_logs->readNew();
    if (follow) m_logView->scrollToBottom();
    emit titleChanged(QStringLiteral("%1 \u00b7 %2").arg(m_run.flowName, m_runId.left(8)));
    m_finalSeen = isFinal(m_run.state);
}

int RunDetail::search(const QString &text) {
    m_hitList->clear();
    m_hitIds.clear();
    if (text.trimmed().isEmpty()) {
        m_searchStatus->clear();
        return 0;
    }
    LogSearch query;
    query.text = text;
    query.task = m_logs->filter().task;
    query.minLevel = m_logs->filter().minLevel;
    query.context = 0;
    const LogSearchResult result = m_store.searchLogs(m_runId, query);
    if (!result.error.isEmpty()) {
        m_searchStatus->setText(result.error);
        return -1;
    }
    QSignalBlocker block(m_hitList);
    for (const LogHit &hit : result.hits) {
        const LogLine &l = hit.line.line;
        m_hitList->addItem(QStringLiteral("%1  %2: %3").arg(hit.line.seq).arg(l.task.isEmpty() ? tr("run") : l.task, l.text));
        m_hitIds.push_back(hit.line.id);
    }
    const int count = int(result.hits.size());
    m_searchStatus->setText(
        result.more ? tr("first %1 lines found").arg(count)
                    : (count == 1 ? tr("1 line found") : tr("%n lines found", nullptr, int(count))));
    return count;
}

bool RunDetail::showHit(int index) {
    if (index < 0 || index >= int(m_hitIds.size())) return false;
    m_textFilter->clear();  // the hit may not match the shown lines' filter
    const int row = m_logs->loadThrough(m_hitIds[size_t(index)]);
    if (row < 0) return false;
    const QModelIndex at = m_logFilter->mapFromSource(m_logs->index(row, LogLinesModel::TextColumn));
    m_logView->scrollTo(at, QAbstractItemView::PositionAtCenter);
    m_logView->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

bool RunDetail::exportTrace() {
    const QString suggested = QStringLiteral("%1-%2.json").arg(m_run.flowName, m_runId.left(8));
    TraceFormat format = TraceFormat::Chrome;
    const QString path = m_chooseTraceFile ? m_chooseTraceFile(suggested, &format) : [&] {
        const QString chrome = tr("Chrome trace for Perfetto (*.json)");
        const QString otlp = tr("OpenTelemetry OTLP JSON (*.otlp.json)");
        QString filter = chrome;
        const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Trace"), QDir::home().filePath(suggested),
                                                            chrome + QStringLiteral(";;") + otlp, &filter);
        format = filter == otlp ? TraceFormat::Otlp : TraceFormat::Chrome;
        return chosen;
    }();
    if (path.isEmpty()) return false;
    QString error;
    if (writeTraceFile(path, runTraceJson(m_store, m_run, format), &error)) return true;
    QMessageBox::warning(this, tr("Export Trace"), tr("Cannot write %1: %2").arg(path, error));
    return false;
}

bool RunDetail::approveWith(const QString &task, const QVariantMap &typed, QStringList *problems) {
    const ApprovalResume resumed = resumeApproval(m_store, m_run, task, {}, typed);
    *problems << resumed.problems;
    return resumed.resumed();
}

bool RunDetail::approve() {
    const QStringList waiting = m_store.waitingApprovals(m_runId);
    if (waiting.isEmpty()) return false;
    QString task = waiting.front();
    if (waiting.size() > 1 && !m_approvalPrompt) {
        bool ok = false;
        task = QInputDialog::getItem(this, tr("Approve"), tr("The run waits for these approvals:"), waiting, 0, false, &ok);
        if (!ok) return false;
    }
    const std::optional<Task> approval = approvalTaskOf(m_run, task);
    if (!approval) return false;
    const std::optional<QVariantMap> typed = m_approvalPrompt ? m_approvalPrompt(*approval) : [&] {
        // The inputs are typed parameters: the Run form asks for them, with the same checks.
        Flow form;
        form.name = task;
        form.parameters = approval->inputs;
        ParameterDialog dialog(form, {}, this);
        dialog.setPurpose(tr("Approve %1").arg(task),
                          approval->description.isEmpty() ? tr("Values for approval %1:").arg(task) : approval->description,
                          tr("&Approve"));
        return dialog.exec() == QDialog::Accepted ? std::optional<QVariantMap>(dialog.values()) : std::nullopt;
    }();
    if (!typed) return false;
    QStringList problems;
    if (approveWith(task, *typed, &problems)) return true;
    QMessageBox::warning(this, tr("Approve"), problems.join(QLatin1Char('\n')));
    return false;
}

}  // namespace flowdeck
