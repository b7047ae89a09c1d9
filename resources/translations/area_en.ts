<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 22 item 3 (rest): plan areas of several municipalities (kommune A,B,C) or a drawn catchment (area FILE), their names in the exports, the borders, the kg N total. -->
<TS version="2.1" language="en_GB">
<context>
    <name>area</name>
    <message>
        <source>{name} Municipality</source>
        <translation>{name} Municipality</translation>
    </message>
    <message>
        <source>{names} and {last} Municipalities</source>
        <translation>{names} and {last} Municipalities</translation>
    </message>
    <message>
        <source>{area} ({municipalities})</source>
        <translation>{area} ({municipalities})</translation>
    </message>
    <message>
        <source>Nature plan for {area}</source>
        <translation>Nature plan for {area}</translation>
    </message>
    <message>
        <source>Protected nature in {area} ({code})</source>
        <translation>Protected nature in {area} ({code})</translation>
    </message>
    <message>
        <source>Plan area</source>
        <translation>Plan area</translation>
    </message>
    <message>
        <source>Nitrogen reduction (kg N/yr)</source>
        <translation>Nitrogen reduction (kg N/yr)</translation>
    </message>
    <message>
        <source>Plan area: {area}.</source>
        <translation>Plan area: {area}.</translation>
    </message>
    <message>
        <source>The nitrogen reduction is not measured: no N-retention layer (role n_retention) is loaded.</source>
        <translation>The nitrogen reduction is not measured: no N-retention layer (role n_retention) is loaded.</translation>
    </message>
    <message>
        <source>Candidate areas, {area}</source>
        <translation>Candidate areas, {area}</translation>
    </message>
    <message>
        <source>Removed {path}: theme {theme} is no longer exported.</source>
        <translation>Removed {path}: theme {theme} is no longer exported.</translation>
    </message>
    <message>
        <source>{n} of {total} imported areas reach outside {plan} ({area} in all); only the part inside counts toward the share.</source>
        <translation>{n} of {total} imported areas reach outside {plan} ({area} in all); only the part inside counts toward the share.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>No municipality with KOMKODE {code} in {layer}; the nearest codes are {nearest}.</source>
        <translation>No municipality with KOMKODE {code} in {layer}; the nearest codes are {nearest}.</translation>
    </message>
    <message>
        <source>Give the plan area either with --kommune or with --area, not both.</source>
        <translation>Give the plan area either with --kommune or with --area, not both.</translation>
    </message>
    <message>
        <source>'{name}' holds no polygon to be the plan area.</source>
        <translation>'{name}' holds no polygon to be the plan area.</translation>
    </message>
    <message>
        <source>The plan area '{name}' lies outside every municipality.</source>
        <translation>The plan area '{name}' lies outside every municipality.</translation>
    </message>
    <message>
        <source>Cannot remove {path}: {reason}</source>
        <translation>Cannot remove {path}: {reason}</translation>
    </message>
    <message>
        <source>A plan area is either municipalities by their codes or a drawn area, not both.</source>
        <translation>A plan area is either municipalities by their codes or a drawn area, not both.</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>municipality by its 4-digit code from the national DAGI file (default 0851 Aalborg); several, comma-separated (0851,0849,0813), make one plan area</source>
        <translation>municipality by its 4-digit code from the national DAGI file (default 0851 Aalborg); several, comma-separated (0851,0849,0813), make one plan area</translation>
    </message>
    <message>
        <source>plan area drawn as a polygon file (e.g. a catchment), instead of --kommune; any CRS the file declares</source>
        <translation>plan area drawn as a polygon file (e.g. a catchment), instead of --kommune; any CRS the file declares</translation>
    </message>
</context>
<context>
    <name>PlanTotalsWidget</name>
    <message>
        <source>Nitrogen reduction</source>
        <translation>Nitrogen reduction</translation>
    </message>
    <message>
        <source>no N-retention layer loaded</source>
        <translation>no N-retention layer loaded</translation>
    </message>
    <message>
        <source>%1 kg N/yr</source>
        <translation>%1 kg N/yr</translation>
    </message>
</context>
<context>
    <name>DashboardDock</name>
    <message>
        <source>of %1 is protected nature</source>
        <translation>of %1 is protected nature</translation>
    </message>
</context>
<context>
    <name>CandidateImporter</name>
    <message numerus="yes">
        <source>%n reach outside %1; only the part inside counts.</source>
        <translation>
            <numerusform>%n reaches outside %1; only the part inside counts.</numerusform>
            <numerusform>%n reach outside %1; only the part inside counts.</numerusform>
        </translation>
    </message>
</context>
</TS>
