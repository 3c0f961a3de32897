#pragma once
/// @file Resuming a run Paused at an approval task with the values a person gives: what
/// `flowdeck-cli runs resume --input` and Run Detail's Approve… both do, so they check alike.

#include "flow/Flow.h"
#include "run/RunRecords.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace flowdeck {

class RunStore;

/// How a resume went; the problems say why when it did not.
struct ApprovalResume {
    enum class Outcome { Resumed, NoSuchTask, BadValues, NotResumed };
    Outcome outcome = Outcome::NotResumed;
    QVariantMap values;    ///< what the task got (its result), once Resumed
    QStringList problems;  ///< the engine's words: a value an input refuses, a run not waiting...
    bool resumed() const { return outcome == Outcome::Resumed; }
};

/// The approval task @p task of @p run as the run has it (its snapshot); nullopt when the
/// snapshot cannot be read or has no such task.
std::optional<Task> approvalTaskOf(const FlowRunRecord &run, const QString &task);

/// Checks @p text (values as typed, `--input name=value`) and @p typed (a form's values) against
/// @p task's inputs (approvalValues) and, when they pass, resumes @p run at it in @p store.
ApprovalResume resumeApproval(RunStore &store, const FlowRunRecord &run, const QString &task,
                              const QHash<QString, QString> &text, const QVariantMap &typed);

}  // namespace flowdeck
