<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 22: Plandata.dk, MARS and nitrogen. Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>plandata</name>
    <message>
        <source>not a polygon ({found}); refused</source>
        <translation>ikke en polygon ({found}); afvist</translation>
    </message>
    <message>
        <source>no geometry; refused</source>
        <translation>ingen geometri; afvist</translation>
    </message>
    <message>
        <source>invalid geometry ({reason}) at {x}, {y}; refused</source>
        <translation>ugyldig geometri ({reason}) ved {x}, {y}; afvist</translation>
    </message>
    <message>
        <source>its boundary crosses itself at {x}, {y}; refused</source>
        <translation>afgrænsningen krydser sig selv ved {x}, {y}; afvist</translation>
    </message>
    <message>
        <source>coordinates outside EPSG:25832 in Denmark ({problem}); refused</source>
        <translation>koordinater uden for EPSG:25832 i Danmark ({problem}); afvist</translation>
    </message>
    <message>
        <source>lies wholly outside the municipality; refused</source>
        <translation>ligger helt uden for kommunen; afvist</translation>
    </message>
    <message>
        <source>clipped to the municipality: {area} ({share}) outside removed (a retningslinje applies only in its own municipality)</source>
        <translation>beskåret til kommunen: {area} ({share}) udenfor er fjernet (en retningslinje gælder kun i sin egen kommune)</translation>
    </message>
    <message>
        <source>required field {field} is empty; refused</source>
        <translation>det krævede felt {field} er tomt; afvist</translation>
    </message>
    <message>
        <source>field {field}: the value {value} is not allowed; refused</source>
        <translation>feltet {field}: værdien {value} er ikke tilladt; afvist</translation>
    </message>
    <message>
        <source>an idea: not exported</source>
        <translation>en idé: eksporteres ikke</translation>
    </message>
    <message>
        <source>rejected: not exported</source>
        <translation>afvist i planen: eksporteres ikke</translation>
    </message>
    <message>
        <source>its status is not among those exported</source>
        <translation>dens status er ikke blandt dem, der eksporteres</translation>
    </message>
    <message>
        <source>its kind has no Plandata theme; mark it 1114 or 1115</source>
        <translation>dens type har intet Plandata-tema; markér den 1114 eller 1115</translation>
    </message>
    <message>
        <source>marked not to be exported</source>
        <translation>markeret til ikke at blive eksporteret</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>afvist</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>The plan's facts for Plandata: {facts}.</source>
        <translation>Planens oplysninger til Plandata: {facts}.</translation>
    </message>
    <message>
        <source>Lowland hectares by carbon class and the lowland areas' CO2e are empty: no lowland layer was given.</source>
        <translation>Lavbundshektar pr. kulstofklasse og lavbundsområdernes CO2e er tomme: der er ikke angivet noget lavbundslag.</translation>
    </message>
    <message>
        <source>Nitrogen (kg N per year) is empty: no N-retention layer (role n_retention) was given.</source>
        <translation>Kvælstof (kg N pr. år) er tom: der er ikke angivet noget kvælstofretentionslag (rollen n_retention).</translation>
    </message>
    <message numerus="yes">
        <source>{n} areas checked, {refused} refused, {left} not exported.</source>
        <translation>
            <numerusform>{n} område kontrolleret, {refused} afvist, {left} ikke eksporteret.</numerusform>
            <numerusform>{n} områder kontrolleret, {refused} afvist, {left} ikke eksporteret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {n} areas of theme {theme} to {path}.</source>
        <translation>
            <numerusform>Skrev {n} område i tema {theme} til {path}.</numerusform>
            <numerusform>Skrev {n} områder i tema {theme} til {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked {n} areas for theme {theme}.</source>
        <translation>
            <numerusform>Markerede {n} område til tema {theme}.</numerusform>
            <numerusform>Markerede {n} områder til tema {theme}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The plan area holds several municipalities ({codes}); Plandata takes one municipality's plan at a time: choose one of them.</source>
        <translation>Planområdet rummer flere kommuner ({codes}); Plandata tager én kommunes plan ad gangen: vælg en af dem.</translation>
    </message>
    <message>
        <source>The plan area holds no municipality {code}; choose one of {codes}.</source>
        <translation>Planområdet rummer ingen kommune {code}; vælg en af {codes}.</translation>
    </message>
    <message>
        <source>The data model {file} cannot be read ({reason}).</source>
        <translation>Datamodellen {file} kan ikke læses ({reason}).</translation>
    </message>
    <message>
        <source>The data model {file} is missing.</source>
        <translation>Datamodellen {file} mangler.</translation>
    </message>
    <message>
        <source>The project's national record cannot be read ({reason}).</source>
        <translation>Projektets oplysninger til de nationale systemer kan ikke læses ({reason}).</translation>
    </message>
    <message>
        <source>Unknown Plandata status {status}; use {known}.</source>
        <translation>Ukendt Plandata-status {status}; brug {known}.</translation>
    </message>
    <message>
        <source>Choose one of {one} and {other}, not both.</source>
        <translation>Vælg én af {one} og {other}, ikke begge.</translation>
    </message>
    <message>
        <source>Name the folder with --out DIR, or check only with --check-only.</source>
        <translation>Angiv mappen med --out MAPPE, eller kontrollér kun med --check-only.</translation>
    </message>
    <message>
        <source>Unknown Plandata theme {theme}; use {known}, kind or none.</source>
        <translation>Ukendt Plandata-tema {theme}; brug {known}, kind eller none.</translation>
    </message>
    <message>
        <source>{date} is not a date as YYYY-MM-DD.</source>
        <translation>{date} er ikke en dato som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>Unknown MARS field {key}; the keys are {keys}.</source>
        <translation>Ukendt MARS-felt {key}; nøglerne er {keys}.</translation>
    </message>
    <message>
        <source>Unknown MARS {what} '{value}'; the mapping knows {known}.</source>
        <translation>Ukendt MARS-{what} '{value}'; tabellen kender {known}.</translation>
    </message>
    <message>
        <source>Feature {fid} '{name}' is not a valid polygon; nothing was imported.</source>
        <translation>Objekt {fid} '{name}' er ikke en gyldig polygon; intet er importeret.</translation>
    </message>
    <message>
        <source>Write --mars-field as KEY=FIELD, not {item}.</source>
        <translation>Skriv --mars-field som NØGLE=FELT, ikke {item}.</translation>
    </message>
    <message>
        <source>Name the kind of the areas with --kind (lowland, afforestation, connectivity or restore).</source>
        <translation>Angiv områdernes type med --kind (lowland, afforestation, connectivity eller restore).</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason}).</source>
        <translation>{path}: kan ikke læses ({reason}).</translation>
    </message>
    <message numerus="yes">
        <source>{n} areas break the rules of Plandata's data model; nothing was written.</source>
        <translation>
            <numerusform>{n} område bryder Plandatas datamodel; intet er skrevet.</numerusform>
            <numerusform>{n} områder bryder Plandatas datamodel; intet er skrevet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>export the plan to Plandata.dk (kommuneplanretningslinjer 1112-1115)</source>
        <translation>eksportér planen til Plandata.dk (kommuneplanretningslinjer 1112-1115)</translation>
    </message>
    <message>
        <source>check the plan and write one shapefile per theme</source>
        <translation>kontrollér planen og skriv én shapefil pr. tema</translation>
    </message>
    <message>
        <source>the folder the shapefiles are written to</source>
        <translation>mappen, shapefilerne skrives i</translation>
    </message>
    <message>
        <source>Plandata statuses to export: F or KF for proposals, V or KV for adopted areas (default F,V)</source>
        <translation>Plandata-statusser, der eksporteres: F eller KF for forslag, V eller KV for vedtagne områder (standard F,V)</translation>
    </message>
    <message>
        <source>check and print the report, write nothing</source>
        <translation>kontrollér og udskriv rapporten, skriv intet</translation>
    </message>
    <message>
        <source>designate candidate areas for a Plandata theme</source>
        <translation>udpeg kandidatområder til et Plandata-tema</translation>
    </message>
    <message>
        <source>1114 or 1115 (Grønt Danmarkskort), kind: the theme of its kind, none: never exported</source>
        <translation>1114 eller 1115 (Grønt Danmarkskort), kind: temaet for dets type, none: eksporteres aldrig</translation>
    </message>
    <message>
        <source>the plan's facts for Plandata (id, name, dates)</source>
        <translation>planens oplysninger til Plandata (id, navn, datoer)</translation>
    </message>
    <message>
        <source>Plandata's id of the plan</source>
        <translation>Plandatas id for planen</translation>
    </message>
    <message>
        <source>the plan's name</source>
        <translation>planens navn</translation>
    </message>
    <message>
        <source>date of the proposal</source>
        <translation>dato for forslaget</translation>
    </message>
    <message>
        <source>date of the adoption</source>
        <translation>dato for vedtagelsen</translation>
    </message>
    <message>
        <source>link to the plan document</source>
        <translation>link til plandokumentet</translation>
    </message>
    <message>
        <source>the kind of every area imported (required unless --format mars)</source>
        <translation>typen af alle importerede områder (kræves, medmindre --format mars)</translation>
    </message>
    <message>
        <source>mars: a MARS export of project areas (kind and status from the MARS type and phase; --kind is not needed)</source>
        <translation>mars: en MARS-eksport af projektområder (type og status fra MARS-typen og -fasen; --kind behøves ikke)</translation>
    </message>
    <message>
        <source>the file's field for a MARS key (id, name, type, phase, municipality, area_ha)</source>
        <translation>filens felt for en MARS-nøgle (id, name, type, phase, municipality, area_ha)</translation>
    </message>
    <message>
        <source>mars: project areas (shapefile) and project list (CSV) for MARS into the folder --out</source>
        <translation>mars: projektområder (shapefil) og projektliste (CSV) til MARS i mappen --out</translation>
    </message>
    <message>
        <source>the candidate area, or the first characters of its id (repeat for more)</source>
        <translation>kandidatområdet eller de første tegn af dets id (gentag for flere)</translation>
    </message>
</context>
<context>
    <name>PlandataDialog</name>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Export to Plandata</source>
        <translation>Eksportér til Plandata</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>F (forslag)</source>
        <translation>F (forslag)</translation>
    </message>
    <message>
        <source>KF (kladde til forslag)</source>
        <translation>KF (kladde til forslag)</translation>
    </message>
    <message>
        <source>not exported</source>
        <translation>eksporteres ikke</translation>
    </message>
    <message>
        <source>V (vedtaget)</source>
        <translation>V (vedtaget)</translation>
    </message>
    <message>
        <source>KV (kladde til vedtaget)</source>
        <translation>KV (kladde til vedtaget)</translation>
    </message>
    <message>
        <source>Proposed areas as</source>
        <translation>Forslag eksporteres som</translation>
    </message>
    <message>
        <source>Adopted areas as</source>
        <translation>Vedtagne eksporteres som</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontrollér</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksportér</translation>
    </message>
    <message>
        <source>Open a project and choose what to export.</source>
        <translation>Åbn et projekt, og vælg, hvad der skal eksporteres.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export to Plandata…</source>
        <translation>Eksportér til Plandata…</translation>
    </message>
</context>
<context>
    <name>mars</name>
    <message numerus="yes">
        <source>Imported {n} MARS projects.</source>
        <translation>
            <numerusform>Importerede {n} MARS-projekt.</numerusform>
            <numerusform>Importerede {n} MARS-projekter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {n} MARS projects to {path}.</source>
        <translation>
            <numerusform>Skrev {n} MARS-projekt til {path}.</numerusform>
            <numerusform>Skrev {n} MARS-projekter til {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped {n} projects already in the plan: {ids}.</source>
        <translation>
            <numerusform>Sprang {n} projekt over, som allerede er i planen: {ids}.</numerusform>
            <numerusform>Sprang {n} projekter over, som allerede er i planen: {ids}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>Nitrogen reduction (kg N/yr)</source>
        <translation>Kvælstofreduktion (kg N/år)</translation>
    </message>
    <message>
        <source>No N-retention layer (role n_retention): the nitrogen reduction is not measured (empty cells).</source>
        <translation>Intet kvælstofretentionslag (rollen n_retention): kvælstofreduktionen er ikke opgjort (tomme celler).</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Nitrogen</source>
        <translation>Kvælstof</translation>
    </message>
    <message>
        <source>not measured: no N-retention layer (role n_retention)</source>
        <translation>ikke opgjort: intet kvælstofretentionslag (rollen n_retention)</translation>
    </message>
    <message>
        <source>%1 kg N per year</source>
        <translation>%1 kg N pr. år</translation>
    </message>
</context>
</TS>
