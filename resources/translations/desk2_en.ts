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
</TS>
