#pragma once
/// @file Colours derived from the palette, for roles that themes do not fill in reliably.

#include <QColor>
#include <QPalette>

namespace flowdeck {

/// Secondary text (node subtitles, section headers, line numbers): @p text blended toward
/// @p background, so it is quieter than the text yet readable on light and dark themes alike.
/// Used instead of QPalette::PlaceholderText, which Qt 6.4's platform themes often leave at its
/// light-theme value: dark grey, nearly invisible on a dark background.
QColor mutedText(const QPalette &palette, QPalette::ColorRole text = QPalette::Text,
                 QPalette::ColorRole background = QPalette::Base);

/// The fill of a small label on a node (a badge): a little of the text colour over the base, so
/// it stands out from the node a little on light and dark themes, and its text stays readable.
QColor badgeFill(const QPalette &palette);

/// The outline of a node's connection port: most of the way from the base to the text colour, so
/// that a port stands out from the node and the canvas on light and dark themes alike (the
/// palette's Dark role is darker than a dark theme's base, and the ports all but vanished).
QColor portOutline(const QPalette &palette);
/// The fill of a plain (not branch) port: a little lighter or darker than the node's base.
QColor portFill(const QPalette &palette);

/// The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);

}  // namespace flowdeck
