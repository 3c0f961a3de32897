#include "WindowedSchedule.h"

#include <algorithm>

namespace flowdeck {

WindowedSchedule::WindowedSchedule(std::shared_ptr<const Schedule> inner, std::optional<qint64> start,
                                   std::optional<qint64> end)
    : inner_(std::move(inner)), start_(start), end_(end) {}

std::optional<qint64> WindowedSchedule::nextAfter(qint64 after) const {
    if (end_ && after >= *end_) return std::nullopt;
    const std::optional<qint64> next = inner_->nextAfter(start_ ? std::max(after, *start_ - 1) : after);
    if (next && end_ && *next > *end_) return std::nullopt;
    return next;
}

QString WindowedSchedule::describe() const {
    QString text = inner_->describe();
    if (start_) text += QStringLiteral(", starting %1").arg(utcFromSecs(*start_).toString(Qt::ISODate));
    if (end_) text += QStringLiteral(", ending %1").arg(utcFromSecs(*end_).toString(Qt::ISODate));
    return text;
}

}  // namespace flowdeck
