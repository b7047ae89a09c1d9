<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25: condition of §3 nature and access to nature near home. -->
<TS version="2.1" language="en_GB">
<context>
    <name>AccessWidget</name>
    <message>
        <source>Nature near home</source>
        <translation>Nature near home</translation>
    </message>
    <message>
        <source>Addresses (residents where the addresses carry a count) with accessible nature within each distance, straight line; nature across the municipal border counts.</source>
        <translation>Addresses (residents where the addresses carry a count) with accessible nature within each distance, straight line; nature across the municipal border counts.</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>not measured yet</translation>
    </message>
    <message>
        <source>no addresses</source>
        <translation>no addresses</translation>
    </message>
    <message>
        <source>%1 residents at %2 addresses</source>
        <translation>%1 residents at %2 addresses</translation>
    </message>
    <message>
        <source>%2 addresses</source>
        <translation>%2 addresses</translation>
    </message>
    <message>
        <source>counts as nature: %1</source>
        <translation>counts as nature: %1</translation>
    </message>
    <message>
        <source>synthetic sample</source>
        <translation>synthetic sample</translation>
    </message>
    <message>
        <source>Within %1</source>
        <translation>Within %1</translation>
    </message>
    <message>
        <source>§3 nature</source>
        <translation>§3 nature</translation>
    </message>
    <message>
        <source>Natura 2000</source>
        <translation>Natura 2000</translation>
    </message>
    <message>
        <source>candidate areas</source>
        <translation>candidate areas</translation>
    </message>
    <message>
        <source>afforestation zones</source>
        <translation>afforestation zones</translation>
    </message>
</context>
<context>
    <name>AccessFollower</name>
    <message>
        <source>no addresses layer is loaded</source>
        <translation>no addresses layer is loaded</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>measuring…</translation>
    </message>
    <message>
        <source>Nature near home</source>
        <translation>Nature near home</translation>
    </message>
    <message>
        <source>candidates do not count as nature</source>
        <translation>candidates do not count as nature</translation>
    </message>
    <message>
        <source>rejected: not counted</source>
        <translation>rejected: not counted</translation>
    </message>
    <message numerus="yes">
        <source>+%1 addresses within %2</source>
        <translation>
            <numerusform>+%1 address within %2</numerusform>
            <numerusform>+%1 addresses within %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>New addresses with nature within 300 m</source>
        <translation>New addresses with nature within 300 m</translation>
    </message>
    <message>
        <source>New addresses with nature within 1 km</source>
        <translation>New addresses with nature within 1 km</translation>
    </message>
    <message>
        <source>No addresses layer: the addresses each candidate brings within 300 m and 1 km of nature are not measured (empty cells).</source>
        <translation>No addresses layer: the addresses each candidate brings within 300 m and 1 km of nature are not measured (empty cells).</translation>
    </message>
</context>
<context>
    <name>ScenarioDock</name>
    <message>
        <source>Nature within 300 m</source>
        <translation>Nature within 300 m</translation>
    </message>
    <message>
        <source>Nature within 1 km</source>
        <translation>Nature within 1 km</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Addresses with nature within 300 m</source>
        <translation>Addresses with nature within 300 m</translation>
    </message>
    <message>
        <source>Addresses with nature within 1 km</source>
        <translation>Addresses with nature within 1 km</translation>
    </message>
    <message>
        <source>Nature near home is not measured: no addresses layer is loaded.</source>
        <translation>Nature near home is not measured: no addresses layer is loaded.</translation>
    </message>
    <message>
        <source>§3 nature in good condition</source>
        <translation>§3 nature in good condition</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>No condition target file {path}.</source>
        <translation>No condition target file {path}.</translation>
    </message>
    <message>
        <source>The condition target file {path} cannot be read ({reason}).</source>
        <translation>The condition target file {path} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>The condition target file {path} has no [[target]] entries.</source>
        <translation>The condition target file {path} has no [[target]] entries.</translation>
    </message>
    <message>
        <source>A target in {path} needs a name, a share between 0 and 1 and its source.</source>
        <translation>A target in {path} needs a name, a share between 0 and 1 and its source.</translation>
    </message>
</context>
<context>
    <name>ConditionWidget</name>
    <message>
        <source>Condition of §3 nature</source>
        <translation>Condition of §3 nature</translation>
    </message>
    <message>
        <source>Naturtilstand from field surveys: I-II good, III moderate, IV-V poor; a feature without a class is not assessed and never counted as good.</source>
        <translation>Naturtilstand from field surveys: I-II good, III moderate, IV-V poor; a feature without a class is not assessed and never counted as good.</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>not measured yet</translation>
    </message>
    <message>
        <source>Good (I-II)</source>
        <translation>Good (I-II)</translation>
    </message>
    <message>
        <source>Moderate (III)</source>
        <translation>Moderate (III)</translation>
    </message>
    <message>
        <source>Poor (IV-V)</source>
        <translation>Poor (IV-V)</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>synthetic sample</source>
        <translation>synthetic sample</translation>
    </message>
    <message>
        <source>No §3 area inside the municipality.</source>
        <translation>No §3 area inside the municipality.</translation>
    </message>
    <message>
        <source>%1 in good condition</source>
        <translation>%1 in good condition</translation>
    </message>
    <message>
        <source>target %1 (%2): missing %3</source>
        <translation>target %1 (%2): missing %3</translation>
    </message>
    <message>
        <source>target %1 (%2): reached</source>
        <translation>target %1 (%2): reached</translation>
    </message>
    <message>
        <source>with the plan's restoration: %1</source>
        <translation>with the plan's restoration: %1</translation>
    </message>
</context>
<context>
    <name>ConditionFollower</name>
    <message>
        <source>%1: to class %2</source>
        <translation>%1: to class %2</translation>
    </message>
    <message>
        <source>(not in the §3 layer)</source>
        <translation>(not in the §3 layer)</translation>
    </message>
    <message>
        <source>Lifts the condition of</source>
        <translation>Lifts the condition of</translation>
    </message>
    <message numerus="yes">
        <source>%n §3 features to class %1</source>
        <translation>
            <numerusform>%n §3 feature to class %1</numerusform>
            <numerusform>%n §3 features to class %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not in the §3 layer</source>
        <translation>
            <numerusform>%n not in the §3 layer</numerusform>
            <numerusform>%n not in the §3 layer</numerusform>
        </translation>
    </message>
    <message>
        <source>no §3 nature layer is loaded</source>
        <translation>no §3 nature layer is loaded</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>measuring…</translation>
    </message>
</context>
<context>
    <name>parcels</name>
    <message>
        <source>condition not assessed</source>
        <translation>condition not assessed</translation>
    </message>
    <message>
        <source>good</source>
        <translation>good</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderate</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>poor</translation>
    </message>
    <message>
        <source>condition {cls} ({group})</source>
        <translation>condition {cls} ({group})</translation>
    </message>
</context>
</TS>
