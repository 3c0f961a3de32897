#pragma once
/// @file Layered left-to-right layout of a flow's tasks with Graphviz's dot.

#include "FlowDocument.h"

namespace flowdeck {

class AutoLayout {
public:
    /// New top-left corners, snapped to the grid, for @p only (every task when empty). A part
    /// of the graph keeps the top-left corner of its bounding box, so it stays where it was.
    /// @p widths: how wide each node is drawn (canvas::nodeWidth when not given).
    static Placement layout(const Flow &flow, const QStringList &only, const QHash<QString, double> &widths = {});
};

}  // namespace flowdeck
