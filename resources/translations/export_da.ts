<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The export's words (issue 10): the print layout, the web map, the candidate tables
     and the export dialogs. Contexts: "export" (pages, web map, command line),
     "export_table" (table headers), "labels" (kind and status words), "errors", and one
     per dialog class. Source texts are English with {name} placeholders. -->
<TS version="2.1" language="da_DK">
<context>
    <name>labels</name>
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
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
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
</context>
<context>
    <name>export_table</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Area (ha)</source>
        <translation>Areal (ha)</translation>
    </message>
    <message>
        <source>New nature (ha)</source>
        <translation>Ny natur (ha)</translation>
    </message>
    <message>
        <source>Counts toward target</source>
        <translation>Tæller med i målet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Ændret</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Forfatter</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Candidate areas</source>
        <translation>Kandidatområder</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Om tabellen</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Eksporteret</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Areal</translation>
    </message>
    <message>
        <source>Hectares (ha), measured in EPSG:25832.</source>
        <translation>Hektar (ha), målt i EPSG:25832.</translation>
    </message>
    <message>
        <source>New nature</source>
        <translation>Ny natur</translation>
    </message>
    <message>
        <source>The part of a counting candidate outside protected nature and outside earlier candidates; overlaps are counted once.</source>
        <translation>Den del af et kandidatområde, der tæller med, som ligger uden for beskyttet natur og uden for tidligere kandidatområder; overlap tælles én gang.</translation>
    </message>
    <message>
        <source>Synthetic data</source>
        <translation>Syntetiske data</translation>
    </message>
    <message>
        <source>New nature is measured against synthetic sample data: {layers}.</source>
        <translation>Ny natur er målt mod syntetiske eksempeldata: {layers}.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message numerus="yes">
        <source>Wrote {n} candidate areas to {path}.</source>
        <translation>
            <numerusform>Skrev {n} kandidatområde til {path}.</numerusform>
            <numerusform>Skrev {n} kandidatområder til {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot export to {name}: use .xlsx, .csv, .gpkg, .shp or .geojson.</source>
        <translation>Kan ikke eksportere til {name}: brug .xlsx, .csv, .gpkg, .shp eller .geojson.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Kan ikke skrive {path}: {reason}</translation>
    </message>
    <message>
        <source>Project file not found: {path}</source>
        <translation>Projektfilen findes ikke: {path}</translation>
    </message>
</context>
</TS>
