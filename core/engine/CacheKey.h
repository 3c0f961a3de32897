#pragma once
/// @file Cache keys of task runs, from the task's definition and its resolved inputs.

#include "flow/Flow.h"

#include <QString>
#include <QVariant>

namespace flowdeck {

/// SHA-256 hex of what the task's cache policy says identifies a result:
/// `inputs`: flow, task, parameters, upstream results and map item; `inputs+source` adds the
/// definition (kind, script, language, env, subflow, workdir, map); `per-run`: the run id too.
/// Secret values enter only through the hash, never in clear.
QString cacheKey(const Task &task, const QString &flowName, const QString &runId, int mapIndex,
                 const QVariantMap &parameters, const QVariantMap &upstream, const QVariant &item);

}  // namespace flowdeck
