// flowdeck_screenshots: takes the documentation's screenshots of the real application. It opens
// a copy of examples/ in a real MainWindow, drives it through the user's steps (select a task,
// F5, open a run...) and grabs the window or dialog once what the picture must show is on screen
// (waits on conditions, never on time), so the pictures are regenerated whenever the UI changes.
//   flowdeck_screenshots WORKSPACE OUT_DIR      (tools/screenshots/take.sh runs it under Xvfb)

#include "MainWindow.h"
#include "UiLanguage.h"
#include "schedules/SchedulesModel.h"
#include "schedules/SchedulesPanel.h"
#include "deploy/DeploymentForm.h"
#include "deploy/DeploymentPreview.h"
#include "deploy/DeploymentsDock.h"
#include "documents/EditorTab.h"
#include "editor/FlowEditor.h"
#include "editor/FlowScene.h"
#include "editor/NodeItem.h"
#include "runs/RunControls.h"
#include "runs/RunDetail.h"
#include "runs/RunDetailTabs.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QtTest/QTest>

#include <cstdio>

using namespace flowdeck;

namespace {

QString g_out;
int g_failures = 0;

/// A few more turns of the event loop, so layouts, repaints and coalesced updates settle.
void settle() {
    for (int i = 0; i < 20; ++i) QApplication::processEvents(QEventLoop::AllEvents, 10);
}

void save(QWidget *widget, const QString &name) {
    settle();
    const QString path = QDir(g_out).filePath(name + QStringLiteral(".png"));
    if (widget->grab().save(path)) {
        std::printf("%s\n", qPrintable(path));
    } else {
        std::fprintf(stderr, "flowdeck_screenshots: cannot write %s\n", qPrintable(path));
        ++g_failures;
    }
}

void missed(const char *what) {
    std::fprintf(stderr, "flowdeck_screenshots: %s did not happen\n", what);
    ++g_failures;
}

QString nodeState(MainWindow &window, const QString &task) {
    NodeItem *node = window.currentTab()->editor()->scene()->node(task);
    return node && node->runState() ? toString(*node->runState()) : QString();
}

QDockWidget *dock(MainWindow &window, const char *name) {
    auto *d = window.findChild<QDockWidget *>(QString::fromLatin1(name));
    if (d) {
        d->show();
        d->raise();
    }
    return d;
}

/// Triggers @p action and grabs the dialog it opens (modal: grabbed from inside its own loop).
void grabDialog(QAction *action, const QString &name) {
    bool grabbed = false;
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible()) return;
        timer->stop();
        save(dialog, name);
        grabbed = true;
        dialog->reject();
    });
    timer->start();
    action->trigger();
    timer->deleteLater();
    if (!grabbed) missed(qPrintable(name));
}

void editorShots(MainWindow &window, const QString &workspace) {
    window.openPath(QDir(workspace).filePath(QStringLiteral("etl-pipeline.flow.yaml")));
    FlowEditor *editor = window.currentTab()->editor();
    for (QAction *a : static_cast<QWidget *>(editor)->actions())
        if (a->objectName() == QLatin1String("view.fitAll")) a->trigger();
    editor->selectTask(QStringLiteral("transform"));
    save(&window, QStringLiteral("editor"));
}

void runShots(MainWindow &window, const QString &workspace) {
    window.openPath(QDir(workspace).filePath(QStringLiteral("hello.flow.yaml")));
    RunControls *runs = window.runControls();
    grabDialog(window.action(QStringLiteral("runWithParameters")), QStringLiteral("parameters"));

    window.action(QStringLiteral("run"))->trigger();
    // Live: the greeting done, the nap still going, flaky failing its way through retries.
    if (QTest::qWaitFor([&] {
            return nodeState(window, "nap") == QLatin1String("Running") &&
                   nodeState(window, "flaky") == QLatin1String("Retrying");
        }, 60000))
        save(&window, QStringLiteral("run-live"));
    else
        missed("the live run");
    if (!QTest::qWaitFor([&] { return !runs->isRunning(); }, 120000)) missed("the end of the run");
    const WindowRun *run = runs->controller().current();
    if (!run) return missed("a run");

    auto *detailDock = dock(window, "runDetailDock");
    auto *details = window.findChild<RunDetailTabs *>();
    RunDetail *detail = details ? details->openRun(run->runId) : nullptr;
    if (!detailDock || !detail) return missed("the run detail");
    auto *views = detail->findChild<QTabWidget *>(QStringLiteral("runDetailViews"));
    const QStringList names{QStringLiteral("run-detail-logs"), QStringLiteral("run-detail-timeline"),
                            QStringLiteral("run-detail-metrics")};
    for (int i = 0; views && i < views->count() && i < names.size(); ++i) {
        views->setCurrentIndex(i);
        save(&window, names[i]);
    }

    dock(window, "runsDock");
    save(&window, QStringLiteral("runs-browser"));
}

void scheduleShots(MainWindow &window) {
    auto *panel = window.findChild<SchedulesPanel *>();
    if (!dock(window, "schedulesDock") || !panel) return missed("the Schedules dock");
    if (!QTest::qWaitFor([&] { return panel->model()->rowCount() > 0; }, 60000)) return missed("the schedules");
    // The cron in Berlin: its form has the plain description and times in two zones.
    for (int row = 0; row < panel->model()->rowCount(); ++row)
        if (panel->model()->index(row, 0).data().toString() == QLatin1String("nightly-etl")) panel->view()->selectRow(row);
    save(&window, QStringLiteral("schedules"));
    for (QAction *a : panel->findChildren<QAction *>())
        if (a->objectName() == QLatin1String("scheduleEdit")) grabDialog(a, QStringLiteral("schedule-form"));
}

void deploymentShots(MainWindow &window) {
    auto *deployDock = dock(window, "deploymentsDock");
    auto *deployments = window.findChild<DeploymentsDock *>();
    if (!deployDock || !deployments) return missed("the Deployments dock");
    save(&window, QStringLiteral("deployments"));
    DeploymentForm *form = deployments->openForm(QStringLiteral("etl-docker"));
    if (!form || !QTest::qWaitFor([&] { return form->isVisible(); }, 60000)) return missed("the deployment form");
    form->preview()->showFile(QStringLiteral("Dockerfile"));
    save(form, QStringLiteral("deployment-form"));
    form->setFieldText(QStringLiteral("image_name"), QStringLiteral("Flowdeck/ETL:latest"));
    save(form, QStringLiteral("deployment-form-problem"));
    form->setClosePrompt([] { return DeploymentForm::CloseAnswer::Discard; });
    form->close();  // nothing saved: the workspace's flowdeck.yaml stays as it was
}

}  // namespace

int main(int argc, char **argv) {
    QApplication::setApplicationName(QStringLiteral("Flowdeck"));
    QApplication::setOrganizationName(QStringLiteral("Flowdeck"));
    QApplication app(argc, argv);
    installTranslators(app, uiLocale());  // as the application does: LANG picks the pictures' language
    if (argc != 3) {
        std::fprintf(stderr, "usage: flowdeck_screenshots WORKSPACE OUT_DIR\n");
        return 2;
    }
    const QString workspace = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    g_out = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(g_out);

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.openWorkspace(workspace);
    window.trustWorkspace();
    editorShots(window, workspace);
    runShots(window, workspace);
    scheduleShots(window);
    deploymentShots(window);
    grabDialog(window.action(QStringLiteral("preferences")), QStringLiteral("preferences"));
    return g_failures ? 1 : 0;
}
