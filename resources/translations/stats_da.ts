<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- naturplan stats, loading and the data options (issue 7): command-line output,
     progress, warnings (context "warnings", core/notices.py) and the errors raised while
     loading layers (context "errors"). Source texts are English with {name} placeholders;
     a message with a count is numerus="yes": the first form for 1, the second for others. -->
<TS version="2.1" language="da_DK">
<context>
    <name>cli</name>
    <message>
        <source>Map the fields with --field {role}.{field}=SOURCE_FIELD.</source>
        <translation>Tilknyt felterne med --field {role}.{field}=KILDEFELT.</translation>
    </message>
    <message>
        <source>Choose one with --kommune KOMKODE.</source>
        <translation>Vælg én med --kommune KOMKODE.</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>building the synthetic sample (first run)</source>
        <translation>Bygger det syntetiske eksempel (første kørsel)</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>Læser kommunen</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>Læser lagene</translation>
    </message>
    <message>
        <source>protected share</source>
        <translation>Beregner andelen af beskyttet natur</translation>
    </message>
    <message>
        <source>done</source>
        <translation>Færdig</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>File not found: {path}</source>
        <translation>Filen findes ikke: {path}</translation>
    </message>
    <message>
        <source>Cannot read '{name}': {reason}</source>
        <translation>Kan ikke læse '{name}': {reason}</translation>
    </message>
    <message>
        <source>Cannot read raster '{name}': {reason}</source>
        <translation>Kan ikke læse rasteren '{name}': {reason}</translation>
    </message>
    <message>
        <source>'{name}' has no feature table '{layer}'.</source>
        <translation>'{name}' har ingen featuretabel '{layer}'.</translation>
    </message>
    <message>
        <source>'{name}' layer '{layer}' has no field {missing}.</source>
        <translation>Laget '{layer}' i '{name}' har intet felt {missing}.</translation>
    </message>
    <message>
        <source>'{name}' holds a geometry that is not GeoPackage binary.</source>
        <translation>'{name}' indeholder en geometri, der ikke er i GeoPackage-format.</translation>
    </message>
    <message>
        <source>'{name}' holds a broken geometry: {reason}</source>
        <translation>'{name}' indeholder en ødelagt geometri: {reason}</translation>
    </message>
    <message>
        <source>Unknown CRS '{crs}': {reason}</source>
        <translation>Ukendt koordinatsystem '{crs}': {reason}</translation>
    </message>
    <message>
        <source>'{name}' contains no layers.</source>
        <translation>'{name}' indeholder ingen lag.</translation>
    </message>
    <message>
        <source>'{name}' has no layer '{layer}'. Layers: {layers}.</source>
        <translation>'{name}' har intet lag '{layer}'. Lag: {layers}.</translation>
    </message>
    <message>
        <source>'{name}' has no geometry column.</source>
        <translation>'{name}' har ingen geometrikolonne.</translation>
    </message>
    <message>
        <source>Cannot reproject '{name}' from {crs} to EPSG:{epsg}: {reason}</source>
        <translation>Kan ikke omprojicere '{name}' fra {crs} til EPSG:{epsg}: {reason}</translation>
    </message>
    <message>
        <source>A layer is given as ROLE=PATH[:LAYER], got '{text}'.</source>
        <translation>Et lag angives som ROLLE=STI[:LAG], fik '{text}'.</translation>
    </message>
    <message>
        <source>Role {role} needs polygons, but '{name}' is a raster.</source>
        <translation>Rollen {role} kræver polygoner, men '{name}' er et raster.</translation>
    </message>
    <message>
        <source>The field mapping for role {role} reads {missing}, but {layer} has no such field. Its fields: {fields}.</source>
        <translation>Felttilknytningen for rollen {role} læser {missing}, men {layer} har ikke det felt. Dens felter: {fields}.</translation>
    </message>
    <message>
        <source>Role {role} has no field {unknown}; its fields are: {fields}.</source>
        <translation>Rollen {role} har intet felt {unknown}; dens felter er: {fields}.</translation>
    </message>
    <message>
        <source>'{name}' is not a known schema for role {role}: it needs {needs} and has {fields}.</source>
        <translation>'{name}' følger ikke et kendt skema for rollen {role}: den kræver {needs} og har {fields}.</translation>
    </message>
    <message>
        <source>No municipality with KOMKODE {code} in {layer} (Aalborg is 0851, København 0101).</source>
        <translation>Ingen kommune med KOMKODE {code} i {layer} (Aalborg er 0851, København 0101).</translation>
    </message>
    <message>
        <source>{layer} holds no municipality.</source>
        <translation>{layer} indeholder ingen kommune.</translation>
    </message>
    <message>
        <source>KOMKODE must be up to 4 digits (Aalborg is 0851), got '{text}'.</source>
        <translation>KOMKODE skal være op til 4 cifre (Aalborg er 0851), fik '{text}'.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Indlæsningen blev annulleret.</translation>
    </message>
    <message>
        <source>--sample-scale must be in (0, 4], got {scale}.</source>
        <translation>--sample-scale skal være i (0, 4], fik {scale}.</translation>
    </message>
    <message>
        <source>--field wants ROLE.FIELD=SOURCE, got '{text}'.</source>
        <translation>--field skal have formen ROLLE.FELT=KILDE, fik '{text}'.</translation>
    </message>
    <message numerus="yes">
        <source>{layer} holds {n} municipalities.</source>
        <translation>
            <numerusform>{layer} indeholder {n} kommune.</numerusform>
            <numerusform>{layer} indeholder {n} kommuner.</numerusform>
        </translation>
    </message>
    <message>
        <source>Role {role} needs polygons, but {name} is a {found} layer.</source>
        <translation>Rollen {role} kræver polygoner, men {name} er et lag af typen {found}.</translation>
    </message>
    <message>
        <source>Role {role} needs polygons, but {name} holds none ({found}).</source>
        <translation>Rollen {role} kræver polygoner, men {name} indeholder ingen ({found}).</translation>
    </message>
    <message>
        <source>The field mapping {mapping} maps nothing: no layer plays role {role}.</source>
        <translation>Felttilknytningen {mapping} tilknytter intet: intet lag spiller rollen {role}.</translation>
    </message>
    <message>
        <source>Unknown role '{role}'. Valid roles: {roles}.</source>
        <translation>Ukendt rolle '{role}'. Gyldige roller: {roles}.</translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message>
        <source>Protected nature in {name} Municipality ({code})</source>
        <translation>Beskyttet natur i {name} Kommune ({code})</translation>
    </message>
    <message>
        <source>Municipality area</source>
        <translation>Kommunens areal</translation>
    </message>
    <message>
        <source>Protected nature</source>
        <translation>Beskyttet natur</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Tæller med</translation>
    </message>
    <message>
        <source>By nature type (each type on its own; overlaps counted once per type)</source>
        <translation>Fordelt på naturtype (hver type for sig; overlap tælles én gang pr. type)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukendt</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>gap {gap}</source>
        <translation>mangler {gap}</translation>
    </message>
    <message>
        <source>reached (+{surplus})</source>
        <translation>nået (+{surplus})</translation>
    </message>
    <message>
        <source>With candidate areas</source>
        <translation>Med kandidatområder</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>synthetic sample</source>
        <translation>syntetisk eksempel</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>advarsel</translation>
    </message>
    <message numerus="yes">
        <source>{n} features</source>
        <translation>
            <numerusform>{n} objekt</numerusform>
            <numerusform>{n} objekter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} cells</source>
        <translation>
            <numerusform>{n} celle</numerusform>
            <numerusform>{n} celler</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>No layer plays the protected role {role} in {municipality}: it adds nothing to the share.</source>
        <translation>Intet lag spiller den beskyttede rolle {role} i {municipality}: den lægger intet til andelen.</translation>
    </message>
    <message>
        <source>The synthetic sample covers Aalborg only; {municipality} opens with real layers only.</source>
        <translation>Det syntetiske eksempel dækker kun Aalborg; {municipality} åbnes kun med rigtige lag.</translation>
    </message>
    <message>
        <source>The synthetic sample was left out.</source>
        <translation>Det syntetiske eksempel er udeladt.</translation>
    </message>
    <message>
        <source>The protected layer {layer} ({role}) has no features.</source>
        <translation>Det beskyttede lag {layer} ({role}) har ingen objekter.</translation>
    </message>
    <message numerus="yes">
        <source>None of the {n} features of {layer} ({role}) lies inside {municipality}.</source>
        <translation>
            <numerusform>Det eneste objekt i {layer} ({role}) ligger uden for {municipality}.</numerusform>
            <numerusform>Ingen af de {n} objekter i {layer} ({role}) ligger i {municipality}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} features of {layer} ({role}) are not polygons and were left out: {types}.</source>
        <translation>
            <numerusform>{n} objekt i {layer} ({role}) er ikke en polygon og blev udeladt: {types}.</numerusform>
            <numerusform>{n} objekter i {layer} ({role}) er ikke polygoner og blev udeladt: {types}.</numerusform>
        </translation>
    </message>
</context>
</TS>
