#include "ScheduleZone.h"

#include "flow/Diagnostic.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace flowdeck {

namespace {

constexpr qint64 Forever = std::numeric_limits<qint64>::max() / 4;
constexpr qint64 Day = 86400;

QDateTime utcDateTime(qint64 utc) {
    return QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc());
}

}  // namespace

/// The cached periods of one zone. Periods cover [periods.front().start, periods.back().end);
/// instants outside that span (before 1900 or after 2200) are asked of QTimeZone directly.
struct ScheduleZone::Table {
    QString id;
    QTimeZone zone;
    bool fixed = false;
    std::vector<Period> periods;

    Period slowPeriodAt(qint64 utc) const {
        const QDateTime at = utcDateTime(utc);
        Period p{-Forever, Forever, zone.offsetFromUtc(at)};
        const QTimeZone::OffsetData previous = zone.previousTransition(at.addSecs(1));
        if (previous.atUtc.isValid()) p.start = previous.atUtc.toSecsSinceEpoch();
        const QTimeZone::OffsetData next = zone.nextTransition(at);
        if (next.atUtc.isValid()) p.end = next.atUtc.toSecsSinceEpoch();
        return p;
    }

    Period periodAt(qint64 utc) const {
        if (periods.empty() || utc < periods.front().start || utc >= periods.back().end)
            return slowPeriodAt(utc);
        const auto it = std::upper_bound(periods.begin(), periods.end(), utc,
                                         [](qint64 t, const Period &p) { return t < p.start; });
        return *(it - 1);
    }
};

namespace {

std::shared_ptr<const ScheduleZone::Table> fixedTable(int offset) {
    auto table = std::make_shared<ScheduleZone::Table>();
    table->fixed = true;
    table->zone = offset == 0 ? QTimeZone::utc() : QTimeZone(offset);
    if (offset == 0) {
        table->id = QStringLiteral("UTC");
    } else {
        const int minutes = std::abs(offset) / 60;
        table->id = QStringLiteral("%1%2:%3")
                        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    table->periods.push_back({-Forever, Forever, offset});
    return table;
}

std::shared_ptr<const ScheduleZone::Table> buildTable(const QTimeZone &zone) {
    auto table = std::make_shared<ScheduleZone::Table>();
    table->id = QString::fromUtf8(zone.id());
    table->zone = zone;
    const QDateTime from(QDate(1900, 1, 1), QTime(0, 0), QTimeZone::utc());
    const QDateTime to(QDate(2200, 1, 1), QTime(0, 0), QTimeZone::utc());
    std::vector<ScheduleZone::Period> &periods = table->periods;
    periods.push_back(table->slowPeriodAt(from.toSecsSinceEpoch()));
    for (const QTimeZone::OffsetData &t : zone.transitions(from.addSecs(1), to)) {
        const qint64 at = t.atUtc.toSecsSinceEpoch();
        // Some zones list transitions that change only the name or the DST flag; merge those.
        if (at <= periods.back().start || t.offsetFromUtc == periods.back().offset) continue;
        periods.push_back({at, Forever, t.offsetFromUtc});
    }
    for (size_t i = 0; i + 1 < periods.size(); ++i) periods[i].end = periods[i + 1].start;
    // Past 2200 the table ends; a zone that still changes then is asked directly (slow path).
    const bool changesLater = table->slowPeriodAt(to.toSecsSinceEpoch()).end < Forever;
    periods.back().end = changesLater ? std::max(periods.back().start + 1, to.toSecsSinceEpoch()) : Forever;
    return table;
}

/// One table per zone, built once: building asks QTimeZone for three centuries of transitions.
std::shared_ptr<const ScheduleZone::Table> sharedTable(const QTimeZone &zone) {
    static QMutex mutex;
    static QHash<QByteArray, std::shared_ptr<const ScheduleZone::Table>> tables;
    QMutexLocker lock(&mutex);
    auto &table = tables[zone.id()];
    if (!table) table = buildTable(zone);
    return table;
}

/// Whether the tz database has a zone called @p id. Qt 6.4's isTimeZoneIdAvailable() knows only
/// the names in zone.tab, not links such as US/Eastern, Asia/Calcutta or Etc/UTC; and
/// QTimeZone(id) alone accepts any text as a POSIX rule ("foo" becomes UTC). So a name counts
/// when a TZif file of that name exists.
bool isZoneName(const QByteArray &id) {
    if (QTimeZone::isTimeZoneIdAvailable(id)) return true;
    // IANA names are letters, digits, '_', '-' and '+' between slashes; no dots, so no "..".
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$"));
    const QString name = QString::fromUtf8(id);
    if (!shape.match(name).hasMatch() || name == QLatin1String("localtime") ||
        name == QLatin1String("posixrules"))
        return false;
    QStringList folders = {QStringLiteral("/usr/share/zoneinfo"), QStringLiteral("/usr/lib/zoneinfo"),
                           QStringLiteral("/usr/share/lib/zoneinfo")};
    if (qEnvironmentVariableIsSet("TZDIR")) folders.prepend(qEnvironmentVariable("TZDIR"));
    for (const QString &folder : folders) {
        QFile file(folder + QLatin1Char('/') + name);
        if (file.open(QIODevice::ReadOnly)) return file.read(4) == "TZif";
    }
    return false;
}

QString unknownZoneMessage(const QString &text) {
    QStringList known;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) known << QString::fromUtf8(id);
    return QStringLiteral(
               "unknown time zone '%1'%2; expected an IANA name such as Europe/Berlin, UTC, or an "
               "offset such as +05:30")
        .arg(text, didYouMean(text, known));
}

std::optional<int> parseOffset(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("^(?:UTC|GMT)?([+-])(\\d{1,2})(?::?(\\d{2}))?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch()) return std::nullopt;
    const int hours = m.captured(2).toInt();
    const int minutes = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
    if (hours > 14 || minutes > 59 || hours * 60 + minutes > 14 * 60) return std::nullopt;
    const int seconds = hours * 3600 + minutes * 60;
    return m.captured(1) == QLatin1String("-") ? -seconds : seconds;
}

}  // namespace

ScheduleZone::ScheduleZone() : table_(fixedTable(0)) {}

ScheduleZone::ScheduleZone(std::shared_ptr<const Table> table) : table_(std::move(table)) {}

ScheduleZone ScheduleZone::utc() {
    return ScheduleZone();
}

ScheduleZone ScheduleZone::system() {
    const QTimeZone zone = QTimeZone::systemTimeZone();
    if (!zone.isValid() || zone.id() == "UTC" || zone.id() == "Etc/UTC") return utc();
    return ScheduleZone(sharedTable(zone));
}

ScheduleZone ScheduleZone::fixedOffset(int offsetSeconds) {
    return ScheduleZone(fixedTable(offsetSeconds));
}

std::optional<ScheduleZone> ScheduleZone::fromText(const QString &text, QString *error) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) return system();
    if (trimmed.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0 || trimmed == QLatin1String("Z"))
        return utc();
    if (const std::optional<int> offset = parseOffset(trimmed)) return fixedOffset(*offset);
    const QByteArray id = trimmed.toUtf8();
    // The system zone is what it is, even when TZ names it some other way.
    if (isZoneName(id) || id == QTimeZone::systemTimeZoneId()) {
        const QTimeZone zone(id);
        if (zone.isValid()) return ScheduleZone(sharedTable(zone));
    }
    if (error) *error = unknownZoneMessage(trimmed);
    return std::nullopt;
}

QString ScheduleZone::id() const {
    return table_->id;
}

bool ScheduleZone::sameZoneAs(const ScheduleZone &other) const {
    if (id() == other.id()) return true;
    if (isFixedOffset() || other.isFixedOffset()) return false;
    const QDir zoneinfo(QStringLiteral("/usr/share/zoneinfo"));
    const QString mine = QFileInfo(zoneinfo.filePath(id())).canonicalFilePath();
    return !mine.isEmpty() && mine == QFileInfo(zoneinfo.filePath(other.id())).canonicalFilePath();
}

bool ScheduleZone::isFixedOffset() const {
    return table_->fixed;
}

QTimeZone ScheduleZone::timeZone() const {
    return table_->zone;
}

int ScheduleZone::offsetAt(qint64 utc) const {
    if (table_->fixed) return table_->periods.front().offset;
    return table_->periodAt(utc).offset;
}

ScheduleZone::Period ScheduleZone::periodAt(qint64 utc) const {
    return table_->periodAt(utc);
}

ScheduleZone::Resolution ScheduleZone::resolve(qint64 wall) const {
    Resolution r;
    // Offsets stay within a day of UTC, so every instant showing `wall` lies in wall ± 1 day.
    Period p = table_->periodAt(wall - Day);
    for (int guard = 0; guard < 16; ++guard) {
        const qint64 u = wall - p.offset;
        if (u >= p.start && u < p.end) {
            if (r.count == 0)
                r.first = u;
            else
                r.second = u;
            ++r.count;
        }
        if (p.end >= Forever || p.end > wall + Day) break;
        const Period next = table_->periodAt(p.end);
        if (r.count == 0 && wall >= p.end + p.offset && wall < p.end + next.offset) r.gapEnd = p.end;
        p = next;
    }
    return r;
}

qint64 ScheduleZone::fireInstant(qint64 wall) const {
    const Resolution r = resolve(wall);
    return r.count > 0 ? r.first : r.gapEnd;
}

QString ScheduleZone::abbreviation(qint64 utc) const {
    if (table_->fixed) {
        const int offset = offsetAt(utc);
        if (offset == 0) return QStringLiteral("UTC");
        return QString(table_->id).remove(QLatin1Char(':'));
    }
    return table_->zone.abbreviation(utcDateTime(utc));
}

}  // namespace flowdeck
