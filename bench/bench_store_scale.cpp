// The run store at scale, as a runs browser and a run detail read it (issue 12's store goals):
//   100,000 runs and 1,000,000 task runs (with an attempt and three events each), one run of
//   1,000 tasks and one run with 1,000,000 log lines, generated with the sqlite3 C API into a
//   database made by RunStore (so the schema and its indexes are the real ones), then read
//   through RunStore as the GUI will. Each figure is printed next to its goal; the median of 9
//   warm tries counts, and the first (cold) try is printed too. The size on disk is printed.
// Usage: bench_store_scale [DIR]   (default: a temporary folder, removed after; with DIR the
//        database is kept there, and the next run with the same DIR reuses it)

#include "store/RunStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace flowdeck;

namespace {

constexpr int kRuns = 100000;
constexpr int kTasksPerRun = 10;
constexpr int kBigRunTasks = 1000;
constexpr int kLogLines = 1000000;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
const char *const kStates[] = {"Completed", "Completed", "Completed", "Completed", "Completed",
                               "Completed", "Failed",    "Cached",    "Cancelled", "Crashed"};

void check(int rc, sqlite3 *db, const char *what) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
    std::fprintf(stderr, "bench_store_scale: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
}

class Insert {
public:
    Insert(sqlite3 *db, const char *sql) : m_db(db) { check(sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr), db, sql); }
    ~Insert() { sqlite3_finalize(m_stmt); }
    Insert &text(int i, const QByteArray &v) {
        sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Insert &integer(int i, qint64 v) {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    void run() {
        check(sqlite3_step(m_stmt), m_db, "insert");
        sqlite3_reset(m_stmt);
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

QByteArray runId(int i) {
    return QStringLiteral("%1-0000-4000-8000-%2").arg(i, 8, 16, QLatin1Char('0')).arg(i, 12, 10, QLatin1Char('0')).toLatin1();
}

/// Fills the database the way years of use would: runs of 20 flows over 90 days.
void generate(const QString &path, qint64 now) {
    sqlite3 *db = nullptr;
    check(sqlite3_open(qPrintable(path), &db), db, "open");
    sqlite3_exec(db, "PRAGMA synchronous = OFF", nullptr, nullptr, nullptr);
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    Insert run(db,
               "INSERT INTO flow_runs(id, flow_name, flow_path, parameters, state, created_ms, start_ms, end_ms,"
               " task_count, run_trigger, tags, host, pid) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
               " 'bench', 1)");
    Insert task(db,
                "INSERT INTO task_runs(run_id, task, map_index, state, attempts, start_ms, end_ms, result)"
                " VALUES(?1, ?2, -1, ?3, 1, ?4, ?5, '{\"rows\": 42}')");
    Insert attempt(db,
                   "INSERT INTO attempts(run_id, task, map_index, attempt, state, start_ms, end_ms, exit_code,"
                   " peak_rss, cpu_seconds) VALUES(?1, ?2, -1, 1, ?3, ?4, ?5, 0, 25000000, 0.05)");
    Insert event(db, "INSERT INTO events(run_id, task, attempt, state, time_ms) VALUES(?1, ?2, ?3, ?4, ?5)");
    for (int i = 0; i < kRuns; ++i) {
        const QByteArray id = runId(i);
        const QByteArray flow = "flow-" + QByteArray::number(i % 20);
        const QByteArray state = kStates[(i * 7) % 10];
        const qint64 created = now - 90 * kDayMs + qint64(i) * (90 * kDayMs / kRuns);
        const int tasks = i == 0 ? kBigRunTasks : kTasksPerRun;
        run.text(1, id).text(2, flow).text(3, "/flows/" + flow + ".flow.yaml")
            .text(4, "{\"day\": \"2026-12-" + QByteArray::number(1 + i % 28) + "\"}")
            .text(5, state).integer(6, created).integer(7, created + 5).integer(8, created + 5 + tasks * 100)
            .integer(9, tasks).text(10, i % 3 == 0 ? "schedule" : "manual")
            .text(11, i % 10 == 0 ? "[\"nightly\"]" : "[]").run();
        event.text(1, id).text(2, "").integer(3, 0).text(4, "Pending").integer(5, created).run();
        for (int t = 0; t < tasks; ++t) {
            const QByteArray name = "task-" + QByteArray::number(t);
            const qint64 start = created + 5 + t * 100;
            task.text(1, id).text(2, name).text(3, "Completed").integer(4, start).integer(5, start + 90).run();
            attempt.text(1, id).text(2, name).text(3, "Completed").integer(4, start).integer(5, start + 90).run();
            event.text(1, id).text(2, name).integer(3, 0).text(4, "Pending").integer(5, start).run();
            event.text(1, id).text(2, name).integer(3, 1).text(4, "Running").integer(5, start).run();
            event.text(1, id).text(2, name).integer(3, 1).text(4, "Completed").integer(5, start + 90).run();
        }
    }
    // One run logged a million lines (the full-text index follows by its trigger).
    Insert log(db,
               "INSERT INTO logs(run_id, task, attempt, time_ms, stream, level, text, seq)"
               " VALUES(?1, ?2, 1, ?3, 0, 1, ?4, ?5)");
    const QByteArray logRun = runId(1);
    for (int n = 1; n <= kLogLines; ++n) {
        QByteArray text = "copied batch " + QByteArray::number(n) + " of table orders to the warehouse in " +
                          QByteArray::number(n % 97) + " ms";
        if (n == 777777) text = "checksum mismatch in partition 7 of table orders";
        log.text(1, logRun).text(2, "task-" + QByteArray::number(n % 10)).integer(3, now).text(4, text).integer(5, n).run();
    }
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "ANALYZE", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

/// A database this benchmark made before (kept with a DIR argument), at the current schema.
bool isGenerated(const QString &path) {
    if (!QFileInfo::exists(path)) return false;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(qPrintable(path), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    sqlite3_stmt *stmt = nullptr;
    qint64 runs = -1, version = -1;
    if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM flow_runs), (SELECT user_version FROM pragma_user_version)",
                           -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        runs = sqlite3_column_int64(stmt, 0);
        version = sqlite3_column_int64(stmt, 1);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return runs == kRuns && version == RunStore::latestSchemaVersion();
}

struct Timing {
    double coldMs = 0;
    double medianMs = 0;
};

/// The first try (cold caches), then the median of 9 more.
Timing measure(const std::function<void()> &work) {
    Timing t;
    QElapsedTimer clock;
    clock.start();
    work();
    t.coldMs = clock.nsecsElapsed() / 1e6;
    std::vector<double> warm;
    for (int i = 0; i < 9; ++i) {
        clock.restart();
        work();
        warm.push_back(clock.nsecsElapsed() / 1e6);
    }
    std::sort(warm.begin(), warm.end());
    t.medianMs = warm[warm.size() / 2];
    return t;
}

void print(const char *what, const Timing &t, double goalMs, const char *goalText) {
    std::printf("%-52s %8.2f ms  (cold %7.2f ms)   goal %s %.0f ms: %s\n", what, t.medianMs, t.coldMs, goalText, goalMs,
                t.medianMs <= goalMs ? "met" : "NOT MET");
}

void info(const char *what, const Timing &t) {
    std::printf("%-52s %8.2f ms  (cold %7.2f ms)\n", what, t.medianMs, t.coldMs);
}

qint64 sizeOnDisk(const QString &path) {
    qint64 bytes = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) bytes += QFileInfo(path + suffix).size();
    return bytes;
}

}  // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temporary.path();
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("scale.db"));
    QString error;
    if (argc > 1 && isGenerated(path)) {
        std::printf("reusing the database generated before in %s\n", qPrintable(dir));
    } else {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        if (!RunStore::open(path, &error)) {  // the real schema, then closed
            std::fprintf(stderr, "bench_store_scale: %s\n", qPrintable(error));
            return 1;
        }
        QElapsedTimer clock;
        clock.start();
        generate(path, QDateTime::currentMSecsSinceEpoch());
        std::printf("generated %d runs, %d task runs (and as many attempts, %d events), %d log lines in %.1f s\n",
                    kRuns, (kRuns - 1) * kTasksPerRun + kBigRunTasks,
                    3 * ((kRuns - 1) * kTasksPerRun + kBigRunTasks) + kRuns, kLogLines, clock.elapsed() / 1000.0);
    }
    std::printf("size on disk: %.1f MB (%s)\n", sizeOnDisk(path) / 1e6, qPrintable(path));

    auto store = RunStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "bench_store_scale: %s\n", qPrintable(error));
        return 1;
    }
    RunQuery newest;
    newest.limit = 100;
    print("newest 100 runs (a page)", measure([&] { store->runsPage(newest); }), 20, "<=");
    RunCursor deep;  // 500 pages down, as after a long scroll
    for (int i = 0; i < 500; ++i) deep = store->runsPage(newest, deep).next;
    info("100 runs 50,000 rows down (keyset page)", measure([&] { store->runsPage(newest, deep); }));
    info("count of all runs", measure([&] { store->countRuns(RunQuery{}); }));

    RunQuery byFlowAndState;
    byFlowAndState.flows = {QStringLiteral("flow-7")};
    byFlowAndState.states = {RunState::Failed};
    byFlowAndState.limit = 100;
    print("filter by flow and state (a page and its count)", measure([&] {
              store->runsPage(byFlowAndState);
              store->countRuns(byFlowAndState);
          }),
          50, "<=");
    RunQuery byText;
    byText.text = QStringLiteral("nightly");
    byText.limit = 100;
    info("free text 'nightly' (a page)", measure([&] { store->runsPage(byText); }));
    info("free text 'nightly' (its count: every row read)", measure([&] { store->countRuns(byText); }));
    info("counts by state of all runs", measure([&] { store->countRunsByState(RunQuery{}); }));

    const QString bigRun = QString::fromLatin1(runId(0));
    size_t loaded = 0;
    print("load a 1,000-task run (task runs, attempts, status)", measure([&] {
              loaded = store->taskRuns(bigRun).size() + store->attempts(bigRun).size();
              store->status(bigRun);
          }),
          50, "<=");
    if (loaded != 2 * kBigRunTasks) std::fprintf(stderr, "bench_store_scale: loaded %zu rows\n", loaded);

    const QString logRun = QString::fromLatin1(runId(1));
    LogSearch rare;
    rare.text = QStringLiteral("checksum mismatch");
    size_t hits = 0;
    print("search 1,000,000 log lines, a rare phrase", measure([&] { hits = store->searchLogs(logRun, rare).hits.size(); }),
          200, "<");
    if (hits != 1) std::fprintf(stderr, "bench_store_scale: %zu hits for the rare phrase\n", hits);
    LogSearch common;
    common.text = QStringLiteral("warehouse");
    print("search 1,000,000 log lines, a word on every line", measure([&] { store->searchLogs(logRun, common); }), 200,
          "<");
    LogSearch late = common;
    late.text = QStringLiteral("\"batch 999999\"");
    print("search 1,000,000 log lines, a phrase on the last lines", measure([&] { store->searchLogs(logRun, late); }), 200,
          "<");
    info("log lines 500,000..500,099 by number", measure([&] { store->logLines(logRun, 500000, 100); }));
    info("number of log lines of the run", measure([&] { store->logLineCount(logRun); }));
    store.reset();
    std::printf("size on disk after opening: %.1f MB\n", sizeOnDisk(path) / 1e6);
    return 0;
}
