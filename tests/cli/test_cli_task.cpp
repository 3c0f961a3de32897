// flowdeck-cli task run: one task on its own as an exported step runs it, with inputs, a result
// file, JSON-line logs on stdout, the task's retries and timeout, and no database.

#include "../common/CliProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

const QByteArray flowText =
    "apiVersion: flowdeck/v1\nkind: Flow\nname: steps\n"
    "parameters:\n  factor: {type: int, default: 2}\n  words: {type: list, default: [a, b]}\n"
    "tasks:\n"
    "  source:\n    kind: shell\n    script: echo 3 > \"$FLOWDECK_RESULT\"\n"
    "  scale:\n    kind: python\n    after: [source]\n    script: |\n"
    "      from flowdeck import params, upstream, set_result\n"
    "      print('scaling', upstream['source'])\n"
    "      set_result({'value': upstream['source'] * params['factor']})\n"
    "  broken:\n    kind: shell\n    retries: 2\n    script: |\n      echo \"ERROR: no luck on attempt $FLOWDECK_ATTEMPT\" >&2\n      exit 3\n"
    "  slow:\n    kind: shell\n    timeout: 1s\n    script: sleep 30\n"
    "  upper:\n    kind: python\n    map: words\n    script: |\n      from flowdeck import item, set_result\n      set_result(item.upper())\n"
    "  big:\n    kind: branch\n    script: test \"$FLOWDECK_PARAM_FACTOR\" -gt 5\n"
    "  secretive:\n    kind: shell\n    env:\n      TOKEN: {secret: step-token}\n    script: |\n"
    "      echo \"token is $TOKEN\"\n      printf '%s' \"${#TOKEN}\" > \"$FLOWDECK_RESULT\"\n";

struct Step {
    int exitCode = -1;
    QList<QJsonObject> lines;  ///< stdout, one JSON object per line
    QString err;
    QString rawOut;
};

}  // namespace

class TestCliTask : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_flow;
    QProcessEnvironment m_env;

    Step run(const QStringList &args, const QProcessEnvironment &extra = {}) {
        QProcess p;
        QProcessEnvironment env = m_env;
        for (const QString &key : extra.keys()) env.insert(key, extra.value(key));
        p.setProcessEnvironment(env);
        p.start(cliPath(), QStringList{"task", "run", m_flow} + args);
        p.waitForFinished(120000);
        Step s;
        s.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        s.rawOut = QString::fromUtf8(p.readAllStandardOutput());
        s.err = QString::fromUtf8(p.readAllStandardError());
        for (const QString &line : s.rawOut.split('\n', Qt::SkipEmptyParts)) {
            const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
            if (!doc.isObject()) qWarning("not a JSON line: %s", qPrintable(line));
            s.lines << doc.object();
        }
        return s;
    }

    static QStringList states(const Step &s) {
        QStringList list;
        for (const QJsonObject &o : s.lines)
            if (o.contains("state")) list << QStringLiteral("%1:%2").arg(o["attempt"].toInt()).arg(o["state"].toString());
        return list;
    }

    QByteArray resultOf(const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray("<missing>");
    }

private slots:
    void initTestCase() {
        m_flow = m_dir.filePath("steps.flow.yaml");
        QFile f(m_flow);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(flowText);
        m_env = isolatedEnvironment(m_dir);
        // No database may be needed: point it where it cannot be created.
        m_env.insert("FLOWDECK_DB", "/nonexistent-flowdeck-dir/runs.db");
    }

    void aTaskGetsItsInputsAndWritesItsResult() {
        QFile inputs(m_dir.filePath("inputs.json"));
        QVERIFY(inputs.open(QIODevice::WriteOnly));
        inputs.write(R"({"params": {"factor": 5}, "upstream": {"source": 3}})");
        inputs.close();
        const QString result = m_dir.filePath("scale.json");
        const Step s = run({"scale", "--inputs", inputs.fileName(), "--result", result});
        QVERIFY2(s.exitCode == 0, qPrintable(s.rawOut + s.err));
        QCOMPARE(resultOf(result), QByteArray(R"({"value":15})"));
        QCOMPARE(states(s), QStringList({"1:Running", "1:Completed"}));
        bool logged = false;
        for (const QJsonObject &o : s.lines)
            logged |= o["message"].toString() == QLatin1String("scaling 3") && o["stream"].toString() == QLatin1String("stdout") &&
                      o["task"].toString() == QLatin1String("scale") && o["attempt"].toInt() == 1 && o.contains("time");
        QVERIFY2(logged, qPrintable(s.rawOut));
        QVERIFY(!QFileInfo::exists("/nonexistent-flowdeck-dir"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath("data/flowdeck")));  // no run folders, no database
    }

    void inputsMayComeAsTextAndParametersAsFlags() {
        const QString result = m_dir.filePath("scale2.json");
        const Step s = run({"scale", "--inputs-json", R"({"upstream": {"source": 4}})", "--param", "factor=10", "--result", result});
        QVERIFY2(s.exitCode == 0, qPrintable(s.rawOut + s.err));
        QCOMPARE(resultOf(result), QByteArray(R"({"value":40})"));
    }

    void aTaskWithoutAResultWritesNull() {
        const QString result = m_dir.filePath("none.json");
        QCOMPARE(run({"slow", "--result", result, "--param", "factor=2"}, {}).exitCode, 124);
        QCOMPARE(resultOf(result), QByteArray("null"));
    }

    void aFailingTaskIsRetriedAndExitsOne() {
        const Step s = run({"broken"});
        QCOMPARE(s.exitCode, 1);
        const QStringList st = states(s);
        QCOMPARE(st.first(), QStringLiteral("1:Running"));
        QVERIFY2(st.contains("1:AwaitingRetry") && st.contains("2:Retrying") && st.contains("3:Retrying"), qPrintable(st.join(' ')));
        QCOMPARE(st.last(), QStringLiteral("3:Failed"));
        int errors = 0;
        for (const QJsonObject &o : s.lines)
            errors += o["level"].toString() == QLatin1String("error") && o["message"].toString().startsWith("no luck on attempt");
        QCOMPARE(errors, 3);
    }

    void retriesCanBeLeftToTheCaller() {
        const Step s = run({"broken", "--retries", "0"});
        QCOMPARE(s.exitCode, 1);
        QCOMPARE(states(s), QStringList({"1:Running", "1:Failed"}));
    }

    void aTimeoutEndsTheTaskAsTimedOut() {
        const Step s = run({"slow"});
        QCOMPARE(s.exitCode, 124);
        QCOMPARE(states(s).last(), QStringLiteral("1:TimedOut"));
    }

    void aMappedTaskGetsItsItem() {
        const QString result = m_dir.filePath("upper.json");
        const Step s = run({"upper", "--map-item", "abc", "--result", result});
        QVERIFY2(s.exitCode == 0, qPrintable(s.rawOut + s.err));
        QCOMPARE(resultOf(result), QByteArray("\"ABC\""));
    }

    void aBranchResultsInItsSide() {
        const QString result = m_dir.filePath("big.json");
        QCOMPARE(run({"big", "--param", "factor=9", "--result", result}).exitCode, 0);
        QCOMPARE(resultOf(result), QByteArray("true"));
        QCOMPARE(run({"big", "--result", result}).exitCode, 0);
        QCOMPARE(resultOf(result), QByteArray("false"));
    }

    void aSecretComesFromTheEnvironmentAndNeverShows() {
        const QString planted = QStringLiteral("planted-step-secret-7731");
        QProcessEnvironment extra;
        extra.insert("FLOWDECK_SECRET_STEP_TOKEN", planted);
        const QString result = m_dir.filePath("secret.json");
        const Step s = run({"secretive", "--result", result}, extra);
        QVERIFY2(s.exitCode == 0, qPrintable(s.rawOut + s.err));
        QCOMPARE(resultOf(result), QByteArray::number(planted.size()));
        QVERIFY2(s.rawOut.contains("token is ***"), qPrintable(s.rawOut));
        QVERIFY(!s.rawOut.contains(planted) && !s.err.contains(planted));
    }

    void aMissingSecretSaysHowToProvideIt() {
        QProcessEnvironment extra;
        extra.insert("XDG_RUNTIME_DIR", m_dir.filePath("no-runtime"));
        QProcessEnvironment env = m_env;
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        const QProcessEnvironment saved = m_env;
        m_env = env;
        const Step s = run({"secretive"}, extra);
        m_env = saved;
        QCOMPARE(s.exitCode, 2);
        QCOMPARE(s.err, QStringLiteral("%1: task 'secretive', env TOKEN: secret 'step-token' is not set: set "
                                       "FLOWDECK_SECRET_STEP_TOKEN in the environment, or store it in the keyring with "
                                       "'flowdeck-cli secret set step-token' (no desktop keyring here (no D-Bus session bus))\n")
                            .arg(m_flow));
    }

    void anUnknownTaskIsNamedWithASuggestion() {
        const Step s = run({"scal"});
        QCOMPARE(s.exitCode, 2);
        QCOMPARE(s.err, QStringLiteral("%1: flow 'steps' has no task 'scal' (did you mean 'scale'?)\n").arg(m_flow));
    }
};

QTEST_GUILESS_MAIN(TestCliTask)
#include "test_cli_task.moc"
