<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>CandidateTableDock</name>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="238"/>
        <source>Candidate areas</source>
        <translation>Kandidatområder</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="137"/>
        <source>Name</source>
        <extracomment>True while rows are inserted/removed (the view&apos;s selection moves by itself then).</extracomment>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="137"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="137"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="138"/>
        <source>Counts</source>
        <translation>Tæller</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="138"/>
        <source>Area</source>
        <translation>Areal</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="139"/>
        <source>New nature</source>
        <translation>Ny natur</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="139"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="140"/>
        <source>Modified</source>
        <translation>Ændret</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/candidate_table.py" line="140"/>
        <source>Author</source>
        <translation>Oprettet af</translation>
    </message>
</context>
<context>
    <name>DashboardDock</name>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="90"/>
        <source>Protected nature</source>
        <extracomment>The projected share with the counting candidates (None: no ledger yet).</extracomment>
        <translation>Beskyttet natur</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="102"/>
        <source>of the municipality is protected nature</source>
        <translation>af kommunens areal er beskyttet natur</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="106"/>
        <source>By §3 nature type</source>
        <translation>Efter §3-naturtype</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="153"/>
        <source>Aalborg Kommune 17 %</source>
        <translation>Aalborg Kommune 17 %</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="154"/>
        <source>Green Tripartite 20 % (2030)</source>
        <translation>Grøn trepart 20 % (2030)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="161"/>
        <source>reached (+%1)</source>
        <translation>nået (+%1)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="163"/>
        <source>missing %1</source>
        <translation>mangler %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/dashboard.py" line="171"/>
        <source>Counts as protected: %1. Share = area of the union of these layers inside the municipality ÷ the municipality&apos;s area (%2). Overlaps are counted once.</source>
        <translation>Tæller som beskyttet: %1. Andel = arealet af foreningsmængden af disse lag inden for kommunen ÷ kommunens areal (%2). Overlap tælles kun én gang.</translation>
    </message>
    <message>
        <source>synthetic sample</source>
        <translation>syntetisk eksempel</translation>
    </message>
    <message>
        <source>The share is computed from generated sample data, not from real data.</source>
        <translation>Andelen er beregnet ud fra genererede eksempeldata, ikke rigtige data.</translation>
    </message>
</context>
<context>
    <name>DrawPolygonTool</name>
    <message>
        <location filename="../../naturplan/gui/editing/edit_tools.py" line="195"/>
        <source>The area is not valid</source>
        <extracomment>Snapping reach in screen pixels. A click this close (pixels) to the previous vertex adds nothing (double-click echoes).</extracomment>
        <translation>Området er ikke gyldigt</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/edit_tools.py" line="196"/>
        <source>The outline crosses itself (%1). Remove points with Backspace or press Esc to start again.</source>
        <translation>Omridset krydser sig selv (%1). Fjern punkter med Backspace, eller tryk Esc for at starte forfra.</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="86"/>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="89"/>
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="93"/>
        <source>Select</source>
        <translation>Vælg</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="94"/>
        <source>click an area; Shift-click adds to the selection</source>
        <translation>klik på et område; Skift-klik føjer til markeringen</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="96"/>
        <source>Draw candidate area</source>
        <translation>Tegn kandidatområde</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="97"/>
        <source>click the corners; double-click or Enter finishes, Backspace removes the last point, Esc cancels</source>
        <translation>klik hjørnerne; dobbeltklik eller Enter afslutter, Backspace fjerner sidste punkt, Esc annullerer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="100"/>
        <source>Edit vertices</source>
        <translation>Rediger knudepunkter</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="101"/>
        <source>drag a vertex; double-click an edge adds one; right-click removes one</source>
        <translation>træk et knudepunkt; dobbeltklik på en kant tilføjer et; højreklik fjerner et</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="103"/>
        <source>Move area</source>
        <translation>Flyt område</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="103"/>
        <source>drag an area</source>
        <translation>træk et område</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="105"/>
        <source>Split by line</source>
        <translation>Del med linje</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="106"/>
        <source>draw a line across the area; double-click or Enter finishes</source>
        <translation>tegn en linje hen over området; dobbeltklik eller Enter afslutter</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="107"/>
        <source>Delete area</source>
        <translation>Slet område</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="109"/>
        <source>Merge two areas</source>
        <translation>Sammenlæg to områder</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="110"/>
        <source>select two areas first</source>
        <translation>vælg først to områder</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="111"/>
        <source>Snapping</source>
        <translation>Fastgørelse</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="112"/>
        <source>snap to parcels, §3 nature and other areas</source>
        <translation>fastgør til jordstykker, §3-natur og andre områder</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="114"/>
        <source>Trace boundaries</source>
        <translation>Følg grænser</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="116"/>
        <source>two clicks on one parcel or §3 boundary follow it (or hold Shift while clicking)</source>
        <translation>to klik på samme jordstykke- eller §3-grænse følger den (eller hold Skift nede mens du klikker)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="118"/>
        <source>Avoid overlap</source>
        <translation>Undgå overlap</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="120"/>
        <source>clip a new area against the existing ones</source>
        <translation>klip et nyt område mod de eksisterende</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="123"/>
        <source>Kind of the next area drawn</source>
        <translation>Typen af det næste område, der tegnes</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="128"/>
        <source>New project</source>
        <translation>Nyt projekt</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="130"/>
        <source>Open project…</source>
        <translation>Åbn projekt…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="132"/>
        <source>Import candidate areas…</source>
        <translation>Importér kandidatområder…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="134"/>
        <source>Save project as…</source>
        <translation>Gem projekt som…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="137"/>
        <source>Editing</source>
        <translation>Redigering</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="154"/>
        <source>Undo history</source>
        <translation>Fortrydelseshistorik</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="157"/>
        <source>&lt;project opened&gt;</source>
        <translation>&lt;projekt åbnet&gt;</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="172"/>
        <source>Recent projects</source>
        <translation>Seneste projekter</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="188"/>
        <source>on</source>
        <translation>til</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="188"/>
        <source>off</source>
        <translation>fra</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="189"/>
        <source>Snapping %1</source>
        <translation>Fastgørelse %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="221"/>
        <source>Open project</source>
        <translation>Åbn projekt</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="227"/>
        <source>Save project as</source>
        <translation>Gem projekt som</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="236"/>
        <location filename="../../naturplan/gui/editing/actions.py" line="260"/>
        <source>Import candidate areas</source>
        <translation>Importér kandidatområder</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="254"/>
        <location filename="../../naturplan/gui/editing/actions.py" line="266"/>
        <source>Could not import</source>
        <translation>Kunne ikke importere</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="287"/>
        <source>naturplan – nature planning</source>
        <translation>naturplan – naturplanlægning</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="291"/>
        <source>%1 (not saved under a name yet)</source>
        <translation>%1 (endnu ikke gemt under et navn)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="293"/>
        <source>%1 – %2 edits, all saved – naturplan</source>
        <translation>%1 – %2 ændringer, alle gemt – naturplan</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="294"/>
        <source>%1 – 1 edit, saved – naturplan</source>
        <translation>%1 – 1 ændring, gemt – naturplan</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/actions.py" line="305"/>
        <source>Candidate areas drawn in this project</source>
        <translation>Kandidatområder tegnet i dette projekt</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="132"/>
        <source>Could not open the project</source>
        <translation>Projektet kunne ikke åbnes</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="150"/>
        <source>Could not create the project</source>
        <translation>Projektet kunne ikke oprettes</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="151"/>
        <source>%1 exists already.</source>
        <translation>%1 findes allerede.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="172"/>
        <source>Could not save the project</source>
        <translation>Projektet kunne ikke gemmes</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="329"/>
        <source>Could not: %1</source>
        <translation>Kunne ikke: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="337"/>
        <source>Could not undo or redo: %1</source>
        <translation>Kunne ikke fortryde eller gentage: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="339"/>
        <source>The project was re-read from the file and the undo history cleared.</source>
        <translation>Projektet blev læst igen fra filen, og fortrydelseshistorikken blev ryddet.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="367"/>
        <source>add %1</source>
        <translation>tilføje %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="369"/>
        <source>Draw %1</source>
        <translation>Tegn %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="384"/>
        <source>Avoid overlap removed %1 from the new area: %2</source>
        <translation>Undgå overlap fjernede %1 fra det nye område: %2</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="403"/>
        <source>Delete %1</source>
        <translation>Slet %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="404"/>
        <source>Delete %1 areas</source>
        <translation>Slet %1 områder</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="420"/>
        <source>Edit %1</source>
        <translation>Rediger %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="426"/>
        <source>Merge</source>
        <translation>Sammenlæg</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="426"/>
        <source>Select exactly two candidate areas.</source>
        <translation>Vælg præcis to kandidatområder.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="429"/>
        <source>Merge %1 and %2</source>
        <translation>Sammenlæg %1 og %2</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/session.py" line="440"/>
        <source>Split %1</source>
        <translation>Del %1</translation>
    </message>
</context>
<context>
    <name>FieldMappingDialog</name>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="61"/>
        <source>Map fields</source>
        <translation>Tilknyt felter</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="71"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="88"/>
        <source>* required</source>
        <translation>* skal udfyldes</translation>
    </message>
</context>
<context>
    <name>IdentifyDock</name>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="88"/>
        <source>Identify</source>
        <translation>Identificer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="92"/>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="81"/>
        <location filename="../../naturplan/gui/identify.py" line="92"/>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="102"/>
        <source>Point (EPSG:25832)</source>
        <translation>Punkt (EPSG:25832)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/identify.py" line="107"/>
        <source>Nothing here</source>
        <translation>Intet her</translation>
    </message>
    <message>
        <source>Area (calculated from the map)</source>
        <translation>Areal (beregnet på kortet)</translation>
    </message>
</context>
<context>
    <name>LayersDock</name>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="61"/>
        <source>Layers</source>
        <translation>Lag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="72"/>
        <source>Opacity</source>
        <translation>Gennemsigtighed</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="94"/>
        <source>synthetic sample</source>
        <translation>syntetisk eksempel</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="130"/>
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="131"/>
        <location filename="../../naturplan/gui/panels.py" line="175"/>
        <source>Source: %1</source>
        <translation>Kilde: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="132"/>
        <source>Features: %1</source>
        <translation>Objekter: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="136"/>
        <source>Synthetic sample data, not real data.</source>
        <translation>Syntetiske eksempeldata, ikke rigtige data.</translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="27"/>
        <source>With the candidate areas</source>
        <translation>Med kandidatområderne</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="28"/>
        <source>Gap to target: hectares of protected nature missing to reach it, now and with the counting areas.</source>
        <translation>Mangler til målet: hektar beskyttet natur, der mangler for at nå det, nu og med de tællende områder.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="65"/>
        <source>%1 projected</source>
        <translation>%1 fremskrevet</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="68"/>
        <source>%1 counting areas add %2 of new nature (now %3). Overlaps with protected nature and between areas are counted once.</source>
        <translation>%1 tællende områder tilføjer %2 ny natur (nu %3). Overlap med beskyttet natur og mellem områder tælles én gang.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="73"/>
        <source>Gap to target</source>
        <translation>Mangler til målet</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="73"/>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="73"/>
        <source>projected</source>
        <translation>fremskrevet</translation>
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
        <translation>nået</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/ledger_view.py" line="86"/>
        <source>New nature by kind</source>
        <translation>Ny natur efter type</translation>
    </message>
</context>
<context>
    <name>LegendDock</name>
    <message>
        <location filename="../../naturplan/gui/panels.py" line="191"/>
        <source>Legend</source>
        <translation>Signaturforklaring</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="63"/>
        <source>naturplan – nature planning</source>
        <extracomment>Every edit is one command on this stack (issue 4, see gui/edit_actions.py). The project&apos;s candidate areas (issue 4), drawn in the candidates style.</extracomment>
        <translation>naturplan – naturplanlægning</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="110"/>
        <source>Add layer…</source>
        <translation>Tilføj lag…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="112"/>
        <source>Pan</source>
        <translation>Panorer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="115"/>
        <source>Identify</source>
        <translation>Identificer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="123"/>
        <source>Zoom in</source>
        <translation>Zoom ind</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="125"/>
        <source>Zoom out</source>
        <translation>Zoom ud</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="127"/>
        <source>Zoom to municipality</source>
        <translation>Zoom til kommunen</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="129"/>
        <source>Zoom to layer</source>
        <translation>Zoom til lag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="131"/>
        <source>Remove layer</source>
        <translation>Fjern lag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="133"/>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="137"/>
        <source>Map</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="144"/>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="149"/>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="150"/>
        <source>&amp;Map</source>
        <translation>&amp;Kort</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="154"/>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="165"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="223"/>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="231"/>
        <source>Loading: %1</source>
        <translation>Indlæser: %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="247"/>
        <source>protected share</source>
        <translation>andel beskyttet natur</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="249"/>
        <source>preparing the map</source>
        <translation>forbereder kortet</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="259"/>
        <source>Loading layers…</source>
        <translation>Indlæser lag…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="274"/>
        <source>%1 layers loaded</source>
        <translation>%1 lag indlæst</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="287"/>
        <source>Could not load</source>
        <translation>Kunne ikke indlæse</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="291"/>
        <source>Add layer</source>
        <translation>Tilføj lag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="312"/>
        <source>Loading layer…</source>
        <translation>Indlæser lag…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="347"/>
        <source>The municipality and the candidate areas cannot be removed.</source>
        <translation>Kommunegrænsen og kandidatområderne kan ikke fjernes.</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="366"/>
        <source>Computing the protected share…</source>
        <translation>Beregner andelen af beskyttet natur…</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="380"/>
        <source>E %1  N %2  (EPSG:25832)</source>
        <translation>Ø %1  N %2  (EPSG:25832)</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/main_window.py" line="390"/>
        <source>Drawing the map…</source>
        <translation>Tegner kortet…</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Målestok</translation>
    </message>
    <message>
        <source>North arrow</source>
        <translation>Nordpil</translation>
    </message>
    <message>
        <source>The map could not be drawn: %1</source>
        <translation>Kortet kunne ikke tegnes: %1</translation>
    </message>
    <message>
        <source>Layer %1 could not be drawn: %2</source>
        <translation>Laget %1 kunne ikke tegnes: %2</translation>
    </message>
    <message>
        <source>Synthetic sample – not real data</source>
        <translation>Syntetisk eksempel – ikke rigtige data</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiketter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
</context>
<context>
    <name>MoveTool</name>
    <message>
        <location filename="../../naturplan/gui/editing/select_tools.py" line="132"/>
        <source>Move %1</source>
        <extracomment>How close (pixels) a click must be to a candidate&apos;s outline to pick it.</extracomment>
        <translation>Flyt %1</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="28"/>
        <source>Add layer</source>
        <translation>Tilføj lag</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="35"/>
        <source>only if the file has none, e.g. 25832</source>
        <translation>kun hvis filen ikke har et, f.eks. 25832</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="36"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="37"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/add_layer.py" line="38"/>
        <source>Assume CRS (EPSG)</source>
        <translation>Antag koordinatsystem (EPSG)</translation>
    </message>
</context>
<context>
    <name>SplitTool</name>
    <message>
        <location filename="../../naturplan/gui/editing/edit_tools.py" line="217"/>
        <source>Split</source>
        <translation>Del</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/edit_tools.py" line="218"/>
        <source>Draw the line across exactly one candidate area (or select the one to split).</source>
        <translation>Tegn linjen hen over præcis ét kandidatområde (eller vælg det, der skal deles).</translation>
    </message>
</context>
<context>
    <name>VertexTool</name>
    <message>
        <location filename="../../naturplan/gui/editing/select_tools.py" line="258"/>
        <source>Move vertex of %1</source>
        <translation>Flyt knudepunkt i %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/select_tools.py" line="269"/>
        <source>Add vertex to %1</source>
        <translation>Tilføj knudepunkt til %1</translation>
    </message>
    <message>
        <location filename="../../naturplan/gui/editing/select_tools.py" line="288"/>
        <source>Delete vertex of %1</source>
        <translation>Slet knudepunkt i %1</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot write the screenshot to {path}: it is a folder.</source>
        <translation>Kan ikke gemme skærmbilledet som {path}: det er en mappe.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to {path}: the folder {folder} does not exist.</source>
        <translation>Kan ikke gemme skærmbilledet som {path}: mappen {folder} findes ikke.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to {path}: {folder} is not a folder.</source>
        <translation>Kan ikke gemme skærmbilledet som {path}: {folder} er ikke en mappe.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to {path}.</source>
        <translation>Kan ikke gemme skærmbilledet som {path}.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>naturplan – help</source>
        <translation>naturplan – hjælp</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Gør</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Datakilder</translation>
    </message>
    <message>
        <source>Data sources and licences</source>
        <translation>Datakilder og licenser</translation>
    </message>
    <message>
        <source>Emission factors</source>
        <translation>Emissionsfaktorer</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Om</translation>
    </message>
    <message>
        <source>About naturplan</source>
        <translation>Om naturplan</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Piletaster</translation>
    </message>
    <message>
        <source>Pan the map</source>
        <translation>Flyt kortet</translation>
    </message>
    <message>
        <source>Zoom in / out</source>
        <translation>Zoom ind / ud</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Musehjul</translation>
    </message>
    <message>
        <source>Zoom at the mouse pointer</source>
        <translation>Zoom ved musemarkøren</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Enter, dobbeltklik</translation>
    </message>
    <message>
        <source>Finish the shape being drawn</source>
        <translation>Afslut figuren, der tegnes</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <source>Remove the last point drawn</source>
        <translation>Fjern det sidst tegnede punkt</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel the shape being drawn or the current drag</source>
        <translation>Annuller figuren, der tegnes, eller den igangværende trækning</translation>
    </message>
    <message>
        <source>Shift+click</source>
        <translation>Skift+klik</translation>
    </message>
    <message>
        <source>Add to the selection; trace a boundary while drawing</source>
        <translation>Føj til markeringen; følg en grænse under tegning</translation>
    </message>
    <message>
        <source>Layers loaded now</source>
        <translation>Indlæste lag</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Bemærkninger</translation>
    </message>
    <message>
        <source>synthetic sample, not real data</source>
        <translation>syntetisk eksempel, ikke rigtige data</translation>
    </message>
    <message>
        <source>Shipped data: sources and licences</source>
        <translation>Medfølgende data: kilder og licenser</translation>
    </message>
    <message>
        <source>The list of shipped sources (layers/SOURCES.md) is missing.</source>
        <translation>Listen over medfølgende kilder (layers/SOURCES.md) mangler.</translation>
    </message>
    <message>
        <source>No emission-factor table is installed yet: the climate numbers for candidate areas are not available in this version.</source>
        <translation>Der er endnu ingen tabel med emissionsfaktorer: klimatallene for kandidatområder findes ikke i denne version.</translation>
    </message>
    <message>
        <source>Cannot be read:</source>
        <translation>Kan ikke læses:</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licens</translation>
    </message>
    <message>
        <source>Desktop GIS for municipal nature planning in Denmark: how far protected nature is from the target, candidate areas and their effect, everything that applies to a parcel, maps for the city council.</source>
        <translation>GIS til kommunal naturplanlægning i Danmark: hvor langt den beskyttede natur er fra målet, kandidatområder og deres virkning, alt der gælder for et jordstykke, kort til byrådet.</translation>
    </message>
    <message>
        <source>Boundaries: © SDFI (Geodatastyrelsen), DAGI. Bird protection areas: Miljøstyrelsen via Danmarks Miljøportal (CC0). The parcels, §3 nature, habitat sites, lowland, flood and afforestation layers of the sample are synthetic: made for testing and demonstration, not Aalborg's data.</source>
        <translation>Grænser: © SDFI (Geodatastyrelsen), DAGI. Fuglebeskyttelsesområder: Miljøstyrelsen via Danmarks Miljøportal (CC0). Eksemplets jordstykker, §3-natur, habitatområder, lavbund, oversvømmelse og skovrejsning er syntetiske: lavet til test og demonstration, ikke Aalborgs data.</translation>
    </message>
    <message>
        <source>File date</source>
        <translation>Filens dato</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
</TS>
