<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Words shared by the command line, the exporters and the window (naturplan/text/i18n.py).
     Contexts: "labels" (kinds, statuses, roles), "errors" (error templates, core/errors.py),
     "cli" (command-line output). Source texts are English with {name} placeholders; a message
     with a count is numerus="yes": the first form for 1, the second for every other count. -->
<TS version="2.1" language="da_DK">
<context>
    <name>labels</name>
    <message>
        <source>Lowland withdrawal</source>
        <translation>Udtagning af lavbundsjord</translation>
    </message>
    <message>
        <source>Afforestation</source>
        <translation>Skovrejsning</translation>
    </message>
    <message>
        <source>Ecological connection</source>
        <translation>Økologisk forbindelse</translation>
    </message>
    <message>
        <source>synthetic example</source>
        <translation>syntetisk eksempel</translation>
    </message>
    <message numerus="yes">
        <source>{n} features</source>
        <translation>
            <numerusform>{n} objekt</numerusform>
            <numerusform>{n} objekter</numerusform>
        </translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idé</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Forslag</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Vedtaget</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <source>Candidate {number}</source>
        <translation>Kandidat {number}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>no geometry</source>
        <translation>ingen geometri</translation>
    </message>
    <message>
        <source>empty geometry</source>
        <translation>tom geometri</translation>
    </message>
    <message>
        <source>not a polygon ({detail})</source>
        <translation>ikke en polygon ({detail})</translation>
    </message>
    <message>
        <source>invalid polygon ({detail})</source>
        <translation>ugyldig polygon ({detail})</translation>
    </message>
    <message>
        <source>invalid polygon with no area left after repair ({detail})</source>
        <translation>ugyldig polygon uden areal tilbage efter reparation ({detail})</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulleret.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Noget gik galt.</translation>
    </message>
    <message>
        <source>Building the sample was cancelled.</source>
        <translation>Opbygningen af eksempeldata blev annulleret.</translation>
    </message>
    <message>
        <source>'{name}' has no coordinate reference system.</source>
        <translation>'{name}' har intet koordinatsystem.</translation>
    </message>
    <message>
        <source>A candidate area must be a valid polygon ({reason}).</source>
        <translation>Et kandidatområde skal være en gyldig polygon ({reason}).</translation>
    </message>
    <message>
        <source>A candidate area needs a geometry.</source>
        <translation>Et kandidatområde skal have en geometri.</translation>
    </message>
    <message>
        <source>A candidate area cannot be empty.</source>
        <translation>Et kandidatområde kan ikke være tomt.</translation>
    </message>
    <message>
        <source>A candidate area must be a polygon, not a {type}.</source>
        <translation>Et kandidatområde skal være en polygon, ikke en {type}.</translation>
    </message>
    <message>
        <source>Merging left no area.</source>
        <translation>Sammenlægningen efterlod intet areal.</translation>
    </message>
    <message>
        <source>A split needs a line.</source>
        <translation>En opdeling kræver en linje.</translation>
    </message>
    <message>
        <source>The line does not cut the area.</source>
        <translation>Linjen skærer ikke området over.</translation>
    </message>
    <message>
        <source>No vertex {index} in this ring.</source>
        <translation>Intet knudepunkt {index} i denne ring.</translation>
    </message>
    <message>
        <source>No part {part} in this area.</source>
        <translation>Ingen del {part} i dette område.</translation>
    </message>
    <message>
        <source>No ring {ring} in this part.</source>
        <translation>Ingen ring {ring} i denne del.</translation>
    </message>
    <message>
        <source>That edit would make the area invalid ({reason}).</source>
        <translation>Den ændring ville gøre området ugyldigt ({reason}).</translation>
    </message>
    <message>
        <source>Cannot edit field(s): {fields}.</source>
        <translation>Felterne kan ikke redigeres: {fields}.</translation>
    </message>
    <message>
        <source>A ring needs at least 3 vertices.</source>
        <translation>En ring skal have mindst 3 knudepunkter.</translation>
    </message>
    <message>
        <source>Candidate area '{name}' is already in the plan.</source>
        <translation>Kandidatområdet '{name}' er allerede i planen.</translation>
    </message>
    <message>
        <source>Cannot merge a candidate area with itself.</source>
        <translation>Et kandidatområde kan ikke lægges sammen med sig selv.</translation>
    </message>
    <message>
        <source>No candidate area with id {id}.</source>
        <translation>Intet kandidatområde med id {id}.</translation>
    </message>
    <message>
        <source>Nothing is left of the new area outside the others.</source>
        <translation>Intet er tilbage af det nye område uden for de andre.</translation>
    </message>
    <message>
        <source>Candidate area '{name}' is no longer in the plan.</source>
        <translation>Kandidatområdet '{name}' er ikke længere i planen.</translation>
    </message>
    <message>
        <source>The project {name} could not be read ({reason}).</source>
        <translation>Projektet {name} kunne ikke læses ({reason}).</translation>
    </message>
    <message>
        <source>A candidate geometry in the project is not GeoPackage binary.</source>
        <translation>En kandidatgeometri i projektet er ikke i GeoPackage-format.</translation>
    </message>
    <message>
        <source>A candidate geometry in the project has an unknown envelope.</source>
        <translation>En kandidatgeometri i projektet har en ukendt afgrænsning.</translation>
    </message>
    <message>
        <source>The project {name} is locked by another program; try again in a moment.</source>
        <translation>Projektet {name} er låst af et andet program; prøv igen om lidt.</translation>
    </message>
    <message>
        <source>The project {name} is locked by another program; nothing was saved. Try again when the other program has finished.</source>
        <translation>Projektet {name} er låst af et andet program; intet blev gemt. Prøv igen, når det andet program er færdigt.</translation>
    </message>
    <message>
        <source>The project {name} cannot be written (the file or its folder is read-only); nothing was saved.</source>
        <translation>Der kan ikke skrives i projektet {name} (filen eller mappen er skrivebeskyttet); intet blev gemt.</translation>
    </message>
    <message>
        <source>The disk with the project {name} is full; nothing was saved. Free some space and try again.</source>
        <translation>Disken med projektet {name} er fuld; intet blev gemt. Frigør plads, og prøv igen.</translation>
    </message>
    <message>
        <source>The project {name} could not be written ({reason}); nothing was saved.</source>
        <translation>Projektet {name} kunne ikke skrives ({reason}); intet blev gemt.</translation>
    </message>
    <message>
        <source>{name} is not a GeoPackage (not an SQLite database).</source>
        <translation>{name} er ikke en GeoPackage (ikke en SQLite-database).</translation>
    </message>
    <message>
        <source>{name} is an SQLite database but not a GeoPackage.</source>
        <translation>{name} er en SQLite-database, men ikke en GeoPackage.</translation>
    </message>
    <message>
        <source>{name} is a GeoPackage but not a naturplan project.</source>
        <translation>{name} er en GeoPackage, men ikke et naturplan-projekt.</translation>
    </message>
    <message>
        <source>{name} was made by a newer naturplan (project schema {version}); update naturplan.</source>
        <translation>{name} er lavet af en nyere naturplan (projektskema {version}); opdatér naturplan.</translation>
    </message>
    <message>
        <source>{name} is damaged ({reason}).</source>
        <translation>{name} er beskadiget ({reason}).</translation>
    </message>
    <message>
        <source>Folder not found for the project: {folder}</source>
        <translation>Mappen til projektet findes ikke: {folder}</translation>
    </message>
    <message>
        <source>Cannot read project {name}: {reason}</source>
        <translation>Projektet {name} kan ikke læses: {reason}</translation>
    </message>
    <message>
        <source>{name} cannot be read as a GeoPackage ({reason}).</source>
        <translation>{name} kan ikke læses som GeoPackage ({reason}).</translation>
    </message>
    <message>
        <source>Cannot create project {path}: {reason}</source>
        <translation>Projektet {path} kan ikke oprettes: {reason}</translation>
    </message>
    <message>
        <source>Project setting(s) {keys} are reserved.</source>
        <translation>Projektindstillingerne {keys} er reserverede.</translation>
    </message>
    <message>
        <source>Project {name} is open read-only.</source>
        <translation>Projektet {name} er kun åbnet til læsning.</translation>
    </message>
    <message>
        <source>Project file not found: {path}</source>
        <translation>Projektfilen findes ikke: {path}</translation>
    </message>
    <message>
        <source>Candidate area '{name}' is already in the project.</source>
        <translation>Kandidatområdet '{name}' er allerede i projektet.</translation>
    </message>
    <message>
        <source>The project was saved by a newer naturplan; update naturplan.</source>
        <translation>Projektet er gemt af en nyere naturplan; opdatér naturplan.</translation>
    </message>
    <message>
        <source>The project's layer settings cannot be read ({reason}).</source>
        <translation>Projektets lagindstillinger kan ikke læses ({reason}).</translation>
    </message>
    <message>
        <source>Candidate area '{name}' was deleted by {by} at {at} after you opened it; your edit was not saved. Reload to see the current plan.</source>
        <translation>Kandidatområdet '{name}' blev slettet af {by} kl. {at}, efter du åbnede det; din ændring blev ikke gemt. Genindlæs for at se den aktuelle plan.</translation>
    </message>
    <message>
        <source>Candidate area '{name}' was deleted after you opened it; your edit was not saved. Reload to see the current plan.</source>
        <translation>Kandidatområdet '{name}' blev slettet, efter du åbnede det; din ændring blev ikke gemt. Genindlæs for at se den aktuelle plan.</translation>
    </message>
    <message>
        <source>Candidate area '{name}' was changed by {by} at {at} after you opened it; your edit was not saved. Reload to see the current version.</source>
        <translation>Kandidatområdet '{name}' blev ændret af {by} kl. {at}, efter du åbnede det; din ændring blev ikke gemt. Genindlæs for at se den aktuelle version.</translation>
    </message>
    <message>
        <source>Candidate area '{name}' was changed after you opened it; your edit was not saved. Reload to see the current version.</source>
        <translation>Kandidatområdet '{name}' blev ændret, efter du åbnede det; din ændring blev ikke gemt. Genindlæs for at se den aktuelle version.</translation>
    </message>
    <message numerus="yes">
        <source>{n} of {total} features in {file} are broken; nothing was imported.</source>
        <translation>
            <numerusform>{n} af {total} objekter i {file} er defekt; intet blev importeret.</numerusform>
            <numerusform>{n} af {total} objekter i {file} er defekte; intet blev importeret.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} has no usable polygons; nothing was imported.</source>
        <translation>{file} har ingen brugbare polygoner; intet blev importeret.</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Intet at importere.</translation>
    </message>
    <message>
        <source>'{name}' has several layers: {layers}.</source>
        <translation>'{name}' har flere lag: {layers}.</translation>
    </message>
    <message>
        <source>'{name}' has no field '{field}'. Fields: {fields}.</source>
        <translation>'{name}' har intet felt '{field}'. Felter: {fields}.</translation>
    </message>
    <message>
        <source>Give at least 4 characters of the id, not '{id}'.</source>
        <translation>Angiv mindst 4 tegn af id'et, ikke '{id}'.</translation>
    </message>
    <message numerus="yes">
        <source>The id {id} fits {n} candidate areas; give more of it.</source>
        <translation>
            <numerusform>Id'et {id} passer på {n} kandidatområde; angiv mere af det.</numerusform>
            <numerusform>Id'et {id} passer på {n} kandidatområder; angiv mere af det.</numerusform>
        </translation>
    </message>
    <message>
        <source>Each imported candidate area needs its own audit details.</source>
        <translation>Hvert importeret kandidatområde skal have sine egne revisionsoplysninger.</translation>
    </message>
    <message>
        <source>Cannot read '{name}': {reason}</source>
        <translation>'{name}' kan ikke læses: {reason}</translation>
    </message>
    <message>
        <source>File not found: {path}</source>
        <translation>Filen findes ikke: {path}</translation>
    </message>
    <message>
        <source>Project not found: {project}</source>
        <translation>Projektet findes ikke: {project}</translation>
    </message>
    <message>
        <source>A scenario needs a name.</source>
        <translation>Et scenarie skal have et navn.</translation>
    </message>
    <message>
        <source>Scenario '{name}' is already in the project.</source>
        <translation>Scenariet '{name}' er allerede i projektet.</translation>
    </message>
    <message>
        <source>A scenario named '{name}' is already in the project.</source>
        <translation>Et scenarie med navnet '{name}' er allerede i projektet.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>error</source>
        <translation>fejl</translation>
    </message>
    <message>
        <source>State it with --assume-crs EPSG (for example --assume-crs 25832 for ETRS89 / UTM 32N).</source>
        <translation>Angiv det med --assume-crs EPSG (for eksempel --assume-crs 25832 for ETRS89 / UTM 32N).</translation>
    </message>
    <message>
        <source>--skip-broken imports the others; --repair imports invalid polygons repaired.</source>
        <translation>--skip-broken importerer de andre; --repair importerer ugyldige polygoner repareret.</translation>
    </message>
    <message>
        <source>Name one as FILE:LAYER.</source>
        <translation>Angiv et af dem som FIL:LAG.</translation>
    </message>
</context>
</TS>
