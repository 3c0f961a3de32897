#include "PaletteList.h"

#include <QMimeData>

namespace flowdeck {

const char *const PaletteList::mimeType = "application/x-flowdeck-task";

PaletteList::PaletteList(QWidget *parent) : QListWidget(parent) {
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(false);
}

QStringList PaletteList::mimeTypes() const {
    return {QString::fromLatin1(mimeType)};
}

QMimeData *PaletteList::mimeData(const QList<QListWidgetItem *> &items) const {
    if (items.isEmpty()) return nullptr;
    const QString id = items.first()->data(TemplateIdRole).toString();
    if (id.isEmpty()) return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(mimeType), id.toUtf8());
    mime->setText(items.first()->text());  // dropping into a text field gives the name, not bytes
    return mime;
}

}  // namespace flowdeck
