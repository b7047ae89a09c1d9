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
    <message>
        <source>%1 at E %2, N %3.</source>
        <translation>%1 ved Ø %2, N %3.</translation>
    </message>
    <message>
        <source>That edit would make the area invalid: %1</source>
        <translation>Den ændring ville gøre området ugyldigt: %1</translation>
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
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>brug: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>tilvalg</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>positionelle argumenter</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>vis denne hjælp og afslut</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>vis programmets version og afslut</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: fejl: %(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>disse argumenter mangler: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ugyldigt valg: %(value)r (vælg mellem %(choices)s)</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>ukendte argumenter: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>kræver én værdi</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>kræver mindst én værdi</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>tager højst én værdi</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>kræver %s værdi</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>kræver %s værdier</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ugyldig værdi (%(type)s): %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>tvetydigt tilvalg: %(option)s kan være %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>kan ikke bruges sammen med %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>et af argumenterne %s skal angives</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>værdien %r blev ikke brugt</translation>
    </message>
    <message>
        <source>can't open '%(filename)s': %(error)s</source>
        <translation>kan ikke åbne '%(filename)s': %(error)s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>ukendt kommando %(parser_name)r (muligheder: %(choices)s)</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>Desktop GIS for municipal nature planning (Aalborg Kommune). Without a command it opens the app on the shipped sample.</source>
        <translation>Skrivebords-GIS til kommunal naturplanlægning (Aalborg Kommune). Uden en kommando åbner det programmet på de medfølgende eksempeldata.</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>vis denne hjælp og afslut</translation>
    </message>
    <message>
        <source>use this file for ROLE (municipality, parcels, addresses, nature_p3, natura2000, lowland, flood, forest_zones); repeatable; replaces the sample's layers of that role</source>
        <translation>brug denne fil til ROLLE (municipality, parcels, addresses, nature_p3, natura2000, lowland, flood, forest_zones); kan gentages; erstatter eksempeldataenes lag med den rolle</translation>
    </message>
    <message>
        <source>municipality by its 4-digit code from the national DAGI file (default 0851 Aalborg)</source>
        <translation>kommunen ved dens firecifrede kode fra den nationale DAGI-fil (standard 0851 Aalborg)</translation>
    </message>
    <message>
        <source>CRS of --layer files that declare none (never overrides a declared CRS)</source>
        <translation>koordinatsystem for --layer-filer, der ikke angiver et (tilsidesætter aldrig et angivet)</translation>
    </message>
    <message>
        <source>map a source field to a role's field, e.g. nature_p3.Natyp_navn=TYPE; repeatable</source>
        <translation>tilknyt et kildefelt til en rolles felt, f.eks. nature_p3.Natyp_navn=TYPE; kan gentages</translation>
    </message>
    <message>
        <source>scale of the synthetic Aalborg sample (1 = ~100,000 parcels; default: $NATURPLAN_SAMPLE_SCALE or 1)</source>
        <translation>skala for de syntetiske Aalborg-eksempeldata (1 = ca. 100.000 jordstykker; standard: $NATURPLAN_SAMPLE_SCALE eller 1)</translation>
    </message>
    <message>
        <source>open real data only</source>
        <translation>åbn kun rigtige data</translation>
    </message>
    <message>
        <source>comma-separated roles that count as protected (default nature_p3)</source>
        <translation>kommaseparerede roller, der tæller som beskyttet (standard nature_p3)</translation>
    </message>
    <message>
        <source>language (default da)</source>
        <translation>sprog (standard da)</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>vis programmets version og afslut</translation>
    </message>
    <message>
        <source>open the main window, save it to PNG and exit</source>
        <translation>åbn hovedvinduet, gem det som PNG og afslut</translation>
    </message>
    <message>
        <source>open this project: a file P.gpkg, or a team project in PostGIS (postgresql://host/db or service=NAME)</source>
        <translation>åbn dette projekt: en fil P.gpkg eller et teamprojekt i PostGIS (postgresql://vært/db eller service=NAVN)</translation>
    </message>
    <message>
        <source>background map: skaermkort_daempet, skaermkort, ortofoto, osm, none, or a WMTS/WMS/XYZ URL</source>
        <translation>baggrundskort: skaermkort_daempet, skaermkort, ortofoto, osm, none eller en WMTS/WMS/XYZ-adresse</translation>
    </message>
    <message>
        <source>protected share and the gap to targets</source>
        <translation>beskyttet andel og afstanden til målene</translation>
    </message>
    <message>
        <source>import, list and edit candidate areas</source>
        <translation>importér, vis og ret kandidatområder</translation>
    </message>
    <message>
        <source>copy a project between a file and PostGIS</source>
        <translation>kopiér et projekt mellem en fil og PostGIS</translation>
    </message>
    <message>
        <source>export a print map (pdf, png) or a self-contained web map (html)</source>
        <translation>eksportér et trykkort (pdf, png) eller et selvstændigt webkort (html)</translation>
    </message>
    <message>
        <source>everything that applies to one parcel (by ejerlav and matrikelnummer, or address)</source>
        <translation>alt, der gælder for ét jordstykke (efter ejerlav og matrikelnummer eller adresse)</translation>
    </message>
    <message>
        <source>every parcel's status to a CSV or GeoPackage file, one row per parcel</source>
        <translation>alle jordstykkers status til en CSV- eller GeoPackage-fil, én række pr. jordstykke</translation>
    </message>
    <message>
        <source>layers from web services (WFS, OGC API)</source>
        <translation>lag fra webtjenester (WFS, OGC API)</translation>
    </message>
    <message>
        <source>list, make and edit the project's scenarios (named sets of candidate areas)</source>
        <translation>vis, opret og ret projektets scenarier (navngivne sæt af kandidatområder)</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>skriv JSON</translation>
    </message>
    <message>
        <source>add the project's candidates (projected share)</source>
        <translation>medtag projektets kandidatområder (fremskrevet andel)</translation>
    </message>
    <message>
        <source>with --project --json: also measure the habitat network now and projected (seconds at municipal scale)</source>
        <translation>med --project --json: mål også naturnetværket nu og fremskrevet (sekunder for en hel kommune)</translation>
    </message>
    <message>
        <source>import candidate areas from a vector file</source>
        <translation>importér kandidatområder fra en vektorfil</translation>
    </message>
    <message>
        <source>list the candidate areas of a project</source>
        <translation>vis et projekts kandidatområder</translation>
    </message>
    <message>
        <source>change a candidate area's status, name, note or kind</source>
        <translation>ret et kandidatområdes status, navn, note eller type</translation>
    </message>
    <message>
        <source>delete a candidate area</source>
        <translation>slet et kandidatområde</translation>
    </message>
    <message>
        <source>export the candidate table (xlsx, csv, gpkg, shp, geojson)</source>
        <translation>eksportér kandidattabellen (xlsx, csv, gpkg, shp, geojson)</translation>
    </message>
    <message>
        <source>the project file or PostGIS connection string (created if it does not exist) (a .gpkg file or a PostGIS connection string)</source>
        <translation>projektfilen eller PostGIS-forbindelsen (oprettes, hvis den ikke findes) (en .gpkg-fil eller en PostGIS-forbindelsesstreng)</translation>
    </message>
    <message>
        <source>vector file with the candidate polygons (any format GDAL reads)</source>
        <translation>vektorfil med kandidatområdernes polygoner (ethvert format, GDAL kan læse)</translation>
    </message>
    <message>
        <source>field with the names (default: the first of name, navn, Name, Navn, …)</source>
        <translation>feltet med navnene (standard: det første af name, navn, Name, Navn, …)</translation>
    </message>
    <message>
        <source>import the good features when some are broken (default: refuse)</source>
        <translation>importér de gode objekter, når nogle er defekte (standard: afvis)</translation>
    </message>
    <message>
        <source>import invalid polygons repaired with make_valid (reported)</source>
        <translation>importér ugyldige polygoner repareret med make_valid (rapporteres)</translation>
    </message>
    <message>
        <source>import features already in the plan (same name and geometry) again</source>
        <translation>importér objekter, der allerede er i planen (samme navn og geometri), igen</translation>
    </message>
    <message>
        <source>list every area that reaches outside the municipality</source>
        <translation>vis hvert område, der når uden for kommunen</translation>
    </message>
    <message>
        <source>name for the audit trail (default: login name)</source>
        <translation>navn i ændringsloggen (standard: brugernavnet)</translation>
    </message>
    <message>
        <source>the project (a .gpkg file or a PostGIS connection string)</source>
        <translation>projektet (en .gpkg-fil eller en PostGIS-forbindelsesstreng)</translation>
    </message>
    <message>
        <source>order: oldest first, or by the firefighter's rule (protect, restore, create)</source>
        <translation>rækkefølge: ældste først eller efter Brandmandens lov (beskyt, genopret, skab)</translation>
    </message>
    <message>
        <source>--json without the analysis numbers (no layers are read)</source>
        <translation>--json uden analysens tal (ingen lag læses)</translation>
    </message>
    <message>
        <source>the id, or its first characters (list shows 8)</source>
        <translation>id'et eller dets første tegn (list viser 8)</translation>
    </message>
    <message>
        <source>the area counts toward the target</source>
        <translation>området tæller med i målet</translation>
    </message>
    <message>
        <source>the area does not count toward the target</source>
        <translation>området tæller ikke med i målet</translation>
    </message>
    <message>
        <source>the id, or its first characters</source>
        <translation>id'et eller dets første tegn</translation>
    </message>
    <message>
        <source>the project file, or a PostGIS connection string</source>
        <translation>projektfilen eller en PostGIS-forbindelsesstreng</translation>
    </message>
    <message>
        <source>FILE.xlsx, .csv, .gpkg, .shp or .geojson</source>
        <translation>FIL.xlsx, .csv, .gpkg, .shp eller .geojson</translation>
    </message>
    <message>
        <source>only the plan's columns, without what each candidate does (CO2e, Klima-Lavbund, conflicts, flood, connectivity)</source>
        <translation>kun planens kolonner, uden hvad hvert område gør (CO2e, Klima-Lavbund, konflikter, oversvømmelse, sammenhæng)</translation>
    </message>
    <message>
        <source>copy a plan (candidates, scenarios, audit trail, settings) to a file or a database</source>
        <translation>kopiér en plan (kandidatområder, scenarier, ændringslog, indstillinger) til en fil eller en database</translation>
    </message>
    <message>
        <source>what a project holds</source>
        <translation>hvad et projekt indeholder</translation>
    </message>
    <message>
        <source>P.gpkg, postgresql://host/db or service=NAME</source>
        <translation>P.gpkg, postgresql://vært/db eller service=NAVN</translation>
    </message>
    <message>
        <source>replace a destination that already holds a plan</source>
        <translation>erstat en destination, der allerede har en plan</translation>
    </message>
    <message>
        <source>default: the suffix of --out</source>
        <translation>standard: endelsen på --out</translation>
    </message>
    <message>
        <source>print preset (file name or title in resources/print_presets)</source>
        <translation>tryklayout (filnavn eller titel i resources/print_presets)</translation>
    </message>
    <message>
        <source>the project (file or PostGIS connection string) whose candidates and ledger the map shows</source>
        <translation>projektet (fil eller PostGIS-forbindelse), hvis kandidatområder og regnskab kortet viser</translation>
    </message>
    <message>
        <source>the map's title</source>
        <translation>kortets titel</translation>
    </message>
    <message>
        <source>the map's subtitle</source>
        <translation>kortets undertitel</translation>
    </message>
    <message>
        <source>map extent in EPSG:25832 metres (default: the municipality)</source>
        <translation>kortudsnit i EPSG:25832-meter (standard: kommunen)</translation>
    </message>
    <message>
        <source>map scale 1:N (default: the extent fits, rounded)</source>
        <translation>målestok 1:N (standard: så udsnittet passer, afrundet)</translation>
    </message>
    <message>
        <source>background map under a print map: skaermkort_daempet, skaermkort, ortofoto, osm or a WMTS/WMS/XYZ URL (its attribution goes in the sources)</source>
        <translation>baggrundskort under et trykkort: skaermkort_daempet, skaermkort, ortofoto, osm eller en WMTS/WMS/XYZ-adresse (dets kildeangivelse kommer med i kilderne)</translation>
    </message>
    <message>
        <source>web map popups without what each candidate does (CO2e, conflicts, flood, connectivity)</source>
        <translation>webkortets pop op-bokse uden hvad hvert område gør (CO2e, konflikter, oversvømmelse, sammenhæng)</translation>
    </message>
    <message>
        <source>the ejerlav: its code (60851) or its name, whole or in part</source>
        <translation>ejerlavet: dets kode (60851) eller navn, helt eller delvist</translation>
    </message>
    <message>
        <source>the matrikelnummer (7a, 12bø)</source>
        <translation>matrikelnummeret (7a, 12bø)</translation>
    </message>
    <message>
        <source>an address: "Vesterbro 14, 9000"</source>
        <translation>en adresse: "Vesterbro 14, 9000"</translation>
    </message>
    <message>
        <source>one line as typed in the search box: "7a, Nørre Vadum By"</source>
        <translation>én linje som i søgefeltet: "7a, Nørre Vadum By"</translation>
    </message>
    <message>
        <source>print the card as JSON</source>
        <translation>skriv kortet som JSON</translation>
    </message>
    <message>
        <source>write a one-page A4 PDF for the case file</source>
        <translation>skriv en A4-side som PDF til sagen</translation>
    </message>
    <message>
        <source>include the candidate areas of this project</source>
        <translation>medtag dette projekts kandidatområder</translation>
    </message>
    <message>
        <source>overlaps smaller than this are slivers, not protection (default 5 m²)</source>
        <translation>overlap mindre end dette er splinter, ikke beskyttelse (standard 5 m²)</translation>
    </message>
    <message>
        <source>overlaps nowhere wider than this are slivers (default 1 m)</source>
        <translation>overlap, der intetsteds er bredere end dette, er splinter (standard 1 m)</translation>
    </message>
    <message>
        <source>fetch a layer for the municipality into a GeoPackage</source>
        <translation>hent et lag for kommunen til en GeoPackage</translation>
    </message>
    <message>
        <source>fetch a project's service layers again</source>
        <translation>hent et projekts lag fra webtjenester igen</translation>
    </message>
    <message>
        <source>list the service presets</source>
        <translation>vis de forudindstillede tjenester</translation>
    </message>
    <message>
        <source>fetch for this municipality's extent (default 0851 Aalborg)</source>
        <translation>hent for denne kommunes udstrækning (standard 0851 Aalborg)</translation>
    </message>
    <message>
        <source>the role the layer plays (nature_p3, natura2000, ...)</source>
        <translation>den rolle, laget har (nature_p3, natura2000, ...)</translation>
    </message>
    <message>
        <source>WFS or OGC API – Features URL, or a preset (see `naturplan data services`)</source>
        <translation>adresse på en WFS eller OGC API – Features, eller en forudindstilling (se `naturplan data services`)</translation>
    </message>
    <message>
        <source>typename or collection id (a preset's layer for ROLE if omitted)</source>
        <translation>typename eller collection-id (forudindstillingens lag for ROLLE, hvis det udelades)</translation>
    </message>
    <message>
        <source>also record the layer in this project's layers</source>
        <translation>registrér også laget blandt dette projekts lag</translation>
    </message>
    <message>
        <source>map a served field to the role's field, e.g. nature_p3.Natyp_navn=TYPE, when the schema is not a known one; recorded with the layer, so refresh reads it the same way</source>
        <translation>tilknyt et leveret felt til rollens felt, f.eks. nature_p3.Natyp_navn=TYPE, når skemaet ikke er et kendt; gemmes med laget, så refresh læser det på samme måde</translation>
    </message>
    <message>
        <source>list the scenarios with their candidate areas</source>
        <translation>vis scenarierne med deres kandidatområder</translation>
    </message>
    <message>
        <source>make a scenario of candidate areas</source>
        <translation>opret et scenarie af kandidatområder</translation>
    </message>
    <message>
        <source>rename a scenario</source>
        <translation>omdøb et scenarie</translation>
    </message>
    <message>
        <source>add candidate areas to a scenario</source>
        <translation>føj kandidatområder til et scenarie</translation>
    </message>
    <message>
        <source>remove candidate areas from a scenario</source>
        <translation>fjern kandidatområder fra et scenarie</translation>
    </message>
    <message>
        <source>delete a scenario (its candidate areas stay)</source>
        <translation>slet et scenarie (dets kandidatområder består)</translation>
    </message>
    <message>
        <source>the scenario's name</source>
        <translation>scenariets navn</translation>
    </message>
    <message>
        <source>candidate areas: the id or its first characters</source>
        <translation>kandidatområder: id'et eller dets første tegn</translation>
    </message>
    <message>
        <source>the scenario's name now (any case)</source>
        <translation>scenariets navn nu (store eller små bogstaver)</translation>
    </message>
    <message>
        <source>the new name</source>
        <translation>det nye navn</translation>
    </message>
    <message>
        <source>the scenario (any case)</source>
        <translation>scenariet (store eller små bogstaver)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>the outline crosses itself</source>
        <translation>omridset krydser sig selv</translation>
    </message>
    <message>
        <source>too few distinct corners</source>
        <translation>for få forskellige hjørner</translation>
    </message>
    <message>
        <source>a hole lies outside the area</source>
        <translation>et hul ligger uden for området</translation>
    </message>
    <message>
        <source>two holes lie inside each other</source>
        <translation>to huller ligger inden i hinanden</translation>
    </message>
    <message>
        <source>the holes cut the area into pieces</source>
        <translation>hullerne skærer området i stykker</translation>
    </message>
    <message>
        <source>two parts lie inside each other</source>
        <translation>to dele ligger inden i hinanden</translation>
    </message>
    <message>
        <source>two rings are the same</source>
        <translation>to ringe er ens</translation>
    </message>
    <message>
        <source>a corner has an invalid coordinate</source>
        <translation>et hjørne har en ugyldig koordinat</translation>
    </message>
    <message>
        <source>the outline is not closed</source>
        <translation>omridset er ikke lukket</translation>
    </message>
    <message>
        <source>{what} at E {x}, N {y}</source>
        <translation>{what} ved Ø {x}, N {y}</translation>
    </message>
</context>
</TS>
