<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 21, the house: target labels built from the target (who set it, share,
     year), one "project not found", templated errors. Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>targets</name>
    <message>
        <source>Aalborg Kommune</source>
        <translation>Aalborg Kommune</translation>
    </message>
    <message>
        <source>Green Tripartite</source>
        <translation>Grøn trepart</translation>
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
        <translation>Mangler til {target}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Project file not found: {project}</source>
        <translation>Projektfilen findes ikke: {project}</translation>
    </message>
    <message>
        <source>Style file {file} is not valid TOML: {reason}</source>
        <translation>Stilfilen {file} er ikke gyldig TOML: {reason}</translation>
    </message>
    <message>
        <source>Cannot read style file {file}: {reason}</source>
        <translation>Kan ikke læse stilfilen {file}: {reason}</translation>
    </message>
    <message>
        <source>{where}: 'font' must be a font family name, got {value}.</source>
        <translation>{where}: 'font' skal være navnet på en skrifttype, men er {value}.</translation>
    </message>
    <message>
        <source>{where}: 'priority' must be a whole number, got {value}.</source>
        <translation>{where}: 'priority' skal være et helt tal, men er {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be true or false, got {value}.</source>
        <translation>{where}: '{key}' skal være true eller false, men er {value}.</translation>
    </message>
    <message>
        <source>{where}: 'value' is missing.</source>
        <translation>{where}: 'value' mangler.</translation>
    </message>
    <message>
        <source>{where}: a stop needs 'value' and 'color'.</source>
        <translation>{where}: et trin skal have 'value' og 'color'.</translation>
    </message>
    <message>
        <source>{where}: a ramp needs at least one [[ramp.stops]].</source>
        <translation>{where}: en farveskala skal have mindst ét [[ramp.stops]].</translation>
    </message>
    <message>
        <source>{where}: stops must be sorted by value, got {values}.</source>
        <translation>{where}: trinnene skal være sorteret efter værdi, men er {values}.</translation>
    </message>
    <message>
        <source>{where}: unknown key(s) {unknown}; allowed: {allowed}.</source>
        <translation>{where}: ukendt(e) nøgle(r) {unknown}; tilladt: {allowed}.</translation>
    </message>
    <message>
        <source>{where}: expected a table, got {kind}.</source>
        <translation>{where}: her skal stå en tabel, men der står {kind}.</translation>
    </message>
    <message>
        <source>{where}: expected a list, got {kind}.</source>
        <translation>{where}: her skal stå en liste, men der står {kind}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be a non-empty text.</source>
        <translation>{where}: '{key}' skal være en tekst, der ikke er tom.</translation>
    </message>
    <message>
        <source>{where}: needs a Danish text 'da'.</source>
        <translation>{where}: mangler en dansk tekst 'da'.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be a colour like "#1f78b4", got {value}.</source>
        <translation>{where}: '{key}' skal være en farve som "#1f78b4", men er {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be a number, got {value}.</source>
        <translation>{where}: '{key}' skal være et tal, men er {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be at least {minimum}, got {value}.</source>
        <translation>{where}: '{key}' skal være mindst {minimum}, men er {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be between 0 and 1, got {value}.</source>
        <translation>{where}: '{key}' skal være mellem 0 og 1, men er {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be one of {allowed}, got {value}.</source>
        <translation>{where}: '{key}' skal være en af {allowed}, men er {value}.</translation>
    </message>
    <message>
        <source>The desktop app is not available here: {reason}</source>
        <translation>Skrivebordsprogrammet kan ikke startes her: {reason}</translation>
    </message>
</context>
</TS>
