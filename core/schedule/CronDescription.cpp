#include "CronDescription.h"

#include "CronExpression.h"

#include <QStringList>

namespace flowdeck {

namespace {

const char *const weekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char *const months[] = {"",     "January", "February",  "March",   "April",    "May",     "June",
                              "July", "August",  "September", "October", "November", "December"};

QList<int> values(quint64 bits, int min, int max) {
    QList<int> list;
    for (int v = min; v <= max; ++v)
        if ((bits >> v) & 1) list << v;
    return list;
}

/// The step n when the values are exactly min, min+n, min+2n ... up to max (n > 1).
int stepOf(const QList<int> &list, int min, int max) {
    if (list.size() < 2 || list.first() != min) return 0;
    const int step = list[1] - list[0];
    for (int i = 0; i < list.size(); ++i)
        if (list[i] != min + i * step) return 0;
    return list.last() + step > max ? step : 0;
}

bool isRange(const QList<int> &list) {
    return list.size() >= 3 && list.last() - list.first() + 1 == list.size();
}

/// "a", "a and b", "a, b and c".
QString joined(const QStringList &items) {
    if (items.size() <= 1) return items.value(0);
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ") +
           items.last();
}

QString ordinal(int n) {
    const int tens = n % 100;
    const char *suffix = (tens >= 11 && tens <= 13) ? "th"
                         : n % 10 == 1              ? "st"
                         : n % 10 == 2              ? "nd"
                         : n % 10 == 3              ? "rd"
                                                    : "th";
    return QString::number(n) + QLatin1String(suffix);
}

QString clock(int hour, int minute) {
    return QStringLiteral("%1:%2").arg(hour, 2, 10, QLatin1Char('0')).arg(minute, 2, 10, QLatin1Char('0'));
}

QString numbers(const QList<int> &list) {
    QStringList items;
    for (int v : list) items << QString::number(v);
    return joined(items);
}

QString minutePhrase(const QList<int> &minutes) {
    if (minutes.size() == 60) return QStringLiteral("Every minute");
    if (const int step = stepOf(minutes, 0, 59)) return QStringLiteral("Every %1 minutes").arg(step);
    if (isRange(minutes))
        return QStringLiteral("Every minute from %1 through %2 past the hour")
            .arg(minutes.first())
            .arg(minutes.last());
    if (minutes.size() == 1) return QStringLiteral("At minute %1").arg(minutes.first());
    return QStringLiteral("At minutes %1").arg(numbers(minutes));
}

QString hourPhrase(const QList<int> &hours) {
    if (hours.size() == 24) return QString();
    if (const int step = stepOf(hours, 0, 23)) return QStringLiteral("every %1 hours").arg(step);
    if (isRange(hours))
        return QStringLiteral("between %1 and %2").arg(clock(hours.first(), 0), clock(hours.last(), 59));
    QStringList items;
    for (int h : hours) items << clock(h, 0) + QLatin1Char('-') + clock(h, 59);
    return QStringLiteral("during %1").arg(joined(items));
}

QString timePart(const CronExpression &cron) {
    const QList<int> minutes = values(cron.minutes(), 0, 59);
    const QList<int> hours = values(cron.hours(), 0, 23);
    if (hours.size() == 24 && minutes.size() == 1)
        return minutes.first() == 0 ? QStringLiteral("Every hour")
                                    : QStringLiteral("At %1 minutes past every hour").arg(minutes.first());
    if (minutes.size() * hours.size() <= 6) {
        QStringList times;
        for (int h : hours)
            for (int m : minutes) times << clock(h, m);
        return QStringLiteral("At ") + joined(times);
    }
    if (minutes.size() == 1 && minutes.first() == 0 && stepOf(hours, 0, 23))
        return QStringLiteral("Every %1 hours").arg(stepOf(hours, 0, 23));
    const QString hourText = hourPhrase(hours);
    return hourText.isEmpty() ? minutePhrase(minutes)
                              : minutePhrase(minutes) + QStringLiteral(", ") + hourText;
}

QString dayOfMonthPhrase(const QList<int> &days) {
    if (const int step = stepOf(days, 1, 31))
        return QStringLiteral("on every %1 day of the month").arg(ordinal(step));
    if (isRange(days))
        return QStringLiteral("on days %1 through %2 of the month").arg(days.first()).arg(days.last());
    return QStringLiteral("on %1 %2 of the month")
        .arg(days.size() == 1 ? QStringLiteral("day") : QStringLiteral("days"), numbers(days));
}

QString weekdayPhrase(const QList<int> &days) {
    if (isRange(days))
        return QStringLiteral("%1 through %2")
            .arg(QLatin1String(weekdays[days.first()]), QLatin1String(weekdays[days.last()]));
    QStringList items;
    for (int d : days) items << QLatin1String(weekdays[d]);
    return joined(items);
}

QString monthPhrase(const QList<int> &list) {
    if (isRange(list))
        return QStringLiteral("%1 through %2")
            .arg(QLatin1String(months[list.first()]), QLatin1String(months[list.last()]));
    QStringList items;
    for (int m : list) items << QLatin1String(months[m]);
    return joined(items);
}

QString dayPart(const CronExpression &cron) {
    const QList<int> daysOfMonth = values(cron.daysOfMonth(), 1, 31);
    const QList<int> weekdayList = values(cron.daysOfWeek(), 0, 6);
    const bool byMonthDay = daysOfMonth.size() < 31;
    const bool byWeekday = weekdayList.size() < 7;
    if (byMonthDay && byWeekday) {
        const bool either = cron.dayOr() && cron.dayOfMonthRestricted() && cron.dayOfWeekRestricted();
        return QStringLiteral(" %1%2 %3")
            .arg(dayOfMonthPhrase(daysOfMonth),
                 either ? QStringLiteral(" or on") : QStringLiteral(", if it is a"),
                 weekdayPhrase(weekdayList));
    }
    if (byMonthDay) return QLatin1Char(' ') + dayOfMonthPhrase(daysOfMonth);
    if (byWeekday) return QStringLiteral(", ") + weekdayPhrase(weekdayList);
    return QString();
}

}  // namespace

QString describeCron(const CronExpression &cron) {
    QString text = timePart(cron) + dayPart(cron);
    const QList<int> monthList = values(cron.months(), 1, 12);
    if (monthList.size() < 12) text += QStringLiteral(", in ") + monthPhrase(monthList);
    return text;
}

}  // namespace flowdeck
