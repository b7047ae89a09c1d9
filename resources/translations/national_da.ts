<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- National scale and the batch in the team database (issue 24). -->
<TS version="2.1" language="da_DK">
<context>
    <name>errors</name>
    <message>
        <source>--all-kommuner needs the protected layers for the whole country: --layer nature_p3=FILE, or a team database with them (data load).</source>
        <translation>--all-kommuner kræver de beskyttede lag for hele landet: --layer nature_p3=FIL, eller en teamdatabase med dem (data load).</translation>
    </message>
    <message>
        <source>The table must end in .csv, .xlsx or .json, got '{name}'.</source>
        <translation>Tabellen skal ende på .csv, .xlsx eller .json, fik '{name}'.</translation>
    </message>
    <message>
        <source>Only vector layers can be loaded into the database; {name} is a raster.</source>
        <translation>Kun vektorlag kan indlæses i databasen; {name} er et rasterlag.</translation>
    </message>
    <message>
        <source>The project database holds no parcels; load them with naturplan data load.</source>
        <translation>Projektdatabasen har ingen matrikler; indlæs dem med naturplan data load.</translation>
    </message>
    <message>
        <source>The project database holds no layer of the protected roles ({roles}).</source>
        <translation>Projektdatabasen har intet lag med de beskyttede roller ({roles}).</translation>
    </message>
    <message>
        <source>data load needs a team database (postgresql://… or service=NAME), got '{name}'.</source>
        <translation>data load kræver en teamdatabase (postgresql://… eller service=NAVN), fik '{name}'.</translation>
    </message>
    <message>
        <source>Measured in the database, the table is written as CSV; got '{name}'.</source>
        <translation>Når der måles i databasen, skrives tabellen som CSV; fik '{name}'.</translation>
    </message>
</context>
<context>
    <name>national</name>
    <message>
        <source>{code} {name}: {share} protected; to 17 %: {gap17}, to 20 %: {gap20}</source>
        <translation>{code} {name}: {share} beskyttet; mangler til 17 %: {gap17}, til 20 %: {gap20}</translation>
    </message>
    <message>
        <source>{name}: {share} protected ({area}), measured in the database</source>
        <translation>{name}: {share} beskyttet ({area}), målt i databasen</translation>
    </message>
    <message>
        <source>  gap to {target}: {gap}</source>
        <translation>  mangler til {target}: {gap}</translation>
    </message>
    <message numerus="yes">
        <source>{role}: {n} features loaded into {table}</source>
        <translation>
            <numerusform>{role}: {n} objekt indlæst i {table}</numerusform>
            <numerusform>{role}: {n} objekter indlæst i {table}</numerusform>
        </translation>
    </message>
</context>
</TS>
