// A secret typed into the deployment form goes to the keyring and nowhere else: not into
// flowdeck.yaml, not into the preview, not into the run database when Run now runs it. Runs
// under tests/scripts/with-keyring.sh (a private Secret Service).

#include "../common/IsolatedSettings.h"

#include "deploy/DeploymentForm.h"
#include "deploy/DeploymentPreview.h"
#include "docks/EnvTable.h"
#include "runs/RunController.h"
#include "secrets/Keyring.h"

#include <QDirIterator>
#include <QPushButton>
#include <QtTest>

using namespace flowdeck;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

const QByteArray secretValue = "tok-9f2c1e7a-never-in-a-file";

}  // namespace

class TestDeploymentSecrets : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QTemporaryDir m_ws;

private slots:
    void initTestCase() {
        test::isolateSettings(m_home.filePath(QStringLiteral("settings")),
                              QStringLiteral("test_deployment_secrets"));
        test::isolateRunFolders(m_home);
        if (const auto why = Keyring::unavailableReason())
            QFAIL(qPrintable(*why));  // run through with-keyring.sh
        write(m_ws.filePath(QStringLiteral("token.flow.yaml")),
              "apiVersion: flowdeck/v1\nkind: Flow\nname: token\ntasks:\n  show:\n    kind: shell\n    "
              "script: |\n"
              "      set -eu\n      test -n \"$API_TOKEN\"\n      echo \"token is $API_TOKEN\"\n");
        write(m_ws.filePath(QStringLiteral("flowdeck.yaml")),
              "settings:\n  database: runs.db\n  retention_days: 0\n\n"
              "deployments:\n  - name: token-run\n    deployment_type: docker\n    entrypoint: "
              "token.flow.yaml\n"
              "    image_name: example/token:1\n");
    }

    void typedSecretGoesToTheKeyringOnly() {
        RunController runs;
        DeploymentForm form(m_ws.filePath(QStringLiteral("flowdeck.yaml")), QStringLiteral("token-run"),
                            &runs);
        EnvTable *env = form.envTable();
        env->addVariable();
        env->item(0, EnvTable::NameColumn)->setText(QStringLiteral("API_TOKEN"));
        env->setSecret(0, true);
        env->item(0, EnvTable::ValueColumn)->setText(QString::fromUtf8(secretValue));
        // The row turns into a reference at once: the value leaves the table.
        QTRY_COMPARE(env->item(0, EnvTable::ValueColumn)->text(), QString());
        QCOMPARE(env->item(0, EnvTable::SecretColumn)->data(Qt::UserRole).toString(),
                 QStringLiteral("api-token"));
        const KeyringResult stored = Keyring::read(QStringLiteral("api-token"));
        QVERIFY2(stored.ok, qPrintable(stored.error));
        QCOMPARE(stored.value.toUtf8(), secretValue);

        QVERIFY2(form.saveButton()->isEnabled(), qPrintable(form.statusText()));
        QVERIFY(!form.preview()->files().empty());
        bool named = false;
        for (const ExportedFile &f : form.preview()->files()) {
            QVERIFY2(!f.content.contains(secretValue), qPrintable(f.path));
            named = named || f.content.contains("API_TOKEN");
        }
        QVERIFY(named);  // the export does carry the variable, by reference
        QVERIFY(form.save().isEmpty());
        const QByteArray yaml = readAll(m_ws.filePath(QStringLiteral("flowdeck.yaml")));
        QVERIFY(!yaml.contains(secretValue));
        QVERIFY2(yaml.contains("API_TOKEN:\n        secret: api-token") ||
                     yaml.contains("API_TOKEN: {secret: api-token}"),
                 yaml.constData());

        // Run now: the task gets the value from the keyring; the database holds it nowhere.
        std::optional<RunState> ended;
        QString endMessage;
        connect(&runs, &RunController::runFinished, this,
                [&](const QString &, RunState state, const QString &message) {
                    ended = state;
                    endMessage = message;
                });
        const LaunchResult started = form.runNow();
        QVERIFY2(!started.isRefused(), qPrintable(started.problemText()));
        QTRY_VERIFY_WITH_TIMEOUT(ended.has_value(), 60000);
        QVERIFY2(*ended == RunState::Completed, qPrintable(endMessage));
        runs.setWorkspace(QString());  // closes the session: the database is complete on disk
        QDirIterator it(m_ws.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int databases = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!readAll(path).contains(secretValue), qPrintable(path));
            if (path.contains(QStringLiteral("runs.db"))) ++databases;
        }
        QVERIFY(databases > 0);
        QDirIterator data(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (data.hasNext()) {
            const QString path = data.next();
            QVERIFY2(!readAll(path).contains(secretValue), qPrintable(path));
        }
    }
};

QTEST_MAIN(TestDeploymentSecrets)
#include "test_deployment_secrets.moc"
