// Bad input end to end: every case of tests/data/bad-input/cases.tsv runs the real flowdeck-cli
// in a workspace of its own (its own run database, no keyring) and must exit with the expected
// status and print the expected message on stderr. docs/bad-input.md names these cases.

#include "../common/CliProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

namespace {

const QString kDataDir = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/data/bad-input");

/// One line of cases.tsv.
struct Case {
    QString name;
    QStringList fixtures;  // folders of kDataDir, copied in this order
    QString args;          // still quoted; split once the placeholders are known
    int exitCode = -1;
    QString stderrText;
};

/// Splits @p line at spaces; "..." keeps spaces, "" is an empty argument, \n and \" and \\ are
/// escapes inside quotes. Returns false (and says why) for an unclosed quote.
bool splitArgs(const QString &line, QStringList *args, QString *error) {
    QString current;
    bool inQuotes = false, started = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (inQuotes && c == QLatin1Char('\\') && i + 1 < line.size()) {
            const QChar next = line[++i];
            current += next == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : next;
        } else if (c == QLatin1Char('"')) {
            inQuotes = !inQuotes;
            started = true;
        } else if (c == QLatin1Char(' ') && !inQuotes) {
            if (started) *args << current;
            current.clear();
            started = false;
        } else {
            current += c;
            started = true;
        }
    }
    if (inQuotes) {
        *error = QStringLiteral("unclosed quote in '%1'").arg(line);
        return false;
    }
    if (started) *args << current;
    return true;
}

/// Every case of cases.tsv, or an empty list and @p error.
QList<Case> readCases(QString *error) {
    QFile file(kDataDir + QStringLiteral("/cases.tsv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read ") + file.fileName();
        return {};
    }
    QList<Case> cases;
    int number = 0;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        ++number;
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
        const QStringList cols = line.split(QLatin1Char('\t'));
        bool ok = false;
        const int exitCode = cols.size() == 5 ? cols[3].toInt(&ok) : -1;
        if (!ok || cols[0].isEmpty() || cols[4].isEmpty()) {
            *error = QStringLiteral("cases.tsv:%1: expected name, setup, args, exit, stderr (tab-separated), got '%2'")
                         .arg(number).arg(line);
            return {};
        }
        Case c{cols[0], {}, cols[2], exitCode, cols[4]};
        if (cols[1] != QLatin1String("-")) c.fixtures = cols[1].split(QLatin1Char('+'));
        cases << c;
    }
    return cases;
}

/// A workspace folder of its own: its run database, log and data folders inside it, no
/// session bus (so the keyring is never reached) and no FLOWDECK_* setting of the caller's.
class Workspace {
public:
    Workspace() : path(QDir(dir.path()).canonicalPath()) {
        QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
        for (const QString &key : base.keys())
            if (key.startsWith(QLatin1String("FLOWDECK_")) && key != QLatin1String("FLOWDECK_CLI")) base.remove(key);
        base.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        base.insert(QStringLiteral("XDG_RUNTIME_DIR"), path + QStringLiteral("/no-runtime"));
        env = base;
        const QProcessEnvironment isolated = isolatedEnvironment(dir);
        for (const char *key : {"FLOWDECK_DB", "FLOWDECK_LOG_DIR", "XDG_DATA_HOME"})
            env.insert(QString::fromLatin1(key), isolated.value(QString::fromLatin1(key)));
    }

    /// Copies the fixture's files in (a setup.args is kept as commands to run instead).
    bool addFixture(const QString &name, QStringList *setupLines, QString *error) {
        QDir fixture(kDataDir + QLatin1Char('/') + name);
        if (!fixture.exists()) {
            *error = QStringLiteral("no fixture folder ") + fixture.path();
            return false;
        }
        for (const QFileInfo &f : fixture.entryInfoList(QDir::Files)) {
            if (f.fileName() == QLatin1String("setup.args")) {
                QFile file(f.filePath());
                file.open(QIODevice::ReadOnly | QIODevice::Text);
                for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n')))
                    if (!line.trimmed().isEmpty() && !line.startsWith(QLatin1Char('#'))) *setupLines << line;
                continue;
            }
            const QString target = path + QLatin1Char('/') + f.fileName();
            QFile::remove(target);  // a later fixture replaces an earlier one's file
            if (!QFile::copy(f.filePath(), target)) {
                *error = QStringLiteral("cannot copy %1 to %2").arg(f.filePath(), target);
                return false;
            }
        }
        return true;
    }

    /// flowdeck-cli @p args in the workspace, with nothing on its standard input.
    CliResult run(const QStringList &args) const {
        QProcess process;
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(path);
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(cliPath(), args);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return {-1, QString(), QStringLiteral("(flowdeck-cli did not finish within 60 s and was killed)")};
        }
        const int status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return {status, QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    /// The id of the workspace's run, or an empty string when it has not exactly one.
    QString onlyRunId() const {
        const QJsonArray runs = QJsonDocument::fromJson(run({"runs", "list", "--json"}).out.toUtf8()).array();
        return runs.size() == 1 ? runs[0].toObject()[QStringLiteral("id")].toString() : QString();
    }

    QTemporaryDir dir;
    QString path;
    QProcessEnvironment env;
};

/// The command line as a shell would take it back, what it printed and how it exited.
QString describe(const QStringList &args, const CliResult &r) {
    QStringList quoted;
    for (QString a : args) {
        const bool plain = !a.isEmpty() && !a.contains(QRegularExpression(QStringLiteral("[^A-Za-z0-9_./=:+-]")));
        quoted << (plain ? a : QLatin1Char('\'') + a.replace(QLatin1Char('\''), QLatin1String("'\\''")) + QLatin1Char('\''));
    }
    return QStringLiteral("args: %1\nexit: %2\nstdout:\n%3\nstderr:\n%4")
        .arg(quoted.join(QLatin1Char(' ')))
        .arg(r.exitCode)
        .arg(r.out, r.err);
}

}  // namespace

Q_DECLARE_METATYPE(Case)

class TestCliBadInput : public QObject {
    Q_OBJECT

private slots:
    void everyCase_data();
    void everyCase();
};

void TestCliBadInput::everyCase_data() {
    QTest::addColumn<Case>("c");
    QString error;
    const QList<Case> cases = readCases(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> names;
    for (const Case &c : cases) {
        QVERIFY2(!names.contains(c.name), qPrintable(QStringLiteral("cases.tsv names '%1' twice").arg(c.name)));
        names.insert(c.name);
        QTest::newRow(qPrintable(c.name)) << c;
    }
}

void TestCliBadInput::everyCase() {
    QFETCH(Case, c);
    Workspace ws;
    QVERIFY(ws.dir.isValid());
    QStringList setupLines;
    QString error;
    for (const QString &fixture : c.fixtures) QVERIFY2(ws.addFixture(fixture, &setupLines, &error), qPrintable(error));
    for (const QString &line : setupLines) {
        QStringList args;
        QVERIFY2(splitArgs(line, &args, &error), qPrintable(error));
        const CliResult r = ws.run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("case %1: setup step failed\n").arg(c.name) + describe(args, r)));
    }

    QString argLine = c.args, expected = c.stderrText;
    if ((argLine + expected).contains(QLatin1String("{run"))) {
        const QString id = ws.onlyRunId();
        QVERIFY2(id.size() >= 8, qPrintable(QStringLiteral("case %1 names {run} but its setup made no single run").arg(c.name)));
        for (QString *text : {&argLine, &expected}) {
            text->replace(QLatin1String("{run8}"), id.left(8));
            text->replace(QLatin1String("{run3}"), id.left(3));
            text->replace(QLatin1String("{run}"), id);
        }
    }
    expected.replace(QLatin1String("{dir}"), ws.path);
    argLine.replace(QLatin1String("{dir}"), ws.path);
    QStringList args;
    QVERIFY2(splitArgs(argLine, &args, &error), qPrintable(error));

    const CliResult r = ws.run(args);
    QVERIFY2(r.exitCode == c.exitCode && r.err.contains(expected),
             qPrintable(QStringLiteral("case %1: expected exit %2 and on stderr: %3\n")
                            .arg(c.name).arg(c.exitCode).arg(expected) + describe(args, r)));
}

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "test_cli_bad_input.moc"
