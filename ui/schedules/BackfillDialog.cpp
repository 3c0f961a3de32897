#include "BackfillDialog.h"

#include "SchedulesModel.h"
#include "schedule/CivilTime.h"
#include "schedule/ScheduleConfig.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

QDateTimeEdit *windowEdit(QWidget *parent, const QString &name, qint64 wall) {
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(name);
    edit->setTimeSpec(Qt::UTC);  // a wall time on the schedule's clock, as the form holds it
    edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    edit->setCalendarPopup(true);
    const CivilTime t = civilFromWall(wall);
    edit->setDateTime(QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute), Qt::UTC));
    return edit;
}

}  // namespace

BackfillDialog::BackfillDialog(ScheduleStore &store, const ScheduleRecord &record,
                               std::function<qint64()> clock, QWidget *parent)
    : QDialog(parent), m_store(store), m_record(record), m_clock(std::move(clock)) {
    setObjectName(QStringLiteral("backfillDialog"));
    setWindowTitle(tr("Backfill %1").arg(record.name));
    const ScheduleZone zone = zoneOf(record);
    const qint64 nowWall = zone.toWall(m_clock());
    const qint64 today = nowWall - nowWall % 86400;
    m_from = windowEdit(this, QStringLiteral("backfillFrom"), today - 86400);
    m_to = windowEdit(this, QStringLiteral("backfillTo"), nowWall - nowWall % 60);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("backfillList"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create Runs"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("backfillCreate"));
    auto *fields = new QFormLayout;
    fields->addRow(tr("From (%1):").arg(zone.id()), m_from);
    fields->addRow(tr("To (inclusive):"), m_to);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fields);
    layout->addWidget(new QLabel(tr("Fire times in the window (a dry run: nothing is created yet):"), this));
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &BackfillDialog::create);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &BackfillDialog::replan);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &BackfillDialog::replan);
    resize(520, 480);
    replan();
}

void BackfillDialog::replan() {
    const ScheduleZone zone = zoneOf(m_record);
    const auto text = [](const QDateTimeEdit *e) {
        return e->dateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    };
    QString why;
    const auto from = parseScheduleTime(text(m_from), zone, &why);
    const auto to = from ? parseScheduleTime(text(m_to), zone, &why) : std::nullopt;
    m_list->clear();
    m_create->setEnabled(false);
    if (!from || !to) {
        m_summary->setText(why);
        return;
    }
    const qint64 now = m_clock();
    m_plan = planBackfill(m_store, m_record, *from, *to, now);
    switch (m_plan.refusal) {
        case BackfillRefusal::FromInFuture:
            m_summary->setText(
                tr("From is in the future: backfill makes the runs of past fire times; the scheduler makes "
                   "the future ones."));
            return;
        case BackfillRefusal::ToBeforeFrom:
            m_summary->setText(tr("To is before From."));
            return;
        case BackfillRefusal::TooMany:
            m_summary->setText(
                tr("More than %1 fire times: backfill a shorter window.").arg(kMaxBackfillFires));
            return;
        case BackfillRefusal::None:
            break;
    }
    for (const qint64 t : m_plan.fireTimes) {
        auto *item =
            new QListWidgetItem(QStringLiteral("%1   %2   %3")
                                    .arg(zonedTimeText(t, zone.id()), isoUtc(t),
                                         m_plan.hasRun(t) ? tr("has a run") : tr("would be created")),
                                m_list);
        if (m_plan.hasRun(t)) item->setForeground(Qt::gray);
    }
    const int toCreate = m_plan.toCreate();
    m_summary->setText(tr("%1 fire times, %2 to create%3")
                           .arg(m_plan.fireTimes.size())
                           .arg(toCreate)
                           .arg(m_plan.cutAtNow
                                    ? tr("; the window ends now (later fire times are the scheduler's)")
                                    : QString()));
    m_create->setEnabled(toCreate > 0);
    m_create->setText(tr("Create %n Run(s)", nullptr, toCreate));
}

void BackfillDialog::create() {
    m_created = runBackfill(m_store, m_record, m_plan, m_clock() * 1000);
    if (m_created < 0) {
        m_summary->setText(tr("The database refused the runs; nothing was created."));
        return;
    }
    accept();
}

}  // namespace flowdeck
