#include "ThemeColours.h"

#include <algorithm>
#include <cmath>

namespace flowdeck {

namespace {

// @p parts in @p of of the way from @p back to @p fore.
QColor blend(const QColor &fore, const QColor &back, int parts, int of) {
    const auto mix = [&](int a, int b) { return (a * parts + b * (of - parts)) / of; };
    return QColor(mix(fore.red(), back.red()), mix(fore.green(), back.green()), mix(fore.blue(), back.blue()));
}

double luminance(const QColor &c) {
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

}  // namespace

QColor mutedText(const QPalette &palette, QPalette::ColorRole text, QPalette::ColorRole background) {
    // Three fifths of the way to the text: on white, black gives #666 (well above 4.5:1 contrast).
    const QColor fore = palette.color(text);
    const QColor back = palette.color(background);
    const auto mix = [](int a, int b) { return (a * 3 + b * 2) / 5; };
    return QColor(mix(fore.red(), back.red()), mix(fore.green(), back.green()),
                  mix(fore.blue(), back.blue()));
}

QColor badgeFill(const QPalette &palette) {
    const QColor fore = palette.color(QPalette::Text);
    const QColor back = palette.color(QPalette::Base);
    const auto mix = [](int a, int b) { return (a * 3 + b * 17) / 20; };
    return QColor(mix(fore.red(), back.red()), mix(fore.green(), back.green()), mix(fore.blue(), back.blue()));
}

QColor portOutline(const QPalette &palette) {
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 7, 10);
}

QColor portFill(const QPalette &palette) {
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 1, 5);
}

double contrastRatio(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace flowdeck
