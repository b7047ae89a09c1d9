<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 23, third round: speed, 1-ha grid units, N effect per unit, per-kind targets in the dialog. Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>suggest_speed</name>
    <message>
        <source>N effect {kg} kg N/yr.</source>
        <translation>Kvælstofreduktion {kg} kg N/år.</translation>
    </message>
    <message>
        <source>N effect not measured: no N-retention layer (role n_retention).</source>
        <translation>Kvælstofreduktion ikke målt: der er ikke angivet noget kvælstofretentionslag (rollen n_retention).</translation>
    </message>
</context>
</TS>
