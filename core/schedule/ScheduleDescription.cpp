#include "ScheduleDescription.h"

#include "CivilTime.h"
#include "CronDescription.h"
#include "CronExpression.h"
#include "IntervalSchedule.h"
#include "RRuleSchedule.h"

#include <QHash>
#include <QStringList>

namespace flowdeck {

namespace {

QString joinedAnd(const QStringList &words) {
    if (words.size() < 2) return words.join(QString());
    return QStringList(words.mid(0, words.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ") +
           words.last();
}

QString dayName(const QString &code) {
    static const QHash<QString, QString> names = {{"MO", "Monday"},   {"TU", "Tuesday"}, {"WE", "Wednesday"},
                                                  {"TH", "Thursday"}, {"FR", "Friday"},  {"SA", "Saturday"},
                                                  {"SU", "Sunday"}};
    return names.value(code.right(2).toUpper());
}

QString two(int n) {
    return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
}

QString wallText(qint64 wall) {
    const CivilTime t = civilFromWall(wall);
    return QStringLiteral("%1-%2-%3 at %4:%5")
        .arg(t.year)
        .arg(two(t.month), two(t.day), two(t.hour), two(t.minute));
}

}  // namespace

QString describeRRule(const QString &ruleText) {
    const QString rule = RRuleSchedule::split(ruleText).rule;
    QHash<QString, QString> parts;
    for (const QString &part : rule.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const int eq = part.indexOf(QLatin1Char('='));
        if (eq > 0) parts.insert(part.left(eq).trimmed().toUpper(), part.mid(eq + 1).trimmed());
    }
    static const QHash<QString, QPair<QString, QString>> freq = {{"MINUTELY", {"Every minute", "minutes"}},
                                                                 {"HOURLY", {"Hourly", "hours"}},
                                                                 {"DAILY", {"Daily", "days"}},
                                                                 {"WEEKLY", {"Weekly", "weeks"}},
                                                                 {"MONTHLY", {"Monthly", "months"}},
                                                                 {"YEARLY", {"Yearly", "years"}}};
    const QStringList known = {"FREQ",       "INTERVAL", "BYDAY", "BYHOUR", "BYMINUTE",
                               "BYMONTHDAY", "COUNT",    "UNTIL", "WKST"};
    bool plain = freq.contains(parts.value("FREQ").toUpper());
    for (auto it = parts.constBegin(); it != parts.constEnd(); ++it)
        plain = plain && known.contains(it.key());
    QStringList days;
    for (const QString &d : parts.value("BYDAY").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        plain = plain && d.size() == 2 && !dayName(d).isEmpty();  // "1MO" (the first Monday) is not plain
        days << dayName(d);
    }
    if (!plain) return QStringLiteral("Repeats by the rule %1").arg(rule);
    const auto f = freq.value(parts.value("FREQ").toUpper());
    const int interval = parts.value("INTERVAL", "1").toInt();
    QString text = interval > 1 ? QStringLiteral("Every %1 %2").arg(interval).arg(f.second) : f.first;
    if (!days.isEmpty()) text += QStringLiteral(" on ") + joinedAnd(days);
    if (parts.contains("BYMONTHDAY"))
        text += QStringLiteral(" on day %1 of the month").arg(parts.value("BYMONTHDAY"));
    const QStringList hours = parts.value("BYHOUR").split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QStringList minutes = parts.value("BYMINUTE", "0").split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!hours.isEmpty()) {
        QStringList times;
        for (const QString &h : hours)
            for (const QString &m : minutes) times << two(h.toInt()) + QLatin1Char(':') + two(m.toInt());
        text += QStringLiteral(" at ") + joinedAnd(times);
    } else if (parts.contains("BYMINUTE")) {
        text += QStringLiteral(" at minute ") + joinedAnd(minutes);
    }
    if (parts.contains("COUNT")) text += QStringLiteral(", %1 times").arg(parts.value("COUNT"));
    if (parts.contains("UNTIL")) text += QStringLiteral(", until %1").arg(parts.value("UNTIL"));
    return text;
}

QString describeSchedule(const ScheduleConfig &config) {
    switch (config.scheduleType) {
        case ScheduleType::Cron: {
            const CronParseResult parsed = CronExpression::parse(config.cronExpression, config.dayOr);
            return parsed.ok() ? describeCron(*parsed.expression) : QString();
        }
        case ScheduleType::Interval:
            if (!config.intervalSeconds || *config.intervalSeconds <= 0) return QString();
            return QStringLiteral("Every ") + describeSeconds(*config.intervalSeconds) +
                   (config.anchorWall ? QStringLiteral(", from ") + wallText(*config.anchorWall) : QString());
        case ScheduleType::Once: {
            if (!config.startDate) return QString();
            const auto zone = config.zone();
            const qint64 at = config.startDate->toSecsSinceEpoch();
            return QStringLiteral("Once, on ") + wallText(zone ? zone->toWall(at) : at);
        }
        case ScheduleType::Recurring:
            return config.rrule.isEmpty() ? QString() : describeRRule(config.rrule);
    }
    return QString();
}

}  // namespace flowdeck
