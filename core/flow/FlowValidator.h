#pragma once
/// @file Semantic checks of a flow model (references, cycles, names, parameter constraints).

#include "Diagnostic.h"
#include "Flow.h"

namespace flowdeck {

/// Checks what the file syntax cannot: names, references, cycles, kind-specific settings and
/// parameter defaults. Uses the flow's source map for locations when it has one.
class FlowValidator {
public:
    static Diagnostics validate(const Flow &flow, const QString &fileName = QString());

    /// Empty when @p value fits the parameter (type, min/max, allowed), else what is wrong,
    /// e.g. "expected int, got 'abc'". Used for defaults and for values given to a run.
    static QString checkValue(const Parameter &parameter, const QVariant &value);
    /// Converts command-line text ("3", "a,b", JSON for lists and maps) to the parameter's type.
    /// On failure returns an invalid QVariant and sets @p error.
    static QVariant valueFromText(const Parameter &parameter, const QString &text, QString *error);
};

}  // namespace flowdeck
