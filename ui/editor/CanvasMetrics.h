#pragma once
/// @file Sizes shared by the canvas items, the layout and the exporters (scene pixels).

#include <QPointF>
#include <cmath>

namespace flowdeck::canvas {

constexpr double gridSize = 20;
/// The narrowest a node is; it widens to show its whole name and badges, up to maxNodeWidth.
constexpr double nodeWidth = 180;
/// Past this a long name is elided (the tooltip has it whole): hand-placed columns are 240 apart.
constexpr double maxNodeWidth = 260;
constexpr double nodeHeight = 60;
constexpr double portRadius = 6;
/// Below this zoom a node is a plain coloured box: text would be unreadable anyway.
constexpr double detailZoom = 0.4;

inline double snap(double v) { return std::round(v / gridSize) * gridSize; }
inline QPointF snap(QPointF p) { return {snap(p.x()), snap(p.y())}; }

}  // namespace flowdeck::canvas
