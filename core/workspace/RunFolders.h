#pragma once
/// @file The per-run scratch folders on disk, and removing those of runs the store forgot.

#include <QString>

namespace flowdeck {

class RunStore;

/// Removes the scratch folders under @p runsDirectory (default: defaultRunsDirectory()) of runs
/// the store no longer knows (pruned by retention) that were last changed more than @p days ago.
/// Returns how many folders it removed.
int pruneRunDirectories(const RunStore &store, int days, const QString &runsDirectory = {});

}  // namespace flowdeck
