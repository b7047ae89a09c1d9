<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The editing side of the window (naturplan/gui/editing/): Qt contexts = class names.
     Numerus messages (%n): the form for 1 first, then the form for every other count. -->
<TS version="2.1" language="da_DK">
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import candidate areas</source>
        <translation>Importér kandidatområder</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n features)</source>
        <translation>
            <numerusform>%1 (%2, %n objekt)</numerusform>
            <numerusform>%1 (%2, %n objekter)</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>EPSG code, e.g. 25832 (ETRS89 / UTM 32N)</source>
        <translation>EPSG-kode, fx 25832 (ETRS89 / UTM 32N)</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>Koordinatsystem</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Names from</source>
        <translation>Navne fra</translation>
    </message>
    <message>
        <source>Repair invalid polygons (each repair is recorded)</source>
        <translation>Reparér ugyldige polygoner (hver reparation registreres)</translation>
    </message>
    <message>
        <source>Import areas that are already in the plan (same name and shape) again</source>
        <translation>Importér områder, der allerede er i planen (samme navn og form), igen</translation>
    </message>
    <message>
        <source>The layer declares no coordinate system: state it.</source>
        <translation>Laget angiver intet koordinatsystem: angiv det.</translation>
    </message>
    <message>
        <source>Declared by the file: %1</source>
        <translation>Angivet i filen: %1</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(automatisk)</translation>
    </message>
</context>
<context>
    <name>CandidateImporter</name>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Importen blev annulleret; intet blev importeret.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the %n areas of %1 are already in the plan.</source>
        <translation>
            <numerusform>Intet blev importeret: det ene område i %1 er allerede i planen.</numerusform>
            <numerusform>Intet blev importeret: de %n områder i %1 er allerede i planen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n areas from %1</source>
        <translation>
            <numerusform>Importér %n område fra %1</numerusform>
            <numerusform>Importér %n områder fra %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Læser %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 features cannot be used:
%2

Import the others (%3)?</source>
        <translation>
            <numerusform>%n af %1 objekter kan ikke bruges:
%2

Importér de øvrige (%3)?</numerusform>
            <numerusform>%n af %1 objekter kan ikke bruges:
%2

Importér de øvrige (%3)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>Kunne ikke importere</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n areas (%1) from %2.</source>
        <translation>
            <numerusform>Importerede %n område (%1) fra %2.</numerusform>
            <numerusform>Importerede %n områder (%1) fra %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repaired.</source>
        <translation>
            <numerusform>%n repareret.</numerusform>
            <numerusform>%n repareret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken skipped.</source>
        <translation>
            <numerusform>%n defekt sprunget over.</numerusform>
            <numerusform>%n defekte sprunget over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the plan skipped.</source>
        <translation>
            <numerusform>%n allerede i planen sprunget over.</numerusform>
            <numerusform>%n allerede i planen sprunget over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reach outside %1 Municipality; only the part inside counts.</source>
        <translation>
            <numerusform>%n rækker ud over %1 Kommune; kun delen indenfor tæller med.</numerusform>
            <numerusform>%n rækker ud over %1 Kommune; kun delen indenfor tæller med.</numerusform>
        </translation>
    </message>
</context>
</TS>
