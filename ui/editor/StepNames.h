#pragma once
/// @file The names undo steps on several canvas items get in History ("Delete task 'load'",
/// "Paste 3 tasks"): whole sentences per verb and count, so a translation can word each one.

#include "FlowDocument.h"

#include <QString>

namespace flowdeck {

enum class ItemVerb { Delete, Cut, Paste, Duplicate };

/// "Delete task 'load'" for one task ("Paste 1 task": a pasted copy's name is new), "Delete 3
/// tasks" for tasks only, "Delete 4 items" when
/// notes or groups are among them; "Delete connection(s)" when @p items is empty and
/// @p connections is not.
QString stepName(ItemVerb verb, const ItemSet &items, int connections = 0);

}  // namespace flowdeck
