// The layering rule, checked on the artefacts: flowdeck-cli needs QtCore and no GUI library, and
// no file under core/ includes a QtGui or QtWidgets header.

#include <QDirIterator>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QRegularExpression guiLibrary(
    QStringLiteral("libQt6(Gui|Widgets|OpenGL|Svg|Charts|PrintSupport|Quick)|qscintilla"),
    QRegularExpression::CaseInsensitiveOption);

QString cliPath() {
    const QString fromEnv = qEnvironmentVariable("FLOWDECK_CLI");
    return fromEnv.isEmpty() ? QStringLiteral(FLOWDECK_BINARY_DIR "/app/flowdeck-cli") : fromEnv;
}

QString runTool(const QString &tool, const QStringList &args) {
    QProcess process;
    process.start(tool, args);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return QString();
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

/// The NEEDED entries of an ELF file's dynamic section, e.g. "libQt6Core.so.6".
QStringList neededLibraries(const QString &readelfOutput) {
    static const QRegularExpression needed(QStringLiteral("\\(NEEDED\\).*\\[([^\\]]+)\\]"));
    QStringList libraries;
    for (auto it = needed.globalMatch(readelfOutput); it.hasNext();) libraries << it.next().captured(1);
    return libraries;
}

QStringList headerFileNames(const QString &module) {
    const QString dir = QLibraryInfo::path(QLibraryInfo::HeadersPath) + QLatin1Char('/') + module;
    return QDir(dir).entryList(QDir::Files);
}

/// Names of QtGui and QtWidgets headers: a fixed list, plus the installed headers of both modules
/// minus any name QtCore, QtConcurrent or QtSql also has.
QSet<QString> guiHeaderNames() {
    QSet<QString> names{
        QStringLiteral("QWidget"),      QStringLiteral("QPainter"),        QStringLiteral("QColor"),
        QStringLiteral("QPixmap"),      QStringLiteral("QImage"),          QStringLiteral("QIcon"),
        QStringLiteral("QFont"),        QStringLiteral("QGuiApplication"), QStringLiteral("QApplication"),
        QStringLiteral("QUndoCommand"), QStringLiteral("QUndoStack"),      QStringLiteral("QAction")};
    for (const QString &module : {QStringLiteral("QtGui"), QStringLiteral("QtWidgets")})
        for (const QString &name : headerFileNames(module)) names.insert(name);
    for (const QString &module :
         {QStringLiteral("QtCore"), QStringLiteral("QtConcurrent"), QStringLiteral("QtSql")})
        for (const QString &name : headerFileNames(module)) names.remove(name);
    return names;
}

bool isGuiHeader(const QString &header, const QSet<QString> &guiNames) {
    static const QRegularExpression guiModule(
        QStringLiteral("^Qt(Gui|Widgets|OpenGL|OpenGLWidgets|Svg|Charts)(/|$)"));
    return guiModule.match(header).hasMatch() || guiNames.contains(header);
}

/// "path:line: <header>" for every GUI include in the C++ files under @p root.
QStringList guiIncludesUnder(const QString &root, int *filesScanned) {
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"));
    const QSet<QString> guiNames = guiHeaderNames();
    const QStringList patterns{QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.cpp"),
                               QStringLiteral("*.cc"), QStringLiteral("*.cxx")};
    QStringList found;
    *filesScanned = 0;
    for (QDirIterator it(root, patterns, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) continue;
        ++*filesScanned;
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            const QString header = include.match(lines[i]).captured(1);
            if (!header.isEmpty() && isGuiHeader(header, guiNames))
                found << QStringLiteral("%1:%2: <%3>").arg(file.fileName()).arg(i + 1).arg(header);
        }
    }
    return found;
}

}  // namespace

class TestCoreLinksNoGui : public QObject {
    Q_OBJECT

private slots:
    void cliNeedsQtCoreAndNoGuiLibrary() {
        if (QStandardPaths::findExecutable(QStringLiteral("readelf")).isEmpty())
            QSKIP("readelf (binutils) not found");
        QVERIFY2(QFileInfo(cliPath()).isExecutable(),
                 qPrintable(cliPath() + QStringLiteral(" is not built")));
        const QStringList needed =
            neededLibraries(runTool(QStringLiteral("readelf"), {QStringLiteral("-d"), cliPath()}));
        QVERIFY2(needed.contains(QStringLiteral("libQt6Core.so.6")),
                 qPrintable(QStringLiteral("flowdeck-cli should need libQt6Core.so.6; NEEDED: ") +
                            needed.join(QLatin1String(", "))));
        for (const QString &library : needed)
            QVERIFY2(!guiLibrary.match(library).hasMatch(),
                     qPrintable(QStringLiteral("flowdeck-cli needs ") + library));
    }

    void cliLoadsNoGuiLibraryEvenIndirectly() {
        if (QStandardPaths::findExecutable(QStringLiteral("ldd")).isEmpty()) QSKIP("ldd not found");
        const QString output = runTool(QStringLiteral("ldd"), {cliPath()});
        QVERIFY2(output.contains(QLatin1String("libQt6Core")),
                 qPrintable(QStringLiteral("ldd output: ") + output));
        for (const QString &line : output.split(QLatin1Char('\n')))
            QVERIFY2(!guiLibrary.match(line).hasMatch(),
                     qPrintable(QStringLiteral("flowdeck-cli loads ") + line.trimmed()));
    }

    void coreSourcesIncludeNoGuiHeader() {
        int scanned = 0;
        const QStringList found = guiIncludesUnder(QStringLiteral(FLOWDECK_SOURCE_DIR "/core"), &scanned);
        QVERIFY2(scanned > 0, "no C++ files found under core/");
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("core/ must not include QtGui or QtWidgets headers:\n") +
                            found.join(QLatin1Char('\n'))));
    }

    void includeScanCatchesGuiHeaders() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("Leaky.cpp")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "#include <QPainter>\n#include <QString>\n  #  include <QtWidgets/QLabel>\n"
            "// #include <QColor>\n#include \"QColor\"\n#include <QUndoStack>\n");
        file.close();
        int scanned = 0;
        const QStringList found = guiIncludesUnder(dir.path(), &scanned);
        QCOMPARE(scanned, 1);
        QCOMPARE(found.size(), 4);
        QVERIFY(found[0].endsWith(QLatin1String("Leaky.cpp:1: <QPainter>")));
        QVERIFY(found[1].endsWith(QLatin1String("Leaky.cpp:3: <QtWidgets/QLabel>")));
        QVERIFY(found[2].endsWith(QLatin1String("Leaky.cpp:5: <QColor>")));
        QVERIFY(found[3].endsWith(QLatin1String("Leaky.cpp:6: <QUndoStack>")));
    }

    void libraryPatternCatchesGuiLibraries() {
        QVERIFY(guiLibrary.match(QStringLiteral("libQt6Gui.so.6")).hasMatch());
        QVERIFY(guiLibrary.match(QStringLiteral("libQt6Widgets.so.6")).hasMatch());
        QVERIFY(guiLibrary.match(QStringLiteral("libqscintilla2_qt6.so.15")).hasMatch());
        QVERIFY(!guiLibrary.match(QStringLiteral("libQt6Core.so.6")).hasMatch());
        QVERIFY(!guiLibrary.match(QStringLiteral("libQt6Sql.so.6")).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestCoreLinksNoGui)
#include "test_core_links_no_gui.moc"
