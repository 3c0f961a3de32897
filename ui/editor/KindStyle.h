#pragma once
/// @file How task kinds and run states look: one colour and one short glyph each, shared by the
/// canvas, the minimap, Quick-Add and the palette.

#include "engine/RunState.h"
#include "flow/Flow.h"

#include <QColor>
#include <QIcon>

namespace flowdeck {

class KindStyle {
public:
    static QColor colour(TaskKind kind);
    /// One or two characters drawn in the kind's badge: "$", "Py", "?", ...
    static QString glyph(TaskKind kind);
    /// A round badge with the glyph, for lists and menus.
    static QIcon icon(TaskKind kind, int size = 32);
    static QColor colour(RunState state);
};

}  // namespace flowdeck
