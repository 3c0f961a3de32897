<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>EdgeItem</name>
    <message>
        <source>no task named &apos;%1&apos;</source>
        <translation>aucune tâche nommée «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1 → %2: %2 runs %3 (trigger rule %4)</source>
        <translation>%1 → %2&#xa0;: %2 s’exécute %3 (règle de déclenchement %4)</translation>
    </message>
    <message>
        <source>each</source>
        <comment>a mapped edge: one run for each item; short, it sits in the gap between two nodes</comment>
        <translation>par</translation>
    </message>
</context>
<context>
    <name>KindStyle</name>
    <message>
        <source>when every upstream succeeded</source>
        <translation>quand toutes les tâches en amont ont réussi</translation>
    </message>
    <message>
        <source>when every upstream has finished, whatever its state</source>
        <translation>quand toutes les tâches en amont sont terminées, quel que soit leur état</translation>
    </message>
    <message>
        <source>only when every upstream failed</source>
        <translation>seulement quand toutes les tâches en amont ont échoué</translation>
    </message>
    <message>
        <source>when at least one upstream succeeded</source>
        <translation>quand au moins une tâche en amont a réussi</translation>
    </message>
    <message>
        <source>only when at least one upstream failed</source>
        <translation>seulement quand au moins une tâche en amont a échoué</translation>
    </message>
    <message>
        <source>when no upstream failed (skipped ones do not count)</source>
        <translation>quand aucune tâche en amont n’a échoué (les tâches ignorées ne comptent pas)</translation>
    </message>
</context>
<context>
    <name>LiveTaskText</name>
    <message>
        <source>Timed out</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>En attente d’une nouvelle tentative</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 sur %2 terminés</translation>
    </message>
    <message>
        <source>Attempt %1 of %2</source>
        <translation>Tentative %1 sur %2</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Attempt %1 of %2 soon</source>
        <translation>Tentative %1 sur %2 sous peu</translation>
    </message>
    <message>
        <source>Completed %1 of %2</source>
        <translation>%1 sur %2 terminés</translation>
    </message>
    <message>
        <source>Completed in %1</source>
        <translation>Terminé en %1</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 en échec</translation>
    </message>
    <message>
        <source>attempt %1 of %2</source>
        <translation>tentative %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n items done</source>
        <translation>
            <numerusform>%1 élément sur %n terminé</numerusform>
            <numerusform>%1 éléments sur %n terminés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>Trigger rule %1: runs %2</source>
        <translation>Règle de déclenchement %1&#xa0;: s’exécute %2</translation>
    </message>
    <message>
        <source>Map: one run for each item of %1</source>
        <translation>Répartition&#xa0;: une exécution pour chaque élément de %1</translation>
    </message>
    <message>
        <source>Retries: %1</source>
        <translation>Nouvelles tentatives&#xa0;: %1</translation>
    </message>
    <message>
        <source>Retries: %1 (first after %2)</source>
        <translation>Nouvelles tentatives&#xa0;: %1 (la première après %2)</translation>
    </message>
    <message>
        <source>Timeout: %1</source>
        <translation>Délai maximal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>Cache&#xa0;: %1</translation>
    </message>
    <message>
        <source>, expires after %1</source>
        <translation>, expire après %1</translation>
    </message>
    <message>
        <source>, refreshed on every run</source>
        <translation>, renouvelé à chaque exécution</translation>
    </message>
    <message>
        <source>flow %1</source>
        <translation>flux %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d’écrire %1</translation>
    </message>
    <message>
        <source>Flowdeck flow graph</source>
        <translation>Graphe de flux Flowdeck</translation>
    </message>
    <message>
        <source>Runs a bash script</source>
        <translation>Exécute un script bash</translation>
    </message>
    <message>
        <source>Runs a Python 3 script</source>
        <translation>Exécute un script Python 3</translation>
    </message>
    <message>
        <source>Chooses a path: exit status 0 takes &apos;true&apos;, any other &apos;false&apos;</source>
        <translation>Choisit un chemin&#xa0;: le code de sortie 0 prend «&#xa0;true&#xa0;», tout autre «&#xa0;false&#xa0;»</translation>
    </message>
    <message>
        <source>Runs another flow file as one task</source>
        <translation>Exécute un autre fichier de flux comme une seule tâche</translation>
    </message>
    <message>
        <source>Waits for a while</source>
        <translation>Attend un moment</translation>
    </message>
    <message>
        <source>Does nothing; joins or groups dependencies</source>
        <translation>Ne fait rien&#xa0;; réunit ou regroupe des dépendances</translation>
    </message>
    <message>
        <source>HTTP download (curl)</source>
        <translation>Téléchargement HTTP (curl)</translation>
    </message>
    <message>
        <source>Downloads a URL into the run directory, retrying on failure</source>
        <translation>Télécharge une URL dans le dossier de l’exécution, avec nouvelles tentatives en cas d’échec</translation>
    </message>
    <message>
        <source>Run SQL file (sqlite3)</source>
        <translation>Exécuter un fichier SQL (sqlite3)</translation>
    </message>
    <message>
        <source>Runs a SQL file against a SQLite database with sqlite3</source>
        <translation>Exécute un fichier SQL sur une base SQLite avec sqlite3</translation>
    </message>
    <message>
        <source>git clone</source>
        <translation>git clone</translation>
    </message>
    <message>
        <source>Clones a git repository (shallow) into the run directory</source>
        <translation>Clone un dépôt git (superficiel) dans le dossier de l’exécution</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>toutes les %1 s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>cœurs</translation>
    </message>
    <message>
        <source>millicores (m)</source>
        <translation>millicœurs (m)</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <source>a run of another workspace is going</source>
        <translation>une exécution d’un autre espace de travail est en cours</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Non exporté : %1</translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation>Exporter dans un dossier</translation>
    </message>
    <message>
        <source>Replace Folder</source>
        <translation>Remplacer le dossier</translation>
    </message>
    <message>
        <source>%1 exists. Replace it with the export?</source>
        <translation>%1 existe. Le remplacer par l’export ?</translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation>%1 fichiers exportés vers %2</translation>
    </message>
</context>
<context>
    <name>RunLogExport</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>RunState</name>
    <message>
        <source>Scheduled</source>
        <translation>Planifiée</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Nouvelle tentative</translation>
    </message>
    <message>
        <source>AwaitingRetry</source>
        <translation>Attend une nouvelle tentative</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>Depuis le cache</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>TimedOut</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Annulation en cours</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Plantée</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorée</translation>
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
        <translation>manuel</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>planification</translation>
    </message>
    <message>
        <source>backfill</source>
        <translation>rattrapage</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>nouvelle tentative</translation>
    </message>
    <message>
        <source>deployment</source>
        <translation>déploiement</translation>
    </message>
    <message>
        <source>subflow</source>
        <translation>sous-flux</translation>
    </message>
</context>
<context>
    <name>ScheduleForm</name>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semaines</translation>
    </message>
</context>
<context>
    <name>StepNames</name>
    <message>
        <source>Delete task &apos;%1&apos;</source>
        <translation>Supprimer la tâche «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Cut task &apos;%1&apos;</source>
        <translation>Couper la tâche «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Paste 1 task</source>
        <translation>Coller 1 tâche</translation>
    </message>
    <message>
        <source>Duplicate task &apos;%1&apos;</source>
        <translation>Dupliquer la tâche «&#xa0;%1&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tasks</source>
        <translation>
            <numerusform>Supprimer %n tâche</numerusform>
            <numerusform>Supprimer %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n tasks</source>
        <translation>
            <numerusform>Couper %n tâche</numerusform>
            <numerusform>Couper %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n tasks</source>
        <translation>
            <numerusform>Coller %n tâche</numerusform>
            <numerusform>Coller %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n tasks</source>
        <translation>
            <numerusform>Dupliquer %n tâche</numerusform>
            <numerusform>Dupliquer %n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete 1 item</source>
        <translation>Supprimer 1 élément</translation>
    </message>
    <message>
        <source>Cut 1 item</source>
        <translation>Couper 1 élément</translation>
    </message>
    <message>
        <source>Paste 1 item</source>
        <translation>Coller 1 élément</translation>
    </message>
    <message>
        <source>Duplicate 1 item</source>
        <translation>Dupliquer 1 élément</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n items</source>
        <translation>
            <numerusform>Supprimer %n élément</numerusform>
            <numerusform>Supprimer %n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n items</source>
        <translation>
            <numerusform>Couper %n élément</numerusform>
            <numerusform>Couper %n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n items</source>
        <translation>
            <numerusform>Coller %n élément</numerusform>
            <numerusform>Coller %n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n items</source>
        <translation>
            <numerusform>Dupliquer %n élément</numerusform>
            <numerusform>Dupliquer %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n connections</source>
        <translation>
            <numerusform>Supprimer %n connexion</numerusform>
            <numerusform>Supprimer %n connexions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::BackfillDialog</name>
    <message>
        <source>Backfill %1</source>
        <translation>Rattrapage de %1</translation>
    </message>
    <message>
        <source>Create Runs</source>
        <translation>Créer les exécutions</translation>
    </message>
    <message>
        <source>From (%1):</source>
        <translation>Du (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation>Au (inclus)&#xa0;:</translation>
    </message>
    <message>
        <source>Fire times in the window (a dry run: nothing is created yet):</source>
        <translation>Déclenchements dans la période (simulation&#xa0;: rien n’est encore créé)&#xa0;:</translation>
    </message>
    <message>
        <source>From is in the future: backfill makes the runs of past fire times; the scheduler makes the future ones.</source>
        <translation>La date de début est dans le futur&#xa0;: le rattrapage crée les exécutions des déclenchements passés&#xa0;; le planificateur crée celles à venir.</translation>
    </message>
    <message>
        <source>To is before From.</source>
        <translation>La date de fin précède la date de début.</translation>
    </message>
    <message>
        <source>More than %1 fire times: backfill a shorter window.</source>
        <translation>Plus de %1 déclenchements&#xa0;: rattrapez une période plus courte.</translation>
    </message>
    <message>
        <source>has a run</source>
        <translation>a une exécution</translation>
    </message>
    <message>
        <source>would be created</source>
        <translation>serait créée</translation>
    </message>
    <message>
        <source>%1 fire times, %2 to create%3</source>
        <translation>%1 déclenchements, %2 à créer%3</translation>
    </message>
    <message>
        <source>; the window ends now (later fire times are the scheduler&apos;s)</source>
        <translation>&#xa0;; la période s’arrête à maintenant (les déclenchements suivants reviennent au planificateur)</translation>
    </message>
    <message numerus="yes">
        <source>Create %n Run(s)</source>
        <translation>
            <numerusform>Créer %n exécution</numerusform>
            <numerusform>Créer %n exécutions</numerusform>
        </translation>
    </message>
    <message>
        <source>The database refused the runs; nothing was created.</source>
        <translation>La base de données a refusé les exécutions&#xa0;; rien n’a été créé.</translation>
    </message>
</context>
<context>
    <name>flowdeck::DependencyList</name>
    <message>
        <source>Draw connections on the canvas to add dependencies; Delete removes the selected one.</source>
        <translation>Tracez des connexions sur le canevas pour ajouter des dépendances&#xa0;; Suppr retire celle qui est sélectionnée.</translation>
    </message>
    <message>
        <source>%1 (no such task)</source>
        <translation>%1 (tâche inexistante)</translation>
    </message>
    <message>
        <source>Use &apos;%1&apos;</source>
        <translation>Utiliser «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Depend on %1 instead of %2</source>
        <translation>Dépendre de %1 au lieu de %2</translation>
    </message>
    <message>
        <source>Remove the dependency on %1</source>
        <translation>Retirer la dépendance envers %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentForm</name>
    <message>
        <source>&amp;Export to Folder…</source>
        <translation>&amp;Exporter dans un dossier…</translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation>Exécuter &amp;maintenant</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Non démarré : %1</translation>
    </message>
    <message>
        <source>Run %1 started (see the Runs dock)</source>
        <translation>Exécution %1 démarrée (voir le dock Exécutions)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>lettres, chiffres, &apos;_&apos; et &apos;-&apos;</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Flow:</source>
        <translation>&amp;Flow :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version :</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Éti&amp;quettes :</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>séparées par des virgules</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image :</translation>
    </message>
    <message>
        <source>registry/name:tag</source>
        <translation>registre/nom:tag</translation>
    </message>
    <message>
        <source>Dockerfile:</source>
        <translation>Dockerfile :</translation>
    </message>
    <message>
        <source>relative to the workspace; empty: generated</source>
        <translation>relatif à l’espace de travail ; vide : généré</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace :</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool :</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;File d’attente :</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>Mo&amp;dèle :</translation>
    </message>
    <message>
        <source>a Mustache file, relative to the workspace</source>
        <translation>un fichier Mustache, relatif à l’espace de travail</translation>
    </message>
    <message>
        <source>CPU request:</source>
        <translation>Demande CPU :</translation>
    </message>
    <message>
        <source>CPU limit:</source>
        <translation>Limite CPU :</translation>
    </message>
    <message>
        <source>Memory request:</source>
        <translation>Demande mémoire :</translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation>Limite mémoire :</translation>
    </message>
    <message>
        <source>&amp;Parameters:</source>
        <translation>&amp;Paramètres :</translation>
    </message>
    <message>
        <source>Tick Secret and type the value: it goes into the keyring and is never shown again; flowdeck.yaml keeps only {secret: NAME}.</source>
        <translation>Cochez Secret et saisissez la valeur : elle va dans le trousseau et n’est plus jamais affichée ; flowdeck.yaml ne garde que {secret: NAME}.</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environnement :</translation>
    </message>
    <message>
        <source>&amp;Schedules:</source>
        <translation>&amp;Planifications :</translation>
    </message>
    <message>
        <source>Add a cron schedule (daily at 02:00 UTC)</source>
        <translation>Ajouter une planification cron (chaque jour à 02:00 UTC)</translation>
    </message>
    <message>
        <source>Values as on the command line (--param NAME=VALUE); they override the flow&apos;s defaults and parameter_files</source>
        <translation>Valeurs comme en ligne de commande (--param NOM=VALEUR) ; elles l’emportent sur les valeurs par défaut du flow et sur parameter_files</translation>
    </message>
    <message>
        <source>This deployment has list or map parameters: edit them in flowdeck.yaml</source>
        <translation>Ce déploiement a des paramètres liste ou dictionnaire : modifiez-les dans flowdeck.yaml</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Pas d’aperçu : %1</translation>
    </message>
    <message>
        <source>No preview: %1 problems, the first: %2</source>
        <translation>Pas d’aperçu : %1 problèmes, le premier : %2</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Enregistrement impossible : %1</translation>
    </message>
    <message>
        <source>No preview: the export failed</source>
        <translation>Pas d’aperçu : l’export a échoué</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement : %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a secret name (lowercase letters, digits and &apos;-&apos;): rename the variable; its value was not kept</source>
        <translation>&apos;%1&apos; n’est pas un nom de secret (minuscules, chiffres et &apos;-&apos;) : renommez la variable ; sa valeur n’a pas été gardée</translation>
    </message>
    <message>
        <source>The keyring cannot be used (%1): the value of %2 was not kept; give it as %3 when the deployment runs</source>
        <translation>Le trousseau est inutilisable (%1) : la valeur de %2 n’a pas été gardée ; fournissez-la comme %3 quand le déploiement s’exécute</translation>
    </message>
    <message>
        <source>The keyring refused secret &apos;%1&apos;: %2</source>
        <translation>Le trousseau a refusé le secret &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>Secret &apos;%1&apos; saved in the keyring.</source>
        <translation>Secret &apos;%1&apos; enregistré dans le trousseau.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation>%1 fichiers exportés vers %2</translation>
    </message>
    <message>
        <source>New Deployment[*]</source>
        <translation>Nouveau déploiement[*]</translation>
    </message>
    <message>
        <source>Deployment — %1[*]</source>
        <translation>Déploiement — %1[*]</translation>
    </message>
    <message>
        <source>Attach from Schedules</source>
        <translation>Joindre depuis les planifications</translation>
    </message>
    <message>
        <source>Copy a schedule of the Schedules panel into this deployment: it then fires where the deployment is exported (a timer, a CronJob, a CronWorkflow...)</source>
        <translation>Copier une planification du dock Planifications dans ce déploiement : elle se déclenche alors là où le déploiement est exporté (un timer, un CronJob, un CronWorkflow…)</translation>
    </message>
    <message>
        <source>No schedules in the Schedules panel</source>
        <translation>Aucune planification dans le dock Planifications</translation>
    </message>
    <message>
        <source>%1 files to export; changes not saved yet</source>
        <translation>%1 fichiers à exporter ; modifications pas encore enregistrées</translation>
    </message>
    <message>
        <source>%1 files to export; no changes</source>
        <translation>%1 fichiers à exporter ; aucune modification</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save deployment %1 to %2 before closing?</source>
        <translation>Enregistrer le déploiement %1 dans %2 avant de fermer ?</translation>
    </message>
    <message>
        <source>no run controller</source>
        <translation>aucun contrôleur d’exécution</translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentPreview</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>, written 0600 (secret placeholders)</source>
        <translation>, écrit en 0600 (emplacements de secrets)</translation>
    </message>
    <message>
        <source>, executable</source>
        <translation>, exécutable</translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentSchedules</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Sorte</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Reads as</source>
        <translation>Se lit</translation>
    </message>
    <message>
        <source>%1 (no more fire times)</source>
        <translation>%1 (plus aucun déclenchement)</translation>
    </message>
    <message>
        <source>does not read: %1</source>
        <translation>illisible : %1</translation>
    </message>
    <message>
        <source>Next fire times, where it is exported:
%1</source>
        <translation>Prochains déclenchements, là où il est exporté :
%1</translation>
    </message>
</context>
<context>
    <name>flowdeck::DeploymentsDock</name>
    <message>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Planifications</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>1 problem: %1</source>
        <translation>1 problème : %1</translation>
    </message>
    <message>
        <source>%1 problems: %2</source>
        <translation>%1 problèmes : %2</translation>
    </message>
    <message>
        <source>ok, 1 warning: %1</source>
        <translation>ok, 1 avertissement : %1</translation>
    </message>
    <message>
        <source>ok, %1 warnings: %2</source>
        <translation>ok, %1 avertissements : %2</translation>
    </message>
    <message>
        <source>No workspace open.</source>
        <translation>Aucun espace de travail ouvert.</translation>
    </message>
    <message>
        <source>No deployments in %1: New… adds one.</source>
        <translation>Aucun déploiement dans %1 : Nouveau… en ajoute un.</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>Exécuter maintenant</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Non démarré : %1</translation>
    </message>
    <message>
        <source>Run %1 started (see the Runs dock)</source>
        <translation>Exécution %1 démarrée (voir le dock Exécutions)</translation>
    </message>
    <message>
        <source>A local run of the selected deployment&apos;s flow with its parameters and environment</source>
        <translation>Une exécution locale du flow du déploiement sélectionné, avec ses paramètres et son environnement</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Write the files of the selected deployment&apos;s export into a folder</source>
        <translation>Écrire les fichiers de l’export du déploiement sélectionné dans un dossier</translation>
    </message>
    <message>
        <source>no run controller</source>
        <translation>aucun contrôleur d’exécution</translation>
    </message>
    <message>
        <source>select a deployment first</source>
        <translation>sélectionnez d’abord un déploiement</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Non retiré : %1</translation>
    </message>
    <message>
        <source>Take the selected deployment out of flowdeck.yaml (asks first)</source>
        <translation>Retirer le déploiement sélectionné de flowdeck.yaml (demande d’abord)</translation>
    </message>
    <message>
        <source>Remove Deployment</source>
        <translation>Retirer le déploiement</translation>
    </message>
    <message>
        <source>Remove deployment %1 from %2? Files it exported stay where they are.</source>
        <translation>Retirer le déploiement %1 de %2 ? Les fichiers déjà exportés restent où ils sont.</translation>
    </message>
    <message>
        <source>Removed deployment %1.</source>
        <translation>Déploiement %1 retiré.</translation>
    </message>
</context>
<context>
    <name>flowdeck::EnvTable</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Secret &apos;%1&apos;: its value comes from FLOWDECK_SECRET_* or the keyring when the task runs</source>
        <translation>Secret «&#xa0;%1&#xa0;»&#xa0;: sa valeur vient de FLOWDECK_SECRET_* ou du trousseau quand la tâche s’exécute</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid variable name: use letters, digits and &apos;_&apos;</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de variable valide&#xa0;: utilisez des lettres, des chiffres et «&#xa0;_&#xa0;»</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is set twice</source>
        <translation>«&#xa0;%1&#xa0;» est défini deux fois</translation>
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
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation>Aucun résultat pour «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Replaced 1 occurrence</source>
        <translation>1 occurrence remplacée</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrences</source>
        <translation>
            <numerusform>%n occurrence remplacée</numerusform>
            <numerusform>%n occurrences remplacées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowDocument</name>
    <message>
        <source>Recover unsaved changes</source>
        <translation>Récupérer les modifications non enregistrées</translation>
    </message>
    <message>
        <source>the flow has no file yet: use Save As</source>
        <translation>le flux n’a pas encore de fichier&#xa0;: utilisez «&#xa0;Enregistrer sous&#xa0;»</translation>
    </message>
    <message>
        <source>Add task %1</source>
        <translation>Ajouter la tâche %1</translation>
    </message>
    <message>
        <source>there is no task &apos;%1&apos;</source>
        <translation>il n’y a pas de tâche «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid task name: use letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de tâche valide&#xa0;: utilisez des lettres, des chiffres, «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;»</translation>
    </message>
    <message>
        <source>there is already a task named &apos;%1&apos;</source>
        <translation>une tâche nommée «&#xa0;%1&#xa0;» existe déjà</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Renommer %1 en %2</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Change upstream &apos;%1&apos; of %2 to &apos;%3&apos;</source>
        <translation>Remplacer la tâche en amont «&#xa0;%1&#xa0;» de %2 par «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>Rename key &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>Renommer la clé «&#xa0;%1&#xa0;» en «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>both tasks must exist to connect them</source>
        <translation>les deux tâches doivent exister pour être connectées</translation>
    </message>
    <message>
        <source>a task cannot depend on itself</source>
        <translation>une tâche ne peut pas dépendre d’elle-même</translation>
    </message>
    <message>
        <source>only branch tasks have true and false outcomes; &apos;%1&apos; is a %2 task</source>
        <translation>seuls les branchements ont des issues true et false&#xa0;; «&#xa0;%1&#xa0;» est une tâche %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already runs after %2</source>
        <translation>«&#xa0;%1&#xa0;» s’exécute déjà après %2</translation>
    </message>
    <message>
        <source>connecting %1 -&gt; %2 would make a cycle: %3</source>
        <translation>connecter %1 -&gt; %2 créerait un cycle&#xa0;: %3</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Connecter %1 à %2</translation>
    </message>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation>Déconnecter %1 de %2</translation>
    </message>
    <message>
        <source>Change flow properties</source>
        <translation>Modifier les propriétés du flux</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter une note</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>Ajouter le groupe %1</translation>
    </message>
    <message>
        <source>Edit group %1</source>
        <translation>Modifier le groupe %1</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>presse-papiers</translation>
    </message>
    <message>
        <source>subflow file &apos;%1&apos; of task &apos;%2&apos; not found in %3</source>
        <translation>fichier de sous-flux «&#xa0;%1&#xa0;» de la tâche «&#xa0;%2&#xa0;» introuvable dans %3</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowEditor</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Tout sé&amp;lectionner</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>Aligner à &amp;gauche</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>Aligner à &amp;droite</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>Aligner en &amp;haut</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>Aligner en &amp;bas</translation>
    </message>
    <message>
        <source>Align Centres &amp;Horizontally</source>
        <translation>&amp;Centrer horizontalement</translation>
    </message>
    <message>
        <source>Align Centres &amp;Vertically</source>
        <translation>Centrer &amp;verticalement</translation>
    </message>
    <message>
        <source>Distribute Hori&amp;zontally</source>
        <translation>Répartir hori&amp;zontalement</translation>
    </message>
    <message>
        <source>Distribute Verticall&amp;y</source>
        <translation>Répartir verticalem&amp;ent</translation>
    </message>
    <message>
        <source>&amp;Group Selection</source>
        <translation>Grou&amp;per la sélection</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>Ajouter une &amp;note</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100%)</source>
        <translation>Taille ré&amp;elle (100 %)</translation>
    </message>
    <message>
        <source>Fit &amp;Selection</source>
        <translation>&amp;Ajuster à la sélection</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom arri&amp;ère</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Occurrence pré&amp;cédente</translation>
    </message>
    <message>
        <source>&amp;Quick Add…</source>
        <translation>Ajout &amp;rapide…</translation>
    </message>
    <message>
        <source>Export Graph as &amp;PNG…</source>
        <translation>Exporter le graphe en &amp;PNG…</translation>
    </message>
    <message>
        <source>Export Graph as &amp;SVG…</source>
        <translation>Exporter le graphe en &amp;SVG…</translation>
    </message>
    <message>
        <source>Export as SVG</source>
        <translation>Exporter en SVG</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Exporter en PNG</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Images SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <source>Add Task Here…</source>
        <translation>Ajouter une tâche ici…</translation>
    </message>
    <message>
        <source>Add Note Here</source>
        <translation>Ajouter une note ici</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>&amp;Dupliquer</translation>
    </message>
    <message>
        <source>&amp;Auto-Layout</source>
        <translation>Disposition &amp;automatique</translation>
    </message>
    <message>
        <source>Find in &amp;Graph…</source>
        <translation>Rechercher dans le &amp;graphe…</translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation>Occurrence &amp;suivante</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowHeader</name>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>valid, 1 warning</source>
        <translation>valide, 1 avertissement</translation>
    </message>
    <message numerus="yes">
        <source>valid, %n warnings</source>
        <translation>
            <numerusform>valide, %n avertissement</numerusform>
            <numerusform>valide, %n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 problème</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>1 parameter</source>
        <translation>1 paramètre</translation>
    </message>
    <message numerus="yes">
        <source>%n parameters</source>
        <translation>
            <numerusform>%n paramètre</numerusform>
            <numerusform>%n paramètres</numerusform>
        </translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 tâche</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>No flow open</source>
        <translation>Aucun flux ouvert</translation>
    </message>
    <message>
        <source>Open a flow file with File › Open (Ctrl+O), pick one in the Workspace list, or drop a .flow.yaml file here.</source>
        <translation>Ouvrez un fichier de flux avec Fichier › Ouvrir (Ctrl+O), choisissez-en un dans la liste Espace de travail, ou déposez ici un fichier .flow.yaml.</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowPropertiesPanel</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>use letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>utilisez des lettres, des chiffres, «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;»</translation>
    </message>
    <message>
        <source>Rename flow</source>
        <translation>Renommer le flux</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Describe flow</source>
        <translation>Décrire le flux</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>&amp;Version</translation>
    </message>
    <message>
        <source>Set flow version</source>
        <translation>Définir la version du flux</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>Tag flow</source>
        <translation>Étiqueter le flux</translation>
    </message>
    <message>
        <source>auto (%1 cores)</source>
        <translation>auto (%1 cœurs)</translation>
    </message>
    <message>
        <source>&amp;Max parallel</source>
        <translation>&amp;Parallélisme max.</translation>
    </message>
    <message>
        <source>Set max parallel</source>
        <translation>Définir le parallélisme maximal</translation>
    </message>
    <message>
        <source>Memory &amp;limit</source>
        <translation>&amp;Limite de mémoire</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size: use bytes or a number with KB, MB, GB, KiB, MiB or GiB</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une taille&#xa0;: indiquez des octets ou un nombre suivi de KB, MB, GB, KiB, MiB ou GiB</translation>
    </message>
    <message>
        <source>Set memory limit</source>
        <translation>Définir la limite de mémoire</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>&amp;Parameters</source>
        <translation>Pa&amp;ramètres</translation>
    </message>
    <message>
        <source>Edit parameters</source>
        <translation>Modifier les paramètres</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowScene</name>
    <message>
        <source>no task named &apos;%1&apos;</source>
        <translation>aucune tâche nommée «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source> (did you mean &apos;%1&apos;?)</source>
        <translation> (vouliez-vous dire «&#xa0;%1&#xa0;»&#xa0;?)</translation>
    </message>
    <message numerus="yes">
        <source>%1 lost an upstream (Ctrl+Z brings it back)</source>
        <translation>
            <numerusform>%1 a perdu une tâche en amont (Ctrl+Z la rétablit)</numerusform>
            <numerusform>%1 ont perdu une tâche en amont (Ctrl+Z la rétablit)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Décaler</translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds no Flowdeck tasks%1</source>
        <translation>Rien à coller&#xa0;: le presse-papiers ne contient aucune tâche Flowdeck%1</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Aligner</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>Répartir</translation>
    </message>
    <message>
        <source>Auto-layout selection</source>
        <translation>Disposer automatiquement la sélection</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>Disposition automatique</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte&#xa0;:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Déplacer %1</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Redimensionner</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
</context>
<context>
    <name>flowdeck::FlowView</name>
    <message>
        <source>Move selection by a grid step</source>
        <translation>Déplacer la sélection d’un pas de grille</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Touches fléchées</translation>
    </message>
    <message>
        <source>Move selection by five grid steps</source>
        <translation>Déplacer la sélection de cinq pas de grille</translation>
    </message>
    <message>
        <source>%1+Arrow keys</source>
        <translation>%1+touches fléchées</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Faire défiler la vue</translation>
    </message>
    <message>
        <source>%1+Drag, Middle-button drag</source>
        <translation>%1+glisser, glisser avec le bouton du milieu</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>Zoomer autour du pointeur</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Molette de la souris</translation>
    </message>
    <message>
        <source>Quick Add a task</source>
        <translation>Ajouter rapidement une tâche</translation>
    </message>
    <message>
        <source>%1, Double-click on empty canvas</source>
        <translation>%1, double-clic sur une zone vide du canevas</translation>
    </message>
    <message>
        <source>Connect tasks</source>
        <translation>Connecter des tâches</translation>
    </message>
    <message>
        <source>Drag from a port</source>
        <translation>Glisser depuis un port</translation>
    </message>
    <message>
        <source>Delete selection</source>
        <translation>Supprimer la sélection</translation>
    </message>
    <message>
        <source>Cancel the connection being dragged</source>
        <translation>Annuler la connexion en cours de tracé</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>flowdeck::GraphFindBar</name>
    <message>
        <source>Find:</source>
        <translation>Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>task name, kind, tag or script text</source>
        <translation>nom de tâche, type, étiquette ou texte du script</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Résultat précédent (Maj+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Résultat suivant (Entrée, F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 résultat</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>flowdeck::KeyValueTable</name>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>flowdeck::LogLinesModel</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>débogage</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
</context>
<context>
    <name>flowdeck::MainWindow</name>
    <message>
        <source>&amp;Arrange</source>
        <translation>&amp;Organiser</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Canvas zoom: Ctrl+0 fits all, Ctrl+1 is 100%</source>
        <translation>Zoom du canevas&#xa0;: Ctrl+0 affiche tout, Ctrl+1 vaut 100 %</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;ouvert&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New Flow</source>
        <translation>&amp;Nouveau flux</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>Ouvrir un espace de &amp;travail…</translation>
    </message>
    <message>
        <source>&amp;Trust This Workspace</source>
        <translation>Faire &amp;confiance à cet espace de travail</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Re&amp;load from Disk</source>
        <translation>Rec&amp;harger depuis le disque</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>&amp;Close Flow</source>
        <translation>&amp;Fermer le flux</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Next Flow</source>
        <translation>Flux suiva&amp;nt</translation>
    </message>
    <message>
        <source>&amp;Previous Flow</source>
        <translation>Flux &amp;précédent</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Run Detail</source>
        <translation>Détail de l’exécution</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>E&amp;xécution</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Flowdeck</source>
        <translation>À &amp;propos de Flowdeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>New flow</source>
        <translation>Nouveau flux</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problèmes (%1)</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>no problems</source>
        <translation>aucun problème</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore enregistré</translation>
    </message>
    <message>
        <source>Added task %1</source>
        <translation>Tâche %1 ajoutée</translation>
    </message>
    <message>
        <source>Opened %1 — %2</source>
        <translation>%1 ouvert — %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot read flow</source>
        <translation>Flux illisible</translation>
    </message>
    <message>
        <source>Flowdeck could not read %1 as a flow file.</source>
        <translation>Flowdeck n’a pas pu lire %1 comme fichier de flux.</translation>
    </message>
    <message>
        <source>Workspace — %1</source>
        <translation>Espace de travail — %1</translation>
    </message>
    <message>
        <source>Workspace %1 — %2</source>
        <translation>Espace de travail %1 — %2</translation>
    </message>
    <message>
        <source>Not reloaded; kept your changes to %1</source>
        <translation>Non rechargé&#xa0;; vos modifications de %1 sont conservées</translation>
    </message>
    <message>
        <source>Could not reload: %1</source>
        <translation>Rechargement impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reloaded %1</source>
        <translation>%1 rechargé</translation>
    </message>
    <message>
        <source>%1 changed on disk; kept your version</source>
        <translation>%1 a changé sur le disque&#xa0;; votre version est conservée</translation>
    </message>
    <message>
        <source>Reloaded %1 (changed on disk)</source>
        <translation>%1 rechargé (modifié sur le disque)</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>Fichier modifié sur le disque</translation>
    </message>
    <message>
        <source>Reload from Disk</source>
        <translation>Recharger depuis le disque</translation>
    </message>
    <message>
        <source>%1 was changed by another program, and you have unsaved changes here.</source>
        <translation>%1 a été modifié par un autre programme, et vous avez ici des modifications non enregistrées.</translation>
    </message>
    <message>
        <source>You have unsaved changes to %1.</source>
        <translation>Vous avez des modifications non enregistrées dans %1.</translation>
    </message>
    <message>
        <source>Reload the file and lose your changes, or keep your version?</source>
        <translation>Recharger le fichier et perdre vos modifications, ou garder votre version&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Garder la mienne</translation>
    </message>
    <message>
        <source>Save Flow</source>
        <translation>Enregistrer le flux</translation>
    </message>
    <message>
        <source>Flow files (*.flow.yaml)</source>
        <translation>Fichiers de flux (*.flow.yaml)</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Enregistrement impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>Enregistrer les modifications de %1 avant de fermer&#xa0;?</translation>
    </message>
    <message>
        <source>Delete task &apos;%1&apos;?</source>
        <translation>Supprimer la tâche «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tasks?</source>
        <translation>
            <numerusform>Supprimer %n tâche&#xa0;?</numerusform>
            <numerusform>Supprimer %n tâches&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Tasks</source>
        <translation>Supprimer des tâches</translation>
    </message>
    <message>
        <source>Tasks that would lose an upstream: %1. Undo brings it back.</source>
        <translation>Tâches qui perdraient une tâche en amont&#xa0;: %1. Annuler la rétablit.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Autosaved %1</source>
        <translation>%1 sauvegardé automatiquement</translation>
    </message>
    <message>
        <source>Could not trust this folder: %1</source>
        <translation>Impossible de faire confiance à ce dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Trusted %1: its schedules fire from now on</source>
        <translation>%1 est approuvé&#xa0;: ses planifications se déclenchent désormais</translation>
    </message>
    <message>
        <source>Recovered %1</source>
        <translation>%1 récupéré</translation>
    </message>
    <message>
        <source>Could not recover %1: %2</source>
        <translation>Impossible de récupérer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>Canevas</translation>
    </message>
    <message>
        <source>Open Flow</source>
        <translation>Ouvrir un flux</translation>
    </message>
    <message>
        <source>Flow files (*.flow.yaml);;All files (*)</source>
        <translation>Fichiers de flux (*.flow.yaml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <source>About Flowdeck</source>
        <translation>À propos de Flowdeck</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Flowdeck %1&lt;/h3&gt;&lt;p&gt;A desktop workflow designer and runner.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Flowdeck %1&lt;/h3&gt;&lt;p&gt;Concevoir et exécuter des workflows sur le bureau.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2, exécuté avec Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vider le menu</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Préfér&amp;ences…</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 tâche</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 problème</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>1 flow</source>
        <translation>1 flux</translation>
    </message>
    <message numerus="yes">
        <source>%n flows</source>
        <translation>
            <numerusform>%n flux</numerusform>
            <numerusform>%n flux</numerusform>
        </translation>
    </message>
    <message>
        <source>Fl&amp;ow Properties</source>
        <translation>&amp;Propriétés du flux</translation>
    </message>
    <message>
        <source>Edit &amp;Selected Task</source>
        <translation>Modifier la &amp;tâche sélectionnée</translation>
    </message>
    <message>
        <source>Next Pro&amp;blem</source>
        <translation>Problème s&amp;uivant</translation>
    </message>
    <message>
        <source>Find in Pa&amp;lette</source>
        <translation>Rechercher dans la pa&amp;lette</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Planifications</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Déploiements</translation>
    </message>
</context>
<context>
    <name>flowdeck::MiniMap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Vue d’ensemble&#xa0;: cliquez ou glissez pour déplacer la vue</translation>
    </message>
</context>
<context>
    <name>flowdeck::ParameterDialog</name>
    <message>
        <source>, %1 to %2</source>
        <translation>, de %1 à %2</translation>
    </message>
    <message>
        <source>, at least %1</source>
        <translation>, au moins %1</translation>
    </message>
    <message>
        <source>, at most %1</source>
        <translation>, au plus %1</translation>
    </message>
    <message>
        <source>, JSON or words separated by commas</source>
        <translation>, JSON ou mots séparés par des virgules</translation>
    </message>
    <message>
        <source>, JSON</source>
        <translation>, JSON</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Exécuter %1</translation>
    </message>
    <message>
        <source>%1 has no parameters.</source>
        <translation>%1 n’a pas de paramètres.</translation>
    </message>
    <message>
        <source>Values for this run of %1:</source>
        <translation>Valeurs pour cette exécution de %1&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>E&amp;xécuter</translation>
    </message>
    <message>
        <source>(choose a value)</source>
        <translation>(choisir une valeur)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
</context>
<context>
    <name>flowdeck::ParameterTable</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
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
        <translation>Autorisées</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>a parameter name uses letters, digits and &apos;_&apos;</source>
        <translation>un nom de paramètre se compose de lettres, de chiffres et de «&#xa0;_&#xa0;»</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre</translation>
    </message>
    <message>
        <source>min and max only apply to int and float parameters</source>
        <translation>min. et max. ne s’appliquent qu’aux paramètres int et float</translation>
    </message>
    <message>
        <source>max is below min</source>
        <translation>max. est inférieur à min.</translation>
    </message>
    <message>
        <source>duplicate parameter name &apos;%1&apos;</source>
        <translation>nom de paramètre «&#xa0;%1&#xa0;» en double</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>flowdeck::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>Système (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>The language changes the next time Flowdeck starts. Dates, times and numbers follow it too.</source>
        <translation>La langue change au prochain démarrage de Flowdeck. Les dates, les heures et les nombres la suivent aussi.</translation>
    </message>
</context>
<context>
    <name>flowdeck::ProblemList</name>
    <message>
        <source>Task &apos;%1&apos;: %2</source>
        <translation>Tâche «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>flowdeck::QuantityField</name>
    <message>
        <source>e.g. 0.5 or 500</source>
        <translation>p. ex. 0,5 ou 500</translation>
    </message>
    <message>
        <source>e.g. 512</source>
        <translation>p. ex. 512</translation>
    </message>
</context>
<context>
    <name>flowdeck::QuickAddPopup</name>
    <message>
        <source>Add a task: type to search</source>
        <translation>Ajouter une tâche&#xa0;: tapez pour rechercher</translation>
    </message>
</context>
<context>
    <name>flowdeck::RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Récupérer les modifications non enregistrées</translation>
    </message>
    <message>
        <source>Flowdeck did not close cleanly last time. These flows had changes that were not saved:</source>
        <translation>Flowdeck ne s’est pas fermé correctement la dernière fois. Ces flux avaient des modifications non enregistrées&#xa0;:</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>jamais enregistré</translation>
    </message>
    <message>
        <source>%1 — %2 (autosaved %3)</source>
        <translation>%1 — %2 (sauvegarde automatique %3)</translation>
    </message>
    <message>
        <source>&amp;Recover Selected</source>
        <translation>&amp;Récupérer la sélection</translation>
    </message>
    <message>
        <source>&amp;Discard All</source>
        <translation>&amp;Tout abandonner</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Plus &amp;tard</translation>
    </message>
    <message>
        <source>Keep the autosaves and ask again next time</source>
        <translation>Garder les sauvegardes automatiques et redemander la prochaine fois</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunCompareView</name>
    <message>
        <source>— (not set)</source>
        <translation>— (non défini)</translation>
    </message>
    <message>
        <source>— (no task run)</source>
        <translation>— (aucune exécution de tâche)</translation>
    </message>
    <message>
        <source>(log ended)</source>
        <translation>(fin du journal)</translation>
    </message>
    <message>
        <source>line %1: %2 ≠ %3</source>
        <translation>ligne %1&#xa0;: %2 ≠ %3</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Left state</source>
        <translation>État à gauche</translation>
    </message>
    <message>
        <source>Right state</source>
        <translation>État à droite</translation>
    </message>
    <message>
        <source>Left duration</source>
        <translation>Durée à gauche</translation>
    </message>
    <message>
        <source>Right duration</source>
        <translation>Durée à droite</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>First differing log line</source>
        <translation>Première ligne de journal différente</translation>
    </message>
    <message>
        <source>Compare runs %1 and %2</source>
        <translation>Comparer les exécutions %1 et %2</translation>
    </message>
    <message>
        <source>run %1 of %2: %3, %4, %5</source>
        <translation>exécution %1 de %2&#xa0;: %3, %4, %5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Left&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Right&lt;/b&gt; %2&lt;br&gt;%3 of %4 parameters differ · %5 of %6 tasks changed state · the logs of %7 differ</source>
        <translation>&lt;b&gt;Gauche&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Droite&lt;/b&gt; %2&lt;br&gt;%3 paramètres sur %4 diffèrent · %5 tâches sur %6 ont changé d’état · les journaux de %7 diffèrent</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 tâche</translation>
    </message>
    <message>
        <source>Left (%1)</source>
        <translation>Gauche (%1)</translation>
    </message>
    <message>
        <source>Right (%1)</source>
        <translation>Droite (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::RunController</name>
    <message>
        <source>no workspace is open</source>
        <translation>aucun espace de travail n’est ouvert</translation>
    </message>
    <message>
        <source>a run of this window is going; stop it first</source>
        <translation>une exécution de cette fenêtre est en cours&#xa0;; arrêtez-la d’abord</translation>
    </message>
    <message>
        <source>cannot open the run database: %1</source>
        <translation>impossible d’ouvrir la base des exécutions&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunControls</name>
    <message>
        <source>&amp;Run</source>
        <translation>E&amp;xécuter</translation>
    </message>
    <message>
        <source>Run the current flow</source>
        <translation>Exécuter le flux courant</translation>
    </message>
    <message>
        <source>Run with &amp;Parameters…</source>
        <translation>Exécuter avec des &amp;paramètres…</translation>
    </message>
    <message>
        <source>Choose the parameter values, then run</source>
        <translation>Choisir les valeurs des paramètres, puis exécuter</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Cancel the run: its tasks&apos; process trees are stopped</source>
        <translation>Annuler l’exécution&#xa0;: les arbres de processus de ses tâches sont arrêtés</translation>
    </message>
    <message>
        <source>Re-run with &amp;Last Parameters</source>
        <translation>Réexécuter avec les &amp;derniers paramètres</translation>
    </message>
    <message>
        <source>Run again with the parameter values of the flow&apos;s last run</source>
        <translation>Exécuter à nouveau avec les valeurs de paramètres de la dernière exécution du flux</translation>
    </message>
    <message>
        <source>Run from &amp;Here</source>
        <translation>Exécuter à partir d’&amp;ici</translation>
    </message>
    <message>
        <source>Run the selected tasks and everything downstream, reusing the results of the flow&apos;s last finished run for the tasks upstream</source>
        <translation>Exécuter les tâches sélectionnées et tout ce qui est en aval, en réutilisant pour les tâches en amont les résultats de la dernière exécution terminée du flux</translation>
    </message>
    <message>
        <source>Run only the selected tasks, reusing the results of the flow&apos;s last finished run for the tasks they need</source>
        <translation>Exécuter seulement les tâches sélectionnées, en réutilisant pour les tâches dont elles dépendent les résultats de la dernière exécution terminée du flux</translation>
    </message>
    <message>
        <source>A run is going: stop it first (Shift+F5)</source>
        <translation>Une exécution est en cours&#xa0;: arrêtez-la d’abord (Maj+F5)</translation>
    </message>
    <message>
        <source>Nothing to run: open a flow first</source>
        <translation>Rien à exécuter&#xa0;: ouvrez d’abord un flux</translation>
    </message>
    <message>
        <source>Save %1 first: its tasks run in the flow file&apos;s folder</source>
        <translation>Enregistrez d’abord %1&#xa0;: ses tâches s’exécutent dans le dossier du fichier de flux</translation>
    </message>
    <message>
        <source>Not run: no parameter values given</source>
        <translation>Non exécuté&#xa0;: aucune valeur de paramètre fournie</translation>
    </message>
    <message>
        <source>No earlier run of %1: running it as Run does</source>
        <translation>Aucune exécution antérieure de %1&#xa0;: exécution comme avec «&#xa0;Exécuter&#xa0;»</translation>
    </message>
    <message>
        <source>Not run: %1 has problems; fix them first</source>
        <translation>Non exécuté&#xa0;: %1 a des problèmes&#xa0;; corrigez-les d’abord</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>Non exécuté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select the tasks to run first</source>
        <translation>Sélectionnez d’abord les tâches à exécuter</translation>
    </message>
    <message>
        <source>No earlier run of %1 to reuse: the tasks the selection needs run too (run %2)</source>
        <translation>Aucune exécution antérieure de %1 à réutiliser&#xa0;: les tâches dont la sélection dépend s’exécutent aussi (exécution %2)</translation>
    </message>
    <message>
        <source>Started %1 (run %2), reusing the results of run %3</source>
        <translation>%1 lancé (exécution %2), en réutilisant les résultats de l’exécution %3</translation>
    </message>
    <message>
        <source>no earlier run to reuse</source>
        <translation>aucune exécution antérieure à réutiliser</translation>
    </message>
    <message>
        <source>reusing the results of run %1</source>
        <translation>résultats de l’exécution %1 réutilisés</translation>
    </message>
    <message>
        <source>Not Run</source>
        <translation>Non exécuté</translation>
    </message>
    <message>
        <source>Started %1 (run %2)</source>
        <translation>%1 lancé (exécution %2)</translation>
    </message>
    <message>
        <source>Run %1 of %2 %3 after %4</source>
        <translation>Exécution %1 de %2&#xa0;: %3 après %4</translation>
    </message>
    <message>
        <source>%1: stopping</source>
        <translation>%1&#xa0;: arrêt en cours</translation>
    </message>
    <message>
        <source>%1: running</source>
        <translation>%1&#xa0;: en cours</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source> · %1/%2 done</source>
        <translation> · %1/%2 terminées</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · %1 en échec</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Exécution %1</translation>
    </message>
    <message>
        <source>Stopping %1: its tasks&apos; process trees get SIGTERM, then SIGKILL</source>
        <translation>Arrêt de %1&#xa0;: les arbres de processus de ses tâches reçoivent SIGTERM, puis SIGKILL</translation>
    </message>
    <message>
        <source>A Run Is Going</source>
        <translation>Une exécution est en cours</translation>
    </message>
    <message>
        <source>%1 is still running. Stop it and close the window?</source>
        <translation>%1 est encore en cours. L’arrêter et fermer la fenêtre&#xa0;?</translation>
    </message>
    <message>
        <source>Stopping %1; the window closes when it has ended</source>
        <translation>Arrêt de %1&#xa0;; la fenêtre se fermera une fois l’exécution terminée</translation>
    </message>
    <message>
        <source>Run Selec&amp;tion</source>
        <translation>Exécuter la sé&amp;lection</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunDetail</name>
    <message>
        <source>Tasks &amp;&amp; logs</source>
        <translation>Tâches &amp;&amp; journaux</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 et plus</translation>
    </message>
    <message>
        <source>Filter the lines shown…</source>
        <translation>Filtrer les lignes affichées…</translation>
    </message>
    <message>
        <source>Search the whole log (words, &quot;a phrase&quot;, prefix*)</source>
        <translation>Rechercher dans tout le journal (mots, &quot;une expression&quot;, préfixe*)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Run %1 is no longer in the database.</source>
        <translation>L’exécution %1 n’est plus dans la base de données.</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>exécution %1</translation>
    </message>
    <message>
        <source>trigger: %1</source>
        <translation>déclencheur&#xa0;: %1</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuel</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>lancée %1</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>durée %1</translation>
    </message>
    <message>
        <source>reuses run %1</source>
        <translation>réutilise l’exécution %1</translation>
    </message>
    <message>
        <source>parameters: %1</source>
        <translation>paramètres&#xa0;: %1</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>Toute l’exécution</translation>
    </message>
    <message>
        <source>run</source>
        <translation>exécution</translation>
    </message>
    <message>
        <source>first %1 lines found</source>
        <translation>%1 premières lignes trouvées</translation>
    </message>
    <message>
        <source>1 line found</source>
        <translation>1 ligne trouvée</translation>
    </message>
    <message numerus="yes">
        <source>%n lines found</source>
        <translation>
            <numerusform>%n ligne trouvée</numerusform>
            <numerusform>%n lignes trouvées</numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;Trace…</source>
        <translation>Exporter la &amp;trace…</translation>
    </message>
    <message>
        <source>Save the run as a Chrome trace (open it in Perfetto) or as OpenTelemetry OTLP JSON</source>
        <translation>Enregistrer l’exécution comme trace Chrome (à ouvrir dans Perfetto) ou en JSON OTLP OpenTelemetry</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Approuver…</translation>
    </message>
    <message>
        <source>The run waits for an approval: give its values and let it go on</source>
        <translation>L’exécution attend une approbation&#xa0;: donnez ses valeurs et laissez-la continuer</translation>
    </message>
    <message>
        <source>Chrome trace for Perfetto (*.json)</source>
        <translation>Trace Chrome pour Perfetto (*.json)</translation>
    </message>
    <message>
        <source>OpenTelemetry OTLP JSON (*.otlp.json)</source>
        <translation>JSON OTLP OpenTelemetry (*.otlp.json)</translation>
    </message>
    <message>
        <source>Export Trace</source>
        <translation>Exporter la trace</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>The run waits for these approvals:</source>
        <translation>L’exécution attend ces approbations&#xa0;:</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>Approuver %1</translation>
    </message>
    <message>
        <source>Values for approval %1:</source>
        <translation>Valeurs pour l’approbation %1&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunMetricsView</name>
    <message>
        <source>CPU (% of one core)</source>
        <translation>CPU (% d’un cœur)</translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation>Mémoire (Mo)</translation>
    </message>
    <message>
        <source>CPU and memory of the run&apos;s tasks</source>
        <translation>CPU et mémoire des tâches de l’exécution</translation>
    </message>
    <message>
        <source>seconds since the start</source>
        <translation>secondes depuis le début</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Recent runs of this flow (duration, by outcome)</source>
        <translation>Exécutions récentes de ce flux (durée, par issue)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>cette exécution</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminées</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>Depuis le cache</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorées</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Average task</source>
        <translation>Moyenne par tâche</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>Pic de mémoire</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Nouvelles tentatives</translation>
    </message>
    <message>
        <source>Cache hit rate</source>
        <translation>Taux de succès du cache</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunNotifier</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Run %1 ended after %2</source>
        <translation>Exécution %1 terminée après %2</translation>
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
        <translation>%1 (%2 sur %3)</translation>
    </message>
    <message>
        <source>No task has started yet.</source>
        <translation>Aucune tâche n’a encore démarré.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>et %1 de plus</translation>
    </message>
    <message>
        <source>nothing running</source>
        <translation>rien en cours</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>à %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::RunsBrowser</name>
    <message>
        <source>1 run</source>
        <translation>1 exécution</translation>
    </message>
    <message>
        <source>Runs appear here once a trusted workspace is open (File → Trust This Workspace).</source>
        <translation>Les exécutions apparaissent ici dès qu’un espace de travail approuvé est ouvert (Fichier → Faire confiance à cet espace de travail).</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show the run&apos;s task runs and logs</source>
        <translation>Afficher les exécutions de tâches et les journaux de l’exécution</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Run again from the point of failure, reusing the results of the tasks that completed</source>
        <translation>Reprendre à partir du point d’échec, en réutilisant les résultats des tâches terminées</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Exécuter à nouveau</translation>
    </message>
    <message>
        <source>Run Again with These Parameters: the flow as it is now, with this run&apos;s parameter values, every task fresh</source>
        <translation>Exécuter à nouveau avec ces paramètres&#xa0;: le flux dans son état actuel, avec les valeurs de paramètres de cette exécution, chaque tâche depuis le début</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Comparer…</translation>
    </message>
    <message>
        <source>Compare the two selected runs (Ctrl+click the second): parameters, task states and durations, the first differing log line</source>
        <translation>Comparer les deux exécutions sélectionnées (Ctrl+clic sur la seconde)&#xa0;: paramètres, états et durées des tâches, première ligne de journal différente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the run (its tasks&apos; process trees too)</source>
        <translation>Arrêter l’exécution (y compris les arbres de processus de ses tâches)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the run with its logs and results</source>
        <translation>Supprimer l’exécution avec ses journaux et ses résultats</translation>
    </message>
    <message>
        <source>Export Logs…</source>
        <translation>Exporter le journal…</translation>
    </message>
    <message>
        <source>Write the run&apos;s whole log to a file</source>
        <translation>Écrire tout le journal de l’exécution dans un fichier</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Supprimer l’exécution</translation>
    </message>
    <message>
        <source>Export run log</source>
        <translation>Exporter le journal d’exécution</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Fichiers journaux (*.log *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>Tous les flux</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Going</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Failed, crashed or timed out</source>
        <translation>En échec, plantées ou hors délai</translation>
    </message>
    <message>
        <source>Filter by flow, run id, tags, parameters, message…</source>
        <translation>Filtrer par flux, identifiant d’exécution, étiquettes, paramètres, message…</translation>
    </message>
    <message>
        <source>%1+ runs</source>
        <translation>%1+ exécutions</translation>
    </message>
    <message>
        <source>Run Again with These Parameters</source>
        <translation>Exécuter à nouveau avec ces paramètres</translation>
    </message>
    <message>
        <source>Retry refused: %1</source>
        <translation>Nouvelle tentative refusée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Retrying run %1 as run %2</source>
        <translation>Nouvelle tentative de l’exécution %1 sous le numéro %2</translation>
    </message>
    <message>
        <source>Run again refused: %1</source>
        <translation>Nouvelle exécution refusée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Running %1 again with the parameters of run %2 as run %3</source>
        <translation>%1 s’exécute à nouveau avec les paramètres de l’exécution %2, sous le numéro %3</translation>
    </message>
    <message>
        <source>Select two runs to compare (Ctrl+click the second)</source>
        <translation>Sélectionnez deux exécutions à comparer (Ctrl+clic sur la seconde)</translation>
    </message>
    <message>
        <source>Run %1 is gone: nothing to compare</source>
        <translation>L’exécution %1 n’existe plus&#xa0;: rien à comparer</translation>
    </message>
    <message>
        <source>Comparing runs %1 and %2</source>
        <translation>Comparaison des exécutions %1 et %2</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Comparer avec</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4</source>
        <translation>%1  %2  %3  %4</translation>
    </message>
    <message>
        <source>Cancel requested for run %1</source>
        <translation>Annulation demandée pour l’exécution %1</translation>
    </message>
    <message>
        <source>Run %1 has finished: nothing to cancel</source>
        <translation>L’exécution %1 est terminée&#xa0;: rien à annuler</translation>
    </message>
    <message>
        <source>Run %1 is %2: cancel it first, only finished runs are deleted</source>
        <translation>L’exécution %1 est à l’état «&#xa0;%2&#xa0;»&#xa0;: annulez-la d’abord, seules les exécutions terminées sont supprimées</translation>
    </message>
    <message>
        <source>Delete run %1 of %2 (%3), with its logs, results and subflow runs?</source>
        <translation>Supprimer l’exécution %1 de %2 (%3), avec ses journaux, ses résultats et les exécutions de ses sous-flux&#xa0;?</translation>
    </message>
    <message>
        <source>Deleted run %1</source>
        <translation>Exécution %1 supprimée</translation>
    </message>
    <message>
        <source>Run %1 was not deleted</source>
        <translation>L’exécution %1 n’a pas été supprimée</translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n exécution</numerusform>
            <numerusform>%n exécutions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n runs</source>
        <translation>
            <numerusform>%1 exécution sur %n</numerusform>
            <numerusform>%1 exécutions sur %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n log lines to %1</source>
        <translation>
            <numerusform>%n ligne de journal écrite dans %1</numerusform>
            <numerusform>%n lignes de journal écrites dans %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>flowdeck::RunsTableModel</name>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
</context>
<context>
    <name>flowdeck::ScheduleForm</name>
    <message>
        <source>Edit Schedule %1</source>
        <translation>Modifier la planification %1</translation>
    </message>
    <message>
        <source>New Schedule</source>
        <translation>Nouvelle planification</translation>
    </message>
    <message>
        <source>nightly-report</source>
        <translation>rapport-nocturne</translation>
    </message>
    <message>
        <source>flowdeck.yaml (shared with the workspace)</source>
        <translation>flowdeck.yaml (partagé avec l’espace de travail)</translation>
    </message>
    <message>
        <source>Run database only (like schedule add)</source>
        <translation>Base des exécutions seulement (comme schedule add)</translation>
    </message>
    <message>
        <source>Active (fires when due)</source>
        <translation>Active (se déclenche à l’échéance)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Flow:</source>
        <translation>&amp;Flux&#xa0;:</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>Enregistrer &amp;dans&#xa0;:</translation>
    </message>
    <message>
        <source>In the zone</source>
        <translation>Dans le fuseau</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Daylight saving</source>
        <translation>Heure d’été</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Expression cron</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Une fois</translation>
    </message>
    <message>
        <source>Recurrence rule (RRULE)</source>
        <translation>Règle de récurrence (RRULE)</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Fuseau &amp;horaire&#xa0;:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Plage&#xa0;:</translation>
    </message>
    <message>
        <source>Not before</source>
        <translation>Pas avant</translation>
    </message>
    <message>
        <source>Not after</source>
        <translation>Pas après</translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week</source>
        <translation>minute heure jour-du-mois mois jour-de-la-semaine</translation>
    </message>
    <message>
        <source>Day of month and day of week must both match</source>
        <translation>Le jour du mois et le jour de la semaine doivent tous deux correspondre</translation>
    </message>
    <message>
        <source>&amp;Cron:</source>
        <translation>&amp;Cron&#xa0;:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir de</translation>
    </message>
    <message>
        <source>The first step, on the zone&apos;s clock (default 2000-01-01 00:00)</source>
        <translation>Le premier pas, à l’heure du fuseau (par défaut 2000-01-01 00:00)</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>Anchor:</source>
        <translation>Ancrage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>&amp;Le&#xa0;:</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Toutes les heures</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Toutes les semaines</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Tous les mois</translation>
    </message>
    <message>
        <source>every </source>
        <translation>intervalle&#xa0;: </translation>
    </message>
    <message>
        <source>Mo</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>Ma</translation>
    </message>
    <message>
        <source>We</source>
        <translation>Me</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>Je</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>Ve</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>9, 17</source>
        <translation>9, 17</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Répétition&#xa0;:</translation>
    </message>
    <message>
        <source>On days:</source>
        <translation>Les jours&#xa0;:</translation>
    </message>
    <message>
        <source>At hours:</source>
        <translation>Heures&#xa0;:</translation>
    </message>
    <message>
        <source>Minute:</source>
        <translation>Minute&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>Rè&amp;gle&#xa0;:</translation>
    </message>
    <message>
        <source>Starting:</source>
        <translation>Début&#xa0;:</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Skip missed fire times</source>
        <translation>Ignorer les déclenchements manqués</translation>
    </message>
    <message>
        <source>Run the latest missed one</source>
        <translation>Exécuter le dernier manqué</translation>
    </message>
    <message>
        <source>Run all missed ones</source>
        <translation>Exécuter tous les manqués</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>au plus </translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>Wait (enqueue)</source>
        <translation>Attendre (mise en file)</translation>
    </message>
    <message>
        <source>Cancel the new run</source>
        <translation>Annuler la nouvelle exécution</translation>
    </message>
    <message>
        <source>Set…</source>
        <translation>Définir…</translation>
    </message>
    <message>
        <source>Catch-&amp;up:</source>
        <translation>&amp;Rattrapage&#xa0;:</translation>
    </message>
    <message>
        <source>Max active runs:</source>
        <translation>Exécutions actives max.&#xa0;:</translation>
    </message>
    <message>
        <source>Pool / queue:</source>
        <translation>Pool / file&#xa0;:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Paramètres&#xa0;:</translation>
    </message>
    <message>
        <source>(the flow has none)</source>
        <translation>(le flux n’en a pas)</translation>
    </message>
    <message>
        <source>(no flow files in the workspace)</source>
        <translation>(aucun fichier de flux dans l’espace de travail)</translation>
    </message>
    <message>
        <source>Parameters of %1</source>
        <translation>Paramètres de %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>schedule name: %1 exists already (edit it from the Schedules panel)</source>
        <translation>nom de la planification&#xa0;: %1 existe déjà (modifiez-la depuis le panneau Planifications)</translation>
    </message>
    <message>
        <source>No preview: the schedule has problems</source>
        <translation>Pas d’aperçu&#xa0;: la planification comporte des problèmes</translation>
    </message>
    <message>
        <source>%1 — no fire times after now (the schedule has ended)</source>
        <translation>%1 — aucun déclenchement à venir (la planification est terminée)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;The next %2 fire times after %3:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Les %2 prochains déclenchements après %3&#xa0;:</translation>
    </message>
    <message>
        <source>A daylight-saving change moved this fire time: %1</source>
        <translation>Un changement d’heure a déplacé ce déclenchement&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>flowdeck::SchedulesModel</name>
    <message>
        <source>invalid: %1</source>
        <translation>invalide&#xa0;: %1</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>none (ended)</source>
        <translation>aucun (terminé)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>database</source>
        <translation>base de données</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Fuseau</translation>
    </message>
    <message>
        <source>Next fire</source>
        <translation>Prochain déclenchement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Dernière exécution</translation>
    </message>
    <message>
        <source>Declared in</source>
        <translation>Déclarée dans</translation>
    </message>
</context>
<context>
    <name>flowdeck::SchedulesPanel</name>
    <message>
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>Exécuter maintenant</translation>
    </message>
    <message>
        <source>Backfill…</source>
        <translation>Rattraper…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Upcoming runs:</source>
        <translation>Exécutions à venir&#xa0;:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Open a trusted workspace to see and edit its schedules (flowdeck.yaml and the run database).</source>
        <translation>Ouvrez un espace de travail approuvé pour voir et modifier ses planifications (flowdeck.yaml et la base des exécutions).</translation>
    </message>
    <message>
        <source>Saved schedule %1</source>
        <translation>Planification %1 enregistrée</translation>
    </message>
    <message>
        <source>Resumed %1</source>
        <translation>Planification %1 reprise</translation>
    </message>
    <message>
        <source>Paused %1 (its waiting runs were dropped)</source>
        <translation>Planification %1 suspendue (ses exécutions en attente ont été abandonnées)</translation>
    </message>
    <message>
        <source>the run database</source>
        <translation>la base des exécutions</translation>
    </message>
    <message>
        <source>%1 and the run database</source>
        <translation>%1 et de la base des exécutions</translation>
    </message>
    <message>
        <source>Remove Schedule</source>
        <translation>Retirer la planification</translation>
    </message>
    <message>
        <source>Remove schedule %1 from %2? Its finished runs stay in the history.</source>
        <translation>Retirer la planification %1 de %2&#xa0;? Ses exécutions terminées restent dans l’historique.</translation>
    </message>
    <message>
        <source>Removed schedule %1</source>
        <translation>Planification %1 retirée</translation>
    </message>
    <message>
        <source>A run of %1 is due now; pool %2 runs it</source>
        <translation>Une exécution de %1 est due maintenant&#xa0;; le pool %2 s’en charge</translation>
    </message>
    <message>
        <source>Created %1 backfill runs of %2</source>
        <translation>%1 exécutions de rattrapage de %2 créées</translation>
    </message>
    <message>
        <source>Deployments have schedules of their own (%1). They fire where each deployment is exported (a systemd timer, a CronJob, a CronWorkflow, a Prefect schedule), not here; edit them in the Deployments dock.</source>
        <translation>Des déploiements ont leurs propres planifications (%1). Elles se déclenchent là où chaque déploiement est exporté (un timer systemd, un CronJob, un CronWorkflow, une planification Prefect), pas ici ; modifiez-les dans le dock Déploiements.</translation>
    </message>
</context>
<context>
    <name>flowdeck::ShortcutSheet</name>
    <message>
        <source>Canvas</source>
        <translation>Canevas</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskInspector</name>
    <message>
        <source>a duration is needed, like &apos;30s&apos; or &apos;1m30s&apos;</source>
        <translation>une durée est nécessaire, par exemple «&#xa0;30s&#xa0;» ou «&#xa0;1m30s&#xa0;»</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration: use seconds or a number with ms, s, m, h or d, like &apos;30s&apos; or &apos;1m30s&apos;</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une durée&#xa0;: indiquez des secondes ou un nombre suivi de ms, s, m, h ou d, par exemple «&#xa0;30s&#xa0;» ou «&#xa0;1m30s&#xa0;»</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>doit être supérieur à 0</translation>
    </message>
    <message>
        <source>one duration per retry, like &apos;1s, 5s, 30s&apos;</source>
        <translation>une durée par nouvelle tentative, par exemple «&#xa0;1s, 5s, 30s&#xa0;»</translation>
    </message>
    <message>
        <source>one duration, like &apos;10s&apos;</source>
        <translation>une seule durée, par exemple «&#xa0;10s&#xa0;»</translation>
    </message>
    <message>
        <source>Edit script of %1</source>
        <translation>Modifier le script de %1</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Script</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Change kind of %1</source>
        <translation>Changer le type de %1</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Describe %1</source>
        <translation>Décrire %1</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>Étiqueter %1</translation>
    </message>
    <message>
        <source>&amp;Working folder</source>
        <translation>Dossier de tra&amp;vail</translation>
    </message>
    <message>
        <source>Set working folder of %1</source>
        <translation>Définir le dossier de travail de %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langage</translation>
    </message>
    <message>
        <source>Change language of %1</source>
        <translation>Changer le langage de %1</translation>
    </message>
    <message>
        <source>&amp;Flow file</source>
        <translation>&amp;Fichier de flux</translation>
    </message>
    <message>
        <source>a subflow needs a flow file</source>
        <translation>un sous-flux a besoin d’un fichier de flux</translation>
    </message>
    <message>
        <source>Set flow of %1</source>
        <translation>Définir le flux de %1</translation>
    </message>
    <message>
        <source>Para&amp;meters</source>
        <translation>Para&amp;mètres</translation>
    </message>
    <message>
        <source>Set parameters of %1</source>
        <translation>Définir les paramètres de %1</translation>
    </message>
    <message>
        <source>&amp;Seconds</source>
        <translation>&amp;Secondes</translation>
    </message>
    <message>
        <source>Set sleep of %1</source>
        <translation>Définir l’attente de %1</translation>
    </message>
    <message>
        <source>&amp;After</source>
        <translation>&amp;Après</translation>
    </message>
    <message>
        <source>&amp;Trigger</source>
        <translation>Dé&amp;clencheur</translation>
    </message>
    <message>
        <source>Change trigger of %1</source>
        <translation>Changer le déclencheur de %1</translation>
    </message>
    <message>
        <source>&amp;Map over</source>
        <translation>&amp;Répartir sur</translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation>Répartir %1</translation>
    </message>
    <message>
        <source>&amp;Retries</source>
        <translation>&amp;Nouvelles tentatives</translation>
    </message>
    <message>
        <source>Set retries of %1</source>
        <translation>Définir les nouvelles tentatives de %1</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>fixe</translation>
    </message>
    <message>
        <source>list</source>
        <translation>liste</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>exponentiel</translation>
    </message>
    <message>
        <source>e.g. 10s</source>
        <translation>p. ex. 10s</translation>
    </message>
    <message>
        <source>Retry &amp;delay</source>
        <translation>&amp;Délai avant nouvelle tentative</translation>
    </message>
    <message>
        <source>Set retry delay of %1</source>
        <translation>Définir le délai avant nouvelle tentative de %1</translation>
    </message>
    <message>
        <source>Retry &amp;jitter</source>
        <translation>&amp;Variation du délai</translation>
    </message>
    <message>
        <source>Set retry jitter of %1</source>
        <translation>Définir la variation du délai de %1</translation>
    </message>
    <message>
        <source>Time&amp;out</source>
        <translation>Délai &amp;maximal</translation>
    </message>
    <message>
        <source>Set timeout of %1</source>
        <translation>Définir le délai maximal de %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>renouveler</translation>
    </message>
    <message>
        <source>&amp;Cache</source>
        <translation>&amp;Cache</translation>
    </message>
    <message>
        <source>Cache %1</source>
        <translation>Mettre %1 en cache</translation>
    </message>
    <message>
        <source>Set cache policy of %1</source>
        <translation>Définir la règle de cache de %1</translation>
    </message>
    <message>
        <source>Set cache refresh of %1</source>
        <translation>Définir le renouvellement du cache de %1</translation>
    </message>
    <message>
        <source>Cache e&amp;xpires</source>
        <translation>E&amp;xpiration du cache</translation>
    </message>
    <message>
        <source>Set cache expiration of %1</source>
        <translation>Définir l’expiration du cache de %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Environnement</translation>
    </message>
    <message>
        <source>Edit environment of %1</source>
        <translation>Modifier l’environnement de %1</translation>
    </message>
    <message>
        <source>Select a task on the canvas to edit its settings.</source>
        <translation>Sélectionnez une tâche sur le canevas pour modifier ses réglages.</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks selected: %1.

Select one task to edit its settings; move, align, copy or delete the selection on the canvas.</source>
        <translation>
            <numerusform>%n tâche sélectionnée&#xa0;: %1.

Sélectionnez une seule tâche pour modifier ses réglages&#xa0;; déplacez, alignez, copiez ou supprimez la sélection sur le canevas.</numerusform>
            <numerusform>%n tâches sélectionnées&#xa0;: %1.

Sélectionnez une seule tâche pour modifier ses réglages&#xa0;; déplacez, alignez, copiez ou supprimez la sélection sur le canevas.</numerusform>
        </translation>
    </message>
    <message>
        <source>use letters, digits, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit</source>
        <translation>utilisez des lettres, des chiffres, «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;», en commençant par une lettre ou un chiffre</translation>
    </message>
    <message>
        <source>there is already a task named &apos;%1&apos;</source>
        <translation>une tâche nommée «&#xa0;%1&#xa0;» existe déjà</translation>
    </message>
    <message>
        <source>cannot rename to &apos;%1&apos;</source>
        <translation>impossible de renommer en «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos; is a %2, not a list</source>
        <translation>le paramètre «&#xa0;%1&#xa0;» est de type %2, pas une liste</translation>
    </message>
    <message>
        <source>no list parameter or upstream task is called &apos;%1&apos;</source>
        <translation>aucun paramètre liste ni aucune tâche en amont ne s’appelle «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskPalette</name>
    <message>
        <source>Filter tasks and snippets</source>
        <translation>Filtrer les tâches et les modèles</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Task kinds</source>
        <translation>Types de tâches</translation>
    </message>
    <message>
        <source>Drag onto the canvas, or double-click to add</source>
        <translation>Glissez sur le canevas, ou double-cliquez pour ajouter</translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskProblems</name>
    <message>
        <source>Line %1: </source>
        <translation>Ligne %1&#xa0;: </translation>
    </message>
    <message>
        <source>Rename to &apos;%1&apos;</source>
        <translation>Renommer en «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Rename the key &apos;%1&apos; to &apos;%2&apos; in the file</source>
        <translation>Renommer la clé «&#xa0;%1&#xa0;» en «&#xa0;%2&#xa0;» dans le fichier</translation>
    </message>
</context>
<context>
    <name>flowdeck::TaskRunsModel</name>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Code de sortie</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>Pic de mémoire</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
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
            <numerusform>%1 … (%n ligne)</numerusform>
            <numerusform>%1 … (%n lignes)</numerusform>
        </translation>
    </message>
    <message>
        <source>exponential from %1</source>
        <translation>exponentiel à partir de %1</translation>
    </message>
    <message>
        <source>, expires after %1</source>
        <translation>, expire après %1</translation>
    </message>
    <message>
        <source>, refresh</source>
        <translation>, renouveler</translation>
    </message>
    <message>
        <source>script</source>
        <translation>script</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>flux</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>paramètres</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>map</source>
        <translation>répartition</translation>
    </message>
    <message>
        <source>retry delay</source>
        <translation>délai avant nouvelle tentative</translation>
    </message>
    <message>
        <source>retry jitter</source>
        <translation>variation du délai</translation>
    </message>
    <message>
        <source>env</source>
        <translation>environnement</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>cache</translation>
    </message>
    <message>
        <source>workdir</source>
        <translation>dossier de travail</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Nouvelles tentatives</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Délai maximal</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a setting row: its name and value</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>flowdeck::TimeZonePicker</name>
    <message>
        <source>system zone</source>
        <translation>fuseau du système</translation>
    </message>
    <message>
        <source>unknown zone</source>
        <translation>fuseau inconnu</translation>
    </message>
    <message>
        <source>UTC%1 now (%2)</source>
        <translation>actuellement UTC%1 (%2)</translation>
    </message>
</context>
<context>
    <name>flowdeck::TrustBar</name>
    <message>
        <source>Trust This Folder</source>
        <translation>Faire confiance à ce dossier</translation>
    </message>
    <message>
        <source>Restricted: %1 is not trusted, so Flowdeck runs nothing from it on its own. Its schedules do not fire and its autosaved documents are not recovered until you trust it. Editing is not affected.</source>
        <translation>Mode restreint&#xa0;: %1 n’est pas approuvé, Flowdeck n’y exécute donc rien de lui-même. Ses planifications ne se déclenchent pas et ses documents sauvegardés automatiquement ne sont pas récupérés tant que vous ne lui faites pas confiance. La modification n’est pas concernée.</translation>
    </message>
</context>
<context>
    <name>flowdeck::UpcomingStrip</name>
    <message>
        <source>Nothing scheduled in this span</source>
        <translation>Rien de planifié sur cette période</translation>
    </message>
    <message>
        <source>%1 (%2): %3, %4</source>
        <translation>%1 (%2)&#xa0;: %3, %4</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planifiée</translation>
    </message>
</context>
<context>
    <name>flowdeck::WorkspaceScheduler</name>
    <message>
        <source>Scheduler off: workspace not trusted</source>
        <translation>Planificateur arrêté&#xa0;: espace de travail non approuvé</translation>
    </message>
    <message>
        <source>The schedules of %1 fire only once you trust this folder (the bar over the editor, or File → Trust This Workspace): they run its scripts.</source>
        <translation>Les planifications de %1 ne se déclenchent qu’une fois ce dossier approuvé (la barre au-dessus de l’éditeur, ou Fichier → Faire confiance à cet espace de travail)&#xa0;: elles exécutent ses scripts.</translation>
    </message>
    <message>
        <source>Scheduler off: bad settings</source>
        <translation>Planificateur arrêté&#xa0;: réglages incorrects</translation>
    </message>
    <message>
        <source>Scheduler off: no database</source>
        <translation>Planificateur arrêté&#xa0;: pas de base de données</translation>
    </message>
    <message>
        <source>Scheduler off: problems in flowdeck.yaml</source>
        <translation>Planificateur arrêté&#xa0;: problèmes dans flowdeck.yaml</translation>
    </message>
    <message>
        <source>Scheduler: %1 started, %2 running</source>
        <translation>Planificateur&#xa0;: %1 lancée, %2 en cours</translation>
    </message>
    <message>
        <source>Scheduler: %1 %2, %3 running</source>
        <translation>Planificateur&#xa0;: %1 %2, %3 en cours</translation>
    </message>
    <message>
        <source>Scheduler on</source>
        <translation>Planificateur actif</translation>
    </message>
</context>
</TS>
