<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25 item 1: restoration lifts stored per candidate (candidates restore). -->
<TS version="2.1" language="da_DK">
<context>
    <name>errors</name>
    <message>
        <source>'{lift}' is not FEATURE_ID=CLASS (e.g. 123456=II).</source>
        <translation>'{lift}' er ikke OBJEKT_ID=KLASSE (fx 123456=II).</translation>
    </message>
    <message>
        <source>The condition class '{cls}' of feature {id} is not one of I, II, III, IV, V.</source>
        <translation>Tilstandsklassen '{cls}' for objekt {id} er ikke en af I, II, III, IV, V.</translation>
    </message>
    <message>
        <source>Give --lift FEATURE_ID=CLASS (one or more) or --clear.</source>
        <translation>Angiv --lift OBJEKT_ID=KLASSE (en eller flere) eller --clear.</translation>
    </message>
    <message>
        <source>No §3 nature layer is loaded (role nature_p3): its features cannot be named.</source>
        <translation>Der er ikke indlæst noget lag med §3-natur (rolle nature_p3): dets objekter kan ikke angives.</translation>
    </message>
    <message>
        <source>No §3 feature with id {ids} in the §3 layer; nothing was changed.</source>
        <translation>Intet §3-objekt med id {ids} i §3-laget; intet blev ændret.</translation>
    </message>
</context>
<context>
    <name>cli_candidates</name>
    <message numerus="yes">
        <source>'{name}' lifts {n} §3 features.</source>
        <translation>
            <numerusform>'{name}' løfter {n} §3-objekt.</numerusform>
            <numerusform>'{name}' løfter {n} §3-objekter.</numerusform>
        </translation>
    </message>
</context>
</TS>
