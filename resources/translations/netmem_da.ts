<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 24 §2: today's network over the whole country is computed when the planner asks. -->
<TS version="2.1" language="da_DK">
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Compute the habitat network</source>
        <translation>Beregn naturnetværket</translation>
    </message>
    <message>
        <source>not computed: today's habitat network is not computed (see Habitat network)</source>
        <translation>ikke beregnet: dagens naturnetværk er ikke beregnet (se Naturnetværket)</translation>
    </message>
    <message>
        <source>today: not computed</source>
        <translation>i dag: ikke beregnet</translation>
    </message>
    <message>
        <source>with the candidates: not computed</source>
        <translation>med kandidatområderne: ikke beregnet</translation>
    </message>
    <message>
        <source>The plan area has %1 protected areas, more than the %2 the network is measured for when the data are opened: over the whole country it takes a minute or more and close to a gigabyte of memory beside the map. Each candidate's change is measured against it once it is computed.</source>
        <translation>Planområdet har %1 beskyttede arealer, flere end de %2, som netværket beregnes for, når data åbnes: for hele landet tager det et minut eller mere og næsten en gigabyte hukommelse ved siden af kortet. Hvert kandidatområdes ændring måles mod netværket, når det er beregnet.</translation>
    </message>
</context>
<context>
    <name>ScenarioDock</name>
    <message>
        <source>ΔECA –: today's habitat network is not computed (Candidate analysis → Habitat network).</source>
        <translation>ΔECA –: dagens naturnetværk er ikke beregnet (Kandidatanalyse → Naturnetværket).</translation>
    </message>
</context>
</TS>
