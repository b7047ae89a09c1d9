<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Help texts of command-line options added when branches were merged. -->
<TS version="2.1" language="en_GB">
<context>
    <name>cli_help</name>
    <message>
        <source>a table of ejerlav (code and name, CSV or GeoPackage) for a parcel file that has only the codes</source>
        <translation>a table of ejerlav (code and name, CSV or GeoPackage) for a parcel file that has only the codes</translation>
    </message>
</context>
</TS>
