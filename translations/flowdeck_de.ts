<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>EdgeItem</name>
    <message>
        <source>no task named &apos;%1&apos;</source>
        <translation>keine Aufgabe namens „%1“</translation>
    </message>
    <message>
        <source>%1 → %2: %2 runs %3 (trigger rule %4)</source>
        <translation>%1 → %2: %2 läuft %3 (Auslöseregel %4)</translation>
    </message>
    <message>
        <source>each</source>
        <comment>a mapped edge: one run for each item; short, it sits in the gap between two nodes</comment>
        <translation>je</translation>
    </message>
</context>
<context>
    <name>KindStyle</name>
    <message>
        <source>when every upstream succeeded</source>
        <translation>wenn alle vorgelagerten Aufgaben erfolgreich waren</translation>
    </message>
    <message>
        <source>when every upstream has finished, whatever its state</source>
        <translation>wenn alle vorgelagerten Aufgaben beendet sind, egal mit welchem Status</translation>
    </message>
    <message>
        <source>only when every upstream failed</source>
        <translation>nur wenn alle vorgelagerten Aufgaben fehlgeschlagen sind</translation>
    </message>
    <message>
        <source>when at least one upstream succeeded</source>
        <translation>wenn mindestens eine vorgelagerte Aufgabe erfolgreich war</translation>
    </message>
    <message>
        <source>only when at least one upstream failed</source>
        <translation>nur wenn mindestens eine vorgelagerte Aufgabe fehlgeschlagen ist</translation>
    </message>
    <message>
        <source>when no upstream failed (skipped ones do not count)</source>
        <translation>wenn keine vorgelagerte Aufgabe fehlgeschlagen ist (übersprungene zählen nicht)</translation>
    </message>
</context>
<context>
    <name>LiveTaskText</name>
    <message>
        <source>Timed out</source>
        <translation>Zeitlimit überschritten</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Wartet auf Wiederholung</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 von %2 erledigt</translation>
    </message>
    <message>
        <source>Attempt %1 of %2</source>
        <translation>Versuch %1 von %2</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Attempt %1 of %2 soon</source>
        <translation>Gleich Versuch %1 von %2</translation>
    </message>
    <message>
        <source>Completed %1 of %2</source>
        <translation>%1 von %2 abgeschlossen</translation>
    </message>
    <message>
        <source>Completed in %1</source>
        <translation>Abgeschlossen in %1</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>attempt %1 of %2</source>
        <translation>Versuch %1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n items done</source>
        <translation>
            <numerusform>%1 von %n Element erledigt</numerusform>
            <numerusform>%1 von %n Elementen erledigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>Trigger rule %1: runs %2</source>
        <translation>Auslöseregel %1: läuft %2</translation>
    </message>
    <message>
        <source>Map: one run for each item of %1</source>
        <translation>Aufteilung: ein Lauf je Element von %1</translation>
    </message>
    <message>
        <source>Retries: %1</source>
        <translation>Wiederholungen: %1</translation>
    </message>
    <message>
        <source>Retries: %1 (first after %2)</source>
        <translation>Wiederholungen: %1 (die erste nach %2)</translation>
    </message>
    <message>
        <source>Timeout: %1</source>
        <translation>Zeitlimit: %1</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>Cache: %1</translation>
    </message>
    <message>
        <source>, expires after %1</source>
        <translation>, läuft nach %1 ab</translation>
    </message>
    <message>
        <source>, refreshed on every run</source>
        <translation>, bei jedem Lauf erneuert</translation>
    </message>
    <message>
        <source>flow %1</source>
        <translation>Flow %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Flowdeck flow graph</source>
        <translation>Flowdeck-Flow-Graph</translation>
    </message>
    <message>
        <source>Runs a bash script</source>
        <translation>Führt ein Bash-Skript aus</translation>
    </message>
    <message>
        <source>Runs a Python 3 script</source>
        <translation>Führt ein Python-3-Skript aus</translation>
    </message>
    <message>
        <source>Chooses a path: exit status 0 takes &apos;true&apos;, any other &apos;false&apos;</source>
        <translation>Wählt einen Weg: Exit-Status 0 nimmt „true“, jeder andere „false“</translation>
    </message>
    <message>
        <source>Runs another flow file as one task</source>
        <translation>Führt eine andere Flow-Datei als eine Aufgabe aus</translation>
    </message>
    <message>
        <source>Waits for a while</source>
        <translation>Wartet eine Weile</translation>
    </message>
    <message>
        <source>Does nothing; joins or groups dependencies</source>
        <translation>Tut nichts; führt Abhängigkeiten zusammen oder gruppiert sie</translation>
    </message>
    <message>
        <source>HTTP download (curl)</source>
        <translation>HTTP-Download (curl)</translation>
    </message>
    <message>
        <source>Downloads a URL into the run directory, retrying on failure</source>
        <translation>Lädt eine URL in den Laufordner herunter, bei Fehlern mit Wiederholung</translation>
    </message>
    <message>
        <source>Run SQL file (sqlite3)</source>
        <translation>SQL-Datei ausführen (sqlite3)</translation>
    </message>
    <message>
        <source>Runs a SQL file against a SQLite database with sqlite3</source>
        <translation>Führt mit sqlite3 eine SQL-Datei auf einer SQLite-Datenbank aus</translation>
    </message>
    <message>
        <source>git clone</source>
        <translation>git clone</translation>
    </message>
    <message>
        <source>Clones a git repository (shallow) into the run directory</source>
        <translation>Klont ein Git-Repository (flach) in den Laufordner</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>alle %1 s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmalig</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>millicores (m)</source>
        <translation>Millikerne (m)</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>a run of another workspace is going</source>
        <translation>ein Lauf eines anderen Arbeitsbereichs ist im Gang</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Replace Folder</source>
        <translation>Ordner ersetzen</translation>
    </message>
    <message>
        <source>%1 exists. Replace it with the export?</source>
        <translation>%1 existiert. Durch den Export ersetzen?</translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation>%1 Dateien nach %2 exportiert</translation>
    </message>
</context>
<context>
    <name>RunLogExport</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>RunState</name>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Wird wiederholt</translation>
    </message>
    <message>
        <source>AwaitingRetry</source>
        <translation>Wartet auf Wiederholung</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>Aus dem Cache</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>TimedOut</source>
        <translation>Zeitlimit überschritten</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>RunText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>RunTrigger</name>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>backfill</source>
        <translation>Nachholen</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>subflow</source>
        <translation>Unter-Flow</translation>
    </message>
</context>
<context>
    <name>ScheduleForm</name>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
</context>
<context>
    <name>StepNames</name>
    <message>
        <source>Delete task &apos;%1&apos;</source>
        <translation>Aufgabe „%1“ löschen</translation>
    </message>
    <message>
        <source>Cut task &apos;%1&apos;</source>
        <translation>Aufgabe „%1“ ausschneiden</translation>
    </message>
    <message>
        <source>Paste 1 task</source>
        <translation>1 Aufgabe einfügen</translation>
    </message>
    <message>
        <source>Duplicate task &apos;%1&apos;</source>
        <translation>Aufgabe „%1“ duplizieren</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tasks</source>
        <translation>
            <numerusform>%n Aufgabe löschen</numerusform>
            <numerusform>%n Aufgaben löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n tasks</source>
        <translation>
            <numerusform>%n Aufgabe ausschneiden</numerusform>
            <numerusform>%n Aufgaben ausschneiden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n tasks</source>
        <translation>
            <numerusform>%n Aufgabe einfügen</numerusform>
            <numerusform>%n Aufgaben einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n tasks</source>
        <translation>
            <numerusform>%n Aufgabe duplizieren</numerusform>
            <numerusform>%n Aufgaben duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete 1 item</source>
        <translation>1 Element löschen</translation>
    </message>
    <message>
        <source>Cut 1 item</source>
        <translation>1 Element ausschneiden</translation>
    </message>
    <message>
        <source>Paste 1 item</source>
        <translation>1 Element einfügen</translation>
    </message>
    <message>
        <source>Duplicate 1 item</source>
        <translation>1 Element duplizieren</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n items</source>
        <translation>
            <numerusform>%n Element löschen</numerusform>
            <numerusform>%n Elemente löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n items</source>
        <translation>
            <numerusform>%n Element ausschneiden</numerusform>
            <numerusform>%n Elemente ausschneiden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n items</source>
        <translation>
            <numerusform>%n Element einfügen</numerusform>
            <numerusform>%n Elemente einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n items</source>
        <translation>
            <numerusform>%n Element duplizieren</numerusform>
            <numerusform>%n Elemente duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n connections</source>
        <translation>
            <numerusform>%n Verbindung löschen</numerusform>
            <numerusform>%n Verbindungen löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::BackfillDialog</name>
    <message>
        <source>Backfill %1</source>
        <translation>%1 nachholen</translation>
    </message>
    <message>
        <source>Create Runs</source>
        <translation>Läufe erstellen</translation>
    </message>
    <message>
        <source>From (%1):</source>
        <translation>Von (%1):</translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation>Bis (einschließlich):</translation>
    </message>
    <message>
        <source>Fire times in the window (a dry run: nothing is created yet):</source>
        <translation>Auslösezeitpunkte im Zeitraum (Probelauf: noch wird nichts erstellt):</translation>
    </message>
    <message>
        <source>From is in the future: backfill makes the runs of past fire times; the scheduler makes the future ones.</source>
        <translation>„Von“ liegt in der Zukunft: Nachholen erstellt die Läufe vergangener Auslösezeitpunkte, die künftigen erstellt der Zeitplaner.</translation>
    </message>
    <message>
        <source>To is before From.</source>
        <translation>„Bis“ liegt vor „Von“.</translation>
    </message>
    <message>
        <source>More than %1 fire times: backfill a shorter window.</source>
        <translation>Mehr als %1 Auslösezeitpunkte: Holen Sie einen kürzeren Zeitraum nach.</translation>
    </message>
    <message>
        <source>has a run</source>
        <translation>hat einen Lauf</translation>
    </message>
    <message>
        <source>would be created</source>
        <translation>würde erstellt</translation>
    </message>
    <message>
        <source>%1 fire times, %2 to create%3</source>
        <translation>%1 Auslösezeitpunkte, %2 zu erstellen%3</translation>
    </message>
    <message>
        <source>; the window ends now (later fire times are the scheduler&apos;s)</source>
        <translation>; der Zeitraum endet jetzt (spätere Auslösezeitpunkte übernimmt der Zeitplaner)</translation>
    </message>
    <message numerus="yes">
        <source>Create %n Run(s)</source>
        <translation>
            <numerusform>%n Lauf erstellen</numerusform>
            <numerusform>%n Läufe erstellen</numerusform>
        </translation>
    </message>
    <message>
        <source>The database refused the runs; nothing was created.</source>
        <translation>Die Datenbank hat die Läufe abgelehnt; es wurde nichts erstellt.</translation>
    </message>
</context>
<context>
    <name>flowdeck::DependencyList</name>
    <message>
        <source>Draw connections on the canvas to add dependencies; Delete removes the selected one.</source>
        <translation>Ziehen Sie Verbindungen auf der Arbeitsfläche, um Abhängigkeiten hinzuzufügen; Entf entfernt die ausgewählte.</translation>
    </message>
    <message>
        <source>%1 (no such task)</source>
        <translation>%1 (keine solche Aufgabe)</translation>
    </message>
    <message>
        <source>Use &apos;%1&apos;</source>
        <translation>„%1“ verwenden</translation>
    </message>
    <message>
        <source>Depend on %1 instead of %2</source>
        <translation>Von %1 statt von %2 abhängen</translation>
    </message>
    <message>
        <source>Remove the dependency on %1</source>
        <translation>Abhängigkeit von %1 entfernen</translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentForm</name>
    <message>
        <source>&amp;Export to Folder…</source>
        <translation>In Ordner &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Run %1 started (see the Runs dock)</source>
        <translation>Lauf %1 gestartet (siehe das Läufe-Dock)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Flow:</source>
        <translation>&amp;Flow:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>registry/name:tag</source>
        <translation>registry/name:tag</translation>
    </message>
    <message>
        <source>Dockerfile:</source>
        <translation>Dockerfile:</translation>
    </message>
    <message>
        <source>relative to the workspace; empty: generated</source>
        <translation>relativ zum Arbeitsbereich; leer: wird erzeugt</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Warteschlange:</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>Vorl&amp;age:</translation>
    </message>
    <message>
        <source>a Mustache file, relative to the workspace</source>
        <translation>eine Mustache-Datei, relativ zum Arbeitsbereich</translation>
    </message>
    <message>
        <source>CPU request:</source>
        <translation>CPU-Anforderung:</translation>
    </message>
    <message>
        <source>CPU limit:</source>
        <translation>CPU-Grenze:</translation>
    </message>
    <message>
        <source>Memory request:</source>
        <translation>Speicher-Anforderung:</translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation>Speichergrenze:</translation>
    </message>
    <message>
        <source>&amp;Parameters:</source>
        <translation>&amp;Parameter:</translation>
    </message>
    <message>
        <source>Tick Secret and type the value: it goes into the keyring and is never shown again; flowdeck.yaml keeps only {secret: NAME}.</source>
        <translation>Geheim ankreuzen und den Wert eingeben: er kommt in den Schlüsselbund und wird nie wieder angezeigt; flowdeck.yaml behält nur {secret: NAME}.</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>&amp;Schedules:</source>
        <translation>&amp;Zeitpläne:</translation>
    </message>
    <message>
        <source>Add a cron schedule (daily at 02:00 UTC)</source>
        <translation>Einen Cron-Zeitplan hinzufügen (täglich um 02:00 UTC)</translation>
    </message>
    <message>
        <source>Values as on the command line (--param NAME=VALUE); they override the flow&apos;s defaults and parameter_files</source>
        <translation>Werte wie auf der Kommandozeile (--param NAME=WERT); sie gehen den Vorgaben des Flows und parameter_files vor</translation>
    </message>
    <message>
        <source>This deployment has list or map parameters: edit them in flowdeck.yaml</source>
        <translation>Dieses Deployment hat Listen- oder Map-Parameter: bearbeiten Sie sie in flowdeck.yaml</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>No preview: %1 problems, the first: %2</source>
        <translation>Keine Vorschau: %1 Probleme, das erste: %2</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Speichern nicht möglich: %1</translation>
    </message>
    <message>
        <source>No preview: the export failed</source>
        <translation>Keine Vorschau: der Export ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a secret name (lowercase letters, digits and &apos;-&apos;): rename the variable; its value was not kept</source>
        <translation>&apos;%1&apos; ist kein Name für ein Geheimnis (Kleinbuchstaben, Ziffern und &apos;-&apos;): benennen Sie die Variable um; ihr Wert wurde nicht behalten</translation>
    </message>
    <message>
        <source>The keyring cannot be used (%1): the value of %2 was not kept; give it as %3 when the deployment runs</source>
        <translation>Der Schlüsselbund ist nicht nutzbar (%1): der Wert von %2 wurde nicht behalten; geben Sie ihn als %3 an, wenn das Deployment läuft</translation>
    </message>
    <message>
        <source>The keyring refused secret &apos;%1&apos;: %2</source>
        <translation>Der Schlüsselbund hat das Geheimnis &apos;%1&apos; abgelehnt: %2</translation>
    </message>
    <message>
        <source>Secret &apos;%1&apos; saved in the keyring.</source>
        <translation>Geheimnis &apos;%1&apos; im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation>%1 Dateien nach %2 exportiert</translation>
    </message>
    <message>
        <source>New Deployment[*]</source>
        <translation>Neues Deployment[*]</translation>
    </message>
    <message>
        <source>Deployment — %1[*]</source>
        <translation>Deployment — %1[*]</translation>
    </message>
    <message>
        <source>Attach from Schedules</source>
        <translation>Aus Zeitplänen anhängen</translation>
    </message>
    <message>
        <source>Copy a schedule of the Schedules panel into this deployment: it then fires where the deployment is exported (a timer, a CronJob, a CronWorkflow...)</source>
        <translation>Einen Zeitplan aus dem Zeitpläne-Dock in dieses Deployment kopieren: Er löst dann dort aus, wohin das Deployment exportiert wird (ein Timer, ein CronJob, ein CronWorkflow …)</translation>
    </message>
    <message>
        <source>No schedules in the Schedules panel</source>
        <translation>Keine Zeitpläne im Zeitpläne-Dock</translation>
    </message>
    <message>
        <source>%1 files to export; changes not saved yet</source>
        <translation>%1 Dateien zu exportieren; Änderungen noch nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 files to export; no changes</source>
        <translation>%1 Dateien zu exportieren; keine Änderungen</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save deployment %1 to %2 before closing?</source>
        <translation>Deployment %1 vor dem Schließen in %2 speichern?</translation>
    </message>
    <message>
        <source>no run controller</source>
        <translation>keine Laufsteuerung</translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentPreview</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>, written 0600 (secret placeholders)</source>
        <translation>, mit 0600 geschrieben (Platzhalter für Geheimnisse)</translation>
    </message>
    <message>
        <source>, executable</source>
        <translation>, ausführbar</translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentSchedules</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Reads as</source>
        <translation>Bedeutet</translation>
    </message>
    <message>
        <source>%1 (no more fire times)</source>
        <translation>%1 (keine weiteren Auslösezeiten)</translation>
    </message>
    <message>
        <source>does not read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Next fire times, where it is exported:
%1</source>
        <translation>Nächste Auslösezeiten, dort, wohin exportiert wird:
%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentsDock</name>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>1 problem: %1</source>
        <translation>1 Problem: %1</translation>
    </message>
    <message>
        <source>%1 problems: %2</source>
        <translation>%1 Probleme: %2</translation>
    </message>
    <message>
        <source>ok, 1 warning: %1</source>
        <translation>ok, 1 Warnung: %1</translation>
    </message>
    <message>
        <source>ok, %1 warnings: %2</source>
        <translation>ok, %1 Warnungen: %2</translation>
    </message>
    <message>
        <source>No workspace open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>No deployments in %1: New… adds one.</source>
        <translation>Keine Deployments in %1: Neu… fügt eines hinzu.</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Run %1 started (see the Runs dock)</source>
        <translation>Lauf %1 gestartet (siehe das Läufe-Dock)</translation>
    </message>
    <message>
        <source>A local run of the selected deployment&apos;s flow with its parameters and environment</source>
        <translation>Ein lokaler Lauf des Flows des gewählten Deployments mit seinen Parametern und seiner Umgebung</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the files of the selected deployment&apos;s export into a folder</source>
        <translation>Die Dateien des Exports des gewählten Deployments in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>no run controller</source>
        <translation>keine Laufsteuerung</translation>
    </message>
    <message>
        <source>select a deployment first</source>
        <translation>zuerst ein Deployment wählen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Nicht entfernt: %1</translation>
    </message>
    <message>
        <source>Take the selected deployment out of flowdeck.yaml (asks first)</source>
        <translation>Das gewählte Deployment aus flowdeck.yaml entfernen (fragt vorher)</translation>
    </message>
    <message>
        <source>Remove Deployment</source>
        <translation>Deployment entfernen</translation>
    </message>
    <message>
        <source>Remove deployment %1 from %2? Files it exported stay where they are.</source>
        <translation>Deployment %1 aus %2 entfernen? Bereits exportierte Dateien bleiben, wo sie sind.</translation>
    </message>
    <message>
        <source>Removed deployment %1.</source>
        <translation>Deployment %1 entfernt.</translation>
    </message>
</context>
<context>
    <name>flowdeck::EnvTable</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Secret &apos;%1&apos;: its value comes from FLOWDECK_SECRET_* or the keyring when the task runs</source>
        <translation>Secret „%1“: der Wert kommt beim Lauf der Aufgabe aus FLOWDECK_SECRET_* oder dem Schlüsselbund</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid variable name: use letters, digits and &apos;_&apos;</source>
        <translation>„%1“ ist kein gültiger Variablenname: erlaubt sind Buchstaben, Ziffern und „_“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is set twice</source>
        <translation>„%1“ ist doppelt gesetzt</translation>
    </message>
</context>
<context>
    <name>flowdeck::FindReplaceBar</name>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation>Kein Treffer für „%1“</translation>
    </message>
    <message>
        <source>Replaced 1 occurrence</source>
        <translation>1 Vorkommen ersetzt</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrences</source>
        <translation>
            <numerusform>%n Vorkommen ersetzt</numerusform>
            <numerusform>%n Vorkommen ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowDocument</name>
    <message>
        <source>Recover unsaved changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>the flow has no file yet: use Save As</source>
        <translation>der Flow hat noch keine Datei: verwenden Sie „Speichern unter“</translation>
    </message>
    <message>
        <source>Add task %1</source>
        <translation>Aufgabe %1 hinzufügen</translation>
    </message>
    <message>
        <source>there is no task &apos;%1&apos;</source>
        <translation>es gibt keine Aufgabe „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid task name: use letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>„%1“ ist kein gültiger Aufgabenname: erlaubt sind Buchstaben, Ziffern, „_“ und „-“</translation>
    </message>
    <message>
        <source>there is already a task named &apos;%1&apos;</source>
        <translation>es gibt schon eine Aufgabe namens „%1“</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Change upstream &apos;%1&apos; of %2 to &apos;%3&apos;</source>
        <translation>Vorgänger „%1“ von %2 in „%3“ ändern</translation>
    </message>
    <message>
        <source>Rename key &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>Schlüssel „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>both tasks must exist to connect them</source>
        <translation>beide Aufgaben müssen existieren, um sie zu verbinden</translation>
    </message>
    <message>
        <source>a task cannot depend on itself</source>
        <translation>eine Aufgabe kann nicht von sich selbst abhängen</translation>
    </message>
    <message>
        <source>only branch tasks have true and false outcomes; &apos;%1&apos; is a %2 task</source>
        <translation>nur Verzweigungen haben die Ausgänge true und false; „%1“ ist eine %2-Aufgabe</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already runs after %2</source>
        <translation>„%1“ läuft schon nach %2</translation>
    </message>
    <message>
        <source>connecting %1 -&gt; %2 would make a cycle: %3</source>
        <translation>die Verbindung %1 -&gt; %2 ergäbe einen Zyklus: %3</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>%1 mit %2 verbinden</translation>
    </message>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation>Verbindung %1 – %2 trennen</translation>
    </message>
    <message>
        <source>Change flow properties</source>
        <translation>Flow-Eigenschaften ändern</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>Gruppe %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit group %1</source>
        <translation>Gruppe %1 bearbeiten</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>subflow file &apos;%1&apos; of task &apos;%2&apos; not found in %3</source>
        <translation>Unter-Flow-Datei „%1“ der Aufgabe „%2“ nicht gefunden in %3</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowEditor</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles ausw&amp;ählen</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>&amp;Links ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>&amp;Rechts ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>&amp;Oben ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>&amp;Unten ausrichten</translation>
    </message>
    <message>
        <source>Align Centres &amp;Horizontally</source>
        <translation>&amp;Horizontal zentrieren</translation>
    </message>
    <message>
        <source>Align Centres &amp;Vertically</source>
        <translation>&amp;Vertikal zentrieren</translation>
    </message>
    <message>
        <source>Distribute Hori&amp;zontally</source>
        <translation>Hori&amp;zontal verteilen</translation>
    </message>
    <message>
        <source>Distribute Verticall&amp;y</source>
        <translation>Vertikal vert&amp;eilen</translation>
    </message>
    <message>
        <source>&amp;Group Selection</source>
        <translation>Auswahl &amp;gruppieren</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>&amp;Notiz hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>&amp;Alles einpassen</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100%)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <source>Fit &amp;Selection</source>
        <translation>Auswahl &amp;einpassen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>&amp;Quick Add…</source>
        <translation>Schnell &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Export Graph as &amp;PNG…</source>
        <translation>Graph als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export Graph as &amp;SVG…</source>
        <translation>Graph als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>Export as SVG</source>
        <translation>Als SVG exportieren</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Als PNG exportieren</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Add Task Here…</source>
        <translation>Aufgabe hier hinzufügen…</translation>
    </message>
    <message>
        <source>Add Note Here</source>
        <translation>Notiz hier hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Auto-Layout</source>
        <translation>Au&amp;tomatisch anordnen</translation>
    </message>
    <message>
        <source>Find in &amp;Graph…</source>
        <translation>Im Graphen &amp;suchen…</translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowHeader</name>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>valid, 1 warning</source>
        <translation>gültig, 1 Warnung</translation>
    </message>
    <message numerus="yes">
        <source>valid, %n warnings</source>
        <translation>
            <numerusform>gültig, %n Warnung</numerusform>
            <numerusform>gültig, %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>1 parameter</source>
        <translation>1 Parameter</translation>
    </message>
    <message numerus="yes">
        <source>%n parameters</source>
        <translation>
            <numerusform>%n Parameter</numerusform>
            <numerusform>%n Parameter</numerusform>
        </translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 Aufgabe</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>No flow open</source>
        <translation>Kein Flow geöffnet</translation>
    </message>
    <message>
        <source>Open a flow file with File › Open (Ctrl+O), pick one in the Workspace list, or drop a .flow.yaml file here.</source>
        <translation>Öffnen Sie eine Flow-Datei mit Datei › Öffnen (Strg+O), wählen Sie eine in der Liste „Arbeitsbereich“ oder ziehen Sie eine .flow.yaml-Datei hierher.</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowPropertiesPanel</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>use letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>erlaubt sind Buchstaben, Ziffern, „_“ und „-“</translation>
    </message>
    <message>
        <source>Rename flow</source>
        <translation>Flow umbenennen</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>Describe flow</source>
        <translation>Flow beschreiben</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>&amp;Version</translation>
    </message>
    <message>
        <source>Set flow version</source>
        <translation>Flow-Version setzen</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Tag flow</source>
        <translation>Flow-Tags setzen</translation>
    </message>
    <message>
        <source>auto (%1 cores)</source>
        <translation>automatisch (%1 Kerne)</translation>
    </message>
    <message>
        <source>&amp;Max parallel</source>
        <translation>&amp;Höchstens parallel</translation>
    </message>
    <message>
        <source>Set max parallel</source>
        <translation>Parallelität begrenzen</translation>
    </message>
    <message>
        <source>Memory &amp;limit</source>
        <translation>Speicher&amp;grenze</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size: use bytes or a number with KB, MB, GB, KiB, MiB or GiB</source>
        <translation>„%1“ ist keine Größe: Bytes angeben oder eine Zahl mit KB, MB, GB, KiB, MiB oder GiB</translation>
    </message>
    <message>
        <source>Set memory limit</source>
        <translation>Speichergrenze setzen</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>&amp;Parameters</source>
        <translation>&amp;Parameter</translation>
    </message>
    <message>
        <source>Edit parameters</source>
        <translation>Parameter bearbeiten</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowScene</name>
    <message>
        <source>no task named &apos;%1&apos;</source>
        <translation>keine Aufgabe namens „%1“</translation>
    </message>
    <message>
        <source> (did you mean &apos;%1&apos;?)</source>
        <translation> (meinten Sie „%1“?)</translation>
    </message>
    <message numerus="yes">
        <source>%1 lost an upstream (Ctrl+Z brings it back)</source>
        <translation>
            <numerusform>%1 hat einen Vorgänger verloren (Strg+Z holt ihn zurück)</numerusform>
            <numerusform>%1 haben einen Vorgänger verloren (Strg+Z holt ihn zurück)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds no Flowdeck tasks%1</source>
        <translation>Nichts einzufügen: die Zwischenablage enthält keine Flowdeck-Aufgaben%1</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <source>Auto-layout selection</source>
        <translation>Auswahl automatisch anordnen</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Größe ändern</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowView</name>
    <message>
        <source>Move selection by a grid step</source>
        <translation>Auswahl um einen Rasterschritt verschieben</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Move selection by five grid steps</source>
        <translation>Auswahl um fünf Rasterschritte verschieben</translation>
    </message>
    <message>
        <source>%1+Arrow keys</source>
        <translation>%1+Pfeiltasten</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Ansicht verschieben</translation>
    </message>
    <message>
        <source>%1+Drag, Middle-button drag</source>
        <translation>%1+Ziehen, Ziehen mit mittlerer Maustaste</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>Um den Mauszeiger zoomen</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Mausrad</translation>
    </message>
    <message>
        <source>Quick Add a task</source>
        <translation>Schnell eine Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>%1, Double-click on empty canvas</source>
        <translation>%1, Doppelklick auf freie Arbeitsfläche</translation>
    </message>
    <message>
        <source>Connect tasks</source>
        <translation>Aufgaben verbinden</translation>
    </message>
    <message>
        <source>Drag from a port</source>
        <translation>Von einem Anschluss ziehen</translation>
    </message>
    <message>
        <source>Delete selection</source>
        <translation>Auswahl löschen</translation>
    </message>
    <message>
        <source>Cancel the connection being dragged</source>
        <translation>Gezogene Verbindung abbrechen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>flowdeck::GraphFindBar</name>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>task name, kind, tag or script text</source>
        <translation>Aufgabenname, Art, Tag oder Skripttext</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabe, F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>flowdeck::KeyValueTable</name>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>flowdeck::LogLinesModel</name>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>flowdeck::MainWindow</name>
    <message>
        <source>&amp;Arrange</source>
        <translation>A&amp;nordnen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Canvas zoom: Ctrl+0 fits all, Ctrl+1 is 100%</source>
        <translation>Zoom der Arbeitsfläche: Strg+0 passt alles ein, Strg+1 ist 100 %</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Flow</source>
        <translation>&amp;Neuer Flow</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>&amp;Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>&amp;Trust This Workspace</source>
        <translation>Diesem Arbeitsbereich &amp;vertrauen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Re&amp;load from Disk</source>
        <translation>Von der Festplatte neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Close Flow</source>
        <translation>Flow s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Next Flow</source>
        <translation>&amp;Nächster Flow</translation>
    </message>
    <message>
        <source>&amp;Previous Flow</source>
        <translation>&amp;Vorheriger Flow</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Run Detail</source>
        <translation>Laufdetails</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Flowdeck</source>
        <translation>Ü&amp;ber Flowdeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>New flow</source>
        <translation>Neuer Flow</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>no problems</source>
        <translation>keine Probleme</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Added task %1</source>
        <translation>Aufgabe %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Opened %1 — %2</source>
        <translation>%1 geöffnet — %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot read flow</source>
        <translation>Flow nicht lesbar</translation>
    </message>
    <message>
        <source>Flowdeck could not read %1 as a flow file.</source>
        <translation>Flowdeck konnte %1 nicht als Flow-Datei lesen.</translation>
    </message>
    <message>
        <source>Workspace — %1</source>
        <translation>Arbeitsbereich — %1</translation>
    </message>
    <message>
        <source>Workspace %1 — %2</source>
        <translation>Arbeitsbereich %1 — %2</translation>
    </message>
    <message>
        <source>Not reloaded; kept your changes to %1</source>
        <translation>Nicht neu geladen; Ihre Änderungen an %1 bleiben erhalten</translation>
    </message>
    <message>
        <source>Could not reload: %1</source>
        <translation>Neu laden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Reloaded %1</source>
        <translation>%1 neu geladen</translation>
    </message>
    <message>
        <source>%1 changed on disk; kept your version</source>
        <translation>%1 wurde auf der Festplatte geändert; Ihre Fassung bleibt erhalten</translation>
    </message>
    <message>
        <source>Reloaded %1 (changed on disk)</source>
        <translation>%1 neu geladen (auf der Festplatte geändert)</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>Datei auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>Reload from Disk</source>
        <translation>Von der Festplatte neu laden</translation>
    </message>
    <message>
        <source>%1 was changed by another program, and you have unsaved changes here.</source>
        <translation>%1 wurde von einem anderen Programm geändert, und hier gibt es ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>You have unsaved changes to %1.</source>
        <translation>%1 hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Reload the file and lose your changes, or keep your version?</source>
        <translation>Datei neu laden und Ihre Änderungen verwerfen, oder Ihre Fassung behalten?</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>Meine &amp;behalten</translation>
    </message>
    <message>
        <source>Save Flow</source>
        <translation>Flow speichern</translation>
    </message>
    <message>
        <source>Flow files (*.flow.yaml)</source>
        <translation>Flow-Dateien (*.flow.yaml)</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>Änderungen an %1 vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Delete task &apos;%1&apos;?</source>
        <translation>Aufgabe „%1“ löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tasks?</source>
        <translation>
            <numerusform>%n Aufgabe löschen?</numerusform>
            <numerusform>%n Aufgaben löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Tasks</source>
        <translation>Aufgaben löschen</translation>
    </message>
    <message>
        <source>Tasks that would lose an upstream: %1. Undo brings it back.</source>
        <translation>Aufgaben, die einen Vorgänger verlieren würden: %1. „Rückgängig“ holt ihn zurück.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Autosaved %1</source>
        <translation>%1 automatisch gesichert</translation>
    </message>
    <message>
        <source>Could not trust this folder: %1</source>
        <translation>Diesem Ordner konnte nicht vertraut werden: %1</translation>
    </message>
    <message>
        <source>Trusted %1: its schedules fire from now on</source>
        <translation>%1 ist vertrauenswürdig: seine Zeitpläne lösen ab jetzt aus</translation>
    </message>
    <message>
        <source>Recovered %1</source>
        <translation>%1 wiederhergestellt</translation>
    </message>
    <message>
        <source>Could not recover %1: %2</source>
        <translation>%1 konnte nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>Arbeitsfläche</translation>
    </message>
    <message>
        <source>Open Flow</source>
        <translation>Flow öffnen</translation>
    </message>
    <message>
        <source>Flow files (*.flow.yaml);;All files (*)</source>
        <translation>Flow-Dateien (*.flow.yaml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>About Flowdeck</source>
        <translation>Über Flowdeck</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Flowdeck %1&lt;/h3&gt;&lt;p&gt;A desktop workflow designer and runner.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Flowdeck %1&lt;/h3&gt;&lt;p&gt;Workflows am Desktop entwerfen und ausführen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 Aufgabe</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>1 flow</source>
        <translation>1 Flow</translation>
    </message>
    <message numerus="yes">
        <source>%n flows</source>
        <translation>
            <numerusform>%n Flow</numerusform>
            <numerusform>%n Flows</numerusform>
        </translation>
    </message>
    <message>
        <source>Fl&amp;ow Properties</source>
        <translation>Flow-&amp;Eigenschaften</translation>
    </message>
    <message>
        <source>Edit &amp;Selected Task</source>
        <translation>Ausgewählte Aufgabe &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Next Pro&amp;blem</source>
        <translation>Nächstes &amp;Problem</translation>
    </message>
    <message>
        <source>Find in Pa&amp;lette</source>
        <translation>In der Pa&amp;lette suchen</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
</context>
<context>
    <name>flowdeck::MiniMap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Übersicht: klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>flowdeck::ParameterDialog</name>
    <message>
        <source>, %1 to %2</source>
        <translation>, %1 bis %2</translation>
    </message>
    <message>
        <source>, at least %1</source>
        <translation>, mindestens %1</translation>
    </message>
    <message>
        <source>, at most %1</source>
        <translation>, höchstens %1</translation>
    </message>
    <message>
        <source>, JSON or words separated by commas</source>
        <translation>, JSON oder durch Kommas getrennte Wörter</translation>
    </message>
    <message>
        <source>, JSON</source>
        <translation>, JSON</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <source>%1 has no parameters.</source>
        <translation>%1 hat keine Parameter.</translation>
    </message>
    <message>
        <source>Values for this run of %1:</source>
        <translation>Werte für diesen Lauf von %1:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>(choose a value)</source>
        <translation>(Wert wählen)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>flowdeck::ParameterTable</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflicht</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>a parameter name uses letters, digits and &apos;_&apos;</source>
        <translation>ein Parametername besteht aus Buchstaben, Ziffern und „_“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>min and max only apply to int and float parameters</source>
        <translation>Min. und Max. gelten nur für Parameter vom Typ int und float</translation>
    </message>
    <message>
        <source>max is below min</source>
        <translation>Max. liegt unter Min.</translation>
    </message>
    <message>
        <source>duplicate parameter name &apos;%1&apos;</source>
        <translation>Parametername „%1“ kommt doppelt vor</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>flowdeck::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The language changes the next time Flowdeck starts. Dates, times and numbers follow it too.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Flowdeck. Datum, Uhrzeit und Zahlen richten sich ebenfalls danach.</translation>
    </message>
</context>
<context>
    <name>flowdeck::ProblemList</name>
    <message>
        <source>Task &apos;%1&apos;: %2</source>
        <translation>Aufgabe „%1“: %2</translation>
    </message>
</context>
<context>
    <name>flowdeck::QuantityField</name>
    <message>
        <source>e.g. 0.5 or 500</source>
        <translation>z. B. 0,5 oder 500</translation>
    </message>
    <message>
        <source>e.g. 512</source>
        <translation>z. B. 512</translation>
    </message>
</context>
<context>
    <name>flowdeck::QuickAddPopup</name>
    <message>
        <source>Add a task: type to search</source>
        <translation>Aufgabe hinzufügen: zum Suchen tippen</translation>
    </message>
</context>
<context>
    <name>flowdeck::RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Flowdeck did not close cleanly last time. These flows had changes that were not saved:</source>
        <translation>Flowdeck wurde beim letzten Mal nicht sauber beendet. Diese Flows hatten ungespeicherte Änderungen:</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>nie gespeichert</translation>
    </message>
    <message>
        <source>%1 — %2 (autosaved %3)</source>
        <translation>%1 — %2 (automatisch gesichert %3)</translation>
    </message>
    <message>
        <source>&amp;Recover Selected</source>
        <translation>Auswahl &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard All</source>
        <translation>Alle &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Keep the autosaves and ask again next time</source>
        <translation>Automatische Sicherungen behalten und beim nächsten Mal erneut fragen</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunCompareView</name>
    <message>
        <source>— (not set)</source>
        <translation>— (nicht gesetzt)</translation>
    </message>
    <message>
        <source>— (no task run)</source>
        <translation>— (kein Aufgabenlauf)</translation>
    </message>
    <message>
        <source>(log ended)</source>
        <translation>(Protokoll zu Ende)</translation>
    </message>
    <message>
        <source>line %1: %2 ≠ %3</source>
        <translation>Zeile %1: %2 ≠ %3</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Left state</source>
        <translation>Status links</translation>
    </message>
    <message>
        <source>Right state</source>
        <translation>Status rechts</translation>
    </message>
    <message>
        <source>Left duration</source>
        <translation>Dauer links</translation>
    </message>
    <message>
        <source>Right duration</source>
        <translation>Dauer rechts</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>First differing log line</source>
        <translation>Erste abweichende Protokollzeile</translation>
    </message>
    <message>
        <source>Compare runs %1 and %2</source>
        <translation>Läufe %1 und %2 vergleichen</translation>
    </message>
    <message>
        <source>run %1 of %2: %3, %4, %5</source>
        <translation>Lauf %1 von %2: %3, %4, %5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Left&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Right&lt;/b&gt; %2&lt;br&gt;%3 of %4 parameters differ · %5 of %6 tasks changed state · the logs of %7 differ</source>
        <translation>&lt;b&gt;Links&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Rechts&lt;/b&gt; %2&lt;br&gt;%3 von %4 Parametern unterscheiden sich · %5 von %6 Aufgaben haben einen anderen Status · die Protokolle von %7 unterscheiden sich</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 Aufgabe</translation>
    </message>
    <message>
        <source>Left (%1)</source>
        <translation>Links (%1)</translation>
    </message>
    <message>
        <source>Right (%1)</source>
        <translation>Rechts (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::RunController</name>
    <message>
        <source>no workspace is open</source>
        <translation>kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>a run of this window is going; stop it first</source>
        <translation>ein Lauf dieses Fensters ist im Gang; beenden Sie ihn zuerst</translation>
    </message>
    <message>
        <source>cannot open the run database: %1</source>
        <translation>die Laufdatenbank lässt sich nicht öffnen: %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunControls</name>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Run the current flow</source>
        <translation>Den aktuellen Flow ausführen</translation>
    </message>
    <message>
        <source>Run with &amp;Parameters…</source>
        <translation>Mit &amp;Parametern ausführen…</translation>
    </message>
    <message>
        <source>Choose the parameter values, then run</source>
        <translation>Parameterwerte wählen, dann ausführen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Cancel the run: its tasks&apos; process trees are stopped</source>
        <translation>Lauf abbrechen: die Prozessbäume seiner Aufgaben werden beendet</translation>
    </message>
    <message>
        <source>Re-run with &amp;Last Parameters</source>
        <translation>Mit &amp;letzten Parametern erneut ausführen</translation>
    </message>
    <message>
        <source>Run again with the parameter values of the flow&apos;s last run</source>
        <translation>Erneut ausführen, mit den Parameterwerten des letzten Laufs dieses Flows</translation>
    </message>
    <message>
        <source>Run from &amp;Here</source>
        <translation>Ab &amp;hier ausführen</translation>
    </message>
    <message>
        <source>Run the selected tasks and everything downstream, reusing the results of the flow&apos;s last finished run for the tasks upstream</source>
        <translation>Die ausgewählten Aufgaben und alles Nachgelagerte ausführen; für die vorgelagerten Aufgaben werden die Ergebnisse des letzten beendeten Laufs wiederverwendet</translation>
    </message>
    <message>
        <source>Run only the selected tasks, reusing the results of the flow&apos;s last finished run for the tasks they need</source>
        <translation>Nur die ausgewählten Aufgaben ausführen; für die Aufgaben, die sie brauchen, werden die Ergebnisse des letzten beendeten Laufs wiederverwendet</translation>
    </message>
    <message>
        <source>A run is going: stop it first (Shift+F5)</source>
        <translation>Ein Lauf ist im Gang: beenden Sie ihn zuerst (Umschalt+F5)</translation>
    </message>
    <message>
        <source>Nothing to run: open a flow first</source>
        <translation>Nichts auszuführen: öffnen Sie zuerst einen Flow</translation>
    </message>
    <message>
        <source>Save %1 first: its tasks run in the flow file&apos;s folder</source>
        <translation>Speichern Sie zuerst %1: seine Aufgaben laufen im Ordner der Flow-Datei</translation>
    </message>
    <message>
        <source>Not run: no parameter values given</source>
        <translation>Nicht ausgeführt: keine Parameterwerte angegeben</translation>
    </message>
    <message>
        <source>No earlier run of %1: running it as Run does</source>
        <translation>Kein früherer Lauf von %1: wird wie mit „Ausführen“ gestartet</translation>
    </message>
    <message>
        <source>Not run: %1 has problems; fix them first</source>
        <translation>Nicht ausgeführt: %1 hat Probleme; beheben Sie sie zuerst</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>Select the tasks to run first</source>
        <translation>Wählen Sie zuerst die auszuführenden Aufgaben</translation>
    </message>
    <message>
        <source>No earlier run of %1 to reuse: the tasks the selection needs run too (run %2)</source>
        <translation>Kein früherer Lauf von %1 zum Wiederverwenden: die Aufgaben, die die Auswahl braucht, laufen mit (Lauf %2)</translation>
    </message>
    <message>
        <source>Started %1 (run %2), reusing the results of run %3</source>
        <translation>%1 gestartet (Lauf %2), mit den Ergebnissen von Lauf %3</translation>
    </message>
    <message>
        <source>no earlier run to reuse</source>
        <translation>kein früherer Lauf zum Wiederverwenden</translation>
    </message>
    <message>
        <source>reusing the results of run %1</source>
        <translation>mit den Ergebnissen von Lauf %1</translation>
    </message>
    <message>
        <source>Not Run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Started %1 (run %2)</source>
        <translation>%1 gestartet (Lauf %2)</translation>
    </message>
    <message>
        <source>Run %1 of %2 %3 after %4</source>
        <translation>Lauf %1 von %2: %3 nach %4</translation>
    </message>
    <message>
        <source>%1: stopping</source>
        <translation>%1: wird gestoppt</translation>
    </message>
    <message>
        <source>%1: running</source>
        <translation>%1: läuft</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> · %1/%2 done</source>
        <translation> · %1/%2 erledigt</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Stopping %1: its tasks&apos; process trees get SIGTERM, then SIGKILL</source>
        <translation>%1 wird gestoppt: die Prozessbäume seiner Aufgaben erhalten SIGTERM, dann SIGKILL</translation>
    </message>
    <message>
        <source>A Run Is Going</source>
        <translation>Ein Lauf ist im Gang</translation>
    </message>
    <message>
        <source>%1 is still running. Stop it and close the window?</source>
        <translation>%1 läuft noch. Lauf stoppen und Fenster schließen?</translation>
    </message>
    <message>
        <source>Stopping %1; the window closes when it has ended</source>
        <translation>%1 wird gestoppt; das Fenster schließt sich, sobald er beendet ist</translation>
    </message>
    <message>
        <source>Run Selec&amp;tion</source>
        <translation>A&amp;uswahl ausführen</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunDetail</name>
    <message>
        <source>Tasks &amp;&amp; logs</source>
        <translation>Aufgaben &amp;&amp; Protokolle</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 und höher</translation>
    </message>
    <message>
        <source>Filter the lines shown…</source>
        <translation>Angezeigte Zeilen filtern…</translation>
    </message>
    <message>
        <source>Search the whole log (words, &quot;a phrase&quot;, prefix*)</source>
        <translation>Das ganze Protokoll durchsuchen (Wörter, &quot;eine Wortgruppe&quot;, Präfix*)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Run %1 is no longer in the database.</source>
        <translation>Lauf %1 ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>trigger: %1</source>
        <translation>Auslöser: %1</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>gestartet %1</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>reuses run %1</source>
        <translation>verwendet Lauf %1 wieder</translation>
    </message>
    <message>
        <source>parameters: %1</source>
        <translation>Parameter: %1</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>Ganzer Lauf</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>first %1 lines found</source>
        <translation>die ersten %1 gefundenen Zeilen</translation>
    </message>
    <message>
        <source>1 line found</source>
        <translation>1 Zeile gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n lines found</source>
        <translation>
            <numerusform>%n Zeile gefunden</numerusform>
            <numerusform>%n Zeilen gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;Trace…</source>
        <translation>&amp;Trace exportieren…</translation>
    </message>
    <message>
        <source>Save the run as a Chrome trace (open it in Perfetto) or as OpenTelemetry OTLP JSON</source>
        <translation>Den Lauf als Chrome-Trace (in Perfetto zu öffnen) oder als OpenTelemetry-OTLP-JSON speichern</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Freigeben…</translation>
    </message>
    <message>
        <source>The run waits for an approval: give its values and let it go on</source>
        <translation>Der Lauf wartet auf eine Freigabe: Werte angeben und ihn weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Chrome trace for Perfetto (*.json)</source>
        <translation>Chrome-Trace für Perfetto (*.json)</translation>
    </message>
    <message>
        <source>OpenTelemetry OTLP JSON (*.otlp.json)</source>
        <translation>OpenTelemetry-OTLP-JSON (*.otlp.json)</translation>
    </message>
    <message>
        <source>Export Trace</source>
        <translation>Trace exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>The run waits for these approvals:</source>
        <translation>Der Lauf wartet auf diese Freigaben:</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>%1 freigeben</translation>
    </message>
    <message>
        <source>Values for approval %1:</source>
        <translation>Werte für die Freigabe %1:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunMetricsView</name>
    <message>
        <source>CPU (% of one core)</source>
        <translation>CPU (% eines Kerns)</translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation>Speicher (MB)</translation>
    </message>
    <message>
        <source>CPU and memory of the run&apos;s tasks</source>
        <translation>CPU und Speicher der Aufgaben dieses Laufs</translation>
    </message>
    <message>
        <source>seconds since the start</source>
        <translation>Sekunden seit dem Start</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Recent runs of this flow (duration, by outcome)</source>
        <translation>Letzte Läufe dieses Flows (Dauer, nach Ergebnis)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>dieser Lauf</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>Aus dem Cache</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Average task</source>
        <translation>Schnitt je Aufgabe</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>Speicherspitze</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Cache hit rate</source>
        <translation>Cache-Trefferquote</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunNotifier</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Run %1 ended after %2</source>
        <translation>Lauf %1 endete nach %2</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunTimeline</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>No task has started yet.</source>
        <translation>Noch keine Aufgabe gestartet.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>nothing running</source>
        <translation>nichts läuft</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunsBrowser</name>
    <message>
        <source>1 run</source>
        <translation>1 Lauf</translation>
    </message>
    <message>
        <source>Runs appear here once a trusted workspace is open (File → Trust This Workspace).</source>
        <translation>Läufe erscheinen hier, sobald ein vertrauenswürdiger Arbeitsbereich geöffnet ist (Datei → Diesem Arbeitsbereich vertrauen).</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show the run&apos;s task runs and logs</source>
        <translation>Aufgabenläufe und Protokolle des Laufs zeigen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Run again from the point of failure, reusing the results of the tasks that completed</source>
        <translation>Ab der Fehlerstelle erneut ausführen, mit den Ergebnissen der abgeschlossenen Aufgaben</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Run Again with These Parameters: the flow as it is now, with this run&apos;s parameter values, every task fresh</source>
        <translation>Mit diesen Parametern erneut ausführen: der Flow in seiner jetzigen Form, mit den Parameterwerten dieses Laufs, jede Aufgabe neu</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Compare the two selected runs (Ctrl+click the second): parameters, task states and durations, the first differing log line</source>
        <translation>Die zwei ausgewählten Läufe vergleichen (den zweiten mit Strg+Klick): Parameter, Status und Dauer der Aufgaben, die erste abweichende Protokollzeile</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the run (its tasks&apos; process trees too)</source>
        <translation>Lauf stoppen (auch die Prozessbäume seiner Aufgaben)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the run with its logs and results</source>
        <translation>Lauf mit Protokollen und Ergebnissen löschen</translation>
    </message>
    <message>
        <source>Export Logs…</source>
        <translation>Protokoll exportieren…</translation>
    </message>
    <message>
        <source>Write the run&apos;s whole log to a file</source>
        <translation>Das ganze Protokoll des Laufs in eine Datei schreiben</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <source>Export run log</source>
        <translation>Laufprotokoll exportieren</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Protokolldateien (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>Alle Flows</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Going</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Failed, crashed or timed out</source>
        <translation>Fehlgeschlagen, abgestürzt oder Zeitlimit überschritten</translation>
    </message>
    <message>
        <source>Filter by flow, run id, tags, parameters, message…</source>
        <translation>Nach Flow, Lauf-ID, Tags, Parametern, Meldung filtern…</translation>
    </message>
    <message>
        <source>%1+ runs</source>
        <translation>%1+ Läufe</translation>
    </message>
    <message>
        <source>Run Again with These Parameters</source>
        <translation>Mit diesen Parametern erneut ausführen</translation>
    </message>
    <message>
        <source>Retry refused: %1</source>
        <translation>Wiederholung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Retrying run %1 as run %2</source>
        <translation>Lauf %1 wird als Lauf %2 wiederholt</translation>
    </message>
    <message>
        <source>Run again refused: %1</source>
        <translation>Erneutes Ausführen abgelehnt: %1</translation>
    </message>
    <message>
        <source>Running %1 again with the parameters of run %2 as run %3</source>
        <translation>%1 läuft erneut mit den Parametern von Lauf %2 als Lauf %3</translation>
    </message>
    <message>
        <source>Select two runs to compare (Ctrl+click the second)</source>
        <translation>Zwei Läufe zum Vergleichen auswählen (den zweiten mit Strg+Klick)</translation>
    </message>
    <message>
        <source>Run %1 is gone: nothing to compare</source>
        <translation>Lauf %1 ist weg: nichts zu vergleichen</translation>
    </message>
    <message>
        <source>Comparing runs %1 and %2</source>
        <translation>Läufe %1 und %2 werden verglichen</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4</source>
        <translation>%1  %2  %3  %4</translation>
    </message>
    <message>
        <source>Cancel requested for run %1</source>
        <translation>Abbruch für Lauf %1 angefordert</translation>
    </message>
    <message>
        <source>Run %1 has finished: nothing to cancel</source>
        <translation>Lauf %1 ist beendet: nichts abzubrechen</translation>
    </message>
    <message>
        <source>Run %1 is %2: cancel it first, only finished runs are deleted</source>
        <translation>Lauf %1 hat den Status „%2“: brechen Sie ihn zuerst ab, gelöscht werden nur beendete Läufe</translation>
    </message>
    <message>
        <source>Delete run %1 of %2 (%3), with its logs, results and subflow runs?</source>
        <translation>Lauf %1 von %2 (%3) mit Protokollen, Ergebnissen und Unter-Flow-Läufen löschen?</translation>
    </message>
    <message>
        <source>Deleted run %1</source>
        <translation>Lauf %1 gelöscht</translation>
    </message>
    <message>
        <source>Run %1 was not deleted</source>
        <translation>Lauf %1 wurde nicht gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n runs</source>
        <translation>
            <numerusform>%1 von %n Lauf</numerusform>
            <numerusform>%1 von %n Läufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n log lines to %1</source>
        <translation>
            <numerusform>%n Protokollzeile nach %1 geschrieben</numerusform>
            <numerusform>%n Protokollzeilen nach %1 geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::RunsTableModel</name>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>flowdeck::ScheduleForm</name>
    <message>
        <source>Edit Schedule %1</source>
        <translation>Zeitplan %1 bearbeiten</translation>
    </message>
    <message>
        <source>New Schedule</source>
        <translation>Neuer Zeitplan</translation>
    </message>
    <message>
        <source>nightly-report</source>
        <translation>nachtbericht</translation>
    </message>
    <message>
        <source>flowdeck.yaml (shared with the workspace)</source>
        <translation>flowdeck.yaml (mit dem Arbeitsbereich geteilt)</translation>
    </message>
    <message>
        <source>Run database only (like schedule add)</source>
        <translation>Nur Lauf-Datenbank (wie schedule add)</translation>
    </message>
    <message>
        <source>Active (fires when due)</source>
        <translation>Aktiv (löst bei Fälligkeit aus)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Flow:</source>
        <translation>&amp;Flow:</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>Speichern &amp;in:</translation>
    </message>
    <message>
        <source>In the zone</source>
        <translation>In der Zone</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Daylight saving</source>
        <translation>Sommerzeit</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron-Ausdruck</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Einmalig</translation>
    </message>
    <message>
        <source>Recurrence rule (RRULE)</source>
        <translation>Wiederholungsregel (RRULE)</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Not before</source>
        <translation>Nicht vor</translation>
    </message>
    <message>
        <source>Not after</source>
        <translation>Nicht nach</translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week</source>
        <translation>Minute Stunde Monatstag Monat Wochentag</translation>
    </message>
    <message>
        <source>Day of month and day of week must both match</source>
        <translation>Monatstag und Wochentag müssen beide zutreffen</translation>
    </message>
    <message>
        <source>&amp;Cron:</source>
        <translation>&amp;Cron:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>The first step, on the zone&apos;s clock (default 2000-01-01 00:00)</source>
        <translation>Der erste Schritt, nach der Uhr der Zone (Standard: 2000-01-01 00:00)</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>&amp;Alle:</translation>
    </message>
    <message>
        <source>Anchor:</source>
        <translation>Anker:</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>&amp;Um:</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source>Mo</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>We</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>So</translation>
    </message>
    <message>
        <source>9, 17</source>
        <translation>9, 17</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Rhythmus:</translation>
    </message>
    <message>
        <source>On days:</source>
        <translation>An Tagen:</translation>
    </message>
    <message>
        <source>At hours:</source>
        <translation>Stunden:</translation>
    </message>
    <message>
        <source>Minute:</source>
        <translation>Minute:</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Regel:</translation>
    </message>
    <message>
        <source>Starting:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Skip missed fire times</source>
        <translation>Verpasste Auslösezeitpunkte überspringen</translation>
    </message>
    <message>
        <source>Run the latest missed one</source>
        <translation>Den letzten verpassten ausführen</translation>
    </message>
    <message>
        <source>Run all missed ones</source>
        <translation>Alle verpassten ausführen</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>höchstens </translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Wait (enqueue)</source>
        <translation>Warten (einreihen)</translation>
    </message>
    <message>
        <source>Cancel the new run</source>
        <translation>Neuen Lauf abbrechen</translation>
    </message>
    <message>
        <source>Set…</source>
        <translation>Festlegen…</translation>
    </message>
    <message>
        <source>Catch-&amp;up:</source>
        <translation>Nach&amp;holen:</translation>
    </message>
    <message>
        <source>Max active runs:</source>
        <translation>Max. aktive Läufe:</translation>
    </message>
    <message>
        <source>Pool / queue:</source>
        <translation>Pool / Warteschlange:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <source>(the flow has none)</source>
        <translation>(der Flow hat keine)</translation>
    </message>
    <message>
        <source>(no flow files in the workspace)</source>
        <translation>(keine Flow-Dateien im Arbeitsbereich)</translation>
    </message>
    <message>
        <source>Parameters of %1</source>
        <translation>Parameter von %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>schedule name: %1 exists already (edit it from the Schedules panel)</source>
        <translation>Zeitplanname: %1 gibt es bereits (bearbeiten Sie ihn im Bereich „Zeitpläne“)</translation>
    </message>
    <message>
        <source>No preview: the schedule has problems</source>
        <translation>Keine Vorschau: Der Zeitplan hat Probleme</translation>
    </message>
    <message>
        <source>%1 — no fire times after now (the schedule has ended)</source>
        <translation>%1 — keine künftigen Auslösezeitpunkte (der Zeitplan ist abgelaufen)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;The next %2 fire times after %3:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Die nächsten %2 Auslösezeitpunkte nach %3:</translation>
    </message>
    <message>
        <source>A daylight-saving change moved this fire time: %1</source>
        <translation>Eine Zeitumstellung hat diesen Auslösezeitpunkt verschoben: %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::SchedulesModel</name>
    <message>
        <source>invalid: %1</source>
        <translation>ungültig: %1</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>none (ended)</source>
        <translation>keine (beendet)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Next fire</source>
        <translation>Nächste Auslösung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Declared in</source>
        <translation>Definiert in</translation>
    </message>
</context>
<context>
    <name>flowdeck::SchedulesPanel</name>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Backfill…</source>
        <translation>Nachholen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Upcoming runs:</source>
        <translation>Anstehende Läufe:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Open a trusted workspace to see and edit its schedules (flowdeck.yaml and the run database).</source>
        <translation>Öffnen Sie einen vertrauenswürdigen Arbeitsbereich, um seine Zeitpläne zu sehen und zu bearbeiten (flowdeck.yaml und die Lauf-Datenbank).</translation>
    </message>
    <message>
        <source>Saved schedule %1</source>
        <translation>Zeitplan %1 gespeichert</translation>
    </message>
    <message>
        <source>Resumed %1</source>
        <translation>%1 fortgesetzt</translation>
    </message>
    <message>
        <source>Paused %1 (its waiting runs were dropped)</source>
        <translation>%1 pausiert (seine wartenden Läufe wurden verworfen)</translation>
    </message>
    <message>
        <source>the run database</source>
        <translation>der Lauf-Datenbank</translation>
    </message>
    <message>
        <source>%1 and the run database</source>
        <translation>%1 und der Lauf-Datenbank</translation>
    </message>
    <message>
        <source>Remove Schedule</source>
        <translation>Zeitplan entfernen</translation>
    </message>
    <message>
        <source>Remove schedule %1 from %2? Its finished runs stay in the history.</source>
        <translation>Zeitplan %1 aus %2 entfernen? Seine beendeten Läufe bleiben im Verlauf.</translation>
    </message>
    <message>
        <source>Removed schedule %1</source>
        <translation>Zeitplan %1 entfernt</translation>
    </message>
    <message>
        <source>A run of %1 is due now; pool %2 runs it</source>
        <translation>Ein Lauf von %1 ist jetzt fällig; Pool %2 führt ihn aus</translation>
    </message>
    <message>
        <source>Created %1 backfill runs of %2</source>
        <translation>%1 Nachhol-Läufe von %2 erstellt</translation>
    </message>
    <message>
        <source>Deployments have schedules of their own (%1). They fire where each deployment is exported (a systemd timer, a CronJob, a CronWorkflow, a Prefect schedule), not here; edit them in the Deployments dock.</source>
        <translation>Deployments haben eigene Zeitpläne (%1). Sie lösen dort aus, wohin jedes Deployment exportiert wird (ein systemd-Timer, ein CronJob, ein CronWorkflow, ein Prefect-Zeitplan), nicht hier; bearbeiten Sie sie im Deployments-Dock.</translation>
    </message>
</context>
<context>
    <name>flowdeck::ShortcutSheet</name>
    <message>
        <source>Canvas</source>
        <translation>Arbeitsfläche</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskInspector</name>
    <message>
        <source>a duration is needed, like &apos;30s&apos; or &apos;1m30s&apos;</source>
        <translation>eine Dauer wird gebraucht, etwa „30s“ oder „1m30s“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration: use seconds or a number with ms, s, m, h or d, like &apos;30s&apos; or &apos;1m30s&apos;</source>
        <translation>„%1“ ist keine Dauer: Sekunden angeben oder eine Zahl mit ms, s, m, h oder d, etwa „30s“ oder „1m30s“</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>muss größer als 0 sein</translation>
    </message>
    <message>
        <source>one duration per retry, like &apos;1s, 5s, 30s&apos;</source>
        <translation>eine Dauer je Wiederholung, etwa „1s, 5s, 30s“</translation>
    </message>
    <message>
        <source>one duration, like &apos;10s&apos;</source>
        <translation>eine Dauer, etwa „10s“</translation>
    </message>
    <message>
        <source>Edit script of %1</source>
        <translation>Skript von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Change kind of %1</source>
        <translation>Art von %1 ändern</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>Describe %1</source>
        <translation>%1 beschreiben</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>T&amp;ags</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>Tags von %1 setzen</translation>
    </message>
    <message>
        <source>&amp;Working folder</source>
        <translation>Arbeits&amp;ordner</translation>
    </message>
    <message>
        <source>Set working folder of %1</source>
        <translation>Arbeitsordner von %1 setzen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Change language of %1</source>
        <translation>Sprache von %1 ändern</translation>
    </message>
    <message>
        <source>&amp;Flow file</source>
        <translation>&amp;Flow-Datei</translation>
    </message>
    <message>
        <source>a subflow needs a flow file</source>
        <translation>ein Unter-Flow braucht eine Flow-Datei</translation>
    </message>
    <message>
        <source>Set flow of %1</source>
        <translation>Flow von %1 setzen</translation>
    </message>
    <message>
        <source>Para&amp;meters</source>
        <translation>Para&amp;meter</translation>
    </message>
    <message>
        <source>Set parameters of %1</source>
        <translation>Parameter von %1 setzen</translation>
    </message>
    <message>
        <source>&amp;Seconds</source>
        <translation>S&amp;ekunden</translation>
    </message>
    <message>
        <source>Set sleep of %1</source>
        <translation>Wartezeit von %1 setzen</translation>
    </message>
    <message>
        <source>&amp;After</source>
        <translation>&amp;Nach</translation>
    </message>
    <message>
        <source>&amp;Trigger</source>
        <translation>Aus&amp;löser</translation>
    </message>
    <message>
        <source>Change trigger of %1</source>
        <translation>Auslöser von %1 ändern</translation>
    </message>
    <message>
        <source>&amp;Map over</source>
        <translation>Auf&amp;teilen über</translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation>%1 aufteilen</translation>
    </message>
    <message>
        <source>&amp;Retries</source>
        <translation>&amp;Wiederholungen</translation>
    </message>
    <message>
        <source>Set retries of %1</source>
        <translation>Wiederholungen von %1 setzen</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>fest</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>exponentiell</translation>
    </message>
    <message>
        <source>e.g. 10s</source>
        <translation>z. B. 10s</translation>
    </message>
    <message>
        <source>Retry &amp;delay</source>
        <translation>&amp;Verzögerung der Wiederholung</translation>
    </message>
    <message>
        <source>Set retry delay of %1</source>
        <translation>Wiederholungsverzögerung von %1 setzen</translation>
    </message>
    <message>
        <source>Retry &amp;jitter</source>
        <translation>&amp;Streuung der Wiederholung</translation>
    </message>
    <message>
        <source>Set retry jitter of %1</source>
        <translation>Wiederholungsstreuung von %1 setzen</translation>
    </message>
    <message>
        <source>Time&amp;out</source>
        <translation>&amp;Zeitlimit</translation>
    </message>
    <message>
        <source>Set timeout of %1</source>
        <translation>Zeitlimit von %1 setzen</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>erneuern</translation>
    </message>
    <message>
        <source>&amp;Cache</source>
        <translation>&amp;Cache</translation>
    </message>
    <message>
        <source>Cache %1</source>
        <translation>%1 cachen</translation>
    </message>
    <message>
        <source>Set cache policy of %1</source>
        <translation>Cache-Regel von %1 setzen</translation>
    </message>
    <message>
        <source>Set cache refresh of %1</source>
        <translation>Cache-Erneuerung von %1 setzen</translation>
    </message>
    <message>
        <source>Cache e&amp;xpires</source>
        <translation>Cache läuft a&amp;b</translation>
    </message>
    <message>
        <source>Set cache expiration of %1</source>
        <translation>Cache-Ablauf von %1 setzen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Umgebung</translation>
    </message>
    <message>
        <source>Edit environment of %1</source>
        <translation>Umgebung von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Select a task on the canvas to edit its settings.</source>
        <translation>Wählen Sie eine Aufgabe auf der Arbeitsfläche, um ihre Einstellungen zu bearbeiten.</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks selected: %1.

Select one task to edit its settings; move, align, copy or delete the selection on the canvas.</source>
        <translation>
            <numerusform>%n Aufgabe ausgewählt: %1.

Wählen Sie eine einzelne Aufgabe, um ihre Einstellungen zu bearbeiten; verschieben, ausrichten, kopieren oder löschen Sie die Auswahl auf der Arbeitsfläche.</numerusform>
            <numerusform>%n Aufgaben ausgewählt: %1.

Wählen Sie eine einzelne Aufgabe, um ihre Einstellungen zu bearbeiten; verschieben, ausrichten, kopieren oder löschen Sie die Auswahl auf der Arbeitsfläche.</numerusform>
        </translation>
    </message>
    <message>
        <source>use letters, digits, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit</source>
        <translation>erlaubt sind Buchstaben, Ziffern, „_“ und „-“, am Anfang ein Buchstabe oder eine Ziffer</translation>
    </message>
    <message>
        <source>there is already a task named &apos;%1&apos;</source>
        <translation>es gibt schon eine Aufgabe namens „%1“</translation>
    </message>
    <message>
        <source>cannot rename to &apos;%1&apos;</source>
        <translation>Umbenennen in „%1“ nicht möglich</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos; is a %2, not a list</source>
        <translation>Parameter „%1“ ist vom Typ %2, keine Liste</translation>
    </message>
    <message>
        <source>no list parameter or upstream task is called &apos;%1&apos;</source>
        <translation>kein Listenparameter und keine vorgelagerte Aufgabe heißt „%1“</translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskPalette</name>
    <message>
        <source>Filter tasks and snippets</source>
        <translation>Aufgaben und Bausteine filtern</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>Bausteine</translation>
    </message>
    <message>
        <source>Task kinds</source>
        <translation>Aufgabenarten</translation>
    </message>
    <message>
        <source>Drag onto the canvas, or double-click to add</source>
        <translation>Auf die Arbeitsfläche ziehen oder doppelklicken zum Hinzufügen</translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskProblems</name>
    <message>
        <source>Line %1: </source>
        <translation>Zeile %1: </translation>
    </message>
    <message>
        <source>Rename to &apos;%1&apos;</source>
        <translation>In „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Rename the key &apos;%1&apos; to &apos;%2&apos; in the file</source>
        <translation>Den Schlüssel „%1“ in der Datei in „%2“ umbenennen</translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskRunsModel</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>Speicherspitze</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskTree</name>
    <message numerus="yes">
        <source>%1 … (%n lines)</source>
        <translation>
            <numerusform>%1 … (%n Zeile)</numerusform>
            <numerusform>%1 … (%n Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>exponential from %1</source>
        <translation>exponentiell ab %1</translation>
    </message>
    <message>
        <source>, expires after %1</source>
        <translation>, läuft nach %1 ab</translation>
    </message>
    <message>
        <source>, refresh</source>
        <translation>, erneuern</translation>
    </message>
    <message>
        <source>script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>map</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>retry delay</source>
        <translation>Wiederholungsverzögerung</translation>
    </message>
    <message>
        <source>retry jitter</source>
        <translation>Wiederholungsstreuung</translation>
    </message>
    <message>
        <source>env</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>workdir</source>
        <translation>Arbeitsordner</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a setting row: its name and value</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>flowdeck::TimeZonePicker</name>
    <message>
        <source>system zone</source>
        <translation>Systemzone</translation>
    </message>
    <message>
        <source>unknown zone</source>
        <translation>unbekannte Zone</translation>
    </message>
    <message>
        <source>UTC%1 now (%2)</source>
        <translation>jetzt UTC%1 (%2)</translation>
    </message>
</context>
<context>
    <name>flowdeck::TrustBar</name>
    <message>
        <source>Trust This Folder</source>
        <translation>Diesem Ordner vertrauen</translation>
    </message>
    <message>
        <source>Restricted: %1 is not trusted, so Flowdeck runs nothing from it on its own. Its schedules do not fire and its autosaved documents are not recovered until you trust it. Editing is not affected.</source>
        <translation>Eingeschränkt: %1 ist nicht vertrauenswürdig, daher führt Flowdeck von dort nichts von selbst aus. Seine Zeitpläne lösen nicht aus und automatisch gesicherte Dokumente werden nicht wiederhergestellt, bis Sie ihm vertrauen. Bearbeiten ist davon nicht betroffen.</translation>
    </message>
</context>
<context>
    <name>flowdeck::UpcomingStrip</name>
    <message>
        <source>Nothing scheduled in this span</source>
        <translation>In diesem Zeitraum ist nichts geplant</translation>
    </message>
    <message>
        <source>%1 (%2): %3, %4</source>
        <translation>%1 (%2): %3, %4</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
</context>
<context>
    <name>flowdeck::WorkspaceScheduler</name>
    <message>
        <source>Scheduler off: workspace not trusted</source>
        <translation>Zeitplaner aus: Arbeitsbereich nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The schedules of %1 fire only once you trust this folder (the bar over the editor, or File → Trust This Workspace): they run its scripts.</source>
        <translation>Die Zeitpläne von %1 lösen erst aus, wenn Sie diesem Ordner vertrauen (die Leiste über dem Editor oder Datei → Diesem Arbeitsbereich vertrauen): sie führen seine Skripte aus.</translation>
    </message>
    <message>
        <source>Scheduler off: bad settings</source>
        <translation>Zeitplaner aus: fehlerhafte Einstellungen</translation>
    </message>
    <message>
        <source>Scheduler off: no database</source>
        <translation>Zeitplaner aus: keine Datenbank</translation>
    </message>
    <message>
        <source>Scheduler off: problems in flowdeck.yaml</source>
        <translation>Zeitplaner aus: Probleme in flowdeck.yaml</translation>
    </message>
    <message>
        <source>Scheduler: %1 started, %2 running</source>
        <translation>Zeitplaner: %1 gestartet, laufend: %2</translation>
    </message>
    <message>
        <source>Scheduler: %1 %2, %3 running</source>
        <translation>Zeitplaner: %1 %2, laufend: %3</translation>
    </message>
    <message>
        <source>Scheduler on</source>
        <translation>Zeitplaner an</translation>
    </message>
</context>
</TS>
