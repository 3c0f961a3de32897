// The task-kind table: one row per kind, and what each row says a kind uses.
#include "flow/TaskKinds.h"

#include <QtTest>

using namespace flowdeck;

class TestTaskKinds : public QObject {
    Q_OBJECT
private slots:
    void everyKindHasOneRowAndItsNameReadsBack() {
        const TaskKind all[] = {TaskKind::Shell, TaskKind::Python, TaskKind::Branch,
                                TaskKind::Subflow, TaskKind::Sleep, TaskKind::Noop, TaskKind::Approval};
        QCOMPARE(taskKinds().size(), std::size(all));
        for (TaskKind kind : all) {
            QVERIFY(traitsOf(kind).kind == kind);
            QVERIFY(taskKindFromString(toString(kind)) == std::optional<TaskKind>(kind));
        }
        QCOMPARE(taskKindNames(), QStringList({"shell", "python", "branch", "subflow", "sleep", "noop", "approval"}));
        QVERIFY(!taskKindFromString(QStringLiteral("Shell")).has_value());
    }

    void scriptKindsRunAProcessAndOthersDoNot() {
        QVERIFY(hasScript(TaskKind::Shell) && hasScript(TaskKind::Python) && hasScript(TaskKind::Branch));
        QVERIFY(!hasScript(TaskKind::Subflow) && !hasScript(TaskKind::Sleep) && !hasScript(TaskKind::Noop));
        QVERIFY(traitsOf(TaskKind::Subflow).needsRunner());
        QVERIFY(!traitsOf(TaskKind::Noop).needsRunner());
        QVERIFY(!traitsOf(TaskKind::Sleep).needsRunner());
        QVERIFY(traitsOf(TaskKind::Noop).execution == TaskExecution::Nothing);
    }

    void onlyBranchesChooseASideAndPickALanguage() {
        for (const TaskKindTraits &traits : taskKinds()) {
            QCOMPARE(traits.choosesBranch, traits.kind == TaskKind::Branch);
            QCOMPARE(traits.usesLanguage, traits.kind == TaskKind::Branch);
        }
    }

    void ownFieldsNameTheKeysAKindUses() {
        QCOMPARE(traitsOf(TaskKind::Shell).ownFields(), QStringList({"script"}));
        QCOMPARE(traitsOf(TaskKind::Branch).ownFields(), QStringList({"script", "language"}));
        QCOMPARE(traitsOf(TaskKind::Subflow).ownFields(), QStringList({"flow", "parameters"}));
        QCOMPARE(traitsOf(TaskKind::Sleep).ownFields(), QStringList({"seconds"}));
        QVERIFY(traitsOf(TaskKind::Noop).ownFields().isEmpty());
        QCOMPARE(traitsOf(TaskKind::Approval).ownFields(), QStringList({"inputs"}));
        for (const TaskKindTraits &traits : taskKinds())
            for (const QString &field : traits.ownFields()) QVERIFY(kindSpecificFields().contains(field));
    }

    void scriptLanguageFollowsTheKindAndABranchsLanguage() {
        Task task;
        task.kind = TaskKind::Python;
        QVERIFY(scriptLanguageOf(task) == ScriptLanguage::Python);
        task.kind = TaskKind::Branch;
        QVERIFY(scriptLanguageOf(task) == ScriptLanguage::Shell);
        task.language = ScriptLanguage::Python;
        QVERIFY(scriptLanguageOf(task) == ScriptLanguage::Python);
        task.kind = TaskKind::Shell;  // a shell task ignores `language` (the validator warns)
        QVERIFY(scriptLanguageOf(task) == ScriptLanguage::Shell);
    }
};

QTEST_APPLESS_MAIN(TestTaskKinds)
#include "test_task_kinds.moc"
