<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25: the restore kind, its lifts editor and nature joined across a municipal border. -->
<TS version="2.1" language="en_GB">
<context>
    <name>labels</name>
    <message>
        <source>Restoration of nature</source>
        <translation>Restoration of nature</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <source>joins nature in %1 municipalities</source>
        <translation>joins nature in %1 municipalities</translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>Joins nature in the municipalities</source>
        <translation>Joins nature in the municipalities</translation>
    </message>
</context>
</TS>
