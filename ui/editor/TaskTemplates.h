#pragma once
/// @file What a user can add to a flow: one template per task kind, plus ready snippets.
/// Quick-Add on the canvas and the palette dock both list these.

#include "flow/Flow.h"

#include <vector>

namespace flowdeck {

struct TaskTemplate {
    QString title;        ///< what the list shows: "shell", "HTTP download (curl)"
    QString description;  ///< one line for a tooltip
    bool snippet = false; ///< a ready-made task rather than a bare kind
    Task task;            ///< the task to add (its name is a suggestion, made unique on adding)
};

class TaskTemplates {
public:
    /// The task kinds first (in taskKindNames() order), then the snippets.
    static const std::vector<TaskTemplate> &all();
    /// Templates whose title, description or kind contains every word of @p filter (any case).
    static std::vector<TaskTemplate> matching(const QString &filter);
};

}  // namespace flowdeck
