<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 18, geometry and input (h18g): coordinates that cannot be measured, the
     JSON the program writes, small command-line defects. Source texts are English with
     {name} placeholders; numerus="yes": the first form for 1, the second for others. -->
<TS version="2.1" language="da_DK">
<context>
    <name>warnings</name>
    <message numerus="yes">
        <source>{n} features of {layer} ({role}) have coordinates that are not finite or lie far outside Denmark (EPSG:25832) and were left out.</source>
        <translation>
            <numerusform>{n} objekt i {layer} ({role}) har koordinater, der ikke er endelige tal eller ligger langt uden for Danmark (EPSG:25832), og blev udeladt.</numerusform>
            <numerusform>{n} objekter i {layer} ({role}) har koordinater, der ikke er endelige tal eller ligger langt uden for Danmark (EPSG:25832), og blev udeladt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message numerus="yes">
        <source>None of the {n} features of {name} has coordinates where EPSG:25832 applies (not finite, or far outside Denmark: is the CRS right?).</source>
        <translation>
            <numerusform>Objektet i {name} har ikke koordinater, hvor EPSG:25832 gælder (ikke endelige tal, eller langt uden for Danmark: er koordinatsystemet rigtigt?).</numerusform>
            <numerusform>Ingen af de {n} objekter i {name} har koordinater, hvor EPSG:25832 gælder (ikke endelige tal, eller langt uden for Danmark: er koordinatsystemet rigtigt?).</numerusform>
        </translation>
    </message>
    <message>
        <source>A candidate area needs finite coordinates.</source>
        <translation>Et kandidatområde skal have koordinater, der er endelige tal.</translation>
    </message>
    <message>
        <source>A candidate area must lie where EPSG:25832 applies.</source>
        <translation>Et kandidatområde skal ligge, hvor EPSG:25832 gælder.</translation>
    </message>
    <message>
        <source>--counts and --no-counts exclude each other; give one of them.</source>
        <translation>--counts og --no-counts udelukker hinanden; angiv kun den ene.</translation>
    </message>
    <message>
        <source>Nothing to change: give --status, --name, --note, --kind, --counts or --no-counts.</source>
        <translation>Intet at ændre: angiv --status, --name, --note, --kind, --counts eller --no-counts.</translation>
    </message>
    <message numerus="yes">
        <source>None of the {n} features of {layer} the service sent has coordinates where EPSG:25832 applies; nothing was written.</source>
        <translation>
            <numerusform>Objektet i {layer}, som tjenesten sendte, har ikke koordinater, hvor EPSG:25832 gælder; intet blev skrevet.</numerusform>
            <numerusform>Ingen af de {n} objekter i {layer}, som tjenesten sendte, har koordinater, hvor EPSG:25832 gælder; intet blev skrevet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>a coordinate is not a finite number (NaN or infinite, or beyond what the file's CRS can transform)</source>
        <translation>en koordinat er ikke et endeligt tal (NaN eller uendelig, eller uden for hvad filens koordinatsystem kan omregne)</translation>
    </message>
    <message>
        <source>coordinates far outside Denmark, where EPSG:25832 does not apply (a wrong CRS?)</source>
        <translation>koordinater langt uden for Danmark, hvor EPSG:25832 ikke gælder (forkert koordinatsystem?)</translation>
    </message>
</context>
</TS>
