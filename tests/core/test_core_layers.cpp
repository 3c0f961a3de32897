// The core's modules depend on each other in one direction, as docs/run-services.md draws it:
// the run vocabulary on nothing of Flowdeck, the engine not on the store (it owns interfaces the
// store implements), the store on the engine only through those interfaces.
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtTest>

#include <functional>

namespace {

/// "file:line: header" for each quoted include under core/@p module that @p allowed refuses.
QStringList includesRefused(const QString &module, const std::function<bool(const QString &)> &allowed,
                            int *scanned) {
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*\"([^\"]+)\""));
    QStringList refused;
    *scanned = 0;
    const QString root = QStringLiteral(FLOWDECK_SOURCE_DIR "/core/") + module;
    for (QDirIterator it(root, {"*.h", "*.cpp"}, QDir::Files); it.hasNext();) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) continue;
        ++*scanned;
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            const QString header = include.match(lines[i]).captured(1);
            if (!header.isEmpty() && !allowed(header))
                refused << QStringLiteral("%1:%2: %3").arg(QFileInfo(file.fileName()).fileName()).arg(i + 1).arg(header);
        }
    }
    return refused;
}

/// An include of the module's own folder, written with or without the folder's name.
bool own(const QString &module, const QString &header) {
    return !header.contains(QLatin1Char('/')) || header.startsWith(module + QLatin1Char('/'));
}

}  // namespace

class TestCoreLayers : public QObject {
    Q_OBJECT
private slots:
    void theRunVocabularyDependsOnNothingElse() {
        int scanned = 0;
        const QStringList refused = includesRefused("run", [](const QString &h) { return own("run", h); }, &scanned);
        QVERIFY(scanned >= 6);
        QVERIFY2(refused.isEmpty(), qPrintable(refused.join('\n')));
    }

    void theEngineDoesNotKnowTheStore() {
        int scanned = 0;
        const QStringList refused = includesRefused(
            "engine",
            [](const QString &h) {
                // secrets/ resolves secret references for a run and depends on nothing of Flowdeck.
                return own("engine", h) || h.startsWith(QLatin1String("run/")) || h.startsWith(QLatin1String("flow/")) ||
                       h.startsWith(QLatin1String("secrets/"));
            },
            &scanned);
        QVERIFY(scanned >= 10);
        QVERIFY2(refused.isEmpty(), qPrintable(refused.join('\n')));
    }

    void theStoreKnowsOnlyTheEnginesInterfaces() {
        int scanned = 0;
        const QStringList refused = includesRefused(
            "store",
            [](const QString &h) {
                return own("store", h) || h.startsWith(QLatin1String("run/")) || h == QLatin1String("engine/RunServices.h") ||
                       h.startsWith(QLatin1String("flow/"));
            },
            &scanned);
        QVERIFY(scanned >= 10);
        QVERIFY2(refused.isEmpty(), qPrintable(refused.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestCoreLayers)
#include "test_core_layers.moc"
