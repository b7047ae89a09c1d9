<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Team projects in PostgreSQL + PostGIS (issue 13): the team dialogs and messages in the window
     (gui/team/), "naturplan project" on the command line (context cli_project) and the
     PostGIS store's and the copy's errors (context errors). Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>TeamActions</name>
    <message>
        <source>Open team project…</source>
        <translation>Åbn holdprojekt…</translation>
    </message>
    <message>
        <source>New team project…</source>
        <translation>Nyt holdprojekt…</translation>
    </message>
    <message>
        <source>Open team project</source>
        <translation>Åbn holdprojekt</translation>
    </message>
    <message>
        <source>New team project</source>
        <translation>Nyt holdprojekt</translation>
    </message>
    <message>
        <source>a plan in PostgreSQL/PostGIS that several planners edit at once</source>
        <translation>en plan i PostgreSQL/PostGIS, som flere planlæggere redigerer på samme tid</translation>
    </message>
</context>
<context>
    <name>ConflictResolver</name>
    <message>
        <source>a colleague</source>
        <translation>en kollega</translation>
    </message>
    <message>
        <source>%1 deleted %2 at %3, after you opened it.</source>
        <translation>%1 slettede %2 kl. %3, efter at du åbnede det.</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3, after you opened it.</source>
        <translation>%1 ændrede %2 kl. %3, efter at du åbnede det.</translation>
    </message>
    <message>
        <source>Your edit was not saved; nothing of theirs was overwritten.</source>
        <translation>Din ændring blev ikke gemt; intet af kollegaens er overskrevet.</translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation>Genindlæs deres</translation>
    </message>
    <message>
        <source>Keep mine as a copy</source>
        <translation>Behold min som kopi</translation>
    </message>
    <message>
        <source>%1 (my copy)</source>
        <translation>%1 (min kopi)</translation>
    </message>
    <message>
        <source>area</source>
        <translation>område</translation>
    </message>
    <message>
        <source>Changed by a colleague: %1</source>
        <translation>Ændret af en kollega: %1</translation>
    </message>
    <message>
        <source>Could not reload</source>
        <translation>Kunne ikke genindlæse</translation>
    </message>
    <message>
        <source>Keep my version of %1 as a copy</source>
        <translation>Behold min udgave af %1 som kopi</translation>
    </message>
    <message>
        <source>'%1' (now '%2')</source>
        <translation>'%1' (nu '%2')</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>A team project lives in a PostgreSQL database with PostGIS. Name it by its service (service=naturplan) or its address (postgresql://server:5432/database).</source>
        <translation>Et holdprojekt ligger i en PostgreSQL-database med PostGIS. Angiv det ved sin service (service=naturplan) eller sin adresse (postgresql://server:5432/database).</translation>
    </message>
    <message>
        <source>The password is never typed here nor saved by naturplan: put it in your password file (~/.pgpass, on Windows %APPDATA%\postgresql\pgpass.conf) or ask IT for a service file.</source>
        <translation>Adgangskoden skrives ikke her og gemmes aldrig af naturplan: læg den i din adgangskodefil (~/.pgpass, på Windows %APPDATA%\postgresql\pgpass.conf), eller bed IT om en servicefil.</translation>
    </message>
    <message>
        <source>Not a connection string: write service=NAME or postgresql://server/database.</source>
        <translation>Ikke en forbindelsesstreng: skriv service=NAVN eller postgresql://server/database.</translation>
    </message>
    <message>
        <source>This contains a password: it is used now but not saved. Better keep it in your password file.</source>
        <translation>Denne indeholder en adgangskode: den bruges nu, men gemmes ikke. Læg den hellere i din adgangskodefil.</translation>
    </message>
</context>
<context>
    <name>RemoteFollow</name>
    <message>
        <source>Connected to the team project again.</source>
        <translation>Forbundet til holdprojektet igen.</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Holdet: %1</translation>
    </message>
    <message>
        <source>'%1' was deleted</source>
        <translation>'%1' blev slettet</translation>
    </message>
    <message>
        <source>%1 added '%2'</source>
        <translation>%1 tilføjede '%2'</translation>
    </message>
    <message>
        <source>%1 changed '%2'</source>
        <translation>%1 ændrede '%2'</translation>
    </message>
    <message>
        <source>a colleague changed the scenarios</source>
        <translation>en kollega ændrede scenarierne</translation>
    </message>
</context>
<context>
    <name>cli_project</name>
    <message numerus="yes">
        <source>{n} scenarios copied.</source>
        <translation>
            <numerusform>{n} scenarie kopieret.</numerusform>
            <numerusform>{n} scenarier kopieret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} scenarios</source>
        <translation>
            <numerusform>{n} scenarie</numerusform>
            <numerusform>{n} scenarier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied {n} candidate areas, {edits} audit entries and {settings} settings from {src} to {dst}.</source>
        <translation>
            <numerusform>Kopierede {n} kandidatområde, {edits} logposter og {settings} indstillinger fra {src} til {dst}.</numerusform>
            <numerusform>Kopierede {n} kandidatområder, {edits} logposter og {settings} indstillinger fra {src} til {dst}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} candidate areas, {area}</source>
        <translation>
            <numerusform>{n} kandidatområde, {area}</numerusform>
            <numerusform>{n} kandidatområder, {area}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} audit entries, last {at}</source>
        <translation>
            <numerusform>{n} logpost, senest {at}</numerusform>
            <numerusform>{n} logposter, senest {at}</numerusform>
        </translation>
    </message>
    <message>
        <source>Project schema {version}</source>
        <translation>Projektskema {version}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>--replace replaces it.</source>
        <translation>--replace erstatter den.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The project database {where} was upgraded by a newer naturplan (schema step {found}, this one knows {known}); update naturplan.</source>
        <translation>Projektdatabasen {where} er opgraderet af en nyere naturplan (skematrin {found}, denne kender {known}); opdatér naturplan.</translation>
    </message>
    <message>
        <source>The database {where} holds no naturplan project.</source>
        <translation>Databasen {where} indeholder intet naturplan-projekt.</translation>
    </message>
    <message>
        <source>The database {where} has a schema 'naturplan' that is not a naturplan project.</source>
        <translation>Databasen {where} har et skema 'naturplan', som ikke er et naturplan-projekt.</translation>
    </message>
    <message>
        <source>Cannot connect to the project database {where}: {reason}</source>
        <translation>Kan ikke forbinde til projektdatabasen {where}: {reason}</translation>
    </message>
    <message>
        <source>PostGIS is not installed in the database {where} and this login may not install it ({reason}); ask the database administrator to run CREATE EXTENSION postgis there.</source>
        <translation>PostGIS er ikke installeret i databasen {where}, og dette login må ikke installere det ({reason}); bed databaseadministratoren køre CREATE EXTENSION postgis der.</translation>
    </message>
    <message>
        <source>Project {where} is open read-only.</source>
        <translation>Projektet {where} er åbnet skrivebeskyttet.</translation>
    </message>
    <message>
        <source>Another planner's edit holds the candidate area in {where}; nothing was written. Try again in a moment.</source>
        <translation>En anden planlæggers ændring holder kandidatområdet i {where}; intet blev skrevet. Prøv igen om lidt.</translation>
    </message>
    <message>
        <source>Another planner's edit holds the scenario in {where}; nothing was written. Try again in a moment.</source>
        <translation>En anden planlæggers ændring holder scenariet i {where}; intet blev skrevet. Prøv igen om lidt.</translation>
    </message>
    <message>
        <source>Another planner's edit holds the project's settings in {where}; nothing was written. Try again in a moment.</source>
        <translation>En anden planlæggers ændring holder projektets indstillinger i {where}; intet blev skrevet. Prøv igen om lidt.</translation>
    </message>
    <message>
        <source>Lost the connection to the project database {where}: {reason}</source>
        <translation>Mistede forbindelsen til projektdatabasen {where}: {reason}</translation>
    </message>
    <message>
        <source>The project database {where} refused the change: {reason}</source>
        <translation>Projektdatabasen {where} afviste ændringen: {reason}</translation>
    </message>
    <message>
        <source>Source and destination are the same project: {project}</source>
        <translation>Kilde og mål er samme projekt: {project}</translation>
    </message>
    <message>
        <source>Project not found: {project}</source>
        <translation>Projektet findes ikke: {project}</translation>
    </message>
    <message numerus="yes">
        <source>{project} already holds a plan ({n} candidate areas); nothing was copied. Copy to a new project, or replace it on purpose.</source>
        <translation>
            <numerusform>{project} indeholder allerede en plan ({n} kandidatområde); intet blev kopieret. Kopiér til et nyt projekt, eller erstat det med vilje.</numerusform>
            <numerusform>{project} indeholder allerede en plan ({n} kandidatområder); intet blev kopieret. Kopiér til et nyt projekt, eller erstat det med vilje.</numerusform>
        </translation>
    </message>
    <message>
        <source>The copy in {project} differs from its source; nothing was kept.</source>
        <translation>Kopien i {project} afviger fra kilden; intet blev beholdt.</translation>
    </message>
</context>
</TS>
