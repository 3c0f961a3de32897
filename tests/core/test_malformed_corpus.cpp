// The loader against a corpus of broken flow files (tests/data/malformed, expectations in
// EXPECTED.tsv), against files too big, too deep or too binary to keep in git (generated here),
// and the example workspace: every example loads clean and survives a save/load round trip.
#include "flow/FlowFile.h"

#include <algorithm>

#include <QDir>
#include <QSet>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace flowdeck;

namespace {

const QString corpusDir = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/data/malformed");
const QString examplesDir = QStringLiteral(FLOWDECK_SOURCE_DIR "/examples");
const QString validMarker = QStringLiteral("<valid>");

/// One row of EXPECTED.tsv: a file and one diagnostic it must produce (or "<valid>").
struct Expectation {
    QString file;
    int line = 0;    ///< 0: any line
    int column = 0;  ///< 0: any column
    QString message; ///< case-insensitive substring; "a|b" accepts either
};

std::vector<Expectation> readExpectations(QString *error) {
    std::vector<Expectation> rows;
    QFile file(corpusDir + QStringLiteral("/EXPECTED.tsv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot open %1: %2").arg(file.fileName(), file.errorString());
        return rows;
    }
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        QString text = QString::fromUtf8(file.readLine());
        while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r'))) text.chop(1);
        if (text.trimmed().isEmpty() || text.startsWith(QLatin1Char('#')) || text.startsWith(QLatin1String("file\t")))
            continue;
        const QStringList cells = text.split(QLatin1Char('\t'));
        if (cells.size() != 4 || cells[0].isEmpty() || cells[3].isEmpty()) {
            *error = QStringLiteral("EXPECTED.tsv:%1: expected 4 tab-separated columns, got '%2'").arg(number).arg(text);
            return {};
        }
        Expectation e;
        e.file = cells[0];
        bool ok = true;
        if (!cells[1].isEmpty()) e.line = cells[1].toInt(&ok);
        if (ok && !cells[2].isEmpty()) e.column = cells[2].toInt(&ok);
        if (!ok) {
            *error = QStringLiteral("EXPECTED.tsv:%1: line and column must be numbers or empty").arg(number);
            return {};
        }
        e.message = cells[3];
        rows.push_back(e);
    }
    return rows;
}

QString describe(const LoadResult &r) {
    QStringList lines;
    for (const Diagnostic &d : r.diagnostics) lines << QStringLiteral("    ") + d.toString();
    if (lines.isEmpty()) lines << QStringLiteral("    (no diagnostics)");
    return lines.join(QLatin1Char('\n'));
}

bool matchesMessage(const Diagnostic &d, const QString &alternatives) {
    for (const QString &needle : alternatives.split(QLatin1Char('|')))
        if (!needle.isEmpty() && d.message.contains(needle, Qt::CaseInsensitive)) return true;
    return false;
}

/// Every diagnostic of a refused file must be usable as `file:line:column: message`.
QString badlyLocated(const LoadResult &r) {
    QStringList problems;
    for (const Diagnostic &d : r.diagnostics) {
        if (d.file.isEmpty() || d.location.line <= 0 || d.location.column <= 0 || d.message.trimmed().isEmpty())
            problems << QStringLiteral("    file='%1' line=%2 column=%3 message='%4'")
                            .arg(d.file).arg(d.location.line).arg(d.location.column).arg(d.message);
    }
    return problems.join(QLatin1Char('\n'));
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

const QByteArray header = "apiVersion: flowdeck/v1\nkind: Flow\nname: generated\n";
const QByteArray oneTask = "tasks:\n  a:\n    kind: noop\n";

QStringList exampleFiles() {
    return QDir(examplesDir).entryList({QStringLiteral("*.flow.yaml")}, QDir::Files, QDir::Name);
}

}  // namespace

class TestMalformedCorpus : public QObject {
    Q_OBJECT
private slots:
    // ----- the committed corpus ---------------------------------------------------------------

    void everyCorpusFileHasAnExpectation() {
        QString error;
        const auto rows = readExpectations(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(rows.size() >= 40);
        QSet<QString> listed;
        for (const Expectation &e : rows) {
            listed.insert(e.file);
            QVERIFY2(QFile::exists(corpusDir + QLatin1Char('/') + e.file),
                     qPrintable(QStringLiteral("EXPECTED.tsv names a missing file: ") + e.file));
        }
        const QStringList files = QDir(corpusDir).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
        for (const QString &f : files)
            QVERIFY2(listed.contains(f), qPrintable(QStringLiteral("no row in EXPECTED.tsv for ") + f));
    }

    void corpus_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QString error;
        const auto rows = readExpectations(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const Expectation &e : rows) {
            const QString tag = QStringLiteral("%1:%2:%3 %4").arg(e.file).arg(e.line).arg(e.column).arg(e.message);
            QTest::newRow(qPrintable(tag)) << e.file << e.line << e.column << e.message;
        }
    }

    void corpus() {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const QString path = corpusDir + QLatin1Char('/') + file;
        const LoadResult r = FlowFile::load(path);

        if (message == validMarker) {
            QVERIFY2(r.isValid(), qPrintable(QStringLiteral("%1 should load, but:\n%2").arg(file, describe(r))));
            return;
        }

        QVERIFY2(!r.isValid(), qPrintable(QStringLiteral("%1 loaded as valid:\n%2").arg(file, describe(r))));
        QVERIFY2(hasErrors(r.diagnostics), qPrintable(file));
        const QString unlocated = badlyLocated(r);
        QVERIFY2(unlocated.isEmpty(),
                 qPrintable(QStringLiteral("%1: diagnostics without file, line, column or message:\n%2\nall:\n%3")
                                .arg(file, unlocated, describe(r))));
        for (const Diagnostic &d : r.diagnostics) QCOMPARE(d.file, path);

        const bool found = std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic &d) {
            return d.severity == Severity::Error && matchesMessage(d, message) && (line == 0 || d.location.line == line) &&
                   (column == 0 || d.location.column == column);
        });
        QVERIFY2(found, qPrintable(QStringLiteral("%1: expected an error at %2:%3 containing '%4', got:\n%5")
                                       .arg(file, line ? QString::number(line) : QStringLiteral("*"),
                                            column ? QString::number(column) : QStringLiteral("*"), message,
                                            describe(r))));
    }

    /// The BOM and CRLF files must read exactly like their plain LF twins.
    void bomAndCrlfReadLikePlainText() {
        const QByteArray bom = readAll(corpusDir + QStringLiteral("/ok-bom.flow.yaml"));
        QVERIFY(bom.startsWith("\xEF\xBB\xBF"));
        const LoadResult withBom = FlowFile::parse(bom, QStringLiteral("ok-bom.flow.yaml"));
        const LoadResult withoutBom = FlowFile::parse(bom.mid(3), QStringLiteral("ok-bom.flow.yaml"));
        QVERIFY2(withBom.isValid(), qPrintable(describe(withBom)));
        QVERIFY(withBom.flow == withoutBom.flow);
        QCOMPARE(withBom.flow.name, QStringLiteral("starts-with-a-bom"));

        const QByteArray crlf = readAll(corpusDir + QStringLiteral("/ok-crlf.flow.yaml"));
        QVERIFY(crlf.contains("\r\n"));
        const LoadResult windows = FlowFile::parse(crlf, QStringLiteral("ok-crlf.flow.yaml"));
        const LoadResult lf = FlowFile::parse(QByteArray(crlf).replace("\r\n", "\n"), QStringLiteral("ok-crlf.flow.yaml"));
        QVERIFY2(windows.isValid(), qPrintable(describe(windows)));
        QVERIFY2(windows.flow == lf.flow, qPrintable(QString::fromUtf8(FlowFile::serialize(windows.flow))));
        for (const Task &t : windows.flow.tasks) QVERIFY2(!t.script.contains(QLatin1Char('\r')), qPrintable(t.name));
        QVERIFY(!windows.flow.description.contains(QLatin1Char('\r')));
        QCOMPARE(windows.flow.task(QStringLiteral("greet"))->script,
                 QStringLiteral("echo \"hello $FLOWDECK_PARAM_WHO\"\necho bye\n"));
        // Diagnostics count lines the same way with either line ending.
        const QByteArray brokenCrlf = QByteArray(crlf).replace("retries: 2", "retries: -2");
        const LoadResult broken = FlowFile::parse(brokenCrlf, QStringLiteral("ok-crlf.flow.yaml"));
        QVERIFY(!broken.isValid());
        QCOMPARE(broken.diagnostics.front().location.line, 12);
        QCOMPARE(broken.diagnostics.front().location.column, 14);
    }

    // ----- generated: too big, too deep, not text ---------------------------------------------

    void generated_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");

        // Just over the limit, and well over it; both are otherwise a fine flow (comments).
        QByteArray big = header + oneTask;
        const QByteArray padding = "# padding padding padding padding padding padding padding padding padding\n";
        while (big.size() <= FlowFile::maxFileBytes) big += padding;
        QTest::newRow("huge: just over 16 MiB") << big.left(FlowFile::maxFileBytes + 1) << QStringLiteral("large|MiB|size");
        big += QByteArray(1024 * 1024, '#');
        QTest::newRow("huge: 17 MiB") << big << QStringLiteral("large|MiB|size");

        QTest::newRow("deep: 10000 unclosed [") << header + "description: " + QByteArray(10000, '[') + "\n" + oneTask
                                                << QStringLiteral("nest|deep|depth");
        QTest::newRow("deep: 10000 closed [ ]")
            << header + "description: " + QByteArray(10000, '[') + QByteArray(10000, ']') + "\n" + oneTask
            << QStringLiteral("nest|deep|depth");
        QTest::newRow("deep: 10000 nested {a: ...}")
            << header + "description: " + QByteArray("{a: ").repeated(10000) + "1" + QByteArray(10000, '}') + "\n" + oneTask
            << QStringLiteral("nest|deep|depth");
        QTest::newRow("deep: 65 levels in a parameter default")
            << header + "parameters:\n  p:\n    type: list\n    default: " + QByteArray(65, '[') + QByteArray(65, ']') +
                   "\n" + oneTask
            << QStringLiteral("nest|deep|depth");

        QByteArray blockValue = header + "parameters:\n  p:\n    type: map\n    default:\n";
        for (int i = 0; i < 100; ++i) blockValue += QByteArray(6 + 2 * i, ' ') + "k:\n";
        blockValue += QByteArray(206, ' ') + "v: 1\n" + oneTask;
        QTest::newRow("deep: 100 block-style levels in a parameter default") << blockValue << QStringLiteral("nest|deep|depth");

        QByteArray block = header + oneTask + "layout:\n";
        for (int i = 0; i < 3000; ++i) block += QByteArray(1 + i, ' ') + "k:\n";
        QTest::newRow("deep: 3000 block-style mapping levels") << block << QStringLiteral("nest|deep|depth");
        QTest::newRow("deep: 10000 '- ' block sequences on one line")
            << header + "tasks:\n  a:\n    kind: noop\n    tags:\n      " + QByteArray("- ").repeated(10000) + "x\n"
            << QStringLiteral("nest|deep|depth");

        QRandomGenerator random(20240301);
        QByteArray noise(64 * 1024, '\0');
        for (char &c : noise) c = char(random.bounded(256));
        noise[100] = '\0';
        QTest::newRow("binary: random bytes with NULs") << noise << QStringLiteral("binary|NUL|text");
        QTest::newRow("binary: a flow with a NUL in it")
            << header + QByteArray("description: a\0b\n", 17) + oneTask << QStringLiteral("binary|NUL|text");
        QByteArray noNul = noise;
        for (char &c : noNul)
            if (c == '\0') c = '\x01';
        noNul[0] = '\xC3';  // a lead byte without its continuation: certainly not UTF-8
        noNul[1] = 'x';
        QTest::newRow("binary: random bytes without NULs") << noNul << QStringLiteral("UTF-8|binary|text|YAML");
    }

    void generated() {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("generated.flow.yaml"));
        QVERIFY(writeFile(path, content));

        for (const bool fromFile : {true, false}) {
            const LoadResult r = fromFile ? FlowFile::load(path) : FlowFile::parse(content, path);
            const QString how = fromFile ? QStringLiteral("load") : QStringLiteral("parse");
            QVERIFY2(!r.isValid(), qPrintable(how + QStringLiteral(": loaded as valid")));
            QVERIFY2(hasErrors(r.diagnostics), qPrintable(how));
            const QString unlocated = badlyLocated(r);
            QVERIFY2(unlocated.isEmpty(), qPrintable(how + QStringLiteral(": badly located:\n") + unlocated));
            const bool found = std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                           [&](const Diagnostic &d) { return matchesMessage(d, message); });
            QVERIFY2(found, qPrintable(QStringLiteral("%1: expected an error containing '%2', got:\n%3")
                                           .arg(how, message, describe(r).left(2000))));
        }
    }

    void nestingWithinTheLimitLoads() {
        const QByteArray text = header + "parameters:\n  p:\n    type: list\n    default: " + QByteArray(32, '[') +
                                "1" + QByteArray(32, ']') + "\n" + oneTask;
        const LoadResult r = FlowFile::parse(text, QStringLiteral("nested.flow.yaml"));
        QVERIFY2(r.isValid(), qPrintable(describe(r)));
    }

    /// Brackets inside a script are text, not YAML nesting: a script may open more than it closes.
    void bracketsInsideAScriptAreNotNesting() {
        QByteArray text = header + "tasks:\n  emit:\n    kind: python\n    script: |\n";
        for (int i = 0; i < 70; ++i) text += "      print(\"[\" if " + QByteArray::number(i) + " % 2 else \"{\", end=\"\")\n";
        const LoadResult r = FlowFile::parse(text, QStringLiteral("brackets.flow.yaml"));
        QVERIFY2(r.isValid(), qPrintable(describe(r)));
        QCOMPARE(r.flow.tasks.front().script.count(QLatin1Char('\n')), 70);
    }

    void notAFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &path : {dir.path(), dir.filePath(QStringLiteral("missing.flow.yaml"))}) {
            const LoadResult r = FlowFile::load(path);
            QVERIFY(!r.isValid());
            QVERIFY(hasErrors(r.diagnostics));
            QCOMPARE(r.diagnostics.front().file, path);
            QVERIFY(!r.diagnostics.front().message.isEmpty());
        }
    }

    // ----- the example workspace ----------------------------------------------------------------

    void theGuideExamplesAreThere() {
        const QStringList files = exampleFiles();
        for (const char *name : {"etl-pipeline.flow.yaml", "ml-training.flow.yaml", "ci-cd-pipeline.flow.yaml",
                                 "data-validation.flow.yaml"})
            QVERIFY2(files.contains(QLatin1String(name)), name);
    }

    void examples_data() {
        QTest::addColumn<QString>("file");
        for (const QString &f : exampleFiles()) QTest::newRow(qPrintable(f)) << f;
    }

    void examples() {
        QFETCH(QString, file);
        const QString path = examplesDir + QLatin1Char('/') + file;
        const LoadResult r = FlowFile::load(path);
        QVERIFY2(r.isValid(), qPrintable(describe(r)));
        QVERIFY2(r.diagnostics.empty(), qPrintable(QStringLiteral("examples should not even warn:\n") + describe(r)));
        const Flow &flow = r.flow;
        QCOMPARE(flow.name + QStringLiteral(".flow.yaml"), file);
        QVERIFY(!flow.description.isEmpty());
        QVERIFY(!flow.tasks.empty());
        for (const Task &t : flow.tasks) {
            QVERIFY2(flow.layout.contains(t.name), qPrintable(t.name + QStringLiteral(" has no layout position")));
            QVERIFY2(!t.description.isEmpty(), qPrintable(t.name + QStringLiteral(" has no description")));
        }

        // Round trip: the canonical text reloads to an equal flow and is a fixed point.
        const QByteArray first = FlowFile::serialize(flow);
        const LoadResult again = FlowFile::parse(first, path);
        QVERIFY2(again.isValid(), qPrintable(describe(again) + QStringLiteral("\n") + QString::fromUtf8(first)));
        QVERIFY2(again.flow == flow, qPrintable(QString::fromUtf8(first)));
        const QByteArray second = FlowFile::serialize(again.flow);
        QCOMPARE(second, first);

        // And through a real file, as the editor saves it (next to copies of the other examples,
        // which subflow tasks refer to).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &other : exampleFiles())
            if (other != file) QVERIFY(QFile::copy(examplesDir + QLatin1Char('/') + other, dir.filePath(other)));
        const QString copy = dir.filePath(file);
        QCOMPARE(FlowFile::save(flow, copy), QString());
        const LoadResult saved = FlowFile::load(copy);
        QVERIFY2(saved.isValid(), qPrintable(describe(saved)));
        QVERIFY(saved.flow == flow);
        QCOMPARE(readAll(copy), first);
    }
};

QTEST_GUILESS_MAIN(TestMalformedCorpus)
#include "test_malformed_corpus.moc"
