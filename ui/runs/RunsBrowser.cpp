#include "RunsBrowser.h"

#include "RunCompareView.h"
#include "RunLogExport.h"
#include "RunStateColours.h"
#include "RunsTableModel.h"
#include "store/RunStore.h"
#include "workspace/RunLauncher.h"
#include "workspace/RunRequests.h"
#include "workspace/WorkspaceSession.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>

namespace flowdeck {

namespace {

QString shortId(const QString &id) { return id.left(8); }

QString runsText(int n) {
    return n == 1 ? RunsBrowser::tr("1 run") : RunsBrowser::tr("%n runs", nullptr, int(n));
}

bool canRetry(RunState s) {
    return s == RunState::Failed || s == RunState::Crashed || s == RunState::TimedOut || s == RunState::Cancelled;
}
bool canCancel(RunState s) { return !isFinal(s) && s != RunState::Cancelling; }

QVariantList stateList(std::initializer_list<RunState> states) {
    QVariantList list;
    for (RunState s : states) list << int(s);
    return list;
}

}  // namespace

RunsBrowser::RunsBrowser(QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_placeholder = new QLabel(tr("Runs appear here once a trusted workspace is open "
                                  "(File \u2192 Trust This Workspace)."),
                               this);
    m_placeholder->setWordWrap(true);
    layout->addWidget(m_placeholder);
    buildFilters();

    m_model = new RunsTableModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("runsTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Ctrl/Shift+click pick a second run to compare with; the other actions want one run.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicator(RunsTableModel::StartColumn, Qt::DescendingOrder);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->setSortingEnabled(true);
    // Widths from the texts they hold, so that times and states are never cut.
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&metrics](const char *sample) { return metrics.horizontalAdvance(QLatin1String(sample)) + 24; };
    m_view->setColumnWidth(RunsTableModel::FlowColumn, width("data-validation-flow"));
    m_view->setColumnWidth(RunsTableModel::StateColumn, width("AwaitingRetry"));
    m_view->setColumnWidth(RunsTableModel::TriggerColumn, width("deployment"));
    m_view->setColumnWidth(RunsTableModel::StartColumn, width("2026-12-31 23:59:59"));
    m_view->setColumnWidth(RunsTableModel::DurationColumn, width("59 min 59 s"));
    m_view->setColumnWidth(RunsTableModel::ParametersColumn, width("sources=[orders-eu.csv], day=mon"));
    m_view->setColumnWidth(RunsTableModel::TagsColumn, width("nightly, etl"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_view, 1);

    auto *buttons = new QHBoxLayout;
    const auto button = [this, buttons](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    m_open = button(QStringLiteral("openRun"), tr("Open"), tr("Show the run's task runs and logs"));
    m_retry = button(QStringLiteral("retryRun"), tr("Retry"),
                     tr("Run again from the point of failure, reusing the results of the tasks that completed"));
    m_rerun = button(QStringLiteral("rerunRun"), tr("Run Again"),
                     tr("Run Again with These Parameters: the flow as it is now, with this run's parameter "
                        "values, every task fresh"));
    m_compare = button(QStringLiteral("compareRuns"), tr("Compare…"),
                       tr("Compare the two selected runs (Ctrl+click the second): parameters, task states and "
                          "durations, the first differing log line"));
    m_cancel = button(QStringLiteral("cancelRun"), tr("Cancel"), tr("Stop the run (its tasks' process trees too)"));
    m_delete = button(QStringLiteral("deleteRun"), tr("Delete"), tr("Delete the run with its logs and results"));
    m_export = button(QStringLiteral("exportRunLogs"), tr("Export Logs\u2026"), tr("Write the run's whole log to a file"));
    buttons->addStretch(1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runsStatus"));
    buttons->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, &RunsBrowser::openSelected);
    connect(m_retry, &QPushButton::clicked, this, &RunsBrowser::retrySelected);
    connect(m_rerun, &QPushButton::clicked, this, &RunsBrowser::rerunSelected);
    connect(m_compare, &QPushButton::clicked, this, &RunsBrowser::compareSelected);
    connect(m_cancel, &QPushButton::clicked, this, &RunsBrowser::cancelSelected);
    connect(m_delete, &QPushButton::clicked, this, &RunsBrowser::deleteSelected);
    connect(m_export, &QPushButton::clicked, this, &RunsBrowser::exportSelectedLogs);
    connect(m_view, &QTableView::doubleClicked, this, &RunsBrowser::openSelected);
    connect(m_view, &QTableView::activated, this, &RunsBrowser::openSelected);
    connect(m_view, &QWidget::customContextMenuRequested, this, &RunsBrowser::showMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsBrowser::updateActions);
    // A sort the store has no index for (trigger, parameters, tags, id) keeps the current one.
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        static const QList<int> sortable{RunsTableModel::FlowColumn, RunsTableModel::StateColumn,
                                         RunsTableModel::StartColumn, RunsTableModel::DurationColumn};
        if (sortable.contains(column)) return;
        QSignalBlocker block(m_view->horizontalHeader());
        const RunSort sort = m_model->query().sort;
        const int shown = sort == RunSort::Flow       ? RunsTableModel::FlowColumn
                          : sort == RunSort::State    ? RunsTableModel::StateColumn
                          : sort == RunSort::Duration ? RunsTableModel::DurationColumn
                                                      : RunsTableModel::StartColumn;
        m_view->horizontalHeader()->setSortIndicator(
            shown, m_model->query().descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    });

    // Keep the selected run selected and the scroll position when the rows are read again.
    auto selected = std::make_shared<QStringList>();
    auto scroll = std::make_shared<int>(0);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this, selected, scroll] {
        *selected = selectedRunIds();
        *scroll = m_view->verticalScrollBar()->value();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, selected, scroll] {
        if (selected->size() == 1) selectRun(selected->front());  // current too: the keys go on from it
        else if (!selected->isEmpty()) selectRuns(*selected);
        m_view->verticalScrollBar()->setValue(*scroll);
        updateActions();
        updateStatus();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RunsBrowser::updateStatus);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(100);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RunsBrowser::refresh);
    m_textTimer.setSingleShot(true);
    m_textTimer.setInterval(250);
    connect(&m_textTimer, &QTimer::timeout, this, &RunsBrowser::applyFilters);
    m_clockTimer.setInterval(1000);
    connect(&m_clockTimer, &QTimer::timeout, m_model, &RunsTableModel::tickDurations);
    m_clockTimer.start();

    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete run"), question) == QMessageBox::Yes;
    };
    m_chooseFile = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Export run log"), QDir::home().filePath(suggested),
                                            tr("Log files (*.log *.txt);;All files (*)"));
    };
    setSession(nullptr);
}

RunsBrowser::~RunsBrowser() {
    releaseSession();
}

void RunsBrowser::buildFilters() {
    auto *row = new QWidget(this);
    auto *filters = new QHBoxLayout(row);
    filters->setContentsMargins(0, 0, 0, 0);
    m_flow = new QComboBox(row);
    m_flow->setObjectName(QStringLiteral("runsFlowFilter"));
    m_flow->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_flow->addItem(tr("All flows"));
    m_state = new QComboBox(row);
    m_state->setObjectName(QStringLiteral("runsStateFilter"));
    m_state->addItem(tr("All states"), QVariantList());
    m_state->addItem(tr("Going"), stateList({RunState::Scheduled, RunState::Late, RunState::Pending, RunState::Running,
                                             RunState::Retrying, RunState::AwaitingRetry, RunState::Cancelling,
                                             RunState::Paused}));
    m_state->addItem(tr("Failed, crashed or timed out"),
                     stateList({RunState::Failed, RunState::Crashed, RunState::TimedOut}));
    for (RunState s : {RunState::Completed, RunState::Failed, RunState::Crashed, RunState::TimedOut,
                       RunState::Cancelled, RunState::Running, RunState::Pending, RunState::Scheduled,
                       RunState::Late, RunState::Paused})
        m_state->addItem(toString(s), stateList({s}));
    m_text = new QLineEdit(row);
    m_text->setObjectName(QStringLiteral("runsTextFilter"));
    m_text->setPlaceholderText(tr("Filter by flow, run id, tags, parameters, message\u2026"));
    m_text->setClearButtonEnabled(true);
    filters->addWidget(m_flow);
    filters->addWidget(m_state);
    filters->addWidget(m_text, 1);
    static_cast<QVBoxLayout *>(layout())->addWidget(row);
    connect(m_flow, &QComboBox::activated, this, &RunsBrowser::applyFilters);
    connect(m_state, &QComboBox::activated, this, &RunsBrowser::applyFilters);
    connect(m_text, &QLineEdit::textChanged, this, [this] { m_textTimer.start(); });
    connect(m_text, &QLineEdit::returnPressed, this, &RunsBrowser::applyFilters);
}

void RunsBrowser::setSession(WorkspaceSession *session) {
    releaseSession();
    m_session = session;
    const bool open = session != nullptr;
    m_placeholder->setVisible(!open);
    m_view->setEnabled(open);
    if (open) {
        RunStore *store = &session->store();
        m_storeConnections << connect(store, &RunStore::runsChanged, this, [this] {
            if (!m_refreshTimer.isActive()) m_refreshTimer.start();
        });
        m_storeConnections << connect(session, &WorkspaceSession::closing, this, [this] { setSession(nullptr); });
        m_model->setStore(store);
        refresh();  // the flow names too
    }
    updateActions();
    updateStatus();
}

void RunsBrowser::releaseSession() {
    for (const QMetaObject::Connection &c : std::as_const(m_storeConnections)) disconnect(c);
    m_storeConnections.clear();
    m_session = nullptr;
    if (m_model) m_model->setStore(nullptr);
}

void RunsBrowser::applyFilters() {
    m_textTimer.stop();
    RunQuery query;
    if (m_flow->currentIndex() > 0) query.flows = {m_flow->currentText()};
    for (const QVariant &v : m_state->currentData().toList()) query.states << RunState(v.toInt());
    query.text = m_text->text().trimmed();
    QElapsedTimer clock;
    clock.start();
    m_model->setQuery(query);
    spdlog::debug("runs browser: first page of the filter in {} ms", clock.elapsed());
}

void RunsBrowser::refresh() {
    m_refreshTimer.stop();
    if (!m_session) return;
    // New flows join the filter's choices; the chosen one stays chosen.
    const QString chosen = m_flow->currentIndex() > 0 ? m_flow->currentText() : QString();
    const QStringList names = m_session->store().flowNames();
    QStringList shown;
    for (int i = 1; i < m_flow->count(); ++i) shown << m_flow->itemText(i);
    if (names != shown) {
        QSignalBlocker block(m_flow);
        m_flow->clear();
        m_flow->addItem(tr("All flows"));
        m_flow->addItems(names);
        m_flow->setCurrentIndex(chosen.isEmpty() ? 0 : std::max(0, m_flow->findText(chosen)));
    }
    m_model->refresh();
    updateActions();
    updateStatus();
}

const FlowRunRecord *RunsBrowser::selectedRun() const {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.size() != 1 ? nullptr : m_model->runAt(rows.front().row());
}

QStringList RunsBrowser::selectedRunIds() const {
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &row : rows)
        if (const FlowRunRecord *run = m_model->runAt(row.row())) ids << run->id;
    return ids;
}

void RunsBrowser::selectRuns(const QStringList &runIds) {
    QItemSelection selection;
    for (const QString &id : runIds) {
        const int row = m_model->rowOfRun(id);
        if (row >= 0) selection.select(m_model->index(row, 0), m_model->index(row, RunsTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString RunsBrowser::selectedRunId() const {
    const FlowRunRecord *run = selectedRun();
    return run ? run->id : QString();
}

void RunsBrowser::selectRun(const QString &runId) {
    const int row = m_model->rowOfRun(runId);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RunsBrowser::updateActions() {
    const FlowRunRecord *run = m_session ? selectedRun() : nullptr;
    m_open->setEnabled(run);
    m_retry->setEnabled(run && canRetry(run->state));
    m_rerun->setEnabled(run);
    m_compare->setEnabled(m_session && m_view->selectionModel()->selectedRows().size() == 2);
    m_cancel->setEnabled(run && canCancel(run->state));
    m_delete->setEnabled(run && isFinal(run->state));
    m_export->setEnabled(run);
}

void RunsBrowser::updateStatus() {
    if (!m_session) {
        m_status->clear();
        return;
    }
    const int shown = m_model->rowCount();
    QString text;
    // A count of every run is an index scan of milliseconds; one with free text reads every row.
    if (m_model->query().text.isEmpty()) {
        const int total = m_session->store().countRuns(m_model->query());
        text = shown < total ? tr("%1 of %n runs", nullptr, int(total)).arg(shown) : runsText(total);
    } else {
        text = m_model->canFetchMore({}) ? tr("%1+ runs").arg(shown) : runsText(shown);
    }
    m_status->setText(m_lastMessage.isEmpty() ? text : m_lastMessage + QStringLiteral(" \u2014 ") + text);
}

void RunsBrowser::say(const QString &text) {
    m_lastMessage = text;
    updateStatus();
}

void RunsBrowser::showMenu(const QPoint &pos) {
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid()) return;
    // As in file managers: a right-click on one of the selected runs keeps the selection.
    if (!m_view->selectionModel()->isRowSelected(index.row(), {})) selectRun(m_model->runAt(index.row())->id);
    QMenu menu(this);
    for (QPushButton *b : {m_open, m_retry, m_rerun, m_compare, m_cancel, m_delete, m_export}) {
        if (!b->isEnabled()) continue;  // only what applies to the run's state
        QAction *a = menu.addAction(b == m_rerun ? tr("Run Again with These Parameters") : b->text());
        a->setToolTip(b->toolTip());
        connect(a, &QAction::triggered, b, &QPushButton::click);
    }
    if (selectedRun()) addCompareWithMenu(&menu);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void RunsBrowser::openSelected() {
    const QString id = selectedRunId();
    if (!id.isEmpty()) emit openRunRequested(id);
}

QString RunsBrowser::retrySelected() {
    const FlowRunRecord *run = selectedRun();
    if (!m_session || !run) return {};
    const RequestBuild build = retryRequest(*m_session, run->id);
    if (!build.ok()) {
        say(build.error);
        return {};
    }
    const LaunchResult result = m_session->launcher().start(build.request);
    if (result.isRefused()) {
        say(tr("Retry refused: %1").arg(result.problemText()));
        return {};
    }
    say(tr("Retrying run %1 as run %2").arg(shortId(build.request.options.retryOf), shortId(result.runId)));
    refresh();
    selectRun(result.runId);
    return result.runId;
}

QString RunsBrowser::rerunSelected() {
    const FlowRunRecord *run = selectedRun();
    if (!m_session || !run) return {};
    const QString id = run->id;
    const RequestBuild build = rerunRequest(*m_session, id);
    if (!build.ok()) {
        say(build.error);
        return {};
    }
    const LaunchResult result = m_session->launcher().start(build.request);
    if (result.isRefused()) {
        say(tr("Run again refused: %1").arg(result.problemText()));
        return {};
    }
    say(tr("Running %1 again with the parameters of run %2 as run %3")
            .arg(build.request.flow.name, shortId(id), shortId(result.runId)));
    refresh();
    selectRun(result.runId);
    return result.runId;
}

RunCompareView *RunsBrowser::compareSelected() {
    const QStringList ids = selectedRunIds();
    if (!m_session || ids.size() != 2) {
        say(tr("Select two runs to compare (Ctrl+click the second)"));
        return nullptr;
    }
    return openCompare(ids[0], ids[1]);
}

RunCompareView *RunsBrowser::compareWith(const QString &otherRunId) {
    const FlowRunRecord *run = selectedRun();
    if (!m_session || !run) return nullptr;
    return openCompare(run->id, otherRunId);
}

RunCompareView *RunsBrowser::openCompare(const QString &a, const QString &b) {
    const RunStore &store = m_session->store();
    const auto first = store.run(a), second = store.run(b);
    if (!first || !second) {
        say(tr("Run %1 is gone: nothing to compare").arg(shortId(!first ? a : b)));
        return nullptr;
    }
    // The older run on the left, so a change reads as what happened since.
    const bool swap = second->createdMs < first->createdMs;
    auto *view = new RunCompareView(this);
    view->setWindowFlag(Qt::Window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->compare(store, swap ? b : a, swap ? a : b);
    view->resize(1100, 640);
    view->show();
    say(tr("Comparing runs %1 and %2").arg(shortId(swap ? b : a), shortId(swap ? a : b)));
    return view;
}

void RunsBrowser::addCompareWithMenu(QMenu *menu) {
    const FlowRunRecord *run = selectedRun();
    RunQuery query;
    query.flows = {run->flowName};
    query.limit = 11;
    const QString id = run->id;
    QMenu *with = menu->addMenu(tr("Compare with"));
    for (const FlowRunRecord &other : m_session->store().runsPage(query).runs) {
        if (other.id == id || with->actions().size() >= 10) continue;
        const QString label = tr("%1  %2  %3  %4")
                                  .arg(shortId(other.id), timeText(other.createdMs), stateText(other.state),
                                       parametersText(other.parameters));
        connect(with->addAction(label), &QAction::triggered, this, [this, otherId = other.id] { compareWith(otherId); });
    }
    with->setEnabled(!with->actions().isEmpty());
}

bool RunsBrowser::cancelSelected() {
    const FlowRunRecord *run = selectedRun();
    if (!m_session || !run) return false;
    const QString id = run->id;
    // A run of this window stops here; one of another process (serve, a terminal) is asked to.
    const bool asked = m_session->launcher().cancel(id) || m_session->store().requestCancel(id);
    say(asked ? tr("Cancel requested for run %1").arg(shortId(id))
              : tr("Run %1 has finished: nothing to cancel").arg(shortId(id)));
    refresh();
    return asked;
}

bool RunsBrowser::deleteSelected() {
    const FlowRunRecord *run = selectedRun();
    if (!m_session || !run) return false;
    const QString id = run->id;
    if (!isFinal(run->state)) {
        say(tr("Run %1 is %2: cancel it first, only finished runs are deleted")
                .arg(shortId(id), stateText(run->state)));
        return false;
    }
    const QString question = tr("Delete run %1 of %2 (%3), with its logs, results and subflow runs?")
                                 .arg(shortId(id), run->flowName, timeText(run->createdMs));
    if (m_confirm && !m_confirm(question)) return false;
    const int removed = m_session->store().deleteRuns({id});
    say(removed > 0 ? tr("Deleted run %1").arg(shortId(id)) : tr("Run %1 was not deleted").arg(shortId(id)));
    refresh();
    return removed > 0;
}

bool RunsBrowser::exportSelectedLogs() {
    const FlowRunRecord *run = selectedRun();
    if (!m_session || !run || !m_chooseFile) return false;
    const QString id = run->id;
    const QString path = m_chooseFile(QStringLiteral("%1-%2.log").arg(run->flowName, shortId(id)));
    if (path.isEmpty()) return false;
    QString error;
    const qint64 lines = exportRunLog(m_session->store(), id, path, &error);
    say(lines < 0 ? error
                  : tr("Wrote %n log lines to %1", nullptr, int(lines)).arg(QDir::toNativeSeparators(path)));
    return lines >= 0;
}

}  // namespace flowdeck
