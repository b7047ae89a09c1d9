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
    <message>
        <source>the candidate atlas: an overview page and one page per candidate (PDF; needs --project)</source>
        <translation>the candidate atlas: an overview page and one page per candidate (PDF; needs --project)</translation>
    </message>
    <message>
        <source>atlas of the candidates of this scenario only</source>
        <translation>atlas of the candidates of this scenario only</translation>
    </message>
    <message>
        <source>one atlas PDF per kind or status (named after --out)</source>
        <translation>one atlas PDF per kind or status (named after --out)</translation>
    </message>
    <message>
        <source>load layers into the team database (PostGIS)</source>
        <translation>load layers into the team database (PostGIS)</translation>
    </message>
    <message>
        <source>the file for ROLE, read as --layer reads it; repeatable</source>
        <translation>the file for ROLE, read as --layer reads it; repeatable</translation>
    </message>
    <message>
        <source>the team project's database (postgresql://host/db or service=NAME)</source>
        <translation>the team project's database (postgresql://host/db or service=NAME)</translation>
    </message>
    <message>
        <source>one row per municipality of the country (share, gap to the 17 and 20 percent targets, by §3 type), measured one municipality at a time</source>
        <translation>one row per municipality of the country (share, gap to the 17 and 20 percent targets, by §3 type), measured one municipality at a time</translation>
    </message>
    <message>
        <source>with --all-kommuner: write the table to this file</source>
        <translation>with --all-kommuner: write the table to this file</translation>
    </message>
    <message>
        <source>with --all-kommuner: processes that measure (default: 2 cores)</source>
        <translation>with --all-kommuner: processes that measure (default: 2 cores)</translation>
    </message>
    <message>
        <source>with --json: also measure access to nature near home (the share of addresses within 300 m and 1 km of nature; reads the addresses)</source>
        <translation>with --json: also measure access to nature near home (the share of addresses within 300 m and 1 km of nature; reads the addresses)</translation>
    </message>
    <message>
        <source>with --json: also measure the condition of the §3 nature (area by naturtilstand, share in good condition; reads the §3 fields)</source>
        <translation>with --json: also measure the condition of the §3 nature (area by naturtilstand, share in good condition; reads the §3 fields)</translation>
    </message>
    <message>
        <source>the target file for the share in good condition (TOML; default: the shipped example)</source>
        <translation>the target file for the share in good condition (TOML; default: the shipped example)</translation>
    </message>
    <message>
        <source>with --access: the roles that count as accessible nature, comma-separated (default: the project's setting, or nature_p3,candidates)</source>
        <translation>with --access: the roles that count as accessible nature, comma-separated (default: the project's setting, or nature_p3,candidates)</translation>
    </message>
    <message>
        <source>set the §3 features a candidate area lifts to a condition class</source>
        <translation>set the §3 features a candidate area lifts to a condition class</translation>
    </message>
    <message>
        <source>a §3 feature id (Objekt_id) and the class I-V it is lifted to; repeat for more</source>
        <translation>a §3 feature id (Objekt_id) and the class I-V it is lifted to; repeat for more</translation>
    </message>
    <message>
        <source>the candidate area lifts no §3 features</source>
        <translation>the candidate area lifts no §3 features</translation>
    </message>
</context>
</TS>
