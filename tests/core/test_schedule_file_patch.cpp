// Writing one schedules: entry of flowdeck.yaml keeps everything the user wrote around it, and
// the keys of the entry that did not change; plain-language sentences of every schedule type.
#include "schedule/ScheduleDescription.h"
#include "schedule/ScheduleFilePatch.h"

#include <QtTest>

using namespace flowdeck;

namespace {

ScheduleEntry entry(const QString &name, const QString &cron,
                    const QString &pool = QStringLiteral("default")) {
    return {{QStringLiteral("name"), name},
            {QStringLiteral("flow"), QStringLiteral("a.flow.yaml")},
            {QStringLiteral("schedule_type"), QStringLiteral("cron"), true},
            {QStringLiteral("cron_expression"), cron},
            {QStringLiteral("pool"), pool, pool == QLatin1String("default")}};
}

}  // namespace

class TestScheduleFilePatch : public QObject {
    Q_OBJECT
private slots:
    void aFileWithoutSchedulesGetsAList() {
        QString error;
        QCOMPARE(
            patchScheduleEntry("settings:\n  database: runs.db  # here\n", entry("a", "0 1 * * *"), &error),
            QByteArray(
                "settings:\n  database: runs.db  # here\n\nschedules:\n  - name: a\n    flow: a.flow.yaml\n"
                "    cron_expression: 0 1 * * *\n"));
        QCOMPARE(
            patchScheduleEntry("", entry("a", "@daily"), &error),
            QByteArray("schedules:\n  - name: a\n    flow: a.flow.yaml\n    cron_expression: \"@daily\"\n"));
    }

    void anEmptyFlowListBecomesABlockList() {
        QString error;
        QCOMPARE(patchScheduleEntry("schedules: []  # none yet\nx: 1\n", entry("a", "0 1 * * *"), &error),
                 QByteArray("schedules:  # none yet\n  - name: a\n    flow: a.flow.yaml\n    "
                            "cron_expression: 0 1 * * *\nx: 1\n"));
    }

    void onlyTheChangedKeyOfAnEntryIsRewritten() {
        const QByteArray source =
            "schedules:\n"
            "- name: b   # first\n"
            "  flow: 'a.flow.yaml'\n"
            "  # why nine\n"
            "  cron_expression: \"0 9 * * *\"\n"
            "  pool: gpu\n"
            "- {name: c, flow: a.flow.yaml, cron_expression: '@hourly'}\n"
            "other: true\n";
        QString error;
        // The pool back to its default: the user named the key, so it stays, with the new value.
        QCOMPARE(patchScheduleEntry(source, entry("b", "0 10 * * *"), &error),
                 QByteArray("schedules:\n"
                            "- name: b   # first\n"
                            "  flow: 'a.flow.yaml'\n"
                            "  # why nine\n"
                            "  cron_expression: 0 10 * * *\n"
                            "  pool: default\n"
                            "- {name: c, flow: a.flow.yaml, cron_expression: '@hourly'}\n"
                            "other: true\n"));
        // Nothing changed: nothing moves.
        QCOMPARE(patchScheduleEntry(source, entry("b", "0 9 * * *", "gpu"), &error), source);
    }

    void removingAnEntryKeepsTheOthers() {
        bool found = false;
        QString error;
        QCOMPARE(removeScheduleEntry(
                     "schedules:\n  - name: a\n    flow: x\n  # c\n  - name: b\n    flow: y\nz: 1\n", "a",
                     &found, &error),
                 QByteArray("schedules:\n  # c\n  - name: b\n    flow: y\nz: 1\n"));
        QVERIFY(found);
    }

    void aFileThatIsNotYamlIsRefused() {
        QString error;
        QVERIFY(patchScheduleEntry("schedules: [\n", entry("a", "0 1 * * *"), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("not valid YAML")), qPrintable(error));
        QVERIFY(patchScheduleEntry("schedules: 3\n", entry("a", "0 1 * * *"), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("must be a list")), qPrintable(error));
    }

    void everyTypeReadsAsASentence() {
        ScheduleConfig c;
        c.cronExpression = QStringLiteral("0 9 * * 1-5");
        QCOMPARE(describeSchedule(c), QStringLiteral("At 09:00, Monday through Friday"));
        QCOMPARE(describeRRule(QStringLiteral("FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9;BYMINUTE=30")),
                 QStringLiteral("Weekly on Monday and Wednesday at 09:30"));
        QCOMPARE(describeRRule(QStringLiteral("FREQ=DAILY;INTERVAL=2;BYHOUR=6,18;COUNT=4")),
                 QStringLiteral("Every 2 days at 06:00 and 18:00, 4 times"));
        QCOMPARE(describeRRule(QStringLiteral("FREQ=MONTHLY;BYDAY=1MO")),
                 QStringLiteral("Repeats by the rule FREQ=MONTHLY;BYDAY=1MO"));
        c.scheduleType = ScheduleType::Interval;
        c.cronExpression.clear();
        c.intervalSeconds = 5400;
        QVERIFY2(describeSchedule(c).startsWith(QStringLiteral("Every ")), qPrintable(describeSchedule(c)));
    }
};

QTEST_MAIN(TestScheduleFilePatch)
#include "test_schedule_file_patch.moc"
