#pragma once
/// @file Test helper: a `flowdeck-cli serve` or `worker` process whose output is collected as it comes.

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include <csignal>

class Service {
public:
    /// Starts `flowdeck-cli ARGS` through @p w (any test workspace with start(QProcess&, args))
    /// and waits until it serves.
    template <typename Workspace>
    Service(const Workspace &w, const QStringList &args) {
        w.start(process, args);
        QVERIFY2(QTest::qWaitFor([this] { return output().contains("serving pool"); }, 30000), qPrintable(output()));
    }
    ~Service() {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
    }
    /// Everything it printed on stdout so far (stderr goes to errors).
    QString output() {
        text += QString::fromUtf8(process.readAllStandardOutput());
        errors += QString::fromUtf8(process.readAllStandardError());
        return text;
    }
    /// SIGTERM, then waits; returns the exit status (-1 if it did not exit normally in time).
    int terminate(int timeoutMs = 60000) {
        ::kill(pid_t(process.processId()), SIGTERM);
        if (!process.waitForFinished(timeoutMs)) return -1;
        output();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    void killHard() {
        ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished();
        output();
    }
    qint64 pid() const { return process.processId(); }
    /// The ids of the runs it said it started.
    QSet<QString> startedRuns() {
        QSet<QString> ids;
        static const QRegularExpression started("started run (\\S+)");
        for (auto it = started.globalMatch(output()); it.hasNext();) ids << it.next().captured(1);
        return ids;
    }

    QProcess process;
    QString text;
    QString errors;
};
