#include "ScheduleForm.h"

#include "TimeZonePicker.h"
#include "flow/FlowFile.h"
#include "flow/FlowValidator.h"
#include "runs/ParameterDialog.h"
#include "runs/RunStateColours.h"
#include "schedule/CivilTime.h"
#include "schedule/CronDescription.h"
#include "schedule/CronExpression.h"
#include "schedule/RRuleSchedule.h"
#include "schedule/ScheduleDescription.h"
#include "schedule/SchedulePreview.h"
#include "schedule/WorkspaceSchedules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

constexpr int kPreviewCount = 10;
const char *const kCronFieldNames[] = {"minute", "hour", "day-of-month", "month", "day-of-week"};
const char *const kDayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
struct Unit {
    const char *name;
    qint64 seconds;
};
const Unit kUnits[] = {{QT_TRANSLATE_NOOP("ScheduleForm", "seconds"), 1},
                       {QT_TRANSLATE_NOOP("ScheduleForm", "minutes"), 60},
                       {QT_TRANSLATE_NOOP("ScheduleForm", "hours"), 3600},
                       {QT_TRANSLATE_NOOP("ScheduleForm", "days"), 86400},
                       {QT_TRANSLATE_NOOP("ScheduleForm", "weeks"), 604800}};

/// A date-time field for a wall-clock time on the schedule's own clock. It holds the time as
/// UTC so that every wall time can be typed, including one the system zone skips.
QDateTimeEdit *wallTimeEdit(QWidget *parent, const QString &objectName) {
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    edit->setCalendarPopup(true);
    return edit;
}

QString wallText(const QDateTimeEdit *edit) {
    return edit->dateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QDateTime wallDateTime(qint64 wall) {
    const CivilTime t = civilFromWall(wall);
    return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute, t.second), Qt::UTC);
}

void setError(QWidget *field, bool error) {
    // A red frame on the field at fault, as the parameter form marks a value it refuses.
    field->setStyleSheet(error ? QStringLiteral("border: 2px solid #d13438;") : QString());
    field->setProperty("invalid", error);
}

QString toTextValue(const QVariant &typed) {
    return parameterText(typed);
}

}  // namespace

ScheduleForm::ScheduleForm(ScheduleStore &store, const QString &workspaceFile, const ScheduleRecord *existing,
                           QWidget *parent)
    : QDialog(parent),
      m_store(store),
      m_workspaceFile(workspaceFile),
      m_editing(existing != nullptr),
      m_clock([] { return QDateTime::currentSecsSinceEpoch(); }) {
    setObjectName(QStringLiteral("scheduleForm"));
    setWindowTitle(existing ? tr("Edit Schedule %1").arg(existing->name) : tr("New Schedule"));
    auto *form = new QWidget(this);
    auto *left = new QVBoxLayout(form);
    left->setContentsMargins(0, 0, 0, 0);

    auto *top = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("scheduleName"));
    m_name->setPlaceholderText(tr("nightly-report"));
    m_flow = new QComboBox(this);
    m_flow->setObjectName(QStringLiteral("scheduleFlow"));
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("scheduleTarget"));
    m_target->addItem(tr("flowdeck.yaml (shared with the workspace)"), int(ScheduleTarget::WorkspaceFile));
    m_target->addItem(tr("Run database only (like schedule add)"), int(ScheduleTarget::Database));
    m_active = new QCheckBox(tr("Active (fires when due)"), this);
    m_active->setChecked(true);
    top->addRow(tr("&Name:"), m_name);
    top->addRow(tr("&Flow:"), m_flow);
    top->addRow(tr("Save &to:"), m_target);
    top->addRow(QString(), m_active);
    left->addLayout(top);
    left->addWidget(buildWhenBox());
    left->addWidget(buildRunBox());
    left->addStretch();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_previewTitle = new QLabel(this);
    m_previewTitle->setWordWrap(true);
    m_preview = new QTableWidget(0, 3, this);
    m_preview->setObjectName(QStringLiteral("schedulePreview"));
    m_preview->setHorizontalHeaderLabels({tr("In the zone"), tr("UTC"), tr("Daylight saving")});
    m_preview->verticalHeader()->setVisible(true);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->setMinimumWidth(520);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("scheduleProblems"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #d13438;"));
    rightLayout->addWidget(m_previewTitle);
    rightLayout->addWidget(m_preview, 1);
    rightLayout->addWidget(m_problemLabel);

    auto *columns = new QHBoxLayout;
    columns->addWidget(form, 0);
    columns->addWidget(right, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save()) accept();
    });

    fillFlows();
    fillPools();
    if (existing)
        load(*existing);
    else {
        setDefaultTimes();
        m_cron->setText(QStringLiteral("0 9 * * 1-5"));
    }

    // Every change re-checks and re-previews: the form never shows stale times.
    for (QLineEdit *e : {m_name, m_cron, m_hours, m_rrule})
        connect(e, &QLineEdit::textChanged, this, &ScheduleForm::revalidate);
    for (QSpinBox *s : {m_interval, m_catchUpCap, m_maxActive})
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &ScheduleForm::revalidate);
    for (QComboBox *c : {m_intervalUnit, m_catchUp, m_collision, m_target})
        connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this, &ScheduleForm::revalidate);
    for (QComboBox *c : {m_pool, m_queue})
        connect(c, &QComboBox::currentTextChanged, this, &ScheduleForm::revalidate);
    for (QDateTimeEdit *d : {m_anchor, m_once, m_dtstart, m_start, m_end})
        connect(d, &QDateTimeEdit::dateTimeChanged, this, &ScheduleForm::revalidate);
    for (QCheckBox *c : {m_dayAnd, m_hasAnchor, m_hasStart, m_hasEnd, m_active})
        connect(c, &QCheckBox::toggled, this, &ScheduleForm::revalidate);
    connect(m_zone, &TimeZonePicker::zoneChanged, this, &ScheduleForm::revalidate);
    connect(m_type, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        showPage(index);
        revalidate();
    });
    showPage(m_type->currentIndex());
    connect(m_flow, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_parameters.clear();  // another flow, other parameters
        loadFlow();
        revalidate();
    });
    connect(m_pool, &QComboBox::currentTextChanged, this, [this] { fillPools(); });
    loadFlow();
    revalidate();
}

QWidget *ScheduleForm::buildWhenBox() {
    auto *box = new QGroupBox(tr("When"), this);
    auto *layout = new QFormLayout(box);
    m_type = new QComboBox(box);
    m_type->setObjectName(QStringLiteral("scheduleType"));
    m_type->addItems({tr("Cron expression"), tr("Interval"), tr("Once"), tr("Recurrence rule (RRULE)")});
    m_pages = new QStackedWidget(box);
    m_pages->addWidget(buildCronPage());
    m_pages->addWidget(buildIntervalPage());
    m_pages->addWidget(buildOncePage());
    m_pages->addWidget(buildRRulePage());
    m_zone = new TimeZonePicker(box);
    auto window = [this, box](QCheckBox *&check, QDateTimeEdit *&edit, const QString &label,
                              const QString &name) {
        auto *row = new QWidget(box);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        check = new QCheckBox(label, row);
        edit = wallTimeEdit(row, name);
        edit->setEnabled(false);
        connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        h->addWidget(check);
        h->addWidget(edit, 1);
        return row;
    };
    layout->addRow(tr("T&ype:"), m_type);
    layout->addRow(m_pages);
    layout->addRow(tr("Time &zone:"), m_zone);
    layout->addRow(tr("Window:"),
                   window(m_hasStart, m_start, tr("Not before"), QStringLiteral("scheduleStart")));
    layout->addRow(QString(), window(m_hasEnd, m_end, tr("Not after"), QStringLiteral("scheduleEnd")));
    return box;
}

QWidget *ScheduleForm::buildCronPage() {
    auto *page = new QWidget(this);
    auto *layout = new QFormLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_cron = new QLineEdit(page);
    m_cron->setObjectName(QStringLiteral("scheduleCron"));
    m_cron->setPlaceholderText(tr("minute hour day-of-month month day-of-week"));
    m_cronFields = new QLabel(page);
    m_cronFields->setObjectName(QStringLiteral("scheduleCronFields"));
    m_cronFields->setTextFormat(Qt::RichText);
    m_cronMessage = new QLabel(page);
    m_cronMessage->setObjectName(QStringLiteral("scheduleCronMessage"));
    m_cronMessage->setWordWrap(true);
    m_dayAnd = new QCheckBox(tr("Day of month and day of week must both match"), page);
    layout->addRow(tr("&Cron:"), m_cron);
    layout->addRow(QString(), m_cronFields);
    layout->addRow(QString(), m_cronMessage);
    layout->addRow(QString(), m_dayAnd);
    return page;
}

QWidget *ScheduleForm::buildIntervalPage() {
    auto *page = new QWidget(this);
    auto *layout = new QFormLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QWidget(page);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    m_interval = new QSpinBox(row);
    m_interval->setObjectName(QStringLiteral("scheduleInterval"));
    m_interval->setRange(1, 1000000);
    m_interval->setValue(1);
    m_intervalUnit = new QComboBox(row);
    m_intervalUnit->setObjectName(QStringLiteral("scheduleIntervalUnit"));
    for (const Unit &u : kUnits) m_intervalUnit->addItem(tr(u.name), u.seconds);
    m_intervalUnit->setCurrentIndex(2);
    h->addWidget(m_interval);
    h->addWidget(m_intervalUnit);
    auto *anchorRow = new QWidget(page);
    auto *a = new QHBoxLayout(anchorRow);
    a->setContentsMargins(0, 0, 0, 0);
    m_hasAnchor = new QCheckBox(tr("From"), anchorRow);
    m_anchor = wallTimeEdit(anchorRow, QStringLiteral("scheduleAnchor"));
    m_anchor->setEnabled(false);
    m_anchor->setToolTip(tr("The first step, on the zone's clock (default 2000-01-01 00:00)"));
    connect(m_hasAnchor, &QCheckBox::toggled, m_anchor, &QWidget::setEnabled);
    a->addWidget(m_hasAnchor);
    a->addWidget(m_anchor, 1);
    layout->addRow(tr("&Every:"), row);
    layout->addRow(tr("Anchor:"), anchorRow);
    return page;
}

QWidget *ScheduleForm::buildOncePage() {
    auto *page = new QWidget(this);
    auto *layout = new QFormLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_once = wallTimeEdit(page, QStringLiteral("scheduleOnce"));
    layout->addRow(tr("&At:"), m_once);
    return page;
}

QWidget *ScheduleForm::buildRRulePage() {
    auto *page = new QWidget(this);
    auto *layout = new QFormLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *freqRow = new QWidget(page);
    auto *f = new QHBoxLayout(freqRow);
    f->setContentsMargins(0, 0, 0, 0);
    m_freq = new QComboBox(freqRow);
    m_freq->setObjectName(QStringLiteral("scheduleRRuleFreq"));
    m_freq->addItem(tr("Hourly"), QStringLiteral("HOURLY"));
    m_freq->addItem(tr("Daily"), QStringLiteral("DAILY"));
    m_freq->addItem(tr("Weekly"), QStringLiteral("WEEKLY"));
    m_freq->addItem(tr("Monthly"), QStringLiteral("MONTHLY"));
    m_freq->setCurrentIndex(2);
    m_rruleInterval = new QSpinBox(freqRow);
    m_rruleInterval->setRange(1, 1000);
    m_rruleInterval->setPrefix(tr("every "));
    f->addWidget(m_freq);
    f->addWidget(m_rruleInterval);
    auto *daysRow = new QWidget(page);
    auto *d = new QHBoxLayout(daysRow);
    d->setContentsMargins(0, 0, 0, 0);
    const QStringList dayNames = {tr("Mo"), tr("Tu"), tr("We"), tr("Th"), tr("Fr"), tr("Sa"), tr("Su")};
    for (int i = 0; i < 7; ++i) {
        auto *box = new QCheckBox(dayNames.at(i), daysRow);
        box->setProperty("code", QLatin1String(kDayCodes[i]));
        m_days << box;
        d->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ScheduleForm::applyRRuleBuilder);
    }
    m_hours = new QLineEdit(page);
    m_hours->setObjectName(QStringLiteral("scheduleRRuleHours"));
    m_hours->setPlaceholderText(tr("9, 17"));
    m_minute = new QSpinBox(page);
    m_minute->setRange(0, 59);
    m_rrule = new QLineEdit(page);
    m_rrule->setObjectName(QStringLiteral("scheduleRRule"));
    m_rrule->setPlaceholderText(QStringLiteral("FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9"));
    m_rruleText = new QLabel(page);
    m_rruleText->setWordWrap(true);
    m_dtstart = wallTimeEdit(page, QStringLiteral("scheduleDtstart"));
    layout->addRow(tr("Repeat:"), freqRow);
    layout->addRow(tr("On days:"), daysRow);
    layout->addRow(tr("At hours:"), m_hours);
    layout->addRow(tr("Minute:"), m_minute);
    layout->addRow(tr("&Rule:"), m_rrule);
    layout->addRow(QString(), m_rruleText);
    layout->addRow(tr("Starting:"), m_dtstart);
    connect(m_freq, qOverload<int>(&QComboBox::currentIndexChanged), this, &ScheduleForm::applyRRuleBuilder);
    connect(m_rruleInterval, qOverload<int>(&QSpinBox::valueChanged), this, &ScheduleForm::applyRRuleBuilder);
    connect(m_minute, qOverload<int>(&QSpinBox::valueChanged), this, &ScheduleForm::applyRRuleBuilder);
    connect(m_hours, &QLineEdit::textEdited, this, &ScheduleForm::applyRRuleBuilder);
    connect(m_rrule, &QLineEdit::textChanged, this, [this] {
        if (!m_writingRule) readRRuleIntoBuilder();
    });
    return page;
}

QWidget *ScheduleForm::buildRunBox() {
    auto *box = new QGroupBox(tr("Runs"), this);
    auto *layout = new QFormLayout(box);
    m_catchUp = new QComboBox(box);
    m_catchUp->setObjectName(QStringLiteral("scheduleCatchUp"));
    m_catchUp->addItem(tr("Skip missed fire times"), QStringLiteral("skip"));
    m_catchUp->addItem(tr("Run the latest missed one"), QStringLiteral("latest"));
    m_catchUp->addItem(tr("Run all missed ones"), QStringLiteral("all"));
    m_catchUpCap = new QSpinBox(box);
    m_catchUpCap->setRange(1, 100000);
    m_catchUpCap->setValue(100);
    m_catchUpCap->setPrefix(tr("at most "));
    m_maxActive = new QSpinBox(box);
    m_maxActive->setObjectName(QStringLiteral("scheduleMaxActive"));
    m_maxActive->setRange(0, 10000);
    m_maxActive->setSpecialValueText(tr("no limit"));
    m_collision = new QComboBox(box);
    m_collision->addItem(tr("Wait (enqueue)"), QStringLiteral("enqueue"));
    m_collision->addItem(tr("Cancel the new run"), QStringLiteral("cancel-new"));
    m_pool = new QComboBox(box);
    m_pool->setObjectName(QStringLiteral("schedulePool"));
    m_pool->setEditable(true);
    m_queue = new QComboBox(box);
    m_queue->setObjectName(QStringLiteral("scheduleQueue"));
    m_queue->setEditable(true);
    auto *params = new QWidget(box);
    auto *p = new QHBoxLayout(params);
    p->setContentsMargins(0, 0, 0, 0);
    m_parameterText = new QLabel(params);
    m_parameterText->setWordWrap(true);
    m_parameterButton = new QPushButton(tr("Set\u2026"), params);
    m_parameterButton->setObjectName(QStringLiteral("scheduleParameters"));
    p->addWidget(m_parameterText, 1);
    p->addWidget(m_parameterButton);
    connect(m_parameterButton, &QPushButton::clicked, this, &ScheduleForm::editParameters);
    auto pair = [box](QWidget *a, QWidget *b) {
        auto *row = new QWidget(box);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(a, 1);
        h->addWidget(b, 1);
        return row;
    };
    layout->addRow(tr("Catch-&up:"), pair(m_catchUp, m_catchUpCap));
    layout->addRow(tr("Max active runs:"), pair(m_maxActive, m_collision));
    layout->addRow(tr("Pool / queue:"), pair(m_pool, m_queue));
    layout->addRow(tr("Parameters:"), params);
    return box;
}

void ScheduleForm::showPage(int index) {
    // The stack is as tall as the page shown, not as its tallest page (the RRULE builder).
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                          i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_pages->setCurrentIndex(index);
    m_pages->updateGeometry();
}

void ScheduleForm::setFlow(const QString &flowPath) {
    const int index = m_flow->findData(QFileInfo(flowPath).absoluteFilePath());
    if (index >= 0) m_flow->setCurrentIndex(index);
}

void ScheduleForm::fillFlows() {
    const QString folder = QFileInfo(m_workspaceFile).absolutePath();
    QDirIterator it(folder, {QStringLiteral("*.flow.yaml"), QStringLiteral("*.flow.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) files << it.next();
    files.sort();
    for (const QString &file : files)
        m_flow->addItem(QDir(folder).relativeFilePath(file), QFileInfo(file).absoluteFilePath());
}

void ScheduleForm::fillPools() {
    // Pools and queues declared in flowdeck.yaml and those the database knows, plus "default".
    const QString pool = m_pool->currentText().isEmpty() ? QStringLiteral("default") : m_pool->currentText();
    const QString queue =
        m_queue->currentText().isEmpty() ? QStringLiteral("default") : m_queue->currentText();
    QStringList pools{QStringLiteral("default")}, queues{QStringLiteral("default")};
    const WorkspaceSchedules declared = WorkspaceSchedules::read(m_workspaceFile);
    for (const DeclaredPool &p : declared.pools) {
        pools << p.name;
        if (p.name == pool)
            for (const DeclaredQueue &q : p.queues) queues << q.name;
    }
    for (const WorkPoolRecord &p : m_store.pools()) pools << p.name;
    for (const WorkQueueRecord &q : m_store.queues(pool)) queues << q.name;
    pools.removeDuplicates();
    queues.removeDuplicates();
    const QSignalBlocker blockPool(m_pool), blockQueue(m_queue);
    m_pool->clear();
    m_pool->addItems(pools);
    m_pool->setCurrentText(pool);
    m_queue->clear();
    m_queue->addItems(queues);
    m_queue->setCurrentText(queue);
}

void ScheduleForm::load(const ScheduleRecord &r) {
    m_name->setText(r.name);
    m_name->setReadOnly(true);  // a rename is a new schedule: its runs and history keep the old name
    int flow = m_flow->findData(QFileInfo(r.flowPath).absoluteFilePath());
    if (flow < 0) {
        m_flow->addItem(QDir::toNativeSeparators(r.flowPath), r.flowPath);
        flow = m_flow->count() - 1;
    }
    m_flow->setCurrentIndex(flow);
    m_target->setCurrentIndex(r.source.isEmpty() ? 1 : 0);
    m_target->setEnabled(false);  // a schedule keeps its home; removing it and adding it moves it
    m_active->setChecked(r.active);
    const ScheduleConfigParseResult parsed = ScheduleConfig::fromVariantMap(r.config);
    const ScheduleConfig &c = parsed.config;
    const ScheduleZone zone = c.zone().value_or(ScheduleZone::utc());
    m_zone->setZoneId(c.timezone.isEmpty() && c.timezoneOffset ? offsetText(*c.timezoneOffset * 60)
                                                               : c.timezone);
    auto wallOf = [&zone](const QDateTime &t) { return wallDateTime(zone.toWall(t.toSecsSinceEpoch())); };
    m_type->setCurrentIndex(int(c.scheduleType));
    showPage(int(c.scheduleType));
    m_cron->setText(c.cronExpression);
    m_dayAnd->setChecked(!c.dayOr);
    if (c.intervalSeconds) {
        int unit = 0;
        for (int i = 0; i < 5; ++i)
            if (*c.intervalSeconds % kUnits[i].seconds == 0) unit = i;
        m_intervalUnit->setCurrentIndex(unit);
        m_interval->setValue(int(*c.intervalSeconds / kUnits[unit].seconds));
    }
    if (c.scheduleType == ScheduleType::Interval && c.anchor) {
        m_hasAnchor->setChecked(true);
        m_anchor->setDateTime(c.anchorWall ? wallDateTime(*c.anchorWall) : wallOf(*c.anchor));
    }
    if (c.scheduleType == ScheduleType::Once && c.startDate) m_once->setDateTime(wallOf(*c.startDate));
    const RRuleSchedule::Parts rule = RRuleSchedule::split(c.rrule);
    m_rrule->setText(rule.rule);
    if (c.scheduleType == ScheduleType::Recurring && c.anchor)
        m_dtstart->setDateTime(c.anchorWall ? wallDateTime(*c.anchorWall) : wallOf(*c.anchor));
    std::optional<qint64> dtstartWall;
    if (!rule.dtstart.isEmpty() && parseScheduleTime(rule.dtstart, zone, nullptr, &dtstartWall))
        m_dtstart->setDateTime(dtstartWall
                                   ? wallDateTime(*dtstartWall)
                                   : wallDateTime(zone.toWall(*parseScheduleTime(rule.dtstart, zone))));
    if (c.scheduleType != ScheduleType::Once && c.startDate) {
        m_hasStart->setChecked(true);
        m_start->setDateTime(wallOf(*c.startDate));
    }
    if (c.endDate) {
        m_hasEnd->setChecked(true);
        m_end->setDateTime(wallOf(*c.endDate));
    }
    m_catchUp->setCurrentIndex(m_catchUp->findData(toString(r.catchUp)));
    m_catchUpCap->setValue(r.catchUpCap);
    m_maxActive->setValue(r.maxActiveRuns);
    m_collision->setCurrentIndex(m_collision->findData(toString(r.collision)));
    m_pool->setCurrentText(r.pool);
    m_queue->setCurrentText(r.queue);
    fillPools();
    // Text values as the record keeps them, typed by the flow's parameters.
    const LoadResult loaded = FlowFile::load(r.flowPath);
    for (auto it = r.parameters.constBegin(); it != r.parameters.constEnd(); ++it) {
        QVariant typed = it.value();
        for (const Parameter &p : loaded.flow.parameters)
            if (p.name == it.key()) {
                QString ignored;
                const QVariant v = FlowValidator::valueFromText(p, it.value().toString(), &ignored);
                if (v.isValid()) typed = v;
            }
        m_parameters.insert(it.key(), typed);
    }
}

void ScheduleForm::setClock(std::function<qint64()> clock) {
    m_clock = std::move(clock);
    m_zone->setClock(m_clock);
    if (!m_editing) setDefaultTimes();
    revalidate();
}

void ScheduleForm::setDefaultTimes() {
    // Near "now" on the zone's clock: the next hour, tomorrow 09:00, today, a month from today.
    const qint64 now =
        ScheduleZone::fromText(m_zone->zoneId()).value_or(ScheduleZone::utc()).toWall(m_clock());
    const qint64 today = now - now % 86400;
    m_once->setDateTime(wallDateTime(now - now % 3600 + 3600));
    m_dtstart->setDateTime(wallDateTime(today + 86400 + 9 * 3600));
    m_anchor->setDateTime(wallDateTime(today));
    m_start->setDateTime(wallDateTime(today));
    m_end->setDateTime(wallDateTime(today + 30 * 86400));
}

void ScheduleForm::readRRuleIntoBuilder() {
    // A rule typed by hand sets the builder's fields it can show; the rule itself stays as typed.
    QHash<QString, QString> parts;
    for (const QString &part :
         RRuleSchedule::split(m_rrule->text()).rule.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const int eq = part.indexOf(QLatin1Char('='));
        if (eq > 0) parts.insert(part.left(eq).trimmed().toUpper(), part.mid(eq + 1).trimmed().toUpper());
    }
    const QSignalBlocker a(m_freq), b(m_rruleInterval), c(m_minute), d(m_hours);
    const int freq = m_freq->findData(parts.value(QStringLiteral("FREQ")));
    if (freq >= 0) m_freq->setCurrentIndex(freq);
    m_rruleInterval->setValue(parts.value(QStringLiteral("INTERVAL"), QStringLiteral("1")).toInt());
    const QStringList days = parts.value(QStringLiteral("BYDAY")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QCheckBox *box : m_days) {
        const QSignalBlocker blockDay(box);
        box->setChecked(days.contains(box->property("code").toString()));
    }
    m_hours->setText(parts.value(QStringLiteral("BYHOUR")).replace(QLatin1Char(','), QStringLiteral(", ")));
    m_minute->setValue(
        parts.value(QStringLiteral("BYMINUTE"), QStringLiteral("0")).section(QLatin1Char(','), 0, 0).toInt());
}

void ScheduleForm::loadFlow() {
    const LoadResult loaded = FlowFile::load(m_flow->currentData().toString());
    m_parameterButton->setEnabled(loaded.isValid() && !loaded.flow.parameters.empty());
    if (!loaded.isValid() || loaded.flow.parameters.empty()) {
        m_parameterText->setText(m_flow->count() ? tr("(the flow has none)")
                                                 : tr("(no flow files in the workspace)"));
        return;
    }
    QVariantMap shown;
    for (const Parameter &p : loaded.flow.parameters)
        shown.insert(p.name, m_parameters.contains(p.name) ? m_parameters.value(p.name) : p.defaultValue);
    m_parameterText->setText(parametersText(shown));
}

void ScheduleForm::editParameters() {
    const LoadResult loaded = FlowFile::load(m_flow->currentData().toString());
    if (!loaded.isValid()) return;
    // The Run dialog's typed form: the same fields, ranges and messages for a scheduled run.
    ParameterDialog dialog(loaded.flow, m_parameters, this);
    dialog.setWindowTitle(tr("Parameters of %1").arg(m_name->text()));
    dialog.runButton()->setText(tr("OK"));
    if (dialog.exec() != QDialog::Accepted) return;
    m_parameters.clear();
    const QVariantMap values = dialog.values();
    for (const Parameter &p : loaded.flow.parameters)
        if (values.contains(p.name) && values.value(p.name).isValid() &&
            !(p.hasDefault() && values.value(p.name) == p.defaultValue))
            m_parameters.insert(p.name, values.value(p.name));
    loadFlow();
    revalidate();
}

void ScheduleForm::applyRRuleBuilder() {
    QStringList parts{QStringLiteral("FREQ=") + m_freq->currentData().toString()};
    if (m_rruleInterval->value() > 1) parts << QStringLiteral("INTERVAL=%1").arg(m_rruleInterval->value());
    QStringList days;
    for (QCheckBox *box : m_days)
        if (box->isChecked()) days << box->property("code").toString();
    if (!days.isEmpty()) parts << QStringLiteral("BYDAY=") + days.join(QLatin1Char(','));
    QStringList hours;
    for (const QString &h : m_hours->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) hours << h.trimmed();
    if (!hours.isEmpty()) parts << QStringLiteral("BYHOUR=") + hours.join(QLatin1Char(','));
    if (!hours.isEmpty() || m_minute->value() > 0)
        parts << QStringLiteral("BYMINUTE=%1").arg(m_minute->value());
    m_writingRule = true;
    m_rrule->setText(parts.join(QLatin1Char(';')));  // the raw rule stays editable below
    m_writingRule = false;
}

ScheduleConfig ScheduleForm::config(QStringList &problems) const {
    ScheduleConfig c;
    c.scheduleType = ScheduleType(m_type->currentIndex());
    c.timezone = m_zone->zoneId();
    QString why;
    const std::optional<ScheduleZone> zone = ScheduleZone::fromText(c.timezone, &why);
    if (!zone) {
        problems << QStringLiteral("timezone: ") + why;
        return c;
    }
    if (c.timezone.isEmpty()) c.timezone = zone->id();  // the system zone, written out
    auto instant = [&](const QDateTimeEdit *edit, const char *field,
                       std::optional<qint64> *wall = nullptr) -> std::optional<QDateTime> {
        QString error;
        const auto t = parseScheduleTime(wallText(edit), *zone, &error, wall);
        if (!t) {
            problems << QLatin1String(field) + QStringLiteral(": ") + error;
            return std::nullopt;
        }
        return utcFromSecs(*t);
    };
    switch (c.scheduleType) {
        case ScheduleType::Cron:
            c.cronExpression = m_cron->text().trimmed();
            c.dayOr = !m_dayAnd->isChecked();
            break;
        case ScheduleType::Interval:
            c.intervalSeconds = qint64(m_interval->value()) * m_intervalUnit->currentData().toLongLong();
            if (m_hasAnchor->isChecked()) c.anchor = instant(m_anchor, "anchor", &c.anchorWall);
            break;
        case ScheduleType::Once:
            c.startDate = instant(m_once, "start_date");
            break;
        case ScheduleType::Recurring:
            c.rrule = m_rrule->text().trimmed();
            if (RRuleSchedule::split(c.rrule).dtstart.isEmpty())
                c.anchor = instant(m_dtstart, "anchor", &c.anchorWall);
            break;
    }
    if (c.scheduleType != ScheduleType::Once && m_hasStart->isChecked())
        c.startDate = instant(m_start, "start_date");
    if (m_hasEnd->isChecked()) c.endDate = instant(m_end, "end_date");
    return c;
}

ScheduleRecord ScheduleForm::record() const {
    ScheduleRecord r;
    if (m_editing) {
        if (const auto old = m_store.schedule(m_name->text())) r = *old;
    }
    r.name = m_name->text().trimmed();
    r.flowPath = m_flow->currentData().toString();
    const LoadResult loaded = FlowFile::load(r.flowPath);
    r.flowName = loaded.isValid() ? loaded.flow.name : QString();
    r.parameters.clear();
    for (auto it = m_parameters.constBegin(); it != m_parameters.constEnd(); ++it)
        r.parameters.insert(it.key(), toTextValue(it.value()));
    QStringList ignored;
    r.config = config(ignored).toVariantMap();
    r.active = m_active->isChecked();
    r.catchUp = catchUpFromString(m_catchUp->currentData().toString()).value_or(CatchUp::Skip);
    r.catchUpCap = m_catchUpCap->value();
    r.maxActiveRuns = m_maxActive->value();
    r.collision = collisionFromString(m_collision->currentData().toString()).value_or(Collision::Enqueue);
    r.pool = m_pool->currentText().trimmed();
    r.queue = m_queue->currentText().trimmed();
    return r;
}

void ScheduleForm::showCron() {
    const QString text = m_cron->text().trimmed();
    const CronParseResult parsed = CronExpression::parse(text, !m_dayAnd->isChecked());
    const QStringList tokens = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList cells;
    const bool macro = text.startsWith(QLatin1Char('@'));
    for (int i = 0; i < 5 && !macro; ++i) {
        const bool wrong = !parsed.ok() && parsed.field == QLatin1String(kCronFieldNames[i]);
        const QString token = i < tokens.size() ? tokens.at(i).toHtmlEscaped() : QStringLiteral("?");
        cells << (wrong ? QStringLiteral("<b style='color:#d13438'>%1 <small>%2</small></b>")
                        : QStringLiteral("%1 <small style='color:gray'>%2</small>"))
                     .arg(token, QLatin1String(kCronFieldNames[i]));
    }
    m_cronFields->setText(cells.join(QStringLiteral(" &nbsp; ")));
    setError(m_cron, !parsed.ok());
    m_cronMessage->setStyleSheet(parsed.ok() ? QString() : QStringLiteral("color: #d13438;"));
    m_cronMessage->setText(parsed.ok() ? describeCron(*parsed.expression) : parsed.message);
}

void ScheduleForm::revalidate() {
    m_catchUpCap->setEnabled(m_catchUp->currentData() == QStringLiteral("all"));
    m_collision->setEnabled(m_maxActive->value() > 0);
    if (m_type->currentIndex() == int(ScheduleType::Cron)) showCron();
    if (m_type->currentIndex() == int(ScheduleType::Recurring)) {
        m_rruleText->setText(m_rrule->text().trimmed().isEmpty() ? QString()
                                                                 : describeRRule(m_rrule->text()));
    }
    QStringList problems;
    const ScheduleConfig c = config(problems);
    setError(m_zone->comboBox(), problems.join(QString()).startsWith(QLatin1String("timezone:")));
    const ScheduleRecord r = record();
    if (problems.isEmpty()) problems = scheduleRecordProblems(r);
    setError(m_rrule, !problems.filter(QStringLiteral("rrule")).isEmpty());
    setError(m_name, !problems.filter(QStringLiteral("schedule name")).isEmpty());
    if (!m_editing && m_store.schedule(r.name))
        problems << tr("schedule name: %1 exists already (edit it from the Schedules panel)").arg(r.name);
    m_problems = problems;
    m_problemLabel->setText(problems.join(QLatin1Char('\n')));
    saveButton()->setEnabled(problems.isEmpty());
    saveButton()->setToolTip(problems.isEmpty() ? QString() : problems.join(QLatin1Char('\n')));
    // The preview needs the schedule alone: a missing name or flow does not hide the times.
    const ScheduleConfig::BuildResult built = c.build();
    showPreview(c, built.schedule != nullptr && problems.filter(QStringLiteral("timezone")).isEmpty());
}

void ScheduleForm::showPreview(const ScheduleConfig &config, bool valid) {
    m_preview->setRowCount(0);
    const ScheduleConfig::BuildResult built = config.build();
    if (!valid || !built.schedule) {
        m_previewTitle->setText(tr("No preview: the schedule has problems"));
        return;
    }
    const ScheduleZone zone = config.zone().value_or(ScheduleZone::utc());
    const qint64 now = m_clock();
    const std::vector<PreviewedFire> fires = previewFireTimes(*built.schedule, zone, now, kPreviewCount);
    const QString sentence = describeSchedule(config);
    m_previewTitle->setText(
        fires.empty() ? tr("%1 \u2014 no fire times after now (the schedule has ended)").arg(sentence)
                      : tr("<b>%1</b><br>The next %2 fire times after %3:")
                            .arg(sentence.toHtmlEscaped())
                            .arg(fires.size())
                            .arg(isoUtc(now)));
    m_preview->setRowCount(int(fires.size()));
    const QColor moved(255, 196, 0, 90);
    for (int i = 0; i < int(fires.size()); ++i) {
        const PreviewedFire &f = fires[size_t(i)];
        auto *local = new QTableWidgetItem(civilText(civilFromWall(f.utc + f.offset), QLatin1Char(' ')) +
                                           QLatin1Char(' ') + zone.abbreviation(f.utc) +
                                           QStringLiteral(" (") + offsetText(f.offset) + QLatin1Char(')'));
        auto *utc = new QTableWidgetItem(isoUtc(f.utc));
        auto *note = new QTableWidgetItem(f.dstMoved ? QStringLiteral("\u26a0 ") + f.note : QString());
        note->setData(Qt::UserRole, f.dstMoved);
        for (QTableWidgetItem *item : {local, utc, note}) {
            if (f.dstMoved) item->setBackground(moved);
            if (f.dstMoved)
                item->setToolTip(tr("A daylight-saving change moved this fire time: %1").arg(f.note));
        }
        m_preview->setItem(i, 0, local);
        m_preview->setItem(i, 1, utc);
        m_preview->setItem(i, 2, note);
    }
}

QStringList ScheduleForm::previewUtc() const {
    QStringList times;
    for (int i = 0; i < m_preview->rowCount(); ++i) times << m_preview->item(i, 1)->text();
    return times;
}

QList<int> ScheduleForm::previewDstRows() const {
    QList<int> rows;
    for (int i = 0; i < m_preview->rowCount(); ++i)
        if (m_preview->item(i, 2)->data(Qt::UserRole).toBool()) rows << i;
    return rows;
}

QPushButton *ScheduleForm::saveButton() const {
    return m_buttons->button(QDialogButtonBox::Save);
}

bool ScheduleForm::save(QString *error) {
    revalidate();
    QString why = m_problems.join(QLatin1Char('\n'));
    if (why.isEmpty() && saveSchedule(m_store, m_workspaceFile, record(), m_parameters,
                                      ScheduleTarget(m_target->currentData().toInt()), &why))
        return true;
    m_problemLabel->setText(why);
    if (error) *error = why;
    return false;
}

}  // namespace flowdeck
