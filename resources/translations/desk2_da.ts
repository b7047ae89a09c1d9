<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The planner's desk, QGIS habits (issue 20 items 6-10): the layer context menu and
     attribute table, the measuring tools, the grouped layer list and the plan's totals on
     the dashboard. Qt contexts = class names; source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>MeasureTool</name>
    <message>
        <source>Distance: %1</source>
        <translation>Afstand: %1</translation>
    </message>
    <message>
        <source>Area: %1 (perimeter %2)</source>
        <translation>Areal: %1 (omkreds %2)</translation>
    </message>
    <message>
        <source>Measure distance</source>
        <translation>Mål afstand</translation>
    </message>
    <message>
        <source>Measure area</source>
        <translation>Mål areal</translation>
    </message>
    <message>
        <source>click points (snapping as when drawing); double-click, right-click or Enter finishes; Backspace removes the last point; Esc clears</source>
        <translation>klik punkter (fastgørelse som ved tegning); dobbeltklik, højreklik eller Enter afslutter; Backspace fjerner det sidste punkt; Esc rydder</translation>
    </message>
</context>
<context>
    <name>LayersDock</name>
    <message>
        <source>Planning</source>
        <translation>Planlægning</translation>
    </message>
    <message>
        <source>Cadastre and addresses</source>
        <translation>Matrikel og adresser</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Natur</translation>
    </message>
    <message>
        <source>Climate, forest and water</source>
        <translation>Klima, skov og vand</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Baggrundskort</translation>
    </message>
</context>
<context>
    <name>LayerMenu</name>
    <message>
        <source>Zoom to layer</source>
        <translation>Zoom til lag</translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation>Åbn attributtabel</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farve…</translation>
    </message>
    <message>
        <source>The colours of this layer follow its legend.</source>
        <translation>Lagets farver følger dets signaturforklaring.</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Gennemsigtighed</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Fjern lag</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Farve for %1</translation>
    </message>
</context>
<context>
    <name>AttributeTableDock</name>
    <message>
        <source>Attribute table</source>
        <translation>Attributtabel</translation>
    </message>
    <message>
        <source>Filter: text in any column…</source>
        <translation>Filtrér: tekst i en vilkårlig kolonne…</translation>
    </message>
    <message>
        <source>Zoom to selected</source>
        <translation>Zoom til markerede</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Ryd markering</translation>
    </message>
    <message>
        <source>Attribute table – %1</source>
        <translation>Attributtabel – %1</translation>
    </message>
    <message>
        <source>%1 of %2 features, %3 selected</source>
        <translation>%1 af %2 objekter, %3 markeret</translation>
    </message>
</context>
<context>
    <name>PlanTotalsWidget</name>
    <message>
        <source>The plan's climate and conflicts</source>
        <translation>Planens klima og konflikter</translation>
    </message>
    <message>
        <source>Every candidate area that is not rejected, overlaps counted once; conflicts of the afforestation areas.</source>
        <translation>Alle kandidatområder, der ikke er afvist, overlap talt én gang; konflikter for skovrejsningsområderne.</translation>
    </message>
    <message>
        <source>Not measured yet.</source>
        <translation>Ikke målt endnu.</translation>
    </message>
    <message>
        <source>%1 t/yr</source>
        <translation>%1 t/år</translation>
    </message>
    <message>
        <source>CO2e reduction (lowland)</source>
        <translation>CO2e-reduktion (lavbund)</translation>
    </message>
    <message>
        <source>Sequestration (afforestation)</source>
        <translation>Binding (skovrejsning)</translation>
    </message>
    <message>
        <source>Conflicts in all</source>
        <translation>Konflikter i alt</translation>
    </message>
    <message>
        <source>without: %1</source>
        <translation>uden: %1</translation>
    </message>
    <message>
        <source>lowland</source>
        <translation>lavbund</translation>
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
        <source>afforestation zones</source>
        <translation>skovrejsningszoner</translation>
    </message>
    <message>
        <source>flood</source>
        <translation>oversvømmelse</translation>
    </message>
    <message>
        <source>no lowland layer loaded</source>
        <translation>intet lavbundslag indlæst</translation>
    </message>
    <message>
        <source>no §3 layer loaded</source>
        <translation>intet §3-lag indlæst</translation>
    </message>
    <message>
        <source>no Natura 2000 layer loaded</source>
        <translation>intet Natura 2000-lag indlæst</translation>
    </message>
    <message>
        <source>no afforestation zones loaded</source>
        <translation>ingen skovrejsningszoner indlæst</translation>
    </message>
    <message>
        <source>no flood layer loaded</source>
        <translation>intet oversvømmelseslag indlæst</translation>
    </message>
    <message>
        <source>on §3 nature</source>
        <translation>på §3-natur</translation>
    </message>
    <message>
        <source>in Natura 2000</source>
        <translation>i Natura 2000</translation>
    </message>
    <message>
        <source>on organic lowland soil</source>
        <translation>på organisk lavbundsjord</translation>
    </message>
    <message>
        <source>in unwanted-forest zones</source>
        <translation>i zoner for uønsket skov</translation>
    </message>
    <message>
        <source>in the flood zone</source>
        <translation>i oversvømmelseszonen</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Middle mouse button, or Space held + drag</source>
        <translation>Midterste museknap, eller mellemrum holdt nede + træk</translation>
    </message>
    <message>
        <source>Pan the map in any tool (a shape being drawn is kept)</source>
        <translation>Flyt kortet i ethvert værktøj (en figur under tegning bevares)</translation>
    </message>
</context>
</TS>
