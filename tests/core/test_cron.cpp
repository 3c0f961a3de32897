// Cron, interval, once and rrule schedules: fire times across time zones and daylight-saving
// changes (with the corpus in tests/data/cron), refusals, and ScheduleConfig validation.

#include "schedule/CivilTime.h"
#include "schedule/CronDescription.h"
#include "schedule/CronExpression.h"
#include "schedule/CronSchedule.h"
#include "schedule/IntervalSchedule.h"
#include "schedule/OnceSchedule.h"
#include "schedule/RRuleSchedule.h"
#include "schedule/ScheduleConfig.h"
#include "schedule/WindowedSchedule.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QThreadPool>

using namespace flowdeck;

namespace {

QString dataPath(const char *name) {
    return QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/data/cron/") + QLatin1String(name);
}

/// The non-comment lines of a corpus file, split at tabs, with their line numbers.
QList<QPair<int, QStringList>> corpusRows(const char *name) {
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(file.fileName()));
    QList<QPair<int, QStringList>> rows;
    int number = 0;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        ++number;
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
        rows.append({number, line.split(QLatin1Char('\t'))});
    }
    return rows;
}

qint64 at(const char *iso) {
    const std::optional<qint64> t = parseScheduleTime(QLatin1String(iso), ScheduleZone::utc());
    if (!t) qFatal("bad time in test: %s", iso);
    return *t;
}

ScheduleZone zone(const char *id) {
    QString error;
    const std::optional<ScheduleZone> z = ScheduleZone::fromText(QLatin1String(id), &error);
    if (!z) qFatal("%s", qPrintable(error));
    return *z;
}

CronSchedule cron(const char *expression, const char *zoneId, bool dayOr = true) {
    const CronParseResult parsed = CronExpression::parse(QLatin1String(expression), dayOr);
    if (!parsed.ok()) qFatal("%s", qPrintable(parsed.message));
    return CronSchedule(*parsed.expression, zone(zoneId));
}

/// The next @p count fire times after @p from, as "2026-03-08T07:00:00Z" strings.
QStringList nextTimes(const Schedule &schedule, qint64 from, int count) {
    QStringList times;
    std::optional<qint64> t = schedule.nextAfter(from);
    while (t && times.size() < count) {
        times << isoUtc(*t);
        t = schedule.nextAfter(*t);
    }
    return times;
}

QStringList isoList(std::initializer_list<const char *> items) {
    QStringList list;
    for (const char *item : items) list << QLatin1String(item);
    return list;
}

}  // namespace

class TestCron : public QObject {
    Q_OBJECT

private slots:
    void firesAsTheCorpusSays_data();
    void firesAsTheCorpusSays();
    void refusesInvalidExpressionsNamingTheField_data();
    void refusesInvalidExpressionsNamingTheField();

    void acceptsNamesCaseInsensitivelyAndSundayAsSevenOrZero();
    void shorthandsEqualTheirFields();
    void dayOfMonthOrDayOfWeekByDefaultAndBothWithDayAnd();
    void leapDayFiresEveryFourYears();
    void springForwardGapFiresOnceAtTheEndOfTheGap();
    void fallBackOverlapFiresFixedTimesOnceAndFrequentTimesTwice();
    void fixedTimeMeansNoStarInTheMinuteOrHourFieldAsInVixieCron();
    void lordHoweHalfHourShiftComesFromTheZone();
    void fixedOffsetZoneEqualsAZoneWithoutDst();
    void zonesAreFoundByEveryNameOfTheTzDatabase();
    void unknownZonesAreRefusedWithASuggestion();
    void agreesWithAPlainScanOfEveryMinute();
    void schedulesServeManyThreadsAtOnce();
    void occurrencesAreHalfOpenAndCapped();
    void nextFromAQDateTimeDropsMilliseconds();

    void shortIntervalIsAbsoluteAcrossDst();
    void dailyIntervalKeepsWallClockAcrossDst();
    void dailyIntervalAnchoredInAGapKeepsTheAnchorsWallTime();
    void intervalHonoursStartAndEnd();
    void onceFiresOnce();

    void rruleFollowsWallClockAcrossDst();
    void rruleCountAndUntilEnd();
    void rruleSkippingAheadMatchesFullExpansion();
    void rruleRefusesBadRules();
    void rruleRefusesBadValuesNamingThePartAndValue();
    void rruleDtstartInAGapKeepsItsWallTime();

    void configBuildsEachTypeFromAMap();
    void configReadsDtstartAndTzidFromTheRrule();
    void configInfersTypeAndReadsYamlStrings();
    void configReportsEveryProblemWithItsField();
    void configRoundTripsThroughAMap();
    void configReportsAZoneOrDtstartThatContradictsTheRrule();
    void aDateAloneAsAnEndIsTheWholeDay();

    void describesInPlainLanguage();
};

void TestCron::firesAsTheCorpusSays_data() {
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("from");
    QTest::addColumn<bool>("dayOr");
    QTest::addColumn<QStringList>("expected");
    for (const auto &[line, f] : corpusRows("fire_times.tsv")) {
        QVERIFY2(f.size() == 5,
                 qPrintable(QStringLiteral("fire_times.tsv:%1: expected 5 columns").arg(line)));
        const QByteArray name = QStringLiteral("line %1: %2 %3").arg(line).arg(f[0], f[1]).toUtf8();
        QTest::newRow(name.constData())
            << f[0] << f[1] << f[2] << (f[3] == QLatin1String("or")) << f[4].split(QLatin1Char(','));
    }
}

void TestCron::firesAsTheCorpusSays() {
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(QString, from);
    QFETCH(bool, dayOr);
    QFETCH(QStringList, expected);
    const CronParseResult parsed = CronExpression::parse(expression, dayOr);
    QVERIFY2(parsed.ok(), qPrintable(parsed.message));
    const CronSchedule schedule(*parsed.expression, *ScheduleZone::fromText(zone));
    QCOMPARE(nextTimes(schedule, *parseScheduleTime(from, ScheduleZone::utc()), int(expected.size())),
             expected);
}

void TestCron::refusesInvalidExpressionsNamingTheField_data() {
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const auto rows = corpusRows("invalid.tsv");
    QVERIFY2(rows.size() >= 50, "the corpus needs at least fifty invalid expressions");
    for (const auto &[line, f] : rows) {
        QVERIFY2(f.size() == 3, qPrintable(QStringLiteral("invalid.tsv:%1: expected 3 columns").arg(line)));
        const QByteArray name = QStringLiteral("line %1: '%2'").arg(line).arg(f[0]).toUtf8();
        QTest::newRow(name.constData()) << f[0] << f[1] << f[2];
    }
}

void TestCron::refusesInvalidExpressionsNamingTheField() {
    QFETCH(QString, expression);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const CronParseResult parsed = CronExpression::parse(expression);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.message, message);
    QCOMPARE(parsed.field, field);
}

void TestCron::acceptsNamesCaseInsensitivelyAndSundayAsSevenOrZero() {
    const CronExpression names =
        *CronExpression::parse(QStringLiteral("0 9 * jan-Mar,DEC mon-FRI")).expression;
    const CronExpression numbers = *CronExpression::parse(QStringLiteral("0 9 * 1-3,12 1-5")).expression;
    QCOMPARE(names.months(), numbers.months());
    QCOMPARE(names.daysOfWeek(), numbers.daysOfWeek());
    QCOMPARE(CronExpression::parse(QStringLiteral("0 0 * * 7")).expression->daysOfWeek(), 1u);
    QCOMPARE(CronExpression::parse(QStringLiteral("0 0 * * SUN")).expression->daysOfWeek(), 1u);
    QCOMPARE(CronExpression::parse(QStringLiteral("0 0 * * 5-7")).expression->daysOfWeek(), 0b1100001u);
    QCOMPARE(CronExpression::parse(QStringLiteral("0 0 * * 0-7")).expression->daysOfWeek(), 0x7Fu);
    QCOMPARE(CronExpression::parse(QStringLiteral("10-40/15 * * * *")).expression->minutes(),
             (1ull << 10) | (1ull << 25) | (1ull << 40));
}

void TestCron::shorthandsEqualTheirFields() {
    const char *pairs[][2] = {{"@yearly", "0 0 1 1 *"},  {"@annually", "0 0 1 1 *"},
                              {"@monthly", "0 0 1 * *"}, {"@weekly", "0 0 * * 0"},
                              {"@daily", "0 0 * * *"},   {"@midnight", "0 0 * * *"},
                              {"@hourly", "0 * * * *"},  {"@DAILY", "0 0 * * *"}};
    for (const auto &pair : pairs) {
        const qint64 from = at("2026-02-11T13:37:00Z");
        QCOMPARE(nextTimes(cron(pair[0], "Europe/Berlin"), from, 5),
                 nextTimes(cron(pair[1], "Europe/Berlin"), from, 5));
    }
}

void TestCron::dayOfMonthOrDayOfWeekByDefaultAndBothWithDayAnd() {
    // Friday the 13th: by default the 13th or any Friday; with day_or false, only Friday the 13th.
    QCOMPARE(nextTimes(cron("0 12 13 * 5", "UTC"), at("2026-02-01T00:00:00Z"), 4),
             isoList({"2026-02-06T12:00:00Z", "2026-02-13T12:00:00Z", "2026-02-20T12:00:00Z",
                      "2026-02-27T12:00:00Z"}));
    QCOMPARE(nextTimes(cron("0 12 13 * 5", "UTC", false), at("2026-02-01T00:00:00Z"), 3),
             isoList({"2026-02-13T12:00:00Z", "2026-03-13T12:00:00Z", "2026-11-13T12:00:00Z"}));
    // A day field that is `*` does not take part: this is every Monday either way.
    QCOMPARE(nextTimes(cron("0 0 * * 1", "UTC"), at("2026-02-01T00:00:00Z"), 2),
             nextTimes(cron("0 0 * * 1", "UTC", false), at("2026-02-01T00:00:00Z"), 2));
}

void TestCron::leapDayFiresEveryFourYears() {
    QCOMPARE(nextTimes(cron("0 0 29 2 *", "UTC"), at("2026-01-01T00:00:00Z"), 3),
             isoList({"2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z", "2036-02-29T00:00:00Z"}));
    // 2100 is not a leap year.
    QCOMPARE(nextTimes(cron("0 0 29 2 *", "UTC"), at("2096-03-01T00:00:00Z"), 1),
             isoList({"2104-02-29T00:00:00Z"}));
    // February 29 that is also a Monday (day_or false): 2044, then 2072.
    QCOMPARE(nextTimes(cron("0 0 29 2 1", "UTC", false), at("2026-01-01T00:00:00Z"), 2),
             isoList({"2044-02-29T00:00:00Z", "2072-02-29T00:00:00Z"}));
}

void TestCron::springForwardGapFiresOnceAtTheEndOfTheGap() {
    // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT (07:00Z).
    QCOMPARE(nextTimes(cron("30 2 * * *", "America/New_York"), at("2026-03-07T12:00:00Z"), 3),
             isoList({"2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"}));
    // 02:30 and 03:00 land on the same instant: it fires once.
    QCOMPARE(nextTimes(cron("0 3 * * *", "America/New_York"), at("2026-03-08T05:00:00Z"), 1),
             isoList({"2026-03-08T07:00:00Z"}));
    QCOMPARE(nextTimes(cron("0 2,3 * * *", "America/New_York"), at("2026-03-08T05:00:00Z"), 2),
             isoList({"2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z"}));
    // A wildcard cron fires at real instants only: 01:45 EST is followed by 03:00 EDT.
    QCOMPARE(nextTimes(cron("*/15 * * * *", "America/New_York"), at("2026-03-08T06:40:00Z"), 2),
             isoList({"2026-03-08T06:45:00Z", "2026-03-08T07:00:00Z"}));
}

void TestCron::fallBackOverlapFiresFixedTimesOnceAndFrequentTimesTwice() {
    // New York, 2026-11-01: 02:00 EDT (06:00Z) becomes 01:00 EST; 01:00-01:59 happens twice.
    QCOMPARE(nextTimes(cron("30 1 * * *", "America/New_York"), at("2026-10-31T12:00:00Z"), 2),
             isoList({"2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"}));
    // Asked from inside the second pass, it does not fire again that day.
    QCOMPARE(nextTimes(cron("30 1 * * *", "America/New_York"), at("2026-11-01T06:10:00Z"), 1),
             isoList({"2026-11-02T06:30:00Z"}));
    const std::vector<qint64> quarterHours =
        cron("*/15 * * * *", "America/New_York")
            .occurrencesBetween(at("2026-11-01T05:00:00Z"), at("2026-11-01T07:00:00Z"), 100);
    QCOMPARE(quarterHours.size(), size_t(8));  // every real quarter hour, through both passes
    QCOMPARE(nextTimes(cron("0 * * * *", "America/New_York"), at("2026-11-01T04:30:00Z"), 3),
             isoList({"2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z"}));
}

void TestCron::fixedTimeMeansNoStarInTheMinuteOrHourFieldAsInVixieCron() {
    const auto fixed = [](const char *text) { return CronExpression::parse(QLatin1String(text)).expression->isFixedTime(); };
    for (const char *f : {"30 2 * * *", "10,40 2 * * *", "0 1-3 * * *", "0-30/10 2 * * *", "0 9 * * *", "@daily"})
        QVERIFY2(fixed(f), f);
    for (const char *w : {"* 2 * * *", "*/15 * * * *", "0 */2 * * *", "5 * * * *", "*/10 1-2 * * *", "@hourly"})
        QVERIFY2(!fixed(w), w);
    // A daily job with a list of minutes is not skipped on the spring-forward day: the times in
    // the gap (02:10 and 02:40, New York, 2026-03-08) fire once, at its end (03:00 EDT, 07:00Z).
    QCOMPARE(nextTimes(cron("10,40 2 * * *", "America/New_York"), at("2026-03-07T12:00:00Z"), 3),
             isoList({"2026-03-08T07:00:00Z", "2026-03-09T06:10:00Z", "2026-03-09T06:40:00Z"}));
    // ...and does not run twice on the fall-back day: only the first pass of 01:00-01:59 fires.
    QCOMPARE(nextTimes(cron("15,45 1 * * *", "America/New_York"), at("2026-10-31T12:00:00Z"), 3),
             isoList({"2026-11-01T05:15:00Z", "2026-11-01T05:45:00Z", "2026-11-02T06:15:00Z"}));
    // A step in the hour field is a wildcard: the 02:00 slot that does not exist is skipped.
    QCOMPARE(nextTimes(cron("0 */2 * * *", "America/New_York"), at("2026-03-08T04:30:00Z"), 2),
             isoList({"2026-03-08T05:00:00Z", "2026-03-08T08:00:00Z"}));
}

void TestCron::lordHoweHalfHourShiftComesFromTheZone() {
    // Lord Howe, 2026-10-04: 02:00 (+10:30) becomes 02:30 (+11) at 15:30Z on the 3rd.
    QCOMPARE(nextTimes(cron("15 2 * * *", "Australia/Lord_Howe"), at("2026-10-03T12:00:00Z"), 2),
             isoList({"2026-10-03T15:30:00Z", "2026-10-04T15:15:00Z"}));
    // 2026-04-05: 02:00 (+11) becomes 01:30 (+10:30) at 15:00Z on the 4th; 01:45 happens twice.
    QCOMPARE(nextTimes(cron("45 1 * * *", "Australia/Lord_Howe"), at("2026-04-04T12:00:00Z"), 2),
             isoList({"2026-04-04T14:45:00Z", "2026-04-05T15:15:00Z"}));
    QCOMPARE(nextTimes(cron("45 * * * *", "Australia/Lord_Howe"), at("2026-04-04T14:00:00Z"), 3),
             isoList({"2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z", "2026-04-04T16:15:00Z"}));
}

void TestCron::fixedOffsetZoneEqualsAZoneWithoutDst() {
    const qint64 from = at("2026-01-15T10:20:00Z");
    QCOMPARE(nextTimes(cron("0 9 * * 1-5", "+05:30"), from, 6),
             nextTimes(cron("0 9 * * 1-5", "Asia/Kolkata"), from, 6));
    QCOMPARE(nextTimes(cron("0 9 * * *", "UTC-05:00"), from, 1), isoList({"2026-01-15T14:00:00Z"}));
    QCOMPARE(zone("+05:30").id(), QStringLiteral("+05:30"));
    QString error;
    QVERIFY(!ScheduleZone::fromText(QStringLiteral("Mars/Olympus_Mons"), &error));
    QVERIFY(error.contains(QLatin1String("Mars/Olympus_Mons")));
}

void TestCron::zonesAreFoundByEveryNameOfTheTzDatabase() {
    // Links and backward names that Qt 6.4's isTimeZoneIdAvailable() does not list.
    const struct {
        const char *id;
        int januaryOffset;
    } zones[] = {{"US/Eastern", -5 * 3600},
                 {"Asia/Calcutta", 19800},
                 {"Etc/UTC", 0},
                 {"GMT", 0},
                 {"EST5EDT", -5 * 3600},
                 {"Etc/GMT+5", -5 * 3600},
                 {"Europe/Kiev", 2 * 3600},
                 {"America/Buenos_Aires", -3 * 3600}};
    for (const auto &z : zones) {
        QString error;
        const std::optional<ScheduleZone> found = ScheduleZone::fromText(QLatin1String(z.id), &error);
        QVERIFY2(found, qPrintable(QLatin1String(z.id) + QLatin1String(": ") + error));
        QCOMPARE(found->id(), QLatin1String(z.id));
        QCOMPARE(found->offsetAt(at("2026-01-15T12:00:00Z")), z.januaryOffset);
    }
    // US/Eastern is New York: the same fire times through the spring-forward gap.
    QCOMPARE(nextTimes(cron("30 2 * * *", "US/Eastern"), at("2026-03-07T12:00:00Z"), 2),
             nextTimes(cron("30 2 * * *", "America/New_York"), at("2026-03-07T12:00:00Z"), 2));
}

void TestCron::unknownZonesAreRefusedWithASuggestion() {
    // QTimeZone reads any text as a POSIX rule ("foo" would be UTC), so these must be refused here.
    for (const char *id : {"foo", "Europe", "Mars/Base", "XYZ3", "../../etc/passwd", "localtime"}) {
        QString error;
        QVERIFY2(!ScheduleZone::fromText(QLatin1String(id), &error), id);
        QVERIFY2(error.startsWith(QStringLiteral("unknown time zone '%1'").arg(QLatin1String(id))),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("expected an IANA name such as Europe/Berlin")),
                 qPrintable(error));
    }
    QString error;
    QVERIFY(!ScheduleZone::fromText(QStringLiteral("america/new_york"), &error));
    QVERIFY2(error.contains(QLatin1String("(did you mean 'America/New_York'?)")), qPrintable(error));
}

void TestCron::agreesWithAPlainScanOfEveryMinute() {
    // The field-skipping search against the obvious one: walk day by day, then minute by minute.
    QRandomGenerator random(5);
    const auto field = [&](int low, int high) {
        const int kind = random.bounded(4);
        if (kind == 0) return QStringLiteral("*");
        if (kind == 1) return QStringLiteral("*/%1").arg(random.bounded(2, (high - low) / 2 + 2));
        const int a = random.bounded(low, high + 1), b = random.bounded(a, high + 1);
        return kind == 2 ? QStringLiteral("%1-%2").arg(a).arg(b) : QStringLiteral("%1,%2").arg(a).arg(b);
    };
    int checked = 0;
    for (int i = 0; i < 300; ++i) {
        const QString text =
            QStringList{field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 6)}.join(' ');
        const CronParseResult parsed = CronExpression::parse(text, random.bounded(2) == 0);
        if (!parsed.ok()) continue;  // e.g. day 31 in months that lack it
        const CronExpression &cron = *parsed.expression;
        const qint64 from =
            at("2020-01-01T00:00:00Z") + qint64(random.bounded(10 * 365)) * 86400 + random.bounded(86400);
        std::optional<qint64> scanned;
        for (qint64 day = floorDiv(from, 86400); !scanned && day < floorDiv(from, 86400) + 8 * 366; ++day) {
            const CivilTime date = civilFromWall(day * 86400);
            const int firstHour = __builtin_ctz(cron.hours()), firstMinute = __builtin_ctzll(cron.minutes());
            if (!cron.matches({date.year, date.month, date.day, firstHour, firstMinute, 0})) continue;
            for (int minute = 0; minute < 1440 && !scanned; ++minute) {
                const qint64 wall = day * 86400 + minute * 60;
                if (wall > from && cron.matches(civilFromWall(wall))) scanned = wall;
            }
        }
        QCOMPARE(cron.nextMatch(from + 1), scanned);
        checked += scanned ? 1 : 0;
    }
    QVERIFY2(checked > 250, qPrintable(QString::number(checked)));
}

void TestCron::schedulesServeManyThreadsAtOnce() {
    // Zone tables are built on first use and shared: many threads asking at once must agree
    // with one thread asking alone.
    const char *zones[] = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
                           "Pacific/Chatham"};
    QStringList expected;
    for (const char *z : zones)
        expected << nextTimes(cron("*/7 1-3 * * *", z), at("2026-03-01T00:00:00Z"), 200).join(',');
    QList<QStringList> results(40);
    QThreadPool pool;
    pool.setMaxThreadCount(8);
    for (int i = 0; i < results.size(); ++i)
        pool.start([&, i] {
            for (const char *z : zones)
                results[i] << nextTimes(cron("*/7 1-3 * * *", z), at("2026-03-01T00:00:00Z"), 200).join(',');
        });
    pool.waitForDone();
    for (const QStringList &result : results) QCOMPARE(result, expected);
}

void TestCron::occurrencesAreHalfOpenAndCapped() {
    const CronSchedule hourly = cron("0 * * * *", "UTC");
    const QDateTime from = utcFromSecs(at("2026-01-01T00:00:00Z"));
    const QList<QDateTime> times = hourly.occurrences(from, from.addSecs(3 * 3600), 100);
    QCOMPARE(times.size(), 3);  // 00:00, 01:00, 02:00, not 03:00
    QCOMPARE(times.first(), from);
    QCOMPARE(hourly.occurrences(from, from.addDays(10), 5).size(), 5);
}

void TestCron::nextFromAQDateTimeDropsMilliseconds() {
    const CronSchedule minutely = cron("* * * * *", "UTC");
    const QDateTime after = utcFromSecs(at("2026-01-01T09:00:00Z")).addMSecs(500);
    QCOMPARE(*minutely.next(after), utcFromSecs(at("2026-01-01T09:01:00Z")));
}

void TestCron::shortIntervalIsAbsoluteAcrossDst() {
    const IntervalSchedule hourly(3600, at("2026-11-01T00:00:00Z"), zone("America/New_York"));
    QCOMPARE(nextTimes(hourly, at("2026-11-01T04:30:00Z"), 3),
             isoList({"2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z"}));
    QVERIFY(!hourly.keepsWallClock());
}

void TestCron::dailyIntervalKeepsWallClockAcrossDst() {
    // 09:00 in Berlin every day: 08:00Z in winter, 07:00Z after 2026-03-29.
    const ScheduleZone berlin = zone("Europe/Berlin");
    const IntervalSchedule daily(86400, *parseScheduleTime(QStringLiteral("2026-03-27T09:00"), berlin),
                                 berlin);
    QCOMPARE(nextTimes(daily, at("2026-03-27T00:00:00Z"), 4),
             isoList({"2026-03-27T08:00:00Z", "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z",
                      "2026-03-30T07:00:00Z"}));
    // A two-day interval anchored at 02:30 lands in the gap on 2026-03-29 and fires at 03:00.
    const IntervalSchedule twoDays(2 * 86400, *parseScheduleTime(QStringLiteral("2026-03-27T02:30"), berlin),
                                   berlin);
    QCOMPARE(nextTimes(twoDays, at("2026-03-27T00:00:00Z"), 3),
             isoList({"2026-03-27T01:30:00Z", "2026-03-29T01:00:00Z", "2026-03-31T00:30:00Z"}));
    // Through the fall-back, a weekly interval keeps 01:30 local and fires once (New York).
    const ScheduleZone newYork = zone("America/New_York");
    const IntervalSchedule weekly(7 * 86400, *parseScheduleTime(QStringLiteral("2026-10-25T01:30"), newYork),
                                  newYork);
    QCOMPARE(nextTimes(weekly, at("2026-10-25T00:00:00Z"), 3),
             isoList({"2026-10-25T05:30:00Z", "2026-11-01T05:30:00Z", "2026-11-08T06:30:00Z"}));
}

void TestCron::dailyIntervalAnchoredInAGapKeepsTheAnchorsWallTime() {
    // 02:30 does not exist on 2026-03-08 in New York: that day fires at the end of the gap
    // (03:00 EDT), the other days at 02:30, as written (not at 03:00 every day).
    const auto parsed = ScheduleConfig::fromVariantMap(
        {{"interval_seconds", 86400}, {"anchor", "2026-03-08T02:30"}, {"timezone", "America/New_York"}});
    QVERIFY(parsed.ok());
    const QStringList expected =
        isoList({"2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"});
    QCOMPARE(nextTimes(*parsed.config.build().schedule, at("2026-03-08T00:00:00Z"), 3), expected);
    // Stored and read back (as the run database keeps it), it still fires at 02:30.
    const QVariantMap stored = parsed.config.toVariantMap();
    QCOMPARE(stored.value("anchor").toString(), QStringLiteral("2026-03-08T02:30:00"));
    const auto reread = ScheduleConfig::fromVariantMap(stored);
    QVERIFY(reread.ok());
    QCOMPARE(nextTimes(*reread.config.build().schedule, at("2026-03-08T00:00:00Z"), 3), expected);
    // An anchor given as an instant stays an instant.
    const auto instant = ScheduleConfig::fromVariantMap(
        {{"interval_seconds", 86400}, {"anchor", "2026-03-08T07:00:00Z"}, {"timezone", "America/New_York"}});
    QCOMPARE(nextTimes(*instant.config.build().schedule, at("2026-03-08T00:00:00Z"), 2),
             isoList({"2026-03-08T07:00:00Z", "2026-03-09T07:00:00Z"}));
}

void TestCron::intervalHonoursStartAndEnd() {
    auto tenMinutes =
        std::make_shared<IntervalSchedule>(600, at("2026-01-01T00:00:00Z"), ScheduleZone::utc());
    const WindowedSchedule window(tenMinutes, at("2026-01-01T01:05:00Z"), at("2026-01-01T01:30:00Z"));
    QCOMPARE(nextTimes(window, at("2026-01-01T00:00:00Z"), 10),
             isoList({"2026-01-01T01:10:00Z", "2026-01-01T01:20:00Z", "2026-01-01T01:30:00Z"}));
    QVERIFY(!window.nextAfter(at("2026-01-01T01:30:00Z")));
}

void TestCron::onceFiresOnce() {
    const OnceSchedule once(at("2026-02-06T14:30:00Z"));
    QCOMPARE(nextTimes(once, at("2026-01-01T00:00:00Z"), 5), isoList({"2026-02-06T14:30:00Z"}));
    QVERIFY(!once.nextAfter(at("2026-02-06T14:30:00Z")));
}

void TestCron::rruleFollowsWallClockAcrossDst() {
    // Mondays and Wednesdays at 09:00 in Berlin: 08:00Z before 2026-03-29, 07:00Z after.
    const ScheduleZone berlin = zone("Europe/Berlin");
    const auto created = RRuleSchedule::create(QStringLiteral("FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9"),
                                               wallSeconds({2026, 3, 16, 9, 0, 0}), berlin);
    QVERIFY2(created.schedule, qPrintable(created.message));
    QCOMPARE(nextTimes(*created.schedule, at("2026-03-20T00:00:00Z"), 4),
             isoList({"2026-03-23T08:00:00Z", "2026-03-25T08:00:00Z", "2026-03-30T07:00:00Z",
                      "2026-04-01T07:00:00Z"}));
    // A daily 02:30 lands in the gap on 2026-03-29 and fires at its end, 03:00 CEST.
    const auto daily = RRuleSchedule::create(QStringLiteral("RRULE:FREQ=DAILY"),
                                             wallSeconds({2026, 3, 27, 2, 30, 0}), berlin);
    QCOMPARE(nextTimes(*daily.schedule, at("2026-03-28T00:00:00Z"), 3),
             isoList({"2026-03-28T01:30:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"}));
}

void TestCron::rruleCountAndUntilEnd() {
    const auto counted = RRuleSchedule::create(QStringLiteral("FREQ=DAILY;COUNT=3"),
                                               wallSeconds({2026, 1, 1, 12, 0, 0}), ScheduleZone::utc());
    QCOMPARE(nextTimes(*counted.schedule, at("2025-12-31T00:00:00Z"), 10),
             isoList({"2026-01-01T12:00:00Z", "2026-01-02T12:00:00Z", "2026-01-03T12:00:00Z"}));
    // UNTIL in UTC is an instant: 2026-01-03T11:00Z is 12:00 in Berlin, so the 3rd still fires.
    const auto until = RRuleSchedule::create(QStringLiteral("FREQ=DAILY;UNTIL=20260103T110000Z"),
                                             wallSeconds({2026, 1, 1, 12, 0, 0}), zone("Europe/Berlin"));
    QCOMPARE(nextTimes(*until.schedule, at("2025-12-31T00:00:00Z"), 10),
             isoList({"2026-01-01T11:00:00Z", "2026-01-02T11:00:00Z", "2026-01-03T11:00:00Z"}));
}

void TestCron::rruleSkippingAheadMatchesFullExpansion() {
    // nextAfter() jumps libical ahead for INTERVAL=1 rules without COUNT; it must agree with
    // expanding every occurrence from DTSTART.
    const ScheduleZone newYork = zone("America/New_York");
    const char *rules[] = {"FREQ=DAILY;BYHOUR=9,17",    "FREQ=WEEKLY;BYDAY=TU,TH",
                           "FREQ=MONTHLY;BYDAY=-1FR",   "FREQ=MONTHLY;BYMONTHDAY=31",
                           "FREQ=HOURLY;BYMINUTE=0,30", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"};
    for (const char *rule : rules) {
        const auto schedule =
            RRuleSchedule::create(QLatin1String(rule), wallSeconds({2025, 1, 6, 9, 0, 0}), newYork).schedule;
        QVERIFY2(schedule, rule);
        QStringList walked = nextTimes(*schedule, at("2025-01-01T00:00:00Z"), 400);
        const qint64 middle = at("2025-06-15T12:34:00Z");
        while (!walked.isEmpty() && *parseScheduleTime(walked.first(), ScheduleZone::utc()) <= middle)
            walked.removeFirst();
        QCOMPARE(nextTimes(*schedule, middle, int(walked.size())), walked);
    }
}

void TestCron::rruleRefusesBadRules() {
    const char *rules[][2] = {
        {"BYDAY=MO", "rrule: FREQ is missing"},
        {"FREQ=SOMETIMES", "rrule: FREQ: 'SOMETIMES' is not one of SECONDLY, MINUTELY, HOURLY, DAILY"},
        {"FREQ=DAILY;BYWHEN=3", "rrule: unknown part 'BYWHEN'"},
        {"FREQ=DAILY;COUNT=2;UNTIL=20270101T000000Z", "rrule: COUNT and UNTIL cannot both be given"},
        {"FREQ=DAILY;COUNT", "rrule: 'COUNT' is not NAME=VALUE"}};
    for (const auto &rule : rules) {
        const auto created = RRuleSchedule::create(QLatin1String(rule[0]), 0, ScheduleZone::utc());
        QVERIFY2(!created.schedule, rule[0]);
        QVERIFY2(created.message.startsWith(QLatin1String(rule[1])), qPrintable(created.message));
    }
}

void TestCron::rruleRefusesBadValuesNamingThePartAndValue() {
    const char *rules[][2] = {
        {"FREQ=DAILY;BYHOUR=25", "rrule: BYHOUR: 25 is out of range 0-23"},
        {"FREQ=DAILY;BYHOUR=9,,17", "rrule: BYHOUR: empty item in '9,,17'"},
        {"FREQ=HOURLY;BYMINUTE=60", "rrule: BYMINUTE: 60 is out of range 0-59"},
        {"FREQ=MINUTELY;BYSECOND=61", "rrule: BYSECOND: 61 is out of range 0-60"},
        {"FREQ=DAILY;COUNT=0", "rrule: COUNT: 0 is out of range (expected a whole number from 1"},
        {"FREQ=DAILY;COUNT=many", "rrule: COUNT: 'many' is not a whole number (expected 1 or more)"},
        {"FREQ=DAILY;INTERVAL=0", "rrule: INTERVAL: 0 is out of range (expected a whole number from 1"},
        {"FREQ=DAYLY",
         "rrule: FREQ: 'DAYLY' is not one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, "
         "YEARLY (did you mean 'DAILY'?)"},
        {"FREQ=WEEKLY;BYDAY=MON",
         "rrule: BYDAY: 'MON' is not a weekday (expected MO, TU, WE, TH, FR, SA or SU"},
        {"FREQ=MONTHLY;BYDAY=0FR", "rrule: BYDAY: position 0 in '0FR' is out of range 1-53"},
        {"FREQ=YEARLY;BYMONTH=13", "rrule: BYMONTH: 13 is out of range 1-12"},
        {"FREQ=MONTHLY;BYMONTHDAY=0", "rrule: BYMONTHDAY: 0 is out of range 1-31 or -31 to -1"},
        {"FREQ=MONTHLY;BYMONTHDAY=-32", "rrule: BYMONTHDAY: -32 is out of range 1-31 or -31 to -1"},
        {"FREQ=DAILY;UNTIL=2026-12-31",
         "rrule: UNTIL: '2026-12-31' is not a date or time (expected 20261231"},
        {"FREQ=DAILY;UNTIL=20261332", "rrule: UNTIL: '20261332' is not a date or time"},
        {"FREQ=WEEKLY;WKST=XX", "rrule: WKST: 'XX' is not a weekday"},
        {"FREQ=DAILY;BYHOURS=9", "rrule: unknown part 'BYHOURS' (did you mean 'BYHOUR'?)"},
        {"FREQ=DAILY;FREQ=WEEKLY", "rrule: FREQ is given twice"}};
    for (const auto &rule : rules) {
        const auto created = RRuleSchedule::create(QLatin1String(rule[0]), 0, ScheduleZone::utc());
        QVERIFY2(!created.schedule, rule[0]);
        QVERIFY2(created.message.startsWith(QLatin1String(rule[1])), qPrintable(created.message));
    }
    // What is valid stays valid: negative positions and month days, UNTIL as a date.
    for (const char *rule :
         {"FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=YEARLY;BYDAY=+2TU",
          "FREQ=DAILY;UNTIL=20261231", "FREQ=MINUTELY;BYSECOND=0,60;WKST=SU"}) {
        const auto created = RRuleSchedule::create(QLatin1String(rule), 0, ScheduleZone::utc());
        QVERIFY2(created.schedule, qPrintable(QLatin1String(rule) + QLatin1String(": ") + created.message));
    }
}

void TestCron::rruleDtstartInAGapKeepsItsWallTime() {
    // DTSTART 02:30 on New York's spring-forward day: 03:00 EDT that day, 02:30 after, whether
    // DTSTART comes as anchor (the CLI's --dtstart) or as a DTSTART line.
    const QStringList expected =
        isoList({"2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"});
    const auto anchored = ScheduleConfig::fromVariantMap(
        {{"rrule", "FREQ=DAILY"}, {"anchor", "2026-03-08T02:30"}, {"timezone", "America/New_York"}});
    QVERIFY(anchored.ok());
    QCOMPARE(nextTimes(*anchored.config.build().schedule, at("2026-03-08T00:00:00Z"), 3), expected);
    const auto line = ScheduleConfig::fromVariantMap(
        {{"rrule", "DTSTART;TZID=America/New_York:20260308T023000\nRRULE:FREQ=DAILY"}});
    QVERIFY(line.ok());
    QCOMPARE(nextTimes(*line.config.build().schedule, at("2026-03-08T00:00:00Z"), 3), expected);
}

void TestCron::configBuildsEachTypeFromAMap() {
    const auto cronConfig = ScheduleConfig::fromVariantMap({{"schedule_type", "cron"},
                                                            {"cron_expression", "0 9 * * *"},
                                                            {"timezone", "America/New_York"},
                                                            {"timezone_offset", -300}});
    QVERIFY(cronConfig.ok());
    QCOMPARE(nextTimes(*cronConfig.config.build().schedule, at("2026-01-15T00:00:00Z"), 1),
             isoList({"2026-01-15T14:00:00Z"}));

    const auto interval = ScheduleConfig::fromVariantMap({{"schedule_type", "INTERVAL"},
                                                          {"interval_seconds", 3600},
                                                          {"start_date", "2026-02-06T00:00:00Z"},
                                                          {"timezone", "UTC"}});
    QVERIFY(interval.ok());
    QCOMPARE(nextTimes(*interval.config.build().schedule, at("2026-01-01T00:00:00Z"), 2),
             isoList({"2026-02-06T00:00:00Z", "2026-02-06T01:00:00Z"}));

    const auto once =
        ScheduleConfig::fromVariantMap({{"schedule_type", "once"}, {"start_date", "2026-02-06T14:30:00Z"}});
    QVERIFY(once.ok());
    QCOMPARE(nextTimes(*once.config.build().schedule, at("2026-01-01T00:00:00Z"), 3),
             isoList({"2026-02-06T14:30:00Z"}));

    const auto recurring = ScheduleConfig::fromVariantMap({{"schedule_type", "recurring"},
                                                           {"rrule", "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9"},
                                                           {"start_date", "2026-03-16T09:00"},
                                                           {"timezone", "Europe/Berlin"}});
    QVERIFY(recurring.ok());
    QCOMPARE(nextTimes(*recurring.config.build().schedule, at("2026-03-26T00:00:00Z"), 2),
             isoList({"2026-03-30T07:00:00Z", "2026-04-01T07:00:00Z"}));
}

void TestCron::configReadsDtstartAndTzidFromTheRrule() {
    // Prefect writes an rrule with its DTSTART line; its TZID is the zone when timezone is not given.
    const auto parsed = ScheduleConfig::fromVariantMap(
        {{"rrule", "DTSTART;TZID=Europe/Berlin:20260316T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE"}});
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.config.zone()->id(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(nextTimes(*parsed.config.build().schedule, at("2026-03-26T00:00:00Z"), 2),
             isoList({"2026-03-30T07:00:00Z", "2026-04-01T07:00:00Z"}));
    const RRuleSchedule::Parts utc =
        RRuleSchedule::split(QStringLiteral("DTSTART:20260101T120000Z\nFREQ=DAILY"));
    QCOMPARE(utc.dtstart, QStringLiteral("2026-01-01T12:00:00Z"));
    QCOMPARE(utc.rule, QStringLiteral("FREQ=DAILY"));
    QVERIFY(RRuleSchedule::split(QStringLiteral("DTSTART:tomorrow\nFREQ=DAILY"))
                .error.startsWith(QLatin1String("rrule: cannot read")));
}

void TestCron::configInfersTypeAndReadsYamlStrings() {
    const auto parsed = ScheduleConfig::fromVariantMap(
        {{"interval_seconds", "600"}, {"timezone", "Asia/Kolkata"}, {"end_date", "2026-01-02"}});
    QVERIFY(parsed.ok());
    QVERIFY(parsed.config.scheduleType == ScheduleType::Interval);
    // The default anchor is midnight 2000-01-01 on the zone's clock: every 10 minutes on the :x0.
    QCOMPARE(nextTimes(*parsed.config.build().schedule, at("2026-01-01T10:01:00Z"), 1),
             isoList({"2026-01-01T10:10:00Z"}));
    // A date without an offset is on the zone's clock: midnight in Kolkata is 18:30Z the day before.
    QCOMPARE(parsed.config.endDate->toSecsSinceEpoch(), at("2026-01-01T18:30:00Z"));
    const auto dayAnd = ScheduleConfig::fromVariantMap(
        {{"cron_expression", "0 0 13 * 5"}, {"day_or", "false"}, {"timezone", "UTC"}});
    QVERIFY(dayAnd.ok());
    QVERIFY(!dayAnd.config.dayOr);
}

void TestCron::configReportsEveryProblemWithItsField() {
    struct Case {
        QVariantMap map;
        const char *field;
        const char *message;
    };
    const Case cases[] = {
        {{{"schedule_type", "cron"}, {"cron_expression", "*/0 * * * *"}},
         "cron_expression",
         "cron_expression: minute: '*/0' has a zero step"},
        {{{"schedule_type", "cron"}}, "cron_expression", "cron_expression: missing for a cron schedule"},
        {{{"schedule_type", "hourly"}},
         "schedule_type",
         "schedule_type: 'hourly' is not one of cron, interval, once, recurring"},
        {{{"schedule_type", "interval"}, {"interval_seconds", 0}},
         "interval_seconds",
         "interval_seconds: 0 is out of range"},
        {{{"schedule_type", "interval"}, {"interval_seconds", "ten"}},
         "interval_seconds",
         "interval_seconds: 'ten' is not a whole number"},
        {{{"schedule_type", "once"}}, "start_date", "start_date: missing"},
        {{{"schedule_type", "once"}, {"start_date", "tomorrow"}},
         "start_date",
         "start_date: 'tomorrow' is not a time"},
        {{{"schedule_type", "recurring"}, {"rrule", "FREQ=DAILY"}},
         "start_date",
         "start_date: missing: a recurring schedule needs"},
        {{{"schedule_type", "recurring"}, {"rrule", "FREQ=NEVER"}, {"start_date", "2026-01-01"}},
         "rrule",
         "rrule: FREQ: 'NEVER' is not one of"},
        {{{"cron_expression", "0 0 * * *"}, {"timezone", "Europe/Bérlin"}},
         "timezone",
         "timezone: unknown time zone 'Europe/Bérlin'"},
        {{{"cron_expression", "0 0 * * *"}, {"timezone", "America/New_York"}, {"timezone_offset", 60}},
         "timezone_offset",
         "timezone_offset: 60 minutes is not an offset America/New_York uses"},
        {{{"cron_expression", "0 0 * * *"}, {"timezone_offset", 900}},
         "timezone_offset",
         "timezone_offset: 900 minutes is out of range"},
        {{{"cron_expression", "0 0 * * *"}, {"interval_seconds", 60}},
         "interval_seconds",
         "interval_seconds: not used by a cron schedule"},
        {{{"cron_expression", "0 0 * * *"}, {"start_date", "2026-02-01"}, {"end_date", "2026-01-01"}},
         "end_date",
         "end_date: is before start_date"},
        {{{"cron_expression", "0 0 * * *"}, {"day_or", "maybe"}}, "day_or", "day_or: expected true or false"},
        {{{"cron_expresion", "0 0 * * *"}},
         "cron_expresion",
         "cron_expresion: unknown key (did you mean 'cron_expression'?)"},
        {{}, "schedule_type", "schedule_type: missing"},
    };
    for (const Case &c : cases) {
        const auto parsed = ScheduleConfig::fromVariantMap(c.map);
        QVERIFY2(!parsed.ok(), c.message);
        const auto it =
            std::find_if(parsed.problems.begin(), parsed.problems.end(),
                         [&](const ScheduleProblem &p) { return p.field == QLatin1String(c.field); });
        QVERIFY2(it != parsed.problems.end(), c.message);
        QVERIFY2(it->message.startsWith(QString::fromUtf8(c.message)), qPrintable(it->message));
    }
}

void TestCron::configRoundTripsThroughAMap() {
    ScheduleConfig config;
    config.scheduleType = ScheduleType::Cron;
    config.cronExpression = QStringLiteral("0 9 * * 1-5");
    config.timezone = QStringLiteral("Europe/Berlin");
    config.dayOr = false;
    config.startDate = utcFromSecs(at("2026-01-01T00:00:00Z"));
    config.endDate = utcFromSecs(at("2027-01-01T00:00:00Z"));
    const auto parsed = ScheduleConfig::fromVariantMap(config.toVariantMap());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.config.toVariantMap(), config.toVariantMap());
    QCOMPARE(parsed.config.startDate, config.startDate);
}

void TestCron::configReportsAZoneOrDtstartThatContradictsTheRrule() {
    const QString berlinRule = QStringLiteral("DTSTART;TZID=Europe/Berlin:20260316T090000\nRRULE:FREQ=DAILY");
    auto problemOf = [](const QVariantMap &map, const char *field) {
        for (const ScheduleProblem &p : ScheduleConfig::fromVariantMap(map).problems)
            if (p.field == QLatin1String(field)) return p.message;
        return QString();
    };
    // 09:00 Berlin or 09:00 New York? Neither is guessed.
    QCOMPARE(problemOf({{"rrule", berlinRule}, {"timezone", "America/New_York"}}, "timezone"),
             QStringLiteral(
                 "timezone: America/New_York contradicts the rrule's DTSTART;TZID=Europe/Berlin (give the "
                 "zone once, or the same zone in both)"));
    QVERIFY(ScheduleConfig::fromVariantMap({{"rrule", berlinRule}, {"timezone", "Europe/Berlin"}}).ok());
    // One zone under two tz database names is no contradiction.
    QVERIFY(ScheduleConfig::fromVariantMap({{"rrule", "DTSTART;TZID=America/New_York:20260316T090000\nRRULE:FREQ=DAILY"},
                                            {"timezone", "US/Eastern"}})
                .ok());
    QVERIFY(
        problemOf({{"rrule", berlinRule}, {"timezone_offset", -300}}, "timezone_offset")
            .startsWith(QLatin1String("timezone_offset: -300 minutes is not an offset Europe/Berlin uses")));
    QVERIFY(problemOf(
                {{"rrule", "DTSTART;TZID=Mars/Base:20260316T090000\nRRULE:FREQ=DAILY"}, {"timezone", "UTC"}},
                "rrule")
                .startsWith(QLatin1String("rrule: DTSTART;TZID: unknown time zone 'Mars/Base'")));
    // Two DTSTARTs: the anchor (the CLI's --dtstart) would silently win.
    QCOMPARE(problemOf({{"rrule", berlinRule}, {"anchor", "2026-03-17T09:00"}}, "anchor"),
             QStringLiteral(
                 "anchor: the rrule has a DTSTART line already (2026-03-16T09:00:00); give DTSTART once"));
    QVERIFY(ScheduleConfig::fromVariantMap({{"rrule", berlinRule}, {"anchor", "2026-03-16T09:00"}}).ok());
}

void TestCron::aDateAloneAsAnEndIsTheWholeDay() {
    const ScheduleZone berlin = zone("Europe/Berlin");
    QCOMPARE(*parseScheduleEnd(QStringLiteral("2026-01-31"), berlin), at("2026-01-31T22:59:59Z"));
    // The day before the spring-forward change has 23 hours; the end is still its last second.
    QCOMPARE(*parseScheduleEnd(QStringLiteral("2026-03-29"), berlin), at("2026-03-29T21:59:59Z"));
    // A time is the instant it says.
    QCOMPARE(*parseScheduleEnd(QStringLiteral("2026-01-31T12:00"), berlin), at("2026-01-31T11:00:00Z"));
    QCOMPARE(*parseScheduleEnd(QStringLiteral("2026-01-31T00:00:00Z"), berlin), at("2026-01-31T00:00:00Z"));
    QString error;
    QVERIFY(!parseScheduleEnd(QStringLiteral("2026-02-30"), berlin, &error));
    QVERIFY2(error.contains(QLatin1String("is not a time")), qPrintable(error));
}

void TestCron::describesInPlainLanguage() {
    const char *cases[][2] = {
        {"0 9 * * 1-5", "At 09:00, Monday through Friday"},
        {"*/15 * * * *", "Every 15 minutes"},
        {"0 0 1 * *", "At 00:00 on day 1 of the month"},
        {"* * * * *", "Every minute"},
        {"0 * * * *", "Every hour"},
        {"30 * * * *", "At 30 minutes past every hour"},
        {"0 9,17 * * *", "At 09:00 and 17:00"},
        {"*/5 9-17 * * 1-5", "Every 5 minutes, between 09:00 and 17:59, Monday through Friday"},
        {"0 0 29 2 *", "At 00:00 on day 29 of the month, in February"},
        {"0 12 13 * 5", "At 12:00 on day 13 of the month or on Friday"},
        {"0 */2 * * *", "Every 2 hours"},
        {"0 0 * * 0,6", "At 00:00, Sunday and Saturday"},
        {"0 0 1,15 JAN,JUL *", "At 00:00 on days 1 and 15 of the month, in January and July"},
    };
    for (const auto &c : cases)
        QCOMPARE(describeCron(*CronExpression::parse(QLatin1String(c[0])).expression), QLatin1String(c[1]));
    QCOMPARE(describeCron(*CronExpression::parse(QStringLiteral("0 12 13 * 5"), false).expression),
             QStringLiteral("At 12:00 on day 13 of the month, if it is a Friday"));
}

QTEST_GUILESS_MAIN(TestCron)
#include "test_cron.moc"
