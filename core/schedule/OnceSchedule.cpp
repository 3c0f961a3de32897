#include "OnceSchedule.h"

namespace flowdeck {

std::optional<qint64> OnceSchedule::nextAfter(qint64 after) const {
    if (at_ > after) return at_;
    return std::nullopt;
}

QString OnceSchedule::describe() const {
    return QStringLiteral("Once, at %1").arg(utcFromSecs(at_).toString(Qt::ISODate));
}

}  // namespace flowdeck
