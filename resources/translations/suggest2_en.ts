<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 23, second round: targets by kind (naturplan suggest, option target-ha). Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>cli_help</name>
    <message>
        <source>hectares of new nature of one kind to reach (lowland or afforestation), e.g. lowland=300; may be repeated and combined with --target</source>
        <translation>hectares of new nature of one kind to reach (lowland or afforestation), e.g. lowland=300; may be repeated and combined with --target</translation>
    </message>
</context>
<context>
    <name>cli_suggest</name>
    <message>
        <source>{kind}: {area} new nature (target: {need}).</source>
        <translation>{kind}: {area} new nature (target: {need}).</translation>
    </message>
</context>
<context>
    <name>suggest</name>
    <message>
        <source>As new forest: {seq} t CO2/yr sequestration.</source>
        <translation>As new forest: {seq} t CO2/yr sequestration.</translation>
    </message>
    <message>
        <source>Flood share {share}.</source>
        <translation>Flood share {share}.</translation>
    </message>
    <message>
        <source>Suggested by naturplan for {targets} (objective: {objective}, boundary penalty {boundary}); method {method}, gap {gap} %.</source>
        <translation>Suggested by naturplan for {targets} (objective: {objective}, boundary penalty {boundary}); method {method}, gap {gap} %.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Give a target share or hectares of new nature by kind.</source>
        <translation>Give a target share or hectares of new nature by kind.</translation>
    </message>
    <message>
        <source>The targets by kind cannot be reached (needed ha &gt; reachable ha): {kinds}.</source>
        <translation>The targets by kind cannot be reached (needed ha &gt; reachable ha): {kinds}.</translation>
    </message>
    <message>
        <source>Give a target share (--target) or hectares by kind (--target-ha KIND=HA).</source>
        <translation>Give a target share (--target) or hectares by kind (--target-ha KIND=HA).</translation>
    </message>
    <message>
        <source>A target by kind is KIND=HA with KIND lowland or afforestation and HA above 0; '{kind}={ha}' is not.</source>
        <translation>A target by kind is KIND=HA with KIND lowland or afforestation and HA above 0; '{kind}={ha}' is not.</translation>
    </message>
    <message>
        <source>--target-ha cannot be {value}: give KIND=HA once per kind, KIND lowland or afforestation, HA above 0.</source>
        <translation>--target-ha cannot be {value}: give KIND=HA once per kind, KIND lowland or afforestation, HA above 0.</translation>
    </message>
</context>
</TS>
