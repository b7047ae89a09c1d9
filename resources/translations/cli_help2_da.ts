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
    <message>
        <source>with --json: also measure access to nature near home (the share of addresses within 300 m and 1 km of nature; reads the addresses)</source>
        <translation>med --json: mål også adgangen til natur tæt på hjemmet (andelen af adresser inden for 300 m og 1 km fra natur; læser adresserne)</translation>
    </message>
    <message>
        <source>with --json: also measure the condition of the §3 nature (area by naturtilstand, share in good condition; reads the §3 fields)</source>
        <translation>med --json: mål også tilstanden af §3-naturen (areal efter naturtilstand, andel i god tilstand; læser §3-felterne)</translation>
    </message>
    <message>
        <source>the target file for the share in good condition (TOML; default: the shipped example)</source>
        <translation>målfilen for andelen i god tilstand (TOML; standard: det medfølgende eksempel)</translation>
    </message>
    <message>
        <source>with --access: the roles that count as accessible nature, comma-separated (default: the project's setting, or nature_p3,candidates)</source>
        <translation>med --access: de roller, der tæller som tilgængelig natur, kommasepareret (standard: projektets indstilling eller nature_p3,candidates)</translation>
    </message>
    <message>
        <source>set the §3 features a candidate area lifts to a condition class</source>
        <translation>angiv de §3-objekter, et kandidatområde løfter til en tilstandsklasse</translation>
    </message>
    <message>
        <source>a §3 feature id (Objekt_id) and the class I-V it is lifted to; repeat for more</source>
        <translation>et §3-objekts id (Objekt_id) og den klasse I-V, det løftes til; gentag for flere</translation>
    </message>
    <message>
        <source>the candidate area lifts no §3 features</source>
        <translation>kandidatområdet løfter ingen §3-objekter</translation>
    </message>
</context>
</TS>
