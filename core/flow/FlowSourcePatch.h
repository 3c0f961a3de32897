#pragma once
/// @file Saving an edit by patching the file the user wrote instead of rewriting it: only the
/// lines of the entries whose value changed are replaced, so key order, block or flow style,
/// quoting, blank lines, comments and keys Flowdeck does not know all stay as they were.

#include "Flow.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace flowdeck {

/// @brief The text of @p source (which reads as @p before) changed so that it reads as @p after.
/// @p renamed maps old task names to new ones, so a rename rewrites only the key and references.
/// Entries that did not change keep their bytes; a changed entry keeps its trailing comment where
/// it is one line; new entries go where the canonical writer would put them among the existing
/// ones, at the indentation the file uses. When @p source is not a block mapping at all (empty,
/// one flow-style line) the result is the canonical text of @p after.
QByteArray patchFlowSource(const QByteArray &source, const Flow &before, const Flow &after,
                           const QHash<QString, QString> &renamed = {});

}  // namespace flowdeck
