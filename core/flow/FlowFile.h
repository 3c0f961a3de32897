#pragma once
/// @file Reading and writing `NAME.flow.yaml` files (format: docs/flow-format.md).

#include "Diagnostic.h"
#include "Flow.h"

#include <QByteArray>
#include <QString>

namespace flowdeck {

/// The result of loading: the flow as far as it could be read, and every problem found.
struct LoadResult {
    Flow flow;
    Diagnostics diagnostics;
    /// What the reader itself found (syntax, unknown keys, refused values), before validation:
    /// the editor keeps these across edits and validates the edited model again (problemsOf).
    Diagnostics readProblems;
    /// False when the file could not be read as a flow at all (not YAML, not text, too big).
    bool readable = false;

    bool isValid() const { return readable && !hasErrors(diagnostics); }
};

/// The one serialiser of flows: files, the clipboard and undo snapshots all go through it.
class FlowFile {
public:
    static constexpr qint64 maxFileBytes = 16 * 1024 * 1024;
    static constexpr int maxNestingDepth = 64;

    /// Loads and validates a file (structure, types and graph). Never throws.
    static LoadResult load(const QString &path);
    /// Parses text as if it came from @p fileName (used in messages). Never throws.
    static LoadResult parse(const QByteArray &text, const QString &fileName = QStringLiteral("<text>"));

    /// The problems parse() reports for a text that reads as @p flow with @p readProblems: those
    /// plus the validator's (less the ones a problem the reader found already explains), sorted.
    static Diagnostics problemsOf(const Flow &flow, const Diagnostics &readProblems, const QString &fileName);

    /// The canonical text of a flow; parse(serialize(f)).flow == f.
    static QByteArray serialize(const Flow &flow);
    /// Writes atomically (QSaveFile). Returns an empty string on success, else the error.
    static QString save(const Flow &flow, const QString &path);
    /// Writes @p text atomically (QSaveFile): the editor saves the user's patched text with it.
    static QString write(const QByteArray &text, const QString &path);
};

}  // namespace flowdeck
