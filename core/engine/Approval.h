#pragma once
/// @file The values that resume an approval task: checked against the inputs it declares, with
/// their defaults, the same way for `flowdeck-cli runs resume --input`, a GUI form and the engine.

#include "flow/Flow.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace flowdeck {

/// @p text holds values as typed (`--input name=value`), @p typed values a form already typed;
/// a typed value wins. Inputs left out take their default; one without a default is a problem,
/// as is a value the input's type or limits refuse, or an input the task does not declare.
/// Returns the values (the task's result, and what downstream tasks get) when @p problems
/// stays empty.
QVariantMap approvalValues(const Task &task, const QHash<QString, QString> &text, const QVariantMap &typed,
                           QStringList *problems);

}  // namespace flowdeck
