<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The candidate atlas (issue 19 item 13): its pages (context "atlas"), its errors
     ("errors") and the window's atlas dialog ("AtlasDialog", "ExportActions"). Source texts
     are English with {name} placeholders (%1 in the dialog). -->
<TS version="2.1" language="da_DK">
<context>
    <name>atlas</name>
    <message>
        <source>Candidate areas, {name} Municipality</source>
        <translation>Kandidatområder, {name} Kommune</translation>
    </message>
    <message>
        <source>Candidate atlas: overview and key</source>
        <translation>Kandidatatlas: oversigt og nøgle</translation>
    </message>
    <message>
        <source>Key to the candidate pages</source>
        <translation>Nøgle til kandidatsiderne</translation>
    </message>
    <message>
        <source>Key to the candidate pages (continued)</source>
        <translation>Nøgle til kandidatsiderne (fortsat)</translation>
    </message>
    <message>
        <source>The candidate's numbers</source>
        <translation>Kandidatområdets tal</translation>
    </message>
    <message>
        <source>–: does not apply to this kind of candidate, or not measured.</source>
        <translation>–: gælder ikke for denne type kandidatområde, eller er ikke målt.</translation>
    </message>
    <message>
        <source>What the candidate does (CO2e, conflicts, flood, ΔECA) was not measured for this atlas.</source>
        <translation>Hvad kandidatområdet gør (CO2e, konflikter, oversvømmelse, ΔECA) er ikke målt til dette atlas.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote {path}: {n} pages ({size} MB).</source>
        <translation>
            <numerusform>Skrev {path}: {n} side ({size} MB).</numerusform>
            <numerusform>Skrev {path}: {n} sider ({size} MB).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {n} atlas files.</source>
        <translation>
            <numerusform>Skrev {n} atlasfil.</numerusform>
            <numerusform>Skrev {n} atlasfiler.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The atlas has no pages: the plan has no candidate areas.</source>
        <translation>Atlasset har ingen sider: planen har ingen kandidatområder.</translation>
    </message>
    <message>
        <source>An atlas is split by kind or by status, not by '{value}'.</source>
        <translation>Et atlas deles efter type eller status, ikke efter '{value}'.</translation>
    </message>
    <message>
        <source>An atlas of a scenario needs the project that holds it.</source>
        <translation>Et atlas over et scenarie kræver det projekt, der har scenariet.</translation>
    </message>
    <message>
        <source>No scenario named '{name}' in the project (scenarios: {names}).</source>
        <translation>Projektet har intet scenarie ved navn '{name}' (scenarier: {names}).</translation>
    </message>
    <message>
        <source>--scenario and --split-by belong to the atlas: add --atlas.</source>
        <translation>--scenario og --split-by hører til atlasset: tilføj --atlas.</translation>
    </message>
    <message>
        <source>The atlas shows a project's candidates: give --project.</source>
        <translation>Atlasset viser et projekts kandidatområder: angiv --project.</translation>
    </message>
    <message>
        <source>The atlas is a PDF: give --out a .pdf name.</source>
        <translation>Atlasset er en PDF: giv --out et .pdf-navn.</translation>
    </message>
</context>
<context>
    <name>AtlasDialog</name>
    <message>
        <source>Export atlas</source>
        <translation>Eksportér atlas</translation>
    </message>
    <message>
        <source>Export atlas…</source>
        <translation>Eksportér atlas…</translation>
    </message>
    <message>
        <source>One file</source>
        <translation>Én fil</translation>
    </message>
    <message>
        <source>One file per kind</source>
        <translation>Én fil pr. type</translation>
    </message>
    <message>
        <source>One file per status</source>
        <translation>Én fil pr. status</translation>
    </message>
    <message>
        <source>All candidate areas</source>
        <translation>Alle kandidatområder</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>Scenarie: %1</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidatområder</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Eksporten er annulleret: ingen fil er skrevet.</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 pages).</source>
        <translation>Skrev %1 (%2 sider).</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Kunne ikke eksportere</translation>
    </message>
    <message>
        <source>The plan has no candidate areas to put in an atlas.</source>
        <translation>Planen har ingen kandidatområder at lave et atlas af.</translation>
    </message>
    <message>
        <source>Measuring what each candidate does…</source>
        <translation>Måler hvad hvert kandidatområde gør…</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export atlas…</source>
        <translation>Eksportér atlas…</translation>
    </message>
</context>
</TS>
