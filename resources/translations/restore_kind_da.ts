<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25: the restore kind, its lifts editor and nature joined across a municipal border. -->
<TS version="2.1" language="da_DK">
<context>
    <name>labels</name>
    <message>
        <source>Restoration of nature</source>
        <translation>Genopretning af natur</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 og %2</translation>
    </message>
    <message>
        <source>joins nature in %1 municipalities</source>
        <translation>forbinder natur i %1 Kommuner</translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>Joins nature in the municipalities</source>
        <translation>Forbinder natur i kommunerne</translation>
    </message>
</context>
</TS>
