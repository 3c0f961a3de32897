#pragma once
/// @file Pictures of a flow's graph: PNG (rendered at 2x for crisp text) and SVG.

#include <QImage>
#include <QString>

namespace flowdeck {

class FlowScene;

class GraphExport {
public:
    /// Everything on the canvas at @p scale, on the canvas's background, without selection marks.
    static QImage toImage(FlowScene *scene, double scale = 2.0);
    /// Empty on success, else what went wrong.
    static QString savePng(FlowScene *scene, const QString &path, double scale = 2.0);
    static QString saveSvg(FlowScene *scene, const QString &path);
};

}  // namespace flowdeck
