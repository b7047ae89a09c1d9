<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CandidateTableDock</name>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="238"/>
        <source>Candidate areas</source>
        <translation>Candidate areas</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="137"/>
        <source>Name</source>
        <extracomment>True while rows are inserted/removed (the view&apos;s selection moves by itself then).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="137"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="137"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="138"/>
        <source>Counts</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="138"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="139"/>
        <source>New nature</source>
        <translation>New nature</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="139"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="140"/>
        <source>Modified</source>
        <translation>Modified</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="140"/>
        <source>Author</source>
        <translation>Author</translation>
    </message>
</context>
<context>
    <name>DashboardDock</name>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="90"/>
        <source>Protected nature</source>
        <extracomment>The projected share with the counting candidates (None: no ledger yet).</extracomment>
        <translation>Protected nature</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="102"/>
        <source>of the municipality is protected nature</source>
        <translation>of the municipality is protected nature</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="106"/>
        <source>By §3 nature type</source>
        <translation>By §3 nature type</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="153"/>
        <source>Aalborg Kommune 17 %</source>
        <translation>Aalborg Kommune 17 %</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="154"/>
        <source>Green Tripartite 20 % (2030)</source>
        <translation>Green Tripartite 20 % (2030)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="161"/>
        <source>reached (+%1)</source>
        <translation>reached (+%1)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="163"/>
        <source>missing %1</source>
        <translation>missing %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="171"/>
        <source>Counts as protected: %1. Share = area of the union of these layers inside the municipality ÷ the municipality&apos;s area (%2). Overlaps are counted once.</source>
        <translation>Counts as protected: %1. Share = area of the union of these layers inside the municipality ÷ the municipality&apos;s area (%2). Overlaps are counted once.</translation>
    </message>
    <message>
        <source>synthetic sample</source>
        <translation>synthetic sample</translation>
    </message>
    <message>
        <source>The share is computed from generated sample data, not from real data.</source>
        <translation>The share is computed from generated sample data, not from real data.</translation>
    </message>
</context>
<context>
    <name>DrawPolygonTool</name>
    <message>
        <location filename="../../naturplan/gui/editing/edit_tools.py" line="195"/>
        <source>The area is not valid</source>
        <extracomment>Snapping reach in screen pixels. A click this close (pixels) to the previous vertex adds nothing (double-click echoes).</extracomment>
        <translation>The area is not valid</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/edit_tools.py" line="196"/>
        <source>The outline crosses itself (%1). Remove points with Backspace or press Esc to start again.</source>
        <translation>The outline crosses itself (%1). Remove points with Backspace or press Esc to start again.</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="86"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="89"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="93"/>
        <source>Select</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="94"/>
        <source>click an area; Shift-click adds to the selection</source>
        <translation>click an area; Shift-click adds to the selection</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="96"/>
        <source>Draw candidate area</source>
        <translation>Draw candidate area</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="97"/>
        <source>click the corners; double-click or Enter finishes, Backspace removes the last point, Esc cancels</source>
        <translation>click the corners; double-click or Enter finishes, Backspace removes the last point, Esc cancels</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="100"/>
        <source>Edit vertices</source>
        <translation>Edit vertices</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="101"/>
        <source>drag a vertex; double-click an edge adds one; right-click removes one</source>
        <translation>drag a vertex; double-click an edge adds one; right-click removes one</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="103"/>
        <source>Move area</source>
        <translation>Move area</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="103"/>
        <source>drag an area</source>
        <translation>drag an area</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="105"/>
        <source>Split by line</source>
        <translation>Split by line</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="106"/>
        <source>draw a line across the area; double-click or Enter finishes</source>
        <translation>draw a line across the area; double-click or Enter finishes</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="107"/>
        <source>Delete area</source>
        <translation>Delete area</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="109"/>
        <source>Merge two areas</source>
        <translation>Merge two areas</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="110"/>
        <source>select two areas first</source>
        <translation>select two areas first</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="111"/>
        <source>Snapping</source>
        <translation>Snapping</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="112"/>
        <source>snap to parcels, §3 nature and other areas</source>
        <translation>snap to parcels, §3 nature and other areas</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="114"/>
        <source>Trace boundaries</source>
        <translation>Trace boundaries</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="116"/>
        <source>two clicks on one parcel or §3 boundary follow it (or hold Shift while clicking)</source>
        <translation>two clicks on one parcel or §3 boundary follow it (or hold Shift while clicking)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="118"/>
        <source>Avoid overlap</source>
        <translation>Avoid overlap</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="120"/>
        <source>clip a new area against the existing ones</source>
        <translation>clip a new area against the existing ones</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="123"/>
        <source>Kind of the next area drawn</source>
        <translation>Kind of the next area drawn</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="128"/>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="130"/>
        <source>Open project…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="132"/>
        <source>Import candidate areas…</source>
        <translation>Import candidate areas…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="134"/>
        <source>Save project as…</source>
        <translation>Save project as…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="137"/>
        <source>Editing</source>
        <translation>Editing</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="154"/>
        <source>Undo history</source>
        <translation>Undo history</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="157"/>
        <source>&lt;project opened&gt;</source>
        <translation>&lt;project opened&gt;</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="172"/>
        <source>Recent projects</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="188"/>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="188"/>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="189"/>
        <source>Snapping %1</source>
        <translation>Snapping %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="221"/>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="227"/>
        <source>Save project as</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="236"/>
        <location filename="../../naturplan/gui/editing/actions.py" line="260"/>
        <source>Import candidate areas</source>
        <translation>Import candidate areas</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="254"/>
        <location filename="../../naturplan/gui/editing/actions.py" line="266"/>
        <source>Could not import</source>
        <translation>Could not import</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="287"/>
        <source>naturplan – nature planning</source>
        <translation>naturplan – nature planning</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="291"/>
        <source>%1 (not saved under a name yet)</source>
        <translation>%1 (not saved under a name yet)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="293"/>
        <source>%1 – %2 edits, all saved – naturplan</source>
        <translation>%1 – %2 edits, all saved – naturplan</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="294"/>
        <source>%1 – 1 edit, saved – naturplan</source>
        <translation>%1 – 1 edit, saved – naturplan</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="305"/>
        <source>Candidate areas drawn in this project</source>
        <translation>Candidate areas drawn in this project</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="132"/>
        <source>Could not open the project</source>
        <translation>Could not open the project</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="150"/>
        <source>Could not create the project</source>
        <translation>Could not create the project</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="151"/>
        <source>%1 exists already.</source>
        <translation>%1 exists already.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="172"/>
        <source>Could not save the project</source>
        <translation>Could not save the project</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="329"/>
        <source>Could not: %1</source>
        <translation>Could not: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="337"/>
        <source>Could not undo or redo: %1</source>
        <translation>Could not undo or redo: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="339"/>
        <source>The project was re-read from the file and the undo history cleared.</source>
        <translation>The project was re-read from the file and the undo history cleared.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="367"/>
        <source>add %1</source>
        <translation>add %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="369"/>
        <source>Draw %1</source>
        <translation>Draw %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="384"/>
        <source>Avoid overlap removed %1 from the new area: %2</source>
        <translation>Avoid overlap removed %1 from the new area: %2</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="403"/>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="404"/>
        <source>Delete %1 areas</source>
        <translation>Delete %1 areas</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="420"/>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="426"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="426"/>
        <source>Select exactly two candidate areas.</source>
        <translation>Select exactly two candidate areas.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="429"/>
        <source>Merge %1 and %2</source>
        <translation>Merge %1 and %2</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="440"/>
        <source>Split %1</source>
        <translation>Split %1</translation>
    </message>
</context>
<context>
    <name>FieldMappingDialog</name>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="61"/>
        <source>Map fields</source>
        <translation>Map fields</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="71"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="88"/>
        <source>* required</source>
        <translation>* required</translation>
    </message>
</context>
<context>
    <name>IdentifyDock</name>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="88"/>
        <source>Identify</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="92"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="81"/>
        <location filename="../../naturplan/gui/identify.py" line="92"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="102"/>
        <source>Point (EPSG:25832)</source>
        <translation>Point (EPSG:25832)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="107"/>
        <source>Nothing here</source>
        <translation>Nothing here</translation>
    </message>
    <message>
        <source>Area (calculated from the map)</source>
        <translation>Area (calculated from the map)</translation>
    </message>
</context>
<context>
    <name>LayersDock</name>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="61"/>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="72"/>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="94"/>
        <source>synthetic sample</source>
        <translation>synthetic sample</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="130"/>
        <source>Role: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="131"/>
        <location filename="../../naturplan/gui/panels.py" line="175"/>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="132"/>
        <source>Features: %1</source>
        <translation>Features: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="136"/>
        <source>Synthetic sample data, not real data.</source>
        <translation>Synthetic sample data, not real data.</translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="27"/>
        <source>With the candidate areas</source>
        <translation>With the candidate areas</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="28"/>
        <source>Gap to target: hectares of protected nature missing to reach it, now and with the counting areas.</source>
        <translation>Gap to target: hectares of protected nature missing to reach it, now and with the counting areas.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="65"/>
        <source>%1 projected</source>
        <translation>%1 projected</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="68"/>
        <source>%1 counting areas add %2 of new nature (now %3). Overlaps with protected nature and between areas are counted once.</source>
        <translation>%1 counting areas add %2 of new nature (now %3). Overlaps with protected nature and between areas are counted once.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="73"/>
        <source>Gap to target</source>
        <translation>Gap to target</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="73"/>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="73"/>
        <source>projected</source>
        <translation>projected</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="76"/>
        <source>17 % (Aalborg)</source>
        <translation>17 % (Aalborg)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="77"/>
        <source>20 % (Grøn trepart)</source>
        <translation>20 % (Grøn trepart)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="82"/>
        <source>reached</source>
        <translation>reached</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="86"/>
        <source>New nature by kind</source>
        <translation>New nature by kind</translation>
    </message>
</context>
<context>
    <name>LegendDock</name>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="191"/>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="63"/>
        <source>naturplan – nature planning</source>
        <extracomment>Every edit is one command on this stack (issue 4, see gui/edit_actions.py). The project&apos;s candidate areas (issue 4), drawn in the candidates style.</extracomment>
        <translation>naturplan – nature planning</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="110"/>
        <source>Add layer…</source>
        <translation>Add layer…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="112"/>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="115"/>
        <source>Identify</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="123"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="125"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="127"/>
        <source>Zoom to municipality</source>
        <translation>Zoom to municipality</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="129"/>
        <source>Zoom to layer</source>
        <translation>Zoom to layer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="131"/>
        <source>Remove layer</source>
        <translation>Remove layer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="133"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="137"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="144"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="149"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="150"/>
        <source>&amp;Map</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="154"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="165"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="223"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="231"/>
        <source>Loading: %1</source>
        <translation>Loading: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="247"/>
        <source>protected share</source>
        <translation>protected share</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="249"/>
        <source>preparing the map</source>
        <translation>preparing the map</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="259"/>
        <source>Loading layers…</source>
        <translation>Loading layers…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="274"/>
        <source>%1 layers loaded</source>
        <translation>%1 layers loaded</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="287"/>
        <source>Could not load</source>
        <translation>Could not load</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="291"/>
        <source>Add layer</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="312"/>
        <source>Loading layer…</source>
        <translation>Loading layer…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="347"/>
        <source>The municipality and the candidate areas cannot be removed.</source>
        <translation>The municipality and the candidate areas cannot be removed.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="366"/>
        <source>Computing the protected share…</source>
        <translation>Computing the protected share…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="380"/>
        <source>E %1  N %2  (EPSG:25832)</source>
        <translation>E %1  N %2  (EPSG:25832)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="390"/>
        <source>Drawing the map…</source>
        <translation>Drawing the map…</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Scale bar</translation>
    </message>
    <message>
        <source>North arrow</source>
        <translation>North arrow</translation>
    </message>
    <message>
        <source>The map could not be drawn: %1</source>
        <translation>The map could not be drawn: %1</translation>
    </message>
    <message>
        <source>Layer %1 could not be drawn: %2</source>
        <translation>Layer %1 could not be drawn: %2</translation>
    </message>
    <message>
        <source>Synthetic sample – not real data</source>
        <translation>Synthetic sample – not real data</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>MoveTool</name>
    <message>
        <location filename="../../naturplan/gui/editing/select_tools.py" line="132"/>
        <source>Move %1</source>
        <extracomment>How close (pixels) a click must be to a candidate&apos;s outline to pick it.</extracomment>
        <translation>Move %1</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="28"/>
        <source>Add layer</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="35"/>
        <source>only if the file has none, e.g. 25832</source>
        <translation>only if the file has none, e.g. 25832</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="36"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="37"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="38"/>
        <source>Assume CRS (EPSG)</source>
        <translation>Assume CRS (EPSG)</translation>
    </message>
</context>
<context>
    <name>SplitTool</name>
    <message>
        <location filename="../../naturplan/gui/editing/edit_tools.py" line="217"/>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/edit_tools.py" line="218"/>
        <source>Draw the line across exactly one candidate area (or select the one to split).</source>
        <translation>Draw the line across exactly one candidate area (or select the one to split).</translation>
    </message>
</context>
<context>
    <name>VertexTool</name>
    <message>
        <location filename="../../naturplan/gui/editing/select_tools.py" line="258"/>
        <source>Move vertex of %1</source>
        <translation>Move vertex of %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/select_tools.py" line="269"/>
        <source>Add vertex to %1</source>
        <translation>Add vertex to %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/select_tools.py" line="288"/>
        <source>Delete vertex of %1</source>
        <translation>Delete vertex of %1</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot write the screenshot to {path}: it is a folder.</source>
        <translation>Cannot write the screenshot to {path}: it is a folder.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to {path}: the folder {folder} does not exist.</source>
        <translation>Cannot write the screenshot to {path}: the folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to {path}: {folder} is not a folder.</source>
        <translation>Cannot write the screenshot to {path}: {folder} is not a folder.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to {path}.</source>
        <translation>Cannot write the screenshot to {path}.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>naturplan – help</source>
        <translation>naturplan – help</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Does</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Data sources</translation>
    </message>
    <message>
        <source>Data sources and licences</source>
        <translation>Data sources and licences</translation>
    </message>
    <message>
        <source>Emission factors</source>
        <translation>Emission factors</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>About naturplan</source>
        <translation>About naturplan</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <source>Pan the map</source>
        <translation>Pan the map</translation>
    </message>
    <message>
        <source>Zoom in / out</source>
        <translation>Zoom in / out</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Mouse wheel</translation>
    </message>
    <message>
        <source>Zoom at the mouse pointer</source>
        <translation>Zoom at the mouse pointer</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Enter, double-click</translation>
    </message>
    <message>
        <source>Finish the shape being drawn</source>
        <translation>Finish the shape being drawn</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <source>Remove the last point drawn</source>
        <translation>Remove the last point drawn</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel the shape being drawn or the current drag</source>
        <translation>Cancel the shape being drawn or the current drag</translation>
    </message>
    <message>
        <source>Shift+click</source>
        <translation>Shift+click</translation>
    </message>
    <message>
        <source>Add to the selection; trace a boundary while drawing</source>
        <translation>Add to the selection; trace a boundary while drawing</translation>
    </message>
    <message>
        <source>Layers loaded now</source>
        <translation>Layers loaded now</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>synthetic sample, not real data</source>
        <translation>synthetic sample, not real data</translation>
    </message>
    <message>
        <source>Shipped data: sources and licences</source>
        <translation>Shipped data: sources and licences</translation>
    </message>
    <message>
        <source>The list of shipped sources (layers/SOURCES.md) is missing.</source>
        <translation>The list of shipped sources (layers/SOURCES.md) is missing.</translation>
    </message>
    <message>
        <source>No emission-factor table is installed yet: the climate numbers for candidate areas are not available in this version.</source>
        <translation>No emission-factor table is installed yet: the climate numbers for candidate areas are not available in this version.</translation>
    </message>
    <message>
        <source>Cannot be read:</source>
        <translation>Cannot be read:</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Desktop GIS for municipal nature planning in Denmark: how far protected nature is from the target, candidate areas and their effect, everything that applies to a parcel, maps for the city council.</source>
        <translation>Desktop GIS for municipal nature planning in Denmark: how far protected nature is from the target, candidate areas and their effect, everything that applies to a parcel, maps for the city council.</translation>
    </message>
    <message>
        <source>Boundaries: © SDFI (Geodatastyrelsen), DAGI. Bird protection areas: Miljøstyrelsen via Danmarks Miljøportal (CC0). The parcels, §3 nature, habitat sites, lowland, flood and afforestation layers of the sample are synthetic: made for testing and demonstration, not Aalborg's data.</source>
        <translation>Boundaries: © SDFI (Geodatastyrelsen), DAGI. Bird protection areas: Miljøstyrelsen via Danmarks Miljøportal (CC0). The parcels, §3 nature, habitat sites, lowland, flood and afforestation layers of the sample are synthetic: made for testing and demonstration, not Aalborg's data.</translation>
    </message>
    <message>
        <source>File date</source>
        <translation>File date</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
