<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 23, third round: speed, 1-ha grid units, N effect per unit, per-kind targets in the dialog. Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>suggest_speed</name>
    <message>
        <source>N effect {kg} kg N/yr.</source>
        <translation>N effect {kg} kg N/yr.</translation>
    </message>
    <message>
        <source>N effect not measured: no N-retention layer (role n_retention).</source>
        <translation>N effect not measured: no N-retention layer (role n_retention).</translation>
    </message>
</context>
</TS>
