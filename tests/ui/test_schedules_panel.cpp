// The Schedules dock and the schedule form: the core's messages as the cron is typed, a preview
// that equals `flowdeck-cli schedule next`, daylight-saving marks, and saves that the CLI and a
// reload see, with flowdeck.yaml's comments kept.
#include "../common/CliProcess.h"
#include "../common/IsolatedSettings.h"
#include "../common/TestWorkspace.h"
#include "runs/ParameterDialog.h"
#include "schedule/CronExpression.h"
#include "schedule/ScheduleFilePatch.h"
#include "schedule/ScheduleSave.h"
#include "schedule/WorkspaceSchedules.h"
#include "schedules/BackfillDialog.h"
#include "schedules/ScheduleForm.h"
#include "schedules/SchedulesModel.h"
#include "schedules/SchedulesPanel.h"
#include "schedules/TimeZonePicker.h"
#include "schedules/UpcomingStrip.h"
#include "store/ScheduleStore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>

using namespace flowdeck;

namespace {

const QByteArray kFlow =
    "apiVersion: flowdeck/v1\nkind: Flow\nname: report\nparameters:\n  rows:\n    type: int\n"
    "    default: 3\ntasks:\n  say:\n    kind: shell\n    script: echo hi\n";

const QByteArray kWorkspace =
    "# Team workspace: keep this comment\n"
    "settings:\n"
    "  database: runs.db\n"
    "  retention_days: 0\n"
    "\n"
    "schedules:\n"
    "  # the morning one\n"
    "  - name: morning\n"
    "    flow: report.flow.yaml\n"
    "    cron_expression: \"0 7 * * *\"   # seven sharp\n"
    "    timezone: Europe/Berlin\n"
    "\n"
    "work_pools:\n"
    "  gpu:\n"
    "    queues:\n"
    "      fast: {priority: 1}\n";

qint64 at(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestSchedulesPanel : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

    /// A workspace with a flow, the commented flowdeck.yaml, and its declared schedules synced.
    struct Workspace : test::TestWorkspace {
        Workspace() : test::TestWorkspace(kWorkspace) {
            write(QStringLiteral("report.flow.yaml"), kFlow);
            schedules = std::make_unique<ScheduleStore>(session->store());
            const WorkspaceSchedules declared = WorkspaceSchedules::read(file());
            if (!declared.problems.empty()) qFatal("%s", qPrintable(declared.problems.front().toString()));
            syncSchedules(declared, file(), *schedules);
        }
        QString file() const { return dir.filePath(QStringLiteral("flowdeck.yaml")); }
        CliResult cli(const QStringList &args) const {
            return runCliIn(dir.path(), isolatedEnvironment(dir), args);
        }
        std::unique_ptr<ScheduleStore> schedules;
    };

    static void chooseFlow(ScheduleForm &form) {
        form.flowField()->setCurrentIndex(form.flowField()->findText(QStringLiteral("report.flow.yaml")));
    }

private slots:
    void initTestCase() { test::isolateRunFolders(m_home); }

    void theCronFieldShowsTheCoresMessageAndNoPreview() {
        Workspace w;
        ScheduleForm form(*w.schedules, w.file(), nullptr);
        form.setClock([] { return at("2026-03-20T12:00:00Z"); });
        form.nameField()->setText(QStringLiteral("bad"));
        chooseFlow(form);
        form.cronField()->setText(QStringLiteral("0 25 * * *"));
        const CronParseResult core = CronExpression::parse(QStringLiteral("0 25 * * *"));
        QVERIFY(!core.ok());
        QCOMPARE(form.cronMessage()->text(), core.message);
        QCOMPARE(core.field, QStringLiteral("hour"));
        QVERIFY(form.cronField()->property("invalid").toBool());
        QCOMPARE(form.preview()->rowCount(), 0);
        QVERIFY(!form.saveButton()->isEnabled());
        QVERIFY2(form.problems().join('\n').contains(core.message), qPrintable(form.problems().join('\n')));
        QString error;
        QVERIFY(!form.save(&error));  // a bad value cannot be saved, and says why
        QVERIFY(error.contains(core.message));
        QVERIFY(!w.schedules->schedule(QStringLiteral("bad")));
        // Mended as it is typed: the description, and ten fire times.
        form.cronField()->setText(QStringLiteral("0 23 * * *"));
        QVERIFY(!form.cronField()->property("invalid").toBool());
        QCOMPARE(form.cronMessage()->text(), QStringLiteral("At 23:00"));
        QCOMPARE(form.preview()->rowCount(), 10);
        QVERIFY(form.saveButton()->isEnabled());
    }

    void thePreviewEqualsTheCliScheduleNext_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("zone");
        QTest::newRow("cron weekdays, New York") << 0 << "15 9 * * 1-5"
                                                 << "America/New_York";
        QTest::newRow("cron every 20 min, Kathmandu") << 0 << "*/20 * * * *"
                                                      << "Asia/Kathmandu";
        QTest::newRow("rrule weekly, Berlin") << 3 << "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9;BYMINUTE=0"
                                              << "Europe/Berlin";
        QTest::newRow("every 90 minutes, Kolkata") << 1 << "5400"
                                                   << "Asia/Kolkata";
        QTest::newRow("daily through the March gap, Berlin") << 1 << "86400"
                                                             << "Europe/Berlin";
    }
    void thePreviewEqualsTheCliScheduleNext() {
        QFETCH(int, type);
        QFETCH(QString, expression);
        QFETCH(QString, zone);
        Workspace w;
        ScheduleForm form(*w.schedules, w.file(), nullptr);
        const qint64 now = at("2026-03-20T12:00:00Z");
        form.setClock([now] { return now; });
        form.typeField()->setCurrentIndex(type);
        form.zoneField()->setZoneId(zone);
        QStringList args{"schedule", "next", "--tz", zone, "--from", isoUtc(now), "--count", "10"};
        if (type == 0) {
            form.cronField()->setText(expression);
            args << "--cron" << expression;
        } else if (type == 1) {
            form.intervalField()->setValue(expression.toInt() / 60);
            form.intervalUnitField()->setCurrentIndex(1);  // minutes
            for (QCheckBox *box : form.findChildren<QCheckBox *>())
                if (box->text() == QStringLiteral("From")) box->setChecked(true);
            auto *anchor = form.findChild<QDateTimeEdit *>(QStringLiteral("scheduleAnchor"));
            anchor->setDateTime(QDateTime(QDate(2026, 3, 1), QTime(2, 30), Qt::UTC));
            args << "--interval" << expression << "--anchor"
                 << "2026-03-01T02:30";
        } else {
            form.rruleField()->setText(expression);
            auto *dtstart = form.findChild<QDateTimeEdit *>(QStringLiteral("scheduleDtstart"));
            dtstart->setDateTime(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
            args << "--rrule" << expression << "--dtstart"
                 << "2026-03-01T09:00";
        }
        const CliResult cli = w.cli(args);
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        const QStringList expected = cli.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(expected.size(), 10);
        QCOMPARE(form.previewUtc(), expected);
    }

    void thePreviewMarksAFireTimeDaylightSavingMoves() {
        Workspace w;
        ScheduleForm form(*w.schedules, w.file(), nullptr);
        form.setClock([] { return at("2026-03-26T12:00:00Z"); });
        form.zoneField()->setZoneId(QStringLiteral("Europe/Berlin"));
        form.cronField()->setText(QStringLiteral("30 2 * * *"));
        // 27th and 28th at 02:30 CET; the 29th skips 02:30 (clocks go to 03:00 CEST); then 02:30 CEST.
        const QStringList utc = form.previewUtc();
        QCOMPARE(utc.mid(0, 4), QStringList({"2026-03-27T01:30:00Z", "2026-03-28T01:30:00Z",
                                             "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"}));
        QCOMPARE(form.previewDstRows(), QList<int>{2});
        QVERIFY(form.preview()->item(2, 0)->text().startsWith(QStringLiteral("2026-03-29 03:00:00 CEST")));
        QVERIFY(form.preview()->item(2, 2)->text().contains(QStringLiteral("+01:00 to +02:00")));
        QVERIFY(form.preview()->item(3, 2)->text().isEmpty());
        // In UTC itself nothing moves.
        form.zoneField()->setZoneId(QStringLiteral("UTC"));
        QVERIFY(form.previewDstRows().isEmpty());
        form.zoneField()->setZoneId(QStringLiteral("Mars/Olympus"));
        QCOMPARE(form.preview()->rowCount(), 0);
        QVERIFY(form.problems().join('\n').contains(QStringLiteral("timezone")));
    }

    void theRRuleBuilderWritesTheRuleAndReadsATypedOne() {
        Workspace w;
        ScheduleForm form(*w.schedules, w.file(), nullptr);
        form.setClock([] { return at("2026-03-20T12:00:00Z"); });
        form.typeField()->setCurrentIndex(3);
        QList<QCheckBox *> days;
        for (QCheckBox *box : form.findChildren<QCheckBox *>())
            if (box->property("code").isValid()) days << box;
        QCOMPARE(days.size(), 7);
        days[1]->setChecked(true);  // Tuesday
        form.findChild<QLineEdit *>(QStringLiteral("scheduleRRuleHours"))->setText(QStringLiteral("8, 18"));
        emit form.findChild<QLineEdit *>(QStringLiteral("scheduleRRuleHours"))
            ->textEdited(QStringLiteral("8, 18"));
        QCOMPARE(form.rruleField()->text(), QStringLiteral("FREQ=WEEKLY;BYDAY=TU;BYHOUR=8,18;BYMINUTE=0"));
        QCOMPARE(form.previewUtc().size(), 10);
        // A rule typed by hand shows in the builder; the rule stays as typed.
        form.rruleField()->setText(QStringLiteral("FREQ=DAILY;INTERVAL=2;BYDAY=MO,FR;BYHOUR=6"));
        QVERIFY(days[0]->isChecked() && days[4]->isChecked() && !days[1]->isChecked());
        QCOMPARE(form.findChild<QComboBox *>(QStringLiteral("scheduleRRuleFreq"))->currentData().toString(),
                 QStringLiteral("DAILY"));
        QCOMPARE(form.rruleField()->text(), QStringLiteral("FREQ=DAILY;INTERVAL=2;BYDAY=MO,FR;BYHOUR=6"));
        // A rule libical refuses: the field is marked and the preview is empty.
        form.rruleField()->setText(QStringLiteral("FREQ=SOMETIMES"));
        QCOMPARE(form.preview()->rowCount(), 0);
        QVERIFY(form.rruleField()->property("invalid").toBool());
    }

    void aSavedScheduleOpensAgainWithEveryField() {
        Workspace w;
        const qint64 now = at("2026-03-20T12:00:00Z");
        QStringList before;
        QVariantMap config;
        {
            ScheduleForm form(*w.schedules, w.file(), nullptr);
            form.setClock([now] { return now; });
            form.nameField()->setText(QStringLiteral("mondays"));
            chooseFlow(form);
            form.typeField()->setCurrentIndex(3);
            form.zoneField()->setZoneId(QStringLiteral("America/New_York"));
            form.rruleField()->setText(QStringLiteral("FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=15"));
            form.findChild<QDateTimeEdit *>(QStringLiteral("scheduleDtstart"))
                ->setDateTime(QDateTime(QDate(2026, 3, 2), QTime(8, 15), Qt::UTC));
            for (QCheckBox *box : form.findChildren<QCheckBox *>())
                if (box->text() == QStringLiteral("Not after")) box->setChecked(true);
            form.findChild<QDateTimeEdit *>(QStringLiteral("scheduleEnd"))
                ->setDateTime(QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC));
            form.findChild<QSpinBox *>(QStringLiteral("scheduleMaxActive"))->setValue(2);
            form.targetField()->setCurrentIndex(1);
            before = form.previewUtc();
            config = form.record().config;
            QString error;
            QVERIFY2(form.save(&error), qPrintable(error));
        }
        QCOMPARE(before.size(), 6);  // Mondays from 23 March to 27 April, then the end
        const auto stored = w.schedules->schedule(QStringLiteral("mondays"));
        QVERIFY(stored);
        QCOMPARE(stored->config, config);
        QCOMPARE(stored->maxActiveRuns, 2);
        ScheduleForm again(*w.schedules, w.file(), &*stored);
        again.setClock([now] { return now; });
        QCOMPARE(again.typeField()->currentIndex(), 3);
        QCOMPARE(again.zoneField()->zoneId(), QStringLiteral("America/New_York"));
        QCOMPARE(again.previewUtc(), before);
        QCOMPARE(again.record().config, stored->config);
        QVERIFY(again.saveButton()->isEnabled());  // editing its own name is no clash
    }

    void savingToFlowdeckYamlKeepsItsCommentsAndTheCliListsIt() {
        Workspace w;
        {
            ScheduleForm form(*w.schedules, w.file(), nullptr);
            form.setClock([] { return at("2026-03-20T12:00:00Z"); });
            form.nameField()->setText(QStringLiteral("nightly"));
            chooseFlow(form);
            form.cronField()->setText(QStringLiteral("0 2 * * *"));
            form.zoneField()->setZoneId(QStringLiteral("Europe/Berlin"));
            form.findChild<QComboBox *>(QStringLiteral("schedulePool"))
                ->setCurrentText(QStringLiteral("gpu"));
            form.findChild<QComboBox *>(QStringLiteral("scheduleQueue"))
                ->setCurrentText(QStringLiteral("fast"));
            QCOMPARE(form.targetField()->currentIndex(), 0);  // flowdeck.yaml
            QString error;
            QVERIFY2(form.save(&error), qPrintable(error));
        }
        const QByteArray text = readFile(w.file());
        // Everything the user wrote is still there, byte for byte, and the new entry follows.
        QVERIFY2(text.startsWith(kWorkspace.left(kWorkspace.indexOf("\nwork_pools:"))), text.constData());
        QVERIFY2(
            text.contains("  - name: nightly\n    flow: report.flow.yaml\n    cron_expression: 0 2 * * *\n"
                          "    timezone: Europe/Berlin\n    pool: gpu\n    queue: fast\n"),
            text.constData());
        QVERIFY(text.endsWith("work_pools:\n  gpu:\n    queues:\n      fast: {priority: 1}\n"));
        // A reload of the workspace shows it; so does the CLI on the same database.
        const WorkspaceSchedules again = WorkspaceSchedules::read(w.file());
        QVERIFY(again.problems.empty());
        SchedulesPanel panel;
        panel.setClock([] { return at("2026-03-20T12:00:00Z"); });
        panel.setSession(w.session.get());
        const int row = panel.model()->rowOf(QStringLiteral("nightly"));
        QVERIFY(row >= 0);
        const SchedulesModel::Row *r = panel.model()->rowAt(row);
        QCOMPARE(r->description, QStringLiteral("At 02:00"));
        QCOMPARE(r->zone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(*r->nextFire, at("2026-03-21T01:00:00Z"));
        const CliResult list = w.cli({"schedule", "list", "--json"});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QStringList names;
        for (const QJsonValue &v : QJsonDocument::fromJson(list.out.toUtf8()).array())
            names << v.toObject().value("name").toString();
        QCOMPARE(names, QStringList({"morning", "nightly"}));
    }

    void parametersComeFromTheRunDialogsTypedForm() {
        Workspace w;
        ScheduleForm form(*w.schedules, w.file(), nullptr);
        form.setClock([] { return at("2026-03-20T12:00:00Z"); });
        form.nameField()->setText(QStringLiteral("with-rows"));
        chooseFlow(form);
        form.cronField()->setText(QStringLiteral("0 6 * * *"));
        form.zoneField()->setZoneId(QStringLiteral("UTC"));
        bool seen = false;
        QTimer::singleShot(0, &form, [&seen] {
            auto *dialog = qobject_cast<ParameterDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *rows = qobject_cast<QSpinBox *>(dialog->field(QStringLiteral("rows")));
            QVERIFY(rows);
            QCOMPARE(rows->value(), 3);  // the flow's default
            rows->setValue(5);
            seen = true;
            QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        });
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("scheduleParameters")),
                          Qt::LeftButton);
        QVERIFY(seen);
        QCOMPARE(form.record().parameters, QVariantMap({{"rows", "5"}}));
        QString error;
        QVERIFY2(form.save(&error), qPrintable(error));
        // A number in the file (typed as the form typed it), text in the database (as --param gives it).
        QVERIFY2(readFile(w.file()).contains("    parameters:\n      rows: 5\n"),
                 readFile(w.file()).constData());
        QCOMPARE(w.schedules->schedule(QStringLiteral("with-rows"))->parameters,
                 QVariantMap({{"rows", "5"}}));
    }

    void editingAnEntryRewritesOnlyTheKeyThatChanged() {
        Workspace w;
        const auto morning = w.schedules->schedule(QStringLiteral("morning"));
        QVERIFY(morning);
        ScheduleForm form(*w.schedules, w.file(), &*morning);
        form.setClock([] { return at("2026-03-20T12:00:00Z"); });
        QCOMPARE(form.cronField()->text(), QStringLiteral("0 7 * * *"));
        QCOMPARE(form.zoneField()->zoneId(), QStringLiteral("Europe/Berlin"));
        form.cronField()->setText(QStringLiteral("0 8 * * *"));
        QString error;
        QVERIFY2(form.save(&error), qPrintable(error));
        QByteArray expected = kWorkspace;
        expected.replace("    cron_expression: \"0 7 * * *\"   # seven sharp\n",
                         "    cron_expression: 0 8 * * *\n");
        QCOMPARE(readFile(w.file()), expected);
        QCOMPARE(w.schedules->schedule(QStringLiteral("morning"))->config.value("cron_expression").toString(),
                 QStringLiteral("0 8 * * *"));
    }

    void savingToTheDatabaseAndTheDockActions() {
        Workspace w;
        const qint64 now = at("2026-03-20T12:00:30Z");
        {
            ScheduleForm form(*w.schedules, w.file(), nullptr);
            form.setClock([now] { return now; });
            form.nameField()->setText(QStringLiteral("hourly"));
            chooseFlow(form);
            form.typeField()->setCurrentIndex(1);
            form.intervalField()->setValue(2);
            form.intervalUnitField()->setCurrentIndex(2);  // hours
            form.zoneField()->setZoneId(QStringLiteral("UTC"));
            form.targetField()->setCurrentIndex(1);
            QCOMPARE(form.previewUtc().first(), QStringLiteral("2026-03-20T14:00:00Z"));
            QString error;
            QVERIFY2(form.save(&error), qPrintable(error));
        }
        QCOMPARE(readFile(w.file()), kWorkspace);  // the database only
        const auto stored = w.schedules->schedule(QStringLiteral("hourly"));
        QVERIFY(stored && stored->source.isEmpty());
        QVERIFY(w.cli({"schedule", "list"}).out.contains(QStringLiteral("hourly")));
        {
            // One name, one schedule, one home.
            ScheduleForm again(*w.schedules, w.file(), nullptr);
            again.nameField()->setText(QStringLiteral("hourly"));
            chooseFlow(again);
            QVERIFY2(again.problems().contains(QStringLiteral(
                         "schedule name: hourly exists already (edit it from the Schedules panel)")),
                     qPrintable(again.problems().join('\n')));
            QVERIFY(!again.saveButton()->isEnabled());
            QString error;
            QVERIFY(
                !saveSchedule(*w.schedules, w.file(), *stored, {}, ScheduleTarget::WorkspaceFile, &error));
            QCOMPARE(error,
                     QStringLiteral(
                         "schedule hourly is kept in the database: save it there, or pick another name"));
            QCOMPARE(readFile(w.file()), kWorkspace);
        }

        SchedulesPanel panel;
        panel.setClock([now] { return now; });
        panel.setSession(w.session.get());
        panel.select(QStringLiteral("hourly"));
        QCOMPARE(panel.model()->rowAt(panel.model()->rowOf("hourly"))->description,
                 QStringLiteral("Every 2 hours"));
        QVERIFY(panel.pauseAction()->isEnabled() && !panel.resumeAction()->isEnabled());
        panel.pauseAction()->trigger();
        QVERIFY(!w.schedules->schedule(QStringLiteral("hourly"))->active);
        QVERIFY(panel.resumeAction()->isEnabled());
        panel.resumeAction()->trigger();
        QVERIFY(w.schedules->schedule(QStringLiteral("hourly"))->active);
        panel.runNowAction()->trigger();
        const auto waiting = w.schedules->waitingRuns();
        QCOMPARE(int(waiting.size()), 1);
        QCOMPARE(waiting.front().scheduleName, QStringLiteral("hourly"));
        QCOMPARE(waiting.front().fireMs, now * 1000);
        // Once a scheduler claims it, it is the schedule's last run, with its state.
        QCOMPARE(w.schedules->claim(waiting.front().id, QStringLiteral("test"), now * 1000 + 1),
                 ClaimOutcome::Claimed);
        panel.reload();
        const SchedulesModel::Row *hourly = panel.model()->rowAt(panel.model()->rowOf("hourly"));
        QVERIFY(hourly->lastRun && hourly->lastRun->state == RunState::Pending);
        QCOMPARE(
            panel.model()->index(panel.model()->rowOf("hourly"), SchedulesModel::LastRun).data().toString(),
            QStringLiteral("Pending  2026-03-20 12:00 UTC"));

        // Backfill: the dry-run list first (yesterday 00:00 to now, every 2 hours), then Create.
        BackfillDialog dialog(*w.schedules, *w.schedules->schedule(QStringLiteral("hourly")),
                              [now] { return now; });
        QCOMPARE(dialog.plan().fireTimes.front(), at("2026-03-19T00:00:00Z"));
        QCOMPARE(dialog.plan().fireTimes.back(), at("2026-03-20T12:00:00Z"));
        QCOMPARE(dialog.list()->count(), 19);
        QVERIFY(dialog.list()->item(0)->text().contains(QStringLiteral("would be created")));
        QVERIFY(w.schedules->waitingRuns().empty());  // nothing made by the dry run
        QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
        QCOMPARE(dialog.created(), 19);
        QCOMPARE(w.schedules->waitingRuns().size(), size_t(19));
        // From after now is refused.
        dialog.fromField()->setDateTime(QDateTime(QDate(2026, 3, 21), QTime(0, 0), Qt::UTC));
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY(dialog.plan().refusal == BackfillRefusal::FromInFuture);
    }

    void theStripShowsEveryUpcomingRunOfTheDayOrWeek() {
        Workspace w;
        ScheduleRecord every2h;
        every2h.name = QStringLiteral("every-2h");
        every2h.flowPath = w.dir.filePath(QStringLiteral("report.flow.yaml"));
        every2h.flowName = QStringLiteral("report");
        every2h.config = {{"interval_seconds", 7200}, {"timezone", "UTC"}};
        QString error;
        QVERIFY2(saveSchedule(*w.schedules, w.file(), every2h, {}, ScheduleTarget::Database, &error),
                 qPrintable(error));
        // Far ahead of any real "now", so that the schedules' last fire (set by the database's
        // clock when they were stored) lies before it.
        const qint64 now = at("2099-03-20T12:00:00Z");
        SchedulesPanel panel;
        panel.setClock([now] { return now; });
        panel.setSession(w.session.get());
        UpcomingStrip *strip = panel.upcoming();
        QCOMPARE(strip->rows(), QStringList({"every-2h", "morning"}));
        QCOMPARE(strip->markCount(), 12 + 1);  // 14:00 ... 12:00 tomorrow; 07:00 in Berlin
        QTest::mouseClick(panel.findChild<QToolButton *>(QStringLiteral("upcomingWeek")), Qt::LeftButton);
        QCOMPARE(strip->markCount(), 84 + 7);
        panel.select(QStringLiteral("morning"));
        panel.pauseAction()->trigger();  // a paused schedule has nothing upcoming
        QCOMPARE(strip->rows(), QStringList({"every-2h"}));
    }

    void removingADeclaredScheduleTakesItOutOfTheFile() {
        Workspace w;
        QString error;
        QVERIFY2(removeSchedule(*w.schedules, QStringLiteral("morning"), &error), qPrintable(error));
        QVERIFY(!w.schedules->schedule(QStringLiteral("morning")));
        const QByteArray text = readFile(w.file());
        QVERIFY2(!text.contains("name: morning") && text.contains("schedules: []") &&
                     text.contains("# Team workspace"),
                 text.constData());
        QVERIFY(WorkspaceSchedules::read(w.file()).problems.empty());
    }

    void deploymentsOwnSchedulesAreNamedUnderTheTable() {
        Workspace w;
        SchedulesPanel panel;
        panel.setSession(w.session.get());
        QCOMPARE(panel.deploymentNote(), QString());
        QFile file(w.file());
        QVERIFY(file.open(QIODevice::Append));
        file.write("deployments:\n  - name: report-k8s\n    deployment_type: kubernetes\n"
                   "    entrypoint: report.flow.yaml\n    image_name: flowdeck/report:1\n    schedules:\n"
                   "      - {cron_expression: \"0 3 * * *\"}\n      - {interval_seconds: 600}\n");
        file.close();
        panel.reload();
        QVERIFY2(panel.deploymentNote().contains(QStringLiteral("report-k8s (2)")), qPrintable(panel.deploymentNote()));
        QCOMPARE(panel.model()->rowCount(), 1);  // they are not this scheduler's: not rows
    }

    void aNewScheduleStartsOnTheFlowBeingEdited() {
        Workspace w;
        const QString other = w.write(QStringLiteral("other.flow.yaml"), QByteArray(kFlow).replace("name: report", "name: other"));
        ScheduleForm form(*w.schedules, w.file(), nullptr);
        form.setFlow(other);
        QCOMPARE(form.flowField()->currentText(), QStringLiteral("other.flow.yaml"));
        form.setFlow(w.dir.filePath(QStringLiteral("report.flow.yaml")));
        QCOMPARE(form.flowField()->currentText(), QStringLiteral("report.flow.yaml"));
        form.setFlow(QStringLiteral("/elsewhere/x.flow.yaml"));  // not the workspace's: no change
        QCOMPARE(form.flowField()->currentText(), QStringLiteral("report.flow.yaml"));
    }

    void theZonePickerSearchesEveryIanaZoneAndShowsTheOffset() {
        TimeZonePicker picker;
        picker.setClock([] { return at("2026-07-01T00:00:00Z"); });
        QVERIFY(picker.comboBox()->count() > 300);
        QVERIFY(picker.comboBox()->findText(QStringLiteral("Asia/Kathmandu")) >= 0);
        // Search anywhere in the name.
        QCompleter *completer = picker.comboBox()->completer();
        completer->setCompletionPrefix(QStringLiteral("berlin"));
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("Europe/Berlin"));
        picker.setZoneId(QStringLiteral("Asia/Kathmandu"));
        QCOMPARE(picker.offsetLabel()->text(), QStringLiteral("UTC+05:45 now (+0545)"));
        picker.setZoneId(QStringLiteral("Europe/Berlin"));
        QCOMPARE(picker.offsetLabel()->text(), QStringLiteral("UTC+02:00 now (CEST)"));
    }
};

QTEST_MAIN(TestSchedulesPanel)
#include "test_schedules_panel.moc"
