#include "ThemeColours.h"

namespace flowdeck {

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

}  // namespace flowdeck
