<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The national world and the national parcel batch tile by tile (issue 24 §1-2). -->
<TS version="2.1" language="da_DK">
<context>
    <name>errors</name>
    <message>
        <source>--by-tile needs the parcels as one GeoPackage layer with a spatial index (R-tree).</source>
        <translation>--by-tile kræver jordstykkerne som ét GeoPackage-lag med et rumligt indeks (R-tree).</translation>
    </message>
    <message>
        <source>{option} must be at least 1, got {value}.</source>
        <translation>{option} skal være mindst 1, fik {value}.</translation>
    </message>
    <message>
        <source>'{name}' has no spatial index (R-tree) to read it by tile.</source>
        <translation>'{name}' har intet rumligt indeks (R-tree) at læse det i fliser efter.</translation>
    </message>
    <message>
        <source>The parcel table was cancelled.</source>
        <translation>Tabellen over jordstykker blev afbrudt.</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>read and compute the parcels tile by tile in bounded memory (chosen by itself for a GeoPackage of more than 200,000 parcels)</source>
        <translation>læs og beregn jordstykkerne flise for flise i begrænset hukommelse (vælges af sig selv for en GeoPackage med over 200.000 jordstykker)</translation>
    </message>
    <message>
        <source>processes that compute the tiles (default 2)</source>
        <translation>processer, der beregner fliserne (standard 2)</translation>
    </message>
    <message>
        <source>at most N parcels per tile (default 40,000)</source>
        <translation>højst N jordstykker pr. flise (standard 40.000)</translation>
    </message>
</context>
</TS>
