<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 23, third round: speed, 1-ha grid units, N effect per unit, per-kind targets in the dialog. Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>suggest_speed</name>
    <message>
        <source>N effect {kg} kg N/yr.</source>
        <translation>N effect {kg} kg N/yr.</translation>
    </message>
    <message>
        <source>N effect not measured: no N-retention layer (role n_retention).</source>
        <translation>N effect not measured: no N-retention layer (role n_retention).</translation>
    </message>
    <message>
        <source>Suggested for {term}: 1-ha cells {parcels}, {area} new nature, {co2e} t CO2e/yr, cost {cost}.</source>
        <translation>Suggested for {term}: 1-ha cells {parcels}, {area} new nature, {co2e} t CO2e/yr, cost {cost}.</translation>
    </message>
    <message>
        <source>1-ha cells chosen: {chosen} of {units} ({excluded} excluded). Cost {cost}; lowland CO2e reduction {co2e} t/yr.</source>
        <translation>1-ha cells chosen: {chosen} of {units} ({excluded} excluded). Cost {cost}; lowland CO2e reduction {co2e} t/yr.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Unknown planning units '{units}'; choose parcels or grid.</source>
        <translation>Unknown planning units '{units}'; choose parcels or grid.</translation>
    </message>
    <message>
        <source>A cost field of the parcels needs the parcels as planning units, not the grid.</source>
        <translation>A cost field of the parcels needs the parcels as planning units, not the grid.</translation>
    </message>
    <message>
        <source>--target-ha cannot be {value}: give KIND=HA once per kind, KIND one of {kinds}, HA above 0.</source>
        <translation>--target-ha cannot be {value}: give KIND=HA once per kind, KIND one of {kinds}, HA above 0.</translation>
    </message>
    <message>
        <source>A target by kind is KIND=HA with KIND one of {kinds} and HA above 0; '{kind}={ha}' is not.</source>
        <translation>A target by kind is KIND=HA with KIND one of {kinds} and HA above 0; '{kind}={ha}' is not.</translation>
    </message>
    <message>
        <source>A suggested plan on parcels needs a parcel layer; without one, plan on 1-ha grid cells.</source>
        <translation>A suggested plan on parcels needs a parcel layer; without one, plan on 1-ha grid cells.</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>the planning units: the parcels, or 1-ha grid cells of the municipality (for one without a parcel layer)</source>
        <translation>the planning units: the parcels, or 1-ha grid cells of the municipality (for one without a parcel layer)</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>1-ha grid cells</source>
        <translation>1-ha grid cells</translation>
    </message>
    <message>
        <source>%1, new ha</source>
        <translation>%1, new ha</translation>
    </message>
    <message>
        <source>Planning units</source>
        <translation>Planning units</translation>
    </message>
    <message>
        <source>Suggestion by kind</source>
        <translation>Suggestion by kind</translation>
    </message>
</context>
</TS>
