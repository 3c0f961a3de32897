#include "EditorTab.h"

#include "AutosaveStore.h"
#include "docks/PaletteList.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"
#include "editor/FlowView.h"
#include "editor/TaskTemplates.h"

#include <QCryptographicHash>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QVBoxLayout>

namespace flowdeck {

namespace {

QByteArray hashOfFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(&file);
    return hash.result();
}

}  // namespace

EditorTab::EditorTab(int untitledNumber, QWidget *parent)
    : QWidget(parent), m_document(new FlowDocument(this)), m_untitled(untitledNumber) {
    m_editor = new FlowEditor(m_document, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    setFocusProxy(m_editor->view());
    m_editor->view()->viewport()->installEventFilter(this);
    connect(m_editor, &FlowEditor::currentTaskChanged, this, &EditorTab::setCurrent);
    connect(m_editor, &FlowEditor::selectedTasksChanged, this, &EditorTab::selectedTasksChanged);
    connect(m_editor, &FlowEditor::taskActivated, this, &EditorTab::taskActivated);
    connect(m_editor, &FlowEditor::taskCreated, this, &EditorTab::taskCreated);
    connect(m_editor, &FlowEditor::statusMessage, this, &EditorTab::statusMessage);

    // Editors save in several steps (truncate, write, rename): look once they are done.
    m_diskTimer.setSingleShot(true);
    m_diskTimer.setInterval(200);
    connect(&m_diskTimer, &QTimer::timeout, this, &EditorTab::onFileChanged);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_diskTimer.start(); });
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        m_autosaveDue = true;
        emit edited();
    });
    connect(m_document, &FlowDocument::taskRenamed, this, [this](const QString &from, const QString &to) {
        if (from == m_currentTask) selectTask(to);
    });
    connect(m_document, &FlowDocument::taskRemoved, this, [this](const QString &name) {
        if (name == m_currentTask) selectTask(QString());
    });
    connect(m_document, &FlowDocument::flowReset, this, [this] {
        if (!m_currentTask.isEmpty() && !m_document->task(m_currentTask)) selectTask(QString());
    });
}

EditorTab::~EditorTab() {
    // Views go before the model. A dying scene still announces selection changes and a dying
    // undo stack "clean changed": nobody should act on a tab that is going away.
    m_editor->scene()->blockSignals(true);
    delete m_editor;
    disconnect(m_document, nullptr, nullptr, nullptr);
    delete m_document;
}

QString EditorTab::title() const {
    return m_document->displayName() + (m_document->isModified() ? QStringLiteral("*") : QString());
}

void EditorTab::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_fitted) return;
    m_fitted = true;
    // The first time a flow is seen it is seen whole; later the user's zoom and scroll stay.
    QTimer::singleShot(0, m_editor->view(), &FlowView::fitAll);
}

bool EditorTab::eventFilter(QObject *watched, QEvent *event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QWidget::eventFilter(watched, event);
    auto *drag = static_cast<QDropEvent *>(event);
    if (!drag->mimeData()->hasFormat(QString::fromLatin1(PaletteList::mimeType)))
        return QWidget::eventFilter(watched, event);
    drag->setDropAction(Qt::CopyAction);
    drag->accept();
    if (type == QEvent::Drop) dropTemplate(drag);
    return true;
}

bool EditorTab::dropTemplate(QDropEvent *event) {
    const QString id = QString::fromUtf8(event->mimeData()->data(QString::fromLatin1(PaletteList::mimeType)));
    for (const TaskTemplate &templ : TaskTemplates::all()) {
        if (templ.title != id) continue;
        const QPointF at = m_editor->view()->mapToScene(event->position().toPoint());
        selectTask(m_editor->scene()->addFromTemplate(templ, at));
        m_editor->view()->setFocus(Qt::MouseFocusReason);
        return true;
    }
    return false;
}

QWidget *EditorTab::view() const {
    return m_editor->view();
}

void EditorTab::selectTask(const QString &name) {
    const QString task = m_document->task(name) ? name : QString();
    m_editor->selectTask(task);
    setCurrent(task);
}

void EditorTab::setCurrent(const QString &name) {
    if (name == m_currentTask) return;
    m_currentTask = name;
    emit currentTaskChanged(name);
}

QPointF EditorTab::viewCentre() const {
    const FlowView *view = m_editor->view();
    return view->mapToScene(view->viewport()->rect().center());
}

QString EditorTab::addTemplate(const TaskTemplate &templ) {
    const QString name = m_editor->scene()->addFromTemplate(templ, viewCentre());
    selectTask(name);
    return name;
}

bool EditorTab::load(const QString &path, QString *error) {
    if (!m_document->load(QFileInfo(path).absoluteFilePath(), error)) return false;
    rememberDiskState();
    watchFile();
    return true;
}

bool EditorTab::reload(QString *error) {
    const QString task = m_currentTask;
    if (!load(m_document->filePath(), error)) return false;
    selectTask(task);
    return true;
}

bool EditorTab::save(QString *error) {
    if (!m_document->save(error)) return false;
    rememberDiskState();
    watchFile();
    return true;
}

bool EditorTab::saveAs(const QString &path, QString *error) {
    if (!m_document->saveAs(QFileInfo(path).absoluteFilePath(), error)) return false;
    rememberDiskState();
    watchFile();
    return true;
}

void EditorTab::watchFile() {
    const QStringList watched = m_watcher.files();
    if (!watched.isEmpty()) m_watcher.removePaths(watched);
    if (QFileInfo::exists(m_document->filePath())) m_watcher.addPath(m_document->filePath());
}

void EditorTab::rememberDiskState() {
    m_diskHash = hashOfFile(m_document->filePath());
}

bool EditorTab::differsFromDisk() const {
    const QString path = m_document->filePath();
    return !path.isEmpty() && QFileInfo::exists(path) && hashOfFile(path) != m_diskHash;
}

void EditorTab::acceptDiskState() {
    rememberDiskState();
}

void EditorTab::onFileChanged() {
    // An atomic save replaces the file, and the watcher forgets a replaced file: watch again.
    watchFile();
    if (differsFromDisk()) emit changedOnDisk();
}

QString EditorTab::autosaveKey() const {
    return AutosaveStore::keyFor(m_document->filePath(), m_untitled);
}

bool EditorTab::autosave(const AutosaveStore &store) {
    if (!m_document->isModified()) {
        dropAutosave(store);
        return false;
    }
    if (!m_autosaveDue && m_writtenKey == autosaveKey()) return false;
    if (!m_writtenKey.isEmpty() && m_writtenKey != autosaveKey()) store.remove(m_writtenKey);
    if (!store.write(autosaveKey(), m_document->text(), m_document->filePath(), m_document->displayName()))
        return false;
    m_writtenKey = autosaveKey();
    m_autosaveDue = false;
    return true;
}

void EditorTab::dropAutosave(const AutosaveStore &store) {
    if (!m_writtenKey.isEmpty()) store.remove(m_writtenKey);
    store.remove(autosaveKey());
    m_writtenKey.clear();
    m_autosaveDue = false;
}

}  // namespace flowdeck
