<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- National scale and the batch in the team database (issue 24). -->
<TS version="2.1" language="en_GB">
<context>
    <name>errors</name>
    <message>
        <source>--all-kommuner needs the protected layers for the whole country: --layer nature_p3=FILE, or a team database with them (data load).</source>
        <translation>--all-kommuner needs the protected layers for the whole country: --layer nature_p3=FILE, or a team database with them (data load).</translation>
    </message>
    <message>
        <source>The table must end in .csv, .xlsx or .json, got '{name}'.</source>
        <translation>The table must end in .csv, .xlsx or .json, got '{name}'.</translation>
    </message>
    <message>
        <source>Only vector layers can be loaded into the database; {name} is a raster.</source>
        <translation>Only vector layers can be loaded into the database; {name} is a raster.</translation>
    </message>
    <message>
        <source>The project database holds no parcels; load them with naturplan data load.</source>
        <translation>The project database holds no parcels; load them with naturplan data load.</translation>
    </message>
    <message>
        <source>The project database holds no layer of the protected roles ({roles}).</source>
        <translation>The project database holds no layer of the protected roles ({roles}).</translation>
    </message>
    <message>
        <source>data load needs a team database (postgresql://… or service=NAME), got '{name}'.</source>
        <translation>data load needs a team database (postgresql://… or service=NAME), got '{name}'.</translation>
    </message>
    <message>
        <source>Measured in the database, the table is written as CSV; got '{name}'.</source>
        <translation>Measured in the database, the table is written as CSV; got '{name}'.</translation>
    </message>
</context>
<context>
    <name>national</name>
    <message>
        <source>{code} {name}: {share} protected; to 17 %: {gap17}, to 20 %: {gap20}</source>
        <translation>{code} {name}: {share} protected; to 17 %: {gap17}, to 20 %: {gap20}</translation>
    </message>
    <message>
        <source>{name}: {share} protected ({area}), measured in the database</source>
        <translation>{name}: {share} protected ({area}), measured in the database</translation>
    </message>
    <message>
        <source>  gap to {target}: {gap}</source>
        <translation>  gap to {target}: {gap}</translation>
    </message>
    <message numerus="yes">
        <source>{role}: {n} features loaded into {table}</source>
        <translation>
            <numerusform>{role}: {n} feature loaded into {table}</numerusform>
            <numerusform>{role}: {n} features loaded into {table}</numerusform>
        </translation>
    </message>
</context>
</TS>
