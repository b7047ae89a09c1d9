<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25 item 1: restoration lifts stored per candidate (candidates restore). -->
<TS version="2.1" language="en_GB">
<context>
    <name>errors</name>
    <message>
        <source>'{lift}' is not FEATURE_ID=CLASS (e.g. 123456=II).</source>
        <translation>'{lift}' is not FEATURE_ID=CLASS (e.g. 123456=II).</translation>
    </message>
    <message>
        <source>The condition class '{cls}' of feature {id} is not one of I, II, III, IV, V.</source>
        <translation>The condition class '{cls}' of feature {id} is not one of I, II, III, IV, V.</translation>
    </message>
    <message>
        <source>Give --lift FEATURE_ID=CLASS (one or more) or --clear.</source>
        <translation>Give --lift FEATURE_ID=CLASS (one or more) or --clear.</translation>
    </message>
    <message>
        <source>No §3 nature layer is loaded (role nature_p3): its features cannot be named.</source>
        <translation>No §3 nature layer is loaded (role nature_p3): its features cannot be named.</translation>
    </message>
    <message>
        <source>No §3 feature with id {ids} in the §3 layer; nothing was changed.</source>
        <translation>No §3 feature with id {ids} in the §3 layer; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>cli_candidates</name>
    <message numerus="yes">
        <source>'{name}' lifts {n} §3 features.</source>
        <translation>
            <numerusform>'{name}' lifts {n} §3 feature.</numerusform>
            <numerusform>'{name}' lifts {n} §3 features.</numerusform>
        </translation>
    </message>
</context>
</TS>
