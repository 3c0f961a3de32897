// flowdeck-cli schedule, pool and queue as a user meets them: the real executable, judged by its
// exit status, stdout and stderr (and, for the stored schedules, a run database of its own).

#include "../common/CliProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {


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

const QByteArray kTypedFlow =
    "apiVersion: flowdeck/v1\nkind: Flow\nname: quick\nparameters:\n  n:\n    type: int\n    default: 1\n"
    "tasks:\n  go:\n    kind: shell\n    script: \"true\"\n";

/// A folder with its own run database, so that tests never touch the user's.
class Sandbox {
public:
    Sandbox() {
        env = isolatedEnvironment(dir);
        QFile file(dir.filePath("quick.flow.yaml"));
        file.open(QIODevice::WriteOnly);
        file.write(kTypedFlow);
        flow = file.fileName();
    }

    CliResult run(const QStringList &args) const {
        QProcess process;
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(dir.path());
        process.start(cliPath(), args);
        if (!process.waitForFinished(30000))
            qFatal("flowdeck-cli did not finish: %s", qPrintable(args.join(' ')));
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    /// `schedule add NAME --flow quick.flow.yaml` and @p args.
    CliResult add(const QString &name, const QStringList &args) const {
        return run(QStringList{"schedule", "add", name, "--flow", flow} + args);
    }

    /// The JSON a `... --json` command prints.
    QJsonDocument json(const QStringList &args) const {
        return QJsonDocument::fromJson(run(args + QStringList{"--json"}).out.toUtf8());
    }
    int scheduleCount() const { return int(json({"schedule", "list"}).array().size()); }
    QStringList poolNames() const {
        QStringList names;
        for (const QJsonValue &p : json({"pool", "list"}).array()) names << p["name"].toString();
        return names;
    }

    QTemporaryDir dir;
    QProcessEnvironment env;
    QString flow;
};

/// "exit 2, stderr contains TEXT" with what happened when it did not.
#define QVERIFY_REFUSED(result, status, text)                                                     \
    do {                                                                                          \
        const CliResult &r_ = (result);                                                           \
        QVERIFY2(r_.exitCode == (status) && r_.err.contains(QLatin1String(text)),                 \
                 qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r_.exitCode).arg(r_.err))); \
    } while (false)

}  // namespace

class TestCliSchedule : public QObject {
    Q_OBJECT

private slots:
    void nextPrintsUtcInstantsOnePerLine();
    void nextWithLocalAddsTheWallClockAndZoneAbbreviation();
    void nextWithJsonPrintsAnArrayOfObjects();
    void nextFromIsExclusiveSoPagingNeverRepeatsATime();
    void nextHandlesIntervalRruleAndOnce();
    void dayAndNeedsBothDayFields();
    void invalidExpressionExitsTwoNamingTheField();
    void usageErrorsExitTwo();
    void describePrintsPlainLanguage();

    void everyNameOfTheTzDatabaseIsAZone();
    void theSystemZoneIsTheDefaultWhateverTzCallsIt();
    void optionsASubcommandWouldIgnoreAreRefused();
    void cronLWAndHashAreRefusedByName();
    void rruleErrorsNameThePartAndTheValue();
    void contradictingDtstartsAndZonesAreRefused();
    void dailyIntervalAnchoredInAGapKeepsItsWallTime();
    void addChecksParametersAgainstTheFlow();
    void namesAreCheckedAndNewPoolsAreAnnounced();
    void queuesNeedAnExistingPool();
    void resumingAnActiveScheduleChangesNothing();
    void backfillToADateIncludesThatDay();
    void backfillNeverReachesPastNow();
    void backfillPrintsJson();
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

void TestCliSchedule::nextFromIsExclusiveSoPagingNeverRepeatsATime() {
    // Like cron-parser, croner and Prefect: a fire time at exactly --from is not listed.
    const QStringList cron = {"schedule", "next", "--cron", "0 9 * * *", "--tz", "UTC", "--count", "2"};
    const CliResult first = runCli(cron + QStringList{"--from", "2026-01-15T08:00:00Z"});
    QCOMPARE(lines(first.out), QStringList({"2026-01-15T09:00:00Z", "2026-01-16T09:00:00Z"}));
    const CliResult page = runCli(cron + QStringList{"--from", lines(first.out).last()});
    QCOMPARE(lines(page.out), QStringList({"2026-01-17T09:00:00Z", "2026-01-18T09:00:00Z"}));
    const CliResult help = runCli({"schedule", "--help"});
    QVERIFY2(help.out.contains("after T, not T itself"), qPrintable(help.out));
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

void TestCliSchedule::everyNameOfTheTzDatabaseIsAZone() {
    // Links and backward names too (Qt 6.4 lists only zone.tab's): each gives 09:00 local.
    const QList<QPair<const char *, const char *>> zones = {
        {"US/Eastern", "2026-01-15T14:00:00Z"},  {"Asia/Calcutta", "2026-01-15T03:30:00Z"},
        {"Etc/UTC", "2026-01-15T09:00:00Z"},     {"GMT", "2026-01-15T09:00:00Z"},
        {"EST5EDT", "2026-01-15T14:00:00Z"},     {"Etc/GMT+5", "2026-01-15T14:00:00Z"},
        {"Europe/Kiev", "2026-01-15T07:00:00Z"}, {"America/Buenos_Aires", "2026-01-15T12:00:00Z"}};
    for (const auto &[zone, expected] : zones) {
        const CliResult r = runCli({"schedule", "next", "--cron", "0 9 * * *", "--tz", zone, "--from",
                                    "2026-01-15T00:00:00Z", "--count", "1"});
        QVERIFY2(r.exitCode == 0, qPrintable(QLatin1String(zone) + QLatin1String(": ") + r.err));
        QCOMPARE(lines(r.out), QStringList{QLatin1String(expected)});
    }
    const CliResult typo = runCli({"schedule", "next", "--cron", "0 9 * * *", "--tz", "america/new_york"});
    QVERIFY_REFUSED(typo, 2, "--tz: unknown time zone 'america/new_york' (did you mean 'America/New_York'?)");
    QVERIFY_REFUSED(runCli({"schedule", "next", "--cron", "0 9 * * *", "--tz", "foo"}), 2,
                    "expected an IANA name such as Europe/Berlin");
    QVERIFY_REFUSED(runCli({"schedule", "next", "--cron", "0 9 * * *", "--tz", ""}), 2,
                    "--tz needs a zone name");
}

void TestCliSchedule::theSystemZoneIsTheDefaultWhateverTzCallsIt() {
    Sandbox box;
    box.env.insert("TZ", "US/Eastern");
    CliResult r = box.run({"schedule", "next", "--cron", "0 9 * * *", "--from", "2026-01-15T00:00:00Z",
                           "--count", "1", "--local"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("2026-01-15T14:00:00Z  2026-01-15 09:00:00 EST\n"));
    r = box.add("eastern", {"--cron", "0 9 * * *"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray list =
        QJsonDocument::fromJson(box.run({"schedule", "list", "--json"}).out.toUtf8()).array();
    QCOMPARE(list.at(0)[QStringLiteral("schedule")][QStringLiteral("timezone")].toString(),
             QStringLiteral("US/Eastern"));
}

void TestCliSchedule::optionsASubcommandWouldIgnoreAreRefused() {
    Sandbox box;
    QVERIFY(box.add("daily", {"--cron", "0 9 * * *", "--tz", "UTC"}).exitCode == 0);
    QVERIFY_REFUSED(runCli({"schedule", "next", "--cron", "0 9 * * *", "--dtstart", "2026-01-01"}), 2,
                    "--dtstart is only for --rrule");
    QVERIFY_REFUSED(box.add("d2", {"--interval", "60", "--dtstart", "2026-01-01"}), 2,
                    "--dtstart is only for --rrule");
    QVERIFY_REFUSED(runCli({"schedule", "describe", "0 9 * * *", "--tz", "Europe/Berlin"}), 2,
                    "--tz does not apply to 'schedule describe' (it takes --day-and, --json)");
    QVERIFY_REFUSED(box.run({"schedule", "list", "--count", "3"}), 2,
                    "--count does not apply to 'schedule list' (it takes --json)");
    QVERIFY_REFUSED(box.run({"schedule", "pause", "daily", "--json"}), 2,
                    "--json does not apply to 'schedule pause'");
    QVERIFY_REFUSED(box.run({"schedule", "upcoming", "--local"}), 2,
                    "--local does not apply to 'schedule upcoming'");
    QVERIFY(box.json({"schedule", "list"}).array().at(0)["active"].toBool());  // not paused
    QVERIFY(box.run({"schedule", "list", "--json", "--db", box.dir.filePath("runs.db")}).exitCode == 0);
}

void TestCliSchedule::cronLWAndHashAreRefusedByName() {
    QVERIFY_REFUSED(runCli({"schedule", "next", "--cron", "0 0 L * *"}), 2,
                    "--cron: day-of-month: 'L' (last day) is not supported; see docs/schedules.md");
    QVERIFY_REFUSED(runCli({"schedule", "next", "--cron", "0 0 15W * *"}), 2,
                    "'15W' (nearest weekday) is not supported");
    QVERIFY_REFUSED(runCli({"schedule", "next", "--cron", "0 0 * * 5L"}), 2,
                    "'5L' (last weekday of the month) is not supported");
    QVERIFY_REFUSED(runCli({"schedule", "describe", "0 0 * * 1#2"}), 2,
                    "'1#2' (nth weekday of the month) is not supported");
}

void TestCliSchedule::rruleErrorsNameThePartAndTheValue() {
    const QList<QPair<const char *, const char *>> cases = {
        {"FREQ=DAILY;BYHOUR=25", "--rrule: BYHOUR: 25 is out of range 0-23"},
        {"FREQ=DAILY;COUNT=0", "--rrule: COUNT: 0 is out of range"},
        {"FREQ=DAILY;INTERVAL=0", "--rrule: INTERVAL: 0 is out of range"},
        {"FREQ=SOMETIMES", "--rrule: FREQ: 'SOMETIMES' is not one of SECONDLY"}};
    for (const auto &[rule, message] : cases) {
        const CliResult r = runCli({"schedule", "next", "--rrule", rule, "--dtstart", "2026-01-01"});
        QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String(message)), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("MALFORMED")), qPrintable(r.err));
    }
}

void TestCliSchedule::contradictingDtstartsAndZonesAreRefused() {
    const QString rule = QStringLiteral("DTSTART;TZID=Europe/Berlin:20260316T090000\nRRULE:FREQ=DAILY");
    QVERIFY_REFUSED(runCli({"schedule", "next", "--rrule", rule, "--tz", "America/New_York"}), 2,
                    "--tz: America/New_York contradicts the rrule's DTSTART;TZID=Europe/Berlin");
    QVERIFY_REFUSED(
        runCli({"schedule", "next", "--rrule", rule, "--dtstart", "2026-03-17T09:00"}), 2,
        "--dtstart: the rrule has a DTSTART line already (2026-03-16T09:00:00); give DTSTART once");
    // The same zone twice is no contradiction.
    const CliResult same = runCli({"schedule", "next", "--rrule", rule, "--tz", "Europe/Berlin", "--from",
                                   "2026-03-20T00:00:00Z", "--count", "1"});
    QCOMPARE(same.exitCode, 0);
    QCOMPARE(lines(same.out), QStringList{"2026-03-20T08:00:00Z"});
}

void TestCliSchedule::dailyIntervalAnchoredInAGapKeepsItsWallTime() {
    const CliResult r =
        runCli({"schedule", "next", "--interval", "86400", "--anchor", "2026-03-08T02:30", "--tz",
                "America/New_York", "--from", "2026-03-08T00:00:00Z", "--count", "3", "--local"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out), QStringList({"2026-03-08T07:00:00Z  2026-03-08 03:00:00 EDT",
                                        "2026-03-09T06:30:00Z  2026-03-09 02:30:00 EDT",
                                        "2026-03-10T06:30:00Z  2026-03-10 02:30:00 EDT"}));
}

void TestCliSchedule::addChecksParametersAgainstTheFlow() {
    Sandbox box;
    QVERIFY_REFUSED(box.add("badp", {"--cron", "0 9 * * *", "--param", "n=abc"}), 2,
                    "--param: parameter 'n' expects int, got 'abc'");
    QVERIFY_REFUSED(box.add("badp", {"--cron", "0 9 * * *", "--param", "m=3"}), 2,
                    "--param: flow 'quick' has no parameter 'm' (did you mean 'n'?)");
    QCOMPARE(box.scheduleCount(), 0);  // nothing half-written
    const CliResult good = box.add("goodp", {"--cron", "0 9 * * *", "--param", "n=42"});
    QVERIFY2(good.exitCode == 0, qPrintable(good.err));
}

void TestCliSchedule::namesAreCheckedAndNewPoolsAreAnnounced() {
    Sandbox box;
    const char *rule = "use letters, digits, '_', '-' and '.', starting with a letter or digit";
    QVERIFY_REFUSED(box.run({"pool", "create", ""}), 2, "work pool name is empty");
    QVERIFY_REFUSED(box.run({"pool", "create", "bad name!"}), 2, rule);
    QVERIFY_REFUSED(box.add("", {"--cron", "0 9 * * *"}), 2, "schedule name is empty");
    QVERIFY_REFUSED(box.add("bad name", {"--cron", "0 9 * * *"}), 2, "schedule name 'bad name' is not valid");
    QVERIFY_REFUSED(box.add("ok", {"--cron", "0 9 * * *", "--pool", "a/b"}), 2,
                    "--pool: work pool name 'a/b'");
    QVERIFY_REFUSED(box.run({"queue", "create", "default", "q 1"}), 2, "queue name 'q 1' is not valid");
    QCOMPARE(box.poolNames(), QStringList{"default"});
    QCOMPARE(box.scheduleCount(), 0);

    QCOMPARE(box.run({"pool", "create", "gpu"}).exitCode, 0);
    // A pool a schedule names is created with it, but not silently.
    const CliResult typo = box.add("train", {"--cron", "0 9 * * *", "--pool", "gpv"});
    QCOMPARE(typo.exitCode, 0);
    QVERIFY2(
        typo.err.contains("warning: work pool 'gpv' did not exist, so it was created (did you mean 'gpu'?)"),
        qPrintable(typo.err));
    QVERIFY(box.poolNames().contains("gpv"));
    const CliResult known = box.add("train2", {"--cron", "0 9 * * *", "--pool", "gpu"});
    QCOMPARE(known.exitCode, 0);
    QVERIFY2(known.err.isEmpty(), qPrintable(known.err));
    const CliResult queue = box.add("train3", {"--cron", "0 9 * * *", "--pool", "gpu", "--queue", "fast"});
    QVERIFY2(queue.err.contains("warning: queue 'fast' of work pool 'gpu' did not exist, so it was created"),
             qPrintable(queue.err));
    QVERIFY(box.add("plain", {"--cron", "0 9 * * *"}).err.isEmpty());  // the default pool exists
}

void TestCliSchedule::queuesNeedAnExistingPool() {
    Sandbox box;
    QVERIFY_REFUSED(box.run({"queue", "create", "nopool", "q1"}), 1,
                    "no work pool 'nopool' (create it with `flowdeck-cli pool create nopool`)");
    QVERIFY(!box.poolNames().contains("nopool"));
    QCOMPARE(box.run({"pool", "create", "gpu"}).exitCode, 0);
    QVERIFY_REFUSED(box.run({"queue", "create", "gpuu", "q1"}), 1, "(did you mean 'gpu'?)");
    QCOMPARE(box.run({"queue", "create", "gpu", "q1"}).exitCode, 0);
    QCOMPARE(box.run({"queue", "create", "default", "q2"}).exitCode, 0);
    QVERIFY_REFUSED(box.run({"pool", "pause", "gpv"}), 1, "no work pool named 'gpv' (did you mean 'gpu'?)");
}

void TestCliSchedule::resumingAnActiveScheduleChangesNothing() {
    Sandbox box;
    QCOMPARE(box.add("daily", {"--cron", "0 9 * * *"}).exitCode, 0);
    auto lastFire = [&] { return box.json({"schedule", "list"}).array().at(0)["last_fire_ms"].toInteger(); };
    const qint64 before = lastFire();
    QTest::qWait(20);
    const CliResult r = box.run({"schedule", "resume", "daily"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("Schedule daily is already active; nothing changed\n"));
    QCOMPARE(lastFire(), before);  // what is pending catch-up since then stays pending
    QCOMPARE(box.run({"schedule", "pause", "daily"}).out, QStringLiteral("Paused schedule daily\n"));
    QCOMPARE(box.run({"schedule", "pause", "daily"}).out,
             QStringLiteral("Schedule daily is already paused; nothing changed\n"));
    QCOMPARE(box.run({"schedule", "resume", "daily"}).out, QStringLiteral("Resumed schedule daily\n"));
    QVERIFY_REFUSED(box.run({"schedule", "resume", "dialy"}), 1,
                    "no schedule named 'dialy' (did you mean 'daily'?)");
}

void TestCliSchedule::backfillToADateIncludesThatDay() {
    Sandbox box;
    QCOMPARE(
        box.add("nightly", {"--cron", "0 2 * * *", "--tz", "Europe/Berlin", "--pool", "nobody"}).exitCode, 0);
    const QStringList window = {"--from", "2026-01-01", "--to", "2026-01-31"};
    const CliResult dry = box.run(QStringList{"schedule", "backfill", "nightly", "--dry-run"} + window);
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.startsWith("2026-01-01T01:00:00Z  would be created\n"), qPrintable(dry.out));
    QVERIFY2(dry.out.contains("2026-01-31T01:00:00Z  would be created\n"), qPrintable(dry.out));
    QVERIFY2(dry.out.endsWith("31 fire times of nightly (dry run: nothing created)\n"), qPrintable(dry.out));
    const CliResult made = box.run(QStringList{"schedule", "backfill", "nightly"} + window);
    QVERIFY2(made.out.startsWith("Created 31 runs of nightly for 31 fire times"), qPrintable(made.out));
    // A time as --to is the instant it says.
    const CliResult instant = box.run(
        {"schedule", "backfill", "nightly", "--from", "2026-01-01", "--to", "2026-01-31T00:00", "--dry-run"});
    QVERIFY2(instant.out.endsWith("30 fire times of nightly (dry run: nothing created)\n"),
             qPrintable(instant.out));
}

void TestCliSchedule::backfillNeverReachesPastNow() {
    Sandbox box;
    QCOMPARE(box.add("hourly", {"--cron", "0 * * * *", "--tz", "UTC", "--pool", "nobody"}).exitCode, 0);
    const CliResult future =
        box.run({"schedule", "backfill", "hourly", "--from", "2099-01-01", "--to", "2099-01-02"});
    QVERIFY_REFUSED(future, 2, "--from 2099-01-01T00:00:00Z is in the future");
    // A window reaching past now ends now, and says so: the future fire times stay the scheduler's.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString from = QDateTime::fromSecsSinceEpoch(now - 3 * 3600 + 1, Qt::UTC).toString(Qt::ISODate);
    const CliResult r =
        box.run({"schedule", "backfill", "hourly", "--from", from, "--to", "2099-01-01", "--json"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("note: --to is after now; backfilling up to now"), qPrintable(r.err));
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(result["cut_at_now"].toBool(), true);
    QCOMPARE(result["created"].toInt(), 3);
    const qint64 to = QDateTime::fromString(result["to"].toString(), Qt::ISODate).toSecsSinceEpoch();
    QVERIFY(to >= now && to < now + 60);
    for (const QJsonValue &t : result["fire_times"].toArray())
        QVERIFY(QDateTime::fromString(t["time"].toString(), Qt::ISODate).toSecsSinceEpoch() <= to);
}

void TestCliSchedule::backfillPrintsJson() {
    Sandbox box;
    QCOMPARE(box.add("daily", {"--cron", "0 6 * * *", "--tz", "UTC", "--pool", "nobody"}).exitCode, 0);
    const QStringList window = {"--from", "2026-01-01", "--to", "2026-01-02"};
    QCOMPARE(
        box.run(QStringList{"schedule", "backfill", "daily", "--from", "2026-01-01", "--to", "2026-01-01"})
            .exitCode,
        0);
    const CliResult dry =
        box.run(QStringList{"schedule", "backfill", "daily", "--dry-run", "--json"} + window);
    QCOMPARE(dry.exitCode, 0);
    const QJsonObject plan = QJsonDocument::fromJson(dry.out.toUtf8()).object();
    QCOMPARE(plan["schedule"].toString(), QStringLiteral("daily"));
    QCOMPARE(plan["dry_run"].toBool(), true);
    QCOMPARE(plan["from"].toString(), QStringLiteral("2026-01-01T00:00:00Z"));
    QCOMPARE(plan["to"].toString(), QStringLiteral("2026-01-02T23:59:59Z"));
    QCOMPARE(plan["created"].toInt(), 0);
    const QJsonArray times = plan["fire_times"].toArray();
    QCOMPARE(times.size(), 2);
    QCOMPARE(times[0]["time"].toString(), QStringLiteral("2026-01-01T06:00:00Z"));
    QCOMPARE(times[0]["had_run"].toBool(), true);
    QCOMPARE(times[1]["had_run"].toBool(), false);
    const QJsonObject done =
        QJsonDocument::fromJson(
            box.run(QStringList{"schedule", "backfill", "daily", "--json"} + window).out.toUtf8())
            .object();
    QCOMPARE(done["dry_run"].toBool(), false);
    QCOMPARE(done["created"].toInt(), 1);
}

QTEST_GUILESS_MAIN(TestCliSchedule)
#include "test_cli_schedule.moc"
