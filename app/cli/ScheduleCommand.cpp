// flowdeck-cli schedule: the next fire times of a cron, interval, rrule or one-time schedule,
// and cron expressions in plain language.

#include "Commands.h"
#include "Console.h"
#include "ScheduleInput.h"
#include "Workspace.h"
#include "flow/Diagnostic.h"
#include "schedule/CivilTime.h"
#include "schedule/CronDescription.h"
#include "schedule/CronExpression.h"
#include "schedule/RRuleSchedule.h"
#include "schedule/ScheduleConfig.h"
#include "schedule/SchedulePreview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace flowdeck::cli {

namespace {

const QStringList subcommands = {QStringLiteral("next"),   QStringLiteral("describe"), QStringLiteral("add"),
                                 QStringLiteral("list"),   QStringLiteral("pause"),    QStringLiteral("resume"),
                                 QStringLiteral("remove"), QStringLiteral("upcoming"), QStringLiteral("backfill")};
constexpr int MaxCount = 100000;

Option option(const char *name, const char *valueName, const char *description) {
    return {QLatin1String(name), QLatin1String(valueName), QLatin1String(description)};
}

/// The flag a ScheduleConfig field comes from, so that errors name what the user typed.
QString flagOf(const QString &field, const Invocation &inv) {
    if (field == QLatin1String("cron_expression")) return QStringLiteral("--cron");
    if (field == QLatin1String("interval_seconds")) return QStringLiteral("--interval");
    if (field == QLatin1String("rrule")) return QStringLiteral("--rrule");
    if (field == QLatin1String("start_date"))
        return inv.isSet(QStringLiteral("once")) ? QStringLiteral("--once") : QStringLiteral("--dtstart");
    if (field == QLatin1String("anchor"))
        return inv.isSet(QStringLiteral("rrule")) ? QStringLiteral("--dtstart") : QStringLiteral("--anchor");
    if (field == QLatin1String("timezone")) return QStringLiteral("--tz");
    return field;
}

/// "--cron: minute: '*/0' has a zero step" from "cron_expression: minute: '*/0' has a zero step".
QString flagMessage(const ScheduleProblem &problem, const Invocation &inv) {
    QString message = problem.message;
    if (message.startsWith(problem.field + QLatin1String(": ")))
        message = message.mid(problem.field.size() + 2);
    return flagOf(problem.field, inv) + QLatin1String(": ") + message;
}

/// Reads a time option on @p zone's clock into @p target (and its wall-clock time into @p wall
/// when it has no offset); false (with @p error) when it is not a time.
bool readTime(const Invocation &inv, const char *name, const ScheduleZone &zone,
              std::optional<QDateTime> &target, QString &error, std::optional<qint64> *wall = nullptr) {
    const QString flag = QLatin1String(name);
    if (!inv.isSet(flag)) return true;
    QString why;
    const std::optional<qint64> t = parseScheduleTime(inv.value(flag), zone, &why, wall);
    if (!t) {
        error = QStringLiteral("--%1: %2").arg(flag, why);
        return false;
    }
    target = utcFromSecs(*t);
    return true;
}

/// The schedule the options describe, as a config (so it is validated like a deployment's).
bool configFrom(const Invocation &inv, const ScheduleZone &zone, ScheduleConfig &config, QString &error) {
    const QStringList kinds = {QStringLiteral("cron"), QStringLiteral("interval"), QStringLiteral("rrule"),
                               QStringLiteral("once")};
    QStringList given;
    for (const QString &kind : kinds)
        if (inv.isSet(kind)) given << QLatin1String("--") + kind;
    if (given.size() != 1) {
        error = given.isEmpty() ? QStringLiteral("give one of --cron, --interval, --rrule or --once")
                                : QStringLiteral("give only one of %1").arg(given.join(QStringLiteral(", ")));
        return false;
    }
    config.timezone = zone.id();  // the zone already resolved from --tz (or the rrule's TZID)
    config.dayOr = !inv.isSet(QStringLiteral("day-and"));
    if (inv.isSet(QStringLiteral("cron"))) {
        config.scheduleType = ScheduleType::Cron;
        config.cronExpression = inv.value(QStringLiteral("cron"));
    } else if (inv.isSet(QStringLiteral("interval"))) {
        config.scheduleType = ScheduleType::Interval;
        bool ok = false;
        config.intervalSeconds = inv.value(QStringLiteral("interval")).toLongLong(&ok);
        if (!ok) {
            error = QStringLiteral("--interval: '%1' is not a whole number of seconds")
                        .arg(inv.value(QStringLiteral("interval")));
            return false;
        }
        // The wall time too: a daily step keeps 02:30 even when the anchor's own day skips it.
        if (!readTime(inv, "anchor", zone, config.anchor, error, &config.anchorWall)) return false;
    } else if (inv.isSet(QStringLiteral("rrule"))) {
        config.scheduleType = ScheduleType::Recurring;
        config.rrule = inv.value(QStringLiteral("rrule"));
        const bool ruleHasDtstart = !RRuleSchedule::split(config.rrule).dtstart.isEmpty();
        if (!inv.isSet(QStringLiteral("dtstart")) && !ruleHasDtstart) {
            error = QStringLiteral("--rrule needs --dtstart T (the first occurrence, on the --tz clock)");
            return false;
        }
        if (!readTime(inv, "dtstart", zone, config.anchor, error, &config.anchorWall)) return false;
    } else {
        config.scheduleType = ScheduleType::Once;
        if (!readTime(inv, "once", zone, config.startDate, error)) return false;
    }
    if (inv.isSet(QStringLiteral("anchor")) && config.scheduleType != ScheduleType::Interval) {
        error = QStringLiteral("--anchor is only for --interval");
        return false;
    }
    if (inv.isSet(QStringLiteral("dtstart")) && config.scheduleType != ScheduleType::Recurring) {
        error = QStringLiteral("--dtstart is only for --rrule (--interval starts at --anchor)");
        return false;
    }
    return true;
}

/// The zone of --tz, else of the rrule's DTSTART;TZID=..., else the system zone.
std::optional<ScheduleZone> zoneFrom(const Invocation &inv, QString &error) {
    QString zoneText = inv.value(QStringLiteral("tz"));
    if (inv.isSet(QStringLiteral("tz")) && zoneText.trimmed().isEmpty()) {
        error = QStringLiteral(
            "--tz needs a zone name (an IANA name such as Europe/Berlin, UTC, or an offset "
            "such as +05:30)");
        return std::nullopt;
    }
    if (zoneText.isEmpty() && inv.isSet(QStringLiteral("rrule")))
        zoneText = RRuleSchedule::split(inv.value(QStringLiteral("rrule"))).tzid;
    QString why;
    auto zone = ScheduleZone::fromText(zoneText, &why);
    if (!zone) error = QStringLiteral("--tz: ") + why;
    return zone;
}

/// The options each subcommand reads; anything else given is refused, not ignored.
QStringList optionsOf(const QString &sub) {
    static const QStringList schedule = {"cron",    "interval", "anchor", "rrule",
                                         "dtstart", "once",     "tz",     "day-and"};
    if (sub == QLatin1String("next")) return schedule + QStringList{"from", "count", "json", "local"};
    if (sub == QLatin1String("describe")) return {"day-and", "json"};
    if (sub == QLatin1String("add"))
        return schedule + QStringList{"flow",      "param", "catchup", "catchup-cap", "max-active",
                                      "collision", "pool",  "queue",   "start",       "end"};
    if (sub == QLatin1String("list")) return {"json"};
    if (sub == QLatin1String("upcoming")) return {"limit", "json"};
    if (sub == QLatin1String("backfill")) return {"from", "to", "dry-run", "json"};
    return {};  // pause, resume, remove
}

/// Refuses an option the subcommand would ignore; -1 when all are used, else the exit status.
int checkOptions(const Invocation &inv, const QString &sub) {
    const QStringList own = optionsOf(sub);
    QStringList known = own;
    // The stored-schedule subcommands open the run database, so they take its settings.
    if (isScheduleAdminSubcommand(sub))
        for (const Option &o : settingOptions()) known << o.name;
    for (auto it = inv.options.constBegin(); it != inv.options.constEnd(); ++it) {
        if (known.contains(it.key())) continue;
        QStringList flags;
        for (const QString &name : own) flags << QLatin1String("--") + name;
        return usageError(
            *inv.command,
            QStringLiteral("--%1 does not apply to 'schedule %2'%3")
                .arg(it.key(), sub,
                     flags.isEmpty()
                         ? QStringLiteral(" (it takes only the settings, such as --db)")
                         : QStringLiteral(" (it takes %1)").arg(flags.join(QStringLiteral(", ")))));
    }
    return -1;
}

QString localText(qint64 utc, const ScheduleZone &zone) {
    return civilText(civilFromWall(zone.toWall(utc)), QLatin1Char(' ')) + QLatin1Char(' ') + zone.abbreviation(utc);
}

QString isoLocal(qint64 utc, const ScheduleZone &zone) {
    const int offset = zone.offsetAt(utc);
    return civilText(civilFromWall(utc + offset)) + offsetText(offset);
}

void printTimes(const Invocation &inv, const std::vector<qint64> &times, const ScheduleZone &zone) {
    if (inv.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const qint64 t : times)
            array.append(QJsonObject{{QStringLiteral("utc"), isoUtc(t)},
                                     {QStringLiteral("local"), isoLocal(t, zone)},
                                     {QStringLiteral("zone"), zone.id()},
                                     {QStringLiteral("abbreviation"), zone.abbreviation(t)}});
        printOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        return;
    }
    const bool local = inv.isSet(QStringLiteral("local"));
    QString text;
    for (const qint64 t : times)
        text +=
            isoUtc(t) + (local ? QLatin1String("  ") + localText(t, zone) : QString()) + QLatin1Char('\n');
    printOut(text);
}

int next(const Invocation &inv) {
    if (inv.arguments.size() != 1)
        return usageError(*inv.command, QStringLiteral("schedule next takes no arguments"));
    QString error;
    const std::optional<ScheduleZone> zone = zoneFrom(inv, error);
    if (!zone) return usageError(*inv.command, error);
    bool ok = true;
    const int count = inv.isSet(QStringLiteral("count")) ? inv.value(QStringLiteral("count")).toInt(&ok) : 5;
    if (!ok || count < 1 || count > MaxCount)
        return usageError(*inv.command, QStringLiteral("--count: '%1' is not a number from 1 to %2")
                                            .arg(inv.value(QStringLiteral("count")))
                                            .arg(MaxCount));
    std::optional<QDateTime> from;
    if (!readTime(inv, "from", *zone, from, error)) return usageError(*inv.command, error);
    ScheduleConfig config;
    if (!configFrom(inv, *zone, config, error)) return usageError(*inv.command, error);
    const ScheduleConfig::BuildResult built = config.build();
    if (!built.schedule) {
        for (const ScheduleProblem &problem : built.problems) printError(flagMessage(problem, inv));
        return ExitUsage;
    }
    // --from is exclusive, as in cron-parser, croner and Prefect: a script that pages with the
    // last time it got does not see that time twice.
    const qint64 start = from ? from->toSecsSinceEpoch() : QDateTime::currentSecsSinceEpoch();
    const std::vector<qint64> times = nextFireTimes(*built.schedule, start, count);
    printTimes(inv, times, *zone);
    if (times.empty() && !inv.isSet(QStringLiteral("json")))
        printErr(QStringLiteral("(no fire times: the schedule has ended)\n"));
    return ExitOk;
}

int describe(const Invocation &inv) {
    const QString expression = inv.arguments.mid(1).join(QLatin1Char(' '));
    if (expression.trimmed().isEmpty())
        return usageError(*inv.command, QStringLiteral("schedule describe needs a cron EXPR"));
    const CronParseResult parsed = CronExpression::parse(expression, !inv.isSet(QStringLiteral("day-and")));
    if (!parsed.ok()) {
        printError(parsed.message);
        return ExitUsage;
    }
    const QString text = describeCron(*parsed.expression);
    if (inv.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("expression"), parsed.expression->text()},
                                      {QStringLiteral("description"), text}})
                .toJson()));
    else
        printOut(text + QLatin1Char('\n'));
    return ExitOk;
}

}  // namespace

CommandHelp scheduleHelp() {
    CommandHelp help{
        QStringLiteral(
            "schedule next (--cron EXPR | --interval SECONDS [--anchor T] | --rrule RULE --dtstart T | "
            "--once T) [--tz ZONE] [--from T] [--count N] [--json] [--local] [--day-and]\n"
            "       %1 schedule describe EXPR [--day-and] [--json]\n%2")
            .arg(QLatin1String(programName()), scheduleAdminSynopsis()),
        {option("cron", "EXPR", "A cron expression: 5 fields or @daily, @hourly ..."),
         option("interval", "SECONDS", "Every SECONDS seconds from the anchor"),
         option("anchor", "T", "First step of --interval (default 2000-01-01 00:00 on the --tz clock)"),
         option("rrule", "RULE", "An iCalendar RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9"),
         option("dtstart", "T", "The DTSTART of --rrule (or a DTSTART line in RULE, not both)"),
         option("once", "T", "A single fire time"),
         option("tz", "ZONE",
                "IANA zone (Europe/Berlin, US/Eastern), UTC or an offset (+05:30); default the rrule's "
                "TZID, else the system zone"),
         option("from", "T", "next: list fire times after T, not T itself (default now); backfill: window start"),
         option("count", "N", "How many fire times to list (default 5)"),
         option("json", "",
                "Print JSON (next: an array of {utc, local, zone, abbreviation}; also list, upcoming, "
                "backfill)"),
         option("local", "", "Add the local time after each UTC instant"),
         option("day-and", "", "Cron: match only when day-of-month and day-of-week both match")},
        QStringLiteral(
            "'schedule next' prints the next fire times, one ISO 8601 UTC instant per line:\n"
            "  2026-03-08T07:00:00Z\n"
            "with --local:\n"
            "  2026-03-08T07:00:00Z  2026-03-08 03:00:00 EDT\n"
            "'schedule describe' prints a cron expression in plain language, e.g.\n"
            "  At 09:00, Monday through Friday\n"
            "\n"
            "Times T are ISO 8601: with Z or an offset they are instants; without, they are read on\n"
            "the --tz clock (2026-03-08T02:30, 2026-03-08 09:00, 2026-03-08); 'now' is now.\n"
            "Cron and RRULE follow the wall clock of --tz through daylight-saving changes; see\n"
            "docs/schedules.md for what happens to times the clock skips or repeats.\n"
            "\n"
            "Exit status: 0 on success, 2 on usage errors and invalid schedules (the message names\n"
            "the option and the field, e.g. '--cron: day-of-week: 8 is out of range 0-7').")};
    for (Option &o : scheduleAdminOptions()) help.options.push_back(std::move(o));
    help.details += QStringLiteral(
        "\n\n'schedule add' stores a schedule in the run database; 'serve' (or a 'worker' of its --pool)\n"
        "fires it. Each fire time makes exactly one run, however many serve processes run. 'backfill'\n"
        "creates the runs of a past window (both ends inclusive; a date alone as --to is that whole day;\n"
        "a window reaching past now ends now) once; run it again and it adds nothing. 'resume' of an\n"
        "active schedule (or 'pause' of a paused one) changes nothing.");
    return help;
}

int runSchedule(const Invocation &inv) {
    if (inv.arguments.isEmpty())
        return usageError(
            *inv.command,
            QStringLiteral("schedule needs a subcommand: %1").arg(subcommands.join(QStringLiteral(", "))));
    const QString sub = inv.arguments.first();
    if (subcommands.contains(sub))
        if (const int refused = checkOptions(inv, sub); refused >= 0) return refused;
    if (sub == QLatin1String("next")) return next(inv);
    if (sub == QLatin1String("describe")) return describe(inv);
    if (isScheduleAdminSubcommand(sub)) return runScheduleAdmin(inv);
    return usageError(*inv.command,
                      QStringLiteral("unknown subcommand '%1'%2").arg(sub, didYouMean(sub, subcommands)));
}

// For the commands that store schedules (ScheduleInput.h).

std::optional<ScheduleZone> scheduleZoneFrom(const Invocation &invocation, QString &error) {
    return zoneFrom(invocation, error);
}

bool scheduleConfigFrom(const Invocation &invocation, const ScheduleZone &zone, ScheduleConfig &config,
                        QString &error) {
    return configFrom(invocation, zone, config, error);
}

bool readScheduleTime(const Invocation &invocation, const char *name, const ScheduleZone &zone,
                      std::optional<QDateTime> &target, QString &error) {
    return readTime(invocation, name, zone, target, error);
}

QString scheduleProblemText(const ScheduleProblem &problem, const Invocation &invocation) {
    return flagMessage(problem, invocation);
}

QString isoLocalTime(qint64 utc, const ScheduleZone &zone) {
    return isoLocal(utc, zone);
}

}  // namespace flowdeck::cli
