// flowdeck-cli secret and the keyring path of secret resolution, against a real Secret Service:
// registered to run under tests/scripts/with-keyring.sh (a private D-Bus session bus and an
// unlocked gnome-keyring in a throwaway HOME). A value planted in the keyring and in the
// environment is then looked for in every export, the run database and the run's logs.

#include "../common/CliProcess.h"

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

namespace {

const QString planted = QStringLiteral("kr-planted-9f3a1c77");
const QString plantedEnv = QStringLiteral("env-planted-51bd02e4");

QByteArray allBytesUnder(const QString &root) {
    QByteArray bytes;
    for (QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly)) bytes += f.readAll();
    }
    return bytes;
}

}  // namespace

class TestCliSecret : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;

    CliResult cli(const QStringList &args, const QByteArray &input = {}, const QProcessEnvironment *env = nullptr) {
        QProcess p;
        p.setProcessEnvironment(env ? *env : m_env);
        p.start(cliPath(), args);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    void write(const QString &name, const QByteArray &text) {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

private slots:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run me through tests/scripts/with-keyring.sh (ctest does), which gives me a keyring of my own");
        m_env = isolatedEnvironment(m_dir);
        write("vault.flow.yaml", "apiVersion: flowdeck/v1\nkind: Flow\nname: vault\ntasks:\n"
                                 "  use:\n    kind: shell\n    env:\n      TOKEN: {secret: warehouse-token}\n"
                                 "      OTHER: {secret: ci-token}\n"
                                 "    script: |\n      echo \"token=$TOKEN other=$OTHER\"\n"
                                 "      echo \"$TOKEN\" >&2\n      test \"${#TOKEN}\" -gt 0 && test \"${#OTHER}\" -gt 0\n");
        write("flowdeck.yaml", "deployments:\n"
                               "  - {name: vault-k8s, deployment_type: kubernetes, entrypoint: vault.flow.yaml,"
                               " image_name: example.com/runner:1, env_vars: {API_KEY: {secret: api-key}}}\n"
                               "  - {name: vault-argo, deployment_type: argo, entrypoint: vault.flow.yaml, image_name: example.com/runner:1}\n"
                               "  - {name: vault-docker, deployment_type: docker, entrypoint: vault.flow.yaml, env_vars: {API_KEY: {secret: api-key}}}\n"
                               "  - {name: vault-local, deployment_type: process, entrypoint: vault.flow.yaml, env_vars: {API_KEY: {secret: api-key}}}\n"
                               "  - {name: vault-prefect, deployment_type: prefect, entrypoint: vault.flow.yaml, pool_name: p}\n");
    }

    void setReadsTheValueFromStandardInputOnly() {
        const CliResult refused = cli({"secret", "set", "warehouse-token", planted});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.startsWith("flowdeck-cli: secret set takes only the NAME: the value is read from standard input "
                                        "or a prompt, never from the command line\n"), qPrintable(refused.err));
        const CliResult r = cli({"secret", "set", "warehouse-token"}, planted.toUtf8() + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(r.out, QStringLiteral("stored secret 'warehouse-token' in the keyring\n"));
        QVERIFY(!r.out.contains(planted) && !r.err.contains(planted));
    }

    void aBadSecretNameIsRefused() {
        const CliResult r = cli({"secret", "set", "Warehouse_Token"}, "x");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("flowdeck-cli: 'Warehouse_Token' is not a secret name: use lowercase letters, digits and '-', "
                                  "like 'warehouse-token'\n"), qPrintable(r.err));
    }

    void listShowsWhereEachSecretIsFoundButNoValue() {
        QProcessEnvironment env = m_env;
        env.insert("FLOWDECK_SECRET_CI_TOKEN", plantedEnv);
        const CliResult r = cli({"secret", "list", "--workspace", m_dir.path()}, {}, &env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression("\\nwarehouse-token +keyring +vault.flow.yaml \\(task use\\)\\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression("\\nci-token +environment FLOWDECK_SECRET_CI_TOKEN +vault.flow.yaml")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression("\\napi-key +missing +flowdeck.yaml \\(deployment vault-k8s\\)")), qPrintable(r.out));
        QVERIFY(!r.out.contains(planted) && !r.out.contains(plantedEnv));
    }

    void aRunResolvesFromTheKeyringAndThePlantedValuesLandNowhere() {
        QProcessEnvironment env = m_env;
        env.insert("FLOWDECK_SECRET_CI_TOKEN", plantedEnv);
        const CliResult run = cli({"run", m_dir.filePath("vault.flow.yaml"), "--workspace", m_dir.path()}, {}, &env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const CliResult runs = cli({"runs", "list", "--json"}, {}, &env);
        const QString id = QRegularExpression("\"id\": *\"([0-9a-f-]+)\"").match(runs.out).captured(1);
        QVERIFY2(!id.isEmpty(), qPrintable(runs.out));
        const CliResult logs = cli({"runs", "logs", id, "--json"}, {}, &env);
        QVERIFY2(logs.out.contains("token=*** other=***"), qPrintable(logs.out + logs.err));
        const QString exports = m_dir.filePath("exports");
        for (const QString &name : {"vault-k8s", "vault-argo", "vault-docker", "vault-local", "vault-prefect"}) {
            const CliResult e = cli({"deploy", "export", name, "--workspace", m_dir.path(), "--out", exports + '/' + name}, {}, &env);
            QVERIFY2(e.exitCode == 0, qPrintable(e.out + e.err));
        }
        QVERIFY(QFile::exists(exports + "/vault-k8s/secret.yaml"));
        QVERIFY(QFile::exists(exports + "/vault-docker/secrets.env"));
        // Every byte the store wrote (database, WAL, logs folder, run folders), every output and every export.
        const QByteArray everything = allBytesUnder(m_dir.path()) + run.out.toUtf8() + run.err.toUtf8() + logs.out.toUtf8() +
                                      logs.err.toUtf8() + runs.out.toUtf8();
        QVERIFY(everything.contains("warehouse-token"));  // the reference is there...
        QVERIFY(!everything.contains(planted.toUtf8()));  // ...the values are not
        QVERIFY(!everything.contains(plantedEnv.toUtf8()));
    }

    void deleteRemovesTheEntry() {
        QCOMPARE(cli({"secret", "delete", "warehouse-token"}).out, QStringLiteral("deleted secret 'warehouse-token' from the keyring\n"));
        const CliResult again = cli({"secret", "delete", "warehouse-token"});
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(again.err, QStringLiteral("flowdeck-cli: the keyring has no secret 'warehouse-token'\n"));
        const CliResult run = cli({"run", m_dir.filePath("vault.flow.yaml"), "--workspace", m_dir.path()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("secret 'warehouse-token' is not set: set FLOWDECK_SECRET_WAREHOUSE_TOKEN in the environment, "
                                  "or store it in the keyring with 'flowdeck-cli secret set warehouse-token' (the keyring has no "
                                  "entry 'warehouse-token')"), qPrintable(run.err));
    }

    void withoutASessionBusSetSaysSo() {
        QProcessEnvironment env = m_env;
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        env.insert("XDG_RUNTIME_DIR", m_dir.filePath("no-runtime"));
        const CliResult r = cli({"secret", "set", "x-token"}, "value", &env);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("flowdeck-cli: cannot store secret 'x-token': no desktop keyring here (no D-Bus session bus); "
                                       "set FLOWDECK_SECRET_X_TOKEN in the environment instead\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliSecret)
#include "test_cli_secret.moc"
