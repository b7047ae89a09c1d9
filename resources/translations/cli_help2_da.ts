<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Help texts of command-line options added when branches were merged. -->
<TS version="2.1" language="da_DK">
<context>
    <name>cli_help</name>
    <message>
        <source>a table of ejerlav (code and name, CSV or GeoPackage) for a parcel file that has only the codes</source>
        <translation>en tabel over ejerlav (kode og navn, CSV eller GeoPackage) til en jordstykkefil, der kun har koderne</translation>
    </message>
    <message>
        <source>the candidate atlas: an overview page and one page per candidate (PDF; needs --project)</source>
        <translation>kandidatatlasset: en oversigtsside og én side pr. kandidatområde (PDF; kræver --project)</translation>
    </message>
    <message>
        <source>atlas of the candidates of this scenario only</source>
        <translation>atlas over kun dette scenaries kandidatområder</translation>
    </message>
    <message>
        <source>one atlas PDF per kind or status (named after --out)</source>
        <translation>én atlas-PDF pr. type eller status (navngivet efter --out)</translation>
    </message>
    <message>
        <source>load layers into the team database (PostGIS)</source>
        <translation>indlæs lag i teamdatabasen (PostGIS)</translation>
    </message>
    <message>
        <source>the file for ROLE, read as --layer reads it; repeatable</source>
        <translation>filen til ROLLE, læst som --layer læser den; kan gentages</translation>
    </message>
    <message>
        <source>the team project's database (postgresql://host/db or service=NAME)</source>
        <translation>teamprojektets database (postgresql://vært/db eller service=NAVN)</translation>
    </message>
    <message>
        <source>one row per municipality of the country (share, gap to the 17 and 20 percent targets, by §3 type), measured one municipality at a time</source>
        <translation>én række pr. kommune i landet (andel, mangel til målene på 17 og 20 procent, pr. §3-type), målt én kommune ad gangen</translation>
    </message>
    <message>
        <source>with --all-kommuner: write the table to this file</source>
        <translation>med --all-kommuner: skriv tabellen til denne fil</translation>
    </message>
    <message>
        <source>with --all-kommuner: processes that measure (default: 2 cores)</source>
        <translation>med --all-kommuner: processer der måler (standard: 2 kerner)</translation>
    </message>
</context>
</TS>
