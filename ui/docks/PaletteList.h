#pragma once
/// @file The list inside the palette: its rows can be dragged onto the canvas.

#include <QListWidget>

namespace flowdeck {

/// A list whose rows carry a template id (TemplateIdRole) and drag as
/// "application/x-flowdeck-task" with that id as the data.
class PaletteList : public QListWidget {
    Q_OBJECT
public:
    static constexpr int TemplateIdRole = Qt::UserRole;
    static const char *const mimeType;

    explicit PaletteList(QWidget *parent = nullptr);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
};

}  // namespace flowdeck
