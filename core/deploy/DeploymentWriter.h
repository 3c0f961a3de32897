#pragma once
/// @file Writing a deployment back into flowdeck.yaml: its canonical YAML, the file's text with
/// only that entry's changed keys replaced (the rest of the file keeps its bytes), and a save that
/// refuses a deployment with errors and writes atomically. The GUI's deployment form saves here.

#include "DeploymentConfig.h"

#include <QByteArray>
#include <QString>

namespace flowdeck {

/// The entry's keys in deploymentKeys() order, as a mapping at column 0 (no list dash).
/// Secret env vars are written as `{secret: NAME}` only: a DeploymentEnvVar carries no secret value.
QString deploymentYaml(const DeploymentConfig &deployment);

/// @brief @p source (a flowdeck.yaml) with the deployment named @p oldName replaced by @p after, or
/// @p after appended to `deployments:` when @p oldName is empty or not found.
/// Keys whose value did not change keep their bytes and comments, as patchFlowSource() does.
/// Returns an empty array with @p error set when @p source is not YAML with a block mapping root.
QByteArray patchDeployment(const QByteArray &source, const QString &oldName, const DeploymentConfig &after,
                           QString *error);

/// @p source without deployment @p name: the lines of its list item go, with the comment lines
/// right above it; every other byte stays. The last one leaves `deployments: []`. Returns an
/// empty array with @p error set when there is no such deployment or the list is not in block style.
QByteArray removeDeploymentText(const QByteArray &source, const QString &name, QString *error);

/// removeDeploymentText() on @p workspaceFile, written atomically. An empty string on success,
/// else why nothing was written.
QString removeDeployment(const QString &workspaceFile, const QString &name);

/// What a deployment would be after patchDeployment(): the file's text and what reading it finds.
struct DeploymentDraft {
    QByteArray text;              ///< the whole flowdeck.yaml as it would be written
    DeploymentConfig deployment;  ///< @p after as the reader reads it back (with its locations)
    Diagnostics problems;         ///< the reader's problems of this entry, then validateDeployment()'s
    bool ok() const { return !text.isEmpty() && !hasErrors(problems); }
};

/// Patches @p workspaceFile's text (an absent file is empty) and reads the result back, as
/// `flowdeck-cli deploy validate` would read it once saved.
DeploymentDraft draftDeployment(const QString &workspaceFile, const QString &oldName,
                                const DeploymentConfig &after);

/// Writes @p draft.text to @p workspaceFile atomically (QSaveFile). Refuses a draft with errors.
/// Returns an empty string on success, else why nothing was written.
QString saveDeploymentDraft(const QString &workspaceFile, const DeploymentDraft &draft);

}  // namespace flowdeck
