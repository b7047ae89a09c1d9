<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 21, the house: target labels built from the target (who set it, share,
     year), one "project not found", templated errors. Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>targets</name>
    <message>
        <source>Aalborg Kommune</source>
        <translation>Aalborg Kommune</translation>
    </message>
    <message>
        <source>Green Tripartite</source>
        <translation>Green Tripartite</translation>
    </message>
    <message>
        <source>{holder} {share}</source>
        <translation>{holder} {share}</translation>
    </message>
    <message>
        <source>{holder} {share} ({year})</source>
        <translation>{holder} {share} ({year})</translation>
    </message>
    <message>
        <source>Missing to {target}</source>
        <translation>Missing to {target}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Project file not found: {project}</source>
        <translation>Project file not found: {project}</translation>
    </message>
</context>
</TS>
