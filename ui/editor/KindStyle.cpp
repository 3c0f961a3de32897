#include "KindStyle.h"

#include <QFont>
#include <QPainter>
#include <QPixmap>

namespace flowdeck {

QColor KindStyle::colour(TaskKind kind) {
    switch (kind) {
    case TaskKind::Shell: return QColor(0x3f, 0x8f, 0x5a);
    case TaskKind::Python: return QColor(0x36, 0x70, 0xb4);
    case TaskKind::Branch: return QColor(0xc8, 0x86, 0x10);
    case TaskKind::Subflow: return QColor(0x84, 0x5e, 0xc2);
    case TaskKind::Sleep: return QColor(0x4f, 0x8f, 0x9f);
    case TaskKind::Noop: return QColor(0x86, 0x8e, 0x96);
    case TaskKind::Approval: return QColor(0xb4, 0x4a, 0x6e);
    }
    return Qt::gray;
}

QString KindStyle::glyph(TaskKind kind) {
    switch (kind) {
    case TaskKind::Shell: return QStringLiteral("$_");
    case TaskKind::Python: return QStringLiteral("Py");
    case TaskKind::Branch: return QStringLiteral("?");
    case TaskKind::Subflow: return QStringLiteral("{}");
    case TaskKind::Sleep: return QStringLiteral("zz");
    case TaskKind::Noop: return QStringLiteral("\u2013");
    case TaskKind::Approval: return QStringLiteral("\u2713");
    }
    return {};
}

QIcon KindStyle::icon(TaskKind kind, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour(kind));
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    QFont font;
    font.setBold(true);
    font.setPixelSize(size * 9 / 20);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, glyph(kind));
    return QIcon(pixmap);
}

// Amber: apart from the kinds' colours and a branch's green and red; white text on it and the
// colour on a dark canvas both stay readable.
QColor KindStyle::triggerColour() { return QColor(0xb8, 0x60, 0x00); }

QString KindStyle::triggerMeaning(TriggerRule rule) {
    switch (rule) {
        case TriggerRule::AllSuccess:
            return tr("when every upstream succeeded");
        case TriggerRule::AllDone:
            return tr("when every upstream has finished, whatever its state");
        case TriggerRule::AllFailed:
            return tr("only when every upstream failed");
        case TriggerRule::AnySuccess:
            return tr("when at least one upstream succeeded");
        case TriggerRule::AnyFailed:
            return tr("only when at least one upstream failed");
        case TriggerRule::NoneFailed:
            return tr("when no upstream failed (skipped ones do not count)");
    }
    return {};
}

QColor KindStyle::brokenColour() { return QColor(0xd6, 0x3b, 0x3b); }

QColor KindStyle::colour(RunState state) {
    switch (state) {
    case RunState::Scheduled:
    case RunState::Pending: return QColor(0x9a, 0xa5, 0xb1);
    case RunState::Late: return QColor(0xd9, 0x8c, 0x1f);
    case RunState::Running:
    case RunState::Retrying: return QColor(0x2f, 0x7d, 0xe1);
    case RunState::AwaitingRetry: return QColor(0xe0, 0xa1, 0x1b);
    case RunState::Completed: return QColor(0x2e, 0xa0, 0x4f);
    case RunState::Cached: return QColor(0x2c, 0x9c, 0x9c);
    case RunState::Failed:
    case RunState::Crashed: return QColor(0xd6, 0x3b, 0x3b);
    case RunState::TimedOut: return QColor(0xc2, 0x4e, 0x1a);
    case RunState::Cancelling:
    case RunState::Cancelled: return QColor(0x75, 0x75, 0x75);
    case RunState::Paused: return QColor(0xa0, 0x7c, 0xc8);
    case RunState::Skipped: return QColor(0xb8, 0xb8, 0xb8);
    }
    return Qt::gray;
}

}  // namespace flowdeck
