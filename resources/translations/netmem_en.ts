<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 24 §2: today's network over the whole country is computed when the planner asks. -->
<TS version="2.1" language="en_GB">
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Compute the habitat network</source>
        <translation>Compute the habitat network</translation>
    </message>
    <message>
        <source>not computed: today's habitat network is not computed (see Habitat network)</source>
        <translation>not computed: today's habitat network is not computed (see Habitat network)</translation>
    </message>
    <message>
        <source>today: not computed</source>
        <translation>today: not computed</translation>
    </message>
    <message>
        <source>with the candidates: not computed</source>
        <translation>with the candidates: not computed</translation>
    </message>
    <message>
        <source>The plan area has %1 protected areas, more than the %2 the network is measured for when the data are opened: over the whole country it takes a minute or more and close to a gigabyte of memory beside the map. Each candidate's change is measured against it once it is computed.</source>
        <translation>The plan area has %1 protected areas, more than the %2 the network is measured for when the data are opened: over the whole country it takes a minute or more and close to a gigabyte of memory beside the map. Each candidate's change is measured against it once it is computed.</translation>
    </message>
</context>
<context>
    <name>ScenarioDock</name>
    <message>
        <source>ΔECA –: today's habitat network is not computed (Candidate analysis → Habitat network).</source>
        <translation>ΔECA –: today's habitat network is not computed (Candidate analysis → Habitat network).</translation>
    </message>
</context>
</TS>
