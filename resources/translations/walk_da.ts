<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25: walking distance on a road network, the forest and roads roles, the choice of what counts as accessible nature. -->
<TS version="2.1" language="da_DK">
<context>
    <name>AccessWidget</name>
    <message>
        <source>Counts as nature:</source>
        <translation>Tæller som natur:</translation>
    </message>
    <message>
        <source>Distance:</source>
        <translation>Afstand:</translation>
    </message>
    <message>
        <source>straight line</source>
        <translation>i fugleflugt</translation>
    </message>
    <message>
        <source>walking on the roads</source>
        <translation>gåafstand ad vejene</translation>
    </message>
    <message>
        <source>no roads layer (role roads) is loaded</source>
        <translation>der er ikke indlæst et vejlag (rollen roads)</translation>
    </message>
    <message>
        <source>forest</source>
        <translation>skov</translation>
    </message>
    <message>
        <source>Addresses (residents where the addresses carry a count) with accessible nature within each distance, walking: straight to the nearest road, then along the roads (role roads); nature across the municipal border counts.</source>
        <translation>Adresser (beboere, hvor adresserne har et antal) med tilgængelig natur inden for hver afstand, som gåafstand: ligeud til nærmeste vej, derefter ad vejene (rollen roads); natur på den anden side af kommunegrænsen tæller med.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Walking distance needs a layer of roads (role roads); none is loaded.</source>
        <translation>Gåafstand kræver et lag med veje (rollen roads); der er ikke indlæst noget.</translation>
    </message>
    <message>
        <source>Role {role} needs lines, but {name} holds none.</source>
        <translation>Rollen {role} kræver linjer, men {name} indeholder ingen.</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>with --access: measure distances in a straight line or walking on the road network (a layer of role roads; default: the project's setting, or straight)</source>
        <translation>med --access: mål afstande i fugleflugt eller som gåafstand ad vejnettet (et lag med rollen roads; standard: projektets indstilling, ellers fugleflugt)</translation>
    </message>
    <message>
        <source>with --json: measure access to nature in a straight line or walking on the road network (a layer of role roads; default: the project's setting, or straight)</source>
        <translation>med --json: mål adgang til natur i fugleflugt eller som gåafstand ad vejnettet (et lag med rollen roads; standard: projektets indstilling, ellers fugleflugt)</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Nature near home: walking distance from each address on the road network (role roads).</source>
        <translation>Natur tæt på hjemmet: gåafstand fra hver adresse ad vejnettet (rollen roads).</translation>
    </message>
    <message>
        <source>Nature near home: straight-line distance from each address.</source>
        <translation>Natur tæt på hjemmet: afstand i fugleflugt fra hver adresse.</translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>Nature near home: walking distance from each address on the road network (role roads).</source>
        <translation>Natur tæt på hjemmet: gåafstand fra hver adresse ad vejnettet (rollen roads).</translation>
    </message>
    <message>
        <source>Nature near home: straight-line distance from each address.</source>
        <translation>Natur tæt på hjemmet: afstand i fugleflugt fra hver adresse.</translation>
    </message>
</context>
</TS>
