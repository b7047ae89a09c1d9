<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The analysis of candidates (issue 11): climate, Klima-Lavbund, conflicts, connectivity,
     flood, scenarios and the firefighter's rule. Context "analysis" is read outside Qt
     (naturplan/text/analysis_words.py, the command line); the other contexts are the
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
<context>
    <name>AnalysisActions</name>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>Candidate analysis</source>
        <translation>Kandidatanalyse</translation>
    </message>
    <message>
        <source>Scenarios and comparison</source>
        <translation>Scenarier og sammenligning</translation>
    </message>
    <message>
        <source>Factor table</source>
        <translation>Faktortabel</translation>
    </message>
    <message>
        <source>Forest type for afforestation</source>
        <translation>Skovtype ved skovrejsning</translation>
    </message>
    <message>
        <source>Mixed forest</source>
        <translation>Blandskov</translation>
    </message>
    <message>
        <source>Broadleaf</source>
        <translation>Løvskov</translation>
    </message>
    <message>
        <source>Conifer</source>
        <translation>Nåleskov</translation>
    </message>
    <message>
        <source>%1 (%2 t CO2/ha/yr)</source>
        <translation>%1 (%2 t CO2/ha/år)</translation>
    </message>
    <message>
        <source>Measuring the habitat network…</source>
        <translation>Måler naturnetværket…</translation>
    </message>
    <message>
        <source>Measuring the network with the candidates…</source>
        <translation>Måler netværket med kandidatområderne…</translation>
    </message>
    <message>
        <source>Comparing the scenarios…</source>
        <translation>Sammenligner scenarierne…</translation>
    </message>
</context>
<context>
    <name>ScenarioChart</name>
    <message>
        <source>No scenarios to compare yet.</source>
        <translation>Ingen scenarier at sammenligne endnu.</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Select one candidate area to see what it does.</source>
        <translation>Vælg ét kandidatområde for at se, hvad det gør.</translation>
    </message>
    <message>
        <source>%1 existing nature, %2 degraded soil, %3 other land</source>
        <translation>%1 eksisterende natur, %2 forringet jord, %3 anden jord</translation>
    </message>
    <message>
        <source>Firefighter's rule</source>
        <translation>Brandmandens lov</translation>
    </message>
    <message>
        <source>%1 t CO2e per year (%2 t per ha)</source>
        <translation>%1 t CO2e pr. år (%2 t pr. ha)</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>omdrift</translation>
    </message>
    <message>
        <source>permanent grass</source>
        <translation>permanent græs</translation>
    </message>
    <message>
        <source>Not on mapped lowland soil.</source>
        <translation>Ligger ikke på kortlagt lavbundsjord.</translation>
    </message>
    <message>
        <source>use not known: the lower permanent-grass factors are used</source>
        <translation>arealanvendelse ukendt: de lavere faktorer for permanent græs er brugt</translation>
    </message>
    <message>
        <source>Lowland withdrawal: CO2e reduction</source>
        <translation>Udtagning af lavbundsjord: CO2e-reduktion</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>opfylder kriterierne</translation>
    </message>
    <message>
        <source>not eligible</source>
        <translation>opfylder ikke kriterierne</translation>
    </message>
    <message>
        <source>Klima-Lavbund</source>
        <translation>Klima-Lavbund</translation>
    </message>
    <message>
        <source>mixed forest</source>
        <translation>blandskov</translation>
    </message>
    <message>
        <source>broadleaf</source>
        <translation>løvskov</translation>
    </message>
    <message>
        <source>conifer</source>
        <translation>nåleskov</translation>
    </message>
    <message>
        <source>Afforestation: sequestration</source>
        <translation>Skovrejsning: kulstofbinding</translation>
    </message>
    <message>
        <source>%1 t CO2 per year (%2, %3 t per ha)</source>
        <translation>%1 t CO2 pr. år (%2, %3 t pr. ha)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Ingen konflikter.</translation>
    </message>
    <message>
        <source>Conflicts (hatched on the map)</source>
        <translation>Konflikter (skraveret på kortet)</translation>
    </message>
    <message>
        <source>%1 of the area in the flood zone (%2)</source>
        <translation>%1 af arealet i oversvømmelseszonen (%2)</translation>
    </message>
    <message>
        <source>mean depth %1 m, max %2 m</source>
        <translation>middeldybde %1 m, maks. %2 m</translation>
    </message>
    <message>
        <source>Flood exposure</source>
        <translation>Oversvømmelse</translation>
    </message>
    <message>
        <source>Connectivity (ECA)</source>
        <translation>Sammenhæng (ECA)</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>måler…</translation>
    </message>
    <message>
        <source>%1 ECA (%2 PC)</source>
        <translation>%1 ECA (%2 PC)</translation>
    </message>
    <message>
        <source>joins %1 patches (%2)</source>
        <translation>forbinder %1 områder (%2)</translation>
    </message>
    <message>
        <source>extends a patch of %1</source>
        <translation>udvider et område på %1</translation>
    </message>
    <message>
        <source>a new patch</source>
        <translation>et nyt område</translation>
    </message>
    <message>
        <source>Habitat network</source>
        <translation>Naturnetværket</translation>
    </message>
    <message>
        <source>today: ECA %1, PC %2, IIC %3, m_eff %4, %5 patches</source>
        <translation>i dag: ECA %1, PC %2, IIC %3, m_eff %4, %5 områder</translation>
    </message>
    <message>
        <source>with the candidates: ECA %1 (%2), PC %3, IIC %4, m_eff %5</source>
        <translation>med kandidatområderne: ECA %1 (%2), PC %3, IIC %4, m_eff %5</translation>
    </message>
    <message>
        <source>Order by the firefighter's rule</source>
        <translation>Rækkefølge efter Brandmandens lov</translation>
    </message>
    <message>
        <source>Factors: %1 (version %2). %3</source>
        <translation>Faktorer: %1 (version %2). %3</translation>
    </message>
    <message>
        <source>The factor table has changed since this project recorded it.</source>
        <translation>Faktortabellen er ændret, siden projektet registrerede den.</translation>
    </message>
</context>
<context>
    <name>AnalysisDock</name>
    <message>
        <source>Candidate analysis</source>
        <translation>Kandidatanalyse</translation>
    </message>
</context>
<context>
    <name>NatureAtRiskWidget</name>
    <message>
        <source>Nature at risk: §3 in the flood zone</source>
        <translation>Natur i risiko: §3-natur i oversvømmelseszonen</translation>
    </message>
</context>
<context>
    <name>ScenarioDock</name>
    <message>
        <source>Scenarios</source>
        <translation>Scenarier</translation>
    </message>
    <message>
        <source>This project's store does not keep scenarios yet.</source>
        <translation>Projektets lager gemmer endnu ikke scenarier.</translation>
    </message>
    <message>
        <source>New from selection…</source>
        <translation>Nyt fra markeringen…</translation>
    </message>
    <message>
        <source>Add selected areas</source>
        <translation>Tilføj markerede områder</translation>
    </message>
    <message>
        <source>Remove selected areas</source>
        <translation>Fjern markerede områder</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Omdøb…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Compare again</source>
        <translation>Sammenlign igen</translation>
    </message>
    <message>
        <source>Proposal %1</source>
        <translation>Forslag %1</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>Nyt scenarie</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>Omdøb scenarie</translation>
    </message>
    <message>
        <source>Comparing the scenarios…</source>
        <translation>Sammenligner scenarierne…</translation>
    </message>
    <message>
        <source>Make a scenario from the selected candidate areas to compare it.</source>
        <translation>Lav et scenarie af de markerede kandidatområder for at sammenligne det.</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>nået</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Områder</translation>
    </message>
    <message>
        <source>Projected share</source>
        <translation>Fremskrevet andel</translation>
    </message>
    <message>
        <source>Missing to 17 %</source>
        <translation>Mangler til 17 %</translation>
    </message>
    <message>
        <source>Missing to 20 %</source>
        <translation>Mangler til 20 %</translation>
    </message>
    <message>
        <source>New nature</source>
        <translation>Ny natur</translation>
    </message>
    <message>
        <source>CO2e reduction (t/yr)</source>
        <translation>CO2e-reduktion (t/år)</translation>
    </message>
    <message>
        <source>Sequestration (t/yr)</source>
        <translation>Binding (t/år)</translation>
    </message>
    <message>
        <source>ΔECA</source>
        <translation>ΔECA</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>On §3 nature</source>
        <translation>På §3-natur</translation>
    </message>
    <message>
        <source>Flood-exposed</source>
        <translation>Oversvømmet areal</translation>
    </message>
    <message>
        <source>Klima-Lavbund eligible</source>
        <translation>Opfylder Klima-Lavbund</translation>
    </message>
    <message>
        <source>Projected share (%)</source>
        <translation>Fremskrevet andel (%)</translation>
    </message>
    <message>
        <source>New nature (ha)</source>
        <translation>Ny natur (ha)</translation>
    </message>
    <message>
        <source>ΔECA (ha)</source>
        <translation>ΔECA (ha)</translation>
    </message>
    <message>
        <source>Conflicts (ha)</source>
        <translation>Konflikter (ha)</translation>
    </message>
    <message>
        <source>Flood-exposed (ha)</source>
        <translation>Oversvømmet areal (ha)</translation>
    </message>
    <message numerus="yes">
        <source>%n areas</source>
        <translation>
            <numerusform>%n område</numerusform>
            <numerusform>%n områder</numerusform>
        </translation>
    </message>
</context>
</TS>
