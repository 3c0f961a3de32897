// Schedule benchmark: next-fire computations per second for typical cron expressions, each
// printed with the goal (>= 1,000,000/s). Each call asks for the next fire time after a
// different instant spread over 2020-2030, so the figure is not one cached answer repeated.
// Usage: bench_schedule [CALLS]   (default 2,000,000 per expression)

#include "schedule/CronSchedule.h"
#include "schedule/Schedule.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>
#include <vector>

using namespace flowdeck;

namespace {

constexpr double Goal = 1000000.0;

struct Case {
    const char *expression;
    const char *zone;
};

std::vector<qint64> spreadInstants(int count) {
    QRandomGenerator random(20260308);
    const qint64 from = 1577836800;  // 2020-01-01T00:00:00Z
    const qint64 span = 10LL * 365 * 86400;
    std::vector<qint64> instants(static_cast<size_t>(count));
    for (qint64 &t : instants) t = from + qint64(random.bounded(quint64(span)));
    return instants;
}

/// Calls per second of schedule.nextAfter() over @p instants.
double measure(const Schedule &schedule, const std::vector<qint64> &instants, qint64 &checksum) {
    QElapsedTimer timer;
    timer.start();
    for (const qint64 t : instants) checksum += schedule.nextAfter(t).value_or(0);
    return double(instants.size()) / (double(timer.nsecsElapsed()) / 1e9);
}

double measureQDateTime(const Schedule &schedule, const std::vector<qint64> &instants, qint64 &checksum) {
    std::vector<QDateTime> times;
    times.reserve(instants.size());
    for (const qint64 t : instants) times.push_back(utcFromSecs(t));
    QElapsedTimer timer;
    timer.start();
    for (const QDateTime &t : times) checksum += schedule.next(t)->toSecsSinceEpoch();
    return double(times.size()) / (double(timer.nsecsElapsed()) / 1e9);
}

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? QByteArray(argv[1]).toInt() : 2000000;
    const std::vector<qint64> instants = spreadInstants(calls);
    const Case cases[] = {
        {"*/5 * * * *", "UTC"},
        {"0 9 * * 1-5", "UTC"},
        {"0 0 1 * *", "UTC"},
        {"30 2 * * *", "Europe/Berlin"},
        {"*/5 * * * *", "Europe/Berlin"},
        {"0 9 * * 1-5", "America/New_York"},
        {"15 2 * * *", "Australia/Lord_Howe"},
    };
    std::printf("next-fire computations per second (%d calls each; goal >= %.0f/s)\n", calls, Goal);
    qint64 checksum = 0;
    bool allMet = true;
    for (const Case &c : cases) {
        const CronParseResult parsed = CronExpression::parse(QLatin1String(c.expression));
        const CronSchedule schedule(*parsed.expression, *ScheduleZone::fromText(QLatin1String(c.zone)));
        schedule.nextAfter(0);  // build the zone's table outside the timing
        const double rate = measure(schedule, instants, checksum);
        allMet = allMet && rate >= Goal;
        std::printf("  %-14s %-20s %12.0f/s  %s\n", c.expression, c.zone, rate,
                    rate >= Goal ? "meets goal" : "BELOW GOAL");
    }
    const CronSchedule berlin(*CronExpression::parse(QStringLiteral("30 2 * * *")).expression,
                              *ScheduleZone::fromText(QStringLiteral("Europe/Berlin")));
    std::printf("  via QDateTime: 30 2 * * * Europe/Berlin  %.0f/s (Schedule::next, for reference)\n",
                measureQDateTime(berlin, instants, checksum));
    std::printf("%s (checksum %lld)\n", allMet ? "all meet the goal" : "SOME BELOW THE GOAL",
                static_cast<long long>(checksum));
    return 0;
}
