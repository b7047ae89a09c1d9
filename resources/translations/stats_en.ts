<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- naturplan stats, loading and the data options (issue 7): command-line output,
     progress, warnings (context "warnings", core/notices.py) and the errors raised while
     loading layers (context "errors"). Source texts are English with {name} placeholders;
     a message with a count is numerus="yes": the first form for 1, the second for others. -->
<TS version="2.1" language="en_GB">
<context>
    <name>progress</name>
    <message>
        <source>building the synthetic sample (first run)</source>
        <translation>Building the synthetic sample (first run)</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>Reading the municipality</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>Reading the layers</translation>
    </message>
    <message>
        <source>protected share</source>
        <translation>Computing the protected share</translation>
    </message>
    <message>
        <source>done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Landskab</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Jordstykker</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>§3 beskyttet natur</source>
        <translation>§3 protected nature</translation>
    </message>
    <message>
        <source>Natura 2000</source>
        <translation>Natura 2000</translation>
    </message>
    <message>
        <source>Lavbund</source>
        <translation>Lowland</translation>
    </message>
    <message>
        <source>Skovrejsning</source>
        <translation>Afforestation zones</translation>
    </message>
    <message>
        <source>Oversvømmelse</source>
        <translation>Flood depth</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Færdig</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message numerus="yes">
        <source>{layer} holds {n} municipalities.</source>
        <translation>
            <numerusform>{layer} holds {n} municipality.</numerusform>
            <numerusform>{layer} holds {n} municipalities.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message numerus="yes">
        <source>{n} features</source>
        <translation>
            <numerusform>{n} feature</numerusform>
            <numerusform>{n} features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} cells</source>
        <translation>
            <numerusform>{n} cell</numerusform>
            <numerusform>{n} cells</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message numerus="yes">
        <source>None of the {n} features of {layer} ({role}) lies inside {municipality}.</source>
        <translation>
            <numerusform>The only feature of {layer} ({role}) lies outside {municipality}.</numerusform>
            <numerusform>None of the {n} features of {layer} ({role}) lies inside {municipality}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} features of {layer} ({role}) are not polygons and were left out: {types}.</source>
        <translation>
            <numerusform>{n} feature of {layer} ({role}) is not a polygon and was left out: {types}.</numerusform>
            <numerusform>{n} features of {layer} ({role}) are not polygons and were left out: {types}.</numerusform>
        </translation>
    </message>
</context>
</TS>
