<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Words shared by the command line, the exporters and the window (naturplan/export/i18n.py).
     Contexts: "labels" (kinds, statuses, roles), "errors" (error templates, core/errors.py),
     "cli" (command-line output). Source texts are English with {name} placeholders; a message
     with a count is numerus="yes": the first form for 1, the second for every other count. -->
<TS version="2.1" language="da_DK">
<context>
    <name>labels</name>
    <message>
        <source>Lowland withdrawal</source>
        <translation>Udtagning af lavbundsjord</translation>
    </message>
    <message>
        <source>Afforestation</source>
        <translation>Skovrejsning</translation>
    </message>
    <message>
        <source>Ecological connection</source>
        <translation>Økologisk forbindelse</translation>
    </message>
    <message>
        <source>synthetic example</source>
        <translation>syntetisk eksempel</translation>
    </message>
    <message numerus="yes">
        <source>{n} features</source>
        <translation>
            <numerusform>{n} objekt</numerusform>
            <numerusform>{n} objekter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulleret.</translation>
    </message>
</context>
</TS>
