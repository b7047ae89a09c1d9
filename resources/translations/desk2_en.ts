<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The planner's desk, QGIS habits (issue 20 items 6-10): the layer context menu and
     attribute table, the measuring tools, the grouped layer list and the plan's totals on
     the dashboard. Qt contexts = class names; source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>MeasureTool</name>
    <message>
        <source>Distance: %1</source>
        <translation>Distance: %1</translation>
    </message>
    <message>
        <source>Area: %1 (perimeter %2)</source>
        <translation>Area: %1 (perimeter %2)</translation>
    </message>
    <message>
        <source>Measure distance</source>
        <translation>Measure distance</translation>
    </message>
    <message>
        <source>Measure area</source>
        <translation>Measure area</translation>
    </message>
    <message>
        <source>click points (snapping as when drawing); double-click, right-click or Enter finishes; Backspace removes the last point; Esc clears</source>
        <translation>click points (snapping as when drawing); double-click, right-click or Enter finishes; Backspace removes the last point; Esc clears</translation>
    </message>
</context>
<context>
    <name>LayersDock</name>
    <message>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Cadastre and addresses</source>
        <translation>Cadastre and addresses</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Climate, forest and water</source>
        <translation>Climate, forest and water</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Background</translation>
    </message>
</context>
<context>
    <name>LayerMenu</name>
    <message>
        <source>Zoom to layer</source>
        <translation>Zoom to layer</translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation>Open attribute table</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Colour…</translation>
    </message>
    <message>
        <source>The colours of this layer follow its legend.</source>
        <translation>The colours of this layer follow its legend.</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Remove layer</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Colour of %1</translation>
    </message>
</context>
<context>
    <name>AttributeTableDock</name>
    <message>
        <source>Attribute table</source>
        <translation>Attribute table</translation>
    </message>
    <message>
        <source>Filter: text in any column…</source>
        <translation>Filter: text in any column…</translation>
    </message>
    <message>
        <source>Zoom to selected</source>
        <translation>Zoom to selected</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <source>Attribute table – %1</source>
        <translation>Attribute table – %1</translation>
    </message>
    <message>
        <source>%1 of %2 features, %3 selected</source>
        <translation>%1 of %2 features, %3 selected</translation>
    </message>
</context>
<context>
    <name>PlanTotalsWidget</name>
    <message>
        <source>The plan's climate and conflicts</source>
        <translation>The plan's climate and conflicts</translation>
    </message>
    <message>
        <source>Every candidate area that is not rejected, overlaps counted once; conflicts of the afforestation areas.</source>
        <translation>Every candidate area that is not rejected, overlaps counted once; conflicts of the afforestation areas.</translation>
    </message>
    <message>
        <source>Not measured yet.</source>
        <translation>Not measured yet.</translation>
    </message>
    <message>
        <source>%1 t/yr</source>
        <translation>%1 t/yr</translation>
    </message>
    <message>
        <source>CO2e reduction (lowland)</source>
        <translation>CO2e reduction (lowland)</translation>
    </message>
    <message>
        <source>Sequestration (afforestation)</source>
        <translation>Sequestration (afforestation)</translation>
    </message>
    <message>
        <source>Conflicts in all</source>
        <translation>Conflicts in all</translation>
    </message>
    <message>
        <source>without: %1</source>
        <translation>without: %1</translation>
    </message>
    <message>
        <source>lowland</source>
        <translation>lowland</translation>
    </message>
    <message>
        <source>§3 nature</source>
        <translation>§3 nature</translation>
    </message>
    <message>
        <source>Natura 2000</source>
        <translation>Natura 2000</translation>
    </message>
    <message>
        <source>afforestation zones</source>
        <translation>afforestation zones</translation>
    </message>
    <message>
        <source>flood</source>
        <translation>flood</translation>
    </message>
    <message>
        <source>no lowland layer loaded</source>
        <translation>no lowland layer loaded</translation>
    </message>
    <message>
        <source>no §3 layer loaded</source>
        <translation>no §3 layer loaded</translation>
    </message>
    <message>
        <source>no Natura 2000 layer loaded</source>
        <translation>no Natura 2000 layer loaded</translation>
    </message>
    <message>
        <source>no afforestation zones loaded</source>
        <translation>no afforestation zones loaded</translation>
    </message>
    <message>
        <source>no flood layer loaded</source>
        <translation>no flood layer loaded</translation>
    </message>
    <message>
        <source>on §3 nature</source>
        <translation>on §3 nature</translation>
    </message>
    <message>
        <source>in Natura 2000</source>
        <translation>in Natura 2000</translation>
    </message>
    <message>
        <source>on organic lowland soil</source>
        <translation>on organic lowland soil</translation>
    </message>
    <message>
        <source>in unwanted-forest zones</source>
        <translation>in unwanted-forest zones</translation>
    </message>
    <message>
        <source>in the flood zone</source>
        <translation>in the flood zone</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Middle mouse button, or Space held + drag</source>
        <translation>Middle mouse button, or Space held + drag</translation>
    </message>
    <message>
        <source>Pan the map in any tool (a shape being drawn is kept)</source>
        <translation>Pan the map in any tool (a shape being drawn is kept)</translation>
    </message>
</context>
</TS>
