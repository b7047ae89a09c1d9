<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The planner's desk (issue 20 items 1-5): naturplan scenarios on the command line,
     argparse's own words, the drawing tools' messages, the analysis panel's footer. Source
     texts are English with {name} placeholders (Qt widgets: %1); a message with a count is
     numerus="yes": the first form for 1, the second for others. -->
<TS version="2.1" language="en_GB">
<context>
    <name>errors</name>
    <message>
        <source>No scenario named '{name}' in the project.</source>
        <translation>No scenario named '{name}' in the project.</translation>
    </message>
    <message>
        <source>Candidate area {id} is not in scenario '{name}'.</source>
        <translation>Candidate area {id} is not in scenario '{name}'.</translation>
    </message>
</context>
<context>
    <name>cli_scenarios</name>
    <message numerus="yes">
        <source>Created scenario '{name}' with {n} candidate areas.</source>
        <translation>
            <numerusform>Created scenario '{name}' with {n} candidate area.</numerusform>
            <numerusform>Created scenario '{name}' with {n} candidate areas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed scenario '{old}' to '{new}'.</source>
        <translation>Renamed scenario '{old}' to '{new}'.</translation>
    </message>
    <message>
        <source>Scenario '{name}' already holds these areas; nothing changed.</source>
        <translation>Scenario '{name}' already holds these areas; nothing changed.</translation>
    </message>
    <message numerus="yes">
        <source>Added {n} candidate areas to scenario '{name}' (now {total}).</source>
        <translation>
            <numerusform>Added {n} candidate area to scenario '{name}' (now {total}).</numerusform>
            <numerusform>Added {n} candidate areas to scenario '{name}' (now {total}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed {n} candidate areas from scenario '{name}' (now {total}).</source>
        <translation>
            <numerusform>Removed {n} candidate area from scenario '{name}' (now {total}).</numerusform>
            <numerusform>Removed {n} candidate areas from scenario '{name}' (now {total}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted scenario '{name}' ({n} candidate areas; the areas stay).</source>
        <translation>
            <numerusform>Deleted scenario '{name}' ({n} candidate area; the area stays).</numerusform>
            <numerusform>Deleted scenario '{name}' ({n} candidate areas; the areas stay).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: {n} candidate areas, {area}</source>
        <translation>
            <numerusform>{name}: {n} candidate area, {area}</numerusform>
            <numerusform>{name}: {n} candidate areas, {area}</numerusform>
        </translation>
    </message>
    <message>
        <source>{id}  (deleted from the plan)</source>
        <translation>{id}  (deleted from the plan)</translation>
    </message>
    <message numerus="yes">
        <source>{n} scenarios in {project}</source>
        <translation>
            <numerusform>{n} scenario in {project}</numerusform>
            <numerusform>{n} scenarios in {project}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsTool</name>
    <message>
        <source>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</source>
        <translation>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</translation>
    </message>
    <message numerus="yes">
        <source>Sketch: %n points – double-click or Enter finishes, Esc drops it</source>
        <translation>
            <numerusform>Sketch: %n point – double-click or Enter finishes, Esc drops it</numerusform>
            <numerusform>Sketch: %n points – double-click or Enter finishes, Esc drops it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawPolygonTool</name>
    <message>
        <source>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</source>
        <translation>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</translation>
    </message>
    <message numerus="yes">
        <source>Sketch: %n points – double-click or Enter finishes, Esc drops it</source>
        <translation>
            <numerusform>Sketch: %n point – double-click or Enter finishes, Esc drops it</numerusform>
            <numerusform>Sketch: %n points – double-click or Enter finishes, Esc drops it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SplitTool</name>
    <message>
        <source>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</source>
        <translation>Drawing: click the next corner; double-click or Enter finishes, Esc drops the sketch.</translation>
    </message>
    <message numerus="yes">
        <source>Sketch: %n points – double-click or Enter finishes, Esc drops it</source>
        <translation>
            <numerusform>Sketch: %n point – double-click or Enter finishes, Esc drops it</numerusform>
            <numerusform>Sketch: %n points – double-click or Enter finishes, Esc drops it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sketch</name>
    <message>
        <source>The outline crosses itself</source>
        <translation>The outline crosses itself</translation>
    </message>
    <message>
        <source>The outline has too few distinct corners</source>
        <translation>The outline has too few distinct corners</translation>
    </message>
    <message>
        <source>A hole lies outside the area</source>
        <translation>A hole lies outside the area</translation>
    </message>
    <message>
        <source>Two holes lie inside each other</source>
        <translation>Two holes lie inside each other</translation>
    </message>
    <message>
        <source>The holes cut the area into pieces</source>
        <translation>The holes cut the area into pieces</translation>
    </message>
    <message>
        <source>Two parts lie inside each other</source>
        <translation>Two parts lie inside each other</translation>
    </message>
    <message>
        <source>Two rings are the same</source>
        <translation>Two rings are the same</translation>
    </message>
    <message>
        <source>A corner has an invalid coordinate</source>
        <translation>A corner has an invalid coordinate</translation>
    </message>
    <message>
        <source>The outline is not closed</source>
        <translation>The outline is not closed</translation>
    </message>
    <message>
        <source>The outline is not a valid area</source>
        <translation>The outline is not a valid area</translation>
    </message>
    <message>
        <source>%1 at E %2, N %3 (marked on the map).</source>
        <translation>%1 at E %2, N %3 (marked on the map).</translation>
    </message>
    <message>
        <source>Remove points with Backspace or press Esc to start again.</source>
        <translation>Remove points with Backspace or press Esc to start again.</translation>
    </message>
    <message>
        <source>%1 at E %2, N %3.</source>
        <translation>%1 at E %2, N %3.</translation>
    </message>
    <message>
        <source>That edit would make the area invalid: %1</source>
        <translation>That edit would make the area invalid: %1</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Factor table: %1 (%2, version %3).</source>
        <translation>Factor table: %1 (%2, version %3).</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
</context>
<context>
    <name>factor_tables</name>
    <message>
        <source>Lowland soils: SEGES/DCE emission factors, Klima-Lavbund criteria, afforestation rates</source>
        <translation>Lowland soils: SEGES/DCE emission factors, Klima-Lavbund criteria, afforestation rates</translation>
    </message>
    <message>
        <source>Drained and rewetted lowland soils: SEGES ESGT formulas and the DCE national inventory: drained, rotation: &gt;12 % organic carbon 42.17 t CO2 + 3.87 t CO2e N2O, 6-12 % 21.08 t CO2; drained, permanent grass: &gt;12 % 30.8 t CO2 + 2.44 t CO2e N2O, 6-12 % 15.4 t CO2; rewetted soil 6.8 t CO2e CH4. Check against the current national inventory before the numbers are used officially.</source>
        <translation>Drained and rewetted lowland soils: SEGES ESGT formulas and the DCE national inventory: drained, rotation: &gt;12 % organic carbon 42.17 t CO2 + 3.87 t CO2e N2O, 6-12 % 21.08 t CO2; drained, permanent grass: &gt;12 % 30.8 t CO2 + 2.44 t CO2e N2O, 6-12 % 15.4 t CO2; rewetted soil 6.8 t CO2e CH4. Check against the current national inventory before the numbers are used officially.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>naturplan project (*.gpkg)</source>
        <translation>naturplan project (*.gpkg)</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>show program's version number and exit</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>the following arguments are required: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>unrecognized arguments: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>expected one argument</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>expected at least one argument</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>expected at most one argument</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>expected %s argument</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>expected %s arguments</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>invalid %(type)s value: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>ambiguous option: %(option)s could match %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>not allowed with argument %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>one of the arguments %s is required</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>ignored explicit argument %r</translation>
    </message>
    <message>
        <source>can't open '%(filename)s': %(error)s</source>
        <translation>can't open '%(filename)s': %(error)s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>unknown parser %(parser_name)r (choices: %(choices)s)</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>Desktop GIS for municipal nature planning (Aalborg Kommune). Without a command it opens the app on the shipped sample.</source>
        <translation>Desktop GIS for municipal nature planning (Aalborg Kommune). Without a command it opens the app on the shipped sample.</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>use this file for ROLE (municipality, parcels, addresses, nature_p3, natura2000, lowland, flood, forest_zones); repeatable; replaces the sample's layers of that role</source>
        <translation>use this file for ROLE (municipality, parcels, addresses, nature_p3, natura2000, lowland, flood, forest_zones); repeatable; replaces the sample's layers of that role</translation>
    </message>
    <message>
        <source>municipality by its 4-digit code from the national DAGI file (default 0851 Aalborg)</source>
        <translation>municipality by its 4-digit code from the national DAGI file (default 0851 Aalborg)</translation>
    </message>
    <message>
        <source>CRS of --layer files that declare none (never overrides a declared CRS)</source>
        <translation>CRS of --layer files that declare none (never overrides a declared CRS)</translation>
    </message>
    <message>
        <source>map a source field to a role's field, e.g. nature_p3.Natyp_navn=TYPE; repeatable</source>
        <translation>map a source field to a role's field, e.g. nature_p3.Natyp_navn=TYPE; repeatable</translation>
    </message>
    <message>
        <source>scale of the synthetic Aalborg sample (1 = ~100,000 parcels; default: $NATURPLAN_SAMPLE_SCALE or 1)</source>
        <translation>scale of the synthetic Aalborg sample (1 = ~100,000 parcels; default: $NATURPLAN_SAMPLE_SCALE or 1)</translation>
    </message>
    <message>
        <source>open real data only</source>
        <translation>open real data only</translation>
    </message>
    <message>
        <source>comma-separated roles that count as protected (default nature_p3)</source>
        <translation>comma-separated roles that count as protected (default nature_p3)</translation>
    </message>
    <message>
        <source>language (default da)</source>
        <translation>language (default da)</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>show program's version number and exit</translation>
    </message>
    <message>
        <source>open the main window, save it to PNG and exit</source>
        <translation>open the main window, save it to PNG and exit</translation>
    </message>
    <message>
        <source>open this project: a file P.gpkg, or a team project in PostGIS (postgresql://host/db or service=NAME)</source>
        <translation>open this project: a file P.gpkg, or a team project in PostGIS (postgresql://host/db or service=NAME)</translation>
    </message>
    <message>
        <source>background map: skaermkort_daempet, skaermkort, ortofoto, osm, none, or a WMTS/WMS/XYZ URL</source>
        <translation>background map: skaermkort_daempet, skaermkort, ortofoto, osm, none, or a WMTS/WMS/XYZ URL</translation>
    </message>
    <message>
        <source>protected share and the gap to targets</source>
        <translation>protected share and the gap to targets</translation>
    </message>
    <message>
        <source>import, list and edit candidate areas</source>
        <translation>import, list and edit candidate areas</translation>
    </message>
    <message>
        <source>copy a project between a file and PostGIS</source>
        <translation>copy a project between a file and PostGIS</translation>
    </message>
    <message>
        <source>export a print map (pdf, png) or a self-contained web map (html)</source>
        <translation>export a print map (pdf, png) or a self-contained web map (html)</translation>
    </message>
    <message>
        <source>everything that applies to one parcel (by ejerlav and matrikelnummer, or address)</source>
        <translation>everything that applies to one parcel (by ejerlav and matrikelnummer, or address)</translation>
    </message>
    <message>
        <source>every parcel's status to a CSV or GeoPackage file, one row per parcel</source>
        <translation>every parcel's status to a CSV or GeoPackage file, one row per parcel</translation>
    </message>
    <message>
        <source>layers from web services (WFS, OGC API)</source>
        <translation>layers from web services (WFS, OGC API)</translation>
    </message>
    <message>
        <source>list, make and edit the project's scenarios (named sets of candidate areas)</source>
        <translation>list, make and edit the project's scenarios (named sets of candidate areas)</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>print JSON</translation>
    </message>
    <message>
        <source>add the project's candidates (projected share)</source>
        <translation>add the project's candidates (projected share)</translation>
    </message>
    <message>
        <source>with --project --json: also measure the habitat network now and projected (seconds at municipal scale)</source>
        <translation>with --project --json: also measure the habitat network now and projected (seconds at municipal scale)</translation>
    </message>
    <message>
        <source>import candidate areas from a vector file</source>
        <translation>import candidate areas from a vector file</translation>
    </message>
    <message>
        <source>list the candidate areas of a project</source>
        <translation>list the candidate areas of a project</translation>
    </message>
    <message>
        <source>change a candidate area's status, name, note or kind</source>
        <translation>change a candidate area's status, name, note or kind</translation>
    </message>
    <message>
        <source>delete a candidate area</source>
        <translation>delete a candidate area</translation>
    </message>
    <message>
        <source>export the candidate table (xlsx, csv, gpkg, shp, geojson)</source>
        <translation>export the candidate table (xlsx, csv, gpkg, shp, geojson)</translation>
    </message>
    <message>
        <source>the project file or PostGIS connection string (created if it does not exist) (a .gpkg file or a PostGIS connection string)</source>
        <translation>the project file or PostGIS connection string (created if it does not exist) (a .gpkg file or a PostGIS connection string)</translation>
    </message>
    <message>
        <source>vector file with the candidate polygons (any format GDAL reads)</source>
        <translation>vector file with the candidate polygons (any format GDAL reads)</translation>
    </message>
    <message>
        <source>field with the names (default: the first of name, navn, Name, Navn, …)</source>
        <translation>field with the names (default: the first of name, navn, Name, Navn, …)</translation>
    </message>
    <message>
        <source>import the good features when some are broken (default: refuse)</source>
        <translation>import the good features when some are broken (default: refuse)</translation>
    </message>
    <message>
        <source>import invalid polygons repaired with make_valid (reported)</source>
        <translation>import invalid polygons repaired with make_valid (reported)</translation>
    </message>
    <message>
        <source>import features already in the plan (same name and geometry) again</source>
        <translation>import features already in the plan (same name and geometry) again</translation>
    </message>
    <message>
        <source>list every area that reaches outside the municipality</source>
        <translation>list every area that reaches outside the municipality</translation>
    </message>
    <message>
        <source>name for the audit trail (default: login name)</source>
        <translation>name for the audit trail (default: login name)</translation>
    </message>
    <message>
        <source>the project (a .gpkg file or a PostGIS connection string)</source>
        <translation>the project (a .gpkg file or a PostGIS connection string)</translation>
    </message>
    <message>
        <source>order: oldest first, or by the firefighter's rule (protect, restore, create)</source>
        <translation>order: oldest first, or by the firefighter's rule (protect, restore, create)</translation>
    </message>
    <message>
        <source>--json without the analysis numbers (no layers are read)</source>
        <translation>--json without the analysis numbers (no layers are read)</translation>
    </message>
    <message>
        <source>the id, or its first characters (list shows 8)</source>
        <translation>the id, or its first characters (list shows 8)</translation>
    </message>
    <message>
        <source>the area counts toward the target</source>
        <translation>the area counts toward the target</translation>
    </message>
    <message>
        <source>the area does not count toward the target</source>
        <translation>the area does not count toward the target</translation>
    </message>
    <message>
        <source>the id, or its first characters</source>
        <translation>the id, or its first characters</translation>
    </message>
    <message>
        <source>the project file, or a PostGIS connection string</source>
        <translation>the project file, or a PostGIS connection string</translation>
    </message>
    <message>
        <source>FILE.xlsx, .csv, .gpkg, .shp or .geojson</source>
        <translation>FILE.xlsx, .csv, .gpkg, .shp or .geojson</translation>
    </message>
    <message>
        <source>only the plan's columns, without what each candidate does (CO2e, Klima-Lavbund, conflicts, flood, connectivity)</source>
        <translation>only the plan's columns, without what each candidate does (CO2e, Klima-Lavbund, conflicts, flood, connectivity)</translation>
    </message>
    <message>
        <source>copy a plan (candidates, scenarios, audit trail, settings) to a file or a database</source>
        <translation>copy a plan (candidates, scenarios, audit trail, settings) to a file or a database</translation>
    </message>
    <message>
        <source>what a project holds</source>
        <translation>what a project holds</translation>
    </message>
    <message>
        <source>P.gpkg, postgresql://host/db or service=NAME</source>
        <translation>P.gpkg, postgresql://host/db or service=NAME</translation>
    </message>
    <message>
        <source>replace a destination that already holds a plan</source>
        <translation>replace a destination that already holds a plan</translation>
    </message>
    <message>
        <source>default: the suffix of --out</source>
        <translation>default: the suffix of --out</translation>
    </message>
    <message>
        <source>print preset (file name or title in resources/print_presets)</source>
        <translation>print preset (file name or title in resources/print_presets)</translation>
    </message>
    <message>
        <source>the project (file or PostGIS connection string) whose candidates and ledger the map shows</source>
        <translation>the project (file or PostGIS connection string) whose candidates and ledger the map shows</translation>
    </message>
    <message>
        <source>the map's title</source>
        <translation>the map's title</translation>
    </message>
    <message>
        <source>the map's subtitle</source>
        <translation>the map's subtitle</translation>
    </message>
    <message>
        <source>map extent in EPSG:25832 metres (default: the municipality)</source>
        <translation>map extent in EPSG:25832 metres (default: the municipality)</translation>
    </message>
    <message>
        <source>map scale 1:N (default: the extent fits, rounded)</source>
        <translation>map scale 1:N (default: the extent fits, rounded)</translation>
    </message>
    <message>
        <source>background map under a print map: skaermkort_daempet, skaermkort, ortofoto, osm or a WMTS/WMS/XYZ URL (its attribution goes in the sources)</source>
        <translation>background map under a print map: skaermkort_daempet, skaermkort, ortofoto, osm or a WMTS/WMS/XYZ URL (its attribution goes in the sources)</translation>
    </message>
    <message>
        <source>web map popups without what each candidate does (CO2e, conflicts, flood, connectivity)</source>
        <translation>web map popups without what each candidate does (CO2e, conflicts, flood, connectivity)</translation>
    </message>
    <message>
        <source>the ejerlav: its code (60851) or its name, whole or in part</source>
        <translation>the ejerlav: its code (60851) or its name, whole or in part</translation>
    </message>
    <message>
        <source>the matrikelnummer (7a, 12bø)</source>
        <translation>the matrikelnummer (7a, 12bø)</translation>
    </message>
    <message>
        <source>an address: "Vesterbro 14, 9000"</source>
        <translation>an address: "Vesterbro 14, 9000"</translation>
    </message>
    <message>
        <source>one line as typed in the search box: "7a, Nørre Vadum By"</source>
        <translation>one line as typed in the search box: "7a, Nørre Vadum By"</translation>
    </message>
    <message>
        <source>print the card as JSON</source>
        <translation>print the card as JSON</translation>
    </message>
    <message>
        <source>write a one-page A4 PDF for the case file</source>
        <translation>write a one-page A4 PDF for the case file</translation>
    </message>
    <message>
        <source>include the candidate areas of this project</source>
        <translation>include the candidate areas of this project</translation>
    </message>
    <message>
        <source>overlaps smaller than this are slivers, not protection (default 5 m²)</source>
        <translation>overlaps smaller than this are slivers, not protection (default 5 m²)</translation>
    </message>
    <message>
        <source>overlaps nowhere wider than this are slivers (default 1 m)</source>
        <translation>overlaps nowhere wider than this are slivers (default 1 m)</translation>
    </message>
    <message>
        <source>fetch a layer for the municipality into a GeoPackage</source>
        <translation>fetch a layer for the municipality into a GeoPackage</translation>
    </message>
    <message>
        <source>fetch a project's service layers again</source>
        <translation>fetch a project's service layers again</translation>
    </message>
    <message>
        <source>list the service presets</source>
        <translation>list the service presets</translation>
    </message>
    <message>
        <source>fetch for this municipality's extent (default 0851 Aalborg)</source>
        <translation>fetch for this municipality's extent (default 0851 Aalborg)</translation>
    </message>
    <message>
        <source>the role the layer plays (nature_p3, natura2000, ...)</source>
        <translation>the role the layer plays (nature_p3, natura2000, ...)</translation>
    </message>
    <message>
        <source>WFS or OGC API – Features URL, or a preset (see `naturplan data services`)</source>
        <translation>WFS or OGC API – Features URL, or a preset (see `naturplan data services`)</translation>
    </message>
    <message>
        <source>typename or collection id (a preset's layer for ROLE if omitted)</source>
        <translation>typename or collection id (a preset's layer for ROLE if omitted)</translation>
    </message>
    <message>
        <source>also record the layer in this project's layers</source>
        <translation>also record the layer in this project's layers</translation>
    </message>
    <message>
        <source>map a served field to the role's field, e.g. nature_p3.Natyp_navn=TYPE, when the schema is not a known one; recorded with the layer, so refresh reads it the same way</source>
        <translation>map a served field to the role's field, e.g. nature_p3.Natyp_navn=TYPE, when the schema is not a known one; recorded with the layer, so refresh reads it the same way</translation>
    </message>
    <message>
        <source>list the scenarios with their candidate areas</source>
        <translation>list the scenarios with their candidate areas</translation>
    </message>
    <message>
        <source>make a scenario of candidate areas</source>
        <translation>make a scenario of candidate areas</translation>
    </message>
    <message>
        <source>rename a scenario</source>
        <translation>rename a scenario</translation>
    </message>
    <message>
        <source>add candidate areas to a scenario</source>
        <translation>add candidate areas to a scenario</translation>
    </message>
    <message>
        <source>remove candidate areas from a scenario</source>
        <translation>remove candidate areas from a scenario</translation>
    </message>
    <message>
        <source>delete a scenario (its candidate areas stay)</source>
        <translation>delete a scenario (its candidate areas stay)</translation>
    </message>
    <message>
        <source>the scenario's name</source>
        <translation>the scenario's name</translation>
    </message>
    <message>
        <source>candidate areas: the id or its first characters</source>
        <translation>candidate areas: the id or its first characters</translation>
    </message>
    <message>
        <source>the scenario's name now (any case)</source>
        <translation>the scenario's name now (any case)</translation>
    </message>
    <message>
        <source>the new name</source>
        <translation>the new name</translation>
    </message>
    <message>
        <source>the scenario (any case)</source>
        <translation>the scenario (any case)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>the outline crosses itself</source>
        <translation>the outline crosses itself</translation>
    </message>
    <message>
        <source>too few distinct corners</source>
        <translation>too few distinct corners</translation>
    </message>
    <message>
        <source>a hole lies outside the area</source>
        <translation>a hole lies outside the area</translation>
    </message>
    <message>
        <source>two holes lie inside each other</source>
        <translation>two holes lie inside each other</translation>
    </message>
    <message>
        <source>the holes cut the area into pieces</source>
        <translation>the holes cut the area into pieces</translation>
    </message>
    <message>
        <source>two parts lie inside each other</source>
        <translation>two parts lie inside each other</translation>
    </message>
    <message>
        <source>two rings are the same</source>
        <translation>two rings are the same</translation>
    </message>
    <message>
        <source>a corner has an invalid coordinate</source>
        <translation>a corner has an invalid coordinate</translation>
    </message>
    <message>
        <source>the outline is not closed</source>
        <translation>the outline is not closed</translation>
    </message>
    <message>
        <source>{what} at E {x}, N {y}</source>
        <translation>{what} at E {x}, N {y}</translation>
    </message>
</context>
</TS>
