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

}  // namespace flowdeck
