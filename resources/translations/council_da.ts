<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The council's documents (issue 19, items 8-12): the print map's candidate key and
     notices, the Excel table's notes and the firefighter's conflict tag. Contexts "analysis",
     "export" and "export_table" are read outside Qt (naturplan/export/i18n.py). -->
<TS version="2.1" language="da_DK">
<context>
    <name>analysis</name>
    <message>
        <source>conflicts with existing nature (afforestation on §3)</source>
        <translation>i konflikt med eksisterende natur (skovrejsning på §3)</translation>
    </message>
</context>
</TS>
