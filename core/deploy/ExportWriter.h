#pragma once
/// @file Writes an export's files into a folder all at once: into a new folder beside it, then
/// renamed into place, so an error leaves nothing half-written and an existing folder intact.

#include "Exporter.h"

#include <QString>

namespace flowdeck {

/// Writes @p files into @p outDir. An existing @p outDir is refused unless @p force, in which case
/// it is replaced whole. Private files get mode 0600, executables 0755, others 0644.
/// Returns an empty string on success, else what went wrong (and nothing was changed).
QString writeExport(const std::vector<ExportedFile> &files, const QString &outDir, bool force);

}  // namespace flowdeck
