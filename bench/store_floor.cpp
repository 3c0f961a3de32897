// The floor under a noop run: the rows `flowdeck-cli run` keeps for N noop tasks (one flow run,
// three state changes, one task run and one attempt per task), written with the sqlite3 C API
// alone, in one process and one transaction, into a copy of an empty Flowdeck store (the same
// schema, indexes and pragmas). No Qt, no flow file, no engine: what is left is what the rows
// cost. The peers benchmark times it as a whole process next to Flowdeck.
//
//   store_floor DB TASKS      (DB: an empty store made by flowdeck-cli, copied beforehand)

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

sqlite3 *db = nullptr;

void check(int rc, const char *what) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
    std::fprintf(stderr, "store_floor: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
}

void exec(const char *sql) { check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql); }

sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *statement = nullptr;
    check(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr), sql);
    return statement;
}

void run(sqlite3_stmt *statement, const char *what) {
    check(sqlite3_step(statement), what);
    sqlite3_reset(statement);
}

long long nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: store_floor DB TASKS\n");
        return 2;
    }
    const int tasks = std::atoi(argv[2]);
    check(sqlite3_open(argv[1], &db), "open");
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA synchronous = NORMAL");
    const std::string runId = "00000000-0000-4000-8000-000000000001";  // a UUID, as the engine's
    const long long start = nowMs();
    exec("BEGIN IMMEDIATE");
    sqlite3_stmt *flow = prepare(
        "INSERT INTO flow_runs(id, flow_name, flow_path, state, created_ms, start_ms, task_count)"
        " VALUES(?1, 'bench', 'flow.flow.yaml', 'Running', ?2, ?2, ?3)");
    sqlite3_bind_text(flow, 1, runId.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int64(flow, 2, start);
    sqlite3_bind_int(flow, 3, tasks);
    run(flow, "flow run");
    sqlite3_stmt *event = prepare(
        "INSERT INTO events(run_id, task, map_index, attempt, state, time_ms, message)"
        " VALUES(?1, ?2, -1, ?3, ?4, ?5, '')");
    sqlite3_stmt *taskRun = prepare(
        "INSERT INTO task_runs(run_id, task, map_index, state, attempts, start_ms, end_ms)"
        " VALUES(?1, ?2, -1, 'Completed', 1, ?3, ?3)");
    sqlite3_stmt *attempt = prepare(
        "INSERT INTO attempts(run_id, task, map_index, attempt, state, start_ms, end_ms)"
        " VALUES(?1, ?2, -1, 1, 'Completed', ?3, ?3)");
    for (sqlite3_stmt *s : {event, taskRun, attempt}) sqlite3_bind_text(s, 1, runId.c_str(), -1, SQLITE_STATIC);
    const char *states[] = {"Pending", "Running", "Completed"};
    for (int i = 0; i < tasks; ++i) {
        const std::string task = "t" + std::to_string(i);
        const long long at = nowMs();
        for (int k = 0; k < 3; ++k) {
            sqlite3_bind_text(event, 2, task.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(event, 3, k == 0 ? 0 : 1);
            sqlite3_bind_text(event, 4, states[k], -1, SQLITE_STATIC);
            sqlite3_bind_int64(event, 5, at);
            run(event, "event");
        }
        for (sqlite3_stmt *s : {taskRun, attempt}) {
            sqlite3_bind_text(s, 2, task.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(s, 3, at);
            run(s, "task run");
        }
    }
    exec("UPDATE flow_runs SET state = 'Completed', end_ms = start_ms + 1");
    exec("COMMIT");
    for (sqlite3_stmt *s : {flow, event, taskRun, attempt}) sqlite3_finalize(s);
    check(sqlite3_close(db), "close");
    std::printf("%d tasks: %d rows in %lld ms\n", tasks, 5 * tasks + 1, nowMs() - start);
    return 0;
}
