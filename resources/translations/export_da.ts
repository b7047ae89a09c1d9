<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The export's words (issue 10): the print layout, the web map, the candidate tables
     and the export dialogs. Contexts: "export" (pages, web map, command line),
     "export_table" (table headers), "labels" (kind and status words), "errors", and one
     per dialog class. Source texts are English with {name} placeholders. -->
<TS version="2.1" language="da_DK">
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
    <message numerus="yes">
        <source>{n} candidate areas count toward the target.</source>
        <translation>
            <numerusform>{n} kandidatområde tæller med i målet.</numerusform>
            <numerusform>{n} kandidatområder tæller med i målet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Coordinates EPSG:4326 (shown); measured in EPSG:25832.</source>
        <translation>Koordinater EPSG:4326 (vist); målt i EPSG:25832.</translation>
    </message>
    <message>
        <source>Gap to {target}</source>
        <translation>Mangler til {target}</translation>
    </message>
    <message>
        <source>Geometry simplified by {m} m for the web.</source>
        <translation>Geometrien er forenklet med {m} m til webbrug.</translation>
    </message>
    <message>
        <source>Nature plan</source>
        <translation>Naturplan</translation>
    </message>
    <message>
        <source>Nature plan for {name} Municipality</source>
        <translation>Naturplan for {name} Kommune</translation>
    </message>
    <message>
        <source>New nature by kind</source>
        <translation>Ny natur efter type</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Protected nature</source>
        <translation>Beskyttet natur</translation>
    </message>
    <message>
        <source>Protected area</source>
        <translation>Beskyttet areal</translation>
    </message>
    <message>
        <source>Protected nature and targets</source>
        <translation>Beskyttet natur og mål</translation>
    </message>
    <message>
        <source>Protected nature counts: {roles}.</source>
        <translation>Som beskyttet natur tæller: {roles}.</translation>
    </message>
    <message>
        <source>Sources and notes</source>
        <translation>Kilder og noter</translation>
    </message>
    <message>
        <source>Synthetic sample data, not real data: {layers}.</source>
        <translation>Syntetiske eksempeldata, ikke rigtige data: {layers}.</translation>
    </message>
    <message>
        <source>The numbers are computed from synthetic sample data, not real data.</source>
        <translation>Tallene er beregnet på syntetiske eksempeldata, ikke rigtige data.</translation>
    </message>
    <message>
        <source>With candidate areas</source>
        <translation>Med kandidatområder</translation>
    </message>
    <message>
        <source>Wrote {path} ({size} MB).</source>
        <translation>Skrev {path} ({size} MB).</translation>
    </message>
    <message>
        <source>naturplan project {name}, {date}</source>
        <translation>naturplan-projekt {name}, {date}</translation>
    </message>
    <message>
        <source>reached (+{area})</source>
        <translation>nået (+{area})</translation>
    </message>
    <message>
        <source>synthetic sample data (naturplan)</source>
        <translation>syntetiske eksempeldata (naturplan)</translation>
    </message>
    <message>
        <source>{title}: {count} features, too many for a web map; left out.</source>
        <translation>{title}: {count} objekter, for mange til et webkort; udeladt.</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Signaturforklaring</translation>
    </message>
    <message>
        <source>Protected nature and candidate areas</source>
        <translation>Beskyttet natur og kandidatområder</translation>
    </message>
    <message>
        <source>Scale 1:{scale} (on {paper})</source>
        <translation>Målestok 1:{scale} (på {paper})</translation>
    </message>
    <message>
        <source>Coordinate system: ETRS89 / UTM zone 32N (EPSG:25832)</source>
        <translation>Koordinatsystem: ETRS89 / UTM zone 32N (EPSG:25832)</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>Dato: {date}</translation>
    </message>
    <message>
        <source>Synthetic sample data – not real data</source>
        <translation>Syntetiske eksempeldata – ikke rigtige data</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Kilder</translation>
    </message>
    <message>
        <source>Laying out the page</source>
        <translation>Siden sættes op</translation>
    </message>
</context>
<context>
    <name>export_fields</name>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Municipality code</source>
        <translation>Kommunekode</translation>
    </message>
    <message>
        <source>Ejerlav</source>
        <translation>Ejerlav</translation>
    </message>
    <message>
        <source>Ejerlav code</source>
        <translation>Ejerlavskode</translation>
    </message>
    <message>
        <source>Parcel number</source>
        <translation>Matrikelnummer</translation>
    </message>
    <message>
        <source>Nature type</source>
        <translation>Naturtype</translation>
    </message>
    <message>
        <source>Object id</source>
        <translation>Objekt-id</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>Besigtiget</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Site code</source>
        <translation>Områdekode</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Carbon class</source>
        <translation>Kulstofklasse</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>Arealanvendelse</translation>
    </message>
    <message>
        <source>Flood class</source>
        <translation>Oversvømmelsesklasse</translation>
    </message>
    <message>
        <source>Depth (m)</source>
        <translation>Dybde (m)</translation>
    </message>
    <message>
        <source>Afforestation</source>
        <translation>Skovrejsning</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Areal</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
</context>
<context>
    <name>MapExportDialog</name>
    <message>
        <source>Export map</source>
        <translation>Eksportér kort</translation>
    </message>
    <message>
        <source>PDF (vector, for print)</source>
        <translation>PDF (vektor, til tryk)</translation>
    </message>
    <message>
        <source>PNG image (300 dpi)</source>
        <translation>PNG-billede (300 dpi)</translation>
    </message>
    <message>
        <source>Interactive web map (HTML)</source>
        <translation>Interaktivt webkort (HTML)</translation>
    </message>
    <message>
        <source>The whole municipality</source>
        <translation>Hele kommunen</translation>
    </message>
    <message>
        <source>The map's current view</source>
        <translation>Kortets aktuelle udsnit</translation>
    </message>
    <message>
        <source>fit the extent</source>
        <translation>tilpas udsnittet</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Skabelon</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Undertitel</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Udsnit</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Målestok</translation>
    </message>
    <message>
        <source>Drawing the preview…</source>
        <translation>Tegner forhåndsvisningen…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Annullér eksport</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
    <message>
        <source>Nothing to export yet: the layers are still loading.</source>
        <translation>Intet at eksportere endnu: lagene indlæses stadig.</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Eksporten blev annulleret.</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 MB).</source>
        <translation>Skrev %1 (%2 MB).</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Kunne ikke eksportere</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export map…</source>
        <translation>Eksportér kort…</translation>
    </message>
    <message>
        <source>Export candidate areas…</source>
        <translation>Eksportér kandidatområder…</translation>
    </message>
    <message>
        <source>Export candidate areas</source>
        <translation>Eksportér kandidatområder</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Kunne ikke eksportere</translation>
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
    <message>
        <source>The web map needs Leaflet from the Python package {package}, which is not installed.</source>
        <translation>Webkortet skal bruge Leaflet fra Python-pakken {package}, som ikke er installeret.</translation>
    </message>
    <message>
        <source>The package {package} has no leaflet.js.</source>
        <translation>Pakken {package} har ingen leaflet.js.</translation>
    </message>
    <message>
        <source>Cannot read the web map's files: {reason}</source>
        <translation>Kan ikke læse webkortets filer: {reason}</translation>
    </message>
    <message>
        <source>--extent wants MINX,MINY,MAXX,MAXY in metres, got '{text}'.</source>
        <translation>--extent skal være MINX,MINY,MAXX,MAXY i meter, fik '{text}'.</translation>
    </message>
    <message>
        <source>Cannot tell the format of {name}: use --format pdf, png or html.</source>
        <translation>Kan ikke se formatet af {name}: brug --format pdf, png eller html.</translation>
    </message>
    <message>
        <source>The map scale must be a positive number, got {n}.</source>
        <translation>Målestokken skal være et positivt tal, fik {n}.</translation>
    </message>
    <message>
        <source>Print export writes pdf or png, not {fmt}.</source>
        <translation>Printeksport skriver pdf eller png, ikke {fmt}.</translation>
    </message>
    <message>
        <source>{file}: unknown key(s) {keys}.</source>
        <translation>{file}: ukendt(e) nøgle(r) {keys}.</translation>
    </message>
    <message>
        <source>{file}: '{key}' must be a positive number, got {value}.</source>
        <translation>{file}: '{key}' skal være et positivt tal, fik {value}.</translation>
    </message>
    <message>
        <source>{file}: '{key}' must be one of {choices}, got {value}.</source>
        <translation>{file}: '{key}' skal være en af {choices}, fik {value}.</translation>
    </message>
    <message>
        <source>{file} is not valid TOML: {reason}</source>
        <translation>{file} er ikke gyldig TOML: {reason}</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>Kan ikke læse {file}: {reason}</translation>
    </message>
    <message>
        <source>No print preset '{name}'. Presets: {names}.</source>
        <translation>Ingen printskabelon '{name}'. Skabeloner: {names}.</translation>
    </message>
    <message>
        <source>--scale wants a positive number N (1:N), got {n}.</source>
        <translation>--scale skal være et positivt tal N (1:N), fik {n}.</translation>
    </message>
</context>
</TS>
