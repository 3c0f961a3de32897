#pragma once
/// @file Pieces several exporters write: the flow files themselves, a flowdeck.yaml holding
/// schedules for `flowdeck-cli serve`, the Python helper package, comments and quoting.

#include "Exporter.h"

#include <QString>
#include <QStringList>

namespace flowdeck::exportfiles {

/// @p text as `# ` lines (the header of every generated file that takes # comments).
QString hashComment(const QString &text);
/// The flow and its subflows under @p folder ("flows/etl.flow.yaml"), byte for byte.
void addFlowFiles(const ExportRequest &r, const QString &folder, ExportResult &out);
/// A flowdeck.yaml under @p folder whose `schedules:` run the flow at @p indexes of the
/// deployment's schedules with its parameters (for `flowdeck-cli serve`); nothing when empty.
void addServeWorkspace(const ExportRequest &r, const QString &folder, const std::vector<size_t> &indexes,
                       ExportResult &out);
/// Flowdeck's Python helper package (`from flowdeck import params, set_result`) under @p folder.
void addPythonHelper(const QString &folder, ExportResult &out);
/// Shell single-quoting: 'it'\''s'.
QString shellQuote(const QString &text);

}  // namespace flowdeck::exportfiles
