<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 23, third round: speed, 1-ha grid units, N effect per unit, per-kind targets in the dialog. Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>suggest_speed</name>
    <message>
        <source>N effect {kg} kg N/yr.</source>
        <translation>Kvælstofreduktion {kg} kg N/år.</translation>
    </message>
    <message>
        <source>N effect not measured: no N-retention layer (role n_retention).</source>
        <translation>Kvælstofreduktion ikke målt: der er ikke angivet noget kvælstofretentionslag (rollen n_retention).</translation>
    </message>
    <message>
        <source>Suggested for {term}: 1-ha cells {parcels}, {area} new nature, {co2e} t CO2e/yr, cost {cost}.</source>
        <translation>Foreslået for {term}: 1-ha-celler {parcels}, {area} ny natur, {co2e} t CO2e/år, omkostning {cost}.</translation>
    </message>
    <message>
        <source>1-ha cells chosen: {chosen} of {units} ({excluded} excluded). Cost {cost}; lowland CO2e reduction {co2e} t/yr.</source>
        <translation>Valgte 1-ha-celler: {chosen} af {units} ({excluded} udelukket). Omkostning {cost}; CO2e-reduktion på lavbund {co2e} t/år.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Unknown planning units '{units}'; choose parcels or grid.</source>
        <translation>Ukendte planlægningsenheder '{units}'; vælg parcels (matriklerne) eller grid (1-ha-celler).</translation>
    </message>
    <message>
        <source>A cost field of the parcels needs the parcels as planning units, not the grid.</source>
        <translation>Et omkostningsfelt fra matriklerne kræver matriklerne som planlægningsenheder, ikke 1-ha-cellerne.</translation>
    </message>
    <message>
        <source>--target-ha cannot be {value}: give KIND=HA once per kind, KIND one of {kinds}, HA above 0.</source>
        <translation>--target-ha kan ikke være {value}: angiv SLAGS=HA én gang pr. slags, SLAGS en af {kinds}, HA over 0.</translation>
    </message>
    <message>
        <source>A target by kind is KIND=HA with KIND one of {kinds} and HA above 0; '{kind}={ha}' is not.</source>
        <translation>Et mål pr. slags er SLAGS=HA med SLAGS en af {kinds} og HA over 0; '{kind}={ha}' er ikke.</translation>
    </message>
    <message>
        <source>A suggested plan on parcels needs a parcel layer; without one, plan on 1-ha grid cells.</source>
        <translation>Et planforslag på matrikler kræver et matrikellag; uden et kan planen lægges på 1-ha-celler.</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>the planning units: the parcels, or 1-ha grid cells of the municipality (for one without a parcel layer)</source>
        <translation>planlægningsenhederne: matriklerne, eller kommunens 1-ha-celler (for en kommune uden matrikellag)</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Matrikler</translation>
    </message>
    <message>
        <source>1-ha grid cells</source>
        <translation>1-ha-celler</translation>
    </message>
    <message>
        <source>%1, new ha</source>
        <translation>%1, ny natur i ha</translation>
    </message>
    <message>
        <source>Planning units</source>
        <translation>Planlægningsenheder</translation>
    </message>
    <message>
        <source>Suggestion by kind</source>
        <translation>Forslag pr. slags</translation>
    </message>
</context>
</TS>
