// Secrets by reference: `{secret: NAME}` in flow files, resolved when a run starts from the
// environment, systemd credentials or the keyring, and never written to a file, a log or the
// database. The keyring itself is exercised by test_cli_secret under a private keyring.
#include "engine/FlowRun.h"
#include "flow/FlowFile.h"
#include "secrets/Keyring.h"
#include "secrets/SecretResolver.h"
#include "store/RunStore.h"

#include <QtTest>

using namespace flowdeck;

namespace {

const QByteArray header = "apiVersion: flowdeck/v1\nkind: Flow\nname: t\n";
const QString planted = QStringLiteral("s3cr3t-planted-value-8841");

QByteArray referencingFlow() {
    return header + "tasks:\n  load:\n    kind: shell\n    env:\n      API_TOKEN: {secret: warehouse-token}\n"
                    "    script: |\n      echo \"token=$API_TOKEN\"\n      echo \"${#API_TOKEN} chars\"\n"
                    "      printf '%s' \"$API_TOKEN\" > \"$FLOWDECK_RUN_DIR/seen\"\n";
}

QString messages(const Diagnostics &diagnostics) {
    QStringList lines;
    for (const Diagnostic &d : diagnostics) lines << d.toString();
    return lines.join('\n');
}

/// A resolver that knows a fixed set of secrets (and counts how often it is asked).
class FixedResolver : public SecretResolver {
public:
    explicit FixedResolver(QHash<QString, QString> values) : m_values(std::move(values)) {}
    SecretLookup resolve(const QString &name) const override {
        ++asked;
        SecretLookup l;
        if (m_values.contains(name)) l.value = m_values.value(name);
        else l.error = QStringLiteral("no '%1'").arg(name);
        return l;
    }
    mutable int asked = 0;

private:
    QHash<QString, QString> m_values;
};

QByteArray fileBytes(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestSecrets : public QObject {
    Q_OBJECT
private slots:
    // ----- the flow file -----------------------------------------------------------------------

    void aReferenceIsReadAndWrittenBackAsTheNameOnly() {
        const LoadResult r = FlowFile::parse(referencingFlow(), "t.flow.yaml");
        QVERIFY2(r.isValid() && r.diagnostics.empty(), qPrintable(messages(r.diagnostics)));
        const EnvVar &var = r.flow.tasks.front().env.front();
        QCOMPARE(var.name, QStringLiteral("API_TOKEN"));
        QCOMPARE(var.secretName, QStringLiteral("warehouse-token"));
        QVERIFY(var.secret && var.isReference() && var.value.isEmpty());
        Flow resolved = r.flow;
        resolved.tasks.front().env.front().value = planted;  // what the engine's copy holds
        const QByteArray saved = FlowFile::serialize(resolved);
        QVERIFY2(saved.contains("      API_TOKEN: {secret: warehouse-token}\n"), saved.constData());
        QVERIFY(!saved.contains(planted.toUtf8()));
        QCOMPARE(FlowFile::parse(saved).flow, r.flow);
    }

    void theBlockFormOfAReferenceReadsTheSame() {
        const LoadResult r = FlowFile::parse(header + "tasks:\n  a:\n    kind: shell\n    script: 'true'\n"
                                                      "    env:\n      TOKEN:\n        secret: deploy-token\n");
        QVERIFY2(r.isValid(), qPrintable(messages(r.diagnostics)));
        QCOMPARE(r.flow.tasks.front().env.front().secretName, QStringLiteral("deploy-token"));
    }

    void aReferenceWithAValueIsRefusedWhereTheNameIs() {
        const LoadResult r = FlowFile::parse(header + "tasks:\n  a:\n    kind: shell\n    script: 'true'\n"
                                                      "    env:\n      TOKEN:\n        value: abc\n        secret: deploy-token\n",
                                             "t.flow.yaml");
        QCOMPARE(messages(r.diagnostics),
                 QStringLiteral("t.flow.yaml:11:17: env 'TOKEN' of task 'a' names secret 'deploy-token' and gives a "
                                "value: a reference has no value in the file, remove 'value'"));
    }

    void aSecretNameOutsideTheAcceptedSetIsRefused() {
        const LoadResult r = FlowFile::parse(header + "tasks:\n  a:\n    kind: shell\n    script: 'true'\n"
                                                      "    env:\n      TOKEN: {secret: Deploy_Token}\n",
                                             "t.flow.yaml");
        QCOMPARE(messages(r.diagnostics),
                 QStringLiteral("t.flow.yaml:9:23: 'secret' of env 'TOKEN' must be a secret name (lowercase letters, "
                                "digits and '-', like 'warehouse-token') or true, got 'Deploy_Token'"));
    }

    void anInlineSecretStillLoadsButWarnsWithTheReferenceForm() {
        const LoadResult r = FlowFile::parse(header + "tasks:\n  a:\n    kind: shell\n    script: 'true'\n"
                                                      "    env:\n      TOKEN:\n        value: abc\n        secret: true\n",
                                             "t.flow.yaml");
        QVERIFY(r.isValid());
        QCOMPARE(messages(r.diagnostics),
                 QStringLiteral("t.flow.yaml:9:7: warning: env 'TOKEN' of task 'a' keeps a secret value in the flow "
                                "file: store it with 'flowdeck-cli secret set NAME' and write TOKEN: {secret: NAME}"));
        QCOMPARE(r.flow.tasks.front().env.front().value, QStringLiteral("abc"));
    }

    // ----- the resolver ------------------------------------------------------------------------

    void theEnvironmentVariableNameIsUpperCaseWithUnderscores() {
        QCOMPARE(secretEnvironmentName("warehouse-token"), QStringLiteral("FLOWDECK_SECRET_WAREHOUSE_TOKEN"));
    }

    void theEnvironmentComesFirst() {
        QTemporaryDir credentials;
        QFile f(credentials.filePath("warehouse-token"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("from-credential\n");
        f.close();
        QProcessEnvironment env;
        env.insert("FLOWDECK_SECRET_WAREHOUSE_TOKEN", planted);
        env.insert("CREDENTIALS_DIRECTORY", credentials.path());
        const SecretLookup l = StandardSecretResolver(env, false).resolve("warehouse-token");
        QCOMPARE(l.value, std::optional<QString>(planted));
        QCOMPARE(l.source, QStringLiteral("environment FLOWDECK_SECRET_WAREHOUSE_TOKEN"));
    }

    void aSystemdCredentialIsReadWithoutItsFinalNewline() {
        QTemporaryDir credentials;
        QFile f(credentials.filePath("warehouse-token"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("from-credential\n");
        f.close();
        QProcessEnvironment env;
        env.insert("CREDENTIALS_DIRECTORY", credentials.path());
        const SecretLookup l = StandardSecretResolver(env, false).resolve("warehouse-token");
        QCOMPARE(l.value, std::optional<QString>(QStringLiteral("from-credential")));
        QCOMPARE(l.source, QStringLiteral("systemd credential warehouse-token"));
    }

    void aMissingSecretSaysEveryWayToProvideIt() {
        const SecretLookup l = StandardSecretResolver(QProcessEnvironment(), false).resolve("warehouse-token");
        QVERIFY(!l.value);
        QCOMPARE(l.error, QStringLiteral("secret 'warehouse-token' is not set: set FLOWDECK_SECRET_WAREHOUSE_TOKEN in "
                                         "the environment, or store it in the keyring with 'flowdeck-cli secret set "
                                         "warehouse-token' (the keyring is not used here)"));
    }

    void withoutASessionBusTheKeyringSaysSoInTheError() {
        const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        const QByteArray savedRuntime = qgetenv("XDG_RUNTIME_DIR");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("XDG_RUNTIME_DIR", "/nonexistent-flowdeck-test");
        const SecretLookup l = StandardSecretResolver(QProcessEnvironment()).resolve("warehouse-token");
        QVERIFY(l.error.endsWith(QLatin1String("(no desktop keyring here (no D-Bus session bus))")));
        QCOMPARE(Keyring::read("warehouse-token").error, QStringLiteral("no desktop keyring here (no D-Bus session bus)"));
        if (!saved.isEmpty()) qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
        qputenv("XDG_RUNTIME_DIR", savedRuntime);
    }

    // ----- the engine --------------------------------------------------------------------------

    void aRunGetsTheValueButNeverStoresOrLogsIt() {
        QTemporaryDir dir;
        const QString path = dir.filePath("t.flow.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(referencingFlow());
        file.close();
        const LoadResult loaded = FlowFile::load(path);
        QVERIFY(loaded.isValid());
        QString error;
        auto store = RunStore::open(dir.filePath("runs.db"), &error);
        QVERIFY2(store, qPrintable(error));
        RunOptions options;
        options.runsDirectory = dir.filePath("runs");
        auto resolver = std::make_shared<FixedResolver>(QHash<QString, QString>{{"warehouse-token", planted}});
        options.secrets = resolver;
        FlowRun run(loaded.flow, path, store.get(), options);
        QCOMPARE(toString(run.execute()), toString(RunState::Completed));
        QCOMPARE(resolver->asked, 1);
        QCOMPARE(QString::fromUtf8(fileBytes(run.runDirectory() + "/seen")), planted);  // the task saw it
        store->flush();
        LogQuery q;
        QStringList logs;
        for (const StoredLogLine &l : store->logs(run.id(), q)) logs << l.line.text;
        QVERIFY2(logs.contains(QStringLiteral("token=***")), qPrintable(logs.join('\n')));
        QVERIFY(logs.contains(QStringLiteral("%1 chars").arg(planted.size())));
        const auto record = store->run(run.id());
        QVERIFY(record);
        QVERIFY(record->flowSnapshot.contains("API_TOKEN: {secret: warehouse-token}"));
        store.reset();
        QByteArray stored = fileBytes(dir.filePath("runs.db")) + fileBytes(dir.filePath("runs.db-wal"));
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(planted.toUtf8()));
        QVERIFY(!fileBytes(path).contains(planted.toUtf8()));
    }

    void aRunWhoseSecretNobodyProvidesIsRefusedWithHowToProvideIt() {
        QTemporaryDir dir;
        const LoadResult loaded = FlowFile::parse(referencingFlow(), "t.flow.yaml");
        RunOptions options;
        options.runsDirectory = dir.filePath("runs");
        options.secrets = std::make_shared<StandardSecretResolver>(QProcessEnvironment(), false);
        FlowRun run(loaded.flow, QString(), nullptr, options);
        QCOMPARE(toString(run.execute()), toString(RunState::Failed));
        QCOMPARE(run.message(), QStringLiteral("task 'load', env API_TOKEN: secret 'warehouse-token' is not set: set "
                                               "FLOWDECK_SECRET_WAREHOUSE_TOKEN in the environment, or store it in the "
                                               "keyring with 'flowdeck-cli secret set warehouse-token' (the keyring "
                                               "is not used here)"));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "test_secrets.moc"
