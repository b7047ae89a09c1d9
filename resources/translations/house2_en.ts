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
    <message>
        <source>Style file {file} is not valid TOML: {reason}</source>
        <translation>Style file {file} is not valid TOML: {reason}</translation>
    </message>
    <message>
        <source>Cannot read style file {file}: {reason}</source>
        <translation>Cannot read style file {file}: {reason}</translation>
    </message>
    <message>
        <source>{where}: 'font' must be a font family name, got {value}.</source>
        <translation>{where}: 'font' must be a font family name, got {value}.</translation>
    </message>
    <message>
        <source>{where}: 'priority' must be a whole number, got {value}.</source>
        <translation>{where}: 'priority' must be a whole number, got {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be true or false, got {value}.</source>
        <translation>{where}: '{key}' must be true or false, got {value}.</translation>
    </message>
    <message>
        <source>{where}: 'value' is missing.</source>
        <translation>{where}: 'value' is missing.</translation>
    </message>
    <message>
        <source>{where}: a stop needs 'value' and 'color'.</source>
        <translation>{where}: a stop needs 'value' and 'color'.</translation>
    </message>
    <message>
        <source>{where}: a ramp needs at least one [[ramp.stops]].</source>
        <translation>{where}: a ramp needs at least one [[ramp.stops]].</translation>
    </message>
    <message>
        <source>{where}: stops must be sorted by value, got {values}.</source>
        <translation>{where}: stops must be sorted by value, got {values}.</translation>
    </message>
    <message>
        <source>{where}: unknown key(s) {unknown}; allowed: {allowed}.</source>
        <translation>{where}: unknown key(s) {unknown}; allowed: {allowed}.</translation>
    </message>
    <message>
        <source>{where}: expected a table, got {kind}.</source>
        <translation>{where}: expected a table, got {kind}.</translation>
    </message>
    <message>
        <source>{where}: expected a list, got {kind}.</source>
        <translation>{where}: expected a list, got {kind}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be a non-empty text.</source>
        <translation>{where}: '{key}' must be a non-empty text.</translation>
    </message>
    <message>
        <source>{where}: needs a Danish text 'da'.</source>
        <translation>{where}: needs a Danish text 'da'.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be a colour like "#1f78b4", got {value}.</source>
        <translation>{where}: '{key}' must be a colour like "#1f78b4", got {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be a number, got {value}.</source>
        <translation>{where}: '{key}' must be a number, got {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be at least {minimum}, got {value}.</source>
        <translation>{where}: '{key}' must be at least {minimum}, got {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be between 0 and 1, got {value}.</source>
        <translation>{where}: '{key}' must be between 0 and 1, got {value}.</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be one of {allowed}, got {value}.</source>
        <translation>{where}: '{key}' must be one of {allowed}, got {value}.</translation>
    </message>
    <message>
        <source>The desktop app is not available here: {reason}</source>
        <translation>The desktop app is not available here: {reason}</translation>
    </message>
</context>
</TS>
