<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25: the restore kind, its lifts editor and nature joined across a municipal border. -->
<TS version="2.1" language="en_GB">
<context>
    <name>labels</name>
    <message>
        <source>Restoration of nature</source>
        <translation>Restoration of nature</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <source>joins nature in %1 municipalities</source>
        <translation>joins nature in %1 municipalities</translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>Joins nature in the municipalities</source>
        <translation>Joins nature in the municipalities</translation>
    </message>
</context>
<context>
    <name>LiftsEditor</name>
    <message>
        <source>Restoration: lift §3 nature</source>
        <translation>Restoration: lift §3 nature</translation>
    </message>
    <message>
        <source>The §3 features under the area with today's condition class (naturtilstand); choose the class each is lifted to. I-II count as good.</source>
        <translation>The §3 features under the area with today's condition class (naturtilstand); choose the class each is lifted to. I-II count as good.</translation>
    </message>
    <message>
        <source>Objekt-id</source>
        <translation>Objekt-id</translation>
    </message>
    <message>
        <source>Nature type</source>
        <translation>Nature type</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Lifted to</source>
        <translation>Lifted to</translation>
    </message>
    <message>
        <source>Save lifts</source>
        <translation>Save lifts</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>No §3 feature with an Objekt-id lies under this area: draw it on the §3 nature it restores.</source>
        <translation>No §3 feature with an Objekt-id lies under this area: draw it on the §3 nature it restores.</translation>
    </message>
</context>
<context>
    <name>LiftsEditing</name>
    <message>
        <source>No §3 nature layer is loaded: there is nothing to lift.</source>
        <translation>No §3 nature layer is loaded: there is nothing to lift.</translation>
    </message>
    <message>
        <source>Save the project first: the lifts are kept in it.</source>
        <translation>Save the project first: the lifts are kept in it.</translation>
    </message>
    <message numerus="yes">
        <source>%n lifts saved.</source>
        <translation>
            <numerusform>%n lift saved.</numerusform>
            <numerusform>%n lifts saved.</numerusform>
        </translation>
    </message>
</context>
</TS>
