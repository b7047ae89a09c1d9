<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25: the restore kind, its lifts editor and nature joined across a municipal border. -->
<TS version="2.1" language="da_DK">
<context>
    <name>labels</name>
    <message>
        <source>Restoration of nature</source>
        <translation>Genopretning af natur</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 og %2</translation>
    </message>
    <message>
        <source>joins nature in %1 municipalities</source>
        <translation>forbinder natur i %1 Kommuner</translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>Joins nature in the municipalities</source>
        <translation>Forbinder natur i kommunerne</translation>
    </message>
</context>
<context>
    <name>LiftsEditor</name>
    <message>
        <source>Restoration: lift §3 nature</source>
        <translation>Genopretning: løft af §3-natur</translation>
    </message>
    <message>
        <source>The §3 features under the area with today's condition class (naturtilstand); choose the class each is lifted to. I-II count as good.</source>
        <translation>§3-objekterne under området med deres tilstandsklasse i dag (naturtilstand); vælg den klasse, hvert objekt løftes til. I-II tæller som god tilstand.</translation>
    </message>
    <message>
        <source>Objekt-id</source>
        <translation>Objekt-id</translation>
    </message>
    <message>
        <source>Nature type</source>
        <translation>Naturtype</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Lifted to</source>
        <translation>Løftes til</translation>
    </message>
    <message>
        <source>Save lifts</source>
        <translation>Gem løft</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>ikke vurderet</translation>
    </message>
    <message>
        <source>No §3 feature with an Objekt-id lies under this area: draw it on the §3 nature it restores.</source>
        <translation>Intet §3-objekt med Objekt-id ligger under området: tegn det på den §3-natur, det genopretter.</translation>
    </message>
</context>
<context>
    <name>LiftsEditing</name>
    <message>
        <source>No §3 nature layer is loaded: there is nothing to lift.</source>
        <translation>Der er ikke indlæst noget lag med §3-natur: der er intet at løfte.</translation>
    </message>
    <message>
        <source>Save the project first: the lifts are kept in it.</source>
        <translation>Gem projektet først: løftene gemmes i det.</translation>
    </message>
    <message numerus="yes">
        <source>%n lifts saved.</source>
        <translation>
            <numerusform>%n løft gemt.</numerusform>
            <numerusform>%n løft gemt.</numerusform>
        </translation>
    </message>
</context>
</TS>
