<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The planner's desk (issue 20 items 1-5): naturplan scenarios on the command line,
     argparse's own words, the drawing tools' messages, the analysis panel's footer. Source
     texts are English with {name} placeholders (Qt widgets: %1); a message with a count is
     numerus="yes": the first form for 1, the second for others. -->
<TS version="2.1" language="en_GB">
<context>
    <name>errors</name>
    <message>
        <source>No scenario named '{name}' in the project.</source>
        <translation>No scenario named '{name}' in the project.</translation>
    </message>
    <message>
        <source>Candidate area {id} is not in scenario '{name}'.</source>
        <translation>Candidate area {id} is not in scenario '{name}'.</translation>
    </message>
</context>
<context>
    <name>cli_scenarios</name>
    <message numerus="yes">
        <source>Created scenario '{name}' with {n} candidate areas.</source>
        <translation>
            <numerusform>Created scenario '{name}' with {n} candidate area.</numerusform>
            <numerusform>Created scenario '{name}' with {n} candidate areas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed scenario '{old}' to '{new}'.</source>
        <translation>Renamed scenario '{old}' to '{new}'.</translation>
    </message>
    <message>
        <source>Scenario '{name}' already holds these areas; nothing changed.</source>
        <translation>Scenario '{name}' already holds these areas; nothing changed.</translation>
    </message>
    <message numerus="yes">
        <source>Added {n} candidate areas to scenario '{name}' (now {total}).</source>
        <translation>
            <numerusform>Added {n} candidate area to scenario '{name}' (now {total}).</numerusform>
            <numerusform>Added {n} candidate areas to scenario '{name}' (now {total}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed {n} candidate areas from scenario '{name}' (now {total}).</source>
        <translation>
            <numerusform>Removed {n} candidate area from scenario '{name}' (now {total}).</numerusform>
            <numerusform>Removed {n} candidate areas from scenario '{name}' (now {total}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted scenario '{name}' ({n} candidate areas; the areas stay).</source>
        <translation>
            <numerusform>Deleted scenario '{name}' ({n} candidate area; the area stays).</numerusform>
            <numerusform>Deleted scenario '{name}' ({n} candidate areas; the areas stay).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: {n} candidate areas, {area}</source>
        <translation>
            <numerusform>{name}: {n} candidate area, {area}</numerusform>
            <numerusform>{name}: {n} candidate areas, {area}</numerusform>
        </translation>
    </message>
    <message>
        <source>{id}  (deleted from the plan)</source>
        <translation>{id}  (deleted from the plan)</translation>
    </message>
    <message numerus="yes">
        <source>{n} scenarios in {project}</source>
        <translation>
            <numerusform>{n} scenario in {project}</numerusform>
            <numerusform>{n} scenarios in {project}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsTool</name>
    <message>
        <source>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</source>
        <translation>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</translation>
    </message>
    <message numerus="yes">
        <source>Sketch: %n points – double-click or Enter finishes, Esc drops it</source>
        <translation>
            <numerusform>Sketch: %n point – double-click or Enter finishes, Esc drops it</numerusform>
            <numerusform>Sketch: %n points – double-click or Enter finishes, Esc drops it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawPolygonTool</name>
    <message>
        <source>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</source>
        <translation>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</translation>
    </message>
    <message numerus="yes">
        <source>Sketch: %n points – double-click or Enter finishes, Esc drops it</source>
        <translation>
            <numerusform>Sketch: %n point – double-click or Enter finishes, Esc drops it</numerusform>
            <numerusform>Sketch: %n points – double-click or Enter finishes, Esc drops it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SplitTool</name>
    <message>
        <source>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</source>
        <translation>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</translation>
    </message>
    <message numerus="yes">
        <source>Sketch: %n points – double-click or Enter finishes, Esc drops it</source>
        <translation>
            <numerusform>Sketch: %n point – double-click or Enter finishes, Esc drops it</numerusform>
            <numerusform>Sketch: %n points – double-click or Enter finishes, Esc drops it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sketch</name>
    <message>
        <source>The outline crosses itself</source>
        <translation>The outline crosses itself</translation>
    </message>
    <message>
        <source>The outline has too few distinct corners</source>
        <translation>The outline has too few distinct corners</translation>
    </message>
    <message>
        <source>A hole lies outside the area</source>
        <translation>A hole lies outside the area</translation>
    </message>
    <message>
        <source>Two holes lie inside each other</source>
        <translation>Two holes lie inside each other</translation>
    </message>
    <message>
        <source>The holes cut the area into pieces</source>
        <translation>The holes cut the area into pieces</translation>
    </message>
    <message>
        <source>Two parts lie inside each other</source>
        <translation>Two parts lie inside each other</translation>
    </message>
    <message>
        <source>Two rings are the same</source>
        <translation>Two rings are the same</translation>
    </message>
    <message>
        <source>A corner has an invalid coordinate</source>
        <translation>A corner has an invalid coordinate</translation>
    </message>
    <message>
        <source>The outline is not closed</source>
        <translation>The outline is not closed</translation>
    </message>
    <message>
        <source>The outline is not a valid area</source>
        <translation>The outline is not a valid area</translation>
    </message>
    <message>
        <source>%1 at E %2, N %3 (marked on the map).</source>
        <translation>%1 at E %2, N %3 (marked on the map).</translation>
    </message>
    <message>
        <source>Remove points with Backspace or press Esc to start again.</source>
        <translation>Remove points with Backspace or press Esc to start again.</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Factor table: %1 (%2, version %3).</source>
        <translation>Factor table: %1 (%2, version %3).</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
</context>
<context>
    <name>factor_tables</name>
    <message>
        <source>Lowland soils: SEGES/DCE emission factors, Klima-Lavbund criteria, afforestation rates</source>
        <translation>Lowland soils: SEGES/DCE emission factors, Klima-Lavbund criteria, afforestation rates</translation>
    </message>
    <message>
        <source>Drained and rewetted lowland soils: SEGES ESGT formulas and the DCE national inventory: drained, rotation: &gt;12 % organic carbon 42.17 t CO2 + 3.87 t CO2e N2O, 6-12 % 21.08 t CO2; drained, permanent grass: &gt;12 % 30.8 t CO2 + 2.44 t CO2e N2O, 6-12 % 15.4 t CO2; rewetted soil 6.8 t CO2e CH4. Check against the current national inventory before the numbers are used officially.</source>
        <translation>Drained and rewetted lowland soils: SEGES ESGT formulas and the DCE national inventory: drained, rotation: &gt;12 % organic carbon 42.17 t CO2 + 3.87 t CO2e N2O, 6-12 % 21.08 t CO2; drained, permanent grass: &gt;12 % 30.8 t CO2 + 2.44 t CO2e N2O, 6-12 % 15.4 t CO2; rewetted soil 6.8 t CO2e CH4. Check against the current national inventory before the numbers are used officially.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>naturplan project (*.gpkg)</source>
        <translation>naturplan project (*.gpkg)</translation>
    </message>
</context>
</TS>
