<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>EdgeItem</name>
    <message>
        <source>no task named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: %2 runs %3 (trigger rule %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each</source>
        <comment>a mapped edge: one run for each item; short, it sits in the gap between two nodes</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KindStyle</name>
    <message>
        <source>when every upstream succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when every upstream has finished, whatever its state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when every upstream failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when at least one upstream succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when at least one upstream failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when no upstream failed (skipped ones do not count)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveTaskText</name>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 of %2 soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n items done</source>
        <translation>
            <numerusform>%1 of %n item done</numerusform>
            <numerusform>%1 of %n items done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>Trigger rule %1: runs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map: one run for each item of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries: %1 (first after %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, expires after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, refreshed on every run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flow %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flowdeck flow graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a bash script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a Python 3 script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chooses a path: exit status 0 takes &apos;true&apos;, any other &apos;false&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs another flow file as one task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does nothing; joins or groups dependencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP download (curl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads a URL into the run directory, retrying on failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run SQL file (sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a SQL file against a SQLite database with sqlite3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clones a git repository (shallow) into the run directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>millicores (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a run of another workspace is going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists. Replace it with the export?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunLogExport</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunState</name>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AwaitingRetry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimedOut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunText</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunTrigger</name>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backfill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subflow</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleForm</name>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weeks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepNames</name>
    <message>
        <source>Delete task &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut task &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste 1 task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate task &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tasks</source>
        <translation>
            <numerusform>Delete %n task</numerusform>
            <numerusform>Delete %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n tasks</source>
        <translation>
            <numerusform>Cut %n task</numerusform>
            <numerusform>Cut %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n tasks</source>
        <translation>
            <numerusform>Paste %n task</numerusform>
            <numerusform>Paste %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n tasks</source>
        <translation>
            <numerusform>Duplicate %n task</numerusform>
            <numerusform>Duplicate %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n items</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n items</source>
        <translation>
            <numerusform>Cut %n item</numerusform>
            <numerusform>Cut %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n items</source>
        <translation>
            <numerusform>Paste %n item</numerusform>
            <numerusform>Paste %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n items</source>
        <translation>
            <numerusform>Duplicate %n item</numerusform>
            <numerusform>Duplicate %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n connections</source>
        <translation>
            <numerusform>Delete %n connection</numerusform>
            <numerusform>Delete %n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::BackfillDialog</name>
    <message>
        <source>Backfill %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire times in the window (a dry run: nothing is created yet):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From is in the future: backfill makes the runs of past fire times; the scheduler makes the future ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To is before From.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than %1 fire times: backfill a shorter window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fire times, %2 to create%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the window ends now (later fire times are the scheduler&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Create %n Run(s)</source>
        <translation>
            <numerusform>Create %n Run</numerusform>
            <numerusform>Create %n Runs</numerusform>
        </translation>
    </message>
    <message>
        <source>The database refused the runs; nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::DependencyList</name>
    <message>
        <source>Draw connections on the canvas to add dependencies; Delete removes the selected one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no such task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depend on %1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the dependency on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentForm</name>
    <message>
        <source>&amp;Export to Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 started (see the Runs dock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flow:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry/name:tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dockerfile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relative to the workspace; empty: generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Mustache file, relative to the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick Secret and type the value: it goes into the keyring and is never shown again; flowdeck.yaml keeps only {secret: NAME}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schedules:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a cron schedule (daily at 02:00 UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values as on the command line (--param NAME=VALUE); they override the flow&apos;s defaults and parameter_files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deployment has list or map parameters: edit them in flowdeck.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: %1 problems, the first: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: the export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a secret name (lowercase letters, digits and &apos;-&apos;): rename the variable; its value was not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring cannot be used (%1): the value of %2 was not kept; give it as %3 when the deployment runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring refused secret &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret &apos;%1&apos; saved in the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Deployment[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment — %1[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach from Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a schedule of the Schedules panel into this deployment: it then fires where the deployment is exported (a timer, a CronJob, a CronWorkflow...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schedules in the Schedules panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files to export; changes not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files to export; no changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save deployment %1 to %2 before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no run controller</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentPreview</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, written 0600 (secret placeholders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, executable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentSchedules</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no more fire times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next fire times, where it is exported:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentsDock</name>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problems: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok, 1 warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok, %1 warnings: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deployments in %1: New… adds one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 started (see the Runs dock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local run of the selected deployment&apos;s flow with its parameters and environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the files of the selected deployment&apos;s export into a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no run controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a deployment first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected deployment out of flowdeck.yaml (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove deployment %1 from %2? Files it exported stay where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed deployment %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::EnvTable</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret &apos;%1&apos;: its value comes from FLOWDECK_SECRET_* or the keyring when the task runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid variable name: use letters, digits and &apos;_&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is set twice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::FindReplaceBar</name>
    <message>
        <source>Aa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced 1 occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrences</source>
        <translation>
            <numerusform>Replaced %n occurrence</numerusform>
            <numerusform>Replaced %n occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowDocument</name>
    <message>
        <source>Recover unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the flow has no file yet: use Save As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no task &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid task name: use letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is already a task named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change upstream &apos;%1&apos; of %2 to &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename key &apos;%1&apos; to &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both tasks must exist to connect them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a task cannot depend on itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only branch tasks have true and false outcomes; &apos;%1&apos; is a %2 task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; already runs after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting %1 -&gt; %2 would make a cycle: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change flow properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subflow file &apos;%1&apos; of task &apos;%2&apos; not found in %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowEditor</name>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align Centres &amp;Horizontally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align Centres &amp;Vertically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute Hori&amp;zontally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute Verticall&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size (100%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Graph as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Graph as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Task Here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Note Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in &amp;Graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowHeader</name>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid, 1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>valid, %n warnings</source>
        <translation>
            <numerusform>valid, %n warning</numerusform>
            <numerusform>valid, %n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>1 parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n parameters</source>
        <translation>
            <numerusform>%n parameter</numerusform>
            <numerusform>%n parameters</numerusform>
        </translation>
    </message>
    <message>
        <source>1 task</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>No flow open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a flow file with File › Open (Ctrl+O), pick one in the Workspace list, or drop a .flow.yaml file here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowPropertiesPanel</name>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set flow version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (%1 cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Max parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set max parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory &amp;limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size: use bytes or a number with KB, MB, GB, KiB, MiB or GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowScene</name>
    <message>
        <source>no task named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (did you mean &apos;%1&apos;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 lost an upstream (Ctrl+Z brings it back)</source>
        <translation>
            <numerusform>%1 lost an upstream (Ctrl+Z brings it back)</numerusform>
            <numerusform>%1 lost an upstream (Ctrl+Z brings it back)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds no Flowdeck tasks%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-layout selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowView</name>
    <message>
        <source>Move selection by a grid step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move selection by five grid steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+Arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+Drag, Middle-button drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick Add a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, Double-click on empty canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag from a port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the connection being dragged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::GraphFindBar</name>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task name, kind, tag or script text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::KeyValueTable</name>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::LogLinesModel</name>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::MainWindow</name>
    <message>
        <source>&amp;Arrange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canvas zoom: Ctrl+0 fits all, Ctrl+1 is 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust This Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load from Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Flowdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flowdeck could not read %1 as a flow file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reloaded; kept your changes to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reload: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed on disk; kept your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded %1 (changed on disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload from Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed by another program, and you have unsaved changes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have unsaved changes to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the file and lose your changes, or keep your version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow files (*.flow.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete task &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tasks?</source>
        <translation>
            <numerusform>Delete %n task?</numerusform>
            <numerusform>Delete %n tasks?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks that would lose an upstream: %1. Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosaved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not trust this folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted %1: its schedules fire from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not recover %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow files (*.flow.yaml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Flowdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Flowdeck %1&lt;/h3&gt;&lt;p&gt;A desktop workflow designer and runner.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 task</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>1 flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n flows</source>
        <translation>
            <numerusform>%n flow</numerusform>
            <numerusform>%n flows</numerusform>
        </translation>
    </message>
    <message>
        <source>Fl&amp;ow Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Selected Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Pro&amp;blem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in Pa&amp;lette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::MiniMap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::ParameterDialog</name>
    <message>
        <source>, %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, JSON or words separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values for this run of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::ParameterTable</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a parameter name uses letters, digits and &apos;_&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min and max only apply to int and float parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max is below min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate parameter name &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time Flowdeck starts. Dates, times and numbers follow it too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::ProblemList</name>
    <message>
        <source>Task &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::QuantityField</name>
    <message>
        <source>e.g. 0.5 or 500</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 512</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::QuickAddPopup</name>
    <message>
        <source>Add a task: type to search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flowdeck did not close cleanly last time. These flows had changes that were not saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (autosaved %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recover Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the autosaves and ask again next time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::RunCompareView</name>
    <message>
        <source>— (not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— (no task run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(log ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2 ≠ %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First differing log line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare runs %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 of %2: %3, %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Left&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Right&lt;/b&gt; %2&lt;br&gt;%3 of %4 parameters differ · %5 of %6 tasks changed state · the logs of %7 differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::RunController</name>
    <message>
        <source>no workspace is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a run of this window is going; stop it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the run database: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::RunControls</name>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the current flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run with &amp;Parameters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the parameter values, then run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the run: its tasks&apos; process trees are stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run with &amp;Last Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again with the parameter values of the flow&apos;s last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run from &amp;Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected tasks and everything downstream, reusing the results of the flow&apos;s last finished run for the tasks upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run only the selected tasks, reusing the results of the flow&apos;s last finished run for the tasks they need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is going: stop it first (Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to run: open a flow first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1 first: its tasks run in the flow file&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: no parameter values given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier run of %1: running it as Run does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: %1 has problems; fix them first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the tasks to run first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier run of %1 to reuse: the tasks the selection needs run too (run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 (run %2), reusing the results of run %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no earlier run to reuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reusing the results of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 (run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 of %2 %3 after %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1/%2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping %1: its tasks&apos; process trees get SIGTERM, then SIGKILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Run Is Going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still running. Stop it and close the window?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping %1; the window closes when it has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Selec&amp;tion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::RunDetail</name>
    <message>
        <source>Tasks &amp;&amp; logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the lines shown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the whole log (words, &quot;a phrase&quot;, prefix*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is no longer in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trigger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reuses run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first %1 lines found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 line found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lines found</source>
        <translation>
            <numerusform>%n line found</numerusform>
            <numerusform>%n lines found</numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;Trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the run as a Chrome trace (open it in Perfetto) or as OpenTelemetry OTLP JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run waits for an approval: give its values and let it go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chrome trace for Perfetto (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenTelemetry OTLP JSON (*.otlp.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run waits for these approvals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values for approval %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::RunMetricsView</name>
    <message>
        <source>CPU (% of one core)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU and memory of the run&apos;s tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds since the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent runs of this flow (duration, by outcome)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache hit rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::RunNotifier</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 ended after %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::RunTimeline</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task has started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::RunsBrowser</name>
    <message>
        <source>1 run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs appear here once a trusted workspace is open (File → Trust This Workspace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the run&apos;s task runs and logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again from the point of failure, reusing the results of the tasks that completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Again with These Parameters: the flow as it is now, with this run&apos;s parameter values, every task fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the two selected runs (Ctrl+click the second): parameters, task states and durations, the first differing log line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run (its tasks&apos; process trees too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the run with its logs and results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Logs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the run&apos;s whole log to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export run log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed, crashed or timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by flow, run id, tags, parameters, message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Again with These Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying run %1 as run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 again with the parameters of run %2 as run %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two runs to compare (Ctrl+click the second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is gone: nothing to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing runs %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  %3  %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel requested for run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has finished: nothing to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is %2: cancel it first, only finished runs are deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete run %1 of %2 (%3), with its logs, results and subflow runs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 was not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n runs</source>
        <translation>
            <numerusform>%1 of %n run</numerusform>
            <numerusform>%1 of %n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n log lines to %1</source>
        <translation>
            <numerusform>Wrote %n log line to %1</numerusform>
            <numerusform>Wrote %n log lines to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::RunsTableModel</name>
    <message>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::ScheduleForm</name>
    <message>
        <source>Edit Schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nightly-report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flowdeck.yaml (shared with the workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run database only (like schedule add)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (fires when due)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flow:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daylight saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurrence rule (RRULE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of month and day of week must both match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cron:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first step, on the zone&apos;s clock (default 2000-01-01 00:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anchor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Th</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>9, 17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip missed fire times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the latest missed one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run all missed ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait (enqueue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the new run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catch-&amp;up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max active runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool / queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the flow has none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no flow files in the workspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule name: %1 exists already (edit it from the Schedules panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: the schedule has problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — no fire times after now (the schedule has ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;The next %2 fire times after %3:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A daylight-saving change moved this fire time: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::SchedulesModel</name>
    <message>
        <source>invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::SchedulesPanel</name>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backfill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a trusted workspace to see and edit its schedules (flowdeck.yaml and the run database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused %1 (its waiting runs were dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and the run database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove schedule %1 from %2? Its finished runs stay in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run of %1 is due now; pool %2 runs it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 backfill runs of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments have schedules of their own (%1). They fire where each deployment is exported (a systemd timer, a CronJob, a CronWorkflow, a Prefect schedule), not here; edit them in the Deployments dock.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::ShortcutSheet</name>
    <message>
        <source>Canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskInspector</name>
    <message>
        <source>a duration is needed, like &apos;30s&apos; or &apos;1m30s&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration: use seconds or a number with ms, s, m, h or d, like &apos;30s&apos; or &apos;1m30s&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one duration per retry, like &apos;1s, 5s, 30s&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one duration, like &apos;10s&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit script of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change kind of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set working folder of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change language of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flow file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a subflow needs a flow file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set flow of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Para&amp;meters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set parameters of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set sleep of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change trigger of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set retries of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exponential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set retry delay of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set retry jitter of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time&amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set timeout of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set cache policy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set cache refresh of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache e&amp;xpires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set cache expiration of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit environment of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task on the canvas to edit its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tasks selected: %1.

Select one task to edit its settings; move, align, copy or delete the selection on the canvas.</source>
        <translation>
            <numerusform>%n task selected: %1.

Select one task to edit its settings; move, align, copy or delete the selection on the canvas.</numerusform>
            <numerusform>%n tasks selected: %1.

Select one task to edit its settings; move, align, copy or delete the selection on the canvas.</numerusform>
        </translation>
    </message>
    <message>
        <source>use letters, digits, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is already a task named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rename to &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos; is a %2, not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no list parameter or upstream task is called &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskPalette</name>
    <message>
        <source>Filter tasks and snippets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag onto the canvas, or double-click to add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskProblems</name>
    <message>
        <source>Line %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename to &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the key &apos;%1&apos; to &apos;%2&apos; in the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskRunsModel</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskTree</name>
    <message numerus="yes">
        <source>%1 … (%n lines)</source>
        <translation>
            <numerusform>%1 … (%n line)</numerusform>
            <numerusform>%1 … (%n lines)</numerusform>
        </translation>
    </message>
    <message>
        <source>exponential from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, expires after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>env</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workdir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a setting row: its name and value</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::TimeZonePicker</name>
    <message>
        <source>system zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC%1 now (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::TrustBar</name>
    <message>
        <source>Trust This Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restricted: %1 is not trusted, so Flowdeck runs nothing from it on its own. Its schedules do not fire and its autosaved documents are not recovered until you trust it. Editing is not affected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::UpcomingStrip</name>
    <message>
        <source>Nothing scheduled in this span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>flowdeck::WorkspaceScheduler</name>
    <message>
        <source>Scheduler off: workspace not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedules of %1 fire only once you trust this folder (the bar over the editor, or File → Trust This Workspace): they run its scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler off: bad settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler off: no database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler off: problems in flowdeck.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: %1 started, %2 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: %1 %2, %3 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
