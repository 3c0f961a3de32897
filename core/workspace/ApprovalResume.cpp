#include "workspace/ApprovalResume.h"

#include "engine/Approval.h"
#include "store/RunStore.h"
#include "workspace/RunRequests.h"

namespace flowdeck {

std::optional<Task> approvalTaskOf(const FlowRunRecord &run, const QString &task) {
    const std::optional<Flow> flow = flowOfRun(run);
    const Task *found = flow ? flow->task(task) : nullptr;
    if (!found) return std::nullopt;
    return *found;
}

ApprovalResume resumeApproval(RunStore &store, const FlowRunRecord &run, const QString &task,
                              const QHash<QString, QString> &text, const QVariantMap &typed) {
    ApprovalResume r;
    const std::optional<Task> approval = approvalTaskOf(run, task);
    if (!approval) {
        r.outcome = ApprovalResume::Outcome::NoSuchTask;
        r.problems << QStringLiteral("the flow snapshot of run %1 has no task '%2'").arg(run.id.left(8), task);
        return r;
    }
    r.values = approvalValues(*approval, text, typed, &r.problems);
    if (!r.problems.isEmpty()) {
        r.outcome = ApprovalResume::Outcome::BadValues;
        return r;
    }
    QString error;
    if (!store.approve(run.id, task, r.values, &error)) {
        r.problems << error;
        return r;
    }
    r.outcome = ApprovalResume::Outcome::Resumed;
    return r;
}

}  // namespace flowdeck
