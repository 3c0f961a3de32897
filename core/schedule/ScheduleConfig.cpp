#include "ScheduleConfig.h"

#include "CivilTime.h"
#include "CronExpression.h"
#include "CronSchedule.h"
#include "IntervalSchedule.h"
#include "OnceSchedule.h"
#include "RRuleSchedule.h"
#include "WindowedSchedule.h"
#include "flow/Diagnostic.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace flowdeck {

namespace {

const QStringList configKeys = {
    QStringLiteral("schedule_type"),   QStringLiteral("cron_expression"), QStringLiteral("interval_seconds"),
    QStringLiteral("start_date"),      QStringLiteral("end_date"),        QStringLiteral("timezone"),
    QStringLiteral("timezone_offset"), QStringLiteral("day_or"),          QStringLiteral("rrule"),
    QStringLiteral("anchor"),
};

/// Intervals longer than this are surely a mistake (and keep k * interval far from overflow).
constexpr qint64 MaxInterval = 100LL * 366 * 86400;

ScheduleProblem problem(const QString &field, const QString &message) {
    return {field, QStringLiteral("%1: %2").arg(field, message)};
}

/// The default interval anchor: midnight 2000-01-01 on the zone's clock, so that "every 10
/// minutes" fires at :00, :10 ... and "every day" at midnight.
qint64 defaultAnchor(const ScheduleZone &zone) {
    return zone.fireInstant(daysFromCivil(2000, 1, 1) * 86400);
}

std::optional<qint64> secs(const std::optional<QDateTime> &time) {
    if (!time) return std::nullopt;
    return time->toSecsSinceEpoch();
}

std::optional<qint64> readInteger(const QVariant &value) {
    bool ok = false;
    qint64 n = 0;
    if (value.typeId() == QMetaType::QString) {
        n = value.toString().trimmed().toLongLong(&ok);
    } else if (value.typeId() == QMetaType::Double) {
        const double d = value.toDouble();
        ok = std::abs(d) < 9e18 && d == double(qint64(d));
        n = qint64(d);
    } else if (value.canConvert<qint64>() && value.typeId() != QMetaType::Bool) {
        n = value.toLongLong(&ok);
    }
    if (!ok) return std::nullopt;
    return n;
}

std::optional<bool> readBool(const QVariant &value) {
    if (value.typeId() == QMetaType::Bool) return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("yes")) return true;
    if (text == QLatin1String("false") || text == QLatin1String("no")) return false;
    return std::nullopt;
}

class MapReader {
public:
    explicit MapReader(const QVariantMap &map) : map_(map) {}
    std::vector<ScheduleProblem> problems;

    bool has(const QString &key) const { return map_.contains(key) && !map_.value(key).isNull(); }

    QString text(const QString &key) {
        if (!has(key)) return QString();
        const QVariant value = map_.value(key);
        if (value.typeId() != QMetaType::QString)
            problems.push_back(problem(key, QStringLiteral("expected a string")));
        return value.toString();
    }

    std::optional<QDateTime> time(const QString &key, const ScheduleZone &zone,
                                  std::optional<qint64> *wall = nullptr) {
        if (!has(key)) return std::nullopt;
        const QVariant value = map_.value(key);
        if (value.typeId() == QMetaType::QDateTime) return value.toDateTime().toUTC();
        QString error;
        const std::optional<qint64> t = parseScheduleTime(value.toString(), zone, &error, wall);
        if (!t) {
            problems.push_back(problem(key, error));
            return std::nullopt;
        }
        return utcFromSecs(*t);
    }

    std::optional<qint64> integer(const QString &key) {
        if (!has(key)) return std::nullopt;
        const std::optional<qint64> n = readInteger(map_.value(key));
        if (!n)
            problems.push_back(
                problem(key, QStringLiteral("'%1' is not a whole number").arg(map_.value(key).toString())));
        return n;
    }

private:
    const QVariantMap &map_;
};

std::optional<ScheduleType> inferType(const MapReader &reader) {
    if (reader.has(QStringLiteral("cron_expression"))) return ScheduleType::Cron;
    if (reader.has(QStringLiteral("rrule"))) return ScheduleType::Recurring;
    if (reader.has(QStringLiteral("interval_seconds"))) return ScheduleType::Interval;
    if (reader.has(QStringLiteral("start_date"))) return ScheduleType::Once;
    return std::nullopt;
}

void readType(const QVariantMap &map, MapReader &reader, ScheduleConfig &config) {
    if (!reader.has(QStringLiteral("schedule_type"))) {
        if (const std::optional<ScheduleType> type = inferType(reader))
            config.scheduleType = *type;
        else
            reader.problems.push_back(
                problem(QStringLiteral("schedule_type"),
                        QStringLiteral("missing (expected cron, interval, once or recurring)")));
        return;
    }
    const QString text = map.value(QStringLiteral("schedule_type")).toString();
    if (const std::optional<ScheduleType> type = scheduleTypeFromString(text))
        config.scheduleType = *type;
    else
        reader.problems.push_back(
            problem(QStringLiteral("schedule_type"),
                    QStringLiteral("'%1' is not one of cron, interval, once, recurring").arg(text)));
}

void checkUnused(const ScheduleConfig &c, std::vector<ScheduleProblem> &problems) {
    const QString type = toString(c.scheduleType);
    auto unused = [&](bool given, const char *key) {
        if (given)
            problems.push_back(
                problem(QLatin1String(key), QStringLiteral("not used by a %1 schedule").arg(type)));
    };
    unused(c.scheduleType != ScheduleType::Cron && !c.cronExpression.isEmpty(), "cron_expression");
    unused(c.scheduleType != ScheduleType::Cron && !c.dayOr, "day_or");
    unused(c.scheduleType != ScheduleType::Interval && c.intervalSeconds.has_value(), "interval_seconds");
    unused(c.scheduleType != ScheduleType::Recurring && !c.rrule.isEmpty(), "rrule");
    unused(c.scheduleType != ScheduleType::Interval && c.scheduleType != ScheduleType::Recurring &&
               c.anchor.has_value(),
           "anchor");
    unused(c.scheduleType == ScheduleType::Once && c.endDate.has_value(), "end_date");
}

void checkZone(const ScheduleConfig &c, std::vector<ScheduleProblem> &problems) {
    if (c.timezoneOffset && std::abs(*c.timezoneOffset) > 14 * 60)
        problems.push_back(
            problem(QStringLiteral("timezone_offset"),
                    QStringLiteral("%1 minutes is out of range -840..840").arg(*c.timezoneOffset)));
    QString error;
    const std::optional<ScheduleZone> zone = c.zone(&error);
    if (!zone) {
        problems.push_back(problem(QStringLiteral("timezone"), error));
        return;
    }
    const QString tzid =
        c.scheduleType == ScheduleType::Recurring ? RRuleSchedule::split(c.rrule).tzid : QString();
    if (!c.timezone.trimmed().isEmpty() && !tzid.isEmpty()) {
        // Two zones for one schedule: which clock DTSTART is read on would be a guess.
        const std::optional<ScheduleZone> named = ScheduleZone::fromText(tzid, &error);
        if (!named)
            problems.push_back(problem(QStringLiteral("rrule"), QStringLiteral("DTSTART;TZID: ") + error));
        else if (!named->sameZoneAs(*zone))
            problems.push_back(problem(QStringLiteral("timezone"),
                                       QStringLiteral("%1 contradicts the rrule's DTSTART;TZID=%2 (give the "
                                                      "zone once, or the same zone in both)")
                                           .arg(c.timezone.trimmed(), tzid)));
    }
    if (!c.timezoneOffset || zone->isFixedOffset()) return;
    // Both given (the guide's example gives both): the zone rules, but a contradicting offset is a mistake.
    const QTimeZone tz = zone->timeZone();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int offset = *c.timezoneOffset * 60;
    if (offset != tz.standardTimeOffset(now) && offset != tz.offsetFromUtc(now) &&
        offset != tz.offsetFromUtc(now.addMonths(6)))
        problems.push_back(problem(
            QStringLiteral("timezone_offset"),
            QStringLiteral("%1 minutes is not an offset %2 uses").arg(*c.timezoneOffset).arg(zone->id())));
}

/// An anchor (the CLI's --dtstart) and a DTSTART line in the rrule both say when it starts.
void checkDtstart(const ScheduleConfig &c, std::vector<ScheduleProblem> &problems) {
    if (c.scheduleType != ScheduleType::Recurring || !c.anchor) return;
    const QString line = RRuleSchedule::split(c.rrule).dtstart;
    if (line.isEmpty()) return;
    const std::optional<ScheduleZone> zone = c.zone();
    const std::optional<qint64> lineTime = zone ? parseScheduleTime(line, *zone) : std::nullopt;
    if (lineTime && *lineTime == c.anchor->toSecsSinceEpoch()) return;
    problems.push_back(
        problem(QStringLiteral("anchor"),
                QStringLiteral("the rrule has a DTSTART line already (%1); give DTSTART once").arg(line)));
}

void checkFields(const ScheduleConfig &c, std::vector<ScheduleProblem> &problems) {
    switch (c.scheduleType) {
        case ScheduleType::Cron:
            if (c.cronExpression.trimmed().isEmpty()) {
                problems.push_back(problem(QStringLiteral("cron_expression"),
                                           QStringLiteral("missing for a cron schedule")));
            } else {
                const CronParseResult cron = CronExpression::parse(c.cronExpression, c.dayOr);
                if (!cron.ok()) problems.push_back(problem(QStringLiteral("cron_expression"), cron.message));
            }
            break;
        case ScheduleType::Interval:
            if (!c.intervalSeconds)
                problems.push_back(problem(QStringLiteral("interval_seconds"),
                                           QStringLiteral("missing for an interval schedule")));
            else if (*c.intervalSeconds <= 0 || *c.intervalSeconds > MaxInterval)
                problems.push_back(problem(
                    QStringLiteral("interval_seconds"),
                    QStringLiteral("%1 is out of range 1..%2").arg(*c.intervalSeconds).arg(MaxInterval)));
            break;
        case ScheduleType::Once:
            if (!c.startDate)
                problems.push_back(
                    problem(QStringLiteral("start_date"),
                            QStringLiteral("missing: a once schedule fires at its start_date")));
            break;
        case ScheduleType::Recurring:
            if (c.rrule.trimmed().isEmpty())
                problems.push_back(
                    problem(QStringLiteral("rrule"), QStringLiteral("missing for a recurring schedule")));
            if (!c.anchor && !c.startDate && RRuleSchedule::split(c.rrule).dtstart.isEmpty())
                problems.push_back(problem(QStringLiteral("start_date"),
                                           QStringLiteral("missing: a recurring schedule needs start_date, "
                                                          "anchor or a DTSTART line in rrule")));
            else if (!c.rrule.trimmed().isEmpty()) {
                const QString message = RRuleSchedule::create(c.rrule, 0, ScheduleZone::utc()).message;
                if (!message.isEmpty()) problems.push_back({QStringLiteral("rrule"), message});
            }
            break;
    }
}

/// DTSTART of a recurring schedule on the zone's clock: anchor, else the rrule's DTSTART line,
/// else start_date. A time written without an offset keeps its wall time, even in a gap.
qint64 dtstartWall(const ScheduleConfig &c, const ScheduleZone &zone) {
    if (c.anchorWall) return *c.anchorWall;
    if (c.anchor) return zone.toWall(c.anchor->toSecsSinceEpoch());
    const QString line = RRuleSchedule::split(c.rrule).dtstart;
    if (!line.isEmpty()) {
        std::optional<qint64> wall;
        const qint64 t = parseScheduleTime(line, zone, nullptr, &wall).value_or(0);
        return wall ? *wall : zone.toWall(t);
    }
    return zone.toWall(c.startDate->toSecsSinceEpoch());
}

QString isoWall(qint64 wall) { return civilText(civilFromWall(wall)); }

}  // namespace

QString toString(ScheduleType type) {
    switch (type) {
        case ScheduleType::Cron:
            return QStringLiteral("cron");
        case ScheduleType::Interval:
            return QStringLiteral("interval");
        case ScheduleType::Once:
            return QStringLiteral("once");
        case ScheduleType::Recurring:
            return QStringLiteral("recurring");
    }
    return QString();
}

std::optional<ScheduleType> scheduleTypeFromString(const QString &text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("cron")) return ScheduleType::Cron;
    if (t == QLatin1String("interval")) return ScheduleType::Interval;
    if (t == QLatin1String("once")) return ScheduleType::Once;
    if (t == QLatin1String("recurring") || t == QLatin1String("rrule")) return ScheduleType::Recurring;
    return std::nullopt;
}

ScheduleConfigParseResult ScheduleConfig::fromVariantMap(const QVariantMap &map) {
    ScheduleConfigParseResult result;
    ScheduleConfig &c = result.config;
    MapReader reader(map);
    for (auto it = map.begin(); it != map.end(); ++it)
        if (!configKeys.contains(it.key()))
            reader.problems.push_back(
                problem(it.key(), QStringLiteral("unknown key%1").arg(didYouMean(it.key(), configKeys))));
    readType(map, reader, c);
    c.cronExpression = reader.text(QStringLiteral("cron_expression"));
    c.rrule = reader.text(QStringLiteral("rrule"));
    c.timezone = reader.text(QStringLiteral("timezone"));
    c.intervalSeconds = reader.integer(QStringLiteral("interval_seconds"));
    if (const std::optional<qint64> offset = reader.integer(QStringLiteral("timezone_offset")))
        c.timezoneOffset = int(*offset);
    if (reader.has(QStringLiteral("day_or"))) {
        if (const std::optional<bool> dayOr = readBool(map.value(QStringLiteral("day_or"))))
            c.dayOr = *dayOr;
        else
            reader.problems.push_back(
                problem(QStringLiteral("day_or"), QStringLiteral("expected true or false")));
    }
    // Dates without an offset are read on the schedule's clock, so the zone comes first.
    const ScheduleZone zone = c.zone().value_or(ScheduleZone::utc());
    c.startDate = reader.time(QStringLiteral("start_date"), zone);
    c.endDate = reader.time(QStringLiteral("end_date"), zone);
    c.anchor = reader.time(QStringLiteral("anchor"), zone, &c.anchorWall);
    result.problems = reader.problems;
    for (const ScheduleProblem &p : c.validate()) {
        const bool known = std::any_of(result.problems.begin(), result.problems.end(),
                                       [&](const ScheduleProblem &q) { return q.field == p.field; });
        if (!known) result.problems.push_back(p);
    }
    return result;
}

QVariantMap ScheduleConfig::toVariantMap() const {
    QVariantMap map;
    map.insert(QStringLiteral("schedule_type"), toString(scheduleType));
    auto iso = [](const QDateTime &t) { return t.toUTC().toString(Qt::ISODate); };
    if (!cronExpression.isEmpty()) map.insert(QStringLiteral("cron_expression"), cronExpression);
    if (intervalSeconds) map.insert(QStringLiteral("interval_seconds"), *intervalSeconds);
    if (startDate) map.insert(QStringLiteral("start_date"), iso(*startDate));
    if (endDate) map.insert(QStringLiteral("end_date"), iso(*endDate));
    if (!timezone.isEmpty()) map.insert(QStringLiteral("timezone"), timezone);
    if (timezoneOffset) map.insert(QStringLiteral("timezone_offset"), *timezoneOffset);
    if (!dayOr) map.insert(QStringLiteral("day_or"), false);
    if (!rrule.isEmpty()) map.insert(QStringLiteral("rrule"), rrule);
    if (anchor) map.insert(QStringLiteral("anchor"), anchorWall ? isoWall(*anchorWall) : iso(*anchor));
    return map;
}

std::optional<ScheduleZone> ScheduleConfig::zone(QString *error) const {
    if (!timezone.trimmed().isEmpty()) return ScheduleZone::fromText(timezone, error);
    // A TZID names a zone, as timezone does: it rules, and an offset must be one it uses.
    if (scheduleType == ScheduleType::Recurring) {
        const QString tzid = RRuleSchedule::split(rrule).tzid;
        if (!tzid.isEmpty()) return ScheduleZone::fromText(tzid, error);
    }
    if (timezoneOffset) return ScheduleZone::fixedOffset(*timezoneOffset * 60);
    return ScheduleZone::system();
}

std::vector<ScheduleProblem> ScheduleConfig::validate() const {
    std::vector<ScheduleProblem> problems;
    checkFields(*this, problems);
    checkUnused(*this, problems);
    checkZone(*this, problems);
    checkDtstart(*this, problems);
    if (startDate && endDate && *endDate < *startDate)
        problems.push_back(problem(QStringLiteral("end_date"), QStringLiteral("is before start_date")));
    return problems;
}

ScheduleConfig::BuildResult ScheduleConfig::build() const {
    BuildResult result;
    result.problems = validate();
    if (!result.problems.empty()) return result;
    const ScheduleZone tz = *zone();
    std::shared_ptr<const Schedule> schedule;
    switch (scheduleType) {
        case ScheduleType::Cron:
            schedule =
                std::make_shared<CronSchedule>(*CronExpression::parse(cronExpression, dayOr).expression, tz);
            break;
        case ScheduleType::Interval: {
            const qint64 first = anchor      ? anchor->toSecsSinceEpoch()
                                 : startDate ? startDate->toSecsSinceEpoch()
                                             : defaultAnchor(tz);
            const std::optional<qint64> firstWall = anchor ? anchorWall : std::nullopt;
            schedule = std::make_shared<IntervalSchedule>(*intervalSeconds, first, tz, firstWall);
            break;
        }
        case ScheduleType::Once:
            return {std::make_shared<OnceSchedule>(startDate->toSecsSinceEpoch()), {}};
        case ScheduleType::Recurring: {
            const qint64 dtstart = dtstartWall(*this, tz);
            RRuleSchedule::CreateResult created = RRuleSchedule::create(rrule, dtstart, tz);
            if (!created.schedule) {
                result.problems.push_back({QStringLiteral("rrule"), created.message});
                return result;
            }
            schedule = created.schedule;
            break;
        }
    }
    if (startDate || endDate)
        schedule = std::make_shared<WindowedSchedule>(schedule, secs(startDate), secs(endDate));
    result.schedule = schedule;
    return result;
}

std::optional<qint64> parseScheduleTime(const QString &text, const ScheduleZone &zone, QString *error,
                                        std::optional<qint64> *wallOut) {
    if (wallOut) wallOut->reset();
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0) return QDateTime::currentSecsSinceEpoch();
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:[T "
                       "](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = pattern.match(t);
    CivilTime c;
    if (m.hasMatch()) {
        c = CivilTime{m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(),
                      m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()};
    }
    const bool valid = m.hasMatch() && c.month >= 1 && c.month <= 12 && c.day >= 1 &&
                       c.day <= daysInMonth(c.year, c.month) && c.hour < 24 && c.minute < 60 && c.second < 60;
    if (!valid) {
        if (error)
            *error = QStringLiteral(
                         "'%1' is not a time (expected ISO 8601 such as 2026-03-08T07:00:00Z, "
                         "2026-03-08T02:30 on the schedule's clock, or now)")
                         .arg(t);
        return std::nullopt;
    }
    const qint64 wall = wallSeconds(c);
    const QString offset = m.captured(7);
    if (offset.isEmpty()) {
        if (wallOut) *wallOut = wall;
        return zone.fireInstant(wall);
    }
    if (offset.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0) return wall;
    const QString digits = QString(offset).remove(QLatin1Char(':'));
    const int seconds = digits.mid(1, 2).toInt() * 3600 + digits.mid(3, 2).toInt() * 60;
    return wall - (digits.startsWith(QLatin1Char('-')) ? -seconds : seconds);
}

std::optional<qint64> parseScheduleEnd(const QString &text, const ScheduleZone &zone, QString *error) {
    std::optional<qint64> wall;
    const std::optional<qint64> start = parseScheduleTime(text, zone, error, &wall);
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!start || !wall || !dateOnly.match(text.trimmed()).hasMatch()) return start;
    // The next midnight may itself be skipped; its instant is then the end of the gap.
    return zone.fireInstant(*wall + 86400) - 1;
}

}  // namespace flowdeck
