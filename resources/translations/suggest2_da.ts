<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 23, second round: targets by kind (naturplan suggest, option target-ha). Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>cli_help</name>
    <message>
        <source>hectares of new nature of one kind to reach (lowland or afforestation), e.g. lowland=300; may be repeated and combined with --target</source>
        <translation>hektar ny natur af én slags, der skal nås (lowland for lavbund eller afforestation for skovrejsning), fx lowland=300; kan gentages og kombineres med --target</translation>
    </message>
</context>
<context>
    <name>cli_suggest</name>
    <message>
        <source>{kind}: {area} new nature (target: {need}).</source>
        <translation>{kind}: {area} ny natur (mål: {need}).</translation>
    </message>
</context>
<context>
    <name>suggest</name>
    <message>
        <source>As new forest: {seq} t CO2/yr sequestration.</source>
        <translation>Som ny skov: {seq} t CO2/år i binding.</translation>
    </message>
    <message>
        <source>Flood share {share}.</source>
        <translation>Andel i oversvømmelseszonen {share}.</translation>
    </message>
    <message>
        <source>Suggested by naturplan for {targets} (objective: {objective}, boundary penalty {boundary}); method {method}, gap {gap} %.</source>
        <translation>Foreslået af naturplan for {targets} (mål: {objective}, randstraf {boundary}); metode {method}, afstand {gap} %.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Give a target share or hectares of new nature by kind.</source>
        <translation>Angiv en målandel eller hektar ny natur pr. slags.</translation>
    </message>
    <message>
        <source>The targets by kind cannot be reached (needed ha &gt; reachable ha): {kinds}.</source>
        <translation>Målene pr. slags kan ikke nås (nødvendige ha &gt; ha, der kan nås): {kinds}.</translation>
    </message>
    <message>
        <source>Give a target share (--target) or hectares by kind (--target-ha KIND=HA).</source>
        <translation>Angiv en målandel (--target) eller hektar pr. slags (--target-ha SLAGS=HA).</translation>
    </message>
    <message>
        <source>A target by kind is KIND=HA with KIND lowland or afforestation and HA above 0; '{kind}={ha}' is not.</source>
        <translation>Et mål pr. slags er SLAGS=HA med SLAGS lowland eller afforestation og HA over 0; '{kind}={ha}' er ikke.</translation>
    </message>
    <message>
        <source>--target-ha cannot be {value}: give KIND=HA once per kind, KIND lowland or afforestation, HA above 0.</source>
        <translation>--target-ha kan ikke være {value}: angiv SLAGS=HA én gang pr. slags, SLAGS lowland eller afforestation, HA over 0.</translation>
    </message>
</context>
</TS>
