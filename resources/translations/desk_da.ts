<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The planner's desk (issue 20 items 1-5): naturplan scenarios on the command line,
     argparse's own words, the drawing tools' messages, the analysis panel's footer. Source
     texts are English with {name} placeholders (Qt widgets: %1); a message with a count is
     numerus="yes": the first form for 1, the second for others. -->
<TS version="2.1" language="da_DK">
<context>
    <name>errors</name>
    <message>
        <source>No scenario named '{name}' in the project.</source>
        <translation>Intet scenarie med navnet '{name}' i projektet.</translation>
    </message>
    <message>
        <source>Candidate area {id} is not in scenario '{name}'.</source>
        <translation>Kandidatområdet {id} er ikke i scenariet '{name}'.</translation>
    </message>
</context>
<context>
    <name>cli_scenarios</name>
    <message numerus="yes">
        <source>Created scenario '{name}' with {n} candidate areas.</source>
        <translation>
            <numerusform>Scenariet '{name}' er oprettet med {n} kandidatområde.</numerusform>
            <numerusform>Scenariet '{name}' er oprettet med {n} kandidatområder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed scenario '{old}' to '{new}'.</source>
        <translation>Scenariet '{old}' hedder nu '{new}'.</translation>
    </message>
    <message>
        <source>Scenario '{name}' already holds these areas; nothing changed.</source>
        <translation>Scenariet '{name}' har allerede disse områder; intet er ændret.</translation>
    </message>
    <message numerus="yes">
        <source>Added {n} candidate areas to scenario '{name}' (now {total}).</source>
        <translation>
            <numerusform>Tilføjede {n} kandidatområde til scenariet '{name}' (nu {total}).</numerusform>
            <numerusform>Tilføjede {n} kandidatområder til scenariet '{name}' (nu {total}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed {n} candidate areas from scenario '{name}' (now {total}).</source>
        <translation>
            <numerusform>Fjernede {n} kandidatområde fra scenariet '{name}' (nu {total}).</numerusform>
            <numerusform>Fjernede {n} kandidatområder fra scenariet '{name}' (nu {total}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted scenario '{name}' ({n} candidate areas; the areas stay).</source>
        <translation>
            <numerusform>Slettede scenariet '{name}' ({n} kandidatområde; området består).</numerusform>
            <numerusform>Slettede scenariet '{name}' ({n} kandidatområder; områderne består).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: {n} candidate areas, {area}</source>
        <translation>
            <numerusform>{name}: {n} kandidatområde, {area}</numerusform>
            <numerusform>{name}: {n} kandidatområder, {area}</numerusform>
        </translation>
    </message>
    <message>
        <source>{id}  (deleted from the plan)</source>
        <translation>{id}  (slettet fra planen)</translation>
    </message>
    <message numerus="yes">
        <source>{n} scenarios in {project}</source>
        <translation>
            <numerusform>{n} scenarie i {project}</numerusform>
            <numerusform>{n} scenarier i {project}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsTool</name>
    <message>
        <source>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</source>
        <translation>Tegner: klik på næste hjørne; dobbeltklik eller Enter afslutter, Esc kasserer skitsen.</translation>
    </message>
    <message numerus="yes">
        <source>Sketch: %n points – double-click or Enter finishes, Esc drops it</source>
        <translation>
            <numerusform>Skitse: %n punkt – dobbeltklik eller Enter afslutter, Esc kasserer den</numerusform>
            <numerusform>Skitse: %n punkter – dobbeltklik eller Enter afslutter, Esc kasserer den</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawPolygonTool</name>
    <message>
        <source>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</source>
        <translation>Tegner: klik på næste hjørne; dobbeltklik eller Enter afslutter, Esc kasserer skitsen.</translation>
    </message>
    <message numerus="yes">
        <source>Sketch: %n points – double-click or Enter finishes, Esc drops it</source>
        <translation>
            <numerusform>Skitse: %n punkt – dobbeltklik eller Enter afslutter, Esc kasserer den</numerusform>
            <numerusform>Skitse: %n punkter – dobbeltklik eller Enter afslutter, Esc kasserer den</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SplitTool</name>
    <message>
        <source>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</source>
        <translation>Tegner: klik på næste hjørne; dobbeltklik eller Enter afslutter, Esc kasserer skitsen.</translation>
    </message>
    <message numerus="yes">
        <source>Sketch: %n points – double-click or Enter finishes, Esc drops it</source>
        <translation>
            <numerusform>Skitse: %n punkt – dobbeltklik eller Enter afslutter, Esc kasserer den</numerusform>
            <numerusform>Skitse: %n punkter – dobbeltklik eller Enter afslutter, Esc kasserer den</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sketch</name>
    <message>
        <source>The outline crosses itself</source>
        <translation>Omridset krydser sig selv</translation>
    </message>
    <message>
        <source>The outline has too few distinct corners</source>
        <translation>Omridset har for få forskellige hjørner</translation>
    </message>
    <message>
        <source>A hole lies outside the area</source>
        <translation>Et hul ligger uden for området</translation>
    </message>
    <message>
        <source>Two holes lie inside each other</source>
        <translation>To huller ligger inden i hinanden</translation>
    </message>
    <message>
        <source>The holes cut the area into pieces</source>
        <translation>Hullerne skærer området i stykker</translation>
    </message>
    <message>
        <source>Two parts lie inside each other</source>
        <translation>To dele ligger inden i hinanden</translation>
    </message>
    <message>
        <source>Two rings are the same</source>
        <translation>To ringe er ens</translation>
    </message>
    <message>
        <source>A corner has an invalid coordinate</source>
        <translation>Et hjørne har en ugyldig koordinat</translation>
    </message>
    <message>
        <source>The outline is not closed</source>
        <translation>Omridset er ikke lukket</translation>
    </message>
    <message>
        <source>The outline is not a valid area</source>
        <translation>Omridset er ikke et gyldigt område</translation>
    </message>
    <message>
        <source>%1 at E %2, N %3 (marked on the map).</source>
        <translation>%1 ved Ø %2, N %3 (markeret på kortet).</translation>
    </message>
    <message>
        <source>Remove points with Backspace or press Esc to start again.</source>
        <translation>Fjern punkter med Backspace, eller tryk Esc for at begynde forfra.</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Factor table: %1 (%2, version %3).</source>
        <translation>Faktortabel: %1 (%2, version %3).</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Kilde: %1</translation>
    </message>
</context>
<context>
    <name>factor_tables</name>
    <message>
        <source>Lowland soils: SEGES/DCE emission factors, Klima-Lavbund criteria, afforestation rates</source>
        <translation>Lavbundsjorder: SEGES/DCE-emissionsfaktorer, Klima-Lavbund-kriterier, skovrejsningens binding</translation>
    </message>
    <message>
        <source>Drained and rewetted lowland soils: SEGES ESGT formulas and the DCE national inventory: drained, rotation: &gt;12 % organic carbon 42.17 t CO2 + 3.87 t CO2e N2O, 6-12 % 21.08 t CO2; drained, permanent grass: &gt;12 % 30.8 t CO2 + 2.44 t CO2e N2O, 6-12 % 15.4 t CO2; rewetted soil 6.8 t CO2e CH4. Check against the current national inventory before the numbers are used officially.</source>
        <translation>Drænede og vådlagte lavbundsjorder: SEGES' ESGT-formler og DCE's nationale emissionsopgørelse: drænet, omdrift: &gt;12 % organisk kulstof 42,17 t CO2 + 3,87 t CO2e N2O, 6-12 % 21,08 t CO2; drænet, permanent græs: &gt;12 % 30,8 t CO2 + 2,44 t CO2e N2O, 6-12 % 15,4 t CO2; vådlagt jord 6,8 t CO2e CH4. Tjek mod den gældende nationale opgørelse, før tallene bruges officielt.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Kig &amp;i:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Filer af &amp;type:</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>naturplan project (*.gpkg)</source>
        <translation>naturplan-projekt (*.gpkg)</translation>
    </message>
</context>
</TS>
