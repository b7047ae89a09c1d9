<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 18, geometry and input (h18g): coordinates that cannot be measured, the
     JSON the program writes, small command-line defects. Source texts are English with
     {name} placeholders; numerus="yes": the first form for 1, the second for others. -->
<TS version="2.1" language="en_GB">
<context>
    <name>warnings</name>
    <message numerus="yes">
        <source>{n} features of {layer} ({role}) have coordinates that are not finite or lie far outside Denmark (EPSG:25832) and were left out.</source>
        <translation>
            <numerusform>{n} feature of {layer} ({role}) has coordinates that are not finite or lie far outside Denmark (EPSG:25832) and was left out.</numerusform>
            <numerusform>{n} features of {layer} ({role}) have coordinates that are not finite or lie far outside Denmark (EPSG:25832) and were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message numerus="yes">
        <source>None of the {n} features of {name} has coordinates where EPSG:25832 applies (not finite, or far outside Denmark: is the CRS right?).</source>
        <translation>
            <numerusform>The one feature of {name} has no coordinates where EPSG:25832 applies (not finite, or far outside Denmark: is the CRS right?).</numerusform>
            <numerusform>None of the {n} features of {name} has coordinates where EPSG:25832 applies (not finite, or far outside Denmark: is the CRS right?).</numerusform>
        </translation>
    </message>
    <message>
        <source>A candidate area needs finite coordinates.</source>
        <translation>A candidate area needs finite coordinates.</translation>
    </message>
    <message>
        <source>A candidate area must lie where EPSG:25832 applies.</source>
        <translation>A candidate area must lie where EPSG:25832 applies.</translation>
    </message>
    <message>
        <source>--counts and --no-counts exclude each other; give one of them.</source>
        <translation>--counts and --no-counts exclude each other; give one of them.</translation>
    </message>
    <message>
        <source>Nothing to change: give --status, --name, --note, --kind, --counts or --no-counts.</source>
        <translation>Nothing to change: give --status, --name, --note, --kind, --counts or --no-counts.</translation>
    </message>
    <message numerus="yes">
        <source>None of the {n} features of {layer} the service sent has coordinates where EPSG:25832 applies; nothing was written.</source>
        <translation>
            <numerusform>The one feature of {layer} the service sent has no coordinates where EPSG:25832 applies; nothing was written.</numerusform>
            <numerusform>None of the {n} features of {layer} the service sent has coordinates where EPSG:25832 applies; nothing was written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>a coordinate is not a finite number (NaN or infinite, or beyond what the file's CRS can transform)</source>
        <translation>a coordinate is not a finite number (NaN or infinite, or beyond what the file's CRS can transform)</translation>
    </message>
    <message>
        <source>coordinates far outside Denmark, where EPSG:25832 does not apply (a wrong CRS?)</source>
        <translation>coordinates far outside Denmark, where EPSG:25832 does not apply (a wrong CRS?)</translation>
    </message>
</context>
</TS>
