#include "TaskTemplates.h"

#include <QObject>

namespace flowdeck {

namespace {

TaskTemplate kindTemplate(TaskKind kind, const QString &description, const QString &script = {}) {
    TaskTemplate t;
    t.title = toString(kind);
    t.description = description;
    t.task.kind = kind;
    t.task.name = toString(kind);
    t.task.script = script;
    if (kind == TaskKind::Sleep) t.task.sleepSeconds = 5;
    return t;
}

TaskTemplate snippet(const QString &title, const QString &name, const QString &description, const QString &script,
                     std::vector<EnvVar> env) {
    TaskTemplate t;
    t.title = title;
    t.description = description;
    t.snippet = true;
    t.task.name = name;
    t.task.kind = TaskKind::Shell;
    t.task.script = script;
    t.task.env = std::move(env);
    t.task.retries = 2;
    t.task.retryDelay.seconds = {10};
    t.task.timeoutSeconds = 600;
    return t;
}

std::vector<TaskTemplate> makeTemplates() {
    std::vector<TaskTemplate> all = {
        kindTemplate(TaskKind::Shell, QObject::tr("Runs a bash script"), QStringLiteral("echo \"hello from $FLOWDECK_TASK\"\n")),
        kindTemplate(TaskKind::Python, QObject::tr("Runs a Python 3 script"),
                     QStringLiteral("from flowdeck import logger, params, set_result\n\nset_result(None)\n")),
        kindTemplate(TaskKind::Branch, QObject::tr("Chooses a path: exit status 0 takes 'true', any other 'false'"),
                     QStringLiteral("test -s \"$FLOWDECK_RUN_DIR/input\"\n")),
        kindTemplate(TaskKind::Subflow, QObject::tr("Runs another flow file as one task")),
        kindTemplate(TaskKind::Sleep, QObject::tr("Waits for a while")),
        kindTemplate(TaskKind::Noop, QObject::tr("Does nothing; joins or groups dependencies")),
    };
    all.push_back(snippet(QObject::tr("HTTP download (curl)"), QStringLiteral("download"),
                          QObject::tr("Downloads a URL into the run directory, retrying on failure"),
                          QStringLiteral("curl --fail --silent --show-error --location --retry 3 \\\n"
                                         "  --output \"$FLOWDECK_RUN_DIR/$(basename \"$URL\")\" \"$URL\"\n"),
                          {{QStringLiteral("URL"), QStringLiteral("https://example.com/data.csv"), false}}));
    all.push_back(snippet(QObject::tr("Run SQL file (sqlite3)"), QStringLiteral("run_sql"),
                          QObject::tr("Runs a SQL file against a SQLite database with sqlite3"),
                          QStringLiteral("sqlite3 -bail \"$DATABASE\" < \"$SQL_FILE\"\n"),
                          {{QStringLiteral("DATABASE"), QStringLiteral("data.sqlite"), false},
                           {QStringLiteral("SQL_FILE"), QStringLiteral("query.sql"), false}}));
    all.push_back(snippet(QObject::tr("git clone"), QStringLiteral("clone"),
                          QObject::tr("Clones a git repository (shallow) into the run directory"),
                          QStringLiteral("git clone --depth 1 --branch \"$BRANCH\" \"$REPOSITORY\" \"$FLOWDECK_RUN_DIR/repo\"\n"),
                          {{QStringLiteral("REPOSITORY"), QStringLiteral("https://github.com/example/project.git"), false},
                           {QStringLiteral("BRANCH"), QStringLiteral("main"), false}}));
    return all;
}

}  // namespace

const std::vector<TaskTemplate> &TaskTemplates::all() {
    static const std::vector<TaskTemplate> templates = makeTemplates();
    return templates;
}

std::vector<TaskTemplate> TaskTemplates::matching(const QString &filter) {
    const QStringList words = filter.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::vector<TaskTemplate> found;
    for (const TaskTemplate &t : all()) {
        const QString haystack = t.title + QLatin1Char(' ') + t.description + QLatin1Char(' ') + toString(t.task.kind);
        const bool fits = std::all_of(words.begin(), words.end(),
                                      [&](const QString &w) { return haystack.contains(w, Qt::CaseInsensitive); });
        if (fits) found.push_back(t);
    }
    return found;
}

}  // namespace flowdeck
