// flowdeck-cli schedule next|describe as a user meets it: the real executable, judged by its exit
// status, stdout and stderr.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

QString cliPath() {
    const QString fromEnv = qEnvironmentVariable("FLOWDECK_CLI");
    return fromEnv.isEmpty() ? QStringLiteral(FLOWDECK_BINARY_DIR "/app/flowdeck-cli") : fromEnv;
}

CliResult runCli(const QStringList &args) {
    QProcess process;
    process.start(cliPath(), args);
    if (!process.waitForFinished(30000))
        qFatal("flowdeck-cli did not finish: %s", qPrintable(args.join(' ')));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QStringList lines(const QString &text) {
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

}  // namespace

class TestCliSchedule : public QObject {
    Q_OBJECT

private slots:
    void nextPrintsUtcInstantsOnePerLine();
    void nextWithLocalAddsTheWallClockAndZoneAbbreviation();
    void nextWithJsonPrintsAnArrayOfObjects();
    void nextHandlesIntervalRruleAndOnce();
    void dayAndNeedsBothDayFields();
    void invalidExpressionExitsTwoNamingTheField();
    void usageErrorsExitTwo();
    void describePrintsPlainLanguage();
};

void TestCliSchedule::nextPrintsUtcInstantsOnePerLine() {
    const CliResult r = runCli({"schedule", "next", "--cron", "30 2 * * *", "--tz", "America/New_York",
                                "--from", "2026-03-07T12:00:00Z", "--count", "3"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out),
             QStringList({"2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"}));
    QVERIFY(r.err.isEmpty());
}

void TestCliSchedule::nextWithLocalAddsTheWallClockAndZoneAbbreviation() {
    const CliResult r = runCli({"schedule", "next", "--cron", "0 3 * * *", "--tz", "America/New_York",
                                "--from", "2026-03-08T00:00:00Z", "--count", "1", "--local"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("2026-03-08T07:00:00Z  2026-03-08 03:00:00 EDT\n"));
}

void TestCliSchedule::nextWithJsonPrintsAnArrayOfObjects() {
    const CliResult r = runCli({"schedule", "next", "--cron", "0 9 * * 1-5", "--tz", "Europe/Berlin",
                                "--from", "2026-03-27", "--count", "2", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array[0].toObject()[QStringLiteral("utc")].toString(), QStringLiteral("2026-03-27T08:00:00Z"));
    QCOMPARE(array[1].toObject()[QStringLiteral("utc")].toString(), QStringLiteral("2026-03-30T07:00:00Z"));
    QCOMPARE(array[1].toObject()[QStringLiteral("local")].toString(),
             QStringLiteral("2026-03-30T09:00:00+02:00"));
    QCOMPARE(array[1].toObject()[QStringLiteral("zone")].toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(array[1].toObject()[QStringLiteral("abbreviation")].toString(), QStringLiteral("CEST"));
}

void TestCliSchedule::nextHandlesIntervalRruleAndOnce() {
    CliResult r = runCli({"schedule", "next", "--interval", "86400", "--anchor", "2026-03-27T09:00", "--tz",
                          "Europe/Berlin", "--from", "2026-03-27T00:00:00Z", "--count", "3"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out),
             QStringList({"2026-03-27T08:00:00Z", "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z"}));

    r = runCli({"schedule", "next", "--rrule", "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9", "--dtstart",
                "2026-03-16T09:00", "--tz", "Europe/Berlin", "--from", "2026-03-24T00:00:00Z", "--count",
                "2"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out), QStringList({"2026-03-25T08:00:00Z", "2026-03-30T07:00:00Z"}));

    // A DTSTART line in the rule stands for --dtstart, and its TZID for --tz.
    r = runCli({"schedule", "next", "--rrule",
                "DTSTART;TZID=Europe/Berlin:20260316T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE", "--from",
                "2026-03-24T00:00:00Z", "--count", "2", "--local"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out), QStringList({"2026-03-25T08:00:00Z  2026-03-25 09:00:00 CET",
                                        "2026-03-30T07:00:00Z  2026-03-30 09:00:00 CEST"}));

    r = runCli({"schedule", "next", "--once", "2026-02-06T14:30:00Z", "--from", "2026-01-01T00:00:00Z"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out), QStringList({"2026-02-06T14:30:00Z"}));

    r = runCli({"schedule", "next", "--once", "2026-02-06T14:30:00Z", "--from", "2026-03-01T00:00:00Z"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains(QLatin1String("ended")));
}

void TestCliSchedule::dayAndNeedsBothDayFields() {
    const QStringList base = {"schedule", "next", "--cron", "0 12 13 * 5",
                              "--tz",     "UTC",  "--from", "2026-02-01T00:00:00Z",
                              "--count",  "2"};
    QCOMPARE(lines(runCli(base).out), QStringList({"2026-02-06T12:00:00Z", "2026-02-13T12:00:00Z"}));
    QCOMPARE(lines(runCli(base + QStringList{"--day-and"}).out),
             QStringList({"2026-02-13T12:00:00Z", "2026-03-13T12:00:00Z"}));
}

void TestCliSchedule::invalidExpressionExitsTwoNamingTheField() {
    CliResult r = runCli({"schedule", "next", "--cron", "0 0 * * 8"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("day-of-week: 8 is out of range 0-7")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    r = runCli({"schedule", "describe", "*/0 * * * *"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("minute: '*/0' has a zero step")), qPrintable(r.err));
    r = runCli({"schedule", "next", "--cron", "0 0 * * * *"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("expected 5 fields, got 6")), qPrintable(r.err));
    r = runCli({"schedule", "next", "--rrule", "FREQ=SOMETIMES", "--dtstart", "2026-01-01"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--rrule: ")), qPrintable(r.err));
}

void TestCliSchedule::usageErrorsExitTwo() {
    const QList<QStringList> cases = {
        {"schedule"},
        {"schedule", "later"},
        {"schedule", "next"},
        {"schedule", "next", "--cron", "* * * * *", "--interval", "60"},
        {"schedule", "next", "--cron", "* * * * *", "--tz", "Mars/Base"},
        {"schedule", "next", "--cron", "* * * * *", "--count", "0"},
        {"schedule", "next", "--cron", "* * * * *", "--from", "yesterday"},
        {"schedule", "next", "--interval", "soon"},
        {"schedule", "next", "--rrule", "FREQ=DAILY"},
        {"schedule", "next", "--cron", "* * * * *", "--bogus"},
        {"schedule", "describe"},
    };
    for (const QStringList &args : cases) {
        const CliResult r = runCli(args);
        QVERIFY2(r.exitCode == 2,
                 qPrintable(args.join(' ') + QLatin1String(" -> ") + QString::number(r.exitCode)));
        QVERIFY2(r.err.startsWith(QLatin1String("flowdeck-cli: ")), qPrintable(r.err));
    }
}

void TestCliSchedule::describePrintsPlainLanguage() {
    QCOMPARE(runCli({"schedule", "describe", "0 9 * * 1-5"}).out,
             QStringLiteral("At 09:00, Monday through Friday\n"));
    QCOMPARE(runCli({"schedule", "describe", "*/15 * * * *"}).out, QStringLiteral("Every 15 minutes\n"));
    QCOMPARE(runCli({"schedule", "describe", "@monthly"}).out,
             QStringLiteral("At 00:00 on day 1 of the month\n"));
    const CliResult help = runCli({"schedule", "--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QLatin1String("schedule describe EXPR")));
    QVERIFY(runCli({"--help"}).out.contains(QLatin1String("schedule")));
}

QTEST_GUILESS_MAIN(TestCliSchedule)
#include "test_cli_schedule.moc"
