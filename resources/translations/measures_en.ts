<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- What each candidate does, in the candidate table exports (issues 10 and 11): the
     analysis columns' headers and the table's notes (context "export_table"), the export
     progress dialog (context "ExportActions"). Source texts are English with {name}
     placeholders. -->
<TS version="2.1" language="en_GB">
<context>
    <name>export_table</name>
    <message>
        <source>Firefighter's rule</source>
        <translation>Firefighter's rule</translation>
    </message>
    <message>
        <source>Firefighter's order</source>
        <translation>Firefighter's order</translation>
    </message>
    <message>
        <source>CO2e reduction (t CO2e/yr)</source>
        <translation>CO2e reduction (t CO2e/yr)</translation>
    </message>
    <message>
        <source>CO2e reduction per ha (t CO2e/ha/yr)</source>
        <translation>CO2e reduction per ha (t CO2e/ha/yr)</translation>
    </message>
    <message>
        <source>Klima-Lavbund eligible</source>
        <translation>Klima-Lavbund eligible</translation>
    </message>
    <message>
        <source>On soil &gt; 6 % organic carbon (%)</source>
        <translation>On soil &gt; 6 % organic carbon (%)</translation>
    </message>
    <message>
        <source>Sequestration (t CO2/yr)</source>
        <translation>Sequestration (t CO2/yr)</translation>
    </message>
    <message>
        <source>Conflict: §3 nature (ha)</source>
        <translation>Conflict: §3 nature (ha)</translation>
    </message>
    <message>
        <source>Conflict: Natura 2000 (ha)</source>
        <translation>Conflict: Natura 2000 (ha)</translation>
    </message>
    <message>
        <source>Conflict: organic lowland soil (ha)</source>
        <translation>Conflict: organic lowland soil (ha)</translation>
    </message>
    <message>
        <source>Conflict: unwanted-forest zone (ha)</source>
        <translation>Conflict: unwanted-forest zone (ha)</translation>
    </message>
    <message>
        <source>Conflict: flood zone (ha)</source>
        <translation>Conflict: flood zone (ha)</translation>
    </message>
    <message>
        <source>Flooded (ha)</source>
        <translation>Flooded (ha)</translation>
    </message>
    <message>
        <source>Flooded share (%)</source>
        <translation>Flooded share (%)</translation>
    </message>
    <message>
        <source>Mean flood depth (m)</source>
        <translation>Mean flood depth (m)</translation>
    </message>
    <message>
        <source>Max flood depth (m)</source>
        <translation>Max flood depth (m)</translation>
    </message>
    <message>
        <source>ΔECA (ha)</source>
        <translation>ΔECA (ha)</translation>
    </message>
    <message>
        <source>ΔPC (%)</source>
        <translation>ΔPC (%)</translation>
    </message>
    <message>
        <source>Joins habitat patches</source>
        <translation>Joins habitat patches</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Empty cells: the number does not apply to the candidate's kind (CO2e and Klima-Lavbund for lowland withdrawal, sequestration and conflicts for afforestation) or was not measured.</source>
        <translation>Empty cells: the number does not apply to the candidate's kind (CO2e and Klima-Lavbund for lowland withdrawal, sequestration and conflicts for afforestation) or was not measured.</translation>
    </message>
    <message>
        <source>No lowland soil layer: CO2e reduction, Klima-Lavbund, the organic-soil conflict and the firefighter's rule are not measured (empty cells).</source>
        <translation>No lowland soil layer: CO2e reduction, Klima-Lavbund, the organic-soil conflict and the firefighter's rule are not measured (empty cells).</translation>
    </message>
    <message>
        <source>No §3 nature layer: the §3 conflict and the firefighter's rule are not measured (empty cells).</source>
        <translation>No §3 nature layer: the §3 conflict and the firefighter's rule are not measured (empty cells).</translation>
    </message>
    <message>
        <source>No Natura 2000 layer: the Natura 2000 conflict is not measured (empty cells).</source>
        <translation>No Natura 2000 layer: the Natura 2000 conflict is not measured (empty cells).</translation>
    </message>
    <message>
        <source>Neither a §3 nor a Natura 2000 layer: the firefighter's rule is not measured (empty cells).</source>
        <translation>Neither a §3 nor a Natura 2000 layer: the firefighter's rule is not measured (empty cells).</translation>
    </message>
    <message>
        <source>No afforestation zones layer: the unwanted-forest conflict is not measured (empty cells).</source>
        <translation>No afforestation zones layer: the unwanted-forest conflict is not measured (empty cells).</translation>
    </message>
    <message>
        <source>No flood layer: flood exposure and the flood conflict are not measured (empty cells).</source>
        <translation>No flood layer: flood exposure and the flood conflict are not measured (empty cells).</translation>
    </message>
    <message>
        <source>Connectivity (ΔECA, ΔPC, joined patches) is not measured: the export was told to skip it (empty cells).</source>
        <translation>Connectivity (ΔECA, ΔPC, joined patches) is not measured: the export was told to skip it (empty cells).</translation>
    </message>
    <message>
        <source>Connectivity (ΔECA, ΔPC, joined patches) is not measured: it was cancelled during the export (empty cells).</source>
        <translation>Connectivity (ΔECA, ΔPC, joined patches) is not measured: it was cancelled during the export (empty cells).</translation>
    </message>
    <message>
        <source>CO2e factors: {title}, version {version} ({source}).</source>
        <translation>CO2e factors: {title}, version {version} ({source}).</translation>
    </message>
    <message>
        <source>The factor table has changed since the project recorded it.</source>
        <translation>The factor table has changed since the project recorded it.</translation>
    </message>
    <message>
        <source>Klima-Lavbund: at least {area} ha, at least {share} % of the area on soil &gt; 6 % organic carbon and at least {reduction} t CO2e per ha and year.</source>
        <translation>Klima-Lavbund: at least {area} ha, at least {share} % of the area on soil &gt; 6 % organic carbon and at least {reduction} t CO2e per ha and year.</translation>
    </message>
    <message>
        <source>ΔECA and ΔPC: the change each candidate alone makes to today's protected nature (probability {p} at {d} m).</source>
        <translation>ΔECA and ΔPC: the change each candidate alone makes to today's protected nature (probability {p} at {d} m).</translation>
    </message>
    <message>
        <source>Firefighter's order: 1 first (protect existing nature, then restore, then create; afforestation on §3 nature is a conflict and comes last).</source>
        <translation>Firefighter's order: 1 first (protect existing nature, then restore, then create; afforestation on §3 nature is a conflict and comes last).</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Measuring what each candidate does…</source>
        <translation>Measuring what each candidate does…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
