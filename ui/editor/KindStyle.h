#pragma once
/// @file How task kinds and run states look: one colour and one short glyph each, shared by the
/// canvas, the minimap, Quick-Add and the palette.

#include "engine/RunState.h"
#include "flow/Flow.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>

namespace flowdeck {

class KindStyle {
    Q_DECLARE_TR_FUNCTIONS(KindStyle)

public:
    static QColor colour(TaskKind kind);
    /// One or two characters drawn in the kind's badge: "$", "Py", "?", ...
    static QString glyph(TaskKind kind);
    /// A round badge with the glyph, for lists and menus.
    static QIcon icon(TaskKind kind, int size = 32);
    static QColor colour(RunState state);
    /// Marks a trigger rule other than all_success: the node's badge and the edges into it.
    static QColor triggerColour();
    /// When a task with @p rule runs, in words: "only when at least one upstream failed".
    static QString triggerMeaning(TriggerRule rule);
    /// A dependency on a task that does not exist.
    static QColor brokenColour();
};

}  // namespace flowdeck
