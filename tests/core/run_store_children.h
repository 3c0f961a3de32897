#pragma once
// The run store test re-runs its own binary with one of these roles as argv[1], so that
// "another process" in a test is a real process on the same database file.

#include <QStringList>

namespace flowdeck::testing {

/// --child-writer DB INDEX COUNT: creates run "writer-INDEX", prints "ready", waits for a line on
///   stdin, then posts COUNT task events,
///   flushing every 10 so that the processes' transactions interleave; prints "done".
/// --child-crash DB RUN: creates RUN (Running, own pid), a running task and a slot of tag
///   "crashslot", prints "ready" and sleeps until it is killed.
/// --child-slot-holder DB: takes the slot of tag "db", prints "acquired", waits for a line on
///   stdin, releases it and prints "released <ms since epoch>".
/// --child-cancel-target DB RUN: creates RUN (Running), prints "ready", and exits 0 after
///   printing "cancel requested for RUN" when cancelRequested arrives (1 after 10 s without).
bool isChildRole(const char *argument);
int runChildRole(const QStringList &arguments);

}  // namespace flowdeck::testing
