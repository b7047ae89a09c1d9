<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="da_DK">
<context>
    <name>DashboardDock</name>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="81" />
        <source>Protected nature</source>
        <translation>Beskyttet natur</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="93" />
        <source>of the municipality is protected nature</source>
        <translation>af kommunens areal er beskyttet natur</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="97" />
        <source>By §3 nature type</source>
        <translation>Efter §3-naturtype</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="140" />
        <source>Aalborg Kommune 17 %</source>
        <translation>Aalborg Kommune 17 %</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="141" />
        <source>Green Tripartite 20 % (2030)</source>
        <translation>Grøn trepart 20 % (2030)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="148" />
        <source>reached (+%1)</source>
        <translation>nået (+%1)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="150" />
        <source>missing %1</source>
        <translation>mangler %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="158" />
        <source>Counts as protected: %1. Share = area of the union of these layers inside the municipality ÷ the municipality's area (%2). Overlaps are counted once.</source>
        <translation>Tæller som beskyttet: %1. Andel = arealet af foreningsmængden af disse lag inden for kommunen ÷ kommunens areal (%2). Overlap tælles kun én gang.</translation>
    </message>
</context>
<context>
    <name>FieldMappingDialog</name>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="61" />
        <source>Map fields</source>
        <translation>Tilknyt felter</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="71" />
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="88" />
        <source>* required</source>
        <translation>* skal udfyldes</translation>
    </message>
</context>
<context>
    <name>IdentifyDock</name>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="81" />
        <source>Identify</source>
        <translation>Identificer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="85" />
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="85" />
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="95" />
        <source>Point (EPSG:25832)</source>
        <translation>Punkt (EPSG:25832)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="100" />
        <source>Nothing here</source>
        <translation>Intet her</translation>
    </message>
</context>
<context>
    <name>LayersDock</name>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="61" />
        <source>Layers</source>
        <translation>Lag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="72" />
        <source>Opacity</source>
        <translation>Gennemsigtighed</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="94" />
        <source>synthetic sample</source>
        <translation>syntetisk eksempel</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="130" />
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="131" />
        <location filename="../../naturplan/gui/panels.py" line="175" />
        <source>Source: %1</source>
        <translation>Kilde: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="132" />
        <source>Features: %1</source>
        <translation>Objekter: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="136" />
        <source>Synthetic sample data, not real data.</source>
        <translation>Syntetiske eksempeldata, ikke rigtige data.</translation>
    </message>
</context>
<context>
    <name>LegendDock</name>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="191" />
        <source>Legend</source>
        <translation>Signaturforklaring</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="62" />
        <source>naturplan – nature planning</source>
        <extracomment>Every edit is one command on this stack (issue 4); empty until editing lands. The project's candidate areas (issue 4), drawn in the candidates style.</extracomment>
        <translation>naturplan – naturplanlægning</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="107" />
        <source>Add layer…</source>
        <translation>Tilføj lag…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="109" />
        <source>Pan</source>
        <translation>Panorer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="112" />
        <source>Identify</source>
        <translation>Identificer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="119" />
        <source>Zoom in</source>
        <translation>Zoom ind</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="121" />
        <source>Zoom out</source>
        <translation>Zoom ud</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="123" />
        <source>Zoom to municipality</source>
        <translation>Zoom til kommunen</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="125" />
        <source>Zoom to layer</source>
        <translation>Zoom til lag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="127" />
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="129" />
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="131" />
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="135" />
        <source>Map</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="142" />
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="146" />
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="149" />
        <source>&amp;Map</source>
        <translation>&amp;Kort</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="153" />
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="164" />
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="220" />
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="228" />
        <source>Loading: %1</source>
        <translation>Indlæser: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="244" />
        <source>protected share</source>
        <translation>andel beskyttet natur</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="246" />
        <source>preparing the map</source>
        <translation>forbereder kortet</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="256" />
        <source>Loading layers…</source>
        <translation>Indlæser lag…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="268" />
        <source>%1 layers loaded</source>
        <translation>%1 lag indlæst</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="279" />
        <source>project</source>
        <translation>projekt</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="281" />
        <source>Candidate areas drawn in this project</source>
        <translation>Kandidatområder tegnet i dette projekt</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="295" />
        <source>Could not load</source>
        <translation>Kunne ikke indlæse</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="299" />
        <source>Add layer</source>
        <translation>Tilføj lag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="320" />
        <source>Loading layer…</source>
        <translation>Indlæser lag…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="348" />
        <source>Computing the protected share…</source>
        <translation>Beregner andelen af beskyttet natur…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="362" />
        <source>E %1  N %2  (EPSG:25832)</source>
        <translation>Ø %1  N %2  (EPSG:25832)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="372" />
        <source>Drawing the map…</source>
        <translation>Tegner kortet…</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="28" />
        <source>Add layer</source>
        <translation>Tilføj lag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="35" />
        <source>only if the file has none, e.g. 25832</source>
        <translation>kun hvis filen ikke har et, f.eks. 25832</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="36" />
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="37" />
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="38" />
        <source>Assume CRS (EPSG)</source>
        <translation>Antag koordinatsystem (EPSG)</translation>
    </message>
</context>
</TS>