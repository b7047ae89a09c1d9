<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The analysis of candidates (issue 11): climate, Klima-Lavbund, conflicts, connectivity,
     flood, scenarios and the firefighter's rule. Context "analysis" is read outside Qt
     (naturplan/export/analysis_words.py, the command line); the other contexts are the
     widgets of naturplan/gui/analysis/. -->
<TS version="2.1" language="da_DK">
<context>
    <name>analysis</name>
    <message>
        <source>Firefighter's rule</source>
        <translation>Brandmandens lov</translation>
    </message>
    <message>
        <source>protects existing nature</source>
        <translation>beskytter eksisterende natur</translation>
    </message>
    <message>
        <source>restores degraded nature</source>
        <translation>genopretter forringet natur</translation>
    </message>
    <message>
        <source>creates new nature</source>
        <translation>skaber ny natur</translation>
    </message>
    <message>
        <source>§3 nature (not allowed)</source>
        <translation>§3-natur (ikke tilladt)</translation>
    </message>
    <message>
        <source>Natura 2000 (impact assessment needed)</source>
        <translation>Natura 2000 (kræver konsekvensvurdering)</translation>
    </message>
    <message>
        <source>organic lowland soil (counteracts the climate gain)</source>
        <translation>organisk lavbundsjord (modvirker klimagevinsten)</translation>
    </message>
    <message>
        <source>unwanted-forest zone</source>
        <translation>skovrejsning uønsket</translation>
    </message>
    <message>
        <source>flood zone</source>
        <translation>oversvømmelseszone</translation>
    </message>
    <message>
        <source>at least {threshold} ha</source>
        <translation>mindst {threshold} ha</translation>
    </message>
    <message>
        <source>at least {threshold} on soil &gt; 6 % organic carbon</source>
        <translation>mindst {threshold} på jord med over 6 % organisk kulstof</translation>
    </message>
    <message>
        <source>at least {threshold} t CO2e per ha and year</source>
        <translation>mindst {threshold} t CO2e pr. ha pr. år</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>A scenario needs a name.</source>
        <translation>Et scenarie skal have et navn.</translation>
    </message>
    <message>
        <source>A scenario named '{name}' is already in the project.</source>
        <translation>Projektet har allerede et scenarie med navnet '{name}'.</translation>
    </message>
    <message>
        <source>Scenario '{name}' is already in the project.</source>
        <translation>Scenariet '{name}' er allerede i projektet.</translation>
    </message>
    <message>
        <source>Scenario '{name}' was deleted by {by} at {at} after you opened it; your change was not saved.</source>
        <translation>Scenariet '{name}' blev slettet af {by} kl. {at}, efter du åbnede det; din ændring blev ikke gemt.</translation>
    </message>
    <message>
        <source>Scenario '{name}' was deleted after you opened it; your change was not saved.</source>
        <translation>Scenariet '{name}' blev slettet, efter du åbnede det; din ændring blev ikke gemt.</translation>
    </message>
    <message>
        <source>Scenario '{name}' was changed by {by} at {at} after you opened it; your change was not saved. Reload to see the current version.</source>
        <translation>Scenariet '{name}' blev ændret af {by} kl. {at}, efter du åbnede det; din ændring blev ikke gemt. Genindlæs for at se den aktuelle udgave.</translation>
    </message>
    <message>
        <source>Scenario '{name}' was changed after you opened it; your change was not saved. Reload to see the current version.</source>
        <translation>Scenariet '{name}' blev ændret, efter du åbnede det; din ændring blev ikke gemt. Genindlæs for at se den aktuelle udgave.</translation>
    </message>
    <message>
        <source>No factor table named {name} (there are: {known}).</source>
        <translation>Der er ingen faktortabel med navnet {name} (der er: {known}).</translation>
    </message>
    <message>
        <source>Factor table {name} cannot be read ({reason}).</source>
        <translation>Faktortabellen {name} kan ikke læses ({reason}).</translation>
    </message>
    <message>
        <source>Factor table {name} has no [{section}] section.</source>
        <translation>Faktortabellen {name} mangler afsnittet [{section}].</translation>
    </message>
    <message>
        <source>Factor table {name}: {key} must be a number.</source>
        <translation>Faktortabellen {name}: {key} skal være et tal.</translation>
    </message>
    <message>
        <source>Factor table {name}: [drained.{use}] must list classes.</source>
        <translation>Faktortabellen {name}: [drained.{use}] skal angive kulstofklasser.</translation>
    </message>
    <message>
        <source>The factor table has no afforestation rate for '{kind}' (it has {known}).</source>
        <translation>Faktortabellen har ingen bindingsrate for skovtypen '{kind}' (den har {known}).</translation>
    </message>
</context>
</TS>
