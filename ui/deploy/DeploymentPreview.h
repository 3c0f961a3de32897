#pragma once
/// @file The files an export would write, read-only: their list and a viewer with the lexer the
/// file's kind takes (YAML, Python, else shell for Dockerfiles, units and scripts).

#include "deploy/Exporter.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace flowdeck {

class ScriptEditor;

class DeploymentPreview : public QWidget {
    Q_OBJECT
public:
    explicit DeploymentPreview(QWidget *parent = nullptr);

    /// Shows @p files, keeping the file that was selected when it is still there.
    void setFiles(const std::vector<ExportedFile> &files);
    /// No files, and @p reason in their place ("3 problems: ...").
    void clear(const QString &reason);
    const std::vector<ExportedFile> &files() const { return m_files; }
    /// Selects the file at @p path; false when the export has none.
    bool showFile(const QString &path);
    QString currentPath() const;

    QListWidget *fileList() const { return m_list; }
    ScriptEditor *viewer() const { return m_viewer; }

private:
    void showRow(int row);

    std::vector<ExportedFile> m_files;
    QListWidget *m_list;
    ScriptEditor *m_viewer;
    QLabel *m_reason;
};

}  // namespace flowdeck
