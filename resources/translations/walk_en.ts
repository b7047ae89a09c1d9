<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25: walking distance on a road network, the forest and roads roles, the choice of what counts as accessible nature. -->
<TS version="2.1" language="en_GB">
<context>
    <name>AccessWidget</name>
    <message>
        <source>Counts as nature:</source>
        <translation>Counts as nature:</translation>
    </message>
    <message>
        <source>Distance:</source>
        <translation>Distance:</translation>
    </message>
    <message>
        <source>straight line</source>
        <translation>straight line</translation>
    </message>
    <message>
        <source>walking on the roads</source>
        <translation>walking on the roads</translation>
    </message>
    <message>
        <source>no roads layer (role roads) is loaded</source>
        <translation>no roads layer (role roads) is loaded</translation>
    </message>
    <message>
        <source>forest</source>
        <translation>forest</translation>
    </message>
    <message>
        <source>Addresses (residents where the addresses carry a count) with accessible nature within each distance, walking: straight to the nearest road, then along the roads (role roads); nature across the municipal border counts.</source>
        <translation>Addresses (residents where the addresses carry a count) with accessible nature within each distance, walking: straight to the nearest road, then along the roads (role roads); nature across the municipal border counts.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Walking distance needs a layer of roads (role roads); none is loaded.</source>
        <translation>Walking distance needs a layer of roads (role roads); none is loaded.</translation>
    </message>
    <message>
        <source>Role {role} needs lines, but {name} holds none.</source>
        <translation>Role {role} needs lines, but {name} holds none.</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>with --access: measure distances in a straight line or walking on the road network (a layer of role roads; default: the project's setting, or straight)</source>
        <translation>with --access: measure distances in a straight line or walking on the road network (a layer of role roads; default: the project's setting, or straight)</translation>
    </message>
    <message>
        <source>with --json: measure access to nature in a straight line or walking on the road network (a layer of role roads; default: the project's setting, or straight)</source>
        <translation>with --json: measure access to nature in a straight line or walking on the road network (a layer of role roads; default: the project's setting, or straight)</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Nature near home: walking distance from each address on the road network (role roads).</source>
        <translation>Nature near home: walking distance from each address on the road network (role roads).</translation>
    </message>
    <message>
        <source>Nature near home: straight-line distance from each address.</source>
        <translation>Nature near home: straight-line distance from each address.</translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>Nature near home: walking distance from each address on the road network (role roads).</source>
        <translation>Nature near home: walking distance from each address on the road network (role roads).</translation>
    </message>
    <message>
        <source>Nature near home: straight-line distance from each address.</source>
        <translation>Nature near home: straight-line distance from each address.</translation>
    </message>
</context>
</TS>
