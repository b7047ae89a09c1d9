<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The parcel lookup (issue 9): the status card, the search, the PDF, the CLI ("parcels"),
     its errors ("errors") and the GUI's search box and card dock (their class names).
     English forms only where the source text is not enough. -->
<TS version="2.1" language="da_DK">
<context>
    <name>parcels</name>
    <message>
        <source>Parcel {matrikel}, {ejerlav}</source>
        <translation>Jordstykke {matrikel}, {ejerlav}</translation>
    </message>
    <message>
        <source>No protection or designation in the loaded layers</source>
        <translation>Ingen beskyttelse eller udpegning i de indlæste lag</translation>
    </message>
    <message>
        <source>§3 protected nature on {pct} of the parcel</source>
        <translation>§3-beskyttet natur på {pct} af jordstykket</translation>
    </message>
    <message>
        <source>in Natura 2000 site {codes}</source>
        <translation>i Natura 2000-område {codes}</translation>
    </message>
    <message>
        <source>partly in Natura 2000 site {codes} ({pct})</source>
        <translation>delvis i Natura 2000-område {codes} ({pct})</translation>
    </message>
    <message>
        <source>lowland soil {carbon} carbon</source>
        <translation>lavbund {carbon} kulstof</translation>
    </message>
    <message>
        <source>partly lowland soil {carbon} carbon ({pct})</source>
        <translation>delvis lavbund {carbon} kulstof ({pct})</translation>
    </message>
    <message>
        <source>{pct} in the flood zone (up to {depth} m)</source>
        <translation>{pct} i oversvømmelseszone (op til {depth} m)</translation>
    </message>
    <message>
        <source>{pct} in the flood zone</source>
        <translation>{pct} i oversvømmelseszone</translation>
    </message>
    <message>
        <source>afforestation unwanted</source>
        <translation>skovrejsning uønsket</translation>
    </message>
    <message>
        <source>afforestation wanted</source>
        <translation>skovrejsning ønsket</translation>
    </message>
    <message>
        <source>in an afforestation zone</source>
        <translation>i skovrejsningszone</translation>
    </message>
    <message>
        <source>in candidate area {names}</source>
        <translation>i kandidatområde {names}</translation>
    </message>
    <message>
        <source>protected forest (fredskov) on {pct}</source>
        <translation>fredskov på {pct}</translation>
    </message>
    <message>
        <source>beach protection zone on {pct}</source>
        <translation>strandbeskyttelse på {pct}</translation>
    </message>
    <message>
        <source>dune protection on {pct}</source>
        <translation>klitfredning på {pct}</translation>
    </message>
    <message>
        <source>storm damage registered on {pct}</source>
        <translation>stormfaldsnotering på {pct}</translation>
    </message>
    <message>
        <source>Protected nature (§3)</source>
        <translation>Beskyttet natur (§3)</translation>
    </message>
    <message>
        <source>Natura 2000</source>
        <translation>Natura 2000</translation>
    </message>
    <message>
        <source>Protected forest (fredskov)</source>
        <translation>Fredskov</translation>
    </message>
    <message>
        <source>Beach protection zone</source>
        <translation>Strandbeskyttelse</translation>
    </message>
    <message>
        <source>Dune protection</source>
        <translation>Klitfredning</translation>
    </message>
    <message>
        <source>Storm damage registration</source>
        <translation>Stormfald (notering)</translation>
    </message>
    <message>
        <source>Lowland soil</source>
        <translation>Lavbundsjord</translation>
    </message>
    <message>
        <source>Flooding</source>
        <translation>Oversvømmelse</translation>
    </message>
    <message>
        <source>Afforestation zone</source>
        <translation>Skovrejsningszone</translation>
    </message>
    <message>
        <source>Candidate area</source>
        <translation>Kandidatområde</translation>
    </message>
    <message>
        <source>Ejerlav</source>
        <translation>Ejerlav</translation>
    </message>
    <message>
        <source>Matrikelnummer</source>
        <translation>Matrikelnummer</translation>
    </message>
    <message>
        <source>Registered area</source>
        <translation>Registreret areal</translation>
    </message>
    <message>
        <source>Computed area</source>
        <translation>Beregnet areal</translation>
    </message>
    <message>
        <source>not in the source</source>
        <translation>ikke i kilden</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>{area} = {pct} of the parcel</source>
        <translation>{area} = {pct} af jordstykket</translation>
    </message>
    <message>
        <source>Largest depth</source>
        <translation>Største dybde</translation>
    </message>
    <message>
        <source>Mean depth (flooded part)</source>
        <translation>Middeldybde (oversvømmet del)</translation>
    </message>
    <message>
        <source>Raster covers</source>
        <translation>Rasteret dækker</translation>
    </message>
    <message>
        <source>Only touches (slivers under the cadastre's accuracy, not protection): {items}</source>
        <translation>Berører kun (splinter under matriklens nøjagtighed, ikke beskyttelse): {items}</translation>
    </message>
    <message>
        <source>Synthetic example: some layers are generated sample data, not real registers.</source>
        <translation>Syntetisk eksempel: nogle lag er genererede eksempeldata, ikke rigtige registre.</translation>
    </message>
    <message>
        <source>{layer}: a raster of this role is not evaluated here.</source>
        <translation>{layer}: et raster i denne rolle vurderes ikke her.</translation>
    </message>
    <message>
        <source>Made {when} with naturplan. Overlaps under {area} m² or narrower than {width} m are listed as slivers (the cadastre's accuracy).</source>
        <translation>Udarbejdet {when} med naturplan. Overlap under {area} m² eller smallere end {width} m er opført som splinter (matriklens nøjagtighed).</translation>
    </message>
    <message>
        <source>file date {date}</source>
        <translation>fildato {date}</translation>
    </message>
    <message>
        <source>synthetic example</source>
        <translation>syntetisk eksempel</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Hvad det betyder</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Kilder</translation>
    </message>
    <message>
        <source>Synthetic example – not real data</source>
        <translation>Syntetisk eksempel – ikke rigtige data</translation>
    </message>
    <message>
        <source>No ejerlav called '{text}'.</source>
        <translation>Intet ejerlav hedder '{text}'.</translation>
    </message>
    <message>
        <source>No matrikelnummer {matrikel} in {ejerlav}.</source>
        <translation>Matrikelnummer {matrikel} findes ikke i {ejerlav}.</translation>
    </message>
    <message>
        <source>No address '{text}' in the loaded addresses.</source>
        <translation>Adressen '{text}' findes ikke i de indlæste adresser.</translation>
    </message>
    <message>
        <source>No parcel lies under the address '{text}'.</source>
        <translation>Der ligger intet jordstykke under adressen '{text}'.</translation>
    </message>
    <message>
        <source>'{text}' fits several parcels; choose one.</source>
        <translation>'{text}' passer på flere jordstykker; vælg ét.</translation>
    </message>
    <message>
        <source>Nothing to search for in '{text}': give a matrikelnummer and an ejerlav (name or code), or an address.</source>
        <translation>Intet at søge efter i '{text}': skriv et matrikelnummer og et ejerlav (navn eller kode), eller en adresse.</translation>
    </message>
    <message>
        <source>Did you mean: {items}?</source>
        <translation>Mente du: {items}?</translation>
    </message>
    <message>
        <source>give --ejerlav and --matrikel, or --address, or --search</source>
        <translation>angiv --ejerlav og --matrikel, eller --address, eller --search</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>omdrift</translation>
    </message>
    <message>
        <source>permanent grass</source>
        <translation>permanent græs</translation>
    </message>
    <message>
        <source>habitat site</source>
        <translation>habitatområde</translation>
    </message>
    <message>
        <source>bird protection area</source>
        <translation>fuglebeskyttelsesområde</translation>
    </message>
    <message>
        <source>wanted</source>
        <translation>ønsket</translation>
    </message>
    <message>
        <source>unwanted</source>
        <translation>uønsket</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>surveyed {date}</source>
        <translation>besigtiget {date}</translation>
    </message>
    <message>
        <source>carbon</source>
        <translation>kulstof</translation>
    </message>
    <message>
        <source>depth {depth} m</source>
        <translation>dybde {depth} m</translation>
    </message>
    <message>
        <source>extent {value}</source>
        <translation>omfang {value}</translation>
    </message>
    <message>
        <source>registered area {area}</source>
        <translation>noteret areal {area}</translation>
    </message>
    <message>
        <source>paid {date}</source>
        <translation>udbetalt {date}</translation>
    </message>
    <message>
        <source>ends {date}</source>
        <translation>ophørsdato {date}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot read the legal-bases table {file}: {reason}</source>
        <translation>Kan ikke læse tabellen over retsgrundlag {file}: {reason}</translation>
    </message>
    <message>
        <source>{file}: row {row} lacks {field}.</source>
        <translation>{file}: række {row} mangler {field}.</translation>
    </message>
    <message>
        <source>No parcels are loaded.</source>
        <translation>Der er ikke indlæst jordstykker.</translation>
    </message>
    <message>
        <source>No parcel at row {row}.</source>
        <translation>Intet jordstykke i række {row}.</translation>
    </message>
    <message>
        <source>No parcel was found for '{query}'.</source>
        <translation>Der blev ikke fundet et jordstykke for '{query}'.</translation>
    </message>
    <message>
        <source>The sliver tolerance cannot be negative.</source>
        <translation>Tolerancen for splinter kan ikke være negativ.</translation>
    </message>
    <message>
        <source>The output file must end in .csv or .gpkg, got '{name}'.</source>
        <translation>Filen skal ende på .csv eller .gpkg, ikke '{name}'.</translation>
    </message>
    <message>
        <source>Cannot write '{file}': {reason}</source>
        <translation>Kan ikke skrive '{file}': {reason}</translation>
    </message>
    <message>
        <source>Cannot write '{file}': the folder does not exist.</source>
        <translation>Kan ikke skrive '{file}': mappen findes ikke.</translation>
    </message>
    <message>
        <source>File not found: {path}</source>
        <translation>Filen findes ikke: {path}</translation>
    </message>
    <message>
        <source>'{file}' has no {fields} for addresses; it has: {have}.</source>
        <translation>'{file}' har ikke {fields} til adresser; den har: {have}.</translation>
    </message>
    <message>
        <source>'{file}' has no coordinate columns (etrs89koordinat_øst/nord, wgs84koordinat_længde/bredde or x/y); it has: {have}.</source>
        <translation>'{file}' har ingen koordinatkolonner (etrs89koordinat_øst/nord, wgs84koordinat_længde/bredde eller x/y); den har: {have}.</translation>
    </message>
    <message>
        <source>'{file}' has no points; addresses must be points.</source>
        <translation>'{file}' har ingen punkter; adresser skal være punkter.</translation>
    </message>
    <message>
        <source>Cannot read '{file}': {reason}</source>
        <translation>Kan ikke læse '{file}': {reason}</translation>
    </message>
    <message>
        <source>Cannot read '{file}': not UTF-8 or cp1252 text.</source>
        <translation>Kan ikke læse '{file}': ikke UTF-8- eller cp1252-tekst.</translation>
    </message>
    <message>
        <source>'{file}' has no layer '{layer}'. Layers: {layers}.</source>
        <translation>'{file}' har intet lag '{layer}'. Lag: {layers}.</translation>
    </message>
    <message>
        <source>Project file not found: {path}</source>
        <translation>Projektfilen findes ikke: {path}</translation>
    </message>
</context>
<context>
    <name>ParcelSearchBox</name>
    <message>
        <source>Find parcel or address (Ctrl+F)</source>
        <translation>Find jordstykke eller adresse (Ctrl+F)</translation>
    </message>
    <message>
        <source>Matrikelnummer and ejerlav ("7a, Nørre Vadum By", "60851 6") or an address ("Vesterbro 14, 9000")</source>
        <translation>Matrikelnummer og ejerlav ("7a, Nørre Vadum By", "60851 6") eller en adresse ("Vesterbro 14, 9000")</translation>
    </message>
</context>
<context>
    <name>ParcelCardDock</name>
    <message>
        <source>Parcel</source>
        <translation>Jordstykke</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Gem som PDF…</translation>
    </message>
    <message>
        <source>Zoom to parcel</source>
        <translation>Zoom til jordstykket</translation>
    </message>
    <message>
        <source>Slivers: under</source>
        <translation>Splinter: under</translation>
    </message>
    <message>
        <source>or narrower than</source>
        <translation>eller smallere end</translation>
    </message>
    <message>
        <source>Search for a parcel or an address, or click the map with Identify.</source>
        <translation>Søg efter et jordstykke eller en adresse, eller klik på kortet med Identificer.</translation>
    </message>
    <message>
        <source>Did you mean:</source>
        <translation>Mente du:</translation>
    </message>
</context>
<context>
    <name>ParcelController</name>
    <message>
        <source>Find parcel…</source>
        <translation>Find jordstykke…</translation>
    </message>
    <message>
        <source>No parcels are loaded.</source>
        <translation>Der er ikke indlæst jordstykker.</translation>
    </message>
    <message>
        <source>Preparing the parcels…</source>
        <translation>Forbereder jordstykkerne…</translation>
    </message>
    <message>
        <source>Save parcel as PDF</source>
        <translation>Gem jordstykket som PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gemt: %1</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Kunne ikke gemme</translation>
    </message>
</context>
</TS>
