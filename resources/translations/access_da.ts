<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25: condition of §3 nature and access to nature near home. -->
<TS version="2.1" language="da_DK">
<context>
    <name>AccessWidget</name>
    <message>
        <source>Nature near home</source>
        <translation>Natur tæt på hjemmet</translation>
    </message>
    <message>
        <source>Addresses (residents where the addresses carry a count) with accessible nature within each distance, straight line; nature across the municipal border counts.</source>
        <translation>Adresser (beboere, hvor adresserne har et antal) med tilgængelig natur inden for hver afstand, i fugleflugt; natur på den anden side af kommunegrænsen tæller med.</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>endnu ikke målt</translation>
    </message>
    <message>
        <source>no addresses</source>
        <translation>ingen adresser</translation>
    </message>
    <message>
        <source>%1 residents at %2 addresses</source>
        <translation>%1 beboere på %2 adresser</translation>
    </message>
    <message>
        <source>%2 addresses</source>
        <translation>%2 adresser</translation>
    </message>
    <message>
        <source>counts as nature: %1</source>
        <translation>tæller som natur: %1</translation>
    </message>
    <message>
        <source>synthetic sample</source>
        <translation>syntetiske eksempeldata</translation>
    </message>
    <message>
        <source>Within %1</source>
        <translation>Inden for %1</translation>
    </message>
    <message>
        <source>§3 nature</source>
        <translation>§3-natur</translation>
    </message>
    <message>
        <source>Natura 2000</source>
        <translation>Natura 2000</translation>
    </message>
    <message>
        <source>candidate areas</source>
        <translation>kandidatområder</translation>
    </message>
    <message>
        <source>afforestation zones</source>
        <translation>skovrejsningszoner</translation>
    </message>
</context>
<context>
    <name>AccessFollower</name>
    <message>
        <source>no addresses layer is loaded</source>
        <translation>der er ikke indlæst et adresselag</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>måler …</translation>
    </message>
    <message>
        <source>Nature near home</source>
        <translation>Natur tæt på hjemmet</translation>
    </message>
    <message>
        <source>candidates do not count as nature</source>
        <translation>kandidater tæller ikke som natur</translation>
    </message>
    <message>
        <source>rejected: not counted</source>
        <translation>afvist: tæller ikke med</translation>
    </message>
    <message numerus="yes">
        <source>+%1 addresses within %2</source>
        <translation>
            <numerusform>+%1 adresse inden for %2</numerusform>
            <numerusform>+%1 adresser inden for %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>New addresses with nature within 300 m</source>
        <translation>Nye adresser med natur inden for 300 m</translation>
    </message>
    <message>
        <source>New addresses with nature within 1 km</source>
        <translation>Nye adresser med natur inden for 1 km</translation>
    </message>
    <message>
        <source>No addresses layer: the addresses each candidate brings within 300 m and 1 km of nature are not measured (empty cells).</source>
        <translation>Intet adresselag: de adresser, hvert område bringer inden for 300 m og 1 km af natur, er ikke målt (tomme celler).</translation>
    </message>
</context>
<context>
    <name>ScenarioDock</name>
    <message>
        <source>Nature within 300 m</source>
        <translation>Natur inden for 300 m</translation>
    </message>
    <message>
        <source>Nature within 1 km</source>
        <translation>Natur inden for 1 km</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Addresses with nature within 300 m</source>
        <translation>Adresser med natur inden for 300 m</translation>
    </message>
    <message>
        <source>Addresses with nature within 1 km</source>
        <translation>Adresser med natur inden for 1 km</translation>
    </message>
    <message>
        <source>Nature near home is not measured: no addresses layer is loaded.</source>
        <translation>Natur tæt på hjemmet er ikke målt: der er ikke indlæst et adresselag.</translation>
    </message>
    <message>
        <source>§3 nature in good condition</source>
        <translation>§3-natur i god tilstand</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>No condition target file {path}.</source>
        <translation>Der er ingen målfil for naturtilstand {path}.</translation>
    </message>
    <message>
        <source>The condition target file {path} cannot be read ({reason}).</source>
        <translation>Målfilen for naturtilstand {path} kan ikke læses ({reason}).</translation>
    </message>
    <message>
        <source>The condition target file {path} has no [[target]] entries.</source>
        <translation>Målfilen for naturtilstand {path} har ingen [[target]]-mål.</translation>
    </message>
    <message>
        <source>A target in {path} needs a name, a share between 0 and 1 and its source.</source>
        <translation>Et mål i {path} skal have et navn, en andel mellem 0 og 1 og sin kilde.</translation>
    </message>
</context>
<context>
    <name>ConditionWidget</name>
    <message>
        <source>Condition of §3 nature</source>
        <translation>Naturtilstand i §3-naturen</translation>
    </message>
    <message>
        <source>Naturtilstand from field surveys: I-II good, III moderate, IV-V poor; a feature without a class is not assessed and never counted as good.</source>
        <translation>Naturtilstand fra besigtigelser: I-II god, III moderat, IV-V ringe; et areal uden klasse er ikke vurderet og tælles aldrig som godt.</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>endnu ikke målt</translation>
    </message>
    <message>
        <source>Good (I-II)</source>
        <translation>God (I-II)</translation>
    </message>
    <message>
        <source>Moderate (III)</source>
        <translation>Moderat (III)</translation>
    </message>
    <message>
        <source>Poor (IV-V)</source>
        <translation>Ringe (IV-V)</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Ikke vurderet</translation>
    </message>
    <message>
        <source>synthetic sample</source>
        <translation>syntetiske eksempeldata</translation>
    </message>
    <message>
        <source>No §3 area inside the municipality.</source>
        <translation>Intet §3-areal i kommunen.</translation>
    </message>
    <message>
        <source>%1 in good condition</source>
        <translation>%1 i god tilstand</translation>
    </message>
    <message>
        <source>target %1 (%2): missing %3</source>
        <translation>mål %1 (%2): mangler %3</translation>
    </message>
    <message>
        <source>target %1 (%2): reached</source>
        <translation>mål %1 (%2): nået</translation>
    </message>
    <message>
        <source>with the plan's restoration: %1</source>
        <translation>med planens genopretning: %1</translation>
    </message>
</context>
<context>
    <name>ConditionFollower</name>
    <message>
        <source>%1: to class %2</source>
        <translation>%1: til klasse %2</translation>
    </message>
    <message>
        <source>(not in the §3 layer)</source>
        <translation>(findes ikke i §3-laget)</translation>
    </message>
    <message>
        <source>Lifts the condition of</source>
        <translation>Løfter naturtilstanden for</translation>
    </message>
    <message numerus="yes">
        <source>%n §3 features to class %1</source>
        <translation>
            <numerusform>%n §3-areal til klasse %1</numerusform>
            <numerusform>%n §3-arealer til klasse %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not in the §3 layer</source>
        <translation>
            <numerusform>%n findes ikke i §3-laget</numerusform>
            <numerusform>%n findes ikke i §3-laget</numerusform>
        </translation>
    </message>
    <message>
        <source>no §3 nature layer is loaded</source>
        <translation>der er ikke indlæst et lag med §3-natur</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>måler …</translation>
    </message>
</context>
<context>
    <name>parcels</name>
    <message>
        <source>condition not assessed</source>
        <translation>naturtilstand ikke vurderet</translation>
    </message>
    <message>
        <source>good</source>
        <translation>god</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderat</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>ringe</translation>
    </message>
    <message>
        <source>condition {cls} ({group})</source>
        <translation>naturtilstand {cls} ({group})</translation>
    </message>
</context>
</TS>
