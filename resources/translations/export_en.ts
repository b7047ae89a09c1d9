<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The export's words (issue 10): the print layout, the web map, the candidate tables
     and the export dialogs. Contexts: "export" (pages, web map, command line),
     "export_table" (table headers), "labels" (kind and status words), "errors", and one
     per dialog class. Source texts are English with {name} placeholders. -->
<TS version="2.1" language="en_GB">
<context>
    <name>export_table</name>
</context>
<context>
    <name>export</name>
    <message numerus="yes">
        <source>Wrote {n} candidate areas to {path}.</source>
        <translation>
            <numerusform>Wrote 1 candidate area to {path}.</numerusform>
            <numerusform>Wrote {n} candidate areas to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} candidate areas count toward the target.</source>
        <translation>
            <numerusform>1 candidate area counts toward the target.</numerusform>
            <numerusform>{n} candidate areas count toward the target.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export_fields</name>
</context>
<context>
    <name>MapExportDialog</name>
</context>
<context>
    <name>ExportActions</name>
</context>
<context>
    <name>errors</name>
</context>
</TS>
