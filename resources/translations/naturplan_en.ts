<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>DashboardDock</name>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="81" />
        <source>Protected nature</source>
        <translation>Protected nature</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="93" />
        <source>of the municipality is protected nature</source>
        <translation>of the municipality is protected nature</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="97" />
        <source>By §3 nature type</source>
        <translation>By §3 nature type</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="140" />
        <source>Aalborg Kommune 17 %</source>
        <translation>Aalborg Kommune 17 %</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="141" />
        <source>Green Tripartite 20 % (2030)</source>
        <translation>Green Tripartite 20 % (2030)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="148" />
        <source>reached (+%1)</source>
        <translation>reached (+%1)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="150" />
        <source>missing %1</source>
        <translation>missing %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="158" />
        <source>Counts as protected: %1. Share = area of the union of these layers inside the municipality ÷ the municipality's area (%2). Overlaps are counted once.</source>
        <translation>Counts as protected: %1. Share = area of the union of these layers inside the municipality ÷ the municipality's area (%2). Overlaps are counted once.</translation>
    </message>
</context>
<context>
    <name>FieldMappingDialog</name>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="61" />
        <source>Map fields</source>
        <translation>Map fields</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="71" />
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="88" />
        <source>* required</source>
        <translation>* required</translation>
    </message>
</context>
<context>
    <name>IdentifyDock</name>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="81" />
        <source>Identify</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="85" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="85" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="95" />
        <source>Point (EPSG:25832)</source>
        <translation>Point (EPSG:25832)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="100" />
        <source>Nothing here</source>
        <translation>Nothing here</translation>
    </message>
</context>
<context>
    <name>LayersDock</name>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="61" />
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="72" />
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="94" />
        <source>synthetic sample</source>
        <translation>synthetic sample</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="130" />
        <source>Role: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="131" />
        <location filename="../../naturplan/gui/panels.py" line="175" />
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="132" />
        <source>Features: %1</source>
        <translation>Features: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="136" />
        <source>Synthetic sample data, not real data.</source>
        <translation>Synthetic sample data, not real data.</translation>
    </message>
</context>
<context>
    <name>LegendDock</name>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="191" />
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="62" />
        <source>naturplan – nature planning</source>
        <extracomment>Every edit is one command on this stack (issue 4); empty until editing lands. The project's candidate areas (issue 4), drawn in the candidates style.</extracomment>
        <translation>naturplan – nature planning</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="107" />
        <source>Add layer…</source>
        <translation>Add layer…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="109" />
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="112" />
        <source>Identify</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="119" />
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="121" />
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="123" />
        <source>Zoom to municipality</source>
        <translation>Zoom to municipality</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="125" />
        <source>Zoom to layer</source>
        <translation>Zoom to layer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="127" />
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="129" />
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="131" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="135" />
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="142" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="146" />
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="149" />
        <source>&amp;Map</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="153" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="164" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="220" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="228" />
        <source>Loading: %1</source>
        <translation>Loading: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="244" />
        <source>protected share</source>
        <translation>protected share</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="246" />
        <source>preparing the map</source>
        <translation>preparing the map</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="256" />
        <source>Loading layers…</source>
        <translation>Loading layers…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="268" />
        <source>%1 layers loaded</source>
        <translation>%1 layers loaded</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="279" />
        <source>project</source>
        <translation>project</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="281" />
        <source>Candidate areas drawn in this project</source>
        <translation>Candidate areas drawn in this project</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="295" />
        <source>Could not load</source>
        <translation>Could not load</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="299" />
        <source>Add layer</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="320" />
        <source>Loading layer…</source>
        <translation>Loading layer…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="348" />
        <source>Computing the protected share…</source>
        <translation>Computing the protected share…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="362" />
        <source>E %1  N %2  (EPSG:25832)</source>
        <translation>E %1  N %2  (EPSG:25832)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="372" />
        <source>Drawing the map…</source>
        <translation>Drawing the map…</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="28" />
        <source>Add layer</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="35" />
        <source>only if the file has none, e.g. 25832</source>
        <translation>only if the file has none, e.g. 25832</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="36" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="37" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="38" />
        <source>Assume CRS (EPSG)</source>
        <translation>Assume CRS (EPSG)</translation>
    </message>
</context>
</TS>